/**
 * Value types of OXM/NXM/OXS fields (os-ken's lib/type_desc): how a field's
 * wire bytes become the value users see (int, MAC text, IPv4/IPv6 text).
 * Integers of up to 4 bytes are numbers; 8- and 16-byte ones are bigint.
 */
import { ipv4ToBin, ipv4ToText, ipv6ToBin, ipv6ToText, macToBin, macToText } from '../wire/addrconv.js';
import { base64Decode, base64Encode } from '../wire/json/json.js';
import { JsonDictError } from '../wire/errors.js';

export type OxmUserValue = number | bigint | string;

export interface TypeDesc {
  readonly name: string;
  /** value size in bytes (-1: any, for unknown fields) */
  readonly size: number;
  toUser(b: Uint8Array, off: number, len: number): OxmUserValue;
  fromUser(v: unknown, out: Uint8Array, off: number): void;
}

function toBig(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^(0x[0-9a-fA-F]+|\d+)$/.test(v)) return BigInt(v);
  throw new JsonDictError(`not an integer: ${String(v)}`);
}

function intDesc(size: number): TypeDesc {
  if (size <= 4) {
    return {
      name: `Int${size}`,
      size,
      toUser(b, off) {
        let v = 0;
        for (let i = 0; i < size; i++) v = v * 256 + b[off + i]!;
        return v;
      },
      fromUser(v, out, off) {
        let n = typeof v === 'number' ? v : Number(BigInt.asUintN(size * 8, toBig(v)));
        for (let i = size - 1; i >= 0; i--) {
          out[off + i] = n & 255;
          n = Math.floor(n / 256);
        }
      },
    };
  }
  return {
    name: `Int${size}`,
    size,
    toUser(b, off) {
      let v = 0n;
      for (let i = 0; i < size; i++) v = (v << 8n) | BigInt(b[off + i]!);
      return v;
    },
    fromUser(v, out, off) {
      let n = BigInt.asUintN(size * 8, toBig(v));
      for (let i = size - 1; i >= 0; i--) {
        out[off + i] = Number(n & 255n);
        n >>= 8n;
      }
    },
  };
}

export const Int1 = intDesc(1);
export const Int2 = intDesc(2);
export const Int3 = intDesc(3);
export const Int4 = intDesc(4);
export const Int8 = intDesc(8);
export const Int16 = intDesc(16);

export const MacAddr: TypeDesc = {
  name: 'MacAddr',
  size: 6,
  toUser: (b, off) => macToText(b, off),
  fromUser(v, out, off) {
    out.set(macToBin(String(v)), off);
  },
};
export const IPv4Addr: TypeDesc = {
  name: 'IPv4Addr',
  size: 4,
  toUser: (b, off) => ipv4ToText(b, off),
  fromUser(v, out, off) {
    out.set(ipv4ToBin(String(v)), off);
  },
};
export const IPv6Addr: TypeDesc = {
  name: 'IPv6Addr',
  size: 16,
  toUser: (b, off) => ipv6ToText(b, off),
  fromUser(v, out, off) {
    out.set(ipv6ToBin(String(v)), off);
  },
};
/** Fields osken does not know: value is base64 text, as os-ken's UnknownType. */
export const UnknownType: TypeDesc = {
  name: 'UnknownType',
  size: -1,
  toUser: (b, off, len) => base64Encode(b.subarray(off, off + len)),
  fromUser(v, out, off) {
    out.set(base64Decode(String(v)), off);
  },
};

/** Encoded byte length of a user value (UnknownType: decoded base64 length). */
export function userValueSize(t: TypeDesc, v: unknown): number {
  return t.size >= 0 ? t.size : base64Decode(String(v)).length;
}
