/**
 * SCTP chunks (os-ken sctp.chunk_*). A chunk's os-ken `__len__` is its
 * length field as is (no padding), so the next chunk is read from
 * offset + length exactly as os-ken does.
 */
import { Writer } from '../../../wire/writer.js';
import { base64Encode, type JsonObject, type JsonValue } from '../../../wire/json/json.js';
import { JsonDictError } from '../../../wire/errors.js';
import { jArr, jClass, jInt } from '../packet_base.js';
import {
  TYPE_ABORT,
  TYPE_COOKIE_ACK,
  TYPE_COOKIE_ECHO,
  TYPE_CWR,
  TYPE_DATA,
  TYPE_ECN_ECHO,
  TYPE_ERROR,
  TYPE_HEARTBEAT,
  TYPE_HEARTBEAT_ACK,
  TYPE_INIT,
  TYPE_INIT_ACK,
  TYPE_SACK,
  TYPE_SHUTDOWN,
  TYPE_SHUTDOWN_ACK,
  TYPE_SHUTDOWN_COMPLETE,
  Span,
  bad,
  jBytesOrNull,
  jIntList,
  need,
} from './common.js';
import { HEARTBEAT_PARAMS, INIT_ACK_PARAMS, INIT_PARAMS, Param, ParamTable, paramFromJson, parseOneParam, parseParams } from './params.js';
import { Cause, causeFromJson, parseCauses } from './causes.js';
import { SctpPart } from './tlv.js';

export abstract class Chunk extends SctpPart {
  static override readonly jsonName: string = 'chunk';
  static readonly CHUNK_TYPE: number = -1;
  get chunkType(): number {
    return (this.constructor as typeof Chunk).CHUNK_TYPE;
  }
}

/** Header (type, flags, length), body, back-patch a zero length. */
function frame(w: Writer, self: Chunk, flags: number, body: () => void): number {
  const at = w.pos;
  w.u8(self.chunkType);
  w.u8(flags);
  w.u16(self.length);
  body();
  if (self.length === 0) {
    self.length = w.pos - at;
    w.patch16(at + 2, self.length);
  }
  return at;
}

const bit = (v: number, what: string): number => {
  if (v !== 0 && v !== 1) throw new JsonDictError(`sctp: ${what} must be 0 or 1`);
  return v;
};

export interface ChunkDataOpts {
  unordered?: number;
  begin?: number;
  end?: number;
  length?: number;
  tsn?: number;
  sid?: number;
  seq?: number;
  payload_id?: number;
  payload_data: Uint8Array;
}

export class ChunkData extends Chunk {
  static override readonly jsonName = 'chunk_data';
  static override readonly CHUNK_TYPE = TYPE_DATA;
  unordered: number;
  begin: number;
  end: number;
  tsn: number;
  sid: number;
  seq: number;
  payload_id: number;
  payload_data: Uint8Array;
  constructor(o: ChunkDataOpts) {
    super(o.length ?? 0);
    this.unordered = bit(o.unordered ?? 0, 'unordered');
    this.begin = bit(o.begin ?? 0, 'begin');
    this.end = bit(o.end ?? 0, 'end');
    this.tsn = o.tsn ?? 0;
    this.sid = o.sid ?? 0;
    this.seq = o.seq ?? 0;
    this.payload_id = o.payload_id ?? 0;
    this.payload_data = o.payload_data;
  }
  static parse(s: Span, at: number): ChunkData {
    need(s, at, 16);
    const v = s.v;
    const flags = s.b[at + 1]!;
    const length = v.getUint16(at + 2);
    // os-ken: '!%ds' % (length - 16) -> struct.error when negative or beyond the packet
    if (length < 16) bad(`chunk_data length ${length} < 16`, at);
    need(s, at, length);
    return new ChunkData({
      unordered: (flags >> 2) & 1,
      begin: (flags >> 1) & 1,
      end: flags & 1,
      length,
      tsn: v.getUint32(at + 4),
      sid: v.getUint16(at + 8),
      seq: v.getUint16(at + 10),
      payload_id: v.getUint32(at + 12),
      payload_data: s.b.slice(at + 16, at + length),
    });
  }
  write(w: Writer): void {
    frame(w, this, (this.unordered << 2) | (this.begin << 1) | this.end, () => {
      w.u32(this.tsn >>> 0);
      w.u16(this.sid);
      w.u16(this.seq);
      w.u32(this.payload_id >>> 0);
      w.bytes(this.payload_data);
    });
  }
  toJsonFields(): JsonObject {
    return {
      begin: this.begin,
      end: this.end,
      length: this.length,
      payload_data: base64Encode(this.payload_data),
      payload_id: this.payload_id,
      seq: this.seq,
      sid: this.sid,
      tsn: this.tsn,
      unordered: this.unordered,
    };
  }
  static fromJson(d: JsonObject): ChunkData {
    return new ChunkData({
      unordered: jInt(d, 'unordered', 0),
      begin: jInt(d, 'begin', 0),
      end: jInt(d, 'end', 0),
      length: jInt(d, 'length', 0),
      tsn: jInt(d, 'tsn', 0),
      sid: jInt(d, 'sid', 0),
      seq: jInt(d, 'seq', 0),
      payload_id: jInt(d, 'payload_id', 0),
      payload_data: jBytesOrNull(d, 'payload_data') ?? new Uint8Array(0),
    });
  }
}

export interface ChunkInitOpts {
  flags?: number;
  length?: number;
  init_tag?: number;
  a_rwnd?: number;
  os?: number;
  mis?: number;
  i_tsn?: number;
  params?: Param[] | null;
}

/** INIT and INIT ACK (os-ken chunk_init_base). */
export abstract class ChunkInitBase extends Chunk {
  flags: number;
  init_tag: number;
  a_rwnd: number;
  os: number;
  mis: number;
  i_tsn: number;
  params: Param[];
  constructor(o: ChunkInitOpts = {}) {
    super(o.length ?? 0);
    this.flags = o.flags ?? 0;
    this.init_tag = o.init_tag ?? 0;
    this.a_rwnd = o.a_rwnd ?? 0;
    this.os = o.os ?? 0;
    this.mis = o.mis ?? 0;
    this.i_tsn = o.i_tsn ?? 0;
    this.params = o.params ?? [];
  }
  static parseOpts(s: Span, at: number, table: ParamTable): ChunkInitOpts {
    need(s, at, 20);
    const v = s.v;
    const length = v.getUint16(at + 2);
    return {
      flags: s.b[at + 1]!,
      length,
      init_tag: v.getUint32(at + 4),
      a_rwnd: v.getUint32(at + 8),
      os: v.getUint16(at + 12),
      mis: v.getUint16(at + 14),
      i_tsn: v.getUint32(at + 16),
      params: parseParams(s, at, 20, length, table),
    };
  }
  static optsFromJson(d: JsonObject): ChunkInitOpts {
    return {
      flags: jInt(d, 'flags', 0),
      length: jInt(d, 'length', 0),
      init_tag: jInt(d, 'init_tag', 0),
      a_rwnd: jInt(d, 'a_rwnd', 0),
      os: jInt(d, 'os', 0),
      mis: jInt(d, 'mis', 0),
      i_tsn: jInt(d, 'i_tsn', 0),
      params: (jArr(d, 'params') ?? []).map((x) => paramFromJson(x)),
    };
  }
  write(w: Writer): void {
    frame(w, this, this.flags, () => {
      w.u32(this.init_tag >>> 0);
      w.u32(this.a_rwnd >>> 0);
      w.u16(this.os);
      w.u16(this.mis);
      w.u32(this.i_tsn >>> 0);
      for (const p of this.params) p.write(w);
    });
  }
  toJsonFields(): JsonObject {
    return {
      a_rwnd: this.a_rwnd,
      flags: this.flags,
      i_tsn: this.i_tsn,
      init_tag: this.init_tag,
      length: this.length,
      mis: this.mis,
      os: this.os,
      params: this.params.map((p) => p.toJsonDict()),
    };
  }
}
export class ChunkInit extends ChunkInitBase {
  static override readonly jsonName = 'chunk_init';
  static override readonly CHUNK_TYPE = TYPE_INIT;
}
export class ChunkInitAck extends ChunkInitBase {
  static override readonly jsonName = 'chunk_init_ack';
  static override readonly CHUNK_TYPE = TYPE_INIT_ACK;
}

export interface ChunkSackOpts {
  flags?: number;
  length?: number;
  tsn_ack?: number;
  a_rwnd?: number;
  gapack_num?: number;
  duptsn_num?: number;
  gapacks?: [number, number][] | null;
  duptsns?: number[] | null;
}

export class ChunkSack extends Chunk {
  static override readonly jsonName = 'chunk_sack';
  static override readonly CHUNK_TYPE = TYPE_SACK;
  flags: number;
  tsn_ack: number;
  a_rwnd: number;
  gapack_num: number;
  duptsn_num: number;
  gapacks: [number, number][];
  duptsns: number[];
  constructor(o: ChunkSackOpts = {}) {
    super(o.length ?? 0);
    this.flags = o.flags ?? 0;
    this.tsn_ack = o.tsn_ack ?? 0;
    this.a_rwnd = o.a_rwnd ?? 0;
    this.gapack_num = o.gapack_num ?? 0;
    this.duptsn_num = o.duptsn_num ?? 0;
    this.gapacks = o.gapacks ?? [];
    this.duptsns = o.duptsns ?? [];
  }
  static parse(s: Span, at: number): ChunkSack {
    need(s, at, 16);
    const v = s.v;
    const gapack_num = v.getUint16(at + 12);
    const duptsn_num = v.getUint16(at + 14);
    need(s, at + 16, gapack_num * 4 + duptsn_num * 4);
    const gapacks: [number, number][] = [];
    let off = at + 16;
    for (let i = 0; i < gapack_num; i++, off += 4) gapacks.push([v.getUint16(off), v.getUint16(off + 2)]);
    const duptsns: number[] = [];
    for (let i = 0; i < duptsn_num; i++, off += 4) duptsns.push(v.getUint32(off));
    return new ChunkSack({
      flags: s.b[at + 1]!,
      length: v.getUint16(at + 2),
      tsn_ack: v.getUint32(at + 4),
      a_rwnd: v.getUint32(at + 8),
      gapack_num,
      duptsn_num,
      gapacks,
      duptsns,
    });
  }
  write(w: Writer): void {
    frame(w, this, this.flags, () => {
      w.u32(this.tsn_ack >>> 0);
      w.u32(this.a_rwnd >>> 0);
      w.u16(this.gapack_num);
      w.u16(this.duptsn_num);
      for (const g of this.gapacks) {
        w.u16(g[0]);
        w.u16(g[1]);
      }
      for (const x of this.duptsns) w.u32(x >>> 0);
    });
  }
  toJsonFields(): JsonObject {
    return {
      a_rwnd: this.a_rwnd,
      duptsn_num: this.duptsn_num,
      duptsns: this.duptsns.slice(),
      flags: this.flags,
      gapack_num: this.gapack_num,
      gapacks: this.gapacks.map((g) => [g[0], g[1]]),
      length: this.length,
      tsn_ack: this.tsn_ack,
    };
  }
  static fromJson(d: JsonObject): ChunkSack {
    const gapacks = (jArr(d, 'gapacks') ?? []).map((g): [number, number] => {
      if (!Array.isArray(g) || g.length !== 2 || typeof g[0] !== 'number' || typeof g[1] !== 'number') throw new JsonDictError('chunk_sack.gapacks: expected [start, end] pairs');
      return [g[0], g[1]];
    });
    return new ChunkSack({
      flags: jInt(d, 'flags', 0),
      length: jInt(d, 'length', 0),
      tsn_ack: jInt(d, 'tsn_ack', 0),
      a_rwnd: jInt(d, 'a_rwnd', 0),
      gapack_num: jInt(d, 'gapack_num', 0),
      duptsn_num: jInt(d, 'duptsn_num', 0),
      gapacks,
      duptsns: jIntList(d, 'duptsns'),
    });
  }
}

/** HEARTBEAT and HEARTBEAT ACK (os-ken chunk_heartbeat_base). */
export abstract class ChunkHeartbeatBase extends Chunk {
  flags: number;
  info: Param | null;
  constructor(o: { flags?: number; length?: number; info?: Param | null } = {}) {
    super(o.length ?? 0);
    this.flags = o.flags ?? 0;
    this.info = o.info ?? null;
  }
  write(w: Writer): void {
    frame(w, this, this.flags, () => {
      if (this.info !== null) this.info.write(w);
    });
  }
  toJsonFields(): JsonObject {
    return { flags: this.flags, info: this.info === null ? null : this.info.toJsonDict(), length: this.length };
  }
}
export class ChunkHeartbeat extends ChunkHeartbeatBase {
  static override readonly jsonName = 'chunk_heartbeat';
  static override readonly CHUNK_TYPE = TYPE_HEARTBEAT;
}
export class ChunkHeartbeatAck extends ChunkHeartbeatBase {
  static override readonly jsonName = 'chunk_heartbeat_ack';
  static override readonly CHUNK_TYPE = TYPE_HEARTBEAT_ACK;
}

/** ABORT (flag: tflag) and ERROR (flags) carry a list of causes. */
export class ChunkAbort extends Chunk {
  static override readonly jsonName = 'chunk_abort';
  static override readonly CHUNK_TYPE = TYPE_ABORT;
  tflag: number;
  causes: Cause[];
  constructor(o: { tflag?: number; length?: number; causes?: Cause[] | null } = {}) {
    super(o.length ?? 0);
    this.tflag = bit(o.tflag ?? 0, 'tflag');
    this.causes = o.causes ?? [];
  }
  write(w: Writer): void {
    frame(w, this, this.tflag, () => {
      for (const c of this.causes) c.write(w);
    });
  }
  toJsonFields(): JsonObject {
    return { causes: this.causes.map((c) => c.toJsonDict()), length: this.length, tflag: this.tflag };
  }
}
export class ChunkError extends Chunk {
  static override readonly jsonName = 'chunk_error';
  static override readonly CHUNK_TYPE = TYPE_ERROR;
  flags: number;
  causes: Cause[];
  constructor(o: { flags?: number; length?: number; causes?: Cause[] | null } = {}) {
    super(o.length ?? 0);
    this.flags = o.flags ?? 0;
    this.causes = o.causes ?? [];
  }
  write(w: Writer): void {
    frame(w, this, this.flags, () => {
      for (const c of this.causes) c.write(w);
    });
  }
  toJsonFields(): JsonObject {
    return { causes: this.causes.map((c) => c.toJsonDict()), flags: this.flags, length: this.length };
  }
}

/** A chunk with flags, length and one u32 (SHUTDOWN tsn_ack; ECNE/CWR low_tsn). */
abstract class ChunkU32 extends Chunk {
  flags: number;
  constructor(flags: number, length: number) {
    super(length);
    this.flags = flags;
  }
  protected abstract get word(): number;
  write(w: Writer): void {
    if (this.length === 0) this.length = 8;
    w.u8(this.chunkType);
    w.u8(this.flags);
    w.u16(this.length);
    w.u32(this.word >>> 0);
  }
}
export class ChunkShutdown extends ChunkU32 {
  static override readonly jsonName = 'chunk_shutdown';
  static override readonly CHUNK_TYPE = TYPE_SHUTDOWN;
  tsn_ack: number;
  constructor(o: { flags?: number; length?: number; tsn_ack?: number } = {}) {
    super(o.flags ?? 0, o.length ?? 0);
    this.tsn_ack = o.tsn_ack ?? 0;
  }
  protected get word(): number {
    return this.tsn_ack;
  }
  toJsonFields(): JsonObject {
    return { flags: this.flags, length: this.length, tsn_ack: this.tsn_ack };
  }
}
/** os-ken chunk_ecn_base */
export abstract class ChunkEcnBase extends ChunkU32 {
  low_tsn: number;
  constructor(o: { flags?: number; length?: number; low_tsn?: number } = {}) {
    super(o.flags ?? 0, o.length ?? 0);
    this.low_tsn = o.low_tsn ?? 0;
  }
  protected get word(): number {
    return this.low_tsn;
  }
  toJsonFields(): JsonObject {
    return { flags: this.flags, length: this.length, low_tsn: this.low_tsn };
  }
}
export class ChunkEcnEcho extends ChunkEcnBase {
  static override readonly jsonName = 'chunk_ecn_echo';
  static override readonly CHUNK_TYPE = TYPE_ECN_ECHO;
}
export class ChunkCwr extends ChunkEcnBase {
  static override readonly jsonName = 'chunk_cwr';
  static override readonly CHUNK_TYPE = TYPE_CWR;
}

/** os-ken chunk_ack_base: SHUTDOWN ACK and COOKIE ACK. */
export abstract class ChunkAckBase extends Chunk {
  flags: number;
  constructor(o: { flags?: number; length?: number } = {}) {
    super(o.length ?? 0);
    this.flags = o.flags ?? 0;
  }
  write(w: Writer): void {
    if (this.length === 0) this.length = 4;
    w.u8(this.chunkType);
    w.u8(this.flags);
    w.u16(this.length);
  }
  toJsonFields(): JsonObject {
    return { flags: this.flags, length: this.length };
  }
}
export class ChunkShutdownAck extends ChunkAckBase {
  static override readonly jsonName = 'chunk_shutdown_ack';
  static override readonly CHUNK_TYPE = TYPE_SHUTDOWN_ACK;
}
export class ChunkCookieAck extends ChunkAckBase {
  static override readonly jsonName = 'chunk_cookie_ack';
  static override readonly CHUNK_TYPE = TYPE_COOKIE_ACK;
}

export class ChunkCookieEcho extends Chunk {
  static override readonly jsonName = 'chunk_cookie_echo';
  static override readonly CHUNK_TYPE = TYPE_COOKIE_ECHO;
  flags: number;
  cookie: Uint8Array | null;
  constructor(o: { flags?: number; length?: number; cookie?: Uint8Array | null } = {}) {
    super(o.length ?? 0);
    this.flags = o.flags ?? 0;
    this.cookie = o.cookie ?? null;
  }
  static parse(s: Span, at: number): ChunkCookieEcho {
    need(s, at, 4);
    const length = s.v.getUint16(at + 2);
    let cookie: Uint8Array | null = null;
    if (length !== 4) {
      if (length < 4) bad(`chunk_cookie_echo length ${length} < 4`, at);
      need(s, at, length);
      cookie = s.b.slice(at + 4, at + length);
    }
    return new ChunkCookieEcho({ flags: s.b[at + 1]!, length, cookie });
  }
  write(w: Writer): void {
    const at = frame(w, this, this.flags, () => {
      if (this.cookie !== null) w.bytes(this.cookie);
    });
    w.align(at, 4);
  }
  toJsonFields(): JsonObject {
    return { cookie: this.cookie === null ? null : base64Encode(this.cookie), flags: this.flags, length: this.length };
  }
}

export class ChunkShutdownComplete extends Chunk {
  static override readonly jsonName = 'chunk_shutdown_complete';
  static override readonly CHUNK_TYPE = TYPE_SHUTDOWN_COMPLETE;
  tflag: number;
  constructor(o: { tflag?: number; length?: number } = {}) {
    super(o.length ?? 0);
    this.tflag = bit(o.tflag ?? 0, 'tflag');
  }
  write(w: Writer): void {
    if (this.length === 0) this.length = 4;
    w.u8(TYPE_SHUTDOWN_COMPLETE);
    w.u8(this.tflag);
    w.u16(this.length);
  }
  toJsonFields(): JsonObject {
    return { length: this.length, tflag: this.tflag };
  }
}

interface ChunkCodec {
  readonly jsonName: string;
  parse(s: Span, at: number): Chunk;
  fromJson(d: JsonObject): Chunk;
}

const fl = (d: JsonObject): { flags: number; length: number } => ({ flags: jInt(d, 'flags', 0), length: jInt(d, 'length', 0) });
const hdr = (s: Span, at: number, n: number): { flags: number; length: number } => {
  need(s, at, n);
  return { flags: s.b[at + 1]!, length: s.v.getUint16(at + 2) };
};

/** chunk type -> codec (os-ken sctp._SCTP_CHUNK_TYPE), indexed by type 0..14. */
const CODECS: ChunkCodec[] = [
  { jsonName: ChunkData.jsonName, parse: (s, at) => ChunkData.parse(s, at), fromJson: (d) => ChunkData.fromJson(d) },
  { jsonName: ChunkInit.jsonName, parse: (s, at) => new ChunkInit(ChunkInitBase.parseOpts(s, at, INIT_PARAMS)), fromJson: (d) => new ChunkInit(ChunkInitBase.optsFromJson(d)) },
  {
    jsonName: ChunkInitAck.jsonName,
    parse: (s, at) => new ChunkInitAck(ChunkInitBase.parseOpts(s, at, INIT_ACK_PARAMS)),
    fromJson: (d) => new ChunkInitAck(ChunkInitBase.optsFromJson(d)),
  },
  { jsonName: ChunkSack.jsonName, parse: (s, at) => ChunkSack.parse(s, at), fromJson: (d) => ChunkSack.fromJson(d) },
  {
    jsonName: ChunkHeartbeat.jsonName,
    parse: (s, at) => new ChunkHeartbeat({ ...hdr(s, at, 4), info: parseOneParam(s, at + 4, HEARTBEAT_PARAMS) }),
    fromJson: (d) => new ChunkHeartbeat({ ...fl(d), info: d.info === null || d.info === undefined ? null : paramFromJson(d.info) }),
  },
  {
    jsonName: ChunkHeartbeatAck.jsonName,
    parse: (s, at) => new ChunkHeartbeatAck({ ...hdr(s, at, 4), info: parseOneParam(s, at + 4, HEARTBEAT_PARAMS) }),
    fromJson: (d) => new ChunkHeartbeatAck({ ...fl(d), info: d.info === null || d.info === undefined ? null : paramFromJson(d.info) }),
  },
  {
    jsonName: ChunkAbort.jsonName,
    parse: (s, at) => {
      const h = hdr(s, at, 4);
      return new ChunkAbort({ tflag: h.flags & 1, length: h.length, causes: parseCauses(s, at, h.length) });
    },
    fromJson: (d) => new ChunkAbort({ tflag: jInt(d, 'tflag', 0), length: jInt(d, 'length', 0), causes: (jArr(d, 'causes') ?? []).map((x) => causeFromJson(x)) }),
  },
  {
    jsonName: ChunkShutdown.jsonName,
    parse: (s, at) => new ChunkShutdown({ ...hdr(s, at, 8), tsn_ack: s.v.getUint32(at + 4) }),
    fromJson: (d) => new ChunkShutdown({ ...fl(d), tsn_ack: jInt(d, 'tsn_ack', 0) }),
  },
  { jsonName: ChunkShutdownAck.jsonName, parse: (s, at) => new ChunkShutdownAck(hdr(s, at, 4)), fromJson: (d) => new ChunkShutdownAck(fl(d)) },
  {
    jsonName: ChunkError.jsonName,
    parse: (s, at) => {
      const h = hdr(s, at, 4);
      return new ChunkError({ ...h, causes: parseCauses(s, at, h.length) });
    },
    fromJson: (d) => new ChunkError({ ...fl(d), causes: (jArr(d, 'causes') ?? []).map((x) => causeFromJson(x)) }),
  },
  {
    jsonName: ChunkCookieEcho.jsonName,
    parse: (s, at) => ChunkCookieEcho.parse(s, at),
    fromJson: (d) => new ChunkCookieEcho({ ...fl(d), cookie: jBytesOrNull(d, 'cookie') }),
  },
  { jsonName: ChunkCookieAck.jsonName, parse: (s, at) => new ChunkCookieAck(hdr(s, at, 4)), fromJson: (d) => new ChunkCookieAck(fl(d)) },
  {
    jsonName: ChunkEcnEcho.jsonName,
    parse: (s, at) => new ChunkEcnEcho({ ...hdr(s, at, 8), low_tsn: s.v.getUint32(at + 4) }),
    fromJson: (d) => new ChunkEcnEcho({ ...fl(d), low_tsn: jInt(d, 'low_tsn', 0) }),
  },
  {
    jsonName: ChunkCwr.jsonName,
    parse: (s, at) => new ChunkCwr({ ...hdr(s, at, 8), low_tsn: s.v.getUint32(at + 4) }),
    fromJson: (d) => new ChunkCwr({ ...fl(d), low_tsn: jInt(d, 'low_tsn', 0) }),
  },
  {
    jsonName: ChunkShutdownComplete.jsonName,
    parse: (s, at) => {
      const h = hdr(s, at, 4);
      return new ChunkShutdownComplete({ tflag: h.flags & 1, length: h.length });
    },
    fromJson: (d) => new ChunkShutdownComplete({ tflag: jInt(d, 'tflag', 0), length: jInt(d, 'length', 0) }),
  },
];
const BY_NAME = new Map<string, ChunkCodec>(CODECS.map((c) => [c.jsonName, c]));

/** The chunk decoder for a type, or null (os-ken stops and keeps the rest raw). */
export function chunkCodec(type: number): ChunkCodec | null {
  return CODECS[type] ?? null;
}

export function chunkFromJson(v: JsonValue | undefined): Chunk {
  const [name, body] = jClass(v, 'sctp chunk');
  const c = BY_NAME.get(name);
  if (!c) throw new JsonDictError(`unknown SCTP chunk ${name}`);
  return c.fromJson(body);
}
