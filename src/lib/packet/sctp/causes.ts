/**
 * SCTP error causes carried by ABORT and ERROR chunks (os-ken sctp.cause_*).
 * A cause's os-ken `__len__` is its length rounded up to 4.
 */
import { Writer } from '../../../wire/writer.js';
import type { JsonObject, JsonValue } from '../../../wire/json/json.js';
import { JsonDictError } from '../../../wire/errors.js';
import { jArr, jClass, jInt } from '../packet_base.js';
import {
  CCODE_COOKIE_WHILE_SHUTDOWN,
  CCODE_INVALID_PARAM,
  CCODE_INVALID_STREAM_ID,
  CCODE_MISSING_PARAM,
  CCODE_NO_USERDATA,
  CCODE_OUT_OF_RESOURCE,
  CCODE_PROTOCOL_VIOLATION,
  CCODE_RESTART_WITH_NEW_ADDR,
  CCODE_STALE_COOKIE,
  CCODE_UNRECOGNIZED_CHUNK,
  CCODE_UNRECOGNIZED_PARAM,
  CCODE_UNRESOLVABLE_ADDR,
  CCODE_USER_INITIATED_ABORT,
  Span,
  bad,
  jIntList,
  need,
} from './common.js';
import type { TlvCodec } from './tlv.js';
import { PaddedTlv, bytesTlvCodec, bytesTlvFields, writeBytesTlv, writeTlv } from './tlv.js';
import { ADDR_PARAMS, Param, paramFromJson, parseOneParam, parseParams } from './params.js';

export abstract class Cause extends PaddedTlv {
  static override readonly jsonName: string = 'cause';
  static readonly CAUSE_CODE: number = -1;
  get causeCode(): number {
    return (this.constructor as typeof Cause).CAUSE_CODE;
  }
}

/** A cause with only its 4-byte header (os-ken cause). */
export abstract class HeaderOnlyCause extends Cause {
  constructor(length = 0) {
    super(length);
  }
  write(w: Writer): void {
    if (this.length === 0) this.length = 4;
    w.u16(this.causeCode);
    w.u16(this.length);
  }
  toJsonFields(): JsonObject {
    return { length: this.length };
  }
}
export class CauseOutOfResource extends HeaderOnlyCause {
  static override readonly jsonName = 'cause_out_of_resource';
  static override readonly CAUSE_CODE = CCODE_OUT_OF_RESOURCE;
}
export class CauseInvalidParam extends HeaderOnlyCause {
  static override readonly jsonName = 'cause_invalid_param';
  static override readonly CAUSE_CODE = CCODE_INVALID_PARAM;
}
export class CauseCookieWhileShutdown extends HeaderOnlyCause {
  static override readonly jsonName = 'cause_cookie_while_shutdown';
  static override readonly CAUSE_CODE = CCODE_COOKIE_WHILE_SHUTDOWN;
}

/** A cause whose value is raw bytes (os-ken cause_with_value). */
export abstract class BytesCause extends Cause {
  value: Uint8Array | null;
  constructor(value: Uint8Array | null = null, length = 0) {
    super(length);
    this.value = value;
  }
  write(w: Writer): void {
    writeBytesTlv(w, this.causeCode, this);
  }
  toJsonFields(): JsonObject {
    return bytesTlvFields(this);
  }
}
export class CauseStaleCookie extends BytesCause {
  static override readonly jsonName = 'cause_stale_cookie';
  static override readonly CAUSE_CODE = CCODE_STALE_COOKIE;
}
export class CauseUnrecognizedChunk extends BytesCause {
  static override readonly jsonName = 'cause_unrecognized_chunk';
  static override readonly CAUSE_CODE = CCODE_UNRECOGNIZED_CHUNK;
}
export class CauseUnrecognizedParam extends BytesCause {
  static override readonly jsonName = 'cause_unrecognized_param';
  static override readonly CAUSE_CODE = CCODE_UNRECOGNIZED_PARAM;
}
export class CauseNoUserdata extends BytesCause {
  static override readonly jsonName = 'cause_no_userdata';
  static override readonly CAUSE_CODE = CCODE_NO_USERDATA;
}
export class CauseUserInitiatedAbort extends BytesCause {
  static override readonly jsonName = 'cause_user_initiated_abort';
  static override readonly CAUSE_CODE = CCODE_USER_INITIATED_ABORT;
}
export class CauseProtocolViolation extends BytesCause {
  static override readonly jsonName = 'cause_protocol_violation';
  static override readonly CAUSE_CODE = CCODE_PROTOCOL_VIOLATION;
}

export class CauseInvalidStreamId extends Cause {
  static override readonly jsonName = 'cause_invalid_stream_id';
  static override readonly CAUSE_CODE = CCODE_INVALID_STREAM_ID;
  value: number;
  constructor(value = 0, length = 0) {
    super(length);
    this.value = value;
  }
  write(w: Writer): void {
    if (this.length === 0) this.length = 8;
    w.u16(CCODE_INVALID_STREAM_ID);
    w.u16(this.length);
    w.u16(this.value);
    w.zeros(2);
  }
  toJsonFields(): JsonObject {
    return { length: this.length, value: this.value };
  }
}

export class CauseMissingParam extends Cause {
  static override readonly jsonName = 'cause_missing_param';
  static override readonly CAUSE_CODE = CCODE_MISSING_PARAM;
  types: number[];
  num: number;
  constructor(types: number[] = [], num = 0, length = 0) {
    super(length);
    this.types = types;
    this.num = num;
  }
  write(w: Writer): void {
    const at = w.pos;
    w.u16(CCODE_MISSING_PARAM);
    w.u16(this.length);
    w.u32(this.num >>> 0);
    for (const t of this.types) w.u16(t);
    if (this.num === 0) {
      this.num = this.types.length;
      w.patch32(at + 4, this.num);
    }
    if (this.length === 0) {
      this.length = w.pos - at;
      w.patch16(at + 2, this.length);
    }
    w.align(at, 4);
  }
  toJsonFields(): JsonObject {
    return { length: this.length, num: this.num, types: this.types.slice() };
  }
}

export class CauseUnresolvableAddr extends Cause {
  static override readonly jsonName = 'cause_unresolvable_addr';
  static override readonly CAUSE_CODE = CCODE_UNRESOLVABLE_ADDR;
  value: Param;
  constructor(value: Param, length = 0) {
    super(length);
    this.value = value;
  }
  write(w: Writer): void {
    writeTlv(w, CCODE_UNRESOLVABLE_ADDR, this, () => this.value.write(w));
  }
  toJsonFields(): JsonObject {
    return { length: this.length, value: this.value.toJsonDict() };
  }
}

export class CauseRestartWithNewAddr extends Cause {
  static override readonly jsonName = 'cause_restart_with_new_addr';
  static override readonly CAUSE_CODE = CCODE_RESTART_WITH_NEW_ADDR;
  value: Param[];
  constructor(value: Param[] | Param = [], length = 0) {
    super(length);
    this.value = Array.isArray(value) ? value : [value];
  }
  write(w: Writer): void {
    writeTlv(w, CCODE_RESTART_WITH_NEW_ADDR, this, () => {
      for (const p of this.value) p.write(w);
    });
  }
  toJsonFields(): JsonObject {
    return { length: this.length, value: this.value.map((p) => p.toJsonDict()) };
  }
}

type CauseCodec = TlvCodec<Cause>;

function headerCodec<T extends Cause>(C: { new (l: number): T; readonly jsonName: string }): CauseCodec {
  return {
    jsonName: C.jsonName,
    parse: (s, at) => {
      need(s, at, 4);
      return new C(s.v.getUint16(at + 2));
    },
    fromJson: (d) => new C(jInt(d, 'length', 0)),
  };
}

const bytesCodec = (C: { new (v: Uint8Array | null, l: number): Cause; readonly jsonName: string }): CauseCodec => bytesTlvCodec(C);

const CODECS: CauseCodec[] = [
  {
    jsonName: CauseInvalidStreamId.jsonName,
    parse: (s, at) => {
      need(s, at, 8);
      return new CauseInvalidStreamId(s.v.getUint16(at + 4), s.v.getUint16(at + 2));
    },
    fromJson: (d) => new CauseInvalidStreamId(jInt(d, 'value', 0), jInt(d, 'length', 0)),
  },
  {
    jsonName: CauseMissingParam.jsonName,
    parse: (s, at) => {
      need(s, at, 8);
      const num = s.v.getUint32(at + 4);
      // os-ken reads `num` u16 values; a count beyond the packet raises struct.error
      need(s, at + 8, num * 2);
      const types: number[] = [];
      for (let i = 0; i < num; i++) types.push(s.v.getUint16(at + 8 + 2 * i));
      return new CauseMissingParam(types, num, s.v.getUint16(at + 2));
    },
    fromJson: (d) => new CauseMissingParam(jIntList(d, 'types'), jInt(d, 'num', 0), jInt(d, 'length', 0)),
  },
  bytesCodec(CauseStaleCookie),
  headerCodec(CauseOutOfResource),
  {
    jsonName: CauseUnresolvableAddr.jsonName,
    parse: (s, at) => {
      need(s, at, 4);
      return new CauseUnresolvableAddr(parseOneParam(s, at + 4, ADDR_PARAMS), s.v.getUint16(at + 2));
    },
    fromJson: (d) => new CauseUnresolvableAddr(paramFromJson(d.value), jInt(d, 'length', 0)),
  },
  bytesCodec(CauseUnrecognizedChunk),
  headerCodec(CauseInvalidParam),
  bytesCodec(CauseUnrecognizedParam),
  bytesCodec(CauseNoUserdata),
  headerCodec(CauseCookieWhileShutdown),
  {
    jsonName: CauseRestartWithNewAddr.jsonName,
    parse: (s, at) => {
      need(s, at, 4);
      const length = s.v.getUint16(at + 2);
      return new CauseRestartWithNewAddr(parseParams(s, at, 4, length, ADDR_PARAMS), length);
    },
    fromJson: (d) => new CauseRestartWithNewAddr((jArr(d, 'value') ?? []).map((x) => paramFromJson(x)), jInt(d, 'length', 0)),
  },
  bytesCodec(CauseUserInitiatedAbort),
  bytesCodec(CauseProtocolViolation),
];

/** cause code -> codec (os-ken chunk_abort/chunk_error._RECOGNIZED_CAUSES; both hold every cause). */
const BY_CODE = new Map<number, CauseCodec>(CODECS.map((c, i) => [i + 1, c]));
const BY_NAME = new Map<string, CauseCodec>(CODECS.map((c) => [c.jsonName, c]));

/** os-ken's cause loop of ABORT/ERROR: `offset = 4; while offset < length`, stops at an unknown code. */
export function parseCauses(s: Span, at: number, length: number): Cause[] {
  const out: Cause[] = [];
  let off = 4;
  while (off < length) {
    need(s, at + off, 2);
    const c = BY_CODE.get(s.v.getUint16(at + off));
    if (!c) break;
    const x = c.parse(s, at + off);
    if (x.size === 0) bad('zero-length error cause (os-ken loops forever)', at + off);
    out.push(x);
    off += x.size;
  }
  return out;
}

export function causeFromJson(v: JsonValue | undefined): Cause {
  const [name, body] = jClass(v, 'sctp cause');
  const c = BY_NAME.get(name);
  if (!c) throw new JsonDictError(`unknown SCTP cause ${name}`);
  return c.fromJson(body);
}
