/** ICMP (RFC 792) (os-ken os_ken/lib/packet/icmp.py). */
import type { Reader } from '../../wire/reader.js';
import { JsonDictError, PacketMalformed } from '../../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jClass, jInt, need, registerProtocol } from './packet_base.js';
import { checksum } from './packet_utils.js';
import { IPPROTO_ICMP } from './in_proto.js';
import { IPv4 } from './ipv4.js';
import { EchoBody } from './icmp_echo.js';

export const ICMP_ECHO_REPLY = 0;
export const ICMP_DEST_UNREACH = 3;
export const ICMP_SRC_QUENCH = 4;
export const ICMP_REDIRECT = 5;
export const ICMP_ECHO_REQUEST = 8;
export const ICMP_TIME_EXCEEDED = 11;
export const ICMP_ECHO_REPLY_CODE = 0;
export const ICMP_HOST_UNREACH_CODE = 1;
export const ICMP_PORT_UNREACH_CODE = 3;
export const ICMP_TTL_EXPIRED_CODE = 0;

function bytesOrNull(b: Uint8Array | null): JsonValue {
  return b === null ? null : base64Encode(b);
}

function jBytesOrNull(d: JsonObject, k: string): Uint8Array | null {
  const v = d[k];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return base64Decode(v);
  throw new JsonDictError(`field ${k}: expected base64 string`);
}

function concat(head: Uint8Array, data: Uint8Array | null): Uint8Array {
  if (data === null) return head;
  const out = new Uint8Array(head.length + data.length);
  out.set(head);
  out.set(data, head.length);
  return out;
}

/** Echo / Echo Reply body. */
export class Echo extends EchoBody {
  get length(): number {
    return 4 + (this.data ? this.data.length : 0);
  }
}

/** Destination Unreachable body. */
export class DestUnreach {
  static readonly jsonName = 'dest_unreach';
  data_len: number;
  mtu: number;
  data: Uint8Array | null;
  constructor(opts: { data_len?: number; mtu?: number; data?: Uint8Array | null } = {}) {
    const dl = opts.data_len ?? 0;
    if (dl < 0 || dl > 255) throw new PacketMalformed('icmp', `Specified data length (${dl}) is invalid.`, 0);
    this.data_len = dl;
    this.mtu = opts.mtu ?? 0;
    this.data = opts.data ?? null;
  }
  get length(): number {
    return 4 + (this.data ? this.data.length : 0);
  }
  serialize(): Uint8Array {
    return concat(Uint8Array.of(0, this.data_len, this.mtu >> 8, this.mtu & 0xff), this.data);
  }
  toJsonDict(): JsonObject {
    return { dest_unreach: { data: bytesOrNull(this.data), data_len: this.data_len, mtu: this.mtu } };
  }
}

/** Time Exceeded body. */
export class TimeExceeded {
  static readonly jsonName = 'TimeExceeded';
  data_len: number;
  data: Uint8Array | null;
  constructor(opts: { data_len?: number; data?: Uint8Array | null } = {}) {
    const dl = opts.data_len ?? 0;
    if (dl < 0 || dl > 255) throw new PacketMalformed('icmp', `Specified data length (${dl}) is invalid.`, 0);
    this.data_len = dl;
    this.data = opts.data ?? null;
  }
  get length(): number {
    return 4 + (this.data ? this.data.length : 0);
  }
  serialize(): Uint8Array {
    return concat(Uint8Array.of(0, this.data_len, 0, 0), this.data);
  }
  toJsonDict(): JsonObject {
    return { TimeExceeded: { data: bytesOrNull(this.data), data_len: this.data_len } };
  }
}

export type ICMPPayload = Echo | DestUnreach | TimeExceeded;

/** os-ken _ICMP_TYPES: which ICMP types have a structured body. */
function icmpBodyKind(type: number): 'echo' | 'dest_unreach' | 'TimeExceeded' | null {
  if (type === ICMP_ECHO_REPLY || type === ICMP_ECHO_REQUEST) return 'echo';
  if (type === ICMP_DEST_UNREACH) return 'dest_unreach';
  if (type === ICMP_TIME_EXCEEDED) return 'TimeExceeded';
  return null;
}

export interface ICMPOpts {
  type_?: number;
  code?: number;
  csum?: number;
  data?: ICMPPayload | Uint8Array;
}

export class ICMP extends PacketBase {
  static override readonly jsonName = 'icmp';
  static override readonly MIN_LEN = 4;
  type: number;
  code: number;
  csum: number;
  data: ICMPPayload | Uint8Array;

  constructor(opts: ICMPOpts = {}) {
    super();
    this.type = opts.type_ ?? ICMP_ECHO_REQUEST;
    this.code = opts.code ?? 0;
    this.csum = opts.csum ?? 0;
    this.data = opts.data ?? new Uint8Array(0);
  }

  override get length(): number {
    return 4 + this.data.length;
  }

  static override decode(r: Reader, ctx: DecodeCtx): ICMP {
    need(r, 4, 'icmp');
    const p = r.pos;
    const b = r.bytes;
    const type = b[p]!;
    const msg = new ICMP({ type_: type, code: b[p + 1]!, csum: r.view.getUint16(p + 2) });
    const end = r.end;
    if (end > p + 4) {
      const kind = icmpBodyKind(type);
      const q = p + 4;
      if (kind === null) msg.data = b.slice(q, end);
      else {
        r.pos = q;
        need(r, 4, 'icmp');
        const rest = end > q + 4 ? b.slice(q + 4, end) : null;
        if (kind === 'echo') msg.data = new Echo({ id_: r.view.getUint16(q), seq: r.view.getUint16(q + 2), data: rest });
        else if (kind === 'dest_unreach') msg.data = new DestUnreach({ data_len: b[q + 1]!, mtu: r.view.getUint16(q + 2), data: rest });
        else msg.data = new TimeExceeded({ data_len: b[q + 1]!, data: rest });
      }
    }
    // os-ken returns (msg, None, None): ICMP consumes the rest
    r.pos = end;
    ctx.next = null;
    return msg;
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    let body: Uint8Array;
    const d = this.data;
    if (d instanceof Uint8Array && d.length === 0) {
      this.data = new Echo();
      body = this.data.serialize();
    } else if (d instanceof Uint8Array) {
      if (icmpBodyKind(this.type) !== null) throw new PacketMalformed('icmp', `type ${this.type} needs a structured body, not bytes`, 0);
      body = d;
    } else body = d.serialize();
    const at = out.prepend(4 + body.length);
    out.buf[at] = this.type;
    out.buf[at + 1] = this.code;
    out.view.setUint16(at + 2, this.csum);
    out.buf.set(body, at + 4);
    if (this.csum === 0) {
      this.csum = checksum(out.buf, at, at + 4 + body.length);
      out.view.setUint16(at + 2, this.csum);
    }
  }

  override toJsonFields(): JsonObject {
    const d = this.data;
    return { code: this.code, csum: this.csum, data: d instanceof Uint8Array ? base64Encode(d) : d.toJsonDict(), type: this.type };
  }

  static override fromJsonDict(d: JsonObject): ICMP {
    const raw = d.data;
    let data: ICMPPayload | Uint8Array;
    if (raw === undefined) data = new Uint8Array(0);
    else if (typeof raw === 'string') data = base64Decode(raw);
    else {
      const [name, o] = jClass(raw, 'icmp data');
      if (name === 'echo') data = new Echo({ id_: jInt(o, 'id', 0), seq: jInt(o, 'seq', 0), data: jBytesOrNull(o, 'data') });
      else if (name === 'dest_unreach') data = new DestUnreach({ data_len: jInt(o, 'data_len', 0), mtu: jInt(o, 'mtu', 0), data: jBytesOrNull(o, 'data') });
      else if (name === 'TimeExceeded') data = new TimeExceeded({ data_len: jInt(o, 'data_len', 0), data: jBytesOrNull(o, 'data') });
      else throw new JsonDictError(`unknown icmp body ${name}`);
    }
    return new ICMP({ type_: jInt(d, 'type', ICMP_ECHO_REQUEST), code: jInt(d, 'code', 0), csum: jInt(d, 'csum', 0), data });
  }
}

registerProtocol(ICMP);
IPv4.registerPacketType(ICMP, IPPROTO_ICMP);
