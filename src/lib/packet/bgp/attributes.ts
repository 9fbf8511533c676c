/**
 * BGP path attributes (os-ken _PathAttribute and subclasses), except
 * MP_REACH_NLRI / MP_UNREACH_NLRI which live in mp_nlri.ts.
 *
 * Decoding follows os-ken's value parsers (e.g. AS_PATH auto-detects 2- or
 * 4-byte AS numbers, AGGREGATOR picks the width from its length, trailing
 * bytes of COMMUNITIES/CLUSTER_LIST are ignored); anything os-ken would
 * fail on throws BgpMalformed / PacketTruncated instead.
 * Serialising fixes up flags and lengths exactly like os-ken's serialize().
 */
import type { Writer } from '../../../wire/writer.js';
import { v4Text } from './addr_text.js';
import * as C from './constants.js';
import { BGPExtendedCommunity, BGPLargeCommunity } from './communities.js';
import type { JsonObject, JsonValue } from './util.js';
import { b64, ipBinToText, ipTextToBin, jsonList, labelFromUser, malformed, putBytes, rd16, rd32, u24, v4Bin } from './util.js';

const OPT_TRANS = C.BGP_ATTR_FLAG_OPTIONAL | C.BGP_ATTR_FLAG_TRANSITIVE;

/** os-ken _PathAttribute */
export abstract class BGPPathAttribute {
  static readonly jsonName: string = '_PathAttribute';
  /** flags forced on serialize (os-ken _ATTR_FLAGS), null to keep them */
  static readonly ATTR_FLAGS: number | null = null;
  declare flags: number;
  declare type: number;
  declare length: number | null;

  constructor(flags: number, type: number, length: number | null) {
    this.flags = flags;
    this.type = type;
    this.length = length;
  }

  /** value fields of the JSON dict (flags/length/type are added by toJsonDict) */
  protected abstract valueFields(): JsonObject;
  protected abstract writeValue(w: Writer): void;

  toJsonDict(): JsonObject {
    const d: JsonObject = { flags: this.flags, length: this.length, type: this.type };
    const f = this.valueFields();
    for (const k in f) d[k] = f[k]!;
    const out: JsonObject = {};
    for (const k of Object.keys(d).sort()) out[k] = d[k]!;
    return { [(this.constructor as typeof BGPPathAttribute).jsonName]: out };
  }

  /** Append flags, type, length and value; fixes up flags/length (os-ken serialize). */
  serializeTo(w: Writer): void {
    const forced = (this.constructor as typeof BGPPathAttribute).ATTR_FLAGS;
    if (forced !== null) this.flags = (this.flags & ~OPT_TRANS) | forced;
    const ext = (this.flags & C.BGP_ATTR_FLAG_EXTENDED_LENGTH) !== 0;
    const hdr = w.pos;
    w.u8(this.flags);
    w.u8(this.type);
    w.u8(0);
    if (ext) w.u8(0);
    const vstart = w.pos;
    this.writeValue(w);
    const len = w.pos - vstart;
    if (len > 0xffff) malformed((this.constructor as typeof BGPPathAttribute).jsonName, `value too long (${len})`, 0);
    this.length = len;
    if (ext) {
      w.view.setUint16(hdr + 2, len);
    } else if (len > 255) {
      this.flags |= C.BGP_ATTR_FLAG_EXTENDED_LENGTH;
      w.ensure(1);
      w.buf.copyWithin(vstart + 1, vstart, w.pos);
      w.pos += 1;
      w.buf[hdr] = this.flags;
      w.view.setUint16(hdr + 2, len);
    } else {
      this.flags &= ~C.BGP_ATTR_FLAG_EXTENDED_LENGTH;
      w.buf[hdr] = this.flags;
      w.buf[hdr + 2] = len;
    }
  }
}

interface Hdr {
  flags?: number;
  type?: number;
  length?: number | null;
}

function short(where: string, need: number, have: number, off: number): never {
  return malformed(where, `value is ${have} bytes, need ${need}`, off, C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_ATTRIBUTE_LENGTH_ERROR);
}

/* ------------------------------------------------------------------ unknown */

export class BGPPathAttributeUnknown extends BGPPathAttribute {
  static override readonly jsonName: string = 'BGPPathAttributeUnknown';
  declare value: Uint8Array;
  constructor(o: { value: Uint8Array } & Hdr) {
    super(o.flags ?? 0, o.type ?? 0, o.length ?? null);
    this.value = o.value;
  }
  protected valueFields(): JsonObject {
    return { value: b64(this.value) };
  }
  protected writeValue(w: Writer): void {
    w.bytes(this.value);
  }
}

/* ------------------------------------------------------------------ single values */

export class BGPPathAttributeOrigin extends BGPPathAttribute {
  static override readonly jsonName: string = 'BGPPathAttributeOrigin';
  static override readonly ATTR_FLAGS: number | null = C.BGP_ATTR_FLAG_TRANSITIVE;
  declare value: number;
  constructor(o: { value: number } & Hdr) {
    super(o.flags ?? 0, o.type ?? C.BGP_ATTR_TYPE_ORIGIN, o.length ?? null);
    this.value = o.value;
  }
  protected valueFields(): JsonObject {
    return { value: this.value };
  }
  protected writeValue(w: Writer): void {
    w.u8(this.value);
  }
  static decodeValue(b: Uint8Array, p: number, end: number, flags: number, type: number, length: number): BGPPathAttributeOrigin {
    if (end - p < 1) short('BGPPathAttributeOrigin', 1, end - p, p);
    return new BGPPathAttributeOrigin({ flags, type, length, value: b[p]! });
  }
}

/** An attribute whose value is one IPv4 address (NEXT_HOP, ORIGINATOR_ID). */
abstract class Ipv4Attribute extends BGPPathAttribute {
  declare value: string;
  constructor(o: { value: string } & Hdr, type: number) {
    super(o.flags ?? 0, o.type ?? type, o.length ?? null);
    this.value = o.value;
  }
  protected valueFields(): JsonObject {
    return { value: this.value };
  }
  protected writeValue(w: Writer): void {
    putBytes(w, v4Bin(this.value));
  }
  static decodeValue<T>(this: new (o: { value: string } & Hdr) => T, b: Uint8Array, p: number, end: number, flags: number, type: number, length: number): T {
    if (end - p < 4) short((this as unknown as typeof BGPPathAttribute).jsonName, 4, end - p, p);
    return new this({ flags, type, length, value: v4Text(b, p) });
  }
}

export class BGPPathAttributeNextHop extends Ipv4Attribute {
  static override readonly jsonName: string = 'BGPPathAttributeNextHop';
  static override readonly ATTR_FLAGS: number | null = C.BGP_ATTR_FLAG_TRANSITIVE;
  constructor(o: { value: string } & Hdr) {
    super(o, C.BGP_ATTR_TYPE_NEXT_HOP);
  }
}

abstract class Uint32Attribute extends BGPPathAttribute {
  declare value: number;
  constructor(o: { value: number } & Hdr, type: number) {
    super(o.flags ?? 0, o.type ?? type, o.length ?? null);
    this.value = o.value;
  }
  protected valueFields(): JsonObject {
    return { value: this.value };
  }
  protected writeValue(w: Writer): void {
    w.u32(this.value);
  }
  static decodeValue<T>(this: new (o: { value: number } & Hdr) => T, b: Uint8Array, p: number, end: number, flags: number, type: number, length: number): T {
    if (end - p < 4) short((this as unknown as typeof BGPPathAttribute).jsonName, 4, end - p, p);
    return new this({ flags, type, length, value: rd32(b, p) });
  }
}

export class BGPPathAttributeMultiExitDisc extends Uint32Attribute {
  static override readonly jsonName: string = 'BGPPathAttributeMultiExitDisc';
  static override readonly ATTR_FLAGS: number | null = C.BGP_ATTR_FLAG_OPTIONAL;
  constructor(o: { value: number } & Hdr) {
    super(o, C.BGP_ATTR_TYPE_MULTI_EXIT_DISC);
  }
}

export class BGPPathAttributeLocalPref extends Uint32Attribute {
  static override readonly jsonName: string = 'BGPPathAttributeLocalPref';
  static override readonly ATTR_FLAGS: number | null = C.BGP_ATTR_FLAG_TRANSITIVE;
  constructor(o: { value: number } & Hdr) {
    super(o, C.BGP_ATTR_TYPE_LOCAL_PREF);
  }
}

export class BGPPathAttributeAtomicAggregate extends BGPPathAttribute {
  static override readonly jsonName: string = 'BGPPathAttributeAtomicAggregate';
  static override readonly ATTR_FLAGS: number | null = C.BGP_ATTR_FLAG_TRANSITIVE;
  constructor(o: Hdr = {}) {
    super(o.flags ?? 0, o.type ?? C.BGP_ATTR_TYPE_ATOMIC_AGGREGATE, o.length ?? null);
  }
  protected valueFields(): JsonObject {
    return {};
  }
  protected writeValue(): void {}
}

export class BGPPathAttributeOriginatorId extends Ipv4Attribute {
  static override readonly jsonName: string = 'BGPPathAttributeOriginatorId';
  static override readonly ATTR_FLAGS: number | null = C.BGP_ATTR_FLAG_OPTIONAL;
  constructor(o: { value: string } & Hdr) {
    super(o, C.BGP_ATTR_TYPE_ORIGINATOR_ID);
  }
}

export class BGPPathAttributeClusterList extends BGPPathAttribute {
  static override readonly jsonName: string = 'BGPPathAttributeClusterList';
  static override readonly ATTR_FLAGS: number | null = C.BGP_ATTR_FLAG_OPTIONAL;
  declare value: string[];
  constructor(o: { value: string[] } & Hdr) {
    super(o.flags ?? 0, o.type ?? C.BGP_ATTR_TYPE_CLUSTER_LIST, o.length ?? null);
    this.value = o.value;
  }
  protected valueFields(): JsonObject {
    return { value: this.value.slice() };
  }
  protected writeValue(w: Writer): void {
    for (const c of this.value) putBytes(w, v4Bin(c));
  }
  static decodeValue(b: Uint8Array, p: number, end: number, flags: number, type: number, length: number): BGPPathAttributeClusterList {
    const value: string[] = [];
    for (; end - p >= 4; p += 4) value.push(v4Text(b, p));
    return new BGPPathAttributeClusterList({ flags, type, length, value });
  }
}

export class BGPPathAttributeCommunities extends BGPPathAttribute {
  static override readonly jsonName: string = 'BGPPathAttributeCommunities';
  static override readonly ATTR_FLAGS: number | null = OPT_TRANS;
  static readonly NO_EXPORT = 0xffffff01;
  static readonly NO_ADVERTISE = 0xffffff02;
  static readonly NO_EXPORT_SUBCONFED = 0xffffff03;
  declare communities: number[];
  constructor(o: { communities: number[] } & Hdr) {
    super(o.flags ?? 0, o.type ?? C.BGP_ATTR_TYPE_COMMUNITIES, o.length ?? null);
    this.communities = o.communities;
  }
  has_comm_attr(attr: number): boolean {
    return this.communities.includes(attr);
  }
  protected valueFields(): JsonObject {
    return { communities: this.communities.slice() };
  }
  protected writeValue(w: Writer): void {
    for (const c of this.communities) w.u32(c);
  }
  static decodeValue(b: Uint8Array, p: number, end: number, flags: number, type: number, length: number): BGPPathAttributeCommunities {
    const communities: number[] = [];
    for (; end - p >= 4; p += 4) communities.push(rd32(b, p));
    return new BGPPathAttributeCommunities({ flags, type, length, communities });
  }
}

/* ------------------------------------------------------------------ AS path */

/** An AS_PATH segment: AS_SEQUENCE as an array, AS_SET as a Set (os-ken: list / set). */
export type AsPathSegment = number[] | Set<number>;
const AS_SET = 1;
const AS_SEQUENCE = 2;

export abstract class AsPathCommon extends BGPPathAttribute {
  static override readonly ATTR_FLAGS: number | null = C.BGP_ATTR_FLAG_TRANSITIVE;
  declare value: AsPathSegment[];
  /** AS number width on the wire: 2 or 4 (os-ken as_pack_str '!H' / '!I') */
  declare asSize: 2 | 4;

  constructor(o: { value: AsPathSegment[]; as_pack_str?: '!H' | '!I' | null } & Hdr, type: number, dflt: 2 | 4) {
    super(o.flags ?? 0, o.type ?? type, o.length ?? null);
    this.value = o.value;
    this.asSize = o.as_pack_str === '!I' ? 4 : o.as_pack_str === '!H' ? 2 : dflt;
  }

  get path_seg_list(): AsPathSegment[] {
    return this.value.map((s) => (s instanceof Set ? new Set(s) : s.slice()));
  }

  /** os-ken get_as_path_len: sequences count each AS, a set counts one */
  get_as_path_len(): number {
    let n = 0;
    for (const s of this.value) n += s instanceof Set ? 1 : s.length;
    return n;
  }

  has_local_as(localAs: number, maxCount = 0): boolean {
    let n = 0;
    for (const s of this.value) for (const a of s) if (a === localAs) n++;
    return n > maxCount;
  }

  has_matching_leftmost(remoteAs: number): boolean {
    if (!this.value.length || !remoteAs) return false;
    const first = this.value[0]!;
    const lm = first instanceof Set ? first.values().next().value : first[0];
    return lm === remoteAs;
  }

  /** AS_SET segments print as arrays in wire order (os-ken cannot print them at all). */
  protected valueFields(): JsonObject {
    const value: JsonValue[] = this.value.map((s) => (s instanceof Set ? [...s] : s.slice()));
    return { value };
  }

  protected writeValue(w: Writer): void {
    for (const seg of this.value) {
      const list = seg instanceof Set ? [...seg] : seg;
      if (list.length === 0) continue;
      if (list.length > 255) malformed('as_path', `segment of ${list.length} ASes`, 0);
      w.u8(seg instanceof Set ? AS_SET : AS_SEQUENCE);
      w.u8(list.length);
      for (const a of list) {
        if (this.asSize === 2) w.u16(a);
        else w.u32(a);
      }
    }
  }

  /** os-ken _is_valid_16bit_as_path */
  static isValid16(b: Uint8Array, p: number, end: number): boolean {
    while (p < end) {
      if (end - p < 2) return malformed('as_path', 'truncated segment header', p, C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_MALFORMED_AS_PATH);
      const t = b[p]!;
      if (t !== AS_SET && t !== AS_SEQUENCE) return false;
      const n = b[p + 1]!;
      p += 2;
      if (end - p < 2 * n) return false;
      p += 2 * n;
    }
    return true;
  }

  static parseSegments(b: Uint8Array, p: number, end: number, size: 2 | 4, where: string): AsPathSegment[] {
    const out: AsPathSegment[] = [];
    while (p < end) {
      if (end - p < 2) malformed(where, 'truncated segment header', p, C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_MALFORMED_AS_PATH);
      const t = b[p]!;
      const n = b[p + 1]!;
      p += 2;
      if (end - p < size * n) malformed(where, 'truncated segment', p, C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_MALFORMED_AS_PATH);
      const l: number[] = new Array<number>(n);
      for (let i = 0; i < n; i++, p += size) l[i] = size === 2 ? rd16(b, p) : rd32(b, p);
      if (t === AS_SET) out.push(new Set(l));
      else if (t === AS_SEQUENCE) out.push(l);
      else malformed(where, `unsupported segment type: ${t}`, p, C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_MALFORMED_AS_PATH);
    }
    return out;
  }
}

export class BGPPathAttributeAsPath extends AsPathCommon {
  static override readonly jsonName: string = 'BGPPathAttributeAsPath';
  constructor(o: { value: AsPathSegment[]; as_pack_str?: '!H' | '!I' | null } & Hdr) {
    super(o, C.BGP_ATTR_TYPE_AS_PATH, 2);
  }
  static decodeValue(b: Uint8Array, p: number, end: number, flags: number, type: number, length: number): BGPPathAttributeAsPath {
    const size = AsPathCommon.isValid16(b, p, end) ? 2 : 4;
    const value = AsPathCommon.parseSegments(b, p, end, size, 'BGPPathAttributeAsPath');
    return new BGPPathAttributeAsPath({ flags, type, length, value, as_pack_str: size === 2 ? '!H' : '!I' });
  }
}

export class BGPPathAttributeAs4Path extends AsPathCommon {
  static override readonly jsonName: string = 'BGPPathAttributeAs4Path';
  static override readonly ATTR_FLAGS: number | null = OPT_TRANS;
  constructor(o: { value: AsPathSegment[]; as_pack_str?: '!H' | '!I' | null } & Hdr) {
    super(o, C.BGP_ATTR_TYPE_AS4_PATH, 4);
  }
  static decodeValue(b: Uint8Array, p: number, end: number, flags: number, type: number, length: number): BGPPathAttributeAs4Path {
    const value = AsPathCommon.parseSegments(b, p, end, 4, 'BGPPathAttributeAs4Path');
    return new BGPPathAttributeAs4Path({ flags, type, length, value, as_pack_str: '!I' });
  }
}

/* ------------------------------------------------------------------ aggregator */

export class BGPPathAttributeAggregator extends BGPPathAttribute {
  static override readonly jsonName: string = 'BGPPathAttributeAggregator';
  static override readonly ATTR_FLAGS: number | null = OPT_TRANS;
  declare as_number: number;
  declare addr: string;
  /**
   * AS width: 4 when decoded from an 8-byte value or as_number > 0xffff,
   * else 2. (os-ken keeps this in a class variable that one 8-byte parse
   * switches for good; osken keeps it per object.)
   */
  declare asSize: 2 | 4;
  constructor(o: { as_number: number; addr: string } & Hdr, asSize?: 2 | 4) {
    super(o.flags ?? 0, o.type ?? C.BGP_ATTR_TYPE_AGGREGATOR, o.length ?? null);
    this.as_number = o.as_number;
    this.addr = o.addr;
    this.asSize = asSize ?? 2;
  }
  protected valueFields(): JsonObject {
    return { addr: this.addr, as_number: this.as_number };
  }
  protected writeValue(w: Writer): void {
    if (this.asSize === 4 || this.as_number > 0xffff) w.u32(this.as_number);
    else w.u16(this.as_number);
    putBytes(w, v4Bin(this.addr));
  }
  static decodeValue(b: Uint8Array, p: number, end: number, flags: number, type: number, length: number): BGPPathAttributeAggregator {
    if (end - p === 8) return new BGPPathAttributeAggregator({ flags, type, length, as_number: rd32(b, p), addr: v4Text(b, p + 4) }, 4);
    if (end - p < 6) short('BGPPathAttributeAggregator', 6, end - p, p);
    return new BGPPathAttributeAggregator({ flags, type, length, as_number: rd16(b, p), addr: v4Text(b, p + 2) }, 2);
  }
}

export class BGPPathAttributeAs4Aggregator extends BGPPathAttribute {
  static override readonly jsonName: string = 'BGPPathAttributeAs4Aggregator';
  static override readonly ATTR_FLAGS: number | null = OPT_TRANS;
  declare as_number: number;
  declare addr: string;
  constructor(o: { as_number: number; addr: string } & Hdr) {
    super(o.flags ?? 0, o.type ?? C.BGP_ATTR_TYPE_AS4_AGGREGATOR, o.length ?? null);
    this.as_number = o.as_number;
    this.addr = o.addr;
  }
  protected valueFields(): JsonObject {
    return { addr: this.addr, as_number: this.as_number };
  }
  protected writeValue(w: Writer): void {
    w.u32(this.as_number);
    putBytes(w, v4Bin(this.addr));
  }
  static decodeValue(b: Uint8Array, p: number, end: number, flags: number, type: number, length: number): BGPPathAttributeAs4Aggregator {
    if (end - p < 8) short('BGPPathAttributeAs4Aggregator', 8, end - p, p);
    return new BGPPathAttributeAs4Aggregator({ flags, type, length, as_number: rd32(b, p), addr: v4Text(b, p + 4) });
  }
}

/* ------------------------------------------------------------------ extended / large communities */

export class BGPPathAttributeExtendedCommunities extends BGPPathAttribute {
  static override readonly jsonName: string = 'BGPPathAttributeExtendedCommunities';
  static override readonly ATTR_FLAGS: number | null = OPT_TRANS;
  declare communities: BGPExtendedCommunity[];
  constructor(o: { communities: BGPExtendedCommunity[] } & Hdr) {
    super(o.flags ?? 0, o.type ?? C.BGP_ATTR_TYPE_EXTENDED_COMMUNITIES, o.length ?? null);
    this.communities = o.communities;
  }
  protected valueFields(): JsonObject {
    return { communities: jsonList(this.communities) };
  }
  protected writeValue(w: Writer): void {
    for (const c of this.communities) c.serializeTo(w);
  }
  private communityList(subtype: number): string[] {
    const out: string[] = [];
    for (const c of this.communities) {
      const x = c as unknown as { subtype?: number; as_number?: number; ipv4_address?: string; local_administrator?: number };
      if (x.subtype !== subtype) continue;
      if (c.type === 0 || c.type === 2) out.push(`${x.as_number}:${x.local_administrator}`);
      else if (c.type === 1) out.push(`${x.ipv4_address}:${x.local_administrator}`);
    }
    return out;
  }
  get rt_list(): string[] {
    return this.communityList(2);
  }
  get soo_list(): string[] {
    return this.communityList(3);
  }
  static decodeValue(b: Uint8Array, p: number, end: number, flags: number, type: number, length: number): BGPPathAttributeExtendedCommunities {
    const communities: BGPExtendedCommunity[] = [];
    for (; p < end; p += 8) {
      if (end - p < 8) short('BGPPathAttributeExtendedCommunities', 8, end - p, p);
      communities.push(BGPExtendedCommunity.decodeAt(b, p));
    }
    return new BGPPathAttributeExtendedCommunities({ flags, type, length, communities });
  }
}

/** RFC 8092 LARGE_COMMUNITIES (osken extension; decoded only with options.extensions). */
export class BGPPathAttributeLargeCommunities extends BGPPathAttribute {
  static override readonly jsonName: string = 'BGPPathAttributeLargeCommunities';
  static override readonly ATTR_FLAGS: number | null = OPT_TRANS;
  declare communities: BGPLargeCommunity[];
  constructor(o: { communities: BGPLargeCommunity[] } & Hdr) {
    super(o.flags ?? 0, o.type ?? C.BGP_ATTR_TYPE_LARGE_COMMUNITIES, o.length ?? null);
    this.communities = o.communities;
  }
  protected valueFields(): JsonObject {
    return { communities: jsonList(this.communities) };
  }
  protected writeValue(w: Writer): void {
    for (const c of this.communities) {
      w.u32(c.global_admin);
      w.u32(c.local_data_1);
      w.u32(c.local_data_2);
    }
  }
  static decodeValue(b: Uint8Array, p: number, end: number, flags: number, type: number, length: number): BGPPathAttributeLargeCommunities {
    if ((end - p) % 12 !== 0) malformed('BGPPathAttributeLargeCommunities', `length ${end - p} not a multiple of 12`, p);
    const communities: BGPLargeCommunity[] = [];
    for (; p < end; p += 12)
      communities.push(new BGPLargeCommunity({ global_admin: rd32(b, p), local_data_1: rd32(b, p + 4), local_data_2: rd32(b, p + 8) }));
    return new BGPPathAttributeLargeCommunities({ flags, type, length, communities });
  }
}

/* ------------------------------------------------------------------ PMSI tunnel */

export abstract class PmsiTunnelId {
  static readonly jsonName: string = '_PmsiTunnelId';
  abstract toJsonDict(): JsonObject;
  abstract serialize(): Uint8Array;
}

export class PmsiTunnelIdUnknown extends PmsiTunnelId {
  static override readonly jsonName: string = 'PmsiTunnelIdUnknown';
  declare value: Uint8Array;
  constructor(o: { value: Uint8Array }) {
    super();
    this.value = o.value;
  }
  toJsonDict(): JsonObject {
    return { PmsiTunnelIdUnknown: { value: b64(this.value) } };
  }
  serialize(): Uint8Array {
    return this.value;
  }
}

export class PmsiTunnelIdIngressReplication extends PmsiTunnelId {
  static override readonly jsonName: string = 'PmsiTunnelIdIngressReplication';
  declare tunnel_endpoint_ip: string;
  constructor(o: { tunnel_endpoint_ip: string }) {
    super();
    this.tunnel_endpoint_ip = o.tunnel_endpoint_ip;
  }
  toJsonDict(): JsonObject {
    return { PmsiTunnelIdIngressReplication: { tunnel_endpoint_ip: this.tunnel_endpoint_ip } };
  }
  serialize(): Uint8Array {
    return ipTextToBin(this.tunnel_endpoint_ip);
  }
}

export class BGPPathAttributePmsiTunnel extends BGPPathAttribute {
  static override readonly jsonName: string = 'BGPPathAttributePmsiTunnel';
  static override readonly ATTR_FLAGS: number | null = OPT_TRANS;
  static readonly TYPE_NO_TUNNEL_INFORMATION_PRESENT = 0;
  static readonly TYPE_INGRESS_REPLICATION = 6;
  declare pmsi_flags: number;
  declare tunnel_type: number;
  declare tunnel_id: PmsiTunnelId | null;
  /** raw 3-byte label field (MPLS label or VNI) */
  declare label: Uint8Array;
  constructor(
    o: {
      pmsi_flags: number;
      tunnel_type: number;
      mpls_label?: number | null;
      label?: Uint8Array | null;
      vni?: number | null;
      tunnel_id?: PmsiTunnelId | null;
    } & Hdr,
  ) {
    super(o.flags ?? 0, o.type ?? C.BGP_ATTR_TYEP_PMSI_TUNNEL_ATTRIBUTE, o.length ?? null);
    this.pmsi_flags = o.pmsi_flags;
    this.tunnel_type = o.tunnel_type;
    this.tunnel_id = o.tunnel_id ?? null;
    this.label = o.label && o.label.length ? o.label : labelFromUser(o.mpls_label, o.vni);
  }
  get mpls_label(): number {
    return u24(this.label, 0) >>> 4;
  }
  get vni(): number {
    return u24(this.label, 0);
  }
  protected valueFields(): JsonObject {
    return { pmsi_flags: this.pmsi_flags, tunnel_id: this.tunnel_id ? this.tunnel_id.toJsonDict() : null, tunnel_type: this.tunnel_type };
  }
  protected writeValue(w: Writer): void {
    w.u8(this.pmsi_flags);
    w.u8(this.tunnel_type);
    w.bytes(this.label.subarray(0, 3));
    if (this.tunnel_id !== null) w.bytes(this.tunnel_id.serialize());
  }
  static decodeValue(b: Uint8Array, p: number, end: number, flags: number, type: number, length: number): BGPPathAttributePmsiTunnel {
    if (end - p < 5) short('BGPPathAttributePmsiTunnel', 5, end - p, p);
    const tunnelType = b[p + 1]!;
    let tid: PmsiTunnelId | null = null;
    if (tunnelType === BGPPathAttributePmsiTunnel.TYPE_INGRESS_REPLICATION) {
      tid = new PmsiTunnelIdIngressReplication({ tunnel_endpoint_ip: ipBinToText(b, p + 5, end - p - 5, 'PmsiTunnelIdIngressReplication') });
    } else if (tunnelType !== BGPPathAttributePmsiTunnel.TYPE_NO_TUNNEL_INFORMATION_PRESENT) {
      tid = new PmsiTunnelIdUnknown({ value: b.slice(p + 5, end) });
    }
    return new BGPPathAttributePmsiTunnel({ flags, type, length, pmsi_flags: b[p]!, tunnel_type: tunnelType, label: b.slice(p + 2, p + 5), tunnel_id: tid });
  }
}
