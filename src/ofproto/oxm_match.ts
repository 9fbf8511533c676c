/**
 * OFPMatch for OpenFlow 1.2-1.5 (ofp_match with OXM TLVs). Construct it as
 * os-ken does: `new OFPMatch({ in_port: 1, eth_dst: ['aa:bb:cc:00:00:00', 'ff:ff:ff:00:00:00'] })`.
 * Fields given as an object are sorted by OXM type as os-ken sorts them;
 * decoded and JSON-built matches keep wire order.
 */
import type { Reader } from '../wire/reader.js';
import type { Writer } from '../wire/writer.js';
import { JsonDictError, OFPMalformedMessage, OFPTruncatedMessage } from '../wire/errors.js';
import type { JsonObject, JsonValue } from '../wire/json/json.js';
import {
  OFPXMC_OPENFLOW_BASIC, oxmBasicListOk, oxmBasicValue, oxmFromJsonDict, oxmNormalize, oxmNormalizeDesc, oxmSerializeFastDesc, oxmParse, oxmParseList, oxmSerialize, oxmSortKey, oxmTable, oxmToJsonDict,
  type MatchValue, type OxmFieldDesc, type OxmTable,
} from './oxm_fields.js';
import { Layout, OFPStruct } from './struct.js';
import { Int4, MacAddr } from './oxx_types.js';
import { isCanonicalMac } from '../wire/addrconv.js';
import { macToBinInto } from '../wire/addrconv.js';

export const OFPMT_STANDARD = 0;
export const OFPMT_OXM = 1;

export type MatchInit = Record<string, MatchValue | null | undefined> & { type_?: number; length?: number };

export class OFPMatch extends OFPStruct {
  static override jsonName = 'OFPMatch';
  static override layout = new Layout('OFPMatch', {});
  type = OFPMT_OXM;
  length: number | null = null;
  /** the pairs; null while a decoded match has not been looked at (see `fields`) */
  private _fields: [string, MatchValue][] | null = null;
  /**
   * A decoded match whose TLVs were all checked at decode time (well-formed OpenFlow-basic
   * fields) keeps the bytes and turns them into pairs on first use: `get`/`has` read them
   * directly. The bytes are the input buffer's (as `msg.buf` and `data` are).
   */
  private _raw: Uint8Array | null = null;
  private _rawStart = 0;
  private _rawEnd = 0;
  private _rawVersion = 0;
  /**
   * A match built from keywords keeps the values of its shape (the names it was given, in os-ken's
   * order) and encodes them with the shape's compiled encoder; the pairs are made on first use.
   */
  private _shape: MatchShape | null = null;
  private _vals: MatchValue[] | null = null;

  /** [name, value] pairs in wire order (os-ken's _fields2) */
  get fields(): [string, MatchValue][] {
    return this._fields ?? this.materialize();
  }
  set fields(v: [string, MatchValue][]) {
    this._fields = v;
    this._raw = null;
    this._vals = null;
    this._shape = null;
  }

  private materialize(): [string, MatchValue][] {
    const out: [string, MatchValue][] = [];
    const raw = this._raw;
    if (raw !== null) {
      oxmParseList(new R(raw, this._rawStart, this._rawEnd, this._rawVersion), oxmTable(this._rawVersion), out);
      this._raw = null;
    }
    const vals = this._vals;
    if (vals !== null) {
      const names = this._shape!.sortedNames;
      for (let i = 0; i < vals.length; i++) out.push([names[i]!, vals[i]!]);
      this._vals = null;
      this._shape = null;
    }
    this._fields = out;
    return out;
  }

  /**
   * @param init match fields by os-ken name (a [value, mask] pair for a masked field)
   * @param version OpenFlow version whose OXM table names the fields (default 1.5, a superset)
   */
  constructor(init?: MatchInit | null, version = 6) {
    super();
    // no fields: `_fields` stays null and the getter makes the empty list on first use
    // (the work is in a function of its own: this constructor stays small enough to be inlined where matches are built)
    if (init) {
      const cache = shapeCache(version);
      this._vals = valuesFromInit(init, cache);
      this._shape = cache.last;
    }
  }

  /**
   * @internal A blank match for decodeFrom to fill (the decoders of the structures holding a match
   * use it): the object the constructor makes without init, made by BlankMatch below without the
   * constructor chain.
   */
  static newBlank(): OFPMatch {
    return new BlankMatch();
  }

  /** Build from [name, value] pairs, keeping their order (os-ken's _ordered_fields). */
  static fromOrdered(fields: [string, MatchValue][]): OFPMatch {
    const m = new OFPMatch();
    m.fields = fields;
    return m;
  }

  get(name: string): MatchValue | undefined {
    let fields = this._fields;
    if (fields === null && this._raw !== null) {
      const table = oxmTable(this._rawVersion);
      const d = table.dict[name];
      if (d !== undefined && d.cls === OFPXMC_OPENFLOW_BASIC && table.basic[d.field] === d) {
        const at = this.rawScan(d.oxmType);
        if (at < 0) return undefined;
        const raw = this._raw!;
        // an unmasked Int4 field (in_port, the usual question) read here; the rest by its type
        if (d.type === Int4 && (raw[at + 2]! & 1) === 0) return ((raw[at + 4]! << 24) | (raw[at + 5]! << 16) | (raw[at + 6]! << 8) | raw[at + 7]!) >>> 0;
        return oxmBasicValue(raw, at, d.type);
      }
    }
    if (fields === null) fields = this.materialize();
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      if (f[0] === name) return f[1];
    }
    return undefined;
  }
  has(name: string): boolean {
    if (this._fields === null && this._raw !== null) {
      const at = this.rawFind(name);
      if (at !== -2) return at >= 0;
    }
    return this.fields.some(([k]) => k === name);
  }

  /** Offset of the first TLV of field `name` in the undecoded bytes, -1 if none, -2 if not answerable from the bytes (then materialized). */
  private rawFind(name: string): number {
    const table = oxmTable(this._rawVersion);
    const d = table.dict[name];
    if (d === undefined || d.cls !== OFPXMC_OPENFLOW_BASIC || table.basic[d.field] !== d) {
      this.materialize();
      return -2;
    }
    return this.rawScan(d.oxmType);
  }

  /** Offset of the first TLV of OXM type `want` in the undecoded bytes, -1 if none. */
  private rawScan(want: number): number {
    const raw = this._raw!;
    const end = this._rawEnd;
    for (let p = this._rawStart; p < end; ) {
      const h = ((raw[p]! << 24) | (raw[p + 1]! << 16) | (raw[p + 2]! << 8) | raw[p + 3]!) >>> 0;
      if (h >>> 9 === want) return p;
      p += 4 + (h & 0xff);
    }
    return -1;
  }
  items(): [string, MatchValue][] {
    return this.fields;
  }
  get oxm_fields(): Record<string, MatchValue> {
    return Object.fromEntries(this.fields);
  }

  override decodeFrom(r: Reader): void {
    this._raw = null;
    this._vals = null;
    this._shape = null;
    const start = r.pos;
    r.need(4, 'ofp_match');
    const b = r.bytes;
    this.type = (b[start]! << 8) | b[start + 1]!;
    const length = (b[start + 2]! << 8) | b[start + 3]!;
    this.length = length;
    if (length < 4) throw new OFPMalformedMessage('ofp_match', start, `length ${length} < 4`);
    const padded = (length + 7) & ~7;
    const table: OxmTable = oxmTable(r.version);
    const end = start + length;
    const saveEnd = r.end;
    r.pos = start + 4;
    if (end > saveEnd) {
      // decode what is there, then report the truncation with this partial match attached
      r.end = saveEnd;
      try {
        while (r.pos < r.end) this.pushTlv(r, table);
      } catch (e) {
        if (!(e instanceof OFPTruncatedMessage)) throw e;
      }
      throw new OFPTruncatedMessage('ofp_match', length, saveEnd - start, start);
    }
    if (oxmBasicListOk(b, start + 4, end, table)) {
      // every TLV is a well-formed OpenFlow-basic field: decoding them cannot fail, so it can wait
      this._fields = null;
      this._raw = b;
      this._rawStart = start + 4;
      this._rawEnd = end;
      this._rawVersion = r.version;
    } else {
      r.end = end;
      try {
        oxmParseList(r, table, this.fields);
      } finally {
        r.end = saveEnd;
      }
    }
    r.pos = Math.min(start + padded, saveEnd);
  }

  private pushTlv(r: Reader, table: OxmTable): void {
    const t = oxmParse(r, table, 'oxm_tlv');
    this.fields.push([t.name, t.value]);
  }

  override encodeTo(w: Writer): void {
    const vals = this._vals;
    if (vals !== null && this._fields === null) {
      // built from keywords: the shape's encoder for this version writes it all, or nothing when a value needs the general path
      const len = this._shape!.encoder(w.version || 6)(w, vals, this.type);
      if (len >= 0) {
        this.length = len;
        return;
      }
    }
    const start = w.pos;
    w.u16(this.type ?? OFPMT_OXM);
    w.u16(0);
    const version = w.version || 6;
    const fields = this.fields;
    const descs = encodeDescs(fields, version);
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      const d = descs[i];
      if (d === undefined || !oxmSerializeFastDesc(w, d, f[1])) oxmSerialize(w, oxmTable(version), f[0], f[1]);
    }
    const length = w.pos - start;
    this.length = length;
    w.patch16(start + 2, length);
    w.align(start, 8);
  }

  override jsonBody(): JsonObject {
    return {
      length: this.length,
      oxm_fields: this.fields.map(([k, v]) => oxmToJsonDict(k, v)),
      type: this.type,
    };
  }

  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject, version = 4): T {
    const list = body.oxm_fields;
    if (!Array.isArray(list)) throw new JsonDictError('OFPMatch: oxm_fields must be a list');
    const m = OFPMatch.fromOrdered(list.map((j: JsonValue) => {
      const t = oxmFromJsonDict(j);
      return [t.name, t.value] as [string, MatchValue];
    }));
    // os-ken serializes and re-parses: length is recomputed, values normalised by the codec
    const table = oxmTable(version);
    m.fields = m.fields.map(([k, v]) => [k, roundTrip(table, k, v)]);
    let len = 4;
    for (const [k, v] of m.fields) len += tlvLen(table, k, v);
    m.length = len;
    return m as unknown as T;
  }

  static override decode<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, r: Reader): T {
    const m = new OFPMatch();
    m.decodeFrom(r);
    return m as unknown as T;
  }
}

/** OFPMatch's fields, as its constructor assigns them without init, in the same order (a test keeps them in step) */
const BlankMatch = function (this: Record<string, unknown>) {
  this.type = OFPMT_OXM;
  this.length = null;
  this._fields = null;
  this._raw = null;
  this._rawStart = 0;
  this._rawEnd = 0;
  this._rawVersion = 0;
  this._shape = null;
  this._vals = null;
} as unknown as new () => OFPMatch;
BlankMatch.prototype = OFPMatch.prototype;

function sortKeyOf(table: OxmTable, name: string): number {
  const d = table.dict[name];
  return d !== undefined ? d.sortKey : oxmSortKey(table, name);
}

/** A shape's encoder for one wire version: writes the whole match and returns its length, or -1 having written nothing. */
type ShapeEncoder = (w: Writer, vals: readonly MatchValue[], type: number | null) => number;
const NO_FAST_ENCODER: ShapeEncoder = () => -1;

/**
 * A sequence of field names as a constructor was given them (absent values left out) and what they
 * mean in one OXM table: each name's descriptor and where its value goes in os-ken's order. Matches
 * built again and again from the same keys (the usual case) skip the lookups and the sorting, and
 * are encoded by code compiled for the shape.
 */
class MatchShape {
  /** the names in os-ken's order (the order the values are kept in) */
  readonly sortedNames: string[];
  private readonly encoders: (ShapeEncoder | undefined)[] = [];
  constructor(
    readonly names: readonly string[],
    readonly descs: readonly (OxmFieldDesc | undefined)[],
    /** position in os-ken's order of the i-th name given; null when given in that order */
    readonly order: Int32Array | null,
  ) {
    this.sortedNames = names.slice();
    if (order !== null) for (let i = 0; i < names.length; i++) this.sortedNames[order[i]!] = names[i]!;
  }

  private captureFn: ((init: MatchInit) => MatchValue[] | null) | null = null;
  /**
   * The values of `init` in os-ken's order, normalized, when its names are exactly this shape's
   * (in the same order, absent values left out), else null. Compiled for the shape on first use:
   * each field's canonical-value check inline, anything else normalized by oxmNormalize.
   */
  capture(init: MatchInit, table: OxmTable): MatchValue[] | null {
    return (this.captureFn ??= this.compileCapture(table))(init);
  }

  private compileCapture(table: OxmTable): (init: MatchInit) => MatchValue[] | null {
    const cases = this.names.map((name, i) => {
      const d = this.descs[i];
      const k = JSON.stringify(name);
      let fast = 'false';
      if (d !== undefined && d.type === MacAddr) fast = `typeof v === 'string' && C(v)`;
      else if (d !== undefined && d.type.size <= 4) fast = `typeof v === 'number' && (v >>> 0) === v${d.type.size < 4 ? ` && v < ${2 ** (8 * d.type.size)}` : ''}`;
      return `${i === 0 ? '' : 'else '}if (i === ${i}) { if (k !== ${k}) return null; out[${this.order === null ? i : this.order[i]!}] = (${fast}) ? v : N(T, ${k}, v); }`;
    });
    const n = this.names.length;
    return new Function('T', 'N', 'C', `return function capture(init) {
      const out = new Array(${n});
      let i = 0;
      for (const k in init) {
        if (k === 'type_' || k === 'length') continue;
        const v = init[k];
        if (v === undefined || v === null) continue;
        ${cases.join('\n        ')}
        ${n === 0 ? '' : 'else '}return null;
        i++;
      }
      return i === ${n} ? out : null;
    }\n//# sourceURL=osken-match-capture-${this.names.join('-')}.js`)(table, oxmNormalize, isCanonicalMac) as (init: MatchInit) => MatchValue[] | null;
  }

  /** the encoder for wire version `version` (compiled on first use) */
  encoder(version: number): ShapeEncoder {
    return this.encoders[version] ?? this.compile(version);
  }

  /**
   * Straight-line code for matches of only unmasked OpenFlow-basic integer and MAC fields (what
   * the encoder's fast path takes); any value it cannot take sends the match down the general path.
   */
  private compile(version: number): ShapeEncoder {
    const dict = oxmTable(version).dict;
    const checks: string[] = [];
    const writes: string[] = [];
    let off = 4;
    let fn: ShapeEncoder = NO_FAST_ENCODER;
    let ok = true;
    this.sortedNames.forEach((name, i) => {
      const d = dict[name];
      if (d === undefined || d.fast === 0) {
        ok = false;
        return;
      }
      const size = d.fast;
      const x = `x${i}`;
      checks.push(`const ${x} = v[${i}];`);
      if (size === 6) checks.push(`if (typeof ${x} !== 'string') return -1;`);
      else checks.push(`if (typeof ${x} !== 'number' || (${x} >>> 0) !== ${x}${size < 4 ? ` || ${x} >= ${2 ** (8 * size)}` : ''}) return -1;`);
      const h = d.hdr;
      writes.push(`b[p + ${off}] = ${h >>> 24}; b[p + ${off + 1}] = ${(h >>> 16) & 255}; b[p + ${off + 2}] = ${(h >>> 8) & 255}; b[p + ${off + 3}] = ${h & 255};`);
      const at = off + 4;
      if (size === 6) writes.push(`M(${x}, b, p + ${at});`);
      else for (let k = 0; k < size; k++) writes.push(`b[p + ${at + k}] = ${k === size - 1 ? `${x} & 255` : `(${x} >>> ${8 * (size - 1 - k)}) & 255`};`);
      off = at + size;
    });
    if (ok) {
      const len = off;
      const padded = (len + 7) & ~7;
      for (let k = len; k < padded; k++) writes.push(`b[p + ${k}] = 0;`);
      fn = new Function('M', `return function encodeMatch(w, v, type) {
        if (typeof type !== 'number') return -1;
        ${checks.join('\n')}
        w.ensure(${padded});
        const b = w.buf;
        const p = w.pos;
        b[p] = (type >>> 8) & 255; b[p + 1] = type & 255; b[p + 2] = ${len >> 8}; b[p + 3] = ${len & 255};
        ${writes.join('\n')}
        w.pos = p + ${padded};
        return ${len};
      }\n//# sourceURL=osken-match-${this.sortedNames.join('-')}.js`)(macToBinInto) as ShapeEncoder;
    }
    this.encoders[version] = fn;
    return fn;
  }
}

/** per OpenFlow version: shapes by names joined with ',' (bounded: cleared when full) and the last one used */
const SHAPE_LIMIT = 256;
interface ShapeCache {
  readonly table: OxmTable;
  readonly byKey: Map<string, MatchShape>;
  last: MatchShape | null;
}
const SHAPES: ShapeCache[] = [3, 4, 5, 6].map((v) => ({ table: oxmTable(v), byKey: new Map<string, MatchShape>(), last: null }));
/** the cache of the version's table (oxmTable's choice: 3, 4, 5, else 1.5) */
function shapeCache(version: number): ShapeCache {
  return SHAPES[version === 3 || version === 4 || version === 5 ? version - 3 : 3]!;
}

/**
 * The encoder's descriptors for the names of `fields` in the version's table: the last list of
 * names encoded is remembered per version (matches built from the same keys encode one after another).
 */
const LAST_ENCODED: { names: string[]; descs: (OxmFieldDesc | undefined)[] }[] = [3, 4, 5, 6].map(() => ({ names: [], descs: [] }));
function encodeDescs(fields: [string, MatchValue][], version: number): readonly (OxmFieldDesc | undefined)[] {
  const last = LAST_ENCODED[version === 3 || version === 4 || version === 5 ? version - 3 : 3]!;
  const names = last.names;
  const n = fields.length;
  if (names.length === n) {
    let i = 0;
    while (i < n && fields[i]![0] === names[i]) i++;
    if (i === n) return last.descs;
  }
  const dict = oxmTable(version).dict;
  last.names = fields.map((f) => f[0]);
  last.descs = last.names.map((k) => dict[k]);
  return last.descs;
}

/** @internal for tests: the number of shapes remembered for a version, and the bound */
export function matchShapeCount(version: number): number {
  return shapeCache(version).byKey.size;
}
export const MATCH_SHAPE_LIMIT = SHAPE_LIMIT;

function makeShape(table: OxmTable, names: string[]): MatchShape {
  const n = names.length;
  const descs = names.map((k) => table.dict[k]);
  // os-ken's order: by OXM sort key, stable
  const idx = names.map((_, i) => i);
  const keys = names.map((k) => sortKeyOf(table, k));
  idx.sort((x, y) => keys[x]! - keys[y]! || x - y);
  let sorted = true;
  const order = new Int32Array(n);
  for (let pos = 0; pos < n; pos++) {
    order[idx[pos]!] = pos;
    if (idx[pos] !== pos) sorted = false;
  }
  return new MatchShape(names, descs, sorted ? null : order);
}

/**
 * The values of a constructor's init, normalized, in os-ken's order; `cache.last` is left at
 * their shape (the names they go with).
 */
function valuesFromInit(init: MatchInit, cache: ShapeCache): MatchValue[] {
  const shape = cache.last;
  // the keys of the last shape, in the same order: each value goes straight to its place
  const out = shape === null ? null : shape.capture(init, cache.table);
  return out ?? valuesFromInitSlow(init, cache);
}

/** valuesFromInit for another shape than the last: looks it up (or makes it) and makes it the last. */
function valuesFromInitSlow(init: MatchInit, cache: ShapeCache): MatchValue[] {
  const table = cache.table;
  const names: string[] = [];
  const vals: MatchValue[] = [];
  for (const k in init) {
    if (k === 'type_' || k === 'length') continue;
    const v = init[k];
    if (v === undefined || v === null) continue;
    vals.push(oxmNormalizeDesc(table.dict[k], table, k, v));
    names.push(k);
  }
  const key = names.join(',');
  let shape = cache.byKey.get(key);
  if (shape === undefined) {
    if (cache.byKey.size >= SHAPE_LIMIT) cache.byKey.clear();
    shape = makeShape(table, names);
    cache.byKey.set(key, shape);
  }
  cache.last = shape;
  const order = shape.order;
  if (order === null) return vals;
  const out = new Array<MatchValue>(vals.length);
  for (let i = 0; i < vals.length; i++) out[order[i]!] = vals[i]!;
  return out;
}

import { Writer as W } from '../wire/writer.js';
import { Reader as R } from '../wire/reader.js';
function roundTrip(table: OxmTable, k: string, v: MatchValue): MatchValue {
  const w = new W(64);
  oxmSerialize(w, table, k, v);
  const r = new R(w.buf, 0, w.pos);
  return oxmParse(r, table).value;
}
function tlvLen(table: OxmTable, k: string, v: MatchValue): number {
  const w = new W(64);
  return oxmSerialize(w, table, k, v);
}
