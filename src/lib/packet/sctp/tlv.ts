/**
 * The base of SCTP chunks, parameters and error causes: a length field
 * (0: computed when written) and os-ken's {"name": {fields}} JSON; and the
 * type-length-value writing and raw-value reading that parameters and
 * causes share.
 */
import type { Writer } from '../../../wire/writer.js';
import type { JsonObject } from '../../../wire/json/json.js';
import { jInt } from '../packet_base.js';
import { Span, b64OrNull, jBytesOrNull, need, pad4 } from './common.js';

export abstract class SctpPart {
  static readonly jsonName: string = '';
  length: number;
  constructor(length: number) {
    this.length = length;
  }
  /** os-ken serialize(): sets length when 0 */
  abstract write(w: Writer): void;
  abstract toJsonFields(): JsonObject;
  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof SctpPart).jsonName]: this.toJsonFields() };
  }
}

/** A parameter or an error cause: its os-ken `__len__` is its length padded to 4. */
export abstract class PaddedTlv extends SctpPart {
  get size(): number {
    return pad4(this.length);
  }
}

/** Write the TLV header, run body, back-patch a zero length, pad to 4 when `pad`. */
export function writeTlv(w: Writer, type: number, self: { length: number }, body: () => void, pad = true): void {
  const at = w.pos;
  w.u16(type);
  w.u16(self.length);
  body();
  if (self.length === 0) {
    self.length = w.pos - at;
    w.patch16(at + 2, self.length);
  }
  if (pad) w.align(at, 4);
}

/** A TLV whose value is raw bytes: [value (null when the length is <= 4), length]. */
export function readBytesTlv(s: Span, at: number): [Uint8Array | null, number] {
  need(s, at, 4);
  const length = s.v.getUint16(at + 2);
  let value: Uint8Array | null = null;
  if (length > 4) {
    need(s, at, length);
    value = s.b.slice(at + 4, at + length);
  }
  return [value, length];
}

/** A parameter or cause whose value is raw bytes (os-ken cause_with_value, param heartbeat...). */
export interface BytesTlv {
  length: number;
  value: Uint8Array | null;
}

export function writeBytesTlv(w: Writer, type: number, self: BytesTlv): void {
  writeTlv(w, type, self, () => {
    if (self.value !== null && self.value.length > 0) w.bytes(self.value);
  });
}

export function bytesTlvFields(self: BytesTlv): JsonObject {
  return { length: self.length, value: b64OrNull(self.value) };
}

/** How a parameter or cause list reads and rebuilds one kind of TLV. */
export interface TlvCodec<T> {
  readonly jsonName: string;
  parse(s: Span, at: number): T;
  fromJson(d: JsonObject): T;
}

export function bytesTlvCodec<T>(C: { new (v: Uint8Array | null, l: number): T; readonly jsonName: string }): TlvCodec<T> {
  return {
    jsonName: C.jsonName,
    parse: (s, at) => new C(...readBytesTlv(s, at)),
    fromJson: (d) => new C(jBytesOrNull(d, 'value'), jInt(d, 'length', 0)),
  };
}
