/**
 * ofp_action_* for OpenFlow 1.2-1.5, described once; each class lists the
 * versions that have it. Experimenter actions dispatch to registered
 * experimenter codecs (Nicira) or become OFPActionExperimenterUnknown.
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError, OFPMalformedMessage } from '../../wire/errors.js';
import type { JsonObject } from '../../wire/json/json.js';
import {
  dataField, defineStruct, Layout, OFPStruct, pad, polyElem, registerClass, selfLen, typeConst, u16, u32, u8, varField,
  type ElemCodec,
} from '../struct.js';
import { OFPOxmId, oxmIdElem } from '../v1_4plus/oxm_id.js';
import { oxmFromJsonDict, oxmParse, oxmSerialize, oxmTable, oxmToJsonDict, type MatchValue } from '../oxm_fields.js';

export const V12_15 = [3, 4, 5, 6] as const;
export const V13_15 = [4, 5, 6] as const;

/** os-ken's OFPActionHeader (type, len). */
export abstract class OFPActionHeader extends OFPStruct {}
/** Base class of OpenFlow 1.2+ actions (os-ken's OFPAction). */
export abstract class OFPAction extends OFPActionHeader {}
/** Base of experimenter actions (os-ken's OFPActionExperimenter in 1.3+). */
export abstract class OFPActionExperimenter extends OFPAction {}

type ActionClass = { decode(r: Reader): OFPAction; jsonName: string };
const ACTIONS = new Map<number, Map<number, ActionClass>>();
/** dense dispatch table: [version][type] for types below 64 (the decoder's fast path) */
const ACTION_TABLE: (ActionClass | undefined)[][] = Array.from({ length: 8 }, () => new Array<ActionClass | undefined>(64).fill(undefined));
/** experimenter id -> chooser of the class for that experimenter's action at r.pos */
const EXPERIMENTER_ACTIONS = new Map<number, (r: Reader) => ActionClass>();

export function registerAction(versions: readonly number[], type: number, cls: ActionClass): void {
  for (const v of versions) {
    let m = ACTIONS.get(v);
    if (!m) ACTIONS.set(v, (m = new Map()));
    m.set(type, cls);
    if (type < 64 && v < 8) ACTION_TABLE[v]![type] = cls;
  }
  registerClass(versions, cls as never);
}

/** Experimenter action families (e.g. Nicira) plug in here. */
export function registerExperimenterActions(experimenter: number, pick: (r: Reader) => ActionClass): void {
  EXPERIMENTER_ACTIONS.set(experimenter, pick);
}

/** The chooser registered for an experimenter id (shared by every version, including 1.0 vendor actions). */
export function experimenterActionPicker(experimenter: number): ((r: Reader) => ActionClass) | undefined {
  return EXPERIMENTER_ACTIONS.get(experimenter);
}

function pickAction(r: Reader): ActionClass {
  r.need(4, 'ofp_action');
  const b = r.bytes;
  const at = r.pos;
  const type = (b[at]! << 8) | b[at + 1]!;
  const len = (b[at + 2]! << 8) | b[at + 3]!;
  if (len < 8) throw new OFPMalformedMessage('ofp_action', r.pos, `action length ${len} < 8`);
  if (type === 0xffff) {
    r.need(8, 'ofp_action_experimenter');
    const exp = r.view.getUint32(r.pos + 4);
    const pick = EXPERIMENTER_ACTIONS.get(exp);
    return pick ? pick(r) : OFPActionExperimenterUnknown;
  }
  const cls = (type < 64 ? ACTION_TABLE[r.version & 7]![type] : undefined) ?? ACTIONS.get(r.version)?.get(type);
  if (!cls) throw new OFPMalformedMessage('ofp_action', r.pos, `unknown action type ${type}`);
  return cls;
}

/** The element codec for action lists. */
export const actionElem: ElemCodec<OFPAction> = polyElem<OFPAction>(pickAction);

function action<S extends Record<string, import('../struct.js').FieldSpec<unknown, unknown>>>(name: string, type: number, body: S) {
  return defineStruct(name, { type: typeConst(type), len: selfLen({ align: 8 }), ...body }, OFPAction);
}

export class OFPActionOutput extends action('OFPActionOutput', 0, { port: u32(), max_len: u16(0xffe5), _pad: pad(6) }) {}
export class OFPActionCopyTtlOut extends action('OFPActionCopyTtlOut', 11, { _pad: pad(4) }) {}
export class OFPActionCopyTtlIn extends action('OFPActionCopyTtlIn', 12, { _pad: pad(4) }) {}
export class OFPActionSetMplsTtl extends action('OFPActionSetMplsTtl', 15, { mpls_ttl: u8(), _pad: pad(3) }) {}
export class OFPActionDecMplsTtl extends action('OFPActionDecMplsTtl', 16, { _pad: pad(4) }) {}
export class OFPActionPushVlan extends action('OFPActionPushVlan', 17, { ethertype: u16(0x8100), _pad: pad(2) }) {}
export class OFPActionPopVlan extends action('OFPActionPopVlan', 18, { _pad: pad(4) }) {}
export class OFPActionPushMpls extends action('OFPActionPushMpls', 19, { ethertype: u16(0x8847), _pad: pad(2) }) {}
export class OFPActionPopMpls extends action('OFPActionPopMpls', 20, { ethertype: u16(0x0800), _pad: pad(2) }) {}
export class OFPActionSetQueue extends action('OFPActionSetQueue', 21, { queue_id: u32() }) {}
export class OFPActionGroup extends action('OFPActionGroup', 22, { group_id: u32() }) {}
export class OFPActionSetNwTtl extends action('OFPActionSetNwTtl', 23, { nw_ttl: u8(), _pad: pad(3) }) {}
export class OFPActionDecNwTtl extends action('OFPActionDecNwTtl', 24, { _pad: pad(4) }) {}
export class OFPActionPushPbb extends action('OFPActionPushPbb', 26, { ethertype: u16(), _pad: pad(2) }) {}
export class OFPActionPopPbb extends action('OFPActionPopPbb', 27, { _pad: pad(4) }) {}
/**
 * Copy-field OXM ids: os-ken reads ids up to the action's length (padding included) and
 * requires exactly two; ids may be given as field names or OFPOxmId objects/JSON.
 */
const copyFieldOxmIds = varField<(OFPOxmId | string)[]>(
  {
    decode(r) {
      const start = r.pos;
      const ids: (OFPOxmId | string)[] = [];
      while (r.pos < r.end) ids.push(oxmIdElem.decode(r) as OFPOxmId);
      if (ids.length !== 2) throw new OFPMalformedMessage('ofp_action_copy_field', start, `${ids.length} OXM ids (os-ken requires 2)`);
      return ids;
    },
    encode(w, v) {
      for (const x of v ?? []) (typeof x === 'string' ? new OFPOxmId({ type: x }) : x).encodeTo(w);
    },
    toJson: (v) => (v ?? []).map((x) => (typeof x === 'string' ? new OFPOxmId({ type: x }) : x).toJsonDict()),
    fromJson: (j, version) => {
      if (!Array.isArray(j)) throw new JsonDictError('oxm_ids must be a list');
      return j.map((x) => (typeof x === 'string' ? new OFPOxmId({ type: x }) : (oxmIdElem.fromJson(x, version) as OFPOxmId)));
    },
  },
  () => [],
);

/** OpenFlow 1.5 */
export class OFPActionCopyField extends action('OFPActionCopyField', 28, {
  n_bits: u16(), src_offset: u16(), dst_offset: u16(), _pad: pad(2), oxm_ids: copyFieldOxmIds,
}) {}
/** OpenFlow 1.5 */
export class OFPActionMeter extends action('OFPActionMeter', 29, { meter_id: u32() }) {}

/** An experimenter action osken has no codec for: kept as raw data. */
export class OFPActionExperimenterUnknown extends defineStruct(
  'OFPActionExperimenterUnknown',
  { type: typeConst(0xffff), len: selfLen({ align: 8 }), experimenter: u32(), data: dataField() },
  OFPActionExperimenter,
) {}

export type SetFieldInit = Record<string, MatchValue> | { field: { name: string; value: MatchValue } };

/** Set-field action: `new OFPActionSetField({ eth_src: '00:11:22:33:44:55' })`. */
export class OFPActionSetField extends OFPAction {
  static override jsonName = 'OFPActionSetField';
  static override layout = new Layout('OFPActionSetField', {});
  type = 25;
  len: number | null = null;
  key: string;
  value: MatchValue;
  constructor(init?: Record<string, unknown>) {
    super();
    const entries = Object.entries(init ?? {}).filter(([k, v]) => k !== 'type' && k !== 'len' && v !== undefined);
    if (entries.length > 1) throw new JsonDictError('OFPActionSetField takes exactly one field');
    this.key = entries[0]?.[0] ?? '';
    this.value = (entries[0]?.[1] ?? 0) as MatchValue;
  }
  override decodeFrom(r: Reader): void {
    const start = r.pos;
    r.need(8, 'ofp_action_set_field');
    const len = r.view.getUint16(start + 2);
    r.checkLen(len, 8, start, 'ofp_action_set_field');
    this.len = len;
    const save = r.end;
    r.end = start + len;
    r.pos = start + 4;
    try {
      const t = oxmParse(r, oxmTable(r.version), 'ofp_action_set_field');
      this.key = t.name;
      this.value = t.value;
    } finally {
      r.end = save;
    }
    r.pos = start + len;
  }
  override encodeTo(w: Writer): void {
    const start = w.pos;
    w.u16(25);
    w.u16(0);
    oxmSerialize(w, oxmTable(w.version || 6), this.key, this.value);
    w.align(start, 8);
    this.len = w.pos - start;
    w.patch16(start + 2, this.len);
  }
  override jsonBody(): JsonObject {
    return { field: oxmToJsonDict(this.key, this.value), len: this.len, type: this.type };
  }
  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject): T {
    const t = oxmFromJsonDict(body.field ?? null);
    const a = new OFPActionSetField({ [t.name]: t.value });
    if (typeof body.len === 'number') a.len = body.len;
    return a as unknown as T;
  }
}

registerAction(V12_15, 0, OFPActionOutput);
registerAction(V12_15, 11, OFPActionCopyTtlOut);
registerAction(V12_15, 12, OFPActionCopyTtlIn);
registerAction(V12_15, 15, OFPActionSetMplsTtl);
registerAction(V12_15, 16, OFPActionDecMplsTtl);
registerAction(V12_15, 17, OFPActionPushVlan);
registerAction(V12_15, 18, OFPActionPopVlan);
registerAction(V12_15, 19, OFPActionPushMpls);
registerAction(V12_15, 20, OFPActionPopMpls);
registerAction(V12_15, 21, OFPActionSetQueue);
registerAction(V12_15, 22, OFPActionGroup);
registerAction(V12_15, 23, OFPActionSetNwTtl);
registerAction(V12_15, 24, OFPActionDecNwTtl);
registerAction(V12_15, 25, OFPActionSetField);
registerAction(V13_15, 26, OFPActionPushPbb);
registerAction(V13_15, 27, OFPActionPopPbb);
registerAction([6], 28, OFPActionCopyField);
registerAction([6], 29, OFPActionMeter);
registerClass(V12_15, OFPActionExperimenterUnknown as never);
