/**
 * OpenFlow 1.4/1.5 TLV properties (os-ken's OFPPropBase family): a u16 type, a u16 length
 * that excludes the padding to 8, and a body. Each family (port desc, table mod, queue
 * desc, async config, bundle...) dispatches on the type per version; types no class
 * claims become OFPPropUnknown, as in os-ken.
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError, OFPMalformedMessage } from '../../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { OFPPropBase, OFPPropCommonExperimenter4ByteData } from '../v1_2plus/table_features.js';
import {
  defineStruct, Layout, listField, OFPStruct, polyElem, registerClass, selfLen, u16, u32, varField,
  type ElemCodec, type FieldSpec, type StructObj,
} from '../struct.js';

export const V14_15 = [5, 6] as const;

export { OFPPropBase, OFPPropCommonExperimenter4ByteData };

type PropClass = { decode(r: Reader): OFPStruct; jsonName: string };

/** Property header: type (an attribute, several types may share a class) and length. */
export function propHead(type: number): { type: FieldSpec<number>; length: FieldSpec<number | null> } {
  return { type: u16(type), length: selfLen({ align: 8, excludePad: true }) };
}

/** Define a property class: header + body fields. */
export function defineProp<S extends Record<string, FieldSpec<unknown, unknown>>, B extends abstract new (...args: never[]) => OFPStruct = typeof OFPPropBase>(
  name: string, type: number, body: S, base?: B,
) {
  return defineStruct(name, { ...propHead(type), ...body }, (base ?? OFPPropBase) as B);
}

/** Experimenter data: u32 words up to the property's unpadded length. */
const expData = varField<number[]>(
  {
    decode(r, o) {
      const start = r.pos - 12;
      const end = Math.min(start + (o.length as number), r.end);
      if ((end - r.pos) % 4 !== 0) throw new OFPMalformedMessage('ofp_prop_experimenter', start, 'data is not a whole number of 32-bit words');
      const out: number[] = [];
      for (let p = r.pos; p < end; p += 4) out.push(r.view.getUint32(p));
      r.pos = end;
      return out;
    },
    encode(w, v) {
      for (const x of v ?? []) w.u32(x >>> 0);
    },
    toJson: (v) => v ?? [],
    fromJson(j) {
      if (j === null || j === '') return [];
      if (!Array.isArray(j)) throw new JsonDictError('experimenter property data must be a list of integers');
      return j.map((x) => Number(x));
    },
  },
  () => [],
);

/** os-ken's OFPPropCommonExperimenter4ByteData: experimenter, exp_type and u32 data words. */
export function defineExpProp(name: string, type = 0xffff) {
  return defineProp(name, type, { experimenter: u32(), exp_type: u32(), data: expData }, OFPPropCommonExperimenter4ByteData);
}

/** A property of a type no class claims (os-ken keeps the raw bytes from the property on). */
export class OFPPropUnknown extends OFPPropBase {
  static override jsonName = 'OFPPropUnknown';
  static override layout = new Layout('OFPPropUnknown', {});
  type: number;
  length: number | null;
  buf: Uint8Array;
  constructor(init?: { type?: number; length?: number | null; buf?: Uint8Array }) {
    super();
    this.type = init?.type ?? 0;
    this.length = init?.length ?? null;
    this.buf = init?.buf ?? new Uint8Array(0);
  }
  override decodeFrom(r: Reader): void {
    const start = r.pos;
    r.need(4, 'ofp_prop_header');
    this.type = r.view.getUint16(start);
    const len = r.view.getUint16(start + 2);
    r.checkLen(len, 4, start, 'ofp_prop_header');
    this.length = len;
    this.buf = r.bytes.subarray(start, r.end);
    r.pos = Math.min(start + ((len + 7) & ~7), r.end);
  }
  override encodeTo(w: Writer): void {
    const start = w.pos;
    // the property's own bytes: up to its length (given, else the one in buf's header)
    const own = this.length ?? (this.buf.length >= 4 ? (this.buf[2]! << 8) | this.buf[3]! : 4);
    const body = this.buf.length >= 4 ? this.buf.subarray(4, Math.max(4, Math.min(this.buf.length, own))) : this.buf.subarray(0, 0);
    w.u16(this.type);
    w.u16(4 + body.length);
    w.bytes(body);
    this.length = 4 + body.length;
    w.align(start, 8);
  }
  override jsonBody(): JsonObject {
    return { buf: base64Encode(this.buf), length: this.length, type: this.type };
  }
  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject): T {
    return new OFPPropUnknown({
      type: typeof body.type === 'number' ? body.type : 0,
      length: typeof body.length === 'number' ? body.length : null,
      buf: typeof body.buf === 'string' ? base64Decode(body.buf) : new Uint8Array(0),
    }) as unknown as T;
  }
}
registerClass(V14_15, OFPPropUnknown as never);

/** One property family: its classes by type, per version, and the list element codec. */
export class PropFamily {
  private readonly byVersion = new Map<number, Map<number, PropClass>>();
  readonly elem: ElemCodec<OFPStruct>;
  constructor(readonly where: string) {
    this.elem = polyElem<OFPStruct>((r) => this.pick(r));
  }
  register(versions: readonly number[], types: readonly number[], cls: PropClass): void {
    for (const v of versions) {
      let m = this.byVersion.get(v);
      if (!m) this.byVersion.set(v, (m = new Map()));
      for (const t of types) m.set(t, cls);
    }
    registerClass(versions, cls as never);
  }
  pick(r: Reader): PropClass {
    r.need(4, this.where);
    const type = r.view.getUint16(r.pos);
    const len = r.view.getUint16(r.pos + 2);
    if (len < 4) throw new OFPMalformedMessage(this.where, r.pos, `property length ${len} < 4`);
    return this.byVersion.get(r.version)?.get(type) ?? OFPPropUnknown;
  }
  /** A list field of this family's properties (to the end of the enclosing bound). */
  list(): FieldSpec<OFPStruct[], OFPStruct[]> {
    return listField(this.elem);
  }
}

/** A fixed number of u32 (os-ken shows them as a list). */
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
      fromJson: (j) => (Array.isArray(j) ? j.map((x) => Number(x)) : []),
    },
    () => new Array<number>(n).fill(0),
  );
}

/** Elements of a fixed-size scalar until the bound (table ids, port numbers). */
export function scalarList(size: 1 | 4, where: string): FieldSpec<number[], number[]> {
  return varField<number[]>(
    {
      decode(r) {
        if ((r.end - r.pos) % size !== 0) throw new OFPMalformedMessage(where, r.pos, 'trailing bytes');
        const out: number[] = [];
        while (r.pos < r.end) out.push(size === 1 ? r.u8() : r.u32());
        return out;
      },
      encode(w, v) {
        for (const x of v ?? []) {
          if (size === 1) w.u8(x & 0xff);
          else w.u32(x >>> 0);
        }
      },
      toJson: (v) => v ?? [],
      fromJson: (j) => (Array.isArray(j) ? j.map((x) => Number(x)) : []),
    },
    () => [],
  );
}

/** Read a (header) JSON value as a number, for hand-written fromJsonDict. */
export function num(j: JsonValue | undefined, def: number): number {
  if (typeof j === 'number') return j;
  if (typeof j === 'bigint') return Number(j);
  return def;
}

export type { StructObj };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Enc = new TextEncoder();
/**
 * A fixed-size NUL-padded string that must decode as os-ken decodes it (its to_jsondict fails on
 * bytes that are not ascii / utf-8: that is a decode error here too).
 */
export function strictStr(n: number, enc: 'ascii' | 'utf-8'): FieldSpec<string, string> {
  return varField<string>(
    {
      decode(r) {
        r.need(n, 'string');
        const start = r.pos;
        let end = start + n;
        while (end > start && r.bytes[end - 1] === 0) end--;
        const b = r.bytes.subarray(start, end);
        r.pos = start + n;
        if (enc === 'ascii') {
          if (b.some((x) => x > 0x7f)) throw new OFPMalformedMessage('string', start, 'not ascii');
          return String.fromCharCode(...b);
        }
        try {
          return strictUtf8.decode(b);
        } catch {
          throw new OFPMalformedMessage('string', start, 'not utf-8');
        }
      },
      encode(w, v) {
        const b = enc === 'utf-8' ? utf8Enc.encode(v ?? '') : Uint8Array.from(v ?? '', (c) => c.charCodeAt(0) & 0xff);
        const out = new Uint8Array(n);
        out.set(b.subarray(0, n));
        w.bytes(out);
      },
      toJson: (v) => v,
      fromJson: (j) => String(j ?? ''),
    },
    '',
  );
}
