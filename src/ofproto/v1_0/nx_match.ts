/**
 * Nicira extensible match for OpenFlow 1.0 messages (os-ken's
 * os_ken.ofproto.nx_match): ClsRule (a Flow plus FlowWildcards, built with
 * set_* calls), serialize_nxm_match (NXM TLVs in os-ken's fixed order, padded
 * to 8), the inverse parser used to decode NX flow mods and NX stats
 * requests, NXMatch (os-ken's header-only view of a received match) and the
 * generic NXM field list of NX flow stats.
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError, OFPMalformedMessage } from '../../wire/errors.js';
import { macToBin } from '../../wire/addrconv.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import * as nx from '../nicira_ext.js';
import { OFPFW_ALL, OFPFW_DL_VLAN, OFPFW_DL_VLAN_PCP } from '../ofproto_v1_0.js';

export const FWW_IN_PORT = 1 << 0;
export const FWW_DL_TYPE = 1 << 4;
export const FWW_NW_PROTO = 1 << 5;
export const FWW_NW_DSCP = 1 << 1;
export const FWW_NW_ECN = 1 << 2;
export const FWW_ARP_SHA = 1 << 3;
export const FWW_ARP_THA = 1 << 6;
export const FWW_IPV6_LABEL = 1 << 7;
export const FWW_NW_TTL = 1 << 8;
export const FWW_ALL = (1 << 13) - 1;
export const FLOW_NW_FRAG_ANY = 1 << 0;
export const FLOW_NW_FRAG_LATER = 1 << 1;
export const FLOW_NW_FRAG_MASK = FLOW_NW_FRAG_ANY | FLOW_NW_FRAG_LATER;
export const IP_ECN_MASK = 0x03;
export const IP_DSCP_MASK = 0xfc;
export const FLOW_N_REGS = 8;
const U16 = 0xffff;
const U32 = 0xffffffff;
const U64 = (1n << 64n) - 1n;

type Mac = Uint8Array;
const zeroMac = (): Mac => new Uint8Array(6);
const toMac = (v: string | Uint8Array): Mac => (typeof v === 'string' ? macToBin(v) : Uint8Array.from(v.subarray(0, 6)));
const isZero = (b: Uint8Array): boolean => b.every((x) => x === 0);

/** The values of a rule (os-ken's nx_match.Flow). */
export class Flow {
  in_port = 0;
  dl_vlan = 0;
  dl_vlan_pcp = 0;
  dl_src: Mac = zeroMac();
  dl_dst: Mac = zeroMac();
  dl_type = 0;
  tp_dst = 0;
  tp_src = 0;
  nw_tos = 0;
  vlan_tci = 0;
  nw_ttl = 0;
  nw_proto = 0;
  arp_sha: Mac | 0 = 0;
  arp_tha: Mac | 0 = 0;
  nw_src = 0;
  nw_dst = 0;
  tun_id = 0n;
  arp_spa = 0;
  arp_tpa = 0;
  ipv6_src: number[] = [];
  ipv6_dst: number[] = [];
  nd_target: number[] = [];
  nw_frag = 0;
  regs: number[] = new Array<number>(FLOW_N_REGS).fill(0);
  ipv6_label = 0;
  pkt_mark = 0;
  tcp_flags = 0;
}

/** Which parts of a rule are matched (os-ken's nx_match.FlowWildcards). */
export class FlowWildcards {
  dl_src_mask: Mac | 0 = 0;
  dl_dst_mask: Mac | 0 = 0;
  tp_src_mask = 0;
  tp_dst_mask = 0;
  nw_src_mask = 0;
  nw_dst_mask = 0;
  tun_id_mask = 0n;
  arp_spa_mask = 0;
  arp_tpa_mask = 0;
  vlan_tci_mask = 0;
  ipv6_src_mask: number[] = [];
  ipv6_dst_mask: number[] = [];
  nd_target_mask: number[] = [];
  nw_frag_mask = 0;
  regs_bits = 0;
  regs_mask: number[] = new Array<number>(FLOW_N_REGS).fill(0);
  wildcards = OFPFW_ALL;
  pkt_mark_mask = 0;
  tcp_flags_mask = 0;
}

function objJson(o: object): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(o)) out[k] = v instanceof Uint8Array ? base64Encode(v) : (v as JsonValue);
  return out;
}

function objFromJson(target: object, body: JsonObject, what: string): void {
  const t = target as Record<string, unknown>;
  for (const [k, v] of Object.entries(body)) {
    if (!(k in t)) throw new JsonDictError(`${what}: unknown attribute ${k}`);
    const cur = t[k];
    if (cur instanceof Uint8Array || ((k.endsWith('_sha') || k.endsWith('_tha') || k.endsWith('_src_mask') || k.endsWith('_dst_mask')) && typeof v === 'string')) {
      t[k] = typeof v === 'string' ? base64Decode(v) : v;
    } else if (typeof cur === 'bigint') {
      t[k] = BigInt(v as number | bigint);
    } else if (typeof v === 'bigint') {
      t[k] = Number(v);
    } else {
      t[k] = v;
    }
  }
}

export type ClsRuleInit = Record<string, unknown>;

/** A flow rule for NXM matches (os-ken's nx_match.ClsRule). */
export class ClsRule {
  static readonly jsonName = 'ClsRule';
  wc = new FlowWildcards();
  flow = new Flow();

  /** `new ClsRule({ in_port: 1, nw_src_masked: [ip, mask], reg3: 5 })`, as os-ken's keyword form. */
  constructor(init?: ClsRuleInit) {
    for (const [key, value] of Object.entries(init ?? {})) {
      if (key.startsWith('reg')) {
        this.set_reg(Number(key.slice(3)), value as number);
        continue;
      }
      const setter = (this as unknown as Record<string, unknown>)[`set_${key}`];
      if (typeof setter !== 'function') throw new JsonDictError(`ClsRule: invalid argument ${key}`);
      (setter as (...a: unknown[]) => void).apply(this, Array.isArray(value) ? value : [value]);
    }
  }

  set_in_port(port: number): void { this.wc.wildcards &= ~FWW_IN_PORT; this.flow.in_port = port; }
  set_dl_vlan(v: number): void { this.wc.wildcards &= ~OFPFW_DL_VLAN; this.flow.dl_vlan = v; }
  set_dl_vlan_pcp(v: number): void { this.wc.wildcards &= ~OFPFW_DL_VLAN_PCP; this.flow.dl_vlan_pcp = v; }
  set_dl_dst(v: string | Uint8Array): void { this.flow.dl_dst = toMac(v); }
  set_dl_dst_masked(v: string | Uint8Array, mask: string | Uint8Array): void {
    const m = toMac(mask);
    this.wc.dl_dst_mask = m;
    this.flow.dl_dst = toMac(v).map((x, i) => x & m[i]!);
  }
  set_dl_src(v: string | Uint8Array): void { this.flow.dl_src = toMac(v); }
  set_dl_src_masked(v: string | Uint8Array, mask: string | Uint8Array): void {
    const m = toMac(mask);
    this.wc.dl_src_mask = m;
    this.flow.dl_src = toMac(v).map((x, i) => x & m[i]!);
  }
  set_dl_type(v: number): void { this.wc.wildcards &= ~FWW_DL_TYPE; this.flow.dl_type = v; }
  set_dl_tci(tci: number): void { this.set_dl_tci_masked(tci, U16); }
  set_dl_tci_masked(tci: number, mask: number): void { this.wc.vlan_tci_mask = mask; this.flow.vlan_tci = tci; }
  set_tp_src(v: number): void { this.set_tp_src_masked(v, U16); }
  set_tp_src_masked(v: number, mask: number): void { this.wc.tp_src_mask = mask; this.flow.tp_src = v & mask; }
  set_tp_dst(v: number): void { this.set_tp_dst_masked(v, U16); }
  set_tp_dst_masked(v: number, mask: number): void { this.wc.tp_dst_mask = mask; this.flow.tp_dst = v & mask; }
  set_nw_proto(v: number): void { this.wc.wildcards &= ~FWW_NW_PROTO; this.flow.nw_proto = v; }
  set_nw_src(v: number): void { this.set_nw_src_masked(v, U32); }
  set_nw_src_masked(v: number, mask: number): void { this.flow.nw_src = v; this.wc.nw_src_mask = mask; }
  set_nw_dst(v: number): void { this.set_nw_dst_masked(v, U32); }
  set_nw_dst_masked(v: number, mask: number): void { this.flow.nw_dst = v; this.wc.nw_dst_mask = mask; }
  set_nw_dscp(v: number): void {
    this.wc.wildcards &= ~FWW_NW_DSCP;
    this.flow.nw_tos = (this.flow.nw_tos & ~IP_DSCP_MASK) | (v & IP_DSCP_MASK);
  }
  set_icmp_type(v: number): void { this.set_tp_src(v); }
  set_icmp_code(v: number): void { this.set_tp_dst(v); }
  set_tun_id(v: bigint | number): void { this.set_tun_id_masked(v, U64); }
  set_tun_id_masked(v: bigint | number, mask: bigint | number): void {
    this.wc.tun_id_mask = BigInt(mask);
    this.flow.tun_id = BigInt(v) & BigInt(mask);
  }
  set_nw_ecn(v: number): void {
    this.wc.wildcards &= ~FWW_NW_ECN;
    this.flow.nw_tos = (this.flow.nw_tos & ~IP_ECN_MASK) | (v & IP_ECN_MASK);
  }
  set_nw_ttl(v: number): void { this.wc.wildcards &= ~FWW_NW_TTL; this.flow.nw_ttl = v; }
  set_nw_frag(v: number): void { this.wc.nw_frag_mask |= FLOW_NW_FRAG_MASK; this.flow.nw_frag = v; }
  set_nw_frag_masked(v: number, mask: number): void { this.wc.nw_frag_mask = mask; this.flow.nw_frag = v & mask; }
  set_arp_spa(v: number): void { this.set_arp_spa_masked(v, U32); }
  set_arp_spa_masked(v: number, mask: number): void { this.flow.arp_spa = v; this.wc.arp_spa_mask = mask; }
  set_arp_tpa(v: number): void { this.set_arp_tpa_masked(v, U32); }
  set_arp_tpa_masked(v: number, mask: number): void { this.flow.arp_tpa = v; this.wc.arp_tpa_mask = mask; }
  set_arp_sha(v: string | Uint8Array): void { this.wc.wildcards &= ~FWW_ARP_SHA; this.flow.arp_sha = toMac(v); }
  set_arp_tha(v: string | Uint8Array): void { this.wc.wildcards &= ~FWW_ARP_THA; this.flow.arp_tha = toMac(v); }
  set_icmpv6_type(v: number): void { this.set_tp_src(v); }
  set_icmpv6_code(v: number): void { this.set_tp_dst(v); }
  set_ipv6_label(v: number): void { this.wc.wildcards &= ~FWW_IPV6_LABEL; this.flow.ipv6_label = v; }
  set_ipv6_src_masked(v: number[], mask: number[]): void { this.wc.ipv6_src_mask = mask; this.flow.ipv6_src = v.map((x, i) => x & (mask[i] ?? 0)); }
  set_ipv6_src(v: number[]): void { this.flow.ipv6_src = v; }
  set_ipv6_dst_masked(v: number[], mask: number[]): void { this.wc.ipv6_dst_mask = mask; this.flow.ipv6_dst = v.map((x, i) => x & (mask[i] ?? 0)); }
  set_ipv6_dst(v: number[]): void { this.flow.ipv6_dst = v; }
  set_nd_target_masked(v: number[], mask: number[]): void { this.wc.nd_target_mask = mask; this.flow.nd_target = v.map((x, i) => (x & (mask[i] ?? 0)) >>> 0); }
  set_nd_target(v: number[]): void { this.flow.nd_target = v; }
  set_reg(idx: number, v: number): void { this.set_reg_masked(idx, v, 0); }
  set_reg_masked(idx: number, v: number, mask: number): void {
    if (!Number.isInteger(idx) || idx < 0 || idx >= FLOW_N_REGS) throw new JsonDictError(`ClsRule: no register ${idx}`);
    this.wc.regs_mask[idx] = mask;
    this.flow.regs[idx] = v;
    this.wc.regs_bits |= 1 << idx;
  }
  set_pkt_mark_masked(v: number, mask: number): void { this.flow.pkt_mark = v; this.wc.pkt_mark_mask = mask; }
  set_tcp_flags(v: number, mask: number): void { this.flow.tcp_flags = v; this.wc.tcp_flags_mask = mask; }

  /** NXFF_NXM when the rule needs NXM, else NXFF_OPENFLOW10. */
  flow_format(): number {
    const wc = this.wc;
    if (wc.tun_id_mask !== 0n || wc.dl_dst_mask !== 0 || wc.dl_src_mask !== 0) return nx.NXFF_NXM;
    if (!(wc.wildcards & FWW_NW_ECN)) return nx.NXFF_NXM;
    if (wc.regs_bits > 0) return nx.NXFF_NXM;
    if (this.flow.tcp_flags > 0) return nx.NXFF_NXM;
    return nx.NXFF_OPENFLOW10;
  }

  toJsonDict(): JsonObject {
    return { ClsRule: { flow: { Flow: objJson(this.flow) }, wc: { FlowWildcards: objJson(this.wc) } } };
  }

  static fromJsonDict(body: JsonObject): ClsRule {
    const r = new ClsRule();
    const flow = (body.flow as JsonObject | undefined)?.Flow;
    const wc = (body.wc as JsonObject | undefined)?.FlowWildcards;
    if (flow) objFromJson(r.flow, flow as JsonObject, 'Flow');
    if (wc) objFromJson(r.wc, wc as JsonObject, 'FlowWildcards');
    return r;
  }
}

/* ---------- serialize_nxm_match ---------- */

function putUint(w: Writer, bytes: number, v: number | bigint): void {
  if (bytes === 1) w.u8(Number(v) & 0xff);
  else if (bytes === 2) w.u16(Number(v) & 0xffff);
  else if (bytes === 4) w.u32(Number(v) >>> 0);
  else w.u64(BigInt(v));
}
/** os-ken's MFField.putm: nothing for a zero mask, the value for an all-ones mask, else value and mask. */
function putm(w: Writer, bytes: number, v: number | bigint, mask: number | bigint): void {
  const m = BigInt(mask);
  if (m === 0n) return;
  putUint(w, bytes, v);
  if (m !== (1n << BigInt(bytes * 8)) - 1n) putUint(w, bytes, mask);
}
function putMac(w: Writer, v: Mac | 0): void {
  w.bytes(v === 0 ? zeroMac() : v);
}
function putWords(w: Writer, bytes: 2 | 4, v: number[], n: number): void {
  if (v.length !== n) throw new JsonDictError(`NXM: expected ${n} words, got ${v.length}`);
  for (const x of v) putUint(w, bytes, x);
}

/** Write the NXM match of `rule` (padded to 8); returns its unpadded length (os-ken's serialize_nxm_match). */
export function serializeNxmMatch(rule: ClsRule, w: Writer): number {
  const start = w.pos;
  const f = rule.flow;
  const wc = rule.wc;
  const hdr = (h: number): void => w.u32(h >>> 0);
  if (!(wc.wildcards & FWW_IN_PORT)) { hdr(nx.NXM_OF_IN_PORT); w.u16(f.in_port); }
  if (!isZero(f.dl_dst)) {
    if (wc.dl_dst_mask !== 0) { hdr(nx.NXM_OF_ETH_DST_W); w.bytes(f.dl_dst); w.bytes(wc.dl_dst_mask); } else { hdr(nx.NXM_OF_ETH_DST); w.bytes(f.dl_dst); }
  }
  if (!isZero(f.dl_src)) {
    if (wc.dl_src_mask !== 0) { hdr(nx.NXM_OF_ETH_SRC_W); w.bytes(f.dl_src); w.bytes(wc.dl_src_mask); } else { hdr(nx.NXM_OF_ETH_SRC); w.bytes(f.dl_src); }
  }
  if (!(wc.wildcards & FWW_DL_TYPE)) { hdr(nx.NXM_OF_ETH_TYPE); w.u16(f.dl_type); }
  if (wc.vlan_tci_mask !== 0) {
    hdr(wc.vlan_tci_mask === U16 ? nx.NXM_OF_VLAN_TCI : nx.NXM_OF_VLAN_TCI_W);
    putm(w, 2, f.vlan_tci, wc.vlan_tci_mask);
  }
  if (!(wc.wildcards & FWW_NW_DSCP)) { hdr(nx.NXM_OF_IP_TOS); w.u8(f.nw_tos & IP_DSCP_MASK); }
  if (!(wc.wildcards & FWW_NW_ECN)) { hdr(nx.NXM_NX_IP_ECN); w.u8(f.nw_tos & IP_ECN_MASK); }
  if (!(wc.wildcards & FWW_NW_TTL)) { hdr(nx.NXM_NX_IP_TTL); w.u8(f.nw_ttl); }
  if (!(wc.wildcards & FWW_NW_PROTO)) { hdr(nx.NXM_OF_IP_PROTO); w.u8(f.nw_proto); }
  if (!(wc.wildcards & FWW_NW_PROTO) && f.nw_proto === 1) {
    if (wc.tp_src_mask !== 0) { hdr(nx.NXM_OF_ICMP_TYPE); w.u8(f.tp_src); }
    if (wc.tp_dst_mask !== 0) { hdr(nx.NXM_OF_ICMP_CODE); w.u8(f.tp_dst); }
  }
  const tp = (v: number, mask: number, tcp: [number, number], udp: [number, number]): void => {
    if (v === 0) return;
    const pair = f.nw_proto === 6 ? tcp : f.nw_proto === 17 ? udp : null;
    if (!pair) return;
    hdr(mask === U16 ? pair[0] : pair[1]);
    putm(w, 2, v, mask);
  };
  tp(f.tp_src, wc.tp_src_mask, [nx.NXM_OF_TCP_SRC, nx.NXM_OF_TCP_SRC_W], [nx.NXM_OF_UDP_SRC, nx.NXM_OF_UDP_SRC_W]);
  tp(f.tp_dst, wc.tp_dst_mask, [nx.NXM_OF_TCP_DST, nx.NXM_OF_TCP_DST_W], [nx.NXM_OF_UDP_DST, nx.NXM_OF_UDP_DST_W]);
  if (f.tcp_flags !== 0 && (f.dl_type === 0x0800 || f.dl_type === 0x86dd) && f.nw_proto === 6) {
    hdr(wc.tcp_flags_mask === U16 ? nx.NXM_NX_TCP_FLAGS : nx.NXM_NX_TCP_FLAGS_W);
    putm(w, 2, f.tcp_flags, wc.tcp_flags_mask);
  }
  if (f.nw_src !== 0) { hdr(wc.nw_src_mask === U32 ? nx.NXM_OF_IP_SRC : nx.NXM_OF_IP_SRC_W); putm(w, 4, f.nw_src, wc.nw_src_mask); }
  if (f.nw_dst !== 0) { hdr(wc.nw_dst_mask === U32 ? nx.NXM_OF_IP_DST : nx.NXM_OF_IP_DST_W); putm(w, 4, f.nw_dst, wc.nw_dst_mask); }
  if (!(wc.wildcards & FWW_NW_PROTO) && f.nw_proto === 58) {
    if (wc.tp_src_mask !== 0) { hdr(nx.NXM_NX_ICMPV6_TYPE); w.u8(f.tp_src); }
    if (wc.tp_dst_mask !== 0) { hdr(nx.NXM_NX_ICMPV6_CODE); w.u8(f.tp_dst); }
  }
  if (!(wc.wildcards & FWW_IPV6_LABEL)) { hdr(nx.NXM_NX_IPV6_LABEL); w.u32(f.ipv6_label >>> 0); }
  const v6 = (v: number[], mask: number[], plain: number, masked: number, bytes: 2 | 4, n: number): void => {
    if (!v.length) return;
    hdr(mask.length ? masked : plain);
    putWords(w, bytes, v, n);
    if (mask.length) putWords(w, bytes, mask, n);
  };
  v6(f.ipv6_src, wc.ipv6_src_mask, nx.NXM_NX_IPV6_SRC, nx.NXM_NX_IPV6_SRC_W, 2, 8);
  v6(f.ipv6_dst, wc.ipv6_dst_mask, nx.NXM_NX_IPV6_DST, nx.NXM_NX_IPV6_DST_W, 2, 8);
  v6(f.nd_target, wc.nd_target_mask, nx.NXM_NX_ND_TARGET, nx.NXM_NX_ND_TARGET_W, 4, 4);
  if (f.arp_spa !== 0) { hdr(wc.arp_spa_mask === U32 ? nx.NXM_OF_ARP_SPA : nx.NXM_OF_ARP_SPA_W); putm(w, 4, f.arp_spa, wc.arp_spa_mask); }
  if (f.arp_tpa !== 0) { hdr(wc.arp_tpa_mask === U32 ? nx.NXM_OF_ARP_TPA : nx.NXM_OF_ARP_TPA_W); putm(w, 4, f.arp_tpa, wc.arp_tpa_mask); }
  if (!(wc.wildcards & FWW_ARP_SHA)) { hdr(nx.NXM_NX_ARP_SHA); putMac(w, f.arp_sha); }
  if (!(wc.wildcards & FWW_ARP_THA)) { hdr(nx.NXM_NX_ARP_THA); putMac(w, f.arp_tha); }
  if (f.nw_frag) {
    if (wc.nw_frag_mask === FLOW_NW_FRAG_MASK) { hdr(nx.NXM_NX_IP_FRAG); w.u8(f.nw_frag); } else { hdr(nx.NXM_NX_IP_FRAG_W); w.u8(f.nw_frag); w.u8(wc.nw_frag_mask & FLOW_NW_FRAG_MASK); }
  }
  if (f.pkt_mark !== 0) { hdr(wc.pkt_mark_mask === U32 ? nx.NXM_NX_PKT_MARK : nx.NXM_NX_PKT_MARK_W); putm(w, 4, f.pkt_mark, wc.pkt_mark_mask); }
  if (wc.tun_id_mask !== 0n) { hdr(wc.tun_id_mask === U64 ? nx.NXM_NX_TUN_ID : nx.NXM_NX_TUN_ID_W); putm(w, 8, f.tun_id, wc.tun_id_mask); }
  for (let i = 0; i < FLOW_N_REGS; i++) {
    if (!(wc.regs_bits & (1 << i))) continue;
    if (wc.regs_mask[i]) { hdr(nx.nxm_nx_reg_w(i)); putm(w, 4, f.regs[i]!, wc.regs_mask[i]!); } else { hdr(nx.nxm_nx_reg(i)); w.u32(f.regs[i]! >>> 0); }
  }
  const len = w.pos - start;
  w.align(start, 8);
  return len;
}

/* ---------- parsing NXM back into a ClsRule ---------- */

type Setter = (rule: ClsRule, r: Reader, at: number, masked: boolean, n: number) => void;
const u = (r: Reader, at: number, n: number): number => (n === 1 ? r.view.getUint8(at) : n === 2 ? r.view.getUint16(at) : r.view.getUint32(at));
const scalar = (n: number, plain: (rule: ClsRule, v: number) => void, masked?: (rule: ClsRule, v: number, m: number) => void): Setter =>
  (rule, r, at, isMasked) => {
    if (isMasked && masked) masked(rule, u(r, at, n), u(r, at + n, n));
    else plain(rule, u(r, at, n));
  };
const macSetter = (plain: (rule: ClsRule, v: Uint8Array) => void, masked?: (rule: ClsRule, v: Uint8Array, m: Uint8Array) => void): Setter =>
  (rule, r, at, isMasked) => {
    const v = r.bytes.slice(at, at + 6);
    if (isMasked && masked) masked(rule, v, r.bytes.slice(at + 6, at + 12));
    else plain(rule, v);
  };
const words = (bytes: 2 | 4, n: number, plain: (rule: ClsRule, v: number[]) => void, masked: (rule: ClsRule, v: number[], m: number[]) => void): Setter =>
  (rule, r, at, isMasked) => {
    const rd = (o: number): number[] => Array.from({ length: n }, (_, i) => u(r, o + i * bytes, bytes));
    if (isMasked) masked(rule, rd(at), rd(at + n * bytes));
    else plain(rule, rd(at));
  };

const SETTERS = new Map<number, Setter>();
function field(headers: number[], s: Setter): void {
  for (const h of headers) {
    SETTERS.set(h >>> 0, s);
    VALUE_SIZE.set(h >>> 0, valueSize(h));
  }
}
/** payload size of one value of the field a header names (the mask doubles it) */
function valueSize(h: number): number {
  const n = h & 0xff;
  return ((h >>> 8) & 1) === 1 ? n / 2 : n;
}
const VALUE_SIZE = new Map<number, number>();
field([nx.NXM_OF_IN_PORT], scalar(2, (x, v) => x.set_in_port(v)));
field([nx.NXM_OF_ETH_DST, nx.NXM_OF_ETH_DST_W], macSetter((x, v) => x.set_dl_dst(v), (x, v, m) => x.set_dl_dst_masked(v, m)));
field([nx.NXM_OF_ETH_SRC, nx.NXM_OF_ETH_SRC_W], macSetter((x, v) => x.set_dl_src(v), (x, v, m) => x.set_dl_src_masked(v, m)));
field([nx.NXM_OF_ETH_TYPE], scalar(2, (x, v) => x.set_dl_type(v)));
field([nx.NXM_OF_VLAN_TCI, nx.NXM_OF_VLAN_TCI_W], scalar(2, (x, v) => x.set_dl_tci(v), (x, v, m) => x.set_dl_tci_masked(v, m)));
field([nx.NXM_OF_IP_TOS], scalar(1, (x, v) => x.set_nw_dscp(v)));
field([nx.NXM_NX_IP_ECN], scalar(1, (x, v) => x.set_nw_ecn(v)));
field([nx.NXM_NX_IP_TTL], scalar(1, (x, v) => x.set_nw_ttl(v)));
field([nx.NXM_OF_IP_PROTO], scalar(1, (x, v) => x.set_nw_proto(v)));
field([nx.NXM_OF_TCP_SRC, nx.NXM_OF_TCP_SRC_W, nx.NXM_OF_UDP_SRC, nx.NXM_OF_UDP_SRC_W], scalar(2, (x, v) => x.set_tp_src(v), (x, v, m) => x.set_tp_src_masked(v, m)));
field([nx.NXM_OF_TCP_DST, nx.NXM_OF_TCP_DST_W, nx.NXM_OF_UDP_DST, nx.NXM_OF_UDP_DST_W], scalar(2, (x, v) => x.set_tp_dst(v), (x, v, m) => x.set_tp_dst_masked(v, m)));
field([nx.NXM_OF_ICMP_TYPE, nx.NXM_NX_ICMPV6_TYPE], scalar(1, (x, v) => x.set_icmp_type(v)));
field([nx.NXM_OF_ICMP_CODE, nx.NXM_NX_ICMPV6_CODE], scalar(1, (x, v) => x.set_icmp_code(v)));
field([nx.NXM_NX_TCP_FLAGS, nx.NXM_NX_TCP_FLAGS_W], scalar(2, (x, v) => x.set_tcp_flags(v, U16), (x, v, m) => x.set_tcp_flags(v, m)));
field([nx.NXM_OF_IP_SRC, nx.NXM_OF_IP_SRC_W], scalar(4, (x, v) => x.set_nw_src(v), (x, v, m) => x.set_nw_src_masked(v, m)));
field([nx.NXM_OF_IP_DST, nx.NXM_OF_IP_DST_W], scalar(4, (x, v) => x.set_nw_dst(v), (x, v, m) => x.set_nw_dst_masked(v, m)));
field([nx.NXM_NX_IPV6_LABEL], scalar(4, (x, v) => x.set_ipv6_label(v)));
field([nx.NXM_NX_IPV6_SRC, nx.NXM_NX_IPV6_SRC_W], words(2, 8, (x, v) => x.set_ipv6_src(v), (x, v, m) => x.set_ipv6_src_masked(v, m)));
field([nx.NXM_NX_IPV6_DST, nx.NXM_NX_IPV6_DST_W], words(2, 8, (x, v) => x.set_ipv6_dst(v), (x, v, m) => x.set_ipv6_dst_masked(v, m)));
field([nx.NXM_NX_ND_TARGET, nx.NXM_NX_ND_TARGET_W], words(4, 4, (x, v) => x.set_nd_target(v), (x, v, m) => x.set_nd_target_masked(v, m)));
field([nx.NXM_OF_ARP_SPA, nx.NXM_OF_ARP_SPA_W], scalar(4, (x, v) => x.set_arp_spa(v), (x, v, m) => x.set_arp_spa_masked(v, m)));
field([nx.NXM_OF_ARP_TPA, nx.NXM_OF_ARP_TPA_W], scalar(4, (x, v) => x.set_arp_tpa(v), (x, v, m) => x.set_arp_tpa_masked(v, m)));
field([nx.NXM_NX_ARP_SHA], macSetter((x, v) => x.set_arp_sha(v)));
field([nx.NXM_NX_ARP_THA], macSetter((x, v) => x.set_arp_tha(v)));
field([nx.NXM_NX_IP_FRAG, nx.NXM_NX_IP_FRAG_W], scalar(1, (x, v) => x.set_nw_frag(v), (x, v, m) => x.set_nw_frag_masked(v, m)));
field([nx.NXM_NX_PKT_MARK, nx.NXM_NX_PKT_MARK_W], scalar(4, (x, v) => x.set_pkt_mark_masked(v, U32), (x, v, m) => x.set_pkt_mark_masked(v, m)));
field([nx.NXM_NX_TUN_ID, nx.NXM_NX_TUN_ID_W], (rule, r, at, masked) => {
  const v = r.view.getBigUint64(at);
  if (masked) rule.set_tun_id_masked(v, r.view.getBigUint64(at + 8));
  else rule.set_tun_id(v);
});
for (let i = 0; i < FLOW_N_REGS; i++) {
  field([nx.nxm_nx_reg(i), nx.nxm_nx_reg_w(i)], scalar(4, (x, v) => x.set_reg(i, v), (x, v, m) => x.set_reg_masked(i, v, m)));
}

/** Parse `len` bytes of NXM TLVs at r.pos into a ClsRule (the inverse of serializeNxmMatch). */
export function parseNxmMatch(r: Reader, len: number, where = 'nx_match'): ClsRule {
  r.need(len, where);
  const rule = new ClsRule();
  const end = r.pos + len;
  let p = r.pos;
  while (p < end) {
    if (end - p < 4) throw new OFPMalformedMessage(where, p, 'NXM header runs past the match');
    const h = r.view.getUint32(p);
    const n = h & 0xff;
    if (n === 0) throw new OFPMalformedMessage(where, p, `NXM field 0x${h.toString(16)} has length 0`);
    if (p + 4 + n > end) throw new OFPMalformedMessage(where, p, `NXM field 0x${h.toString(16)} runs past the match`);
    const set = SETTERS.get(h >>> 0);
    if (!set) throw new OFPMalformedMessage(where, p, `unknown NXM field 0x${h.toString(16)}`);
    const masked = ((h >>> 8) & 1) === 1;
    const expect = (VALUE_SIZE.get(h >>> 0) ?? 0) * (masked ? 2 : 1);
    if (expect !== n) throw new OFPMalformedMessage(where, p, `NXM field 0x${h.toString(16)} length ${n} != ${expect}`);
    set(rule, r, p + 4, masked, n);
    p += 4 + n;
  }
  r.pos = end;
  return rule;
}

/**
 * os-ken's NXMatch: what os-ken keeps of a received NXM match (NXT packet-in,
 * NXT flow removed) - only the first TLV header, checked against match_len.
 */
export class NXMatch {
  static readonly jsonName = 'NXMatch';
  constructor(public header: number) {}
  static parser(r: Reader, at: number, matchLen: number): NXMatch {
    if (matchLen < 4) throw new OFPMalformedMessage('nx_match', at, `match_len ${matchLen} < 4`);
    if (at + 4 > r.end) throw new OFPMalformedMessage('nx_match', at, 'NXM header runs past the message');
    const m = new NXMatch(r.view.getUint32(at));
    const n = m.length();
    if (n === 0 || matchLen < n + 4) throw new OFPMalformedMessage('nx_match', at, `bad NXM header 0x${m.header.toString(16)}`);
    return m;
  }
  vendor(): number { return this.header >>> 16; }
  field(): number { return (this.header >>> 9) % 127; }
  type(): number { return (this.header >>> 9) % 0x7fffff; }
  hasmask(): number { return (this.header >>> 8) & 1; }
  length(): number { return this.header & 0xff; }
  toJsonDict(): JsonObject { return { NXMatch: { header: this.header } }; }
}

/** One NXM TLV of an NX flow stats entry (os-ken's MFField objects): header, value and optional mask bytes. */
export class NXMField {
  static readonly jsonName = 'NXMField';
  constructor(public header: number, public value: Uint8Array, public mask: Uint8Array | null = null) {}
  get length(): number { return (this.header & 0xff) + 4; }
  static parse(r: Reader, where: string): NXMField {
    r.need(4, where);
    const h = r.view.getUint32(r.pos);
    const n = h & 0xff;
    r.need(4 + n, where);
    const hasmask = ((h >>> 8) & 1) === 1 && n % 2 === 0;
    const body = r.bytes.slice(r.pos + 4, r.pos + 4 + n);
    r.pos += 4 + n;
    return hasmask ? new NXMField(h, body.slice(0, n / 2), body.slice(n / 2)) : new NXMField(h, body);
  }
  encodeTo(w: Writer): void {
    w.u32(this.header >>> 0);
    w.bytes(this.value);
    if (this.mask) w.bytes(this.mask);
  }
  toJsonDict(): JsonObject {
    return { NXMField: { header: this.header, mask: this.mask ? base64Encode(this.mask) : null, value: base64Encode(this.value) } };
  }
  static fromJsonDict(body: JsonObject): NXMField {
    if (typeof body.header !== 'number' || typeof body.value !== 'string') throw new JsonDictError('NXMField needs header and value');
    return new NXMField(body.header, base64Decode(body.value), typeof body.mask === 'string' ? base64Decode(body.mask) : null);
  }
}
