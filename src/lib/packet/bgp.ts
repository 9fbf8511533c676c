/**
 * Facade with os-ken's `os_ken.lib.packet.bgp` names. The implementation is
 * split by concept under ./bgp/ (header, open, capabilities, update,
 * attributes, mp_nlri, communities, rd, nlri/{prefix,evpn,flowspec,rtc}).
 *
 * os-ken -> osken name differences: `_PathAttribute` is BGPPathAttribute,
 * `_ExtendedCommunity` is BGPExtendedCommunity, `_OptParam` is BGPOptParam,
 * `_OptParamCapability` is BGPOptParamCapability, `_RouteDistinguisher` is
 * RouteDistinguisher, `_BinAddrPrefix` is BinAddrPrefix (JSON name
 * unchanged), `StreamParser` is BgpStreamParser (also exported as
 * StreamParser).
 */
export * from './bgp/index.js';
export { BgpStreamParser as StreamParser } from './bgp/index.js';
