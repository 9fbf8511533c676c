/**
 * Checksums (os-ken os_ken/lib/packet/packet_utils.py), computed over byte
 * ranges without copying.
 */
import { PacketMalformed } from '../../wire/errors.js';
import { ipv4ToBin, ipv6ToBin, macToBin } from '../../wire/addrconv.js';

/** Sum of big-endian 16-bit words of b[start, end) (odd tail padded with 0), not folded. */
export function sum16(b: Uint8Array, start: number, end: number, acc = 0): number {
  let s = acc;
  let i = start;
  const last = end - 1;
  for (; i < last; i += 2) s += (b[i]! << 8) | b[i + 1]!;
  if (i < end) s += b[i]! << 8;
  return s;
}

/** Fold a 32+-bit sum to 16 bits and complement (the Internet checksum). */
export function foldChecksum(s: number): number {
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 0x10000);
  return ~s & 0xffff;
}

/** os-ken packet_utils.checksum over b[start, end). */
export function checksum(b: Uint8Array, start = 0, end = b.length): number {
  return foldChecksum(sum16(b, start, end));
}

/** What checksumIp needs from the outer IP header (IPv4 uses proto, IPv6 nxt). */
export interface IpPseudoHeaderSource {
  readonly version: number;
  readonly src: string;
  readonly dst: string;
}

function fieldNum(o: object, k: string): number {
  const v = (o as Record<string, unknown>)[k];
  return typeof v === 'number' ? v : 0;
}

const PSEUDO4 = new Uint8Array(8);

/** Sum of the IPv4/IPv6 pseudo header for an upper-layer length. */
export function pseudoHeaderSum(ip: IpPseudoHeaderSource | null, length: number, layer: string): number {
  if (ip && ip.version === 4) {
    const a = PSEUDO4;
    writeIPv4(ip.src, a, 0);
    writeIPv4(ip.dst, a, 4);
    return sum16(a, 0, 8) + fieldNum(ip, 'proto') + (length & 0xffff);
  }
  if (ip && ip.version === 6) {
    const s = ipv6ToBin(ip.src);
    const d = ipv6ToBin(ip.dst);
    return sum16(s, 0, 16) + sum16(d, 0, 16) + Math.floor(length / 0x10000) + (length & 0xffff) + fieldNum(ip, 'nxt');
  }
  throw new PacketMalformed(layer, 'checksum needs an IPv4 or IPv6 outer header', 0);
}

/** os-ken packet_utils.checksum_ip: pseudo header + b[start, end). */
export function checksumIp(ip: IpPseudoHeaderSource | null, length: number, b: Uint8Array, start = 0, end = b.length, layer = 'ip'): number {
  return foldChecksum(sum16(b, start, end, pseudoHeaderSum(ip, length, layer)));
}

/** Duck-typed check that a header can act as the pseudo-header source. */
export function asIpHeader(p: object | null): IpPseudoHeaderSource | null {
  if (p === null) return null;
  const o = p as Record<string, unknown>;
  if (typeof o.version === 'number' && typeof o.src === 'string' && typeof o.dst === 'string') return p as IpPseudoHeaderSource;
  return null;
}

/** Fletcher checksum (RFC 1008) as os-ken computes it; writes it at data[offset..offset+2). */
export function fletcherChecksum(data: Uint8Array, offset: number): number {
  const MODX = 4102;
  let c0 = 0;
  let c1 = 0;
  let pos = 0;
  const length = data.length;
  data[offset] = 0;
  data[offset + 1] = 0;
  while (pos < length) {
    const tlen = Math.min(length - pos, MODX);
    for (let i = pos; i < pos + tlen; i++) {
      c0 += data[i]!;
      c1 += c0;
    }
    c0 %= 255;
    c1 %= 255;
    pos += tlen;
  }
  let x = (((length - offset - 1) * c0 - c1) % 255 + 255) % 255;
  if (x <= 0) x += 255;
  let y = 510 - c0 - x;
  if (y > 255) y -= 255;
  data[offset] = x;
  data[offset + 1] = y;
  return (x << 8) | (y & 0xff);
}

/** True when b[start, end) holds only zero bytes (os-ken's `not bytes(rest).strip(b'\x00')`). */
export function allZero(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (b[i] !== 0) return false;
  return true;
}

/** Concatenate byte arrays into one new array. */
export function concatBytes(...parts: (Uint8Array | null | undefined)[]): Uint8Array {
  let n = 0;
  for (const p of parts) if (p) n += p.length;
  const out = new Uint8Array(n);
  n = 0;
  for (const p of parts) {
    if (p) {
      out.set(p, n);
      n += p.length;
    }
  }
  return out;
}

/**
 * Write the MAC address text at b[off..off+6) (fast path for the
 * canonical `xx:xx:xx:xx:xx:xx` form; other spellings go through addrconv).
 */
export function writeMac(text: string, b: Uint8Array, off: number): void {
  if (text.length === 17) {
    let ok = true;
    for (let i = 0; i < 6 && ok; i++) {
      const h = hexVal(text.charCodeAt(3 * i));
      const l = hexVal(text.charCodeAt(3 * i + 1));
      if (h < 0 || l < 0 || (i < 5 && text.charCodeAt(3 * i + 2) !== 58 && text.charCodeAt(3 * i + 2) !== 45)) ok = false;
      else b[off + i] = (h << 4) | l;
    }
    if (ok) return;
  }
  b.set(macToBin(text), off);
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Write dotted-quad IPv4 text at b[off..off+4) (validating like addrconv). */
export function writeIPv4(text: string, b: Uint8Array, off: number): void {
  let part = 0;
  let val = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || val > 255 || part > 3) {
        b.set(ipv4ToBin(text), off);
        return;
      }
      b[off + part++] = val;
      val = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      val = val * 10 + (c - 48);
      digits++;
    } else {
      b.set(ipv4ToBin(text), off); // throws AddressError
      return;
    }
  }
  if (part !== 4) b.set(ipv4ToBin(text), off);
}

const HEX2: string[] = [];
const HEX3: string[] = [];
const DEC: string[] = [];
const DEC_DOT: string[] = [];
for (let i = 0; i < 256; i++) {
  HEX2.push(i.toString(16).padStart(2, '0'));
  HEX3.push(`${i.toString(16).padStart(2, '0')}:`);
  DEC.push(String(i));
  DEC_DOT.push(`${i}.`);
}

/** MAC bytes -> os-ken text (lowercase, colon separated); table driven. */
export function macText(b: Uint8Array, off: number): string {
  return HEX3[b[off]!]! + HEX3[b[off + 1]!]! + HEX3[b[off + 2]!]! + HEX3[b[off + 3]!]! + HEX3[b[off + 4]!]! + HEX2[b[off + 5]!]!;
}

/** IPv4 bytes -> dotted quad; table driven. */
export function ipv4Text(b: Uint8Array, off: number): string {
  return DEC_DOT[b[off]!]! + DEC_DOT[b[off + 1]!]! + DEC_DOT[b[off + 2]!]! + DEC[b[off + 3]!]!;
}
