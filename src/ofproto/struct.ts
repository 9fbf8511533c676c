/**
 * The OpenFlow structure engine: one declarative description per wire
 * structure drives decode, encode, construction with os-ken's defaults, and
 * os-ken's JSON (to_jsondict/from_jsondict). Fixed-size runs of scalar
 * fields are compiled once into straight-line DataView code (new Function),
 * so generated codecs run at hand-written speed; variable parts (nested
 * structs, lists, OXM, data) call small typed helpers.
 */
import { Reader } from '../wire/reader.js';
import { Writer } from '../wire/writer.js';
import { JsonDictError, OFPEncodeError, OFPMalformedMessage, OFPTruncatedMessage } from '../wire/errors.js';
import { macToBin, macToBinInto, macToText, ipv4ToBin, ipv4ToText } from '../wire/addrconv.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../wire/json/json.js';

/** How a non-scalar field is decoded, encoded and shown as JSON. */
export interface FieldOps<T> {
  /** decode the field's value; `name` lets a nested structure attach itself to `o` before it is filled */
  decode(r: Reader, o: StructObj, name: string): T;
  encode(w: Writer, v: T, o: StructObj): void;
  toJson(v: T): JsonValue;
  fromJson(j: JsonValue, version: number): T;
}

export type ScalarKind = 'u8' | 'u16' | 'u32' | 'u64' | 'pad' | 'mac' | 'ipv4' | 'bytes' | 'str';

export interface FieldSpec<T = unknown, I = T> {
  readonly kind: ScalarKind | 'len' | 'lenOf' | 'var';
  /** fixed wire size in bytes, or -1 for variable */
  readonly size: number;
  /** default value (a function for mutable defaults) */
  readonly def: T | (() => T);
  /** for 'str': 'ascii' | 'utf-8'; for 'len': alignment mode */
  readonly opt?: string;
  /** for 'len': multiple the encoded struct is padded to; for 'lenOf': target field and extra length */
  readonly align?: number;
  readonly target?: string;
  readonly extra?: number;
  readonly ops?: FieldOps<T>;
  /** constant value written on encode (type discriminators) */
  readonly constValue?: number;
  /** phantom: the type a constructor accepts */
  readonly _init?: I;
}

/* ---------- field constructors ---------- */
export const u8 = (def = 0): FieldSpec<number> => ({ kind: 'u8', size: 1, def });
export const u16 = (def = 0): FieldSpec<number> => ({ kind: 'u16', size: 2, def });
export const u32 = (def = 0): FieldSpec<number> => ({ kind: 'u32', size: 4, def });
export const u64 = (def: bigint = 0n): FieldSpec<bigint, bigint | number> => ({ kind: 'u64', size: 8, def });
export const pad = (n: number): FieldSpec<undefined> => ({ kind: 'pad', size: n, def: undefined });
export const mac = (def = '00:00:00:00:00:00'): FieldSpec<string> => ({ kind: 'mac', size: 6, def });
export const ipv4 = (def = '0.0.0.0'): FieldSpec<string> => ({ kind: 'ipv4', size: 4, def });
/** fixed-size raw bytes (base64 in JSON) */
export const fixedBytes = (n: number): FieldSpec<Uint8Array> => ({ kind: 'bytes', size: n, def: () => new Uint8Array(n) });
/** fixed-size NUL-padded string (os-ken strips trailing NULs) */
export const str = (n: number, enc: 'ascii' | 'utf-8' = 'ascii'): FieldSpec<string> => ({ kind: 'str', size: n, def: '', opt: enc });
/** type discriminator: a u16/u8/u32 written as the class's constant */
export const typeConst = (value: number, bits: 8 | 16 | 32 = 16): FieldSpec<number> => ({
  kind: bits === 8 ? 'u8' : bits === 16 ? 'u16' : 'u32',
  size: bits / 8,
  def: value,
  constValue: value,
});
/**
 * The structure's own length (u16 unless bits=32). `align`: the encoded struct is padded to this multiple
 * and the pad is counted in the length (actions, instructions). `pad8Excluded`: padded to 8 but the length
 * excludes the pad (ofp_match, OXS stats).
 */
export const selfLen = (opts: { bits?: 16 | 32; align?: number; excludePad?: boolean } = {}): FieldSpec<number | null> => ({
  kind: 'len',
  size: (opts.bits ?? 16) / 8,
  def: null,
  align: opts.align ?? 1,
  opt: opts.excludePad ? 'exclude' : 'include',
});
/** The byte length of another (later) variable field, plus `extra`. */
export const lenOf = (target: string, bits: 16 | 32 = 16, extra = 0): FieldSpec<number | null> => ({
  kind: 'lenOf',
  size: bits / 8,
  def: null,
  target,
  extra,
});
/** A variable-size field with its own codec. */
export function varField<T, I = T>(ops: FieldOps<T>, def: T | (() => T)): FieldSpec<T, I> {
  return { kind: 'var', size: -1, def, ops };
}

/* ---------- object base ---------- */
export interface StructObj {
  [k: string]: unknown;
}

type SpecMap = Record<string, FieldSpec<unknown, unknown>>;
type PublicKeys<S> = { [K in keyof S]: K extends `_${string}` ? never : K }[keyof S];
type ValueOf<F> = F extends FieldSpec<infer T, unknown> ? T : never;
type InitOf<F> = F extends FieldSpec<infer T, infer I> ? (unknown extends I ? T : I) : never;
export type Attrs<S> = { -readonly [K in PublicKeys<S>]: ValueOf<S[K]> };
export type Init<S> = { [K in PublicKeys<S>]?: InitOf<S[K]> | null };

/** What every generated structure class offers. */
export interface StructStatics<T> {
  readonly jsonName: string;
  readonly layout: Layout;
  decode(r: Reader): T;
  fromJsonDict(body: JsonObject, version?: number): T;
}

export interface LayoutField {
  readonly name: string;
  readonly spec: FieldSpec<unknown, unknown>;
  /** offset within the fixed run, or -1 for variable fields */
  readonly attr: boolean;
}

/** Compiled description of one structure. */
export class Layout {
  readonly fields: LayoutField[];
  readonly attrs: string[];
  /** size of the fixed prefix (up to the first variable field) */
  readonly minSize: number;
  readonly lenField: LayoutField | undefined;
  readonly lenOffset: number;
  decodeFn!: (o: StructObj, r: Reader, H: Helpers) => void;
  encodeFn!: (o: StructObj, w: Writer, H: Helpers) => void;
  initFn!: (o: StructObj, a: Record<string, unknown> | undefined, D: unknown[]) => void;
  defaults: unknown[];

  constructor(readonly name: string, spec: SpecMap) {
    this.fields = Object.keys(spec).map((name) => ({ name, spec: spec[name]!, attr: !name.startsWith('_') }));
    this.attrs = this.fields.filter((f) => f.attr).map((f) => f.name);
    let off = 0;
    let fixed = true;
    let minSize = 0;
    let lenOffset = -1;
    let lenField: LayoutField | undefined;
    for (const f of this.fields) {
      if (f.spec.kind === 'len') {
        lenField = f;
        lenOffset = fixed ? off : -1;
      }
      if (f.spec.size < 0) fixed = false;
      if (fixed) off += f.spec.size;
    }
    minSize = off;
    this.minSize = minSize;
    this.lenField = lenField;
    this.lenOffset = lenOffset;
    this.defaults = this.fields.map((f) => f.spec.def);
    // compiled on first use: a program loads hundreds of layouts and uses a few
    this.decodeFn = (o, r, H) => {
      this.compile();
      this.decodeFn(o, r, H);
    };
    this.encodeFn = (o, w, H) => {
      this.compile();
      this.encodeFn(o, w, H);
    };
    this.initFn = (o, a, D) => {
      this.compile();
      this.initFn(o, a, D);
    };
  }

  /** Compile now (the decode/encode/init functions are final afterwards). */
  ensureCompiled(): void {
    if (!this.compiled) this.compile();
  }

  private compiled = false;

  private compile(): void {
    this.compiled = true;
    const fields = this.fields;
    // fixed fields are read from the bytes (no DataView per message); u64 through an 8-byte scratch view
    const dec: string[] = ['const b = r.bytes; const start = r.pos; let p = start; let e = r.end;'];
    if (fields.some((f) => f.spec.kind === 'u64')) dec.push('const S8 = H.s8; const SV = H.sv;');
    const enc: string[] = ['const start = w.pos; let p = start; let v; let b;'];
    const ini: string[] = [];
    const where = JSON.stringify(this.name);
    // group consecutive fixed fields
    let i = 0;
    let lenSeen = false;
    while (i < fields.length) {
      if (fields[i]!.spec.size >= 0) {
        let j = i;
        let size = 0;
        while (j < fields.length && fields[j]!.spec.size >= 0) size += fields[j++]!.spec.size;
        dec.push(`if (e - p < ${size}) H.trunc(${where}, ${size}, e - p, p);`);
        enc.push(`w.ensure(${size}); v = w.view; b = w.buf;`);
        let off = 0;
        for (let k = i; k < j; k++) {
          const f = fields[k]!;
          const a = `o[${JSON.stringify(f.name)}]`;
          const at = `p + ${off}`;
          const s = f.spec;
          switch (s.kind) {
            case 'u8': dec.push(`${a} = b[${at}];`); break;
            case 'u16': dec.push(`${a} = ${rd16(at)};`); break;
            case 'u32': dec.push(`${a} = ${rd32(at)};`); break;
            case 'u64': {
              // 0 and all-ones (the usual cookies) without the DataView call
              const cp: string[] = [];
              for (let z = 0; z < 8; z++) cp.push(`S8[${z}] = b[${at} + ${z}];`);
              dec.push(`{ const h = ${rd32(at)}, l = ${rd32(`${at} + 4`)}; if ((h | l) === 0) ${a} = 0n; else if ((h & l) === -1) ${a} = 0xffffffffffffffffn; else { ${cp.join(' ')} ${a} = SV.getBigUint64(0); } }`);
              break;
            }
            case 'mac': dec.push(`${a} = H.macToText(b, ${at});`); break;
            case 'ipv4': dec.push(`${a} = H.ipv4ToText(b, ${at});`); break;
            case 'bytes': dec.push(`${a} = b.subarray(${at}, ${at} + ${s.size});`); break;
            case 'str': dec.push(`${a} = H.strDec(b, ${at}, ${s.size}, ${JSON.stringify(s.opt)});`); break;
            case 'len':
            case 'lenOf': {
              dec.push(`${a} = ${s.size === 2 ? rd16(at) : rd32(at)};`);
              if (s.kind === 'len') {
                lenSeen = true;
                const alignExpr = s.opt === 'exclude' && (s.align ?? 1) > 1 ? `((${a} + ${s.align! - 1}) & ~${s.align! - 1})` : a;
                dec.push(`const selfLen = ${alignExpr}; H.checkLen(${a}, ${this.minSize}, start, e, ${where}); e = start + selfLen; if (e > r.end) e = r.end;`);
              }
              break;
            }
            case 'pad': break;
            default: break;
          }
          // encode
          const val = s.constValue !== undefined ? String(s.constValue) : a;
          switch (s.kind) {
            case 'u8':
            case 'u16':
            case 'u32': {
              const max = s.kind === 'u8' ? 0xff : s.kind === 'u16' ? 0xffff : 0xffffffff;
              const set = s.kind === 'u8' ? 'setUint8' : s.kind === 'u16' ? 'setUint16' : 'setUint32';
              if (s.constValue === undefined && !f.attr) {
                // wire-only field filled by a custom hook (or zero)
                enc.push(`v.${set}(${at}, ${a} ?? 0);`);
              } else if (s.constValue === undefined) {
                // out-of-range or non-integer values are refused, never silently truncated
                // (x & max) === x / (x >>> 0) === x hold exactly for the integers in range
                const ok = s.kind === 'u32' ? "typeof x === 'number' && (x >>> 0) === x" : `typeof x === 'number' && (x & ${max}) === x`;
                enc.push(`{ const x = ${a}; if (!(${ok})) H.range(${where}, ${JSON.stringify(f.name)}, x, ${max}); v.${set}(${at}, x); }`);
              } else enc.push(`v.${set}(${at}, ${val});`);
              break;
            }
            case 'u64': enc.push(`{ const x = ${a}; if (typeof x !== 'bigint' || BigInt.asUintN(64, x) !== x) H.range(${where}, ${JSON.stringify(f.name)}, x, 18446744073709551615n); v.setBigUint64(${at}, x); }`); break;
            case 'mac': enc.push(`H.macToBinInto(${a}, b, ${at});`); break;
            case 'ipv4': enc.push(`b.set(H.ipv4ToBin(${a}), ${at});`); break;
            case 'bytes': enc.push(`H.bytesEnc(b, ${at}, ${s.size}, ${a});`); break;
            case 'str': enc.push(`H.strEnc(b, ${at}, ${s.size}, ${a}, ${JSON.stringify(s.opt)});`); break;
            case 'pad':
            case 'len':
            case 'lenOf':
              // the scratch buffer is reused: zero explicitly (a few stores beat fill for short runs)
              if (s.size <= 8) for (let z = 0; z < s.size; z++) enc.push(`b[${at} + ${z}] = 0;`);
              else enc.push(`b.fill(0, ${at}, ${at} + ${s.size});`);
              break;
            default: break;
          }
          off += s.size;
        }
        dec.push(`p += ${size};`);
        enc.push(`p += ${size}; w.pos = p;`);
        i = j;
      } else {
        const f = fields[i]!;
        const k = i;
        const a = `o[${JSON.stringify(f.name)}]`;
        // a lenOf field bounding this one?
        const bound = fields.find((x) => x.spec.kind === 'lenOf' && x.spec.target === f.name);
        if (bound) {
          const bl = `o[${JSON.stringify(bound.name)}]`;
          dec.push(`{ const n = ${bl} - ${bound.spec.extra ?? 0}; if (n < 0) H.malformed(${where}, p, 'length field ${bound.name} too small'); if (p + n > e) H.trunc(${where}, n, e - p, p); const r2 = H.subReader(r, p, p + n); ${a} = H.ops[${k}].decode(r2, o, ${JSON.stringify(f.name)}); p = p + n; }`);
        } else {
          dec.push(`r.pos = p; { const save = r.end; r.end = e; try { ${a} = H.ops[${k}].decode(r, o, ${JSON.stringify(f.name)}); } finally { r.end = save; } } p = r.pos;`);
        }
        enc.push(`{ const s0 = w.pos; H.ops[${k}].encode(w, ${a}, o); p = w.pos;`);
        if (bound) {
          const boff = this.fixedOffsetOf(bound.name);
          const setter = bound.spec.size === 2 ? 'setUint16' : 'setUint32';
          enc.push(`const n = w.pos - s0 + ${bound.spec.extra ?? 0}; o[${JSON.stringify(bound.name)}] = n; w.view.${setter}(start + ${boff}, n);`);
        }
        enc.push('}');
        i++;
      }
    }
    // finish: consume to the end of a self-length struct
    if (lenSeen) {
      dec.push('r.pos = e;');
    } else {
      dec.push('r.pos = p;');
    }
    const lf = this.lenField;
    if (lf) {
      const align = lf.spec.align ?? 1;
      const setter = lf.spec.size === 2 ? 'setUint16' : 'setUint32';
      if (lf.spec.opt === 'exclude') {
        enc.push(`{ const n = w.pos - start; o[${JSON.stringify(lf.name)}] = n; w.view.${setter}(start + ${this.lenOffset}, n); w.align(start, ${align}); }`);
      } else {
        enc.push(`{ w.align(start, ${align}); const n = w.pos - start; o[${JSON.stringify(lf.name)}] = n; w.view.${setter}(start + ${this.lenOffset}, n); }`);
      }
    }
    fields.forEach((f, k) => {
      if (!f.attr) return;
      const a = `o[${JSON.stringify(f.name)}]`;
      const src = `a[${JSON.stringify(f.name)}]`;
      const def = typeof f.spec.def === 'function' ? `D[${k}]()` : `D[${k}]`;
      if (f.spec.kind === 'u64') ini.push(`${a} = (a !== undefined && ${src} != null) ? BigInt(${src}) : ${def};`);
      else ini.push(`${a} = (a !== undefined && ${src} != null) ? ${src} : ${def};`);
    });
    this.decodeFn = new Function('o', 'r', 'H', dec.join('\n') + `\n//# sourceURL=osken-decode-${this.name}.js`) as Layout['decodeFn'];
    this.encodeFn = new Function('o', 'w', 'H', enc.join('\n') + `\n//# sourceURL=osken-encode-${this.name}.js`) as Layout['encodeFn'];
    this.initFn = new Function('o', 'a', 'D', ini.join('\n')) as Layout['initFn'];
  }

  fixedOffsetOf(name: string): number {
    let off = 0;
    for (const f of this.fields) {
      if (f.name === name) return off;
      if (f.spec.size < 0) break;
      off += f.spec.size;
    }
    throw new Error(`${this.name}.${name} is not in the fixed part`);
  }
}

/** Big-endian reads from the byte array `b` in compiled code (bounds are checked once per fixed run). */
const rd16 = (at: string): string => `((b[${at}] << 8) | b[${at} + 1])`;
const rd32 = (at: string): string => `(((b[${at}] << 24) | (b[${at} + 1] << 16) | (b[${at} + 2] << 8) | b[${at} + 3]) >>> 0)`;

/** Helpers handed to compiled code. */
export interface Helpers {
  ops: (FieldOps<unknown> | undefined)[];
  trunc(where: string, need: number, have: number, offset: number): never;
  malformed(where: string, offset: number, detail: string): never;
  range(where: string, field: string, value: unknown, max: number | bigint): never;
  checkLen(len: number, min: number, start: number, end: number, where: string): void;
  subReader(r: Reader, pos: number, end: number): Reader;
  /** 8-byte scratch and its view: u64 fields are copied there and read with getBigUint64 */
  s8: Uint8Array;
  sv: DataView;
  macToText: typeof macToText;
  ipv4ToText: typeof ipv4ToText;
  macToBin: typeof macToBin;
  macToBinInto: typeof macToBinInto;
  ipv4ToBin: typeof ipv4ToBin;
  strDec(b: Uint8Array, off: number, n: number, enc: string): string;
  strEnc(b: Uint8Array, off: number, n: number, s: string, enc: string): void;
  bytesEnc(b: Uint8Array, off: number, n: number, v: Uint8Array): void;
}

const U64_SCRATCH = new Uint8Array(8);
const U64_VIEW = new DataView(U64_SCRATCH.buffer);
const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');
const utf8e = new TextEncoder();

function makeHelpers(layout: Layout): Helpers {
  return {
    ops: layout.fields.map((f) => f.spec.ops as FieldOps<unknown> | undefined),
    trunc(where, need, have, offset) {
      throw new OFPTruncatedMessage(where, need, have, offset);
    },
    malformed(where, offset, detail) {
      throw new OFPMalformedMessage(where, offset, detail);
    },
    range(where, field, value, max) {
      throw new OFPEncodeError(where, field, `${String(value)} is not an integer in 0..${String(max)}`);
    },
    checkLen(len, min, start, end, where) {
      if (len < min) throw new OFPMalformedMessage(where, start, `length ${len} < minimum ${min}`);
      if (start + len > end) throw new OFPTruncatedMessage(where, len, end - start, start);
    },
    subReader(r, pos, end) {
      return new Reader(r.bytes, pos, end, r.version, r.viewIfMade);
    },
    s8: U64_SCRATCH,
    sv: U64_VIEW,
    macToText,
    ipv4ToText,
    macToBin,
    macToBinInto,
    ipv4ToBin,
    strDec(b, off, n, enc) {
      let end = off + n;
      while (end > off && b[end - 1] === 0) end--;
      const s = b.subarray(off, end);
      return enc === 'utf-8' ? utf8.decode(s) : latin1.decode(s);
    },
    strEnc(b, off, n, s, enc) {
      b.fill(0, off, off + n);
      const bytes = enc === 'utf-8' ? utf8e.encode(s) : Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
      b.set(bytes.subarray(0, n), off);
    },
    bytesEnc(b, off, n, v) {
      b.fill(0, off, off + n);
      if (v) b.set(v.subarray(0, n), off);
    },
  };
}

/* ---------- JSON of field values ---------- */
function fieldToJson(spec: FieldSpec<unknown, unknown>, v: unknown): JsonValue {
  if (spec.ops) return spec.ops.toJson(v);
  if (v instanceof Uint8Array) return base64Encode(v);
  return v as JsonValue;
}

function fieldFromJson(spec: FieldSpec<unknown, unknown>, j: JsonValue, version: number): unknown {
  if (spec.ops) return spec.ops.fromJson(j, version);
  switch (spec.kind) {
    case 'u64':
      if (typeof j === 'bigint') return j;
      if (typeof j === 'number') return BigInt(j);
      throw new JsonDictError(`expected an integer, got ${String(j)}`);
    case 'bytes':
      return typeof j === 'string' ? base64Decode(j) : new Uint8Array(0);
    case 'u8':
    case 'u16':
    case 'u32':
    case 'len':
    case 'lenOf':
      if (j === null) return null;
      if (typeof j === 'bigint') return Number(j);
      return j;
    default:
      return j;
  }
}

/* ---------- adoption of exported subclasses ---------- */
/** Marks the classes made by defineStruct (own property, not inherited). */
const ENGINE_BASE = Symbol('osken.engineBase');
/** engine base class -> the exported `class X extends defineStruct(...) {}` */
const ADOPTED = new Map<unknown, StructCtor>();

/** facade namespaces waiting to be adopted (their bindings may still be initialising: import cycles) */
const PENDING_NS: Record<string, unknown>[] = [];

function flushAdoptions(): void {
  const found = new Map<unknown, StructCtor>();
  for (let i = 0; i < PENDING_NS.length; ) {
    const ns = PENDING_NS[i]!;
    let ready = true;
    for (const key of Object.keys(ns)) {
      let v: unknown;
      try {
        v = ns[key];
      } catch {
        ready = false; // binding not initialised yet: retry later
        continue;
      }
      if (typeof v !== 'function') continue;
      const parent = Object.getPrototypeOf(v) as Record<symbol, unknown> | null;
      if (!parent || !Object.prototype.hasOwnProperty.call(parent, ENGINE_BASE)) continue;
      if (ADOPTED.has(parent) || found.has(parent)) continue;
      found.set(parent, v as StructCtor);
    }
    if (ready) PENDING_NS.splice(i, 1);
    else i++;
  }
  if (found.size === 0) return;
  ADOPTION_EPOCH++;
  for (const [parent, child] of found) ADOPTED.set(parent, child);
  // one pass over the registry
  for (const m of CLASSES.values()) {
    for (const [k, c] of m) {
      const child = found.get(c);
      if (child) m.set(k, child);
    }
  }
}

/** The class users import for an engine base (itself when not subclassed). */
export function adopted<T>(cls: T): T {
  if (PENDING_NS.length) flushAdoptions();
  return (ADOPTED.get(cls) as T | undefined) ?? cls;
}

/**
 * Changes whenever adopted() may answer differently (a facade is waiting to be adopted, or was):
 * callers may cache adopted(x) while it stays the same. Odd while adoptions are pending.
 */
export function adoptionEpoch(): number {
  return PENDING_NS.length ? -2 : ADOPTION_EPOCH;
}
let ADOPTION_EPOCH = 0;

/**
 * Make decoders and JSON lookups produce the exported subclasses (`class OFPFlowMod extends defineMsg(...) {}`)
 * rather than their generated bases, so `msg instanceof OFPFlowMod` holds and subclass members exist.
 * Each parser facade calls this with its own module namespace; the work happens at first use.
 */
export function adoptExports(ns: Record<string, unknown>): void {
  PENDING_NS.push(ns);
}

/* ---------- registry ---------- */
/** Classes by JSON name, per OpenFlow version (wire version byte). */
const CLASSES = new Map<number, Map<string, StructCtor>>();

export function registerClass(versions: readonly number[], cls: StructCtor): void {
  for (const v of versions) {
    let m = CLASSES.get(v);
    if (!m) CLASSES.set(v, (m = new Map()));
    m.set(cls.jsonName, cls);
  }
}

/** Every registered class of a version (JSON name -> class). */
export function registeredClasses(version: number): ReadonlyMap<string, StructCtor> {
  if (PENDING_NS.length) flushAdoptions();
  return CLASSES.get(version) ?? new Map();
}

export function lookupClass(version: number, name: string): StructCtor | undefined {
  if (PENDING_NS.length) flushAdoptions();
  return CLASSES.get(version)?.get(name);
}

/** Decode `{ClassName: body}` with the classes of `version`. */
export function objFromJsonDict(j: JsonValue, version: number): OFPStruct {
  if (j === null || typeof j !== 'object' || Array.isArray(j)) throw new JsonDictError('expected {"ClassName": {...}}');
  const keys = Object.keys(j);
  if (keys.length !== 1) throw new JsonDictError(`expected exactly one class key, got ${keys.join(',')}`);
  const cls = lookupClass(version, keys[0]!);
  if (!cls) throw new JsonDictError(`unknown class ${keys[0]} for OpenFlow version ${version}`);
  return cls.fromJsonDict((j as JsonObject)[keys[0]!] as JsonObject, version);
}

/* ---------- base class ---------- */
export interface StructCtor {
  readonly jsonName: string;
  readonly layout: Layout;
  new (init?: Record<string, unknown>): OFPStruct;
  decode(r: Reader): OFPStruct;
  fromJsonDict(body: JsonObject, version?: number): OFPStruct;
}

/** Base of every OpenFlow structure and message. */
export abstract class OFPStruct {
  static jsonName = 'OFPStruct';
  static layout: Layout;
  static helpers: Helpers;

  constructor(_init?: Record<string, unknown>) {}

  /** Fill this object's fields from r (bounded by r.end); advances r.pos. */
  decodeFrom(r: Reader): void {
    const C = this.constructor as typeof OFPStruct;
    C.layout.decodeFn(this as unknown as StructObj, r, C.helpers);
  }

  /** Append this structure's wire form to w; length fields are recomputed and stored back. */
  encodeTo(w: Writer): void {
    const C = this.constructor as typeof OFPStruct;
    C.layout.encodeFn(this as unknown as StructObj, w, C.helpers);
  }

  /** The JSON attributes (os-ken's to_jsondict body), keys sorted. */
  jsonBody(): JsonObject {
    const C = this.constructor as typeof OFPStruct;
    const out: JsonObject = {};
    const o = this as unknown as StructObj;
    for (const f of C.layout.fields) {
      if (f.attr) out[f.name] = fieldToJson(f.spec, o[f.name]);
    }
    return out;
  }

  /** os-ken's to_jsondict(): `{ClassName: {...}}`. */
  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof OFPStruct).jsonName]: this.jsonBody() };
  }

  /** Build from a to_jsondict body (the object under the class key). */
  static fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject, version = 4): T {
    const C = this as unknown as typeof OFPStruct;
    const init: Record<string, unknown> = {};
    for (const f of C.layout.fields) {
      if (!f.attr) continue;
      if (body[f.name] === undefined) continue;
      init[f.name] = fieldFromJson(f.spec, body[f.name]!, version);
    }
    return new this(init);
  }

  /** Decode one instance at r.pos. */
  static decode<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, r: Reader): T {
    // decoding fills every field itself: skip the constructor's defaults (see fastDecoder)
    return fastDecoder(this as unknown as typeof OFPStruct).decode(r) as T;
  }
}

/**
 * How decoders make and fill instances of one class, compiled per class (so each has its own
 * type feedback). For a "plain" class (every constructor between it and OFPStruct is an engine
 * base, a default constructor or a registered one, and decodeFrom is the engine's), the object
 * is made by a factory that assigns the fields in the order the constructors and the decoder
 * would (same prototype: `instanceof` holds, `constructor` is the class), skipping the
 * constructor chain; otherwise by `new cls(SKIP_INIT)` and `decodeFrom`.
 */
export interface FastDecoder {
  readonly cls: unknown;
  /** a new instance as `new cls(SKIP_INIT)` makes it (fields to be filled by decodeInto) */
  create(): OFPStruct;
  /**
   * create(), with the fields of registerPlainConstructor'd bases set from the arguments, in
   * their registered order (a message's version, msg_type, msg_len, xid, buf, datapath): per-class
   * stores, where the same stores made after create() by shared code would go megamorphic
   */
  createWith(...values: unknown[]): OFPStruct;
  /** fill `o` (made by create) from r, as o.decodeFrom(r) */
  decodeInto(o: OFPStruct, r: Reader): void;
  /** create + decodeInto */
  decode(r: Reader): OFPStruct;
}

const FAST = Symbol('osken.fastDecoder');
/** Constructors known to assign only these fields (to null) when given SKIP_INIT (MsgBase registers itself). */
const KNOWN_CTORS = new Map<unknown, readonly string[]>();

/**
 * Declare that `cls`'s constructor, given SKIP_INIT, only sets `fields` to null, in this order
 * (`'name=literal'` for a field it sets to a literal other than null, e.g. `'count=0'`).
 */
export function registerPlainConstructor(cls: unknown, fields: readonly string[]): void {
  KNOWN_CTORS.set(cls, fields);
}

function isDefaultConstructor(k: unknown): boolean {
  if (typeof k !== 'function') return false;
  const src = Function.prototype.toString.call(k);
  // a class without an explicit constructor (TS emits one for instance fields)
  return src.startsWith('class') && !/\bconstructor\s*\(/.test(src);
}

export function fastDecoder(cls: typeof OFPStruct): FastDecoder {
  const f = (cls as unknown as Record<symbol, FastDecoder | undefined>)[FAST];
  if (f !== undefined && f.cls === cls) return f;
  return makeFastDecoder(cls);
}

function makeFastDecoder(cls: typeof OFPStruct): FastDecoder {
  let plain = cls.prototype.decodeFrom === OFPStruct.prototype.decodeFrom && cls.layout instanceof Layout;
  const inherited: (readonly string[])[] = [];
  let k: unknown = cls;
  for (; typeof k === 'function' && k !== OFPStruct && k !== Function.prototype; k = Object.getPrototypeOf(k)) {
    if (KNOWN_CTORS.has(k)) inherited.unshift(KNOWN_CTORS.get(k)!);
    else if (!Object.prototype.hasOwnProperty.call(k, ENGINE_BASE) && !isDefaultConstructor(k)) plain = false;
  }
  if (k !== OFPStruct) plain = false;
  const specs = inherited.flat();
  const names = specs.map((f) => f.split('=')[0]!);
  const args = names.map((_, i) => `a${i}`);
  const nulls = specs.map((f) => f.split('=')[1] ?? 'null').join(', ');
  let fd: FastDecoder;
  const tag = cls.name.replace(/[^A-Za-z0-9_]/g, '_');
  if (plain) {
    const layout = cls.layout;
    layout.ensureCompiled();
    const init: string[] = names.map((n, i) => `this[${JSON.stringify(n)}] = a${i};`);
    for (const fl of layout.fields) if (fl.spec.kind !== 'pad') init.push(`this[${JSON.stringify(fl.name)}] = undefined;`);
    fd = new Function('P', 'L', 'H', 'C', `
      function F(${args.join(', ')}) { ${init.join(' ')} }
      F.prototype = P;
      const dec = L.decodeFn;
      return {
        cls: C,
        create: function () { return new F(${nulls}); },
        createWith: function (${args.join(', ')}) { return new F(${args.join(', ')}); },
        decodeInto: function (o, r) { dec(o, r, H); },
        decode: function (r) { const o = new F(${nulls}); dec(o, r, H); return o; },
      };
      //# sourceURL=osken-new-${tag}.js`)(cls.prototype, layout, cls.helpers, cls) as FastDecoder;
  } else {
    const sets = names.map((n, i) => `o[${JSON.stringify(n)}] = a${i};`).join(' ');
    fd = new Function('C', 'SKIP', `
      return {
        cls: C,
        create: function () { return new C(SKIP); },
        createWith: function (${args.join(', ')}) { const o = new C(SKIP); ${sets} return o; },
        decodeInto: function (o, r) { o.decodeFrom(r); },
        decode: function (r) { const o = new C(SKIP); o.decodeFrom(r); return o; },
      };
      //# sourceURL=osken-new-${tag}.js`)(cls, SKIP_INIT) as FastDecoder;
  }
  Object.defineProperty(cls, FAST, { value: fd, writable: true, configurable: true, enumerable: false });
  return fd;
}

/** The per-class encodeTo methods defineStruct installs (a class built on such a class gets its own). */
const ENGINE_ENCODERS = new WeakSet<object>();

/**
 * A per-class encodeTo uses its own class's layout. If a hand-written class overrides encodeTo
 * and calls super.encodeTo (reaching such a method) while a new structure is built on it, the
 * call must use the new structure's layout: those engine classes get the generic encodeTo back.
 */
function keepSuperEncodeGeneric(base: abstract new (...args: never[]) => OFPStruct): void {
  let overridden = false;
  for (let k: unknown = base; typeof k === 'function' && k !== OFPStruct; k = Object.getPrototypeOf(k)) {
    const proto = (k as { prototype: object }).prototype;
    const own = Object.getOwnPropertyDescriptor(proto, 'encodeTo');
    if (own === undefined) continue;
    if (ENGINE_ENCODERS.has(own.value as object)) {
      if (overridden) Object.defineProperty(proto, 'encodeTo', { configurable: true, writable: true, value: OFPStruct.prototype.encodeTo });
    } else overridden = true;
  }
}

/** Passed to a generated constructor by decoders: do not assign defaults (decode assigns every field in the same order). */
export const SKIP_INIT: Record<string, unknown> = Object.freeze({});

/**
 * Passed by a generated constructor to a base registered with registerInlinedBase: the base then
 * assigns nothing, and the generated constructor assigns the base's fields itself. A base
 * constructor shared by many classes sees many object shapes, so its stores go megamorphic
 * (generic, slow) once a few kinds of message have been built; per-class code keeps one shape.
 */
export const INLINE_BASE_INIT: Record<string, unknown> = Object.freeze({});
/** base class -> JS statements that assign its fields on `this` from `init` (as its constructor does) */
const INLINED_BASES = new Map<unknown, string>();

/**
 * Declare that `cls`'s constructor, given INLINE_BASE_INIT, returns without assigning anything, and
 * otherwise runs `code` (statements over `this` and `init`, `init` possibly undefined or SKIP_INIT).
 */
export function registerInlinedBase(cls: unknown, code: string): void {
  INLINED_BASES.set(cls, code);
}

/** base class -> what defineStruct does to each class it builds on that base (install per-class methods) */
const CLASS_COMPILERS = new Map<unknown, (cls: unknown) => void>();

/** Have defineStruct call `compile(C)` for every class C it builds whose chain includes `base`. */
export function registerClassCompiler(base: unknown, compile: (cls: unknown) => void): void {
  CLASS_COMPILERS.set(base, compile);
}

/** The field code of the registered base `base` reaches through default constructors only, else null. */
function inlinedBaseCode(base: unknown): string | null {
  for (let k: unknown = base; typeof k === 'function' && k !== OFPStruct; k = Object.getPrototypeOf(k)) {
    const code = INLINED_BASES.get(k);
    if (code !== undefined) return code;
    if (Object.prototype.hasOwnProperty.call(k, ENGINE_BASE) || !isDefaultConstructor(k)) return null;
  }
  return null;
}

/**
 * Define a structure class from its description. Use as a base class:
 * `export class OFPActionOutput extends defineStruct('OFPActionOutput', {...}) {}`.
 */
export function defineStruct<S extends SpecMap, B extends abstract new (...args: never[]) => OFPStruct = typeof OFPStruct>(
  name: string,
  spec: S,
  base?: B,
): StructClassOf<S, B> {
  const layout = new Layout(name, spec);
  const Base = (base ?? OFPStruct) as unknown as new (init?: Record<string, unknown>) => OFPStruct;
  // the class is compiled per structure so that its constructor has its own type feedback
  // (the base constructor and initFn it calls are then known, and inlined where it is built)
  const tag = /^[A-Z][A-Za-z0-9_]*$/.test(name) ? name : `S_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const inl = inlinedBaseCode(Base);
  const C = new Function('$Base', '$layout', '$SKIP', '$INL', `return class ${tag} extends $Base {
    constructor(init) {
      ${inl === null ? 'super(init);' : `super($INL); ${inl}`}
      if (init !== $SKIP) $layout.initFn(this, init, $layout.defaults);
    }
  }\n//# sourceURL=osken-class-${tag}.js`)(Base, layout, SKIP_INIT, INLINE_BASE_INIT) as typeof OFPStruct;
  C.jsonName = name;
  C.layout = layout;
  C.helpers = makeHelpers(layout);
  Object.defineProperty(C, 'name', { value: name });
  Object.defineProperty(C, ENGINE_BASE, { value: true });
  for (let k: unknown = Base; typeof k === 'function' && k !== Function.prototype; k = Object.getPrototypeOf(k)) CLASS_COMPILERS.get(k)?.(C);
  keepSuperEncodeGeneric(Base);
  const baseEncode = Base.prototype.encodeTo;
  if (baseEncode === OFPStruct.prototype.encodeTo || ENGINE_ENCODERS.has(baseEncode)) {
    // this class's own encodeTo (compiled on first use: its own type feedback, no lookups through
    // `this.constructor`); a base with its own encodeTo (e.g. NXAction) keeps it
    const helpers = C.helpers;
    const stub = function encodeTo(this: OFPStruct, w: Writer): void {
      const f = new Function('L', 'H', `return function encodeTo(w) { L.encodeFn(this, w, H); }\n//# sourceURL=osken-encodeTo-${tag}.js`)(layout, helpers) as (w: Writer) => void;
      ENGINE_ENCODERS.add(f);
      Object.defineProperty(C.prototype, 'encodeTo', { configurable: true, writable: true, value: f });
      f.call(this, w);
    };
    ENGINE_ENCODERS.add(stub);
    Object.defineProperty(C.prototype, 'encodeTo', { configurable: true, writable: true, value: stub });
  }
  return C as unknown as StructClassOf<S, B>;
}

export type StructClassOf<S, B extends abstract new (...args: never[]) => OFPStruct, X = unknown> = (new (init?: Init<S> & X) => InstanceType<B> & Attrs<S>) &
  Omit<B, 'prototype'> &
  StructStatics<InstanceType<B> & Attrs<S>>;

/* ---------- reusable field ops ---------- */

/** A nested structure of a fixed class. */
export function structField<T extends OFPStruct>(cls: (new () => T) & { fromJsonDict(b: JsonObject, v?: number): unknown; jsonName: string }, def: () => T | null): FieldSpec<T, T> {
  const ops: FieldOps<T> = {
    // replaced on first use by code of its own (monomorphic: the class is known)
    decode(r, o, name) {
      // attach before filling, so a truncation leaves the partial child on the parent (as os-ken does)
      ops.decode = new Function('cls', `return function decodeStruct(r, o, name) {
        const x = new cls();
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
