/**
 * Address bytes -> text for the BGP decoders, memoised.
 *
 * BGP messages repeat the same addresses again and again (next hops,
 * aggregators, the prefixes of a flapping route, ...), and building the text
 * costs more than decoding the rest of a prefix. Each family has a small
 * direct-mapped cache: the slot is a hash of the address words, the slot
 * holds the words and the text; a hit needs the words equal, so the text is
 * always the one ipv4ToText / ipv6ToText would give (strings are immutable,
 * sharing them is invisible). Memory is fixed (about 250 KiB) whatever the
 * input, hostile or not.
 *
 * An address enters the cache on its second sighting only (a "doorkeeper"
 * slot remembers the last key seen per slot): caching a text keeps it alive
 * into the old generation, which costs more than building it when every
 * address is new (a full table dump); repeated addresses still hit from their
 * third sighting on.
 */
import { ipv6ToText } from '../../../wire/addrconv.js';

const V4_BITS = 13;
const V4_KEYS = new Int32Array(1 << V4_BITS);
const V4_TEXT: (string | undefined)[] = new Array<string | undefined>(1 << V4_BITS).fill(undefined);
/** per slot, the last key that missed (not cached yet) */
const V4_DOOR = new Int32Array(1 << V4_BITS);

const V6_BITS = 12;
const V6_KEYS = new Int32Array(4 << V6_BITS);
const V6_TEXT: (string | undefined)[] = new Array<string | undefined>(1 << V6_BITS).fill(undefined);
/** per slot, the 32-bit hash of the last address that missed (a false match only caches early) */
const V6_DOOR = new Int32Array(1 << V6_BITS);
const SCRATCH = new Uint8Array(16);

/** Text of the IPv4 address whose 32-bit value is v (as ipv4NumToText; v may be the signed int32 form). */
export function v4NumText(v: number): string {
  const h = Math.imul(v, 0x9e3779b1) >>> (32 - V4_BITS);
  const t = V4_TEXT[h];
  if (t !== undefined && V4_KEYS[h] === v) return t;
  const s = `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  // (~v: the all-zero initial door does not admit 255.255.255.255 at once; harmless either way)
  if (V4_DOOR[h] === ~v) {
    V4_KEYS[h] = v;
    V4_TEXT[h] = s;
  } else V4_DOOR[h] = ~v;
  return s;
}

/** ipv4ToText(b, off), memoised. */
export function v4Text(b: Uint8Array, off: number): string {
  return v4NumText((b[off]! << 24) | (b[off + 1]! << 16) | (b[off + 2]! << 8) | b[off + 3]!);
}

/** Text of the IPv4 address whose first n (0..4) bytes are at b[off], the rest zero. */
export function v4PrefixText(b: Uint8Array, off: number, n: number): string {
  let v = 0;
  for (let i = 0; i < 4; i++) v = (v << 8) | (i < n ? b[off + i]! : 0);
  return v4NumText(v);
}

/** big-endian 32-bit word i (signed int32) of the address whose first n bytes are at b[off], zero padded */
export function prefixWord(b: Uint8Array, off: number, n: number, i: number): number {
  const q = 4 * i;
  if (q + 4 <= n) return (b[off + q]! << 24) | (b[off + q + 1]! << 16) | (b[off + q + 2]! << 8) | b[off + q + 3]!;
  let v = 0;
  for (let k = 0; k < 4; k++) v = (v << 8) | (q + k < n ? b[off + q + k]! : 0);
  return v;
}

/** Text of the IPv6 address whose first n (0..16) bytes are at b[off], the rest zero. */
export function v6PrefixText(b: Uint8Array, off: number, n: number): string {
  return v6WordsText(prefixWord(b, off, n, 0), prefixWord(b, off, n, 1), prefixWord(b, off, n, 2), prefixWord(b, off, n, 3));
}

/** Text of the IPv6 address of the four big-endian 32-bit words (signed int32 form). */
export function v6WordsText(w0: number, w1: number, w2: number, w3: number): string {
  const mix = Math.imul(w0 ^ Math.imul(w1, 0x85ebca6b) ^ Math.imul(w2, 0xc2b2ae35) ^ Math.imul(w3, 0x27d4eb2f), 0x9e3779b1);
  const h = mix >>> (32 - V6_BITS);
  const k = 4 * h;
  const t = V6_TEXT[h];
  if (t !== undefined && V6_KEYS[k] === w0 && V6_KEYS[k + 1] === w1 && V6_KEYS[k + 2] === w2 && V6_KEYS[k + 3] === w3) return t;
  const sc = SCRATCH;
  sc[0] = w0 >>> 24;
  sc[1] = w0 >>> 16;
  sc[2] = w0 >>> 8;
  sc[3] = w0;
  sc[4] = w1 >>> 24;
  sc[5] = w1 >>> 16;
  sc[6] = w1 >>> 8;
  sc[7] = w1;
  sc[8] = w2 >>> 24;
  sc[9] = w2 >>> 16;
  sc[10] = w2 >>> 8;
  sc[11] = w2;
  sc[12] = w3 >>> 24;
  sc[13] = w3 >>> 16;
  sc[14] = w3 >>> 8;
  sc[15] = w3;
  const s = ipv6ToText(sc, 0);
  if (V6_DOOR[h] !== mix) {
    V6_DOOR[h] = mix;
    return s;
  }
  V6_KEYS[k] = w0;
  V6_KEYS[k + 1] = w1;
  V6_KEYS[k + 2] = w2;
  V6_KEYS[k + 3] = w3;
  V6_TEXT[h] = s;
  return s;
}

/** ipv6ToText(b, off), memoised. */
export function v6Text(b: Uint8Array, off: number): string {
  return v6PrefixText(b, off, 16);
}
