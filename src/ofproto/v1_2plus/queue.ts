/**
 * Queues for OpenFlow 1.2/1.3: queue properties, ofp_packet_queue, queue get config
 * request/reply (1.4 replaced them with queue desc), and the 1.3 queue stats messages.
 */
import type { Reader } from '../../wire/reader.js';
import { OFPMalformedMessage } from '../../wire/errors.js';
import { defineMsg, registerStruct } from '../ofproto_parser.js';
import { defineStruct, listField, OFPStruct, pad, polyElem, selfLen, structElem, typeConst, u16, u32, u64, type ElemCodec } from '../struct.js';
import { intListField, mpReply, mpRequest, registerMultipartReply, registerMultipartRequest } from './mp_common.js';

const OFPP_ANY = 0xffffffff;
const OFPQ_ALL = 0xffffffff;

/** Base of queue properties (os-ken's OFPQueueProp). */
export abstract class OFPQueueProp extends OFPStruct {}

export class OFPQueuePropMinRate extends defineStruct('OFPQueuePropMinRate', {
  property: typeConst(1), len: selfLen(), _pad: pad(4), rate: u16(), _pad2: pad(6),
}, OFPQueueProp) {}
export class OFPQueuePropMaxRate extends defineStruct('OFPQueuePropMaxRate', {
  property: typeConst(2), len: selfLen(), _pad: pad(4), rate: u16(), _pad2: pad(6),
}, OFPQueueProp) {}
/** OpenFlow 1.3: experimenter queue property, data shown as a list of bytes. */
export class OFPQueuePropExperimenter extends defineStruct('OFPQueuePropExperimenter', {
  property: typeConst(0xffff), len: selfLen(), _pad: pad(4), experimenter: u32(), _pad2: pad(4),
  data: intListField(1, 'ofp_queue_prop_experimenter'),
}, OFPQueueProp) {}

const PROPS = new Map<number, Map<number, { decode(r: Reader): OFPQueueProp }>>([
  [3, new Map<number, { decode(r: Reader): OFPQueueProp }>([[1, OFPQueuePropMinRate], [2, OFPQueuePropMaxRate]])],
  [4, new Map<number, { decode(r: Reader): OFPQueueProp }>([[1, OFPQueuePropMinRate], [2, OFPQueuePropMaxRate], [0xffff, OFPQueuePropExperimenter]])],
]);

export const queuePropElem: ElemCodec<OFPQueueProp> = polyElem<OFPQueueProp>((r) => {
  r.need(4, 'ofp_queue_prop_header');
  const type = r.view.getUint16(r.pos);
  const cls = PROPS.get(r.version)?.get(type);
  // os-ken 1.2 fails on an unknown property; 1.3 loops forever on it
  if (!cls) throw new OFPMalformedMessage('ofp_queue_prop_header', r.pos, `unknown queue property ${type}`);
  return cls;
});

export class OFPPacketQueue extends defineStruct('OFPPacketQueue', {
  queue_id: u32(), port: u32(), len: selfLen(), _pad: pad(6), properties: listField(queuePropElem),
}) {}

export class OFPQueueGetConfigRequest extends defineMsg('OFPQueueGetConfigRequest', { versions: [3, 4], type: 22, osken: false }, {
  port: u32(), _pad: pad(4),
}) {}
export class OFPQueueGetConfigReply extends defineMsg('OFPQueueGetConfigReply', { versions: [3, 4], type: 23 }, {
  port: u32(), _pad: pad(4), queues: listField(structElem(OFPPacketQueue)),
}) {}

registerStruct([3, 4], OFPQueuePropMinRate);
registerStruct([3, 4], OFPQueuePropMaxRate);
registerStruct([4], OFPQueuePropExperimenter);
registerStruct([3, 4], OFPPacketQueue);

/* ---------- 1.3 multipart ---------- */

/** ofp_queue_stats (OpenFlow 1.3). */
export class OFPQueueStats extends defineStruct('OFPQueueStats', {
  port_no: u32(), queue_id: u32(), tx_bytes: u64(), tx_packets: u64(), tx_errors: u64(), duration_sec: u32(), duration_nsec: u32(),
}) {}
export class OFPQueueStatsRequest extends mpRequest('OFPQueueStatsRequest', [4], 5, { port_no: u32(OFPP_ANY), queue_id: u32(OFPQ_ALL) }) {}
export class OFPQueueStatsReply extends mpReply('OFPQueueStatsReply', [4], 5, listField(structElem(OFPQueueStats))) {}
registerStruct([4], OFPQueueStats);
registerMultipartRequest([4], 5, OFPQueueStatsRequest);
registerMultipartReply([4], 5, OFPQueueStatsReply);
