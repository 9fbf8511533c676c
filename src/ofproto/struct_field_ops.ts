/**
 * Reusable field ops of the structure engine (re-exported by struct.ts): nested structures,
 * lists and their element codecs, raw data, each compiled on first use with its own type feedback.
 */
import type { Reader } from '../wire/reader.js';
import type { Writer } from '../wire/writer.js';
import { JsonDictError, OFPMalformedMessage } from '../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../wire/json/json.js';
import { varField, type FieldOps, type FieldSpec } from './struct_fields.js';
import { OFPStruct, fastDecoder, objFromJsonDict } from './struct_classes.js';

/* ---------- reusable field ops ---------- */

/** A nested structure of a fixed class. */
export function structField<T extends OFPStruct>(cls: (new () => T) & { fromJsonDict(b: JsonObject, v?: number): unknown; jsonName: string }, def: () => T | null): FieldSpec<T, T> {
  const ops: FieldOps<T> = {
    // replaced on first use by code of its own (monomorphic: the class is known)
    decode(r, o, name) {
      // attach before filling, so a truncation leaves the partial child on the parent (as os-ken does)
      // (a class may offer a static newBlank(): an instance for decodeFrom to fill, made without its constructor chain)
      const blank = Object.prototype.hasOwnProperty.call(cls, 'newBlank');
      ops.decode = new Function('cls', `return function decodeStruct(r, o, name) {
        const x = ${blank ? 'cls.newBlank()' : 'new cls()'};
        o[name] = x;
        x.decodeFrom(r);
        return x;
      }`)(cls) as FieldOps<T>['decode'];
      return ops.decode(r, o, name);
    },
    encode(w, v, o) {
      ops.encode = compileEncodeOne<T>();
      ops.encode(w, v, o);
    },
    toJson: (v) => (v ? v.toJsonDict() : null),
    fromJson: (j, version) => {
      const body = (j as JsonObject)[cls.jsonName];
      if (body === undefined) throw new JsonDictError(`expected {"${cls.jsonName}": ...}`);
      return cls.fromJsonDict(body as JsonObject, version) as T;
    },
  };
  return varField<T>(ops, def as () => T);
}

/** `(w, v) => v.encodeTo(w)` with its own type feedback. */
function compileEncodeOne<T>(): (w: Writer, v: T) => void {
  return new Function('return function encodeOne(w, v) { v.encodeTo(w); }')() as (w: Writer, v: T) => void;
}

/** A list encoder with its own type feedback (arrays by index; any other iterable as before). */
function compileListEncode<T>(elem: ElemCodec<T>): (w: Writer, v: T[]) => void {
  return new Function('elem', `return function encodeList(w, v) {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) elem.encode(w, v[i]);
      return;
    }
    for (const x of v) elem.encode(w, x);
  }`)(elem) as (w: Writer, v: T[]) => void;
}

/** Element codec of a list: how one element is decoded (dispatching on type) and shown. */
export interface ElemCodec<T> {
  decode(r: Reader): T;
  encode(w: Writer, v: T): void;
  toJson(v: T): JsonValue;
  fromJson(j: JsonValue, version: number): T;
}

/**
 * The list decoder of one listField, compiled on first use (its own type feedback: the element
 * codec it calls is then known). A one-element list is allocated at its size.
 */
function compileListDecode<T>(elem: ElemCodec<T>): (r: Reader) => T[] {
  return new Function('elem', 'M', `return function decodeList(r) {
    if (r.pos >= r.end) return [];
    let before = r.pos;
    const first = elem.decode(r);
    if (r.pos <= before) throw new M('list', before, 'element of zero length');
    if (r.pos >= r.end) return [first];
    const out = [first];
    while (r.pos < r.end) {
      before = r.pos;
      out.push(elem.decode(r));
      if (r.pos <= before) throw new M('list', before, 'element of zero length');
    }
    return out;
  }`)(elem, OFPMalformedMessage) as (r: Reader) => T[];
}

/** Elements until the end of the enclosing bound. */
export function listField<T>(elem: ElemCodec<T>): FieldSpec<T[], T[]> {
  const ops: FieldOps<T[]> = {
    // replaced by the compiled decoder on first use
    decode(r) {
      const dec = compileListDecode(elem);
      ops.decode = dec;
      return dec(r);
    },
    encode(w, v, o) {
      ops.encode = compileListEncode(elem);
      ops.encode(w, v, o);
    },
    toJson: (v) => (v ?? []).map((x) => elem.toJson(x)),
    fromJson: (j, version) => {
      if (!Array.isArray(j)) throw new JsonDictError('expected a list');
      return j.map((x) => elem.fromJson(x, version));
    },
  };
  return varField<T[]>(ops, () => []);
}

/** Raw bytes to the end of the enclosing bound (a view, not a copy). */
export function dataField(): FieldSpec<Uint8Array, Uint8Array> {
  return varField<Uint8Array>(
    {
      decode: (r) => r.rest(),
      encode: (w, v) => {
        if (v) w.bytes(v);
      },
      toJson: (v) => base64Encode(v ?? new Uint8Array(0)),
      fromJson: (j) => (typeof j === 'string' ? base64Decode(j) : new Uint8Array(0)),
    },
    () => new Uint8Array(0),
  );
}

/** Element codec for a concrete struct class. */
export function structElem<T extends OFPStruct>(cls: { decode(r: Reader): T; fromJsonDict(b: JsonObject, v?: number): T; jsonName: string }): ElemCodec<T> {
  const codec: ElemCodec<T> = {
    // replaced on first use by a decoder of its own (straight to the class's fast decoder)
    decode(r) {
      codec.decode = compileElemDecode(() => cls);
      return codec.decode(r);
    },
    encode(w, v) {
      codec.encode = compileEncodeOne<T>();
      codec.encode(w, v);
    },
    toJson: (v) => v.toJsonDict(),
    fromJson: (j, version) => {
      const body = (j as JsonObject)[cls.jsonName];
      if (body === undefined) throw new JsonDictError(`expected {"${cls.jsonName}": ...}`);
      return cls.fromJsonDict(body as JsonObject, version);
    },
  };
  return codec;
}

/**
 * An element decoder with its own type feedback: `pick(r)` chooses the class, whose static
 * decode is used if it has its own, else its fast decoder (what OFPStruct.decode does).
 */
function compileElemDecode<T>(pick: (r: Reader) => unknown): (r: Reader) => T {
  return new Function('pick', 'base', 'fast', `return function decodeElem(r) {
    const c = pick(r);
    return c.decode === base ? fast(c).decode(r) : c.decode(r);
  }`)(pick, OFPStruct.decode, fastDecoder) as (r: Reader) => T;
}

/**
 * Element codec for a type-dispatched family (actions, instructions, properties...): `pick` chooses the
 * class from the bytes at r.pos (it may peek), `unknown` handles types no class claims.
 */
export function polyElem<T extends OFPStruct>(pick: (r: Reader) => { decode(r: Reader): T }): ElemCodec<T> {
  const codec: ElemCodec<T> = {
    decode(r) {
      codec.decode = compileElemDecode(pick);
      return codec.decode(r);
    },
    encode(w, v) {
      codec.encode = compileEncodeOne<T>();
      codec.encode(w, v);
    },
    toJson: (v) => v.toJsonDict(),
    fromJson: (j, version) => objFromJsonDict(j, version) as T,
  };
  return codec;
}
