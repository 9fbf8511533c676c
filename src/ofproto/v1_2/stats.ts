/**
 * OpenFlow 1.2 statistics: OFPStatsRequest subclasses (os-ken drops `type` from their JSON)
 * and the single OFPStatsReply whose body class follows the stats type.
 */
import type { Reader } from '../../wire/reader.js';
import { JsonDictError, OFPMalformedMessage } from '../../wire/errors.js';
import type { JsonValue } from '../../wire/json/json.js';
import { defineMsg, MsgBase, registerStruct } from '../ofproto_parser.js';
import { OFPMatch } from '../oxm_match.js';
import {
  defineStruct, listField, objFromJsonDict, OFPStruct, pad, selfLen, str, structElem, structField, typeConst, u16, u32, u64, u8,
  varField, type ElemCodec, type FieldSpec,
} from '../struct.js';
import { instructionElem } from '../v1_2plus/instructions.js';
import { OFPBucketCounter, OFPGroupDescStats } from '../v1_2plus/group.js';
import { constAttr, defineMpMsg, OFPT_MULTIPART_REPLY, OFPT_MULTIPART_REQUEST, registerMultipartReply, registerMultipartRequest, u32Array } from '../v1_2plus/mp_common.js';
import { OFPDescStats } from '../v1_2plus/multipart.js';

const OFPP_ANY = 0xffffffff;
const OFPG_ANY = 0xffffffff;
const OFPG_ALL = 0xfffffffc;
const OFPQ_ALL = 0xffffffff;
const OFPTT_ALL = 0xff;

type Spec = Record<string, FieldSpec<unknown, unknown>>;
/** Base of 1.2 stats requests (os-ken's OFPStatsRequest: `type` is not in their JSON). */
export abstract class OFPStatsRequest extends MsgBase {
  static override cls_msg_type = OFPT_MULTIPART_REQUEST;
}
function statsRequest<S extends Spec>(name: string, statsType: number, body: S) {
  return defineMpMsg(name, [3], OFPT_MULTIPART_REQUEST, { _type: typeConst(statsType), flags: u16(), _pad: pad(4), ...body }, OFPStatsRequest, false);
}

export class OFPDescStatsRequest extends statsRequest('OFPDescStatsRequest', 0, {}) {}
const flowBody = () => ({
  table_id: u8(OFPTT_ALL), _pad2: pad(3), out_port: u32(OFPP_ANY), out_group: u32(OFPG_ANY), _pad3: pad(4),
  cookie: u64(), cookie_mask: u64(), match: structField(OFPMatch, () => new OFPMatch()),
});
export class OFPFlowStatsRequest extends statsRequest('OFPFlowStatsRequest', 1, flowBody()) {}
export class OFPAggregateStatsRequest extends statsRequest('OFPAggregateStatsRequest', 2, flowBody()) {}
export class OFPTableStatsRequest extends statsRequest('OFPTableStatsRequest', 3, {}) {}
export class OFPPortStatsRequest extends statsRequest('OFPPortStatsRequest', 4, { port_no: u32(OFPP_ANY), _pad2: pad(4) }) {}
export class OFPQueueStatsRequest extends statsRequest('OFPQueueStatsRequest', 5, { port_no: u32(OFPP_ANY), queue_id: u32(OFPQ_ALL) }) {}
export class OFPGroupStatsRequest extends statsRequest('OFPGroupStatsRequest', 6, { group_id: u32(OFPG_ALL), _pad2: pad(4) }) {}
export class OFPGroupDescStatsRequest extends statsRequest('OFPGroupDescStatsRequest', 7, {}) {}
export class OFPGroupFeaturesStatsRequest extends statsRequest('OFPGroupFeaturesStatsRequest', 8, {}) {}

/* ---------- reply bodies (1.2 layouts) ---------- */

export class OFPFlowStats extends defineStruct('OFPFlowStats', {
  length: selfLen(), table_id: u8(), _pad1: pad(1), duration_sec: u32(), duration_nsec: u32(), priority: u16(),
  idle_timeout: u16(), hard_timeout: u16(), _pad2: pad(6), cookie: u64(), packet_count: u64(), byte_count: u64(),
  match: structField(OFPMatch, () => new OFPMatch()), instructions: listField(instructionElem),
}) {}
/** os-ken 1.2 names the aggregate body class OFPAggregateStatsReply. */
export class OFPAggregateStatsReply extends defineStruct('OFPAggregateStatsReply', {
  packet_count: u64(), byte_count: u64(), flow_count: u32(), _pad: pad(4),
}) {}
export class OFPTableStats extends defineStruct('OFPTableStats', {
  table_id: u8(), _pad: pad(7), name: str(32, 'utf-8'), match: u64(), wildcards: u64(), write_actions: u32(), apply_actions: u32(),
  write_setfields: u64(), apply_setfields: u64(), metadata_match: u64(), metadata_write: u64(), instructions: u32(), config: u32(),
  max_entries: u32(), active_count: u32(), lookup_count: u64(), matched_count: u64(),
}) {}
export class OFPPortStats extends defineStruct('OFPPortStats', {
  port_no: u32(), _pad: pad(4), rx_packets: u64(), tx_packets: u64(), rx_bytes: u64(), tx_bytes: u64(),
  rx_dropped: u64(), tx_dropped: u64(), rx_errors: u64(), tx_errors: u64(), rx_frame_err: u64(),
  rx_over_err: u64(), rx_crc_err: u64(), collisions: u64(),
}) {}
export class OFPQueueStats extends defineStruct('OFPQueueStats', {
  port_no: u32(), queue_id: u32(), tx_bytes: u64(), tx_packets: u64(), tx_errors: u64(),
}) {}
export class OFPGroupStats extends defineStruct('OFPGroupStats', {
  length: selfLen(), _pad1: pad(2), group_id: u32(), ref_count: u32(), _pad2: pad(4), packet_count: u64(), byte_count: u64(),
  bucket_counters: listField(structElem(OFPBucketCounter)),
}) {}
export class OFPGroupFeaturesStats extends defineStruct('OFPGroupFeaturesStats', {
  types: u32(), capabilities: u32(), max_groups: u32Array(4), actions: u32Array(4), length: constAttr(40),
}) {}

type BodyClass = { decode(r: Reader): OFPStruct; jsonName: string };
const BODIES = new Map<number, [BodyClass, boolean]>([
  [0, [OFPDescStats, true]], [1, [OFPFlowStats, false]], [2, [OFPAggregateStatsReply, true]], [3, [OFPTableStats, false]],
  [4, [OFPPortStats, false]], [5, [OFPQueueStats, false]], [6, [OFPGroupStats, false]], [7, [OFPGroupDescStats, false]],
  [8, [OFPGroupFeaturesStats, true]],
]);

const anyElem: ElemCodec<OFPStruct> = {
  decode: () => {
    throw new Error('unused');
  },
  encode: (w, v) => v.encodeTo(w),
  toJson: (v) => v.toJsonDict(),
  fromJson: (j, version) => objFromJsonDict(j, version),
};

/** The body of a 1.2 stats reply: a list, or one structure for desc/aggregate/group features. */
const statsBody: FieldSpec<OFPStruct | OFPStruct[] | null, OFPStruct | OFPStruct[] | null> = varField<OFPStruct | OFPStruct[] | null>(
  {
    decode(r, o) {
      const entry = BODIES.get(o.type as number);
      if (!entry) throw new OFPMalformedMessage('ofp_stats_reply', r.pos, `unknown stats type ${String(o.type)}`);
      const [cls, single] = entry;
      const out: OFPStruct[] = [];
      while (r.pos < r.end) {
        const before = r.pos;
        out.push(cls.decode(r));
        if (r.pos <= before) throw new OFPMalformedMessage('ofp_stats_reply', before, 'element of zero length');
      }
      if (single) {
        if (out.length === 0) throw new OFPMalformedMessage('ofp_stats_reply', r.pos, 'empty stats body');
        return out[0]!;
      }
      return out;
    },
    encode(w, v) {
      if (Array.isArray(v)) for (const x of v) x.encodeTo(w);
      else if (v) v.encodeTo(w);
    },
    toJson: (v) => (Array.isArray(v) ? v.map((x) => x.toJsonDict()) : v ? v.toJsonDict() : null),
    fromJson(j: JsonValue, version) {
      if (Array.isArray(j)) return j.map((x) => anyElem.fromJson(x, version));
      if (j === null) throw new JsonDictError('OFPStatsReply: missing body');
      return anyElem.fromJson(j, version);
    },
  },
  () => [],
);

export class OFPStatsReply extends defineMsg('OFPStatsReply', { versions: [3], type: OFPT_MULTIPART_REPLY, noTypeEntry: true }, {
  type: u16(), flags: u16(), _pad: pad(4), body: statsBody,
}) {}

for (const c of [OFPFlowStats, OFPAggregateStatsReply, OFPTableStats, OFPPortStats, OFPQueueStats, OFPGroupStats,
  OFPGroupFeaturesStats, OFPDescStats, OFPGroupDescStats, OFPBucketCounter]) registerStruct([3], c);
const requests: [number, unknown][] = [
  [0, OFPDescStatsRequest], [1, OFPFlowStatsRequest], [2, OFPAggregateStatsRequest], [3, OFPTableStatsRequest],
  [4, OFPPortStatsRequest], [5, OFPQueueStatsRequest], [6, OFPGroupStatsRequest], [7, OFPGroupDescStatsRequest],
  [8, OFPGroupFeaturesStatsRequest],
];
for (const [t, c] of requests) registerMultipartRequest([3], t, c);
for (const t of BODIES.keys()) registerMultipartReply([3], t, OFPStatsReply);
