/**
 * Bidirectional Forwarding Detection control packets, RFC 5880
 * (os-ken os_ken/lib/packet/bfd.py), with the authentication sections
 * Simple Password, Keyed MD5, Meticulous Keyed MD5, Keyed SHA1 and
 * Meticulous Keyed SHA1 (digests with node:crypto).
 *
 * Reachability. os-ken's udp module does not dispatch ports 3784/4784 to
 * bfd, so a BFD packet inside Ethernet/IP/UDP decodes as a raw UDP payload
 * (the oracle shows exactly that). As in os-ken, decode it explicitly:
 * `Packet.decode(udpPayload, BFD)` or `BFD.parser(udpPayload)`. No UDP port
 * rule is registered here on purpose.
 *
 * os-ken's bfd.parser returns no rest (None): bytes after the control packet
 * are dropped, here too. Where os-ken raises something other than
 * struct.error (unknown auth type, a failed `assert` on auth_len/reserved)
 * we throw PacketMalformed, so a Packet keeps the bytes as raw payload.
 */
import { createHash } from 'node:crypto';
import type { Reader } from '../../wire/reader.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { JsonDictError, PacketMalformed, PacketTruncated } from '../../wire/errors.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jClass, jInt, jIntOrNull, need, registerProtocol } from './packet_base.js';

export const BFD_STATE_ADMIN_DOWN = 0;
export const BFD_STATE_DOWN = 1;
export const BFD_STATE_INIT = 2;
export const BFD_STATE_UP = 3;
export const BFD_STATE_NAME: Readonly<Record<number, string>> = { 0: 'AdminDown', 1: 'Down', 2: 'Init', 3: 'Up' };
export const BFD_FLAG_POLL = 1 << 5;
export const BFD_FLAG_FINAL = 1 << 4;
export const BFD_FLAG_CTRL_PLANE_INDEP = 1 << 3;
export const BFD_FLAG_AUTH_PRESENT = 1 << 2;
export const BFD_FLAG_DEMAND = 1 << 1;
export const BFD_FLAG_MULTIPOINT = 1;
export const BFD_DIAG_NO_DIAG = 0;
export const BFD_DIAG_CTRL_DETECT_TIME_EXPIRED = 1;
export const BFD_DIAG_ECHO_FUNC_FAILED = 2;
export const BFD_DIAG_NEIG_SIG_SESS_DOWN = 3;
export const BFD_DIAG_FWD_PLANE_RESET = 4;
export const BFD_DIAG_PATH_DOWN = 5;
export const BFD_DIAG_CONCAT_PATH_DOWN = 6;
export const BFD_DIAG_ADMIN_DOWN = 7;
export const BFD_DIAG_REV_CONCAT_PATH_DOWN = 8;
export const BFD_DIAG_CODE_NAME: Readonly<Record<number, string>> = {
  0: 'No Diagnostic',
  1: 'Control Detection Time Expired',
  2: 'Echo Function Failed',
  3: 'Neighbor Signaled Session Down',
  4: 'Forwarding Plane Reset',
  5: 'Path Down',
  6: 'Concatenated Path Down',
  7: 'Administratively Down',
  8: 'Reverse Concatenated Path Down',
};
export const BFD_AUTH_RESERVED = 0;
export const BFD_AUTH_SIMPLE_PASS = 1;
export const BFD_AUTH_KEYED_MD5 = 2;
export const BFD_AUTH_METICULOUS_KEYED_MD5 = 3;
export const BFD_AUTH_KEYED_SHA1 = 4;
export const BFD_AUTH_METICULOUS_KEYED_SHA1 = 5;
export const BFD_AUTH_TYPE_NAME: Readonly<Record<number, string>> = {
  0: 'Reserved',
  1: 'Simple Password',
  2: 'Keyed MD5',
  3: 'Meticulous Keyed MD5',
  4: 'Keyed SHA1',
  5: 'Meticulous Keyed SHA1',
};

const FIXED = 24;
const L = 'bfd';

/** key id -> key (os-ken's auth_keys dict) */
export type BfdAuthKeys = ReadonlyMap<number, Uint8Array> | Readonly<Record<number, Uint8Array>>;
function keyFor(keys: BfdAuthKeys | undefined, id: number): Uint8Array | undefined {
  if (!keys) return undefined;
  return keys instanceof Map ? keys.get(id) : (keys as Readonly<Record<number, Uint8Array>>)[id];
}
const eq = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function jBytes(d: JsonObject, k: string): Uint8Array | null {
  const v = d[k];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return base64Decode(v);
  throw new JsonDictError(`field ${k}: expected base64 string`);
}

/** Authentication section (os-ken BFDAuth). */
export abstract class BFDAuth {
  static readonly jsonName: string = 'BFDAuth';
  static readonly AUTH_TYPE: number = -1;
  auth_len: number;
  constructor(authLen: number | null) {
    // os-ken: `auth_len if isinstance(auth_len, int) else len(self)`; set by subclasses after their fields
    this.auth_len = authLen ?? 0;
  }
  get authType(): number {
    return (this.constructor as typeof BFDAuth).AUTH_TYPE;
  }
  /** os-ken __len__ */
  abstract get size(): number;
  /** bytes of the section; `prev` is the BFD header (digests cover the whole packet) */
  abstract serialize(prev: BFD): Uint8Array;
  /** os-ken authenticate(prev, auth_keys) */
  abstract authenticate(prev: BFD, authKeys?: BfdAuthKeys): boolean;
  abstract toJsonFields(): JsonObject;
  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof BFDAuth).jsonName]: this.toJsonFields() };
  }
  protected hdr(out: Uint8Array): void {
    out[0] = this.authType;
    out[1] = this.auth_len;
  }
}

export class SimplePassword extends BFDAuth {
  static override readonly jsonName = 'SimplePassword';
  static override readonly AUTH_TYPE = BFD_AUTH_SIMPLE_PASS;
  auth_key_id: number;
  password: Uint8Array;
  constructor(o: { auth_key_id: number; password: Uint8Array; auth_len?: number | null }) {
    super(o.auth_len ?? null);
    if (o.password.length < 1 || o.password.length > 16) throw new PacketMalformed(L, `password length ${o.password.length} not in 1..16`, 0);
    this.auth_key_id = o.auth_key_id;
    this.password = o.password;
    if (o.auth_len === undefined || o.auth_len === null) this.auth_len = this.size;
  }
  get size(): number {
    return 3 + this.password.length;
  }
  static parse(b: Uint8Array, at: number, end: number): SimplePassword {
    if (at + 3 > end) throw new PacketTruncated(L, 3, end - at, at);
    const authLen = b[at + 1]!;
    // os-ken: password = buf[3:auth_len] (a clamped slice)
    const pe = Math.min(at + Math.max(authLen, 3), end);
    return new SimplePassword({ auth_key_id: b[at + 2]!, password: b.slice(at + 3, pe), auth_len: authLen });
  }
  serialize(_prev: BFD): Uint8Array {
    const out = new Uint8Array(3 + this.password.length);
    this.hdr(out);
    out[2] = this.auth_key_id;
    out.set(this.password, 3);
    return out;
  }
  authenticate(_prev: BFD, authKeys?: BfdAuthKeys): boolean {
    const k = keyFor(authKeys, this.auth_key_id);
    return k !== undefined && eq(k, this.password);
  }
  toJsonFields(): JsonObject {
    return { auth_key_id: this.auth_key_id, auth_len: this.auth_len, password: base64Encode(this.password) };
  }
  static fromJson(d: JsonObject): SimplePassword {
    return new SimplePassword({ auth_key_id: jInt(d, 'auth_key_id', 0), password: jBytes(d, 'password') ?? new Uint8Array(0), auth_len: jIntOrNull(d, 'auth_len', null) });
  }
}

/** Keyed MD5 / SHA1 share one layout: type, len, key id, reserved, seq (u32), digest (16 or 20 bytes). */
abstract class KeyedAuth extends BFDAuth {
  auth_key_id: number;
  seq: number;
  auth_key: Uint8Array | null;
  constructor(authKeyId: number, seq: number, authKey: Uint8Array | null, authLen: number | null) {
    super(authLen);
    this.auth_key_id = authKeyId;
    this.seq = seq;
    this.auth_key = authKey;
  }
  protected abstract digestLen(): number;
  protected abstract algo(): 'md5' | 'sha1';
  protected abstract getDigest(): Uint8Array | null;
  protected abstract setDigest(d: Uint8Array): void;
  get size(): number {
    return 8 + this.digestLen();
  }
  /** hash(bfd header + auth header + key id, 0, seq, key zero-padded) */
  protected compute(prev: BFD, key: Uint8Array): Uint8Array {
    const n = this.digestLen();
    if (key.length > n) throw new PacketMalformed(L, `auth key longer than ${n} bytes`, 0);
    const sec = new Uint8Array(8 + n);
    this.hdr(sec);
    sec[2] = this.auth_key_id;
    new DataView(sec.buffer).setUint32(4, this.seq >>> 0);
    sec.set(key, 8);
    return new Uint8Array(createHash(this.algo()).update(prev.pack()).update(sec).digest());
  }
  serialize(prev: BFD): Uint8Array {
    if (this.auth_key === null) throw new PacketMalformed(L, 'auth_key is required to serialise a keyed authentication section', 0);
    const d = this.compute(prev, this.auth_key);
    this.setDigest(d);
    const out = new Uint8Array(8 + d.length);
    this.hdr(out);
    out[2] = this.auth_key_id;
    new DataView(out.buffer).setUint32(4, this.seq >>> 0);
    out.set(d, 8);
    return out;
  }
  authenticate(prev: BFD, authKeys?: BfdAuthKeys): boolean {
    const d = this.getDigest();
    if (d === null) return false;
    const k = keyFor(authKeys, this.auth_key_id);
    if (k === undefined) return false;
    return eq(d, this.compute(prev, k));
  }
  /** parse the fixed layout: [keyId, seq, digest] (os-ken asserts auth_len and reserved == 0) */
  static parseKeyed(b: Uint8Array, at: number, end: number, n: number): [number, number, Uint8Array] {
    if (at + 2 > end) throw new PacketTruncated(L, 2, end - at, at);
    if (b[at + 1] !== 8 + n) throw new PacketMalformed(L, `auth_len ${b[at + 1]} != ${8 + n}`, at);
    if (at + 8 + n > end) throw new PacketTruncated(L, 8 + n, end - at, at);
    if (b[at + 3] !== 0) throw new PacketMalformed(L, 'reserved byte is not 0', at + 3);
    const seq = ((b[at + 4]! << 24) | (b[at + 5]! << 16) | (b[at + 6]! << 8) | b[at + 7]!) >>> 0;
    return [b[at + 2]!, seq, b.slice(at + 8, at + 8 + n)];
  }
}

export interface KeyedMD5Opts {
  auth_key_id: number;
  seq: number;
  auth_key?: Uint8Array | null;
  digest?: Uint8Array | null;
  auth_len?: number | null;
}

export class KeyedMD5 extends KeyedAuth {
  static override readonly jsonName: string = 'KeyedMD5';
  static override readonly AUTH_TYPE: number = BFD_AUTH_KEYED_MD5;
  digest: Uint8Array | null;
  constructor(o: KeyedMD5Opts) {
    super(o.auth_key_id, o.seq, o.auth_key ?? null, o.auth_len ?? null);
    this.digest = o.digest ?? null;
    if (o.auth_len === undefined || o.auth_len === null) this.auth_len = 24;
  }
  protected digestLen(): number {
    return 16;
  }
  protected algo(): 'md5' {
    return 'md5';
  }
  protected getDigest(): Uint8Array | null {
    return this.digest;
  }
  protected setDigest(d: Uint8Array): void {
    this.digest = d;
  }
  toJsonFields(): JsonObject {
    return {
      auth_key: this.auth_key === null ? null : base64Encode(this.auth_key),
      auth_key_id: this.auth_key_id,
      auth_len: this.auth_len,
      digest: this.digest === null ? null : base64Encode(this.digest),
      seq: this.seq,
    };
  }
  static opts(d: JsonObject): KeyedMD5Opts {
    return { auth_key_id: jInt(d, 'auth_key_id', 0), seq: jInt(d, 'seq', 0), auth_key: jBytes(d, 'auth_key'), digest: jBytes(d, 'digest'), auth_len: jIntOrNull(d, 'auth_len', null) };
  }
}
export class MeticulousKeyedMD5 extends KeyedMD5 {
  static override readonly jsonName = 'MeticulousKeyedMD5';
  static override readonly AUTH_TYPE = BFD_AUTH_METICULOUS_KEYED_MD5;
}

export interface KeyedSHA1Opts {
  auth_key_id: number;
  seq: number;
  auth_key?: Uint8Array | null;
  auth_hash?: Uint8Array | null;
  auth_len?: number | null;
}

export class KeyedSHA1 extends KeyedAuth {
  static override readonly jsonName: string = 'KeyedSHA1';
  static override readonly AUTH_TYPE: number = BFD_AUTH_KEYED_SHA1;
  auth_hash: Uint8Array | null;
  constructor(o: KeyedSHA1Opts) {
    super(o.auth_key_id, o.seq, o.auth_key ?? null, o.auth_len ?? null);
    this.auth_hash = o.auth_hash ?? null;
    if (o.auth_len === undefined || o.auth_len === null) this.auth_len = 28;
  }
  protected digestLen(): number {
    return 20;
  }
  protected algo(): 'sha1' {
    return 'sha1';
  }
  protected getDigest(): Uint8Array | null {
    return this.auth_hash;
  }
  protected setDigest(d: Uint8Array): void {
    this.auth_hash = d;
  }
  toJsonFields(): JsonObject {
    return {
      auth_hash: this.auth_hash === null ? null : base64Encode(this.auth_hash),
      auth_key: this.auth_key === null ? null : base64Encode(this.auth_key),
      auth_key_id: this.auth_key_id,
      auth_len: this.auth_len,
      seq: this.seq,
    };
  }
  static opts(d: JsonObject): KeyedSHA1Opts {
    return { auth_key_id: jInt(d, 'auth_key_id', 0), seq: jInt(d, 'seq', 0), auth_key: jBytes(d, 'auth_key'), auth_hash: jBytes(d, 'auth_hash'), auth_len: jIntOrNull(d, 'auth_len', null) };
  }
}
export class MeticulousKeyedSHA1 extends KeyedSHA1 {
  static override readonly jsonName = 'MeticulousKeyedSHA1';
  static override readonly AUTH_TYPE = BFD_AUTH_METICULOUS_KEYED_SHA1;
}

interface AuthCodec {
  parse(b: Uint8Array, at: number, end: number): BFDAuth;
  fromJson(d: JsonObject): BFDAuth;
}
function md5Codec(C: typeof KeyedMD5): AuthCodec {
  return {
    parse: (b, at, end) => {
      const [id, seq, digest] = KeyedAuth.parseKeyed(b, at, end, 16);
      return new C({ auth_key_id: id, seq, auth_key: null, digest });
    },
    fromJson: (d) => new C(KeyedMD5.opts(d)),
  };
}
function sha1Codec(C: typeof KeyedSHA1): AuthCodec {
  return {
    parse: (b, at, end) => {
      const [id, seq, auth_hash] = KeyedAuth.parseKeyed(b, at, end, 20);
      return new C({ auth_key_id: id, seq, auth_key: null, auth_hash });
    },
    fromJson: (d) => new C(KeyedSHA1.opts(d)),
  };
}
/** auth type -> codec (os-ken bfd._auth_parsers) */
const AUTH = new Map<number, AuthCodec>([
  [BFD_AUTH_SIMPLE_PASS, { parse: (b, at, end) => SimplePassword.parse(b, at, end), fromJson: (d) => SimplePassword.fromJson(d) }],
  [BFD_AUTH_KEYED_MD5, md5Codec(KeyedMD5)],
  [BFD_AUTH_METICULOUS_KEYED_MD5, md5Codec(MeticulousKeyedMD5)],
  [BFD_AUTH_KEYED_SHA1, sha1Codec(KeyedSHA1)],
  [BFD_AUTH_METICULOUS_KEYED_SHA1, sha1Codec(MeticulousKeyedSHA1)],
]);
const AUTH_BY_NAME = new Map<string, AuthCodec>([
  [SimplePassword.jsonName, AUTH.get(BFD_AUTH_SIMPLE_PASS)!],
  [KeyedMD5.jsonName, AUTH.get(BFD_AUTH_KEYED_MD5)!],
  [MeticulousKeyedMD5.jsonName, AUTH.get(BFD_AUTH_METICULOUS_KEYED_MD5)!],
  [KeyedSHA1.jsonName, AUTH.get(BFD_AUTH_KEYED_SHA1)!],
  [MeticulousKeyedSHA1.jsonName, AUTH.get(BFD_AUTH_METICULOUS_KEYED_SHA1)!],
]);

export interface BFDOpts {
  ver?: number;
  diag?: number;
  state?: number;
  flags?: number;
  detect_mult?: number;
  my_discr?: number;
  your_discr?: number;
  desired_min_tx_interval?: number;
  required_min_rx_interval?: number;
  required_min_echo_rx_interval?: number;
  auth_cls?: BFDAuth | null;
  length?: number | null;
}

export class BFD extends PacketBase {
  static override readonly jsonName = 'bfd';
  static override readonly MIN_LEN = FIXED;

  ver: number;
  diag: number;
  state: number;
  flags: number;
  detect_mult: number;
  my_discr: number;
  your_discr: number;
  desired_min_tx_interval: number;
  required_min_rx_interval: number;
  required_min_echo_rx_interval: number;
  auth_cls: BFDAuth | null;
  /** the Length field as given or decoded (os-ken's `length` attribute; pack() always writes len(self)) */
  private lengthField: number;

  constructor(o: BFDOpts = {}) {
    super();
    this.ver = o.ver ?? 1;
    this.diag = o.diag ?? 0;
    this.state = o.state ?? 0;
    this.flags = o.flags ?? 0;
    this.detect_mult = o.detect_mult ?? 0;
    this.my_discr = o.my_discr ?? 0;
    this.your_discr = o.your_discr ?? 0;
    this.desired_min_tx_interval = o.desired_min_tx_interval ?? 0;
    this.required_min_rx_interval = o.required_min_rx_interval ?? 0;
    this.required_min_echo_rx_interval = o.required_min_echo_rx_interval ?? 0;
    this.auth_cls = o.auth_cls ?? null;
    this.lengthField = o.length ?? this.encodedLength();
  }

  /** os-ken `length` attribute (the __len__ is encodedLength()) */
  override get length(): number {
    return this.lengthField;
  }
  override set length(v: number) {
    this.lengthField = v;
  }

  /** os-ken __len__ */
  encodedLength(): number {
    return this.flags & BFD_FLAG_AUTH_PRESENT && this.auth_cls !== null ? FIXED + this.auth_cls.size : FIXED;
  }

  /** os-ken pack(): the 24-byte mandatory section (Length = encodedLength()). */
  pack(): Uint8Array {
    const out = new Uint8Array(FIXED);
    const v = new DataView(out.buffer);
    out[0] = ((this.ver << 5) + this.diag) & 0xff;
    out[1] = ((this.state << 6) + this.flags) & 0xff;
    out[2] = this.detect_mult;
    out[3] = this.encodedLength();
    v.setUint32(4, this.my_discr >>> 0);
    v.setUint32(8, this.your_discr >>> 0);
    v.setUint32(12, this.desired_min_tx_interval >>> 0);
    v.setUint32(16, this.required_min_rx_interval >>> 0);
    v.setUint32(20, this.required_min_echo_rx_interval >>> 0);
    return out;
  }

  /** os-ken authenticate(auth_keys): false when no auth section is present. */
  authenticate(authKeys?: BfdAuthKeys): boolean {
    if (!(this.flags & BFD_FLAG_AUTH_PRESENT) || this.auth_cls === null) return false;
    return this.auth_cls.authenticate(this, authKeys);
  }

  static override decode(r: Reader, ctx: DecodeCtx): BFD {
    need(r, FIXED, 'bfd');
    const p = r.pos;
    const b = r.bytes;
    const v = r.view;
    const flags = b[p + 1]! & 0x3f;
    let auth: BFDAuth | null = null;
    if (flags & BFD_FLAG_AUTH_PRESENT) {
      // os-ken: operator.getitem(buf, 24) raises IndexError past the end
      if (p + FIXED >= r.end) throw new PacketMalformed(L, 'auth present but no authentication section', p + FIXED);
      const t = b[p + FIXED]!;
      const c = AUTH.get(t);
      if (!c) throw new PacketMalformed(L, `unknown auth type ${t}`, p + FIXED);
      auth = c.parse(b, p + FIXED, r.end);
    }
    const m = new BFD({
      ver: b[p]! >> 5,
      diag: b[p]! & 0x1f,
      state: b[p + 1]! >> 6,
      flags,
      detect_mult: b[p + 2]!,
      my_discr: v.getUint32(p + 4),
      your_discr: v.getUint32(p + 8),
      desired_min_tx_interval: v.getUint32(p + 12),
      required_min_rx_interval: v.getUint32(p + 16),
      required_min_echo_rx_interval: v.getUint32(p + 20),
      auth_cls: auth,
    });
    // os-ken's parser returns rest=None: nothing after the control packet is kept
    r.pos = r.end;
    ctx.next = null;
    return m;
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    if (this.flags & BFD_FLAG_AUTH_PRESENT && this.auth_cls !== null) out.prependBytes(this.auth_cls.serialize(this));
    out.prependBytes(this.pack());
  }

  override toJsonFields(): JsonObject {
    return {
      auth_cls: this.auth_cls === null ? null : this.auth_cls.toJsonDict(),
      desired_min_tx_interval: this.desired_min_tx_interval,
      detect_mult: this.detect_mult,
      diag: this.diag,
      flags: this.flags,
      length: this.length,
      my_discr: this.my_discr,
      required_min_echo_rx_interval: this.required_min_echo_rx_interval,
      required_min_rx_interval: this.required_min_rx_interval,
      state: this.state,
      ver: this.ver,
      your_discr: this.your_discr,
    };
  }

  static override fromJsonDict(d: JsonObject): BFD {
    let auth: BFDAuth | null = null;
    const a: JsonValue | undefined = d.auth_cls;
    if (a !== undefined && a !== null) {
      const [name, body] = jClass(a, 'bfd.auth_cls');
      const c = AUTH_BY_NAME.get(name);
      if (!c) throw new JsonDictError(`unknown BFD auth class ${name}`);
      auth = c.fromJson(body);
    }
    return new BFD({
      ver: jInt(d, 'ver', 1),
      diag: jInt(d, 'diag', 0),
      state: jInt(d, 'state', 0),
      flags: jInt(d, 'flags', 0),
      detect_mult: jInt(d, 'detect_mult', 0),
      my_discr: jInt(d, 'my_discr', 0),
      your_discr: jInt(d, 'your_discr', 0),
      desired_min_tx_interval: jInt(d, 'desired_min_tx_interval', 0),
      required_min_rx_interval: jInt(d, 'required_min_rx_interval', 0),
      required_min_echo_rx_interval: jInt(d, 'required_min_echo_rx_interval', 0),
      auth_cls: auth,
      length: jIntOrNull(d, 'length', null),
    });
  }
}

registerProtocol(BFD);
// deliberately no UDP.registerPortRule: os-ken does not decode BFD from UDP ports
