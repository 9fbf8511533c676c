/**
 * Packet-out `data` may be given in JSON as a packet library object (`{"Packet": {...}}`), as
 * os-ken accepts. The codecs must not import the packet library (it imports them: OpenFlow inside
 * TCP), so the packet library registers its JSON builder here when it loads.
 */
import { JsonDictError } from '../wire/errors.js';
import type { JsonValue } from '../wire/json/json.js';

type Builder = (j: JsonValue) => Uint8Array;
let builder: Builder | null = null;

export function setPacketJsonBuilder(fn: Builder): void {
  builder = fn;
}

export function packetFromJson(j: JsonValue): Uint8Array {
  if (!builder) throw new JsonDictError('{"Packet": ...} data needs the packet library: import osken/lib/packet/packet');
  return builder(j);
}
