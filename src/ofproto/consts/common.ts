// Constants that every version module (1.0 .. 1.5) exposes with the same value,
// plus the OXM TLV header helpers every version module has.

import { OFP_HEADER_SIZE } from '../ofproto_common.js';
export { OFP_HEADER_SIZE } from '../ofproto_common.js';

// enum ofp_type
export const OFPT_HELLO = 0;
export const OFPT_ERROR = 1;
export const OFPT_ECHO_REQUEST = 2;
export const OFPT_ECHO_REPLY = 3;
export const OFPT_FEATURES_REQUEST = 5;
export const OFPT_FEATURES_REPLY = 6;
export const OFPT_GET_CONFIG_REQUEST = 7;
export const OFPT_GET_CONFIG_REPLY = 8;
export const OFPT_SET_CONFIG = 9;
export const OFPT_PACKET_IN = 10;
export const OFPT_FLOW_REMOVED = 11;
export const OFPT_PORT_STATUS = 12;
export const OFPT_PACKET_OUT = 13;
export const OFPT_FLOW_MOD = 14;

// struct ofp_port
export const OFP_MAX_PORT_NAME_LEN = 16;
export const OFP_ETH_ALEN = 6;

// enum ofp_port_config
export const OFPPC_PORT_DOWN = 1 << 0;
export const OFPPC_NO_RECV = 1 << 2;
export const OFPPC_NO_FWD = 1 << 5;
export const OFPPC_NO_PACKET_IN = 1 << 6;

// enum ofp_port_state
export const OFPPS_LINK_DOWN = 1 << 0;

export const OFPQ_ALL = 0xffffffff;

// enum ofp_port_features
export const OFPPF_10MB_HD = 1 << 0;
export const OFPPF_10MB_FD = 1 << 1;
export const OFPPF_100MB_HD = 1 << 2;
export const OFPPF_100MB_FD = 1 << 3;
export const OFPPF_1GB_HD = 1 << 4;
export const OFPPF_1GB_FD = 1 << 5;
export const OFPPF_10GB_FD = 1 << 6;

// enum ofp_oxm_class
export const OFPXMC_OPENFLOW_BASIC = 0x8000;

// enum ofp_action_type
export const OFPAT_OUTPUT = 0;

// struct ofp_action_header
export const OFP_ACTION_HEADER_SIZE = 8;

// struct ofp_action_experimenter_header
export const OFP_ACTION_EXPERIMENTER_HEADER_SIZE = 8;

// struct ofp_switch_feature
export const OFP_SWITCH_FEATURES_SIZE = 32;

// enum ofp_capabilities
export const OFPC_FLOW_STATS = 1 << 0;
export const OFPC_TABLE_STATS = 1 << 1;
export const OFPC_PORT_STATS = 1 << 2;
export const OFPC_IP_REASM = 1 << 5;
export const OFPC_QUEUE_STATS = 1 << 6;

// struct ofp_switch_config
export const OFP_SWITCH_CONFIG_SIZE = 12;

// enum ofp_config_flags
export const OFPC_FRAG_NORMAL = 0;
export const OFPC_FRAG_DROP = 1;
export const OFPC_FRAG_REASM = 2;
export const OFPC_FRAG_MASK = 3;

// enum ofp_flow_mod_command
export const OFPFC_ADD = 0;
export const OFPFC_MODIFY = 1;
export const OFPFC_MODIFY_STRICT = 2;
export const OFPFC_DELETE = 3;
export const OFPFC_DELETE_STRICT = 4;

// enum ofp_flow_mod_flags
export const OFPFF_SEND_FLOW_REM = 1 << 0;
export const OFPFF_CHECK_OVERLAP = 1 << 1;

// struct ofp_desc_stats
export const DESC_STR_LEN = 256;
export const SERIAL_NUM_LEN = 32;

// struct ofp_table_stats
export const OFP_MAX_TABLE_NAME_LEN = 32;

// enum ofp_flow_removed_reason
export const OFPRR_IDLE_TIMEOUT = 0;
export const OFPRR_HARD_TIMEOUT = 1;
export const OFPRR_DELETE = 2;

// struct ofp_port_status
export const OFP_PORT_STATUS_DESC_OFFSET = OFP_HEADER_SIZE + 8;

// enum ofp_port_reason
export const OFPPR_ADD = 0;
export const OFPPR_DELETE = 1;
export const OFPPR_MODIFY = 2;

// struct ofp_error_msg
export const OFP_ERROR_MSG_SIZE = 12;

// enum ofp_error_type
export const OFPET_HELLO_FAILED = 0;
export const OFPET_BAD_REQUEST = 1;
export const OFPET_BAD_ACTION = 2;

// enum ofp_hello_failed_code
export const OFPHFC_INCOMPATIBLE = 0;
export const OFPHFC_EPERM = 1;

// enum ofp_bad_request_code
export const OFPBRC_BAD_VERSION = 0;
export const OFPBRC_BAD_TYPE = 1;
export const OFPBRC_EPERM = 5;
export const OFPBRC_BAD_LEN = 6;
export const OFPBRC_BUFFER_EMPTY = 7;
export const OFPBRC_BUFFER_UNKNOWN = 8;

// enum ofp_bad_action_code
export const OFPBAC_BAD_TYPE = 0;
export const OFPBAC_BAD_LEN = 1;
export const OFPBAC_BAD_OUT_PORT = 4;
export const OFPBAC_BAD_ARGUMENT = 5;
export const OFPBAC_EPERM = 6;
export const OFPBAC_TOO_MANY = 7;
export const OFPBAC_BAD_QUEUE = 8;

// enum ofp_port_mod_failed_code
export const OFPPMFC_BAD_PORT = 0;
export const OFPPMFC_BAD_HW_ADDR = 1;

// enum ofp_queue_op_failed_code
export const OFPQOFC_BAD_PORT = 0;
export const OFPQOFC_BAD_QUEUE = 1;
export const OFPQOFC_EPERM = 2;

export const MAX_XID = 0xffffffff;
export const OFP_NO_BUFFER = 0xffffffff;

// OXM TLV header helpers (basic class), identical in every version module.

function _oxm_tlv_header(class_: number, field: number, hasmask: number, length: number): number {
  return ((class_ << 16) | (field << 9) | (hasmask << 8) | length) >>> 0;
}

export function oxm_tlv_header(field: number, length: number): number {
  return _oxm_tlv_header(OFPXMC_OPENFLOW_BASIC, field, 0, length);
}

/** Masked variant: value and mask both follow the header, so the length doubles. */
export function oxm_tlv_header_w(field: number, length: number): number {
  return _oxm_tlv_header(OFPXMC_OPENFLOW_BASIC, field, 1, length * 2);
}

export function oxm_tlv_header_extract_hasmask(header: number): number {
  return (header >>> 8) & 1;
}

/** Payload length of one value (half the TLV length when a mask is present). */
export function oxm_tlv_header_extract_length(header: number): number {
  const length = header & 0xff;
  return oxm_tlv_header_extract_hasmask(header) ? Math.floor(length / 2) : length;
}
