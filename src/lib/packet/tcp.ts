/** TCP header (os-ken os_ken/lib/packet/tcp.py). */
import type { Reader } from '../../wire/reader.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { JsonDictError } from '../../wire/errors.js';
import {
  DecodeCtx,
  PacketBase,
  PacketClass,
  PortMatch,
  PortTable,
  SerializeBuffer,
  jInt,
  need,
  registerProtocol,
  sliceRest,
} from './packet_base.js';
import { asIpHeader, foldChecksum, pseudoHeaderSum, pseudoHeaderSum4, sum16View } from './packet_utils.js';
import { IPPROTO_TCP } from './in_proto.js';
import { IPv4 } from './ipv4.js';
import { TCPOption, TCPOptionParseError, parseTcpOption, tcpOptionFromJson, tcpOptionNext } from './tcp_option.js';

export * from './tcp_option.js';

export const TCP_FIN = 0x001;
export const TCP_SYN = 0x002;
export const TCP_RST = 0x004;
export const TCP_PSH = 0x008;
export const TCP_ACK = 0x010;
export const TCP_URG = 0x020;
export const TCP_ECE = 0x040;
export const TCP_CWR = 0x080;
export const TCP_NS = 0x100;

/** TCP option list: parsed options, raw bytes (os-ken keeps them raw when parsing fails), or null. */
export type TCPOptionField = TCPOption[] | Uint8Array | null;

export interface TCPOpts {
  src_port?: number;
  dst_port?: number;
  seq?: number;
  ack?: number;
  offset?: number;
  bits?: number;
  window_size?: number;
  csum?: number;
  urgent?: number;
  option?: TCPOptionField;
}

export class TCP extends PacketBase {
  static override readonly jsonName = 'tcp';
  static override readonly MIN_LEN = 20;
  /** payload dispatch on ports (os-ken tcp.get_payload_type), filled by payload modules */
  static readonly PORTS = new PortTable();

  src_port: number;
  dst_port: number;
  seq: number;
  ack: number;
  offset: number;
  bits: number;
  window_size: number;
  csum: number;
  urgent: number;
  option: TCPOptionField;

  constructor(opts: TCPOpts = {}) {
    super();
    this.src_port = opts.src_port ?? 1;
    this.dst_port = opts.dst_port ?? 1;
    this.seq = opts.seq ?? 0;
    this.ack = opts.ack ?? 0;
    this.offset = opts.offset ?? 0;
    this.bits = opts.bits ?? 0;
    this.window_size = opts.window_size ?? 0;
    this.csum = opts.csum ?? 0;
    this.urgent = opts.urgent ?? 0;
    this.option = opts.option ?? null;
  }

  override get length(): number {
    return this.offset * 4;
  }

  hasFlags(...flags: number[]): boolean {
    let mask = 0;
    for (const f of flags) mask += f;
    return (this.bits & mask) === mask;
  }

  /**
   * Register a payload class for TCP (e.g. BGP on port 179). `order` is the
   * position in os-ken's if-chain: 10 bgp, 20 openflow, 30 zebra (src), 40 zebra (dst).
   */
  static registerPortRule(order: number, match: PortMatch, cls: PacketClass): void {
    TCP.PORTS.register(order, match, cls);
  }

  static getPayloadType(srcPort: number, dstPort: number): PacketClass | null {
    return TCP.PORTS.get(srcPort, dstPort);
  }

  static override decode(r: Reader, ctx: DecodeCtx): TCP {
    need(r, 20, 'tcp');
    const p = r.pos;
    const v = r.view;
    const b = r.bytes;
    const offset = b[p + 12]! >> 4;
    const length = offset * 4;
    let option: TCPOptionField = null;
    if (length > 20) {
      const oend = Math.min(p + length, r.end);
      try {
        const list: TCPOption[] = [];
        let q = p + 20;
        while (q < oend) {
          list.push(parseTcpOption(b, v, q, oend));
          q = tcpOptionNext;
        }
        option = list;
      } catch (e) {
        if (!(e instanceof TCPOptionParseError)) throw e;
        option = b.slice(p + 20, oend);
      }
    }
    const srcPort = v.getUint16(p);
    const dstPort = v.getUint16(p + 2);
    const t = new TCP({
      src_port: srcPort,
      dst_port: dstPort,
      seq: v.getUint32(p + 4),
      ack: v.getUint32(p + 8),
      offset,
      bits: b[p + 13]! & 0x3f,
      window_size: v.getUint16(p + 14),
      csum: v.getUint16(p + 16),
      urgent: v.getUint16(p + 18),
      option,
    });
    ctx.next = TCP.PORTS.get(srcPort, dstPort);
    sliceRest(r, p + length);
    return t;
  }

  override serializeInto(out: SerializeBuffer, prev: PacketBase | null): void {
    const payloadLen = out.length;
    const opt = this.option;
    // os-ken: `if self.option:` (None and empty are skipped)
    let optLen = 0;
    if (opt !== null) {
      if (opt instanceof Uint8Array) optLen = opt.length;
      else for (let i = 0; i < opt.length; i++) optLen += opt[i]!.wireLength();
    }
    let hlen = 20;
    if (optLen > 0) {
      hlen += optLen;
      const mod = optLen % 4;
      if (mod) hlen += 4 - mod;
      if (this.offset && hlen < this.offset * 4) hlen = this.offset * 4;
    }
    // the fixed 20 bytes are all written below; options and padding start zeroed
    const at = out.prependRaw(hlen);
    const b = out.buf;
    const v = out.view;
    // (a loop beats TypedArray#fill's call overhead for the <= 40 option bytes)
    for (let i = at + 20; i < at + hlen; i++) b[i] = 0;
    v.setUint16(at, this.src_port);
    v.setUint16(at + 2, this.dst_port);
    v.setUint32(at + 4, this.seq >>> 0);
    v.setUint32(at + 8, this.ack >>> 0);
    if (this.offset === 0) this.offset = hlen >> 2;
    b[at + 12] = (this.offset << 4) & 0xff;
    b[at + 13] = this.bits & 0xff;
    v.setUint16(at + 14, this.window_size);
    v.setUint16(at + 16, this.csum);
    v.setUint16(at + 18, this.urgent);
    if (optLen > 0 && opt !== null) {
      if (opt instanceof Uint8Array) b.set(opt, at + 20);
      else {
        let q = at + 20;
        for (let i = 0; i < opt.length; i++) {
          const o = opt[i]!;
          o.write(b, q);
          q += o.wireLength();
        }
      }
    }
    if (this.csum === 0) {
      const total = hlen + payloadLen;
      // os-ken checksum_ip; the usual outer header (IPv4) without the duck typing
      const ph =
        prev instanceof IPv4 && prev.version === 4
          ? pseudoHeaderSum4(prev.src, prev.dst, prev.proto, total)
          : pseudoHeaderSum(asIpHeader(prev), total, 'tcp');
      this.csum = foldChecksum(sum16View(v, at, at + total, ph));
      v.setUint16(at + 16, this.csum);
    }
  }

  override toJsonFields(): JsonObject {
    let option: JsonValue;
    if (this.option === null) option = null;
    else if (this.option instanceof Uint8Array) option = base64Encode(this.option);
    else option = this.option.map((o) => o.toJsonDict());
    return {
      ack: this.ack,
      bits: this.bits,
      csum: this.csum,
      dst_port: this.dst_port,
      offset: this.offset,
      option,
      seq: this.seq,
      src_port: this.src_port,
      urgent: this.urgent,
      window_size: this.window_size,
    };
  }

  static override fromJsonDict(d: JsonObject): TCP {
    const o = d.option;
    let option: TCPOptionField = null;
    if (typeof o === 'string') option = base64Decode(o);
    else if (Array.isArray(o)) option = o.map(tcpOptionFromJson);
    else if (o !== null && o !== undefined) throw new JsonDictError('tcp: option must be a list, base64 string or null');
    return new TCP({
      src_port: jInt(d, 'src_port', 1),
      dst_port: jInt(d, 'dst_port', 1),
      seq: jInt(d, 'seq', 0),
      ack: jInt(d, 'ack', 0),
      offset: jInt(d, 'offset', 0),
      bits: jInt(d, 'bits', 0),
      window_size: jInt(d, 'window_size', 0),
      csum: jInt(d, 'csum', 0),
      urgent: jInt(d, 'urgent', 0),
      option,
    });
  }
}

registerProtocol(TCP);
// os-ken registers tcp in ipv4 and ipv6: both use the one shared table
IPv4.registerPacketType(TCP, IPPROTO_TCP);
