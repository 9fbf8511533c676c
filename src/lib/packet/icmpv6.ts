/** ICMPv6 (RFC 4443) with ND, MLD v1/v2 and echo bodies (os-ken os_ken/lib/packet/icmpv6.py). */
import type { Reader } from '../../wire/reader.js';
import { JsonDictError, PacketMalformed } from '../../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jClass, jInt, need, registerProtocol } from './packet_base.js';
import { asIpHeader, checksumIp } from './packet_utils.js';
import { IPPROTO_ICMPV6 } from './in_proto.js';
import { IPv6 } from './ipv6.js';
import { EchoBody } from './icmp_echo.js';
import { IcmpView, NdNeighbor, NdRouterAdvert, NdRouterSolicit, icmpNeed, jBytesOrNull } from './icmpv6_nd.js';
import { MLD, MLDv2Query, MLDv2Report, mldFromJson } from './icmpv6_mld.js';

export * from './icmpv6_nd.js';
export * from './icmpv6_mld.js';

export const ICMPV6_DST_UNREACH = 1;
export const ICMPV6_PACKET_TOO_BIG = 2;
export const ICMPV6_TIME_EXCEEDED = 3;
export const ICMPV6_PARAM_PROB = 4;
export const ICMPV6_ECHO_REQUEST = 128;
export const ICMPV6_ECHO_REPLY = 129;
export const MLD_LISTENER_QUERY = 130;
export const MLD_LISTENER_REPOR = 131;
export const MLD_LISTENER_DONE = 132;
export const MLDV2_LISTENER_REPORT = 143;
export const ICMPV6_MEMBERSHIP_QUERY = 130;
export const ICMPV6_MEMBERSHIP_REPORT = 131;
export const ICMPV6_MEMBERSHIP_REDUCTION = 132;
export const ND_ROUTER_SOLICIT = 133;
export const ND_ROUTER_ADVERT = 134;
export const ND_NEIGHBOR_SOLICIT = 135;
export const ND_NEIGHBOR_ADVERT = 136;
export const ND_REDIREC = 137;
export const ICMPV6_ROUTER_RENUMBERING = 138;
export const ICMPV6_WRUREQUEST = 139;
export const ICMPV6_WRUREPLY = 140;
export const ICMPV6_FQDN_QUERY = 139;
export const ICMPV6_FQDN_REPLY = 140;
export const ICMPV6_NI_QUERY = 139;
export const ICMPV6_NI_REPLY = 140;
export const ICMPV6_MAXTYPE = 201;

/** ICMPv6 Echo Request / Reply body. */
export class Echo6 extends EchoBody {
  static parse(x: IcmpView, p: number): Echo6 {
    icmpNeed(x, p, 4, 'icmpv6 echo');
    return new Echo6({ id_: x.v.getUint16(p), seq: x.v.getUint16(p + 2), data: x.end > p + 4 ? x.b.slice(p + 4, x.end) : null });
  }
}

export type ICMPv6Payload = Echo6 | NdNeighbor | NdRouterSolicit | NdRouterAdvert | MLD | MLDv2Query | MLDv2Report;

/** os-ken _ICMPV6_TYPES: types with a structured body. */
function hasBody(type: number): boolean {
  return (
    type === ICMPV6_ECHO_REQUEST ||
    type === ICMPV6_ECHO_REPLY ||
    type === ND_NEIGHBOR_SOLICIT ||
    type === ND_NEIGHBOR_ADVERT ||
    type === ND_ROUTER_SOLICIT ||
    type === ND_ROUTER_ADVERT ||
    type === MLD_LISTENER_QUERY ||
    type === MLD_LISTENER_REPOR ||
    type === MLD_LISTENER_DONE ||
    type === MLDV2_LISTENER_REPORT
  );
}

function parseBody(type: number, x: IcmpView, p: number): ICMPv6Payload {
  switch (type) {
    case ICMPV6_ECHO_REQUEST:
    case ICMPV6_ECHO_REPLY:
      return Echo6.parse(x, p);
    case ND_NEIGHBOR_SOLICIT:
    case ND_NEIGHBOR_ADVERT:
      return NdNeighbor.parse(x, p);
    case ND_ROUTER_SOLICIT:
      return NdRouterSolicit.parse(x, p);
    case ND_ROUTER_ADVERT:
      return NdRouterAdvert.parse(x, p);
    case MLDV2_LISTENER_REPORT:
      return MLDv2Report.parse(x, p);
    default:
      return MLD.parse(x, p);
  }
}

export interface ICMPv6Opts {
  type_?: number;
  code?: number;
  csum?: number;
  data?: ICMPv6Payload | Uint8Array;
}

export class ICMPv6 extends PacketBase {
  static override readonly jsonName = 'icmpv6';
  static override readonly MIN_LEN = 4;
  type_: number;
  code: number;
  csum: number;
  data: ICMPv6Payload | Uint8Array;

  constructor(opts: ICMPv6Opts = {}) {
    super();
    this.type_ = opts.type_ ?? 0;
    this.code = opts.code ?? 0;
    this.csum = opts.csum ?? 0;
    this.data = opts.data ?? new Uint8Array(0);
  }

  static override decode(r: Reader, ctx: DecodeCtx): ICMPv6 {
    need(r, 4, 'icmpv6');
    const p = r.pos;
    const b = r.bytes;
    const type = b[p]!;
    const msg = new ICMPv6({ type_: type, code: b[p + 1]!, csum: r.view.getUint16(p + 2) });
    const end = r.end;
    if (end > p + 4) {
      if (hasBody(type)) msg.data = parseBody(type, { b, v: r.view, end }, p + 4);
      else msg.data = b.slice(p + 4, end);
    }
    // os-ken returns (msg, None, None): ICMPv6 consumes the rest
    r.pos = end;
    ctx.next = null;
    return msg;
  }

  override serializeInto(out: SerializeBuffer, prev: PacketBase | null): void {
    const payloadLen = out.length;
    let body: Uint8Array | null = null;
    const d = this.data;
    if (d instanceof Uint8Array) {
      if (d.length > 0) {
        if (hasBody(this.type_)) throw new PacketMalformed('icmpv6', `type ${this.type_} needs a structured body, not bytes`, 0);
        body = d;
      }
    } else body = d.serialize();
    const hlen = 4 + (body ? body.length : 0);
    const at = out.prepend(hlen);
    out.buf[at] = this.type_;
    out.buf[at + 1] = this.code;
    out.view.setUint16(at + 2, this.csum);
    if (body) out.buf.set(body, at + 4);
    if (this.csum === 0) {
      // os-ken: pseudo-header length is the ICMPv6 header+body only, data summed includes the payload
      this.csum = checksumIp(asIpHeader(prev), hlen, out.buf, at, at + hlen + payloadLen, 'icmpv6');
      out.view.setUint16(at + 2, this.csum);
    }
  }

  override toJsonFields(): JsonObject {
    const d = this.data;
    return { code: this.code, csum: this.csum, data: d instanceof Uint8Array ? base64Encode(d) : d.toJsonDict(), type: this.type_ };
  }

  static override fromJsonDict(d: JsonObject): ICMPv6 {
    const raw: JsonValue | undefined = d.data;
    let data: ICMPv6Payload | Uint8Array;
    if (raw === undefined || raw === null) data = new Uint8Array(0);
    else if (typeof raw === 'string') data = base64Decode(raw);
    else {
      const [name, o] = jClass(raw, 'icmpv6 data');
      switch (name) {
        case 'echo':
          data = new Echo6({ id_: jInt(o, 'id', 0), seq: jInt(o, 'seq', 0), data: jBytesOrNull(o, 'data') });
          break;
        case 'nd_neighbor':
          data = NdNeighbor.fromJson(o);
          break;
        case 'nd_router_solicit':
          data = NdRouterSolicit.fromJson(o);
          break;
        case 'nd_router_advert':
          data = NdRouterAdvert.fromJson(o);
          break;
        case 'mld':
        case 'mldv2_query':
        case 'mldv2_report':
          data = mldFromJson(name, o);
          break;
        default:
          throw new JsonDictError(`unknown icmpv6 body ${name}`);
      }
    }
    return new ICMPv6({ type_: jInt(d, 'type', 0), code: jInt(d, 'code', 0), csum: jInt(d, 'csum', 0), data });
  }
}

registerProtocol(ICMPv6);
IPv6.registerPacketType(ICMPv6, IPPROTO_ICMPV6);
