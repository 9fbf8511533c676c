/**
 * Shared helpers of the BGP codec: bounds checks that throw typed errors,
 * address text<->bytes as os-ken prints them, JSON helpers.
 */
import type { Writer } from '../../../wire/writer.js';
import { PacketTruncated } from '../../../wire/errors.js';
import { ipv4ToBin, ipv6ToBin } from '../../../wire/addrconv.js';
import { v4Text, v6Text } from './addr_text.js';
import type { JsonObject, JsonValue } from '../../../wire/json/json.js';
import { BgpMalformed } from './errors.js';

export type { JsonObject, JsonValue };

/** Decode-time options ("context is a parameter": nothing global). */
export interface BgpOptions {
  /**
   * Decode BGP features os-ken lacks (ADD-PATH capability 69 as
   * BGPOptParamCapabilityAddPath, LARGE_COMMUNITIES attribute 32 as
   * BGPPathAttributeLargeCommunities). Off by default so that JSON stays
   * identical to os-ken's (which shows them as Unknown).
   */
  readonly extensions: boolean;
  /**
   * RFC 7911 ADD-PATH receive, negotiated per family: keys are afi<<8|safi.
   * When a family is listed, its IPv4/IPv6 unicast NLRI carry a 4-byte path
   * identifier (`path_id`). Empty by default (os-ken has no ADD-PATH NLRI).
   */
  readonly addPath: ReadonlySet<number>;
}

export const DEFAULT_OPTIONS: BgpOptions = { extensions: false, addPath: new Set<number>() };

/**
 * What the BGP decoders need of a reader: the bytes and a position they
 * advance. A wire Reader is one; BGPMessage.parse makes a plain
 * `{ bytes, pos }` (no DataView per message: the decoders read
 * multi-byte integers with rd16/rd32).
 */
export interface Cursor {
  readonly bytes: Uint8Array;
  pos: number;
}

/** Big-endian u16 at b[p] (caller has bounds-checked). */
export function rd16(b: Uint8Array, p: number): number {
  return (b[p]! << 8) | b[p + 1]!;
}

/** Big-endian u32 at b[p] (caller has bounds-checked). */
export function rd32(b: Uint8Array, p: number): number {
  return ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
}

/** Throw PacketTruncated unless n bytes remain before `end`. */
export function needTo(r: Cursor, end: number, n: number, where: string): void {
  if (end - r.pos < n) throw new PacketTruncated(where, n, end - r.pos, r.pos);
}

export function malformed(where: string, detail: string, offset: number, code?: number, subcode?: number): never {
  throw new BgpMalformed(where, detail, offset, code, subcode);
}

/** IPv4 (4 bytes) or IPv6 (16 bytes) address text, as os-ken's ip.bin_to_text. */
export function ipBinToText(b: Uint8Array, off: number, len: number, where: string): string {
  if (len === 4) return v4Text(b, off);
  if (len === 16) return v6Text(b, off);
  return malformed(where, `invalid ip address length: ${len}`, off);
}

/** os-ken ip.text_to_bin: ':' means IPv6. */
const V4_CACHE = new Map<string, Uint8Array>();
const V6_CACHE = new Map<string, Uint8Array>();

/**
 * Address text -> bytes for the encoders, memoised (next hops, peers and
 * common prefixes repeat across messages; parsing text costs more than the
 * rest of an attribute). The result is shared: callers must not modify it.
 */
export function v4Bin(text: string): Uint8Array {
  let b = V4_CACHE.get(text);
  if (b === undefined) {
    b = ipv4ToBin(text);
    if (V4_CACHE.size >= 8192) V4_CACHE.clear();
    V4_CACHE.set(text, b);
  }
  return b;
}

export function v6Bin(text: string): Uint8Array {
  let b = V6_CACHE.get(text);
  if (b === undefined) {
    b = ipv6ToBin(text);
    if (V6_CACHE.size >= 8192) V6_CACHE.clear();
    V6_CACHE.set(text, b);
  }
  return b;
}

/** w.bytes(b) for short arrays (addresses): a byte loop beats TypedArray#set's call overhead. */
export function putBytes(w: Writer, b: Uint8Array): void {
  const n = b.length;
  w.ensure(n);
  const o = w.buf;
  const p = w.pos;
  for (let i = 0; i < n; i++) o[p + i] = b[i]!;
  w.pos = p + n;
}

export function ipTextToBin(text: string): Uint8Array {
  return text.includes(':') ? ipv6ToBin(text) : ipv4ToBin(text);
}

export function b64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

export function fromB64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/** Copy of bytes [off, off+n) (values kept by objects must not alias the input buffer). */
export function copyBytes(b: Uint8Array, off: number, n: number): Uint8Array {
  return b.slice(off, off + n);
}

/** Read a big-endian unsigned integer of 1..8 bytes; > 2^53 becomes bigint. */
export function readUintN(b: Uint8Array, off: number, n: number): number | bigint {
  if (n <= 6) {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + b[off + i]!;
    return v;
  }
  let v = 0n;
  for (let i = 0; i < n; i++) v = (v << 8n) | BigInt(b[off + i]!);
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** Write a big-endian unsigned integer into n bytes at out[off]. */
export function writeUintN(out: Uint8Array, off: number, n: number, v: number | bigint): void {
  let x = BigInt(v);
  for (let i = n - 1; i >= 0; i--) {
    out[off + i] = Number(x & 255n);
    x >>= 8n;
  }
}

/** Something with os-ken's to_jsondict(): `{ClassName: {...}}`. */
export interface JsonDictable {
  toJsonDict(): JsonObject;
}

export function jsonList(xs: readonly JsonDictable[]): JsonValue[] {
  const out: JsonValue[] = new Array<JsonValue>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = xs[i]!.toJsonDict();
  return out;
}

/** 3-byte big-endian integer at b[off]. */
export function u24(b: Uint8Array, off: number): number {
  return (b[off]! << 16) | (b[off + 1]! << 8) | b[off + 2]!;
}

/** os-ken mpls.label_to_bin(label, is_bos) */
export function mplsLabelToBin(label: number, isBos = true): Uint8Array {
  const v = ((label << 4) | (isBos ? 1 : 0)) >>> 0;
  return new Uint8Array([(v >>> 16) & 255, (v >>> 8) & 255, v & 255]);
}

/** os-ken vxlan.vni_to_bin(vni) */
export function vniToBin(vni: number): Uint8Array {
  return new Uint8Array([(vni >>> 16) & 255, (vni >>> 8) & 255, vni & 255]);
}

/** os-ken's "_serialize_label(mpls_label, vni)": label if truthy, else vni if truthy, else 3 zero bytes. */
export function labelFromUser(mplsLabel: number | null | undefined, vni: number | null | undefined): Uint8Array {
  if (mplsLabel) return mplsLabelToBin(mplsLabel, true);
  if (vni) return vniToBin(vni);
  return new Uint8Array(3);
}
