/**
 * Extended communities (RFC 4360, 5668, 7432 EVPN, 5575 flowspec actions)
 * as os-ken's _ExtendedCommunity subclasses, and large communities
 * (RFC 8092, an osken extension).
 */
import type { Writer } from '../../../wire/writer.js';
import { ipv4ToBin, ipv4ToText, macToBin, macToText } from '../../../wire/addrconv.js';
import { JsonFloat } from '../../../wire/json/json.js';
import type { JsonObject, JsonValue } from './util.js';
import { b64, labelFromUser, u24 } from './util.js';

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
export abstract class BGPExtendedCommunity {
  static readonly jsonName: string = '_ExtendedCommunity';
  static readonly IANA_AUTHORITY = 0x80;
  static readonly TRANSITIVE = 0x40;
  declare type: number;
  constructor(type: number) {
    this.type = type;
  }
  protected abstract fields(): JsonObject;
  /** write the 7 value bytes at out[1..8) */
  protected abstract writeValue(out: Uint8Array, v: DataView): void;

  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof BGPExtendedCommunity).jsonName]: this.fields() };
  }
  serialize(): Uint8Array {
    const out = new Uint8Array(8);
    out[0] = this.type;
    this.writeValue(out, new DataView(out.buffer));
    return out;
  }
  serializeTo(w: Writer): void {
    w.bytes(this.serialize());
  }

  /** Decode the 8 bytes at b[off] (os-ken _ExtendedCommunity.parse). */
  static decodeAt(b: Uint8Array, v: DataView, off: number): BGPExtendedCommunity {
    const type = b[off]!;
    const low = type & ~0x40;
    const sub = b[off + 1]!;
    const p = off + 1;
    switch (low) {
      case EXT_TWO_OCTET_AS_SPECIFIC:
        return new BGPTwoOctetAsSpecificExtendedCommunity({ type, subtype: sub, as_number: v.getUint16(p + 1), local_administrator: v.getUint32(p + 3) });
      case EXT_IPV4_ADDRESS_SPECIFIC:
        return new BGPIPv4AddressSpecificExtendedCommunity({
          type,
          subtype: sub,
          ipv4_address: ipv4ToText(b, p + 1),
          local_administrator: v.getUint16(p + 5),
        });
      case EXT_FOUR_OCTET_AS_SPECIFIC:
        return new BGPFourOctetAsSpecificExtendedCommunity({ type, subtype: sub, as_number: v.getUint32(p + 1), local_administrator: v.getUint16(p + 5) });
      case EXT_OPAQUE:
        if (sub === SUBTYPE_ENCAPSULATION) return new BGPEncapsulationExtendedCommunity({ type, subtype: sub, tunnel_type: v.getUint16(p + 5) });
        return new BGPOpaqueExtendedCommunity({ type, subtype: sub, opaque: b.slice(p + 1, p + 7) });
      case EXT_EVPN:
        if (sub === SUBTYPE_EVPN_MAC_MOBILITY)
          return new BGPEvpnMacMobilityExtendedCommunity({ type, subtype: sub, flags: b[p + 1]!, sequence_number: v.getUint32(p + 3) });
        if (sub === SUBTYPE_EVPN_ESI_LABEL) return new BGPEvpnEsiLabelExtendedCommunity({ type, subtype: sub, flags: b[p + 1]!, label: b.slice(p + 4, p + 7) });
        if (sub === SUBTYPE_EVPN_ES_IMPORT_RT) return new BGPEvpnEsImportRTExtendedCommunity({ type, subtype: sub, es_import: macToText(b, p + 1) });
        break;
      case EXT_FLOWSPEC:
        if (sub === SUBTYPE_FLOWSPEC_TRAFFIC_RATE)
          return new BGPFlowSpecTrafficRateCommunity({ type, subtype: sub, as_number: v.getUint16(p + 1), rate_info: v.getFloat32(p + 3) });
        if (sub === SUBTYPE_FLOWSPEC_TRAFFIC_ACTION) return new BGPFlowSpecTrafficActionCommunity({ type, subtype: sub, action: b[p + 6]! });
        if (sub === SUBTYPE_FLOWSPEC_REDIRECT)
          return new BGPFlowSpecRedirectCommunity({ type, subtype: sub, as_number: v.getUint16(p + 1), local_administrator: v.getUint32(p + 3) });
        if (sub === SUBTYPE_FLOWSPEC_TRAFFIC_REMARKING) return new BGPFlowSpecTrafficMarkingCommunity({ type, subtype: sub, dscp: b[p + 6]! });
        break;
      case EXT_FLOWSPEC_L2VPN:
        if (sub === SUBTYPE_FLOWSPEC_VLAN_ACTION) {
          const vc1 = v.getUint16(p + 3);
          const vc2 = v.getUint16(p + 5);
          return new BGPFlowSpecVlanActionCommunity({
            type,
            subtype: sub,
            actions_1: b[p + 1]!,
            actions_2: b[p + 2]!,
            vlan_1: vc1 >> 4,
            cos_1: (vc1 >> 1) & 7,
            vlan_2: vc2 >> 4,
            cos_2: (vc2 >> 1) & 7,
          });
        }
        if (sub === SUBTYPE_FLOWSPEC_TPID_ACTION)
          return new BGPFlowSpecTPIDActionCommunity({ type, subtype: sub, actions: v.getUint16(p + 1), tpid_1: v.getUint16(p + 3), tpid_2: v.getUint16(p + 5) });
        break;
    }
    return new BGPUnknownExtendedCommunity({ type, value: b.slice(p, p + 7) });
  }
}

export class BGPTwoOctetAsSpecificExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPTwoOctetAsSpecificExtendedCommunity';
  declare subtype: number;
  declare as_number: number;
  declare local_administrator: number;
  constructor(o: { subtype: number; as_number: number; local_administrator: number; type?: number }) {
    super(o.type ?? EXT_TWO_OCTET_AS_SPECIFIC);
    this.subtype = o.subtype;
    this.as_number = o.as_number;
    this.local_administrator = o.local_administrator;
  }
  protected fields(): JsonObject {
    return { as_number: this.as_number, local_administrator: this.local_administrator, subtype: this.subtype, type: this.type };
  }
  protected writeValue(out: Uint8Array, v: DataView): void {
    out[1] = this.subtype;
    v.setUint16(2, this.as_number);
    v.setUint32(4, this.local_administrator);
  }
}

export class BGPIPv4AddressSpecificExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPIPv4AddressSpecificExtendedCommunity';
  declare subtype: number;
  declare ipv4_address: string;
  declare local_administrator: number;
  constructor(o: { subtype: number; ipv4_address: string; local_administrator: number; type?: number }) {
    super(o.type ?? EXT_IPV4_ADDRESS_SPECIFIC);
    this.subtype = o.subtype;
    this.ipv4_address = o.ipv4_address;
    this.local_administrator = o.local_administrator;
  }
  protected fields(): JsonObject {
    return { ipv4_address: this.ipv4_address, local_administrator: this.local_administrator, subtype: this.subtype, type: this.type };
  }
  protected writeValue(out: Uint8Array, v: DataView): void {
    out[1] = this.subtype;
    out.set(ipv4ToBin(this.ipv4_address), 2);
    v.setUint16(6, this.local_administrator);
  }
}

export class BGPFourOctetAsSpecificExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFourOctetAsSpecificExtendedCommunity';
  declare subtype: number;
  declare as_number: number;
  declare local_administrator: number;
  constructor(o: { subtype: number; as_number: number; local_administrator: number; type?: number }) {
    super(o.type ?? EXT_FOUR_OCTET_AS_SPECIFIC);
    this.subtype = o.subtype;
    this.as_number = o.as_number;
    this.local_administrator = o.local_administrator;
  }
  protected fields(): JsonObject {
    return { as_number: this.as_number, local_administrator: this.local_administrator, subtype: this.subtype, type: this.type };
  }
  protected writeValue(out: Uint8Array, v: DataView): void {
    out[1] = this.subtype;
    v.setUint32(2, this.as_number);
    v.setUint16(6, this.local_administrator);
  }
}

export class BGPOpaqueExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPOpaqueExtendedCommunity';
  declare subtype: number;
  declare opaque: Uint8Array;
  constructor(o: { subtype: number; opaque: Uint8Array; type?: number }) {
    super(o.type ?? EXT_OPAQUE);
    this.subtype = o.subtype;
    this.opaque = o.opaque;
  }
  protected fields(): JsonObject {
    return { opaque: b64(this.opaque), subtype: this.subtype, type: this.type };
  }
  protected writeValue(out: Uint8Array): void {
    out[1] = this.subtype;
    out.set(this.opaque.subarray(0, 6), 2);
  }
}

export class BGPEncapsulationExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPEncapsulationExtendedCommunity';
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
    super(o.type ?? EXT_OPAQUE);
    this.subtype = o.subtype ?? SUBTYPE_ENCAPSULATION;
    this.tunnel_type = o.tunnel_type;
  }
  protected fields(): JsonObject {
    return { subtype: this.subtype, tunnel_type: this.tunnel_type, type: this.type };
  }
  protected writeValue(out: Uint8Array, v: DataView): void {
    out[1] = this.subtype;
    v.setUint16(6, this.tunnel_type);
  }
}

export class BGPEvpnMacMobilityExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPEvpnMacMobilityExtendedCommunity';
  declare subtype: number;
  declare flags: number;
  declare sequence_number: number;
  constructor(o: { subtype?: number; flags: number; sequence_number: number; type?: number }) {
    super(o.type ?? EXT_EVPN);
    this.subtype = o.subtype ?? SUBTYPE_EVPN_MAC_MOBILITY;
    this.flags = o.flags;
    this.sequence_number = o.sequence_number;
  }
  protected fields(): JsonObject {
    return { flags: this.flags, sequence_number: this.sequence_number, subtype: this.subtype, type: this.type };
  }
  protected writeValue(out: Uint8Array, v: DataView): void {
    out[1] = this.subtype;
    out[2] = this.flags;
    v.setUint32(4, this.sequence_number);
  }
}

export class BGPEvpnEsiLabelExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPEvpnEsiLabelExtendedCommunity';
  static readonly SINGLE_ACTIVE_BIT = 1;
  declare subtype: number;
  declare flags: number;
  /** raw 3-byte label (MPLS label or VNI); not printed (os-ken keeps it private) */
  declare label: Uint8Array;
  constructor(o: { subtype?: number; flags: number; label?: Uint8Array | null; mpls_label?: number | null; vni?: number | null; type?: number }) {
    super(o.type ?? EXT_EVPN);
    this.subtype = o.subtype ?? SUBTYPE_EVPN_ESI_LABEL;
    this.flags = o.flags;
    this.label = o.label && o.label.length ? o.label : labelFromUser(o.mpls_label, o.vni);
  }
  get mpls_label(): number {
    return u24(this.label, 0) >>> 4;
  }
  get vni(): number {
    return u24(this.label, 0);
  }
  protected fields(): JsonObject {
    return { flags: this.flags, subtype: this.subtype, type: this.type };
  }
  protected writeValue(out: Uint8Array): void {
    out[1] = this.subtype;
    out[2] = this.flags;
    out.set(this.label.subarray(0, 3), 5);
  }
}

export class BGPEvpnEsImportRTExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPEvpnEsImportRTExtendedCommunity';
  declare subtype: number;
  declare es_import: string;
  constructor(o: { subtype?: number; es_import: string; type?: number }) {
    super(o.type ?? EXT_EVPN);
    this.subtype = o.subtype ?? SUBTYPE_EVPN_ES_IMPORT_RT;
    this.es_import = o.es_import;
  }
  protected fields(): JsonObject {
    return { es_import: this.es_import, subtype: this.subtype, type: this.type };
  }
  protected writeValue(out: Uint8Array): void {
    out[1] = this.subtype;
    out.set(macToBin(this.es_import), 2);
  }
}

export class BGPFlowSpecTrafficRateCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFlowSpecTrafficRateCommunity';
  static readonly ACTION_NAME = 'traffic_rate';
  declare subtype: number;
  declare as_number: number;
  /** IEEE float32 bytes per second */
  declare rate_info: number;
  constructor(o: { subtype?: number; as_number: number; rate_info: number; type?: number }) {
    super(o.type ?? EXT_FLOWSPEC);
    this.subtype = SUBTYPE_FLOWSPEC_TRAFFIC_RATE;
    this.as_number = o.as_number;
    this.rate_info = o.rate_info;
  }
  protected fields(): JsonObject {
    return { as_number: this.as_number, rate_info: new JsonFloat(this.rate_info) as unknown as JsonValue, subtype: this.subtype, type: this.type };
  }
  protected writeValue(out: Uint8Array, v: DataView): void {
    out[1] = this.subtype;
    v.setUint16(2, this.as_number);
    v.setFloat32(4, this.rate_info);
  }
}

export class BGPFlowSpecTrafficActionCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFlowSpecTrafficActionCommunity';
  static readonly ACTION_NAME = 'traffic_action';
  static readonly SAMPLE = 1 << 1;
  static readonly TERMINAL = 1 << 0;
  declare subtype: number;
  declare action: number;
  constructor(o: { subtype?: number; action: number; type?: number }) {
    super(o.type ?? EXT_FLOWSPEC);
    this.subtype = SUBTYPE_FLOWSPEC_TRAFFIC_ACTION;
    this.action = o.action;
  }
  protected fields(): JsonObject {
    return { action: this.action, subtype: this.subtype, type: this.type };
  }
  protected writeValue(out: Uint8Array): void {
    out[1] = this.subtype;
    out[7] = this.action;
  }
}

export class BGPFlowSpecRedirectCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFlowSpecRedirectCommunity';
  static readonly ACTION_NAME = 'redirect';
  declare subtype: number;
  declare as_number: number;
  declare local_administrator: number;
  constructor(o: { subtype?: number; as_number: number; local_administrator: number; type?: number }) {
    super(o.type ?? EXT_FLOWSPEC);
    this.subtype = SUBTYPE_FLOWSPEC_REDIRECT;
    this.as_number = o.as_number;
    this.local_administrator = o.local_administrator;
  }
  protected fields(): JsonObject {
    return { as_number: this.as_number, local_administrator: this.local_administrator, subtype: this.subtype, type: this.type };
  }
  protected writeValue(out: Uint8Array, v: DataView): void {
    out[1] = this.subtype;
    v.setUint16(2, this.as_number);
    v.setUint32(4, this.local_administrator);
  }
}

export class BGPFlowSpecTrafficMarkingCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFlowSpecTrafficMarkingCommunity';
  static readonly ACTION_NAME = 'traffic_marking';
  declare subtype: number;
  declare dscp: number;
  constructor(o: { subtype?: number; dscp: number; type?: number }) {
    super(o.type ?? EXT_FLOWSPEC);
    this.subtype = SUBTYPE_FLOWSPEC_TRAFFIC_REMARKING;
    this.dscp = o.dscp;
  }
  protected fields(): JsonObject {
    return { dscp: this.dscp, subtype: this.subtype, type: this.type };
  }
  protected writeValue(out: Uint8Array): void {
    out[1] = this.subtype;
    out[7] = this.dscp;
  }
}

export class BGPFlowSpecVlanActionCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFlowSpecVlanActionCommunity';
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
    super(o.type ?? EXT_FLOWSPEC_L2VPN);
    this.subtype = SUBTYPE_FLOWSPEC_VLAN_ACTION;
    this.actions_1 = o.actions_1;
    this.actions_2 = o.actions_2;
    this.vlan_1 = o.vlan_1;
    this.vlan_2 = o.vlan_2;
    this.cos_1 = o.cos_1;
    this.cos_2 = o.cos_2;
  }
  protected fields(): JsonObject {
    return {
      actions_1: this.actions_1,
      actions_2: this.actions_2,
      cos_1: this.cos_1,
      cos_2: this.cos_2,
      subtype: this.subtype,
      type: this.type,
      vlan_1: this.vlan_1,
      vlan_2: this.vlan_2,
    };
  }
  protected writeValue(out: Uint8Array, v: DataView): void {
    out[1] = this.subtype;
    out[2] = this.actions_1;
    out[3] = this.actions_2;
    v.setUint16(4, ((this.vlan_1 << 4) + (this.cos_1 << 1)) & 0xffff);
    v.setUint16(6, ((this.vlan_2 << 4) + (this.cos_2 << 1)) & 0xffff);
  }
}

export class BGPFlowSpecTPIDActionCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPFlowSpecTPIDActionCommunity';
  static readonly ACTION_NAME = 'tpid_action';
  static readonly TI = 1 << 15;
  static readonly TO = 1 << 14;
  declare subtype: number;
  declare actions: number;
  declare tpid_1: number;
  declare tpid_2: number;
  constructor(o: { subtype?: number; actions: number; tpid_1: number; tpid_2: number; type?: number }) {
    super(o.type ?? EXT_FLOWSPEC_L2VPN);
    this.subtype = SUBTYPE_FLOWSPEC_TPID_ACTION;
    this.actions = o.actions;
    this.tpid_1 = o.tpid_1;
    this.tpid_2 = o.tpid_2;
  }
  protected fields(): JsonObject {
    return { actions: this.actions, subtype: this.subtype, tpid_1: this.tpid_1, tpid_2: this.tpid_2, type: this.type };
  }
  protected writeValue(out: Uint8Array, v: DataView): void {
    out[1] = this.subtype;
    v.setUint16(2, this.actions);
    v.setUint16(4, this.tpid_1);
    v.setUint16(6, this.tpid_2);
  }
}

export class BGPUnknownExtendedCommunity extends BGPExtendedCommunity {
  static override readonly jsonName: string = 'BGPUnknownExtendedCommunity';
  declare value: Uint8Array;
  constructor(o: { type: number; value: Uint8Array }) {
    super(o.type);
    this.value = o.value;
  }
  protected fields(): JsonObject {
    return { type: this.type, value: b64(this.value) };
  }
  protected writeValue(out: Uint8Array): void {
    out.set(this.value.subarray(0, 7), 1);
  }
}

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
