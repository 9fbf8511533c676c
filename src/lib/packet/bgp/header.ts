/**
 * BGP message header and base class (os-ken BGPMessage): 16-byte marker,
 * 2-byte length, 1-byte type. Message types register their body decoder
 * here (bgp/open.ts, bgp/update.ts, bgp/messages.ts).
 */
import type { Reader } from '../../../wire/reader.js';
import { Writer } from '../../../wire/writer.js';
import { JsonDictError, PacketTruncated } from '../../../wire/errors.js';
import { type DecodeCtx, PacketBase, type SerializeBuffer, TypeTable, jClass, registerProtocol } from '../packet_base.js';
import * as C from './constants.js';
import type { BgpOptions, Cursor, JsonObject } from './util.js';
import { DEFAULT_OPTIONS, malformed, rd16 } from './util.js';

/** Decodes a message body in [p, end) (p = after the 19-byte header). */
export type BodyDecoder = (r: Cursor, p: number, end: number, len: number, opts: BgpOptions) => BGPMessage;

const WRITERS: Writer[] = [];
/** the `rest` of a parse that consumed everything (length 0: nothing can be written to it) */
const NO_BYTES = new Uint8Array(0);

/*
 * Output pool of BGPMessage.serialize, as Packet.serialize's (packet_base.ts):
 * a result is copied into the free part of a shared zero-filled 64 KiB
 * ArrayBuffer and handed out as a view on it. An ArrayBuffer of its own per
 * result (slice) costs ~200-500 ns (off-heap allocation), a view ~25 ns.
 * Results keep their pool alive, as Node Buffers do; `.buffer` is the pool:
 * use byteOffset.
 */
const OUT_POOL_SIZE = 65536;
/** results longer than this get an ArrayBuffer of their own */
const OUT_MAX = 4096;
let outPool = new ArrayBuffer(OUT_POOL_SIZE);
let outBytes = new Uint8Array(outPool);
let outView = new DataView(outPool);
let outTop = 0;

/** w's bytes [0, w.pos) as a new array (a view on the output pool). */
function takeOutput(w: Writer): Uint8Array {
  const n = w.pos;
  if (n > OUT_MAX) return w.buf.slice(0, n);
  if (outTop + n > OUT_POOL_SIZE) {
    outPool = new ArrayBuffer(OUT_POOL_SIZE);
    outBytes = new Uint8Array(outPool);
    outView = new DataView(outPool);
    outTop = 0;
  }
  const at = outTop;
  outTop = (at + n + 7) & ~7;
  // 4 bytes a step (w.view is on w.buf's buffer, offset 0)
  const src = w.view;
  const dst = outView;
  let i = 0;
  for (; i + 4 <= n; i += 4) dst.setUint32(at + i, src.getUint32(i));
  const b = w.buf;
  for (; i < n; i++) outBytes[at + i] = b[i]!;
  return new Uint8Array(outPool, at, n);
}

const BODY_DECODERS: (BodyDecoder | undefined)[] = new Array<BodyDecoder | undefined>(256).fill(undefined);

export interface BGPMessageOpts {
  marker?: Uint8Array | null;
  len_?: number | null;
  type_?: number | null;
}

export abstract class BGPMessage extends PacketBase {
  static override readonly jsonName: string = 'BGPMessage';
  static override TYPES: TypeTable = new TypeTable();
  static override readonly MIN_LEN: number = C.BGP_HDR_LEN;
  /** os-ken's default type of the subclass */
  static readonly MSG_TYPE: number = 0;

  /** Length field (set by decode and by serialize). */
  declare len: number | null;
  declare type: number;

  constructor(o: BGPMessageOpts) {
    super();
    this.len = o.len_ ?? null;
    this.type = o.type_ ?? (this.constructor as typeof BGPMessage).MSG_TYPE;
  }

  /** Register the body decoder of a message type. */
  static registerMessageType(type: number, dec: BodyDecoder): void {
    BODY_DECODERS[type] = dec;
  }

  /** A body decoder's length check: at least n bytes in [p, end), else a Bad Message Length error. */
  protected static needBody(where: string, p: number, end: number, n: number): void {
    if (end - p < n) malformed(where, `body is ${end - p} bytes, need ${n}`, p, C.BGP_ERROR_MESSAGE_HEADER_ERROR, C.BGP_ERROR_SUB_BAD_MESSAGE_LENGTH);
  }

  /** JSON fields of the body (len and type are added by toJsonFields). */
  protected abstract bodyFields(): JsonObject;
  /** Append the body (after the header). */
  protected abstract writeBody(w: Writer): void;

  override toJsonFields(): JsonObject {
    const d: JsonObject = this.bodyFields();
    d.len = this.len;
    d.type = this.type;
    const out: JsonObject = {};
    for (const k of Object.keys(d).sort()) out[k] = d[k]!;
    return out;
  }

  /** Append the whole message to w; fixes up len (os-ken serialize). */
  serializeTo(w: Writer): void {
    const at = w.pos;
    w.ensure(C.BGP_HDR_LEN);
    w.buf.fill(0xff, at, at + 16);
    w.pos += 16;
    w.u16(0);
    w.u8(this.type);
    this.writeBody(w);
    const len = w.pos - at;
    if (len > 0xffff) malformed((this.constructor as typeof BGPMessage).jsonName, `message too long (${len})`, 0);
    this.len = len;
    w.view.setUint16(at + 16, len);
  }

  /**
   * os-ken serialize(): the encoded message (payload/prev are ignored, as in
   * os-ken). A view on a shared output pool (see takeOutput): `.buffer` is
   * the pool, use byteOffset.
   */
  override serialize(_payload?: Uint8Array | null, _prev?: PacketBase | null): Uint8Array {
    // scratch writers are pooled (a stack: nested serialisation is safe); the result is one exact-size copy
    const w = WRITERS.pop() ?? new Writer(4096);
    w.pos = 0;
    try {
      this.serializeTo(w);
      return takeOutput(w);
    } finally {
      if (w.buf.length <= 1 << 17) WRITERS.push(w);
    }
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    out.prependBytes(this.serialize());
  }

  /** os-ken __len__: the encoded length */
  override get length(): number {
    return this.serialize().length;
  }

  /** Packet-library decode: one message at r.pos; the rest is BGP again (os-ken returns cls). */
  static override decode(r: Reader, ctx: DecodeCtx): BGPMessage {
    const m = decodeMessage(r, r.end, DEFAULT_OPTIONS);
    ctx.next = r.pos < r.end ? (BGPMessage as unknown as typeof ctx.next) : null;
    return m;
  }

  /**
   * os-ken from_jsondict on the inner dict: `BGPUpdate.fromJsonDict({...})`
   * (Packet.fromJsonDict calls it with the class registered for the JSON name);
   * on BGPMessage itself it takes the whole `{"BGPUpdate": {...}}`.
   */
  static override fromJsonDict(d: JsonObject): BGPMessage {
    if (jsonDecoder === null) throw new JsonDictError('BGP JSON decoder not loaded (import bgp/index.js)');
    const [name, body] = this === BGPMessage ? jClass(d, 'BGP message') : [this.jsonName, d];
    const m = jsonDecoder(name, body);
    const got = (m.constructor as typeof BGPMessage).jsonName;
    if (!(m instanceof this)) throw new JsonDictError(`${this.jsonName}: JSON is a ${got}`);
    return m;
  }

  /** Decode one message from the start of buf; returns [message, rest]. */
  static parse(buf: Uint8Array, opts: BgpOptions = DEFAULT_OPTIONS): [BGPMessage, Uint8Array] {
    const r: Cursor = { bytes: buf, pos: 0 };
    const m = decodeMessage(r, buf.length, opts);
    return [m, r.pos === buf.length ? NO_BYTES : buf.subarray(r.pos)];
  }
}

/**
 * Decode one BGP message at r.pos (bounded by end); advances r.pos past it.
 * Throws PacketTruncated when fewer than `len` bytes are there, BgpMalformed
 * (code 1, subcode 2/3) for a bad length or type.
 */
export function decodeMessage(r: Cursor, end: number, opts: BgpOptions): BGPMessage {
  const p = r.pos;
  if (end - p < C.BGP_HDR_LEN) throw new PacketTruncated('bgp', C.BGP_HDR_LEN, end - p, p);
  const len = rd16(r.bytes, p + 16);
  const type = r.bytes[p + 18]!;
  if (len < C.BGP_HDR_LEN) malformed('bgp', `bad message length ${len}`, p, C.BGP_ERROR_MESSAGE_HEADER_ERROR, C.BGP_ERROR_SUB_BAD_MESSAGE_LENGTH);
  if (end - p < len) throw new PacketTruncated('bgp', len, end - p, p);
  const dec = BODY_DECODERS[type];
  if (dec === undefined) malformed('bgp', `bad message type ${type}`, p + 18, C.BGP_ERROR_MESSAGE_HEADER_ERROR, C.BGP_ERROR_SUB_BAD_MESSAGE_TYPE);
  const m = dec(r, p + C.BGP_HDR_LEN, p + len, len, opts);
  r.pos = p + len;
  return m;
}

let jsonDecoder: ((name: string, body: JsonObject) => BGPMessage) | null = null;

/** Installed by json.ts: JSON class name + inner dict -> message (kept out of here to avoid an import cycle). */
export function setMessageJsonDecoder(dec: (name: string, body: JsonObject) => BGPMessage): void {
  jsonDecoder = dec;
}

/** Make a message class known to Packet.fromJsonDict (JSON name -> class). */
export function registerMessageClass(cls: unknown): void {
  registerProtocol(cls as Parameters<typeof registerProtocol>[0]);
}
