/**
 * Version-independent OpenFlow layer (os-ken's ofproto_parser): MsgBase,
 * header(), msg(), ofpMsgFromJsonDict(), and message-type registration.
 */
import { Buffer } from 'node:buffer';
import { Reader } from '../wire/reader.js';
import { Writer } from '../wire/writer.js';
import { JsonDictError, OFPMalformedMessage, OFPTruncatedMessage, OFPUnknownVersion, OFPUnsupportedType, OskenError } from '../wire/errors.js';
import type { JsonObject, JsonValue } from '../wire/json/json.js';
import {
  adopted, adoptionEpoch, defineStruct, fastDecoder, type FastDecoder, lookupClass, OFPStruct, registerClass, registerClassCompiler, registerInlinedBase, registerPlainConstructor,
  type StructClassOf,
} from './struct.js';

export const OFP_HEADER_SIZE = 8;

/** What a message needs to know of the datapath it belongs to (the controller's Datapath satisfies it). */
export interface DatapathLike {
  ofproto: { OFP_VERSION: number };
}

const WRITER_POOL: Writer[] = [];
/**
 * serialize() writes messages one after another into a slab and gives each its `buf` as a view
 * of it, as Buffer.allocUnsafe gives views of Node's pool (a slab lives while one of its views does).
 */
const SLAB_SIZE = 16384;
/** a new slab is started when less than this is left (a bigger message grows the slab: copied once) */
const SLAB_MIN_FREE = 2048;
let SLAB: Writer | null = null;
let SLAB_BUSY = false;

/** Base class of every OpenFlow message. */
export class MsgBase extends OFPStruct {
  static cls_msg_type = -1;
  /** OpenFlow versions (wire byte) this class serves */
  static versions: readonly number[] = [];
  // assigned in the constructor, or by the generated constructor of a defineMsg class (see registerInlinedBase below)
  declare datapath: DatapathLike | null;
  declare version: number | null;
  declare msg_type: number | null;
  declare msg_len: number | null;
  declare xid: number | null;
  /**
   * `buf` (os-ken's msg.buf: the message's bytes as received or as last serialized) is made on
   * first read when the bytes are known as a range of an ArrayBuffer (a received message, one
   * sent by a Datapath): most messages never have it read, and a Buffer view costs as much as
   * decoding a small message.
   */
  declare private _buf: Uint8Array | null;
  declare private _bufAb: ArrayBufferLike | null;
  declare private _bufOff: number;
  declare private _bufLen: number;

  constructor(init?: Record<string, unknown>) {
    super();
    this.version = null;
    this.msg_type = null;
    this.msg_len = null;
    this.xid = null;
    this._buf = null;
    this._bufAb = null;
    this._bufOff = 0;
    this._bufLen = 0;
    this.datapath = (init?.datapath as DatapathLike | undefined) ?? null;
  }

  get buf(): Uint8Array | null {
    const ab = this._bufAb;
    if (ab !== null) {
      this._buf = Buffer.from(ab, this._bufOff, this._bufLen);
      this._bufAb = null;
    }
    return this._buf;
  }
  set buf(v: Uint8Array | null) {
    this._buf = v;
    this._bufAb = null;
  }

  get cls_msg_type(): number {
    return (this.constructor as typeof MsgBase).cls_msg_type;
  }

  setXid(xid: number): void {
    if (this.xid !== null) throw new OskenError('xid is already set');
    this.xid = xid;
  }


  /** Encode the whole message into `buf` (as os-ken's serialize()). */
  serialize(): void {
    if (!SLAB_BUSY) {
      // encode straight into the output slab and hand out a view of it: no copy
      SLAB_BUSY = true;
      try {
        let w = SLAB;
        if (w === null || w.buf.length - w.pos < SLAB_MIN_FREE) SLAB = w = new Writer(SLAB_SIZE);
        const start = w.pos;
        this.serializeTo(w);
        const end = w.pos;
        this.buf = Buffer.from(w.buf.buffer, w.buf.byteOffset + start, end - start);
        if (w.buf.length > SLAB_SIZE) SLAB = null; // grown for a big message: not kept for the next ones
        else w.pos = Math.min((end + 7) & ~7, w.buf.length);
      } finally {
        SLAB_BUSY = false;
      }
      return;
    }
    // nested (a message encoding another, e.g. bundle-add): pooled scratch writers (a stack) and a copy
    const w = WRITER_POOL.pop() ?? new Writer(2048);
    w.pos = 0;
    try {
      this.serializeTo(w);
    } catch (e) {
      WRITER_POOL.push(w);
      throw e;
    }
    const len = w.pos;
    const out = Buffer.allocUnsafe(len);
    out.set(w.buf.subarray(0, len));
    this.buf = out;
    if (w.buf.length <= 65536) WRITER_POOL.push(w);
  }

  /**
   * Encode the whole message at `w.pos` (header fields and msg_* set as serialize() does, `buf`
   * left alone): the controller encodes outgoing messages straight into its output buffer.
   * On error `w.pos` is back where it was. (Compiled per message class: see MSG_METHODS.)
   */
  declare serializeTo: (w: Writer) => void;
  /**
   * @internal Datapath.sendMsg's work: give the message an xid (`dp.nextXid()`) when it has
   * none and the datapath when unset, encode it at `w.pos` (`w` is the Datapath's output writer)
   * and make `buf` those bytes.
   */
  declare sendTo: (dp: SendTarget, w: Writer) => void;
}

/** What MsgBase.sendTo needs of the Datapath. */
export interface SendTarget {
  nextXid(): number;
  /** the ArrayBuffer under the output writer's current bytes, and their offset in it */
  outArrayBuffer(): ArrayBufferLike;
  outByteOffset(): number;
}

/**
 * serializeTo and sendTo, made once for MsgBase and once per message class built by defineStruct:
 * code shared by every class sees every message shape and its property accesses go megamorphic
 * (generic lookups); a copy per class keeps them monomorphic.
 */
const MSG_METHODS_SRC = `
return {
  serializeTo: function serializeTo(w) {
    const dp = this.datapath;
    let version;
    if (dp) version = dp.ofproto.OFP_VERSION;
    else if (this.version !== null) version = this.version;
    else {
      const vs = this.constructor.versions;
      version = vs.length > 0 ? vs[vs.length - 1] : 4;
    }
    const start = w.pos;
    const prevVersion = w.version;
    w.version = version;
    try {
      w.ensure(HDR);
      w.pos = start + HDR; // the header is written last
      this.encodeTo(w);
    } catch (e) {
      w.pos = start;
      w.version = prevVersion;
      throw e;
    }
    w.version = prevVersion;
    const len = w.pos - start;
    if (len > 0xffff) {
      w.pos = start;
      throw new Malformed(this.constructor.name, 0, 'message length ' + len + ' exceeds 65535');
    }
    if (this.xid === null) this.xid = 0;
    this.version = version;
    const type = (this.msg_type = this.constructor.cls_msg_type);
    this.msg_len = len;
    const b = w.buf;
    b[start] = version;
    b[start + 1] = type;
    b[start + 2] = len >>> 8;
    b[start + 3] = len & 0xff;
    const x = this.xid;
    b[start + 4] = x >>> 24;
    b[start + 5] = (x >>> 16) & 0xff;
    b[start + 6] = (x >>> 8) & 0xff;
    b[start + 7] = x & 0xff;
  },
  sendTo: function sendTo(dp, w) {
    if (this.xid === null) this.xid = dp.nextXid();
    if (!this.datapath) this.datapath = dp;
    const start = w.pos;
    this.serializeTo(w);
    // buf: bytes start..end of the Datapath's output buffer, viewed when read (see MsgBase.buf)
    this._buf = null;
    this._bufAb = dp.outArrayBuffer();
    this._bufOff = dp.outByteOffset() + start;
    this._bufLen = w.pos - start;
  },
};`;
type MsgMethods = Pick<MsgBase, 'serializeTo' | 'sendTo'>;
function compileMsgMethods(tag: string): MsgMethods {
  return new Function('HDR', 'Malformed', `${MSG_METHODS_SRC}\n//# sourceURL=osken-msg-${tag}.js`)(OFP_HEADER_SIZE, OFPMalformedMessage) as MsgMethods;
}
const COMPILED_MSG_METHODS = new WeakSet<object>();
function installMsgMethods(proto: object, tag: string): void {
  const m = compileMsgMethods(tag);
  for (const k of ['serializeTo', 'sendTo'] as const) {
    // a class whose hand-written base overrides the method keeps that override
    const cur = (proto as Record<string, unknown>)[k];
    if (cur !== undefined && !COMPILED_MSG_METHODS.has(cur as object)) continue;
    COMPILED_MSG_METHODS.add(m[k]);
    Object.defineProperty(proto, k, { configurable: true, writable: true, value: m[k] });
  }
}
installMsgMethods(MsgBase.prototype, 'MsgBase');
// defineStruct classes built on MsgBase get their own copies
registerClassCompiler(MsgBase, (C) => installMsgMethods((C as { prototype: object }).prototype, (C as { name: string }).name));

/** MsgBase's fields in the order its constructor assigns them (`name=literal` when not null; datapath comes from init) */
const MSG_BASE_FIELDS = ['version', 'msg_type', 'msg_len', 'xid', '_buf', '_bufAb', '_bufOff=0', '_bufLen=0', 'datapath'];
// given SKIP_INIT, MsgBase's constructor only sets these (decoders may skip it: see fastDecoder)
registerPlainConstructor(MsgBase, MSG_BASE_FIELDS);
// the same fields, assigned by generated constructors themselves (see registerInlinedBase)
registerInlinedBase(
  MsgBase,
  MSG_BASE_FIELDS.map((f) => {
    const [name, lit = 'null'] = f.split('=');
    if (name === 'datapath') return 'this.datapath = (init === undefined || init === null || init.datapath === undefined || init.datapath === null) ? null : init.datapath;';
    return `this.${name} = ${lit};`;
  }).join(' '),
);

type MsgPicker = (r: Reader) => typeof MsgBase;
interface MsgEntry {
  pick: MsgPicker;
  /** os-ken registers a parser for this type (the `osken ofp decode` contract mirrors that) */
  osken: boolean | ((cls: typeof MsgBase) => boolean);
  /** the class when the type has exactly one (no picker), else null */
  fixed: typeof MsgBase | null;
  /** adopted(fixed) and its fast decoder, valid while adoptionEpoch() === epoch */
  adoptedCls: typeof MsgBase | null;
  fd: FastDecoder | null;
  epoch: number;
}

/** [version][type] (dense: versions and message types are bytes) */
const MSG_TABLE: (MsgEntry | undefined)[][] = [];
/** classes os-ken cannot parse even though their type has a parser entry (e.g. multipart requests) */
const OSKEN_UNPARSED = new Set<typeof MsgBase>();

export const SUPPORTED_VERSIONS = [1, 3, 4, 5, 6] as const;

/** Register a message class's decoder for its type in each of its versions. */
export function registerMsgType(versions: readonly number[], type: number, pick: MsgPicker | typeof MsgBase, osken = true): void {
  const fixed = typeof pick === 'function' && 'cls_msg_type' in pick ? (pick as typeof MsgBase) : null;
  const p: MsgPicker = fixed ? () => fixed : (pick as MsgPicker);
  for (const v of versions) {
    const m = (MSG_TABLE[v & 0xff] ??= []);
    m[type & 0xff] = { pick: p, osken, fixed, adoptedCls: null, fd: null, epoch: -1 };
  }
}

/** Mark a class that os-ken has no parser for (its decode stays available through the full API). */
export function markOskenUnparsed(cls: typeof MsgBase): void {
  OSKEN_UNPARSED.add(cls);
}

export interface MsgOptions {
  versions: readonly number[];
  type: number;
  /** false: os-ken has no parser for this class (controller-to-switch requests) */
  osken?: boolean;
  /** do not register in the type table (a picker registers the family) */
  noTypeEntry?: boolean;
}

/** Define an OpenFlow message class: header + body description. */
export function defineMsg<S extends Record<string, import('./struct.js').FieldSpec<unknown, unknown>>>(
  name: string,
  opts: MsgOptions,
  spec: S,
): StructClassOf<S, typeof MsgBase, { datapath?: DatapathLike | null }> {
  const C = defineStruct(name, spec, MsgBase);
  const M = C as unknown as typeof MsgBase;
  M.cls_msg_type = opts.type;
  M.versions = opts.versions;
  registerClass(opts.versions, C as never);
  if (!opts.noTypeEntry) registerMsgType(opts.versions, opts.type, M, opts.osken ?? true);
  if (opts.osken === false) markOskenUnparsed(M);
  return C as StructClassOf<S, typeof MsgBase, { datapath?: DatapathLike | null }>;
}

/** Register a non-message structure class for JSON lookup in these versions. */
export function registerStruct<T extends { jsonName: string }>(versions: readonly number[], cls: T): T {
  registerClass(versions, cls as never);
  return cls;
}

/** Parse the 8-byte header: [version, msg_type, msg_len, xid]. */
export function header(buf: Uint8Array): [number, number, number, number] {
  if (buf.length < OFP_HEADER_SIZE) throw new OFPTruncatedMessage('ofp_header', OFP_HEADER_SIZE, buf.length, 0);
  return [buf[0]!, buf[1]!, (buf[2]! << 8) | buf[3]!, ((buf[4]! << 24) | (buf[5]! << 16) | (buf[6]! << 8) | buf[7]!) >>> 0];
}

export interface DecodeOptions {
  /** mirror os-ken: fail on message classes os-ken has no parser for */
  oskenCompat?: boolean;
}

/**
 * Decode one message (os-ken's ofproto_parser.msg). Throws typed errors:
 * OFPUnknownVersion, OFPUnsupportedType, OFPTruncatedMessage (with the partial
 * message in `ofpmsg`), OFPMalformedMessage.
 */
export function msg(
  datapath: DatapathLike | null,
  version: number,
  msgType: number,
  msgLen: number,
  xid: number,
  buf: Uint8Array,
  opts?: DecodeOptions,
): MsgBase {
  return decodeAt(datapath, version, msgType, msgLen, xid, buf, 0, buf.length, null, 0, opts);
}

/**
 * @internal The controller's decoder: the message is `bytes[start, start + msgLen)` (whole), and
 * `bytes` is a Buffer over `ab` from `abOff`: the message is decoded in place, its `buf` and its
 * byte fields (packet-in `data`) are views of `ab`. Offsets in errors count from `bytes[0]`.
 */
export function msgAt(
  datapath: DatapathLike | null,
  version: number,
  msgType: number,
  msgLen: number,
  xid: number,
  bytes: Uint8Array,
  start: number,
  ab: ArrayBufferLike,
  abOff: number,
): MsgBase {
  return decodeAt(datapath, version, msgType, msgLen, xid, bytes, start, start + msgLen, ab, abOff, undefined);
}

function decodeAt(
  datapath: DatapathLike | null,
  version: number,
  msgType: number,
  msgLen: number,
  xid: number,
  buf: Uint8Array,
  start: number,
  bufEnd: number,
  ab: ArrayBufferLike | null,
  abOff: number,
  opts: DecodeOptions | undefined,
): MsgBase {
  const table = (version & 0xff) === version ? MSG_TABLE[version] : undefined;
  if (!table) throw new OFPUnknownVersion(version);
  const entry = (msgType & 0xff) === msgType ? table[msgType] : undefined;
  const compat = opts !== undefined && opts.oskenCompat === true;
  if (!entry || (compat && !entry.osken)) throw new OFPUnsupportedType(version, 'message type', msgType);
  if (msgLen < OFP_HEADER_SIZE) throw new OFPMalformedMessage('ofp_header', 2, `message length ${msgLen} < 8`);
  const avail = bufEnd - start;
  const end = msgLen < avail ? msgLen : avail;
  const r = new Reader(buf, start + OFP_HEADER_SIZE, start + end, version);
  if (ab !== null) {
    r.setArrayBuffer(ab, abOff);
    // the message's input buffer is the message itself (decoders reading to the end of the input stop at its end)
    r.limit = start + end;
  }
  let cls: typeof MsgBase;
  let fd: FastDecoder | null = null;
  if (entry.fixed !== null && entry.epoch === adoptionEpoch()) {
    cls = entry.adoptedCls!;
    fd = entry.fd;
  } else if (entry.fixed !== null) {
    cls = entry.adoptedCls = adopted(entry.fixed);
    entry.fd = null;
    const ep = adoptionEpoch();
    entry.epoch = ep === -2 ? -1 : ep; // never cached while adoptions are pending
  } else {
    try {
      cls = adopted(entry.pick(r));
    } catch (e) {
      throw annotate(e, version, msgType);
    }
  }
  if (compat && (OSKEN_UNPARSED.has(cls) || OSKEN_UNPARSED.has(Object.getPrototypeOf(cls)))) throw new OFPUnsupportedType(version, 'message class', cls.jsonName);
  if (fd === null) {
    fd = fastDecoder(cls);
    if (entry.fixed !== null) entry.fd = fd;
  }
  // the header fields in MsgBase's order (registerPlainConstructor above), stored by per-class code
  const m = (
    ab === null
      ? fd.createWith(version, msgType, msgLen, xid, end === buf.length ? buf : buf.subarray(0, end), null, 0, 0, datapath)
      : fd.createWith(version, msgType, msgLen, xid, null, ab, abOff + start, end, datapath)
  ) as MsgBase;
  try {
    fd.decodeInto(m, r);
  } catch (e) {
    if (e instanceof OFPTruncatedMessage) e.ofpmsg = m;
    throw annotate(e, version, msgType);
  }
  if (avail < msgLen) {
    const e = new OFPTruncatedMessage(cls.jsonName, msgLen, avail, start, m);
    e.bodyComplete = true;
    throw annotate(e, version, msgType);
  }
  return m;
}

/** Add version and message type to a decoder error's message; turn foreign errors into typed ones. */
function annotate(e: unknown, version: number, msgType: number): Error {
  const tag = ` (OpenFlow 0x${version.toString(16).padStart(2, '0')}, type ${msgType})`;
  if (e instanceof OskenError) {
    if (!e.message.endsWith(tag)) e.message += tag;
    return e;
  }
  if (e instanceof RangeError || e instanceof TypeError) {
    return new OFPMalformedMessage('message', 0, `${e.message}${tag}`);
  }
  return e as Error;
}

/** Decode a whole buffer holding one message (header included). */
export function msgFromBuffer(datapath: DatapathLike | null, buf: Uint8Array, opts?: DecodeOptions): MsgBase {
  const [version, msgType, msgLen, xid] = header(buf);
  return msg(datapath, version, msgType, msgLen, xid, buf, opts);
}

/** os-ken's ofp_msg_from_jsondict(dp, jsondict): build a message from `{ClassName: {...}}`. */
export function ofpMsgFromJsonDict(datapath: DatapathLike | null, json: JsonValue, version?: number): MsgBase {
  const v = version ?? datapath?.ofproto.OFP_VERSION;
  if (v === undefined) throw new JsonDictError('no OpenFlow version: give a datapath or a version');
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new JsonDictError('expected {"ClassName": {...}}');
  const keys = Object.keys(json);
  if (keys.length !== 1) throw new JsonDictError('expected exactly one class key');
  const cls = lookupClass(v, keys[0]!) as unknown as (typeof MsgBase & { fromJsonDict(b: JsonObject, v?: number): MsgBase }) | undefined;
  if (!cls || !(cls.prototype instanceof MsgBase)) throw new JsonDictError(`${keys[0]} is not an OpenFlow 0x${v.toString(16)} message class`);
  const body = { ...((json as JsonObject)[keys[0]!] as JsonObject) };
  delete body.xid;
  const m = cls.fromJsonDict(body, v);
  m.datapath = datapath;
  m.version = v;
  return m;
}
