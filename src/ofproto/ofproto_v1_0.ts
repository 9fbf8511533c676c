// OpenFlow 1.0 protocol constants: the public numeric names of os-ken's
// os_ken.ofproto.ofproto_v1_0 module, with the same values.

import * as self from './ofproto_v1_0.js';
import { generateUtils } from './consts/utils.js';

export * from './nicira_ext.js';
export * from './consts/common.js';
export {
  OFPBRC_BAD_STAT, OFPQT_MIN_RATE, OFPR_ACTION, OFPR_NO_MATCH, OFPSF_REPLY_MORE,
  OFPST_AGGREGATE, OFPST_DESC, OFPST_FLOW, OFPST_PORT, OFPST_QUEUE, OFPST_TABLE,
  OFP_PORT_STATS_SIZE, OFP_QUEUE_GET_CONFIG_REPLY_SIZE, OFP_QUEUE_PROP_HEADER_SIZE,
  OFP_QUEUE_PROP_MIN_RATE_SIZE, OFP_QUEUE_STATS_SIZE, OFP_TCP_PORT,
} from './consts/pre_v1_4.js';
export {
  OFP_DEFAULT_MISS_SEND_LEN, OFP_DEFAULT_PRIORITY, OFP_FLOW_PERMANENT, OFP_PORT_MOD_SIZE,
  OFP_QUEUE_STATS_REQUEST_SIZE,
} from './consts/mixed.js';

export const OFP_VERSION = 0x01;
export const OFP_SSL_PORT = 6633;

// enum ofp_port
export const OFPP_MAX = 0xff00;
export const OFPP_IN_PORT = 0xfff8;
export const OFPP_TABLE = 0xfff9;
export const OFPP_NORMAL = 0xfffa;
export const OFPP_FLOOD = 0xfffb;
export const OFPP_ALL = 0xfffc;
export const OFPP_CONTROLLER = 0xfffd;
export const OFPP_LOCAL = 0xfffe;
export const OFPP_NONE = 0xffff;

// enum ofp_type
export const OFPT_VENDOR = 4;
export const OFPT_PORT_MOD = 15;
export const OFPT_STATS_REQUEST = 16;
export const OFPT_STATS_REPLY = 17;
export const OFPT_BARRIER_REQUEST = 18;
export const OFPT_BARRIER_REPLY = 19;
export const OFPT_QUEUE_GET_CONFIG_REQUEST = 20;
export const OFPT_QUEUE_GET_CONFIG_REPLY = 21;

export const OFP_MSG_SIZE_MAX = 65535;

// enum ofp_config_flags
export const OFPC_FRAG_NX_MATCH = 3;

// enum ofp_capabilities
export const OFPC_STP = 1 << 3;
export const OFPC_RESERVED = 1 << 4;
export const OFPC_ARP_MATCH_IP = 1 << 7;

// enum ofp_port_config
export const OFPPC_NO_STP = 1 << 1;
export const OFPPC_NO_RECV_STP = 1 << 3;
export const OFPPC_NO_FLOOD = 1 << 4;

// enum ofp_port_state
export const OFPPS_STP_LISTEN = 0 << 8;
export const OFPPS_STP_LEARN = 1 << 8;
export const OFPPS_STP_FORWARD = 2 << 8;
export const OFPPS_STP_BLOCK = 3 << 8;
export const OFPPS_STP_MASK = 3 << 8;

// enum ofp_port_features
export const OFPPF_COPPER = 1 << 7;
export const OFPPF_FIBER = 1 << 8;
export const OFPPF_AUTONEG = 1 << 9;
export const OFPPF_PAUSE = 1 << 10;
export const OFPPF_PAUSE_ASYM = 1 << 11;

export const OFP_PHY_PORT_SIZE = 48;
export const OFP_PORT_STATUS_SIZE = 64;
export const OFP_PACKET_IN_SIZE = 18;

// enum ofp_action_type
export const OFPAT_SET_VLAN_VID = 1;
export const OFPAT_SET_VLAN_PCP = 2;
export const OFPAT_STRIP_VLAN = 3;
export const OFPAT_SET_DL_SRC = 4;
export const OFPAT_SET_DL_DST = 5;
export const OFPAT_SET_NW_SRC = 6;
export const OFPAT_SET_NW_DST = 7;
export const OFPAT_SET_NW_TOS = 8;
export const OFPAT_SET_TP_SRC = 9;
export const OFPAT_SET_TP_DST = 10;
export const OFPAT_ENQUEUE = 11;
export const OFPAT_VENDOR = 0xffff;

export const OFP_ACTION_OUTPUT_SIZE = 8;
export const OFP_ACTION_VLAN_VID_SIZE = 8;
export const OFP_ACTION_VLAN_PCP_SIZE = 8;
export const OFP_ACTION_DL_ADDR_SIZE = 16;
export const OFP_ACTION_NW_ADDR_SIZE = 8;
export const OFP_ACTION_NW_TOS_SIZE = 8;
export const OFP_ACTION_TP_PORT_SIZE = 8;
export const OFP_ACTION_VENDOR_HEADER_SIZE = 8;
export const OFP_ACTION_ENQUEUE_SIZE = 16;
export const OFP_PACKET_OUT_SIZE = 16;

// enum ofp_flow_wildcards
export const OFPFW_IN_PORT = 1 << 0;
export const OFPFW_DL_VLAN = 1 << 1;
export const OFPFW_DL_SRC = 1 << 2;
export const OFPFW_DL_DST = 1 << 3;
export const OFPFW_DL_TYPE = 1 << 4;
export const OFPFW_NW_PROTO = 1 << 5;
export const OFPFW_TP_SRC = 1 << 6;
export const OFPFW_TP_DST = 1 << 7;
export const OFPFW_NW_SRC_SHIFT = 8;
export const OFPFW_NW_SRC_BITS = 6;
export const OFPFW_NW_SRC_MASK = ((1 << OFPFW_NW_SRC_BITS) - 1) << OFPFW_NW_SRC_SHIFT;
export const OFPFW_NW_SRC = OFPFW_NW_SRC_MASK;
export const OFPFW_NW_SRC_ALL = 32 << OFPFW_NW_SRC_SHIFT;
export const OFPFW_NW_DST_SHIFT = 14;
export const OFPFW_NW_DST_BITS = 6;
export const OFPFW_NW_DST_MASK = ((1 << OFPFW_NW_DST_BITS) - 1) << OFPFW_NW_DST_SHIFT;
export const OFPFW_NW_DST = OFPFW_NW_DST_MASK;
export const OFPFW_NW_DST_ALL = 32 << OFPFW_NW_DST_SHIFT;
export const OFPFW_DL_VLAN_PCP = 1 << 20;
export const OFPFW_NW_TOS = 1 << 21;
export const OFPFW_ALL = (1 << 22) - 1;

export const OFPFW_ICMP_TYPE = OFPFW_TP_SRC;
export const OFPFW_ICMP_CODE = OFPFW_TP_DST;
export const OFP_DL_TYPE_ETH2_CUTOFF = 0x0600;
export const OFP_DL_TYPE_NOT_ETH_TYPE = 0x05ff;
export const OFP_VLAN_NONE = 0xffff;
export const OFP_MATCH_SIZE = 40;

// enum ofp_flow_mod_flags
export const OFPFF_EMERG = 1 << 2;

export const OFP_FLOW_MOD_SIZE = 72;
export const OFP_FLOW_REMOVED_SIZE = 88;

// enum ofp_error_type
export const OFPET_FLOW_MOD_FAILED = 3;
export const OFPET_PORT_MOD_FAILED = 4;
export const OFPET_QUEUE_OP_FAILED = 5;

// enum ofp_bad_request_code
export const OFPBRC_BAD_VENDOR = 3;
export const OFPBRC_BAD_SUBTYPE = 4;

// enum ofp_bad_action_code
export const OFPBAC_BAD_VENDOR = 2;
export const OFPBAC_BAD_VENDOR_TYPE = 3;

// enum ofp_flow_mod_failed_code
export const OFPFMFC_ALL_TABLES_FULL = 0;
export const OFPFMFC_OVERLAP = 1;
export const OFPFMFC_EPERM = 2;
export const OFPFMFC_BAD_EMERG_TIMEOUT = 3;
export const OFPFMFC_BAD_COMMAND = 4;
export const OFPFMFC_UNSUPPORTED = 5;

// enum ofp_stats_types
export const OFPST_VENDOR = 0xffff;

export const OFP_STATS_MSG_SIZE = 12;
export const OFP_DESC_STATS_SIZE = 1068;
export const OFP_FLOW_STATS_REQUEST_SIZE = 56;
export const OFP_FLOW_STATS_0_SIZE = 4;
export const OFP_FLOW_STATS_1_SIZE = 44;
export const OFP_FLOW_STATS_SIZE = 88;
export const OFP_AGGREGATE_STATS_REPLY_SIZE = 36;
export const OFP_TABLE_STATS_SIZE = 64;
export const OFP_PORT_STATS_REQUEST_SIZE = 20;
export const OFP_VENDOR_STATS_MSG_SIZE = 16;
export const OFP_VENDOR_HEADER_SIZE = 12;
export const OFP_QUEUE_GET_CONFIG_REQUEST_SIZE = 12;
export const OFP_PACKET_QUEUE_SIZE = 8;
export const OFPQT_NONE = 0;

export const {
  ofp_msg_type_to_str,
  ofp_error_type_to_str,
  ofp_error_code_to_str,
  ofp_error_to_jsondict,
} = generateUtils(self);
