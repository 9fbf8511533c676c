// Constants shared unchanged by OpenFlow 1.2, 1.3, 1.4 and 1.5.

import { oxm_tlv_header, oxm_tlv_header_w } from './common.js';

// enum ofp_type
export const OFPT_EXPERIMENTER = 4;
export const OFPT_GROUP_MOD = 15;
export const OFPT_PORT_MOD = 16;
export const OFPT_TABLE_MOD = 17;
export const OFPT_BARRIER_REQUEST = 20;
export const OFPT_BARRIER_REPLY = 21;
export const OFPT_ROLE_REQUEST = 24;
export const OFPT_ROLE_REPLY = 25;

// enum ofp_port_state
export const OFPPS_BLOCKED = 1 << 1;
export const OFPPS_LIVE = 1 << 2;

// enum ofp_port_no
export const OFPP_MAX = 0xffffff00;
export const OFPP_IN_PORT = 0xfffffff8;
export const OFPP_TABLE = 0xfffffff9;
export const OFPP_NORMAL = 0xfffffffa;
export const OFPP_FLOOD = 0xfffffffb;
export const OFPP_ALL = 0xfffffffc;
export const OFPP_CONTROLLER = 0xfffffffd;
export const OFPP_LOCAL = 0xfffffffe;
export const OFPP_ANY = 0xffffffff;

// enum ofp_port_features
export const OFPPF_40GB_FD = 1 << 7;
export const OFPPF_100GB_FD = 1 << 8;
export const OFPPF_1TB_FD = 1 << 9;
export const OFPPF_OTHER = 1 << 10;
export const OFPPF_COPPER = 1 << 11;
export const OFPPF_FIBER = 1 << 12;
export const OFPPF_AUTONEG = 1 << 13;
export const OFPPF_PAUSE = 1 << 14;
export const OFPPF_PAUSE_ASYM = 1 << 15;

// struct ofp_match
export const OFP_MATCH_SIZE = 8;

// enum ofp_match_type
export const OFPMT_STANDARD = 0;
export const OFPMT_OXM = 1;

// enum ofp_oxm_class
export const OFPXMC_NXM_0 = 0x0000;
export const OFPXMC_NXM_1 = 0x0001;
export const OFPXMC_EXPERIMENTER = 0xffff;

// enum ofp_vlan_id
export const OFPVID_PRESENT = 0x1000;
export const OFPVID_NONE = 0x0000;

// enum ofp_instruction_type
export const OFPIT_GOTO_TABLE = 1;
export const OFPIT_WRITE_METADATA = 2;
export const OFPIT_WRITE_ACTIONS = 3;
export const OFPIT_APPLY_ACTIONS = 4;
export const OFPIT_CLEAR_ACTIONS = 5;
export const OFPIT_EXPERIMENTER = 0xffff;

// struct ofp_instruction_goto_table
export const OFP_INSTRUCTION_GOTO_TABLE_SIZE = 8;

// struct ofp_instruction_write_metadata
export const OFP_INSTRUCTION_WRITE_METADATA_SIZE = 24;

// struct ofp_instruction_actions
export const OFP_INSTRUCTION_ACTIONS_SIZE = 8;

// enum ofp_action_type
export const OFPAT_COPY_TTL_OUT = 11;
export const OFPAT_COPY_TTL_IN = 12;
export const OFPAT_SET_MPLS_TTL = 15;
export const OFPAT_DEC_MPLS_TTL = 16;
export const OFPAT_PUSH_VLAN = 17;
export const OFPAT_POP_VLAN = 18;
export const OFPAT_PUSH_MPLS = 19;
export const OFPAT_POP_MPLS = 20;
export const OFPAT_SET_QUEUE = 21;
export const OFPAT_GROUP = 22;
export const OFPAT_SET_NW_TTL = 23;
export const OFPAT_DEC_NW_TTL = 24;
export const OFPAT_SET_FIELD = 25;
export const OFPAT_EXPERIMENTER = 0xffff;

// struct ofp_action_output
export const OFP_ACTION_OUTPUT_SIZE = 16;

// enum ofp_controller_max_len
export const OFPCML_MAX = 0xffe5;
export const OFPCML_NO_BUFFER = 0xffff;

// struct ofp_action_group
export const OFP_ACTION_GROUP_SIZE = 8;

// struct ofp_action_set_queue
export const OFP_ACTION_SET_QUEUE_SIZE = 8;

// struct ofp_action_mpls_ttl
export const OFP_ACTION_MPLS_TTL_SIZE = 8;

// struct ofp_action_nw_ttl
export const OFP_ACTION_NW_TTL_SIZE = 8;

// struct ofp_action_push
export const OFP_ACTION_PUSH_SIZE = 8;

// struct ofp_action_pop_mpls
export const OFP_ACTION_POP_MPLS_SIZE = 8;

// struct ofp_action_set_field
export const OFP_ACTION_SET_FIELD_SIZE = 8;

// enum ofp_capabilities
export const OFPC_GROUP_STATS = 1 << 3;
export const OFPC_PORT_BLOCKED = 1 << 8;

// enum ofp_table
export const OFPTT_MAX = 0xfe;
export const OFPTT_ALL = 0xff;

// struct ofp_table_mod
export const OFP_TABLE_MOD_SIZE = 16;

// struct ofp_flow_mod
export const OFP_FLOW_MOD_SIZE = 56;

// enum ofp_flow_mod_flags
export const OFPFF_RESET_COUNTS = 1 << 2;

// enum ofp_group
export const OFPG_MAX = 0xffffff00;
export const OFPG_ALL = 0xfffffffc;
export const OFPG_ANY = 0xffffffff;

// enum ofp_group_mod_command
export const OFPGC_ADD = 0;
export const OFPGC_MODIFY = 1;
export const OFPGC_DELETE = 2;

// enum ofp_group_type
export const OFPGT_ALL = 0;
export const OFPGT_SELECT = 1;
export const OFPGT_INDIRECT = 2;
export const OFPGT_FF = 3;

// struct ofp_flow_stats_request
export const OFP_FLOW_STATS_REQUEST_SIZE = 40;

// struct ofp_aggregate_stats_request
export const OFP_AGGREGATE_STATS_REQUEST_SIZE = 40;

// struct ofp_bucket_counter
export const OFP_BUCKET_COUNTER_SIZE = 16;

// enum ofp_group_capabilities
export const OFPGFC_SELECT_WEIGHT = 1 << 0;
export const OFPGFC_SELECT_LIVENESS = 1 << 1;
export const OFPGFC_CHAINING = 1 << 2;
export const OFPGFC_CHAINING_CHECKS = 1 << 3;

// struct ofp_packet_out
export const OFP_PACKET_OUT_SIZE = 24;

// struct ofp_role_request
export const OFP_ROLE_REQUEST_SIZE = 24;

// enum ofp_controller_role
export const OFPCR_ROLE_NOCHANGE = 0;
export const OFPCR_ROLE_EQUAL = 1;
export const OFPCR_ROLE_MASTER = 2;
export const OFPCR_ROLE_SLAVE = 3;

// enum ofp_packet_in_reason
export const OFPR_INVALID_TTL = 2;

// enum ofp_flow_removed_reason
export const OFPRR_GROUP_DELETE = 3;

// enum ofp_error_type
export const OFPET_BAD_INSTRUCTION = 3;
export const OFPET_BAD_MATCH = 4;
export const OFPET_FLOW_MOD_FAILED = 5;
export const OFPET_GROUP_MOD_FAILED = 6;
export const OFPET_PORT_MOD_FAILED = 7;
export const OFPET_TABLE_MOD_FAILED = 8;
export const OFPET_QUEUE_OP_FAILED = 9;
export const OFPET_SWITCH_CONFIG_FAILED = 10;
export const OFPET_ROLE_REQUEST_FAILED = 11;
export const OFPET_EXPERIMENTER = 0xffff;

// enum ofp_bad_request_code
export const OFPBRC_BAD_EXPERIMENTER = 3;
export const OFPBRC_BAD_EXP_TYPE = 4;
export const OFPBRC_BAD_TABLE_ID = 9;
export const OFPBRC_IS_SLAVE = 10;
export const OFPBRC_BAD_PORT = 11;
export const OFPBRC_BAD_PACKET = 12;

// enum ofp_bad_action_code
export const OFPBAC_BAD_EXPERIMENTER = 2;
export const OFPBAC_BAD_EXP_TYPE = 3;
export const OFPBAC_BAD_OUT_GROUP = 9;
export const OFPBAC_MATCH_INCONSISTENT = 10;
export const OFPBAC_UNSUPPORTED_ORDER = 11;
export const OFPBAC_BAD_TAG = 12;
export const OFPBAC_BAD_SET_TYPE = 13;
export const OFPBAC_BAD_SET_LEN = 14;
export const OFPBAC_BAD_SET_ARGUMENT = 15;

// enum ofp_bad_instruction_code
export const OFPBIC_UNKNOWN_INST = 0;
export const OFPBIC_UNSUP_INST = 1;
export const OFPBIC_BAD_TABLE_ID = 2;
export const OFPBIC_UNSUP_METADATA = 3;
export const OFPBIC_UNSUP_METADATA_MASK = 4;
export const OFPBIC_BAD_EXPERIMENTER = 5;
export const OFPBIC_BAD_EXP_TYPE = 6;
export const OFPBIC_BAD_LEN = 7;
export const OFPBIC_EPERM = 8;

// enum ofp_bad_match_code
export const OFPBMC_BAD_TYPE = 0;
export const OFPBMC_BAD_LEN = 1;
export const OFPBMC_BAD_TAG = 2;
export const OFPBMC_BAD_DL_ADDR_MASK = 3;
export const OFPBMC_BAD_NW_ADDR_MASK = 4;
export const OFPBMC_BAD_WILDCARDS = 5;
export const OFPBMC_BAD_FIELD = 6;
export const OFPBMC_BAD_VALUE = 7;
export const OFPBMC_BAD_MASK = 8;
export const OFPBMC_BAD_PREREQ = 9;
export const OFPBMC_DUP_FIELD = 10;
export const OFPBMC_EPERM = 11;

// enum ofp_flow_mod_failed_code
export const OFPFMFC_UNKNOWN = 0;
export const OFPFMFC_TABLE_FULL = 1;
export const OFPFMFC_BAD_TABLE_ID = 2;
export const OFPFMFC_OVERLAP = 3;
export const OFPFMFC_EPERM = 4;
export const OFPFMFC_BAD_TIMEOUT = 5;
export const OFPFMFC_BAD_COMMAND = 6;
export const OFPFMFC_BAD_FLAGS = 7;

// enum ofp_group_mod_failed_code
export const OFPGMFC_GROUP_EXISTS = 0;
export const OFPGMFC_INVALID_GROUP = 1;
export const OFPGMFC_WEIGHT_UNSUPPORTED = 2;
export const OFPGMFC_OUT_OF_GROUPS = 3;
export const OFPGMFC_OUT_OF_BUCKETS = 4;
export const OFPGMFC_CHAINING_UNSUPPORTED = 5;
export const OFPGMFC_WATCH_UNSUPPORTED = 6;
export const OFPGMFC_LOOP = 7;
export const OFPGMFC_UNKNOWN_GROUP = 8;
export const OFPGMFC_CHAINED_GROUP = 9;
export const OFPGMFC_BAD_TYPE = 10;
export const OFPGMFC_BAD_COMMAND = 11;
export const OFPGMFC_BAD_BUCKET = 12;
export const OFPGMFC_BAD_WATCH = 13;
export const OFPGMFC_EPERM = 14;

// enum ofp_port_mod_failed_code
export const OFPPMFC_BAD_CONFIG = 2;
export const OFPPMFC_BAD_ADVERTISE = 3;
export const OFPPMFC_EPERM = 4;

// enum ofp_table_mod_failed_code
export const OFPTMFC_BAD_TABLE = 0;
export const OFPTMFC_BAD_CONFIG = 1;
export const OFPTMFC_EPERM = 2;

// enum ofp_switch_config_failed_code
export const OFPSCFC_BAD_FLAGS = 0;
export const OFPSCFC_BAD_LEN = 1;
export const OFPSCFC_EPERM = 2;

// enum ofp_role_request_failed_code
export const OFPRRFC_STALE = 0;
export const OFPRRFC_UNSUP = 1;
export const OFPRRFC_BAD_ROLE = 2;

// struct ofp_error_experimenter_msg
export const OFP_ERROR_EXPERIMENTER_MSG_SIZE = 16;

// struct ofp_experimenter_header
export const OFP_EXPERIMENTER_HEADER_SIZE = 16;

// basic-class fields (field numbers and TLV headers)
export const OFPXMT_OFB_IN_PORT = 0;
export const OXM_OF_IN_PORT = oxm_tlv_header(OFPXMT_OFB_IN_PORT, 4);
export const OXM_OF_IN_PORT_W = oxm_tlv_header_w(OFPXMT_OFB_IN_PORT, 4);
export const OFPXMT_OFB_IN_PHY_PORT = 1;
export const OXM_OF_IN_PHY_PORT = oxm_tlv_header(OFPXMT_OFB_IN_PHY_PORT, 4);
export const OXM_OF_IN_PHY_PORT_W = oxm_tlv_header_w(OFPXMT_OFB_IN_PHY_PORT, 4);
export const OFPXMT_OFB_METADATA = 2;
export const OXM_OF_METADATA = oxm_tlv_header(OFPXMT_OFB_METADATA, 8);
export const OXM_OF_METADATA_W = oxm_tlv_header_w(OFPXMT_OFB_METADATA, 8);
export const OFPXMT_OFB_ETH_DST = 3;
export const OXM_OF_ETH_DST = oxm_tlv_header(OFPXMT_OFB_ETH_DST, 6);
export const OXM_OF_ETH_DST_W = oxm_tlv_header_w(OFPXMT_OFB_ETH_DST, 6);
export const OFPXMT_OFB_ETH_SRC = 4;
export const OXM_OF_ETH_SRC = oxm_tlv_header(OFPXMT_OFB_ETH_SRC, 6);
export const OXM_OF_ETH_SRC_W = oxm_tlv_header_w(OFPXMT_OFB_ETH_SRC, 6);
export const OFPXMT_OFB_ETH_TYPE = 5;
export const OXM_OF_ETH_TYPE = oxm_tlv_header(OFPXMT_OFB_ETH_TYPE, 2);
export const OXM_OF_ETH_TYPE_W = oxm_tlv_header_w(OFPXMT_OFB_ETH_TYPE, 2);
export const OFPXMT_OFB_VLAN_VID = 6;
export const OXM_OF_VLAN_VID = oxm_tlv_header(OFPXMT_OFB_VLAN_VID, 2);
export const OXM_OF_VLAN_VID_W = oxm_tlv_header_w(OFPXMT_OFB_VLAN_VID, 2);
export const OFPXMT_OFB_VLAN_PCP = 7;
export const OXM_OF_VLAN_PCP = oxm_tlv_header(OFPXMT_OFB_VLAN_PCP, 1);
export const OXM_OF_VLAN_PCP_W = oxm_tlv_header_w(OFPXMT_OFB_VLAN_PCP, 1);
export const OFPXMT_OFB_IP_DSCP = 8;
export const OXM_OF_IP_DSCP = oxm_tlv_header(OFPXMT_OFB_IP_DSCP, 1);
export const OXM_OF_IP_DSCP_W = oxm_tlv_header_w(OFPXMT_OFB_IP_DSCP, 1);
export const OFPXMT_OFB_IP_ECN = 9;
export const OXM_OF_IP_ECN = oxm_tlv_header(OFPXMT_OFB_IP_ECN, 1);
export const OXM_OF_IP_ECN_W = oxm_tlv_header_w(OFPXMT_OFB_IP_ECN, 1);
export const OFPXMT_OFB_IP_PROTO = 10;
export const OXM_OF_IP_PROTO = oxm_tlv_header(OFPXMT_OFB_IP_PROTO, 1);
export const OXM_OF_IP_PROTO_W = oxm_tlv_header_w(OFPXMT_OFB_IP_PROTO, 1);
export const OFPXMT_OFB_IPV4_SRC = 11;
export const OXM_OF_IPV4_SRC = oxm_tlv_header(OFPXMT_OFB_IPV4_SRC, 4);
export const OXM_OF_IPV4_SRC_W = oxm_tlv_header_w(OFPXMT_OFB_IPV4_SRC, 4);
export const OFPXMT_OFB_IPV4_DST = 12;
export const OXM_OF_IPV4_DST = oxm_tlv_header(OFPXMT_OFB_IPV4_DST, 4);
export const OXM_OF_IPV4_DST_W = oxm_tlv_header_w(OFPXMT_OFB_IPV4_DST, 4);
export const OFPXMT_OFB_TCP_SRC = 13;
export const OXM_OF_TCP_SRC = oxm_tlv_header(OFPXMT_OFB_TCP_SRC, 2);
export const OXM_OF_TCP_SRC_W = oxm_tlv_header_w(OFPXMT_OFB_TCP_SRC, 2);
export const OFPXMT_OFB_TCP_DST = 14;
export const OXM_OF_TCP_DST = oxm_tlv_header(OFPXMT_OFB_TCP_DST, 2);
export const OXM_OF_TCP_DST_W = oxm_tlv_header_w(OFPXMT_OFB_TCP_DST, 2);
export const OFPXMT_OFB_UDP_SRC = 15;
export const OXM_OF_UDP_SRC = oxm_tlv_header(OFPXMT_OFB_UDP_SRC, 2);
export const OXM_OF_UDP_SRC_W = oxm_tlv_header_w(OFPXMT_OFB_UDP_SRC, 2);
export const OFPXMT_OFB_UDP_DST = 16;
export const OXM_OF_UDP_DST = oxm_tlv_header(OFPXMT_OFB_UDP_DST, 2);
export const OXM_OF_UDP_DST_W = oxm_tlv_header_w(OFPXMT_OFB_UDP_DST, 2);
export const OFPXMT_OFB_SCTP_SRC = 17;
export const OXM_OF_SCTP_SRC = oxm_tlv_header(OFPXMT_OFB_SCTP_SRC, 2);
export const OXM_OF_SCTP_SRC_W = oxm_tlv_header_w(OFPXMT_OFB_SCTP_SRC, 2);
export const OFPXMT_OFB_SCTP_DST = 18;
export const OXM_OF_SCTP_DST = oxm_tlv_header(OFPXMT_OFB_SCTP_DST, 2);
export const OXM_OF_SCTP_DST_W = oxm_tlv_header_w(OFPXMT_OFB_SCTP_DST, 2);
export const OFPXMT_OFB_ICMPV4_TYPE = 19;
export const OXM_OF_ICMPV4_TYPE = oxm_tlv_header(OFPXMT_OFB_ICMPV4_TYPE, 1);
export const OXM_OF_ICMPV4_TYPE_W = oxm_tlv_header_w(OFPXMT_OFB_ICMPV4_TYPE, 1);
export const OFPXMT_OFB_ICMPV4_CODE = 20;
export const OXM_OF_ICMPV4_CODE = oxm_tlv_header(OFPXMT_OFB_ICMPV4_CODE, 1);
export const OXM_OF_ICMPV4_CODE_W = oxm_tlv_header_w(OFPXMT_OFB_ICMPV4_CODE, 1);
export const OFPXMT_OFB_ARP_OP = 21;
export const OXM_OF_ARP_OP = oxm_tlv_header(OFPXMT_OFB_ARP_OP, 2);
export const OXM_OF_ARP_OP_W = oxm_tlv_header_w(OFPXMT_OFB_ARP_OP, 2);
export const OFPXMT_OFB_ARP_SPA = 22;
export const OXM_OF_ARP_SPA = oxm_tlv_header(OFPXMT_OFB_ARP_SPA, 4);
export const OXM_OF_ARP_SPA_W = oxm_tlv_header_w(OFPXMT_OFB_ARP_SPA, 4);
export const OFPXMT_OFB_ARP_TPA = 23;
export const OXM_OF_ARP_TPA = oxm_tlv_header(OFPXMT_OFB_ARP_TPA, 4);
export const OXM_OF_ARP_TPA_W = oxm_tlv_header_w(OFPXMT_OFB_ARP_TPA, 4);
export const OFPXMT_OFB_ARP_SHA = 24;
export const OXM_OF_ARP_SHA = oxm_tlv_header(OFPXMT_OFB_ARP_SHA, 6);
export const OXM_OF_ARP_SHA_W = oxm_tlv_header_w(OFPXMT_OFB_ARP_SHA, 6);
export const OFPXMT_OFB_ARP_THA = 25;
export const OXM_OF_ARP_THA = oxm_tlv_header(OFPXMT_OFB_ARP_THA, 6);
export const OXM_OF_ARP_THA_W = oxm_tlv_header_w(OFPXMT_OFB_ARP_THA, 6);
export const OFPXMT_OFB_IPV6_SRC = 26;
export const OXM_OF_IPV6_SRC = oxm_tlv_header(OFPXMT_OFB_IPV6_SRC, 16);
export const OXM_OF_IPV6_SRC_W = oxm_tlv_header_w(OFPXMT_OFB_IPV6_SRC, 16);
export const OFPXMT_OFB_IPV6_DST = 27;
export const OXM_OF_IPV6_DST = oxm_tlv_header(OFPXMT_OFB_IPV6_DST, 16);
export const OXM_OF_IPV6_DST_W = oxm_tlv_header_w(OFPXMT_OFB_IPV6_DST, 16);
export const OFPXMT_OFB_IPV6_FLABEL = 28;
export const OXM_OF_IPV6_FLABEL = oxm_tlv_header(OFPXMT_OFB_IPV6_FLABEL, 4);
export const OXM_OF_IPV6_FLABEL_W = oxm_tlv_header_w(OFPXMT_OFB_IPV6_FLABEL, 4);
export const OFPXMT_OFB_ICMPV6_TYPE = 29;
export const OXM_OF_ICMPV6_TYPE = oxm_tlv_header(OFPXMT_OFB_ICMPV6_TYPE, 1);
export const OXM_OF_ICMPV6_TYPE_W = oxm_tlv_header_w(OFPXMT_OFB_ICMPV6_TYPE, 1);
export const OFPXMT_OFB_ICMPV6_CODE = 30;
export const OXM_OF_ICMPV6_CODE = oxm_tlv_header(OFPXMT_OFB_ICMPV6_CODE, 1);
export const OXM_OF_ICMPV6_CODE_W = oxm_tlv_header_w(OFPXMT_OFB_ICMPV6_CODE, 1);
export const OFPXMT_OFB_IPV6_ND_TARGET = 31;
export const OXM_OF_IPV6_ND_TARGET = oxm_tlv_header(OFPXMT_OFB_IPV6_ND_TARGET, 16);
export const OXM_OF_IPV6_ND_TARGET_W = oxm_tlv_header_w(OFPXMT_OFB_IPV6_ND_TARGET, 16);
export const OFPXMT_OFB_IPV6_ND_SLL = 32;
export const OXM_OF_IPV6_ND_SLL = oxm_tlv_header(OFPXMT_OFB_IPV6_ND_SLL, 6);
export const OXM_OF_IPV6_ND_SLL_W = oxm_tlv_header_w(OFPXMT_OFB_IPV6_ND_SLL, 6);
export const OFPXMT_OFB_IPV6_ND_TLL = 33;
export const OXM_OF_IPV6_ND_TLL = oxm_tlv_header(OFPXMT_OFB_IPV6_ND_TLL, 6);
export const OXM_OF_IPV6_ND_TLL_W = oxm_tlv_header_w(OFPXMT_OFB_IPV6_ND_TLL, 6);
export const OFPXMT_OFB_MPLS_LABEL = 34;
export const OXM_OF_MPLS_LABEL = oxm_tlv_header(OFPXMT_OFB_MPLS_LABEL, 4);
export const OXM_OF_MPLS_LABEL_W = oxm_tlv_header_w(OFPXMT_OFB_MPLS_LABEL, 4);
export const OFPXMT_OFB_MPLS_TC = 35;
export const OXM_OF_MPLS_TC = oxm_tlv_header(OFPXMT_OFB_MPLS_TC, 1);
export const OXM_OF_MPLS_TC_W = oxm_tlv_header_w(OFPXMT_OFB_MPLS_TC, 1);
