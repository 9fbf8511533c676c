/**
 * (afi, safi) -> NLRI decoder, os-ken's _ADDR_CLASSES table.
 * Unknown families decode as raw prefixes (_BinAddrPrefix), as in os-ken.
 */
import type { Cursor } from '../util.js';
import * as C from '../constants.js';
import type { BgpOptions } from '../util.js';
import { EvpnNLRI } from './evpn.js';
import { FlowSpecIPv4NLRI, FlowSpecIPv6NLRI, FlowSpecL2VPNNLRI, FlowSpecVPNv4NLRI, FlowSpecVPNv6NLRI } from './flowspec.js';
import type { BgpNlri } from './prefix.js';
import {
  BinAddrPrefix,
  IP6AddrPrefix,
  IPAddrPrefix,
  LabelledIP6AddrPrefix,
  LabelledIPAddrPrefix,
  LabelledVPNIP6AddrPrefix,
  LabelledVPNIPAddrPrefix,
} from './prefix.js';
import { RouteTargetMembershipNLRI } from './rtc.js';

export type NlriDecoder = (r: Cursor, end: number, addPath: boolean) => BgpNlri;

const TABLE = new Map<number, NlriDecoder>([
  [C.RF_IPv4_UC.key, (r, end, ap) => IPAddrPrefix.decode(r, end, ap)],
  [C.RF_IPv6_UC.key, (r, end, ap) => IP6AddrPrefix.decode(r, end, ap)],
  [C.RF_IPv4_MPLS.key, (r, end) => LabelledIPAddrPrefix.decode(r, end)],
  [C.RF_IPv6_MPLS.key, (r, end) => LabelledIP6AddrPrefix.decode(r, end)],
  [C.RF_IPv4_VPN.key, (r, end) => LabelledVPNIPAddrPrefix.decode(r, end)],
  [C.RF_IPv6_VPN.key, (r, end) => LabelledVPNIP6AddrPrefix.decode(r, end)],
  [C.RF_L2_EVPN.key, (r, end) => EvpnNLRI.decode(r, end)],
  [C.RF_IPv4_FLOWSPEC.key, (r, end) => FlowSpecIPv4NLRI.decode(r, end)],
  [C.RF_IPv6_FLOWSPEC.key, (r, end) => FlowSpecIPv6NLRI.decode(r, end)],
  [C.RF_VPNv4_FLOWSPEC.key, (r, end) => FlowSpecVPNv4NLRI.decode(r, end)],
  [C.RF_VPNv6_FLOWSPEC.key, (r, end) => FlowSpecVPNv6NLRI.decode(r, end)],
  [C.RF_L2VPN_FLOWSPEC.key, (r, end) => FlowSpecL2VPNNLRI.decode(r, end)],
  [C.RF_RTC_UC.key, (r, end) => RouteTargetMembershipNLRI.decode(r, end)],
]);

const BIN: NlriDecoder = (r, end) => BinAddrPrefix.decode(r, end);

export function nlriDecoder(afi: number, safi: number): NlriDecoder {
  return TABLE.get(((afi & 0xffff) << 8) | safi) ?? BIN;
}

/** Decode NLRI entries filling [r.pos, end) for the family. */
export function decodeNlriList(r: Cursor, end: number, afi: number, safi: number, opts: BgpOptions): BgpNlri[] {
  const dec = nlriDecoder(afi, safi);
  const addPath = opts.addPath.size > 0 && opts.addPath.has(((afi & 0xffff) << 8) | safi);
  const out: BgpNlri[] = [];
  while (r.pos < end) out.push(dec(r, end, addPath));
  return out;
}
