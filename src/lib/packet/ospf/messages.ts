/**
 * OSPFv2 packets (RFC 2328 appendix A.3): the common header and the Hello,
 * Database Description, LS Request, LS Update and LS Acknowledgment bodies
 * (os-ken ospf.OSPFMessage and subclasses).
 *
 * os-ken's OSPFMessage.parser wraps everything in a bare `except:` and
 * returns (None, None, buf): a bad checksum, a short buffer, an unknown
 * type, a count mismatch... make the WHOLE message a raw payload. `OSPF.decode`
 * does the same (it returns null and leaves the reader untouched).
 */
import type { Reader } from '../../../wire/reader.js';
import { Writer } from '../../../wire/writer.js';
import type { JsonObject } from '../../../wire/json/json.js';
import { JsonDictError, OskenError } from '../../../wire/errors.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jArr, jBig, jClass, jInt } from '../packet_base.js';
import { foldChecksum, sum16 } from '../packet_utils.js';
import {
  Bytes,
  OSPF_MSG_DB_DESC,
  OSPF_MSG_HELLO,
  OSPF_MSG_LS_ACK,
  OSPF_MSG_LS_REQ,
  OSPF_MSG_LS_UPD,
  OSPF_UNKNOWN_LSA,
  OSPF_VERSION,
  addrFromJson,
  addrJson,
  addrList,
  bad,
  ip4,
  ip4bin,
  need,
} from './common.js';
import { LSA, LSAHeader, lsaFromJson, parseLsa } from './lsa.js';

export interface OSPFMessageOpts {
  length?: number | null;
  router_id?: string;
  area_id?: string;
  au_type?: number;
  authentication?: bigint | number;
  checksum?: number | null;
  version?: number;
}

/** OSPF checksum: the packet minus the 8-byte authentication field (bytes 16..24). */
function ospfChecksum(b: Uint8Array, at: number, end: number): number {
  return foldChecksum(sum16(b, at + 24, end, sum16(b, at + 14, at + 16, sum16(b, at, at + 12))));
}

/** The OSPF packet header (os-ken OSPFMessage); dispatches to the five packet types. */
export abstract class OSPFMessage extends PacketBase {
  static override readonly jsonName: string = 'OSPFMessage';
  static override readonly MIN_LEN: number = 24;
  static readonly MSG_TYPE: number = 0;

  version: number;
  type_: number;
  /** os-ken `length` (null until serialised when built without one) */
  msgLength: number | null;
  router_id: string;
  area_id: string;
  checksum: number | null;
  au_type: number;
  authentication: bigint;

  constructor(type: number, o: OSPFMessageOpts) {
    super();
    this.version = o.version ?? OSPF_VERSION;
    this.type_ = type;
    this.msgLength = o.length ?? null;
    this.router_id = o.router_id ?? '0.0.0.0';
    this.area_id = o.area_id ?? '0.0.0.0';
    this.checksum = o.checksum ?? null;
    this.au_type = o.au_type ?? 1;
    this.authentication = BigInt(o.authentication ?? 0);
  }

  override get length(): number {
    return this.msgLength ?? 0;
  }
  override set length(v: number) {
    this.msgLength = v;
  }

  protected abstract writeBody(w: Writer): void;
  protected abstract bodyJson(): JsonObject;

  static override decode(r: Reader, ctx: DecodeCtx): OSPFMessage | null {
    ctx.next = null;
    // the commonest os-ken failures (short buffer, checksum mismatch) without building an exception
    const p = r.pos;
    if (r.end - p < 24 || ospfChecksum(r.bytes, p, r.end) !== r.view.getUint16(p + 12)) return null;
    try {
      return parseMessage(r, true);
    } catch (e) {
      // os-ken: `except: return None, None, buf` - the whole message is raw payload
      if (e instanceof OskenError) return null;
      throw e;
    }
  }

  /** os-ken serialize: length and checksum are always recomputed. */
  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const w = new Writer(128);
    w.u8(this.version);
    w.u8(this.type_);
    w.u16(0);
    w.bytes(ip4bin(this.router_id));
    w.bytes(ip4bin(this.area_id));
    w.u16(0);
    w.u16(this.au_type);
    w.u64(this.authentication);
    this.writeBody(w);
    this.msgLength = w.pos;
    w.patch16(2, w.pos);
    this.checksum = ospfChecksum(w.buf, 0, w.pos);
    w.patch16(12, this.checksum);
    out.prependBytes(w.buf.subarray(0, w.pos));
  }

  override toJsonFields(): JsonObject {
    return {
      ...this.bodyJson(),
      area_id: addrJson(this.area_id),
      au_type: this.au_type,
      authentication: this.authentication,
      checksum: this.checksum,
      length: this.msgLength,
      router_id: addrJson(this.router_id),
      type: this.type_,
      version: this.version,
    };
  }

  protected static optsFromJson(d: JsonObject): OSPFMessageOpts {
    const len = d.length;
    const ck = d.checksum;
    return {
      length: len === null || len === undefined ? null : jInt(d, 'length', 0),
      router_id: addrFromJson(d.router_id, '0.0.0.0', 'router_id'),
      area_id: addrFromJson(d.area_id, '0.0.0.0', 'area_id'),
      au_type: jInt(d, 'au_type', 1),
      authentication: jBig(d, 'authentication', 0n),
      checksum: ck === null || ck === undefined ? null : jInt(d, 'checksum', 0),
      version: jInt(d, 'version', OSPF_VERSION),
    };
  }
}

export class OSPFHello extends OSPFMessage {
  static override readonly jsonName = 'OSPFHello';
  static override readonly MIN_LEN = 44;
  static override readonly MSG_TYPE = OSPF_MSG_HELLO;
  mask: string;
  hello_interval: number;
  options: number;
  priority: number;
  dead_interval: number;
  designated_router: string;
  backup_router: string;
  neighbors: string[];
  constructor(
    o: OSPFMessageOpts & {
      mask?: string;
      hello_interval?: number;
      options?: number;
      priority?: number;
      dead_interval?: number;
      designated_router?: string;
      backup_router?: string;
      neighbors?: string[] | null;
    } = {},
  ) {
    super(OSPF_MSG_HELLO, o);
    this.mask = o.mask ?? '0.0.0.0';
    this.hello_interval = o.hello_interval ?? 10;
    this.options = o.options ?? 0;
    this.priority = o.priority ?? 1;
    this.dead_interval = o.dead_interval ?? 40;
    this.designated_router = o.designated_router ?? '0.0.0.0';
    this.backup_router = o.backup_router ?? '0.0.0.0';
    this.neighbors = o.neighbors ?? [];
  }
  protected writeBody(w: Writer): void {
    w.bytes(ip4bin(this.mask));
    w.u16(this.hello_interval);
    w.u8(this.options);
    w.u8(this.priority);
    w.u32(this.dead_interval >>> 0);
    w.bytes(ip4bin(this.designated_router));
    w.bytes(ip4bin(this.backup_router));
    for (const n of this.neighbors) w.bytes(ip4bin(n));
  }
  protected bodyJson(): JsonObject {
    return {
      backup_router: addrJson(this.backup_router),
      dead_interval: this.dead_interval,
      designated_router: addrJson(this.designated_router),
      hello_interval: this.hello_interval,
      mask: addrJson(this.mask),
      neighbors: this.neighbors.map(addrJson),
      options: this.options,
      priority: this.priority,
    };
  }
  static override fromJsonDict(d: JsonObject): OSPFHello {
    return new OSPFHello({
      ...OSPFMessage.optsFromJson(d),
      mask: addrFromJson(d.mask, '0.0.0.0', 'mask'),
      hello_interval: jInt(d, 'hello_interval', 10),
      options: jInt(d, 'options', 0),
      priority: jInt(d, 'priority', 1),
      dead_interval: jInt(d, 'dead_interval', 40),
      designated_router: addrFromJson(d.designated_router, '0.0.0.0', 'designated_router'),
      backup_router: addrFromJson(d.backup_router, '0.0.0.0', 'backup_router'),
      neighbors: addrList(d, 'neighbors'),
    });
  }
}

function headersJson(hs: LSAHeader[]): JsonObject[] {
  return hs.map((h) => h.toJsonDict());
}
function headersFromJson(d: JsonObject): LSAHeader[] {
  return (jArr(d, 'lsa_headers') ?? []).map((x) => LSAHeader.fromJson(x));
}

export class OSPFDBDesc extends OSPFMessage {
  static override readonly jsonName = 'OSPFDBDesc';
  static override readonly MIN_LEN = 32;
  static override readonly MSG_TYPE = OSPF_MSG_DB_DESC;
  mtu: number;
  options: number;
  i_flag: number;
  m_flag: number;
  ms_flag: number;
  sequence_number: number;
  lsa_headers: LSAHeader[];
  constructor(
    o: OSPFMessageOpts & { mtu?: number; options?: number; i_flag?: number; m_flag?: number; ms_flag?: number; sequence_number?: number; lsa_headers?: LSAHeader[] | null } = {},
  ) {
    super(OSPF_MSG_DB_DESC, o);
    this.mtu = o.mtu ?? 1500;
    this.options = o.options ?? 0;
    this.i_flag = o.i_flag ?? 0;
    this.m_flag = o.m_flag ?? 0;
    this.ms_flag = o.ms_flag ?? 0;
    this.sequence_number = o.sequence_number ?? 0;
    this.lsa_headers = o.lsa_headers ?? [];
  }
  protected writeBody(w: Writer): void {
    w.u16(this.mtu);
    w.u8(this.options);
    w.u8(((this.i_flag & 1) << 2) ^ ((this.m_flag & 1) << 1) ^ (this.ms_flag & 1));
    w.u32(this.sequence_number >>> 0);
    for (const h of this.lsa_headers) h.write(w);
  }
  protected bodyJson(): JsonObject {
    return {
      i_flag: this.i_flag,
      lsa_headers: headersJson(this.lsa_headers),
      m_flag: this.m_flag,
      ms_flag: this.ms_flag,
      mtu: this.mtu,
      options: this.options,
      sequence_number: this.sequence_number,
    };
  }
  static override fromJsonDict(d: JsonObject): OSPFDBDesc {
    return new OSPFDBDesc({
      ...OSPFMessage.optsFromJson(d),
      mtu: jInt(d, 'mtu', 1500),
      options: jInt(d, 'options', 0),
      i_flag: jInt(d, 'i_flag', 0),
      m_flag: jInt(d, 'm_flag', 0),
      ms_flag: jInt(d, 'ms_flag', 0),
      sequence_number: jInt(d, 'sequence_number', 0),
      lsa_headers: headersFromJson(d),
    });
  }
}

/** One LS request entry (os-ken OSPFLSReq.Request; note its attribute is `id`, not `id_`). */
export class LSRequest {
  static readonly jsonName = 'Request';
  type_: number;
  id: string;
  adv_router: string;
  constructor(o: { type_?: number; id_?: string; adv_router?: string } = {}) {
    this.type_ = o.type_ ?? OSPF_UNKNOWN_LSA;
    this.id = o.id_ ?? '0.0.0.0';
    this.adv_router = o.adv_router ?? '0.0.0.0';
  }
  toJsonDict(): JsonObject {
    return { Request: { adv_router: addrJson(this.adv_router), id: addrJson(this.id), type: this.type_ } };
  }
}

export class OSPFLSReq extends OSPFMessage {
  static override readonly jsonName = 'OSPFLSReq';
  static override readonly MSG_TYPE = OSPF_MSG_LS_REQ;
  lsa_requests: LSRequest[];
  constructor(o: OSPFMessageOpts & { lsa_requests?: LSRequest[] | null } = {}) {
    super(OSPF_MSG_LS_REQ, o);
    this.lsa_requests = o.lsa_requests ?? [];
  }
  protected writeBody(w: Writer): void {
    for (const q of this.lsa_requests) {
      w.u32(q.type_ >>> 0);
      w.bytes(ip4bin(q.id));
      w.bytes(ip4bin(q.adv_router));
    }
  }
  protected bodyJson(): JsonObject {
    return { lsa_requests: this.lsa_requests.map((q) => q.toJsonDict()) };
  }
  static override fromJsonDict(d: JsonObject): OSPFLSReq {
    const reqs = (jArr(d, 'lsa_requests') ?? []).map((x) => {
      const [, q] = jClass(x, 'Request');
      return new LSRequest({ type_: jInt(q, 'type', 0), id_: addrFromJson(q.id, '0.0.0.0', 'id'), adv_router: addrFromJson(q.adv_router, '0.0.0.0', 'adv_router') });
    });
    return new OSPFLSReq({ ...OSPFMessage.optsFromJson(d), lsa_requests: reqs });
  }
}

export class OSPFLSUpd extends OSPFMessage {
  static override readonly jsonName = 'OSPFLSUpd';
  static override readonly MIN_LEN = 28;
  static override readonly MSG_TYPE = OSPF_MSG_LS_UPD;
  lsas: LSA[];
  constructor(o: OSPFMessageOpts & { lsas?: LSA[] | null } = {}) {
    super(OSPF_MSG_LS_UPD, o);
    this.lsas = o.lsas ?? [];
  }
  protected writeBody(w: Writer): void {
    w.u32(this.lsas.length);
    for (const l of this.lsas) l.write(w);
  }
  protected bodyJson(): JsonObject {
    return { lsas: this.lsas.map((l) => l.toJsonDict()) };
  }
  static override fromJsonDict(d: JsonObject): OSPFLSUpd {
    return new OSPFLSUpd({ ...OSPFMessage.optsFromJson(d), lsas: (jArr(d, 'lsas') ?? []).map((x) => lsaFromJson(x)) });
  }
}

export class OSPFLSAck extends OSPFMessage {
  static override readonly jsonName = 'OSPFLSAck';
  static override readonly MSG_TYPE = OSPF_MSG_LS_ACK;
  lsa_headers: LSAHeader[];
  constructor(o: OSPFMessageOpts & { lsa_headers?: LSAHeader[] | null } = {}) {
    super(OSPF_MSG_LS_ACK, o);
    this.lsa_headers = o.lsa_headers ?? [];
  }
  protected writeBody(w: Writer): void {
    for (const h of this.lsa_headers) h.write(w);
  }
  protected bodyJson(): JsonObject {
    return { lsa_headers: headersJson(this.lsa_headers) };
  }
  static override fromJsonDict(d: JsonObject): OSPFLSAck {
    return new OSPFLSAck({ ...OSPFMessage.optsFromJson(d), lsa_headers: headersFromJson(d) });
  }
}

/**
 * os-ken OSPFMessage._parser: decode at r.pos, throwing PacketTruncated /
 * PacketMalformed where os-ken raises (OSPFMessage.decode turns those into
 * a raw payload).
 */
export function parseMessage(r: Reader, checksumVerified = false): OSPFMessage {
  const p = r.pos;
  const end = r.end;
  const s: Bytes = { b: r.bytes, v: r.view };
  need(p, 24, end, 'header');
  const b = r.bytes;
  const v = r.view;
  const checksum = v.getUint16(p + 12);
  // computed over everything after the header up to the end of the IP payload, as os-ken does
  if (!checksumVerified && ospfChecksum(b, p, end) !== checksum) bad('checksum mismatch', p + 12);
  const length = v.getUint16(p + 2);
  need(p, length, end, 'message');
  const type = b[p + 1]!;
  const opts: OSPFMessageOpts = {
    length,
    router_id: ip4(b, p + 4),
    area_id: ip4(b, p + 8),
    au_type: v.getUint16(p + 14),
    authentication: v.getBigUint64(p + 16),
    checksum,
    version: b[p]!,
  };
  // binmsg = buf[24:length] (empty when length < 24); rest = buf[length:]
  const bs = p + 24;
  const be = length > 24 ? p + length : bs;
  let m: OSPFMessage;
  switch (type) {
    case OSPF_MSG_HELLO: {
      need(bs, 20, be, 'hello');
      const neighbors: string[] = [];
      for (let q = bs + 20; q < be; q += 4) {
        need(q, 4, be, 'hello.neighbors');
        neighbors.push(ip4(b, q));
      }
      m = new OSPFHello({
        ...opts,
        mask: ip4(b, bs),
        hello_interval: v.getUint16(bs + 4),
        options: b[bs + 6]!,
        priority: b[bs + 7]!,
        dead_interval: v.getUint32(bs + 8),
        designated_router: ip4(b, bs + 12),
        backup_router: ip4(b, bs + 16),
        neighbors,
      });
      break;
    }
    case OSPF_MSG_DB_DESC: {
      need(bs, 8, be, 'dbdesc');
      const flags = b[bs + 3]!;
      const hs: LSAHeader[] = [];
      for (let q = bs + 8; q < be; q += 20) hs.push(LSAHeader.parse(s, q, be));
      m = new OSPFDBDesc({
        ...opts,
        mtu: v.getUint16(bs),
        options: b[bs + 2]!,
        i_flag: (flags >> 2) & 1,
        m_flag: (flags >> 1) & 1,
        ms_flag: flags & 1,
        sequence_number: v.getUint32(bs + 4),
        lsa_headers: hs,
      });
      break;
    }
    case OSPF_MSG_LS_REQ: {
      const reqs: LSRequest[] = [];
      for (let q = bs; q < be; q += 12) {
        need(q, 12, be, 'lsreq');
        reqs.push(new LSRequest({ type_: v.getUint32(q), id_: ip4(b, q + 4), adv_router: ip4(b, q + 8) }));
      }
      m = new OSPFLSReq({ ...opts, lsa_requests: reqs });
      break;
    }
    case OSPF_MSG_LS_UPD: {
      need(bs, 4, be, 'lsupd');
      const num = v.getUint32(bs);
      const lsas: LSA[] = [];
      for (let q = bs + 4; q < be; ) {
        const [lsa, next] = parseLsa(s, q, be);
        lsas.push(lsa);
        q = next;
      }
      if (lsas.length !== num) bad(`LS update: ${lsas.length} LSAs, header says ${num}`, bs);
      m = new OSPFLSUpd({ ...opts, lsas });
      break;
    }
    case OSPF_MSG_LS_ACK: {
      const hs: LSAHeader[] = [];
      for (let q = bs; q < be; q += 20) hs.push(LSAHeader.parse(s, q, be));
      m = new OSPFLSAck({ ...opts, lsa_headers: hs });
      break;
    }
    default:
      bad(`unknown OSPF message type ${type}`, p + 1);
  }
  r.pos = p + length;
  return m;
}

/** JSON name -> class, for OSPFMessage.fromJsonDict dispatch. */
export const OSPF_MESSAGES = [OSPFHello, OSPFDBDesc, OSPFLSReq, OSPFLSUpd, OSPFLSAck] as const;

export function ospfFromJson(name: string, d: JsonObject): OSPFMessage {
  for (const C of OSPF_MESSAGES) if (C.jsonName === name) return C.fromJsonDict(d);
  throw new JsonDictError(`unknown OSPF message ${name}`);
}
