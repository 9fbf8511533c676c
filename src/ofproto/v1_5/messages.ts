/**
 * OpenFlow 1.5 only: flow removed with OXS statistics, packet-out with a match, role
 * request/reply with short_id, the stat-trigger instruction, and the 1.5 additions to
 * port description and bundle properties.
 */
import {
  dataField, defineStruct, lenOf, listField, pad, selfLen, structField, typeConst, u16, u32, u64, u8,
} from '../struct.js';
import { defineMsg } from '../ofproto_parser.js';
import { OFPMatch } from '../oxm_match.js';
import { OFPStats } from '../oxs_fields.js';
import { actionElem } from '../v1_2plus/actions.js';
import { OFPInstruction, registerInstruction } from '../v1_2plus/instructions.js';
import { defineProp, scalarList } from '../v1_4plus/props.js';
import { oxmIdElem } from '../v1_4plus/oxm_id.js';
import { toPropLength } from '../v1_4plus/table.js';
import { OFPPortDescProp, portDescProps } from '../v1_4plus/port.js';
import { bundleProps, OFPBundleProp } from '../v1_4plus/bundle.js';
import { OFPTime, optionalStats } from './stats.js';
import { mpRequest } from '../v1_4plus/multipart.js';

const V15 = [6] as const;

export class OFPFlowRemoved extends defineMsg('OFPFlowRemoved', { versions: V15, type: 11 }, {
  table_id: u8(), reason: u8(), priority: u16(), idle_timeout: u16(), hard_timeout: u16(), cookie: u64(),
  match: structField(OFPMatch, () => new OFPMatch()), stats: optionalStats(),
}) {}

export class OFPPacketOut extends defineMsg('OFPPacketOut', { versions: V15, type: 13, osken: false }, {
  buffer_id: u32(0xffffffff), actions_len: lenOf('actions'), _pad: pad(2), match: structField(OFPMatch, () => new OFPMatch()),
  actions: listField(actionElem), data: dataField(),
}) {}

export class OFPRoleRequest extends defineMsg('OFPRoleRequest', { versions: V15, type: 24, osken: false }, {
  role: u32(), short_id: u16(), _pad: pad(2), generation_id: u64(),
}) {}
export class OFPRoleReply extends defineMsg('OFPRoleReply', { versions: V15, type: 25 }, {
  role: u32(), short_id: u16(), _pad: pad(2), generation_id: u64(),
}) {}

/** Statistics trigger instruction: flags and OXS thresholds. */
export class OFPInstructionStatTrigger extends defineStruct('OFPInstructionStatTrigger', {
  type: typeConst(7), len: selfLen(), flags: u32(), thresholds: structField(OFPStats, () => new OFPStats()),
}, OFPInstruction) {}
registerInstruction(V15, [7], OFPInstructionStatTrigger);

/* ---------- port description properties added in 1.5 ---------- */
export class OFPPortDescPropOxm extends defineProp('OFPPortDescPropOxm', 2, { oxm_ids: toPropLength(listField(oxmIdElem)) }, OFPPortDescProp) {}
export class OFPPortDescPropRecirculate extends defineProp('OFPPortDescPropRecirculate', 4, {
  port_nos: toPropLength(scalarList(4, 'ofp_port_desc_prop_recirculate')),
}, OFPPortDescProp) {}
portDescProps.register(V15, [2, 3], OFPPortDescPropOxm);
portDescProps.register(V15, [4], OFPPortDescPropRecirculate);

/* ---------- bundle time property ---------- */
export class OFPBundlePropTime extends defineProp('OFPBundlePropTime', 1, {
  _pad: pad(4), scheduled_time: structField(OFPTime, () => new OFPTime()),
}, OFPBundleProp) {}
bundleProps.register(V15, [1], OFPBundlePropTime);

/* ---------- port description request (1.5 adds port_no) ---------- */
export class OFPPortDescStatsRequest extends mpRequest('OFPPortDescStatsRequest', V15, 13, { port_no: u32(0xffffffff), _pad1: pad(4) }) {}
