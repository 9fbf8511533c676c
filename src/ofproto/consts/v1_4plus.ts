// Constants shared unchanged by OpenFlow 1.4 and 1.5.

import { oxm_tlv_header, oxm_tlv_header_w } from './common.js';
export { OFP_SSL_PORT, OFP_TCP_PORT } from '../ofproto_common.js';

// enum ofp_type
export const OFPT_ROLE_STATUS = 30;
export const OFPT_TABLE_STATUS = 31;
export const OFPT_REQUESTFORWARD = 32;
export const OFPT_BUNDLE_CONTROL = 33;
export const OFPT_BUNDLE_ADD_MESSAGE = 34;

// enum ofp_table_config
export const OFPTC_DEPRECATED_MASK = 3;
export const OFPTC_EVICTION = 1 << 2;
export const OFPTC_VACANCY_EVENTS = 1 << 3;

// enum ofp_table_mod_prop_type
export const OFPTMPT_EVICTION = 0x2;
export const OFPTMPT_VACANCY = 0x3;
export const OFPTMPT_EXPERIMENTER = 0xffff;

// enum ofp_table_mod_prop_eviction_flag
export const OFPTMPEF_OTHER = 1 << 0;
export const OFPTMPEF_IMPORTANCE = 1 << 1;
export const OFPTMPEF_LIFETIME = 1 << 2;

// struct ofp_table_mod_prop_eviction
export const OFP_TABLE_MOD_PROP_EVICTION_SIZE = 8;

// struct ofp_table_mod_prop_vacancy
export const OFP_TABLE_MOD_PROP_VACANCY_SIZE = 8;

// struct ofp_table_mod_prop_experimenter
export const OFP_TABLE_MOD_PROP_EXPERIMENTER_SIZE = 12;

// enum ofp_port_desc_prop_type
export const OFPPDPT_ETHERNET = 0;
export const OFPPDPT_OPTICAL = 1;
export const OFPPDPT_EXPERIMENTER = 0xffff;

// struct ofp_port_desc_prop_ethernet
export const OFP_PORT_DESC_PROP_ETHERNET_SIZE = 32;

// enum ofp_optical_port_features
export const OFPOPF_RX_TUNE = 1 << 0;
export const OFPOPF_TX_TUNE = 1 << 1;
export const OFPOPF_TX_PWR = 1 << 2;
export const OFPOPF_USE_FREQ = 1 << 3;

// struct ofp_port_desc_prop_optical
export const OFP_PORT_DESC_PROP_OPTICAL_SIZE = 40;

// struct ofp_port_desc_prop_experimenter
export const OFP_PORT_DESC_PROP_EXPERIMENTER_SIZE = 12;

// struct ofp_port
export const OFP_PORT_SIZE = 40;

// struct ofp_port_status
export const OFP_PORT_STATUS_SIZE = 56;

// enum ofp_port_mod_prop_type
export const OFPPMPT_ETHERNET = 0;
export const OFPPMPT_OPTICAL = 1;
export const OFPPMPT_EXPERIMENTER = 0xffff;

// struct ofp_port_mod_prop_ethernet
export const OFP_PORT_MOD_PROP_ETHERNET_SIZE = 8;

// struct ofp_port_mod_prop_optical
export const OFP_PORT_MOD_PROP_OPTICAL_SIZE = 24;

// struct ofp_port_mod_prop_experimenter
export const OFP_PORT_MOD_PROP_EXPERIMENTER_SIZE = 12;

// basic-class fields (field numbers and TLV headers)
export const OFPXMT_OFB_PBB_UCA = 41;
export const OXM_OF_PBB_UCA = oxm_tlv_header(OFPXMT_OFB_PBB_UCA, 1);
export const OXM_OF_PBB_UCA_W = oxm_tlv_header_w(OFPXMT_OFB_PBB_UCA, 1);

// struct ofp_action_generic
export const OFP_ACTION_GENERIC_SIZE = 8;

// struct ofp_instruction_experimenter_header
export const OFP_INSTRUCTION_EXPERIMENTER_HEADER_SIZE = 8;

// enum ofp_packet_in_reason
export const OFPR_TABLE_MISS = 0;
export const OFPR_APPLY_ACTION = 1;
export const OFPR_ACTION_SET = 3;
export const OFPR_GROUP = 4;
export const OFPR_PACKET_OUT = 5;

// enum ofp_flow_removed_reason
export const OFPRR_METER_DELETE = 4;
export const OFPRR_EVICTION = 5;

// enum ofp_error_type
export const OFPET_BAD_PROPERTY = 14;
export const OFPET_ASYNC_CONFIG_FAILED = 15;
export const OFPET_FLOW_MONITOR_FAILED = 16;
export const OFPET_BUNDLE_FAILED = 17;

// enum ofp_bad_request_code
export const OFPBRC_MULTIPART_REQUEST_TIMEOUT = 14;
export const OFPBRC_MULTIPART_REPLY_TIMEOUT = 15;

// enum ofp_bad_instruction_code
export const OFPBIC_DUP_INST = 9;

// enum ofp_flow_mod_failed_code
export const OFPFMFC_CANT_SYNC = 8;
export const OFPFMFC_BAD_PRIORITY = 9;

// enum ofp_bad_property_code
export const OFPBPC_BAD_TYPE = 0;
export const OFPBPC_BAD_LEN = 1;
export const OFPBPC_BAD_VALUE = 2;
export const OFPBPC_TOO_MANY = 3;
export const OFPBPC_DUP_TYPE = 4;
export const OFPBPC_BAD_EXPERIMENTER = 5;
export const OFPBPC_BAD_EXP_TYPE = 6;
export const OFPBPC_BAD_EXP_VALUE = 7;
export const OFPBPC_EPERM = 8;

// enum ofp_async_config_failed_code
export const OFPACFC_INVALID = 0;
export const OFPACFC_UNSUPPORTED = 1;
export const OFPACFC_EPERM = 2;

// enum ofp_flow_monitor_failed_code
export const OFPMOFC_UNKNOWN = 0;
export const OFPMOFC_MONITOR_EXISTS = 1;
export const OFPMOFC_INVALID_MONITOR = 2;
export const OFPMOFC_UNKNOWN_MONITOR = 3;
export const OFPMOFC_BAD_COMMAND = 4;
export const OFPMOFC_BAD_FLAGS = 5;
export const OFPMOFC_BAD_TABLE_ID = 6;
export const OFPMOFC_BAD_OUT = 7;

// enum ofp_bundle_failed_code
export const OFPBFC_UNKNOWN = 0;
export const OFPBFC_EPERM = 1;
export const OFPBFC_BAD_ID = 2;
export const OFPBFC_BUNDLE_EXIST = 3;
export const OFPBFC_BUNDLE_CLOSED = 4;
export const OFPBFC_OUT_OF_BUNDLES = 5;
export const OFPBFC_BAD_TYPE = 6;
export const OFPBFC_BAD_FLAGS = 7;
export const OFPBFC_MSG_BAD_LEN = 8;
export const OFPBFC_MSG_BAD_XID = 9;
export const OFPBFC_MSG_UNSUP = 10;
export const OFPBFC_MSG_CONFLICT = 11;
export const OFPBFC_MSG_TOO_MANY = 12;
export const OFPBFC_MSG_FAILED = 13;
export const OFPBFC_TIMEOUT = 14;
export const OFPBFC_BUNDLE_IN_PROGRESS = 15;

// enum ofp_multipart_type
export const OFPMP_QUEUE_STATS = 5;
export const OFPMP_TABLE_DESC = 14;
export const OFPMP_QUEUE_DESC = 15;
export const OFPMP_FLOW_MONITOR = 16;

// enum ofp_table_feature_prop_type
export const OFPTFPT_TABLE_SYNC_FROM = 16;

// struct ofp_instruction_id
export const OFP_INSTRUCTION_ID_SIZE = 4;

// struct ofp_table_feature_prop_experimenter
export const OFP_TABLE_FEATURE_PROP_EXPERIMENTER_SIZE = 12;

// struct ofp_table_desc
export const OFP_TABLE_DESC_SIZE = 8;

// enum ofp_port_stats_prop_type
export const OFPPSPT_ETHERNET = 0;
export const OFPPSPT_OPTICAL = 1;
export const OFPPSPT_EXPERIMENTER = 0xffff;

// struct ofp_port_stats_prop_ethernet
export const OFP_PORT_STATS_PROP_ETHERNET_SIZE = 40;

// struct ofp_port_stats_prop_optical
export const OFP_PORT_STATS_PROP_OPTICAL_SIZE = 44;

// enum ofp_port_stats_optical_flags
export const OFPOSF_RX_TUNE = 1 << 0;
export const OFPOSF_TX_TUNE = 1 << 1;
export const OFPOSF_TX_PWR = 1 << 2;
export const OFPOSF_RX_PWR = 1 << 4;
export const OFPOSF_TX_BIAS = 1 << 5;
export const OFPOSF_TX_TEMP = 1 << 6;

// struct ofp_port_stats_prop_experimenter
export const OFP_PORT_STATS_PROP_EXPERIMENTER_SIZE = 12;

// struct ofp_port_stats
export const OFP_PORT_STATS_SIZE = 80;

export const OFPQ_MIN_RATE_UNCFG = 0xffff;
export const OFPQ_MAX_RATE_UNCFG = 0xffff;

// enum ofp_queue_desc_prop_type
export const OFPQDPT_MIN_RATE = 1;
export const OFPQDPT_MAX_RATE = 2;
export const OFPQDPT_EXPERIMENTER = 0xffff;

// struct ofp_queue_desc_prop_min_rate
export const OFP_QUEUE_DESC_PROP_MIN_RATE_SIZE = 8;

// ofp_queue_desc_prop_max_rate
export const OFP_QUEUE_DESC_PROP_MAX_RATE_SIZE = 8;

// struct ofp_queue_desc_prop_experimenter
export const OFP_QUEUE_DESC_PROP_EXPERIMENTER_SIZE = 12;

// struct ofp_queue_desc
export const OFP_QUEUE_DESC_SIZE = 16;

// enum ofp_queue_stats_prop_type
export const OFPQSPT_EXPERIMENTER = 0xffff;

// struct ofp_queue_stats_prop_experimenter
export const OFP_QUEUE_STATS_PROP_EXPERIMENTER_SIZE = 12;

// struct ofp_queue_stats
export const OFP_QUEUE_STATS_SIZE = 48;

// struct ofp_flow_monitor_request
export const OFP_FLOW_MONITOR_REQUEST_0_SIZE = 16;
export const OFP_FLOW_MONITOR_REQUEST_SIZE = 24;

// enum ofp_flow_monitor_command
export const OFPFMC_ADD = 0;
export const OFPFMC_MODIFY = 1;
export const OFPFMC_DELETE = 2;

// enum ofp_flow_monitor_flags
export const OFPFMF_INITIAL = 1 << 0;
export const OFPFMF_ADD = 1 << 1;
export const OFPFMF_REMOVED = 1 << 2;
export const OFPFMF_MODIFY = 1 << 3;
export const OFPFMF_INSTRUCTIONS = 1 << 4;
export const OFPFMF_NO_ABBREV = 1 << 5;
export const OFPFMF_ONLY_OWN = 1 << 6;

// struct ofp_flow_update_header
export const OFP_FLOW_UPDATE_HEADER_SIZE = 4;

// enum ofp_flow_update_event
export const OFPFME_INITIAL = 0;
export const OFPFME_ADDED = 1;
export const OFPFME_REMOVED = 2;
export const OFPFME_MODIFIED = 3;
export const OFPFME_ABBREV = 4;
export const OFPFME_PAUSED = 5;
export const OFPFME_RESUMED = 6;

// struct ofp_flow_update_full
export const OFP_FLOW_UPDATE_FULL_0_SIZE = 24;
export const OFP_FLOW_UPDATE_FULL_SIZE = 32;

// struct ofp_flow_update_abbrev
export const OFP_FLOW_UPDATE_ABBREV_SIZE = 8;

// struct ofp_flow_update_paused
export const OFP_FLOW_UPDATE_PAUSED_SIZE = 8;

// struct ofp_experimenter_structure
export const OFP_EXPERIMENTER_STRUCTURE_SIZE = 8;

// enum ofp_role_prop_type
export const OFPRPT_EXPERIMENTER = 0xffff;

// struct ofp_role_prop_experimenter
export const OFP_ROLE_PROP_EXPERIMENTER_SIZE = 12;

// enum ofp_controller_role_reason
export const OFPCRR_MASTER_REQUEST = 0;
export const OFPCRR_CONFIG = 1;
export const OFPCRR_EXPERIMENTER = 2;

// struct ofp_role_status
export const OFP_ROLE_STATUS_SIZE = 24;

// enum ofp_async_config_prop_type
export const OFPACPT_PACKET_IN_SLAVE = 0;
export const OFPACPT_PACKET_IN_MASTER = 1;
export const OFPACPT_PORT_STATUS_SLAVE = 2;
export const OFPACPT_PORT_STATUS_MASTER = 3;
export const OFPACPT_FLOW_REMOVED_SLAVE = 4;
export const OFPACPT_FLOW_REMOVED_MASTER = 5;
export const OFPACPT_ROLE_STATUS_SLAVE = 6;
export const OFPACPT_ROLE_STATUS_MASTER = 7;
export const OFPACPT_TABLE_STATUS_SLAVE = 8;
export const OFPACPT_TABLE_STATUS_MASTER = 9;
export const OFPACPT_REQUESTFORWARD_SLAVE = 10;
export const OFPACPT_REQUESTFORWARD_MASTER = 11;
export const OFPACPT_EXPERIMENTER_SLAVE = 0xfffe;
export const OFPACPT_EXPERIMENTER_MASTER = 0xffff;

// struct ofp_async_config_prop_reasons
export const OFP_ASYNC_CONFIG_PROP_REASONS_SIZE = 8;

// struct ofp_async_config_prop_experimenter
export const OFP_ASYNC_CONFIG_PROP_EXPERIMENTER_SIZE = 12;

// enum ofp_table_reason
export const OFPTR_VACANCY_DOWN = 3;
export const OFPTR_VACANCY_UP = 4;

// struct ofp_table_status
export const OFP_TABLE_STATUS_0_SIZE = 16;
export const OFP_TABLE_STATUS_SIZE = 24;

// enum ofp_requestforward_reason
export const OFPRFR_GROUP_MOD = 0;
export const OFPRFR_METER_MOD = 1;

// enum ofp_bundle_prop_type
export const OFPBPT_EXPERIMENTER = 0xffff;

// struct ofp_bundle_prop_experimenter
export const OFP_BUNDLE_PROP_EXPERIMENTER_SIZE = 12;

// enum ofp_bundle_ctrl_type
export const OFPBCT_OPEN_REQUEST = 0;
export const OFPBCT_OPEN_REPLY = 1;
export const OFPBCT_CLOSE_REQUEST = 2;
export const OFPBCT_CLOSE_REPLY = 3;
export const OFPBCT_COMMIT_REQUEST = 4;
export const OFPBCT_COMMIT_REPLY = 5;
export const OFPBCT_DISCARD_REQUEST = 6;
export const OFPBCT_DISCARD_REPLY = 7;

// enum ofp_bundle_flags
export const OFPBF_ATOMIC = 1 << 0;
export const OFPBF_ORDERED = 1 << 1;

// struct ofp_bundle_ctrl_msg
export const OFP_BUNDLE_CTRL_MSG_SIZE = 16;

// struct ofp_bundle_add_msg
export const OFP_BUNDLE_ADD_MSG_SIZE = 24;
