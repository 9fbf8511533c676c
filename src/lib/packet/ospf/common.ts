/**
 * OSPFv2 constants and helpers shared by the message, LSA and opaque-TLV
 * modules (os-ken os_ken/lib/packet/ospf.py).
 */
import { ipv4ToBin, ipv4ToText } from '../../../wire/addrconv.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../../wire/json/json.js';
import { JsonDictError, PacketMalformed, PacketTruncated } from '../../../wire/errors.js';

export const OSPF_VERSION = 2;
export const OSPF_MSG_UNKNOWN = 0;
export const OSPF_MSG_HELLO = 1;
export const OSPF_MSG_DB_DESC = 2;
export const OSPF_MSG_LS_REQ = 3;
export const OSPF_MSG_LS_UPD = 4;
export const OSPF_MSG_LS_ACK = 5;
export const OSPF_UNKNOWN_LSA = 0;
export const OSPF_ROUTER_LSA = 1;
export const OSPF_NETWORK_LSA = 2;
export const OSPF_SUMMARY_LSA = 3;
export const OSPF_ASBR_SUMMARY_LSA = 4;
export const OSPF_AS_EXTERNAL_LSA = 5;
export const OSPF_AS_NSSA_LSA = 7;
export const OSPF_OPAQUE_LINK_LSA = 9;
export const OSPF_OPAQUE_AREA_LSA = 10;
export const OSPF_OPAQUE_AS_LSA = 11;
export const OSPF_OPTION_T = 1;
export const OSPF_OPTION_E = 1 << 1;
export const OSPF_OPTION_MC = 1 << 2;
export const OSPF_OPTION_NP = 1 << 3;
export const OSPF_OPTION_EA = 1 << 4;
export const OSPF_OPTION_DC = 1 << 5;
export const OSPF_OPTION_DN = 1 << 7;
export const LSA_LINK_TYPE_P2P = 1;
export const LSA_LINK_TYPE_TRANSIT = 2;
export const LSA_LINK_TYPE_STUB = 3;
export const LSA_LINK_TYPE_VL = 4;
export const ROUTER_LSA_BORDER = 1;
export const ROUTER_LSA_EXTERNAL = 2;
export const ROUTER_LSA_VIRTUAL = 4;
export const ROUTER_LSA_NT = 16;
export const ROUTER_LSA_SHORTCUT = 32;
export const AS_EXTERNAL_METRIC = 128;
export const OSPF_OPAQUE_TYPE_UNKNOWN = 0;
export const OSPF_OPAQUE_TYPE_EXTENDED_PREFIX_LSA = 7;
export const OSPF_OPAQUE_TYPE_EXTENDED_LINK_LSA = 8;
export const OSPF_EXTENDED_PREFIX_TLV = 1;
export const OSPF_EXTENDED_PREFIX_SID_SUBTLV = 2;

export const L = 'ospf';

/**
 * The bytes being decoded: `b`/`v` over the frame, sub-parsers get an
 * absolute [start, end) range (os-ken hands them Python slices).
 */
export interface Bytes {
  readonly b: Uint8Array;
  readonly v: DataView;
}

/** os-ken raises struct.error / TooSmallException: n bytes are not there. */
export function need(at: number, n: number, end: number, what: string): void {
  if (at + n > end) throw new PacketTruncated(`${L}:${what}`, n, end - at, at);
}

export function bad(detail: string, at: number): never {
  throw new PacketMalformed(L, detail, at);
}

/**
 * os-ken's OSPF classes keep addresses as `str` without an `ascii`
 * annotation, so to_jsondict() writes them as base64 of the text.
 */
export function addrJson(text: string): string {
  return base64Encode(Buffer.from(text, 'utf8'));
}

/** Inverse of addrJson (a plain dotted quad is accepted too). */
export function addrFromJson(v: JsonValue | undefined, dflt: string, what: string): string {
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'string') throw new JsonDictError(`${what}: expected string`);
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v)) return v;
  return Buffer.from(base64Decode(v)).toString('utf8');
}

export function addrList(d: JsonObject, k: string): string[] {
  const v = d[k];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new JsonDictError(`${k}: expected array`);
  return v.map((x) => addrFromJson(x, '0.0.0.0', k));
}

export const ip4 = (b: Uint8Array, at: number): string => ipv4ToText(b, at);
export const ip4bin = (t: string): Uint8Array => ipv4ToBin(t);
