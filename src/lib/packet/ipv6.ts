/** IPv6 header with extension headers (os-ken os_ken/lib/packet/ipv6.py). */
import type { Reader } from '../../wire/reader.js';
import { ipv6ToBin, ipv6ToText } from '../../wire/addrconv.js';
import type { JsonObject } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jArr, jInt, jStr, need, registerProtocol, sliceRest } from './packet_base.js';
import { ETH_TYPE_IPV6 } from './ether_types.js';
import { IPPROTO_TCP } from './in_proto.js';
import { Ethernet } from './ethernet.js';
import { IPv6ExtHeader, extHeaderFromJson, isExtHeaderType, parseExtHeader } from './ipv6_ext.js';

export * from './ipv6_ext.js';

export interface IPv6Opts {
  version?: number;
  traffic_class?: number;
  flow_label?: number;
  payload_length?: number;
  nxt?: number;
  hop_limit?: number;
  src?: string;
  dst?: string;
  ext_hdrs?: IPv6ExtHeader[] | null;
}

export class IPv6 extends PacketBase {
  static override readonly jsonName = 'ipv6';
  static override readonly MIN_LEN = 40;
  version: number;
  traffic_class: number;
  flow_label: number;
  payload_length: number;
  nxt: number;
  hop_limit: number;
  src: string;
  dst: string;
  ext_hdrs: IPv6ExtHeader[];

  constructor(opts: IPv6Opts = {}) {
    super();
    this.version = opts.version ?? 6;
    this.traffic_class = opts.traffic_class ?? 0;
    this.flow_label = opts.flow_label ?? 0;
    this.payload_length = opts.payload_length ?? 0;
    this.nxt = opts.nxt ?? IPPROTO_TCP;
    this.hop_limit = opts.hop_limit ?? 255;
    this.src = opts.src ?? '10::10';
    this.dst = opts.dst ?? '20::20';
    this.ext_hdrs = opts.ext_hdrs ?? [];
  }

  override get length(): number {
    let n = 40;
    for (const h of this.ext_hdrs) n += h.length;
    return n;
  }

  static override decode(r: Reader, ctx: DecodeCtx): IPv6 {
    need(r, 40, 'ipv6');
    const p = r.pos;
    const b = r.bytes;
    const v = r.view;
    const vtf = v.getUint32(p);
    const payloadLength = v.getUint16(p + 4);
    const nxt = b[p + 6]!;
    let offset = p + 40;
    let last = nxt;
    const ext: IPv6ExtHeader[] = [];
    // each header advances by at least 8 bytes, so the walk is bounded by r.end
    while (isExtHeaderType(last)) {
      const h = parseExtHeader(last, b, v, offset, r.end);
      ext.push(h);
      offset += h.length;
      last = h.nxt;
    }
    const ip = new IPv6({
      version: vtf >>> 28,
      traffic_class: (vtf >>> 20) & 0xff,
      flow_label: vtf & 0xfffff,
      payload_length: payloadLength,
      nxt,
      hop_limit: b[p + 7]!,
      src: ipv6ToText(b, p + 8),
      dst: ipv6ToText(b, p + 24),
      ext_hdrs: ext,
    });
    ctx.next = IPv6.getPacketType(last);
    sliceRest(r, offset, offset + payloadLength);
    return ip;
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const payloadLen = out.length;
    const parts = this.ext_hdrs.map((h) => h.serialize());
    let extLen = 0;
    for (const x of parts) extLen += x.length;
    const at = out.prepend(40 + extLen);
    const b = out.buf;
    const v = out.view;
    v.setUint32(at, ((this.version << 28) | (this.traffic_class << 20) | this.flow_label) >>> 0);
    b[at + 6] = this.nxt;
    b[at + 7] = this.hop_limit;
    b.set(ipv6ToBin(this.src), at + 8);
    b.set(ipv6ToBin(this.dst), at + 24);
    let q = at + 40;
    for (const x of parts) {
      b.set(x, q);
      q += x.length;
    }
    if (this.payload_length === 0) {
      let n = payloadLen;
      for (const h of this.ext_hdrs) n += h.length;
      this.payload_length = n;
    }
    v.setUint16(at + 4, this.payload_length & 0xffff);
  }

  override toJsonFields(): JsonObject {
    return {
      dst: this.dst,
      ext_hdrs: this.ext_hdrs.map((h) => h.toJsonDict()),
      flow_label: this.flow_label,
      hop_limit: this.hop_limit,
      nxt: this.nxt,
      payload_length: this.payload_length,
      src: this.src,
      traffic_class: this.traffic_class,
      version: this.version,
    };
  }

  static override fromJsonDict(d: JsonObject): IPv6 {
    return new IPv6({
      version: jInt(d, 'version', 6),
      traffic_class: jInt(d, 'traffic_class', 0),
      flow_label: jInt(d, 'flow_label', 0),
      payload_length: jInt(d, 'payload_length', 0),
      nxt: jInt(d, 'nxt', IPPROTO_TCP),
      hop_limit: jInt(d, 'hop_limit', 255),
      src: jStr(d, 'src', '10::10'),
      dst: jStr(d, 'dst', '20::20'),
      ext_hdrs: (jArr(d, 'ext_hdrs') ?? []).map(extHeaderFromJson),
    });
  }
}

registerProtocol(IPv6);
Ethernet.registerPacketType(IPv6, ETH_TYPE_IPV6);
