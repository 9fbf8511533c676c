/**
 * Connection tracking: ct(...) with its nested actions, nat(...) (os-ken's
 * NXActionCT, NXActionNAT). ct_clear is a fixed action (misc.ts).
 *
 * os-ken serializes ct's nested actions back to back at the end of the data
 * written so far (not at the padded `len` of the previous one), so a nested
 * Nicira action whose body is not a multiple of 8 is followed directly by the
 * next action; this is reproduced with NXAction.rawLength.
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError } from '../../wire/errors.js';
import type { JsonObject, JsonValue } from '../../wire/json/json.js';
import * as nx from '../nicira_ext.js';
import { objFromJsonDict, type ElemCodec, type OFPStruct } from '../struct.js';
import { actionElem } from '../v1_2plus/actions.js';
import { IPv4Addr, IPv6Addr } from '../oxx_types.js';
import { NXAction, NXVarAction, jsonInt, registerNX, withVersion } from './header.js';
import { nxmReadHeader4, nxmWriteHeader4 } from './nxm.js';

type Ctor<T> = new (init?: Record<string, unknown>) => T;

const NESTED = new Map<number, ElemCodec<OFPStruct>>();
/** The action codec ct uses for its nested actions in `version` (OF1.0's parser module registers its own). */
export function setNXNestedActionElem(version: number, elem: ElemCodec<OFPStruct>): void {
  NESTED.set(version, elem);
}
function nestedElem(version: number): ElemCodec<OFPStruct> {
  return NESTED.get(version) ?? actionElem;
}

/** ct(commit, zone=..., table=..., alg=..., exec(actions)) */
export class NXActionCT extends NXVarAction {
  static override jsonName = 'NXActionCT';
  flags: number;
  /** zone source field name, '' for an immediate zone (or a raw 32-bit header number) */
  zone_src: string | number;
  zone_ofs_nbits: number;
  recirc_table: number;
  alg: number;
  actions: OFPStruct[];
  constructor(init?: Record<string, unknown>) {
    super();
    this.subtype = nx.NXAST_CT;
    const num = (k: string, d = 0) => (init?.[k] === undefined || init[k] === null ? d : Number(init[k]));
    this.flags = num('flags');
    this.zone_src = (init?.zone_src as string | number | undefined) ?? '';
    this.zone_ofs_nbits = num('zone_ofs_nbits');
    this.recirc_table = num('recirc_table', nx.NX_CT_RECIRC_NONE);
    this.alg = num('alg');
    this.actions = [...((init?.actions as OFPStruct[] | undefined) ?? [])];
  }
  protected decodeBody(r: Reader): void {
    r.need(14, 'NXActionCT');
    this.flags = r.u16();
    if (r.view.getUint32(r.pos) === 0) {
      this.zone_src = '';
      r.pos += 4;
    } else {
      this.zone_src = nxmReadHeader4(r, 'NXActionCT');
    }
    this.zone_ofs_nbits = r.u16();
    this.recirc_table = r.u8();
    r.skip(3);
    this.alg = r.u16();
    const elem = nestedElem(r.version);
    this.actions = [];
    while (r.pos < r.end) this.actions.push(elem.decode(r));
  }
  protected encodeBody(w: Writer): void {
    w.u16(this.flags);
    if (!this.zone_src) w.u32(0);
    else if (typeof this.zone_src === 'number') w.u32(this.zone_src);
    else nxmWriteHeader4(w, this.zone_src);
    w.u16(this.zone_ofs_nbits);
    w.u8(this.recirc_table);
    w.zeros(3);
    w.u16(this.alg);
    for (const a of this.actions) {
      const start = w.pos;
      a.encodeTo(w);
      if (a instanceof NXAction) w.pos = start + a.rawLength;
    }
  }
  protected bodyJson(): JsonObject {
    return {
      actions: this.actions.map((a) => a.toJsonDict()), alg: this.alg, flags: this.flags, recirc_table: this.recirc_table,
      zone_ofs_nbits: this.zone_ofs_nbits, zone_src: this.zone_src,
    };
  }
  static override fromJsonDict<T extends OFPStruct>(this: Ctor<T>, body: JsonObject, version = 4): T {
    const aj = body.actions ?? [];
    if (!Array.isArray(aj)) throw new JsonDictError('NXActionCT: actions must be a list');
    const actions = aj.map((j) => objFromJsonDict(j, version));
    const zs = body.zone_src;
    const o = new NXActionCT({
      flags: jsonInt(body.flags), zone_src: typeof zs === 'string' ? zs : jsonInt(zs), zone_ofs_nbits: jsonInt(body.zone_ofs_nbits),
      recirc_table: jsonInt(body.recirc_table, nx.NX_CT_RECIRC_NONE), alg: jsonInt(body.alg), actions,
    });
    return withVersion(o, version) as unknown as T;
  }
}

/** nat(src|dst=addr_min-addr_max:port_min-port_max, ...): unset addresses are '', unset ports null. */
export class NXActionNAT extends NXVarAction {
  static override jsonName = 'NXActionNAT';
  flags: number;
  range_ipv4_min: string;
  range_ipv4_max: string;
  range_ipv6_min: string;
  range_ipv6_max: string;
  range_proto_min: number | null;
  range_proto_max: number | null;
  constructor(init?: Record<string, unknown>) {
    super();
    this.subtype = nx.NXAST_NAT;
    const s = (k: string) => String(init?.[k] ?? '');
    const p = (k: string) => (init?.[k] === undefined || init[k] === null ? null : Number(init[k]));
    this.flags = Number(init?.flags ?? 0);
    this.range_ipv4_min = s('range_ipv4_min');
    this.range_ipv4_max = s('range_ipv4_max');
    this.range_ipv6_min = s('range_ipv6_min');
    this.range_ipv6_max = s('range_ipv6_max');
    this.range_proto_min = p('range_proto_min');
    this.range_proto_max = p('range_proto_max');
  }
  protected decodeBody(r: Reader): void {
    const where = 'NXActionNAT';
    r.need(6, where);
    r.skip(2);
    this.flags = r.u16();
    const present = r.u16();
    const addr = (bit: number, t: typeof IPv4Addr): string => {
      if (!(present & bit)) return '';
      r.need(t.size, where);
      const v = String(t.toUser(r.bytes, r.pos, t.size));
      r.pos += t.size;
      return v;
    };
    const port = (bit: number): number | null => {
      if (!(present & bit)) return null;
      r.need(2, where);
      return r.u16();
    };
    this.range_ipv4_min = addr(nx.NX_NAT_RANGE_IPV4_MIN, IPv4Addr);
    this.range_ipv4_max = addr(nx.NX_NAT_RANGE_IPV4_MAX, IPv4Addr);
    this.range_ipv6_min = addr(nx.NX_NAT_RANGE_IPV6_MIN, IPv6Addr);
    this.range_ipv6_max = addr(nx.NX_NAT_RANGE_IPV6_MAX, IPv6Addr);
    this.range_proto_min = port(nx.NX_NAT_RANGE_PROTO_MIN);
    this.range_proto_max = port(nx.NX_NAT_RANGE_PROTO_MAX);
    r.pos = r.end;
  }
  protected encodeBody(w: Writer): void {
    const parts: Uint8Array[] = [];
    let present = 0;
    const addr = (v: string, bit: number, t: typeof IPv4Addr) => {
      if (v === '') return;
      present |= bit;
      const b = new Uint8Array(t.size);
      t.fromUser(v, b, 0);
      parts.push(b);
    };
    const port = (v: number | null, bit: number) => {
      if (v === null || v === undefined) return;
      present |= bit;
      parts.push(new Uint8Array([(v >> 8) & 0xff, v & 0xff]));
    };
    addr(this.range_ipv4_min, nx.NX_NAT_RANGE_IPV4_MIN, IPv4Addr);
    addr(this.range_ipv4_max, nx.NX_NAT_RANGE_IPV4_MAX, IPv4Addr);
    addr(this.range_ipv6_min, nx.NX_NAT_RANGE_IPV6_MIN, IPv6Addr);
    addr(this.range_ipv6_max, nx.NX_NAT_RANGE_IPV6_MAX, IPv6Addr);
    port(this.range_proto_min, nx.NX_NAT_RANGE_PROTO_MIN);
    port(this.range_proto_max, nx.NX_NAT_RANGE_PROTO_MAX);
    w.zeros(2);
    w.u16(this.flags);
    w.u16(present);
    for (const b of parts) w.bytes(b);
  }
  protected bodyJson(): JsonObject {
    return {
      flags: this.flags, range_ipv4_max: this.range_ipv4_max, range_ipv4_min: this.range_ipv4_min,
      range_ipv6_max: this.range_ipv6_max, range_ipv6_min: this.range_ipv6_min,
      range_proto_max: this.range_proto_max as JsonValue, range_proto_min: this.range_proto_min as JsonValue,
    };
  }
  static override fromJsonDict<T extends OFPStruct>(this: Ctor<T>, body: JsonObject, version = 4): T {
    const init: Record<string, unknown> = { flags: jsonInt(body.flags) };
    for (const k of ['range_ipv4_min', 'range_ipv4_max', 'range_ipv6_min', 'range_ipv6_max']) {
      if (typeof body[k] === 'string') init[k] = body[k];
    }
    for (const k of ['range_proto_min', 'range_proto_max']) {
      if (body[k] !== undefined && body[k] !== null) init[k] = jsonInt(body[k]);
    }
    return withVersion(new NXActionNAT(init), version) as unknown as T;
  }
}

registerNX(nx.NXAST_CT, NXActionCT);
registerNX(nx.NXAST_NAT, NXActionNAT);
