/**
 * OXM (and NXM-in-OXM) match fields for OpenFlow 1.2-1.5: one table of every
 * field os-ken knows, with the versions that have it, plus the TLV codec
 * (os-ken's oxm_fields/oxx_fields). A match field value is what users see:
 * a number, a bigint (8/16-byte fields) or address text; a masked field is
 * a [value, mask] pair.
 */
import type { Reader } from '../wire/reader.js';
import type { Writer } from '../wire/writer.js';
import { JsonDictError, OFPMalformedMessage } from '../wire/errors.js';
import { ipv4ToBin, ipv6ToText, isCanonicalMac, macToBinInto, macToText } from '../wire/addrconv.js';
import {
  Int1, Int2, Int3, Int4, Int8, Int16, IPv4Addr, IPv6Addr, MacAddr, UnknownType, userValueSize,
  type OxmUserValue, type TypeDesc,
} from './oxx_types.js';
import type { JsonObject, JsonValue } from '../wire/json/json.js';

export const OFPXMC_NXM_0 = 0;
export const OFPXMC_NXM_1 = 1;
export const OFPXMC_OPENFLOW_BASIC = 0x8000;
export const OFPXMC_PACKET_REGS = 0x8001;
export const OFPXMC_EXPERIMENTER = 0xffff;
export const ONF_EXPERIMENTER_ID = 0x4f4e4600;
export const NX_EXPERIMENTER_ID = 0x00002320;
export const NX_NSH_EXPERIMENTER_ID = 0x005ad650;

export type MatchValue = OxmUserValue | readonly [OxmUserValue, OxmUserValue];

export interface OxmFieldDesc {
  readonly name: string;
  readonly cls: number;
  /** field number (7 bits) */
  readonly field: number;
  /** class<<7 | field, the 23-bit OXM type */
  readonly oxmType: number;
  /** experimenter id for class 0xffff fields */
  readonly expId: number;
  /** EXT-256 (old ONF) experimenter type, 0 if not used */
  readonly expType: number;
  readonly type: TypeDesc;
  /** sort key os-ken uses when composing a match from keyword arguments */
  readonly sortKey: number;
  /** the encoder's fast path: value size of an OpenFlow-basic Int1/Int2/Int4 (1, 2, 4) or MacAddr (6) field, else 0 */
  readonly fast: number;
  /** the unmasked TLV header of a `fast` field */
  readonly hdr: number;
}

function f(name: string, cls: number, field: number, type: TypeDesc, expId = 0, expType = 0): OxmFieldDesc {
  const oxmType = (cls << 7) | field;
  const fast = cls !== OFPXMC_OPENFLOW_BASIC ? 0 : type === Int1 || type === Int2 || type === Int4 || type === MacAddr ? type.size : 0;
  return {
    name, cls, field, oxmType, expId, expType, type, sortKey: cls === OFPXMC_EXPERIMENTER ? expId : oxmType,
    fast, hdr: ((oxmType << 9) | type.size) >>> 0,
  };
}
const B = (name: string, field: number, t: TypeDesc) => f(name, OFPXMC_OPENFLOW_BASIC, field, t);
const ONF = (name: string, field: number, t: TypeDesc) => f(name, OFPXMC_EXPERIMENTER, field, t, ONF_EXPERIMENTER_ID);
const N0 = (name: string, field: number, t: TypeDesc) => f(name, OFPXMC_NXM_0, field, t);
const N1 = (name: string, field: number, t: TypeDesc) => f(name, OFPXMC_NXM_1, field, t);

const BASIC_1_2: OxmFieldDesc[] = [
  B('in_port', 0, Int4), B('in_phy_port', 1, Int4), B('metadata', 2, Int8), B('eth_dst', 3, MacAddr),
  B('eth_src', 4, MacAddr), B('eth_type', 5, Int2), B('vlan_vid', 6, Int2), B('vlan_pcp', 7, Int1),
  B('ip_dscp', 8, Int1), B('ip_ecn', 9, Int1), B('ip_proto', 10, Int1), B('ipv4_src', 11, IPv4Addr),
  B('ipv4_dst', 12, IPv4Addr), B('tcp_src', 13, Int2), B('tcp_dst', 14, Int2), B('udp_src', 15, Int2),
  B('udp_dst', 16, Int2), B('sctp_src', 17, Int2), B('sctp_dst', 18, Int2), B('icmpv4_type', 19, Int1),
  B('icmpv4_code', 20, Int1), B('arp_op', 21, Int2), B('arp_spa', 22, IPv4Addr), B('arp_tpa', 23, IPv4Addr),
  B('arp_sha', 24, MacAddr), B('arp_tha', 25, MacAddr), B('ipv6_src', 26, IPv6Addr), B('ipv6_dst', 27, IPv6Addr),
  B('ipv6_flabel', 28, Int4), B('icmpv6_type', 29, Int1), B('icmpv6_code', 30, Int1),
  B('ipv6_nd_target', 31, IPv6Addr), B('ipv6_nd_sll', 32, MacAddr), B('ipv6_nd_tll', 33, MacAddr),
  B('mpls_label', 34, Int4), B('mpls_tc', 35, Int1),
];
const BASIC_1_3_EXTRA = [B('mpls_bos', 36, Int1), B('pbb_isid', 37, Int3), B('tunnel_id', 38, Int8), B('ipv6_exthdr', 39, Int2)];
const OLD_ONF_PBB_UCA = f('pbb_uca', OFPXMC_EXPERIMENTER, 0, Int1, ONF_EXPERIMENTER_ID, 2560);
const ONF_TCP_FLAGS = ONF('tcp_flags', 42, Int2);
const ONF_ACTSET_OUTPUT = ONF('actset_output', 43, Int4);
const XREGS = Array.from({ length: 8 }, (_, i) => f(`xreg${i}`, OFPXMC_PACKET_REGS, i, Int8));

const NSH = (name: string, field: number, t: TypeDesc) => f(name, OFPXMC_EXPERIMENTER, field, t, NX_NSH_EXPERIMENTER_ID);
/** Nicira extension fields (os-ken nicira_ext.oxm_types), shared by every version. */
export const NX_OXM_TYPES: OxmFieldDesc[] = [
  N0('in_port_nxm', 0, Int2), N0('eth_dst_nxm', 1, MacAddr), N0('eth_src_nxm', 2, MacAddr), N0('eth_type_nxm', 3, Int2),
  N0('vlan_tci', 4, Int2), N0('nw_tos', 5, Int1), N0('ip_proto_nxm', 6, Int1), N0('ipv4_src_nxm', 7, IPv4Addr),
  N0('ipv4_dst_nxm', 8, IPv4Addr), N0('tcp_src_nxm', 9, Int2), N0('tcp_dst_nxm', 10, Int2), N0('udp_src_nxm', 11, Int2),
  N0('udp_dst_nxm', 12, Int2), N0('icmpv4_type_nxm', 13, Int1), N0('icmpv4_code_nxm', 14, Int1), N0('arp_op_nxm', 15, Int2),
  N0('arp_spa_nxm', 16, IPv4Addr), N0('arp_tpa_nxm', 17, IPv4Addr),
  N1('tunnel_id_nxm', 16, Int8), N1('arp_sha_nxm', 17, MacAddr), N1('arp_tha_nxm', 18, MacAddr),
  N1('ipv6_src_nxm', 19, IPv6Addr), N1('ipv6_dst_nxm', 20, IPv6Addr), N1('icmpv6_type_nxm', 21, Int1),
  N1('icmpv6_code_nxm', 22, Int1), N1('nd_target', 23, IPv6Addr), N1('nd_sll', 24, MacAddr), N1('nd_tll', 25, MacAddr),
  N1('ip_frag', 26, Int1), N1('ipv6_label', 27, Int4), N1('ip_ecn_nxm', 28, Int1), N1('nw_ttl', 29, Int1),
  N1('mpls_ttl', 30, Int1), N1('tun_ipv4_src', 31, IPv4Addr), N1('tun_ipv4_dst', 32, IPv4Addr), N1('pkt_mark', 33, Int4),
  N1('tcp_flags_nxm', 34, Int2), N1('conj_id', 37, Int4), N1('tun_gbp_id', 38, Int2), N1('tun_gbp_flags', 39, Int1),
  N1('tun_flags', 104, Int2), N1('ct_state', 105, Int4), N1('ct_zone', 106, Int2), N1('ct_mark', 107, Int4),
  N1('ct_label', 108, Int16), N1('tun_ipv6_src', 109, IPv6Addr), N1('tun_ipv6_dst', 110, IPv6Addr),
  N1('_recirc_id', 36, Int4),
  f('_dp_hash', OFPXMC_EXPERIMENTER, 0, Int4, NX_EXPERIMENTER_ID),
  NSH('nsh_flags', 1, Int1), NSH('nsh_mdtype', 2, Int1), NSH('nsh_np', 3, Int1), NSH('nsh_spi', 4, Int4),
  NSH('nsh_si', 5, Int1), NSH('nsh_c1', 6, Int4), NSH('nsh_c2', 7, Int4), NSH('nsh_c3', 8, Int4), NSH('nsh_c4', 9, Int4),
  NSH('nsh_ttl', 10, Int1),
  ...Array.from({ length: 16 }, (_, i) => N1(`reg${i}`, i, Int4)),
  ...Array.from({ length: 4 }, (_, i) => N1(`xxreg${i}`, 111 + i, Int16)),
];

/** One version's OXM field table, indexed both ways. */
export class OxmTable {
  readonly byName = new Map<string, OxmFieldDesc>();
  /** byName as a prototype-less dictionary: the quicker lookup for hot paths */
  readonly dict: Record<string, OxmFieldDesc | undefined> = Object.create(null) as Record<string, OxmFieldDesc | undefined>;
  /** non-experimenter fields by 23-bit oxm type */
  readonly byType = new Map<number, OxmFieldDesc>();
  /** experimenter fields by `${expId}:${oxmType or expType}` */
  readonly byExp = new Map<string, OxmFieldDesc>();
  /** OpenFlow-basic fields by field number: the decoder's fast path */
  readonly basic: (OxmFieldDesc | undefined)[] = new Array<OxmFieldDesc | undefined>(128).fill(undefined);
  constructor(readonly fields: readonly OxmFieldDesc[]) {
    for (const d of fields) {
      this.byName.set(d.name, d);
      if (d.cls === OFPXMC_OPENFLOW_BASIC) this.basic[d.field] = d;
      if (d.cls === OFPXMC_EXPERIMENTER) this.byExp.set(`${d.expId}:${d.expType || d.oxmType}`, d);
      else this.byType.set(d.oxmType, d);
    }
    for (const d of this.byName.values()) this.dict[d.name] = d;
  }
}

export const OXM_V1_2 = new OxmTable([...BASIC_1_2, OLD_ONF_PBB_UCA, ONF_TCP_FLAGS, ONF_ACTSET_OUTPUT, ...NX_OXM_TYPES]);
export const OXM_V1_3 = new OxmTable([...BASIC_1_2, ...BASIC_1_3_EXTRA, OLD_ONF_PBB_UCA, ONF_TCP_FLAGS, ONF_ACTSET_OUTPUT, ...XREGS, ...NX_OXM_TYPES]);
export const OXM_V1_4 = new OxmTable([...BASIC_1_2, ...BASIC_1_3_EXTRA, B('pbb_uca', 41, Int1), ONF_TCP_FLAGS, ONF_ACTSET_OUTPUT, ...XREGS, ...NX_OXM_TYPES]);
export const OXM_V1_5 = new OxmTable([
  ...BASIC_1_2, ...BASIC_1_3_EXTRA, B('pbb_uca', 41, Int1), B('tcp_flags', 42, Int2), B('actset_output', 43, Int4),
  B('packet_type', 44, Int4), ...XREGS, ...NX_OXM_TYPES,
]);

export function oxmTable(version: number): OxmTable {
  switch (version) {
    case 3: return OXM_V1_2;
    case 4: return OXM_V1_3;
    case 5: return OXM_V1_4;
    default: return OXM_V1_5;
  }
}

/**
 * Decode the OXM TLVs between r.pos and r.end into `out` as [name, value] pairs. Unmasked
 * OpenFlow-basic fields of the common types are read inline; everything else goes through oxmParse.
 */
export function oxmParseList(r: Reader, table: OxmTable, out: [string, MatchValue][], where = 'oxm_tlv'): void {
  const v = r.view;
  const b = r.bytes;
  const basic = table.basic;
  while (r.pos < r.end) {
    const p = r.pos;
    if (r.end - p >= 4) {
      const header = v.getUint32(p);
      // class 0x8000, no mask
      if (header >>> 16 === 0x8000 && (header & 0x100) === 0) {
        const d = basic[(header >>> 9) & 0x7f];
        const len = header & 0xff;
        if (d !== undefined && len === d.type.size && r.end - p >= 4 + len) {
          const t = d.type;
          let value: MatchValue;
          if (t === Int4) value = v.getUint32(p + 4);
          else if (t === Int2) value = v.getUint16(p + 4);
          else if (t === Int1) value = b[p + 4]!;
          else if (t === MacAddr) value = macToText(b, p + 4);
          else if (t === IPv4Addr) value = `${b[p + 4]}.${b[p + 5]}.${b[p + 6]}.${b[p + 7]}`;
          else value = t.toUser(b, p + 4, len);
          out.push([d.name, value]);
          r.pos = p + 4 + len;
          continue;
        }
      }
    }
    const t = oxmParse(r, table, where);
    out.push([t.name, t.value]);
  }
}

/**
 * True when the bytes from `p` to `end` are a sequence of well-formed OpenFlow-basic TLVs of
 * fields `table` knows, each exactly its type's size (twice with a mask): oxmParseList then
 * decodes them without error, to the values oxmBasicValue gives.
 */
export function oxmBasicListOk(b: Uint8Array, p: number, end: number, table: OxmTable): boolean {
  const basic = table.basic;
  while (p < end) {
    if (end - p < 4) return false;
    const h = ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
    if (h >>> 16 !== OFPXMC_OPENFLOW_BASIC) return false;
    const d = basic[(h >>> 9) & 0x7f];
    if (d === undefined) return false;
    const size = d.type.size;
    const len = h & 0xff;
    if (size <= 0 || len !== ((h & 0x100) === 0 ? size : 2 * size) || end - p < 4 + len) return false;
    p += 4 + len;
  }
  return true;
}

/** The user value (or [value, mask]) of the OpenFlow-basic TLV of type `t` at `p`, as oxmParse gives it (checked by oxmBasicListOk). */
export function oxmBasicValue(b: Uint8Array, p: number, t: TypeDesc): MatchValue {
  const size = t.size;
  const value = t.toUser(b, p + 4, size);
  if ((b[p + 2]! & 1) === 0) return value;
  return [value, t.toUser(b, p + 4 + size, size)];
}

/** A decoded OXM TLV: the field's user name and its user value (or [value, mask]). */
export interface OxmTlv {
  name: string;
  value: MatchValue;
}

/**
 * Decode one OXM TLV at r.pos (r.end bounds it). Returns the field and advances r.pos.
 * Unknown non-experimenter fields become `field_<n>` with base64 value, as in os-ken.
 */
export function oxmParse(r: Reader, table: OxmTable, where = 'oxm'): OxmTlv {
  const start = r.pos;
  r.need(4, where);
  const header = r.view.getUint32(start);
  const oxmType = header >>> 9;
  const hasMask = (header >>> 8) & 1;
  const oxmLen = header & 0xff;
  const cls = oxmType >>> 7;
  let expHdr = 0;
  let d: OxmFieldDesc | undefined;
  let name: string;
  if (cls === OFPXMC_EXPERIMENTER) {
    r.need(8, where);
    const expId = r.view.getUint32(start + 4);
    expHdr = 4;
    let key = `${expId}:${oxmType}`;
    if (expId === ONF_EXPERIMENTER_ID && (oxmType & 0x7f) === 0) {
      r.need(10, where);
      key = `${expId}:${r.view.getUint16(start + 8)}`;
      expHdr = 6;
    }
    d = table.byExp.get(key);
    if (!d) throw new OFPMalformedMessage(where, start, `unknown experimenter OXM field ${key}`);
    name = d.name;
  } else {
    d = table.byType.get(oxmType);
    name = d ? d.name : `field_${oxmType}`;
  }
  let valueLen = oxmLen - expHdr;
  if (hasMask) valueLen = valueLen >> 1;
  if (valueLen <= 0) throw new OFPMalformedMessage(where, start, `OXM ${name} has value length ${valueLen}`);
  const fieldLen = 4 + oxmLen;
  r.need(fieldLen, where);
  const t = d ? d.type : UnknownType;
  if (t.size >= 0 && t.size !== valueLen) {
    throw new OFPMalformedMessage(where, start, `unexpected OXM payload length ${valueLen} for ${name} (expected ${t.size})`);
  }
  const voff = start + 4 + expHdr;
  const value = t.toUser(r.bytes, voff, valueLen);
  r.pos = start + fieldLen;
  if (hasMask) return { name, value: [value, t.toUser(r.bytes, voff + valueLen, valueLen)] };
  return { name, value };
}

interface Resolved {
  d: OxmFieldDesc | undefined;
  t: TypeDesc;
  oxmType: number;
}

function resolve(table: OxmTable, name: string): Resolved {
  const d = table.byName.get(name);
  if (d) return { d, t: d.type, oxmType: d.oxmType };
  const m = /^field_(\d+)$/.exec(name);
  if (!m) throw new JsonDictError(`unknown OXM field: ${name}`);
  return { d: undefined, t: UnknownType, oxmType: Number(m[1]) };
}

/** Split a user value into value and mask, accepting os-ken's CIDR text for IP addresses. */
function splitUser(t: TypeDesc, uv: unknown): [unknown, unknown] {
  if (Array.isArray(uv)) return [uv[0], uv[1] ?? null];
  if (typeof uv === 'string' && uv.includes('/') && (t === IPv4Addr || t === IPv6Addr)) {
    const [addr, plen] = uv.split('/') as [string, string];
    if (t === IPv4Addr) {
      const n = /^\d+$/.test(plen) ? Number(plen) : -1;
      const mask = n >= 0 ? (n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0) : -1;
      const mb = mask >= 0 ? new Uint8Array([mask >>> 24, (mask >>> 16) & 255, (mask >>> 8) & 255, mask & 255]) : ipv4ToBin(plen);
      return [addr, Array.from(mb).join('.')];
    }
    const n = Number(plen);
    const mb = new Uint8Array(16);
    for (let i = 0; i < 16; i++) mb[i] = n >= 8 * (i + 1) ? 255 : n > 8 * i ? (0xff << (8 - (n - 8 * i))) & 0xff : 0;
    return [addr, /^\d+$/.test(plen) ? ipv6ToText(mb) : plen];
  }
  return [uv, null];
}

/** Encode one OXM TLV. Returns the number of bytes written. */
export function oxmSerialize(w: Writer, table: OxmTable, name: string, uv: unknown): number {
  const { d, t, oxmType } = resolve(table, name);
  const [value, mask] = splitUser(t, uv);
  const vlen = userValueSize(t, value);
  let expHdr = 0;
  let hdrType = oxmType;
  if (d && d.cls === OFPXMC_EXPERIMENTER) expHdr = d.expType ? 6 : 4;
  if (d && d.expType) hdrType = (OFPXMC_EXPERIMENTER << 7) | 0;
  const hasMask = mask !== null && mask !== undefined;
  const oxmLen = expHdr + (hasMask ? 2 * vlen : vlen);
  const start = w.pos;
  w.ensure(4 + oxmLen);
  w.view.setUint32(start, ((hdrType << 9) | ((hasMask ? 1 : 0) << 8) | oxmLen) >>> 0);
  if (d && expHdr) {
    w.view.setUint32(start + 4, d.expId);
    if (d.expType) w.view.setUint16(start + 8, d.expType);
  }
  const voff = start + 4 + expHdr;
  w.buf.fill(0, voff, voff + oxmLen - expHdr);
  t.fromUser(value, w.buf, voff);
  if (hasMask) t.fromUser(mask, w.buf, voff + vlen);
  w.pos = start + 4 + oxmLen;
  return 4 + oxmLen;
}

/**
 * Encode an unmasked OpenFlow-basic field of a common type inline. Returns false (writing
 * nothing) when the field needs the general path.
 */
const INT_LIMIT = [1, 0x100, 0x10000, 0x1000000, 0x100000000];

export function oxmSerializeFast(w: Writer, table: OxmTable, name: string, uv: unknown): boolean {
  const d = table.dict[name];
  if (d === undefined) return false;
  return oxmSerializeFastDesc(w, d, uv);
}

/** oxmSerializeFast with the field's descriptor already looked up (`table.dict[name]`). */
export function oxmSerializeFastDesc(w: Writer, d: OxmFieldDesc, uv: unknown): boolean {
  const size = d.fast;
  if (size === 0) return false;
  if (typeof uv === 'number') {
    // an integer in 0..2^(8*size)-1 ((uv >>> 0) === uv: an integer in 0..2^32-1)
    if (size === 6 || (uv >>> 0) !== uv || (size !== 4 && uv >= INT_LIMIT[size]!)) return false;
    w.ensure(4 + size);
    const p = w.pos;
    const v = w.view;
    v.setUint32(p, d.hdr);
    if (size === 4) v.setUint32(p + 4, uv);
    else if (size === 2) v.setUint16(p + 4, uv);
    else w.buf[p + 4] = uv;
    w.pos = p + 4 + size;
    return true;
  }
  if (size === 6 && typeof uv === 'string') {
    w.ensure(10);
    const p = w.pos;
    w.view.setUint32(p, d.hdr);
    macToBinInto(uv, w.buf, p + 4);
    w.pos = p + 10;
    return true;
  }
  return false;
}

/** Encoded length of one OXM TLV (without writing). */
export function oxmLength(table: OxmTable, name: string, uv: unknown): number {
  const { d, t } = resolve(table, name);
  const [value, mask] = splitUser(t, uv);
  const vlen = userValueSize(t, value);
  const expHdr = d && d.cls === OFPXMC_EXPERIMENTER ? (d.expType ? 6 : 4) : 0;
  return 4 + expHdr + (mask !== null && mask !== undefined ? 2 * vlen : vlen);
}

/**
 * os-ken's oxm_normalize_user: for a masked field, the value is ANDed with the mask
 * (so `('10.1.2.3', '255.255.0.0')` becomes `('10.1.0.0', '255.255.0.0')`).
 */
/** oxmNormalize with the field's descriptor already looked up (`table.dict[name]`, possibly undefined). */
export function oxmNormalizeDesc(d: OxmFieldDesc | undefined, table: OxmTable, name: string, uv: unknown): MatchValue {
  if (d !== undefined) {
    const t = d.type;
    if (typeof uv === 'number') {
      if (t.size <= 4 && uv >= 0 && uv < INT_LIMIT[t.size]! && uv === Math.floor(uv)) return uv;
    } else if (typeof uv === 'string' && t === MacAddr && isCanonicalMac(uv)) return uv;
  }
  return oxmNormalize(table, name, uv);
}

export function oxmNormalize(table: OxmTable, name: string, uv: unknown): MatchValue {
  // fast paths for unmasked values already in canonical form
  if (!Array.isArray(uv)) {
    const d = table.dict[name];
    if (d) {
      const t = d.type;
      if (typeof uv === 'number' && t.size <= 4 && uv >= 0 && uv < INT_LIMIT[t.size]! && uv === Math.floor(uv)) return uv;
      if (typeof uv === 'string' && t === MacAddr && isCanonicalMac(uv)) return uv;
    }
  }
  let r: Resolved;
  try {
    r = resolve(table, name);
  } catch {
    return uv as MatchValue;
  }
  const [value, mask] = splitUser(r.t, uv);
  const size = userValueSize(r.t, value);
  const vb = new Uint8Array(size);
  r.t.fromUser(value, vb, 0);
  if (mask === null || mask === undefined) return r.t.toUser(vb, 0, size);
  const mb = new Uint8Array(size);
  r.t.fromUser(mask, mb, 0);
  for (let i = 0; i < size; i++) vb[i]! &= mb[i]!;
  return [r.t.toUser(vb, 0, size), r.t.toUser(mb, 0, size)];
}

export function oxmSortKey(table: OxmTable, name: string): number {
  const d = table.byName.get(name);
  if (d) return d.sortKey;
  const m = /^field_(\d+)$/.exec(name);
  return m ? Number(m[1]) : 0;
}

export function oxmToJsonDict(name: string, uv: MatchValue): JsonObject {
  const isPair = Array.isArray(uv);
  return {
    OXMTlv: {
      field: name,
      mask: isPair ? (uv[1] as JsonValue) : null,
      value: (isPair ? uv[0] : uv) as JsonValue,
    },
  };
}

export function oxmFromJsonDict(j: JsonValue): OxmTlv {
  const tlv = (j as JsonObject | null)?.OXMTlv as JsonObject | undefined;
  if (!tlv || typeof tlv.field !== 'string') throw new JsonDictError('expected {"OXMTlv": {field, value, mask}}');
  const mask = tlv.mask;
  const value = tlv.value as OxmUserValue;
  return { name: tlv.field, value: mask === null || mask === undefined ? value : [value, mask as OxmUserValue] };
}
