/**
 * Address text <-> bytes, formatted exactly as os-ken prints them
 * (MAC lowercase colon form; IPv6 as glibc inet_ntop, which os-ken uses via netaddr).
 */
import { OskenError } from './errors.js';

export class AddressError extends OskenError {}

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).padStart(2, '0'));

/** char codes of '0'..'f' */
const HEXC: number[] = [];
for (let i = 0; i < 16; i++) HEXC.push('0123456789abcdef'.charCodeAt(i));

/**
 * A small memo of canonical MAC texts (lowercase, colons) and their bytes, direct-mapped on bits of
 * the last three bytes (the interface-specific part): the os-ken idiom turns a frame's MAC into
 * text (macToText), puts it in a match (which checks it is canonical) and encodes it
 * (macToBinInto) soon after; with the memo the text is read once at most, and a MAC seen again
 * gets the same string (whose hash, for Map keys, is already computed). Keyed by string value
 * (===), so an entry is never stale; MEMO_SIZE entries, so bounded.
 */
const MEMO_SIZE = 256;
const MEMO_TEXT: string[] = new Array<string>(MEMO_SIZE).fill('');
/** bytes 0-1 and 2-5 of the memoized MAC */
const MEMO_HI = new Uint16Array(MEMO_SIZE);
const MEMO_LO = new Uint32Array(MEMO_SIZE);
/** the memo slot of a MAC from its last byte and the low nibbles of the two before */
function memoSlot(x3lo: number, x4lo: number, x5: number): number {
  return (x5 ^ (x4lo << 3) ^ (x3lo << 6)) & (MEMO_SIZE - 1);
}
/** the value of a hex digit's char code (anything for other characters: only a slot is chosen with it) */
function nib(c: number): number {
  return (c + (c >> 6) * 9) & 15;
}
function memoSlotOfText(text: string): number {
  return memoSlot(nib(text.charCodeAt(10)), nib(text.charCodeAt(13)), (nib(text.charCodeAt(15)) << 4) | nib(text.charCodeAt(16)));
}

export function macToText(b: Uint8Array, off = 0): string {
  const x0 = b[off]!, x1 = b[off + 1]!, x2 = b[off + 2]!, x3 = b[off + 3]!, x4 = b[off + 4]!, x5 = b[off + 5]!;
  const hi = (x0 << 8) | x1;
  const lo = ((x2 << 24) | (x3 << 16) | (x4 << 8) | x5) >>> 0;
  const slot = memoSlot(x3 & 15, x4 & 15, x5);
  const known = MEMO_TEXT[slot]!;
  if (MEMO_LO[slot] === lo && MEMO_HI[slot] === hi && known.length === 17) return known;
  // one flat string (a template literal makes a rope that every later charCodeAt has to flatten)
  const text = String.fromCharCode(
    HEXC[x0 >> 4]!, HEXC[x0 & 15]!, 58, HEXC[x1 >> 4]!, HEXC[x1 & 15]!, 58, HEXC[x2 >> 4]!, HEXC[x2 & 15]!, 58,
    HEXC[x3 >> 4]!, HEXC[x3 & 15]!, 58, HEXC[x4 >> 4]!, HEXC[x4 & 15]!, 58, HEXC[x5 >> 4]!, HEXC[x5 & 15]!,
  );
  MEMO_TEXT[slot] = text;
  MEMO_HI[slot] = hi;
  MEMO_LO[slot] = lo;
  return text;
}

/** hex digit values of '0'-'9', 'a'-'f' only, by char code (-1 otherwise) */
const HEXV_LOWER = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEXV_LOWER['0123456789abcdef'.charCodeAt(i)] = i;
function lowerHexByte(text: string, i: number): number {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  return (a | b) < 128 ? (HEXV_LOWER[a]! << 4) | HEXV_LOWER[b]! : -1;
}

/**
 * The memo slot of `text` if it is a canonical MAC text (17 characters, lowercase hex, colons), -1
 * otherwise. A text seen before (made by macToText or checked here) is found without reading it.
 */
function canonicalMacSlot(text: string): number {
  if (text.length !== 17) return -1;
  const slot = memoSlotOfText(text);
  if (MEMO_TEXT[slot] === text) return slot;
  const x0 = lowerHexByte(text, 0), x1 = lowerHexByte(text, 3), x2 = lowerHexByte(text, 6), x3 = lowerHexByte(text, 9), x4 = lowerHexByte(text, 12), x5 = lowerHexByte(text, 15);
  if ((x0 | x1 | x2 | x3 | x4 | x5) < 0 || text.charCodeAt(2) !== 58 || text.charCodeAt(5) !== 58 || text.charCodeAt(8) !== 58 ||
    text.charCodeAt(11) !== 58 || text.charCodeAt(14) !== 58) return -1;
  MEMO_TEXT[slot] = text;
  MEMO_HI[slot] = (x0 << 8) | x1;
  MEMO_LO[slot] = ((x2 << 24) | (x3 << 16) | (x4 << 8) | x5) >>> 0;
  return slot;
}

/** True for the form os-ken prints (`aa:bb:cc:dd:ee:ff`, lowercase). */
export function isCanonicalMac(text: string): boolean {
  return canonicalMacSlot(text) >= 0;
}

/** @internal for tests: the number of memo entries (the memo's bound) */
export const MAC_MEMO_SIZE = MEMO_SIZE;

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** hex digit values by char code (-1: not a hex digit) */
const HEXV = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEXV['0123456789abcdef'.charCodeAt(i)] = i;
  HEXV['0123456789ABCDEF'.charCodeAt(i)] = i;
}
/** the byte of the two hex digits at i, or a negative number if they are not hex digits */
function hexByte(text: string, i: number): number {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  return (a | b) < 128 ? (HEXV[a]! << 4) | HEXV[b]! : -1;
}
/** ':' or '-' */
function isMacSep(c: number): boolean {
  return c === 58 || c === 45;
}

/** Write a MAC address's 6 bytes into out at off (no allocation for the canonical form). */
export function macToBinInto(text: string, out: Uint8Array, off: number): void {
  const slot = canonicalMacSlot(text);
  if (slot >= 0) {
    const hi = MEMO_HI[slot]!;
    const lo = MEMO_LO[slot]!;
    out[off] = hi >> 8;
    out[off + 1] = hi & 255;
    out[off + 2] = lo >>> 24;
    out[off + 3] = (lo >> 16) & 255;
    out[off + 4] = (lo >> 8) & 255;
    out[off + 5] = lo & 255;
    return;
  }
  if (text.length === 17) {
    // one pass; `out` is only written once the whole text is known good
    const x0 = hexByte(text, 0), x1 = hexByte(text, 3), x2 = hexByte(text, 6), x3 = hexByte(text, 9), x4 = hexByte(text, 12), x5 = hexByte(text, 15);
    if ((x0 | x1 | x2 | x3 | x4 | x5) >= 0 && isMacSep(text.charCodeAt(2)) && isMacSep(text.charCodeAt(5)) && isMacSep(text.charCodeAt(8)) &&
      isMacSep(text.charCodeAt(11)) && isMacSep(text.charCodeAt(14))) {
      out[off] = x0;
      out[off + 1] = x1;
      out[off + 2] = x2;
      out[off + 3] = x3;
      out[off + 4] = x4;
      out[off + 5] = x5;
      return;
    }
  }
  out.set(macToBin(text), off);
}

export function macToBin(text: string): Uint8Array {
  const out = new Uint8Array(6);
  // fast path: the canonical 17-character form
  if (text.length === 17) {
    let ok = true;
    for (let i = 0; i < 6 && ok; i++) {
      const hi = hexVal(text.charCodeAt(3 * i));
      const lo = hexVal(text.charCodeAt(3 * i + 1));
      const sep = i < 5 ? text.charCodeAt(3 * i + 2) : 58;
      if (hi < 0 || lo < 0 || (sep !== 58 && sep !== 45)) ok = false;
      else out[i] = (hi << 4) | lo;
    }
    if (ok) return out;
  }
  const parts = text.split(/[:-]/);
  if (parts.length !== 6) throw new AddressError(`bad MAC address ${JSON.stringify(text)}`);
  for (let i = 0; i < 6; i++) {
    const p = parts[i]!;
    if (!/^[0-9a-fA-F]{1,2}$/.test(p)) throw new AddressError(`bad MAC address ${JSON.stringify(text)}`);
    out[i] = parseInt(p, 16);
  }
  return out;
}

export function ipv4ToText(b: Uint8Array, off = 0): string {
  return `${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`;
}

export function ipv4NumToText(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function ipv4ToNum(text: string): number {
  const parts = text.split('.');
  if (parts.length !== 4) throw new AddressError(`bad IPv4 address ${JSON.stringify(text)}`);
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) throw new AddressError(`bad IPv4 address ${JSON.stringify(text)}`);
    const v = Number(p);
    if (v > 255) throw new AddressError(`bad IPv4 address ${JSON.stringify(text)}`);
    n = n * 256 + v;
  }
  return n;
}

export function ipv4ToBin(text: string): Uint8Array {
  const n = ipv4ToNum(text);
  return new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
}

/** hex of a byte without leading zero ('0'..'ff') */
const HEX_NZ: string[] = [];
for (let i = 0; i < 256; i++) HEX_NZ.push(i.toString(16));
const W = new Uint16Array(8);

function wordHex(w: number): string {
  const hi = w >> 8;
  return hi ? HEX_NZ[hi]! + HEX[w & 255]! : HEX_NZ[w & 255]!;
}

/** IPv6 bytes to text, following glibc inet_ntop (RFC 5952 compression, IPv4 tail for ::a.b.c.d and ::ffff:a.b.c.d). */
export function ipv6ToText(b: Uint8Array, off = 0): string {
  const w = W;
  for (let i = 0; i < 8; i++) w[i] = (b[off + 2 * i]! << 8) | b[off + 2 * i + 1]!;
  let bestBase = -1;
  let bestLen = 0;
  let curBase = -1;
  let curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (w[i] === 0) {
      if (curBase === -1) {
        curBase = i;
        curLen = 1;
      } else curLen++;
    } else if (curBase !== -1) {
      if (bestBase === -1 || curLen > bestLen) {
        bestBase = curBase;
        bestLen = curLen;
      }
      curBase = -1;
    }
  }
  if (curBase !== -1 && (bestBase === -1 || curLen > bestLen)) {
    bestBase = curBase;
    bestLen = curLen;
  }
  if (bestBase !== -1 && bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && w[5] === 0xffff))) {
      out += ipv4ToText(b, off + 12);
      break;
    }
    out += wordHex(w[i]!);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ':';
  return out;
}

export function ipv6ToBin(text: string): Uint8Array {
  const bad = (): never => {
    throw new AddressError(`bad IPv6 address ${JSON.stringify(text)}`);
  };
  let s = text;
  const out = new Uint8Array(16);
  // an embedded IPv4 tail becomes two hex groups
  const lastColon = s.lastIndexOf(':');
  if (lastColon >= 0 && s.indexOf('.', lastColon) > 0) {
    const v4 = ipv4ToBin(s.slice(lastColon + 1));
    s = `${s.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const dbl = s.indexOf('::');
  if (dbl !== s.lastIndexOf('::')) bad();
  const parseGroups = (g: string): number[] =>
    g === ''
      ? []
      : g.split(':').map((x) => {
          if (!/^[0-9a-fA-F]{1,4}$/.test(x)) bad();
          return parseInt(x, 16);
        });
  let words: number[];
  if (dbl >= 0) {
    const head = parseGroups(s.slice(0, dbl));
    const rest = parseGroups(s.slice(dbl + 2));
    const fill = 8 - head.length - rest.length;
    if (fill < 1) bad();
    words = head.concat(new Array<number>(fill).fill(0), rest);
  } else {
    words = parseGroups(s);
  }
  if (words.length !== 8) bad();
  for (let i = 0; i < 8; i++) {
    out[2 * i] = words[i]! >> 8;
    out[2 * i + 1] = words[i]! & 255;
  }
  return out;
}
