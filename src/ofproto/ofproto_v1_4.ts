// OpenFlow 1.4 protocol constants: the public numeric names of os-ken's
// os_ken.ofproto.ofproto_v1_4 module, with the same values.

import * as self from './ofproto_v1_4.js';
import { generateUtils } from './consts/utils.js';

export * from './consts/common.js';
export * from './consts/v1_2plus.js';
export * from './consts/v1_3plus.js';
export * from './consts/v1_4plus.js';
export {
  OFPIT_METER, OFPMP_AGGREGATE, OFPMP_FLOW, OFPMP_GROUP, OFPMP_METER, OFPMP_METER_CONFIG,
  OFPMP_TABLE, OFP_AGGREGATE_STATS_REPLY_SIZE, OFP_BUCKET_SIZE, OFP_DEFAULT_MISS_SEND_LEN,
  OFP_DEFAULT_PRIORITY, OFP_FLOW_PERMANENT, OFP_FLOW_REMOVED_SIZE, OFP_FLOW_STATS_0_SIZE,
  OFP_FLOW_STATS_SIZE, OFP_GROUP_DESC_SIZE, OFP_GROUP_DESC_STATS_SIZE, OFP_GROUP_MOD_SIZE,
  OFP_GROUP_STATS_REQUEST_SIZE, OFP_INSTRUCTION_METER_SIZE, OFP_METER_CONFIG_SIZE,
  OFP_METER_FEATURES_SIZE, OFP_PORT_MOD_SIZE, OFP_PORT_STATS_REQUEST_SIZE,
  OFP_QUEUE_STATS_REQUEST_SIZE,
} from './consts/mixed.js';

// struct ofp_queue_desc_request
export const OFP_QUEUE_DESC_REQUEST_SIZE = 8;

// enum ofp_async_config_prop_type
export const OFPTFPT_EXPERIMENTER_SLAVE = 0xfffe;
export const OFPTFPT_EXPERIMENTER_MASTER = 0xffff;

export const OFP_VERSION = 0x05;

export const {
  ofp_msg_type_to_str,
  ofp_error_type_to_str,
  ofp_error_code_to_str,
  ofp_error_to_jsondict,
} = generateUtils(self);
