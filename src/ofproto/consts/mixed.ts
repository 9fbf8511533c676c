// Constants shared by an irregular set of versions (e.g. 1.2-1.4, or 1.0 and
// 1.4-1.5). Version modules re-export the names they have explicitly.

// in OpenFlow 1.0, 1.2, 1.3 and 1.4
export const OFP_QUEUE_STATS_REQUEST_SIZE = 8;

// in OpenFlow 1.0, 1.3, 1.4 and 1.5
export const OFP_DEFAULT_PRIORITY = 0x8000;

// in OpenFlow 1.0, 1.4 and 1.5
export const OFP_DEFAULT_MISS_SEND_LEN = 128;
export const OFP_PORT_MOD_SIZE = 32;
export const OFP_FLOW_PERMANENT = 0;

// in OpenFlow 1.2, 1.3 and 1.4
export const OFP_GROUP_MOD_SIZE = 16;
export const OFP_BUCKET_SIZE = 16;
export const OFP_FLOW_STATS_SIZE = 56;
export const OFP_AGGREGATE_STATS_REPLY_SIZE = 24;
export const OFP_PORT_STATS_REQUEST_SIZE = 8;
export const OFP_GROUP_STATS_REQUEST_SIZE = 8;
export const OFP_GROUP_DESC_STATS_SIZE = 8;
export const OFP_FLOW_REMOVED_SIZE = 56;

// in OpenFlow 1.3 and 1.4
export const OFPIT_METER = 6;
export const OFP_INSTRUCTION_METER_SIZE = 8;
export const OFPMP_FLOW = 1;
export const OFPMP_AGGREGATE = 2;
export const OFPMP_TABLE = 3;
export const OFPMP_GROUP = 6;
export const OFPMP_METER = 9;
export const OFPMP_METER_CONFIG = 10;
export const OFP_FLOW_STATS_0_SIZE = 48;
export const OFP_GROUP_DESC_SIZE = 8;
export const OFP_METER_CONFIG_SIZE = 8;
export const OFP_METER_FEATURES_SIZE = 16;
