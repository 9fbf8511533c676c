// OpenFlow 1.5 protocol constants: the public numeric names of os-ken's
// os_ken.ofproto.ofproto_v1_5 module, with the same values.

import * as self from './ofproto_v1_5.js';
import { OFP_HEADER_SIZE } from './ofproto_common.js';
import { oxm_tlv_header, oxm_tlv_header_w } from './consts/common.js';
import { generateUtils } from './consts/utils.js';

export * from './consts/common.js';
export * from './consts/v1_2plus.js';
export * from './consts/v1_3plus.js';
export * from './consts/v1_4plus.js';
export {
  OFP_DEFAULT_MISS_SEND_LEN, OFP_DEFAULT_PRIORITY, OFP_FLOW_PERMANENT, OFP_PORT_MOD_SIZE,
} from './consts/mixed.js';

// enum ofp_port_no
export const OFPP_UNSET = 0xfffffff7;

// enum ofp_type
export const OFPT_CONTROLLER_STATUS = 35;

// enum ofp_capabilities
export const OFPC_BUNDLES = 1 << 9;
export const OFPC_FLOW_MONITORING = 1 << 10;

// enum ofp_port_desc_prop_type
export const OFPPDPT_PIPELINE_INPUT = 2;
export const OFPPDPT_PIPELINE_OUTPUT = 3;
export const OFPPDPT_RECIRCULATE = 4;

// struct ofp_port_desc_prop_oxm
export const OFP_PORT_DESC_PROP_OXM_SIZE = 4;

// struct ofp_port_desc_prop_recirculate
export const OFP_PORT_DESC_PROP_RECIRCULATE_SIZE = 4;

// enum ofp_header_type_namespaces
export const OFPHTN_ONF = 0;
export const OFPHTN_ETHERTYPE = 1;
export const OFPHTN_IP_PROTO = 2;
export const OFPHTN_UDP_TCP_PORT = 3;
export const OFPHTN_IPV4_OPTION = 4;

// enum ofp_header_type_onf
export const OFPHTO_ETHERNET = 0;
export const OFPHTO_NO_HEADER = 1;
export const OFPHTO_OXM_EXPERIMENTER = 0xffff;

// struct ofp_header_type
export const OFP_HEADER_TYPE_SIZE = 4;

// enum ofp_oxm_class
export const OFPXMC_PACKET_REGS = 0x8001;

// basic-class fields (field numbers and TLV headers)
export const OFPXMT_OFB_TCP_FLAGS = 42;
export const OXM_OF_TCP_FLAGS = oxm_tlv_header(OFPXMT_OFB_TCP_FLAGS, 2);
export const OXM_OF_TCP_FLAGS_W = oxm_tlv_header_w(OFPXMT_OFB_TCP_FLAGS, 2);
export const OFPXMT_OFB_ACTSET_OUTPUT = 43;
export const OXM_OF_ACTSET_OUTPUT = oxm_tlv_header(OFPXMT_OFB_ACTSET_OUTPUT, 4);
export const OXM_OF_ACTSET_OUTPUT_W = oxm_tlv_header_w(OFPXMT_OFB_ACTSET_OUTPUT, 4);
export const OFPXMT_OFB_PACKET_TYPE = 44;
export const OXM_OF_PACKET_TYPE = oxm_tlv_header(OFPXMT_OFB_PACKET_TYPE, 4);
export const OXM_OF_PACKET_TYPE_W = oxm_tlv_header_w(OFPXMT_OFB_PACKET_TYPE, 4);

// struct ofp_stats
export const OFP_STATS_SIZE = 8;

// enum ofp_oxs_class
export const OFPXSC_OPENFLOW_BASIC = 0x8002;
export const OFPXSC_EXPERIMENTER = 0xffff;

function _oxs_tlv_header(class_: number, field: number, reserved: number, length: number): number {
  return ((class_ << 16) | (field << 9) | (reserved << 8) | length) >>> 0;
}

/** OXS (flow statistics) TLV header of a basic-class stat field. */
export function oxs_tlv_header(field: number, length: number): number {
  return _oxs_tlv_header(OFPXSC_OPENFLOW_BASIC, field, 0, length);
}

export function oxs_tlv_header_extract_length(header: number): number {
  return header & 0xff;
}

// basic-class fields (field numbers and TLV headers)
export const OFPXST_OFB_DURATION = 0;
export const OXS_OF_DURATION = oxs_tlv_header(OFPXST_OFB_DURATION, 8);
export const OFPXST_OFB_IDLE_TIME = 1;
export const OXS_OF_IDLE_TIME = oxs_tlv_header(OFPXST_OFB_IDLE_TIME, 8);
export const OFPXST_OFB_FLOW_COUNT = 3;
export const OXS_OF_FLOW_COUNT = oxs_tlv_header(OFPXST_OFB_FLOW_COUNT, 4);
export const OFPXST_OFB_PACKET_COUNT = 4;
export const OXS_OF_PACKET_COUNT = oxs_tlv_header(OFPXST_OFB_PACKET_COUNT, 8);
export const OFPXST_OFB_BYTE_COUNT = 5;
export const OXS_OF_BYTE_COUNT = oxs_tlv_header(OFPXST_OFB_BYTE_COUNT, 8);

// enum ofp_action_type
export const OFPAT_COPY_FIELD = 28;
export const OFPAT_METER = 29;

// struct ofp_action_copy_field
export const OFP_ACTION_COPY_FIELD_SIZE = 12;

// struct ofp_action_meter
export const OFP_ACTION_METER_SIZE = 8;

// enum ofp_instruction_type
export const OFPIT_DEPRECATED = 6;
export const OFPIT_STAT_TRIGGER = 7;

// enum ofp_stat_trigger_flags
export const OFPSTF_PERIODIC = 1 << 0;
export const OFPSTF_ONLY_FIRST = 1 << 1;

// struct ofp_instruction_stat_trigger
export const OFP_INSTRUCTION_STAT_TRIGGER_PACK_SIZE = 16;

// enum ofp_group_mod_command
export const OFPGC_INSERT_BUCKET = 3;
export const OFPGC_REMOVE_BUCKET = 5;

// enum ofp_group_bucket_prop_type
export const OFPGBPT_WEIGHT = 0;
export const OFPGBPT_WATCH_PORT = 1;
export const OFPGBPT_WATCH_GROUP = 2;
export const OFPGBPT_EXPERIMENTER = 0xffff;

// struct ofp_group_bucket_prop_header
export const OFP_GROUP_BUCKET_PROP_HEADER_SIZE = 4;

// struct ofp_group_bucket_prop_weight
export const OFP_GROUP_BUCKET_PROP_WEIGHT_SIZE = 8;

// struct ofp_group_bucket_prop_watch
export const OFP_GROUP_BUCKET_PROP_WATCH_SIZE = 8;

// struct ofp_group_bucket_prop_experimenter
export const OFP_GROUP_BUCKET_PROP_EXPERIMENTER_SIZE = 12;

// struct ofp_bucket
export const OFP_BUCKET_SIZE = 8;

// enum ofp_group_bucket
export const OFPG_BUCKET_MAX = 0xffffff00;
export const OFPG_BUCKET_FIRST = 0xfffffffd;
export const OFPG_BUCKET_LAST = 0xfffffffe;
export const OFPG_BUCKET_ALL = 0xffffffff;

// enum ofp_group_prop_type
export const OFPGPT_EXPERIMENTER = 0xffff;

// struct ofp_group_prop_header
export const OFP_GROUP_PROP_HEADER_SIZE = 4;

// struct ofp_group_prop_experimenter
export const OFP_GROUP_PROP_EXPERIMENTER_SIZE = 12;

// struct ofp_group_mod
export const OFP_GROUP_MOD_SIZE = 24;

// struct ofp_packet_out
export const OFP_PACKET_OUT_0_SIZE = 16;

// struct ofp_flow_removed
export const OFP_FLOW_REMOVED_SIZE = 32;

// enum ofp_bad_request_code
export const OFPBRC_MULTIPART_BAD_SCHED = 16;
export const OFPBRC_PIPELINE_FIELDS_ONLY = 17;
export const OFPBRC_UNKNOWN = 18;

// enum ofp_bad_action_code
export const OFPBAC_BAD_SET_MASK = 16;
export const OFPBAC_BAD_METER = 17;

// enum ofp_flow_mod_failed_code
export const OFPFMFC_IS_SYNC = 10;

// enum ofp_group_mod_failed_code
export const OFPGMFC_UNKNOWN_BUCKET = 15;
export const OFPGMFC_BUCKET_EXISTS = 16;

// enum ofp_role_request_failed_code
export const OFPRRFC_ID_UNSUP = 3;
export const OFPRRFC_ID_IN_USE = 4;

// enum ofp_table_features_failed_code
export const OFPTFFC_BAD_CAP = 6;
export const OFPTFFC_BAD_MAX_ENT = 7;
export const OFPTFFC_BAD_FEATURES = 8;
export const OFPTFFC_BAD_COMMAND = 9;
export const OFPTFFC_TOO_MANY = 10;

// enum ofp_bundle_failed_code
export const OFPBFC_SCHED_NOT_SUPPORTED = 16;
export const OFPBFC_SCHED_FUTURE = 17;
export const OFPBFC_SCHED_PAST = 18;

// enum ofp_multipart_type
export const OFPMP_FLOW_DESC = 1;
export const OFPMP_AGGREGATE_STATS = 2;
export const OFPMP_TABLE_STATS = 3;
export const OFPMP_GROUP_STATS = 6;
export const OFPMP_METER_STATS = 9;
export const OFPMP_METER_DESC = 10;
export const OFPMP_FLOW_STATS = 17;
export const OFPMP_CONTROLLER_STATUS = 18;
export const OFPMP_BUNDLE_FEATURES = 19;

// struct ofp_flow_desc
export const OFP_FLOW_DESC_0_SIZE = 24;
export const OFP_FLOW_DESC_SIZE = 32;

// enum ofp_flow_stats_reason
export const OFPFSR_STATS_REQUEST = 0;
export const OFPFSR_STAT_TRIGGER = 1;

// struct ofp_flow_stats
export const OFP_FLOW_STATS_0_SIZE = 8;
export const OFP_FLOW_STATS_SIZE = 16;

// struct ofp_aggregate_stats_reply
export const OFP_AGGREGATE_STATS_REPLY_SIZE = OFP_STATS_SIZE;

// enum ofp_table_feature_prop_type
export const OFPTFPT_WRITE_COPYFIELD = 18;
export const OFPTFPT_WRITE_COPYFIELD_MISS = 19;
export const OFPTFPT_APPLY_COPYFIELD = 20;
export const OFPTFPT_APPLY_COPYFIELD_MISS = 21;
export const OFPTFPT_PACKET_TYPES = 22;

// struct ofp_table_feature_prop_oxm_values
export const OFP_TABLE_FEATURE_PROP_OXM_VALUES_SIZE = 4;

// enum ofp_table_feature_flag
export const OFPTFF_INGRESS_TABLE = 1 << 0;
export const OFPTFF_EGRESS_TABLE = 1 << 1;
export const OFPTFF_FIRST_EGRESS = 1 << 4;

// enum ofp_table_features_command
export const OFPTFC_REPLACE = 0;
export const OFPTFC_MODIFY = 1;
export const OFPTFC_ENABLE = 2;
export const OFPTFC_DISABLE = 3;

// struct ofp_port_multipart_request
export const OFP_PORT_MULTIPART_REQUEST_SIZE = 8;

// struct ofp_group_multipart_request
export const OFP_GROUP_MULTIPART_REQUEST_SIZE = 8;

// struct ofp_group_desc
export const OFP_GROUP_DESC_SIZE = 16;

// struct ofp_group_desc_stats
export const OFP_GROUP_DESC_STATS_SIZE = OFP_GROUP_DESC_SIZE;

// struct ofp_meter_desc
export const OFP_METER_DESC_SIZE = 8;

// enum ofp_meter_feature_flags
export const OFPMFF_ACTION_SET = 1 << 0;
export const OFPMFF_ANY_POSITION = 1 << 1;
export const OFPMFF_MULTI_LIST = 1 << 2;

// struct ofp_meter_features
export const OFP_METER_FEATURES_SIZE = 24;

// struct ofp_queue_multipart_request
export const OFP_QUEUE_MULTIPART_REQUEST_SIZE = 8;

// enum ofp_controller_status_prop_type
export const OFPCSPT_URI = 0;
export const OFPCSPT_EXPERIMENTER = 0xffff;

// struct ofp_controller_status_prop_header
export const OFP_CONTROLLER_STATUS_PROP_HEADER_SIZE = 4;

// struct ofp_controller_status_prop_uri
export const OFP_CONTROLLER_STATUS_PROP_URI_SIZE = 4;

// struct ofp_controller_status_prop_experimenter
export const OFP_CONTROLLER_STATUS_PROP_EXPERIMENTER_SIZE = 12;

// enum ofp_controller_status_reason
export const OFPCSR_REQUEST = 0;
export const OFPCSR_CHANNEL_STATUS = 1;
export const OFPCSR_ROLE = 2;
export const OFPCSR_CONTROLLER_ADDED = 3;
export const OFPCSR_CONTROLLER_REMOVED = 4;
export const OFPCSR_SHORT_ID = 5;
export const OFPCSR_EXPERIMENTER = 6;

// struct ofp_controller_status
export const OFP_CONTROLLER_STATUS_SIZE = 16;

// struct ofp_controller_status_header
export const OFP_CONTROLLER_STATUS_HEADER_SIZE = OFP_CONTROLLER_STATUS_SIZE + OFP_HEADER_SIZE;

// enum ofp_control_channel_status
export const OFPCT_STATUS_UP = 0;
export const OFPCT_STATUS_DOWN = 1;

// struct ofp_bundle_features_prop_header
export const OFP_BUNDLE_FEATURES_PROP_HEADER_SIZE = 4;

// struct ofp_bundle_features_request
export const OFP_BUNDLE_FEATURES_REQUEST_SIZE = 8;

// enum ofp_bundle_features_prop_type
export const OFPTMPBF_TIME_CAPABILITY = 0x1;
export const OFPTMPBF_EXPERIMENTER = 0xffff;

// struct ofp_time
export const OFP_TIME_SIZE = 16;

// struct ofp_bundle_features_prop_time
export const OFP_BUNDLE_FEATURES_PROP_TIME_0_SIZE = 8;
export const OFP_BUNDLE_FEATURES_PROP_TIME_SIZE = 72;

// enum ofp_bundle_feature_flags
export const OFPBF_TIMESTAMP = 1 << 0;
export const OFPBF_TIME_SET_SCHED = 1 << 1;

// struct ofp_bundle_features
export const OFP_BUNDLE_FEATURES_SIZE = 8;

export const OFPCID_UNDEFINED = 0;

// struct ofp_role_prop_header
export const OFP_ROLE_PROP_HEADER_SIZE = 4;

// enum ofp_async_config_prop_type
export const OFPACPT_FLOW_STATS_SLAVE = 12;
export const OFPACPT_FLOW_STATS_MASTER = 13;
export const OFPACPT_CONT_STATUS_SLAVE = 14;
export const OFPACPT_CONT_STATUS_MASTER = 15;

// enum ofp_bundle_prop_type
export const OFPBPT_TIME = 1;

// struct ofp_bundle_prop_time
export const OFP_BUNDLE_PROP_TIME_PACK_STR0_SIZE = 8;
export const OFP_BUNDLE_PROP_TIME_PACK_STR_SIZE = 24;

// enum ofp_bundle_flags
export const OFPBF_TIME = 1 << 2;

export const OFP_VERSION = 0x06;

export const {
  ofp_msg_type_to_str,
  ofp_error_type_to_str,
  ofp_error_code_to_str,
  ofp_error_to_jsondict,
} = generateUtils(self);
