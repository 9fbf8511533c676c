/**
 * MP_REACH_NLRI / MP_UNREACH_NLRI (RFC 4760), and the path attribute
 * dispatcher (type code -> class) used by UPDATE, MRT and BMP.
 */
import type { Cursor } from './util.js';
import type { Writer } from '../../../wire/writer.js';
import * as C from './constants.js';
import type { AsPathSegment } from './attributes.js';
import {
  BGPPathAttribute,
  BGPPathAttributeAggregator,
  BGPPathAttributeAs4Aggregator,
  BGPPathAttributeAs4Path,
  BGPPathAttributeAsPath,
  BGPPathAttributeAtomicAggregate,
  BGPPathAttributeClusterList,
  BGPPathAttributeCommunities,
  BGPPathAttributeExtendedCommunities,
  BGPPathAttributeLargeCommunities,
  BGPPathAttributeLocalPref,
  BGPPathAttributeMultiExitDisc,
  BGPPathAttributeNextHop,
  BGPPathAttributeOrigin,
  BGPPathAttributeOriginatorId,
  BGPPathAttributePmsiTunnel,
  BGPPathAttributeUnknown,
} from './attributes.js';
import { decodeNlriList } from './nlri/family.js';
import type { BgpNlri } from './nlri/prefix.js';
import type { BgpOptions, JsonObject } from './util.js';
import { DEFAULT_OPTIONS, ipBinToText, jsonList, malformed, needTo, putBytes, rd16, v4Bin, v6Bin } from './util.js';

export type { AsPathSegment };

interface Hdr {
  flags?: number;
  type?: number;
  length?: number | null;
}

const RD_LENGTH = 8;

export class BGPPathAttributeMpReachNLRI extends BGPPathAttribute {
  static override readonly jsonName: string = 'BGPPathAttributeMpReachNLRI';
  static override readonly ATTR_FLAGS: number | null = C.BGP_ATTR_FLAG_OPTIONAL;
  declare afi: number;
  declare safi: number;
  /** every next hop (os-ken next_hop_list); JSON prints only the first as next_hop */
  declare next_hop_list: string[];
  declare nlri: BgpNlri[];

  constructor(o: { afi: number; safi: number; next_hop: string | string[]; nlri: BgpNlri[] } & Hdr) {
    super(o.flags ?? 0, o.type ?? C.BGP_ATTR_TYPE_MP_REACH_NLRI, o.length ?? null);
    this.afi = o.afi;
    this.safi = o.safi;
    this.next_hop_list = Array.isArray(o.next_hop) ? o.next_hop : [o.next_hop];
    this.nlri = o.nlri;
  }

  /** first next hop, or null (os-ken next_hop) */
  get next_hop(): string | null {
    return this.next_hop_list.length ? this.next_hop_list[0]! : null;
  }
  set next_hop(addr: string) {
    this.next_hop_list[0] = addr;
  }
  get route_family(): C.RouteFamily | undefined {
    return C.getRf(this.afi, this.safi);
  }

  protected valueFields(): JsonObject {
    return { afi: this.afi, next_hop: this.next_hop, nlri: jsonList(this.nlri), safi: this.safi };
  }

  protected writeValue(w: Writer): void {
    w.u16(this.afi);
    w.u8(this.safi);
    const at = w.pos;
    w.u8(0);
    const vpn = (this.afi === C.AFI_IP || this.afi === C.AFI_IP6) && this.safi === C.SAFI_MPLS_VPN;
    for (const nh of this.next_hop_list) {
      if (vpn) w.zeros(RD_LENGTH);
      if (this.afi === C.AFI_IP6) putBytes(w, nh.includes(':') ? v6Bin(nh) : v6Bin(`::ffff:${nh}`));
      else putBytes(w, nh.includes(':') ? v6Bin(nh) : v4Bin(nh));
    }
    const nhLen = w.pos - at - 1;
    if (nhLen > 255) malformed('BGPPathAttributeMpReachNLRI', `next hops too long (${nhLen})`, 0);
    w.buf[at] = nhLen;
    w.u8(0); // reserved
    for (const n of this.nlri) n.serializeTo(w);
  }

  static decodeValue(r: Cursor, p: number, end: number, flags: number, type: number, length: number, opts: BgpOptions): BGPPathAttributeMpReachNLRI {
    const b = r.bytes;
    if (end - p < 5) malformed('BGPPathAttributeMpReachNLRI', `value is ${end - p} bytes, need 5`, p);
    const afi = rd16(r.bytes, p);
    const safi = b[p + 2]!;
    const nhLen = b[p + 3]!;
    const nhStart = p + 4;
    if (end - nhStart < nhLen + 1) malformed('BGPPathAttributeMpReachNLRI', `next hop length ${nhLen} exceeds attribute`, p + 3);
    const nhEnd = nhStart + nhLen;
    if (b[nhEnd] !== 0) malformed('BGPPathAttributeMpReachNLRI', 'reserved byte is not zero', nhEnd, C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_OPTIONAL_ATTRIBUTE_ERROR);
    const saved = r.pos;
    r.pos = nhEnd + 1;
    const nlri = decodeNlriList(r, end, afi, safi, opts);
    r.pos = saved;
    let unit: number;
    let alen: number;
    if (afi === C.AFI_IP && safi === C.SAFI_MPLS_VPN) {
      unit = RD_LENGTH + 4;
      alen = 4;
    } else if (afi === C.AFI_IP6 && safi === C.SAFI_MPLS_VPN) {
      unit = RD_LENGTH + 16;
      alen = 16;
    } else if (afi === C.AFI_IP || (afi === C.AFI_L2VPN && safi === C.SAFI_EVPN && nhLen < 16)) {
      unit = alen = 4;
    } else if (afi === C.AFI_IP6 || (afi === C.AFI_L2VPN && safi === C.SAFI_EVPN && nhLen >= 16)) {
      unit = alen = 16;
    } else if (afi === C.AFI_L2VPN && safi === C.SAFI_VPN_FLOWSPEC) {
      unit = alen = 0;
    } else {
      return malformed('BGPPathAttributeMpReachNLRI', `Invalid address family: afi=${afi}, safi=${safi}`, p);
    }
    const nextHops: string[] = [];
    if (unit > 0) {
      for (let s = nhStart; s < nhEnd; s += unit) {
        const ce = Math.min(s + unit, nhEnd);
        if (ce - s < alen) malformed('BGPPathAttributeMpReachNLRI', `next hop of ${ce - s} bytes`, s);
        nextHops.push(ipBinToText(b, ce - alen, alen, 'BGPPathAttributeMpReachNLRI'));
      }
    }
    return new BGPPathAttributeMpReachNLRI({ flags, type, length, afi, safi, next_hop: nextHops, nlri });
  }
}

export class BGPPathAttributeMpUnreachNLRI extends BGPPathAttribute {
  static override readonly jsonName: string = 'BGPPathAttributeMpUnreachNLRI';
  static override readonly ATTR_FLAGS: number | null = C.BGP_ATTR_FLAG_OPTIONAL;
  declare afi: number;
  declare safi: number;
  declare withdrawn_routes: BgpNlri[];
  constructor(o: { afi: number; safi: number; withdrawn_routes: BgpNlri[] } & Hdr) {
    super(o.flags ?? 0, o.type ?? C.BGP_ATTR_TYPE_MP_UNREACH_NLRI, o.length ?? null);
    this.afi = o.afi;
    this.safi = o.safi;
    this.withdrawn_routes = o.withdrawn_routes;
  }
  get route_family(): C.RouteFamily | undefined {
    return C.getRf(this.afi, this.safi);
  }
  protected valueFields(): JsonObject {
    return { afi: this.afi, safi: this.safi, withdrawn_routes: jsonList(this.withdrawn_routes) };
  }
  protected writeValue(w: Writer): void {
    w.u16(this.afi);
    w.u8(this.safi);
    for (const n of this.withdrawn_routes) n.serializeTo(w);
  }
  static decodeValue(r: Cursor, p: number, end: number, flags: number, type: number, length: number, opts: BgpOptions): BGPPathAttributeMpUnreachNLRI {
    if (end - p < 3) malformed('BGPPathAttributeMpUnreachNLRI', `value is ${end - p} bytes, need 3`, p);
    const afi = rd16(r.bytes, p);
    const safi = r.bytes[p + 2]!;
    const saved = r.pos;
    r.pos = p + 3;
    const routes = decodeNlriList(r, end, afi, safi, opts);
    r.pos = saved;
    return new BGPPathAttributeMpUnreachNLRI({ flags, type, length, afi, safi, withdrawn_routes: routes });
  }
}

/**
 * Decode one path attribute at r.pos (must end by `end`); advances r.pos
 * past it. os-ken _PathAttribute.parser.
 */
export function decodePathAttribute(r: Cursor, end: number, opts: BgpOptions = DEFAULT_OPTIONS): BGPPathAttribute {
  needTo(r, end, 3, 'path_attribute');
  const b = r.bytes;
  const start = r.pos;
  const flags = b[start]!;
  const type = b[start + 1]!;
  let length: number;
  let p: number;
  if (flags & C.BGP_ATTR_FLAG_EXTENDED_LENGTH) {
    needTo(r, end, 4, 'path_attribute');
    length = rd16(b, start + 2);
    p = start + 4;
  } else {
    length = b[start + 2]!;
    p = start + 3;
  }
  if (end - p < length) {
    malformed('path_attribute', `attribute type ${type} length ${length} exceeds the attribute list`, start, C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_ATTRIBUTE_LENGTH_ERROR);
  }
  const ve = p + length;
  r.pos = ve;
  switch (type) {
    case C.BGP_ATTR_TYPE_ORIGIN:
      return BGPPathAttributeOrigin.decodeValue(b, p, ve, flags, type, length);
    case C.BGP_ATTR_TYPE_AS_PATH:
      return BGPPathAttributeAsPath.decodeValue(b, p, ve, flags, type, length);
    case C.BGP_ATTR_TYPE_NEXT_HOP:
      return BGPPathAttributeNextHop.decodeValue(b, p, ve, flags, type, length);
    case C.BGP_ATTR_TYPE_MULTI_EXIT_DISC:
      return BGPPathAttributeMultiExitDisc.decodeValue(b, p, ve, flags, type, length);
    case C.BGP_ATTR_TYPE_LOCAL_PREF:
      return BGPPathAttributeLocalPref.decodeValue(b, p, ve, flags, type, length);
    case C.BGP_ATTR_TYPE_ATOMIC_AGGREGATE:
      return new BGPPathAttributeAtomicAggregate({ flags, type, length });
    case C.BGP_ATTR_TYPE_AGGREGATOR:
      return BGPPathAttributeAggregator.decodeValue(b, p, ve, flags, type, length);
    case C.BGP_ATTR_TYPE_COMMUNITIES:
      return BGPPathAttributeCommunities.decodeValue(b, p, ve, flags, type, length);
    case C.BGP_ATTR_TYPE_ORIGINATOR_ID:
      return BGPPathAttributeOriginatorId.decodeValue(b, p, ve, flags, type, length);
    case C.BGP_ATTR_TYPE_CLUSTER_LIST:
      return BGPPathAttributeClusterList.decodeValue(b, p, ve, flags, type, length);
    case C.BGP_ATTR_TYPE_MP_REACH_NLRI:
      return BGPPathAttributeMpReachNLRI.decodeValue(r, p, ve, flags, type, length, opts);
    case C.BGP_ATTR_TYPE_MP_UNREACH_NLRI:
      return BGPPathAttributeMpUnreachNLRI.decodeValue(r, p, ve, flags, type, length, opts);
    case C.BGP_ATTR_TYPE_EXTENDED_COMMUNITIES:
      return BGPPathAttributeExtendedCommunities.decodeValue(b, p, ve, flags, type, length);
    case C.BGP_ATTR_TYPE_AS4_PATH:
      return BGPPathAttributeAs4Path.decodeValue(b, p, ve, flags, type, length);
    case C.BGP_ATTR_TYPE_AS4_AGGREGATOR:
      return BGPPathAttributeAs4Aggregator.decodeValue(b, p, ve, flags, type, length);
    case C.BGP_ATTR_TYEP_PMSI_TUNNEL_ATTRIBUTE:
      return BGPPathAttributePmsiTunnel.decodeValue(b, p, ve, flags, type, length);
    case C.BGP_ATTR_TYPE_LARGE_COMMUNITIES:
      if (opts.extensions) return BGPPathAttributeLargeCommunities.decodeValue(b, p, ve, flags, type, length);
      break;
  }
  return new BGPPathAttributeUnknown({ flags, type, length, value: b.slice(p, ve) });
}

/** Decode path attributes filling [r.pos, end). */
export function decodePathAttributes(r: Cursor, end: number, opts: BgpOptions = DEFAULT_OPTIONS): BGPPathAttribute[] {
  const out: BGPPathAttribute[] = [];
  while (r.pos < end) out.push(decodePathAttribute(r, end, opts));
  return out;
}
