/** Queues in OpenFlow 1.4/1.5: queue description and queue statistics multiparts, with properties. */
import { defineStruct, pad, selfLen, u16, u32, u64 } from '../struct.js';
import { registerStruct } from '../ofproto_parser.js';
import { defineExpProp, defineProp, OFPPropBase, PropFamily, V14_15 } from './props.js';
import { listBody, mpReply, mpRequest } from './multipart.js';

/* ---------- queue description ---------- */
export const queueDescProps = new PropFamily('ofp_queue_desc_prop');
/** os-ken's OFPQueueDescProp: base of these properties. */
export abstract class OFPQueueDescProp extends OFPPropBase {}
export class OFPQueueDescPropMinRate extends defineProp('OFPQueueDescPropMinRate', 1, { rate: u16(), _pad: pad(2) }, OFPQueueDescProp) {}
export class OFPQueueDescPropMaxRate extends defineProp('OFPQueueDescPropMaxRate', 2, { rate: u16(), _pad: pad(2) }, OFPQueueDescProp) {}
export class OFPQueueDescPropExperimenter extends defineExpProp('OFPQueueDescPropExperimenter') {}
queueDescProps.register(V14_15, [1], OFPQueueDescPropMinRate);
queueDescProps.register(V14_15, [2], OFPQueueDescPropMaxRate);
queueDescProps.register(V14_15, [0xffff], OFPQueueDescPropExperimenter);

export class OFPQueueDesc extends defineStruct('OFPQueueDesc', {
  port_no: u32(), queue_id: u32(), len: selfLen(), _pad: pad(6), properties: queueDescProps.list(),
}) {}
registerStruct(V14_15, OFPQueueDesc);

export class OFPQueueDescStatsRequest extends mpRequest('OFPQueueDescStatsRequest', V14_15, 15, {
  port_no: u32(0xffffffff), queue_id: u32(0xffffffff),
}) {}
export class OFPQueueDescStatsReply extends mpReply('OFPQueueDescStatsReply', V14_15, 15, listBody(OFPQueueDesc)) {}

/* ---------- queue statistics ---------- */
export const queueStatsProps = new PropFamily('ofp_queue_stats_prop');
/** os-ken's OFPQueueStatsProp: base of these properties. */
export abstract class OFPQueueStatsProp extends OFPPropBase {}
export class OFPQueueStatsPropExperimenter extends defineExpProp('OFPQueueStatsPropExperimenter') {}
queueStatsProps.register(V14_15, [0xffff], OFPQueueStatsPropExperimenter);

export class OFPQueueStats extends defineStruct('OFPQueueStats', {
  length: selfLen(), _pad: pad(6), port_no: u32(), queue_id: u32(), tx_bytes: u64(), tx_packets: u64(), tx_errors: u64(),
  duration_sec: u32(), duration_nsec: u32(), properties: queueStatsProps.list(),
}) {}
registerStruct(V14_15, OFPQueueStats);

export class OFPQueueStatsRequest extends mpRequest('OFPQueueStatsRequest', V14_15, 5, {
  port_no: u32(0xffffffff), queue_id: u32(0xffffffff),
}) {}
export class OFPQueueStatsReply extends mpReply('OFPQueueStatsReply', V14_15, 5, listBody(OFPQueueStats)) {}
