/**
 * SCTP variable-length parameters (os-ken sctp.param_*). A parameter's
 * os-ken `__len__` is its length rounded up to 4; a zero length would make
 * os-ken loop forever, here it is a PacketMalformed (raw payload).
 */
import { Writer } from '../../../wire/writer.js';
import { ipv4ToBin, ipv4ToText, ipv6ToBin, ipv6ToText } from '../../../wire/addrconv.js';
import type { JsonObject, JsonValue } from '../../../wire/json/json.js';
import { JsonDictError } from '../../../wire/errors.js';
import { jClass, jInt, jStr } from '../packet_base.js';
import {
  PTYPE_COOKIE_PRESERVE,
  PTYPE_ECN,
  PTYPE_HEARTBEAT,
  PTYPE_HOST_ADDR,
  PTYPE_IPV4,
  PTYPE_IPV6,
  PTYPE_STATE_COOKIE,
  PTYPE_SUPPORTED_ADDR,
  PTYPE_UNRECOGNIZED_PARAM,
  Span,
  bad,
  jIntList,
  need,
} from './common.js';
import type { TlvCodec } from './tlv.js';
import { PaddedTlv, bytesTlvCodec, bytesTlvFields, readBytesTlv, writeBytesTlv, writeTlv } from './tlv.js';

export abstract class Param extends PaddedTlv {
  static override readonly jsonName: string = 'param';
  static readonly PARAM_TYPE: number = -1;
  get paramType(): number {
    return (this.constructor as typeof Param).PARAM_TYPE;
  }
}

/** A parameter whose value is raw bytes (None when the length is <= 4). */
export abstract class BytesParam extends Param {
  value: Uint8Array | null;
  constructor(value: Uint8Array | null = null, length = 0) {
    super(length);
    this.value = value;
  }
  static readBytes(s: Span, at: number): [Uint8Array | null, number] {
    return readBytesTlv(s, at);
  }
  write(w: Writer): void {
    writeBytesTlv(w, this.paramType, this);
  }
  toJsonFields(): JsonObject {
    return bytesTlvFields(this);
  }
}

export class ParamHeartbeat extends BytesParam {
  static override readonly jsonName = 'param_heartbeat';
  static override readonly PARAM_TYPE = PTYPE_HEARTBEAT;
}
export class ParamStateCookie extends BytesParam {
  static override readonly jsonName = 'param_state_cookie';
  static override readonly PARAM_TYPE = PTYPE_STATE_COOKIE;
}
export class ParamUnrecognizedParam extends BytesParam {
  static override readonly jsonName = 'param_unrecognized_param';
  static override readonly PARAM_TYPE = PTYPE_UNRECOGNIZED_PARAM;
}
export class ParamHostAddr extends BytesParam {
  static override readonly jsonName = 'param_host_addr';
  static override readonly PARAM_TYPE = PTYPE_HOST_ADDR;
}

export class ParamEcn extends BytesParam {
  static override readonly jsonName = 'param_ecn';
  static override readonly PARAM_TYPE = PTYPE_ECN;
  constructor(value: Uint8Array | null = null, length = 0) {
    // os-ken asserts `4 == length or 0 == length` and `value is None`
    if ((length !== 4 && length !== 0) || value !== null) bad(`param_ecn: length ${length} / value must be 4 / None`, 0);
    super(null, length);
  }
}

export class ParamCookiePreserve extends Param {
  static override readonly jsonName = 'param_cookie_preserve';
  static override readonly PARAM_TYPE = PTYPE_COOKIE_PRESERVE;
  value: number;
  constructor(value = 0, length = 0) {
    super(length);
    this.value = value;
  }
  static parse(s: Span, at: number): ParamCookiePreserve {
    need(s, at, 8);
    return new ParamCookiePreserve(s.v.getUint32(at + 4), s.v.getUint16(at + 2));
  }
  write(w: Writer): void {
    if (this.length === 0) this.length = 8;
    w.u16(PTYPE_COOKIE_PRESERVE);
    w.u16(this.length);
    w.u32(this.value >>> 0);
  }
  toJsonFields(): JsonObject {
    return { length: this.length, value: this.value };
  }
}

export class ParamSupportedAddr extends Param {
  static override readonly jsonName = 'param_supported_addr';
  static override readonly PARAM_TYPE = PTYPE_SUPPORTED_ADDR;
  value: number[];
  constructor(value: number[] | number = [], length = 0) {
    super(length);
    this.value = Array.isArray(value) ? value : [value];
  }
  static parse(s: Span, at: number): ParamSupportedAddr {
    need(s, at, 4);
    const length = s.v.getUint16(at + 2);
    const value: number[] = [];
    for (let off = 4; off < length; off += 2) {
      need(s, at + off, 2);
      value.push(s.v.getUint16(at + off));
    }
    return new ParamSupportedAddr(value, length);
  }
  write(w: Writer): void {
    writeTlv(w, PTYPE_SUPPORTED_ADDR, this, () => {
      for (const x of this.value) w.u16(x);
    });
  }
  toJsonFields(): JsonObject {
    return { length: this.length, value: this.value.slice() };
  }
}

/** How an address parameter stores its address. */
interface AddrFamily {
  readonly len: number;
  toBin(text: string): Uint8Array;
  toText(b: Uint8Array, off: number): string;
}

const familyOf = (cls: unknown): AddrFamily => (cls as { readonly FAMILY: AddrFamily }).FAMILY;

/** IPv4/IPv6 address parameter (value is text, os-ken `_TYPE ascii`). */
abstract class AddrParam extends Param {
  protected static readonly FAMILY: AddrFamily;
  value: string;
  constructor(value: string, length: number) {
    super(length);
    this.value = value;
  }
  static parse<T>(this: new (value: string, length: number) => T, s: Span, at: number): T {
    const family = familyOf(this);
    const n = family.len;
    need(s, at, 4);
    const length = s.v.getUint16(at + 2);
    // os-ken: value None (length <= 4) fails in bin_to_text, a wrong size raises struct.error
    if (length - 4 !== n) bad(`address parameter length ${length}`, at);
    need(s, at, length);
    return new this(family.toText(s.b, at + 4), length);
  }
  write(w: Writer): void {
    const family = familyOf(this.constructor);
    // os-ken: no padding (an address is a multiple of 4 already)
    writeTlv(
      w,
      this.paramType,
      this,
      () => {
        if (this.value) w.bytes(family.toBin(this.value));
      },
      false,
    );
  }
  toJsonFields(): JsonObject {
    return { length: this.length, value: this.value };
  }
}

export class ParamIpv4 extends AddrParam {
  static override readonly jsonName = 'param_ipv4';
  static override readonly PARAM_TYPE = PTYPE_IPV4;
  protected static override readonly FAMILY: AddrFamily = { len: 4, toBin: ipv4ToBin, toText: ipv4ToText };
  constructor(value = '127.0.0.1', length = 0) {
    super(value, length);
  }
}

export class ParamIpv6 extends AddrParam {
  static override readonly jsonName = 'param_ipv6';
  static override readonly PARAM_TYPE = PTYPE_IPV6;
  protected static override readonly FAMILY: AddrFamily = { len: 16, toBin: ipv6ToBin, toText: ipv6ToText };
  constructor(value = '::1', length = 0) {
    super(value, length);
  }
}

type ParamCodec = TlvCodec<Param>;

const bytesCodec = (C: { new (v: Uint8Array | null, l: number): Param; readonly jsonName: string }): ParamCodec => bytesTlvCodec(C);

export const P_HEARTBEAT = bytesCodec(ParamHeartbeat);
export const P_STATE_COOKIE = bytesCodec(ParamStateCookie);
export const P_UNRECOGNIZED = bytesCodec(ParamUnrecognizedParam);
export const P_HOST_ADDR = bytesCodec(ParamHostAddr);
export const P_ECN = bytesCodec(ParamEcn);
export const P_COOKIE_PRESERVE: ParamCodec = {
  jsonName: ParamCookiePreserve.jsonName,
  parse: (s, at) => ParamCookiePreserve.parse(s, at),
  fromJson: (d) => new ParamCookiePreserve(jInt(d, 'value', 0), jInt(d, 'length', 0)),
};
export const P_SUPPORTED_ADDR: ParamCodec = {
  jsonName: ParamSupportedAddr.jsonName,
  parse: (s, at) => ParamSupportedAddr.parse(s, at),
  fromJson: (d) => new ParamSupportedAddr(jIntList(d, 'value'), jInt(d, 'length', 0)),
};
export const P_IPV4: ParamCodec = {
  jsonName: ParamIpv4.jsonName,
  parse: (s, at) => ParamIpv4.parse(s, at),
  fromJson: (d) => new ParamIpv4(jStr(d, 'value', '127.0.0.1'), jInt(d, 'length', 0)),
};
export const P_IPV6: ParamCodec = {
  jsonName: ParamIpv6.jsonName,
  parse: (s, at) => ParamIpv6.parse(s, at),
  fromJson: (d) => new ParamIpv6(jStr(d, 'value', '::1'), jInt(d, 'length', 0)),
};

export type ParamTable = ReadonlyMap<number, ParamCodec>;

/** os-ken chunk_init._RECOGNIZED_PARAMS */
export const INIT_PARAMS: ParamTable = new Map([
  [PTYPE_IPV4, P_IPV4],
  [PTYPE_IPV6, P_IPV6],
  [PTYPE_COOKIE_PRESERVE, P_COOKIE_PRESERVE],
  [PTYPE_HOST_ADDR, P_HOST_ADDR],
  [PTYPE_SUPPORTED_ADDR, P_SUPPORTED_ADDR],
  [PTYPE_ECN, P_ECN],
]);
/** os-ken chunk_init_ack._RECOGNIZED_PARAMS */
export const INIT_ACK_PARAMS: ParamTable = new Map([
  [PTYPE_STATE_COOKIE, P_STATE_COOKIE],
  [PTYPE_UNRECOGNIZED_PARAM, P_UNRECOGNIZED],
  [PTYPE_ECN, P_ECN],
  [PTYPE_HOST_ADDR, P_HOST_ADDR],
  [PTYPE_IPV4, P_IPV4],
  [PTYPE_IPV6, P_IPV6],
]);
/** os-ken chunk_heartbeat(_ack)._RECOGNIZED_PARAMS */
export const HEARTBEAT_PARAMS: ParamTable = new Map([[PTYPE_HEARTBEAT, P_HEARTBEAT]]);
/** os-ken cause_unresolvable_addr / cause_restart_with_new_addr ._RECOGNIZED_PARAMS */
export const ADDR_PARAMS: ParamTable = new Map([
  [PTYPE_HOST_ADDR, P_HOST_ADDR],
  [PTYPE_IPV4, P_IPV4],
  [PTYPE_IPV6, P_IPV6],
]);

const ALL_PARAMS = new Map<string, ParamCodec>(
  [P_HEARTBEAT, P_STATE_COOKIE, P_UNRECOGNIZED, P_HOST_ADDR, P_ECN, P_COOKIE_PRESERVE, P_SUPPORTED_ADDR, P_IPV4, P_IPV6].map((c) => [c.jsonName, c]),
);

/** One parameter at `at` that must be of a recognised type (os-ken: `cls_.parser` on None raises AttributeError). */
export function parseOneParam(s: Span, at: number, table: ParamTable): Param {
  need(s, at, 2);
  const t = s.v.getUint16(at);
  const c = table.get(t);
  if (!c) bad(`unrecognised parameter type ${t}`, at);
  return c.parse(s, at);
}

/** os-ken's parameter loop `offset = off0; while offset < length` (offsets from `base`): stops at an unknown type. */
export function parseParams(s: Span, base: number, off0: number, length: number, table: ParamTable): Param[] {
  const out: Param[] = [];
  const start = base;
  let off = off0;
  while (off < length) {
    need(s, start + off, 2);
    const c = table.get(s.v.getUint16(start + off));
    if (!c) break;
    const p = c.parse(s, start + off);
    if (p.size === 0) bad('zero-length parameter (os-ken loops forever)', start + off);
    out.push(p);
    off += p.size;
  }
  return out;
}

export function paramFromJson(v: JsonValue | undefined): Param {
  const [name, body] = jClass(v, 'sctp param');
  const c = ALL_PARAMS.get(name);
  if (!c) throw new JsonDictError(`unknown SCTP parameter ${name}`);
  return c.fromJson(body);
}
