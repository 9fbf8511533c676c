/**
 * OpenFlow 1.3+ multipart messages that are not about ports, groups, meters, queues or
 * table features: desc, flow, aggregate, table and experimenter.
 */
import type { Reader } from '../../wire/reader.js';
import { registerStruct } from '../ofproto_parser.js';
import { OFPMatch } from '../oxm_match.js';
import {
  dataField, defineStruct, listField, pad, selfLen, str, structElem, structField, u16, u32, u64, u8,
  type ElemCodec,
} from '../struct.js';
import { OFPMalformedMessage } from '../../wire/errors.js';
import { instructionElem } from './instructions.js';
import {
  mpReply, mpRequest, OFPExperimenterStatsRequestBase, OFPFlowStatsRequestBase, registerMultipartReply, registerMultipartRequest, singleBody,
} from './mp_common.js';

const OFPP_ANY = 0xffffffff;
const OFPG_ANY = 0xffffffff;
const OFPTT_ALL = 0xff;

/** ofp_desc. */
export class OFPDescStats extends defineStruct('OFPDescStats', {
  mfr_desc: str(256), hw_desc: str(256), sw_desc: str(256), serial_num: str(32), dp_desc: str(256),
}) {}
export class OFPDescStatsRequest extends mpRequest('OFPDescStatsRequest', [4], 0, {}) {}
export class OFPDescStatsReply extends mpReply('OFPDescStatsReply', [4], 0, singleBody(structElem(OFPDescStats), 'ofp_desc')) {}

/** ofp_flow_stats (OpenFlow 1.3). */
export class OFPFlowStats extends defineStruct('OFPFlowStats', {
  length: selfLen(), table_id: u8(), _pad1: pad(1), duration_sec: u32(), duration_nsec: u32(), priority: u16(),
  idle_timeout: u16(), hard_timeout: u16(), flags: u16(), _pad2: pad(4), cookie: u64(), packet_count: u64(), byte_count: u64(),
  match: structField(OFPMatch, () => new OFPMatch()), instructions: listField(instructionElem),
}) {}

/** ofp_flow_stats_request / ofp_aggregate_stats_request body (OpenFlow 1.3/1.4). */
const flowStatsRequestBody = () => ({
  table_id: u8(OFPTT_ALL), _pad2: pad(3), out_port: u32(OFPP_ANY), out_group: u32(OFPG_ANY), _pad3: pad(4),
  cookie: u64(), cookie_mask: u64(), match: structField(OFPMatch, () => new OFPMatch()),
});
export class OFPFlowStatsRequest extends mpRequest('OFPFlowStatsRequest', [4], 1, flowStatsRequestBody(), OFPFlowStatsRequestBase) {}
export class OFPFlowStatsReply extends mpReply('OFPFlowStatsReply', [4], 1, listField(structElem(OFPFlowStats))) {}

export class OFPAggregateStats extends defineStruct('OFPAggregateStats', {
  packet_count: u64(), byte_count: u64(), flow_count: u32(), _pad: pad(4),
}) {}
export class OFPAggregateStatsRequest extends mpRequest('OFPAggregateStatsRequest', [4], 2, flowStatsRequestBody(), OFPFlowStatsRequestBase) {}
export class OFPAggregateStatsReply extends mpReply('OFPAggregateStatsReply', [4], 2, singleBody(structElem(OFPAggregateStats), 'ofp_aggregate_stats_reply')) {}

/** ofp_table_stats (OpenFlow 1.3-1.5). */
export class OFPTableStats extends defineStruct('OFPTableStats', {
  table_id: u8(), _pad: pad(3), active_count: u32(), lookup_count: u64(), matched_count: u64(),
}) {}
export class OFPTableStatsRequest extends mpRequest('OFPTableStatsRequest', [4], 3, {}) {}
export class OFPTableStatsReply extends mpReply('OFPTableStatsReply', [4], 3, listField(structElem(OFPTableStats))) {}

/* ---------- experimenter ---------- */

/** ofp_experimenter_multipart_header + data. */
export class OFPExperimenterMultipart extends defineStruct('OFPExperimenterMultipart', {
  experimenter: u32(), exp_type: u32(), data: dataField(),
}) {}

/**
 * os-ken takes the rest of the message as the first entry's data, then (believing each entry
 * is 16 bytes long) parses another header every 16 bytes: a tail shorter than 8 bytes fails.
 */
const experimenterBody = singleBody<OFPExperimenterMultipart>({
  ...structElem(OFPExperimenterMultipart),
  decode(r: Reader) {
    const start = r.pos;
    const first = OFPExperimenterMultipart.decode(r);
    for (let off = start + 16; off < r.end; off += 16) {
      if (r.end - off < 8) throw new OFPMalformedMessage('ofp_experimenter_multipart_header', off, `${r.end - off} bytes left where os-ken parses another 8-byte header`);
    }
    r.pos = r.end;
    return first;
  },
} as ElemCodec<OFPExperimenterMultipart>, 'ofp_experimenter_multipart_header');

export class OFPExperimenterStatsRequest extends mpRequest('OFPExperimenterStatsRequest', [4], 0xffff, {
  experimenter: u32(), exp_type: u32(), data: dataField(),
}, OFPExperimenterStatsRequestBase) {}
export class OFPExperimenterStatsReply extends mpReply('OFPExperimenterStatsReply', [4], 0xffff, experimenterBody) {}

registerStruct([4], OFPDescStats);
registerStruct([4], OFPFlowStats);
registerStruct([4], OFPAggregateStats);
registerStruct([4], OFPTableStats);
registerStruct([4], OFPExperimenterMultipart);
registerMultipartRequest([4], 0, OFPDescStatsRequest);
registerMultipartReply([4], 0, OFPDescStatsReply);
registerMultipartRequest([4], 1, OFPFlowStatsRequest);
registerMultipartReply([4], 1, OFPFlowStatsReply);
registerMultipartRequest([4], 2, OFPAggregateStatsRequest);
registerMultipartReply([4], 2, OFPAggregateStatsReply);
registerMultipartRequest([4], 3, OFPTableStatsRequest);
registerMultipartReply([4], 3, OFPTableStatsReply);
registerMultipartReply([4], 0xffff, OFPExperimenterStatsReply);
