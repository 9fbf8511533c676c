/**
 * DHCPv6 (RFC 3315) with its options (os-ken os_ken/lib/packet/dhcp6.py).
 * Reached through UDP ports 546/547.
 */
import type { Reader } from '../../wire/reader.js';
import { ipv6ToBin, ipv6ToText } from '../../wire/addrconv.js';
import { base64Decode, base64Encode, type JsonObject } from '../../wire/json/json.js';
import { JsonDictError, PacketTruncated } from '../../wire/errors.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jArr, jClass, jInt, jObj, need, registerProtocol } from './packet_base.js';
import { UDP } from './udp.js';

export const DHCPV6_SOLICIT = 1;
export const DHCPV6_ADVERTISE = 2;
export const DHCPV6_REQUEST = 3;
export const DHCPV6_CONFIRM = 4;
export const DHCPV6_RENEW = 5;
export const DHCPV6_REBIND = 6;
export const DHCPV6_REPLY = 7;
export const DHCPV6_RELEASE = 8;
export const DHCPV6_DECLINE = 9;
export const DHCPV6_RECONFIGURE = 10;
export const DHCPV6_INFORMATION_REQUEST = 11;
export const DHCPV6_RELAY_FORW = 12;
export const DHCPV6_RELAY_REPL = 13;
export const DHCPV6_OPTION_CLIENTID = 1;
export const DHCPV6_OPTION_SERVERID = 2;
export const DHCPV6_OPTION_IA_NA = 3;
export const DHCPV6_OPTION_IA_TA = 4;
export const DHCPV6_OPTION_IAADDR = 5;
export const DHCPV6_OPTION_ORO = 6;
export const DHCPV6_OPTION_PREFERENCE = 7;
export const DHCPV6_OPTION_ELAPSED_TIME = 8;
export const DHCPV6_OPTION_RELAY_MSG = 9;
export const DHCPV6_OPTION_AUTH = 11;
export const DHCPV6_OPTION_UNICAST = 12;
export const DHCPV6_OPTION_STATUS_CODE = 13;
export const DHCPV6_OPTION_RAPID_COMMIT = 14;
export const DHCPV6_OPTION_USER_CLASS = 15;
export const DHCPV6_OPTION_VENDOR_CLASS = 16;
export const DHCPV6_OPTION_VENDOR_OPTS = 17;
export const DHCPV6_OPTION_INTERFACE_ID = 18;
export const DHCPV6_OPTION_RECONF_MSG = 19;
export const DHCPV6_OPTION_RECONF_ACCEPT = 20;

const isRelay = (t: number): boolean => t === DHCPV6_RELAY_FORW || t === DHCPV6_RELAY_REPL;
/** os-ken leaves these addresses unannotated: JSON is base64 of the text */
const strB64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const strFromB64 = (s: string): string => Buffer.from(s, 'base64').toString('utf8');

export class Option {
  static readonly jsonName = 'option';
  code: number;
  data: Uint8Array;
  length: number;
  constructor(o: { code: number; data: Uint8Array; length?: number }) {
    this.code = o.code;
    this.data = o.data;
    this.length = o.length ?? 0;
  }
  toJsonDict(): JsonObject {
    return { option: { code: this.code, data: base64Encode(this.data), length: this.length } };
  }
  static fromJsonDict(d: JsonObject): Option {
    const v = d.data;
    if (typeof v !== 'string') throw new JsonDictError('option.data: expected base64 string');
    return new Option({ code: jInt(d, 'code', 0), data: base64Decode(v), length: jInt(d, 'length', 0) });
  }
}

export class Options {
  static readonly jsonName = 'options';
  option_list: Option[];
  options_len: number;
  constructor(o: { option_list?: Option[] | null; options_len?: number } = {}) {
    this.option_list = o.option_list ?? [];
    this.options_len = o.options_len ?? 0;
  }
  /** os-ken options.parser over [p, end): every option must fit. */
  static parse(r: Reader, p: number, end: number): Options {
    const v = r.view;
    const list: Option[] = [];
    let off = p;
    while (end > off) {
      if (off + 4 > end) throw new PacketTruncated('dhcp6', 4, end - off, off);
      const code = v.getUint16(off);
      const length = v.getUint16(off + 2);
      if (off + 4 + length > end) throw new PacketTruncated('dhcp6', length, end - off - 4, off + 4);
      list.push(new Option({ code, data: r.bytes.slice(off + 4, off + 4 + length), length }));
      off += 4 + length;
    }
    return new Options({ option_list: list, options_len: end - p });
  }
  serialize(): Uint8Array {
    let n = 0;
    for (const o of this.option_list) {
      if (o.length === 0) o.length = o.data.length;
      n += 4 + o.length;
    }
    const out = new Uint8Array(n);
    const v = new DataView(out.buffer);
    let at = 0;
    for (const o of this.option_list) {
      v.setUint16(at, o.code);
      v.setUint16(at + 2, o.length);
      out.set(o.data.subarray(0, o.length), at + 4);
      at += 4 + o.length;
    }
    if (this.options_len === 0) this.options_len = n;
    return out;
  }
  toJsonDict(): JsonObject {
    return { options: { option_list: this.option_list.map((o) => o.toJsonDict()), options_len: this.options_len } };
  }
  static fromJsonDict(d: JsonObject): Options {
    const list = (jArr(d, 'option_list') ?? []).map((x) => {
      const [name, body] = jClass(x, 'option');
      if (name !== 'option') throw new JsonDictError(`unknown DHCPv6 option class ${name}`);
      return Option.fromJsonDict(body);
    });
    return new Options({ option_list: list, options_len: jInt(d, 'options_len', 0) });
  }
}

export interface DHCP6Opts {
  msg_type: number;
  options: Options;
  transaction_id?: number | null;
  hop_count?: number;
  link_address?: string;
  peer_address?: string;
}

export class DHCP6 extends PacketBase {
  static override readonly jsonName = 'dhcp6';
  static override readonly MIN_LEN = 8;

  msg_type: number;
  options: Options;
  transaction_id: number;
  hop_count: number;
  link_address: string;
  peer_address: string;

  constructor(o: DHCP6Opts) {
    super();
    this.msg_type = o.msg_type;
    this.options = o.options;
    this.transaction_id = o.transaction_id ?? Math.floor(Math.random() * 0x1000000);
    this.hop_count = o.hop_count ?? 0;
    this.link_address = o.link_address ?? '::';
    this.peer_address = o.peer_address ?? '::';
  }

  static override decode(r: Reader, ctx: DecodeCtx): DHCP6 | null {
    need(r, 1, 'dhcp6');
    const p = r.pos;
    const b = r.bytes;
    const msgType = b[p]!;
    const relay = isRelay(msgType);
    const hlen = relay ? 34 : 4;
    need(r, hlen, 'dhcp6');
    ctx.next = null;
    if (r.end - p <= hlen) {
      // os-ken returns (None, None, buf) where buf has its first byte zeroed
      const rest = b.slice(p, r.end);
      rest[0] = 0;
      ctx.restBytes = rest;
      return null;
    }
    const options = Options.parse(r, p + hlen, r.end);
    const d = relay
      ? new DHCP6({ msg_type: msgType, options, transaction_id: 0, hop_count: b[p + 1]!, link_address: ipv6ToText(b, p + 2), peer_address: ipv6ToText(b, p + 18) })
      : new DHCP6({ msg_type: msgType, options, transaction_id: r.view.getUint32(p) & 0xffffff });
    r.pos = r.end;
    return d;
  }

  override serialize(_payload: Uint8Array, _prev: PacketBase | null): Uint8Array {
    const opt = this.options.serialize();
    const relay = isRelay(this.msg_type);
    const hlen = relay ? 34 : 4;
    const out = new Uint8Array(hlen + this.options.options_len);
    const v = new DataView(out.buffer);
    if (relay) {
      v.setUint16(0, this.hop_count & 0xffff);
      out.set(ipv6ToBin(this.link_address), 2);
      out.set(ipv6ToBin(this.peer_address), 18);
    } else v.setUint32(0, this.transaction_id >>> 0);
    out.set(opt.subarray(0, this.options.options_len), hlen);
    out[0] = this.msg_type;
    return out;
  }

  override serializeInto(out: SerializeBuffer, prev: PacketBase | null): void {
    out.prependBytes(this.serialize(out.bytes(), prev));
  }

  override toJsonFields(): JsonObject {
    return {
      hop_count: this.hop_count,
      link_address: strB64(this.link_address),
      msg_type: this.msg_type,
      options: this.options.toJsonDict(),
      peer_address: strB64(this.peer_address),
      transaction_id: this.transaction_id,
    };
  }

  static override fromJsonDict(d: JsonObject): DHCP6 {
    const [name, body] = jClass(jObj(d.options, 'dhcp6.options'), 'dhcp6.options');
    if (name !== 'options') throw new JsonDictError(`dhcp6.options: unexpected ${name}`);
    const s = (k: string): string => {
      const x = d[k];
      return typeof x === 'string' ? strFromB64(x) : '::';
    };
    return new DHCP6({
      msg_type: jInt(d, 'msg_type', 0),
      options: Options.fromJsonDict(body),
      transaction_id: jInt(d, 'transaction_id', 0),
      hop_count: jInt(d, 'hop_count', 0),
      link_address: s('link_address'),
      peer_address: s('peer_address'),
    });
  }
}

registerProtocol(DHCP6);
// os-ken udp.get_packet_type: second rule of its if-chain
UDP.registerPortRule(20, (s, d) => ((s === 546 || s === 547) && d === 547) || ((d === 546 || d === 547) && s === 547), DHCP6);
