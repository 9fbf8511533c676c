/** ICMPv6 Neighbor Discovery bodies and options (os-ken icmpv6.nd_*). */
import { JsonDictError, PacketMalformed, PacketTruncated } from '../../wire/errors.js';
import { ipv6ToBin, ipv6ToText, macToBin, macToText } from '../../wire/addrconv.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { jArr, jClass, jInt, jStr } from './packet_base.js';
import { concatBytes } from './packet_utils.js';

export const ND_OPTION_SLA = 1;
export const ND_OPTION_TLA = 2;
export const ND_OPTION_PI = 3;
export const ND_OPTION_RH = 4;
export const ND_OPTION_MTU = 5;

/** Bounded view for ICMPv6 body parsing: bytes [.., end) of one frame. */
export interface IcmpView {
  b: Uint8Array;
  v: DataView;
  end: number;
}

export function icmpNeed(x: IcmpView, at: number, n: number, layer: string): void {
  if (at + n > x.end) throw new PacketTruncated(layer, n, Math.max(0, x.end - at), at);
}

function bytesJson(b: Uint8Array | null): JsonValue {
  return b === null ? null : base64Encode(b);
}

export function jBytesOrNull(d: JsonObject, k: string): Uint8Array | null {
  const v = d[k];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return base64Decode(v);
  throw new JsonDictError(`field ${k}: expected base64 string`);
}

/** Link-layer address option (SLA / TLA). os-ken keeps ALL following bytes as its data. */
abstract class NdOptionLA {
  length: number;
  hw_src: string;
  data: Uint8Array | null;
  constructor(opts: { length?: number; hw_src?: string; data?: Uint8Array | null }) {
    this.length = opts.length ?? 0;
    this.hw_src = opts.hw_src ?? '00:00:00:00:00:00';
    this.data = opts.data ?? null;
  }
  abstract optionType(): number;
  get len(): number {
    return 8 + (this.data ? this.data.length : 0);
  }
  serialize(): Uint8Array {
    let buf = concatBytes(Uint8Array.of(this.optionType(), this.length), macToBin(this.hw_src), this.data);
    const mod = buf.length % 8;
    if (mod) buf = concatBytes(buf, new Uint8Array(8 - mod));
    if (this.length === 0) {
      this.length = buf.length >> 3;
      buf[1] = this.length & 0xff;
    }
    return buf;
  }
  protected fields(): JsonObject {
    return { data: bytesJson(this.data), hw_src: this.hw_src, length: this.length };
  }
}

export class NdOptionSLA extends NdOptionLA {
  static readonly jsonName = 'nd_option_sla';
  constructor(opts: { length?: number; hw_src?: string; data?: Uint8Array | null } = {}) {
    super(opts);
  }
  optionType(): number {
    return ND_OPTION_SLA;
  }
  toJsonDict(): JsonObject {
    return { nd_option_sla: this.fields() };
  }
}

export class NdOptionTLA extends NdOptionLA {
  static readonly jsonName = 'nd_option_tla';
  constructor(opts: { length?: number; hw_src?: string; data?: Uint8Array | null } = {}) {
    super(opts);
  }
  optionType(): number {
    return ND_OPTION_TLA;
  }
  toJsonDict(): JsonObject {
    return { nd_option_tla: this.fields() };
  }
}

/** Prefix Information option. */
export class NdOptionPI {
  static readonly jsonName = 'nd_option_pi';
  length: number;
  pl: number;
  res1: number;
  val_l: number;
  pre_l: number;
  res2: number;
  prefix: string;
  constructor(opts: { length?: number; pl?: number; res1?: number; val_l?: number; pre_l?: number; res2?: number; prefix?: string } = {}) {
    this.length = opts.length ?? 0;
    this.pl = opts.pl ?? 0;
    this.res1 = opts.res1 ?? 0;
    this.val_l = opts.val_l ?? 0;
    this.pre_l = opts.pre_l ?? 0;
    this.res2 = opts.res2 ?? 0;
    this.prefix = opts.prefix ?? '::';
  }
  get len(): number {
    return 32;
  }
  optionType(): number {
    return ND_OPTION_PI;
  }
  serialize(): Uint8Array {
    const out = new Uint8Array(32);
    const v = new DataView(out.buffer);
    out[0] = ND_OPTION_PI;
    out[1] = this.length;
    out[2] = this.pl;
    out[3] = (this.res1 << 5) & 0xff;
    v.setUint32(4, this.val_l >>> 0);
    v.setUint32(8, this.pre_l >>> 0);
    v.setUint32(12, this.res2 >>> 0);
    out.set(ipv6ToBin(this.prefix), 16);
    if (this.length === 0) {
      this.length = 4;
      out[1] = 4;
    }
    return out;
  }
  toJsonDict(): JsonObject {
    return { nd_option_pi: { length: this.length, pl: this.pl, pre_l: this.pre_l, prefix: this.prefix, res1: this.res1, res2: this.res2, val_l: this.val_l } };
  }
}

/** MTU option (os-ken always reports length 0 for it). */
export class NdOptionMTU {
  static readonly jsonName = 'nd_option_mtu';
  length: number;
  mtu: number;
  constructor(opts: { mtu?: number } = {}) {
    this.length = 0;
    this.mtu = opts.mtu ?? 1500;
  }
  get len(): number {
    return 8;
  }
  optionType(): number {
    return ND_OPTION_MTU;
  }
  serialize(): Uint8Array {
    const out = new Uint8Array(8);
    out[0] = ND_OPTION_MTU;
    out[1] = 1;
    new DataView(out.buffer).setUint32(4, this.mtu >>> 0);
    return out;
  }
  toJsonDict(): JsonObject {
    return { nd_option_mtu: { length: this.length, mtu: this.mtu } };
  }
}

export type NdOption = NdOptionSLA | NdOptionTLA | NdOptionPI | NdOptionMTU;

/** Parse a known option of `type` at p (os-ken cls_.parser(buf, offset)). */
function parseNdOption(x: IcmpView, type: number, p: number): NdOption {
  if (type === ND_OPTION_SLA || type === ND_OPTION_TLA) {
    icmpNeed(x, p, 8, 'icmpv6 nd option');
    const data = x.end > p + 8 ? x.b.slice(p + 8, x.end) : null;
    const o = { length: x.b[p + 1]!, hw_src: macToText(x.b, p + 2), data };
    return type === ND_OPTION_SLA ? new NdOptionSLA(o) : new NdOptionTLA(o);
  }
  if (type === ND_OPTION_PI) {
    icmpNeed(x, p, 32, 'icmpv6 nd option');
    return new NdOptionPI({
      length: x.b[p + 1]!,
      pl: x.b[p + 2]!,
      res1: x.b[p + 3]! >> 5,
      val_l: x.v.getUint32(p + 4),
      pre_l: x.v.getUint32(p + 8),
      res2: x.v.getUint32(p + 12),
      prefix: ipv6ToText(x.b, p + 16),
    });
  }
  icmpNeed(x, p, 8, 'icmpv6 nd option');
  return new NdOptionMTU({ mtu: x.v.getUint32(p + 4) });
}

/** The single trailing option of NS/NA/RS: known option, raw bytes or null. */
function parseSingleOption(x: IcmpView, p: number, known: readonly number[]): NdOption | Uint8Array | null {
  if (x.end <= p) return null;
  icmpNeed(x, p, 2, 'icmpv6 nd option');
  const type = x.b[p]!;
  if (x.b[p + 1] === 0) throw new PacketMalformed('icmpv6 nd option', 'Invalid length: 0', p);
  if (known.includes(type)) return parseNdOption(x, type, p);
  return x.b.slice(p, x.end);
}

function optionJson(o: NdOption | Uint8Array | null): JsonValue {
  if (o === null) return null;
  if (o instanceof Uint8Array) return base64Encode(o);
  return o.toJsonDict();
}

function optionBytes(o: NdOption | Uint8Array): Uint8Array {
  return o instanceof Uint8Array ? o : o.serialize();
}

export function ndOptionFromJson(v: JsonValue): NdOption | Uint8Array | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return base64Decode(v);
  const [name, d] = jClass(v, 'nd option');
  switch (name) {
    case 'nd_option_sla':
      return new NdOptionSLA({ length: jInt(d, 'length', 0), hw_src: jStr(d, 'hw_src', '00:00:00:00:00:00'), data: jBytesOrNull(d, 'data') });
    case 'nd_option_tla':
      return new NdOptionTLA({ length: jInt(d, 'length', 0), hw_src: jStr(d, 'hw_src', '00:00:00:00:00:00'), data: jBytesOrNull(d, 'data') });
    case 'nd_option_pi':
      return new NdOptionPI({
        length: jInt(d, 'length', 0),
        pl: jInt(d, 'pl', 0),
        res1: jInt(d, 'res1', 0),
        val_l: jInt(d, 'val_l', 0),
        pre_l: jInt(d, 'pre_l', 0),
        res2: jInt(d, 'res2', 0),
        prefix: jStr(d, 'prefix', '::'),
      });
    case 'nd_option_mtu':
      return new NdOptionMTU({ mtu: jInt(d, 'mtu', 1500) });
    default:
      throw new JsonDictError(`unknown ND option ${name}`);
  }
}

/** Neighbor Solicitation / Advertisement body. */
export class NdNeighbor {
  static readonly jsonName = 'nd_neighbor';
  res: number;
  dst: string;
  option: NdOption | Uint8Array | null;
  constructor(opts: { res?: number; dst?: string; option?: NdOption | Uint8Array | null } = {}) {
    this.res = opts.res ?? 0;
    this.dst = opts.dst ?? '::';
    this.option = opts.option ?? null;
  }
  static parse(x: IcmpView, p: number): NdNeighbor {
    icmpNeed(x, p, 20, 'icmpv6 nd_neighbor');
    const res = x.v.getUint32(p) >>> 29;
    const dst = ipv6ToText(x.b, p + 4);
    const option = parseSingleOption(x, p + 20, [ND_OPTION_SLA, ND_OPTION_TLA]);
    return new NdNeighbor({ res, dst, option });
  }
  serialize(): Uint8Array {
    const head = new Uint8Array(20);
    new DataView(head.buffer).setUint32(0, (this.res << 29) >>> 0);
    head.set(ipv6ToBin(this.dst), 4);
    return this.option === null ? head : concatBytes(head, optionBytes(this.option));
  }
  toJsonDict(): JsonObject {
    return { nd_neighbor: { dst: this.dst, option: optionJson(this.option), res: this.res } };
  }
  static fromJson(d: JsonObject): NdNeighbor {
    return new NdNeighbor({ res: jInt(d, 'res', 0), dst: jStr(d, 'dst', '::'), option: ndOptionFromJson(d.option ?? null) });
  }
}

/** Router Solicitation body. */
export class NdRouterSolicit {
  static readonly jsonName = 'nd_router_solicit';
  res: number;
  option: NdOption | Uint8Array | null;
  constructor(opts: { res?: number; option?: NdOption | Uint8Array | null } = {}) {
    this.res = opts.res ?? 0;
    this.option = opts.option ?? null;
  }
  static parse(x: IcmpView, p: number): NdRouterSolicit {
    icmpNeed(x, p, 4, 'icmpv6 nd_router_solicit');
    const res = x.v.getUint32(p);
    const option = parseSingleOption(x, p + 4, [ND_OPTION_SLA]);
    return new NdRouterSolicit({ res, option });
  }
  serialize(): Uint8Array {
    const head = new Uint8Array(4);
    new DataView(head.buffer).setUint32(0, this.res >>> 0);
    return this.option === null ? head : concatBytes(head, optionBytes(this.option));
  }
  toJsonDict(): JsonObject {
    return { nd_router_solicit: { option: optionJson(this.option), res: this.res } };
  }
  static fromJson(d: JsonObject): NdRouterSolicit {
    return new NdRouterSolicit({ res: jInt(d, 'res', 0), option: ndOptionFromJson(d.option ?? null) });
  }
}

/** Router Advertisement body. */
export class NdRouterAdvert {
  static readonly jsonName = 'nd_router_advert';
  ch_l: number;
  res: number;
  rou_l: number;
  rea_t: number;
  ret_t: number;
  options: (NdOption | Uint8Array)[];
  constructor(opts: { ch_l?: number; res?: number; rou_l?: number; rea_t?: number; ret_t?: number; options?: (NdOption | Uint8Array)[] } = {}) {
    this.ch_l = opts.ch_l ?? 0;
    this.res = opts.res ?? 0;
    this.rou_l = opts.rou_l ?? 0;
    this.rea_t = opts.rea_t ?? 0;
    this.ret_t = opts.ret_t ?? 0;
    this.options = opts.options ?? [];
  }
  static parse(x: IcmpView, p: number): NdRouterAdvert {
    icmpNeed(x, p, 12, 'icmpv6 nd_router_advert');
    const b = x.b;
    const ra = new NdRouterAdvert({ ch_l: b[p]!, res: b[p + 1]! >> 6, rou_l: x.v.getUint16(p + 2), rea_t: x.v.getUint32(p + 4), ret_t: x.v.getUint32(p + 8) });
    let q = p + 12;
    while (x.end > q) {
      icmpNeed(x, q, 2, 'icmpv6 nd option');
      const type = b[q]!;
      const length = b[q + 1]!;
      if (length === 0) throw new PacketMalformed('icmpv6 nd option', 'Invalid length: 0', q);
      if (type === ND_OPTION_SLA || type === ND_OPTION_PI || type === ND_OPTION_MTU) {
        const o = parseNdOption(x, type, q);
        ra.options.push(o);
        q += o.len;
      } else {
        const raw = b.slice(q, Math.min(q + length * 8, x.end));
        ra.options.push(raw);
        q += raw.length;
      }
    }
    return ra;
  }
  serialize(): Uint8Array {
    const head = new Uint8Array(12);
    const v = new DataView(head.buffer);
    head[0] = this.ch_l;
    head[1] = (this.res << 6) & 0xff;
    v.setUint16(2, this.rou_l);
    v.setUint32(4, this.rea_t >>> 0);
    v.setUint32(8, this.ret_t >>> 0);
    return concatBytes(head, ...this.options.map(optionBytes));
  }
  toJsonDict(): JsonObject {
    return {
      nd_router_advert: {
        ch_l: this.ch_l,
        options: this.options.map((o) => optionJson(o)),
        rea_t: this.rea_t,
        res: this.res,
        ret_t: this.ret_t,
        rou_l: this.rou_l,
      },
    };
  }
  static fromJson(d: JsonObject): NdRouterAdvert {
    const options = (jArr(d, 'options') ?? []).map((o) => {
      const x = ndOptionFromJson(o);
      if (x === null) throw new JsonDictError('nd_router_advert: null option');
      return x;
    });
    return new NdRouterAdvert({ ch_l: jInt(d, 'ch_l', 0), res: jInt(d, 'res', 0), rou_l: jInt(d, 'rou_l', 0), rea_t: jInt(d, 'rea_t', 0), ret_t: jInt(d, 'ret_t', 0), options });
  }
}
