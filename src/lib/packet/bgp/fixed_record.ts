/**
 * Fixed-size records described by a field layout: one type byte at offset 0
 * and named fields at fixed offsets. Shared by the extended communities
 * (8 bytes) and the EVPN Ethernet Segment Identifiers (10 bytes): a subclass
 * names its fields once (LAYOUT) and the base class assigns them from the
 * constructor options, prints them (keys sorted, as os-ken's JSON), writes
 * them and reads them back.
 */
import { ipv4ToBin, macToBin, macToText } from '../../../wire/addrconv.js';
import { v4Text } from './addr_text.js';
import { JsonFloat } from '../../../wire/json/json.js';
import type { JsonObject, JsonValue } from './util.js';
import { b64, rd16, rd32, u24 } from './util.js';

/**
 * How a field is stored. `packed`: printed and assigned like the others, but
 * written and read by the subclass itself (several fields share bits).
 */
export type FieldKind = 'u8' | 'u16' | 'u24' | 'u32' | 'f32' | 'ipv4' | 'mac' | 'bytes' | 'packed';

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  /** offset in the record (the type byte is at 0) */
  readonly at: number;
  /** for `bytes`: how many */
  readonly len?: number;
  /** false: kept on the object but not printed */
  readonly json?: boolean;
}

export interface Layout {
  /** in the order the constructor assigns them */
  readonly fields: readonly FieldSpec[];
  /** the printed fields and "type", sorted by name */
  readonly printed: readonly string[];
  readonly kinds: ReadonlyMap<string, FieldKind>;
}

export function layout(...fields: FieldSpec[]): Layout {
  const printed = fields.filter((f) => f.json !== false).map((f) => f.name);
  printed.push('type');
  printed.sort();
  return { fields, printed, kinds: new Map(fields.map((f) => [f.name, f.kind])) };
}

export const field = (name: string, kind: FieldKind, at: number, len?: number): FieldSpec => ({ name, kind, at, len });
export const hidden = (name: string, kind: FieldKind, at: number, len?: number): FieldSpec => ({ name, kind, at, len, json: false });

type Fields = Record<string, unknown>;

function writeField(f: FieldSpec, value: unknown, out: Uint8Array, v: DataView): void {
  switch (f.kind) {
    case 'u8':
      out[f.at] = value as number;
      break;
    case 'u16':
      v.setUint16(f.at, value as number);
      break;
    case 'u24': {
      const n = value as number;
      out[f.at] = (n >>> 16) & 255;
      out[f.at + 1] = (n >>> 8) & 255;
      out[f.at + 2] = n & 255;
      break;
    }
    case 'u32':
      v.setUint32(f.at, value as number);
      break;
    case 'f32':
      v.setFloat32(f.at, value as number);
      break;
    case 'ipv4':
      out.set(ipv4ToBin(value as string), f.at);
      break;
    case 'mac':
      out.set(macToBin(value as string), f.at);
      break;
    case 'bytes':
      out.set((value as Uint8Array).subarray(0, f.len), f.at);
      break;
    case 'packed':
      break;
  }
}

function readField(f: FieldSpec, b: Uint8Array, off: number): unknown {
  const p = off + f.at;
  switch (f.kind) {
    case 'u8':
      return b[p]!;
    case 'u16':
      return rd16(b, p);
    case 'u24':
      return u24(b, p);
    case 'u32':
      return rd32(b, p);
    case 'f32':
      return new DataView(b.buffer, b.byteOffset + p, 4).getFloat32(0);
    case 'ipv4':
      return v4Text(b, p);
    case 'mac':
      return macToText(b, p);
    case 'bytes':
      return b.slice(p, p + f.len!);
    case 'packed':
      return undefined;
  }
}

function printField(kind: FieldKind | undefined, value: unknown): JsonValue {
  if (kind === 'bytes') return b64(value as Uint8Array);
  if (kind === 'f32') return new JsonFloat(value as number) as unknown as JsonValue;
  return value as JsonValue;
}

/** The fields of a layout read from the record at b[off] (no `packed` ones). */
export function readLayout(l: Layout, b: Uint8Array, off: number): Fields {
  const o: Fields = {};
  for (const f of l.fields) if (f.kind !== 'packed') o[f.name] = readField(f, b, off);
  return o;
}

/** A fixed-size record: type byte, then the fields of its class's LAYOUT. */
export abstract class FixedRecord {
  static readonly jsonName: string = '';
  static readonly LAYOUT: Layout = layout();
  declare type: number;

  constructor(type: number, o?: object) {
    this.type = type;
    if (o) {
      const self = this as unknown as Fields;
      for (const f of this.layoutOf().fields) self[f.name] = (o as Fields)[f.name];
    }
  }

  /** record size in bytes, type byte included */
  protected abstract get size(): number;

  private layoutOf(): Layout {
    return (this.constructor as typeof FixedRecord).LAYOUT;
  }

  protected fields(): JsonObject {
    const l = this.layoutOf();
    const self = this as unknown as Fields;
    const o: JsonObject = {};
    for (const name of l.printed) o[name] = printField(l.kinds.get(name), self[name]);
    return o;
  }

  protected writeValue(out: Uint8Array, v: DataView): void {
    const self = this as unknown as Fields;
    for (const f of this.layoutOf().fields) writeField(f, self[f.name], out, v);
  }

  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof FixedRecord).jsonName]: this.fields() };
  }

  serialize(): Uint8Array {
    const out = new Uint8Array(this.size);
    out[0] = this.type;
    this.writeValue(out, new DataView(out.buffer));
    return out;
  }
}

/** A concrete FixedRecord subclass: its constructor takes the options object its LAYOUT names. */
export type RecordClass<T> = { readonly LAYOUT: Layout } & (new (o: never) => T);

/** Decode the record at b[off] as `cls`, its type byte `type`. */
export function decodeRecord<T>(cls: RecordClass<T>, type: number, b: Uint8Array, off: number): T {
  const ctor = cls as unknown as new (o: Fields) => T;
  return new ctor({ ...readLayout(cls.LAYOUT, b, off), type });
}
