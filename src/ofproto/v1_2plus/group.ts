/**
 * Groups: buckets and group mod (1.2-1.4 layout), and the 1.3 group stats,
 * group desc and group features multipart messages.
 */
import { defineMsg, registerStruct } from '../ofproto_parser.js';
import { defineStruct, listField, pad, selfLen, structElem, u16, u32, u64, u8 } from '../struct.js';
import { actionElem } from './actions.js';
import { mpReply, mpRequest, registerMultipartReply, registerMultipartRequest, singleBody, u32Array } from './mp_common.js';

const OFPP_ANY = 0xffffffff;
const OFPG_ANY = 0xffffffff;
const OFPG_ALL = 0xfffffffc;

/** ofp_bucket (OpenFlow 1.2-1.4): the length covers the actions, padded to 8. */
export class OFPBucket extends defineStruct('OFPBucket', {
  len: selfLen({ align: 8 }), weight: u16(), watch_port: u32(OFPP_ANY), watch_group: u32(OFPG_ANY), _pad: pad(4),
  actions: listField(actionElem),
}) {}
registerStruct([3, 4], OFPBucket);
export const bucketElem = structElem(OFPBucket);

export class OFPGroupMod extends defineMsg('OFPGroupMod', { versions: [3, 4], type: 15, osken: false }, {
  command: u16(), type: u8(), _pad: pad(1), group_id: u32(), buckets: listField(bucketElem),
}) {}

/* ---------- 1.3 multipart ---------- */

export class OFPBucketCounter extends defineStruct('OFPBucketCounter', { packet_count: u64(), byte_count: u64() }) {}
registerStruct([3, 4], OFPBucketCounter);

/** ofp_group_stats (OpenFlow 1.3). */
export class OFPGroupStats extends defineStruct('OFPGroupStats', {
  length: selfLen(), _pad1: pad(2), group_id: u32(), ref_count: u32(), _pad2: pad(4), packet_count: u64(), byte_count: u64(),
  duration_sec: u32(), duration_nsec: u32(), bucket_stats: listField(structElem(OFPBucketCounter)),
}) {}

/** ofp_group_desc_stats (OpenFlow 1.3/1.4). */
export class OFPGroupDescStats extends defineStruct('OFPGroupDescStats', {
  length: selfLen(), type: u8(), _pad: pad(1), group_id: u32(), buckets: listField(bucketElem),
}) {}

/** ofp_group_features (OpenFlow 1.3-1.5). */
export class OFPGroupFeaturesStats extends defineStruct('OFPGroupFeaturesStats', {
  types: u32(), capabilities: u32(), max_groups: u32Array(4), actions: u32Array(4),
}) {}

export class OFPGroupStatsRequest extends mpRequest('OFPGroupStatsRequest', [4], 6, { group_id: u32(OFPG_ALL), _pad2: pad(4) }) {}
export class OFPGroupStatsReply extends mpReply('OFPGroupStatsReply', [4], 6, listField(structElem(OFPGroupStats))) {}
export class OFPGroupDescStatsRequest extends mpRequest('OFPGroupDescStatsRequest', [4], 7, {}) {}
export class OFPGroupDescStatsReply extends mpReply('OFPGroupDescStatsReply', [4], 7, listField(structElem(OFPGroupDescStats))) {}
export class OFPGroupFeaturesStatsRequest extends mpRequest('OFPGroupFeaturesStatsRequest', [4], 8, {}) {}
export class OFPGroupFeaturesStatsReply extends mpReply(
  'OFPGroupFeaturesStatsReply', [4], 8, singleBody(structElem(OFPGroupFeaturesStats), 'ofp_group_features'),
) {}

registerStruct([4], OFPGroupStats);
registerStruct([4], OFPGroupDescStats);
registerStruct([4], OFPGroupFeaturesStats);
registerMultipartRequest([4], 6, OFPGroupStatsRequest);
registerMultipartReply([4], 6, OFPGroupStatsReply);
registerMultipartRequest([4], 7, OFPGroupDescStatsRequest);
registerMultipartReply([4], 7, OFPGroupDescStatsReply);
registerMultipartRequest([4], 8, OFPGroupFeaturesStatsRequest);
registerMultipartReply([4], 8, OFPGroupFeaturesStatsReply);
