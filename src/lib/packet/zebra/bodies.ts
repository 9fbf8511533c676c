/**
 * Zebra message bodies (os-ken zebra.py `_ZebraMessageBody` subclasses).
 * One class, `ZebraBody`, carries os-ken's class name (`jsonName`), a layout
 * `kind` and the attributes; the per-kind codecs below mirror os-ken's
 * parse()/serialize() of each body family.
 */
import { ipv4ToBin, ipv6ToBin, macToBin, macToText } from '../../../wire/addrconv.js';
import { base64Encode, type JsonObject, type JsonValue } from '../../../wire/json/json.js';
import {
  AF_INET,
  AF_INET6,
  Cur,
  INTERFACE_HWADDR_MAX,
  InterfaceLinkParams,
  NextHop,
  RegisteredNexthop,
  VRF_NAMSIZ,
  Writer,
  ZebraCtx,
  addrBin,
  addrText,
  bad,
  fixedAscii,
  isV4,
  parseIpPrefix,
  parseNexthops,
  parseZebraFamilyPrefix,
  s64,
  stripNulText,
  writeIpPrefix,
  writeNexthops,
  writeZebraFamilyPrefix,
} from './common.js';

/** Layout families of the bodies. */
export type BodyKind =
  | 'unknown'
  | 'empty'
  | 'interface'
  | 'interface_address'
  | 'ipv4_route'
  | 'ipv6_route'
  | 'redistribute'
  | 'ipv4_nexthop_lookup'
  | 'ipv6_nexthop_lookup'
  | 'ipv4_import_lookup'
  | 'ipv6_import_lookup'
  | 'router_id_update'
  | 'hello'
  | 'nexthop_lookup_mrib'
  | 'link_params'
  | 'nexthop_register'
  | 'nexthop_update'
  | 'nbr_address'
  | 'interface_bfd_dest_update'
  | 'bfd_destination'
  | 'bfd_destination_deregister'
  | 'vrf'
  | 'interface_vrf_update'
  | 'bfd_client'
  | 'interface_radv'
  | 'mpls_labels';

/** A body attribute value, as os-ken holds it (str, bytes, int, bool, None, lists, nested objects). */
export type ZVal = string | number | bigint | boolean | null | Uint8Array | InterfaceLinkParams | ZVal[] | NextHop | RegisteredNexthop;
export type ZebraFields = { [k: string]: ZVal };

export class ZebraBody {
  constructor(
    /** os-ken class name (ZebraHello, ZebraInterfaceAdd, ...) */
    readonly jsonName: string,
    readonly kind: BodyKind,
    public fields: ZebraFields,
  ) {}

  toJsonDict(): JsonObject {
    const d: JsonObject = {};
    for (const k of Object.keys(this.fields)) d[k] = zjson(this.fields[k]!);
    return { [this.jsonName]: d };
  }
}

function zjson(v: ZVal): JsonValue {
  if (v === null || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return s64(v);
  if (v instanceof Uint8Array) return base64Encode(v);
  if (Array.isArray(v)) return v.map(zjson);
  return v.toJsonDict();
}

/* ------------------------------------------------------------------ tables */

type Entry = readonly [string, BodyKind];
/** ZEBRA_* commands (protocol versions 0-3) -> body class */
export const ZEBRA_BODIES = new Map<number, Entry>([
  [1, ['ZebraInterfaceAdd', 'interface']],
  [2, ['ZebraInterfaceDelete', 'interface']],
  [3, ['ZebraInterfaceAddressAdd', 'interface_address']],
  [4, ['ZebraInterfaceAddressDelete', 'interface_address']],
  [5, ['ZebraInterfaceUp', 'interface']],
  [6, ['ZebraInterfaceDown', 'interface']],
  [7, ['ZebraIPv4RouteAdd', 'ipv4_route']],
  [8, ['ZebraIPv4RouteDelete', 'ipv4_route']],
  [9, ['ZebraIPv6RouteAdd', 'ipv6_route']],
  [10, ['ZebraIPv6RouteDelete', 'ipv6_route']],
  [11, ['ZebraRedistributeAdd', 'redistribute']],
  [12, ['ZebraRedistributeDelete', 'redistribute']],
  [13, ['ZebraRedistributeDefaultAdd', 'redistribute']],
  [14, ['ZebraRedistributeDefaultDelete', 'redistribute']],
  [15, ['ZebraIPv4NexthopLookup', 'ipv4_nexthop_lookup']],
  [16, ['ZebraIPv6NexthopLookup', 'ipv6_nexthop_lookup']],
  [17, ['ZebraIPv4ImportLookup', 'ipv4_import_lookup']],
  [18, ['ZebraIPv6ImportLookup', 'ipv6_import_lookup']],
  [20, ['ZebraRouterIDAdd', 'empty']],
  [21, ['ZebraRouterIDDelete', 'empty']],
  [22, ['ZebraRouterIDUpdate', 'router_id_update']],
  [23, ['ZebraHello', 'hello']],
  [24, ['ZebraIPv4NexthopLookupMRib', 'nexthop_lookup_mrib']],
  [25, ['ZebraVrfUnregister', 'empty']],
  [26, ['ZebraInterfaceLinkParams', 'link_params']],
  [27, ['ZebraNexthopRegister', 'nexthop_register']],
  [28, ['ZebraNexthopUnregister', 'nexthop_register']],
  [29, ['ZebraNexthopUpdate', 'nexthop_update']],
]);

/** FRR_ZEBRA_* commands (protocol version 4) -> body class */
export const FRR_BODIES = new Map<number, Entry>([
  [0, ['ZebraInterfaceAdd', 'interface']],
  [1, ['ZebraInterfaceDelete', 'interface']],
  [2, ['ZebraInterfaceAddressAdd', 'interface_address']],
  [3, ['ZebraInterfaceAddressDelete', 'interface_address']],
  [4, ['ZebraInterfaceUp', 'interface']],
  [5, ['ZebraInterfaceDown', 'interface']],
  [6, ['ZebraIPv4RouteAdd', 'ipv4_route']],
  [7, ['ZebraIPv4RouteDelete', 'ipv4_route']],
  [8, ['ZebraIPv6RouteAdd', 'ipv6_route']],
  [9, ['ZebraIPv6RouteDelete', 'ipv6_route']],
  [10, ['ZebraRedistributeAdd', 'redistribute']],
  [11, ['ZebraRedistributeDelete', 'redistribute']],
  [12, ['ZebraRedistributeDefaultAdd', 'redistribute']],
  [13, ['ZebraRedistributeDefaultDelete', 'redistribute']],
  [14, ['ZebraRouterIDAdd', 'empty']],
  [15, ['ZebraRouterIDDelete', 'empty']],
  [16, ['ZebraRouterIDUpdate', 'router_id_update']],
  [17, ['ZebraHello', 'hello']],
  [18, ['ZebraNexthopRegister', 'nexthop_register']],
  [19, ['ZebraNexthopUnregister', 'nexthop_register']],
  [20, ['ZebraNexthopUpdate', 'nexthop_update']],
  [21, ['ZebraInterfaceNbrAddressAdd', 'nbr_address']],
  [22, ['ZebraInterfaceNbrAddressDelete', 'nbr_address']],
  [23, ['ZebraInterfaceBfdDestinationUpdate', 'interface_bfd_dest_update']],
  [24, ['ZebraImportRouteRegister', 'nexthop_register']],
  [25, ['ZebraImportRouteUnregister', 'nexthop_register']],
  [26, ['ZebraImportCheckUpdate', 'nexthop_update']],
  [27, ['ZebraIPv4RouteIPv6NexthopAdd', 'ipv4_route']],
  [28, ['ZebraBfdDestinationRegister', 'bfd_destination']],
  [29, ['ZebraBfdDestinationDeregister', 'bfd_destination_deregister']],
  [30, ['ZebraBfdDestinationUpdate', 'bfd_destination']],
  [31, ['ZebraBfdDestinationReply', 'empty']],
  [32, ['ZebraRedistributeIPv4Add', 'ipv4_route']],
  [33, ['ZebraRedistributeIPv4Delete', 'ipv4_route']],
  [34, ['ZebraRedistributeIPv6Add', 'ipv6_route']],
  [35, ['ZebraRedistributeIPv6Delete', 'ipv6_route']],
  [36, ['ZebraVrfUnregister', 'empty']],
  [37, ['ZebraVrfAdd', 'vrf']],
  [38, ['ZebraVrfDelete', 'vrf']],
  [39, ['ZebraInterfaceVrfUpdate', 'interface_vrf_update']],
  [40, ['ZebraBfdClientRegister', 'bfd_client']],
  [41, ['ZebraInterfaceEnableRadv', 'interface_radv']],
  [42, ['ZebraInterfaceDisableRadv', 'interface_radv']],
  [43, ['ZebraIPv4NexthopLookupMRib', 'nexthop_lookup_mrib']],
  [44, ['ZebraInterfaceLinkParams', 'link_params']],
  [45, ['ZebraMplsLabelsAdd', 'mpls_labels']],
  [46, ['ZebraMplsLabelsDelete', 'mpls_labels']],
  [47, ['ZebraIPv4NexthopAdd', 'ipv4_route']],
  [48, ['ZebraIPv4NexthopDelete', 'ipv4_route']],
  [49, ['ZebraIPv6NexthopAdd', 'ipv6_route']],
  [50, ['ZebraIPv6NexthopDelete', 'ipv6_route']],
]);

/** class name -> [kind, ZEBRA command, FRR command] for building messages by class */
export const BODY_BY_NAME = new Map<string, { kind: BodyKind; zebra: number | null; frr: number | null }>();
for (const [tbl, key] of [
  [ZEBRA_BODIES, 'zebra'],
  [FRR_BODIES, 'frr'],
] as const) {
  for (const [cmd, [name, kind]] of tbl) {
    const e = BODY_BY_NAME.get(name) ?? { kind, zebra: null, frr: null };
    e[key] = cmd;
    BODY_BY_NAME.set(name, e);
  }
}
BODY_BY_NAME.set('ZebraUnknownMessage', { kind: 'unknown', zebra: null, frr: null });

/* ------------------------------------------------------------------ parse */

const opt = (message: number, flag: number, c: Cur, wide: boolean): number | null => (message & flag ? (wide ? c.u32() : c.u8()) : null);

function parseInterface(c: Cur, ctx: ZebraCtx): ZebraFields {
  const ifname = stripNulText(c.take(20));
  const ifindex = c.u32();
  const status = c.u8();
  const if_flags = c.u64();
  let ptm_enable: number | null = null;
  let ptm_status: number | null = null;
  let speed: number | null = null;
  let ll_type: number | null = null;
  let metric: number;
  let ifmtu: number;
  let ifmtu6: number;
  let bandwidth: number;
  if (ctx.version <= 3) {
    metric = c.u32();
    ifmtu = c.u32();
    ifmtu6 = c.u32();
    bandwidth = c.u32();
    if (ctx.version === 3) ll_type = c.u32();
  } else if (ctx.version === 4) {
    if (ctx.frr < 20) bad(`unsupported FRRouting version ${ctx.frr / 10}`);
    ptm_enable = c.u8();
    ptm_status = c.u8();
    metric = c.u32();
    if (ctx.frr >= 30) speed = c.u32();
    ifmtu = c.u32();
    ifmtu6 = c.u32();
    bandwidth = c.u32();
    ll_type = c.u32();
  } else return bad(`unsupported Zebra protocol version ${ctx.version}`);
  const hwLen = Math.min(c.u32(), INTERFACE_HWADDR_MAX);
  const hwBin = c.upTo(hwLen);
  let hw_addr: string | Uint8Array = hwBin;
  if (hwLen > 0 && hwLen < 7) {
    if (hwBin.length !== hwLen) bad('short hardware address');
    const m = new Uint8Array(6);
    m.set(hwBin);
    hw_addr = macToText(m, 0);
  }
  let link_params: InterfaceLinkParams | null = null;
  if (c.left > 0) {
    if (c.u8() !== 0) link_params = InterfaceLinkParams.parse(c);
  }
  return { ifname, ifindex, status, if_flags, ptm_enable, ptm_status, metric, speed, ifmtu, ifmtu6, bandwidth, ll_type, hw_addr_lenght: hwLen, hw_addr, link_params };
}

function parseRoute(c: Cur, ctx: ZebraCtx, v6: boolean, fromZebra: boolean): ZebraFields {
  let instance: number | null = null;
  let route_type: number;
  let flags: number;
  let message: number;
  if (ctx.version <= 3) {
    route_type = c.u8();
    flags = c.u8();
    message = c.u8();
  } else if (ctx.version === 4) {
    route_type = c.u8();
    instance = c.u16();
    flags = c.u32();
    message = c.u8();
  } else return bad(`unsupported Zebra protocol version ${ctx.version}`);
  const safi = fromZebra ? null : c.u16() || 1;
  const family = v6 ? AF_INET6 : AF_INET;
  const prefix = parseIpPrefix(c, family);
  const src_prefix = ctx.version === 4 && message & 0x40 ? parseIpPrefix(c, family) : null;
  let nexthops: ZVal[];
  if (fromZebra && message & 0x01) {
    const n = c.u8();
    nexthops = [];
    for (let i = 0; i < n; i++) nexthops.push(addrText(c.upTo(v6 ? 16 : 4), v6));
  } else nexthops = parseNexthops(c, ctx);
  const ifindexes: number[] = [];
  if (fromZebra && message & 0x02) {
    const n = c.u8();
    for (let i = 0; i < n; i++) ifindexes.push(c.u32());
  }
  let distance: number | null;
  let metric: number | null;
  let mtu: number | null;
  let tag: number | null;
  if (ctx.version <= 3) {
    distance = opt(message, 0x04, c, false);
    metric = opt(message, 0x08, c, true);
    mtu = opt(message, 0x10, c, true);
    tag = opt(message, 0x20, c, true);
  } else {
    distance = opt(message, 0x04, c, false);
    metric = opt(message, 0x08, c, true);
    tag = opt(message, 0x10, c, true);
    mtu = opt(message, 0x20, c, true);
  }
  return {
    route_type,
    instance,
    flags,
    message,
    safi,
    prefix,
    src_prefix,
    nexthops,
    ifindexes: fromZebra ? ifindexes : null,
    distance,
    metric,
    mtu,
    tag,
    from_zebra: fromZebra,
  };
}

function bfdFamilyAddr(c: Cur): [number, string] {
  const family = c.u16();
  if (family === AF_INET) return [family, addrText(c.upTo(4), false)];
  if (family === AF_INET6) return [family, addrText(c.upTo(16), true)];
  return bad(`unsupported family ${family}`, c.pos);
}

function bfdFooter(c: Cur, multiHop: number): [number | null, string | null] {
  if (multiHop) return [c.u8(), null];
  const n = c.u8();
  return [null, stripNulText(c.upTo(n))];
}

export function parseBody(kind: BodyKind, c: Cur, ctx: ZebraCtx, fromZebra: boolean): ZebraFields {
  switch (kind) {
    case 'unknown':
      return { buf: c.upTo(c.left) };
    case 'empty':
      return {};
    case 'interface':
      return parseInterface(c, ctx);
    case 'interface_address': {
      const ifindex = c.u32();
      const ifc_flags = c.u8();
      const [family, prefix] = parseZebraFamilyPrefix(c);
      const dest = addrText(c.upTo(c.left), family === AF_INET6);
      return { ifindex, ifc_flags, family, prefix, dest };
    }
    case 'ipv4_route':
    case 'ipv6_route':
      return parseRoute(c, ctx, kind === 'ipv6_route', fromZebra);
    case 'redistribute':
      if (ctx.version <= 3) return { afi: null, route_type: c.u8(), instance: null };
      if (ctx.version === 4) {
        const afi = c.u8();
        return { afi, route_type: c.u8(), instance: c.u16() };
      }
      return bad(`unsupported Zebra protocol version ${ctx.version}`);
    case 'ipv4_nexthop_lookup':
    case 'ipv6_nexthop_lookup': {
      const v6 = kind === 'ipv6_nexthop_lookup';
      const addr = addrText(c.upTo(v6 ? 16 : 4), v6);
      const metric = c.left > 0 ? c.u32() : null;
      const nexthops = c.left > 0 ? parseNexthops(c, ctx) : [];
      return { addr, metric, nexthops };
    }
    case 'ipv4_import_lookup':
    case 'ipv6_import_lookup': {
      const v6 = kind === 'ipv6_import_lookup';
      if (!fromZebra) {
        const plen = c.u8();
        return { prefix: `${addrText(c.upTo(v6 ? 16 : 4), v6)}/${plen}`, metric: null, nexthops: [], from_zebra: false };
      }
      const start = c.pos;
      const prefix = addrText(c.upTo(v6 ? 16 : 4), v6);
      // os-ken skips 4 bytes here whatever the family
      c.pos = Math.min(start + 4, c.end);
      const metric = c.u32();
      return { prefix, metric, nexthops: parseNexthops(c, ctx), from_zebra: true };
    }
    case 'router_id_update': {
      const [family, prefix] = parseZebraFamilyPrefix(c);
      return { family, prefix };
    }
    case 'hello':
      if (ctx.version <= 3) return { route_type: c.u8(), instance: null };
      if (ctx.version === 4) {
        const rt = c.u8();
        return { route_type: rt, instance: c.u16() };
      }
      return bad(`unsupported Zebra protocol version ${ctx.version}`);
    case 'nexthop_lookup_mrib': {
      const addr = addrText(c.upTo(4), false);
      if (c.left === 0) return { addr, distance: null, metric: null, nexthops: [] };
      const distance = c.u8();
      const metric = c.u32();
      return { addr, distance, metric, nexthops: parseNexthops(c, ctx) };
    }
    case 'link_params': {
      const ifindex = c.u32();
      return { ifindex, link_params: InterfaceLinkParams.parse(c) };
    }
    case 'nexthop_register': {
      const nexthops: RegisteredNexthop[] = [];
      while (c.left > 0) nexthops.push(RegisteredNexthop.parse(c));
      return { nexthops };
    }
    case 'nexthop_update': {
      const family = c.u16();
      const prefix = parseIpPrefix(c, family);
      const distance = ctx.frr >= 30 ? c.u8() : null;
      const metric = c.u32();
      return { family, prefix, distance, metric, nexthops: parseNexthops(c, ctx) };
    }
    case 'nbr_address': {
      const ifindex = c.u32();
      const [family, prefix] = parseZebraFamilyPrefix(c);
      return { ifindex, family, prefix };
    }
    case 'interface_bfd_dest_update': {
      const ifindex = c.u32();
      const [dst_family, dst_prefix] = parseZebraFamilyPrefix(c);
      const status = c.u8();
      const [src_family, src_prefix] = parseZebraFamilyPrefix(c);
      return { ifindex, dst_family, dst_prefix, status, src_family, src_prefix };
    }
    case 'bfd_destination': {
      const pid = c.u32();
      const [dst_family, dst_prefix] = bfdFamilyAddr(c);
      const min_rx_timer = c.u32();
      const min_tx_timer = c.u32();
      const detect_mult = c.u8();
      const multi_hop = c.u8();
      const [src_family, src_prefix] = bfdFamilyAddr(c);
      const [multi_hop_count, ifname] = bfdFooter(c, multi_hop);
      return { pid, dst_family, dst_prefix, min_rx_timer, min_tx_timer, detect_mult, multi_hop, src_family, src_prefix, multi_hop_count, ifname };
    }
    case 'bfd_destination_deregister': {
      const pid = c.u32();
      const [dst_family, dst_prefix] = bfdFamilyAddr(c);
      const multi_hop = c.u8();
      const [src_family, src_prefix] = bfdFamilyAddr(c);
      const [multi_hop_count, ifname] = bfdFooter(c, multi_hop);
      return { pid, dst_family, dst_prefix, multi_hop, src_family, src_prefix, multi_hop_count, ifname };
    }
    case 'vrf':
      return { vrf_name: stripNulText(c.upTo(VRF_NAMSIZ)) };
    case 'interface_vrf_update': {
      const ifindex = c.u32();
      return { ifindex, vrf_id: c.u16() };
    }
    case 'bfd_client':
      return { pid: c.u32() };
    case 'interface_radv': {
      const ifindex = c.u32();
      return { ifindex, interval: c.u32() };
    }
    case 'mpls_labels': {
      const route_type = c.u8();
      const family = c.u32();
      if (family !== AF_INET && family !== AF_INET6) bad(`unsupported family ${family}`, c.pos);
      const v6 = family === AF_INET6;
      const a = c.take(v6 ? 16 : 4);
      const prefix = `${addrText(a, v6)}/${c.u8()}`;
      const gate_addr = addrText(c.upTo(v6 ? 16 : 4), v6);
      const ifindex = ctx.frr >= 30 ? c.u32() : null;
      const distance = c.u8();
      const in_label = c.u32();
      return { route_type, family, prefix, gate_addr, ifindex, distance, in_label, out_label: c.u32() };
    }
  }
}

/* ------------------------------------------------------------------ serialize */

const num = (v: ZVal | undefined): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? (v ? 1 : 0) : 0);
const str = (v: ZVal | undefined): string => (typeof v === 'string' ? v : '');

function writeInterface(w: Writer, b: ZebraFields, ctx: ZebraCtx): void {
  if (b.ifname === null || b.ifname === undefined) return;
  const hw = b.hw_addr;
  const hwBin = typeof hw === 'string' ? macToBin(hw) : hw instanceof Uint8Array ? hw : new Uint8Array(0);
  fixedAscii(w, str(b.ifname), 20);
  w.u32(num(b.ifindex));
  w.u8(num(b.status));
  w.u64(typeof b.if_flags === 'bigint' ? b.if_flags : BigInt(num(b.if_flags)));
  if (ctx.version <= 2) {
    for (const k of ['metric', 'ifmtu', 'ifmtu6', 'bandwidth']) w.u32(num(b[k]));
    w.u32(hwBin.length);
    w.bytes(hwBin);
    return;
  }
  if (ctx.version === 3) {
    for (const k of ['metric', 'ifmtu', 'ifmtu6', 'bandwidth', 'll_type']) w.u32(num(b[k]));
  } else if (ctx.version === 4) {
    if (ctx.frr < 20) bad(`unsupported FRRouting version ${ctx.frr / 10}`);
    w.u8(num(b.ptm_enable));
    w.u8(num(b.ptm_status));
    w.u32(num(b.metric));
    if (ctx.frr >= 30) w.u32(num(b.speed));
    for (const k of ['ifmtu', 'ifmtu6', 'bandwidth', 'll_type']) w.u32(num(b[k]));
  } else bad(`unsupported Zebra protocol version ${ctx.version}`);
  w.u32(hwBin.length);
  w.bytes(hwBin);
  if (b.link_params instanceof InterfaceLinkParams) {
    w.u8(1);
    b.link_params.write(w);
  } else w.u8(0);
}

function writeRoute(w: Writer, b: ZebraFields, ctx: ZebraCtx): void {
  const fromZebra = b.from_zebra === true;
  let message = num(b.message);
  const tail = new Writer(64);
  writeIpPrefix(tail, str(b.prefix));
  if (ctx.version === 4 && typeof b.src_prefix === 'string' && b.src_prefix) {
    message |= 0x40;
    writeIpPrefix(tail, b.src_prefix);
  }
  const nhs = Array.isArray(b.nexthops) ? b.nexthops : [];
  message |= 0x01;
  if (fromZebra && nhs.length) {
    tail.u8(nhs.length);
    for (const nh of nhs) tail.bytes(addrBin(str(nh)));
  } else writeNexthops(tail, nhs.filter((x): x is NextHop => x instanceof NextHop), ctx);
  const ifs = Array.isArray(b.ifindexes) ? b.ifindexes : [];
  if (ifs.length && fromZebra) {
    message |= 0x02;
    tail.u8(ifs.length);
    for (const i of ifs) tail.u32(num(i));
  }
  const o = (k: string, flag: number, wide: boolean): void => {
    const v = b[k];
    if (v === null || v === undefined) return;
    message |= flag;
    if (wide) tail.u32(num(v));
    else tail.u8(num(v));
  };
  if (ctx.version <= 3) {
    o('distance', 0x04, false);
    o('metric', 0x08, true);
    o('mtu', 0x10, true);
    o('tag', 0x20, true);
    w.u8(num(b.route_type));
    w.u8(num(b.flags));
    w.u8(message);
  } else if (ctx.version === 4) {
    o('distance', 0x04, false);
    o('metric', 0x08, true);
    o('tag', 0x10, true);
    o('mtu', 0x20, true);
    w.u8(num(b.route_type));
    w.u16(num(b.instance));
    w.u32(num(b.flags));
    w.u8(message);
  } else bad(`unsupported Zebra protocol version ${ctx.version}`);
  b.message = message;
  if (!fromZebra) w.u16(num(b.safi));
  w.bytes(tail.buf.subarray(0, tail.pos));
}

function bfdAddr(w: Writer, s: string): number {
  const fam = isV4(s) ? AF_INET : AF_INET6;
  w.u16(fam);
  w.bytes(fam === AF_INET ? ipv4ToBin(s) : ipv6ToBin(s));
  return fam;
}

export function writeBody(body: ZebraBody, w: Writer, ctx: ZebraCtx): void {
  const b = body.fields;
  switch (body.kind) {
    case 'unknown':
      if (b.buf instanceof Uint8Array) w.bytes(b.buf);
      return;
    case 'empty':
      return;
    case 'interface':
      return writeInterface(w, b, ctx);
    case 'interface_address': {
      w.u32(num(b.ifindex));
      w.u8(num(b.ifc_flags));
      b.family = writeZebraFamilyPrefix(w, str(b.prefix));
      w.bytes(addrBin(str(b.dest)));
      return;
    }
    case 'ipv4_route':
    case 'ipv6_route':
      return writeRoute(w, b, ctx);
    case 'redistribute':
      if (ctx.version <= 3) w.u8(num(b.route_type));
      else {
        w.u8(num(b.afi));
        w.u8(num(b.route_type));
        w.u16(num(b.instance));
      }
      return;
    case 'ipv4_nexthop_lookup':
    case 'ipv6_nexthop_lookup':
      w.bytes(body.kind === 'ipv4_nexthop_lookup' ? ipv4ToBin(str(b.addr)) : ipv6ToBin(str(b.addr)));
      if (b.metric === null || b.metric === undefined) return;
      w.u32(num(b.metric));
      writeNexthops(w, (Array.isArray(b.nexthops) ? b.nexthops : []).filter((x): x is NextHop => x instanceof NextHop), ctx);
      return;
    case 'ipv4_import_lookup':
    case 'ipv6_import_lookup': {
      const v6 = body.kind === 'ipv6_import_lookup';
      const [addr, plen] = str(b.prefix).split('/');
      const bin = v6 ? ipv6ToBin(addr!) : ipv4ToBin(addr!);
      if (b.from_zebra !== true) {
        w.u8(Number(plen ?? 0));
        w.bytes(bin);
        return;
      }
      w.bytes(bin);
      w.u32(num(b.metric));
      writeNexthops(w, (Array.isArray(b.nexthops) ? b.nexthops : []).filter((x): x is NextHop => x instanceof NextHop), ctx);
      return;
    }
    case 'router_id_update':
      b.family = writeZebraFamilyPrefix(w, str(b.prefix));
      return;
    case 'hello':
      w.u8(num(b.route_type));
      if (ctx.version === 4) w.u16(num(b.instance));
      return;
    case 'nexthop_lookup_mrib':
      w.bytes(ipv4ToBin(str(b.addr)));
      if (b.distance === null || b.metric === null || b.distance === undefined || b.metric === undefined) return;
      w.u8(num(b.distance));
      w.u32(num(b.metric));
      writeNexthops(w, (Array.isArray(b.nexthops) ? b.nexthops : []).filter((x): x is NextHop => x instanceof NextHop), ctx);
      return;
    case 'link_params':
      w.u32(num(b.ifindex));
      if (b.link_params instanceof InterfaceLinkParams) b.link_params.write(w);
      return;
    case 'nexthop_register':
      for (const nh of Array.isArray(b.nexthops) ? b.nexthops : []) if (nh instanceof RegisteredNexthop) nh.write(w);
      return;
    case 'nexthop_update': {
      const p = str(b.prefix);
      b.family = isV4(p) ? AF_INET : AF_INET6;
      w.u16(b.family);
      writeIpPrefix(w, p);
      if (ctx.frr >= 30) w.u8(num(b.distance));
      w.u32(num(b.metric));
      writeNexthops(w, (Array.isArray(b.nexthops) ? b.nexthops : []).filter((x): x is NextHop => x instanceof NextHop), ctx);
      return;
    }
    case 'nbr_address':
      w.u32(num(b.ifindex));
      b.family = writeZebraFamilyPrefix(w, str(b.prefix));
      return;
    case 'interface_bfd_dest_update':
      w.u32(num(b.ifindex));
      b.dst_family = writeZebraFamilyPrefix(w, str(b.dst_prefix));
      w.u8(num(b.status));
      b.src_family = writeZebraFamilyPrefix(w, str(b.src_prefix));
      return;
    case 'bfd_destination':
    case 'bfd_destination_deregister': {
      w.u32(num(b.pid));
      b.dst_family = bfdAddr(w, str(b.dst_prefix));
      if (body.kind === 'bfd_destination') {
        w.u32(num(b.min_rx_timer));
        w.u32(num(b.min_tx_timer));
        w.u8(num(b.detect_mult));
      }
      w.u8(num(b.multi_hop));
      b.src_family = bfdAddr(w, str(b.src_prefix));
      if (num(b.multi_hop)) w.u8(num(b.multi_hop_count));
      else {
        const n = str(b.ifname);
        w.u8(n.length);
        fixedAscii(w, n, n.length);
      }
      return;
    }
    case 'vrf':
      fixedAscii(w, str(b.vrf_name), VRF_NAMSIZ);
      return;
    case 'interface_vrf_update':
      w.u32(num(b.ifindex));
      w.u16(num(b.vrf_id));
      return;
    case 'bfd_client':
      w.u32(num(b.pid));
      return;
    case 'interface_radv':
      w.u32(num(b.ifindex));
      w.u32(num(b.interval));
      return;
    case 'mpls_labels': {
      w.u8(num(b.route_type));
      b.family = writeZebraFamilyPrefix(w, str(b.prefix), 4);
      w.bytes(addrBin(str(b.gate_addr)));
      if (ctx.frr >= 30) w.u32(num(b.ifindex));
      w.u8(num(b.distance));
      w.u32(num(b.in_label));
      w.u32(num(b.out_label));
      return;
    }
  }
}
