/**
 * CFM operations: CCM, loopback message/reply, link trace message/reply
 * (os-ken cfm.operation and subclasses).
 */
import type { Reader } from '../../../wire/reader.js';
import { Writer } from '../../../wire/writer.js';
import { macToBin, macToText } from '../../../wire/addrconv.js';
import { base64Decode, type JsonObject, type JsonValue } from '../../../wire/json/json.js';
import { JsonDictError } from '../../../wire/errors.js';
import { jInt, jStr } from '../packet_base.js';
import { CFM_CC_MESSAGE, CFM_LOOPBACK_REPLY, CFM_LOOPBACK_MESSAGE, CFM_LINK_TRACE_REPLY, CFM_LINK_TRACE_MESSAGE, CFM_END_TLV, CFM_VERSION, need, bad, b64 } from './common.js';
import { CfmTlv, parseTlvs, tlvsFromJson, writeFixed } from './tlvs.js';
/* ------------------------------------------------------------------ operations */

export abstract class CfmOperation {
  static readonly jsonName: string = 'operation';
  static readonly OPCODE: number = -1;
  md_lv: number;
  version: number;
  tlvs: CfmTlv[];
  constructor(md_lv: number, version: number, tlvs: CfmTlv[] | null | undefined) {
    this.md_lv = md_lv;
    this.version = version;
    this.tlvs = tlvs ?? [];
  }
  /** length of the fixed part before the TLVs */
  protected abstract fixedLen(): number;
  /** os-ken __len__ */
  get size(): number {
    let n = this.fixedLen();
    for (const t of this.tlvs) n += t.size;
    return n + 1;
  }
  protected abstract writeFixed(w: Writer): void;
  write(w: Writer): void {
    this.writeFixed(w);
    for (const t of this.tlvs) t.write(w);
    w.u8(CFM_END_TLV);
  }
  /** The common CFM header: MD level and version, opcode, flags, first TLV offset. */
  protected writeHeader(w: Writer, flags: number, tlvOffset: number): void {
    w.u8(((this.md_lv << 5) | this.version) & 0xff);
    w.u8((this.constructor as typeof CfmOperation).OPCODE);
    w.u8(flags & 0xff);
    w.u8(tlvOffset);
  }
  protected static readHeader(v: DataView, p: number): { md_lv: number; version: number } {
    const mdlv = v.getUint8(p);
    return { md_lv: mdlv >> 5, version: mdlv & 0x1f };
  }
  protected static headerFromJson(d: JsonObject): { md_lv: number; version: number } {
    return { md_lv: jInt(d, 'md_lv', 0), version: jInt(d, 'version', CFM_VERSION) };
  }
  protected commonJson(): JsonObject {
    return { md_lv: this.md_lv, tlvs: this.tlvs.map((t) => t.toJsonDict()), version: this.version };
  }
  abstract toJsonFields(): JsonObject;
  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof CfmOperation).jsonName]: this.toJsonFields() };
  }
}

/** A CCM name field: bytes (character-string formats) or a tuple of octets (os-ken keeps other formats as a tuple). */
export type CfmName = Uint8Array | number[];

function nameJson(n: CfmName): JsonValue {
  return n instanceof Uint8Array ? b64(n) : n.slice();
}
function nameFromJson(d: JsonObject, k: string, dflt: CfmName): CfmName {
  const v = d[k];
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'string') return base64Decode(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' ? x & 0xff : 0));
  throw new JsonDictError(`field ${k}: expected base64 string or list`);
}
function nameBytes(n: CfmName): Uint8Array {
  return n instanceof Uint8Array ? n : Uint8Array.from(n);
}

export interface CcMessageOpts {
  md_lv?: number;
  version?: number;
  rdi?: number;
  interval?: number;
  seq_num?: number;
  mep_id?: number;
  md_name_format?: number;
  md_name_length?: number;
  md_name?: CfmName;
  short_ma_name_format?: number;
  short_ma_name_length?: number;
  short_ma_name?: CfmName;
  tlvs?: CfmTlv[] | null;
}

export class CcMessage extends CfmOperation {
  static override readonly jsonName = 'cc_message';
  static override readonly OPCODE = CFM_CC_MESSAGE;
  static readonly _TLV_OFFSET = 70;
  static readonly _MD_FMT_NO_MD_NAME_PRESENT = 1;
  static readonly _MD_FMT_DOMAIN_NAME_BASED_STRING = 2;
  static readonly _MD_FMT_MAC_ADDRESS_TWO_OCTET_INTEGER = 3;
  static readonly _MD_FMT_CHARACTER_STRING = 4;
  static readonly _SHORT_MA_FMT_PRIMARY_VID = 1;
  static readonly _SHORT_MA_FMT_CHARACTER_STRING = 2;
  static readonly _SHORT_MA_FMT_TWO_OCTET_INTEGER = 3;
  static readonly _SHORT_MA_FMT_RFC_2685_VPN_ID = 4;
  static readonly _INTERVAL_300_HZ = 1;
  static readonly _INTERVAL_10_MSEC = 2;
  static readonly _INTERVAL_100_MSEC = 3;
  static readonly _INTERVAL_1_SEC = 4;
  static readonly _INTERVAL_10_SEC = 5;
  static readonly _INTERVAL_1_MIN = 6;
  static readonly _INTERVAL_10_MIN = 6;

  rdi: number;
  interval: number;
  seq_num: number;
  mep_id: number;
  md_name_format: number;
  md_name_length: number;
  md_name: CfmName;
  short_ma_name_format: number;
  short_ma_name_length: number;
  short_ma_name: CfmName;

  constructor(o: CcMessageOpts = {}) {
    super(o.md_lv ?? 0, o.version ?? CFM_VERSION, o.tlvs);
    this.rdi = o.rdi ?? 0;
    if (this.rdi !== 0 && this.rdi !== 1) bad('cc_message: rdi', 0);
    this.interval = o.interval ?? 4;
    if (this.interval === 0) bad('cc_message: interval 0', 0);
    this.seq_num = o.seq_num ?? 0;
    this.mep_id = o.mep_id ?? 1;
    if (this.mep_id < 1 || this.mep_id > 8191) bad(`cc_message: mep_id ${this.mep_id}`, 0);
    this.md_name_format = o.md_name_format ?? 4;
    this.md_name_length = o.md_name_length ?? 0;
    this.md_name = o.md_name ?? new Uint8Array([0x30]);
    this.short_ma_name_format = o.short_ma_name_format ?? 2;
    this.short_ma_name_length = o.short_ma_name_length ?? 0;
    this.short_ma_name = o.short_ma_name ?? new Uint8Array([0x31]);
  }

  protected fixedLen(): number {
    return 74;
  }

  static parse(r: Reader, p: number): CcMessage {
    need(r, p, 11);
    const v = r.view;
    const b = r.bytes;
    const flags = v.getUint8(p + 2);
    const o: CcMessageOpts = {
      ...CfmOperation.readHeader(v, p),
      rdi: flags >> 7,
      interval: flags & 7,
      seq_num: v.getUint32(p + 4),
      mep_id: v.getUint16(p + 8),
      md_name_format: v.getUint8(p + 10),
      md_name_length: 0,
    };
    let mdName: number[] | null = null;
    let off = p + 11;
    if (o.md_name_format !== 1) {
      need(r, off, 1);
      o.md_name_length = v.getUint8(off);
      off += 1;
      need(r, off, o.md_name_length);
      mdName = Array.from(b.subarray(off, off + o.md_name_length));
      off += o.md_name_length;
    }
    need(r, off, 2);
    o.short_ma_name_format = v.getUint8(off);
    o.short_ma_name_length = v.getUint8(off + 1);
    off += 2;
    need(r, off, o.short_ma_name_length);
    const maName = Array.from(b.subarray(off, off + o.short_ma_name_length));
    o.tlvs = parseTlvs(r, p + 74);
    o.md_name = mdName === null ? new Uint8Array(0) : o.md_name_format === 2 || o.md_name_format === 4 ? Uint8Array.from(mdName) : mdName;
    o.short_ma_name = o.short_ma_name_format === 2 ? Uint8Array.from(maName) : maName;
    return new CcMessage(o);
  }

  protected writeFixed(w: Writer): void {
    const start = w.pos;
    this.writeHeader(w, (this.rdi << 7) | this.interval, CcMessage._TLV_OFFSET);
    w.u32(this.seq_num);
    w.u16(this.mep_id);
    w.u8(this.md_name_format);
    if (this.md_name_format !== 1) {
      if (this.md_name_length === 0) this.md_name_length = this.md_name.length;
      w.u8(this.md_name_length);
      writeFixed(w, nameBytes(this.md_name), this.md_name_length);
    }
    if (this.short_ma_name_length === 0) this.short_ma_name_length = this.short_ma_name.length;
    w.u8(this.short_ma_name_format);
    w.u8(this.short_ma_name_length);
    writeFixed(w, nameBytes(this.short_ma_name), this.short_ma_name_length);
    const used = w.pos - start;
    if (used > 74) bad('cc_message: MAID longer than 48 bytes', 0);
    w.zeros(74 - used);
  }

  toJsonFields(): JsonObject {
    const d = this.commonJson();
    return {
      interval: this.interval,
      md_lv: d.md_lv!,
      md_name: nameJson(this.md_name),
      md_name_format: this.md_name_format,
      md_name_length: this.md_name_length,
      mep_id: this.mep_id,
      rdi: this.rdi,
      seq_num: this.seq_num,
      short_ma_name: nameJson(this.short_ma_name),
      short_ma_name_format: this.short_ma_name_format,
      short_ma_name_length: this.short_ma_name_length,
      tlvs: d.tlvs!,
      version: this.version,
    };
  }

  static fromJsonDict(d: JsonObject): CcMessage {
    return new CcMessage({
      ...CfmOperation.headerFromJson(d),
      rdi: jInt(d, 'rdi', 0),
      interval: jInt(d, 'interval', 4),
      seq_num: jInt(d, 'seq_num', 0),
      mep_id: jInt(d, 'mep_id', 1),
      md_name_format: jInt(d, 'md_name_format', 4),
      md_name_length: jInt(d, 'md_name_length', 0),
      md_name: nameFromJson(d, 'md_name', new Uint8Array([0x30])),
      short_ma_name_format: jInt(d, 'short_ma_name_format', 2),
      short_ma_name_length: jInt(d, 'short_ma_name_length', 0),
      short_ma_name: nameFromJson(d, 'short_ma_name', new Uint8Array([0x31])),
      tlvs: tlvsFromJson(d),
    });
  }
}

export interface LoopbackOpts {
  md_lv?: number;
  version?: number;
  transaction_id?: number;
  tlvs?: CfmTlv[] | null;
}

abstract class Loopback extends CfmOperation {
  transaction_id: number;
  constructor(o: LoopbackOpts = {}) {
    super(o.md_lv ?? 0, o.version ?? CFM_VERSION, o.tlvs);
    this.transaction_id = o.transaction_id ?? 0;
  }
  protected fixedLen(): number {
    return 8;
  }
  protected static parseOpts(r: Reader, p: number): LoopbackOpts {
    need(r, p, 8);
    return { ...CfmOperation.readHeader(r.view, p), transaction_id: r.view.getUint32(p + 4), tlvs: parseTlvs(r, p + 8) };
  }
  protected writeFixed(w: Writer): void {
    this.writeHeader(w, 0, 4);
    w.u32(this.transaction_id);
  }
  toJsonFields(): JsonObject {
    return { ...this.commonJson(), transaction_id: this.transaction_id };
  }
  static parse<T>(this: new (o: LoopbackOpts) => T, r: Reader, p: number): T {
    return new this(Loopback.parseOpts(r, p));
  }
  static fromJsonDict<T>(this: new (o: LoopbackOpts) => T, d: JsonObject): T {
    return new this(Loopback.optsFromJson(d));
  }
  protected static optsFromJson(d: JsonObject): LoopbackOpts {
    return { ...CfmOperation.headerFromJson(d), transaction_id: jInt(d, 'transaction_id', 0), tlvs: tlvsFromJson(d) };
  }
}

export class LoopbackMessage extends Loopback {
  static override readonly jsonName = 'loopback_message';
  static override readonly OPCODE = CFM_LOOPBACK_MESSAGE;
}

export class LoopbackReply extends Loopback {
  static override readonly jsonName = 'loopback_reply';
  static override readonly OPCODE = CFM_LOOPBACK_REPLY;
}

export interface LinkTraceMessageOpts {
  md_lv?: number;
  version?: number;
  use_fdb_only?: number;
  transaction_id?: number;
  ttl?: number;
  ltm_orig_addr?: string;
  ltm_targ_addr?: string;
  tlvs?: CfmTlv[] | null;
}

export class LinkTraceMessage extends CfmOperation {
  static override readonly jsonName = 'link_trace_message';
  static override readonly OPCODE = CFM_LINK_TRACE_MESSAGE;
  use_fdb_only: number;
  transaction_id: number;
  ttl: number;
  ltm_orig_addr: string;
  ltm_targ_addr: string;
  constructor(o: LinkTraceMessageOpts = {}) {
    super(o.md_lv ?? 0, o.version ?? CFM_VERSION, o.tlvs);
    this.use_fdb_only = o.use_fdb_only ?? 1;
    if (this.use_fdb_only !== 0 && this.use_fdb_only !== 1) bad('link_trace: use_fdb_only', 0);
    this.transaction_id = o.transaction_id ?? 0;
    this.ttl = o.ttl ?? 64;
    this.ltm_orig_addr = o.ltm_orig_addr ?? '00:00:00:00:00:00';
    this.ltm_targ_addr = o.ltm_targ_addr ?? '00:00:00:00:00:00';
  }
  protected fixedLen(): number {
    return 21;
  }
  static parse(r: Reader, p: number): LinkTraceMessage {
    need(r, p, 21);
    const v = r.view;
    return new LinkTraceMessage({
      ...CfmOperation.readHeader(v, p),
      use_fdb_only: v.getUint8(p + 2) >> 7,
      transaction_id: v.getUint32(p + 4),
      ttl: v.getUint8(p + 8),
      ltm_orig_addr: macToText(r.bytes, p + 9),
      ltm_targ_addr: macToText(r.bytes, p + 15),
      tlvs: parseTlvs(r, p + 21),
    });
  }
  protected writeFixed(w: Writer): void {
    this.writeHeader(w, this.use_fdb_only << 7, 17);
    w.u32(this.transaction_id);
    w.u8(this.ttl);
    w.bytes(macToBin(this.ltm_orig_addr));
    w.bytes(macToBin(this.ltm_targ_addr));
  }
  toJsonFields(): JsonObject {
    return {
      ...this.commonJson(),
      ltm_orig_addr: this.ltm_orig_addr,
      ltm_targ_addr: this.ltm_targ_addr,
      transaction_id: this.transaction_id,
      ttl: this.ttl,
      use_fdb_only: this.use_fdb_only,
    };
  }
  static fromJsonDict(d: JsonObject): LinkTraceMessage {
    return new LinkTraceMessage({
      ...CfmOperation.headerFromJson(d),
      use_fdb_only: jInt(d, 'use_fdb_only', 1),
      transaction_id: jInt(d, 'transaction_id', 0),
      ttl: jInt(d, 'ttl', 64),
      ltm_orig_addr: jStr(d, 'ltm_orig_addr', '00:00:00:00:00:00'),
      ltm_targ_addr: jStr(d, 'ltm_targ_addr', '00:00:00:00:00:00'),
      tlvs: tlvsFromJson(d),
    });
  }
}

export interface LinkTraceReplyOpts {
  md_lv?: number;
  version?: number;
  use_fdb_only?: number;
  fwd_yes?: number;
  terminal_mep?: number;
  transaction_id?: number;
  ttl?: number;
  relay_action?: number;
  tlvs?: CfmTlv[] | null;
}

export class LinkTraceReply extends CfmOperation {
  static override readonly jsonName = 'link_trace_reply';
  static override readonly OPCODE = CFM_LINK_TRACE_REPLY;
  static readonly _RLY_HIT = 1;
  static readonly _RLY_FDB = 2;
  static readonly _RLY_MPDB = 3;
  use_fdb_only: number;
  fwd_yes: number;
  terminal_mep: number;
  transaction_id: number;
  ttl: number;
  relay_action: number;
  constructor(o: LinkTraceReplyOpts = {}) {
    super(o.md_lv ?? 0, o.version ?? CFM_VERSION, o.tlvs);
    this.use_fdb_only = o.use_fdb_only ?? 1;
    this.fwd_yes = o.fwd_yes ?? 0;
    this.terminal_mep = o.terminal_mep ?? 1;
    this.transaction_id = o.transaction_id ?? 0;
    this.ttl = o.ttl ?? 64;
    this.relay_action = o.relay_action ?? 1;
    for (const x of [this.use_fdb_only, this.fwd_yes, this.terminal_mep]) if (x !== 0 && x !== 1) bad('link_trace_reply: flag', 0);
    if (this.relay_action < 1 || this.relay_action > 3) bad(`link_trace_reply: relay_action ${this.relay_action}`, 0);
  }
  protected fixedLen(): number {
    return 10;
  }
  static parse(r: Reader, p: number): LinkTraceReply {
    need(r, p, 10);
    const v = r.view;
    const flags = v.getUint8(p + 2);
    return new LinkTraceReply({
      ...CfmOperation.readHeader(v, p),
      use_fdb_only: flags >> 7,
      fwd_yes: (flags >> 6) & 1,
      terminal_mep: (flags >> 5) & 1,
      transaction_id: v.getUint32(p + 4),
      ttl: v.getUint8(p + 8),
      relay_action: v.getUint8(p + 9),
      tlvs: parseTlvs(r, p + 10),
    });
  }
  protected writeFixed(w: Writer): void {
    this.writeHeader(w, (this.use_fdb_only << 7) | (this.fwd_yes << 6) | (this.terminal_mep << 5), 6);
    w.u32(this.transaction_id);
    w.u8(this.ttl);
    w.u8(this.relay_action);
  }
  toJsonFields(): JsonObject {
    return {
      ...this.commonJson(),
      fwd_yes: this.fwd_yes,
      relay_action: this.relay_action,
      terminal_mep: this.terminal_mep,
      transaction_id: this.transaction_id,
      ttl: this.ttl,
      use_fdb_only: this.use_fdb_only,
    };
  }
  static fromJsonDict(d: JsonObject): LinkTraceReply {
    return new LinkTraceReply({
      ...CfmOperation.headerFromJson(d),
      use_fdb_only: jInt(d, 'use_fdb_only', 1),
      fwd_yes: jInt(d, 'fwd_yes', 0),
      terminal_mep: jInt(d, 'terminal_mep', 1),
      transaction_id: jInt(d, 'transaction_id', 0),
      ttl: jInt(d, 'ttl', 64),
      relay_action: jInt(d, 'relay_action', 1),
      tlvs: tlvsFromJson(d),
    });
  }
}

export interface OpCodec {
  readonly jsonName: string;
  parse(r: Reader, p: number): CfmOperation;
  fromJsonDict(d: JsonObject): CfmOperation;
}

/** opcode -> operation (os-ken cfm._CFM_OPCODE) */
export const OPCODES = new Map<number, OpCodec>([
  [CFM_CC_MESSAGE, CcMessage],
  [CFM_LOOPBACK_REPLY, LoopbackReply],
  [CFM_LOOPBACK_MESSAGE, LoopbackMessage],
  [CFM_LINK_TRACE_REPLY, LinkTraceReply],
  [CFM_LINK_TRACE_MESSAGE, LinkTraceMessage],
]);
export const OP_BY_NAME = new Map<string, OpCodec>([...OPCODES.values()].map((c) => [c.jsonName, c]));
