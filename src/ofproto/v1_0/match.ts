/**
 * OpenFlow 1.0 ofp_match (os-ken's ofproto_v1_0_parser.OFPMatch): a fixed
 * 40-byte structure of wildcards and fields. Built as os-ken builds it:
 * every field given clears its wildcard bit, nw_src/nw_dst with a prefix
 * length (nw_src_mask/nw_dst_mask) set the IP wildcard counts, and an
 * explicit `wildcards` overrides the computed value.
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError } from '../../wire/errors.js';
import { ipv4NumToText, ipv4ToNum, macToBin, macToText } from '../../wire/addrconv.js';
import type { JsonObject, JsonValue } from '../../wire/json/json.js';
import { Layout, OFPStruct, registerClass } from '../struct.js';
import {
  OFPFW_ALL, OFPFW_DL_DST, OFPFW_DL_SRC, OFPFW_DL_TYPE, OFPFW_DL_VLAN, OFPFW_DL_VLAN_PCP, OFPFW_IN_PORT,
  OFPFW_NW_DST_MASK, OFPFW_NW_DST_SHIFT, OFPFW_NW_PROTO, OFPFW_NW_SRC_MASK, OFPFW_NW_SRC_SHIFT, OFPFW_NW_TOS,
  OFPFW_TP_DST, OFPFW_TP_SRC,
} from '../ofproto_v1_0.js';

export const OFP_MATCH_SIZE = 40;
export const V10 = [1] as const;

export interface OFPMatchInit {
  wildcards?: number | null;
  in_port?: number | null;
  dl_src?: string | Uint8Array | null;
  dl_dst?: string | Uint8Array | null;
  dl_vlan?: number | null;
  dl_vlan_pcp?: number | null;
  dl_type?: number | null;
  nw_tos?: number | null;
  nw_proto?: number | null;
  nw_src?: string | number | null;
  nw_dst?: string | number | null;
  tp_src?: number | null;
  tp_dst?: number | null;
  nw_src_mask?: number;
  nw_dst_mask?: number;
}

const DONTCARE = '00:00:00:00:00:00';
const FIELD_WC: Record<string, number> = {
  in_port: OFPFW_IN_PORT, dl_src: OFPFW_DL_SRC, dl_dst: OFPFW_DL_DST, dl_vlan: OFPFW_DL_VLAN,
  dl_vlan_pcp: OFPFW_DL_VLAN_PCP, dl_type: OFPFW_DL_TYPE, nw_tos: OFPFW_NW_TOS, nw_proto: OFPFW_NW_PROTO,
  nw_src: OFPFW_NW_SRC_MASK, nw_dst: OFPFW_NW_DST_MASK, tp_src: OFPFW_TP_SRC, tp_dst: OFPFW_TP_DST,
};

function macText(v: string | Uint8Array): string {
  if (typeof v === 'string') return macToText(macToBin(v));
  if (v.length !== 6) throw new JsonDictError('MAC address must be 6 bytes');
  return macToText(v);
}

function ipNum(v: string | number): number {
  return typeof v === 'number' ? v >>> 0 : ipv4ToNum(v);
}

/** OpenFlow 1.0 flow match. nw_src/nw_dst are kept as numbers (as os-ken does), dl_src/dl_dst as text. */
export class OFPMatch extends OFPStruct {
  static override jsonName = 'OFPMatch';
  static override layout = new Layout('OFPMatch', {});
  wildcards: number;
  in_port: number;
  dl_src: string;
  dl_dst: string;
  dl_vlan: number;
  dl_vlan_pcp: number;
  dl_type: number;
  nw_tos: number;
  nw_proto: number;
  nw_src: number;
  nw_dst: number;
  tp_src: number;
  tp_dst: number;

  constructor(init?: OFPMatchInit | null) {
    super();
    const a = init ?? {};
    let wc = OFPFW_ALL;
    const num = (k: 'in_port' | 'dl_vlan' | 'dl_vlan_pcp' | 'dl_type' | 'nw_tos' | 'nw_proto' | 'tp_src' | 'tp_dst'): number => {
      const v = a[k];
      if (v === undefined || v === null) return 0;
      wc &= ~FIELD_WC[k]!;
      return v;
    };
    this.in_port = num('in_port');
    this.dl_src = DONTCARE;
    if (a.dl_src !== undefined && a.dl_src !== null) {
      wc &= ~OFPFW_DL_SRC;
      this.dl_src = macText(a.dl_src);
    }
    this.dl_dst = DONTCARE;
    if (a.dl_dst !== undefined && a.dl_dst !== null) {
      wc &= ~OFPFW_DL_DST;
      this.dl_dst = macText(a.dl_dst);
    }
    this.dl_vlan = num('dl_vlan');
    this.dl_vlan_pcp = num('dl_vlan_pcp');
    this.dl_type = num('dl_type');
    this.nw_tos = num('nw_tos');
    this.nw_proto = num('nw_proto');
    this.nw_src = 0;
    if (a.nw_src !== undefined && a.nw_src !== null) {
      wc &= ((32 - (a.nw_src_mask ?? 32)) << OFPFW_NW_SRC_SHIFT) | ~OFPFW_NW_SRC_MASK;
      this.nw_src = ipNum(a.nw_src);
    }
    this.nw_dst = 0;
    if (a.nw_dst !== undefined && a.nw_dst !== null) {
      wc &= ((32 - (a.nw_dst_mask ?? 32)) << OFPFW_NW_DST_SHIFT) | ~OFPFW_NW_DST_MASK;
      this.nw_dst = ipNum(a.nw_dst);
    }
    this.tp_src = num('tp_src');
    this.tp_dst = num('tp_dst');
    this.wildcards = a.wildcards === undefined || a.wildcards === null ? wc >>> 0 : a.wildcards;
  }

  /** os-ken's match['nw_src_mask'] etc.: the value of a non-wildcarded field, else undefined. */
  get(name: string): number | string | undefined {
    if (name === 'nw_src_mask') return Math.max(0, 32 - ((this.wildcards & OFPFW_NW_SRC_MASK) >>> OFPFW_NW_SRC_SHIFT));
    if (name === 'nw_dst_mask') return Math.max(0, 32 - ((this.wildcards & OFPFW_NW_DST_MASK) >>> OFPFW_NW_DST_SHIFT));
    if (name === 'wildcards') return this.wildcards;
    if (!this.has(name)) return undefined;
    const v = (this as unknown as Record<string, number | string>)[name]!;
    return name === 'nw_src' || name === 'nw_dst' ? ipv4NumToText(v as number) : v;
  }

  /** os-ken's `name in match`: the field is not (entirely) wildcarded. */
  has(name: string): boolean {
    const wc = FIELD_WC[name] ?? 0;
    return (~this.wildcards & wc) !== 0;
  }

  override decodeFrom(r: Reader): void {
    r.need(OFP_MATCH_SIZE, 'ofp_match');
    const v = r.view;
    const p = r.pos;
    this.wildcards = v.getUint32(p);
    this.in_port = v.getUint16(p + 4);
    this.dl_src = macToText(r.bytes, p + 6);
    this.dl_dst = macToText(r.bytes, p + 12);
    this.dl_vlan = v.getUint16(p + 18);
    this.dl_vlan_pcp = v.getUint8(p + 20);
    this.dl_type = v.getUint16(p + 22);
    this.nw_tos = v.getUint8(p + 24);
    this.nw_proto = v.getUint8(p + 25);
    this.nw_src = v.getUint32(p + 28);
    this.nw_dst = v.getUint32(p + 32);
    this.tp_src = v.getUint16(p + 36);
    this.tp_dst = v.getUint16(p + 38);
    r.pos = p + OFP_MATCH_SIZE;
  }

  override encodeTo(w: Writer): void {
    w.ensure(OFP_MATCH_SIZE);
    const p = w.pos;
    w.buf.fill(0, p, p + OFP_MATCH_SIZE);
    const v = w.view;
    v.setUint32(p, this.wildcards >>> 0);
    v.setUint16(p + 4, this.in_port);
    w.buf.set(macToBin(this.dl_src), p + 6);
    w.buf.set(macToBin(this.dl_dst), p + 12);
    v.setUint16(p + 18, this.dl_vlan);
    v.setUint8(p + 20, this.dl_vlan_pcp);
    v.setUint16(p + 22, this.dl_type);
    v.setUint8(p + 24, this.nw_tos);
    v.setUint8(p + 25, this.nw_proto);
    v.setUint32(p + 28, this.nw_src >>> 0);
    v.setUint32(p + 32, this.nw_dst >>> 0);
    v.setUint16(p + 36, this.tp_src);
    v.setUint16(p + 38, this.tp_dst);
    w.pos = p + OFP_MATCH_SIZE;
  }

  override jsonBody(): JsonObject {
    return {
      dl_dst: this.dl_dst, dl_src: this.dl_src, dl_type: this.dl_type, dl_vlan: this.dl_vlan,
      dl_vlan_pcp: this.dl_vlan_pcp, in_port: this.in_port, nw_dst: ipv4NumToText(this.nw_dst),
      nw_proto: this.nw_proto, nw_src: ipv4NumToText(this.nw_src), nw_tos: this.nw_tos,
      tp_dst: this.tp_dst, tp_src: this.tp_src, wildcards: this.wildcards,
    };
  }

  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject): T {
    const init: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      if (!(k in FIELD_WC) && k !== 'wildcards' && k !== 'nw_src_mask' && k !== 'nw_dst_mask') {
        throw new JsonDictError(`OFPMatch: unknown argument ${k}`);
      }
      init[k] = typeof v === 'bigint' ? Number(v) : (v as JsonValue);
    }
    return new OFPMatch(init as OFPMatchInit) as unknown as T;
  }

  static override decode<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, r: Reader): T {
    const m = new OFPMatch();
    m.decodeFrom(r);
    return m as unknown as T;
  }
}
registerClass(V10, OFPMatch as never);
