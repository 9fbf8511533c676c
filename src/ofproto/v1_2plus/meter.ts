/**
 * Meters (OpenFlow 1.3+): meter bands, meter mod, and the meter stats / config /
 * features multipart messages.
 */
import type { Reader } from '../../wire/reader.js';
import { OFPMalformedMessage } from '../../wire/errors.js';
import { defineMsg, registerStruct } from '../ofproto_parser.js';
import { defineStruct, listField, OFPStruct, pad, polyElem, selfLen, structElem, typeConst, u16, u32, u64, u8, type ElemCodec } from '../struct.js';
import { mpReply, mpRequest, registerMultipartReply, registerMultipartRequest } from './mp_common.js';

const OFPM_ALL = 0xffffffff;

/** Base of meter bands (os-ken's OFPMeterBandHeader). */
export abstract class OFPMeterBandHeader extends OFPStruct {}

export class OFPMeterBandDrop extends defineStruct('OFPMeterBandDrop', {
  type: typeConst(1), len: selfLen(), rate: u32(), burst_size: u32(), _pad: pad(4),
}, OFPMeterBandHeader) {}
export class OFPMeterBandDscpRemark extends defineStruct('OFPMeterBandDscpRemark', {
  type: typeConst(2), len: selfLen(), rate: u32(), burst_size: u32(), prec_level: u8(), _pad: pad(3),
}, OFPMeterBandHeader) {}
export class OFPMeterBandExperimenter extends defineStruct('OFPMeterBandExperimenter', {
  type: typeConst(0xffff), len: selfLen(), rate: u32(), burst_size: u32(), experimenter: u32(),
}, OFPMeterBandHeader) {}

const BANDS = new Map<number, { decode(r: Reader): OFPMeterBandHeader }>([
  [1, OFPMeterBandDrop], [2, OFPMeterBandDscpRemark], [0xffff, OFPMeterBandExperimenter],
]);

/** Meter bands: os-ken knows three types, each exactly 16 bytes long. */
export const meterBandElem: ElemCodec<OFPMeterBandHeader> = polyElem<OFPMeterBandHeader>((r) => {
  r.need(4, 'ofp_meter_band');
  const type = r.view.getUint16(r.pos);
  const len = r.view.getUint16(r.pos + 2);
  const cls = BANDS.get(type);
  if (!cls) throw new OFPMalformedMessage('ofp_meter_band', r.pos, `unknown meter band type ${type}`);
  if (len !== 16) throw new OFPMalformedMessage('ofp_meter_band', r.pos, `meter band length ${len} != 16`);
  return cls;
});
registerStruct([4], OFPMeterBandDrop);
registerStruct([4], OFPMeterBandDscpRemark);
registerStruct([4], OFPMeterBandExperimenter);

export class OFPMeterMod extends defineMsg('OFPMeterMod', { versions: [4], type: 29, osken: false }, {
  command: u16(0), flags: u16(1), meter_id: u32(1), bands: listField(meterBandElem),
}) {}

/* ---------- multipart ---------- */

export class OFPMeterBandStats extends defineStruct('OFPMeterBandStats', { packet_band_count: u64(), byte_band_count: u64() }) {}

/** ofp_meter_stats (OpenFlow 1.3/1.4). */
export class OFPMeterStats extends defineStruct('OFPMeterStats', {
  meter_id: u32(), len: selfLen(), _pad: pad(6), flow_count: u32(), packet_in_count: u64(), byte_in_count: u64(),
  duration_sec: u32(), duration_nsec: u32(), band_stats: listField(structElem(OFPMeterBandStats)),
}) {}

/** ofp_meter_config (OpenFlow 1.3/1.4). */
export class OFPMeterConfigStats extends defineStruct('OFPMeterConfigStats', {
  length: selfLen(), flags: u16(), meter_id: u32(), bands: listField(meterBandElem),
}) {}

/** ofp_meter_features (OpenFlow 1.3/1.4). */
export class OFPMeterFeaturesStats extends defineStruct('OFPMeterFeaturesStats', {
  max_meter: u32(), band_types: u32(), capabilities: u32(), max_bands: u8(), max_color: u8(), _pad: pad(2),
}) {}

export class OFPMeterStatsRequest extends mpRequest('OFPMeterStatsRequest', [4], 9, { meter_id: u32(OFPM_ALL), _pad2: pad(4) }) {}
export class OFPMeterStatsReply extends mpReply('OFPMeterStatsReply', [4], 9, listField(structElem(OFPMeterStats))) {}
export class OFPMeterConfigStatsRequest extends mpRequest('OFPMeterConfigStatsRequest', [4], 10, { meter_id: u32(OFPM_ALL), _pad2: pad(4) }) {}
export class OFPMeterConfigStatsReply extends mpReply('OFPMeterConfigStatsReply', [4], 10, listField(structElem(OFPMeterConfigStats))) {}
export class OFPMeterFeaturesStatsRequest extends mpRequest('OFPMeterFeaturesStatsRequest', [4], 11, {}) {}
export class OFPMeterFeaturesStatsReply extends mpReply('OFPMeterFeaturesStatsReply', [4], 11, listField(structElem(OFPMeterFeaturesStats))) {}

registerStruct([4], OFPMeterBandStats);
registerStruct([4], OFPMeterStats);
registerStruct([4], OFPMeterConfigStats);
registerStruct([4], OFPMeterFeaturesStats);
registerMultipartRequest([4], 9, OFPMeterStatsRequest);
registerMultipartReply([4], 9, OFPMeterStatsReply);
registerMultipartRequest([4], 10, OFPMeterConfigStatsRequest);
registerMultipartReply([4], 10, OFPMeterConfigStatsReply);
registerMultipartRequest([4], 11, OFPMeterFeaturesStatsRequest);
registerMultipartReply([4], 11, OFPMeterFeaturesStatsReply);
