/**
 * JSON -> object for BGP messages (os-ken from_jsondict): the inverse of
 * toJsonDict() for messages, optional parameters / capabilities, path
 * attributes, communities, route distinguishers and the unlabelled, labelled
 * and VPN prefixes. `bgpMessageFromJson({"BGPUpdate": {...}})` builds a
 * message whose serialize() gives the bytes it was printed from, where
 * os-ken's JSON holds every field (it omits e.g. the PMSI label and an
 * AS_PATH's 2/4-byte width, which is then taken as 4 bytes only when an AS
 * number needs it). BGPMessage.fromJsonDict (Packet.fromJsonDict) uses this.
 *
 * EVPN NLRI take, besides the fields os-ken prints, the constructor
 * arguments os-ken's JSON leaves out (from_jsondict is cls(**dict) there):
 * `mpls_label` / `vni` / `label` (base64), for MAC/IP `mpls_labels` / `vni` /
 * `labels`, for IP Prefix `ip_prefix`; without them the label field is 3
 * zero bytes, as os-ken's constructors make it. An IP Prefix route needs
 * `ip_prefix` (os-ken prints no prefix: its JSON alone cannot rebuild one).
 */
import { JsonDictError } from '../../../wire/errors.js';
import { base64Decode, type JsonObject, type JsonValue } from '../../../wire/json/json.js';
import { jArr, jClass, jInt, jIntOrNull, jObj, jStr } from '../packet_base.js';
import * as A from './attributes.js';
import * as Cap from './capabilities.js';
import * as Com from './communities.js';
import { BGPMessage, setMessageJsonDecoder } from './header.js';
import { BGPKeepAlive, BGPNotification, BGPRouteRefresh } from './messages.js';
import { BGPPathAttributeMpReachNLRI, BGPPathAttributeMpUnreachNLRI } from './mp_nlri.js';
import * as EV from './nlri/evpn.js';
import * as FS from './nlri/flowspec.js';
import * as P from './nlri/prefix.js';
import { BGPOpen } from './open.js';
import * as RD from './rd.js';
import { RouteTargetMembershipNLRI } from './nlri/rtc.js';
import { BGPUpdate } from './update.js';

type Dec<T> = (d: JsonObject) => T;

/* ------------------------------------------------------------------ field helpers */

function jBytes(d: JsonObject, key: string): Uint8Array {
  const v = d[key];
  if (v === undefined || v === null) return new Uint8Array(0);
  if (typeof v !== 'string') throw new JsonDictError(`field ${key}: expected base64 string`);
  return base64Decode(v);
}

function req(d: JsonObject, key: string): void {
  if (d[key] === undefined) throw new JsonDictError(`missing field ${key}`);
}

function reqInt(d: JsonObject, key: string): number {
  req(d, key);
  return jInt(d, key, 0);
}

function reqStr(d: JsonObject, key: string): string {
  req(d, key);
  return jStr(d, key, '');
}

function intList(v: JsonValue | undefined, what: string): number[] {
  if (!Array.isArray(v)) throw new JsonDictError(`${what}: expected array`);
  return v.map((x, i) => {
    if (typeof x === 'number' && Number.isInteger(x)) return x;
    if (typeof x === 'bigint' && x <= BigInt(Number.MAX_SAFE_INTEGER) && x >= 0n) return Number(x);
    throw new JsonDictError(`${what}[${i}]: expected integer`);
  });
}

function list<T>(d: JsonObject, key: string, dec: (v: JsonValue) => T): T[] {
  return (jArr(d, key) ?? []).map((v) => dec(v));
}

function byName<T>(table: Record<string, Dec<T>>, v: JsonValue, what: string): T {
  const [name, body] = jClass(v, what);
  const dec = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  if (dec === undefined) throw new JsonDictError(`${what}: unknown or unsupported class ${name}`);
  return dec(body);
}

/* ------------------------------------------------------------------ RD, communities */

const RDS: Record<string, Dec<RD.RouteDistinguisher>> = {
  BGPTwoOctetAsRD: (d) => new RD.BGPTwoOctetAsRD({ admin: jInt(d, 'admin', 0), assigned: jInt(d, 'assigned', 0) }),
  BGPIPv4AddressRD: (d) => new RD.BGPIPv4AddressRD({ admin: jStr(d, 'admin', '0.0.0.0'), assigned: jInt(d, 'assigned', 0) }),
  BGPFourOctetAsRD: (d) => new RD.BGPFourOctetAsRD({ admin: jInt(d, 'admin', 0), assigned: jInt(d, 'assigned', 0) }),
};

export function routeDistinguisherFromJson(v: JsonValue): RD.RouteDistinguisher {
  if (typeof v === 'string') return RD.RouteDistinguisher.fromStr(v);
  return byName(RDS, v, 'route distinguisher');
}

const ECOMMS: Record<string, Dec<Com.BGPExtendedCommunity>> = {
  BGPTwoOctetAsSpecificExtendedCommunity: (d) =>
    new Com.BGPTwoOctetAsSpecificExtendedCommunity({ subtype: reqInt(d, 'subtype'), as_number: reqInt(d, 'as_number'), local_administrator: reqInt(d, 'local_administrator'), type: jInt(d, 'type', 0) }),
  BGPIPv4AddressSpecificExtendedCommunity: (d) =>
    new Com.BGPIPv4AddressSpecificExtendedCommunity({ subtype: reqInt(d, 'subtype'), ipv4_address: reqStr(d, 'ipv4_address'), local_administrator: reqInt(d, 'local_administrator'), type: jInt(d, 'type', 1) }),
  BGPFourOctetAsSpecificExtendedCommunity: (d) =>
    new Com.BGPFourOctetAsSpecificExtendedCommunity({ subtype: reqInt(d, 'subtype'), as_number: reqInt(d, 'as_number'), local_administrator: reqInt(d, 'local_administrator'), type: jInt(d, 'type', 2) }),
  BGPOpaqueExtendedCommunity: (d) => new Com.BGPOpaqueExtendedCommunity({ subtype: reqInt(d, 'subtype'), opaque: jBytes(d, 'opaque'), type: jInt(d, 'type', 3) }),
  BGPUnknownExtendedCommunity: (d) => new Com.BGPUnknownExtendedCommunity({ type: reqInt(d, 'type'), value: jBytes(d, 'value') }),
};

/** Extended communities whose JSON fields are all integers / address strings named as the constructor's options. */
const SCALAR_ECOMMS: [string, new (o: never) => Com.BGPExtendedCommunity][] = [
  ['BGPEncapsulationExtendedCommunity', Com.BGPEncapsulationExtendedCommunity],
  ['BGPEvpnMacMobilityExtendedCommunity', Com.BGPEvpnMacMobilityExtendedCommunity],
  ['BGPEvpnEsiLabelExtendedCommunity', Com.BGPEvpnEsiLabelExtendedCommunity],
  ['BGPEvpnEsImportRTExtendedCommunity', Com.BGPEvpnEsImportRTExtendedCommunity],
  ['BGPFlowSpecTrafficRateCommunity', Com.BGPFlowSpecTrafficRateCommunity],
  ['BGPFlowSpecTrafficActionCommunity', Com.BGPFlowSpecTrafficActionCommunity],
  ['BGPFlowSpecRedirectCommunity', Com.BGPFlowSpecRedirectCommunity],
  ['BGPFlowSpecTrafficMarkingCommunity', Com.BGPFlowSpecTrafficMarkingCommunity],
  ['BGPFlowSpecVlanActionCommunity', Com.BGPFlowSpecVlanActionCommunity],
  ['BGPFlowSpecTPIDActionCommunity', Com.BGPFlowSpecTPIDActionCommunity],
];
for (const [name, Cls] of SCALAR_ECOMMS) {
  ECOMMS[name] = (d) => {
    const o: Record<string, number | string> = {};
    for (const [k, v] of Object.entries(d)) {
      if (typeof v === 'string') o[k] = v;
      else o[k] = jInt(d, k, 0);
    }
    return new (Cls as unknown as new (o: Record<string, number | string>) => Com.BGPExtendedCommunity)(o);
  };
}

export function extendedCommunityFromJson(v: JsonValue): Com.BGPExtendedCommunity {
  return byName(ECOMMS, v, 'extended community');
}

function largeCommunityFromJson(v: JsonValue): Com.BGPLargeCommunity {
  const [name, d] = jClass(v, 'large community');
  if (name !== 'BGPLargeCommunity') throw new JsonDictError(`large community: unexpected class ${name}`);
  return new Com.BGPLargeCommunity({ global_admin: reqInt(d, 'global_admin'), local_data_1: reqInt(d, 'local_data_1'), local_data_2: reqInt(d, 'local_data_2') });
}

/* ------------------------------------------------------------------ NLRI */

/** Labelled prefix `addr`: [labels, ip] or [labels, {RD}, ip] (os-ken's addr tuple). */
function labelled<T extends P.LabelledPrefixBase>(Cls: new (o: { length: number; addr: string; labels?: number[]; route_dist?: RD.RouteDistinguisher | string | null }, raw?: boolean) => T): Dec<T> {
  return (d) => {
    const a = d.addr;
    if (!Array.isArray(a) || a.length < 2 || a.length > 3) throw new JsonDictError('labelled prefix addr: expected [labels, (rd,) addr]');
    const labels = intList(a[0], 'labels');
    const ip = a[a.length - 1];
    if (typeof ip !== 'string') throw new JsonDictError('labelled prefix addr: expected an address string');
    const rd = a.length === 3 ? routeDistinguisherFromJson(a[1]!) : null;
    return new Cls({ length: reqInt(d, 'length'), addr: ip, labels, route_dist: rd }, true);
  };
}

function plain<T>(Cls: new (o: { length: number; addr: string; path_id?: number | null }) => T): Dec<T> {
  return (d) => new Cls({ length: reqInt(d, 'length'), addr: reqStr(d, 'addr'), path_id: jIntOrNull(d, 'path_id', null) });
}

const NLRIS: Record<string, Dec<P.BgpNlri>> = {
  IPAddrPrefix: plain(P.IPAddrPrefix),
  BGPNLRI: plain(P.BGPNLRI),
  BGPWithdrawnRoute: plain(P.BGPWithdrawnRoute),
  IP6AddrPrefix: plain(P.IP6AddrPrefix),
  LabelledIPAddrPrefix: labelled(P.LabelledIPAddrPrefix),
  LabelledIP6AddrPrefix: labelled(P.LabelledIP6AddrPrefix),
  LabelledVPNIPAddrPrefix: labelled(P.LabelledVPNIPAddrPrefix),
  LabelledVPNIP6AddrPrefix: labelled(P.LabelledVPNIP6AddrPrefix),
};

/* Flow Specification: NLRI classes and their components, found among the module's exports by base class */
type Ctor<T> = abstract new (...args: never[]) => T;
function isSub<T>(v: unknown, base: Ctor<T>): v is (new (o: never) => T) & { jsonName: string } {
  return typeof v === 'function' && v.prototype instanceof base;
}

const FS_COMPONENTS: Record<string, Dec<FS.FlowSpecComponent>> = {};
const FS_NLRIS: Record<string, Dec<P.BgpNlri>> = {};
for (const exp of Object.values(FS)) {
  if (isSub(exp, FS.FlowSpecNLRIBase)) {
    const Cls = exp as unknown as new (o: { length?: number; rules?: FS.FlowSpecComponent[]; route_dist?: string | null }) => FS.FlowSpecNLRIBase;
    FS_NLRIS[exp.jsonName] = (d) => {
      let rd = d.route_dist;
      if (rd !== undefined && rd !== null && typeof rd !== 'string') throw new JsonDictError('route_dist: expected "admin:assigned"');
      // our JSON of the Flow Specification VPN NLRI prints route_dist as base64 (os-ken holds it as bytes there)
      if (typeof rd === 'string' && !rd.includes(':')) rd = new TextDecoder().decode(base64Decode(rd));
      const length = jIntOrNull(d, 'length', null);
      return new Cls({ ...(length !== null ? { length } : {}), rules: list(d, 'rules', (r) => byName(FS_COMPONENTS, r, 'flowspec rule')), route_dist: rd ?? null });
    };
  } else if (isSub(exp, FS.FlowSpecComponent) && Object.prototype.hasOwnProperty.call(exp, 'jsonName') && !exp.jsonName.startsWith('_')) {
    const C = exp as unknown as new (o: Record<string, unknown>) => FS.FlowSpecComponent;
    const typ = (d: JsonObject): { type?: number } => {
      const t = jIntOrNull(d, 'type', null);
      return t !== null ? { type: t } : {};
    };
    let dec: Dec<FS.FlowSpecComponent>;
    if (exp.prototype instanceof FS.FlowSpecIPv6PrefixComponent) dec = (d) => new C({ length: reqInt(d, 'length'), addr: reqStr(d, 'addr'), offset: jInt(d, 'offset', 0), ...typ(d) });
    else if (exp.prototype instanceof FS.FlowSpecPrefixComponent) dec = (d) => new C({ length: reqInt(d, 'length'), addr: reqStr(d, 'addr'), ...typ(d) });
    else if (exp.prototype instanceof FS.FlowSpecL2VPNPrefixComponent)
      dec = (d) => {
        // the MAC prints as base64 of its text (os-ken holds it as bytes there)
        let addr = reqStr(d, 'addr');
        if (!addr.includes(':')) addr = new TextDecoder().decode(base64Decode(addr));
        return new C({ length: reqInt(d, 'length'), addr, ...typ(d) });
      };
    else if (exp.prototype instanceof FS.FlowSpecOperatorComponent)
      dec = (d) => {
        req(d, 'value');
        const v = d.value;
        if (typeof v !== 'bigint' && !(typeof v === 'number' && Number.isInteger(v))) throw new JsonDictError('value: expected integer');
        return new C({ operator: reqInt(d, 'operator'), value: v, ...typ(d) });
      };
    else continue;
    FS_COMPONENTS[exp.jsonName] = dec;
  }
}
FS_COMPONENTS.FlowSpecComponentUnknown = (d) => new FS.FlowSpecComponentUnknown({ buf: jBytes(d, 'buf'), ...(d.type !== undefined ? { type: jInt(d, 'type', 0) } : {}) });
Object.assign(NLRIS, FS_NLRIS);

/* EVPN: Ethernet Segment Identifiers and the route types */

function optBytes(d: JsonObject, key: string): Uint8Array | null {
  const v = d[key];
  return v === undefined || v === null ? null : jBytes(d, key);
}

function optStr(d: JsonObject, key: string): string | null {
  const v = d[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new JsonDictError(`field ${key}: expected string`);
  return v;
}

/** the ESI's type byte when the JSON gives one (os-ken prints it) */
function esiType(d: JsonObject): { type?: number } {
  const t = jIntOrNull(d, 'type', null);
  return t !== null ? { type: t } : {};
}

const ESIS: Record<string, Dec<EV.EvpnEsi>> = {
  EvpnUnknownEsi: (d) => new EV.EvpnUnknownEsi({ value: jBytes(d, 'value'), ...esiType(d) }),
  EvpnArbitraryEsi: (d) => new EV.EvpnArbitraryEsi({ value: jBytes(d, 'value'), ...esiType(d) }),
  EvpnLACPEsi: (d) => new EV.EvpnLACPEsi({ mac_addr: reqStr(d, 'mac_addr'), port_key: reqInt(d, 'port_key'), ...esiType(d) }),
  EvpnL2BridgeEsi: (d) => new EV.EvpnL2BridgeEsi({ mac_addr: reqStr(d, 'mac_addr'), priority: reqInt(d, 'priority'), ...esiType(d) }),
  EvpnMacBasedEsi: (d) => new EV.EvpnMacBasedEsi({ mac_addr: reqStr(d, 'mac_addr'), local_disc: reqInt(d, 'local_disc'), ...esiType(d) }),
  EvpnRouterIDEsi: (d) => new EV.EvpnRouterIDEsi({ router_id: reqStr(d, 'router_id'), local_disc: reqInt(d, 'local_disc'), ...esiType(d) }),
  EvpnASBasedEsi: (d) => new EV.EvpnASBasedEsi({ as_number: reqInt(d, 'as_number'), local_disc: reqInt(d, 'local_disc'), ...esiType(d) }),
};

/** An ESI from its JSON (an arbitrary / unknown ESI's value is cut or zero-padded to 9 bytes, as os-ken's '!9s'). */
export function evpnEsiFromJson(v: JsonValue): EV.EvpnEsi {
  return byName(ESIS, v, 'ESI');
}

function reqEsi(d: JsonObject): EV.EvpnEsi {
  req(d, 'esi');
  return evpnEsiFromJson(d.esi!);
}

function optEsi(d: JsonObject): EV.EvpnEsi | null {
  const v = d.esi;
  return v === undefined || v === null ? null : evpnEsiFromJson(v);
}

/** route type and length (os-ken type_/length): type kept as printed, length recomputed on serialize */
function evpnHdr(d: JsonObject): { type?: number; length: number | null } {
  const t = jIntOrNull(d, 'type', null);
  return { ...(t !== null ? { type: t } : {}), length: jIntOrNull(d, 'length', null) };
}

/** os-ken's single-label arguments: mpls_label, vni, or the raw 3-byte label */
function evpnLabel(d: JsonObject): { mpls_label: number | null; vni: number | null; label: Uint8Array | null } {
  return { mpls_label: jIntOrNull(d, 'mpls_label', null), vni: jIntOrNull(d, 'vni', null), label: optBytes(d, 'label') };
}

const EVPN_NLRIS: Record<string, Dec<P.BgpNlri>> = {
  EvpnUnknownNLRI: (d) => new EV.EvpnUnknownNLRI({ value: jBytes(d, 'value'), type: reqInt(d, 'type'), length: jIntOrNull(d, 'length', null) }),
  EvpnEthernetAutoDiscoveryNLRI: (d) =>
    new EV.EvpnEthernetAutoDiscoveryNLRI({
      route_dist: reqStr(d, 'route_dist'),
      esi: reqEsi(d),
      ethernet_tag_id: reqInt(d, 'ethernet_tag_id'),
      ...evpnLabel(d),
      ...evpnHdr(d),
    }),
  EvpnMacIPAdvertisementNLRI: (d) => {
    const ml = d.mpls_labels;
    return new EV.EvpnMacIPAdvertisementNLRI({
      route_dist: reqStr(d, 'route_dist'),
      esi: optEsi(d),
      ethernet_tag_id: reqInt(d, 'ethernet_tag_id'),
      mac_addr: reqStr(d, 'mac_addr'),
      ip_addr: optStr(d, 'ip_addr'),
      mac_addr_len: jIntOrNull(d, 'mac_addr_len', null),
      ip_addr_len: jIntOrNull(d, 'ip_addr_len', null),
      mpls_labels: ml === undefined || ml === null ? null : intList(ml, 'mpls_labels'),
      vni: jIntOrNull(d, 'vni', null),
      labels: optBytes(d, 'labels'),
      ...evpnHdr(d),
    });
  },
  EvpnInclusiveMulticastEthernetTagNLRI: (d) =>
    new EV.EvpnInclusiveMulticastEthernetTagNLRI({
      route_dist: reqStr(d, 'route_dist'),
      ethernet_tag_id: reqInt(d, 'ethernet_tag_id'),
      ip_addr: reqStr(d, 'ip_addr'),
      ip_addr_len: jIntOrNull(d, 'ip_addr_len', null),
      ...evpnHdr(d),
    }),
  EvpnEthernetSegmentNLRI: (d) =>
    new EV.EvpnEthernetSegmentNLRI({
      route_dist: reqStr(d, 'route_dist'),
      esi: reqEsi(d),
      ip_addr: reqStr(d, 'ip_addr'),
      ip_addr_len: jIntOrNull(d, 'ip_addr_len', null),
      ...evpnHdr(d),
    }),
  EvpnIpPrefixNLRI: (d) => {
    if (d.ip_prefix === undefined || d.ip_prefix === null) throw new JsonDictError("EvpnIpPrefixNLRI: missing field ip_prefix (os-ken's JSON does not print it)");
    const prefix = reqStr(d, 'ip_prefix');
    if (!/^[0-9A-Fa-f.:]+\/\d{1,3}$/.test(prefix)) throw new JsonDictError(`EvpnIpPrefixNLRI: bad ip_prefix ${JSON.stringify(prefix)}`);
    return new EV.EvpnIpPrefixNLRI({
      route_dist: reqStr(d, 'route_dist'),
      esi: optEsi(d),
      ethernet_tag_id: reqInt(d, 'ethernet_tag_id'),
      ip_prefix: prefix,
      gw_ip_addr: optStr(d, 'gw_ip_addr'),
      ...evpnLabel(d),
      ...evpnHdr(d),
    });
  },
};
Object.assign(NLRIS, EVPN_NLRIS);

NLRIS.RouteTargetMembershipNLRI = (d) => {
  const rt = d.route_target;
  return new RouteTargetMembershipNLRI({
    origin_as: jInt(d, 'origin_as', 0),
    route_target: rt === undefined || rt === null ? null : extendedCommunityFromJson(rt),
  });
};

export function nlriFromJson(v: JsonValue): P.BgpNlri {
  return byName(NLRIS, v, 'NLRI');
}

function ipv4Prefixes(d: JsonObject, key: string): P.IPAddrPrefix[] {
  return list(d, key, (v) => {
    const n = nlriFromJson(v);
    if (!(n instanceof P.IPAddrPrefix)) throw new JsonDictError(`${key}: expected IPv4 prefixes`);
    return n;
  });
}

/* ------------------------------------------------------------------ path attributes */

interface Hdr {
  flags: number;
  type: number | undefined;
  length: number | null;
}

function hdr(d: JsonObject): Hdr {
  const t = jIntOrNull(d, 'type', null);
  return { flags: jInt(d, 'flags', 0), type: t ?? undefined, length: jIntOrNull(d, 'length', null) };
}

/** Options of the JSON decoders: what the JSON cannot say. */
export interface BgpJsonOptions {
  /**
   * AS_PATH / AGGREGATOR with 4-byte AS numbers (a session with the 4-octet
   * AS capability, MRT TABLE_DUMP_V2 and BGP4MP_*_AS4). Default: 4 bytes only
   * where an AS number needs it.
   */
  fourOctetAs?: boolean;
}

/** the options of the call in progress (decoders are synchronous) */
let cur: BgpJsonOptions = {};
function withOpts<T>(opts: BgpJsonOptions | undefined, fn: () => T): T {
  if (opts === undefined) return fn();
  const saved = cur;
  cur = opts;
  try {
    return fn();
  } finally {
    cur = saved;
  }
}

function asPath(d: JsonObject): { value: A.AsPathSegment[]; as_pack_str: '!H' | '!I' | null } {
  const segs = (jArr(d, 'value') ?? []).map((s, i) => intList(s, `value[${i}]`));
  const wide = cur.fourOctetAs === true || segs.some((s) => s.some((a) => a > 0xffff));
  return { value: segs, as_pack_str: wide ? '!I' : null };
}

function pmsiTunnelId(v: JsonValue | undefined): A.PmsiTunnelId | null {
  if (v === undefined || v === null) return null;
  const [name, d] = jClass(v, 'tunnel_id');
  if (name === 'PmsiTunnelIdIngressReplication') return new A.PmsiTunnelIdIngressReplication({ tunnel_endpoint_ip: reqStr(d, 'tunnel_endpoint_ip') });
  if (name === 'PmsiTunnelIdUnknown') return new A.PmsiTunnelIdUnknown({ value: jBytes(d, 'value') });
  throw new JsonDictError(`tunnel_id: unknown class ${name}`);
}

const ATTRS: Record<string, Dec<A.BGPPathAttribute>> = {
  BGPPathAttributeUnknown: (d) => new A.BGPPathAttributeUnknown({ ...hdr(d), value: jBytes(d, 'value') }),
  BGPPathAttributeOrigin: (d) => new A.BGPPathAttributeOrigin({ ...hdr(d), value: reqInt(d, 'value') }),
  BGPPathAttributeNextHop: (d) => new A.BGPPathAttributeNextHop({ ...hdr(d), value: reqStr(d, 'value') }),
  BGPPathAttributeMultiExitDisc: (d) => new A.BGPPathAttributeMultiExitDisc({ ...hdr(d), value: reqInt(d, 'value') }),
  BGPPathAttributeLocalPref: (d) => new A.BGPPathAttributeLocalPref({ ...hdr(d), value: reqInt(d, 'value') }),
  BGPPathAttributeAtomicAggregate: (d) => new A.BGPPathAttributeAtomicAggregate(hdr(d)),
  BGPPathAttributeOriginatorId: (d) => new A.BGPPathAttributeOriginatorId({ ...hdr(d), value: reqStr(d, 'value') }),
  BGPPathAttributeClusterList: (d) =>
    new A.BGPPathAttributeClusterList({
      ...hdr(d),
      value: list(d, 'value', (x) => {
        if (typeof x !== 'string') throw new JsonDictError('cluster list: expected address strings');
        return x;
      }),
    }),
  BGPPathAttributeCommunities: (d) => new A.BGPPathAttributeCommunities({ ...hdr(d), communities: intList(d.communities ?? [], 'communities') }),
  BGPPathAttributeAsPath: (d) => new A.BGPPathAttributeAsPath({ ...hdr(d), ...asPath(d) }),
  BGPPathAttributeAs4Path: (d) => new A.BGPPathAttributeAs4Path({ ...hdr(d), ...asPath(d) }),
  BGPPathAttributeAggregator: (d) => {
    const as = reqInt(d, 'as_number');
    // os-ken prints the decoded length: 8 is the 4-byte form
    return new A.BGPPathAttributeAggregator({ ...hdr(d), as_number: as, addr: reqStr(d, 'addr') }, as > 0xffff || cur.fourOctetAs === true || jIntOrNull(d, 'length', null) === 8 ? 4 : 2);
  },
  BGPPathAttributeAs4Aggregator: (d) => new A.BGPPathAttributeAs4Aggregator({ ...hdr(d), as_number: reqInt(d, 'as_number'), addr: reqStr(d, 'addr') }),
  BGPPathAttributeExtendedCommunities: (d) => new A.BGPPathAttributeExtendedCommunities({ ...hdr(d), communities: list(d, 'communities', extendedCommunityFromJson) }),
  BGPPathAttributeLargeCommunities: (d) => new A.BGPPathAttributeLargeCommunities({ ...hdr(d), communities: list(d, 'communities', largeCommunityFromJson) }),
  BGPPathAttributePmsiTunnel: (d) =>
    new A.BGPPathAttributePmsiTunnel({
      ...hdr(d),
      pmsi_flags: reqInt(d, 'pmsi_flags'),
      tunnel_type: reqInt(d, 'tunnel_type'),
      tunnel_id: pmsiTunnelId(d.tunnel_id),
      mpls_label: jIntOrNull(d, 'mpls_label', null),
      vni: jIntOrNull(d, 'vni', null),
    }),
  BGPPathAttributeMpReachNLRI: (d) => {
    const nh = d.next_hop;
    let next: string | string[];
    if (nh === null || nh === undefined) next = [];
    else if (typeof nh === 'string') next = nh;
    else if (Array.isArray(nh) && nh.every((x) => typeof x === 'string')) next = nh as string[];
    else throw new JsonDictError('next_hop: expected an address string');
    return new BGPPathAttributeMpReachNLRI({ ...hdr(d), afi: reqInt(d, 'afi'), safi: reqInt(d, 'safi'), next_hop: next, nlri: list(d, 'nlri', nlriFromJson) });
  },
  BGPPathAttributeMpUnreachNLRI: (d) =>
    new BGPPathAttributeMpUnreachNLRI({ ...hdr(d), afi: reqInt(d, 'afi'), safi: reqInt(d, 'safi'), withdrawn_routes: list(d, 'withdrawn_routes', nlriFromJson) }),
};

export function pathAttributeFromJson(v: JsonValue, opts?: BgpJsonOptions): A.BGPPathAttribute {
  return withOpts(opts, () => byName(ATTRS, v, 'path attribute'));
}

/* ------------------------------------------------------------------ OPEN parameters */

function capHdr(d: JsonObject): { cap_code?: number; cap_length: number | null; length: number | null } {
  const code = jIntOrNull(d, 'cap_code', null);
  return { ...(code !== null ? { cap_code: code } : {}), cap_length: jIntOrNull(d, 'cap_length', null), length: jIntOrNull(d, 'length', null) };
}

function tuples(d: JsonObject, key: string): [number, number, number][] {
  return list(d, key, (t) => {
    const l = intList(t, key);
    if (l.length !== 3) throw new JsonDictError(`${key}: expected [afi, safi, flags]`);
    return [l[0]!, l[1]!, l[2]!];
  });
}

const PARAMS: Record<string, Dec<Cap.BGPOptParam>> = {
  BGPOptParamUnknown: (d) => new Cap.BGPOptParamUnknown({ type: reqInt(d, 'type'), value: jBytes(d, 'value'), length: jIntOrNull(d, 'length', null) }),
  BGPOptParamCapabilityUnknown: (d) => new Cap.BGPOptParamCapabilityUnknown({ ...capHdr(d), cap_value: jBytes(d, 'cap_value') }),
  BGPOptParamCapabilityRouteRefresh: (d) => new Cap.BGPOptParamCapabilityRouteRefresh(capHdr(d)),
  BGPOptParamCapabilityCiscoRouteRefresh: (d) => new Cap.BGPOptParamCapabilityCiscoRouteRefresh(capHdr(d)),
  BGPOptParamCapabilityEnhancedRouteRefresh: (d) => new Cap.BGPOptParamCapabilityEnhancedRouteRefresh(capHdr(d)),
  BGPOptParamCapabilityCarryingLabelInfo: (d) => new Cap.BGPOptParamCapabilityCarryingLabelInfo(capHdr(d)),
  BGPOptParamCapabilityGracefulRestart: (d) =>
    new Cap.BGPOptParamCapabilityGracefulRestart({ ...capHdr(d), flags: reqInt(d, 'flags'), time: reqInt(d, 'time'), tuples: tuples(d, 'tuples') }),
  BGPOptParamCapabilityFourOctetAsNumber: (d) => new Cap.BGPOptParamCapabilityFourOctetAsNumber({ ...capHdr(d), as_number: reqInt(d, 'as_number') }),
  BGPOptParamCapabilityMultiprotocol: (d) =>
    new Cap.BGPOptParamCapabilityMultiprotocol({ ...capHdr(d), afi: reqInt(d, 'afi'), safi: reqInt(d, 'safi'), reserved: jInt(d, 'reserved', 0) }),
  BGPOptParamCapabilityAddPath: (d) => new Cap.BGPOptParamCapabilityAddPath({ ...capHdr(d), tuples: tuples(d, 'tuples') }),
};

export function optParamFromJson(v: JsonValue): Cap.BGPOptParam {
  return byName(PARAMS, v, 'optional parameter');
}

/* ------------------------------------------------------------------ messages */

function msgHdr(d: JsonObject): { len_: number | null; type_?: number } {
  const t = jIntOrNull(d, 'type', null);
  return { len_: jIntOrNull(d, 'len', null), ...(t !== null ? { type_: t } : {}) };
}

const MESSAGES: Record<string, Dec<BGPMessage>> = {
  BGPKeepAlive: (d) => new BGPKeepAlive(msgHdr(d)),
  BGPNotification: (d) => new BGPNotification({ ...msgHdr(d), error_code: reqInt(d, 'error_code'), error_subcode: reqInt(d, 'error_subcode'), data: jBytes(d, 'data') }),
  BGPRouteRefresh: (d) => new BGPRouteRefresh({ ...msgHdr(d), afi: reqInt(d, 'afi'), safi: reqInt(d, 'safi'), demarcation: jInt(d, 'demarcation', 0) }),
  BGPOpen: (d) =>
    new BGPOpen({
      ...msgHdr(d),
      version: jInt(d, 'version', 4),
      my_as: reqInt(d, 'my_as'),
      bgp_identifier: reqStr(d, 'bgp_identifier'),
      hold_time: jInt(d, 'hold_time', 0),
      opt_param_len: jInt(d, 'opt_param_len', 0),
      opt_param: list(d, 'opt_param', optParamFromJson),
    }),
  BGPUpdate: (d) =>
    new BGPUpdate({
      ...msgHdr(d),
      withdrawn_routes_len: jIntOrNull(d, 'withdrawn_routes_len', null),
      withdrawn_routes: ipv4Prefixes(d, 'withdrawn_routes'),
      total_path_attribute_len: jIntOrNull(d, 'total_path_attribute_len', null),
      path_attributes: list(d, 'path_attributes', pathAttributeFromJson),
      nlri: ipv4Prefixes(d, 'nlri'),
    }),
};

/** Build a message from the inner dict of its class (`name` is the JSON class name). */
export function bgpMessageFromJsonBody(name: string, body: JsonObject, opts?: BgpJsonOptions): BGPMessage {
  return withOpts(opts, () => byName(MESSAGES, { [name]: body }, 'BGP message'));
}

/** os-ken from_jsondict for `{"BGPUpdate": {...}}` (any message class). */
export function bgpMessageFromJson(v: JsonValue, opts?: BgpJsonOptions): BGPMessage {
  const [name, body] = jClass(jObj(v, 'BGP message'), 'BGP message');
  return bgpMessageFromJsonBody(name, body, opts);
}

setMessageJsonDecoder((name, body) => bgpMessageFromJsonBody(name, body));
