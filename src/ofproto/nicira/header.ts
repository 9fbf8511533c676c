/**
 * The Nicira action header (os-ken's nx_actions.NXAction): ofp_action_experimenter
 * (type 0xffff, len, experimenter 0x2320) followed by a 16-bit subtype and the body.
 *
 * os-ken builds one class set per ofproto module; here one class serves every
 * version and remembers the version it was decoded (or built from JSON) for:
 * OpenFlow 1.0 shows `{"vendor": 8992, "subtype": ...}` without `type`/`len`,
 * 1.2+ shows `{"experimenter": 8992, "len": .., "subtype": .., "type": 65535}`.
 *
 * Encoding follows os-ken: `len` is the header plus the body rounded up to 8;
 * the padding is written as zeros (what os-ken's action lists produce), except
 * inside NXActionCT whose nested actions are packed back to back (see ct.ts).
 */
import { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError, OFPMalformedMessage } from '../../wire/errors.js';
import type { JsonObject, JsonValue } from '../../wire/json/json.js';
import { NX_EXPERIMENTER_ID } from '../oxm_fields.js';
import {
  defineStruct, Layout, registerClass, typeConst, selfLen, u32, varField, type FieldSpec, type FieldOps, type StructObj, OFPStruct,
} from '../struct.js';
import { OFPAction, registerExperimenterActions } from '../v1_2plus/actions.js';
import { nxmReadHeader, nxmReadHeader4, nxmWriteHeader, nxmWriteHeader4 } from './nxm.js';

export { NX_EXPERIMENTER_ID };
/** Versions whose parser modules carry the Nicira actions (wire version bytes). */
export const NX_VERSIONS = [1, 3, 4, 5, 6] as const;
/** ofp_action_experimenter header (8) + subtype (2) */
export const NX_HEADER_SIZE = 10;

type JsonBody = JsonObject;

/** Base of every Nicira action (os-ken's NXAction). */
export abstract class NXAction extends OFPAction {
  /** OpenFlow version this action was decoded or built for (1 selects the OF1.0 JSON form). */
  ofVersion = 0;
  /** header + body bytes written by the last encode, before the 8-byte padding */
  rawLength = 0;

  override decodeFrom(r: Reader): void {
    this.ofVersion = r.version;
    const start = r.pos;
    const avail = r.end - start;
    if (avail >= 4 && r.view.getUint16(start + 2) > avail) {
      // os-ken slices the body to what the message holds (an OF1.0 message ends at the last
      // action's unpadded end): decode a copy whose len says so, then keep the wire len.
      const len = r.view.getUint16(start + 2);
      const copy = r.bytes.slice(start, r.end);
      new DataView(copy.buffer).setUint16(2, avail);
      super.decodeFrom(new Reader(copy, 0, copy.length, r.version));
      (this as unknown as { len: number }).len = len;
      r.pos = r.end;
      return;
    }
    super.decodeFrom(r);
  }

  /** Write header and body without the trailing padding (len = unpadded length); hand-written classes override. */
  protected encodeRaw(w: Writer): void {
    super.encodeTo(w);
  }

  override encodeTo(w: Writer): void {
    const start = w.pos;
    this.encodeRaw(w);
    this.rawLength = w.pos - start;
    w.align(start, 8);
    const len = w.pos - start;
    (this as unknown as { len: number }).len = len;
    w.patch16(start + 2, len);
  }

  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject, version = 4): T {
    const base = OFPStruct.fromJsonDict as unknown as (this: unknown, b: JsonObject, v: number) => T;
    return withVersion(base.call(this, body, version), version);
  }

  /** os-ken's JSON for this version: OF1.0 drops type/len and calls the experimenter `vendor`. */
  protected versionJson(b: JsonBody): JsonBody {
    if (this.ofVersion !== 1) return b;
    const out: JsonBody = {};
    for (const [k, v] of Object.entries(b)) {
      if (k === 'type' || k === 'len') continue;
      if (k === 'experimenter') out.vendor = v;
      else out[k] = v;
    }
    return out;
  }

  override jsonBody(): JsonBody {
    return this.versionJson(super.jsonBody());
  }
}

/** Set the version on an object built from JSON (for the OF1.0 JSON form). */
export function withVersion<T extends OFPStruct>(o: T, version: number): T {
  if (o instanceof NXAction) o.ofVersion = version;
  return o;
}

/** A class of the Nicira family: decodes from the action header at r.pos. */
export interface NXActionClass {
  readonly jsonName: string;
  decode(r: Reader): OFPAction;
  fromJsonDict(body: JsonObject, version?: number): OFPStruct;
}

const SUBTYPES = new Map<number, NXActionClass>();
let unknownClass: NXActionClass | undefined;

/** Register a Nicira action class for its subtype (decode) and its JSON name (versions 1, 1.2-1.5). */
export function registerNX(subtype: number | null, cls: NXActionClass): void {
  if (subtype !== null) SUBTYPES.set(subtype, cls);
  registerClass(NX_VERSIONS, cls as never);
}

export function setNXUnknownClass(cls: NXActionClass): void {
  unknownClass = cls;
}

/** The class for the Nicira action at r.pos (os-ken's NXAction.parse dispatch; unknown subtypes -> NXActionUnknown). */
export function pickNX(r: Reader): NXActionClass {
  r.need(NX_HEADER_SIZE, 'nx_action_header');
  const len = r.view.getUint16(r.pos + 2);
  if (len < NX_HEADER_SIZE) throw new OFPMalformedMessage('nx_action_header', r.pos, `length ${len} < ${NX_HEADER_SIZE}`);
  if (r.version === 3) return NXOF12Experimenter;
  const subtype = r.view.getUint16(r.pos + 8);
  const cls = SUBTYPES.get(subtype) ?? unknownClass;
  if (!cls) throw new OFPMalformedMessage('nx_action_header', r.pos, `unknown Nicira action subtype ${subtype}`);
  return cls;
}

/**
 * OpenFlow 1.2: os-ken's ofproto_v1_2_parser has no Nicira actions; an experimenter action decodes as a bare
 * OFPActionExperimenter (type, len, experimenter; the body is skipped) and encodes as its header padded to len.
 */
export class NXOF12Experimenter extends defineStruct(
  'OFPActionExperimenter',
  { type: typeConst(0xffff), len: selfLen(), experimenter: u32(NX_EXPERIMENTER_ID) },
  OFPAction,
) {
  override encodeTo(w: Writer): void {
    const start = w.pos;
    const want = typeof this.len === 'number' && this.len >= 8 ? this.len : 8;
    super.encodeTo(w);
    w.zeros(Math.max(0, want - (w.pos - start)));
    this.len = w.pos - start;
    w.patch16(start + 2, this.len);
  }
}
registerClass([3], NXOF12Experimenter as never);

registerExperimenterActions(NX_EXPERIMENTER_ID, pickNX);

/* ---------- helpers for fixed-layout actions ---------- */

/** Header fields of a Nicira action with `subtype`: type, len (padded to 8), experimenter, subtype. */
export function nxHeaderSpec(subtype: number) {
  return {
    type: typeConst(0xffff),
    len: selfLen(),
    experimenter: typeConst(NX_EXPERIMENTER_ID, 32),
    subtype: typeConst(subtype),
  };
}

/**
 * A fixed-layout Nicira action: `class NXActionResubmit extends nxAction('NXActionResubmit', 1, {...}) {}`.
 * The body fields follow the subtype, in wire order.
 */
export function nxAction<S extends Record<string, FieldSpec<unknown, unknown>>>(name: string, subtype: number, body: S) {
  return defineStruct(name, { ...nxHeaderSpec(subtype), ...body }, NXAction);
}

function headerOps(fixed4: boolean, where: string): FieldOps<string> {
  return {
    decode: (r: Reader) => (fixed4 ? nxmReadHeader4(r, where) : nxmReadHeader(r, where)),
    encode: (w: Writer, v: string) => (fixed4 ? nxmWriteHeader4(w, v) : nxmWriteHeader(w, v)),
    toJson: (v: string): JsonValue => v,
    fromJson: (j: JsonValue) => String(j),
  };
}

/** An NXM/OXM field header in a fixed 4-byte slot (os-ken's '4s' + oxm_parse_header), shown as the field name. */
export function nxmField4(where: string, def = ''): FieldSpec<string> {
  return varField<string>(headerOps(true, where), def);
}

/** An NXM/OXM field header of its own length (os-ken's sequential oxm_parse_header/oxm_serialize_header). */
export function nxmFieldSeq(where: string, def = ''): FieldSpec<string> {
  return varField<string>(headerOps(false, where), def);
}

/** Copy init values under os-ken's alternative keyword names (`id_` for `id`, ...). */
export function renameInit(init: Record<string, unknown> | undefined, pairs: Record<string, string>): Record<string, unknown> | undefined {
  if (!init) return init;
  const out: Record<string, unknown> = { ...init };
  for (const [from, to] of Object.entries(pairs)) {
    if (out[from] !== undefined && out[to] === undefined) out[to] = out[from];
    delete out[from];
  }
  return out;
}

export type { StructObj };

/**
 * Base of the hand-written Nicira actions (variable bodies): header handling is here,
 * subclasses give `decodeBody` (a reader bounded to the body after the subtype),
 * `encodeBody` and `bodyJson`.
 */
export abstract class NXVarAction extends NXAction {
  static override layout = new Layout('NXVarAction', {});
  type = 0xffff;
  len: number | null = null;
  experimenter = NX_EXPERIMENTER_ID;
  subtype = 0;

  protected abstract decodeBody(r: Reader): void;
  protected abstract encodeBody(w: Writer): void;
  protected abstract bodyJson(): JsonObject;

  override decodeFrom(r: Reader): void {
    this.ofVersion = r.version;
    const where = (this.constructor as typeof OFPStruct).jsonName;
    const start = r.pos;
    r.need(NX_HEADER_SIZE, where);
    const len = r.view.getUint16(start + 2);
    if (len < NX_HEADER_SIZE) throw new OFPMalformedMessage(where, start, `length ${len} < ${NX_HEADER_SIZE}`);
    // os-ken slices the body to what the buffer holds (see NXAction.decodeFrom)
    const end = Math.min(start + len, r.end);
    this.len = len;
    this.subtype = r.view.getUint16(start + 8);
    this.decodeBody(r.child(start + NX_HEADER_SIZE, end));
    r.pos = end;
  }

  protected override encodeRaw(w: Writer): void {
    const start = w.pos;
    w.u16(0xffff);
    w.u16(0);
    w.u32(NX_EXPERIMENTER_ID);
    w.u16(this.subtype);
    this.encodeBody(w);
    w.patch16(start + 2, w.pos - start);
  }

  override jsonBody(): JsonObject {
    return this.versionJson({ ...this.bodyJson(), experimenter: this.experimenter, len: this.len, subtype: this.subtype, type: this.type });
  }
}

/** Integer JSON value as number or bigint (exact). */
export function jsonInt(j: JsonValue | undefined, def = 0): number {
  if (j === undefined || j === null) return def;
  if (typeof j === 'bigint') return Number(j);
  if (typeof j !== 'number') throw new JsonDictError(`expected an integer, got ${JSON.stringify(j)}`);
  return j;
}

/** A list of small integers from JSON (note bytes, cnt_ids, slaves, userdata). */
export function jsonIntList(j: JsonValue | undefined): number[] {
  if (j === undefined || j === null) return [];
  if (!Array.isArray(j)) throw new JsonDictError('expected a list of integers');
  return j.map((x) => jsonInt(x));
}
