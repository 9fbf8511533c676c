/** IGMP v1/v2 (RFC 1112/2236) and v3 (RFC 3376) (os-ken os_ken/lib/packet/igmp.py). */
import type { Reader } from '../../wire/reader.js';
import { JsonDictError, PacketMalformed } from '../../wire/errors.js';
import { ipv4ToBin, ipv4ToText } from '../../wire/addrconv.js';
import { base64Decode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jArr, jClass, jInt, jStr, need, registerProtocol } from './packet_base.js';
import { checksum } from './packet_utils.js';
import { GroupRecord, type GroupAddrFamily, strList } from './group_record.js';
import { IPPROTO_IGMP } from './in_proto.js';
import { IPv4 } from './ipv4.js';

export const IGMP_TYPE_QUERY = 0x11;
export const IGMP_TYPE_REPORT_V1 = 0x12;
export const IGMP_TYPE_REPORT_V2 = 0x16;
export const IGMP_TYPE_LEAVE = 0x17;
export const IGMP_TYPE_REPORT_V3 = 0x22;
export const QUERY_RESPONSE_INTERVAL = 10.0;
export const LAST_MEMBER_QUERY_INTERVAL = 1.0;
export const MULTICAST_IP_ALL_HOST = '224.0.0.1';
export const MULTICAST_MAC_ALL_HOST = '01:00:5e:00:00:01';
export { ALLOW_NEW_SOURCES, BLOCK_OLD_SOURCES, CHANGE_TO_EXCLUDE_MODE, CHANGE_TO_INCLUDE_MODE, MODE_IS_EXCLUDE, MODE_IS_INCLUDE } from './group_record.js';


/** os-ken: read num IPv4 sources, asserting the count (AssertionError there). */
function readSrcs(b: Uint8Array, q: number, end: number, num: number, layer: string): [string[], number] {
  const srcs: string[] = [];
  while (end > q && num > srcs.length) {
    if (end - q < 4) throw new PacketMalformed(layer, 'source address truncated', q);
    srcs.push(ipv4ToText(b, q));
    q += 4;
  }
  if (num !== srcs.length) throw new PacketMalformed(layer, `num ${num} != ${srcs.length} sources present`, q);
  return [srcs, q];
}

export interface IGMPOpts {
  msgtype?: number;
  maxresp?: number;
  csum?: number;
  address?: string;
}

/** IGMP v1/v2 message; IGMP.decode dispatches v3 queries/reports to their classes. */
export class IGMP extends PacketBase {
  static override readonly jsonName: string = 'igmp';
  static override readonly MIN_LEN: number = 8;
  msgtype: number;
  maxresp: number;
  csum: number;
  address: string;

  constructor(opts: IGMPOpts = {}) {
    super();
    this.msgtype = opts.msgtype ?? IGMP_TYPE_QUERY;
    this.maxresp = opts.maxresp ?? 0;
    this.csum = opts.csum ?? 0;
    this.address = opts.address ?? '0.0.0.0';
  }

  static override decode(r: Reader, ctx: DecodeCtx): IGMP {
    const p = r.pos;
    // os-ken asserts 8 <= len(buf)
    if (r.end - p < 8) throw new PacketMalformed('igmp', `need 8 bytes, have ${r.end - p}`, p);
    const msgtype = r.bytes[p]!;
    ctx.next = null;
    if (msgtype === IGMP_TYPE_QUERY && r.end - p >= 12) return IGMPv3Query.decodeQuery(r);
    if (msgtype === IGMP_TYPE_REPORT_V3) return IGMPv3Report.decodeReport(r);
    const b = r.bytes;
    const m = new IGMP({ msgtype, maxresp: b[p + 1]!, csum: r.view.getUint16(p + 2), address: ipv4ToText(b, p + 4) });
    r.pos = p + 8;
    return m;
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const at = out.prepend(8);
    out.buf[at] = this.msgtype;
    out.buf[at + 1] = Math.trunc(this.maxresp) & 0xff;
    out.view.setUint16(at + 2, this.csum);
    out.buf.set(ipv4ToBin(this.address), at + 4);
    this.fillChecksum(out, at, 8);
  }

  /** os-ken: a zero csum is computed over the len bytes of the message at `at` and written back. */
  protected fillChecksum(out: SerializeBuffer, at: number, len: number): void {
    if (this.csum === 0) {
      this.csum = checksum(out.buf, at, at + len);
      out.view.setUint16(at + 2, this.csum);
    }
  }

  override toJsonFields(): JsonObject {
    return { address: this.address, csum: this.csum, maxresp: this.maxresp, msgtype: this.msgtype };
  }

  static override fromJsonDict(d: JsonObject): IGMP {
    return new IGMP({ msgtype: jInt(d, 'msgtype', IGMP_TYPE_QUERY), maxresp: jInt(d, 'maxresp', 0), csum: jInt(d, 'csum', 0), address: jStr(d, 'address', '0.0.0.0') });
  }
}

export interface IGMPv3QueryOpts extends IGMPOpts {
  s_flg?: number;
  qrv?: number;
  qqic?: number;
  num?: number;
  srcs?: string[];
}

/** IGMPv3 Membership Query. */
export class IGMPv3Query extends IGMP {
  static override readonly jsonName: string = 'igmpv3_query';
  static override readonly MIN_LEN: number = 12;
  s_flg: number;
  qrv: number;
  qqic: number;
  num: number;
  srcs: string[];

  constructor(opts: IGMPv3QueryOpts = {}) {
    super({ msgtype: opts.msgtype ?? IGMP_TYPE_QUERY, maxresp: opts.maxresp ?? 100, csum: opts.csum ?? 0, address: opts.address ?? '0.0.0.0' });
    this.s_flg = opts.s_flg ?? 0;
    this.qrv = opts.qrv ?? 2;
    this.qqic = opts.qqic ?? 0;
    this.num = opts.num ?? 0;
    this.srcs = opts.srcs ?? [];
  }

  override get length(): number {
    return 12 + this.srcs.length * 4;
  }

  static decodeQuery(r: Reader): IGMPv3Query {
    need(r, 12, 'igmpv3_query');
    const p = r.pos;
    const b = r.bytes;
    const sq = b[p + 8]!;
    const num = r.view.getUint16(p + 10);
    const [srcs, q] = readSrcs(b, p + 12, r.end, num, 'igmpv3_query');
    r.pos = q;
    return new IGMPv3Query({ msgtype: b[p]!, maxresp: b[p + 1]!, csum: r.view.getUint16(p + 2), address: ipv4ToText(b, p + 4), s_flg: (sq >> 3) & 1, qrv: sq & 7, qqic: b[p + 9]!, num, srcs });
  }

  static override decode(r: Reader, ctx: DecodeCtx): IGMPv3Query {
    ctx.next = null;
    return IGMPv3Query.decodeQuery(r);
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const len = 12 + 4 * this.srcs.length;
    const at = out.prepend(len);
    const b = out.buf;
    const v = out.view;
    b[at] = this.msgtype;
    b[at + 1] = Math.trunc(this.maxresp) & 0xff;
    v.setUint16(at + 2, this.csum);
    b.set(ipv4ToBin(this.address), at + 4);
    b[at + 8] = ((this.s_flg << 3) | this.qrv) & 0xff;
    b[at + 9] = Math.trunc(this.qqic) & 0xff;
    this.srcs.forEach((s, i) => b.set(ipv4ToBin(s), at + 12 + 4 * i));
    if (this.num === 0) this.num = this.srcs.length;
    v.setUint16(at + 10, this.num);
    this.fillChecksum(out, at, len);
  }

  override toJsonFields(): JsonObject {
    return { ...super.toJsonFields(), num: this.num, qqic: this.qqic, qrv: this.qrv, s_flg: this.s_flg, srcs: [...this.srcs] };
  }

  static override fromJsonDict(d: JsonObject): IGMPv3Query {
    return new IGMPv3Query({
      msgtype: jInt(d, 'msgtype', IGMP_TYPE_QUERY),
      maxresp: jInt(d, 'maxresp', 100),
      csum: jInt(d, 'csum', 0),
      address: jStr(d, 'address', '0.0.0.0'),
      s_flg: jInt(d, 's_flg', 0),
      qrv: jInt(d, 'qrv', 2),
      qqic: jInt(d, 'qqic', 0),
      num: jInt(d, 'num', 0),
      srcs: strList(jArr(d, 'srcs'), 'igmpv3_query.srcs'),
    });
  }
}

/** One group record of an IGMPv3 report. */
export class IGMPv3ReportGroup extends GroupRecord {
  static override readonly jsonName = 'igmpv3_report_group';
  protected static override readonly FAMILY: GroupAddrFamily = { len: 4, unspecified: '0.0.0.0', toBin: ipv4ToBin };
  static parse(b: Uint8Array, v: DataView, p: number, end: number): IGMPv3ReportGroup {
    if (end - p < 8) throw new PacketMalformed('igmpv3_report_group', 'truncated record header', p);
    const auxLen = b[p + 1]!;
    const num = v.getUint16(p + 2);
    const [srcs, q] = readSrcs(b, p + 8, end, num, 'igmpv3_report_group');
    let aux: Uint8Array | null = null;
    if (auxLen) {
      if (end - q < auxLen * 4) throw new PacketMalformed('igmpv3_report_group', 'truncated auxiliary data', q);
      aux = b.slice(q, q + auxLen * 4);
    }
    return new IGMPv3ReportGroup({ type_: b[p]!, aux_len: auxLen, num, address: ipv4ToText(b, p + 4), srcs, aux });
  }
  static fromJson(v: JsonValue): IGMPv3ReportGroup {
    const [name, d] = jClass(v, 'igmpv3 record');
    if (name !== 'igmpv3_report_group') throw new JsonDictError(`unknown IGMPv3 record ${name}`);
    return IGMPv3ReportGroup.fromJsonFields(d, (x) => (typeof x.aux === 'string' ? base64Decode(x.aux) : null));
  }
}

/** IGMPv3 Membership Report. */
export class IGMPv3Report extends IGMP {
  static override readonly jsonName: string = 'igmpv3_report';
  static override readonly MIN_LEN: number = 8;
  record_num: number;
  records: IGMPv3ReportGroup[];

  constructor(opts: { msgtype?: number; csum?: number; record_num?: number; records?: IGMPv3ReportGroup[] } = {}) {
    super({ msgtype: opts.msgtype ?? IGMP_TYPE_REPORT_V3, csum: opts.csum ?? 0 });
    this.record_num = opts.record_num ?? 0;
    this.records = opts.records ?? [];
  }

  override get length(): number {
    let n = 8;
    for (const r of this.records) n += r.len;
    return n;
  }

  static decodeReport(r: Reader): IGMPv3Report {
    need(r, 8, 'igmpv3_report');
    const p = r.pos;
    const recordNum = r.view.getUint16(p + 6);
    let q = p + 8;
    const records: IGMPv3ReportGroup[] = [];
    while (r.end > q && recordNum > records.length) {
      const g = IGMPv3ReportGroup.parse(r.bytes, r.view, q, r.end);
      records.push(g);
      q += g.len;
    }
    if (recordNum !== records.length) throw new PacketMalformed('igmpv3_report', `record_num ${recordNum} != ${records.length}`, q);
    r.pos = Math.min(q, r.end);
    return new IGMPv3Report({ msgtype: r.bytes[p]!, csum: r.view.getUint16(p + 2), record_num: recordNum, records });
  }

  static override decode(r: Reader, ctx: DecodeCtx): IGMPv3Report {
    ctx.next = null;
    return IGMPv3Report.decodeReport(r);
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const body = this.records.map((g) => g.serialize());
    let len = 8;
    for (const x of body) len += x.length;
    const at = out.prepend(len);
    const b = out.buf;
    const v = out.view;
    b[at] = this.msgtype;
    v.setUint16(at + 2, this.csum);
    let q = at + 8;
    for (const x of body) {
      b.set(x, q);
      q += x.length;
    }
    if (this.record_num === 0) this.record_num = this.records.length;
    v.setUint16(at + 6, this.record_num);
    this.fillChecksum(out, at, len);
  }

  /** os-ken igmpv3_report has no maxresp/address attributes */
  override toJsonFields(): JsonObject {
    return { csum: this.csum, msgtype: this.msgtype, record_num: this.record_num, records: this.records.map((g) => g.toJsonDict()) };
  }

  static override fromJsonDict(d: JsonObject): IGMPv3Report {
    return new IGMPv3Report({
      msgtype: jInt(d, 'msgtype', IGMP_TYPE_REPORT_V3),
      csum: jInt(d, 'csum', 0),
      record_num: jInt(d, 'record_num', 0),
      records: (jArr(d, 'records') ?? []).map(IGMPv3ReportGroup.fromJson),
    });
  }
}

registerProtocol(IGMP);
registerProtocol(IGMPv3Query);
registerProtocol(IGMPv3Report);
IPv4.registerPacketType(IGMP, IPPROTO_IGMP);
