/**
 * EVPN (RFC 7432 / RFC 9136): Ethernet Segment Identifiers (EvpnEsi) and
 * the EVPN NLRI route types, as os-ken's EvpnNLRI subclasses.
 * Route distinguishers are kept as os-ken does: the "admin:assigned" text.
 */
import type { Cursor } from '../util.js';
import type { Writer } from '../../../../wire/writer.js';
import { macToBin, macToText } from '../../../../wire/addrconv.js';
import type { RecordClass } from '../fixed_record.js';
import { FixedRecord, decodeRecord, field, layout } from '../fixed_record.js';
import { RouteDistinguisher } from '../rd.js';
import type { JsonObject } from '../util.js';
import { b64, ipBinToText, ipTextToBin, labelFromUser, malformed, mplsLabelToBin, needTo, rd32, u24 } from '../util.js';
import type { BgpNlri } from './prefix.js';

/* ------------------------------------------------------------------ ESI */

export abstract class EvpnEsi extends FixedRecord {
  static override readonly jsonName: string = 'EvpnEsi';
  static readonly ARBITRARY = 0x00;
  static readonly LACP = 0x01;
  static readonly L2_BRIDGE = 0x02;
  static readonly MAC_BASED = 0x03;
  static readonly ROUTER_ID = 0x04;
  static readonly AS_BASED = 0x05;
  static readonly MAX = 0xff;
  /** type byte + 9 value bytes */
  protected get size(): number {
    return 10;
  }

  /** Decode the 10-byte ESI at b[off]. */
  static decodeAt(b: Uint8Array, off: number): EvpnEsi {
    const t = b[off]!;
    return decodeRecord(ESI_TYPES[t] ?? EvpnUnknownEsi, t, b, off);
  }
}

const value9 = field('value', 'bytes', 1, 9);
const macAddr = field('mac_addr', 'mac', 1);
const localDisc32 = field('local_disc', 'u32', 5);

export class EvpnUnknownEsi extends EvpnEsi {
  static override readonly jsonName: string = 'EvpnUnknownEsi';
  static override readonly LAYOUT = layout(value9);
  declare value: Uint8Array;
  constructor(o: { value: Uint8Array; type?: number }) {
    super(o.type ?? 0xff, o);
  }
}

export class EvpnArbitraryEsi extends EvpnEsi {
  static override readonly jsonName: string = 'EvpnArbitraryEsi';
  static override readonly LAYOUT = layout(value9);
  declare value: Uint8Array;
  constructor(o: { value: Uint8Array; type?: number }) {
    super(o.type ?? EvpnEsi.ARBITRARY, o);
  }
}

export class EvpnLACPEsi extends EvpnEsi {
  static override readonly jsonName: string = 'EvpnLACPEsi';
  static override readonly LAYOUT = layout(macAddr, field('port_key', 'u16', 7));
  declare mac_addr: string;
  declare port_key: number;
  constructor(o: { mac_addr: string; port_key: number; type?: number }) {
    super(o.type ?? EvpnEsi.LACP, o);
  }
}

export class EvpnL2BridgeEsi extends EvpnEsi {
  static override readonly jsonName: string = 'EvpnL2BridgeEsi';
  static override readonly LAYOUT = layout(macAddr, field('priority', 'u16', 7));
  declare mac_addr: string;
  declare priority: number;
  constructor(o: { mac_addr: string; priority: number; type?: number }) {
    super(o.type ?? EvpnEsi.L2_BRIDGE, o);
  }
}

export class EvpnMacBasedEsi extends EvpnEsi {
  static override readonly jsonName: string = 'EvpnMacBasedEsi';
  static override readonly LAYOUT = layout(macAddr, field('local_disc', 'u24', 7));
  declare mac_addr: string;
  declare local_disc: number;
  constructor(o: { mac_addr: string; local_disc: number; type?: number }) {
    super(o.type ?? EvpnEsi.MAC_BASED, o);
  }
}

export class EvpnRouterIDEsi extends EvpnEsi {
  static override readonly jsonName: string = 'EvpnRouterIDEsi';
  static override readonly LAYOUT = layout(field('router_id', 'ipv4', 1), localDisc32);
  declare router_id: string;
  declare local_disc: number;
  constructor(o: { router_id: string; local_disc: number; type?: number }) {
    super(o.type ?? EvpnEsi.ROUTER_ID, o);
  }
}

export class EvpnASBasedEsi extends EvpnEsi {
  static override readonly jsonName: string = 'EvpnASBasedEsi';
  static override readonly LAYOUT = layout(field('as_number', 'u32', 1), localDisc32);
  declare as_number: number;
  declare local_disc: number;
  constructor(o: { as_number: number; local_disc: number; type?: number }) {
    super(o.type ?? EvpnEsi.AS_BASED, o);
  }
}

const ESI_TYPES: Partial<Record<number, RecordClass<EvpnEsi>>> = {
  [EvpnEsi.ARBITRARY]: EvpnArbitraryEsi,
  [EvpnEsi.LACP]: EvpnLACPEsi,
  [EvpnEsi.L2_BRIDGE]: EvpnL2BridgeEsi,
  [EvpnEsi.MAC_BASED]: EvpnMacBasedEsi,
  [EvpnEsi.ROUTER_ID]: EvpnRouterIDEsi,
  [EvpnEsi.AS_BASED]: EvpnASBasedEsi,
};

/* ------------------------------------------------------------------ NLRI */

export const EVPN_ETHERNET_AUTO_DISCOVERY = 0x01;
export const EVPN_MAC_IP_ADVERTISEMENT = 0x02;
export const EVPN_INCLUSIVE_MULTICAST_ETHERNET_TAG = 0x03;
export const EVPN_ETHERNET_SEGMENT = 0x04;
export const EVPN_IP_PREFIX_ROUTE = 0x05;

const ZERO_ESI = (): EvpnEsi => new EvpnArbitraryEsi({ value: new Uint8Array(9) });

/** Route-type-specific value bounds, checked before reading. */
function need(cond: boolean, where: string, off: number): void {
  if (!cond) malformed(where, 'route type value too short', off);
}

export abstract class EvpnNLRI implements BgpNlri {
  static readonly jsonName: string = 'EvpnNLRI';
  static readonly ROUTE_TYPE_NAME: string = '';
  static readonly ETHERNET_AUTO_DISCOVERY = EVPN_ETHERNET_AUTO_DISCOVERY;
  static readonly MAC_IP_ADVERTISEMENT = EVPN_MAC_IP_ADVERTISEMENT;
  static readonly INCLUSIVE_MULTICAST_ETHERNET_TAG = EVPN_INCLUSIVE_MULTICAST_ETHERNET_TAG;
  static readonly ETHERNET_SEGMENT = EVPN_ETHERNET_SEGMENT;
  static readonly IP_PREFIX_ROUTE = EVPN_IP_PREFIX_ROUTE;
  static readonly MAX_ET = 0xffffffff;
  declare type: number;
  declare length: number | null;
  declare route_dist: string | null;

  constructor(type: number, length: number | null | undefined, routeDist: string | null) {
    this.type = type;
    this.length = length ?? null;
    this.route_dist = routeDist;
  }

  protected abstract fields(): JsonObject;
  protected abstract writeValue(w: Writer): void;

  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof EvpnNLRI).jsonName]: this.fields() };
  }

  serializeTo(w: Writer): void {
    w.u8(this.type);
    const at = w.pos;
    w.u8(0);
    this.writeValue(w);
    this.length = w.pos - at - 1;
    if (this.length > 255) malformed('EvpnNLRI', `value too long (${this.length})`, 0);
    w.buf[at] = this.length;
  }

  protected writeRd(w: Writer): void {
    RouteDistinguisher.fromStr(this.route_dist ?? '0:0').serializeTo(w);
  }

  static decode(r: Cursor, end: number): EvpnNLRI {
    needTo(r, end, 2, 'EvpnNLRI');
    const b = r.bytes;
    const start = r.pos;
    const type = b[start]!;
    const length = b[start + 1]!;
    needTo(r, end, 2 + length, 'EvpnNLRI');
    const p = start + 2;
    const vend = p + length;
    r.pos = vend;
    const rd = (): string => RouteDistinguisher.decodeAt(b, p).formatted_str;
    switch (type) {
      case EVPN_ETHERNET_AUTO_DISCOVERY: {
        need(length >= 22, 'EvpnEthernetAutoDiscoveryNLRI', p);
        return new EvpnEthernetAutoDiscoveryNLRI({
          route_dist: rd(),
          esi: EvpnEsi.decodeAt(b, p + 8),
          ethernet_tag_id: rd32(b, p + 18),
          label: b.slice(p + 22, vend),
          type,
          length,
        });
      }
      case EVPN_MAC_IP_ADVERTISEMENT: {
        need(length >= 23, 'EvpnMacIPAdvertisementNLRI', p);
        const macLen = b[p + 22]!;
        if (macLen !== 48) malformed('EvpnMacIPAdvertisementNLRI', `MAC address length ${macLen}`, p + 22);
        need(length >= 30, 'EvpnMacIPAdvertisementNLRI', p);
        const ipLen = b[p + 29]!;
        let q = p + 30;
        let ip: string | null = null;
        if (ipLen !== 0) {
          need(vend - q >= ipLen >> 3, 'EvpnMacIPAdvertisementNLRI', q);
          ip = ipBinToText(b, q, ipLen >> 3, 'EvpnMacIPAdvertisementNLRI');
          q += ipLen >> 3;
        }
        return new EvpnMacIPAdvertisementNLRI({
          route_dist: rd(),
          esi: EvpnEsi.decodeAt(b, p + 8),
          ethernet_tag_id: rd32(b, p + 18),
          mac_addr_len: macLen,
          mac_addr: macToText(b, p + 23),
          ip_addr_len: ipLen,
          ip_addr: ip,
          labels: b.slice(q, vend),
          type,
          length,
        });
      }
      case EVPN_INCLUSIVE_MULTICAST_ETHERNET_TAG: {
        need(length >= 13, 'EvpnInclusiveMulticastEthernetTagNLRI', p);
        const ipLen = b[p + 12]!;
        need(vend - (p + 13) >= ipLen >> 3, 'EvpnInclusiveMulticastEthernetTagNLRI', p + 13);
        return new EvpnInclusiveMulticastEthernetTagNLRI({
          route_dist: rd(),
          ethernet_tag_id: rd32(b, p + 8),
          ip_addr_len: ipLen,
          ip_addr: ipBinToText(b, p + 13, ipLen >> 3, 'EvpnInclusiveMulticastEthernetTagNLRI'),
          type,
          length,
        });
      }
      case EVPN_ETHERNET_SEGMENT: {
        need(length >= 19, 'EvpnEthernetSegmentNLRI', p);
        const ipLen = b[p + 18]!;
        need(vend - (p + 19) >= ipLen >> 3, 'EvpnEthernetSegmentNLRI', p + 19);
        return new EvpnEthernetSegmentNLRI({
          route_dist: rd(),
          esi: EvpnEsi.decodeAt(b, p + 8),
          ip_addr_len: ipLen,
          ip_addr: ipBinToText(b, p + 19, ipLen >> 3, 'EvpnEthernetSegmentNLRI'),
          type,
          length,
        });
      }
      case EVPN_IP_PREFIX_ROUTE: {
        need(length >= 26, 'EvpnIpPrefixNLRI', p);
        const prefixLen = b[p + 22]!;
        const n = (vend - (p + 23) - 3) >> 1;
        const q = p + 23;
        return new EvpnIpPrefixNLRI({
          route_dist: rd(),
          esi: EvpnEsi.decodeAt(b, p + 8),
          ethernet_tag_id: rd32(b, p + 18),
          ip_prefix: `${ipBinToText(b, q, n, 'EvpnIpPrefixNLRI')}/${prefixLen}`,
          gw_ip_addr: ipBinToText(b, q + n, n, 'EvpnIpPrefixNLRI'),
          label: b.slice(q + 2 * n, vend),
          type,
          length,
        });
      }
      default:
        return new EvpnUnknownNLRI({ value: b.slice(p, vend), type, length });
    }
  }
}

export class EvpnUnknownNLRI extends EvpnNLRI {
  static override readonly jsonName: string = 'EvpnUnknownNLRI';
  static override readonly ROUTE_TYPE_NAME: string = 'unknown';
  declare value: Uint8Array;
  constructor(o: { value: Uint8Array; type: number; length?: number | null }) {
    super(o.type, o.length, null);
    this.value = o.value;
  }
  protected fields(): JsonObject {
    return { length: this.length, route_dist: this.route_dist, type: this.type, value: b64(this.value) };
  }
  protected writeValue(w: Writer): void {
    w.bytes(this.value);
  }
}

interface LabelOpts {
  mpls_label?: number | null;
  vni?: number | null;
  label?: Uint8Array | null;
}

export class EvpnEthernetAutoDiscoveryNLRI extends EvpnNLRI {
  static override readonly jsonName: string = 'EvpnEthernetAutoDiscoveryNLRI';
  static override readonly ROUTE_TYPE_NAME: string = 'eth_ad';
  declare esi: EvpnEsi;
  declare ethernet_tag_id: number;
  /** raw label field (MPLS label or VNI) */
  declare label: Uint8Array;
  constructor(o: { route_dist: string; esi: EvpnEsi; ethernet_tag_id: number; type?: number; length?: number | null } & LabelOpts) {
    super(o.type ?? EVPN_ETHERNET_AUTO_DISCOVERY, o.length, o.route_dist);
    this.esi = o.esi;
    this.ethernet_tag_id = o.ethernet_tag_id;
    this.label = o.label && o.label.length ? o.label : labelFromUser(o.mpls_label, o.vni);
  }
  get mpls_label(): number {
    return this.label.length >= 3 ? u24(this.label, 0) >>> 4 : 0;
  }
  get vni(): number {
    return this.label.length >= 3 ? u24(this.label, 0) : 0;
  }
  protected fields(): JsonObject {
    return { esi: this.esi.toJsonDict(), ethernet_tag_id: this.ethernet_tag_id, length: this.length, route_dist: this.route_dist, type: this.type };
  }
  protected writeValue(w: Writer): void {
    this.writeRd(w);
    w.bytes(this.esi.serialize());
    w.u32(this.ethernet_tag_id);
    w.bytes(this.label);
  }
}

export class EvpnMacIPAdvertisementNLRI extends EvpnNLRI {
  static override readonly jsonName: string = 'EvpnMacIPAdvertisementNLRI';
  static override readonly ROUTE_TYPE_NAME: string = 'mac_ip_adv';
  declare esi: EvpnEsi;
  declare ethernet_tag_id: number;
  declare mac_addr_len: number | null;
  declare mac_addr: string;
  declare ip_addr_len: number | null;
  declare ip_addr: string | null;
  /** raw labels field (one or two MPLS labels, or a VNI) */
  declare labels: Uint8Array;
  constructor(
    o: {
      route_dist: string;
      ethernet_tag_id: number;
      mac_addr: string;
      ip_addr: string | null;
      esi?: EvpnEsi | null;
      mpls_labels?: number[] | null;
      vni?: number | null;
      labels?: Uint8Array | null;
      mac_addr_len?: number | null;
      ip_addr_len?: number | null;
      type?: number;
      length?: number | null;
    },
  ) {
    super(o.type ?? EVPN_MAC_IP_ADVERTISEMENT, o.length, o.route_dist);
    this.esi = o.esi ?? ZERO_ESI();
    this.ethernet_tag_id = o.ethernet_tag_id;
    this.mac_addr_len = o.mac_addr_len ?? null;
    this.mac_addr = o.mac_addr;
    this.ip_addr_len = o.ip_addr_len ?? null;
    this.ip_addr = o.ip_addr;
    if (o.labels && o.labels.length) this.labels = o.labels;
    else if (o.mpls_labels && o.mpls_labels.length === 1) this.labels = mplsLabelToBin(o.mpls_labels[0]!, true);
    else if (o.mpls_labels && o.mpls_labels.length === 2) {
      const l = new Uint8Array(6);
      l.set(mplsLabelToBin(o.mpls_labels[0]!, false), 0);
      l.set(mplsLabelToBin(o.mpls_labels[1]!, true), 3);
      this.labels = l;
    } else if (o.mpls_labels && o.mpls_labels.length) this.labels = new Uint8Array(3); // os-ken: more than two labels give 3 zero bytes
    else this.labels = labelFromUser(null, o.vni);
  }
  get mpls_labels(): number[] {
    const out: number[] = [];
    if (this.labels.length >= 3) {
      const l1 = u24(this.labels, 0);
      out.push(l1 >>> 4);
      if (this.labels.length >= 6 && !(l1 & 1)) out.push(u24(this.labels, 3) >>> 4);
    }
    return out;
  }
  get vni(): number {
    return this.labels.length >= 3 ? u24(this.labels, 0) : 0;
  }
  protected fields(): JsonObject {
    return {
      esi: this.esi.toJsonDict(),
      ethernet_tag_id: this.ethernet_tag_id,
      ip_addr: this.ip_addr,
      ip_addr_len: this.ip_addr_len,
      length: this.length,
      mac_addr: this.mac_addr,
      mac_addr_len: this.mac_addr_len,
      route_dist: this.route_dist,
      type: this.type,
    };
  }
  protected writeValue(w: Writer): void {
    this.writeRd(w);
    w.bytes(this.esi.serialize());
    w.u32(this.ethernet_tag_id);
    const mac = macToBin(this.mac_addr);
    this.mac_addr_len = mac.length * 8;
    w.u8(this.mac_addr_len);
    w.bytes(mac);
    const ip = this.ip_addr ? ipTextToBin(this.ip_addr) : new Uint8Array(0);
    this.ip_addr_len = ip.length * 8;
    w.u8(this.ip_addr_len);
    w.bytes(ip);
    w.bytes(this.labels);
  }
}

export class EvpnInclusiveMulticastEthernetTagNLRI extends EvpnNLRI {
  static override readonly jsonName: string = 'EvpnInclusiveMulticastEthernetTagNLRI';
  static override readonly ROUTE_TYPE_NAME: string = 'multicast_etag';
  declare ethernet_tag_id: number;
  declare ip_addr_len: number | null;
  declare ip_addr: string;
  constructor(o: { route_dist: string; ethernet_tag_id: number; ip_addr: string; ip_addr_len?: number | null; type?: number; length?: number | null }) {
    super(o.type ?? EVPN_INCLUSIVE_MULTICAST_ETHERNET_TAG, o.length, o.route_dist);
    this.ethernet_tag_id = o.ethernet_tag_id;
    this.ip_addr_len = o.ip_addr_len ?? null;
    this.ip_addr = o.ip_addr;
  }
  protected fields(): JsonObject {
    return {
      ethernet_tag_id: this.ethernet_tag_id,
      ip_addr: this.ip_addr,
      ip_addr_len: this.ip_addr_len,
      length: this.length,
      route_dist: this.route_dist,
      type: this.type,
    };
  }
  protected writeValue(w: Writer): void {
    this.writeRd(w);
    w.u32(this.ethernet_tag_id);
    const ip = ipTextToBin(this.ip_addr);
    this.ip_addr_len = ip.length * 8;
    w.u8(this.ip_addr_len);
    w.bytes(ip);
  }
}

export class EvpnEthernetSegmentNLRI extends EvpnNLRI {
  static override readonly jsonName: string = 'EvpnEthernetSegmentNLRI';
  static override readonly ROUTE_TYPE_NAME: string = 'eth_seg';
  declare esi: EvpnEsi;
  declare ip_addr_len: number | null;
  declare ip_addr: string;
  constructor(o: { route_dist: string; esi: EvpnEsi; ip_addr: string; ip_addr_len?: number | null; type?: number; length?: number | null }) {
    super(o.type ?? EVPN_ETHERNET_SEGMENT, o.length, o.route_dist);
    this.esi = o.esi;
    this.ip_addr_len = o.ip_addr_len ?? null;
    this.ip_addr = o.ip_addr;
  }
  protected fields(): JsonObject {
    return {
      esi: this.esi.toJsonDict(),
      ip_addr: this.ip_addr,
      ip_addr_len: this.ip_addr_len,
      length: this.length,
      route_dist: this.route_dist,
      type: this.type,
    };
  }
  protected writeValue(w: Writer): void {
    this.writeRd(w);
    w.bytes(this.esi.serialize());
    const ip = ipTextToBin(this.ip_addr);
    this.ip_addr_len = ip.length * 8;
    w.u8(this.ip_addr_len);
    w.bytes(ip);
  }
}

export class EvpnIpPrefixNLRI extends EvpnNLRI {
  static override readonly jsonName: string = 'EvpnIpPrefixNLRI';
  static override readonly ROUTE_TYPE_NAME: string = 'ip_prefix';
  declare esi: EvpnEsi;
  declare ethernet_tag_id: number;
  /** "addr/len"; not printed in JSON (a property in os-ken) */
  declare ip_prefix: string;
  declare gw_ip_addr: string;
  declare label: Uint8Array;
  constructor(
    o: {
      route_dist: string;
      ethernet_tag_id: number;
      ip_prefix: string;
      esi?: EvpnEsi | null;
      gw_ip_addr?: string | null;
      type?: number;
      length?: number | null;
    } & LabelOpts,
  ) {
    super(o.type ?? EVPN_IP_PREFIX_ROUTE, o.length, o.route_dist);
    this.esi = o.esi ?? ZERO_ESI();
    this.ethernet_tag_id = o.ethernet_tag_id;
    this.ip_prefix = o.ip_prefix;
    this.gw_ip_addr = o.gw_ip_addr ?? (o.ip_prefix.includes(':') ? '::' : '0.0.0.0');
    this.label = o.label && o.label.length ? o.label : labelFromUser(o.mpls_label, o.vni);
  }
  get mpls_label(): number {
    return this.label.length >= 3 ? u24(this.label, 0) >>> 4 : 0;
  }
  get vni(): number {
    return this.label.length >= 3 ? u24(this.label, 0) : 0;
  }
  protected fields(): JsonObject {
    return {
      esi: this.esi.toJsonDict(),
      ethernet_tag_id: this.ethernet_tag_id,
      gw_ip_addr: this.gw_ip_addr,
      length: this.length,
      route_dist: this.route_dist,
      type: this.type,
    };
  }
  protected writeValue(w: Writer): void {
    this.writeRd(w);
    w.bytes(this.esi.serialize());
    w.u32(this.ethernet_tag_id);
    const slash = this.ip_prefix.indexOf('/');
    const addr = slash >= 0 ? this.ip_prefix.slice(0, slash) : this.ip_prefix;
    w.u8(slash >= 0 ? Number(this.ip_prefix.slice(slash + 1)) : 0);
    w.bytes(ipTextToBin(addr));
    w.bytes(ipTextToBin(this.gw_ip_addr));
    w.bytes(this.label);
  }
}
