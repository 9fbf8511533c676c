// OpenFlow 1.3 protocol constants: the public numeric names of os-ken's
// os_ken.ofproto.ofproto_v1_3 module, with the same values.

import * as self from './ofproto_v1_3.js';
import { OFP_HEADER_SIZE } from './ofproto_common.js';
import { generateUtils } from './consts/utils.js';

export * from './consts/common.js';
export * from './consts/v1_2plus.js';
export * from './consts/v1_3plus.js';
export {
  OFPQCFC_EPERM, OFPQT_EXPERIMENTER, OFPQT_MAX_RATE, OFPQT_MIN_RATE, OFPR_ACTION,
  OFPR_NO_MATCH, OFPT_QUEUE_GET_CONFIG_REPLY, OFPT_QUEUE_GET_CONFIG_REQUEST,
  OFP_OXM_EXPERIMENTER_HEADER_SIZE, OFP_PACKET_QUEUE_SIZE, OFP_PORT_MOD_SIZE, OFP_PORT_SIZE,
  OFP_PORT_STATUS_SIZE, OFP_QUEUE_GET_CONFIG_REPLY_SIZE, OFP_QUEUE_GET_CONFIG_REQUEST_SIZE,
  OFP_QUEUE_PROP_EXPERIMENTER_SIZE, OFP_QUEUE_PROP_HEADER_SIZE, OFP_QUEUE_PROP_MAX_RATE_SIZE,
  OFP_QUEUE_PROP_MIN_RATE_SIZE, OFP_TCP_PORT,
} from './consts/pre_v1_4.js';
export {
  OFPIT_METER, OFPMP_AGGREGATE, OFPMP_FLOW, OFPMP_GROUP, OFPMP_METER, OFPMP_METER_CONFIG,
  OFPMP_TABLE, OFP_AGGREGATE_STATS_REPLY_SIZE, OFP_BUCKET_SIZE, OFP_DEFAULT_PRIORITY,
  OFP_FLOW_REMOVED_SIZE, OFP_FLOW_STATS_0_SIZE, OFP_FLOW_STATS_SIZE, OFP_GROUP_DESC_SIZE,
  OFP_GROUP_DESC_STATS_SIZE, OFP_GROUP_MOD_SIZE, OFP_GROUP_STATS_REQUEST_SIZE,
  OFP_INSTRUCTION_METER_SIZE, OFP_METER_CONFIG_SIZE, OFP_METER_FEATURES_SIZE,
  OFP_PORT_STATS_REQUEST_SIZE, OFP_QUEUE_STATS_REQUEST_SIZE,
} from './consts/mixed.js';

// enum ofp_ipv6exthdr_flags
export const OFPIEH_NONEXT = 1 << 0;
export const OFPIEH_ESP = 1 << 1;
export const OFPIEH_AUTH = 1 << 2;
export const OFPIEH_DEST = 1 << 3;
export const OFPIEH_FRAG = 1 << 4;
export const OFPIEH_ROUTER = 1 << 5;
export const OFPIEH_HOP = 1 << 6;
export const OFPIEH_UNREP = 1 << 7;
export const OFPIEH_UNSEQ = 1 << 8;

// enum ofp_multipart_request_flags
export const OFPMPF_REQ_MORE = 1 << 0;

// enum ofp_multipart_types
export const OFPMP_QUEUE = 5;

// struct ofp_aggregate_stats_request
export const OFP_AGGREGATE_STATS_REQUEST_0_SIZE = 32;

// struct ofp_table_feature_prop_next_tables
export const OFP_TABLE_FEATURE_PROP_NEXT_TABLES_SIZE = 4;

// struct ofp_port_stats
export const OFP_PORT_STATS_SIZE = 112;

// struct ofp_queue_stats
export const OFP_QUEUE_STATS_SIZE = 40;

// struct ofp_async_config
export const OFP_ASYNC_CONFIG_SIZE = 32;

// struct onf_experimenter_multipart_msg
export const ONFMP_FLOW_MONITOR = 1870;

// onf_flow_monitor_request
export const ONF_FLOW_MONITOR_REQUEST_SIZE = 16;

// onf_flow_monitor_request.flags
export const ONFFMF_INITIAL = 1 << 0;
export const ONFFMF_ADD = 1 << 1;
export const ONFFMF_DELETE = 1 << 2;
export const ONFFMF_MODIFY = 1 << 3;
export const ONFFMF_ACTIONS = 1 << 4;
export const ONFFMF_OWN = 1 << 5;

// onf_flow_update_header
export const ONF_FLOW_UPDATE_HEADER_SIZE = 4;

export const ONF_FLOW_UPDATE_FULL_SIZE = 24 - ONF_FLOW_UPDATE_HEADER_SIZE;
export const ONF_FLOW_UPDATE_ABBREV_SIZE = 8 - ONF_FLOW_UPDATE_HEADER_SIZE;

// enum onf_flow_update_event
export const ONFFME_ADDED = 0;
export const ONFFME_DELETED = 1;
export const ONFFME_MODIFIED = 2;
export const ONFFME_ABBREV = 3;

// enum onf_flow_monitor_msg_type
export const ONFT_FLOW_MONITOR_CANCEL = 1870;
export const ONFT_FLOW_MONITOR_PAUSED = 1871;
export const ONFT_FLOW_MONITOR_RESUMED = 1872;

// enum onf_exp_type
export const ONF_ET_BUNDLE_CONTROL = 2300;
export const ONF_ET_BUNDLE_ADD_MESSAGE = 2301;
export const ONF_BUNDLE_CTRL_SIZE = 8;
export const ONF_BUNDLE_ADD_MSG_SIZE = 16 - OFP_HEADER_SIZE;

// enum onf_bundle_ctrl_type
export const ONF_BCT_OPEN_REQUEST = 0;
export const ONF_BCT_OPEN_REPLY = 1;
export const ONF_BCT_CLOSE_REQUEST = 2;
export const ONF_BCT_CLOSE_REPLY = 3;
export const ONF_BCT_COMMIT_REQUEST = 4;
export const ONF_BCT_COMMIT_REPLY = 5;
export const ONF_BCT_DISCARD_REQUEST = 6;
export const ONF_BCT_DISCARD_REPLY = 7;

// enum onf_bundle_flags
export const ONF_BF_ATOMIC = 1 << 0;
export const ONF_BF_ORDERED = 1 << 1;

// enum onf_bundle_prop_type
export const ONF_ET_BPT_EXPERIMENTER = 0xffff;

// enum ofp_table_features_failed_code
export const OFPTFFC_BAD_TYPE = 2;
export const OFPTFFC_BAD_LEN = 3;
export const OFPTFFC_BAD_ARGUMENT = 4;

// ONF exp_type values for OFPET_EXPERIMENTER
export const ONFERR_ET_UNKNOWN = 2300;
export const ONFERR_ET_EPERM = 2301;
export const ONFERR_ET_BAD_ID = 2302;
export const ONFERR_ET_BUNDLE_EXIST = 2303;
export const ONFERR_ET_BUNDLE_CLOSED = 2304;
export const ONFERR_ET_OUT_OF_BUNDLES = 2305;
export const ONFERR_ET_BAD_TYPE = 2306;
export const ONFERR_ET_BAD_FLAGS = 2307;
export const ONFERR_ET_MSG_BAD_LEN = 2308;
export const ONFERR_ET_MSG_BAD_XID = 2309;
export const ONFERR_ET_MSG_UNSUP = 2310;
export const ONFERR_ET_MSG_CONFLICT = 2311;
export const ONFERR_ET_MSG_TOO_MANY = 2312;
export const ONFERR_ET_FAILED = 2313;
export const ONFERR_ET_TIMEOUT = 2314;
export const ONFERR_ET_BUNDLE_IN_PROGRESS = 2315;
export const ONFERR_ET_CANT_SYNC = 2320;
export const ONFERR_ET_BAD_PRIORITY = 2360;
export const ONFERR_ET_ASYNC_INVALUD = 2370;
export const ONFERR_ET_ASYNC_UNSUPPORTED = 2371;
export const ONFERR_ET_ASYNC_EPERM = 2372;
export const ONFERR_DUP_INSTRUCTION = 2600;
export const ONFERR_ET_MPART_REQUEST_TIMEOUT = 2640;
export const ONFERR_ET_MPART_REPLY_TIMEOUT = 2641;

export const OFP_VERSION = 0x04;

export const {
  ofp_msg_type_to_str,
  ofp_error_type_to_str,
  ofp_error_code_to_str,
  ofp_error_to_jsondict,
} = generateUtils(self);
