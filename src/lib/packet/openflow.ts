/**
 * OpenFlow messages carried in TCP (os-ken os_ken/lib/packet/openflow.py):
 * TCP port 6633 or 6653 on either side. Each message is decoded through the
 * project's OpenFlow codec (`msg()` of ofproto_parser, os-ken-compatible
 * mode); a message os-ken cannot parse (unknown version, no parser for its
 * type, malformed or truncated body) becomes an OFPUnparseableMsg holding the
 * header fields and the raw body, as in os-ken. Several messages in one
 * segment decode as successive `openflow` headers.
 */
import type { Reader } from '../../wire/reader.js';
import { JsonDictError, OskenError, PacketMalformed } from '../../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject } from '../../wire/json/json.js';
import { msg as ofpMsg, MsgBase, OFP_HEADER_SIZE, ofpMsgFromJsonDict, SUPPORTED_VERSIONS } from '../../ofproto/ofproto_parser.js';
import { lookupClass } from '../../ofproto/struct.js';
import { ProtocolDesc } from '../../ofproto/ofproto_protocol.js';
import '../../ofproto/all.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jClass, jInt, jIntOrNull, jObj, need, registerProtocol, sliceRest } from './packet_base.js';
import { TCP } from './tcp.js';

export const OFP_TCP_PORT = 6653;
export const OFP_SSL_PORT = 6653;
export const OFP_TCP_PORT_OLD = 6633;

export { ProtocolDesc };

export interface OFPUnparseableMsgOpts {
  /** null when os-ken has no parser for the version */
  datapath?: ProtocolDesc | null;
  version?: number;
  msg_type?: number;
  msg_len?: number;
  xid?: number;
  body?: Uint8Array;
}

/** A message os-ken could not parse: header fields and raw body (os-ken OFPUnparseableMsg). */
export class OFPUnparseableMsg {
  static readonly jsonName = 'OFPUnparseableMsg';
  datapath: ProtocolDesc | null;
  version: number;
  msg_type: number;
  msg_len: number;
  xid: number;
  body: Uint8Array;
  buf: Uint8Array | null;

  constructor(o: OFPUnparseableMsgOpts = {}) {
    this.datapath = o.datapath ?? null;
    this.version = o.version ?? 0;
    this.msg_type = o.msg_type ?? 0;
    this.msg_len = o.msg_len ?? OFP_HEADER_SIZE;
    this.xid = o.xid ?? 0;
    this.body = o.body ?? new Uint8Array(0);
    this.buf = null;
  }

  /** os-ken serialize(): header (fields as they are) + body into `buf`. */
  serialize(): void {
    const b = new Uint8Array(OFP_HEADER_SIZE + this.body.length);
    const v = new DataView(b.buffer);
    v.setUint8(0, this.version);
    v.setUint8(1, this.msg_type);
    v.setUint16(2, this.msg_len);
    v.setUint32(4, this.xid >>> 0);
    b.set(this.body, OFP_HEADER_SIZE);
    this.buf = b;
  }

  /**
   * Keys as os-ken's to_jsondict (sorted). os-ken cannot serialise a
   * non-null datapath (its JSON encoder fails on ProtocolDesc); we give
   * `{"ProtocolDesc": {"version": v}}`.
   */
  toJsonDict(): JsonObject {
    return {
      OFPUnparseableMsg: {
        body: base64Encode(this.body),
        buf: this.buf === null ? null : base64Encode(this.buf),
        datapath: this.datapath === null ? null : { ProtocolDesc: { version: this.datapath.ofproto.OFP_VERSION } },
        msg_len: this.msg_len,
        msg_type: this.msg_type,
        version: this.version,
        xid: this.xid,
      },
    };
  }

  static fromJsonDict(d: JsonObject): OFPUnparseableMsg {
    let datapath: ProtocolDesc | null = null;
    if (d.datapath !== undefined && d.datapath !== null) {
      const [, pd] = jClass(d.datapath, 'OFPUnparseableMsg.datapath');
      const v = jInt(pd, 'version', 0);
      if (!(SUPPORTED_VERSIONS as readonly number[]).includes(v)) throw new JsonDictError(`OFPUnparseableMsg.datapath: unsupported OpenFlow version ${v}`);
      datapath = new ProtocolDesc(v);
    }
    const body = d.body;
    if (body !== undefined && typeof body !== 'string') throw new JsonDictError('OFPUnparseableMsg.body: expected base64 string');
    const bodyBytes = body === undefined ? new Uint8Array(0) : base64Decode(body);
    return new OFPUnparseableMsg({
      datapath,
      version: jInt(d, 'version', 0),
      msg_type: jInt(d, 'msg_type', 0),
      msg_len: jIntOrNull(d, 'msg_len', null) ?? OFP_HEADER_SIZE + bodyBytes.length,
      xid: jInt(d, 'xid', 0),
      body: bodyBytes,
    });
  }
}

/** What an `openflow` header carries. */
export type OpenflowMsg = MsgBase | OFPUnparseableMsg;

export interface OpenflowOpts {
  msg?: OpenflowMsg;
}

/** Versions tried (in order) when a message JSON does not say which version it is. */
const JSON_VERSION_ORDER = [4, 5, 6, 3, 1] as const;

export class Openflow extends PacketBase {
  static override readonly jsonName = 'openflow';
  static override readonly MIN_LEN = OFP_HEADER_SIZE;
  static readonly PACK_STR = '!BBHI';

  msg: OpenflowMsg;

  constructor(opts: OpenflowOpts = {}) {
    super();
    this.msg = opts.msg ?? new OFPUnparseableMsg();
  }

  static override decode(r: Reader, ctx: DecodeCtx): Openflow {
    need(r, OFP_HEADER_SIZE, 'openflow');
    const p = r.pos;
    const b = r.bytes;
    const version = b[p]!;
    const msgType = b[p + 1]!;
    const msgLen = r.view.getUint16(p + 2);
    const xid = r.view.getUint32(p + 4);
    // os-ken would return `buf[0:]` as the rest forever (one header per loop)
    if (msgLen === 0) throw new PacketMalformed('openflow', 'message length 0', p);
    const end = Math.min(p + msgLen, r.end);
    let m: OpenflowMsg;
    if (!(SUPPORTED_VERSIONS as readonly number[]).includes(version)) {
      m = new OFPUnparseableMsg({ datapath: null, version, msg_type: msgType, msg_len: msgLen, xid, body: b.slice(Math.min(p + OFP_HEADER_SIZE, end), end) });
    } else {
      // os-ken: datapath = ProtocolDesc(version=version), also on the parsed message
      const dp = new ProtocolDesc(version);
      try {
        // the codec keeps a view of its input as `buf`: give it its own copy
        m = ofpMsg(dp, version, msgType, msgLen, xid, b.slice(p, end), { oskenCompat: true });
      } catch (e) {
        // os-ken: bare `except:` around the message parser
        if (!(e instanceof OskenError) && !(e instanceof RangeError) && !(e instanceof TypeError)) throw e;
        m = new OFPUnparseableMsg({ datapath: dp, version, msg_type: msgType, msg_len: msgLen, xid, body: b.slice(Math.min(p + OFP_HEADER_SIZE, end), end) });
      }
    }
    ctx.next = Openflow;
    sliceRest(r, p + msgLen);
    return new Openflow({ msg: m });
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    this.msg.serialize();
    out.prependBytes(this.msg.buf!);
  }

  override toJsonFields(): JsonObject {
    return { msg: this.msg.toJsonDict() };
  }

  /**
   * `{"msg": {"ClassName": {...}}}`. os-ken's JSON of a parsed message does
   * not carry its version: give it as `"version"` beside `"msg"`, otherwise
   * the first of OpenFlow 1.3, 1.4, 1.5, 1.2, 1.0 that knows the class is used.
   */
  static override fromJsonDict(d: JsonObject): Openflow {
    const mj = jObj(d.msg, 'openflow.msg');
    const [name, body] = jClass(mj, 'openflow.msg');
    if (name === OFPUnparseableMsg.jsonName) return new Openflow({ msg: OFPUnparseableMsg.fromJsonDict(body) });
    const hint = jIntOrNull(d, 'version', null) ?? jIntOrNull(body, 'version', null);
    const versions: readonly number[] = hint !== null ? [hint] : JSON_VERSION_ORDER;
    for (const v of versions) {
      const cls = lookupClass(v, name);
      if (cls && cls.prototype instanceof MsgBase) {
        const m = ofpMsgFromJsonDict(null, mj, v);
        const x = body.xid;
        if (typeof x === 'number' && Number.isInteger(x)) m.xid = x;
        return new Openflow({ msg: m });
      }
    }
    throw new JsonDictError(`openflow: ${name} is not an OpenFlow message class${hint !== null ? ` of version ${hint}` : ''}`);
  }
}

registerProtocol(Openflow);
TCP.registerPortRule(20, (s, d) => s === 6653 || s === 6633 || d === 6653 || d === 6633, Openflow);
