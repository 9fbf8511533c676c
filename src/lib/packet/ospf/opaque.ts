/**
 * Opaque LSA bodies (RFC 5250) and the extended-prefix TLVs (RFC 7684,
 * segment routing prefix SID) of os-ken's ospf.py.
 *
 * os-ken quirks kept for compatibility:
 *  - a TLV is parsed from its fixed layout and the next one is read right
 *    after that layout (12 bytes for the extended prefix TLV, 16 for the
 *    prefix-SID sub-TLV), not after `length`: the sub-TLV nested in an
 *    extended prefix TLV is read as the next top-level TLV;
 *  - an unknown TLV type (and every TLV of an extended-link body, for which
 *    os-ken registers no TLV class) makes os-ken loop forever; here it is a
 *    PacketMalformed, so the whole OSPF message becomes raw payload.
 */
import { Writer } from '../../../wire/writer.js';
import { type JsonObject } from '../../../wire/json/json.js';
import { JsonDictError } from '../../../wire/errors.js';
import { jArr, jClass, jInt, jStr } from '../packet_base.js';
import {
  Bytes,
  OSPF_EXTENDED_PREFIX_SID_SUBTLV,
  OSPF_EXTENDED_PREFIX_TLV,
  OSPF_OPAQUE_TYPE_EXTENDED_LINK_LSA,
  OSPF_OPAQUE_TYPE_EXTENDED_PREFIX_LSA,
  bad,
  ip4,
  ip4bin,
  need,
} from './common.js';

export abstract class OpaqueTlv {
  static readonly jsonName: string = 'tlv';
  type_: number;
  length: number;
  constructor(type: number, length: number) {
    this.type_ = type;
    this.length = length;
  }
  abstract write(w: Writer): void;
  abstract toJsonFields(): JsonObject;
  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof OpaqueTlv).jsonName]: this.toJsonFields() };
  }
}

export interface ExtendedPrefixTLVOpts {
  type_?: number;
  length?: number;
  route_type?: number;
  address_family?: number;
  prefix?: string;
}

/** Extended Prefix TLV (type 1): route type, address family, IPv4 prefix 'a.b.c.d/len'. */
export class ExtendedPrefixTLV extends OpaqueTlv {
  static override readonly jsonName = 'ExtendedPrefixTLV';
  route_type: number;
  address_family: number;
  prefix: string;
  constructor(o: ExtendedPrefixTLVOpts = {}) {
    super(o.type_ ?? OSPF_EXTENDED_PREFIX_TLV, o.length ?? 0);
    this.route_type = o.route_type ?? 0;
    this.address_family = o.address_family ?? 0;
    this.prefix = o.prefix ?? '0.0.0.0/0';
  }
  static parse(s: Bytes, at: number, end: number): ExtendedPrefixTLV {
    need(at, 12, end, 'ExtendedPrefixTLV');
    const b = s.b;
    return new ExtendedPrefixTLV({
      type_: s.v.getUint16(at),
      length: s.v.getUint16(at + 2),
      route_type: b[at + 4]!,
      address_family: b[at + 6]!,
      prefix: `${ip4(b, at + 8)}/${b[at + 5]!}`,
    });
  }
  write(w: Writer): void {
    const [addr, plen] = this.prefix.split('/');
    // os-ken writes the constant type and length 8
    w.u16(OSPF_EXTENDED_PREFIX_TLV);
    w.u16(8);
    w.u8(this.route_type);
    w.u8(Number(plen ?? '0') & 0xff);
    w.u8(this.address_family);
    w.u8(0);
    w.bytes(ip4bin(addr ?? '0.0.0.0'));
  }
  toJsonFields(): JsonObject {
    return { address_family: this.address_family, length: this.length, prefix: this.prefix, route_type: this.route_type, type: this.type_ };
  }
  static fromJson(d: JsonObject): ExtendedPrefixTLV {
    return new ExtendedPrefixTLV({
      type_: jInt(d, 'type', OSPF_EXTENDED_PREFIX_TLV),
      length: jInt(d, 'length', 0),
      route_type: jInt(d, 'route_type', 0),
      address_family: jInt(d, 'address_family', 0),
      prefix: jStr(d, 'prefix', '0.0.0.0/0'),
    });
  }
}

export interface PrefixSIDSubTLVOpts {
  type_?: number;
  length?: number;
  flags?: number;
  mt_id?: number;
  algorithm?: number;
  range_size?: number;
  index?: number;
}

/** Prefix SID sub-TLV (type 2). */
export class PrefixSIDSubTLV extends OpaqueTlv {
  static override readonly jsonName = 'PrefixSIDSubTLV';
  flags: number;
  mt_id: number;
  algorithm: number;
  range_size: number;
  index: number;
  constructor(o: PrefixSIDSubTLVOpts = {}) {
    super(o.type_ ?? OSPF_EXTENDED_PREFIX_SID_SUBTLV, o.length ?? 0);
    this.flags = o.flags ?? 0;
    this.mt_id = o.mt_id ?? 0;
    this.algorithm = o.algorithm ?? 0;
    this.range_size = o.range_size ?? 0;
    this.index = o.index ?? 0;
  }
  static parse(s: Bytes, at: number, end: number): PrefixSIDSubTLV {
    need(at, 16, end, 'PrefixSIDSubTLV');
    const b = s.b;
    const v = s.v;
    return new PrefixSIDSubTLV({
      type_: v.getUint16(at),
      length: v.getUint16(at + 2),
      flags: b[at + 4]!,
      mt_id: b[at + 5]!,
      algorithm: b[at + 6]!,
      range_size: v.getUint16(at + 8),
      index: v.getUint32(at + 12),
    });
  }
  write(w: Writer): void {
    w.u16(OSPF_EXTENDED_PREFIX_SID_SUBTLV);
    w.u16(12);
    w.u8(this.flags);
    w.u8(this.mt_id);
    w.u8(this.algorithm);
    w.u8(0);
    w.u16(this.range_size);
    w.u16(0);
    w.u32(this.index >>> 0);
  }
  toJsonFields(): JsonObject {
    return { algorithm: this.algorithm, flags: this.flags, index: this.index, length: this.length, mt_id: this.mt_id, range_size: this.range_size, type: this.type_ };
  }
  static fromJson(d: JsonObject): PrefixSIDSubTLV {
    return new PrefixSIDSubTLV({
      type_: jInt(d, 'type', OSPF_EXTENDED_PREFIX_SID_SUBTLV),
      length: jInt(d, 'length', 0),
      flags: jInt(d, 'flags', 0),
      mt_id: jInt(d, 'mt_id', 0),
      algorithm: jInt(d, 'algorithm', 0),
      range_size: jInt(d, 'range_size', 0),
      index: jInt(d, 'index', 0),
    });
  }
}

/** Body of an opaque LSA whose opaque type os-ken knows (os-ken OpaqueBody). */
export abstract class OpaqueBody {
  static readonly jsonName: string = 'OpaqueBody';
  static readonly OPAQUE_TYPE: number = -1;
  tlvs: OpaqueTlv[];
  constructor(tlvs: OpaqueTlv[] | null = null) {
    this.tlvs = tlvs ?? [];
  }
  write(w: Writer): void {
    for (const t of this.tlvs) t.write(w);
  }
  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof OpaqueBody).jsonName]: { tlvs: this.tlvs.map((t) => t.toJsonDict()) } };
  }
}

type TlvParser = (s: Bytes, at: number, end: number) => OpaqueTlv;

/** os-ken's TLV loop: `while buf`, header check, parse the fixed layout, continue after it. */
function parseTlvs(s: Bytes, start: number, end: number, table: ReadonlyMap<number, TlvParser>, what: string): OpaqueTlv[] {
  const out: OpaqueTlv[] = [];
  let at = start;
  while (at < end) {
    need(at, 4, end, what);
    const type = s.v.getUint16(at);
    const length = s.v.getUint16(at + 2);
    need(at + 4, length, end, what);
    const p = table.get(type);
    if (!p) bad(`${what}: TLV type ${type} has no parser (os-ken loops forever)`, at);
    const t = p(s, at, end);
    out.push(t);
    at += t instanceof ExtendedPrefixTLV ? 12 : 16;
  }
  return out;
}

const PREFIX_TLVS = new Map<number, TlvParser>([
  [OSPF_EXTENDED_PREFIX_TLV, (s, at, end) => ExtendedPrefixTLV.parse(s, at, end)],
  [OSPF_EXTENDED_PREFIX_SID_SUBTLV, (s, at, end) => PrefixSIDSubTLV.parse(s, at, end)],
]);
/** os-ken registers no extended-link TLV class */
const LINK_TLVS = new Map<number, TlvParser>();

export class ExtendedPrefixOpaqueBody extends OpaqueBody {
  static override readonly jsonName = 'ExtendedPrefixOpaqueBody';
  static override readonly OPAQUE_TYPE = OSPF_OPAQUE_TYPE_EXTENDED_PREFIX_LSA;
  static parse(s: Bytes, start: number, end: number): ExtendedPrefixOpaqueBody {
    return new ExtendedPrefixOpaqueBody(parseTlvs(s, start, end, PREFIX_TLVS, 'ExtendedPrefixOpaqueBody'));
  }
}

export class ExtendedLinkOpaqueBody extends OpaqueBody {
  static override readonly jsonName = 'ExtendedLinkOpaqueBody';
  static override readonly OPAQUE_TYPE = OSPF_OPAQUE_TYPE_EXTENDED_LINK_LSA;
  static parse(s: Bytes, start: number, end: number): ExtendedLinkOpaqueBody {
    return new ExtendedLinkOpaqueBody(parseTlvs(s, start, end, LINK_TLVS, 'ExtendedLinkOpaqueBody'));
  }
}

/** An opaque LSA's data: a known body, or the raw bytes (os-ken keeps them as is). */
export type OpaqueData = OpaqueBody | Uint8Array;

/** os-ken OpaqueLSA.parser: body by opaque type, raw bytes otherwise. */
export function parseOpaqueData(s: Bytes, start: number, end: number, opaqueType: number): OpaqueData {
  if (opaqueType === OSPF_OPAQUE_TYPE_EXTENDED_PREFIX_LSA) return ExtendedPrefixOpaqueBody.parse(s, start, end);
  if (opaqueType === OSPF_OPAQUE_TYPE_EXTENDED_LINK_LSA) return ExtendedLinkOpaqueBody.parse(s, start, end);
  return s.b.slice(start, end);
}

/** Build an opaque body from `{ExtendedPrefixOpaqueBody: {tlvs: [...]}}` (our own JSON, os-ken never prints one). */
export function opaqueBodyFromJson(v: JsonObject): OpaqueBody {
  const [name, body] = jClass(v, 'opaque body');
  const tlvs = (jArr(body, 'tlvs') ?? []).map((x) => {
    const [n, d] = jClass(x, 'opaque TLV');
    if (n === ExtendedPrefixTLV.jsonName) return ExtendedPrefixTLV.fromJson(d);
    if (n === PrefixSIDSubTLV.jsonName) return PrefixSIDSubTLV.fromJson(d);
    throw new JsonDictError(`unknown opaque TLV ${n}`);
  });
  if (name === ExtendedPrefixOpaqueBody.jsonName) return new ExtendedPrefixOpaqueBody(tlvs);
  if (name === ExtendedLinkOpaqueBody.jsonName) return new ExtendedLinkOpaqueBody(tlvs);
  throw new JsonDictError(`unknown opaque body ${name}`);
}
