/**
 * MRT file library (os-ken os_ken/lib/mrtlib.py): read and write MRT
 * (RFC 6396) routing information export files.
 *
 * Input is a buffer, raw or bzip2-compressed (detected by the bzip2 stream
 * magic; decoded with the pure-JS npm package `seek-bzip`), a file
 * (`Reader.fromFile(path)`), or chunks of a raw dump (`readRecords`). Other
 * compressions plug in through the `Decompressor` interface. Decompressed
 * size is capped (DecompressOptions.maxDecompressedSize, default
 * defaultMaxDecompressedSize): a bzip2 bomb throws DecompressedSizeExceeded. Records are
 * MrtRecord objects with os-ken's class names and attributes
 * (TableDump2MrtRecord, Bgp4MpMrtRecord, ...).
 *
 * Difference from os-ken: for the _ET (extended timestamp) types the length
 * field includes the 4-byte microsecond timestamp, as RFC 6396 section 3
 * says (os-ken reads 4 bytes too many).
 */
import { kMaxLength } from 'node:buffer';
import { readFileSync } from 'node:fs';
import Bunzip from 'seek-bzip';
import { Reader as WireReader } from '../wire/reader.js';
import { Writer as WireWriter } from '../wire/writer.js';
import { JsonDictError, PacketMalformed, PacketTruncated } from '../wire/errors.js';
import type { JsonObject, JsonValue } from '../wire/json/json.js';
import { jClass, jInt, jIntOrNull } from './packet/packet_base.js';
import { mrtMessageFromJson } from './mrt/json.js';
import { type BgpOptions, DEFAULT_OPTIONS } from './packet/bgp/util.js';
import * as M from './mrt/records.js';

export * from './mrt/records.js';
export * from './mrt/json.js';

/** Something that turns compressed bytes into MRT bytes (e.g. a bzip2 decoder). */
export interface Decompressor {
  decompress(data: Uint8Array): Uint8Array;
}

/**
 * Is this the start of a bzip2 stream? 'BZh', block size '1'..'9', then the
 * magic of the first block (pi) or of an empty stream's end (sqrt(pi)): an
 * MRT header cannot look like that (its type field would be 0x3141 / 0x1772).
 */
export function isBzip2(data: Uint8Array): boolean {
  if (data.length < 10 || data[0] !== 0x42 || data[1] !== 0x5a || data[2] !== 0x68 || data[3]! < 0x31 || data[3]! > 0x39) return false;
  const m = [data[4], data[5], data[6], data[7], data[8], data[9]].join(',');
  return m === '49,65,89,38,83,89' || m === '23,114,69,56,80,144';
}

/**
 * Decompressed output larger than allowed (a decompression bomb, or a dump
 * bigger than the configured limit). A PacketMalformed, layer 'bzip2'.
 */
export class DecompressedSizeExceeded extends PacketMalformed {
  constructor(readonly limit: number) {
    super('bzip2', `decompressed size exceeds the limit of ${limit} bytes (option maxDecompressedSize)`, 0);
  }
}

/** Decompression limits. */
export interface DecompressOptions {
  /**
   * Most bytes the decompressed data may have; more throws
   * DecompressedSizeExceeded. Default: defaultMaxDecompressedSize(compressed size).
   */
  readonly maxDecompressedSize?: number;
}

/** 512 MiB floor of the default limit */
export const MIN_DEFAULT_MAX_DECOMPRESSED = 512 * 1024 * 1024;

/**
 * Default limit for `compressedLen` bytes of input: 64 times the input (MRT
 * dumps compress about 5-15 times; bombs a million times), at least 512 MiB,
 * at most the largest buffer Node can allocate.
 */
export function defaultMaxDecompressedSize(compressedLen: number): number {
  return Math.min(Math.max(MIN_DEFAULT_MAX_DECOMPRESSED, 64 * compressedLen), kMaxLength);
}

/** seek-bzip output stream that grows its buffer up to `limit` bytes, then throws. */
class CappedOutput {
  buffer: Uint8Array;
  pos = 0;
  constructor(
    private readonly limit: number,
    initial: number,
  ) {
    this.buffer = new Uint8Array(Math.min(limit, initial));
  }
  writeByte(b: number): void {
    if (this.pos >= this.buffer.length) this.grow();
    this.buffer[this.pos++] = b;
  }
  private grow(): void {
    if (this.pos >= this.limit) throw new DecompressedSizeExceeded(this.limit);
    const nb = new Uint8Array(Math.min(this.limit, Math.max(4096, this.buffer.length * 2)));
    nb.set(this.buffer);
    this.buffer = nb;
  }
  getBuffer(): Uint8Array {
    return this.buffer.subarray(0, this.pos);
  }
}

/**
 * Decompress a (possibly multi-stream) bzip2 buffer. Corrupt data throws
 * PacketMalformed('bzip2', ...); output beyond `maxDecompressedSize` throws
 * DecompressedSizeExceeded (decoding stops there: memory stays bounded).
 */
export function bunzip2(data: Uint8Array, opts: DecompressOptions = {}): Uint8Array {
  const limit = opts.maxDecompressedSize ?? defaultMaxDecompressedSize(data.length);
  if (!(Number.isInteger(limit) && limit >= 0)) throw new RangeError(`maxDecompressedSize must be a non-negative integer, not ${limit}`);
  const out = new CappedOutput(limit, Math.max(1 << 16, 4 * data.length));
  try {
    Bunzip.decode(data, out, true);
  } catch (e) {
    if (e instanceof DecompressedSizeExceeded) throw e;
    // seek-bzip throws TypeError(message) with an errorCode; index errors on garbage are RangeErrors
    if (e instanceof TypeError || e instanceof RangeError) throw new PacketMalformed('bzip2', e.message, 0);
    throw e;
  }
  return out.getBuffer();
}

/** A bzip2 Decompressor (seek-bzip) with the given limits. */
export function bzip2Decompressor(opts: DecompressOptions = {}): Decompressor {
  return { decompress: (data) => bunzip2(data, opts) };
}

/** The bzip2 Decompressor (seek-bzip), default limits. */
export const BZIP2: Decompressor = bzip2Decompressor();

type MessageDecoder = (c: M.MrtCtx, p: number, end: number) => M.MrtMessage;

const TD = new Map<number, MessageDecoder>([
  [1, (c, p, e) => M.TableDumpMrtMessage.decodeWith((o) => new M.TableDumpAfiIPv4MrtMessage(o), 4, c, p, e)],
  [2, (c, p, e) => M.TableDumpMrtMessage.decodeWith((o) => new M.TableDumpAfiIPv6MrtMessage(o), 16, c, p, e)],
]);
const TD2 = new Map<number, MessageDecoder>([
  [1, (c, p, e) => M.TableDump2PeerIndexTableMrtMessage.decode(c, p, e)],
  [2, (c, p, e) => M.TableDump2RibIPv4UnicastMrtMessage.decode(c, p, e)],
  [3, (c, p, e) => M.TableDump2RibIPv4MulticastMrtMessage.decode(c, p, e)],
  [4, (c, p, e) => M.TableDump2RibIPv6UnicastMrtMessage.decode(c, p, e)],
  [5, (c, p, e) => M.TableDump2RibIPv6MulticastMrtMessage.decode(c, p, e)],
  [6, (c, p, e) => M.TableDump2RibGenericMrtMessage.decode(c, p, e)],
  [8, (c, p, e) => M.TableDump2RibIPv4UnicastAddPathMrtMessage.decode(c, p, e)],
  [9, (c, p, e) => M.TableDump2RibIPv4MulticastAddPathMrtMessage.decode(c, p, e)],
  [10, (c, p, e) => M.TableDump2RibIPv6UnicastAddPathMrtMessage.decode(c, p, e)],
  [11, (c, p, e) => M.TableDump2RibIPv6MulticastAddPathMrtMessage.decode(c, p, e)],
  [12, (c, p, e) => M.TableDump2RibGenericAddPathMrtMessage.decode(c, p, e)],
]);
const BGP4MP = new Map<number, MessageDecoder>([
  [0, (c, p, e) => M.Bgp4MpStateChangeMrtMessage.decode(c, p, e)],
  [1, (c, p, e) => M.Bgp4MpMessageMrtMessage.decode(c, p, e)],
  [4, (c, p, e) => M.Bgp4MpMessageAs4MrtMessage.decode(c, p, e)],
  [5, (c, p, e) => M.Bgp4MpStateChangeAs4MrtMessage.decode(c, p, e)],
  [6, (c, p, e) => M.Bgp4MpMessageLocalMrtMessage.decode(c, p, e)],
  [7, (c, p, e) => M.Bgp4MpMessageAs4LocalMrtMessage.decode(c, p, e)],
]);

export interface MrtRecordOpts {
  message: M.MrtMessage;
  timestamp?: number | null;
  type_?: number | null;
  subtype?: number | null;
  length?: number | null;
  ms_timestamp?: number | null;
}

/** os-ken MrtRecord: common header (timestamp, type, subtype, length) + message. */
export abstract class MrtRecord {
  static readonly jsonName: string = 'MrtRecord';
  static readonly HEADER_SIZE = 12;
  static readonly TYPE_OSPFv2 = M.MRT_TYPE_OSPFv2;
  static readonly TYPE_TABLE_DUMP = M.MRT_TYPE_TABLE_DUMP;
  static readonly TYPE_TABLE_DUMP_V2 = M.MRT_TYPE_TABLE_DUMP_V2;
  static readonly TYPE_BGP4MP = M.MRT_TYPE_BGP4MP;
  static readonly TYPE_BGP4MP_ET = M.MRT_TYPE_BGP4MP_ET;
  static readonly TYPE_ISIS = M.MRT_TYPE_ISIS;
  static readonly TYPE_ISIS_ET = M.MRT_TYPE_ISIS_ET;
  static readonly TYPE_OSPFv3 = M.MRT_TYPE_OSPFv3;
  static readonly TYPE_OSPFv3_ET = M.MRT_TYPE_OSPFv3_ET;
  /** the record type this class writes by default */
  static readonly RECORD_TYPE: number = 0;
  /** message class name -> subtype, for records built without a subtype */
  static readonly SUBTYPES: Record<string, number> = {};
  declare message: M.MrtMessage;
  declare timestamp: number | null;
  declare type: number;
  declare subtype: number;
  declare length: number | null;

  constructor(o: MrtRecordOpts) {
    const k = this.constructor as typeof MrtRecord;
    this.message = o.message;
    this.timestamp = o.timestamp ?? null;
    this.type = o.type_ ?? k.RECORD_TYPE;
    const name = (o.message.constructor as typeof M.MrtMessage).jsonName;
    this.subtype = o.subtype ?? k.SUBTYPES[name] ?? 0;
    this.length = o.length ?? null;
  }

  protected extraFields(_d: JsonObject): void {}

  toJsonDict(): JsonObject {
    const d: JsonObject = { length: this.length, message: this.message.toJsonDict(), subtype: this.subtype, timestamp: this.timestamp, type: this.type };
    this.extraFields(d);
    const out: JsonObject = {};
    for (const k of Object.keys(d).sort()) out[k] = d[k]!;
    return { [(this.constructor as typeof MrtRecord).jsonName]: out };
  }

  protected writeHeaderExtra(_w: WireWriter): void {}
  protected get extraLen(): number {
    return 0;
  }

  /** Append the record; fixes up length and a missing timestamp (now), as os-ken. */
  serializeTo(w: WireWriter): void {
    if (this.timestamp === null) this.timestamp = Math.floor(Date.now() / 1000);
    const at = w.pos;
    w.u32(this.timestamp);
    w.u16(this.type);
    w.u16(this.subtype);
    w.u32(0);
    this.writeHeaderExtra(w);
    const ms = w.pos;
    this.message.serializeTo(w);
    this.length = w.pos - ms;
    w.view.setUint32(at + 8, this.length + this.extraLen);
  }

  serialize(): Uint8Array {
    const w = new WireWriter(256);
    this.serializeTo(w);
    return w.buf.slice(0, w.pos);
  }

  /** Decode one record at r.pos; advances r.pos past it (os-ken MrtRecord.parse). */
  static decode(r: WireReader, opts: BgpOptions = DEFAULT_OPTIONS): MrtRecord {
    const p = r.pos;
    if (r.end - p < 12) throw new PacketTruncated('mrt', 12, r.end - p, p);
    const v = r.view;
    const timestamp = v.getUint32(p);
    const type = v.getUint16(p + 4);
    const subtype = v.getUint16(p + 6);
    const length = v.getUint32(p + 8);
    if (r.end - p - 12 < length) throw new PacketTruncated('mrt', 12 + length, r.end - p, p);
    const end = p + 12 + length;
    const c: M.MrtCtx = { r, opts };
    let rec: MrtRecord;
    if (type === M.MRT_TYPE_BGP4MP_ET || EXT_TS(type)) {
      if (length < 4) throw new PacketMalformed('mrt', `extended timestamp record of length ${length}`, p);
      const msTs = v.getUint32(p + 12);
      const dec = type === M.MRT_TYPE_BGP4MP_ET ? BGP4MP.get(subtype) : undefined;
      const msg = dec ? dec(c, p + 16, end) : new M.UnknownMrtMessage(r.bytes.slice(p + 16, end));
      const K = type === M.MRT_TYPE_BGP4MP_ET ? Bgp4MpEtMrtRecord : UnknownExtendedTimestampMrtRecord;
      rec = new K({ message: msg, timestamp, type_: type, subtype, ms_timestamp: msTs, length: length - 4 });
    } else {
      const table = type === M.MRT_TYPE_TABLE_DUMP ? TD : type === M.MRT_TYPE_TABLE_DUMP_V2 ? TD2 : type === M.MRT_TYPE_BGP4MP ? BGP4MP : undefined;
      const dec = table?.get(subtype);
      const msg = dec ? dec(c, p + 12, end) : new M.UnknownMrtMessage(r.bytes.slice(p + 12, end));
      const K =
        type === M.MRT_TYPE_TABLE_DUMP ? TableDumpMrtRecord : type === M.MRT_TYPE_TABLE_DUMP_V2 ? TableDump2MrtRecord : type === M.MRT_TYPE_BGP4MP ? Bgp4MpMrtRecord : UnknownMrtRecord;
      rec = new K({ message: msg, timestamp, type_: type, subtype, length });
    }
    r.pos = end;
    return rec;
  }

  /**
   * os-ken from_jsondict on the inner dict (`Bgp4MpMrtRecord.fromJsonDict({...})`);
   * on MrtRecord itself it takes the whole `{"Bgp4MpMrtRecord": {...}}`.
   */
  static fromJsonDict(d: JsonObject): MrtRecord {
    const [name, body] = this === MrtRecord ? jClass(d, 'MRT record') : [this.jsonName, d];
    const rec = mrtRecordFromJsonBody(name, body);
    const got = (rec.constructor as typeof MrtRecord).jsonName;
    if (!(rec instanceof this)) throw new JsonDictError(`${this.jsonName}: JSON is a ${got}`);
    return rec;
  }

  /** os-ken parse(buf) -> [record, rest] */
  static parse(buf: Uint8Array, opts: BgpOptions = DEFAULT_OPTIONS): [MrtRecord, Uint8Array] {
    const r = new WireReader(buf);
    const rec = MrtRecord.decode(r, opts);
    return [rec, buf.subarray(r.pos)];
  }
}

function EXT_TS(type: number): boolean {
  return type === M.MRT_TYPE_ISIS_ET || type === M.MRT_TYPE_OSPFv3_ET;
}

/** os-ken MrtCommonRecord */
export class MrtCommonRecord extends MrtRecord {
  static override readonly jsonName: string = 'MrtCommonRecord';
}

/** os-ken ExtendedTimestampMrtRecord: adds ms_timestamp (microseconds). */
export class ExtendedTimestampMrtRecord extends MrtRecord {
  static override readonly jsonName: string = 'ExtendedTimestampMrtRecord';
  declare ms_timestamp: number | null;
  constructor(o: MrtRecordOpts) {
    super(o);
    this.ms_timestamp = o.ms_timestamp ?? null;
  }
  protected override extraFields(d: JsonObject): void {
    d.ms_timestamp = this.ms_timestamp;
  }
  protected override writeHeaderExtra(w: WireWriter): void {
    w.u32(this.ms_timestamp ?? 0);
  }
  protected override get extraLen(): number {
    return 4;
  }
}

export class UnknownMrtRecord extends MrtCommonRecord {
  static override readonly jsonName: string = 'UnknownMrtRecord';
}
export class UnknownExtendedTimestampMrtRecord extends ExtendedTimestampMrtRecord {
  static override readonly jsonName: string = 'UnknownExtendedTimestampMrtRecord';
}

export class TableDumpMrtRecord extends MrtCommonRecord {
  static override readonly jsonName: string = 'TableDumpMrtRecord';
  static override readonly RECORD_TYPE: number = M.MRT_TYPE_TABLE_DUMP;
  static override readonly SUBTYPES: Record<string, number> = { TableDumpAfiIPv4MrtMessage: 1, TableDumpAfiIPv6MrtMessage: 2 };
  static readonly SUBTYPE_AFI_IPv4 = 1;
  static readonly SUBTYPE_AFI_IPv6 = 2;
}

export class TableDump2MrtRecord extends MrtCommonRecord {
  static override readonly jsonName: string = 'TableDump2MrtRecord';
  static override readonly RECORD_TYPE: number = M.MRT_TYPE_TABLE_DUMP_V2;
  static override readonly SUBTYPES: Record<string, number> = {
    TableDump2PeerIndexTableMrtMessage: 1,
    TableDump2RibIPv4UnicastMrtMessage: 2,
    TableDump2RibIPv4MulticastMrtMessage: 3,
    TableDump2RibIPv6UnicastMrtMessage: 4,
    TableDump2RibIPv6MulticastMrtMessage: 5,
    TableDump2RibGenericMrtMessage: 6,
    TableDump2RibIPv4UnicastAddPathMrtMessage: 8,
    TableDump2RibIPv4MulticastAddPathMrtMessage: 9,
    TableDump2RibIPv6UnicastAddPathMrtMessage: 10,
    TableDump2RibIPv6MulticastAddPathMrtMessage: 11,
    TableDump2RibGenericAddPathMrtMessage: 12,
  };
  static readonly SUBTYPE_PEER_INDEX_TABLE = 1;
  static readonly SUBTYPE_RIB_IPV4_UNICAST = 2;
  static readonly SUBTYPE_RIB_IPV4_MULTICAST = 3;
  static readonly SUBTYPE_RIB_IPV6_UNICAST = 4;
  static readonly SUBTYPE_RIB_IPV6_MULTICAST = 5;
  static readonly SUBTYPE_RIB_GENERIC = 6;
  static readonly SUBTYPE_RIB_IPV4_UNICAST_ADDPATH = 8;
  static readonly SUBTYPE_RIB_IPV4_MULTICAST_ADDPATH = 9;
  static readonly SUBTYPE_RIB_IPV6_UNICAST_ADDPATH = 10;
  static readonly SUBTYPE_RIB_IPV6_MULTICAST_ADDPATH = 11;
  static readonly SUBTYPE_RIB_GENERIC_ADDPATH = 12;
}

const BGP4MP_SUBTYPES: Record<string, number> = {
  Bgp4MpStateChangeMrtMessage: 0,
  Bgp4MpMessageMrtMessage: 1,
  Bgp4MpMessageAs4MrtMessage: 4,
  Bgp4MpStateChangeAs4MrtMessage: 5,
  Bgp4MpMessageLocalMrtMessage: 6,
  Bgp4MpMessageAs4LocalMrtMessage: 7,
};

export class Bgp4MpMrtRecord extends MrtCommonRecord {
  static override readonly jsonName: string = 'Bgp4MpMrtRecord';
  static override readonly RECORD_TYPE: number = M.MRT_TYPE_BGP4MP;
  static override readonly SUBTYPES: Record<string, number> = BGP4MP_SUBTYPES;
  static readonly SUBTYPE_BGP4MP_STATE_CHANGE = 0;
  static readonly SUBTYPE_BGP4MP_MESSAGE = 1;
  static readonly SUBTYPE_BGP4MP_MESSAGE_AS4 = 4;
  static readonly SUBTYPE_BGP4MP_STATE_CHANGE_AS4 = 5;
  static readonly SUBTYPE_BGP4MP_MESSAGE_LOCAL = 6;
  static readonly SUBTYPE_BGP4MP_MESSAGE_AS4_LOCAL = 7;
  static readonly SUBTYPE_BGP4MP_MESSAGE_ADDPATH = 8;
  static readonly SUBTYPE_BGP4MP_MESSAGE_AS4_ADDPATH = 9;
  static readonly SUBTYPE_BGP4MP_MESSAGE_LOCAL_ADDPATH = 10;
  static readonly SUBTYPE_BGP4MP_MESSAGE_AS4_LOCAL_ADDPATH = 11;
}

export class Bgp4MpEtMrtRecord extends ExtendedTimestampMrtRecord {
  static override readonly jsonName: string = 'Bgp4MpEtMrtRecord';
  static override readonly RECORD_TYPE: number = M.MRT_TYPE_BGP4MP_ET;
  static override readonly SUBTYPES: Record<string, number> = BGP4MP_SUBTYPES;
}

const RECORD_CLASSES: Record<string, new (o: MrtRecordOpts) => MrtRecord> = {
  MrtCommonRecord,
  ExtendedTimestampMrtRecord,
  UnknownMrtRecord,
  UnknownExtendedTimestampMrtRecord,
  TableDumpMrtRecord,
  TableDump2MrtRecord,
  Bgp4MpMrtRecord,
  Bgp4MpEtMrtRecord,
};

function mrtRecordFromJsonBody(name: string, d: JsonObject): MrtRecord {
  const K = Object.prototype.hasOwnProperty.call(RECORD_CLASSES, name) ? RECORD_CLASSES[name] : undefined;
  if (K === undefined) throw new JsonDictError(`MRT record: unknown class ${name}`);
  if (d.message === undefined) throw new JsonDictError('MRT record: missing field message');
  const type = jIntOrNull(d, 'type', null);
  const subtype = jIntOrNull(d, 'subtype', null);
  const o: MrtRecordOpts = {
    message: mrtMessageFromJson(d.message),
    timestamp: jIntOrNull(d, 'timestamp', null),
    length: jIntOrNull(d, 'length', null),
    ...(type !== null ? { type_: type } : {}),
    ...(subtype !== null ? { subtype } : {}),
  };
  if (K.prototype instanceof ExtendedTimestampMrtRecord) o.ms_timestamp = jInt(d, 'ms_timestamp', 0);
  return new K(o);
}

/** `{"TableDump2MrtRecord": {...}}` -> record (os-ken from_jsondict); serialize() gives its bytes again. */
export function mrtRecordFromJson(v: JsonValue): MrtRecord {
  const [name, body] = jClass(v, 'MRT record');
  return mrtRecordFromJsonBody(name, body);
}

/** Anything with os-ken's file read(): returns the whole (decompressed) content. */
export interface ReadableMrtSource {
  read(): Uint8Array;
}

/**
 * MRT reader: `for (const rec of new Reader(bytes)) ...` or
 * `Reader.fromFile('updates.20161101.0000.bz2')`. bzip2 input is detected
 * and decompressed (unless a `decompressor` is given, which then always
 * applies). Iteration ends at the end of the data; a partial record at the
 * end throws PacketTruncated.
 */
export class Reader implements Iterable<MrtRecord> {
  private readonly r: WireReader;
  readonly opts: BgpOptions;
  /** `limits` apply to detected bzip2 input (a given `decompressor` has its own: see bzip2Decompressor). */
  constructor(src: Uint8Array | ReadableMrtSource, opts: BgpOptions = DEFAULT_OPTIONS, decompressor?: Decompressor, limits: DecompressOptions = {}) {
    let data = src instanceof Uint8Array ? src : src.read();
    if (decompressor) data = decompressor.decompress(data);
    else if (isBzip2(data)) data = bunzip2(data, limits);
    this.r = new WireReader(data);
    this.opts = opts;
  }

  /** Read a whole dump file, raw or bzip2-compressed. */
  static fromFile(path: string, opts: BgpOptions = DEFAULT_OPTIONS, decompressor?: Decompressor, limits: DecompressOptions = {}): Reader {
    const b = readFileSync(path);
    return new Reader(new Uint8Array(b.buffer, b.byteOffset, b.length), opts, decompressor, limits);
  }

  /** The (decompressed) MRT bytes this reader walks. */
  get data(): Uint8Array {
    return this.r.bytes.subarray(0, this.r.end);
  }
  next(): MrtRecord | null {
    if (this.r.pos >= this.r.end) return null;
    return MrtRecord.decode(this.r, this.opts);
  }
  *[Symbol.iterator](): Iterator<MrtRecord> {
    for (let rec = this.next(); rec !== null; rec = this.next()) yield rec;
  }
  close(): void {}
}

/** Read records from a stream of (decompressed) chunks, holding only one partial record. */
export async function* readRecords(chunks: AsyncIterable<Uint8Array>, opts: BgpOptions = DEFAULT_OPTIONS): AsyncGenerator<MrtRecord> {
  let buf = new Uint8Array(0);
  for await (const chunk of chunks) {
    const nb = new Uint8Array(buf.length + chunk.length);
    nb.set(buf);
    nb.set(chunk, buf.length);
    const r = new WireReader(nb);
    while (r.end - r.pos >= 12) {
      const len = r.view.getUint32(r.pos + 8);
      if (r.end - r.pos - 12 < len) break;
      yield MrtRecord.decode(r, opts);
    }
    buf = nb.slice(r.pos);
  }
  if (buf.length) throw new PacketTruncated('mrt', 12, buf.length, 0);
}

/** Anything with os-ken's file write(bytes). */
export interface WritableMrtSink {
  write(data: Uint8Array): void;
  close?(): void;
}

/** MRT writer (os-ken mrtlib.Writer). */
export class Writer {
  private readonly sink: WritableMrtSink;
  constructor(sink: WritableMrtSink) {
    this.sink = sink;
  }
  write(record: MrtRecord): void {
    if (!(record instanceof MrtRecord)) throw new PacketMalformed('mrt', 'record should be an instance of MrtRecord subclass', 0);
    this.sink.write(record.serialize());
  }
  close(): void {
    this.sink.close?.();
  }
}
