/**
 * Tables in OpenFlow 1.4/1.5: table mod with properties, table description (multipart and
 * table status), table features properties (shared; the ofp_table_features structure itself
 * differs per version and is registered by v1_4/ and v1_5/).
 */
import type { Reader } from '../../wire/reader.js';
import { OFPMalformedMessage } from '../../wire/errors.js';
import {
  defineStruct, listField, OFPStruct, pad, polyElem, registerClass, selfLen, structElem, structField, u16, u32, u8,
  varField, type FieldSpec,
} from '../struct.js';
import { defineMsg, registerStruct } from '../ofproto_parser.js';
import { oxmIdElem } from './oxm_id.js';
import { OFPTableFeatureProp } from '../v1_2plus/table_features.js';

export { OFPTableFeatureProp };
import { defineExpProp, defineProp, OFPPropBase, PropFamily, scalarList, V14_15 } from './props.js';
import { mpReply, mpRequest } from './multipart.js';

/** A variable field bounded by the property's unpadded length (os-ken's get_rest: buf[4:length]). */
export function toPropLength<T>(spec: FieldSpec<T, T>, headerSize = 4): FieldSpec<T, T> {
  const ops = spec.ops!;
  return varField<T>(
    {
      ...ops,
      decode(r, o, name) {
        const save = r.end;
        r.end = Math.min(r.pos - headerSize + (o.length as number), save);
        try {
          return ops.decode(r, o, name);
        } finally {
          r.end = save;
        }
      },
    },
    spec.def,
  );
}

/* ---------- table mod properties ---------- */
export const tableModProps = new PropFamily('ofp_table_mod_prop');
/** os-ken's OFPTableModProp: base of these properties. */
export abstract class OFPTableModProp extends OFPPropBase {}
export class OFPTableModPropEviction extends defineProp('OFPTableModPropEviction', 2, { flags: u32() }, OFPTableModProp) {}
export class OFPTableModPropVacancy extends defineProp('OFPTableModPropVacancy', 3, {
  vacancy_down: u8(), vacancy_up: u8(), vacancy: u8(), _pad: pad(1),
}, OFPTableModProp) {}
export class OFPTableModPropExperimenter extends defineExpProp('OFPTableModPropExperimenter') {}
tableModProps.register(V14_15, [2], OFPTableModPropEviction);
tableModProps.register(V14_15, [3], OFPTableModPropVacancy);
tableModProps.register(V14_15, [0xffff], OFPTableModPropExperimenter);

export class OFPTableMod extends defineMsg('OFPTableMod', { versions: V14_15, type: 17, osken: false }, {
  table_id: u8(), _pad: pad(3), config: u32(), properties: tableModProps.list(),
}) {}

/* ---------- table description ---------- */
export class OFPTableDesc extends defineStruct('OFPTableDesc', {
  length: selfLen(), table_id: u8(), _pad: pad(1), config: u32(), properties: tableModProps.list(),
}) {}
registerStruct(V14_15, OFPTableDesc);

export class OFPTableDescStatsRequest extends mpRequest('OFPTableDescStatsRequest', V14_15, 14, {}) {}
export class OFPTableDescStatsReply extends mpReply('OFPTableDescStatsReply', V14_15, 14, { body: listField(structElem(OFPTableDesc)) }) {}

export class OFPTableStatus extends defineMsg('OFPTableStatus', { versions: V14_15, type: 31 }, {
  reason: u8(), _pad: pad(7), table: structField(OFPTableDesc, () => new OFPTableDesc()),
}) {}

/* ---------- table features properties ---------- */
export class OFPInstructionId extends defineStruct('OFPInstructionId', { type: u16(), len: selfLen() }) {}
export class OFPActionId extends defineStruct('OFPActionId', { type: u16(), len: selfLen() }) {}
registerStruct(V14_15, OFPInstructionId);
registerStruct(V14_15, OFPActionId);

export const tableFeatureProps = new PropFamily('ofp_table_feature_prop');
export class OFPTableFeaturePropInstructions extends defineProp('OFPTableFeaturePropInstructions', 0, {
  instruction_ids: toPropLength(listField(structElem(OFPInstructionId))),
}, OFPTableFeatureProp) {}
export class OFPTableFeaturePropNextTables extends defineProp('OFPTableFeaturePropNextTables', 2, {
  table_ids: toPropLength(scalarList(1, 'ofp_table_feature_prop_next_tables')),
}, OFPTableFeatureProp) {}
export class OFPTableFeaturePropActions extends defineProp('OFPTableFeaturePropActions', 4, {
  action_ids: toPropLength(listField(structElem(OFPActionId))),
}, OFPTableFeatureProp) {}
export class OFPTableFeaturePropOxm extends defineProp('OFPTableFeaturePropOxm', 8, {
  oxm_ids: toPropLength(listField(oxmIdElem)),
}, OFPTableFeatureProp) {}
export class OFPTableFeaturePropExperimenter extends defineExpProp('OFPTableFeaturePropExperimenter', 0xfffe) {}
tableFeatureProps.register(V14_15, [0, 1], OFPTableFeaturePropInstructions);
tableFeatureProps.register(V14_15, [2, 3, 16], OFPTableFeaturePropNextTables);
tableFeatureProps.register(V14_15, [4, 5, 6, 7], OFPTableFeaturePropActions);
tableFeatureProps.register(V14_15, [8, 10, 12, 13, 14, 15], OFPTableFeaturePropOxm);
tableFeatureProps.register([6], [18, 19, 20, 21], OFPTableFeaturePropOxm);
tableFeatureProps.register(V14_15, [0xfffe, 0xffff], OFPTableFeaturePropExperimenter);

/** ofp_table_features: the class of each version (1.4 and 1.5 layouts differ). */
const TABLE_FEATURES = new Map<number, { decode(r: Reader): OFPStruct; jsonName: string }>();
export function registerTableFeatures(version: number, cls: { decode(r: Reader): OFPStruct; jsonName: string }): void {
  TABLE_FEATURES.set(version, cls);
  registerClass([version], cls as never);
}
const tableFeaturesElem = polyElem<OFPStruct>((r) => {
  const cls = TABLE_FEATURES.get(r.version);
  if (!cls) throw new OFPMalformedMessage('ofp_table_features', r.pos, `no table features for version ${r.version}`);
  return cls;
});

export class OFPTableFeaturesStatsRequest extends mpRequest('OFPTableFeaturesStatsRequest', V14_15, 12, {
  body: listField(tableFeaturesElem),
}) {}
export class OFPTableFeaturesStatsReply extends mpReply('OFPTableFeaturesStatsReply', V14_15, 12, {
  body: listField(tableFeaturesElem),
}) {}


