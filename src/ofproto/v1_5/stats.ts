/**
 * OpenFlow 1.5 only: statistics with OXS (flow desc, flow stats, aggregate), meter
 * statistics/description/features, table features, controller status, bundle features.
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError, OFPMalformedMessage } from '../../wire/errors.js';
import type { JsonObject } from '../../wire/json/json.js';
import {
  defineStruct, Layout, listField, OFPStruct, pad, registerClass, selfLen, structElem, structField, u16, u32, u64, u8,
  varField, type ElemCodec, type FieldSpec,
} from '../struct.js';
import { defineMsg, registerStruct } from '../ofproto_parser.js';
import { OFPMatch } from '../oxm_match.js';
import { oxmFromJsonDict, oxmParse, oxmSerialize, oxmTable, oxmToJsonDict, type MatchValue } from '../oxm_fields.js';
import { OFPStats } from '../oxs_fields.js';
import { instructionElem } from '../v1_2plus/instructions.js';
import { OFPFlowStatsRequestBase, flowStatsRequestBody, listBody, mpReply, mpRequest, singleBody } from '../v1_4plus/multipart.js';
import { meterBandElem, OFPMeterBandStats } from '../v1_4plus/group_meter.js';
import { OFPTableFeatureProp, registerTableFeatures, tableFeatureProps, toPropLength } from '../v1_4plus/table.js';
import { defineExpProp, defineProp, OFPPropBase, PropFamily, strictStr } from '../v1_4plus/props.js';

export const V15 = [6] as const;
registerClass(V15, OFPStats as never);

/** ofp_stats that may be absent (nothing left in the bound): os-ken shows null. */
export function optionalStats(): FieldSpec<OFPStats | null, OFPStats | null> {
  return varField<OFPStats | null>(
    {
      decode(r: Reader) {
        if (r.pos >= r.end) return null;
        return OFPStats.decode(r);
      },
      encode(w: Writer, v: OFPStats | null) {
        if (v) v.encodeTo(w);
      },
      toJson: (v) => (v ? v.toJsonDict() : null),
      fromJson: (j) => {
        if (j === null) return null;
        const b = (j as JsonObject).OFPStats;
        if (b === undefined) throw new JsonDictError('expected {"OFPStats": ...}');
        return OFPStats.fromJsonDict(b as JsonObject);
      },
    },
    null,
  );
}
export const statsField = () => structField(OFPStats, () => new OFPStats());

/* ---------- flow desc / flow stats / aggregate ---------- */
export class OFPFlowDesc extends defineStruct('OFPFlowDesc', {
  length: selfLen(), _pad1: pad(2), table_id: u8(), _pad2: pad(1), priority: u16(), idle_timeout: u16(), hard_timeout: u16(),
  flags: u16(), importance: u16(), cookie: u64(), match: structField(OFPMatch, () => new OFPMatch()), stats: statsField(),
  instructions: listField(instructionElem),
}) {}
registerStruct(V15, OFPFlowDesc);
export class OFPFlowDescStatsRequest extends mpRequest('OFPFlowDescStatsRequest', V15, 1, flowStatsRequestBody(), OFPFlowStatsRequestBase) {}
export class OFPFlowDescStatsReply extends mpReply('OFPFlowDescStatsReply', V15, 1, listBody(OFPFlowDesc)) {}

export class OFPFlowStats extends defineStruct('OFPFlowStats', {
  length: selfLen(), _pad: pad(2), table_id: u8(), reason: u8(), priority: u16(),
  match: structField(OFPMatch, () => new OFPMatch()), stats: optionalStats(),
}) {}
registerStruct(V15, OFPFlowStats);
export class OFPFlowStatsRequest extends mpRequest('OFPFlowStatsRequest', V15, 17, flowStatsRequestBody(), OFPFlowStatsRequestBase) {}
export class OFPFlowStatsReply extends mpReply('OFPFlowStatsReply', V15, 17, listBody(OFPFlowStats)) {}

/** Aggregate statistics: an ofp_stats (os-ken's length is the padded stats length). */
export class OFPAggregateStats extends OFPStruct {
  static override jsonName = 'OFPAggregateStats';
  static override layout = new Layout('OFPAggregateStats', {});
  stats: OFPStats;
  length: number | null;
  constructor(init?: { stats?: OFPStats | null; length?: number | null }) {
    super();
    this.stats = init?.stats ?? new OFPStats();
    this.length = init?.length ?? null;
  }
  override decodeFrom(r: Reader): void {
    this.stats = OFPStats.decode(r);
    this.length = ((this.stats.length ?? 0) + 7) & ~7;
  }
  override encodeTo(w: Writer): void {
    this.stats.encodeTo(w);
    this.length = ((this.stats.length ?? 0) + 7) & ~7;
  }
  override jsonBody(): JsonObject {
    return { length: this.length, stats: this.stats.toJsonDict() };
  }
  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject): T {
    const b = (body.stats as JsonObject | null)?.OFPStats;
    if (b === undefined) throw new JsonDictError('OFPAggregateStats: expected stats');
    return new OFPAggregateStats({ stats: OFPStats.fromJsonDict(b as JsonObject), length: typeof body.length === 'number' ? body.length : null }) as unknown as T;
  }
}
registerClass(V15, OFPAggregateStats as never);
export class OFPAggregateStatsRequest extends mpRequest('OFPAggregateStatsRequest', V15, 2, flowStatsRequestBody(), OFPFlowStatsRequestBase) {}
export class OFPAggregateStatsReply extends mpReply('OFPAggregateStatsReply', V15, 2, singleBody(OFPAggregateStats)) {}

/* ---------- meters ---------- */
export class OFPMeterStats extends defineStruct('OFPMeterStats', {
  meter_id: u32(), len: selfLen(), _pad: pad(6), ref_count: u32(), packet_in_count: u64(), byte_in_count: u64(),
  duration_sec: u32(), duration_nsec: u32(), band_stats: listField(structElem(OFPMeterBandStats)),
}) {}
registerStruct(V15, OFPMeterStats);
export class OFPMeterStatsReply extends mpReply('OFPMeterStatsReply', V15, 9, listBody(OFPMeterStats)) {}

export class OFPMeterDescStats extends defineStruct('OFPMeterDescStats', {
  length: selfLen(), flags: u16(), meter_id: u32(), bands: listField(meterBandElem),
}) {}
registerStruct(V15, OFPMeterDescStats);
export class OFPMeterDescStatsRequest extends mpRequest('OFPMeterDescStatsRequest', V15, 10, { meter_id: u32(0xffffffff), _pad1: pad(4) }) {}
export class OFPMeterDescStatsReply extends mpReply('OFPMeterDescStatsReply', V15, 10, listBody(OFPMeterDescStats)) {}

export class OFPMeterFeaturesStats extends defineStruct('OFPMeterFeaturesStats', {
  max_meter: u32(), band_types: u32(), capabilities: u32(), max_bands: u8(), max_color: u8(), _pad1: pad(2), features: u32(), _pad2: pad(4),
}) {}
registerStruct(V15, OFPMeterFeaturesStats);
/**
 * os-ken reads each fixed-size entry from the whole input buffer, so an entry may extend past the
 * message length (os-ken's own 1.5 test message does: msg_len 32, a 24-byte entry at 16): do the same.
 */
const meterFeaturesElem: ElemCodec<OFPMeterFeaturesStats> = {
  ...structElem(OFPMeterFeaturesStats),
  decode(r) {
    const save = r.end;
    r.end = Math.max(save, Math.min(r.limit, r.pos + 24));
    try {
      return OFPMeterFeaturesStats.decode(r);
    } finally {
      r.end = save;
    }
  },
};
export class OFPMeterFeaturesStatsReply extends mpReply('OFPMeterFeaturesStatsReply', V15, 11, { body: listField(meterFeaturesElem) }) {}

/* ---------- table features ---------- */
const oxmValues = varField<[string, MatchValue][]>(
  {
    decode(r) {
      const out: [string, MatchValue][] = [];
      const table = oxmTable(r.version);
      while (r.pos < r.end) {
        const t = oxmParse(r, table, 'ofp_table_feature_prop_oxm_values');
        out.push([t.name, t.value]);
      }
      return out;
    },
    encode(w, v) {
      const table = oxmTable(w.version || 6);
      for (const [k, x] of v ?? []) oxmSerialize(w, table, k, x);
    },
    toJson: (v) => (v ?? []).map(([k, x]) => oxmToJsonDict(k, x)),
    fromJson: (j) => {
      if (!Array.isArray(j)) throw new JsonDictError('oxm_values must be a list');
      return j.map((x) => {
        const t = oxmFromJsonDict(x);
        return [t.name, t.value] as [string, MatchValue];
      });
    },
  },
  () => [],
);
export class OFPTableFeaturePropOxmValues extends defineProp('OFPTableFeaturePropOxmValues', 22, { oxm_values: toPropLength(oxmValues) }, OFPTableFeatureProp) {}
tableFeatureProps.register(V15, [22], OFPTableFeaturePropOxmValues);

export class OFPTableFeaturesStats extends defineStruct('OFPTableFeaturesStats', {
  length: selfLen(), table_id: u8(), command: u8(), features: u32(), name: strictStr(32, 'utf-8'), metadata_match: u64(),
  metadata_write: u64(), capabilities: u32(), max_entries: u32(), properties: tableFeatureProps.list(),
}) {}
registerTableFeatures(6, OFPTableFeaturesStats);

/* ---------- controller status ---------- */
export const controllerStatusProps = new PropFamily('ofp_controller_status_prop');
/** os-ken's OFPControllerStatusProp: base of these properties. */
export abstract class OFPControllerStatusProp extends OFPPropBase {}
const asciiRest = varField<string>(
  {
    decode: (r) => {
      const b = r.rest();
      if (b.some((x) => x > 0x7f)) throw new OFPMalformedMessage('ofp_controller_status_prop_uri', r.pos, 'uri is not ascii');
      return String.fromCharCode(...b);
    },
    encode: (w, v) => w.bytes(Uint8Array.from(v ?? '', (c) => c.charCodeAt(0) & 0xff)),
    toJson: (v) => v,
    fromJson: (j) => String(j ?? ''),
  },
  '',
);
export class OFPControllerStatusPropUri extends defineProp('OFPControllerStatusPropUri', 0, { uri: toPropLength(asciiRest) }, OFPControllerStatusProp) {}
export class OFPControllerStatusPropExperimenter extends defineExpProp('OFPControllerStatusPropExperimenter') {}
controllerStatusProps.register(V15, [0], OFPControllerStatusPropUri);
controllerStatusProps.register(V15, [0xffff], OFPControllerStatusPropExperimenter);

export class OFPControllerStatusStats extends defineStruct('OFPControllerStatusStats', {
  length: selfLen(), short_id: u16(), role: u32(), reason: u8(), channel_status: u8(), _pad: pad(6),
  properties: controllerStatusProps.list(),
}) {}
registerStruct(V15, OFPControllerStatusStats);
export class OFPControllerStatusStatsRequest extends mpRequest('OFPControllerStatusStatsRequest', V15, 18, {}) {}
export class OFPControllerStatusStatsReply extends mpReply('OFPControllerStatusStatsReply', V15, 18, listBody(OFPControllerStatusStats)) {}
export class OFPControllerStatus extends defineMsg('OFPControllerStatus', { versions: V15, type: 35 }, {
  status: structField(OFPControllerStatusStats, () => new OFPControllerStatusStats()),
}) {}

/* ---------- bundle features ---------- */
export class OFPTime extends defineStruct('OFPTime', { seconds: u64(), nanoseconds: u32(), _pad: pad(4) }) {}
registerStruct(V15, OFPTime);
const time = () => structField(OFPTime, () => new OFPTime());

export const bundleFeaturesProps = new PropFamily('ofp_bundle_features_prop');
/** os-ken's OFPBundleFeaturesProp: base of these properties. */
export abstract class OFPBundleFeaturesProp extends OFPPropBase {}
export class OFPBundleFeaturesPropTime extends defineProp('OFPBundleFeaturesPropTime', 1, {
  _pad: pad(4), sched_accuracy: time(), sched_max_future: time(), sched_max_past: time(), timestamp: time(),
}, OFPBundleFeaturesProp) {}
export class OFPBundleFeaturesPropExperimenter extends defineExpProp('OFPBundleFeaturesPropExperimenter') {}
bundleFeaturesProps.register(V15, [1], OFPBundleFeaturesPropTime);
bundleFeaturesProps.register(V15, [0xffff], OFPBundleFeaturesPropExperimenter);

export class OFPBundleFeaturesStats extends defineStruct('OFPBundleFeaturesStats', {
  capabilities: u16(), _pad: pad(6), properties: bundleFeaturesProps.list(),
}) {}
registerStruct(V15, OFPBundleFeaturesStats);
export class OFPBundleFeaturesStatsRequest extends mpRequest('OFPBundleFeaturesStatsRequest', V15, 19, {
  feature_request_flags: u32(), _pad1: pad(4), properties: bundleFeaturesProps.list(),
}) {}
export class OFPBundleFeaturesStatsReply extends mpReply('OFPBundleFeaturesStatsReply', V15, 19, singleBody(OFPBundleFeaturesStats)) {}
