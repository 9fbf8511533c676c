// Constants shared unchanged by OpenFlow 1.3, 1.4 and 1.5.

import { oxm_tlv_header, oxm_tlv_header_w } from './common.js';

// enum ofp_type
export const OFPT_MULTIPART_REQUEST = 18;
export const OFPT_MULTIPART_REPLY = 19;
export const OFPT_GET_ASYNC_REQUEST = 26;
export const OFPT_GET_ASYNC_REPLY = 27;
export const OFPT_SET_ASYNC = 28;
export const OFPT_METER_MOD = 29;

// enum ofp_action_type
export const OFPAT_PUSH_PBB = 26;
export const OFPAT_POP_PBB = 27;

// enum ofp_flow_mod_flags
export const OFPFF_NO_PKT_COUNTS = 1 << 3;
export const OFPFF_NO_BYT_COUNTS = 1 << 4;

// struct ofp_meter_mod
export const OFP_METER_MOD_SIZE = 16;

// enum ofp_meter
export const OFPM_MAX = 0xffff0000;
export const OFPM_SLOWPATH = 0xfffffffd;
export const OFPM_CONTROLLER = 0xfffffffe;
export const OFPM_ALL = 0xffffffff;

// enum ofp_meter_mod_command
export const OFPMC_ADD = 0;
export const OFPMC_MODIFY = 1;
export const OFPMC_DELETE = 2;

// enum ofp_meter_flags
export const OFPMF_KBPS = 1 << 0;
export const OFPMF_PKTPS = 1 << 1;
export const OFPMF_BURST = 1 << 2;
export const OFPMF_STATS = 1 << 3;

// struct ofp_meter_band_header
export const OFP_METER_BAND_HEADER_SIZE = 12;

// enum ofp_meter_band_type
export const OFPMBT_DROP = 1;
export const OFPMBT_DSCP_REMARK = 2;
export const OFPMBT_EXPERIMENTER = 0xffff;

// struct ofp_meter_band_drop
export const OFP_METER_BAND_DROP_SIZE = 16;

// struct ofp_meter_band_dscp_remark
export const OFP_METER_BAND_DSCP_REMARK_SIZE = 16;

// struct ofp_meter_band_experimenter
export const OFP_METER_BAND_EXPERIMENTER_SIZE = 16;

// struct ofp_multipart_request
export const OFP_MULTIPART_REQUEST_SIZE = 16;

// struct ofp_multipart_reply
export const OFP_MULTIPART_REPLY_SIZE = 16;

// enum ofp_multipart_reply_flags
export const OFPMPF_REPLY_MORE = 1 << 0;

// enum ofp_multipart_types
export const OFPMP_DESC = 0;
export const OFPMP_PORT_STATS = 4;
export const OFPMP_GROUP_DESC = 7;
export const OFPMP_GROUP_FEATURES = 8;
export const OFPMP_METER_FEATURES = 11;
export const OFPMP_TABLE_FEATURES = 12;
export const OFPMP_PORT_DESC = 13;
export const OFPMP_EXPERIMENTER = 0xffff;

// struct ofp_desc
export const OFP_DESC_SIZE = 1056;

// struct ofp_flow_stats_request
export const OFP_FLOW_STATS_REQUEST_0_SIZE = 32;

// struct ofp_table_stats
export const OFP_TABLE_STATS_SIZE = 24;

// struct ofp_table_features
export const OFP_TABLE_FEATURES_SIZE = 64;

// enum ofp_table_feature_prop_type
export const OFPTFPT_INSTRUCTIONS = 0;
export const OFPTFPT_INSTRUCTIONS_MISS = 1;
export const OFPTFPT_NEXT_TABLES = 2;
export const OFPTFPT_NEXT_TABLES_MISS = 3;
export const OFPTFPT_WRITE_ACTIONS = 4;
export const OFPTFPT_WRITE_ACTIONS_MISS = 5;
export const OFPTFPT_APPLY_ACTIONS = 6;
export const OFPTFPT_APPLY_ACTIONS_MISS = 7;
export const OFPTFPT_MATCH = 8;
export const OFPTFPT_WILDCARDS = 10;
export const OFPTFPT_WRITE_SETFIELD = 12;
export const OFPTFPT_WRITE_SETFIELD_MISS = 13;
export const OFPTFPT_APPLY_SETFIELD = 14;
export const OFPTFPT_APPLY_SETFIELD_MISS = 15;
export const OFPTFPT_EXPERIMENTER = 0xfffe;
export const OFPTFPT_EXPERIMENTER_MISS = 0xffff;

// struct ofp_table_feature_prop_instructions
export const OFP_TABLE_FEATURE_PROP_INSTRUCTIONS_SIZE = 4;

// struct ofp_table_feature_prop_actions
export const OFP_TABLE_FEATURE_PROP_ACTIONS_SIZE = 4;

// struct ofp_table_feature_prop_oxm
export const OFP_TABLE_FEATURE_PROP_OXM_SIZE = 4;

// struct ofp_group_stats
export const OFP_GROUP_STATS_SIZE = 40;

// struct ofp_group_features
export const OFP_GROUP_FEATURES_SIZE = 40;

// struct ofp_meter_multipart_request
export const OFP_METER_MULTIPART_REQUEST_SIZE = 8;

// struct ofp_meter_stats
export const OFP_METER_STATS_SIZE = 40;

// struct ofp_meter_band_stats
export const OFP_METER_BAND_STATS_SIZE = 16;

// struct ofp_experimenter_multipart_header
export const OFP_EXPERIMENTER_MULTIPART_HEADER_SIZE = 8;

// struct ofp_packet_in
export const OFP_PACKET_IN_SIZE = 32;

// enum ofp_error_type
export const OFPET_METER_MOD_FAILED = 12;
export const OFPET_TABLE_FEATURES_FAILED = 13;

// enum ofp_bad_request_code
export const OFPBRC_BAD_MULTIPART = 2;
export const OFPBRC_MULTIPART_BUFFER_OVERFLOW = 13;

// enum ofp_meter_mod_failed_code
export const OFPMMFC_UNKNOWN = 0;
export const OFPMMFC_METER_EXISTS = 1;
export const OFPMMFC_INVALID_METER = 2;
export const OFPMMFC_UNKNOWN_METER = 3;
export const OFPMMFC_BAD_COMMAND = 4;
export const OFPMMFC_BAD_FLAGS = 5;
export const OFPMMFC_BAD_RATE = 6;
export const OFPMMFC_BAD_BURST = 7;
export const OFPMMFC_BAD_BAND = 8;
export const OFPMMFC_BAD_BAND_VALUE = 9;
export const OFPMMFC_OUT_OF_METERS = 10;
export const OFPMMFC_OUT_OF_BANDS = 11;

// enum ofp_table_features_failed_code
export const OFPTFFC_BAD_TABLE = 0;
export const OFPTFFC_BAD_METADATA = 1;
export const OFPTFFC_EPERM = 5;

// struct ofp_hello
export const OFP_HELLO_HEADER_SIZE = 8;

// struct ofp_hello_elem_header
export const OFP_HELLO_ELEM_HEADER_SIZE = 4;

// enum ofp_hello_elem_type
export const OFPHET_VERSIONBITMAP = 1;

// struct ofp_hello_elem_versionbitmap
export const OFP_HELLO_ELEM_VERSIONBITMAP_HEADER_SIZE = 4;

// basic-class fields (field numbers and TLV headers)
export const OFPXMT_OFB_MPLS_BOS = 36;
export const OXM_OF_MPLS_BOS = oxm_tlv_header(OFPXMT_OFB_MPLS_BOS, 1);
export const OXM_OF_MPLS_BOS_W = oxm_tlv_header_w(OFPXMT_OFB_MPLS_BOS, 1);
export const OFPXMT_OFB_PBB_ISID = 37;
export const OXM_OF_PBB_ISID = oxm_tlv_header(OFPXMT_OFB_PBB_ISID, 3);
export const OXM_OF_PBB_ISID_W = oxm_tlv_header_w(OFPXMT_OFB_PBB_ISID, 3);
export const OFPXMT_OFB_TUNNEL_ID = 38;
export const OXM_OF_TUNNEL_ID = oxm_tlv_header(OFPXMT_OFB_TUNNEL_ID, 8);
export const OXM_OF_TUNNEL_ID_W = oxm_tlv_header_w(OFPXMT_OFB_TUNNEL_ID, 8);
export const OFPXMT_OFB_IPV6_EXTHDR = 39;
export const OXM_OF_IPV6_EXTHDR = oxm_tlv_header(OFPXMT_OFB_IPV6_EXTHDR, 2);
export const OXM_OF_IPV6_EXTHDR_W = oxm_tlv_header_w(OFPXMT_OFB_IPV6_EXTHDR, 2);

// struct ofp_prop_experimenter
export const OFP_PROP_EXPERIMENTER_SIZE = 12;
