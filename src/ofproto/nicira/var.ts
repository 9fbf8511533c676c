/**
 * Nicira actions with list bodies: note, dec_ttl(cnt_ids), bundle, bundle_load,
 * and NXActionUnknown (subtypes osken has no class for; body kept as data).
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError } from '../../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import * as nx from '../nicira_ext.js';
import type { OFPStruct } from '../struct.js';
import { NXVarAction, jsonInt, jsonIntList, registerNX, setNXUnknownClass, withVersion } from './header.js';
import { nxmHeaderBytes, nxmParseHeaderAt, nxmTable } from './nxm.js';

type Ctor<T> = new (init?: Record<string, unknown>) => T;

function byte(v: number, where: string): number {
  if (!Number.isInteger(v) || v < 0 || v > 255) throw new JsonDictError(`${where}: ${v} is not a byte`);
  return v;
}

/** note:hex bytes. os-ken pads `note` with zeros (in place) so that the action is a multiple of 8. */
export class NXActionNote extends NXVarAction {
  static override jsonName = 'NXActionNote';
  note: number[];
  constructor(init?: Record<string, unknown>) {
    super();
    this.subtype = nx.NXAST_NOTE;
    this.note = [...((init?.note as number[] | undefined) ?? [])];
  }
  protected decodeBody(r: Reader): void {
    this.note = Array.from(r.rest());
  }
  protected encodeBody(w: Writer): void {
    const p = (this.note.length + nx.NX_ACTION_HEADER_0_SIZE) % 8;
    if (p) for (let i = 0; i < 8 - p; i++) this.note.push(0);
    for (const b of this.note) w.u8(byte(b, 'NXActionNote'));
  }
  protected bodyJson(): JsonObject {
    return { note: [...this.note] };
  }
  static override fromJsonDict<T extends OFPStruct>(this: Ctor<T>, body: JsonObject, version = 4): T {
    return withVersion(new NXActionNote({ note: jsonIntList(body.note) }), version) as unknown as T;
  }
}

/** dec_ttl(id1, id2, ...) */
export class NXActionDecTtlCntIds extends NXVarAction {
  static override jsonName = 'NXActionDecTtlCntIds';
  cnt_ids: number[];
  constructor(init?: Record<string, unknown>) {
    super();
    this.subtype = nx.NXAST_DEC_TTL_CNT_IDS;
    this.cnt_ids = [...((init?.cnt_ids as number[] | undefined) ?? [])];
  }
  protected decodeBody(r: Reader): void {
    r.need(6, 'NXActionDecTtlCntIds');
    const n = r.u16();
    r.skip(4);
    r.need(2 * n, 'NXActionDecTtlCntIds');
    this.cnt_ids = [];
    for (let i = 0; i < n; i++) this.cnt_ids.push(r.u16());
  }
  protected encodeBody(w: Writer): void {
    const n = this.cnt_ids.length;
    w.u16(n);
    w.zeros(4);
    for (const id of this.cnt_ids) w.u16(id);
    w.zeros(2 * (Math.ceil(n / 4) * 4 - n));
  }
  protected bodyJson(): JsonObject {
    return { cnt_ids: [...this.cnt_ids] };
  }
  static override fromJsonDict<T extends OFPStruct>(this: Ctor<T>, body: JsonObject, version = 4): T {
    return withVersion(new NXActionDecTtlCntIds({ cnt_ids: jsonIntList(body.cnt_ids) }), version) as unknown as T;
  }
}

/** A Nicira action of a subtype osken has no class for: `new NXActionUnknown({ subtype, data })`. */
export class NXActionUnknown extends NXVarAction {
  static override jsonName = 'NXActionUnknown';
  data: Uint8Array;
  constructor(init?: Record<string, unknown>) {
    super();
    this.subtype = Number(init?.subtype ?? 0);
    this.data = (init?.data as Uint8Array | undefined) ?? new Uint8Array(0);
  }
  protected decodeBody(r: Reader): void {
    this.data = r.rest();
  }
  protected encodeBody(w: Writer): void {
    w.bytes(this.data);
  }
  protected bodyJson(): JsonObject {
    return { data: base64Encode(this.data) };
  }
  static override fromJsonDict<T extends OFPStruct>(this: Ctor<T>, body: JsonObject, version = 4): T {
    const data = typeof body.data === 'string' ? base64Decode(body.data) : new Uint8Array(0);
    return withVersion(new NXActionUnknown({ subtype: jsonInt(body.subtype), data }), version) as unknown as T;
  }
}

/** Shared by bundle and bundle_load (os-ken's _NXActionBundleBase). */
abstract class NXActionBundleBase extends NXVarAction {
  algorithm: number;
  fields: number;
  basis: number;
  slave_type: number;
  n_slaves: number;
  ofs_nbits: number;
  /** destination field name, or 0 when there is none */
  dst: string | number;
  slaves: number[];
  constructor(subtype: number, init: Record<string, unknown> | undefined, load: boolean) {
    super();
    this.subtype = subtype;
    const num = (k: string) => Number(init?.[k] ?? 0);
    this.algorithm = num('algorithm');
    this.fields = num('fields');
    this.basis = num('basis');
    this.slave_type = num('slave_type');
    this.n_slaves = num('n_slaves');
    this.ofs_nbits = load ? num('ofs_nbits') : 0;
    this.dst = load ? ((init?.dst as string | number | undefined) ?? 0) : 0;
    this.slaves = [...((init?.slaves as number[] | undefined) ?? [])];
    this.len = Math.ceil((nx.NX_ACTION_BUNDLE_0_SIZE + this.slaves.length * 2) / 8) * 8;
  }
  protected abstract readonly isLoad: boolean;
  protected decodeBody(r: Reader): void {
    const where = (this.constructor as typeof NXVarAction).jsonName;
    const base = r.pos;
    r.need(18, where);
    this.algorithm = r.u16();
    this.fields = r.u16();
    this.basis = r.u16();
    this.slave_type = r.u32();
    this.n_slaves = r.u16();
    const ofs = r.u16();
    const dstNum = r.u32();
    let dst: string | number = dstNum;
    if (dstNum !== 0) dst = nxmParseHeaderAt(r.bytes, r.view, base + 14, r.end, nxmTable(r.version), where).name;
    r.pos = base + 22;
    if (this.n_slaves > 0) r.need(2 * this.n_slaves, where);
    this.slaves = [];
    for (let i = 0; i < this.n_slaves; i++) this.slaves.push(r.u16());
    this.ofs_nbits = this.isLoad ? ofs : 0;
    this.dst = this.isLoad ? dst : 0;
  }
  protected encodeBody(w: Writer): void {
    const n = this.slaves.length;
    this.n_slaves = n;
    let hdr: Uint8Array = new Uint8Array(4);
    if (this.dst !== 0) {
      if (typeof this.dst !== 'string') throw new JsonDictError(`${(this.constructor as typeof NXVarAction).jsonName}: dst must be a field name or 0`);
      hdr = nxmHeaderBytes(nxmTable(w.version || 4), this.dst);
    }
    const size = Math.max(14 + hdr.length, n > 0 ? 22 + 2 * Math.ceil(n / 4) * 4 : 0);
    const body = new Uint8Array(size);
    const v = new DataView(body.buffer);
    v.setUint16(0, this.algorithm);
    v.setUint16(2, this.fields);
    v.setUint16(4, this.basis);
    v.setUint32(6, this.slave_type);
    v.setUint16(10, n);
    v.setUint16(12, this.ofs_nbits);
    body.set(hdr, 14);
    this.slaves.forEach((s, i) => v.setUint16(22 + 2 * i, s));
    w.bytes(body);
  }
  protected bodyJson(): JsonObject {
    return {
      algorithm: this.algorithm, basis: this.basis, dst: this.dst as JsonValue, fields: this.fields, n_slaves: this.n_slaves,
      ofs_nbits: this.ofs_nbits, slave_type: this.slave_type, slaves: [...this.slaves],
    };
  }
  protected static initFromJson(body: JsonObject): Record<string, unknown> {
    return {
      algorithm: jsonInt(body.algorithm), fields: jsonInt(body.fields), basis: jsonInt(body.basis),
      slave_type: jsonInt(body.slave_type), n_slaves: jsonInt(body.n_slaves), ofs_nbits: jsonInt(body.ofs_nbits),
      dst: typeof body.dst === 'string' ? body.dst : jsonInt(body.dst), slaves: jsonIntList(body.slaves),
    };
  }
}

/** bundle(fields, basis, algorithm, slave_type, slaves:...) — ofs_nbits and dst are always 0. */
export class NXActionBundle extends NXActionBundleBase {
  static override jsonName = 'NXActionBundle';
  protected readonly isLoad = false;
  constructor(init?: Record<string, unknown>) {
    super(nx.NXAST_BUNDLE, init, false);
  }
  static override fromJsonDict<T extends OFPStruct>(this: Ctor<T>, body: JsonObject, version = 4): T {
    return withVersion(new NXActionBundle(NXActionBundleBase.initFromJson(body)), version) as unknown as T;
  }
}

/** bundle_load(fields, basis, algorithm, slave_type, dst[start..end], slaves:...) */
export class NXActionBundleLoad extends NXActionBundleBase {
  static override jsonName = 'NXActionBundleLoad';
  protected readonly isLoad = true;
  constructor(init?: Record<string, unknown>) {
    super(nx.NXAST_BUNDLE_LOAD, init, true);
  }
  static override fromJsonDict<T extends OFPStruct>(this: Ctor<T>, body: JsonObject, version = 4): T {
    return withVersion(new NXActionBundleLoad(NXActionBundleBase.initFromJson(body)), version) as unknown as T;
  }
}

registerNX(nx.NXAST_NOTE, NXActionNote);
registerNX(nx.NXAST_DEC_TTL_CNT_IDS, NXActionDecTtlCntIds);
registerNX(nx.NXAST_BUNDLE, NXActionBundle);
registerNX(nx.NXAST_BUNDLE_LOAD, NXActionBundleLoad);
registerNX(null, NXActionUnknown);
setNXUnknownClass(NXActionUnknown);

