/**
 * Base class and shared machinery of the packet library (os-ken
 * os_ken/lib/packet/packet_base.py), rebuilt for speed:
 *
 *  - decoding walks ONE Reader (one DataView per frame) and passes
 *    offsets: `static decode(r, ctx)` reads the header at r.pos, leaves
 *    r.pos at the start of the payload, may lower r.end (e.g. IPv4
 *    total_length) and sets ctx.next to the class of the payload;
 *  - encoding prepends headers inner-first into one SerializeBuffer;
 *  - next-protocol registries are tables (TypeTable), filled by the
 *    CHILD module importing its parent and registering itself.
 *
 * See README.md in this folder for the contract a protocol module follows.
 */
import { Reader } from '../../wire/reader.js';
import { JsonDictError, PacketMalformed, PacketTruncated } from '../../wire/errors.js';
import type { JsonObject, JsonValue } from '../../wire/json/json.js';

/** The static side every protocol class provides. */
export interface PacketClass<T extends PacketBase = PacketBase> {
  /** os-ken's class name: the JSON key (e.g. 'ethernet', 'ipv4', 'ZebraMessage') */
  readonly jsonName: string;
  /** the next-protocol table this class dispatches through */
  TYPES: TypeTable;
  readonly prototype: T;
  /** fast decode at r.pos (see module doc); null when os-ken's parser returns no header object */
  decode(r: Reader, ctx: DecodeCtx): T | null;
  /** os-ken API: [header, next class or null, rest of the packet] */
  parser(buf: Uint8Array): [T | null, PacketClass | null, Uint8Array];
  /** build from the inner dict of toJsonDict() (the value under jsonName) */
  fromJsonDict(d: JsonObject): T;
  getPacketType(type: number): PacketClass | null;
  registerPacketType(cls: PacketClass, type: number): void;
}

/**
 * A next-protocol table: type value -> protocol class. Keys 0..65535 (IP
 * protocols, ethertypes, SAPs) live in a dense array (one indexed load per
 * lookup); other keys in a Map.
 */
export class TypeTable {
  private dense: (PacketClass | null)[] = new Array<PacketClass | null>(256).fill(null);
  private readonly map = new Map<number, PacketClass>();

  get(type: number): PacketClass | null {
    if (type >= 0 && type < this.dense.length && (type | 0) === type) return this.dense[type]!;
    if (type >= 0 && type < 65536) return null;
    return this.map.get(type) ?? null;
  }

  set(type: number, cls: PacketClass): void {
    if (type >= 0 && type < 65536 && (type | 0) === type) {
      if (type >= this.dense.length) {
        const d = new Array<PacketClass | null>(65536).fill(null);
        for (let i = 0; i < this.dense.length; i++) d[i] = this.dense[i]!;
        this.dense = d;
      }
      this.dense[type] = cls;
    } else this.map.set(type, cls);
  }

  has(type: number): boolean {
    return this.get(type) !== null;
  }
}

/** (src_port, dst_port) -> does this rule apply */
export type PortMatch = (srcPort: number, dstPort: number) => boolean;

interface PortRule {
  order: number;
  match: PortMatch;
  cls: PacketClass;
}

/**
 * TCP/UDP payload dispatch: os-ken hard-codes an ordered if-chain on
 * (src_port, dst_port); here each payload module registers its rule with the
 * order os-ken tests it in (see README.md for the orders to use).
 */
export class PortTable {
  private rules: PortRule[] = [];

  register(order: number, match: PortMatch, cls: PacketClass): void {
    this.rules = this.rules.filter((x) => x.order !== order);
    this.rules.push({ order, match, cls });
    this.rules.sort((a, b) => a.order - b.order);
  }

  get(srcPort: number, dstPort: number): PacketClass | null {
    const rs = this.rules;
    for (let i = 0; i < rs.length; i++) {
      const x = rs[i]!;
      if (x.match(srcPort, dstPort)) return x.cls;
    }
    return null;
  }
}

/**
 * The one table os-ken really uses: PacketBase._TYPES is shared by every
 * class that does not assign its own (ethernet, vlan, svlan, ipv4, ipv6, llc,
 * gre, geneve all end up writing into it). Ethertypes, IP protocol numbers and
 * LLC SAPs therefore live in the same table, exactly as in os-ken
 * (so e.g. an IPv6 next header 1 decodes as ICMP, as os-ken does).
 */
export const SHARED_TYPES = new TypeTable();

/** Out-parameters of a decode step (one instance reused along a frame). */
export class DecodeCtx {
  /** class of the payload, or null: the rest is raw payload */
  next: PacketClass | null = null;
  /**
   * Set only when a decoder's rest is not the byte range [r.pos, r.end) of the
   * same buffer (rare: reassembled or rebuilt data); the walk continues on it.
   */
  restBytes: Uint8Array | null = null;
  /** the layer decoded just before (outer header), or null for the first */
  prev: PacketBase | null = null;

  reset(): void {
    this.next = null;
    this.restBytes = null;
  }
}

/** Throw PacketTruncated unless n bytes remain in r. */
export function need(r: Reader, n: number, layer: string): void {
  if (r.end - r.pos < n) throw new PacketTruncated(layer, n, r.end - r.pos, r.pos);
}

/** Throw PacketTruncated unless [at, at+n) lies inside r's bounds. */
export function needAt(r: Reader, at: number, n: number, layer: string): void {
  if (at + n > r.end || at < r.pos - 0x7fffffff) throw new PacketTruncated(layer, n, r.end - at, at);
}

/**
 * Emulate Python's `buf[start:end]` for the rest of the packet: start/end are
 * absolute offsets; the result is clamped to r's bounds (never throws).
 */
export function sliceRest(r: Reader, start: number, end: number = r.end): void {
  const e = end < r.end ? end : r.end;
  r.end = e;
  r.pos = start < e ? start : e;
}

/** Python `buf[start:end]` as a view, clamped to [lo, hi). */
export function pySlice(b: Uint8Array, start: number, end: number, hi: number): Uint8Array {
  const e = end < hi ? end : hi;
  const s = start < e ? start : e;
  return b.subarray(s, e);
}

/*
 * Output pool of Packet.serialize (as Node's Buffer pool): a frame is
 * serialised straight into the free part of a shared ArrayBuffer, which is
 * used top-down (headers are prepended), and handed out as a view on it. An
 * ArrayBuffer per result costs ~250-550 ns (off-heap allocation), a view
 * ~20 ns, and no copy is made. Results keep the pool alive, as Buffers do
 * (a 64 KB pool serves ~350 small frames).
 */
const POOL_SIZE = 65536;
/** a frame starts in a fresh pool unless this much is free below the top */
const POOL_MIN_FREE = 2048;
/** room left after the payload for padding/trailers (Ethernet pads to 60) */
const POOL_TAIL = 64;
/**
 * A new pool, zero-filled (new ArrayBuffer, ~3 us for 64 KB, i.e. ~9 ns a
 * frame). Buffer.allocUnsafeSlow would be ~4x cheaper but would let stale
 * process memory be read through a result's `.buffer`.
 */
function newPool(): ArrayBuffer {
  return new ArrayBuffer(POOL_SIZE);
}
let pool = newPool();
let poolBytes = new Uint8Array(pool);
let poolView = new DataView(pool);
/** everything at and above poolTop belongs to results already handed out */
let poolTop = POOL_SIZE;

/**
 * Output of serialisation: payload bytes sit in [start, end) and headers are
 * prepended in front of them (inner first); trailers/padding are appended.
 * One buffer per packet, grown with headroom so N layers cost O(total).
 */
export class SerializeBuffer {
  buf: Uint8Array;
  view: DataView;
  start: number;
  end: number;
  /** bytes appended after the initial payload so far (padding/trailers) */
  appended = 0;
  /** writes stay below this offset (buf.length, or the pool's handed-out part) */
  limit: number;
  /** true while writing straight into the output pool (attachPool) */
  inPool = false;

  constructor(payload?: Uint8Array, headroom = 128, tailroom = 64) {
    const plen = payload ? payload.length : 0;
    this.buf = new Uint8Array(headroom + plen + tailroom);
    this.view = new DataView(this.buf.buffer);
    this.start = headroom;
    this.end = headroom + plen;
    this.limit = this.buf.length;
    if (payload) this.buf.set(payload, headroom);
  }

  get length(): number {
    return this.end - this.start;
  }

  /** Empty the buffer, leaving `headroom` bytes in front (for reuse). */
  reset(headroom: number): void {
    if (this.inPool) this.detach();
    if (this.buf.length < headroom) this.grow(headroom, 0);
    this.start = Math.min(headroom, this.buf.length);
    this.end = this.start;
    this.appended = 0;
  }

  /**
   * Empty the buffer and write into the free part of the shared output
   * pool; takeBytes() then hands the result out as a view without a copy.
   * Only one SerializeBuffer may be attached at a time (Packet.serialize
   * attaches its reused buffer only when it is not nested).
   */
  attachPool(): void {
    if (poolTop < POOL_MIN_FREE + POOL_TAIL) {
      pool = newPool();
      poolBytes = new Uint8Array(pool);
      poolView = new DataView(pool);
      poolTop = POOL_SIZE;
    }
    this.buf = poolBytes;
    this.view = poolView;
    this.limit = poolTop;
    this.inPool = true;
    this.start = poolTop - POOL_TAIL;
    this.end = this.start;
    this.appended = 0;
  }

  private detach(): void {
    this.inPool = false;
    this.buf = new Uint8Array(1280);
    this.view = new DataView(this.buf.buffer);
    this.limit = this.buf.length;
  }

  /**
   * The result of a serialisation: a view on the output pool when written
   * there (the pool part is claimed), else an exact-size copy.
   */
  takeBytes(): Uint8Array {
    if (this.inPool && this.buf === poolBytes) {
      const r = new Uint8Array(pool, this.start, this.end - this.start);
      poolTop = this.start & ~7;
      this.limit = poolTop;
      this.start = this.end = poolTop;
      return r;
    }
    return this.buf.slice(this.start, this.end);
  }

  /** A view of the current contents (payload + headers written so far). */
  bytes(): Uint8Array {
    return this.buf.subarray(this.start, this.end);
  }

  /** A copy of the current contents (its own ArrayBuffer). */
  toBytes(): Uint8Array {
    return this.buf.slice(this.start, this.end);
  }

  private grow(head: number, tail: number): void {
    const len = this.end - this.start;
    const newHead = Math.max(head, (this.start + head) * 2);
    const newTail = Math.max(tail, (this.limit - this.end + tail) * 2);
    const nb = new Uint8Array(newHead + len + newTail);
    nb.set(this.buf.subarray(this.start, this.end), newHead);
    this.buf = nb;
    this.view = new DataView(nb.buffer);
    this.limit = nb.length;
    this.inPool = false;
    this.start = newHead;
    this.end = newHead + len;
  }

  /** Reserve n zeroed bytes in front; returns their offset (the new start). */
  prepend(n: number): number {
    if (this.start < n) this.grow(n, 0);
    const at = this.start - n;
    this.start = at;
    const b = this.buf;
    if (n <= 32) for (let i = at; i < at + n; i++) b[i] = 0;
    else b.fill(0, at, at + n);
    return at;
  }

  /**
   * Reserve n bytes in front WITHOUT zeroing them (the buffer may hold
   * stale bytes): only for a caller that writes every one of the n bytes.
   */
  prependRaw(n: number): number {
    if (this.start < n) this.grow(n, 0);
    this.start -= n;
    return this.start;
  }

  /** Prepend a copy of b. */
  prependBytes(b: Uint8Array): number {
    const n = b.length;
    if (this.start < n) this.grow(n, 0);
    const at = this.start - n;
    this.start = at;
    this.buf.set(b, at);
    return at;
  }

  /** Append n zero bytes (padding/trailer); returns their offset. */
  append(n: number): number {
    if (this.limit - this.end < n) this.grow(0, n);
    const at = this.end;
    this.buf.fill(0, at, at + n);
    this.end += n;
    this.appended += n;
    return at;
  }

  appendBytes(b: Uint8Array): number {
    const at = this.append(b.length);
    this.buf.set(b, at);
    return at;
  }
}

/** Registry of protocol classes by JSON name (os-ken's PKT_CLS_DICT). */
const BY_JSON_NAME = new Map<string, PacketClass>();

/** Make a protocol class known to Packet.fromJsonDict. Call once per class at module load. */
export function registerProtocol(cls: PacketClass): void {
  BY_JSON_NAME.set(cls.jsonName, cls);
}

export function protocolByJsonName(name: string): PacketClass | undefined {
  return BY_JSON_NAME.get(name);
}

/** Base of every protocol header (os-ken packet_base.PacketBase). */
export abstract class PacketBase {
  /** os-ken's class name, the JSON key; every subclass overrides it */
  static readonly jsonName: string = 'PacketBase';
  /** next-protocol table (os-ken `_TYPES`); shared unless a class assigns its own */
  static TYPES: TypeTable = SHARED_TYPES;
  /** os-ken `_MIN_LEN` of the fixed header */
  static readonly MIN_LEN: number = 0;

  /** os-ken get_packet_type: per-protocol table lookup (override for special rules). */
  static getPacketType(type: number): PacketClass | null {
    return this.TYPES.get(type);
  }

  /** os-ken register_packet_type: `Parent.registerPacketType(Child, value)`. */
  static registerPacketType(cls: PacketClass, type: number): void {
    this.TYPES.set(type, cls);
  }

  /** Fast decoder; every concrete protocol overrides it. */
  static decode(r: Reader, _ctx: DecodeCtx): PacketBase | null {
    throw new PacketMalformed(this.jsonName, 'no decoder', r.pos);
  }

  /** os-ken API parser(buf) -> [header, nextCls, rest]. Built on decode(). */
  static parser(this: PacketClass, buf: Uint8Array): [PacketBase | null, PacketClass | null, Uint8Array] {
    const r = new Reader(buf);
    const ctx = new DecodeCtx();
    const h = this.decode(r, ctx);
    return [h, ctx.next, ctx.restBytes ?? buf.subarray(r.pos, r.end)];
  }

  /** Build from the inner JSON dict; every concrete protocol overrides it. */
  static fromJsonDict(_d: JsonObject): PacketBase {
    throw new JsonDictError(`${this.jsonName}: fromJsonDict not implemented`);
  }

  /** os-ken protocol_name */
  get protocolName(): string {
    return (this.constructor as unknown as PacketClass).jsonName;
  }

  /** os-ken __len__: encoded header length (default: the class MIN_LEN) */
  get length(): number {
    return (this.constructor as typeof PacketBase).MIN_LEN;
  }

  /**
   * os-ken's truthiness of a header (`if proto:`, i.e. `__len__() != 0`),
   * which decides whether Packet keeps a decoded header. Override where
   * that is cheaper to tell than computing `length`.
   */
  isTruthy(): boolean {
    return this.length !== 0;
  }

  /**
   * os-ken API: encode this header given the already-encoded payload and the
   * outer header `prev` (null when outermost). Returns the header bytes only.
   * Implement either this or serializeInto (the fast path); the default of
   * each calls the other, so override at least one.
   */
  serialize(payload: Uint8Array, prev: PacketBase | null): Uint8Array {
    const out = new SerializeBuffer(payload, 64, 64);
    const before = out.length;
    this.serializeInto(out, prev);
    return out.buf.slice(out.start, out.start + out.length - before - out.appended);
  }

  /**
   * Fast path used by Packet.serialize: prepend this header in front of
   * out's current contents (the payload); may append trailers/padding.
   */
  serializeInto(out: SerializeBuffer, prev: PacketBase | null): void {
    const h = this.serialize(out.bytes(), prev);
    out.prependBytes(h);
  }

  /** The inner JSON dict (os-ken to_jsondict()'s value). */
  abstract toJsonFields(): JsonObject;

  /** os-ken to_jsondict(): { jsonName: {...fields} } */
  toJsonDict(): JsonObject {
    return { [(this.constructor as unknown as PacketClass).jsonName]: this.toJsonFields() };
  }
}

/* ------------------------------------------------------------------ JSON helpers */

function jsonType(v: JsonValue | undefined): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Read an integer field (number or bigint that fits) with a default. */
export function jInt(d: JsonObject, key: string, dflt: number): number {
  const v = d[key];
  if (v === undefined) return dflt;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'bigint' && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
  throw new JsonDictError(`field ${key}: expected integer, got ${jsonType(v)}`);
}

/** Integer or null. */
export function jIntOrNull(d: JsonObject, key: string, dflt: number | null): number | null {
  const v = d[key];
  if (v === undefined) return dflt;
  if (v === null) return null;
  return jInt(d, key, 0);
}

export function jBig(d: JsonObject, key: string, dflt: bigint): bigint {
  const v = d[key];
  if (v === undefined) return dflt;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw new JsonDictError(`field ${key}: expected integer, got ${jsonType(v)}`);
}

export function jStr(d: JsonObject, key: string, dflt: string): string {
  const v = d[key];
  if (v === undefined) return dflt;
  if (typeof v === 'string') return v;
  throw new JsonDictError(`field ${key}: expected string, got ${jsonType(v)}`);
}

export function jBool(d: JsonObject, key: string, dflt: boolean): boolean {
  const v = d[key];
  if (v === undefined) return dflt;
  if (typeof v === 'boolean') return v;
  throw new JsonDictError(`field ${key}: expected boolean, got ${jsonType(v)}`);
}

export function jArr(d: JsonObject, key: string): JsonValue[] | null {
  const v = d[key];
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v;
  throw new JsonDictError(`field ${key}: expected array, got ${jsonType(v)}`);
}

export function jObj(v: JsonValue | undefined, what: string): JsonObject {
  if (v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v)) return v;
  throw new JsonDictError(`${what}: expected object, got ${jsonType(v)}`);
}

/** A `{ClassName: {...}}` wrapper: returns [ClassName, inner dict]. */
export function jClass(v: JsonValue | undefined, what: string): [string, JsonObject] {
  const o = jObj(v, what);
  const keys = Object.keys(o);
  if (keys.length !== 1) throw new JsonDictError(`${what}: expected {ClassName: {...}}`);
  return [keys[0]!, jObj(o[keys[0]!], what)];
}
