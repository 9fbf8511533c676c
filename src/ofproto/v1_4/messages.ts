/**
 * OpenFlow 1.4 only (layouts that changed in 1.5): buckets and group mod/desc, flow and
 * aggregate statistics, meter statistics/config/features, table features, role request/reply.
 */
import { defineStruct, listField, pad, selfLen, structElem, structField, u16, u32, u64, u8 } from '../struct.js';
import { defineMsg, registerStruct } from '../ofproto_parser.js';
import { OFPMatch } from '../oxm_match.js';
import { actionElem } from '../v1_2plus/actions.js';
import { instructionElem } from '../v1_2plus/instructions.js';
import { OFPFlowStatsRequestBase, flowStatsRequestBody, listBody, mpReply, mpRequest, singleBody } from '../v1_4plus/multipart.js';
import { meterBandElem, OFPMeterBandStats } from '../v1_4plus/group_meter.js';
import { registerTableFeatures, tableFeatureProps } from '../v1_4plus/table.js';
import { strictStr } from '../v1_4plus/props.js';

const V14 = [5] as const;

/* ---------- groups ---------- */
export class OFPBucket extends defineStruct('OFPBucket', {
  len: selfLen({ align: 8 }), weight: u16(), watch_port: u32(0xffffffff), watch_group: u32(0xffffffff), _pad: pad(4),
  actions: listField(actionElem),
}) {}
registerStruct(V14, OFPBucket);

export class OFPGroupMod extends defineMsg('OFPGroupMod', { versions: V14, type: 15 }, {
  command: u16(0), type: u8(0), _pad: pad(1), group_id: u32(), buckets: listField(structElem(OFPBucket)),
}) {}

export class OFPGroupDescStats extends defineStruct('OFPGroupDescStats', {
  length: selfLen(), type: u8(), _pad: pad(1), group_id: u32(), buckets: listField(structElem(OFPBucket)),
}) {}
registerStruct(V14, OFPGroupDescStats);
export class OFPGroupDescStatsRequest extends mpRequest('OFPGroupDescStatsRequest', V14, 7, {}) {}
export class OFPGroupDescStatsReply extends mpReply('OFPGroupDescStatsReply', V14, 7, listBody(OFPGroupDescStats)) {}

/* ---------- flow and aggregate statistics ---------- */
export class OFPFlowStats extends defineStruct('OFPFlowStats', {
  length: selfLen(), table_id: u8(), _pad1: pad(1), duration_sec: u32(), duration_nsec: u32(), priority: u16(),
  idle_timeout: u16(), hard_timeout: u16(), flags: u16(), importance: u16(), _pad2: pad(2), cookie: u64(),
  packet_count: u64(), byte_count: u64(), match: structField(OFPMatch, () => new OFPMatch()), instructions: listField(instructionElem),
}) {}
registerStruct(V14, OFPFlowStats);
export class OFPFlowStatsRequest extends mpRequest('OFPFlowStatsRequest', V14, 1, flowStatsRequestBody(), OFPFlowStatsRequestBase) {}
export class OFPFlowStatsReply extends mpReply('OFPFlowStatsReply', V14, 1, listBody(OFPFlowStats)) {}

export class OFPAggregateStats extends defineStruct('OFPAggregateStats', {
  packet_count: u64(), byte_count: u64(), flow_count: u32(), _pad: pad(4),
}) {}
registerStruct(V14, OFPAggregateStats);
export class OFPAggregateStatsRequest extends mpRequest('OFPAggregateStatsRequest', V14, 2, flowStatsRequestBody(), OFPFlowStatsRequestBase) {}
export class OFPAggregateStatsReply extends mpReply('OFPAggregateStatsReply', V14, 2, singleBody(OFPAggregateStats)) {}

/* ---------- meters ---------- */
export class OFPMeterStats extends defineStruct('OFPMeterStats', {
  meter_id: u32(), len: selfLen(), _pad: pad(6), flow_count: u32(), packet_in_count: u64(), byte_in_count: u64(),
  duration_sec: u32(), duration_nsec: u32(), band_stats: listField(structElem(OFPMeterBandStats)),
}) {}
registerStruct(V14, OFPMeterStats);
export class OFPMeterStatsReply extends mpReply('OFPMeterStatsReply', V14, 9, listBody(OFPMeterStats)) {}

export class OFPMeterConfigStats extends defineStruct('OFPMeterConfigStats', {
  length: selfLen(), flags: u16(), meter_id: u32(), bands: listField(meterBandElem),
}) {}
registerStruct(V14, OFPMeterConfigStats);
export class OFPMeterConfigStatsRequest extends mpRequest('OFPMeterConfigStatsRequest', V14, 10, { meter_id: u32(0xffffffff), _pad1: pad(4) }) {}
export class OFPMeterConfigStatsReply extends mpReply('OFPMeterConfigStatsReply', V14, 10, listBody(OFPMeterConfigStats)) {}

export class OFPMeterFeaturesStats extends defineStruct('OFPMeterFeaturesStats', {
  max_meter: u32(), band_types: u32(), capabilities: u32(), max_bands: u8(), max_color: u8(), _pad: pad(2),
}) {}
registerStruct(V14, OFPMeterFeaturesStats);
export class OFPMeterFeaturesStatsReply extends mpReply('OFPMeterFeaturesStatsReply', V14, 11, listBody(OFPMeterFeaturesStats)) {}

/* ---------- table features ---------- */
export class OFPTableFeaturesStats extends defineStruct('OFPTableFeaturesStats', {
  length: selfLen(), table_id: u8(), _pad: pad(5), name: strictStr(32, 'utf-8'), metadata_match: u64(), metadata_write: u64(),
  config: u32(), max_entries: u32(), properties: tableFeatureProps.list(),
}) {}
registerTableFeatures(5, OFPTableFeaturesStats);

/* ---------- role ---------- */
export class OFPRoleRequest extends defineMsg('OFPRoleRequest', { versions: V14, type: 24, osken: false }, {
  role: u32(), _pad: pad(4), generation_id: u64(),
}) {}
export class OFPRoleReply extends defineMsg('OFPRoleReply', { versions: V14, type: 25 }, {
  role: u32(), _pad: pad(4), generation_id: u64(),
}) {}

/* ---------- port description request ---------- */
export class OFPPortDescStatsRequest extends mpRequest('OFPPortDescStatsRequest', V14, 13, {}) {}
