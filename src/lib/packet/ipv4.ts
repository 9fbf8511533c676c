/** IPv4 header (os-ken os_ken/lib/packet/ipv4.py). */
import type { Reader } from '../../wire/reader.js';
import { PacketMalformed } from '../../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jInt, jStr, need, registerProtocol, sliceRest } from './packet_base.js';
import { foldChecksum, ipv4Text, ipv4Value, sum16View } from './packet_utils.js';
import { ETH_TYPE_IP } from './ether_types.js';
import { Ethernet } from './ethernet.js';

export interface IPv4Opts {
  version?: number;
  header_length?: number;
  tos?: number;
  total_length?: number;
  identification?: number;
  flags?: number;
  offset?: number;
  ttl?: number;
  proto?: number;
  csum?: number;
  src?: string;
  dst?: string;
  option?: Uint8Array | null;
}

export class IPv4 extends PacketBase {
  static override readonly jsonName = 'ipv4';
  static override readonly MIN_LEN = 20;

  version: number;
  header_length: number;
  tos: number;
  total_length: number;
  identification: number;
  flags: number;
  offset: number;
  ttl: number;
  proto: number;
  csum: number;
  src: string;
  dst: string;
  /** raw option bytes (os-ken does not decode IPv4 options) */
  option: Uint8Array | null;

  constructor(opts: IPv4Opts = {}) {
    super();
    this.version = opts.version ?? 4;
    this.header_length = opts.header_length ?? 5;
    this.tos = opts.tos ?? 0;
    this.total_length = opts.total_length ?? 0;
    this.identification = opts.identification ?? 0;
    this.flags = opts.flags ?? 0;
    this.offset = opts.offset ?? 0;
    this.ttl = opts.ttl ?? 255;
    this.proto = opts.proto ?? 0;
    this.csum = opts.csum ?? 0;
    this.src = opts.src ?? '10.0.0.1';
    this.dst = opts.dst ?? '10.0.0.2';
    this.option = opts.option ?? null;
  }

  override get length(): number {
    return this.header_length * 4;
  }

  static override decode(r: Reader, ctx: DecodeCtx): IPv4 {
    need(r, 20, 'ipv4');
    const p = r.pos;
    const b = r.bytes;
    const v = r.view;
    const vhl = b[p]!;
    const headerLength = vhl & 0xf;
    const length = headerLength * 4;
    const totalLength = v.getUint16(p + 2);
    const fo = v.getUint16(p + 6);
    const proto = b[p + 9]!;
    let option: Uint8Array | null = null;
    if (length > 20) option = b.slice(p + 20, Math.max(p + 20, Math.min(p + length, r.end)));
    const ip = new IPv4({
      version: vhl >> 4,
      header_length: headerLength,
      tos: b[p + 1]!,
      total_length: totalLength,
      identification: v.getUint16(p + 4),
      flags: fo >> 13,
      offset: fo & 0x1fff,
      ttl: b[p + 8]!,
      proto,
      csum: v.getUint16(p + 10),
      src: ipv4Text(b, p + 12),
      dst: ipv4Text(b, p + 16),
      option,
    });
    ctx.next = IPv4.getPacketType(proto);
    sliceRest(r, p + length, p + totalLength);
    return ip;
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const length = this.header_length * 4;
    if (length < 20) throw new PacketMalformed('ipv4', `header_length ${this.header_length} < 5`, 0);
    if (this.option && this.option.length > length - 20) throw new PacketMalformed('ipv4', 'option longer than header_length allows', 0);
    if (this.total_length === 0) this.total_length = length + out.length;
    const at = out.prepend(length);
    const b = out.buf;
    const v = out.view;
    b[at] = ((this.version << 4) | this.header_length) & 0xff;
    b[at + 1] = this.tos & 0xff;
    v.setUint16(at + 2, this.total_length & 0xffff);
    v.setUint16(at + 4, this.identification & 0xffff);
    v.setUint16(at + 6, ((this.flags << 13) | this.offset) & 0xffff);
    b[at + 8] = this.ttl & 0xff;
    b[at + 9] = this.proto & 0xff;
    v.setUint32(at + 12, ipv4Value(this.src));
    v.setUint32(at + 16, ipv4Value(this.dst));
    if (this.option) b.set(this.option, at + 20);
    this.csum = foldChecksum(sum16View(v, at, at + length));
    v.setUint16(at + 10, this.csum);
  }

  override toJsonFields(): JsonObject {
    return {
      csum: this.csum,
      dst: this.dst,
      flags: this.flags,
      header_length: this.header_length,
      identification: this.identification,
      offset: this.offset,
      option: this.option === null ? null : base64Encode(this.option),
      proto: this.proto,
      src: this.src,
      tos: this.tos,
      total_length: this.total_length,
      ttl: this.ttl,
      version: this.version,
    };
  }

  static override fromJsonDict(d: JsonObject): IPv4 {
    const o = d.option;
    return new IPv4({
      version: jInt(d, 'version', 4),
      header_length: jInt(d, 'header_length', 5),
      tos: jInt(d, 'tos', 0),
      total_length: jInt(d, 'total_length', 0),
      identification: jInt(d, 'identification', 0),
      flags: jInt(d, 'flags', 0),
      offset: jInt(d, 'offset', 0),
      ttl: jInt(d, 'ttl', 255),
      proto: jInt(d, 'proto', 0),
      csum: jInt(d, 'csum', 0),
      src: jStr(d, 'src', '10.0.0.1'),
      dst: jStr(d, 'dst', '10.0.0.2'),
      option: typeof o === 'string' ? base64Decode(o) : null,
    });
  }
}

registerProtocol(IPv4);
Ethernet.registerPacketType(IPv4, ETH_TYPE_IP);
