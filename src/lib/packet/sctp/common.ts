/**
 * SCTP shared pieces: constants, bounds checks, JSON helpers and the
 * CRC32c (RFC 4960 appendix B / RFC 3309) used by `SCTP.serialize`.
 */
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../../wire/json/json.js';
import { JsonDictError, PacketMalformed, PacketTruncated } from '../../../wire/errors.js';

export const TYPE_DATA = 0;
export const TYPE_INIT = 1;
export const TYPE_INIT_ACK = 2;
export const TYPE_SACK = 3;
export const TYPE_HEARTBEAT = 4;
export const TYPE_HEARTBEAT_ACK = 5;
export const TYPE_ABORT = 6;
export const TYPE_SHUTDOWN = 7;
export const TYPE_SHUTDOWN_ACK = 8;
export const TYPE_ERROR = 9;
export const TYPE_COOKIE_ECHO = 10;
export const TYPE_COOKIE_ACK = 11;
export const TYPE_ECN_ECHO = 12;
export const TYPE_CWR = 13;
export const TYPE_SHUTDOWN_COMPLETE = 14;

export const CCODE_INVALID_STREAM_ID = 1;
export const CCODE_MISSING_PARAM = 2;
export const CCODE_STALE_COOKIE = 3;
export const CCODE_OUT_OF_RESOURCE = 4;
export const CCODE_UNRESOLVABLE_ADDR = 5;
export const CCODE_UNRECOGNIZED_CHUNK = 6;
export const CCODE_INVALID_PARAM = 7;
export const CCODE_UNRECOGNIZED_PARAM = 8;
export const CCODE_NO_USERDATA = 9;
export const CCODE_COOKIE_WHILE_SHUTDOWN = 10;
export const CCODE_RESTART_WITH_NEW_ADDR = 11;
export const CCODE_USER_INITIATED_ABORT = 12;
export const CCODE_PROTOCOL_VIOLATION = 13;

export const PTYPE_HEARTBEAT = 1;
export const PTYPE_IPV4 = 5;
export const PTYPE_IPV6 = 6;
export const PTYPE_STATE_COOKIE = 7;
export const PTYPE_UNRECOGNIZED_PARAM = 8;
export const PTYPE_COOKIE_PRESERVE = 9;
export const PTYPE_HOST_ADDR = 11;
export const PTYPE_SUPPORTED_ADDR = 12;
export const PTYPE_ECN = 32768;

export const L = 'sctp';

/** The bytes a sub-structure decoder sees: os-ken hands every chunk/param/cause `buf[offset:]` (to the end of the SCTP packet). */
export interface Span {
  readonly b: Uint8Array;
  readonly v: DataView;
  /** end of the SCTP packet */
  readonly end: number;
}

/** struct.unpack_from would raise struct.error: [at, at+n) is not inside the packet. */
export function need(s: Span, at: number, n: number): void {
  if (n < 0 || at + n > s.end) throw new PacketTruncated(L, n, s.end - at, at);
}

export function bad(detail: string, at: number): never {
  throw new PacketMalformed(L, detail, at);
}

/** Round up to a multiple of 4 (os-ken's __len__ of params and causes). */
export function pad4(n: number): number {
  return (n + 3) & ~3;
}

export function b64OrNull(b: Uint8Array | null): JsonValue {
  return b === null ? null : base64Encode(b);
}

export function jBytesOrNull(d: JsonObject, k: string): Uint8Array | null {
  const v = d[k];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return base64Decode(v);
  throw new JsonDictError(`field ${k}: expected base64 string or null`);
}

export function jIntList(d: JsonObject, k: string): number[] {
  const v = d[k];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new JsonDictError(`field ${k}: expected array`);
  return v.map((x) => {
    if (typeof x !== 'number' || !Number.isInteger(x)) throw new JsonDictError(`field ${k}: expected integers`);
    return x;
  });
}

const CRC32C_TABLE = ((): Uint32Array => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

/** CRC32c (Castagnoli) of b[start, end). */
export function crc32c(b: Uint8Array, start = 0, end = b.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC32C_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
