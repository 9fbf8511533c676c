/**
 * Field specifications of the structure engine (re-exported by struct.ts): what a field is
 * (FieldSpec, FieldOps), the field constructors (u8..u64, mac, ipv4, str, pad, selfLen, lenOf,
 * varField...) and the attribute/constructor types derived from a spec map.
 */
import type { Reader } from '../wire/reader.js';
import type { Writer } from '../wire/writer.js';
import type { JsonValue } from '../wire/json/json.js';

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

export type SpecMap = Record<string, FieldSpec<unknown, unknown>>;
type PublicKeys<S> = { [K in keyof S]: K extends `_${string}` ? never : K }[keyof S];
type ValueOf<F> = F extends FieldSpec<infer T, unknown> ? T : never;
type InitOf<F> = F extends FieldSpec<infer T, infer I> ? (unknown extends I ? T : I) : never;
export type Attrs<S> = { -readonly [K in PublicKeys<S>]: ValueOf<S[K]> };
export type Init<S> = { [K in PublicKeys<S>]?: InitOf<S[K]> | null };
