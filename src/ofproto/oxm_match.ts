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
  oxmFromJsonDict, oxmNormalize, oxmParse, oxmParseList, oxmSerialize, oxmSerializeFast, oxmSortKey, oxmTable, oxmToJsonDict,
  type MatchValue, type OxmTable,
} from './oxm_fields.js';
import { Layout, OFPStruct } from './struct.js';

export const OFPMT_STANDARD = 0;
export const OFPMT_OXM = 1;

export type MatchInit = Record<string, MatchValue | null | undefined> & { type_?: number; length?: number };

export class OFPMatch extends OFPStruct {
  static override jsonName = 'OFPMatch';
  static override layout = new Layout('OFPMatch', {});
  type = OFPMT_OXM;
  length: number | null = null;
  /** [name, value] pairs in wire order (os-ken's _fields2) */
  fields: [string, MatchValue][];

  /**
   * @param init match fields by os-ken name (a [value, mask] pair for a masked field)
   * @param version OpenFlow version whose OXM table names the fields (default 1.5, a superset)
   */
  constructor(init?: MatchInit | null, version = 6) {
    super();
    this.fields = [];
    if (!init) return;
    const table = oxmTable(version);
    // insertion in os-ken's order (by OXM type, stable): matches are small
    const keys: number[] = [];
    const fields = this.fields;
    for (const k in init) {
      if (k === 'type_' || k === 'length') continue;
      const v = init[k];
      if (v === undefined || v === null) continue;
      const sk = oxmSortKey(table, k);
      const pair: [string, MatchValue] = [k, oxmNormalize(table, k, v)];
      let i = fields.length;
      fields.push(pair);
      keys.push(sk);
      while (i > 0 && keys[i - 1]! > sk) {
        fields[i] = fields[i - 1]!;
        keys[i] = keys[i - 1]!;
        i--;
      }
      fields[i] = pair;
      keys[i] = sk;
    }
  }

  /** Build from [name, value] pairs, keeping their order (os-ken's _ordered_fields). */
  static fromOrdered(fields: [string, MatchValue][]): OFPMatch {
    const m = new OFPMatch();
    m.fields = fields;
    return m;
  }

  get(name: string): MatchValue | undefined {
    for (const [k, v] of this.fields) if (k === name) return v;
    return undefined;
  }
  has(name: string): boolean {
    return this.fields.some(([k]) => k === name);
  }
  items(): [string, MatchValue][] {
    return this.fields;
  }
  get oxm_fields(): Record<string, MatchValue> {
    return Object.fromEntries(this.fields);
  }

  override decodeFrom(r: Reader): void {
    const start = r.pos;
    r.need(4, 'ofp_match');
    this.type = r.view.getUint16(start);
    const length = r.view.getUint16(start + 2);
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
    r.end = end;
    try {
      oxmParseList(r, table, this.fields);
    } finally {
      r.end = saveEnd;
    }
    r.pos = Math.min(start + padded, saveEnd);
  }

  private pushTlv(r: Reader, table: OxmTable): void {
    const t = oxmParse(r, table, 'oxm_tlv');
    this.fields.push([t.name, t.value]);
  }

  override encodeTo(w: Writer): void {
    const start = w.pos;
    w.u16(this.type ?? OFPMT_OXM);
    w.u16(0);
    const table = oxmTable(w.version || 6);
    for (const f of this.fields) {
      if (!oxmSerializeFast(w, table, f[0], f[1])) oxmSerialize(w, table, f[0], f[1]);
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
