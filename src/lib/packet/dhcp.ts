/**
 * DHCP (RFC 2131) with its options (os-ken os_ken/lib/packet/dhcp.py).
 * Reached through UDP ports 67/68.
 */
import type { Reader } from '../../wire/reader.js';
import { ipv4ToBin, ipv4ToText, macToBin, macToText } from '../../wire/addrconv.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { JsonDictError, PacketMalformed, PacketTruncated } from '../../wire/errors.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jArr, jClass, jInt, jObj, jStr, need, registerProtocol } from './packet_base.js';
import { UDP } from './udp.js';

export const DHCP_BOOT_REQUEST = 1;
export const DHCP_BOOT_REPLY = 2;
export const DHCP_DISCOVER = 1;
export const DHCP_OFFER = 2;
export const DHCP_REQUEST = 3;
export const DHCP_ACK = 5;
export const DHCP_PAD_OPT = 0;
export const DHCP_SUBNET_MASK_OPT = 1;
export const DHCP_GATEWAY_ADDR_OPT = 3;
export const DHCP_DNS_SERVER_ADDR_OPT = 6;
export const DHCP_HOST_NAME_OPT = 12;
export const DHCP_DOMAIN_NAME_OPT = 15;
export const DHCP_INTERFACE_MTU_OPT = 26;
export const DHCP_REQUESTED_IP_ADDR_OPT = 50;
export const DHCP_IP_ADDR_LEASE_TIME_OPT = 51;
export const DHCP_MESSAGE_TYPE_OPT = 53;
export const DHCP_SERVER_IDENTIFIER_OPT = 54;
export const DHCP_PARAMETER_REQUEST_LIST_OPT = 55;
export const DHCP_RENEWAL_TIME_OPT = 58;
export const DHCP_REBINDING_TIME_OPT = 59;
export const DHCP_CLASSLESS_ROUTE_OPT = 121;
export const DHCP_END_OPT = 255;

const FIXED_LEN = 236;
const MAC_RE = /^[0-9a-fA-F]{1,2}([:-])[0-9a-fA-F]{1,2}(\1[0-9a-fA-F]{1,2}){4}$/;

/** Python `bytes.decode('ascii')` as text (bytes >= 0x80 kept as latin-1: os-ken raises there). */
function asciiText(b: Uint8Array, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) out += String.fromCharCode(b[i]!);
  return out;
}
function asciiBytes(s: string, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < s.length && i < n; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export class Option {
  static readonly jsonName = 'option';
  tag: number;
  value: Uint8Array;
  length: number;
  constructor(o: { tag: number; value: Uint8Array; length?: number }) {
    this.tag = o.tag;
    this.value = o.value;
    this.length = o.length ?? 0;
  }
  toJsonDict(): JsonObject {
    return { option: { length: this.length, tag: this.tag, value: base64Encode(this.value) } };
  }
  static fromJsonDict(d: JsonObject): Option {
    const v = d.value;
    if (typeof v !== 'string') throw new JsonDictError('option.value: expected base64 string');
    return new Option({ tag: jInt(d, 'tag', 0), value: base64Decode(v), length: jInt(d, 'length', 0) });
  }
}

/** An option_list entry: an option, or the raw remainder os-ken keeps when an option is truncated. */
export type OptionItem = Option | Uint8Array;

export class Options {
  static readonly jsonName = 'options';
  static readonly MAGIC_COOKIE = '99.130.83.99';
  option_list: OptionItem[];
  options_len: number;
  magic_cookie: string;
  constructor(o: { option_list?: OptionItem[] | null; options_len?: number; magic_cookie?: string } = {}) {
    this.option_list = o.option_list ?? [];
    this.options_len = o.options_len ?? 0;
    this.magic_cookie = o.magic_cookie ?? Options.MAGIC_COOKIE;
  }

  /** os-ken options.parser over bytes [p, end). */
  static parse(r: Reader, p: number, end: number): Options {
    if (end - p < 4) throw new PacketTruncated('dhcp', 4, end - p, p);
    const b = r.bytes;
    const list: OptionItem[] = [];
    let off = p + 4;
    while (end > off) {
      const tag = b[off]!;
      if (tag === DHCP_END_OPT || tag === DHCP_PAD_OPT) break;
      if (off + 2 > end || off + 2 + b[off + 1]! > end) {
        // os-ken: a truncated option is kept as raw bytes and parsing stops
        list.push(b.slice(off, end));
        break;
      }
      const length = b[off + 1]!;
      list.push(new Option({ tag, value: b.slice(off + 2, off + 2 + length), length }));
      off += length + 2;
    }
    return new Options({ option_list: list, options_len: end - p, magic_cookie: ipv4ToText(b, p) });
  }

  serialize(): Uint8Array {
    const parts: Uint8Array[] = [ipv4ToBin(this.magic_cookie)];
    for (const opt of this.option_list) {
      if (opt instanceof Option) {
        opt.length = opt.value.length;
        const h = new Uint8Array(2 + opt.length);
        h[0] = opt.tag;
        h[1] = opt.length;
        h.set(opt.value, 2);
        parts.push(h);
      } else parts.push(opt);
    }
    const last = this.option_list[this.option_list.length - 1];
    if (last === undefined) throw new PacketMalformed('dhcp', 'options.option_list is empty', 0);
    if (last instanceof Option) parts.push(new Uint8Array([DHCP_END_OPT]));
    const total = parts.reduce((n, x) => n + x.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const x of parts) {
      out.set(x, at);
      at += x.length;
    }
    this.options_len = total;
    return out;
  }

  toJsonDict(): JsonObject {
    const list: JsonValue[] = this.option_list.map((x) => (x instanceof Option ? x.toJsonDict() : base64Encode(x)));
    return { options: { magic_cookie: this.magic_cookie, option_list: list, options_len: this.options_len } };
  }

  static fromJsonDict(d: JsonObject): Options {
    const list = (jArr(d, 'option_list') ?? []).map((x): OptionItem => {
      if (typeof x === 'string') return base64Decode(x);
      const [name, body] = jClass(x, 'option');
      if (name !== 'option') throw new JsonDictError(`unknown DHCP option class ${name}`);
      return Option.fromJsonDict(body);
    });
    return new Options({ option_list: list, options_len: jInt(d, 'options_len', 0), magic_cookie: jStr(d, 'magic_cookie', Options.MAGIC_COOKIE) });
  }
}

export interface DHCPOpts {
  op: number;
  chaddr: string;
  options?: Options | null;
  htype?: number;
  hlen?: number;
  hops?: number;
  xid?: number | null;
  secs?: number;
  flags?: number;
  ciaddr?: string;
  yiaddr?: string;
  siaddr?: string;
  giaddr?: string;
  sname?: string;
  boot_file?: string;
}

export class DHCP extends PacketBase {
  static override readonly jsonName = 'dhcp';
  static override readonly MIN_LEN = FIXED_LEN;
  static readonly _HARDWARE_TYPE_ETHERNET = 1;

  op: number;
  htype: number;
  hlen: number;
  hops: number;
  xid: number;
  secs: number;
  flags: number;
  ciaddr: string;
  yiaddr: string;
  siaddr: string;
  giaddr: string;
  chaddr: string;
  sname: string;
  boot_file: string;
  options: Options | null;

  constructor(o: DHCPOpts) {
    super();
    this.op = o.op;
    this.htype = o.htype ?? DHCP._HARDWARE_TYPE_ETHERNET;
    this.hlen = o.hlen ?? 0;
    this.hops = o.hops ?? 0;
    this.xid = o.xid ?? Math.floor(Math.random() * 0x100000000);
    this.secs = o.secs ?? 0;
    this.flags = o.flags ?? 0;
    this.ciaddr = o.ciaddr ?? '0.0.0.0';
    this.yiaddr = o.yiaddr ?? '0.0.0.0';
    this.siaddr = o.siaddr ?? '0.0.0.0';
    this.giaddr = o.giaddr ?? '0.0.0.0';
    this.chaddr = o.chaddr;
    this.sname = o.sname ?? '';
    this.boot_file = o.boot_file ?? '';
    this.options = o.options ?? null;
  }

  static override decode(r: Reader, ctx: DecodeCtx): DHCP {
    need(r, FIXED_LEN, 'dhcp');
    const p = r.pos;
    const v = r.view;
    const b = r.bytes;
    const hlen = b[p + 2]!;
    const chaddr = hlen === 6 ? macToText(b, p + 28) : asciiText(b, p + 28, p + 44);
    let options: Options | null = null;
    let end = p + FIXED_LEN;
    if (r.end > end) {
      options = Options.parse(r, end, r.end);
      end += options.options_len;
    }
    const d = new DHCP({
      op: b[p]!,
      htype: b[p + 1]!,
      hlen,
      hops: b[p + 3]!,
      xid: v.getUint32(p + 4),
      secs: v.getUint16(p + 8),
      flags: v.getUint16(p + 10),
      ciaddr: ipv4ToText(b, p + 12),
      yiaddr: ipv4ToText(b, p + 16),
      siaddr: ipv4ToText(b, p + 20),
      giaddr: ipv4ToText(b, p + 24),
      chaddr,
      sname: asciiText(b, p + 44, p + 108),
      boot_file: asciiText(b, p + 108, p + 236),
      options,
    });
    r.pos = Math.min(end, r.end);
    ctx.next = null;
    return d;
  }

  override serialize(_payload: Uint8Array, _prev: PacketBase | null): Uint8Array {
    const opt = this.options !== null ? this.options.serialize() : new Uint8Array(0);
    const chaddr = MAC_RE.test(this.chaddr) ? macToBin(this.chaddr) : asciiBytes(this.chaddr, this.chaddr.length);
    this.hlen = chaddr.length;
    const out = new Uint8Array(FIXED_LEN + opt.length);
    const v = new DataView(out.buffer);
    out[0] = this.op;
    out[1] = this.htype;
    out[2] = this.hlen;
    out[3] = this.hops;
    v.setUint32(4, this.xid >>> 0);
    v.setUint16(8, this.secs);
    v.setUint16(10, this.flags);
    out.set(ipv4ToBin(this.ciaddr), 12);
    out.set(ipv4ToBin(this.yiaddr), 16);
    out.set(ipv4ToBin(this.siaddr), 20);
    out.set(ipv4ToBin(this.giaddr), 24);
    out.set(chaddr.subarray(0, 16), 28);
    out.set(asciiBytes(this.sname, 64), 44);
    out.set(asciiBytes(this.boot_file, 128), 108);
    out.set(opt, FIXED_LEN);
    return out;
  }

  override serializeInto(out: SerializeBuffer, prev: PacketBase | null): void {
    out.prependBytes(this.serialize(out.bytes(), prev));
  }

  override toJsonFields(): JsonObject {
    return {
      boot_file: this.boot_file,
      chaddr: this.chaddr,
      ciaddr: this.ciaddr,
      flags: this.flags,
      giaddr: this.giaddr,
      hlen: this.hlen,
      hops: this.hops,
      htype: this.htype,
      op: this.op,
      options: this.options === null ? null : this.options.toJsonDict(),
      secs: this.secs,
      siaddr: this.siaddr,
      sname: this.sname,
      xid: this.xid,
      yiaddr: this.yiaddr,
    };
  }

  static override fromJsonDict(d: JsonObject): DHCP {
    let options: Options | null = null;
    if (d.options !== undefined && d.options !== null) {
      const [name, body] = jClass(jObj(d.options, 'dhcp.options'), 'dhcp.options');
      if (name !== 'options') throw new JsonDictError(`dhcp.options: unexpected ${name}`);
      options = Options.fromJsonDict(body);
    }
    return new DHCP({
      op: jInt(d, 'op', 0),
      chaddr: jStr(d, 'chaddr', ''),
      options,
      htype: jInt(d, 'htype', 1),
      hlen: jInt(d, 'hlen', 0),
      hops: jInt(d, 'hops', 0),
      xid: jInt(d, 'xid', 0),
      secs: jInt(d, 'secs', 0),
      flags: jInt(d, 'flags', 0),
      ciaddr: jStr(d, 'ciaddr', '0.0.0.0'),
      yiaddr: jStr(d, 'yiaddr', '0.0.0.0'),
      siaddr: jStr(d, 'siaddr', '0.0.0.0'),
      giaddr: jStr(d, 'giaddr', '0.0.0.0'),
      sname: jStr(d, 'sname', ''),
      boot_file: jStr(d, 'boot_file', ''),
    });
  }
}

registerProtocol(DHCP);
// os-ken udp.get_packet_type: the first rule of its if-chain
UDP.registerPortRule(10, (s, d) => ((s === 67 || s === 68) && d === 67) || ((d === 67 || d === 68) && s === 67), DHCP);
