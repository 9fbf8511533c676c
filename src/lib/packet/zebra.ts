/**
 * Zebra protocol messages, ZAPI versions 0-4 (os-ken os_ken/lib/packet/zebra.py).
 * Reached through TCP port 2600: from the daemon (src port) the route bodies
 * use their "from zebra" layout. Bodies and nexthops live in ./zebra/.
 *
 * os-ken reads the FRRouting version from its global config
 * (CONF['zapi'].frr_version, default '0.0'); here it is
 * `ZebraMessage.frrVersion` (major*10+minor, default 0), passed down as a
 * parse/serialize context.
 */
import type { Reader } from '../../wire/reader.js';
import { base64Decode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { JsonDictError, PacketMalformed, PacketTruncated } from '../../wire/errors.js';
import { DecodeCtx, PacketBase, PacketClass, SerializeBuffer, jClass, jInt, jIntOrNull, registerProtocol } from './packet_base.js';
import { TCP } from './tcp.js';
import { Cur, InterfaceLinkParams, NextHop, RegisteredNexthop, Writer, ZebraCtx, fromS64 } from './zebra/common.js';
import { BODY_BY_NAME, FRR_BODIES, ZEBRA_BODIES, ZebraBody, ZebraFields, ZVal, parseBody, writeBody } from './zebra/bodies.js';

export * from './zebra/common.js';
export { ZebraBody, ZEBRA_BODIES, FRR_BODIES, type BodyKind, type ZebraFields, type ZVal } from './zebra/bodies.js';

export const ZEBRA_PORT = 2600;
const MARKER = 0xff;
const LT_MARKER = 0xfe;

export interface ZebraMessageOpts {
  length?: number | null;
  version?: number;
  vrf_id?: number;
  command?: number | null;
  body?: ZebraBody | null;
}

export class ZebraMessage extends PacketBase {
  static override readonly jsonName: string = 'ZebraMessage';
  static override readonly MIN_LEN: number = 3;
  /** os-ken CONF['zapi'].frr_version as major*10+minor (0 = os-ken default '0.0') */
  static frrVersion = 0;

  private msgLength: number | null;
  version: number;
  vrf_id: number;
  command: number | null;
  body: ZebraBody | null;

  constructor(o: ZebraMessageOpts = {}) {
    super();
    this.msgLength = o.length ?? null;
    this.version = o.version ?? 3;
    this.vrf_id = o.vrf_id ?? 0;
    this.command = o.command ?? null;
    this.body = o.body ?? null;
  }

  /** os-ken `length` attribute (0 until decoded or serialized when constructed without one) */
  override get length(): number {
    return this.msgLength ?? 0;
  }
  override set length(v: number) {
    this.msgLength = v;
  }

  static headerSize(version: number): number {
    if (version === 0) return 3;
    if (version === 1 || version === 2) return 6;
    if (version === 3 || version === 4) return 8;
    throw new PacketMalformed('zebra', `unsupported Zebra protocol version ${version}`, 0);
  }

  protected static decodeImpl(r: Reader, ctx: DecodeCtx, fromZebra: boolean): ZebraMessage {
    const p = r.pos;
    const need = (n: number): void => {
      if (r.end - p < n) throw new PacketTruncated('zebra', n, r.end - p, p);
    };
    need(3);
    const v = r.view;
    const length = v.getUint16(p);
    const marker = v.getUint8(p + 2);
    let version = 0;
    let vrfId = 0;
    let command: number;
    let hdr: number;
    if (marker !== MARKER && marker !== LT_MARKER) {
      command = marker;
      hdr = 3;
    } else {
      need(6);
      version = v.getUint8(p + 3);
      if (version === 1 || version === 2) {
        command = v.getUint16(p + 4);
        hdr = 6;
      } else {
        need(8);
        vrfId = v.getUint16(p + 4);
        command = v.getUint16(p + 6);
        if (!(version === 3 || (version === 4 && marker === LT_MARKER))) throw new PacketMalformed('zebra', `marker ${marker}, version ${version}`, p);
        hdr = 8;
      }
    }
    // os-ken's rest is buf[length:]: a zero length would re-parse the same bytes forever
    if (length === 0) throw new PacketMalformed('zebra', 'length 0', p);
    const bodyEnd = Math.min(p + length, r.end);
    let body: ZebraBody | null = null;
    if (p + hdr < bodyEnd) {
      const zctx: ZebraCtx = { version, frr: ZebraMessage.frrVersion };
      const entry = (version === 4 ? FRR_BODIES : ZEBRA_BODIES).get(command);
      const [name, kind] = entry ?? ['ZebraUnknownMessage', 'unknown'];
      body = new ZebraBody(name, kind, parseBody(kind, new Cur(r, p + hdr, bodyEnd), zctx, fromZebra));
    }
    const msg = new ZebraMessage({ length, version, vrf_id: vrfId, command, body });
    r.pos = Math.min(p + length, r.end);
    ctx.next = fromZebra ? (ZebraMessageFromZebra as unknown as PacketClass) : (ZebraMessage as unknown as PacketClass);
    return msg;
  }

  static override decode(r: Reader, ctx: DecodeCtx): ZebraMessage {
    return ZebraMessage.decodeImpl(r, ctx, false);
  }

  override serialize(_payload: Uint8Array, _prev: PacketBase | null): Uint8Array {
    const zctx: ZebraCtx = { version: this.version, frr: ZebraMessage.frrVersion };
    const w = new Writer(128);
    const hdr = ZebraMessage.headerSize(this.version);
    w.zeros(hdr);
    if (this.body === null) {
      if (this.command === null) throw new PacketMalformed('zebra', 'command is required without a body', 0);
    } else {
      const e = BODY_BY_NAME.get(this.body.jsonName);
      const cmd = e ? (this.version === 4 ? e.frr : e.zebra) : null;
      // os-ken _fill_command: the unknown-message class maps back to None
      this.command = cmd ?? (this.body.kind === 'unknown' ? this.command : null);
      if (this.command === null) throw new PacketMalformed('zebra', `${this.body.jsonName} has no command in version ${this.version}`, 0);
      writeBody(this.body, w, zctx);
    }
    const len = w.pos;
    this.msgLength = len;
    const v = w.view;
    v.setUint16(0, len);
    if (this.version === 0) v.setUint8(2, this.command);
    else if (hdr === 6) {
      v.setUint8(2, MARKER);
      v.setUint8(3, this.version);
      v.setUint16(4, this.command);
    } else {
      v.setUint8(2, this.version === 3 ? MARKER : LT_MARKER);
      v.setUint8(3, this.version);
      v.setUint16(4, this.vrf_id);
      v.setUint16(6, this.command);
    }
    return w.buf.slice(0, len);
  }

  override serializeInto(out: SerializeBuffer, prev: PacketBase | null): void {
    out.prependBytes(this.serialize(out.bytes(), prev));
  }

  override toJsonFields(): JsonObject {
    return {
      body: this.body === null ? null : this.body.toJsonDict(),
      command: this.command,
      length: this.msgLength,
      version: this.version,
      vrf_id: this.vrf_id,
    };
  }

  static override fromJsonDict(d: JsonObject): ZebraMessage {
    let body: ZebraBody | null = null;
    if (d.body !== undefined && d.body !== null) {
      const [name, fields] = jClass(d.body, 'ZebraMessage.body');
      const e = BODY_BY_NAME.get(name);
      if (!e) throw new JsonDictError(`unknown Zebra body ${name}`);
      body = new ZebraBody(name, e.kind, fieldsFromJson(fields));
    }
    return new ZebraMessage({
      length: jIntOrNull(d, 'length', null),
      version: jInt(d, 'version', 3),
      vrf_id: jInt(d, 'vrf_id', 0),
      command: jIntOrNull(d, 'command', null),
      body,
    });
  }
}

/** Byte-string attributes (everything else that is a JSON string is a Python str). */
const BYTES_FIELDS = new Set(['buf']);

function fieldsFromJson(d: JsonObject): ZebraFields {
  const out: ZebraFields = {};
  for (const k of Object.keys(d)) out[k] = valFromJson(k, d[k]!);
  return out;
}

function valFromJson(k: string, v: JsonValue): ZVal {
  if (v === null || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return k === 'if_flags' && typeof v === 'number' ? BigInt(v) : v;
  if (typeof v === 'string') return BYTES_FIELDS.has(k) || k === 'hw_addr' ? hwOrBytes(k, v) : (fromS64(v) ?? '');
  if (Array.isArray(v)) return v.map((x) => valFromJson(k, x));
  const [name, inner] = jClass(v, k);
  if (name === 'RegisteredNexthop') return new RegisteredNexthop(inner.connected === true, jInt(inner, 'family', 0), fromS64(inner.prefix) ?? '');
  if (name === 'InterfaceLinkParams') {
    const n = (x: string): number => (typeof inner[x] === 'number' ? (inner[x] as number) : 0);
    const ub = Array.isArray(inner.unreserved_bw) ? inner.unreserved_bw.map((x) => (typeof x === 'number' ? x : 0)) : [];
    return new InterfaceLinkParams({
      lp_status: n('lp_status'),
      te_metric: n('te_metric'),
      max_bw: n('max_bw'),
      max_reserved_bw: n('max_reserved_bw'),
      unreserved_bw: ub,
      admin_group: n('admin_group'),
      remote_as: n('remote_as'),
      remote_ip: fromS64(inner.remote_ip) ?? '0.0.0.0',
      average_delay: n('average_delay'),
      min_delay: n('min_delay'),
      max_delay: n('max_delay'),
      delay_var: n('delay_var'),
      pkt_loss: n('pkt_loss'),
      residual_bw: n('residual_bw'),
      average_bw: n('average_bw'),
      utilized_bw: n('utilized_bw'),
    });
  }
  return NextHop.fromJson(name, inner);
}

/** hw_addr is a MAC text (str) for 1..6-byte addresses, else raw bytes */
function hwOrBytes(k: string, v: string): ZVal {
  if (k === 'hw_addr') {
    const t = fromS64(v) ?? '';
    if (/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(t)) return t;
  }
  return base64Decode(v);
}

/** os-ken _ZebraMessageFromZebra: the decoder for messages sent by the Zebra daemon (TCP source port 2600). */
export class ZebraMessageFromZebra extends ZebraMessage {
  static override readonly jsonName: string = '_ZebraMessageFromZebra';
  static override decode(r: Reader, ctx: DecodeCtx): ZebraMessage {
    return ZebraMessage.decodeImpl(r, ctx, true);
  }
}

registerProtocol(ZebraMessage);
// os-ken tcp.get_payload_type: src port 2600 -> from zebra, dst port 2600 -> to zebra
TCP.registerPortRule(30, (s) => s === ZEBRA_PORT, ZebraMessageFromZebra);
TCP.registerPortRule(40, (_s, d) => d === ZEBRA_PORT, ZebraMessage);
