/**
 * CFM constants and small shared helpers (os-ken os_ken/lib/packet/cfm.py).
 */
import type { Reader } from '../../../wire/reader.js';
import { base64Decode, base64Encode, type JsonObject } from '../../../wire/json/json.js';
import { JsonDictError, PacketMalformed, PacketTruncated } from '../../../wire/errors.js';

export const CFM_CC_MESSAGE = 1;
export const CFM_LOOPBACK_REPLY = 2;
export const CFM_LOOPBACK_MESSAGE = 3;
export const CFM_LINK_TRACE_REPLY = 4;
export const CFM_LINK_TRACE_MESSAGE = 5;
export const CFM_END_TLV = 0;
export const CFM_SENDER_ID_TLV = 1;
export const CFM_PORT_STATUS_TLV = 2;
export const CFM_DATA_TLV = 3;
export const CFM_INTERFACE_STATUS_TLV = 4;
export const CFM_REPLY_INGRESS_TLV = 5;
export const CFM_REPLY_EGRESS_TLV = 6;
export const CFM_LTM_EGRESS_IDENTIFIER_TLV = 7;
export const CFM_LTR_EGRESS_IDENTIFIER_TLV = 8;
export const CFM_ORGANIZATION_SPECIFIC_TLV = 31;
export const CFM_VERSION = 0;

export const L = 'cfm';

export function need(r: Reader, off: number, n: number): void {
  if (off + n > r.end || n < 0) throw new PacketTruncated(L, n, r.end - off, off);
}
export function bad(what: string, off: number): never {
  throw new PacketMalformed(L, what, off);
}
export function bytesField(d: JsonObject, k: string, dflt: Uint8Array): Uint8Array {
  const v = d[k];
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'string') return base64Decode(v);
  throw new JsonDictError(`field ${k}: expected base64 string`);
}
export const b64 = (b: Uint8Array): string => base64Encode(b);
