/**
 * OXS (OpenFlow eXtensible Statistics) fields of OpenFlow 1.5 (os-ken's oxs_fields and
 * ofproto_v1_5.oxs_types) and OFPStats, the ofp_stats structure that carries them in
 * flow removed, flow stats/desc, aggregate stats and the stat-trigger instruction.
 */
import type { Reader } from '../wire/reader.js';
import type { Writer } from '../wire/writer.js';
import { JsonDictError, OFPMalformedMessage, OFPTruncatedMessage } from '../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../wire/json/json.js';
import { Layout, OFPStruct } from './struct.js';

export const OFPXSC_OPENFLOW_BASIC = 0x8002;
export const OFPXSC_EXPERIMENTER = 0xffff;

/** A statistic's user value: an integer, a [sec, nsec] pair (duration, idle_time), or base64 text (unknown). */
export type OxsValue = number | bigint | string | readonly [number, number];

interface OxsDesc {
  readonly name: string;
  readonly field: number;
  /** 'pair': two u32 (os-ken Int4Double) */
  readonly kind: 'u32' | 'u64' | 'pair';
  readonly size: number;
}

/** os-ken ofproto_v1_5.oxs_types. */
export const OXS_TYPES: readonly OxsDesc[] = [
  { name: 'duration', field: 0, kind: 'pair', size: 8 },
  { name: 'idle_time', field: 1, kind: 'pair', size: 8 },
  { name: 'flow_count', field: 3, kind: 'u32', size: 4 },
  { name: 'packet_count', field: 4, kind: 'u64', size: 8 },
  { name: 'byte_count', field: 5, kind: 'u64', size: 8 },
];
const BY_NAME = new Map(OXS_TYPES.map((d) => [d.name, d]));
const BY_TYPE = new Map(OXS_TYPES.map((d) => [(OFPXSC_OPENFLOW_BASIC << 7) | d.field, d]));

/** OXS TLV header for a basic field (os-ken oxs_tlv_header). */
export function oxsTlvHeader(field: number, length: number): number {
  return ((((OFPXSC_OPENFLOW_BASIC << 7) | field) << 9) | length) >>> 0;
}

/** Decode one OXS TLV at r.pos. */
export function oxsParse(r: Reader, where = 'oxs'): [string, OxsValue] {
  const start = r.pos;
  r.need(4, where);
  const header = r.view.getUint32(start);
  const type = header >>> 9;
  const hasMask = (header >>> 8) & 1;
  const len = header & 0xff;
  if (type >>> 7 === OFPXSC_EXPERIMENTER) throw new OFPMalformedMessage(where, start, 'experimenter OXS fields are not supported');
  let vlen = hasMask ? len >> 1 : len;
  if (vlen <= 0) throw new OFPMalformedMessage(where, start, `OXS value length ${vlen}`);
  r.need(4 + len, where);
  const d = BY_TYPE.get(type);
  const v = start + 4;
  r.pos = start + 4 + len;
  if (!d) return [`field_${type}`, base64Encode(r.bytes.subarray(v, v + vlen))];
  if (vlen !== d.size) throw new OFPMalformedMessage(where, start, `unexpected OXS payload length ${vlen} for ${d.name} (expected ${d.size})`);
  vlen = d.size;
  switch (d.kind) {
    case 'u32': return [d.name, r.view.getUint32(v)];
    case 'u64': return [d.name, r.view.getBigUint64(v)];
    default: return [d.name, [r.view.getUint32(v), r.view.getUint32(v + 4)]];
  }
}

function toBigint(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw new JsonDictError(`OXS: not an integer: ${String(v)}`);
}

/** Encode one OXS TLV; returns its length. */
export function oxsSerialize(w: Writer, name: string, v: unknown): number {
  const d = BY_NAME.get(name);
  const start = w.pos;
  if (!d) {
    const m = /^field_(\d+)$/.exec(name);
    if (!m) throw new JsonDictError(`unknown OXS field: ${name}`);
    const bytes = base64Decode(String(v));
    w.u32((((Number(m[1]) << 9) | bytes.length) >>> 0));
    w.bytes(bytes);
    return w.pos - start;
  }
  w.u32(oxsTlvHeader(d.field, d.size));
  switch (d.kind) {
    case 'u32': w.u32(Number(toBigint(v)) >>> 0); break;
    case 'u64': w.u64(toBigint(v)); break;
    default: {
      if (!Array.isArray(v) || v.length !== 2) throw new JsonDictError(`OXS ${name}: expected [sec, nsec]`);
      w.u32(Number(v[0]) >>> 0);
      w.u32(Number(v[1]) >>> 0);
    }
  }
  return w.pos - start;
}

export function oxsToJsonDict(name: string, v: OxsValue): JsonObject {
  return { OXSTlv: { field: name, value: (Array.isArray(v) ? [...(v as readonly number[])] : v) as JsonValue } };
}

export function oxsFromJsonDict(j: JsonValue): [string, OxsValue] {
  const t = (j as JsonObject | null)?.OXSTlv as JsonObject | undefined;
  if (!t || typeof t.field !== 'string') throw new JsonDictError('expected {"OXSTlv": {field, value}}');
  const v = t.value;
  const d = BY_NAME.get(t.field);
  if (d?.kind === 'pair') {
    if (!Array.isArray(v) || v.length !== 2) throw new JsonDictError(`OXS ${t.field}: expected [sec, nsec]`);
    return [t.field, [Number(v[0]), Number(v[1])]];
  }
  if (d?.kind === 'u64') return [t.field, toBigint(v)];
  if (d?.kind === 'u32') return [t.field, Number(toBigint(v))];
  return [t.field, String(v)];
}

function sortKey(name: string): number {
  const d = BY_NAME.get(name);
  if (d) return (OFPXSC_OPENFLOW_BASIC << 7) | d.field;
  const m = /^field_(\d+)$/.exec(name);
  return m ? Number(m[1]) : 0;
}

/** ofp_stats: `new OFPStats({ flow_count: 1, duration: [3, 0] })` (fields sorted as os-ken sorts them). */
export class OFPStats extends OFPStruct {
  static override jsonName = 'OFPStats';
  static override layout = new Layout('OFPStats', {});
  length: number | null = null;
  /** [name, value] pairs in wire order */
  fields: [string, OxsValue][] = [];

  constructor(init?: Record<string, unknown> | null) {
    super();
    if (!init) return;
    const pairs = Object.entries(init).filter(([k, v]) => k !== 'length' && v !== undefined && v !== null);
    for (const [k, v] of pairs) {
      // validate by encoding once
      const d = BY_NAME.get(k);
      if (!d && !/^field_\d+$/.test(k)) throw new JsonDictError(`unknown OXS field: ${k}`);
      this.fields.push([k, (d?.kind === 'u64' ? toBigint(v) : v) as OxsValue]);
    }
    this.fields.sort((a, b) => sortKey(a[0]) - sortKey(b[0]));
    if (typeof init.length === 'number') this.length = init.length;
  }

  static fromOrdered(fields: [string, OxsValue][]): OFPStats {
    const s = new OFPStats();
    s.fields = fields;
    return s;
  }

  get(name: string): OxsValue | undefined {
    for (const [k, v] of this.fields) if (k === name) return v;
    return undefined;
  }
  items(): [string, OxsValue][] {
    return this.fields;
  }

  override decodeFrom(r: Reader): void {
    const start = r.pos;
    r.need(4, 'ofp_stats');
    const length = r.view.getUint16(start + 2);
    this.length = length;
    if (length < 4) throw new OFPMalformedMessage('ofp_stats', start, `length ${length} < 4`);
    if (start + length > r.end) throw new OFPTruncatedMessage('ofp_stats', length, r.end - start, start);
    const save = r.end;
    r.pos = start + 4;
    r.end = start + length;
    try {
      while (r.pos < r.end) this.fields.push(oxsParse(r, 'ofp_stats'));
    } finally {
      r.end = save;
    }
    r.pos = Math.min(start + ((length + 7) & ~7), r.end);
  }

  override encodeTo(w: Writer): void {
    const start = w.pos;
    w.u16(0);
    w.u16(0);
    for (const [k, v] of this.fields) oxsSerialize(w, k, v);
    this.length = w.pos - start;
    w.patch16(start + 2, this.length);
    w.align(start, 8);
  }

  override jsonBody(): JsonObject {
    return { length: this.length, oxs_fields: this.fields.map(([k, v]) => oxsToJsonDict(k, v)) };
  }

  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject): T {
    const list = body.oxs_fields;
    if (!Array.isArray(list)) throw new JsonDictError('OFPStats: oxs_fields must be a list');
    const s = OFPStats.fromOrdered(list.map((j) => oxsFromJsonDict(j)));
    let len = 4;
    for (const [k, v] of s.fields) {
      const d = BY_NAME.get(k);
      len += 4 + (d ? d.size : base64Decode(String(v)).length);
    }
    s.length = len;
    return s as unknown as T;
  }

  static override decode<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, r: Reader): T {
    const s = new OFPStats();
    s.decodeFrom(r);
    return s as unknown as T;
  }
}

/* os-ken's names (ofproto_v1_5.oxs_*) */
export const oxs_types = OXS_TYPES;
export const oxs_to_jsondict = oxsToJsonDict;
export const oxs_from_jsondict = oxsFromJsonDict;
