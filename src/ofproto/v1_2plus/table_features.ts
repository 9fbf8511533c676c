/**
 * Table features (OpenFlow 1.3 layout): ofp_table_features with every property type os-ken
 * parses (instructions, next tables, actions, OXM ids, experimenter) and the multipart
 * request/reply. Properties are padded to 8 bytes; their length excludes the pad.
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError } from '../../wire/errors.js';
import type { JsonObject } from '../../wire/json/json.js';
import { registerStruct } from '../ofproto_parser.js';
import { OFPXMC_EXPERIMENTER, oxmTable } from '../oxm_fields.js';
import {
  dataField, defineStruct, Layout, listField, OFPStruct, pad, selfLen, str, structElem, u16, u32, u64, u8,
  type ElemCodec,
} from '../struct.js';
import { currentPropListEnd, intListField, mpReply, mpRequest, paddedElem, registerMultipartReply, registerMultipartRequest } from './mp_common.js';

/** Base of TLV properties (os-ken's OFPPropBase). */
export abstract class OFPPropBase extends OFPStruct {}
/** Base of table feature properties (os-ken's OFPTableFeatureProp). */
export abstract class OFPTableFeatureProp extends OFPPropBase {}
/** os-ken's OFPPropCommonExperimenter4ByteData: experimenter, exp_type and data as u32 words. */
export abstract class OFPPropCommonExperimenter4ByteData extends OFPStruct {}

export class OFPInstructionId extends defineStruct('OFPInstructionId', { type: u16(), len: selfLen() }) {}
export class OFPActionId extends defineStruct('OFPActionId', { type: u16(), len: selfLen() }) {}

/** An OXM id: the field's name, hasmask and the length byte (os-ken writes length 0). */
export class OFPOxmId extends OFPStruct {
  static override jsonName = 'OFPOxmId';
  static override layout = new Layout('OFPOxmId', {});
  type: string;
  hasmask: number;
  length: number | null;
  constructor(init?: { type?: string; hasmask?: number | boolean; length?: number | null }) {
    super();
    this.type = init?.type ?? '';
    this.hasmask = Number(init?.hasmask ?? 0);
    this.length = init?.length ?? null;
  }
  protected static readHeader(r: Reader): { name: string; hasmask: number; length: number; cls: number } {
    r.need(4, 'ofp_oxm_id');
    const oxm = r.u32();
    const n = oxm >>> 9;
    const cls = n >>> 7;
    const d = cls === OFPXMC_EXPERIMENTER ? undefined : oxmTable(r.version).byType.get(n);
    return { name: d ? d.name : `field_${n}`, hasmask: (oxm >>> 8) & 1, length: oxm & 0xff, cls };
  }
  override decodeFrom(r: Reader): void {
    const h = OFPOxmId.readHeader(r);
    this.type = h.name;
    this.hasmask = h.hasmask;
    this.length = h.length;
  }
  protected oxmNumber(version: number): number {
    const d = oxmTable(version || 4).byName.get(this.type);
    if (d && d.cls !== OFPXMC_EXPERIMENTER) return d.oxmType;
    const m = /^field_(\d+)$/.exec(this.type);
    if (m) return Number(m[1]);
    throw new JsonDictError(`unknown OXM field ${this.type}`);
  }
  override encodeTo(w: Writer): void {
    this.length = 0;
    w.u32(((this.oxmNumber(w.version) << 9) | ((this.hasmask ? 1 : 0) << 8)) >>> 0);
  }
  override jsonBody(): JsonObject {
    return { hasmask: this.hasmask, length: this.length, type: this.type };
  }
  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject): T {
    return new this({ type: body.type, hasmask: body.hasmask, length: body.length });
  }
}

/** An experimenter-class OXM id (with its experimenter id). */
export class OFPExperimenterOxmId extends OFPOxmId {
  static override jsonName = 'OFPExperimenterOxmId';
  static override layout = new Layout('OFPExperimenterOxmId', {});
  exp_id: number;
  constructor(init?: { type?: string; hasmask?: number | boolean; length?: number | null; exp_id?: number }) {
    super(init);
    this.exp_id = init?.exp_id ?? 0;
  }
  override decodeFrom(r: Reader): void {
    super.decodeFrom(r);
    r.need(4, 'ofp_oxm_experimenter_id');
    this.exp_id = r.u32();
  }
  override encodeTo(w: Writer): void {
    super.encodeTo(w);
    w.u32(this.exp_id >>> 0);
  }
  override jsonBody(): JsonObject {
    return { ...super.jsonBody(), exp_id: this.exp_id };
  }
  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject): T {
    return new this({ type: body.type, hasmask: body.hasmask, length: body.length, exp_id: body.exp_id });
  }
}

const oxmIdElem: ElemCodec<OFPOxmId> = {
  decode(r) {
    r.need(4, 'ofp_oxm_id');
    const cls = r.view.getUint32(r.pos) >>> 16;
    const o = cls === OFPXMC_EXPERIMENTER ? new OFPExperimenterOxmId() : new OFPOxmId();
    o.decodeFrom(r);
    return o;
  },
  encode: (w, v) => v.encodeTo(w),
  toJson: (v) => v.toJsonDict(),
  fromJson(j) {
    const o = j as JsonObject;
    if (o && typeof o === 'object' && 'OFPExperimenterOxmId' in o) return OFPExperimenterOxmId.fromJsonDict(o.OFPExperimenterOxmId as JsonObject);
    if (o && typeof o === 'object' && 'OFPOxmId' in o) return OFPOxmId.fromJsonDict(o.OFPOxmId as JsonObject);
    throw new JsonDictError('expected {"OFPOxmId": ...}');
  },
};

export class OFPTableFeaturePropInstructions extends defineStruct('OFPTableFeaturePropInstructions', {
  type: u16(), length: selfLen(), instruction_ids: listField(structElem(OFPInstructionId)),
}, OFPTableFeatureProp) {}
export class OFPTableFeaturePropNextTables extends defineStruct('OFPTableFeaturePropNextTables', {
  type: u16(), length: selfLen(), table_ids: intListField(1, 'ofp_table_feature_prop_next_tables'),
}, OFPTableFeatureProp) {}
export class OFPTableFeaturePropActions extends defineStruct('OFPTableFeaturePropActions', {
  type: u16(), length: selfLen(), action_ids: listField(structElem(OFPActionId)),
}, OFPTableFeatureProp) {}
export class OFPTableFeaturePropOxm extends defineStruct('OFPTableFeaturePropOxm', {
  type: u16(), length: selfLen(), oxm_ids: listField(oxmIdElem),
}, OFPTableFeatureProp) {}
export class OFPTableFeaturePropExperimenter extends defineStruct('OFPTableFeaturePropExperimenter', {
  type: u16(0xfffe), length: selfLen(), experimenter: u32(), exp_type: u32(), data: intListField(4, 'ofp_table_feature_prop_experimenter'),
}, OFPPropCommonExperimenter4ByteData) {}
/**
 * A property type os-ken does not know: `buf` holds its bytes from its header to the end of the
 * property list (os-ken hands the parser the rest of the buffer); only `length` bytes are written back.
 */
export class OFPPropUnknown extends defineStruct('OFPPropUnknown', {
  type: u16(), length: selfLen(), buf: dataField(),
}, OFPPropBase) {
  override decodeFrom(r: Reader): void {
    const start = r.pos;
    super.decodeFrom(r);
    const end = Math.max(r.pos, Math.min(currentPropListEnd(), r.limit));
    this.buf = r.bytes.subarray(start, end);
  }
  override encodeTo(w: Writer): void {
    const b = this.buf;
    const n = typeof this.length === 'number' && this.length >= 4 && this.length <= b.length ? this.length : b.length;
    if (n >= 4) {
      const start = w.pos;
      w.bytes(b.subarray(0, n));
      w.patch16(start, this.type);
      this.length = n;
      w.patch16(start + 2, n);
    } else {
      super.encodeTo(w);
    }
  }
}

const PROP_TYPES: [number[], { decode(r: Reader): OFPStruct }][] = [
  [[0, 1], OFPTableFeaturePropInstructions],
  [[2, 3], OFPTableFeaturePropNextTables],
  [[4, 5, 6, 7], OFPTableFeaturePropActions],
  [[8, 10, 11, 12, 13, 14, 15], OFPTableFeaturePropOxm],
  [[0xfffe, 0xffff], OFPTableFeaturePropExperimenter],
];
const PROPS = new Map<number, { decode(r: Reader): OFPStruct }>();
for (const [types, cls] of PROP_TYPES) for (const t of types) PROPS.set(t, cls);

const propElem: ElemCodec<OFPStruct> = paddedElem<OFPStruct>({
  decode(r) {
    const type = r.view.getUint16(r.pos);
    return (PROPS.get(type) ?? OFPPropUnknown).decode(r);
  },
  encode: (w, v) => v.encodeTo(w),
  toJson: (v) => v.toJsonDict(),
  fromJson(j, version) {
    const o = j as JsonObject;
    const name = o && typeof o === 'object' ? Object.keys(o)[0] : undefined;
    const cls = name ? TF_CLASSES.get(name) : undefined;
    if (!cls) throw new JsonDictError(`unknown table feature property ${String(name)}`);
    return cls.fromJsonDict(o[name!] as JsonObject, version);
  },
}, 'ofp_table_feature_prop');

const TF_CLASSES = new Map<string, { fromJsonDict(b: JsonObject, v?: number): OFPStruct }>([
  ['OFPTableFeaturePropInstructions', OFPTableFeaturePropInstructions],
  ['OFPTableFeaturePropNextTables', OFPTableFeaturePropNextTables],
  ['OFPTableFeaturePropActions', OFPTableFeaturePropActions],
  ['OFPTableFeaturePropOxm', OFPTableFeaturePropOxm],
  ['OFPTableFeaturePropExperimenter', OFPTableFeaturePropExperimenter],
  ['OFPPropUnknown', OFPPropUnknown],
]);

/** ofp_table_features (OpenFlow 1.3/1.4). */
export class OFPTableFeaturesStats extends defineStruct('OFPTableFeaturesStats', {
  length: selfLen(), table_id: u8(), _pad: pad(5), name: str(32, 'utf-8'), metadata_match: u64(), metadata_write: u64(),
  config: u32(), max_entries: u32(), properties: listField(propElem),
}) {}

export class OFPTableFeaturesStatsRequest extends mpRequest('OFPTableFeaturesStatsRequest', [4], 12, {
  body: listField(structElem(OFPTableFeaturesStats)),
}) {}
export class OFPTableFeaturesStatsReply extends mpReply('OFPTableFeaturesStatsReply', [4], 12, listField(structElem(OFPTableFeaturesStats))) {}

for (const c of [OFPInstructionId, OFPActionId, OFPOxmId, OFPExperimenterOxmId, OFPTableFeaturesStats,
  OFPTableFeaturePropInstructions, OFPTableFeaturePropNextTables, OFPTableFeaturePropActions, OFPTableFeaturePropOxm,
  OFPTableFeaturePropExperimenter, OFPPropUnknown]) registerStruct([4], c);
registerMultipartRequest([4], 12, OFPTableFeaturesStatsRequest);
registerMultipartReply([4], 12, OFPTableFeaturesStatsReply);
