/** ICMPv6 MLD v1/v2 bodies (os-ken icmpv6.mld, mldv2_query, mldv2_report). */
import { JsonDictError, PacketMalformed } from '../../wire/errors.js';
import { ipv6ToBin, ipv6ToText } from '../../wire/addrconv.js';
import type { JsonObject, JsonValue } from '../../wire/json/json.js';
import { jArr, jClass, jInt, jStr } from './packet_base.js';
import { concatBytes } from './packet_utils.js';
import { GroupRecord, type GroupAddrFamily, strList } from './group_record.js';
import { IcmpView, icmpNeed, jBytesOrNull } from './icmpv6_nd.js';

export { ALLOW_NEW_SOURCES, BLOCK_OLD_SOURCES, CHANGE_TO_EXCLUDE_MODE, CHANGE_TO_INCLUDE_MODE, MODE_IS_EXCLUDE, MODE_IS_INCLUDE } from './group_record.js';


/** Read `num` IPv6 source addresses at q as os-ken does (asserting the count). */
function readSrcs(x: IcmpView, q: number, num: number, layer: string): [string[], number] {
  const srcs: string[] = [];
  while (x.end > q && num > srcs.length) {
    if (x.end - q < 16) throw new PacketMalformed(layer, 'source address truncated', q);
    srcs.push(ipv6ToText(x.b, q));
    q += 16;
  }
  if (num !== srcs.length) throw new PacketMalformed(layer, `num ${num} != ${srcs.length} sources present`, q);
  return [srcs, q];
}

/** MLDv1 Query / Report / Done. */
export class MLD {
  static readonly jsonName = 'mld';
  maxresp: number;
  address: string;
  constructor(opts: { maxresp?: number; address?: string } = {}) {
    this.maxresp = opts.maxresp ?? 0;
    this.address = opts.address ?? '::';
  }
  get len(): number {
    return 20;
  }
  /** os-ken mld.parser: more than 20 bytes means an MLDv2 query (whatever the type). */
  static parse(x: IcmpView, p: number): MLD | MLDv2Query {
    if (x.end - p > 20) return MLDv2Query.parse(x, p);
    icmpNeed(x, p, 20, 'icmpv6 mld');
    return new MLD({ maxresp: x.v.getUint16(p), address: ipv6ToText(x.b, p + 4) });
  }
  serialize(): Uint8Array {
    const out = new Uint8Array(20);
    new DataView(out.buffer).setUint16(0, this.maxresp);
    out.set(ipv6ToBin(this.address), 4);
    return out;
  }
  toJsonDict(): JsonObject {
    return { mld: { address: this.address, maxresp: this.maxresp } };
  }
}

/** MLDv2 Listener Query. */
export class MLDv2Query {
  static readonly jsonName = 'mldv2_query';
  maxresp: number;
  address: string;
  s_flg: number;
  qrv: number;
  qqic: number;
  num: number;
  srcs: string[];
  constructor(opts: { maxresp?: number; address?: string; s_flg?: number; qrv?: number; qqic?: number; num?: number; srcs?: string[] } = {}) {
    this.maxresp = opts.maxresp ?? 0;
    this.address = opts.address ?? '::';
    this.s_flg = opts.s_flg ?? 0;
    this.qrv = opts.qrv ?? 2;
    this.qqic = opts.qqic ?? 0;
    this.num = opts.num ?? 0;
    this.srcs = opts.srcs ?? [];
  }
  get len(): number {
    return 24 + this.srcs.length * 16;
  }
  static parse(x: IcmpView, p: number): MLDv2Query {
    icmpNeed(x, p, 24, 'icmpv6 mldv2_query');
    const sq = x.b[p + 20]!;
    const num = x.v.getUint16(p + 22);
    const [srcs] = readSrcs(x, p + 24, num, 'icmpv6 mldv2_query');
    return new MLDv2Query({ maxresp: x.v.getUint16(p), address: ipv6ToText(x.b, p + 4), s_flg: (sq >> 3) & 1, qrv: sq & 7, qqic: x.b[p + 21]!, num, srcs });
  }
  serialize(): Uint8Array {
    const out = new Uint8Array(24 + 16 * this.srcs.length);
    const v = new DataView(out.buffer);
    v.setUint16(0, this.maxresp);
    out.set(ipv6ToBin(this.address), 4);
    out[20] = ((this.s_flg << 3) | this.qrv) & 0xff;
    out[21] = this.qqic;
    this.srcs.forEach((s, i) => out.set(ipv6ToBin(s), 24 + 16 * i));
    if (this.num === 0) this.num = this.srcs.length;
    v.setUint16(22, this.num);
    return out;
  }
  toJsonDict(): JsonObject {
    return { mldv2_query: { address: this.address, maxresp: this.maxresp, num: this.num, qqic: this.qqic, qrv: this.qrv, s_flg: this.s_flg, srcs: [...this.srcs] } };
  }
}

/** One group record of an MLDv2 report. */
export class MLDv2ReportGroup extends GroupRecord {
  static override readonly jsonName = 'mldv2_report_group';
  protected static override readonly FAMILY: GroupAddrFamily = { len: 16, unspecified: '::', toBin: ipv6ToBin };
  static parse(x: IcmpView, p: number): MLDv2ReportGroup {
    icmpNeed(x, p, 20, 'icmpv6 mldv2_report_group');
    const auxLen = x.b[p + 1]!;
    const num = x.v.getUint16(p + 2);
    const [srcs, q] = readSrcs(x, p + 20, num, 'icmpv6 mldv2_report_group');
    let aux: Uint8Array | null = null;
    if (auxLen) {
      icmpNeed(x, q, auxLen * 4, 'icmpv6 mldv2_report_group');
      aux = x.b.slice(q, q + auxLen * 4);
    }
    return new MLDv2ReportGroup({ type_: x.b[p]!, aux_len: auxLen, num, address: ipv6ToText(x.b, p + 4), srcs, aux });
  }
  static fromJson(v: JsonValue): MLDv2ReportGroup {
    const [name, d] = jClass(v, 'mldv2 record');
    if (name !== 'mldv2_report_group') throw new JsonDictError(`unknown MLDv2 record ${name}`);
    return MLDv2ReportGroup.fromJsonFields(d, (x) => jBytesOrNull(x, 'aux'));
  }
}

/** MLDv2 Listener Report. */
export class MLDv2Report {
  static readonly jsonName = 'mldv2_report';
  record_num: number;
  records: MLDv2ReportGroup[];
  constructor(opts: { record_num?: number; records?: MLDv2ReportGroup[] } = {}) {
    this.record_num = opts.record_num ?? 0;
    this.records = opts.records ?? [];
  }
  static parse(x: IcmpView, p: number): MLDv2Report {
    icmpNeed(x, p, 4, 'icmpv6 mldv2_report');
    const recordNum = x.v.getUint16(p + 2);
    let q = p + 4;
    const records: MLDv2ReportGroup[] = [];
    while (x.end > q && recordNum > records.length) {
      const r = MLDv2ReportGroup.parse(x, q);
      records.push(r);
      q += r.len;
    }
    if (recordNum !== records.length) throw new PacketMalformed('icmpv6 mldv2_report', `record_num ${recordNum} != ${records.length}`, q);
    return new MLDv2Report({ record_num: recordNum, records });
  }
  serialize(): Uint8Array {
    const head = new Uint8Array(4);
    if (this.record_num === 0) this.record_num = this.records.length;
    const body = this.records.map((r) => r.serialize());
    new DataView(head.buffer).setUint16(2, this.record_num);
    return concatBytes(head, ...body);
  }
  toJsonDict(): JsonObject {
    return { mldv2_report: { record_num: this.record_num, records: this.records.map((r) => r.toJsonDict()) } };
  }
}

export function mldFromJson(name: string, d: JsonObject): MLD | MLDv2Query | MLDv2Report {
  if (name === 'mld') return new MLD({ maxresp: jInt(d, 'maxresp', 0), address: jStr(d, 'address', '::') });
  if (name === 'mldv2_query')
    return new MLDv2Query({
      maxresp: jInt(d, 'maxresp', 0),
      address: jStr(d, 'address', '::'),
      s_flg: jInt(d, 's_flg', 0),
      qrv: jInt(d, 'qrv', 2),
      qqic: jInt(d, 'qqic', 0),
      num: jInt(d, 'num', 0),
      srcs: strList(jArr(d, 'srcs'), 'mldv2_query.srcs'),
    });
  if (name === 'mldv2_report') return new MLDv2Report({ record_num: jInt(d, 'record_num', 0), records: (jArr(d, 'records') ?? []).map(MLDv2ReportGroup.fromJson) });
  throw new JsonDictError(`unknown MLD body ${name}`);
}
