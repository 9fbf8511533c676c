/**
 * BGP-4 constants, names verbatim from os-ken's os_ken/lib/packet/bgp.py
 * (plus afi.py / safi.py).
 */

export const TCP_SERVER_PORT = 179;

export const BGP_MSG_OPEN = 1;
export const BGP_MSG_UPDATE = 2;
export const BGP_MSG_NOTIFICATION = 3;
export const BGP_MSG_KEEPALIVE = 4;
export const BGP_MSG_ROUTE_REFRESH = 5; // RFC 2918

export const BGP_VERSION = 4;
export const BGP_HDR_LEN = 19;
/** RFC 4271 maximum message size (RFC 8654 extended messages allow 65535). */
export const BGP_MAX_MESSAGE_LEN = 4096;

export const BGP_OPT_CAPABILITY = 2; // RFC 5492

export const BGP_CAP_MULTIPROTOCOL = 1; // RFC 4760
export const BGP_CAP_ROUTE_REFRESH = 2; // RFC 2918
export const BGP_CAP_CARRYING_LABEL_INFO = 4; // RFC 3107
export const BGP_CAP_GRACEFUL_RESTART = 64; // RFC 4724
export const BGP_CAP_FOUR_OCTET_AS_NUMBER = 65; // RFC 4893
/** RFC 7911 (not in os-ken: decoded as BGPOptParamCapabilityUnknown unless extensions are enabled) */
export const BGP_CAP_ADD_PATH = 69;
export const BGP_CAP_ENHANCED_ROUTE_REFRESH = 70;
export const BGP_CAP_ROUTE_REFRESH_CISCO = 128;

export const BGP_ATTR_FLAG_OPTIONAL = 1 << 7;
export const BGP_ATTR_FLAG_TRANSITIVE = 1 << 6;
export const BGP_ATTR_FLAG_PARTIAL = 1 << 5;
export const BGP_ATTR_FLAG_EXTENDED_LENGTH = 1 << 4;

export const BGP_ATTR_TYPE_ORIGIN = 1;
export const BGP_ATTR_TYPE_AS_PATH = 2;
export const BGP_ATTR_TYPE_NEXT_HOP = 3;
export const BGP_ATTR_TYPE_MULTI_EXIT_DISC = 4;
export const BGP_ATTR_TYPE_LOCAL_PREF = 5;
export const BGP_ATTR_TYPE_ATOMIC_AGGREGATE = 6;
export const BGP_ATTR_TYPE_AGGREGATOR = 7;
export const BGP_ATTR_TYPE_COMMUNITIES = 8;
export const BGP_ATTR_TYPE_ORIGINATOR_ID = 9;
export const BGP_ATTR_TYPE_CLUSTER_LIST = 10;
export const BGP_ATTR_TYPE_MP_REACH_NLRI = 14;
export const BGP_ATTR_TYPE_MP_UNREACH_NLRI = 15;
export const BGP_ATTR_TYPE_EXTENDED_COMMUNITIES = 16;
export const BGP_ATTR_TYPE_AS4_PATH = 17;
export const BGP_ATTR_TYPE_AS4_AGGREGATOR = 18;
/** os-ken's spelling (sic) */
export const BGP_ATTR_TYEP_PMSI_TUNNEL_ATTRIBUTE = 22;
/** RFC 8092 (not in os-ken: decoded as BGPPathAttributeUnknown unless extensions are enabled) */
export const BGP_ATTR_TYPE_LARGE_COMMUNITIES = 32;

export const BGP_ATTR_ORIGIN_IGP = 0x00;
export const BGP_ATTR_ORIGIN_EGP = 0x01;
export const BGP_ATTR_ORIGIN_INCOMPLETE = 0x02;

export const AS_TRANS = 23456;

export const BGP_COMMUNITY_NO_EXPORT = 0xffffff01;
export const BGP_COMMUNITY_NO_ADVERTISE = 0xffffff02;
export const BGP_COMMUNITY_NO_EXPORT_SUBCONFED = 0xffffff03;

export const BGP_EXTENDED_COMMUNITY_ROUTE_TARGET = 0x02;
export const BGP_EXTENDED_COMMUNITY_ROUTE_ORIGIN = 0x03;

export const BGP_ERROR_MESSAGE_HEADER_ERROR = 1;
export const BGP_ERROR_OPEN_MESSAGE_ERROR = 2;
export const BGP_ERROR_UPDATE_MESSAGE_ERROR = 3;
export const BGP_ERROR_HOLD_TIMER_EXPIRED = 4;
export const BGP_ERROR_FSM_ERROR = 5;
export const BGP_ERROR_CEASE = 6;

export const BGP_ERROR_SUB_CONNECTION_NOT_SYNCHRONIZED = 1;
export const BGP_ERROR_SUB_BAD_MESSAGE_LENGTH = 2;
export const BGP_ERROR_SUB_BAD_MESSAGE_TYPE = 3;

export const BGP_ERROR_SUB_UNSUPPORTED_VERSION_NUMBER = 1;
export const BGP_ERROR_SUB_BAD_PEER_AS = 2;
export const BGP_ERROR_SUB_BAD_BGP_IDENTIFIER = 3;
export const BGP_ERROR_SUB_UNSUPPORTED_OPTIONAL_PARAMETER = 4;
export const BGP_ERROR_SUB_AUTHENTICATION_FAILURE = 5;
export const BGP_ERROR_SUB_UNACCEPTABLE_HOLD_TIME = 6;

export const BGP_ERROR_SUB_MALFORMED_ATTRIBUTE_LIST = 1;
export const BGP_ERROR_SUB_UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE = 2;
export const BGP_ERROR_SUB_MISSING_WELL_KNOWN_ATTRIBUTE = 3;
export const BGP_ERROR_SUB_ATTRIBUTE_FLAGS_ERROR = 4;
export const BGP_ERROR_SUB_ATTRIBUTE_LENGTH_ERROR = 5;
export const BGP_ERROR_SUB_INVALID_ORIGIN_ATTRIBUTE = 6;
export const BGP_ERROR_SUB_ROUTING_LOOP = 7;
export const BGP_ERROR_SUB_INVALID_NEXT_HOP_ATTRIBUTE = 8;
export const BGP_ERROR_SUB_OPTIONAL_ATTRIBUTE_ERROR = 9;
export const BGP_ERROR_SUB_INVALID_NETWORK_FIELD = 10;
export const BGP_ERROR_SUB_MALFORMED_AS_PATH = 11;

export const BGP_ERROR_SUB_HOLD_TIMER_EXPIRED = 1;
export const BGP_ERROR_SUB_FSM_ERROR = 1;

export const BGP_ERROR_SUB_MAXIMUM_NUMBER_OF_PREFIXES_REACHED = 1;
export const BGP_ERROR_SUB_ADMINISTRATIVE_SHUTDOWN = 2;
export const BGP_ERROR_SUB_PEER_DECONFIGURED = 3;
export const BGP_ERROR_SUB_ADMINISTRATIVE_RESET = 4;
export const BGP_ERROR_SUB_CONNECTION_RESET = 5;
export const BGP_ERROR_SUB_OTHER_CONFIGURATION_CHANGE = 6;
export const BGP_ERROR_SUB_CONNECTION_COLLISION_RESOLUTION = 7;
export const BGP_ERROR_SUB_OUT_OF_RESOURCES = 8;

/* os_ken.lib.packet.afi / safi */
export const AFI_IP = 1;
export const AFI_IP6 = 2;
export const AFI_L2VPN = 25;
export const SAFI_UNICAST = 1;
export const SAFI_MULTICAST = 2;
export const SAFI_MPLS_LABEL = 4;
export const SAFI_EVPN = 70;
export const SAFI_MPLS_VPN = 128;
export const SAFI_ROUTE_TARGET_CONSTRAINTS = 132;
export const SAFI_IP_FLOWSPEC = 133;
export const SAFI_VPN_FLOWSPEC = 134;

/** os-ken RouteFamily: an (afi, safi) pair. */
export class RouteFamily {
  constructor(
    readonly afi: number,
    readonly safi: number,
  ) {}
  equals(o: RouteFamily): boolean {
    return this.afi === o.afi && this.safi === o.safi;
  }
  /** numeric key afi<<8|safi, for tables */
  get key(): number {
    return (this.afi << 8) | this.safi;
  }
}

export const RF_IPv4_UC = new RouteFamily(AFI_IP, SAFI_UNICAST);
export const RF_IPv6_UC = new RouteFamily(AFI_IP6, SAFI_UNICAST);
export const RF_IPv4_VPN = new RouteFamily(AFI_IP, SAFI_MPLS_VPN);
export const RF_IPv6_VPN = new RouteFamily(AFI_IP6, SAFI_MPLS_VPN);
export const RF_IPv4_MPLS = new RouteFamily(AFI_IP, SAFI_MPLS_LABEL);
export const RF_IPv6_MPLS = new RouteFamily(AFI_IP6, SAFI_MPLS_LABEL);
export const RF_L2_EVPN = new RouteFamily(AFI_L2VPN, SAFI_EVPN);
export const RF_IPv4_FLOWSPEC = new RouteFamily(AFI_IP, SAFI_IP_FLOWSPEC);
export const RF_IPv6_FLOWSPEC = new RouteFamily(AFI_IP6, SAFI_IP_FLOWSPEC);
export const RF_VPNv4_FLOWSPEC = new RouteFamily(AFI_IP, SAFI_VPN_FLOWSPEC);
export const RF_VPNv6_FLOWSPEC = new RouteFamily(AFI_IP6, SAFI_VPN_FLOWSPEC);
export const RF_L2VPN_FLOWSPEC = new RouteFamily(AFI_L2VPN, SAFI_VPN_FLOWSPEC);
export const RF_RTC_UC = new RouteFamily(AFI_IP, SAFI_ROUTE_TARGET_CONSTRAINTS);

const RF_MAP = new Map<number, RouteFamily>(
  [
    RF_IPv4_UC,
    RF_IPv6_UC,
    RF_IPv4_VPN,
    RF_IPv6_VPN,
    RF_IPv4_MPLS,
    RF_IPv6_MPLS,
    RF_L2_EVPN,
    RF_IPv4_FLOWSPEC,
    RF_IPv6_FLOWSPEC,
    RF_VPNv4_FLOWSPEC,
    RF_VPNv6_FLOWSPEC,
    RF_L2VPN_FLOWSPEC,
    RF_RTC_UC,
  ].map((rf) => [rf.key, rf]),
);

/** os-ken get_rf(afi, safi): the singleton RouteFamily, or undefined when unknown. */
export function getRf(afi: number, safi: number): RouteFamily | undefined {
  return RF_MAP.get((afi << 8) | safi);
}
