/**
 * OSPFv2 LSAs (RFC 2328 section 12, opaque LSAs RFC 5250) as os-ken's
 * ospf.py models them: LSAHeader, RouterLSA, NetworkLSA, SummaryLSA,
 * ASExternalLSA and the three opaque LSAs.
 *
 * Every LSA carries a Fletcher checksum (RFC 905 annex B over the LSA minus
 * ls_age); decoding verifies it and os-ken turns a mismatch into "whole
 * message is raw payload". Serialising recomputes length and checksum,
 * as os-ken's LSA.serialize does.
 *
 * Opaque LSAs and the oracle. os-ken's Local/Area/ASOpaqueLSA constructors
 * call `OpaqueLSA.__init__(self, data, *args)` with the LSA fields, so every
 * argument lands one slot off: os-ken's decoded object has `data = ls_age`
 * and a header built as LSAHeader(ls_age=options, options=type,
 * type_=0, id_=adv_router, adv_router=ls_seqnum, ls_seqnum=checksum) with
 * checksum=length and length=opaque_type; the opaque id and the body are
 * lost. Our object keeps the real fields (so it serialises correctly), and
 * toJsonDict() reproduces os-ken's garbled JSON so decode output matches the
 * oracle. fromJsonDict() of that JSON is therefore lossy (opaque_id = 0,
 * empty body).
 */
import { Writer } from '../../../wire/writer.js';
import type { JsonObject, JsonValue } from '../../../wire/json/json.js';
import { JsonDictError } from '../../../wire/errors.js';
import { jArr, jClass, jInt, jObj } from '../packet_base.js';
import { fletcherChecksum } from '../packet_utils.js';
import {
  Bytes,
  LSA_LINK_TYPE_STUB,
  OSPF_AS_EXTERNAL_LSA,
  OSPF_AS_NSSA_LSA,
  OSPF_ASBR_SUMMARY_LSA,
  OSPF_NETWORK_LSA,
  OSPF_OPAQUE_AREA_LSA,
  OSPF_OPAQUE_AS_LSA,
  OSPF_OPAQUE_LINK_LSA,
  OSPF_OPAQUE_TYPE_UNKNOWN,
  OSPF_ROUTER_LSA,
  OSPF_SUMMARY_LSA,
  OSPF_UNKNOWN_LSA,
  addrFromJson,
  addrJson,
  addrList,
  bad,
  ip4,
  ip4bin,
  need,
} from './common.js';
import { OpaqueBody, OpaqueData, opaqueBodyFromJson, parseOpaqueData } from './opaque.js';

/** LSA types os-ken registers (LSA._TYPES); anything else fails in os-ken. */
const KNOWN_LSA_TYPES = new Set([
  OSPF_ROUTER_LSA,
  OSPF_NETWORK_LSA,
  OSPF_SUMMARY_LSA,
  OSPF_ASBR_SUMMARY_LSA,
  OSPF_AS_EXTERNAL_LSA,
  OSPF_AS_NSSA_LSA,
  OSPF_OPAQUE_LINK_LSA,
  OSPF_OPAQUE_AREA_LSA,
  OSPF_OPAQUE_AS_LSA,
]);
const isOpaque = (t: number): boolean => t >= OSPF_OPAQUE_LINK_LSA && t <= OSPF_OPAQUE_AS_LSA;

export interface LSAHeaderOpts {
  ls_age?: number;
  options?: number;
  type_?: number;
  id_?: string;
  adv_router?: string;
  ls_seqnum?: number;
  checksum?: number;
  length?: number;
  opaque_type?: number;
  opaque_id?: number;
}

/** The 20-byte LSA header (os-ken LSAHeader); opaque LSAs (type >= 9) split the link-state id. */
export class LSAHeader {
  static readonly jsonName = 'LSAHeader';
  static readonly HDR_LEN = 20;
  ls_age: number;
  options: number;
  type_: number;
  id_: string;
  opaque_type: number;
  opaque_id: number;
  adv_router: string;
  ls_seqnum: number;
  checksum: number;
  length: number;
  constructor(o: LSAHeaderOpts = {}) {
    this.ls_age = o.ls_age ?? 0;
    this.options = o.options ?? 0;
    this.type_ = o.type_ ?? OSPF_UNKNOWN_LSA;
    this.id_ = o.id_ ?? '0.0.0.0';
    this.opaque_type = o.opaque_type ?? OSPF_OPAQUE_TYPE_UNKNOWN;
    this.opaque_id = o.opaque_id ?? 0;
    this.adv_router = o.adv_router ?? '0.0.0.0';
    this.ls_seqnum = o.ls_seqnum ?? 0;
    this.checksum = o.checksum ?? 0;
    this.length = o.length ?? 0;
  }
  /** os-ken LSAHeader.parser (the type must be one os-ken knows). */
  static parse(s: Bytes, at: number, end: number): LSAHeader {
    need(at, 20, end, 'LSAHeader');
    const b = s.b;
    const v = s.v;
    const type = b[at + 3]!;
    if (!KNOWN_LSA_TYPES.has(type)) bad(`unknown LSA type ${type}`, at + 3);
    const idw = v.getUint32(at + 4);
    return new LSAHeader({
      ls_age: v.getUint16(at),
      options: b[at + 2]!,
      type_: type,
      id_: isOpaque(type) ? '0.0.0.0' : ip4(b, at + 4),
      opaque_type: isOpaque(type) ? idw >>> 24 : OSPF_OPAQUE_TYPE_UNKNOWN,
      opaque_id: isOpaque(type) ? idw & 0xffffff : 0,
      adv_router: ip4(b, at + 8),
      ls_seqnum: v.getUint32(at + 12),
      checksum: v.getUint16(at + 16),
      length: v.getUint16(at + 18),
    });
  }
  write(w: Writer): void {
    w.u16(this.ls_age);
    w.u8(this.options);
    w.u8(this.type_);
    if (this.type_ < OSPF_OPAQUE_LINK_LSA) w.bytes(ip4bin(this.id_));
    else w.u32((((this.opaque_type & 0xff) << 24) | (this.opaque_id & 0xffffff)) >>> 0);
    w.bytes(ip4bin(this.adv_router));
    w.u32(this.ls_seqnum >>> 0);
    w.u16(this.checksum);
    w.u16(this.length);
  }
  toJsonDict(): JsonObject {
    const d: JsonObject = { adv_router: addrJson(this.adv_router), checksum: this.checksum, length: this.length, ls_age: this.ls_age, ls_seqnum: this.ls_seqnum, options: this.options, type: this.type_ };
    if (this.type_ < OSPF_OPAQUE_LINK_LSA) d.id = addrJson(this.id_);
    else {
      d.opaque_id = this.opaque_id;
      d.opaque_type = this.opaque_type;
    }
    return { LSAHeader: d };
  }
  static fromJson(v: JsonValue | undefined): LSAHeader {
    const [name, d] = jClass(v, 'LSAHeader');
    if (name !== 'LSAHeader') throw new JsonDictError(`expected LSAHeader, got ${name}`);
    return new LSAHeader({
      ls_age: jInt(d, 'ls_age', 0),
      options: jInt(d, 'options', 0),
      type_: jInt(d, 'type', 0),
      id_: addrFromJson(d.id, '0.0.0.0', 'id'),
      adv_router: addrFromJson(d.adv_router, '0.0.0.0', 'adv_router'),
      ls_seqnum: jInt(d, 'ls_seqnum', 0),
      checksum: jInt(d, 'checksum', 0),
      length: jInt(d, 'length', 0),
      opaque_type: jInt(d, 'opaque_type', 0),
      opaque_id: jInt(d, 'opaque_id', 0),
    });
  }
}

/** Base of all LSAs: header + type-specific body. */
export abstract class LSA {
  static readonly jsonName: string = 'LSA';
  static readonly LSA_TYPE: number = OSPF_UNKNOWN_LSA;
  header: LSAHeader;
  constructor(header: LSAHeaderOpts) {
    this.header = new LSAHeader(header);
  }
  protected abstract writeBody(w: Writer): void;
  protected abstract bodyJson(): JsonObject;
  /** os-ken LSA.__init__ with checksum/length None: fill them in from the encoding. */
  protected finish(checksum: number | null | undefined, length: number | null | undefined): void {
    let len = length ?? 0;
    if (!checksum && !length) len = 20 + this.bodyBytes().length;
    let csum = checksum ?? 0;
    if (!checksum) {
      // os-ken: Fletcher over the header alone, as built so far (length and checksum 0)
      this.header.length = 0;
      this.header.checksum = 0;
      const w = new Writer(32);
      this.header.write(w);
      csum = fletcherChecksum(w.buf.slice(2, w.pos), 14);
    }
    this.header.length = len;
    this.header.checksum = csum;
  }
  bodyBytes(): Uint8Array {
    const w = new Writer(64);
    this.writeBody(w);
    return w.buf.slice(0, w.pos);
  }
  /** os-ken LSA.serialize: recompute length and Fletcher checksum. */
  write(w: Writer): void {
    const at = w.pos;
    const body = this.bodyBytes();
    this.header.length = 20 + body.length;
    this.header.checksum = 0;
    this.header.write(w);
    w.bytes(body);
    const c = fletcherChecksum(w.buf.slice(at + 2, w.pos), 14);
    this.header.checksum = c;
    w.patch16(at + 16, c);
  }
  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof LSA).jsonName]: { ...this.bodyJson(), header: this.header.toJsonDict() } };
  }
}

export class RouterLink {
  static readonly jsonName = 'Link';
  id_: string;
  data: string;
  type_: number;
  tos: number;
  metric: number;
  constructor(o: { id_?: string; data?: string; type_?: number; tos?: number; metric?: number } = {}) {
    this.id_ = o.id_ ?? '0.0.0.0';
    this.data = o.data ?? '0.0.0.0';
    this.type_ = o.type_ ?? LSA_LINK_TYPE_STUB;
    this.tos = o.tos ?? 0;
    this.metric = o.metric ?? 10;
  }
  toJsonDict(): JsonObject {
    return { Link: { data: addrJson(this.data), id: addrJson(this.id_), metric: this.metric, tos: this.tos, type: this.type_ } };
  }
}

export type LSAOpts = Omit<LSAHeaderOpts, 'checksum' | 'length' | 'type_'> & { type_?: number; checksum?: number | null; length?: number | null };

export class RouterLSA extends LSA {
  static override readonly jsonName = 'RouterLSA';
  static override readonly LSA_TYPE = OSPF_ROUTER_LSA;
  flags: number;
  links: RouterLink[];
  constructor(o: LSAOpts & { flags?: number; links?: RouterLink[] | null } = {}) {
    super({ ...o, type_: o.type_ ?? OSPF_ROUTER_LSA, checksum: 0, length: 0 });
    this.flags = o.flags ?? 0;
    this.links = o.links ?? [];
    this.finish(o.checksum, o.length);
  }
  static parseBody(s: Bytes, at: number, end: number): { flags: number; links: RouterLink[] } {
    need(at, 4, end, 'RouterLSA');
    const num = s.v.getUint16(at + 2);
    const links: RouterLink[] = [];
    for (let p = at + 4; p < end; p += 12) {
      need(p, 12, end, 'RouterLSA.Link');
      links.push(new RouterLink({ id_: ip4(s.b, p), data: ip4(s.b, p + 4), type_: s.b[p + 8]!, tos: s.b[p + 9]!, metric: s.v.getUint16(p + 10) }));
    }
    if (links.length !== num) bad(`RouterLSA: ${links.length} links, header says ${num}`, at);
    return { flags: s.b[at]!, links };
  }
  protected writeBody(w: Writer): void {
    w.u8(this.flags);
    w.u8(0);
    w.u16(this.links.length);
    for (const l of this.links) {
      w.bytes(ip4bin(l.id_));
      w.bytes(ip4bin(l.data));
      w.u8(l.type_);
      w.u8(l.tos);
      w.u16(l.metric);
    }
  }
  protected bodyJson(): JsonObject {
    return { flags: this.flags, links: this.links.map((l) => l.toJsonDict()) };
  }
}

export class NetworkLSA extends LSA {
  static override readonly jsonName = 'NetworkLSA';
  static override readonly LSA_TYPE = OSPF_NETWORK_LSA;
  mask: string;
  routers: string[];
  constructor(o: LSAOpts & { mask?: string; routers?: string[] | null } = {}) {
    super({ ...o, type_: o.type_ ?? OSPF_NETWORK_LSA, checksum: 0, length: 0 });
    this.mask = o.mask ?? '0.0.0.0';
    this.routers = o.routers ?? [];
    this.finish(o.checksum, o.length);
  }
  static parseBody(s: Bytes, at: number, end: number): { mask: string; routers: string[] } {
    need(at, 4, end, 'NetworkLSA');
    const routers: string[] = [];
    for (let p = at + 4; p < end; p += 4) {
      need(p, 4, end, 'NetworkLSA.router');
      routers.push(ip4(s.b, p));
    }
    return { mask: ip4(s.b, at), routers };
  }
  protected writeBody(w: Writer): void {
    w.bytes(ip4bin(this.mask));
    for (const r of this.routers) w.bytes(ip4bin(r));
  }
  protected bodyJson(): JsonObject {
    return { mask: addrJson(this.mask), routers: this.routers.map(addrJson) };
  }
}

export class SummaryLSA extends LSA {
  static override readonly jsonName = 'SummaryLSA';
  static override readonly LSA_TYPE = OSPF_SUMMARY_LSA;
  mask: string;
  tos: number;
  metric: number;
  constructor(o: LSAOpts & { mask?: string; tos?: number; metric?: number } = {}) {
    super({ ...o, type_: o.type_ ?? OSPF_SUMMARY_LSA, checksum: 0, length: 0 });
    this.mask = o.mask ?? '0.0.0.0';
    this.tos = o.tos ?? 0;
    this.metric = o.metric ?? 0;
    this.finish(o.checksum, o.length);
  }
  static parseBody(s: Bytes, at: number, end: number): { mask: string; tos: number; metric: number } {
    need(at, 8, end, 'SummaryLSA');
    const b = s.b;
    return { mask: ip4(b, at), tos: b[at + 4]!, metric: (b[at + 5]! << 16) | (b[at + 6]! << 8) | b[at + 7]! };
  }
  protected writeBody(w: Writer): void {
    w.bytes(ip4bin(this.mask));
    w.u8(this.tos);
    w.u8((this.metric >>> 16) & 0xff);
    w.u16(this.metric & 0xffff);
  }
  protected bodyJson(): JsonObject {
    return { mask: addrJson(this.mask), metric: this.metric, tos: this.tos };
  }
}

export class ExternalNetwork {
  static readonly jsonName = 'ExternalNetwork';
  mask: string;
  flags: number;
  metric: number;
  fwd_addr: string;
  tag: number;
  constructor(o: { mask?: string; flags?: number; metric?: number; fwd_addr?: string; tag?: number } = {}) {
    this.mask = o.mask ?? '0.0.0.0';
    this.flags = o.flags ?? 0;
    this.metric = o.metric ?? 0;
    this.fwd_addr = o.fwd_addr ?? '0.0.0.0';
    this.tag = o.tag ?? 0;
  }
  toJsonDict(): JsonObject {
    return { ExternalNetwork: { flags: this.flags, fwd_addr: addrJson(this.fwd_addr), mask: addrJson(this.mask), metric: this.metric, tag: this.tag } };
  }
}

export class ASExternalLSA extends LSA {
  static override readonly jsonName = 'ASExternalLSA';
  static override readonly LSA_TYPE = OSPF_AS_EXTERNAL_LSA;
  extnws: ExternalNetwork[];
  constructor(o: LSAOpts & { extnws?: ExternalNetwork[] | null } = {}) {
    super({ ...o, type_: o.type_ ?? OSPF_AS_EXTERNAL_LSA, checksum: 0, length: 0 });
    this.extnws = o.extnws ?? [];
    this.finish(o.checksum, o.length);
  }
  static parseBody(s: Bytes, at: number, end: number): { extnws: ExternalNetwork[] } {
    const extnws: ExternalNetwork[] = [];
    const b = s.b;
    for (let p = at; p < end; p += 16) {
      need(p, 16, end, 'ASExternalLSA.ExternalNetwork');
      extnws.push(
        new ExternalNetwork({ mask: ip4(b, p), flags: b[p + 4]!, metric: (b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!, fwd_addr: ip4(b, p + 8), tag: s.v.getUint32(p + 12) }),
      );
    }
    return { extnws };
  }
  protected writeBody(w: Writer): void {
    for (const e of this.extnws) {
      w.bytes(ip4bin(e.mask));
      w.u8(e.flags);
      w.u8((e.metric >>> 16) & 0xff);
      w.u16(e.metric & 0xffff);
      w.bytes(ip4bin(e.fwd_addr));
      w.u32(e.tag >>> 0);
    }
  }
  protected bodyJson(): JsonObject {
    return { extnws: this.extnws.map((e) => e.toJsonDict()) };
  }
}

/**
 * ASBR-summary (type 4) and NSSA AS-external (type 7) LSAs: os-ken declares
 * them without a body (serialize writes the header only) and cannot decode
 * them (its parser always raises, so a message carrying one is raw payload).
 */
export abstract class HeaderOnlyLSA extends LSA {
  constructor(o: LSAOpts, type: number) {
    super({ ...o, type_: o.type_ ?? type, checksum: 0, length: 0 });
    this.finish(o.checksum, o.length);
  }
  protected writeBody(_w: Writer): void {}
  protected bodyJson(): JsonObject {
    return {};
  }
}
export class ASBRSummaryLSA extends HeaderOnlyLSA {
  static override readonly jsonName = 'ASBRSummaryLSA';
  static override readonly LSA_TYPE = OSPF_ASBR_SUMMARY_LSA;
  constructor(o: LSAOpts = {}) {
    super(o, OSPF_ASBR_SUMMARY_LSA);
  }
}
export class NSSAExternalLSA extends HeaderOnlyLSA {
  static override readonly jsonName = 'NSSAExternalLSA';
  static override readonly LSA_TYPE = OSPF_AS_NSSA_LSA;
  constructor(o: LSAOpts = {}) {
    super(o, OSPF_AS_NSSA_LSA);
  }
}

/** Opaque LSA (types 9, 10, 11): see the module note for its os-ken-compatible JSON. */
export abstract class OpaqueLSA extends LSA {
  data: OpaqueData;
  constructor(o: LSAOpts & { data?: OpaqueData | null }, type: number) {
    super({ ...o, type_: o.type_ ?? type, checksum: 0, length: 0 });
    this.data = o.data ?? new Uint8Array(0);
    this.finish(o.checksum, o.length);
  }
  protected writeBody(w: Writer): void {
    if (this.data instanceof OpaqueBody) this.data.write(w);
    else w.bytes(this.data);
  }
  protected bodyJson(): JsonObject {
    return {};
  }
  /** os-ken's shifted-argument JSON (module note). */
  override toJsonDict(): JsonObject {
    const h = this.header;
    const header: JsonObject = {
      adv_router: h.ls_seqnum,
      checksum: h.length,
      id: addrJson(h.adv_router),
      length: h.opaque_type,
      ls_age: h.options,
      ls_seqnum: h.checksum,
      options: h.type_,
      type: 0,
    };
    return { [(this.constructor as typeof LSA).jsonName]: { data: h.ls_age, header: { LSAHeader: header } } };
  }
}
export class LocalOpaqueLSA extends OpaqueLSA {
  static override readonly jsonName = 'LocalOpaqueLSA';
  static override readonly LSA_TYPE = OSPF_OPAQUE_LINK_LSA;
  constructor(o: LSAOpts & { data?: OpaqueData | null } = {}) {
    super(o, OSPF_OPAQUE_LINK_LSA);
  }
}
export class AreaOpaqueLSA extends OpaqueLSA {
  static override readonly jsonName = 'AreaOpaqueLSA';
  static override readonly LSA_TYPE = OSPF_OPAQUE_AREA_LSA;
  constructor(o: LSAOpts & { data?: OpaqueData | null } = {}) {
    super(o, OSPF_OPAQUE_AREA_LSA);
  }
}
export class ASOpaqueLSA extends OpaqueLSA {
  static override readonly jsonName = 'ASOpaqueLSA';
  static override readonly LSA_TYPE = OSPF_OPAQUE_AS_LSA;
  constructor(o: LSAOpts & { data?: OpaqueData | null } = {}) {
    super(o, OSPF_OPAQUE_AS_LSA);
  }
}

/**
 * os-ken LSA.parser at `at` within [at, end): header, length and Fletcher
 * checksum checks, then the body. Returns the LSA and where the next starts.
 */
export function parseLsa(s: Bytes, at: number, end: number): [LSA, number] {
  const h = LSAHeader.parse(s, at, end);
  if (end - at < h.length) need(at, h.length, end, 'LSA');
  // os-ken slices with a negative bound when length < 20; no valid LSA is that short
  if (h.length < 20) bad(`LSA length ${h.length} < 20`, at);
  const c = fletcherChecksum(s.b.slice(at + 2, at + h.length), 14);
  if (c !== h.checksum) bad(`LSA checksum ${h.checksum} != ${c}`, at);
  const bs = at + 20;
  const be = at + h.length;
  const hdr: LSAOpts = { ...h, checksum: h.checksum, length: h.length };
  let lsa: LSA;
  switch (h.type_) {
    case OSPF_ROUTER_LSA:
      lsa = new RouterLSA({ ...hdr, ...RouterLSA.parseBody(s, bs, be) });
      break;
    case OSPF_NETWORK_LSA:
      lsa = new NetworkLSA({ ...hdr, ...NetworkLSA.parseBody(s, bs, be) });
      break;
    case OSPF_SUMMARY_LSA:
      lsa = new SummaryLSA({ ...hdr, ...SummaryLSA.parseBody(s, bs, be) });
      break;
    case OSPF_AS_EXTERNAL_LSA:
      lsa = new ASExternalLSA({ ...hdr, ...ASExternalLSA.parseBody(s, bs, be) });
      break;
    case OSPF_OPAQUE_LINK_LSA:
      lsa = new LocalOpaqueLSA({ ...hdr, data: parseOpaqueData(s, bs, be, h.opaque_type) });
      break;
    case OSPF_OPAQUE_AREA_LSA:
      lsa = new AreaOpaqueLSA({ ...hdr, data: parseOpaqueData(s, bs, be, h.opaque_type) });
      break;
    case OSPF_OPAQUE_AS_LSA:
      lsa = new ASOpaqueLSA({ ...hdr, data: parseOpaqueData(s, bs, be, h.opaque_type) });
      break;
    default:
      // ASBR-summary (4) and NSSA (7): os-ken registers classes without a body parser,
      // their parse always raises, so the whole message is raw payload
      bad(`LSA type ${h.type_} has no body parser in os-ken`, at);
  }
  return [lsa, be];
}

function hdrFromJson(d: JsonObject): LSAOpts {
  const h = LSAHeader.fromJson(d.header);
  return { ...h, checksum: h.checksum, length: h.length };
}

/** Build an LSA from `{RouterLSA: {...}}` etc. Opaque LSAs take os-ken's shifted JSON (lossy, module note). */
export function lsaFromJson(v: JsonValue | undefined): LSA {
  const [name, d] = jClass(v, 'LSA');
  switch (name) {
    case RouterLSA.jsonName: {
      const links = (jArr(d, 'links') ?? []).map((x) => {
        const [, l] = jClass(x, 'Link');
        return new RouterLink({ id_: addrFromJson(l.id, '0.0.0.0', 'id'), data: addrFromJson(l.data, '0.0.0.0', 'data'), type_: jInt(l, 'type', 3), tos: jInt(l, 'tos', 0), metric: jInt(l, 'metric', 10) });
      });
      return new RouterLSA({ ...hdrFromJson(d), flags: jInt(d, 'flags', 0), links });
    }
    case NetworkLSA.jsonName:
      return new NetworkLSA({ ...hdrFromJson(d), mask: addrFromJson(d.mask, '0.0.0.0', 'mask'), routers: addrList(d, 'routers') });
    case SummaryLSA.jsonName:
      return new SummaryLSA({ ...hdrFromJson(d), mask: addrFromJson(d.mask, '0.0.0.0', 'mask'), tos: jInt(d, 'tos', 0), metric: jInt(d, 'metric', 0) });
    case ASExternalLSA.jsonName: {
      const extnws = (jArr(d, 'extnws') ?? []).map((x) => {
        const [, e] = jClass(x, 'ExternalNetwork');
        return new ExternalNetwork({
          mask: addrFromJson(e.mask, '0.0.0.0', 'mask'),
          flags: jInt(e, 'flags', 0),
          metric: jInt(e, 'metric', 0),
          fwd_addr: addrFromJson(e.fwd_addr, '0.0.0.0', 'fwd_addr'),
          tag: jInt(e, 'tag', 0),
        });
      });
      return new ASExternalLSA({ ...hdrFromJson(d), extnws });
    }
    case ASBRSummaryLSA.jsonName:
      return new ASBRSummaryLSA(hdrFromJson(d));
    case NSSAExternalLSA.jsonName:
      return new NSSAExternalLSA(hdrFromJson(d));
    case LocalOpaqueLSA.jsonName:
    case AreaOpaqueLSA.jsonName:
    case ASOpaqueLSA.jsonName: {
      const [, h] = jClass(jObj(d.header, 'header'), 'LSAHeader');
      const data = d.data !== null && typeof d.data === 'object' && !Array.isArray(d.data) ? opaqueBodyFromJson(d.data) : new Uint8Array(0);
      const o: LSAOpts & { data: OpaqueData } = {
        ls_age: typeof d.data === 'number' ? d.data : 0,
        options: jInt(h, 'ls_age', 0),
        adv_router: addrFromJson(h.id, '0.0.0.0', 'id'),
        ls_seqnum: jInt(h, 'adv_router', 0),
        opaque_type: jInt(h, 'length', 0),
        opaque_id: 0,
        data,
      };
      return name === LocalOpaqueLSA.jsonName ? new LocalOpaqueLSA(o) : name === AreaOpaqueLSA.jsonName ? new AreaOpaqueLSA(o) : new ASOpaqueLSA(o);
    }
    default:
      throw new JsonDictError(`unknown LSA class ${name}`);
  }
}
