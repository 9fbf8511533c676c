/**
 * Prefix NLRI (os-ken _AddrPrefix family): IPv4/IPv6 unicast, labelled
 * (RFC 3107/8277) and labelled VPN (RFC 4364) prefixes, plus the raw form
 * used for unknown families (_BinAddrPrefix).
 *
 * `length` is always the on-wire bit length (labels and RD included), as in
 * os-ken. Labelled/VPN prefixes print `addr` the way os-ken stores it, a
 * tuple: [labels, addr] or [labels, {RD}, addr].
 */
import type { Cursor } from '../util.js';
import type { Writer } from '../../../../wire/writer.js';
import { prefixWord, v4NumText, v4PrefixText, v6PrefixText, v6WordsText } from '../addr_text.js';
import { RouteDistinguisher } from '../rd.js';
import type { JsonObject, JsonValue } from '../util.js';
import { b64, malformed, needTo, rd32, v4Bin, v6Bin } from '../util.js';
import { BGP_ERROR_UPDATE_MESSAGE_ERROR, BGP_ERROR_SUB_INVALID_NETWORK_FIELD } from '../constants.js';

const WITHDRAW_LABELS = [0x800000, 0x000000];

function badPrefix(where: string, detail: string, off: number): never {
  return malformed(where, detail, off, BGP_ERROR_UPDATE_MESSAGE_ERROR, BGP_ERROR_SUB_INVALID_NETWORK_FIELD);
}


/** Write `bin` cut to the prefix bit length (trailing bits of the last byte cleared), after the length byte. */
function writePrefixBits(w: Writer, length: number, bin: Uint8Array, where: string): void {
  const nbytes = (length + 7) >> 3;
  if (nbytes > bin.length) badPrefix(where, `prefix length ${length} exceeds address`, 0);
  w.u8(length);
  w.ensure(nbytes);
  const o = w.buf;
  const p = w.pos;
  for (let i = 0; i < nbytes; i++) o[p + i] = bin[i]!;
  if (length % 8 !== 0) w.buf[w.pos + nbytes - 1] = w.buf[w.pos + nbytes - 1]! & (0xff00 >> length % 8);
  w.pos += nbytes;
}

/** Common shape of every NLRI object (prefixes, EVPN, flowspec, RTC). */
export interface BgpNlri {
  toJsonDict(): JsonObject;
  serializeTo(w: Writer): void;
}

/* ------------------------------------------------------------------ unlabelled */

interface PrefixOpts {
  length: number;
  addr: string;
  path_id?: number | null;
}

/** How a plain prefix stores its address. */
interface PrefixFamily {
  /** address size in bits */
  readonly bits: number;
  /** name in errors */
  readonly where: string;
  toBin(text: string): Uint8Array;
  /** text of an address whose first n bytes are at b[off], zero padded */
  padded(b: Uint8Array, off: number, n: number): string;
}

/*
 * Set by PlainPrefix.decode around its constructor call: the decoded
 * address as big-endian 32-bit words (v4: the first). The constructor takes
 * them instead of the (placeholder) text; the text is made on first use.
 */
let wordsPending = false;
let pw0 = 0;
let pw1 = 0;
let pw2 = 0;
let pw3 = 0;

/** Write a prefix given as address words: length byte, then the bytes it covers, trailing bits cleared. */
function writePrefixWords(w: Writer, length: number, w0: number, w1: number, w2: number, w3: number): void {
  const nbytes = (length + 7) >> 3;
  w.u8(length);
  w.ensure(nbytes);
  const o = w.buf;
  const p = w.pos;
  for (let i = 0; i < nbytes; i++) {
    const x = i < 4 ? w0 : i < 8 ? w1 : i < 12 ? w2 : w3;
    o[p + i] = x >>> (24 - 8 * (i & 3));
  }
  if (length % 8 !== 0) o[p + nbytes - 1] = o[p + nbytes - 1]! & (0xff00 >> length % 8);
  w.pos = p + nbytes;
}

/** Shared code of IPAddrPrefix and IP6AddrPrefix. */
abstract class PlainPrefix implements BgpNlri {
  static readonly jsonName: string = '';
  protected static readonly FAMILY: PrefixFamily;
  declare length: number;
  /**
   * The address text, or null for a decoded prefix until `addr` is first
   * read (building text costs more than decoding the rest: many decoded
   * prefixes are only re-encoded or compared, never printed). The words hold
   * the decoded address meanwhile; serializeTo writes from them.
   */
  private declare _addr: string | null;
  private declare _w0: number;
  private declare _w1: number;
  private declare _w2: number;
  private declare _w3: number;
  /** RFC 7911 path identifier; null when ADD-PATH is not in use (not printed then) */
  declare path_id: number | null;

  constructor(o: PrefixOpts) {
    this.length = o.length;
    if (wordsPending) {
      wordsPending = false;
      this._addr = null;
      this._w0 = pw0;
      this._w1 = pw1;
      this._w2 = pw2;
      this._w3 = pw3;
    } else {
      this._addr = o.addr;
      this._w0 = 0;
      this._w1 = 0;
      this._w2 = 0;
      this._w3 = 0;
    }
    this.path_id = o.path_id ?? null;
  }

  /** the address (text, zero-padded to a full address: os-ken's addr) */
  get addr(): string {
    let a = this._addr;
    if (a === null) {
      a = familyOf(this.constructor).bits === 32 ? v4NumText(this._w0) : v6WordsText(this._w0, this._w1, this._w2, this._w3);
      this._addr = a;
    }
    return a;
  }
  set addr(text: string) {
    this._addr = text;
  }

  get prefix(): string {
    return `${this.addr}/${this.length}`;
  }
  get formatted_nlri_str(): string {
    return this.prefix;
  }

  toJsonDict(): JsonObject {
    const d: JsonObject = { addr: this.addr, length: this.length };
    if (this.path_id !== null) d.path_id = this.path_id;
    return { [(this.constructor as typeof PlainPrefix).jsonName]: d };
  }

  serializeTo(w: Writer): void {
    const f = familyOf(this.constructor);
    if (this.path_id !== null) w.u32(this.path_id);
    if (this.length > f.bits) badPrefix(f.where, `prefix length ${this.length} > ${f.bits}`, 0);
    if (this._addr === null) writePrefixWords(w, this.length, this._w0, this._w1, this._w2, this._w3);
    else writePrefixBits(w, this.length, f.toBin(this._addr), f.where);
  }

  static decode<T extends PlainPrefix>(this: new (o: PrefixOpts) => T, r: Cursor, end: number, addPath = false): T {
    const f = familyOf(this);
    let pathId: number | null = null;
    if (addPath) {
      needTo(r, end, 4, f.where);
      pathId = rd32(r.bytes, r.pos);
      r.pos += 4;
    }
    needTo(r, end, 1, f.where);
    const start = r.pos;
    const length = r.bytes[r.pos]!;
    if (length > f.bits) badPrefix(f.where, `prefix length ${length} > ${f.bits}`, start);
    const n = (length + 7) >> 3;
    needTo(r, end, 1 + n, f.where);
    const b = r.bytes;
    const p = start + 1;
    pw0 = prefixWord(b, p, n, 0);
    if (f.bits === 32) {
      pw1 = 0;
      pw2 = 0;
      pw3 = 0;
    } else {
      pw1 = prefixWord(b, p, n, 1);
      pw2 = prefixWord(b, p, n, 2);
      pw3 = prefixWord(b, p, n, 3);
    }
    r.pos = p + n;
    wordsPending = true;
    try {
      return new this({ length, addr: '', path_id: pathId });
    } finally {
      wordsPending = false; // (already cleared by PlainPrefix's constructor, unless a subclass's threw first)
    }
  }
}

const familyOf = (cls: unknown): PrefixFamily => (cls as { readonly FAMILY: PrefixFamily }).FAMILY;

export class IPAddrPrefix extends PlainPrefix {
  static override readonly jsonName: string = 'IPAddrPrefix';
  protected static override readonly FAMILY: PrefixFamily = { bits: 32, where: 'ipv4_prefix', toBin: v4Bin, padded: v4PrefixText };
}

/** os-ken BGPNLRI: an UPDATE's NLRI field entry. */
export class BGPNLRI extends IPAddrPrefix {
  static override readonly jsonName: string = 'BGPNLRI';
}

/** os-ken BGPWithdrawnRoute: an UPDATE's Withdrawn Routes entry. */
export class BGPWithdrawnRoute extends IPAddrPrefix {
  static override readonly jsonName: string = 'BGPWithdrawnRoute';
}

export class IP6AddrPrefix extends PlainPrefix {
  static override readonly jsonName: string = 'IP6AddrPrefix';
  protected static override readonly FAMILY: PrefixFamily = { bits: 128, where: 'ipv6_prefix', toBin: v6Bin, padded: v6PrefixText };
}

/** Prefix of an unknown address family: raw bytes (os-ken _BinAddrPrefix). */
export class BinAddrPrefix implements BgpNlri {
  static readonly jsonName: string = '_BinAddrPrefix';
  declare length: number;
  declare addr: Uint8Array;
  constructor(o: { length: number; addr: Uint8Array }) {
    this.length = o.length;
    this.addr = o.addr;
  }
  toJsonDict(): JsonObject {
    return { _BinAddrPrefix: { addr: b64(this.addr), length: this.length } };
  }
  serializeTo(w: Writer): void {
    writePrefixBits(w, this.length, this.addr, '_BinAddrPrefix');
  }
  static decode(r: Cursor, end: number): BinAddrPrefix {
    needTo(r, end, 1, '_BinAddrPrefix');
    const length = r.bytes[r.pos]!;
    const n = (length + 7) >> 3;
    needTo(r, end, 1 + n, '_BinAddrPrefix');
    const addr = r.bytes.slice(r.pos + 1, r.pos + 1 + n);
    r.pos += 1 + n;
    return new BinAddrPrefix({ length, addr });
  }
}

/* ------------------------------------------------------------------ labelled / VPN */

interface LabelledOpts {
  length: number;
  addr: string;
  labels?: number[];
  route_dist?: RouteDistinguisher | string | null;
}

/**
 * Shared code of LabelledIPAddrPrefix, LabelledIP6AddrPrefix,
 * LabelledVPNIPAddrPrefix and LabelledVPNIP6AddrPrefix.
 */
export abstract class LabelledPrefixBase implements BgpNlri {
  static readonly jsonName: string = '_LabelledAddrPrefix';
  /** address size in bytes: 4 or 16 */
  static readonly ADDR_LEN: number = 4;
  static readonly IS_VPN: boolean = false;
  /** wire bit length, labels and RD included */
  declare length: number;
  declare labels: number[];
  declare route_dist: RouteDistinguisher | null;
  /** the IP prefix (os-ken: the last element of the addr tuple) */
  declare ip: string;

  /**
   * os-ken semantics: `length` is the prefix length; 24 bits per label and
   * 64 for the RD are added. With `raw`, `length` is taken as the wire length.
   */
  constructor(o: LabelledOpts, raw = false) {
    const k = this.constructor as typeof LabelledPrefixBase;
    this.labels = o.labels ?? [];
    const rd = o.route_dist ?? null;
    this.route_dist = typeof rd === 'string' ? RouteDistinguisher.fromStr(rd) : rd;
    if (k.IS_VPN && this.route_dist === null) this.route_dist = RouteDistinguisher.fromStr('0:0');
    this.length = raw ? o.length : o.length + 24 * this.labels.length + (k.IS_VPN ? 64 : 0);
    this.ip = o.addr;
  }

  /** prefix length without labels and RD */
  get prefixLength(): number {
    return this.length - 24 * this.labels.length - (this.route_dist !== null ? 64 : 0);
  }
  get prefix(): string {
    return `${this.ip}/${this.prefixLength}`;
  }
  get label_list(): number[] {
    return this.labels;
  }
  get formatted_nlri_str(): string {
    return this.route_dist !== null ? `${this.route_dist.formatted_str}:${this.prefix}` : this.prefix;
  }

  /** os-ken's addr tuple */
  get addr(): JsonValue[] {
    return this.route_dist !== null ? [this.labels.slice(), this.route_dist.toJsonDict(), this.ip] : [this.labels.slice(), this.ip];
  }

  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof LabelledPrefixBase).jsonName]: { addr: this.addr, length: this.length } };
  }

  serializeTo(w: Writer): void {
    const k = this.constructor as typeof LabelledPrefixBase;
    const ipBin = k.ADDR_LEN === 4 ? v4Bin(this.ip) : v6Bin(this.ip);
    const n = this.labels.length;
    const bin = new Uint8Array(3 * n + (this.route_dist !== null ? 8 : 0) + ipBin.length);
    for (let i = 0; i < n; i++) {
      let l = (this.labels[i]! << 4) >>> 0;
      if (i === n - 1 && !WITHDRAW_LABELS.includes(l)) l |= 1;
      bin[3 * i] = (l >>> 16) & 255;
      bin[3 * i + 1] = (l >>> 8) & 255;
      bin[3 * i + 2] = l & 255;
    }
    let p = 3 * n;
    if (this.route_dist !== null) {
      bin.set(this.route_dist.serialize(), p);
      p += 8;
    }
    bin.set(ipBin, p);
    writePrefixBits(w, this.length, bin, k.jsonName);
  }

  /** Decode one prefix of this class (its address size, with or without RD). */
  static decode<T extends LabelledPrefixBase>(this: new (o: LabelledOpts, raw?: boolean) => T, r: Cursor, end: number): T {
    const k = this as unknown as typeof LabelledPrefixBase;
    return LabelledPrefixBase.decodeWith((o) => new this(o, true), k.ADDR_LEN, k.IS_VPN, k.jsonName, r, end);
  }

  protected static decodeWith<T extends LabelledPrefixBase>(
    make: (o: LabelledOpts) => T,
    addrLen: number,
    isVpn: boolean,
    where: string,
    r: Cursor,
    end: number,
  ): T {
    needTo(r, end, 1, where);
    const start = r.pos;
    const b = r.bytes;
    const length = b[start]!;
    const n = (length + 7) >> 3;
    needTo(r, end, 1 + n, where);
    const p0 = start + 1;
    const pend = p0 + n;
    // os-ken _has_no_label: scan labels up to bottom-of-stack or a withdraw label
    const labels: number[] = [];
    let p = p0;
    let complete = false;
    while (pend - p >= 3) {
      const raw = (b[p]! << 16) | (b[p + 1]! << 8) | b[p + 2]!;
      labels.push(raw);
      p += 3;
      if (raw & 1 || raw === 0x800000 || raw === 0) {
        complete = true;
        break;
      }
    }
    if (!complete || !(n > 3 * labels.length)) {
      labels.length = 0;
      p = p0;
    } else {
      for (let i = 0; i < labels.length; i++) labels[i] = labels[i]! >>> 4;
    }
    let rd: RouteDistinguisher | null = null;
    if (isVpn) {
      if (pend - p < 8) badPrefix(where, 'prefix too short for a route distinguisher', p);
      rd = RouteDistinguisher.decodeAt(b, p);
      p += 8;
    }
    const rest = pend - p;
    if (rest > addrLen) badPrefix(where, `prefix length ${length} too long`, start);
    const ip = addrLen === 4 ? v4PrefixText(b, p, rest) : v6PrefixText(b, p, rest);
    r.pos = pend;
    return make({ length, addr: ip, labels, route_dist: rd });
  }
}

export class LabelledIPAddrPrefix extends LabelledPrefixBase {
  static override readonly jsonName: string = 'LabelledIPAddrPrefix';
}

export class LabelledIP6AddrPrefix extends LabelledPrefixBase {
  static override readonly jsonName: string = 'LabelledIP6AddrPrefix';
  static override readonly ADDR_LEN: number = 16;
}

export class LabelledVPNIPAddrPrefix extends LabelledPrefixBase {
  static override readonly jsonName: string = 'LabelledVPNIPAddrPrefix';
  static override readonly IS_VPN: boolean = true;
}

export class LabelledVPNIP6AddrPrefix extends LabelledPrefixBase {
  static override readonly jsonName: string = 'LabelledVPNIP6AddrPrefix';
  static override readonly ADDR_LEN: number = 16;
  static override readonly IS_VPN: boolean = true;
}
