/**
 * Layout compiler of the structure engine (re-exported by struct.ts): a structure's fields
 * compiled into decode/encode/init functions (new Function), the helpers handed to that
 * compiled code, and the JSON of single field values.
 */
import { Reader } from '../wire/reader.js';
import type { Writer } from '../wire/writer.js';
import { JsonDictError, OFPEncodeError, OFPMalformedMessage, OFPTruncatedMessage } from '../wire/errors.js';
import { macToBin, macToBinInto, macToText, ipv4ToBin, ipv4ToText } from '../wire/addrconv.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../wire/json/json.js';
import type { FieldOps, FieldSpec, SpecMap, StructObj } from './struct_fields.js';

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

export function makeHelpers(layout: Layout): Helpers {
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
      return r.child(pos, end);
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
export function fieldToJson(spec: FieldSpec<unknown, unknown>, v: unknown): JsonValue {
  if (spec.ops) return spec.ops.toJson(v);
  if (v instanceof Uint8Array) return base64Encode(v);
  return v as JsonValue;
}

export function fieldFromJson(spec: FieldSpec<unknown, unknown>, j: JsonValue, version: number): unknown {
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
