/**
 * The group record of IGMPv3 (RFC 3376) and MLDv2 (RFC 3810) reports: the
 * same layout (type, aux_len, num, multicast address, sources, auxiliary
 * data), with IPv4 or IPv6 addresses. Parsing stays with each protocol (their
 * bounds errors differ); building, sizing and printing are shared here.
 */
import { JsonDictError } from '../../wire/errors.js';
import { base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { concatBytes } from './packet_utils.js';
import { jArr, jInt, jStr } from './packet_base.js';

/** Record types (os-ken igmp.MODE_IS_INCLUDE... and icmpv6.MODE_IS_INCLUDE...: the same values). */
export const MODE_IS_INCLUDE = 1;
export const MODE_IS_EXCLUDE = 2;
export const CHANGE_TO_INCLUDE_MODE = 3;
export const CHANGE_TO_EXCLUDE_MODE = 4;
export const ALLOW_NEW_SOURCES = 5;
export const BLOCK_OLD_SOURCES = 6;

/** How a record stores its addresses. */
export interface GroupAddrFamily {
  /** address size in bytes */
  readonly len: number;
  /** the default (unspecified) address */
  readonly unspecified: string;
  toBin(text: string): Uint8Array;
}

export interface GroupRecordOpts {
  type_?: number;
  aux_len?: number;
  num?: number;
  address?: string;
  srcs?: string[];
  aux?: Uint8Array | null;
}

export abstract class GroupRecord {
  static readonly jsonName: string = '';
  protected static readonly FAMILY: GroupAddrFamily;
  type_: number;
  aux_len: number;
  num: number;
  address: string;
  srcs: string[];
  aux: Uint8Array | null;
  constructor(opts: GroupRecordOpts = {}) {
    this.type_ = opts.type_ ?? 0;
    this.aux_len = opts.aux_len ?? 0;
    this.num = opts.num ?? 0;
    this.address = opts.address ?? this.family.unspecified;
    this.srcs = opts.srcs ?? [];
    this.aux = opts.aux ?? null;
  }
  private get family(): GroupAddrFamily {
    return (this.constructor as unknown as { readonly FAMILY: GroupAddrFamily }).FAMILY;
  }
  get len(): number {
    const n = this.family.len;
    return 4 + n + this.srcs.length * n + this.aux_len * 4;
  }
  serialize(): Uint8Array {
    const f = this.family;
    const n = f.len;
    const head = new Uint8Array(4 + n + n * this.srcs.length);
    head[0] = this.type_;
    head[1] = this.aux_len;
    head.set(f.toBin(this.address), 4);
    this.srcs.forEach((s, i) => head.set(f.toBin(s), 4 + n + n * i));
    if (this.num === 0) this.num = this.srcs.length;
    head[2] = (this.num >> 8) & 0xff;
    head[3] = this.num & 0xff;
    if (this.aux === null) return head;
    const mod = this.aux.length % 4;
    if (mod) this.aux = concatBytes(this.aux, new Uint8Array(4 - mod));
    if (this.aux_len === 0) {
      this.aux_len = this.aux.length >> 2;
      head[1] = this.aux_len & 0xff;
    }
    return concatBytes(head, this.aux);
  }
  /** A record from its JSON fields; `aux` reads the auxiliary data (last: each protocol reads it its own way). */
  static fromJsonFields<T>(this: new (o: GroupRecordOpts) => T, d: JsonObject, aux: (d: JsonObject) => Uint8Array | null): T {
    const k = this as unknown as { readonly FAMILY: GroupAddrFamily; readonly jsonName: string };
    return new this({
      type_: jInt(d, 'type', 0),
      aux_len: jInt(d, 'aux_len', 0),
      num: jInt(d, 'num', 0),
      address: jStr(d, 'address', k.FAMILY.unspecified),
      srcs: strList(jArr(d, 'srcs'), `${k.jsonName}.srcs`),
      aux: aux(d),
    });
  }
  toJsonDict(): JsonObject {
    return {
      [(this.constructor as typeof GroupRecord).jsonName]: {
        address: this.address,
        aux: this.aux === null ? null : base64Encode(this.aux),
        aux_len: this.aux_len,
        num: this.num,
        srcs: [...this.srcs],
        type: this.type_,
      },
    };
  }
}

/** A JSON list of address strings (sources). */
export function strList(v: JsonValue[] | null, what: string): string[] {
  return (v ?? []).map((s) => {
    if (typeof s !== 'string') throw new JsonDictError(`${what}: expected strings`);
    return s;
  });
}
