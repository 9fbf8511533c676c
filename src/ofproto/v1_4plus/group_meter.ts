/**
 * Groups and meters in OpenFlow 1.4/1.5, the parts whose layout is the same in both:
 * group statistics and features, meter bands, meter mod, meter band statistics.
 * (Buckets, group mod, group desc and meter stats/config/features differ: see v1_4/ and v1_5/.)
 */
import type { Reader } from '../../wire/reader.js';
import { OFPMalformedMessage } from '../../wire/errors.js';
import {
  defineStruct, listField, OFPStruct, pad, polyElem, registerClass, selfLen, structElem, typeConst, u16, u32, u64, u8,
  type ElemCodec,
} from '../struct.js';
import { defineMsg, registerStruct } from '../ofproto_parser.js';
import { u32Array, V14_15 } from './props.js';
import { OFPMeterBandHeader } from '../v1_2plus/meter.js';
import { listBody, mpReply, mpRequest, singleBody } from './multipart.js';

/* ---------- group statistics ---------- */
export class OFPBucketCounter extends defineStruct('OFPBucketCounter', { packet_count: u64(), byte_count: u64() }) {}
export class OFPGroupStats extends defineStruct('OFPGroupStats', {
  length: selfLen(), _pad1: pad(2), group_id: u32(), ref_count: u32(), _pad2: pad(4), packet_count: u64(), byte_count: u64(),
  duration_sec: u32(), duration_nsec: u32(), bucket_stats: listField(structElem(OFPBucketCounter)),
}) {}
registerStruct(V14_15, OFPBucketCounter);
registerStruct(V14_15, OFPGroupStats);
export class OFPGroupStatsRequest extends mpRequest('OFPGroupStatsRequest', V14_15, 6, { group_id: u32(0xfffffffc), _pad1: pad(4) }) {}
export class OFPGroupStatsReply extends mpReply('OFPGroupStatsReply', V14_15, 6, listBody(OFPGroupStats)) {}

/* ---------- group features ---------- */
export class OFPGroupFeaturesStats extends defineStruct('OFPGroupFeaturesStats', {
  types: u32(), capabilities: u32(), max_groups: u32Array(4), actions: u32Array(4),
}) {}
registerStruct(V14_15, OFPGroupFeaturesStats);
export class OFPGroupFeaturesStatsRequest extends mpRequest('OFPGroupFeaturesStatsRequest', V14_15, 8, {}) {}
export class OFPGroupFeaturesStatsReply extends mpReply('OFPGroupFeaturesStatsReply', V14_15, 8, singleBody(OFPGroupFeaturesStats)) {}

/* ---------- meter bands ---------- */
export { OFPMeterBandHeader, OFPMeterBandHeader as OFPMeterBand };
export class OFPMeterBandDrop extends defineStruct('OFPMeterBandDrop', {
  type: typeConst(1), len: selfLen(), rate: u32(), burst_size: u32(), _pad: pad(4),
}, OFPMeterBandHeader) {}
export class OFPMeterBandDscpRemark extends defineStruct('OFPMeterBandDscpRemark', {
  type: typeConst(2), len: selfLen(), rate: u32(), burst_size: u32(), prec_level: u8(), _pad: pad(3),
}, OFPMeterBandHeader) {}
export class OFPMeterBandExperimenter extends defineStruct('OFPMeterBandExperimenter', {
  type: typeConst(0xffff), len: selfLen(), rate: u32(), burst_size: u32(), experimenter: u32(),
}, OFPMeterBandHeader) {}
const BANDS = new Map<number, { decode(r: Reader): OFPStruct; jsonName: string }>([
  [1, OFPMeterBandDrop], [2, OFPMeterBandDscpRemark], [0xffff, OFPMeterBandExperimenter],
]);
for (const c of BANDS.values()) registerClass(V14_15, c as never);
export const meterBandElem: ElemCodec<OFPStruct> = polyElem<OFPStruct>((r) => {
  r.need(4, 'ofp_meter_band');
  const t = r.view.getUint16(r.pos);
  const len = r.view.getUint16(r.pos + 2);
  const cls = BANDS.get(t);
  if (!cls) throw new OFPMalformedMessage('ofp_meter_band', r.pos, `unknown meter band type ${t}`);
  // os-ken asserts each band's length
  if (len !== 16) throw new OFPMalformedMessage('ofp_meter_band', r.pos, `meter band length ${len} != 16`);
  return cls;
});

export class OFPMeterMod extends defineMsg('OFPMeterMod', { versions: V14_15, type: 29 }, {
  command: u16(0), flags: u16(1), meter_id: u32(1), bands: listField(meterBandElem),
}) {}

/* ---------- meter statistics ---------- */
export class OFPMeterBandStats extends defineStruct('OFPMeterBandStats', { packet_band_count: u64(), byte_band_count: u64() }) {}
registerStruct(V14_15, OFPMeterBandStats);
export class OFPMeterStatsRequest extends mpRequest('OFPMeterStatsRequest', V14_15, 9, { meter_id: u32(0xffffffff), _pad1: pad(4) }) {}
export class OFPMeterFeaturesStatsRequest extends mpRequest('OFPMeterFeaturesStatsRequest', V14_15, 11, {}) {}
