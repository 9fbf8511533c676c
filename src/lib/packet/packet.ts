/**
 * Packet container (os-ken os_ken/lib/packet/packet.py): decodes a frame
 * into protocol headers in on-wire order, or serialises headers given in
 * on-wire order (inner first, into one buffer).
 */
import { Reader } from '../../wire/reader.js';
import { JsonDictError, PacketMalformed, PacketTruncated } from '../../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, PacketClass, SerializeBuffer, jClass, jObj, protocolByJsonName } from './packet_base.js';
import { allZero } from './packet_utils.js';
import { Ethernet } from './ethernet.js';
import './all.js';
import { setPacketJsonBuilder } from '../../ofproto/packet_json.js';

/** One element of Packet.protocols: a decoded header or raw bytes. */
export type ProtocolItem = PacketBase | Uint8Array;

export interface PacketOpts {
  data?: Uint8Array | null;
  protocols?: ProtocolItem[] | null;
  /** class of the outermost header (default Ethernet); null: no decoding */
  parse_cls?: PacketClass | null;
}

/** Any class usable with getProtocol / getProtocols. */
export type ProtocolCtor<T extends PacketBase> = abstract new (...args: never[]) => T;

let spareCtx: DecodeCtx | null = null;
let lastBuffer: ArrayBufferLike | null = null;
let lastBytes: Uint8Array | null = null;
let lastView: DataView | null = null;
/** Packet.serialize's buffer (attached to the output pool), or null while in use */
let spareOut: SerializeBuffer | null = new SerializeBuffer(undefined, 0, 0);

export class Packet implements Iterable<ProtocolItem> {
  /** the raw frame (decode) or the serialised frame (after serialize()) */
  data: Uint8Array | null;
  protocols: ProtocolItem[];
  /** why decoding stopped early (the rest is kept as raw payload), or null */
  error: PacketTruncated | PacketMalformed | null = null;

  /** `new Packet(bytes)` decodes; `new Packet()` / `new Packet({protocols})` builds. */
  constructor(arg?: Uint8Array | PacketOpts | null) {
    if (arg instanceof Uint8Array) {
      // the common case first: decode from Ethernet
      this.data = arg;
      this.protocols = [];
      if (arg.length > 0) this.parse(arg, Ethernet);
      return;
    }
    const opts: PacketOpts = arg ?? {};
    this.data = opts.data ?? null;
    this.protocols = opts.protocols ?? [];
    const parseCls = opts.parse_cls === undefined ? Ethernet : opts.parse_cls;
    if (this.data && this.data.length > 0) {
      if (parseCls) this.parse(this.data, parseCls);
      // os-ken with parse_cls=None keeps the whole frame as raw payload
      else if (!allZero(this.data, 0, this.data.length)) this.protocols.push(this.data);
    }
  }

  /** Decode with an explicit starting class (os-ken Packet(data, parse_cls=...)). */
  static decode(data: Uint8Array, parseCls: PacketClass = Ethernet): Packet {
    return new Packet({ data, parse_cls: parseCls });
  }

  private parse(data: Uint8Array, cls: PacketClass): void {
    // Frames are usually views into one larger buffer (a pcap file, a socket
    // chunk, Node's Buffer pool): reuse one DataView per ArrayBuffer and walk
    // it with absolute offsets instead of paying for a DataView per frame.
    const ab = data.buffer;
    if (ab !== lastBuffer) {
      lastBuffer = ab;
      lastBytes = new Uint8Array(ab);
      lastView = new DataView(ab);
    }
    const base = data.byteOffset;
    const whole = lastBytes!;
    let r = new Reader(whole, base, base + data.length, 0, lastView!);
    // reuse one context unless decoding nests (a decoder building a Packet)
    const ctx = spareCtx ?? new DecodeCtx();
    spareCtx = null;
    try {
      r = this.walk(r, ctx, cls);
    } finally {
      ctx.prev = null;
      spareCtx = ctx;
    }
    // report error offsets relative to the frame
    const err = this.error;
    if (err !== null && base !== 0 && r.bytes === whole) {
      this.error =
        err instanceof PacketTruncated
          ? new PacketTruncated(err.layer, err.requiredLen, err.len, err.layerStartOffset - base)
          : new PacketMalformed(err.layer, err.detail, err.layerStartOffset - base);
    }
    if (!allZero(r.bytes, r.pos, r.end)) {
      // the raw rest as a view (new Uint8Array(buffer, ...) costs about half of subarray)
      const rest = r.bytes === whole ? new Uint8Array(whole.buffer, r.pos, r.end - r.pos) : r.bytes.subarray(r.pos, r.end);
      this.protocols.push(rest);
    }
  }

  private walk(r: Reader, ctx: DecodeCtx, cls: PacketClass): Reader {
    let cur: PacketClass | null = cls;
    while (cur !== null) {
      // os-ken ignores an all-zero (or empty) remainder
      if (allZero(r.bytes, r.pos, r.end)) break;
      const pos0 = r.pos;
      const end0 = r.end;
      ctx.reset();
      let proto: PacketBase | null;
      try {
        proto = cur.decode(r, ctx);
      } catch (e) {
        // os-ken: `except struct.error: break` - keep the rest as raw payload
        if (e instanceof PacketTruncated || e instanceof PacketMalformed) this.error = e;
        else if (e instanceof RangeError) this.error = new PacketTruncated(cur.jsonName, 0, end0 - pos0, pos0);
        else throw e;
        r.pos = pos0;
        r.end = end0;
        break;
      }
      // os-ken appends `if proto:` - a header whose __len__ is 0 (IPv4 IHL 0,
      // TCP data offset 0) is falsy and left out, decoding goes on
      if (proto !== null && proto.isTruthy()) {
        this.protocols.push(proto);
        ctx.prev = proto;
      }
      if (ctx.restBytes !== null) r = new Reader(ctx.restBytes);
      else if (r.pos > r.end) r.pos = r.end;
      cur = ctx.next;
    }
    return r;
  }

  /** Encode the protocols (on-wire order) into this.data and return it. */
  serialize(): Uint8Array {
    // one SerializeBuffer reused across calls, writing straight into the
    // output pool; a nested serialisation uses its own buffer and a copy
    const nested = spareOut === null;
    const out = spareOut ?? new SerializeBuffer(undefined, 1024, 256);
    spareOut = null;
    if (nested) out.reset(1024);
    else out.attachPool();
    try {
      const ps = this.protocols;
      for (let i = ps.length - 1; i >= 0; i--) {
        const p = ps[i]!;
        if (p instanceof PacketBase) {
          const prev = i > 0 ? ps[i - 1]! : null;
          p.serializeInto(out, prev instanceof PacketBase ? prev : null);
        } else {
          out.prependBytes(p);
        }
      }
      this.data = out.takeBytes();
    } finally {
      if (!nested) spareOut = out;
    }
    return this.data;
  }

  addProtocol(proto: ProtocolItem): this {
    this.protocols.push(proto);
    return this;
  }

  getProtocols<T extends PacketBase>(cls: ProtocolCtor<T>): T[] {
    const out: T[] = [];
    for (const p of this.protocols) if (p instanceof cls) out.push(p);
    return out;
  }

  getProtocol<T extends PacketBase>(cls: ProtocolCtor<T>): T | null {
    for (const p of this.protocols) if (p instanceof cls) return p;
    return null;
  }

  /** os-ken `cls in pkt` */
  contains(cls: ProtocolCtor<PacketBase>): boolean {
    return this.getProtocol(cls) !== null;
  }

  get length(): number {
    return this.protocols.length;
  }

  [Symbol.iterator](): Iterator<ProtocolItem> {
    return this.protocols[Symbol.iterator]();
  }

  /**
   * The protocols as the CLI prints them: `proto.toJsonDict()` per header and
   * `{"payload": base64}` for raw bytes.
   */
  toJsonArray(): JsonObject[] {
    return this.protocols.map((p) => (p instanceof PacketBase ? p.toJsonDict() : { payload: base64Encode(p) }));
  }

  /** os-ken to_jsondict(): {"Packet": {"protocols": [...]}} (raw bytes as base64 strings). */
  toJsonDict(): JsonObject {
    const protocols: JsonValue[] = this.protocols.map((p) => (p instanceof PacketBase ? p.toJsonDict() : base64Encode(p)));
    return { Packet: { protocols } };
  }

  /**
   * os-ken from_jsondict(): takes the inner dict `{"protocols": [...]}` (the
   * `{"Packet": ...}` wrapper is accepted too). Raw bytes may be given as a
   * base64 string or `{"payload": base64}`.
   */
  static fromJsonDict(d: JsonObject): Packet {
    const inner = d.Packet !== undefined ? jObj(d.Packet, 'Packet') : d;
    const list = inner.protocols;
    if (!Array.isArray(list)) throw new JsonDictError('Packet: protocols must be an array');
    const protocols: ProtocolItem[] = [];
    for (const item of list) {
      if (typeof item === 'string') {
        protocols.push(base64Decode(item));
        continue;
      }
      const [name, body] = item !== null && typeof item === 'object' && !Array.isArray(item) && typeof item.payload === 'string' ? ['payload', {}] : jClass(item, 'protocol');
      if (name === 'payload') {
        protocols.push(base64Decode((item as JsonObject).payload as string));
        continue;
      }
      const cls = protocolByJsonName(name);
      if (!cls) throw new JsonDictError(`unknown protocol name ${name}`);
      protocols.push(cls.fromJsonDict(body));
    }
    return new Packet({ protocols });
  }

  toString(): string {
    return this.protocols.map((p) => (p instanceof PacketBase ? JSON.stringify(p.toJsonDict()) : `<${p.length} bytes>`)).join(', ');
  }
}

// packet-out data given as {"Packet": {...}} in OpenFlow JSON is built by this library
setPacketJsonBuilder((j) => Packet.fromJsonDict(j as JsonObject).serialize());
