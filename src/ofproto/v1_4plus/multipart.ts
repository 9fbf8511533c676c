/**
 * Multipart requests and replies of OpenFlow 1.4/1.5: the framework (ofp_multipart_request /
 * ofp_multipart_reply dispatched on the multipart type, per version; 1.2/1.3 have their own
 * table in v1_2plus/mp_common) and the bodies whose layout is the same in both versions
 * (desc, table stats, experimenter).
 */
import type { Reader } from '../../wire/reader.js';
import {
  dataField, defineStruct, listField, pad, structElem, structField, typeConst, u16, u32, u64, u8,
  type FieldSpec, type OFPStruct,
} from '../struct.js';
import { OFPUnsupportedType } from '../../wire/errors.js';
import { MsgBase, registerMsgType } from '../ofproto_parser.js';
import {
  defineMpMsg, OFPExperimenterStatsRequestBase, OFPFlowStatsRequestBase, OFPMultipartReply, OFPMultipartRequest,
} from '../v1_2plus/mp_common.js';

export { OFPExperimenterStatsRequestBase, OFPFlowStatsRequestBase, OFPMultipartReply, OFPMultipartRequest };
type MsgBaseClass = abstract new (init?: Record<string, unknown>) => MsgBase;
import { OFPMatch } from '../oxm_match.js';
import { strictStr, V14_15 } from './props.js';


export const OFPT_MULTIPART_REQUEST = 18;
export const OFPT_MULTIPART_REPLY = 19;

type SpecMap = Record<string, FieldSpec<unknown, unknown>>;
const REQUESTS = new Map<number, Map<number, typeof MsgBase>>();
const REPLIES = new Map<number, Map<number, typeof MsgBase>>();

function put(table: Map<number, Map<number, typeof MsgBase>>, versions: readonly number[], mpType: number, cls: unknown): void {
  for (const v of versions) {
    let m = table.get(v);
    if (!m) table.set(v, (m = new Map()));
    m.set(mpType, cls as typeof MsgBase);
  }
}

function picker(table: Map<number, Map<number, typeof MsgBase>>, what: string) {
  return (r: Reader): typeof MsgBase => {
    r.need(4, what);
    const t = r.view.getUint16(r.pos);
    const cls = table.get(r.version)?.get(t);
    if (!cls) throw new OFPUnsupportedType(r.version, `${what} type`, t);
    return cls;
  };
}
registerMsgType(V14_15, OFPT_MULTIPART_REQUEST, picker(REQUESTS, 'multipart request'), false);
registerMsgType(V14_15, OFPT_MULTIPART_REPLY, picker(REPLIES, 'multipart reply'));

/**
 * Define a multipart request class in the 1.4/1.5 multipart table;
 * os-ken has no parser for requests: they decode only through the full API.
 */
export function mpRequest<B extends SpecMap, Base extends MsgBaseClass = typeof OFPMultipartRequest>(
  name: string, versions: readonly number[], mpType: number, body: B, base?: Base,
) {
  const C = defineMpMsg(name, versions, OFPT_MULTIPART_REQUEST, {
    type: typeConst(mpType), flags: u16(), _pad0: pad(4), ...body,
  }, (base ?? OFPMultipartRequest) as Base, false);
  put(REQUESTS, versions, mpType, C);
  return C;
}

/** Define a multipart reply class (body: a list of structures or a single structure). */
export function mpReply<B extends SpecMap>(name: string, versions: readonly number[], mpType: number, body: B) {
  const C = defineMpMsg(name, versions, OFPT_MULTIPART_REPLY, {
    type: typeConst(mpType), flags: u16(), _pad0: pad(4), ...body,
  }, OFPMultipartReply, true);
  put(REPLIES, versions, mpType, C);
  return C;
}

/** A list body of one structure class. */
export function listBody<T extends OFPStruct>(cls: { decode(r: Reader): T; fromJsonDict(b: import('../../wire/json/json.js').JsonObject, v?: number): T; jsonName: string }) {
  return { body: listField(structElem(cls)) };
}
/** A single-structure body (os-ken's body_single_struct). */
export function singleBody<T extends OFPStruct>(cls: { new (): T; fromJsonDict(b: import('../../wire/json/json.js').JsonObject, v?: number): T; jsonName: string }) {
  return { body: structField(cls, () => new cls()) };
}


/* ---------- desc ---------- */
export class OFPDescStats extends defineStruct('OFPDescStats', {
  mfr_desc: strictStr(256, 'ascii'), hw_desc: strictStr(256, 'ascii'), sw_desc: strictStr(256, 'ascii'), serial_num: strictStr(32, 'ascii'),
  dp_desc: strictStr(256, 'ascii'),
}) {}
export class OFPDescStatsRequest extends mpRequest('OFPDescStatsRequest', V14_15, 0, {}) {}
export class OFPDescStatsReply extends mpReply('OFPDescStatsReply', V14_15, 0, singleBody(OFPDescStats)) {}

/* ---------- flow stats request fields (1.4 flow/aggregate, 1.5 flow desc/stats/aggregate) ---------- */
export const flowStatsRequestBody = () => ({
  table_id: u8(0xff), _pad1: pad(3), out_port: u32(0xffffffff), out_group: u32(0xffffffff), _pad2: pad(4),
  cookie: u64(), cookie_mask: u64(), match: structField(OFPMatch, () => new OFPMatch()),
});

/* ---------- table stats ---------- */
export class OFPTableStats extends defineStruct('OFPTableStats', {
  table_id: u8(), _pad: pad(3), active_count: u32(), lookup_count: u64(), matched_count: u64(),
}) {}
export class OFPTableStatsRequest extends mpRequest('OFPTableStatsRequest', V14_15, 3, {}) {}
export class OFPTableStatsReply extends mpReply('OFPTableStatsReply', V14_15, 3, listBody(OFPTableStats)) {}

/* ---------- experimenter ---------- */
export class OFPExperimenterMultipart extends defineStruct('OFPExperimenterMultipart', {
  experimenter: u32(), exp_type: u32(), data: dataField(),
}) {}
export class OFPExperimenterStatsRequest extends mpRequest('OFPExperimenterStatsRequest', V14_15, 0xffff, {
  experimenter: u32(), exp_type: u32(), data: dataField(),
}, OFPExperimenterStatsRequestBase) {}
export class OFPExperimenterStatsReply extends mpReply('OFPExperimenterStatsReply', V14_15, 0xffff, singleBody(OFPExperimenterMultipart)) {}

import { registerStruct } from '../ofproto_parser.js';
registerStruct(V14_15, OFPDescStats);
registerStruct(V14_15, OFPTableStats);
registerStruct(V14_15, OFPExperimenterMultipart);

export { MsgBase };
