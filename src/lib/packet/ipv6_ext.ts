/** IPv6 extension headers (os-ken ipv6.header and subclasses). */
import { JsonDictError, PacketMalformed, PacketTruncated } from '../../wire/errors.js';
import { ipv6ToBin, ipv6ToText } from '../../wire/addrconv.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { jArr, jClass, jInt, jStr } from './packet_base.js';
import { IPPROTO_AH, IPPROTO_DSTOPTS, IPPROTO_FRAGMENT, IPPROTO_HOPOPTS, IPPROTO_ROUTING, IPPROTO_TCP } from './in_proto.js';

/** One TLV inside hop-by-hop / destination options (os-ken ipv6.option). */
export class IPv6Option {
  static readonly jsonName = 'option';
  type_: number;
  len_: number;
  data: Uint8Array | null;
  constructor(opts: { type_?: number; len_?: number; data?: Uint8Array | null } = {}) {
    this.type_ = opts.type_ ?? 0;
    this.len_ = opts.len_ ?? -1;
    this.data = opts.data ?? null;
  }
  get length(): number {
    return 2 + this.len_;
  }
  serialize(): Uint8Array {
    if (!this.type_) return Uint8Array.of(0);
    if (!this.len_) return Uint8Array.of(this.type_, 0);
    const out = new Uint8Array(2 + this.len_);
    out[0] = this.type_;
    out[1] = this.len_;
    if (this.data) out.set(this.data.subarray(0, this.len_), 2);
    return out;
  }
  toJsonDict(): JsonObject {
    return { option: { data: this.data === null ? null : base64Encode(this.data), len: this.len_, type: this.type_ } };
  }
  static fromJson(v: JsonValue): IPv6Option {
    const [name, d] = jClass(v, 'ipv6 option');
    if (name !== 'option') throw new JsonDictError(`unknown ipv6 option ${name}`);
    const data = d.data;
    return new IPv6Option({ type_: jInt(d, 'type', 0), len_: jInt(d, 'len', -1), data: typeof data === 'string' ? base64Decode(data) : null });
  }
}

interface ExtView {
  b: Uint8Array;
  v: DataView;
  /** start of the extension header */
  p: number;
  /** end of the available bytes */
  end: number;
}

function trunc(x: ExtView, at: number, n: number, layer: string): void {
  if (at + n > x.end) throw new PacketTruncated(layer, n, Math.max(0, x.end - at), at);
}

/** Common part of hop_opts and dst_opts (os-ken ipv6.opt_header). */
abstract class OptHeader {
  nxt: number;
  size: number;
  data: IPv6Option[] | null;
  constructor(nxt: number, size: number, data: IPv6Option[] | null) {
    if (size % 8) throw new PacketMalformed('ipv6', `option header size ${size} is not a multiple of 8`, 0);
    this.nxt = nxt;
    this.size = size;
    this.data = data;
  }
  get length(): number {
    return 8 + this.size;
  }
  serialize(): Uint8Array {
    if (this.data === null) this.data = [new IPv6Option({ type_: 1, len_: 4, data: new Uint8Array(4) })];
    const parts = this.data.map((o) => o.serialize());
    let n = 2;
    for (const x of parts) n += x.length;
    const out = new Uint8Array(n);
    out[0] = this.nxt;
    out[1] = this.size;
    n = 2;
    for (const x of parts) {
      out.set(x, n);
      n += x.length;
    }
    return out;
  }
  protected fieldsJson(): JsonObject {
    return { data: this.data === null ? null : this.data.map((o) => o.toJsonDict()), nxt: this.nxt, size: this.size };
  }
  /** os-ken opt_header.parser: note the body length is 8 + len (os-ken's reading). */
  static parseOptions(x: ExtView, layer: string): [number, number, IPv6Option[]] {
    trunc(x, x.p, 2, layer);
    const nxt = x.b[x.p]!;
    const len = x.b[x.p + 1]!;
    const dataLen = 8 + len;
    const data: IPv6Option[] = [];
    let size = 2;
    while (size < dataLen) {
      const q = x.p + size;
      trunc(x, q, 1, layer);
      const type = x.b[q]!;
      if (type === 0) {
        data.push(new IPv6Option({ type_: 0, len_: -1, data: null }));
        size += 1;
        continue;
      }
      trunc(x, q, 2, layer);
      const olen = x.b[q + 1]!;
      let odata: Uint8Array | null = null;
      if (olen) {
        trunc(x, q + 2, olen, layer);
        odata = x.b.slice(q + 2, q + 2 + olen);
      }
      data.push(new IPv6Option({ type_: type, len_: olen, data: odata }));
      size += 2 + olen;
    }
    return [nxt, len, data];
  }
}

export class HopOpts extends OptHeader {
  static readonly jsonName = 'hop_opts';
  static readonly TYPE = IPPROTO_HOPOPTS;
  constructor(opts: { nxt?: number; size?: number; data?: IPv6Option[] | null } = {}) {
    super(opts.nxt ?? IPPROTO_TCP, opts.size ?? 0, opts.data ?? null);
  }
  toJsonDict(): JsonObject {
    return { hop_opts: this.fieldsJson() };
  }
}

export class DstOpts extends OptHeader {
  static readonly jsonName = 'dst_opts';
  static readonly TYPE = IPPROTO_DSTOPTS;
  constructor(opts: { nxt?: number; size?: number; data?: IPv6Option[] | null } = {}) {
    super(opts.nxt ?? IPPROTO_TCP, opts.size ?? 0, opts.data ?? null);
  }
  toJsonDict(): JsonObject {
    return { dst_opts: this.fieldsJson() };
  }
}

/** RPL Source Route Header (RFC 6554), os-ken ipv6.routing_type3. */
export class RoutingType3 {
  static readonly jsonName = 'routing_type3';
  static readonly TYPE = IPPROTO_ROUTING;
  nxt: number;
  size: number;
  type_: number;
  seg: number;
  cmpi: number;
  cmpe: number;
  adrs: string[];
  private readonly pad: number;
  constructor(opts: { nxt?: number; size?: number; type_?: number; seg?: number; cmpi?: number; cmpe?: number; adrs?: string[] } = {}) {
    this.nxt = opts.nxt ?? IPPROTO_TCP;
    this.size = opts.size ?? 0;
    this.type_ = opts.type_ ?? 3;
    this.seg = opts.seg ?? 0;
    this.cmpi = opts.cmpi ?? 0;
    this.cmpe = opts.cmpe ?? 0;
    this.adrs = opts.adrs ?? [];
    // os-ken: (8 - ((n - 1) * (16 - cmpi) + (16 - cmpe) % 8)) % 8, Python modulo
    const x = 8 - ((this.adrs.length - 1) * (16 - this.cmpi) + ((16 - this.cmpe) % 8));
    this.pad = ((x % 8) + 8) % 8;
  }
  get length(): number {
    return (this.size + 1) * 8;
  }
  static parse(x: ExtView): RoutingType3 {
    trunc(x, x.p, 8, 'ipv6 routing');
    const b = x.b;
    const p = x.p;
    const size = b[p + 1]!;
    const headerLen = (size + 1) * 8;
    const cmpi = b[p + 4]! >> 4;
    const cmpe = b[p + 4]! & 0xf;
    const pad = b[p + 5]! >> 4;
    const adrs: string[] = [];
    if (size) {
      const li = 16 - cmpi;
      const le = 16 - cmpe;
      let data = 8;
      const addr = new Uint8Array(16);
      while (data < headerLen - (le + pad)) {
        trunc(x, p + data, li, 'ipv6 routing');
        addr.fill(0);
        addr.set(b.subarray(p + data, p + data + li), cmpi);
        adrs.push(ipv6ToText(addr));
        data += li;
      }
      trunc(x, p + data, le, 'ipv6 routing');
      addr.fill(0);
      addr.set(b.subarray(p + data, p + data + le), cmpe);
      adrs.push(ipv6ToText(addr));
    }
    return new RoutingType3({ nxt: b[p]!, size, type_: b[p + 2]!, seg: b[p + 3]!, cmpi, cmpe, adrs });
  }
  serialize(): Uint8Array {
    if (this.size === 0) this.size = Math.floor(((this.adrs.length - 1) * (16 - this.cmpi) + (16 - this.cmpe) + this.pad) / 8);
    const parts: number[] = [this.nxt, this.size, this.type_, this.seg, ((this.cmpi << 4) | this.cmpe) & 0xff, (this.pad << 4) & 0xff, 0, 0];
    if (this.size) {
      this.adrs.forEach((a, i) => {
        const bin = ipv6ToBin(a);
        const from = i === this.adrs.length - 1 ? this.cmpe : this.cmpi;
        for (let k = from; k < 16; k++) parts.push(bin[k]!);
      });
    }
    return Uint8Array.from(parts);
  }
  toJsonDict(): JsonObject {
    return { routing_type3: { adrs: [...this.adrs], cmpe: this.cmpe, cmpi: this.cmpi, nxt: this.nxt, seg: this.seg, size: this.size, type: this.type_ } };
  }
}

/** Fragment header. */
export class Fragment {
  static readonly jsonName = 'fragment';
  static readonly TYPE = IPPROTO_FRAGMENT;
  nxt: number;
  offset: number;
  more: number;
  id_: number;
  constructor(opts: { nxt?: number; offset?: number; more?: number; id_?: number } = {}) {
    this.nxt = opts.nxt ?? IPPROTO_TCP;
    this.offset = opts.offset ?? 0;
    this.more = opts.more ?? 0;
    this.id_ = opts.id_ ?? 0;
  }
  get length(): number {
    return 8;
  }
  serialize(): Uint8Array {
    const out = new Uint8Array(8);
    const v = new DataView(out.buffer);
    out[0] = this.nxt;
    v.setUint16(2, ((this.offset << 3) | this.more) & 0xffff);
    v.setUint32(4, this.id_ >>> 0);
    return out;
  }
  toJsonDict(): JsonObject {
    return { fragment: { id: this.id_, more: this.more, nxt: this.nxt, offset: this.offset } };
  }
}

/** Authentication header. */
export class Auth {
  static readonly jsonName = 'auth';
  static readonly TYPE = IPPROTO_AH;
  nxt: number;
  size: number;
  spi: number;
  seq: number;
  data: Uint8Array;
  constructor(opts: { nxt?: number; size?: number; spi?: number; seq?: number; data?: Uint8Array } = {}) {
    this.nxt = opts.nxt ?? IPPROTO_TCP;
    this.size = opts.size ?? 2;
    this.spi = opts.spi ?? 0;
    this.seq = opts.seq ?? 0;
    this.data = opts.data ?? new Uint8Array(4);
  }
  get length(): number {
    return (this.size + 2) * 4;
  }
  serialize(): Uint8Array {
    const dlen = (this.size + 2) * 4 - 12;
    if (dlen < 0) throw new PacketMalformed('ipv6 auth', `size ${this.size} too small`, 0);
    const out = new Uint8Array(12 + dlen);
    const v = new DataView(out.buffer);
    out[0] = this.nxt;
    out[1] = this.size;
    v.setUint32(4, this.spi >>> 0);
    v.setUint32(8, this.seq >>> 0);
    out.set(this.data.subarray(0, dlen), 12);
    return out;
  }
  toJsonDict(): JsonObject {
    return { auth: { data: base64Encode(this.data), nxt: this.nxt, seq: this.seq, size: this.size, spi: this.spi } };
  }
}

export type IPv6ExtHeader = HopOpts | DstOpts | RoutingType3 | Fragment | Auth;

/** Extension header types os-ken walks (ipv6._IPV6_EXT_HEADER_TYPE). */
export function isExtHeaderType(t: number): boolean {
  return t === IPPROTO_HOPOPTS || t === IPPROTO_DSTOPTS || t === IPPROTO_ROUTING || t === IPPROTO_FRAGMENT || t === IPPROTO_AH;
}

/** Parse one extension header of type t at p; throws typed errors where os-ken fails. */
export function parseExtHeader(t: number, b: Uint8Array, v: DataView, p: number, end: number): IPv6ExtHeader {
  const x: ExtView = { b, v, p, end };
  switch (t) {
    case IPPROTO_HOPOPTS: {
      const [nxt, size, data] = OptHeader.parseOptions(x, 'ipv6 hop_opts');
      return new HopOpts({ nxt, size, data });
    }
    case IPPROTO_DSTOPTS: {
      const [nxt, size, data] = OptHeader.parseOptions(x, 'ipv6 dst_opts');
      return new DstOpts({ nxt, size, data });
    }
    case IPPROTO_ROUTING: {
      trunc(x, p, 3, 'ipv6 routing');
      const rtype = b[p + 2]!;
      // os-ken returns None for other routing types and then fails (TypeError)
      if (rtype !== 3) throw new PacketMalformed('ipv6 routing', `unsupported routing type ${rtype}`, p);
      return RoutingType3.parse(x);
    }
    case IPPROTO_FRAGMENT: {
      trunc(x, p, 8, 'ipv6 fragment');
      const offM = v.getUint16(p + 2);
      return new Fragment({ nxt: b[p]!, offset: offM >> 3, more: offM & 1, id_: v.getUint32(p + 4) });
    }
    case IPPROTO_AH: {
      trunc(x, p, 12, 'ipv6 auth');
      const size = b[p + 1]!;
      const dlen = (size + 2) * 4 - 12;
      if (dlen < 0) throw new PacketTruncated('ipv6 auth', 12, end - p, p);
      trunc(x, p + 12, dlen, 'ipv6 auth');
      return new Auth({ nxt: b[p]!, size, spi: v.getUint32(p + 4), seq: v.getUint32(p + 8), data: b.slice(p + 12, p + 12 + dlen) });
    }
    default:
      throw new PacketMalformed('ipv6', `not an extension header: ${t}`, p);
  }
}

function optList(d: JsonObject): IPv6Option[] | null {
  const a = jArr(d, 'data');
  return a === null ? null : a.map((o) => IPv6Option.fromJson(o));
}

export function extHeaderFromJson(v: JsonValue): IPv6ExtHeader {
  const [name, d] = jClass(v, 'ipv6 extension header');
  switch (name) {
    case 'hop_opts':
      return new HopOpts({ nxt: jInt(d, 'nxt', IPPROTO_TCP), size: jInt(d, 'size', 0), data: optList(d) });
    case 'dst_opts':
      return new DstOpts({ nxt: jInt(d, 'nxt', IPPROTO_TCP), size: jInt(d, 'size', 0), data: optList(d) });
    case 'routing_type3':
      return new RoutingType3({
        nxt: jInt(d, 'nxt', IPPROTO_TCP),
        size: jInt(d, 'size', 0),
        type_: jInt(d, 'type', 3),
        seg: jInt(d, 'seg', 0),
        cmpi: jInt(d, 'cmpi', 0),
        cmpe: jInt(d, 'cmpe', 0),
        adrs: (jArr(d, 'adrs') ?? []).map((a) => {
          if (typeof a !== 'string') throw new JsonDictError('routing_type3: adrs must be strings');
          return a;
        }),
      });
    case 'fragment':
      return new Fragment({ nxt: jInt(d, 'nxt', IPPROTO_TCP), offset: jInt(d, 'offset', 0), more: jInt(d, 'more', 0), id_: jInt(d, 'id', 0) });
    case 'auth':
      return new Auth({ nxt: jInt(d, 'nxt', IPPROTO_TCP), size: jInt(d, 'size', 2), spi: jInt(d, 'spi', 0), seq: jInt(d, 'seq', 0), data: base64Decode(jStr(d, 'data', 'AAAAAA==')) });
    default:
      throw new JsonDictError(`unknown ipv6 extension header ${name}`);
  }
}
