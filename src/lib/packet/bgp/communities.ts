/**
 * Extended communities (RFC 4360, 5668, 7432 EVPN, 5575 flowspec actions)
 * as os-ken's _ExtendedCommunity subclasses, and large communities
 * (RFC 8092, an osken extension).
 */
import type { Writer } from '../../../wire/writer.js';
import type { JsonObject } from './util.js';
import { labelFromUser, rd16, u24 } from './util.js';
import type { RecordClass } from './fixed_record.js';
import { FixedRecord, decodeRecord, field, hidden, layout } from './fixed_record.js';

export const EXT_TWO_OCTET_AS_SPECIFIC = 0x00;
export const EXT_IPV4_ADDRESS_SPECIFIC = 0x01;
export const EXT_FOUR_OCTET_AS_SPECIFIC = 0x02;
export const EXT_OPAQUE = 0x03;
export const EXT_EVPN = 0x06;
export const EXT_FLOWSPEC = 0x80;
export const EXT_FLOWSPEC_L2VPN = 0x08;
export const SUBTYPE_ENCAPSULATION = 0x0c;
export const SUBTYPE_EVPN_MAC_MOBILITY = 0x00;
export const SUBTYPE_EVPN_ESI_LABEL = 0x01;
export const SUBTYPE_EVPN_ES_IMPORT_RT = 0x02;
export const SUBTYPE_FLOWSPEC_TRAFFIC_RATE = 0x06;
export const SUBTYPE_FLOWSPEC_TRAFFIC_ACTION = 0x07;
export const SUBTYPE_FLOWSPEC_REDIRECT = 0x08;
export const SUBTYPE_FLOWSPEC_TRAFFIC_REMARKING = 0x09;
export const SUBTYPE_FLOWSPEC_VLAN_ACTION = 0x0a;
export const SUBTYPE_FLOWSPEC_TPID_ACTION = 0x0b;

/** os-ken _ExtendedCommunity: 1 type byte + 7 value bytes. */
export abstract class BGPExtendedCommunity extends FixedRecord {
  static override readonly jsonName: string = '_ExtendedCommunity';
  static readonly IANA_AUTHORITY = 0x80;
  static readonly TRANSITIVE = 0x40;
  protected get size(): number {
    return 8;
  }
  serializeTo(w: Writer): void {
    w.bytes(this.serialize());
  }

  /** Decode the 8 bytes at b[off] (os-ken _ExtendedCommunity.parse). */
  static decodeAt(b: Uint8Array, off: number): BGPExtendedCommunity {
    const type = b[off]!;
    const cls = extendedCommunityClass(type & ~0x40, b[off + 1]!);
    if (cls === BGPFlowSpecVlanActionCommunity) return decodeVlanAction(b, off);
    return decodeRecord(cls, type, b, off);
  }
}

type ExtClass = RecordClass<BGPExtendedCommunity>;
const subtype = field('subtype', 'u8', 1);

export class BGPTwoOctetAsSpecificExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPTwoOctetAsSpecificExtendedCommunity';
  static override readonly LAYOUT = layout(subtype, field('as_number', 'u16', 2), field('local_administrator', 'u32', 4));
  declare subtype: number;
  declare as_number: number;
  declare local_administrator: number;
  constructor(o: { subtype: number; as_number: number; local_administrator: number; type?: number }) {
    super(o.type ?? EXT_TWO_OCTET_AS_SPECIFIC, o);
  }
}

export class BGPIPv4AddressSpecificExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPIPv4AddressSpecificExtendedCommunity';
  static override readonly LAYOUT = layout(subtype, field('ipv4_address', 'ipv4', 2), field('local_administrator', 'u16', 6));
  declare subtype: number;
  declare ipv4_address: string;
  declare local_administrator: number;
  constructor(o: { subtype: number; ipv4_address: string; local_administrator: number; type?: number }) {
    super(o.type ?? EXT_IPV4_ADDRESS_SPECIFIC, o);
  }
}

export class BGPFourOctetAsSpecificExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFourOctetAsSpecificExtendedCommunity';
  static override readonly LAYOUT = layout(subtype, field('as_number', 'u32', 2), field('local_administrator', 'u16', 6));
  declare subtype: number;
  declare as_number: number;
  declare local_administrator: number;
  constructor(o: { subtype: number; as_number: number; local_administrator: number; type?: number }) {
    super(o.type ?? EXT_FOUR_OCTET_AS_SPECIFIC, o);
  }
}

export class BGPOpaqueExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPOpaqueExtendedCommunity';
  static override readonly LAYOUT = layout(subtype, field('opaque', 'bytes', 2, 6));
  declare subtype: number;
  declare opaque: Uint8Array;
  constructor(o: { subtype: number; opaque: Uint8Array; type?: number }) {
    super(o.type ?? EXT_OPAQUE, o);
  }
}

export class BGPEncapsulationExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPEncapsulationExtendedCommunity';
  static override readonly LAYOUT = layout(subtype, field('tunnel_type', 'u16', 6));
  static readonly TUNNEL_TYPE_L2TPV3 = 1;
  static readonly TUNNEL_TYPE_GRE = 2;
  static readonly TUNNEL_TYPE_IP_IN_IP = 7;
  static readonly TUNNEL_TYPE_VXLAN = 8;
  static readonly TUNNEL_TYPE_NVGRE = 9;
  static readonly TUNNEL_TYPE_MPLS = 10;
  static readonly TUNNEL_TYPE_MPLS_IN_GRE = 11;
  static readonly TUNNEL_TYPE_VXLAN_GRE = 12;
  static readonly TUNNEL_TYPE_MPLS_IN_UDP = 13;
  declare subtype: number;
  declare tunnel_type: number;
  constructor(o: { subtype?: number; tunnel_type: number; type?: number }) {
    super(o.type ?? EXT_OPAQUE, o);
    this.subtype = o.subtype ?? SUBTYPE_ENCAPSULATION;
  }
}

export class BGPEvpnMacMobilityExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPEvpnMacMobilityExtendedCommunity';
  static override readonly LAYOUT = layout(subtype, field('flags', 'u8', 2), field('sequence_number', 'u32', 4));
  declare subtype: number;
  declare flags: number;
  declare sequence_number: number;
  constructor(o: { subtype?: number; flags: number; sequence_number: number; type?: number }) {
    super(o.type ?? EXT_EVPN, o);
    this.subtype = o.subtype ?? SUBTYPE_EVPN_MAC_MOBILITY;
  }
}

export class BGPEvpnEsiLabelExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPEvpnEsiLabelExtendedCommunity';
  /** label: raw 3-byte label (MPLS label or VNI); not printed (os-ken keeps it private) */
  static override readonly LAYOUT = layout(subtype, field('flags', 'u8', 2), hidden('label', 'bytes', 5, 3));
  static readonly SINGLE_ACTIVE_BIT = 1;
  declare subtype: number;
  declare flags: number;
  declare label: Uint8Array;
  constructor(o: { subtype?: number; flags: number; label?: Uint8Array | null; mpls_label?: number | null; vni?: number | null; type?: number }) {
    super(o.type ?? EXT_EVPN, o);
    this.subtype = o.subtype ?? SUBTYPE_EVPN_ESI_LABEL;
    this.label = o.label && o.label.length ? o.label : labelFromUser(o.mpls_label, o.vni);
  }
  get mpls_label(): number {
    return u24(this.label, 0) >>> 4;
  }
  get vni(): number {
    return u24(this.label, 0);
  }
}

export class BGPEvpnEsImportRTExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPEvpnEsImportRTExtendedCommunity';
  static override readonly LAYOUT = layout(subtype, field('es_import', 'mac', 2));
  declare subtype: number;
  declare es_import: string;
  constructor(o: { subtype?: number; es_import: string; type?: number }) {
    super(o.type ?? EXT_EVPN, o);
    this.subtype = o.subtype ?? SUBTYPE_EVPN_ES_IMPORT_RT;
  }
}

/* Flow Specification actions (RFC 5575, draft-ietf-idr-flowspec-l2vpn): the subtype is fixed. */

export class BGPFlowSpecTrafficRateCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFlowSpecTrafficRateCommunity';
  /** rate_info: IEEE float32 bytes per second */
  static override readonly LAYOUT = layout(subtype, field('as_number', 'u16', 2), field('rate_info', 'f32', 4));
  static readonly ACTION_NAME = 'traffic_rate';
  declare subtype: number;
  declare as_number: number;
  declare rate_info: number;
  constructor(o: { subtype?: number; as_number: number; rate_info: number; type?: number }) {
    super(o.type ?? EXT_FLOWSPEC, o);
    this.subtype = SUBTYPE_FLOWSPEC_TRAFFIC_RATE;
  }
}

export class BGPFlowSpecTrafficActionCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFlowSpecTrafficActionCommunity';
  static override readonly LAYOUT = layout(subtype, field('action', 'u8', 7));
  static readonly ACTION_NAME = 'traffic_action';
  static readonly SAMPLE = 1 << 1;
  static readonly TERMINAL = 1 << 0;
  declare subtype: number;
  declare action: number;
  constructor(o: { subtype?: number; action: number; type?: number }) {
    super(o.type ?? EXT_FLOWSPEC, o);
    this.subtype = SUBTYPE_FLOWSPEC_TRAFFIC_ACTION;
  }
}

export class BGPFlowSpecRedirectCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFlowSpecRedirectCommunity';
  static override readonly LAYOUT = layout(subtype, field('as_number', 'u16', 2), field('local_administrator', 'u32', 4));
  static readonly ACTION_NAME = 'redirect';
  declare subtype: number;
  declare as_number: number;
  declare local_administrator: number;
  constructor(o: { subtype?: number; as_number: number; local_administrator: number; type?: number }) {
    super(o.type ?? EXT_FLOWSPEC, o);
    this.subtype = SUBTYPE_FLOWSPEC_REDIRECT;
  }
}

export class BGPFlowSpecTrafficMarkingCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFlowSpecTrafficMarkingCommunity';
  static override readonly LAYOUT = layout(subtype, field('dscp', 'u8', 7));
  static readonly ACTION_NAME = 'traffic_marking';
  declare subtype: number;
  declare dscp: number;
  constructor(o: { subtype?: number; dscp: number; type?: number }) {
    super(o.type ?? EXT_FLOWSPEC, o);
    this.subtype = SUBTYPE_FLOWSPEC_TRAFFIC_REMARKING;
  }
}

export class BGPFlowSpecVlanActionCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFlowSpecVlanActionCommunity';
  /** vlan_n/cos_n share the 16-bit word at 4 + 2(n-1): vlan << 4 | cos << 1 */
  static override readonly LAYOUT = layout(
    subtype,
    field('actions_1', 'u8', 2),
    field('actions_2', 'u8', 3),
    field('vlan_1', 'packed', 4),
    field('vlan_2', 'packed', 6),
    field('cos_1', 'packed', 4),
    field('cos_2', 'packed', 6),
  );
  static readonly ACTION_NAME = 'vlan_action';
  static readonly POP = 1 << 7;
  static readonly PUSH = 1 << 6;
  static readonly SWAP = 1 << 5;
  static readonly REWRITE_INNER = 1 << 4;
  static readonly REWRITE_OUTER = 1 << 3;
  declare subtype: number;
  declare actions_1: number;
  declare actions_2: number;
  declare vlan_1: number;
  declare vlan_2: number;
  declare cos_1: number;
  declare cos_2: number;
  constructor(o: { subtype?: number; actions_1: number; actions_2: number; vlan_1: number; vlan_2: number; cos_1: number; cos_2: number; type?: number }) {
    super(o.type ?? EXT_FLOWSPEC_L2VPN, o);
    this.subtype = SUBTYPE_FLOWSPEC_VLAN_ACTION;
  }
  protected override writeValue(out: Uint8Array, v: DataView): void {
    super.writeValue(out, v);
    v.setUint16(4, ((this.vlan_1 << 4) + (this.cos_1 << 1)) & 0xffff);
    v.setUint16(6, ((this.vlan_2 << 4) + (this.cos_2 << 1)) & 0xffff);
  }
}

export class BGPFlowSpecTPIDActionCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFlowSpecTPIDActionCommunity';
  static override readonly LAYOUT = layout(subtype, field('actions', 'u16', 2), field('tpid_1', 'u16', 4), field('tpid_2', 'u16', 6));
  static readonly ACTION_NAME = 'tpid_action';
  static readonly TI = 1 << 15;
  static readonly TO = 1 << 14;
  declare subtype: number;
  declare actions: number;
  declare tpid_1: number;
  declare tpid_2: number;
  constructor(o: { subtype?: number; actions: number; tpid_1: number; tpid_2: number; type?: number }) {
    super(o.type ?? EXT_FLOWSPEC_L2VPN, o);
    this.subtype = SUBTYPE_FLOWSPEC_TPID_ACTION;
  }
}

export class BGPUnknownExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPUnknownExtendedCommunity';
  static override readonly LAYOUT = layout(field('value', 'bytes', 1, 7));
  declare value: Uint8Array;
  constructor(o: { type: number; value: Uint8Array }) {
    super(o.type, o);
  }
}

function decodeVlanAction(b: Uint8Array, off: number): BGPFlowSpecVlanActionCommunity {
  const vc1 = rd16(b, off + 4);
  const vc2 = rd16(b, off + 6);
  return new BGPFlowSpecVlanActionCommunity({
    type: b[off]!,
    subtype: b[off + 1]!,
    actions_1: b[off + 2]!,
    actions_2: b[off + 3]!,
    vlan_1: vc1 >> 4,
    cos_1: (vc1 >> 1) & 7,
    vlan_2: vc2 >> 4,
    cos_2: (vc2 >> 1) & 7,
  });
}

/** The class of an extended community, by its type (without the transitive bit) and subtype. */
function extendedCommunityClass(low: number, sub: number): ExtClass {
  switch (low) {
    case EXT_TWO_OCTET_AS_SPECIFIC:
      return BGPTwoOctetAsSpecificExtendedCommunity;
    case EXT_IPV4_ADDRESS_SPECIFIC:
      return BGPIPv4AddressSpecificExtendedCommunity;
    case EXT_FOUR_OCTET_AS_SPECIFIC:
      return BGPFourOctetAsSpecificExtendedCommunity;
    case EXT_OPAQUE:
      return sub === SUBTYPE_ENCAPSULATION ? BGPEncapsulationExtendedCommunity : BGPOpaqueExtendedCommunity;
    case EXT_EVPN:
      return EVPN_SUBTYPES[sub] ?? BGPUnknownExtendedCommunity;
    case EXT_FLOWSPEC:
      return FLOWSPEC_SUBTYPES[sub] ?? BGPUnknownExtendedCommunity;
    case EXT_FLOWSPEC_L2VPN:
      return FLOWSPEC_L2VPN_SUBTYPES[sub] ?? BGPUnknownExtendedCommunity;
    default:
      return BGPUnknownExtendedCommunity;
  }
}

const EVPN_SUBTYPES: Partial<Record<number, ExtClass>> = {
  [SUBTYPE_EVPN_MAC_MOBILITY]: BGPEvpnMacMobilityExtendedCommunity,
  [SUBTYPE_EVPN_ESI_LABEL]: BGPEvpnEsiLabelExtendedCommunity,
  [SUBTYPE_EVPN_ES_IMPORT_RT]: BGPEvpnEsImportRTExtendedCommunity,
};
const FLOWSPEC_SUBTYPES: Partial<Record<number, ExtClass>> = {
  [SUBTYPE_FLOWSPEC_TRAFFIC_RATE]: BGPFlowSpecTrafficRateCommunity,
  [SUBTYPE_FLOWSPEC_TRAFFIC_ACTION]: BGPFlowSpecTrafficActionCommunity,
  [SUBTYPE_FLOWSPEC_REDIRECT]: BGPFlowSpecRedirectCommunity,
  [SUBTYPE_FLOWSPEC_TRAFFIC_REMARKING]: BGPFlowSpecTrafficMarkingCommunity,
};
const FLOWSPEC_L2VPN_SUBTYPES: Partial<Record<number, ExtClass>> = {
  [SUBTYPE_FLOWSPEC_VLAN_ACTION]: BGPFlowSpecVlanActionCommunity,
  [SUBTYPE_FLOWSPEC_TPID_ACTION]: BGPFlowSpecTPIDActionCommunity,
};

/** RFC 8092 large community (global_admin:local_data_1:local_data_2). osken extension. */
export class BGPLargeCommunity {
  static readonly jsonName = 'BGPLargeCommunity';
  declare global_admin: number;
  declare local_data_1: number;
  declare local_data_2: number;
  constructor(o: { global_admin: number; local_data_1: number; local_data_2: number }) {
    this.global_admin = o.global_admin;
    this.local_data_1 = o.local_data_1;
    this.local_data_2 = o.local_data_2;
  }
  toJsonDict(): JsonObject {
    return { BGPLargeCommunity: { global_admin: this.global_admin, local_data_1: this.local_data_1, local_data_2: this.local_data_2 } };
  }
  get formatted_str(): string {
    return `${this.global_admin}:${this.local_data_1}:${this.local_data_2}`;
  }
}
