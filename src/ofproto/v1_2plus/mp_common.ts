/**
 * Multipart (OpenFlow 1.3+) and stats (1.2) plumbing: the per-version tables the
 * request/reply pickers dispatch on, the common header, and small field codecs
 * (fixed u32 arrays, byte lists, single-struct bodies) shared by the stats bodies.
 * The 1.4/1.5 parsers register their own classes in the same tables with
 * registerMultipartRequest/registerMultipartReply.
 */
import type { Reader } from '../../wire/reader.js';
import { JsonDictError, OFPMalformedMessage, OFPTruncatedMessage, OFPUnsupportedType } from '../../wire/errors.js';
import type { JsonObject, JsonValue } from '../../wire/json/json.js';
import { markOskenUnparsed, MsgBase, registerMsgType } from '../ofproto_parser.js';
import {
  defineStruct, OFPStruct, pad, registerClass, typeConst, u16, varField,
  type ElemCodec, type FieldSpec, type StructClassOf,
} from '../struct.js';

export const OFPT_MULTIPART_REQUEST = 18;
export const OFPT_MULTIPART_REPLY = 19;

type MsgClass = typeof MsgBase;
const REQUESTS = new Map<number, Map<number, (r: Reader) => MsgClass>>();
const REPLIES = new Map<number, Map<number, (r: Reader) => MsgClass>>();

function put(t: Map<number, Map<number, (r: Reader) => MsgClass>>, versions: readonly number[], mpType: number, cls: MsgClass | ((r: Reader) => MsgClass)): void {
  const pick = 'cls_msg_type' in cls ? () => cls as MsgClass : (cls as (r: Reader) => MsgClass);
  for (const v of versions) {
    let m = t.get(v);
    if (!m) t.set(v, (m = new Map()));
    m.set(mpType, pick);
  }
}

/** Register a multipart/stats request class (or a chooser, for the experimenter type) and its JSON name. */
export function registerMultipartRequest(versions: readonly number[], mpType: number, cls: unknown, pick?: (r: Reader) => MsgClass): void {
  registerClass(versions, cls as never);
  put(REQUESTS, versions, mpType, pick ?? (cls as MsgClass));
}

/** Register a multipart/stats reply class and its JSON name. */
export function registerMultipartReply(versions: readonly number[], mpType: number, cls: unknown): void {
  registerClass(versions, cls as never);
  put(REPLIES, versions, mpType, cls as MsgClass);
}

function picker(t: Map<number, Map<number, (r: Reader) => MsgClass>>, what: string) {
  return (r: Reader): MsgClass => {
    r.need(2, what);
    const type = r.view.getUint16(r.pos);
    const pick = t.get(r.version)?.get(type);
    if (!pick) throw new OFPUnsupportedType(r.version, what, type);
    return pick(r);
  };
}

registerMsgType([3, 4], OFPT_MULTIPART_REQUEST, picker(REQUESTS, 'multipart request type'), false);
registerMsgType([3, 4], OFPT_MULTIPART_REPLY, picker(REPLIES, 'multipart reply type'));

type Spec = Record<string, FieldSpec<unknown, unknown>>;

/** Base of multipart requests (os-ken's OFPMultipartRequest; 1.2's OFPStatsRequest is its own base). */
export abstract class OFPMultipartRequest extends MsgBase {
  static override cls_msg_type = OFPT_MULTIPART_REQUEST;
}
/** Base of multipart replies (os-ken's OFPMultipartReply). */
export abstract class OFPMultipartReply extends MsgBase {
  static override cls_msg_type = OFPT_MULTIPART_REPLY;
}
/** os-ken's OFPFlowStatsRequestBase: flow and aggregate stats requests. */
export abstract class OFPFlowStatsRequestBase extends OFPMultipartRequest {}
/** os-ken's OFPExperimenterStatsRequestBase. */
export abstract class OFPExperimenterStatsRequestBase extends OFPMultipartRequest {}

type MsgBaseClass = abstract new (init?: Record<string, unknown>) => MsgBase;

/**
 * A message class with a given base (not registered in the type table: the multipart pickers
 * dispatch to it). `osken: false` for requests, which os-ken cannot parse.
 */
export function defineMpMsg<S extends Spec, B extends MsgBaseClass>(
  name: string, versions: readonly number[], msgType: number, spec: S, base: B, osken: boolean,
): StructClassOf<S, B> {
  const C = defineStruct(name, spec, base);
  const M = C as unknown as typeof MsgBase;
  M.cls_msg_type = msgType;
  M.versions = versions;
  registerClass(versions, C as never);
  if (!osken) markOskenUnparsed(M);
  return C;
}

/** A multipart request class: header (type, flags, pad) + body. */
export function mpRequest<S extends Spec, B extends MsgBaseClass = typeof OFPMultipartRequest>(
  name: string, versions: readonly number[], mpType: number, body: S, base?: B,
) {
  return defineMpMsg(name, versions, OFPT_MULTIPART_REQUEST, { type: typeConst(mpType), flags: u16(), _pad: pad(4), ...body },
    (base ?? OFPMultipartRequest) as B, false);
}

/** A multipart reply class with its `body` field. */
export function mpReply<T>(name: string, versions: readonly number[], mpType: number, body: FieldSpec<T, T>) {
  return defineMpMsg(name, versions, OFPT_MULTIPART_REPLY, { type: typeConst(mpType), flags: u16(), _pad: pad(4), body },
    OFPMultipartReply, true);
}

/**
 * A body os-ken shows as one structure (body_single_struct): every entry is parsed, the
 * first is kept; an empty body is an error (os-ken's body[0]).
 */
export function singleBody<T extends OFPStruct>(elem: ElemCodec<T>, where: string): FieldSpec<T, T> {
  return varField<T>(
    {
      decode(r) {
        if (r.pos >= r.end) throw new OFPMalformedMessage(where, r.pos, 'empty multipart body');
        const first = elem.decode(r);
        while (r.pos < r.end) {
          const before = r.pos;
          elem.decode(r);
          if (r.pos <= before) throw new OFPMalformedMessage(where, before, 'element of zero length');
        }
        return first;
      },
      encode: (w, v) => {
        if (v) elem.encode(w, v);
      },
      toJson: (v) => (v ? elem.toJson(v) : null),
      fromJson: (j, version) => elem.fromJson(j, version),
    },
    null as unknown as T,
  );
}

/** n big-endian u32 values shown as a JSON list (group features' max_groups/actions). */
export function u32Array(n: number): FieldSpec<number[], number[]> {
  return varField<number[]>(
    {
      decode(r) {
        r.need(4 * n, 'u32 array');
        const out: number[] = [];
        for (let i = 0; i < n; i++) out.push(r.u32());
        return out;
      },
      encode(w, v) {
        for (let i = 0; i < n; i++) w.u32((v?.[i] ?? 0) >>> 0);
      },
      toJson: (v) => v,
      fromJson: (j) => intList(j),
    },
    () => new Array<number>(n).fill(0),
  );
}

/** Values of `bytes` width (1, 2 or 4) up to the bound, shown as a JSON list of integers. */
export function intListField(bytes: 1 | 4, where: string): FieldSpec<number[], number[]> {
  return varField<number[]>(
    {
      decode(r) {
        const out: number[] = [];
        while (r.pos < r.end) {
          r.need(bytes, where);
          out.push(bytes === 1 ? r.u8() : r.u32());
        }
        return out;
      },
      encode(w, v) {
        for (const x of v ?? []) {
          if (bytes === 1) w.u8(x & 0xff);
          else w.u32(x >>> 0);
        }
      },
      toJson: (v) => v,
      fromJson: (j) => intList(j),
    },
    () => [],
  );
}

/** A JSON-only attribute with a constant value (os-ken sets it after parsing, e.g. 1.2 group features `length`). */
export function constAttr(value: number): FieldSpec<number, number> {
  return varField<number>(
    {
      decode: () => value,
      encode: () => undefined,
      toJson: (v) => v,
      fromJson: (j) => (typeof j === 'number' ? j : value),
    },
    value,
  );
}

function intList(j: JsonValue): number[] {
  if (!Array.isArray(j)) throw new JsonDictError('expected a list of integers');
  return j.map((x) => {
    if (typeof x === 'number') return x;
    if (typeof x === 'bigint') return Number(x);
    throw new JsonDictError('expected an integer');
  });
}

let propListEnd = 0;
/** The end of the property list being decoded (os-ken's OFPPropUnknown keeps every byte from itself to there). */
export function currentPropListEnd(): number {
  return propListEnd;
}

/**
 * Element codec for a property padded to 8 bytes whose length field (at +2) excludes the pad:
 * the element decodes within its length, the reader then skips the pad (os-ken's OFPPropBase).
 */
export function paddedElem<T extends OFPStruct>(inner: ElemCodec<T>, where: string): ElemCodec<T> {
  return {
    decode(r) {
      const start = r.pos;
      r.need(4, where);
      const len = r.view.getUint16(start + 2);
      if (len < 4) throw new OFPMalformedMessage(where, start, `length ${len} < 4`);
      if (start + len > r.end) throw new OFPTruncatedMessage(where, len, r.end - start, start);
      const save = r.end;
      propListEnd = save;
      r.end = start + len;
      let v: T;
      try {
        v = inner.decode(r);
      } finally {
        r.end = save;
      }
      r.pos = Math.min(start + ((len + 7) & ~7), r.end);
      return v;
    },
    encode(w, v) {
      const start = w.pos;
      inner.encode(w, v);
      w.align(start, 8);
    },
    toJson: (v) => inner.toJson(v),
    fromJson: (j, version) => inner.fromJson(j, version),
  };
}

/** JSON body lookup helper: the object under `{Name: {...}}`. */
export function bodyOf(j: JsonValue, name: string): JsonObject {
  if (j === null || typeof j !== 'object' || Array.isArray(j) || typeof j === 'bigint') throw new JsonDictError(`expected {"${name}": ...}`);
  const b = (j as JsonObject)[name];
  if (b === undefined || b === null || typeof b !== 'object') throw new JsonDictError(`expected {"${name}": ...}`);
  return b as JsonObject;
}
