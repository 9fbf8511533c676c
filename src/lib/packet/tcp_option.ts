/** TCP options (os-ken tcp.TCPOption and subclasses). */
import { JsonDictError } from '../../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { jArr, jClass, jInt, jIntOrNull, jStr } from './packet_base.js';

export const TCP_OPTION_KIND_END_OF_OPTION_LIST = 0;
export const TCP_OPTION_KIND_NO_OPERATION = 1;
export const TCP_OPTION_KIND_MAXIMUM_SEGMENT_SIZE = 2;
export const TCP_OPTION_KIND_WINDOW_SCALE = 3;
export const TCP_OPTION_KIND_SACK_PERMITTED = 4;
export const TCP_OPTION_KIND_SACK = 5;
export const TCP_OPTION_KIND_TIMESTAMPS = 8;
export const TCP_OPTION_KIND_USER_TIMEOUT = 28;
export const TCP_OPTION_KIND_AUTHENTICATION = 29;

/** Signals os-ken's struct.error inside the option list (the list becomes raw bytes). */
export class TCPOptionParseError extends Error {}

export abstract class TCPOption {
  static readonly jsonName: string = 'TCPOption';
  static readonly clsKind: number = -1;
  static readonly clsLength: number = 0;
  kind: number;
  length: number;

  constructor(kind: number, length: number) {
    this.kind = kind;
    this.length = length;
  }

  /** the option's own fields (besides kind and length) */
  protected fields(): JsonObject {
    return {};
  }

  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof TCPOption).jsonName]: { kind: this.kind, length: this.length, ...this.fields() } };
  }

  /** encoded length (also updates `length` where os-ken's serialize does) */
  wireLength(): number {
    return 1;
  }

  /** write the option at b[at..at+wireLength()) */
  write(b: Uint8Array, at: number): void {
    b[at] = (this.constructor as typeof TCPOption).clsKind & 0xff;
  }

  /** os-ken TCPOption.serialize() */
  serialize(): Uint8Array {
    const out = new Uint8Array(this.wireLength());
    this.write(out, 0);
    return out;
  }
}

export class TCPOptionEndOfOptionList extends TCPOption {
  static override readonly jsonName = 'TCPOptionEndOfOptionList';
  static override readonly clsKind = TCP_OPTION_KIND_END_OF_OPTION_LIST;
  static override readonly clsLength = 1;
  constructor(opts: { kind?: number | null; length?: number | null } = {}) {
    super(opts.kind ?? TCPOptionEndOfOptionList.clsKind, opts.length ?? TCPOptionEndOfOptionList.clsLength);
  }
}

export class TCPOptionNoOperation extends TCPOption {
  static override readonly jsonName = 'TCPOptionNoOperation';
  static override readonly clsKind = TCP_OPTION_KIND_NO_OPERATION;
  static override readonly clsLength = 1;
  constructor(opts: { kind?: number | null; length?: number | null } = {}) {
    super(opts.kind ?? TCPOptionNoOperation.clsKind, opts.length ?? TCPOptionNoOperation.clsLength);
  }
}

export class TCPOptionMaximumSegmentSize extends TCPOption {
  static override readonly jsonName = 'TCPOptionMaximumSegmentSize';
  static override readonly clsKind = TCP_OPTION_KIND_MAXIMUM_SEGMENT_SIZE;
  static override readonly clsLength = 4;
  max_seg_size: number;
  constructor(opts: { max_seg_size?: number; kind?: number | null; length?: number | null } = {}) {
    super(opts.kind ?? TCPOptionMaximumSegmentSize.clsKind, opts.length ?? TCPOptionMaximumSegmentSize.clsLength);
    this.max_seg_size = opts.max_seg_size ?? 0;
  }
  protected override fields(): JsonObject {
    return { max_seg_size: this.max_seg_size };
  }
  override wireLength(): number {
    return 4;
  }
  override write(b: Uint8Array, at: number): void {
    b[at] = this.kind;
    b[at + 1] = this.length;
    b[at + 2] = (this.max_seg_size >> 8) & 0xff;
    b[at + 3] = this.max_seg_size & 0xff;
  }

}

export class TCPOptionWindowScale extends TCPOption {
  static override readonly jsonName = 'TCPOptionWindowScale';
  static override readonly clsKind = TCP_OPTION_KIND_WINDOW_SCALE;
  static override readonly clsLength = 3;
  shift_cnt: number;
  constructor(opts: { shift_cnt?: number; kind?: number | null; length?: number | null } = {}) {
    super(opts.kind ?? TCPOptionWindowScale.clsKind, opts.length ?? TCPOptionWindowScale.clsLength);
    this.shift_cnt = opts.shift_cnt ?? 0;
  }
  protected override fields(): JsonObject {
    return { shift_cnt: this.shift_cnt };
  }
  override wireLength(): number {
    return 3;
  }
  override write(b: Uint8Array, at: number): void {
    b[at] = this.kind;
    b[at + 1] = this.length;
    b[at + 2] = this.shift_cnt;
  }

}

export class TCPOptionSACKPermitted extends TCPOption {
  static override readonly jsonName = 'TCPOptionSACKPermitted';
  static override readonly clsKind = TCP_OPTION_KIND_SACK_PERMITTED;
  static override readonly clsLength = 2;
  constructor(opts: { kind?: number | null; length?: number | null } = {}) {
    super(opts.kind ?? TCPOptionSACKPermitted.clsKind, opts.length ?? TCPOptionSACKPermitted.clsLength);
  }
  override wireLength(): number {
    return 2;
  }
  override write(b: Uint8Array, at: number): void {
    b[at] = this.kind;
    b[at + 1] = this.length;
  }

}

export class TCPOptionSACK extends TCPOption {
  static override readonly jsonName = 'TCPOptionSACK';
  static override readonly clsKind = TCP_OPTION_KIND_SACK;
  static override readonly clsLength = 2;
  /** [left edge, right edge] pairs */
  blocks: [number, number][];
  constructor(opts: { blocks?: [number, number][]; kind?: number | null; length?: number | null } = {}) {
    super(opts.kind ?? TCPOptionSACK.clsKind, opts.length ?? TCPOptionSACK.clsLength);
    this.blocks = opts.blocks ?? [];
  }
  protected override fields(): JsonObject {
    return { blocks: this.blocks.map(([l, r]) => [l, r]) };
  }
  override wireLength(): number {
    this.length = 2 + 8 * this.blocks.length;
    return this.length;
  }
  override write(b: Uint8Array, at: number): void {
    b[at] = this.kind;
    b[at + 1] = this.length & 0xff;
    let q = at + 2;
    for (const [l, r] of this.blocks) {
      put32(b, q, l);
      put32(b, q + 4, r);
      q += 8;
    }
  }

}

export class TCPOptionTimestamps extends TCPOption {
  static override readonly jsonName = 'TCPOptionTimestamps';
  static override readonly clsKind = TCP_OPTION_KIND_TIMESTAMPS;
  static override readonly clsLength = 10;
  ts_val: number;
  ts_ecr: number;
  constructor(opts: { ts_val?: number; ts_ecr?: number; kind?: number | null; length?: number | null } = {}) {
    super(opts.kind ?? TCPOptionTimestamps.clsKind, opts.length ?? TCPOptionTimestamps.clsLength);
    this.ts_val = opts.ts_val ?? 0;
    this.ts_ecr = opts.ts_ecr ?? 0;
  }
  protected override fields(): JsonObject {
    return { ts_ecr: this.ts_ecr, ts_val: this.ts_val };
  }
  override wireLength(): number {
    return 10;
  }
  override write(b: Uint8Array, at: number): void {
    b[at] = this.kind;
    b[at + 1] = this.length;
    put32(b, at + 2, this.ts_val);
    put32(b, at + 6, this.ts_ecr);
  }

}

export class TCPOptionUserTimeout extends TCPOption {
  static override readonly jsonName = 'TCPOptionUserTimeout';
  static override readonly clsKind = TCP_OPTION_KIND_USER_TIMEOUT;
  static override readonly clsLength = 4;
  granularity: number;
  user_timeout: number;
  constructor(opts: { granularity?: number; user_timeout?: number; kind?: number | null; length?: number | null } = {}) {
    super(opts.kind ?? TCPOptionUserTimeout.clsKind, opts.length ?? TCPOptionUserTimeout.clsLength);
    this.granularity = opts.granularity ?? 0;
    this.user_timeout = opts.user_timeout ?? 0;
  }
  protected override fields(): JsonObject {
    return { granularity: this.granularity, user_timeout: this.user_timeout };
  }
  override wireLength(): number {
    return 4;
  }
  override write(b: Uint8Array, at: number): void {
    const body = ((this.granularity << 15) | this.user_timeout) & 0xffff;
    b[at] = this.kind;
    b[at + 1] = this.length;
    b[at + 2] = body >> 8;
    b[at + 3] = body & 0xff;
  }

}

export class TCPOptionAuthentication extends TCPOption {
  static override readonly jsonName = 'TCPOptionAuthentication';
  static override readonly clsKind = TCP_OPTION_KIND_AUTHENTICATION;
  static override readonly clsLength = 4;
  key_id: number;
  r_next_key_id: number;
  mac: Uint8Array;
  constructor(opts: { key_id?: number; r_next_key_id?: number; mac?: Uint8Array; kind?: number | null; length?: number | null } = {}) {
    super(opts.kind ?? TCPOptionAuthentication.clsKind, opts.length ?? TCPOptionAuthentication.clsLength);
    this.key_id = opts.key_id ?? 0;
    this.r_next_key_id = opts.r_next_key_id ?? 0;
    this.mac = opts.mac ?? new Uint8Array(0);
  }
  protected override fields(): JsonObject {
    return { key_id: this.key_id, mac: base64Encode(this.mac), r_next_key_id: this.r_next_key_id };
  }
  override wireLength(): number {
    this.length = 4 + this.mac.length;
    return this.length;
  }
  override write(b: Uint8Array, at: number): void {
    b[at] = this.kind;
    b[at + 1] = this.length & 0xff;
    b[at + 2] = this.key_id;
    b[at + 3] = this.r_next_key_id;
    b.set(this.mac, at + 4);
  }

}

export class TCPOptionUnknown extends TCPOption {
  static override readonly jsonName = 'TCPOptionUnknown';
  value: Uint8Array;
  constructor(opts: { value?: Uint8Array | null; kind?: number | null; length?: number | null } = {}) {
    super(opts.kind ?? TCPOptionUnknown.clsKind, opts.length ?? TCPOptionUnknown.clsLength);
    this.value = opts.value ?? new Uint8Array(0);
  }
  protected override fields(): JsonObject {
    return { value: base64Encode(this.value) };
  }
  override wireLength(): number {
    this.length = 2 + this.value.length;
    return this.length;
  }
  override write(b: Uint8Array, at: number): void {
    b[at] = this.kind;
    b[at + 1] = this.length & 0xff;
    b.set(this.value, at + 2);
  }

}

function put32(b: Uint8Array, at: number, v: number): void {
  b[at] = (v >>> 24) & 0xff;
  b[at + 1] = (v >>> 16) & 0xff;
  b[at + 2] = (v >>> 8) & 0xff;
  b[at + 3] = v & 0xff;
}

function fail(): never {
  throw new TCPOptionParseError();
}

/** Offset just after the option most recently parsed by parseTcpOption. */
export let tcpOptionNext = 0;

/**
 * Parse one option at b[p..end) as os-ken does; the next offset is left in
 * tcpOptionNext (no tuple allocation per option).
 * Throws TCPOptionParseError where os-ken raises struct.error (and where os-ken
 * would loop forever on a zero length).
 */
export function parseTcpOption(b: Uint8Array, v: DataView, p: number, end: number): TCPOption {
  const kind = b[p]!;
  const avail = end - p;
  switch (kind) {
    case TCP_OPTION_KIND_END_OF_OPTION_LIST:
      tcpOptionNext = p + 1;
      return new TCPOptionEndOfOptionList();
    case TCP_OPTION_KIND_NO_OPERATION:
      tcpOptionNext = p + 1;
      return new TCPOptionNoOperation();
    case TCP_OPTION_KIND_MAXIMUM_SEGMENT_SIZE:
      if (avail < 4) fail();
      tcpOptionNext = p + 4;
      return new TCPOptionMaximumSegmentSize({ max_seg_size: v.getUint16(p + 2) });
    case TCP_OPTION_KIND_WINDOW_SCALE:
      if (avail < 3) fail();
      tcpOptionNext = p + 3;
      return new TCPOptionWindowScale({ shift_cnt: b[p + 2]! });
    case TCP_OPTION_KIND_SACK_PERMITTED:
      tcpOptionNext = p + 2;
      return new TCPOptionSACKPermitted();
    case TCP_OPTION_KIND_SACK: {
      if (avail < 2) fail();
      const length = b[p + 1]!;
      if (length === 0) fail();
      const blocks: [number, number][] = [];
      const bend = Math.min(p + length, end);
      for (let q = p + 2; q < bend; q += 8) {
        if (bend - q < 8) fail();
        blocks.push([v.getUint32(q), v.getUint32(q + 4)]);
      }
      tcpOptionNext = p + length;
      return new TCPOptionSACK({ blocks, length });
    }
    case TCP_OPTION_KIND_TIMESTAMPS:
      if (avail < 10) fail();
      tcpOptionNext = p + 10;
      return new TCPOptionTimestamps({ ts_val: v.getUint32(p + 2), ts_ecr: v.getUint32(p + 6) });
    case TCP_OPTION_KIND_USER_TIMEOUT: {
      if (avail < 4) fail();
      const body = v.getUint16(p + 2);
      tcpOptionNext = p + 4;
      return new TCPOptionUserTimeout({ granularity: body >> 15, user_timeout: body & 0x7fff });
    }
    case TCP_OPTION_KIND_AUTHENTICATION: {
      if (avail < 4) fail();
      const length = b[p + 1]!;
      if (length === 0) fail();
      const mac = b.slice(p + 4, Math.max(p + 4, Math.min(p + length, end)));
      tcpOptionNext = p + length;
      return new TCPOptionAuthentication({ key_id: b[p + 2]!, r_next_key_id: b[p + 3]!, mac, length });
    }
    default: {
      if (avail < 2) fail();
      const length = b[p + 1]!;
      if (length === 0) fail();
      const value = b.slice(p + 2, Math.max(p + 2, Math.min(p + length, end)));
      tcpOptionNext = p + length;
      return new TCPOptionUnknown({ value, kind, length });
    }
  }
}

export function tcpOptionFromJson(v: JsonValue): TCPOption {
  const [name, d] = jClass(v, 'TCPOption');
  const kind = jIntOrNull(d, 'kind', null);
  const length = jIntOrNull(d, 'length', null);
  switch (name) {
    case 'TCPOptionEndOfOptionList':
      return new TCPOptionEndOfOptionList({ kind, length });
    case 'TCPOptionNoOperation':
      return new TCPOptionNoOperation({ kind, length });
    case 'TCPOptionMaximumSegmentSize':
      return new TCPOptionMaximumSegmentSize({ max_seg_size: jInt(d, 'max_seg_size', 0), kind, length });
    case 'TCPOptionWindowScale':
      return new TCPOptionWindowScale({ shift_cnt: jInt(d, 'shift_cnt', 0), kind, length });
    case 'TCPOptionSACKPermitted':
      return new TCPOptionSACKPermitted({ kind, length });
    case 'TCPOptionSACK': {
      const blocks = (jArr(d, 'blocks') ?? []).map((x): [number, number] => {
        if (!Array.isArray(x) || x.length !== 2 || typeof x[0] !== 'number' || typeof x[1] !== 'number') throw new JsonDictError('TCPOptionSACK: bad block');
        return [x[0], x[1]];
      });
      return new TCPOptionSACK({ blocks, kind, length });
    }
    case 'TCPOptionTimestamps':
      return new TCPOptionTimestamps({ ts_val: jInt(d, 'ts_val', 0), ts_ecr: jInt(d, 'ts_ecr', 0), kind, length });
    case 'TCPOptionUserTimeout':
      return new TCPOptionUserTimeout({ granularity: jInt(d, 'granularity', 0), user_timeout: jInt(d, 'user_timeout', 0), kind, length });
    case 'TCPOptionAuthentication':
      return new TCPOptionAuthentication({ key_id: jInt(d, 'key_id', 0), r_next_key_id: jInt(d, 'r_next_key_id', 0), mac: base64Decode(jStr(d, 'mac', '')), kind, length });
    case 'TCPOptionUnknown':
      return new TCPOptionUnknown({ value: base64Decode(jStr(d, 'value', '')), kind, length });
    default:
      throw new JsonDictError(`unknown TCP option ${name}`);
  }
}
