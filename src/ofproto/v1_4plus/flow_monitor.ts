/** Flow monitoring in OpenFlow 1.4/1.5: the flow monitor request and the flow update reply bodies. */
import type { Reader } from '../../wire/reader.js';
import { OFPMalformedMessage } from '../../wire/errors.js';
import { defineStruct, listField, OFPStruct, pad, polyElem, registerClass, selfLen, structField, u16, u32, u64, u8 } from '../struct.js';
import { OFPMatch } from '../oxm_match.js';
import { instructionElem } from '../v1_2plus/instructions.js';
import { V14_15 } from './props.js';
import { mpReply, mpRequest, OFPMultipartRequest } from './multipart.js';

/** os-ken's OFPFlowUpdate and OFPFlowUpdateHeader: bases of the flow update bodies. */
export abstract class OFPFlowUpdate extends OFPStruct {}
export abstract class OFPFlowUpdateHeader extends OFPFlowUpdate {}
/** os-ken's OFPFlowMonitorRequestBase. */
export abstract class OFPFlowMonitorRequestBase extends OFPMultipartRequest {}
export class OFPFlowUpdateFull extends defineStruct('OFPFlowUpdateFull', {
  length: selfLen(), event: u16(0), table_id: u8(), reason: u8(), idle_timeout: u16(), hard_timeout: u16(), priority: u16(),
  _pad: pad(4), cookie: u64(), match: structField(OFPMatch, () => new OFPMatch()), instructions: listField(instructionElem),
}, OFPFlowUpdateHeader) {}
export class OFPFlowUpdateAbbrev extends defineStruct('OFPFlowUpdateAbbrev', {
  length: selfLen(), event: u16(4), xid: u32(),
}, OFPFlowUpdateHeader) {}
export class OFPFlowUpdatePaused extends defineStruct('OFPFlowUpdatePaused', {
  length: selfLen(), event: u16(5), _pad: pad(4),
}, OFPFlowUpdateHeader) {}
/**
 * os-ken registers full updates for events 0-3 and paused for 5-6, but each class keeps only the
 * last registered event and its parser asserts it: only INITIAL (0), ABBREV (4) and PAUSED (5) parse.
 */
const EVENTS = new Map<number, { decode(r: Reader): OFPStruct; jsonName: string }>([
  [0, OFPFlowUpdateFull], [4, OFPFlowUpdateAbbrev], [5, OFPFlowUpdatePaused],
]);
for (const c of new Set(EVENTS.values())) registerClass(V14_15, c as never);
const flowUpdateElem = polyElem<OFPStruct>((r) => {
  r.need(4, 'ofp_flow_update');
  const ev = r.view.getUint16(r.pos + 2);
  const cls = EVENTS.get(ev);
  if (!cls) throw new OFPMalformedMessage('ofp_flow_update', r.pos, `unknown flow update event ${ev}`);
  return cls;
});

export class OFPFlowMonitorRequest extends mpRequest('OFPFlowMonitorRequest', V14_15, 16, {
  monitor_id: u32(), out_port: u32(0xffffffff), out_group: u32(0xffffffff), monitor_flags: u16(), table_id: u8(0xff),
  command: u8(0), match: structField(OFPMatch, () => new OFPMatch()),
}, OFPFlowMonitorRequestBase) {}
export class OFPFlowMonitorReply extends mpReply('OFPFlowMonitorReply', V14_15, 16, { body: listField(flowUpdateElem) }) {}
