/**
 * learn(...) and its flow specs (os-ken's NXActionLearn, _NXFlowSpec,
 * NXFlowSpecMatch/Load/Output). A spec's `src` is a subfield `[field, ofs]`
 * or an immediate integer; `dst` is a subfield (match, load) or '' (output).
 */
import { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError, OFPMalformedMessage } from '../../wire/errors.js';
import type { JsonObject, JsonValue } from '../../wire/json/json.js';
import * as nx from '../nicira_ext.js';
import { Layout, OFPStruct } from '../struct.js';
import { NXVarAction, jsonInt, registerNX, withVersion } from './header.js';
import { nxmHeaderBytes, nxmParseHeaderAt, nxmTable } from './nxm.js';

/** `[field name, bit offset]` (os-ken's tuple; a JSON list). */
export type NXSubfield = [string, number];
export type NXFlowSpecSrc = NXSubfield | number | bigint;

const OFP_DEFAULT_PRIORITY = 0x8000;
type Ctor<T> = new (init?: Record<string, unknown>) => T;

function readSubfield(r: Reader, where: string): NXSubfield {
  const h = nxmParseHeaderAt(r.bytes, r.view, r.pos, r.end, nxmTable(r.version), where);
  if (h.len !== 4) throw new OFPMalformedMessage(where, r.pos, 'only 4-byte NXM/OXM headers are allowed in a flow spec');
  r.need(6, where);
  r.pos += 4;
  return [h.name, r.u16()];
}

function writeSubfield(w: Writer, sf: NXSubfield, where: string): void {
  const hdr = nxmHeaderBytes(nxmTable(w.version || 4), sf[0]);
  if (hdr.length !== 4) throw new JsonDictError(`${where}: ${sf[0]} has no 4-byte NXM/OXM header`);
  w.bytes(hdr);
  w.u16(sf[1]);
}

function subfieldFromJson(j: JsonValue | undefined, where: string): NXSubfield {
  if (!Array.isArray(j) || j.length !== 2 || typeof j[0] !== 'string') throw new JsonDictError(`${where}: expected [field, ofs]`);
  return [j[0], jsonInt(j[1])];
}

/** Base of the learn flow specs (os-ken's _NXFlowSpec). */
export abstract class NXFlowSpec extends OFPStruct {
  static override layout = new Layout('_NXFlowSpec', {});
  /** 0 match, 1 load, 2 output */
  static readonly dstType: number = 0;
  src: NXFlowSpecSrc;
  dst: NXSubfield | '';
  n_bits: number;
  constructor(init?: Record<string, unknown>) {
    super();
    this.src = (init?.src ?? 0) as NXFlowSpecSrc;
    this.dst = (init?.dst ?? '') as NXSubfield | '';
    this.n_bits = Number(init?.n_bits ?? 0);
  }

  /** Encode this spec (header, src, dst). */
  override encodeTo(w: Writer): void {
    const C = this.constructor as typeof NXFlowSpec;
    const where = C.jsonName;
    const srcType = Array.isArray(this.src) ? 0 : 1;
    const hdr = (srcType << 13) | (C.dstType << 11) | this.n_bits;
    if (!Number.isInteger(this.n_bits) || this.n_bits < 0 || hdr > 0xffff) throw new JsonDictError(`${where}: bad n_bits ${this.n_bits}`);
    w.u16(hdr);
    if (Array.isArray(this.src)) {
      writeSubfield(w, this.src as NXSubfield, where);
    } else {
      const n = Math.ceil(this.n_bits / 16) * 2;
      let v = BigInt(this.src as number | bigint);
      const b = new Uint8Array(n);
      for (let i = n - 1; i >= 0; i--) {
        b[i] = Number(v & 0xffn);
        v >>= 8n;
      }
      w.bytes(b);
    }
    if (C.dstType !== 2) {
      if (!Array.isArray(this.dst)) throw new JsonDictError(`${where}: dst must be [field, ofs]`);
      writeSubfield(w, this.dst, where);
    }
  }

  override jsonBody(): JsonObject {
    const sf = (x: NXFlowSpecSrc | '') => (Array.isArray(x) ? [x[0], x[1]] : x) as JsonValue;
    return { dst: sf(this.dst), n_bits: this.n_bits, src: sf(this.src) };
  }

  static override fromJsonDict<T extends OFPStruct>(this: Ctor<T>, body: JsonObject): T {
    const C = this as unknown as typeof NXFlowSpec;
    const where = C.jsonName;
    const s = body.src;
    const src: NXFlowSpecSrc = Array.isArray(s) ? subfieldFromJson(s, where) : typeof s === 'bigint' ? s : jsonInt(s);
    const dst = C.dstType === 2 ? '' : subfieldFromJson(body.dst, where);
    return new this({ src, dst, n_bits: jsonInt(body.n_bits) });
  }
}

/** Match criterion of the learned flow, e.g. NXM_OF_VLAN_TCI[0..11]. */
export class NXFlowSpecMatch extends NXFlowSpec {
  static override jsonName = 'NXFlowSpecMatch';
  static override readonly dstType = 0;
}
/** Load into the learned flow's field, e.g. NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[]. */
export class NXFlowSpecLoad extends NXFlowSpec {
  static override jsonName = 'NXFlowSpecLoad';
  static override readonly dstType = 1;
}
/** Output action of the learned flow, e.g. output:NXM_OF_IN_PORT[] (dst is ''). */
export class NXFlowSpecOutput extends NXFlowSpec {
  static override jsonName = 'NXFlowSpecOutput';
  static override readonly dstType = 2;
}

const SPEC_CLASSES = [NXFlowSpecMatch, NXFlowSpecLoad, NXFlowSpecOutput] as const;

/** Decode one spec at r.pos; null for the all-zero padding header (os-ken's _NXFlowSpec.parse). */
export function parseFlowSpec(r: Reader): NXFlowSpec | null {
  const where = 'NXFlowSpec';
  r.need(2, where);
  const at = r.pos;
  const hdr = r.u16();
  if (hdr === 0) return null;
  const srcType = (hdr >> 13) & 1;
  const dstType = (hdr >> 11) & 3;
  const nBits = hdr & 0x3ff;
  const cls = SPEC_CLASSES[dstType];
  if (!cls) throw new OFPMalformedMessage(where, at, `unknown flow spec destination type ${dstType}`);
  let src: NXFlowSpecSrc;
  if (srcType === 0) {
    src = readSubfield(r, where);
  } else {
    const n = Math.ceil(nBits / 16) * 2;
    r.need(n, where);
    let v = 0n;
    for (const b of r.take(n)) v = (v << 8n) | BigInt(b);
    src = v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }
  const dst: NXSubfield | '' = dstType === 2 ? '' : readSubfield(r, where);
  return new cls({ src, dst, n_bits: nBits });
}

/** learn(table=..., idle_timeout=..., specs...) */
export class NXActionLearn extends NXVarAction {
  static override jsonName = 'NXActionLearn';
  idle_timeout: number;
  hard_timeout: number;
  priority: number;
  cookie: bigint;
  flags: number;
  table_id: number;
  fin_idle_timeout: number;
  fin_hard_timeout: number;
  specs: NXFlowSpec[];
  constructor(init?: Record<string, unknown>) {
    super();
    this.subtype = nx.NXAST_LEARN;
    const num = (k: string, d = 0) => (init?.[k] === undefined || init[k] === null ? d : Number(init[k]));
    this.idle_timeout = num('idle_timeout');
    this.hard_timeout = num('hard_timeout');
    this.priority = num('priority', OFP_DEFAULT_PRIORITY);
    this.cookie = BigInt((init?.cookie as number | bigint | undefined) ?? 0);
    this.flags = num('flags');
    this.table_id = num('table_id');
    this.fin_idle_timeout = num('fin_idle_timeout');
    this.fin_hard_timeout = num('fin_hard_timeout');
    this.specs = [...((init?.specs as NXFlowSpec[] | undefined) ?? [])];
  }
  protected decodeBody(r: Reader): void {
    r.need(22, 'NXActionLearn');
    this.idle_timeout = r.u16();
    this.hard_timeout = r.u16();
    this.priority = r.u16();
    this.cookie = r.u64();
    this.flags = r.u16();
    this.table_id = r.u8();
    r.skip(1);
    this.fin_idle_timeout = r.u16();
    this.fin_hard_timeout = r.u16();
    this.specs = [];
    while (r.pos < r.end) {
      const s = parseFlowSpec(r);
      if (s) this.specs.push(s);
    }
  }
  protected encodeBody(w: Writer): void {
    w.u16(this.idle_timeout);
    w.u16(this.hard_timeout);
    w.u16(this.priority);
    w.u64(this.cookie);
    w.u16(this.flags);
    w.u8(this.table_id);
    w.u8(0);
    w.u16(this.fin_idle_timeout);
    w.u16(this.fin_hard_timeout);
    for (const s of this.specs) s.encodeTo(w);
  }
  protected bodyJson(): JsonObject {
    return {
      cookie: this.cookie, fin_hard_timeout: this.fin_hard_timeout, fin_idle_timeout: this.fin_idle_timeout, flags: this.flags,
      hard_timeout: this.hard_timeout, idle_timeout: this.idle_timeout, priority: this.priority,
      specs: this.specs.map((s) => s.toJsonDict()), table_id: this.table_id,
    };
  }
  static override fromJsonDict<T extends OFPStruct>(this: Ctor<T>, body: JsonObject, version = 4): T {
    const specsJ = body.specs ?? [];
    if (!Array.isArray(specsJ)) throw new JsonDictError('NXActionLearn: specs must be a list');
    const specs = specsJ.map((j) => {
      const o = j as JsonObject | null;
      const key = o && typeof o === 'object' && !Array.isArray(o) ? Object.keys(o)[0] : undefined;
      const cls = SPEC_CLASSES.find((c) => c.jsonName === key);
      if (!cls || !key) throw new JsonDictError('NXActionLearn: expected {"NXFlowSpecMatch|Load|Output": {...}}');
      return cls.fromJsonDict(o![key] as JsonObject);
    });
    const init: Record<string, unknown> = { specs };
    for (const k of ['idle_timeout', 'hard_timeout', 'priority', 'flags', 'table_id', 'fin_idle_timeout', 'fin_hard_timeout']) {
      if (body[k] !== undefined && body[k] !== null) init[k] = jsonInt(body[k]);
    }
    if (body.cookie !== undefined && body.cookie !== null) init.cookie = typeof body.cookie === 'bigint' ? body.cookie : BigInt(jsonInt(body.cookie));
    return withVersion(new NXActionLearn(init), version) as unknown as T;
  }
}

registerNX(nx.NXAST_LEARN, NXActionLearn);
