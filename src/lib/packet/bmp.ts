/**
 * BGP Monitoring Protocol v3 (RFC 7854), os-ken os_ken/lib/packet/bmp.py:
 * route monitoring, statistics report, peer down/up notification,
 * initiation, termination; plus route mirroring (type 6, an osken
 * extension: os-ken rejects it). os-ken does not map BMP to a TCP port, so
 * neither does osken; decode with BMPMessage.parse or BmpStreamParser.
 */
import { Reader } from '../../wire/reader.js';
import { Writer } from '../../wire/writer.js';
import { JsonDictError, PacketMalformed, PacketTruncated } from '../../wire/errors.js';
import { JsonFloat, base64Decode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { ipv4ToBin, ipv4ToText, ipv6ToBin, ipv6ToText } from '../../wire/addrconv.js';
import { type DecodeCtx, PacketBase, type SerializeBuffer, TypeTable, jArr, jBool, jClass, jInt, jIntOrNull, jStr, registerProtocol } from './packet_base.js';
import { StreamParser, TooSmallException } from './stream_parser.js';
import { type BGPMessage, decodeMessage } from './bgp/header.js';
import { DEFAULT_OPTIONS, type BgpOptions } from './bgp/util.js';
import { bgpMessageFromJson } from './bgp/json.js';
import './bgp/index.js';

export const VERSION = 3;
export const BMP_MSG_ROUTE_MONITORING = 0;
export const BMP_MSG_STATISTICS_REPORT = 1;
export const BMP_MSG_PEER_DOWN_NOTIFICATION = 2;
export const BMP_MSG_PEER_UP_NOTIFICATION = 3;
export const BMP_MSG_INITIATION = 4;
export const BMP_MSG_TERMINATION = 5;
export const BMP_MSG_ROUTE_MIRRORING = 6;
export const BMP_PEER_TYPE_GLOBAL = 0;
export const BMP_PEER_TYPE_L3VPN = 1;
export const BMP_INIT_TYPE_STRING = 0;
export const BMP_INIT_TYPE_SYSDESCR = 1;
export const BMP_INIT_TYPE_SYSNAME = 2;
export const BMP_TERM_TYPE_STRING = 0;
export const BMP_TERM_TYPE_REASON = 1;
export const BMP_TERM_REASON_ADMIN = 0;
export const BMP_TERM_REASON_UNSPEC = 1;
export const BMP_TERM_REASON_OUT_OF_RESOURCE = 2;
export const BMP_TERM_REASON_REDUNDANT_CONNECTION = 3;
export const BMP_STAT_TYPE_REJECTED = 0;
export const BMP_STAT_TYPE_DUPLICATE_PREFIX = 1;
export const BMP_STAT_TYPE_DUPLICATE_WITHDRAW = 2;
export const BMP_STAT_TYPE_INV_UPDATE_DUE_TO_CLUSTER_LIST_LOOP = 3;
export const BMP_STAT_TYPE_INV_UPDATE_DUE_TO_AS_PATH_LOOP = 4;
export const BMP_STAT_TYPE_INV_UPDATE_DUE_TO_ORIGINATOR_ID = 5;
export const BMP_STAT_TYPE_INV_UPDATE_DUE_TO_AS_CONFED_LOOP = 6;
export const BMP_STAT_TYPE_ADJ_RIB_IN = 7;
export const BMP_STAT_TYPE_LOC_RIB = 8;
export const BMP_STAT_TYPE_ADJ_RIB_OUT = 14;
export const BMP_STAT_TYPE_EXPORT_RIB = 15;
export const BMP_PEER_DOWN_REASON_UNKNOWN = 0;
export const BMP_PEER_DOWN_REASON_LOCAL_BGP_NOTIFICATION = 1;
export const BMP_PEER_DOWN_REASON_LOCAL_NO_NOTIFICATION = 2;
export const BMP_PEER_DOWN_REASON_REMOTE_BGP_NOTIFICATION = 3;
export const BMP_PEER_DOWN_REASON_REMOTE_NO_NOTIFICATION = 4;
export const BMP_ROUTE_MIRRORING_TLV_BGP_MESSAGE = 0;
export const BMP_ROUTE_MIRRORING_TLV_INFORMATION = 1;

const HDR_LEN = 6;
const PEER_HDR_LEN = 42;
const U32_STATS = [0, 1, 2, 3, 4, 5, 6];
const U64_STATS = [7, 8, 14, 15];

/** One TLV of statistics / initiation / termination / mirroring (os-ken: a dict). */
export interface BmpTlv {
  type: number;
  len: number;
  /** number (u32/u64 stats, reason), string (UTF-8 text TLVs), bytes, or a BGP message (mirroring) */
  value: number | bigint | string | Uint8Array | BGPMessage;
}

function tlvJson(t: BmpTlv): JsonObject {
  const v = t.value;
  // os-ken's encoder turns str and bytes inside dicts into base64
  const value: JsonValue =
    typeof v === 'string' ? Buffer.from(v, 'utf8').toString('base64') : v instanceof Uint8Array ? Buffer.from(v).toString('base64') : typeof v === 'object' ? v.toJsonDict() : v;
  return { len: t.len, type: t.type, value };
}

function bad(where: string, detail: string, off: number): never {
  throw new PacketMalformed(where, detail, off);
}

type Body = (r: Reader, p: number, end: number, len: number, opts: BgpOptions) => BMPMessage;
const BODIES: (Body | undefined)[] = new Array<Body | undefined>(256).fill(undefined);

export interface BMPMessageOpts {
  type_?: number;
  len_?: number | null;
  version?: number;
}

export abstract class BMPMessage extends PacketBase {
  static override readonly jsonName: string = 'BMPMessage';
  static override TYPES: TypeTable = new TypeTable();
  static override readonly MIN_LEN: number = HDR_LEN;
  static readonly MSG_TYPE: number = 0;
  declare version: number;
  declare len: number | null;
  declare type: number;
  constructor(o: BMPMessageOpts) {
    super();
    this.version = o.version ?? VERSION;
    this.len = o.len_ ?? null;
    this.type = o.type_ ?? (this.constructor as typeof BMPMessage).MSG_TYPE;
  }
  protected abstract bodyFields(d: JsonObject): void;
  protected abstract writeBody(w: Writer): void;

  override toJsonFields(): JsonObject {
    const d: JsonObject = { len: this.len, type: this.type, version: this.version };
    this.bodyFields(d);
    const out: JsonObject = {};
    for (const k of Object.keys(d).sort()) out[k] = d[k]!;
    return out;
  }
  serializeTo(w: Writer): void {
    const at = w.pos;
    w.u8(this.version);
    w.u32(0);
    w.u8(this.type);
    this.writeBody(w);
    this.len = w.pos - at;
    w.view.setUint32(at + 1, this.len);
  }
  override serialize(_payload?: Uint8Array | null, _prev?: PacketBase | null): Uint8Array {
    const w = new Writer(128);
    this.serializeTo(w);
    return w.buf.slice(0, w.pos);
  }
  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    out.prependBytes(this.serialize());
  }
  static override decode(r: Reader, ctx: DecodeCtx): BMPMessage {
    const m = decodeBmp(r, DEFAULT_OPTIONS);
    ctx.next = null;
    return m;
  }
  static parse(buf: Uint8Array, opts: BgpOptions = DEFAULT_OPTIONS): [BMPMessage, Uint8Array] {
    const r = new Reader(buf);
    const m = decodeBmp(r, opts);
    return [m, buf.subarray(r.pos)];
  }
  static register(type: number, body: Body): void {
    BODIES[type] = body;
  }

  /**
   * os-ken from_jsondict on the inner dict (`BMPRouteMonitoring.fromJsonDict({...})`);
   * on BMPMessage itself it takes the whole `{"BMPRouteMonitoring": {...}}`.
   */
  static override fromJsonDict(d: JsonObject): BMPMessage {
    const [name, body] = this === BMPMessage ? jClass(d, 'BMP message') : [this.jsonName, d];
    const m = bmpFromJson(name, body);
    const got = (m.constructor as typeof BMPMessage).jsonName;
    if (!(m instanceof this)) throw new JsonDictError(`${this.jsonName}: JSON is a ${got}`);
    return m;
  }
}

/** Decode one BMP message at r.pos; advances r.pos past it. */
export function decodeBmp(r: Reader, opts: BgpOptions): BMPMessage {
  const p = r.pos;
  if (r.end - p < HDR_LEN) throw new PacketTruncated('bmp', HDR_LEN, r.end - p, p);
  const version = r.bytes[p]!;
  if (version !== VERSION) bad('bmp', `not supportted bmp version: ${version}`, p);
  const len = r.view.getUint32(p + 1);
  const type = r.bytes[p + 5]!;
  if (len < HDR_LEN) bad('bmp', `bad message length ${len}`, p);
  if (r.end - p < len) throw new PacketTruncated('bmp', len, r.end - p, p);
  const body = BODIES[type];
  if (body === undefined) bad('bmp', `unknown bmp type: ${type}`, p + 5);
  const m = body(r, p + HDR_LEN, p + len, len, opts);
  r.pos = p + len;
  return m;
}

/* ------------------------------------------------------------------ per-peer messages */

export interface BMPPeerOpts extends BMPMessageOpts {
  peer_type: number;
  is_post_policy: boolean;
  peer_distinguisher: bigint | number;
  peer_address: string;
  peer_as: number;
  peer_bgp_id: string;
  timestamp: number;
  is_adj_rib_out?: boolean;
}

export abstract class BMPPeerMessage extends BMPMessage {
  declare peer_type: number;
  declare is_post_policy: boolean;
  declare is_adj_rib_out: boolean;
  declare peer_distinguisher: bigint;
  declare peer_address: string;
  declare peer_as: number;
  declare peer_bgp_id: string;
  /** seconds, float (os-ken: float(t1) + t2 * 1e-6) */
  declare timestamp: number;
  constructor(o: BMPPeerOpts) {
    super(o);
    this.peer_type = o.peer_type;
    this.is_post_policy = o.is_post_policy;
    this.is_adj_rib_out = o.is_adj_rib_out ?? false;
    this.peer_distinguisher = BigInt(o.peer_distinguisher);
    this.peer_address = o.peer_address;
    this.peer_as = o.peer_as;
    this.peer_bgp_id = o.peer_bgp_id;
    this.timestamp = o.timestamp;
  }
  protected peerFields(d: JsonObject): void {
    d.peer_type = this.peer_type;
    d.is_post_policy = this.is_post_policy;
    d.is_adj_rib_out = this.is_adj_rib_out;
    d.peer_distinguisher = this.peer_distinguisher;
    d.peer_address = this.peer_address;
    d.peer_as = this.peer_as;
    d.peer_bgp_id = this.peer_bgp_id;
    d.timestamp = new JsonFloat(this.timestamp) as unknown as JsonValue;
  }
  protected writePeerHeader(w: Writer): void {
    let flags = 0;
    if (this.is_adj_rib_out) flags |= 1 << 4;
    if (this.is_post_policy) flags |= 1 << 6;
    const v6 = this.peer_address.includes(':');
    if (v6) flags |= 1 << 7;
    w.u8(this.peer_type);
    w.u8(flags);
    w.u64(this.peer_distinguisher);
    if (v6) w.bytes(ipv6ToBin(this.peer_address));
    else {
      w.zeros(12);
      w.bytes(ipv4ToBin(this.peer_address));
    }
    w.u32(this.peer_as);
    w.bytes(ipv4ToBin(this.peer_bgp_id));
    const [t1, t2] = this.timestamp.toFixed(6).split('.') as [string, string];
    w.u32(Number(t1));
    w.u32(Number(t2));
  }
  static decodePeerHeader(r: Reader, p: number, end: number): BMPPeerOpts {
    if (end - p < PEER_HDR_LEN) throw new PacketTruncated('bmp_peer_header', PEER_HDR_LEN, end - p, p);
    const b = r.bytes;
    const v = r.view;
    const flags = b[p + 1]!;
    return {
      peer_type: b[p]!,
      is_post_policy: (flags & (1 << 6)) !== 0,
      is_adj_rib_out: (flags & (1 << 4)) !== 0,
      peer_distinguisher: v.getBigUint64(p + 2),
      peer_address: flags & (1 << 7) ? ipv6ToText(b, p + 10) : ipv4ToText(b, p + 22),
      peer_as: v.getUint32(p + 26),
      peer_bgp_id: ipv4ToText(b, p + 30),
      timestamp: v.getUint32(p + 34) + v.getUint32(p + 38) * 1e-6,
    };
  }
}

export class BMPRouteMonitoring extends BMPPeerMessage {
  static override readonly jsonName: string = 'BMPRouteMonitoring';
  static override readonly MSG_TYPE: number = BMP_MSG_ROUTE_MONITORING;
  declare bgp_update: BGPMessage;
  constructor(o: BMPPeerOpts & { bgp_update: BGPMessage }) {
    super(o);
    this.bgp_update = o.bgp_update;
  }
  protected bodyFields(d: JsonObject): void {
    this.peerFields(d);
    d.bgp_update = this.bgp_update.toJsonDict();
  }
  protected writeBody(w: Writer): void {
    this.writePeerHeader(w);
    this.bgp_update.serializeTo(w);
  }
}

export class BMPStatisticsReport extends BMPPeerMessage {
  static override readonly jsonName: string = 'BMPStatisticsReport';
  static override readonly MSG_TYPE: number = BMP_MSG_STATISTICS_REPORT;
  declare stats: BmpTlv[];
  constructor(o: BMPPeerOpts & { stats: BmpTlv[] }) {
    super(o);
    this.stats = o.stats;
  }
  protected bodyFields(d: JsonObject): void {
    this.peerFields(d);
    d.stats = this.stats.map(tlvJson);
  }
  protected writeBody(w: Writer): void {
    this.writePeerHeader(w);
    w.u32(this.stats.length);
    for (const s of this.stats) {
      // os-ken writes only the u32 / u64 counters it knows
      if (U32_STATS.includes(s.type)) {
        s.len = 4;
        w.u16(s.type);
        w.u16(4);
        w.u32(Number(s.value));
      } else if (U64_STATS.includes(s.type)) {
        s.len = 8;
        w.u16(s.type);
        w.u16(8);
        w.u64(BigInt(s.value as number | bigint));
      }
    }
  }
}

export class BMPPeerDownNotification extends BMPPeerMessage {
  static override readonly jsonName: string = 'BMPPeerDownNotification';
  static override readonly MSG_TYPE: number = BMP_MSG_PEER_DOWN_NOTIFICATION;
  declare reason: number;
  /** BGP NOTIFICATION (reasons 1, 3), FSM event code (2), null (4), raw bytes (unknown) */
  declare data: BGPMessage | number | Uint8Array | null;
  constructor(o: BMPPeerOpts & { reason: number; data: BGPMessage | number | Uint8Array | null }) {
    super(o);
    this.reason = o.reason;
    this.data = o.data;
  }
  protected bodyFields(d: JsonObject): void {
    this.peerFields(d);
    d.reason = this.reason;
    const x = this.data;
    // os-ken keeps the FSM code as a 1-tuple: JSON [code]
    d.data = x === null ? null : typeof x === 'number' ? [x] : x instanceof Uint8Array ? Buffer.from(x).toString('base64') : x.toJsonDict();
  }
  protected writeBody(w: Writer): void {
    this.writePeerHeader(w);
    w.u8(this.reason);
    const x = this.data;
    if (typeof x === 'number') w.u16(x);
    else if (x instanceof Uint8Array) w.bytes(x);
    else if (x !== null) x.serializeTo(w);
  }
}

export class BMPPeerUpNotification extends BMPPeerMessage {
  static override readonly jsonName: string = 'BMPPeerUpNotification';
  static override readonly MSG_TYPE: number = BMP_MSG_PEER_UP_NOTIFICATION;
  declare local_address: string;
  declare local_port: number;
  declare remote_port: number;
  declare sent_open_message: BGPMessage;
  declare received_open_message: BGPMessage;
  constructor(
    o: BMPPeerOpts & { local_address: string; local_port: number; remote_port: number; sent_open_message: BGPMessage; received_open_message: BGPMessage },
  ) {
    super(o);
    this.local_address = o.local_address;
    this.local_port = o.local_port;
    this.remote_port = o.remote_port;
    this.sent_open_message = o.sent_open_message;
    this.received_open_message = o.received_open_message;
  }
  protected bodyFields(d: JsonObject): void {
    this.peerFields(d);
    // os-ken does not annotate local_address as ascii: base64 of the text
    d.local_address = Buffer.from(this.local_address, 'utf8').toString('base64');
    d.local_port = this.local_port;
    d.remote_port = this.remote_port;
    d.sent_open_message = this.sent_open_message.toJsonDict();
    d.received_open_message = this.received_open_message.toJsonDict();
  }
  protected writeBody(w: Writer): void {
    this.writePeerHeader(w);
    if (this.local_address.includes(':')) w.bytes(ipv6ToBin(this.local_address));
    else {
      w.zeros(12);
      w.bytes(ipv4ToBin(this.local_address));
    }
    w.u16(this.local_port);
    w.u16(this.remote_port);
    this.sent_open_message.serializeTo(w);
    this.received_open_message.serializeTo(w);
  }
}

/** Route Mirroring (RFC 7854 4.7; not in os-ken): TLVs of a BGP message (type 0) or information code (type 1). */
export class BMPRouteMirroring extends BMPPeerMessage {
  static override readonly jsonName: string = 'BMPRouteMirroring';
  static override readonly MSG_TYPE: number = BMP_MSG_ROUTE_MIRRORING;
  declare info: BmpTlv[];
  constructor(o: BMPPeerOpts & { info: BmpTlv[] }) {
    super(o);
    this.info = o.info;
  }
  protected bodyFields(d: JsonObject): void {
    this.peerFields(d);
    d.info = this.info.map(tlvJson);
  }
  protected writeBody(w: Writer): void {
    this.writePeerHeader(w);
    for (const t of this.info) {
      w.u16(t.type);
      const at = w.pos;
      w.u16(0);
      const v = t.value;
      if (typeof v === 'number' || typeof v === 'bigint') w.u16(Number(v));
      else if (typeof v === 'string') w.bytes(new TextEncoder().encode(v));
      else if (v instanceof Uint8Array) w.bytes(v);
      else v.serializeTo(w);
      t.len = w.pos - at - 2;
      w.view.setUint16(at, t.len);
    }
  }
}

/** TLVs of initiation / termination / mirroring in [p, end). */
function decodeTlvs(r: Reader, p: number, end: number, kind: 'init' | 'term' | 'mirror', opts: BgpOptions): BmpTlv[] {
  const out: BmpTlv[] = [];
  const v = r.view;
  while (p < end) {
    if (end - p < 4) throw new PacketTruncated('bmp_tlv', 4, end - p, p);
    const type = v.getUint16(p);
    const len = v.getUint16(p + 2);
    if (end - p - 4 < len) throw new PacketTruncated('bmp_tlv', 4 + len, end - p, p);
    const q = p + 4;
    let value: BmpTlv['value'] = r.bytes.slice(q, q + len);
    if ((kind === 'init' && type === BMP_INIT_TYPE_STRING) || (kind === 'term' && type === BMP_TERM_TYPE_STRING)) {
      value = new TextDecoder('utf-8').decode(r.bytes.subarray(q, q + len));
    } else if ((kind === 'term' && type === BMP_TERM_TYPE_REASON) || (kind === 'mirror' && type === BMP_ROUTE_MIRRORING_TLV_INFORMATION)) {
      if (len < 2) throw new PacketTruncated('bmp_tlv', 2, len, q);
      value = v.getUint16(q);
    } else if (kind === 'mirror' && type === BMP_ROUTE_MIRRORING_TLV_BGP_MESSAGE) {
      const sr = new Reader(r.bytes, q, q + len, 0, r.view);
      value = decodeMessage(sr, q + len, opts);
    }
    out.push({ type, len, value });
    p = q + len;
  }
  return out;
}

abstract class BMPInfoMessage extends BMPMessage {
  declare info: BmpTlv[];
  constructor(o: BMPMessageOpts & { info: BmpTlv[] }) {
    super(o);
    this.info = o.info;
  }
  protected bodyFields(d: JsonObject): void {
    d.info = this.info.map(tlvJson);
  }
  protected writeBody(w: Writer): void {
    for (const t of this.info) {
      let value: Uint8Array;
      if (typeof t.value === 'string') value = new TextEncoder().encode(t.value);
      else if (typeof t.value === 'number' || typeof t.value === 'bigint') value = new Uint8Array([(Number(t.value) >> 8) & 255, Number(t.value) & 255]);
      else if (t.value instanceof Uint8Array) value = t.value;
      else value = t.value.serialize();
      t.len = value.length;
      w.u16(t.type);
      w.u16(t.len);
      w.bytes(value);
    }
  }
}

export class BMPInitiation extends BMPInfoMessage {
  static override readonly jsonName: string = 'BMPInitiation';
  static override readonly MSG_TYPE: number = BMP_MSG_INITIATION;
}

export class BMPTermination extends BMPInfoMessage {
  static override readonly jsonName: string = 'BMPTermination';
  static override readonly MSG_TYPE: number = BMP_MSG_TERMINATION;
}

BMPMessage.register(BMP_MSG_ROUTE_MONITORING, (r, p, end, len, opts) => {
  const h = BMPPeerMessage.decodePeerHeader(r, p, end);
  const sr = new Reader(r.bytes, p + PEER_HDR_LEN, end, 0, r.view);
  return new BMPRouteMonitoring({ ...h, len_: len, bgp_update: decodeMessage(sr, end, opts) });
});
BMPMessage.register(BMP_MSG_STATISTICS_REPORT, (r, p, end, len) => {
  const h = BMPPeerMessage.decodePeerHeader(r, p, end);
  let q = p + PEER_HDR_LEN;
  if (end - q < 4) throw new PacketTruncated('bmp_stats', 4, end - q, q);
  q += 4; // stats count: os-ken reads TLVs to the end instead
  const stats: BmpTlv[] = [];
  const v = r.view;
  while (q < end) {
    if (end - q < 4) throw new PacketTruncated('bmp_stats', 4, end - q, q);
    const type = v.getUint16(q);
    const slen = v.getUint16(q + 2);
    if (end - q - 4 < slen) throw new PacketTruncated('bmp_stats', 4 + slen, end - q, q);
    let value: BmpTlv['value'] = r.bytes.slice(q + 4, q + 4 + slen);
    if (U32_STATS.includes(type)) {
      if (slen < 4) bad('bmp_stats', `stat ${type} of ${slen} bytes`, q);
      value = v.getUint32(q + 4);
    } else if (U64_STATS.includes(type)) {
      if (slen < 8) bad('bmp_stats', `stat ${type} of ${slen} bytes`, q);
      const x = v.getBigUint64(q + 4);
      value = x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x;
    }
    stats.push({ type, len: slen, value });
    q += 4 + slen;
  }
  return new BMPStatisticsReport({ ...h, len_: len, stats });
});
BMPMessage.register(BMP_MSG_PEER_DOWN_NOTIFICATION, (r, p, end, len, opts) => {
  const h = BMPPeerMessage.decodePeerHeader(r, p, end);
  let q = p + PEER_HDR_LEN;
  if (end - q < 1) throw new PacketTruncated('bmp_peer_down', 1, end - q, q);
  let reason = r.bytes[q++]!;
  let data: BMPPeerDownNotification['data'];
  if (reason === BMP_PEER_DOWN_REASON_LOCAL_BGP_NOTIFICATION || reason === BMP_PEER_DOWN_REASON_REMOTE_BGP_NOTIFICATION) {
    data = decodeMessage(new Reader(r.bytes, q, end, 0, r.view), end, opts);
  } else if (reason === BMP_PEER_DOWN_REASON_LOCAL_NO_NOTIFICATION) {
    if (end - q < 2) throw new PacketTruncated('bmp_peer_down', 2, end - q, q);
    data = r.view.getUint16(q);
  } else if (reason === BMP_PEER_DOWN_REASON_REMOTE_NO_NOTIFICATION) {
    data = null;
  } else {
    reason = BMP_PEER_DOWN_REASON_UNKNOWN;
    data = r.bytes.slice(q, end);
  }
  return new BMPPeerDownNotification({ ...h, len_: len, reason, data });
});
BMPMessage.register(BMP_MSG_PEER_UP_NOTIFICATION, (r, p, end, len, opts) => {
  const h = BMPPeerMessage.decodePeerHeader(r, p, end);
  const q = p + PEER_HDR_LEN;
  if (end - q < 20) throw new PacketTruncated('bmp_peer_up', 20, end - q, q);
  const local = h.peer_address.includes(':') ? ipv6ToText(r.bytes, q) : ipv4ToText(r.bytes, q + 12);
  const sr = new Reader(r.bytes, q + 20, end, 0, r.view);
  const sent = decodeMessage(sr, end, opts);
  const received = decodeMessage(sr, end, opts);
  return new BMPPeerUpNotification({
    ...h,
    len_: len,
    local_address: local,
    local_port: r.view.getUint16(q + 16),
    remote_port: r.view.getUint16(q + 18),
    sent_open_message: sent,
    received_open_message: received,
  });
});
BMPMessage.register(BMP_MSG_INITIATION, (r, p, end, len, opts) => new BMPInitiation({ len_: len, info: decodeTlvs(r, p, end, 'init', opts) }));
BMPMessage.register(BMP_MSG_TERMINATION, (r, p, end, len, opts) => new BMPTermination({ len_: len, info: decodeTlvs(r, p, end, 'term', opts) }));
BMPMessage.register(BMP_MSG_ROUTE_MIRRORING, (r, p, end, len, opts) => {
  const h = BMPPeerMessage.decodePeerHeader(r, p, end);
  return new BMPRouteMirroring({ ...h, len_: len, info: decodeTlvs(r, p + PEER_HDR_LEN, end, 'mirror', opts) });
});

for (const k of [BMPRouteMonitoring, BMPStatisticsReport, BMPPeerDownNotification, BMPPeerUpNotification, BMPInitiation, BMPTermination, BMPRouteMirroring]) {
  registerProtocol(k as unknown as Parameters<typeof registerProtocol>[0]);
}

/* ------------------------------------------------------------------ JSON -> object */

function jsonNum(d: JsonObject, key: string): number {
  const v = d[key];
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v !== null && typeof v === 'object' && v instanceof JsonFloat) return Number(v.value);
  throw new JsonDictError(`field ${key}: expected number`);
}

function b64Text(d: JsonObject, key: string): string {
  return new TextDecoder().decode(base64Decode(jStr(d, key, '')));
}

function peerOpts(d: JsonObject): BMPPeerOpts {
  const pd = d.peer_distinguisher;
  if (typeof pd !== 'number' && typeof pd !== 'bigint') throw new JsonDictError('field peer_distinguisher: expected integer');
  const len = jIntOrNull(d, 'len', null);
  return {
    ...(len !== null ? { len_: len } : {}),
    version: jInt(d, 'version', VERSION),
    peer_type: jInt(d, 'peer_type', 0),
    is_post_policy: jBool(d, 'is_post_policy', false),
    is_adj_rib_out: jBool(d, 'is_adj_rib_out', false),
    peer_distinguisher: pd,
    peer_address: jStr(d, 'peer_address', '0.0.0.0'),
    peer_as: jInt(d, 'peer_as', 0),
    peer_bgp_id: jStr(d, 'peer_bgp_id', '0.0.0.0'),
    timestamp: d.timestamp === undefined ? 0 : jsonNum(d, 'timestamp'),
  };
}

/** TLV list: base64 strings are text for the string TLVs of initiation / termination, bytes otherwise. */
function tlvsFromJson(d: JsonObject, key: string, kind: 'init' | 'term' | 'mirror' | 'stats'): BmpTlv[] {
  return (jArr(d, key) ?? []).map((x) => {
    if (x === null || typeof x !== 'object' || Array.isArray(x)) throw new JsonDictError(`${key}: expected {type, len, value}`);
    const t = x as JsonObject;
    const type = jInt(t, 'type', 0);
    const v = t.value;
    let value: BmpTlv['value'];
    if (typeof v === 'number' || typeof v === 'bigint') value = v;
    else if (typeof v === 'string') value = (kind === 'init' && type === BMP_INIT_TYPE_STRING) || (kind === 'term' && type === BMP_TERM_TYPE_STRING) ? b64Text(t, 'value') : base64Decode(v);
    else if (v !== null && typeof v === 'object' && !Array.isArray(v) && kind === 'mirror') value = bgpMessageFromJson(v);
    else throw new JsonDictError(`${key}: unexpected TLV value`);
    return { type, len: jInt(t, 'len', 0), value };
  });
}

function bgpField(d: JsonObject, key: string): BGPMessage {
  if (d[key] === undefined) throw new JsonDictError(`missing field ${key}`);
  return bgpMessageFromJson(d[key]!);
}

function bmpFromJson(name: string, d: JsonObject): BMPMessage {
  const len = jIntOrNull(d, 'len', null);
  const hdr: BMPMessageOpts = { ...(len !== null ? { len_: len } : {}), version: jInt(d, 'version', VERSION) };
  switch (name) {
    case 'BMPRouteMonitoring':
      return new BMPRouteMonitoring({ ...peerOpts(d), bgp_update: bgpField(d, 'bgp_update') });
    case 'BMPStatisticsReport':
      return new BMPStatisticsReport({ ...peerOpts(d), stats: tlvsFromJson(d, 'stats', 'stats') });
    case 'BMPPeerDownNotification': {
      const x = d.data;
      let data: BGPMessage | number | Uint8Array | null;
      if (x === null || x === undefined) data = null;
      else if (Array.isArray(x)) data = jInt({ code: x[0] ?? null }, 'code', 0);
      else if (typeof x === 'string') data = base64Decode(x);
      else data = bgpMessageFromJson(x);
      return new BMPPeerDownNotification({ ...peerOpts(d), reason: jInt(d, 'reason', 0), data });
    }
    case 'BMPPeerUpNotification':
      return new BMPPeerUpNotification({
        ...peerOpts(d),
        local_address: b64Text(d, 'local_address'),
        local_port: jInt(d, 'local_port', 0),
        remote_port: jInt(d, 'remote_port', 0),
        sent_open_message: bgpField(d, 'sent_open_message'),
        received_open_message: bgpField(d, 'received_open_message'),
      });
    case 'BMPRouteMirroring':
      return new BMPRouteMirroring({ ...peerOpts(d), info: tlvsFromJson(d, 'info', 'mirror') });
    case 'BMPInitiation':
      return new BMPInitiation({ ...hdr, info: tlvsFromJson(d, 'info', 'init') });
    case 'BMPTermination':
      return new BMPTermination({ ...hdr, info: tlvsFromJson(d, 'info', 'term') });
    default:
      throw new JsonDictError(`unknown BMP message class ${name}`);
  }
}

/** os-ken from_jsondict for `{"BMPRouteMonitoring": {...}}` (any BMP message class). */
export function bmpMessageFromJson(v: JsonValue): BMPMessage {
  const [name, body] = jClass(v, 'BMP message');
  return bmpFromJson(name, body);
}

/** Streaming parser for BMP over TCP (not in os-ken). */
export class BmpStreamParser extends StreamParser<BMPMessage> {
  declare opts: BgpOptions;
  constructor(opts: BgpOptions = DEFAULT_OPTIONS) {
    super();
    this.opts = opts;
  }
  tryParse(q: Uint8Array): [BMPMessage, Uint8Array] {
    if (q.length < HDR_LEN) throw new TooSmallException(`${q.length} < ${HDR_LEN}`);
    const len = ((q[1]! << 24) >>> 0) + (q[2]! << 16) + (q[3]! << 8) + q[4]!;
    if (len < HDR_LEN) bad('bmp', `bad message length ${len}`, 0);
    if (q.length < len) throw new TooSmallException(`${q.length} < ${len}`);
    const r = new Reader(q, 0, len);
    return [decodeBmp(r, this.opts), q.subarray(len)];
  }
}
