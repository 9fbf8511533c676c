// OpenFlow 1.2 protocol constants: the public numeric names of os-ken's
// os_ken.ofproto.ofproto_v1_2 module, with the same values.

import * as self from './ofproto_v1_2.js';
import { generateUtils } from './consts/utils.js';

export * from './consts/common.js';
export * from './consts/v1_2plus.js';
export {
  OFPBRC_BAD_STAT, OFPQCFC_EPERM, OFPQT_EXPERIMENTER, OFPQT_MAX_RATE, OFPQT_MIN_RATE,
  OFPR_ACTION, OFPR_NO_MATCH, OFPSF_REPLY_MORE, OFPST_AGGREGATE, OFPST_DESC, OFPST_FLOW,
  OFPST_PORT, OFPST_QUEUE, OFPST_TABLE, OFPT_QUEUE_GET_CONFIG_REPLY,
  OFPT_QUEUE_GET_CONFIG_REQUEST, OFP_OXM_EXPERIMENTER_HEADER_SIZE, OFP_PACKET_QUEUE_SIZE,
  OFP_PORT_MOD_SIZE, OFP_PORT_SIZE, OFP_PORT_STATS_SIZE, OFP_PORT_STATUS_SIZE,
  OFP_QUEUE_GET_CONFIG_REPLY_SIZE, OFP_QUEUE_GET_CONFIG_REQUEST_SIZE,
  OFP_QUEUE_PROP_EXPERIMENTER_SIZE, OFP_QUEUE_PROP_HEADER_SIZE, OFP_QUEUE_PROP_MAX_RATE_SIZE,
  OFP_QUEUE_PROP_MIN_RATE_SIZE, OFP_QUEUE_STATS_SIZE, OFP_TCP_PORT,
} from './consts/pre_v1_4.js';
export {
  OFP_AGGREGATE_STATS_REPLY_SIZE, OFP_BUCKET_SIZE, OFP_FLOW_REMOVED_SIZE, OFP_FLOW_STATS_SIZE,
  OFP_GROUP_DESC_STATS_SIZE, OFP_GROUP_MOD_SIZE, OFP_GROUP_STATS_REQUEST_SIZE,
  OFP_PORT_STATS_REQUEST_SIZE, OFP_QUEUE_STATS_REQUEST_SIZE,
} from './consts/mixed.js';

// enum ofp_type
export const OFPT_STATS_REQUEST = 18;
export const OFPT_STATS_REPLY = 19;

// enum ofp_config_flags
export const OFPC_INVALID_TTL_TO_CONTROLLER = 1 << 2;

// enum ofp_table_config
export const OFPTC_TABLE_MISS_CONTROLLER = 0;
export const OFPTC_TABLE_MISS_CONTINUE = 1 << 0;
export const OFPTC_TABLE_MISS_DROP = 1 << 1;
export const OFPTC_TABLE_MISS_MASK = 3;

// struct ofp_stats_request
export const OFP_STATS_REQUEST_SIZE = 16;

// struct ofp_stats_reply
export const OFP_STATS_REPLY_SIZE = 16;

// enum ofp_stats_types
export const OFPST_GROUP = 6;
export const OFPST_GROUP_DESC = 7;
export const OFPST_GROUP_FEATURES = 8;
export const OFPST_EXPERIMENTER = 0xffff;

// struct ofp_desc_stats
export const OFP_DESC_STATS_SIZE = 1056;

// struct ofp_table_stats
export const OFP_TABLE_STATS_SIZE = 128;

// struct ofp_group_stats
export const OFP_GROUP_STATS_SIZE = 32;

// struct ofp_group_features_stats
export const OFP_GROUP_FEATURES_STATS_SIZE = 40;

// struct ofp_experimenter_stats_header
export const OFP_EXPERIMENTER_STATS_HEADER_SIZE = 8;

// struct ofp_packet_in
export const OFP_PACKET_IN_SIZE = 24;

export const OFP_VERSION = 0x03;

export const {
  ofp_msg_type_to_str,
  ofp_error_type_to_str,
  ofp_error_code_to_str,
  ofp_error_to_jsondict,
} = generateUtils(self);
