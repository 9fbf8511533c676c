/**
 * MRT records (RFC 6396) as os-ken's os_ken/lib/mrtlib.py classes:
 * MrtRecord (common / extended-timestamp header) -> MrtMessage by type and
 * subtype: TABLE_DUMP, TABLE_DUMP_V2 (peer index table, AFI/SAFI-specific
 * and generic RIBs, ADD-PATH variants), BGP4MP / BGP4MP_ET (state change,
 * message, AS4, local, ADD-PATH subtypes). Types os-ken lacks (and OSPFv2,
 * whose message decoder lives in the OSPF packet module) decode as
 * UnknownMrtMessage, keeping the bytes.
 */
import { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { PacketMalformed, PacketTruncated } from '../../wire/errors.js';
import { ipv4ToBin, ipv4ToText } from '../../wire/addrconv.js';
import type { JsonObject, JsonValue } from '../../wire/json/json.js';
import { type BGPMessage, decodeMessage } from '../packet/bgp/header.js';
import type { BGPPathAttribute } from '../packet/bgp/attributes.js';
import { decodePathAttributes } from '../packet/bgp/mp_nlri.js';
import { BGPNLRI, IP6AddrPrefix, IPAddrPrefix } from '../packet/bgp/nlri/prefix.js';
import { type BgpOptions, b64, ipBinToText, ipTextToBin, jsonList } from '../packet/bgp/util.js';

export const MRT_TYPE_OSPFv2 = 11;
export const MRT_TYPE_TABLE_DUMP = 12;
export const MRT_TYPE_TABLE_DUMP_V2 = 13;
export const MRT_TYPE_BGP4MP = 16;
export const MRT_TYPE_BGP4MP_ET = 17;
export const MRT_TYPE_ISIS = 32;
export const MRT_TYPE_ISIS_ET = 33;
export const MRT_TYPE_OSPFv3 = 48;
export const MRT_TYPE_OSPFv3_ET = 49;

function sortKeys(d: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(d).sort()) out[k] = d[k]!;
  return out;
}

function mrtErr(where: string, detail: string, off: number): never {
  throw new PacketMalformed(where, detail, off);
}

function need(end: number, p: number, n: number, where: string): void {
  if (end - p < n) throw new PacketTruncated(where, n, end - p, p);
}

/** Decoding state handed down a record (one Reader over the record's bytes). */
export interface MrtCtx {
  r: Reader;
  opts: BgpOptions;
}

/* ------------------------------------------------------------------ messages */

export abstract class MrtMessage {
  static readonly jsonName: string = 'MrtMessage';
  /** inner JSON dict (keys unsorted) */
  abstract fields(): JsonObject;
  abstract serializeTo(w: Writer): void;
  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof MrtMessage).jsonName]: sortKeys(this.fields()) };
  }
}

export class UnknownMrtMessage extends MrtMessage {
  static override readonly jsonName: string = 'UnknownMrtMessage';
  declare buf: Uint8Array;
  constructor(buf: Uint8Array) {
    super();
    this.buf = buf;
  }
  fields(): JsonObject {
    return { buf: b64(this.buf) };
  }
  serializeTo(w: Writer): void {
    w.bytes(this.buf);
  }
}

/* TABLE_DUMP */

export interface TableDumpOpts {
  view_num: number;
  seq_num: number;
  prefix: string;
  prefix_len: number;
  status: number;
  originated_time: number;
  peer_ip: string;
  peer_as: number;
  bgp_attributes: BGPPathAttribute[];
  attr_len?: number | null;
}

export abstract class TableDumpMrtMessage extends MrtMessage {
  static readonly ADDR_LEN: number = 4;
  declare view_num: number;
  declare seq_num: number;
  declare prefix: string;
  declare prefix_len: number;
  declare status: number;
  declare originated_time: number;
  declare peer_ip: string;
  declare peer_as: number;
  declare attr_len: number | null;
  declare bgp_attributes: BGPPathAttribute[];
  constructor(o: TableDumpOpts) {
    super();
    this.view_num = o.view_num;
    this.seq_num = o.seq_num;
    this.prefix = o.prefix;
    this.prefix_len = o.prefix_len;
    if (o.status !== 1) mrtErr('TableDumpMrtMessage', `status must be 1, got ${o.status}`, 0);
    this.status = o.status;
    this.originated_time = o.originated_time;
    this.peer_ip = o.peer_ip;
    this.peer_as = o.peer_as;
    this.attr_len = o.attr_len ?? null;
    this.bgp_attributes = o.bgp_attributes;
  }
  fields(): JsonObject {
    return {
      attr_len: this.attr_len,
      bgp_attributes: jsonList(this.bgp_attributes),
      originated_time: this.originated_time,
      peer_as: this.peer_as,
      peer_ip: this.peer_ip,
      prefix: this.prefix,
      prefix_len: this.prefix_len,
      seq_num: this.seq_num,
      status: this.status,
      view_num: this.view_num,
    };
  }
  serializeTo(w: Writer): void {
    w.u16(this.view_num);
    w.u16(this.seq_num);
    w.bytes(ipTextToBin(this.prefix));
    w.u8(this.prefix_len);
    w.u8(this.status);
    w.u32(this.originated_time);
    w.bytes(ipTextToBin(this.peer_ip));
    w.u16(this.peer_as);
    const at = w.pos;
    w.u16(0);
    for (const a of this.bgp_attributes) a.serializeTo(w);
    this.attr_len = w.pos - at - 2;
    w.view.setUint16(at, this.attr_len);
  }
  static decodeWith<T extends TableDumpMrtMessage>(make: (o: TableDumpOpts) => T, alen: number, c: MrtCtx, p: number, end: number): T {
    const { r } = c;
    const b = r.bytes;
    const v = r.view;
    const hdr = 2 + 2 + alen + 1 + 1 + 4 + alen + 2 + 2;
    need(end, p, hdr, 'TableDumpMrtMessage');
    const attrLen = v.getUint16(p + hdr - 2);
    const aend = Math.min(p + hdr + attrLen, end); // os-ken slices
    r.pos = p + hdr;
    const attrs = decodePathAttributes(r, aend, c.opts);
    return make({
      view_num: v.getUint16(p),
      seq_num: v.getUint16(p + 2),
      prefix: ipBinToText(b, p + 4, alen, 'TableDumpMrtMessage'),
      prefix_len: b[p + 4 + alen]!,
      status: b[p + 5 + alen]!,
      originated_time: v.getUint32(p + 6 + alen),
      peer_ip: ipBinToText(b, p + 10 + alen, alen, 'TableDumpMrtMessage'),
      peer_as: v.getUint16(p + 10 + 2 * alen),
      attr_len: attrLen,
      bgp_attributes: attrs,
    });
  }
}

export class TableDumpAfiIPv4MrtMessage extends TableDumpMrtMessage {
  static override readonly jsonName: string = 'TableDumpAfiIPv4MrtMessage';
}
export class TableDumpAfiIPv6MrtMessage extends TableDumpMrtMessage {
  static override readonly jsonName: string = 'TableDumpAfiIPv6MrtMessage';
  static override readonly ADDR_LEN: number = 16;
}

/* TABLE_DUMP_V2 */

export class MrtPeer {
  static readonly jsonName = 'MrtPeer';
  static readonly IP_ADDR_FAMILY_BIT = 1 << 0;
  static readonly AS_NUMBER_SIZE_BIT = 1 << 1;
  declare type: number;
  declare bgp_id: string;
  declare ip_addr: string;
  declare as_num: number;
  constructor(o: { bgp_id: string; ip_addr: string; as_num: number; type_?: number }) {
    this.type = o.type_ ?? 0;
    this.bgp_id = o.bgp_id;
    this.ip_addr = o.ip_addr;
    this.as_num = o.as_num;
  }
  toJsonDict(): JsonObject {
    return { MrtPeer: { as_num: this.as_num, bgp_id: this.bgp_id, ip_addr: this.ip_addr, type: this.type } };
  }
  serializeTo(w: Writer): void {
    const ip = ipTextToBin(this.ip_addr);
    if (ip.length === 16) this.type |= MrtPeer.IP_ADDR_FAMILY_BIT;
    const as4 = (this.type & MrtPeer.AS_NUMBER_SIZE_BIT) !== 0 || this.as_num > 0xffff;
    if (as4) this.type |= MrtPeer.AS_NUMBER_SIZE_BIT;
    w.u8(this.type);
    w.bytes(ipv4ToBin(this.bgp_id));
    w.bytes(ip);
    if (as4) w.u32(this.as_num);
    else w.u16(this.as_num);
  }
  /** Decode at r.pos; advances r.pos. */
  static decode(r: Reader, end: number): MrtPeer {
    const p = r.pos;
    need(end, p, 5, 'MrtPeer');
    const type = r.bytes[p]!;
    const alen = type & MrtPeer.IP_ADDR_FAMILY_BIT ? 16 : 4;
    const aslen = type & MrtPeer.AS_NUMBER_SIZE_BIT ? 4 : 2;
    need(end, p, 5 + alen + aslen, 'MrtPeer');
    const asNum = aslen === 4 ? r.view.getUint32(p + 5 + alen) : r.view.getUint16(p + 5 + alen);
    r.pos = p + 5 + alen + aslen;
    return new MrtPeer({ type_: type, bgp_id: ipv4ToText(r.bytes, p + 1), ip_addr: ipBinToText(r.bytes, p + 5, alen, 'MrtPeer'), as_num: asNum });
  }
}

export class TableDump2PeerIndexTableMrtMessage extends MrtMessage {
  static override readonly jsonName: string = 'TableDump2PeerIndexTableMrtMessage';
  declare bgp_id: string;
  declare peer_entries: MrtPeer[];
  declare view_name: string;
  declare view_name_len: number | null;
  declare peer_count: number | null;
  constructor(o: { bgp_id: string; peer_entries: MrtPeer[]; view_name?: string; view_name_len?: number | null; peer_count?: number | null }) {
    super();
    this.bgp_id = o.bgp_id;
    this.peer_entries = o.peer_entries;
    this.view_name = o.view_name ?? '';
    this.view_name_len = o.view_name_len ?? null;
    this.peer_count = o.peer_count ?? null;
  }
  fields(): JsonObject {
    return {
      bgp_id: this.bgp_id,
      peer_count: this.peer_count,
      peer_entries: jsonList(this.peer_entries),
      // os-ken does not annotate view_name as ascii: base64 of its UTF-8
      view_name: Buffer.from(this.view_name, 'utf8').toString('base64'),
      view_name_len: this.view_name_len,
    };
  }
  serializeTo(w: Writer): void {
    const name = new TextEncoder().encode(this.view_name);
    this.view_name_len = name.length;
    this.peer_count = this.peer_entries.length;
    w.bytes(ipv4ToBin(this.bgp_id));
    w.u16(this.view_name_len);
    w.bytes(name);
    w.u16(this.peer_count);
    for (const p of this.peer_entries) p.serializeTo(w);
  }
  static decode(c: MrtCtx, p: number, end: number): TableDump2PeerIndexTableMrtMessage {
    const { r } = c;
    need(end, p, 6, 'TableDump2PeerIndexTableMrtMessage');
    const nameLen = r.view.getUint16(p + 4);
    need(end, p, 8 + nameLen, 'TableDump2PeerIndexTableMrtMessage');
    const viewName = new TextDecoder('utf-8').decode(r.bytes.subarray(p + 6, p + 6 + nameLen));
    const count = r.view.getUint16(p + 6 + nameLen);
    r.pos = p + 8 + nameLen;
    const peers: MrtPeer[] = [];
    for (let i = 0; i < count; i++) peers.push(MrtPeer.decode(r, end));
    return new TableDump2PeerIndexTableMrtMessage({
      bgp_id: ipv4ToText(r.bytes, p),
      peer_entries: peers,
      view_name: viewName,
      view_name_len: nameLen,
      peer_count: count,
    });
  }
}

export class MrtRibEntry {
  static readonly jsonName = 'MrtRibEntry';
  declare peer_index: number;
  declare originated_time: number;
  declare bgp_attributes: BGPPathAttribute[];
  declare attr_len: number | null;
  declare path_id: number | null;
  constructor(o: { peer_index: number; originated_time: number; bgp_attributes: BGPPathAttribute[]; attr_len?: number | null; path_id?: number | null }) {
    this.peer_index = o.peer_index;
    this.originated_time = o.originated_time;
    this.bgp_attributes = o.bgp_attributes;
    this.attr_len = o.attr_len ?? null;
    this.path_id = o.path_id ?? null;
  }
  toJsonDict(): JsonObject {
    return {
      MrtRibEntry: {
        attr_len: this.attr_len,
        bgp_attributes: jsonList(this.bgp_attributes),
        originated_time: this.originated_time,
        path_id: this.path_id,
        peer_index: this.peer_index,
      },
    };
  }
  serializeTo(w: Writer): void {
    w.u16(this.peer_index);
    w.u32(this.originated_time);
    if (this.path_id !== null) w.u32(this.path_id);
    const at = w.pos;
    w.u16(0);
    for (const a of this.bgp_attributes) a.serializeTo(w);
    this.attr_len = w.pos - at - 2;
    w.view.setUint16(at, this.attr_len);
  }
  static decode(c: MrtCtx, end: number, addPath: boolean): MrtRibEntry {
    const { r } = c;
    const p = r.pos;
    const hl = addPath ? 12 : 8;
    need(end, p, hl, 'MrtRibEntry');
    const v = r.view;
    const attrLen = v.getUint16(p + hl - 2);
    need(end, p, hl + attrLen, 'MrtRibEntry');
    r.pos = p + hl;
    const attrs = decodePathAttributes(r, p + hl + attrLen, c.opts);
    r.pos = p + hl + attrLen;
    return new MrtRibEntry({
      peer_index: v.getUint16(p),
      originated_time: v.getUint32(p + 2),
      path_id: addPath ? v.getUint32(p + 6) : null,
      attr_len: attrLen,
      bgp_attributes: attrs,
    });
  }
}

function decodeRibEntries(c: MrtCtx, end: number, addPath: boolean): [number, MrtRibEntry[]] {
  need(end, c.r.pos, 2, 'rib_entries');
  const count = c.r.view.getUint16(c.r.pos);
  c.r.pos += 2;
  const out: MrtRibEntry[] = [];
  for (let i = 0; i < count; i++) out.push(MrtRibEntry.decode(c, end, addPath));
  return [count, out];
}

function writeRibEntries(w: Writer, entries: MrtRibEntry[]): number {
  w.u16(entries.length);
  for (const e of entries) e.serializeTo(w);
  return entries.length;
}

/** AFI/SAFI-specific RIB (RIB_IPV4_UNICAST ... RIB_IPV6_MULTICAST_ADDPATH). */
export abstract class TableDump2AfiSafiSpecificRibMrtMessage extends MrtMessage {
  static readonly IPV6: boolean = false;
  static readonly IS_ADDPATH: boolean = false;
  declare seq_num: number;
  declare prefix: IPAddrPrefix | IP6AddrPrefix;
  declare entry_count: number | null;
  declare rib_entries: MrtRibEntry[];
  constructor(o: { seq_num: number; prefix: IPAddrPrefix | IP6AddrPrefix; rib_entries: MrtRibEntry[]; entry_count?: number | null }) {
    super();
    this.seq_num = o.seq_num;
    this.prefix = o.prefix;
    this.entry_count = o.entry_count ?? null;
    this.rib_entries = o.rib_entries;
  }
  fields(): JsonObject {
    return { entry_count: this.entry_count, prefix: this.prefix.toJsonDict(), rib_entries: jsonList(this.rib_entries), seq_num: this.seq_num };
  }
  serializeTo(w: Writer): void {
    w.u32(this.seq_num);
    this.prefix.serializeTo(w);
    this.entry_count = writeRibEntries(w, this.rib_entries);
  }
  static decodeWith(
    make: (o: { seq_num: number; prefix: IPAddrPrefix | IP6AddrPrefix; rib_entries: MrtRibEntry[]; entry_count: number }) => TableDump2AfiSafiSpecificRibMrtMessage,
    ipv6: boolean,
    addPath: boolean,
    c: MrtCtx,
    p: number,
    end: number,
  ): TableDump2AfiSafiSpecificRibMrtMessage {
    const { r } = c;
    need(end, p, 4, 'TableDump2RibMrtMessage');
    r.pos = p + 4;
    const prefix = ipv6 ? IP6AddrPrefix.decode(r, end) : IPAddrPrefix.decode(r, end);
    const [count, entries] = decodeRibEntries(c, end, addPath);
    return make({ seq_num: r.view.getUint32(p), prefix, rib_entries: entries, entry_count: count });
  }
}

function ribClass(name: string, ipv6: boolean, addPath: boolean) {
  const K = class extends TableDump2AfiSafiSpecificRibMrtMessage {
    static override readonly jsonName: string = name;
    static override readonly IPV6: boolean = ipv6;
    static override readonly IS_ADDPATH: boolean = addPath;
    static decode(c: MrtCtx, p: number, end: number): TableDump2AfiSafiSpecificRibMrtMessage {
      return TableDump2AfiSafiSpecificRibMrtMessage.decodeWith((o) => new K(o), ipv6, addPath, c, p, end);
    }
  };
  return K;
}

export const TableDump2RibIPv4UnicastMrtMessage = ribClass('TableDump2RibIPv4UnicastMrtMessage', false, false);
export const TableDump2RibIPv4MulticastMrtMessage = ribClass('TableDump2RibIPv4MulticastMrtMessage', false, false);
export const TableDump2RibIPv6UnicastMrtMessage = ribClass('TableDump2RibIPv6UnicastMrtMessage', true, false);
export const TableDump2RibIPv6MulticastMrtMessage = ribClass('TableDump2RibIPv6MulticastMrtMessage', true, false);
export const TableDump2RibIPv4UnicastAddPathMrtMessage = ribClass('TableDump2RibIPv4UnicastAddPathMrtMessage', false, true);
export const TableDump2RibIPv4MulticastAddPathMrtMessage = ribClass('TableDump2RibIPv4MulticastAddPathMrtMessage', false, true);
export const TableDump2RibIPv6UnicastAddPathMrtMessage = ribClass('TableDump2RibIPv6UnicastAddPathMrtMessage', true, true);
export const TableDump2RibIPv6MulticastAddPathMrtMessage = ribClass('TableDump2RibIPv6MulticastAddPathMrtMessage', true, true);

/** RIB_GENERIC / RIB_GENERIC_ADDPATH: afi, safi and a prefix decoded as an IPv4 BGPNLRI, as os-ken does. */
export class TableDump2RibGenericMrtMessage extends MrtMessage {
  static override readonly jsonName: string = 'TableDump2RibGenericMrtMessage';
  static readonly IS_ADDPATH: boolean = false;
  declare seq_num: number;
  declare afi: number;
  declare safi: number;
  declare nlri: IPAddrPrefix;
  declare entry_count: number | null;
  declare rib_entries: MrtRibEntry[];
  constructor(o: { seq_num: number; afi: number; safi: number; nlri: IPAddrPrefix; rib_entries: MrtRibEntry[]; entry_count?: number | null }) {
    super();
    this.seq_num = o.seq_num;
    this.afi = o.afi;
    this.safi = o.safi;
    this.nlri = o.nlri;
    this.entry_count = o.entry_count ?? null;
    this.rib_entries = o.rib_entries;
  }
  fields(): JsonObject {
    return {
      afi: this.afi,
      entry_count: this.entry_count,
      nlri: this.nlri.toJsonDict(),
      rib_entries: jsonList(this.rib_entries),
      safi: this.safi,
      seq_num: this.seq_num,
    };
  }
  serializeTo(w: Writer): void {
    w.u32(this.seq_num);
    w.u16(this.afi);
    w.u8(this.safi);
    this.nlri.serializeTo(w);
    this.entry_count = writeRibEntries(w, this.rib_entries);
  }
  static decode(c: MrtCtx, p: number, end: number): TableDump2RibGenericMrtMessage {
    const { r } = c;
    need(end, p, 7, this.jsonName);
    r.pos = p + 7;
    const nlri = BGPNLRI.decode(r, end);
    const [count, entries] = decodeRibEntries(c, end, this.IS_ADDPATH);
    return new this({ seq_num: r.view.getUint32(p), afi: r.view.getUint16(p + 4), safi: r.bytes[p + 6]!, nlri, rib_entries: entries, entry_count: count });
  }
}

export class TableDump2RibGenericAddPathMrtMessage extends TableDump2RibGenericMrtMessage {
  static override readonly jsonName: string = 'TableDump2RibGenericAddPathMrtMessage';
  static override readonly IS_ADDPATH: boolean = true;
}

/* BGP4MP */

function afiAddrLen(afi: number, p: number): number {
  if (afi === 1) return 4;
  if (afi === 2) return 16;
  return mrtErr('Bgp4MpMrtMessage', `Unsupported address family: ${afi}`, p);
}

function afiOf(peer: string, local: string): number {
  const v6p = peer.includes(':');
  if (v6p !== local.includes(':')) mrtErr('Bgp4MpMrtMessage', `peer_ip and local_ip must be the same address family: peer_ip=${peer}, local_ip=${local}`, 0);
  return v6p ? 2 : 1;
}

/** The common head of BGP4MP records: peer/local AS (2 or 4 bytes), interface index, AFI, peer/local addresses. */
interface Bgp4MpHead {
  peer_as: number;
  local_as: number;
  if_index: number;
  afi: number | null;
  peer_ip: string;
  local_ip: string;
}

/** Write the head (its AFI taken from the addresses, and set on `m`). */
function writeBgp4MpHead(w: Writer, m: Bgp4MpHead, as4: boolean): void {
  m.afi = afiOf(m.peer_ip, m.local_ip);
  if (as4) {
    w.u32(m.peer_as);
    w.u32(m.local_as);
  } else {
    w.u16(m.peer_as);
    w.u16(m.local_as);
  }
  w.u16(m.if_index);
  w.u16(m.afi);
  w.bytes(ipTextToBin(m.peer_ip));
  w.bytes(ipTextToBin(m.local_ip));
}

/** Read the head at p, checking that `tail` more bytes follow it; returns it and where the rest starts. */
function readBgp4MpHead(c: MrtCtx, p: number, end: number, as4: boolean, tail: number, where: string): [Bgp4MpHead, number] {
  const { r } = c;
  const asl = as4 ? 4 : 2;
  need(end, p, 2 * asl + 4, where);
  const v = r.view;
  const afi = v.getUint16(p + 2 * asl + 2);
  const al = afiAddrLen(afi, p);
  const q = p + 2 * asl + 4;
  need(end, q, 2 * al + tail, where);
  const head: Bgp4MpHead = {
    peer_as: asl === 4 ? v.getUint32(p) : v.getUint16(p),
    local_as: asl === 4 ? v.getUint32(p + 4) : v.getUint16(p + 2),
    if_index: v.getUint16(p + 2 * asl),
    afi,
    peer_ip: ipBinToText(r.bytes, q, al, where),
    local_ip: ipBinToText(r.bytes, q + al, al, where),
  };
  return [head, q + 2 * al];
}

export class Bgp4MpStateChangeMrtMessage extends MrtMessage {
  static override readonly jsonName: string = 'Bgp4MpStateChangeMrtMessage';
  static readonly AS4: boolean = false;
  static readonly STATE_IDLE = 1;
  static readonly STATE_CONNECT = 2;
  static readonly STATE_ACTIVE = 3;
  static readonly STATE_OPEN_SENT = 4;
  static readonly STATE_OPEN_CONFIRM = 5;
  static readonly STATE_ESTABLISHED = 6;
  static readonly AFI_IPv4 = 1;
  static readonly AFI_IPv6 = 2;
  declare peer_as: number;
  declare local_as: number;
  declare if_index: number;
  declare afi: number | null;
  declare peer_ip: string;
  declare local_ip: string;
  declare old_state: number;
  declare new_state: number;
  constructor(o: { peer_as: number; local_as: number; if_index: number; peer_ip: string; local_ip: string; old_state: number; new_state: number; afi?: number | null }) {
    super();
    this.peer_as = o.peer_as;
    this.local_as = o.local_as;
    this.if_index = o.if_index;
    this.afi = o.afi ?? null;
    this.peer_ip = o.peer_ip;
    this.local_ip = o.local_ip;
    this.old_state = o.old_state;
    this.new_state = o.new_state;
  }
  fields(): JsonObject {
    return {
      afi: this.afi,
      if_index: this.if_index,
      local_as: this.local_as,
      local_ip: this.local_ip,
      new_state: this.new_state,
      old_state: this.old_state,
      peer_as: this.peer_as,
      peer_ip: this.peer_ip,
    };
  }
  serializeTo(w: Writer): void {
    writeBgp4MpHead(w, this, (this.constructor as typeof Bgp4MpStateChangeMrtMessage).AS4);
    w.u16(this.old_state);
    w.u16(this.new_state);
  }
  static decode(c: MrtCtx, p: number, end: number): Bgp4MpStateChangeMrtMessage {
    const [head, q] = readBgp4MpHead(c, p, end, this.AS4, 4, this.jsonName);
    const v = c.r.view;
    return new this({ ...head, old_state: v.getUint16(q), new_state: v.getUint16(q + 2) });
  }
}

export class Bgp4MpStateChangeAs4MrtMessage extends Bgp4MpStateChangeMrtMessage {
  static override readonly jsonName: string = 'Bgp4MpStateChangeAs4MrtMessage';
  static override readonly AS4: boolean = true;
}

export class Bgp4MpMessageMrtMessage extends MrtMessage {
  static override readonly jsonName: string = 'Bgp4MpMessageMrtMessage';
  static readonly AS4: boolean = false;
  static readonly AFI_IPv4 = 1;
  static readonly AFI_IPv6 = 2;
  declare peer_as: number;
  declare local_as: number;
  declare if_index: number;
  declare peer_ip: string;
  declare local_ip: string;
  declare bgp_message: BGPMessage;
  declare afi: number | null;
  constructor(o: { peer_as: number; local_as: number; if_index: number; peer_ip: string; local_ip: string; bgp_message: BGPMessage; afi?: number | null }) {
    super();
    this.peer_as = o.peer_as;
    this.local_as = o.local_as;
    this.if_index = o.if_index;
    this.peer_ip = o.peer_ip;
    this.local_ip = o.local_ip;
    this.bgp_message = o.bgp_message;
    this.afi = o.afi ?? null;
  }
  fields(): JsonObject {
    return {
      afi: this.afi,
      bgp_message: this.bgp_message.toJsonDict() as JsonValue,
      if_index: this.if_index,
      local_as: this.local_as,
      local_ip: this.local_ip,
      peer_as: this.peer_as,
      peer_ip: this.peer_ip,
    };
  }
  serializeTo(w: Writer): void {
    writeBgp4MpHead(w, this, (this.constructor as typeof Bgp4MpMessageMrtMessage).AS4);
    this.bgp_message.serializeTo(w);
  }
  static decode(c: MrtCtx, p: number, end: number): Bgp4MpMessageMrtMessage {
    const [head, q] = readBgp4MpHead(c, p, end, this.AS4, 0, this.jsonName);
    c.r.pos = q;
    return new this({ ...head, bgp_message: decodeMessage(c.r, end, c.opts) });
  }
}

export class Bgp4MpMessageAs4MrtMessage extends Bgp4MpMessageMrtMessage {
  static override readonly jsonName: string = 'Bgp4MpMessageAs4MrtMessage';
  static override readonly AS4: boolean = true;
}
export class Bgp4MpMessageLocalMrtMessage extends Bgp4MpMessageMrtMessage {
  static override readonly jsonName: string = 'Bgp4MpMessageLocalMrtMessage';
}
export class Bgp4MpMessageAs4LocalMrtMessage extends Bgp4MpMessageAs4MrtMessage {
  static override readonly jsonName: string = 'Bgp4MpMessageAs4LocalMrtMessage';
}
