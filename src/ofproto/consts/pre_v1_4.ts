// Constants shared by two or three of OpenFlow 1.0, 1.2 and 1.3 but by no later
// version. Version modules re-export the names they have explicitly.

// in OpenFlow 1.0, 1.2 and 1.3
export const OFPQT_MIN_RATE = 1;
export const OFP_QUEUE_PROP_HEADER_SIZE = 8;
export const OFP_QUEUE_PROP_MIN_RATE_SIZE = 16;
export const OFP_QUEUE_GET_CONFIG_REPLY_SIZE = 16;
export const OFPR_NO_MATCH = 0;
export const OFPR_ACTION = 1;
export const OFP_TCP_PORT = 6633;

// in OpenFlow 1.0 and 1.2
export const OFPSF_REPLY_MORE = 1 << 0;
export const OFPST_DESC = 0;
export const OFPST_FLOW = 1;
export const OFPST_AGGREGATE = 2;
export const OFPST_TABLE = 3;
export const OFPST_PORT = 4;
export const OFPST_QUEUE = 5;
export const OFP_PORT_STATS_SIZE = 104;
export const OFP_QUEUE_STATS_SIZE = 32;
export const OFPBRC_BAD_STAT = 2;

// in OpenFlow 1.2 and 1.3
export const OFPT_QUEUE_GET_CONFIG_REQUEST = 22;
export const OFPT_QUEUE_GET_CONFIG_REPLY = 23;
export const OFP_PORT_SIZE = 64;
export const OFP_PACKET_QUEUE_SIZE = 16;
export const OFPQT_MAX_RATE = 2;
export const OFPQT_EXPERIMENTER = 0xffff;
export const OFP_QUEUE_PROP_MAX_RATE_SIZE = 16;
export const OFP_QUEUE_PROP_EXPERIMENTER_SIZE = 16;
export const OFP_OXM_EXPERIMENTER_HEADER_SIZE = 8;
export const OFP_PORT_MOD_SIZE = 40;
export const OFP_QUEUE_GET_CONFIG_REQUEST_SIZE = 16;
export const OFP_PORT_STATUS_SIZE = 80;
export const OFPQCFC_EPERM = 2;
