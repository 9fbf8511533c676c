// Nicira (Open vSwitch) extension constants and NXM header helpers
// (port of os_ken.ofproto.nicira_ext). ofproto_v1_0 re-exports all of it.

export { OFP_HEADER_SIZE } from './ofproto_common.js';

// action subtypes
export const NXAST_RESUBMIT = 1;
export const NXAST_SET_TUNNEL = 2;
export const NXAST_DROP_SPOOFED_ARP__OBSOLETE = 3;
export const NXAST_SET_QUEUE = 4;
export const NXAST_POP_QUEUE = 5;
export const NXAST_REG_MOVE = 6;
export const NXAST_REG_LOAD = 7;
export const NXAST_NOTE = 8;
export const NXAST_SET_TUNNEL64 = 9;
export const NXAST_MULTIPATH = 10;
export const NXAST_AUTOPATH = 11;
export const NXAST_BUNDLE = 12;
export const NXAST_BUNDLE_LOAD = 13;
export const NXAST_RESUBMIT_TABLE = 14;
export const NXAST_OUTPUT_REG = 15;
export const NXAST_LEARN = 16;
export const NXAST_EXIT = 17;
export const NXAST_DEC_TTL = 18;
export const NXAST_FIN_TIMEOUT = 19;
export const NXAST_CONTROLLER = 20;
export const NXAST_DEC_TTL_CNT_IDS = 21;
export const NXAST_PUSH_MPLS = 23;
export const NXAST_POP_MPLS = 24;
export const NXAST_SET_MPLS_TTL = 25;
export const NXAST_DEC_MPLS_TTL = 26;
export const NXAST_STACK_PUSH = 27;
export const NXAST_STACK_POP = 28;
export const NXAST_SAMPLE = 29;
export const NXAST_SET_MPLS_LABEL = 30;
export const NXAST_SET_MPLS_TC = 31;
export const NXAST_OUTPUT_REG2 = 32;
export const NXAST_REG_LOAD2 = 33;
export const NXAST_CONJUNCTION = 34;
export const NXAST_CT = 35;
export const NXAST_NAT = 36;
export const NXAST_CONTROLLER2 = 37;
export const NXAST_SAMPLE2 = 38;
export const NXAST_OUTPUT_TRUNC = 39;
export const NXAST_CT_CLEAR = 43;
export const NXAST_RAW_ENCAP = 46;
export const NXAST_RAW_DECAP = 47;
export const NXAST_DEC_NSH_TTL = 48;

export const NX_ACTION_RESUBMIT_SIZE = 16;
export const NX_ACTION_SET_TUNNEL_SIZE = 16;
export const NX_ACTION_SET_QUEUE_SIZE = 16;
export const NX_ACTION_POP_QUEUE_SIZE = 16;
export const NX_ACTION_REG_MOVE_SIZE = 24;
export const NX_ACTION_REG_LOAD_SIZE = 24;
export const NX_ACTION_SET_TUNNEL64_SIZE = 24;
export const NX_ACTION_MULTIPATH_SIZE = 32;
export const NX_ACTION_NOTE_SIZE = 16;
export const NX_ACTION_BUNDLE_SIZE = 32;
export const NX_ACTION_BUNDLE_0_SIZE = 24;
export const NX_ACTION_AUTOPATH_SIZE = 24;
export const NX_ACTION_OUTPUT_REG_SIZE = 24;
export const NX_ACTION_LEARN_SIZE = 32;
export const NX_ACTION_CONTROLLER_SIZE = 16;
export const NX_ACTION_FIN_TIMEOUT_SIZE = 16;
export const NX_ACTION_HEADER_SIZE = 16;
export const NX_ACTION_HEADER_0_SIZE = 2;

// message subtypes
export const NXT_ROLE_REQUEST = 10;
export const NXT_ROLE_REPLY = 11;
export const NXT_SET_FLOW_FORMAT = 12;
export const NXT_FLOW_MOD = 13;
export const NXT_FLOW_REMOVED = 14;
export const NXT_FLOW_MOD_TABLE_ID = 15;
export const NXT_SET_PACKET_IN_FORMAT = 16;
export const NXT_PACKET_IN = 17;
export const NXT_FLOW_AGE = 18;
export const NXT_SET_ASYNC_CONFIG = 19;
export const NXT_SET_CONTROLLER_ID = 20;
export const NXT_PACKET_IN2 = 30;

// nx_packet_in2_prop_type
export const NXPINT_PACKET = 0;
export const NXPINT_FULL_LEN = 1;
export const NXPINT_BUFFER_ID = 2;
export const NXPINT_TABLE_ID = 3;
export const NXPINT_COOKIE = 4;
export const NXPINT_REASON = 5;
export const NXPINT_METADATA = 6;
export const NXPINT_USERDATA = 7;
export const NXPINT_CONTINUATION = 8;

// enum nx_role
export const NX_ROLE_OTHER = 0;
export const NX_ROLE_MASTER = 1;
export const NX_ROLE_SLAVE = 2;

// enum nx_flow_format
export const NXFF_OPENFLOW10 = 0;
export const NXFF_NXM = 2;

// enum nx_packet_in_format
export const NXPIF_OPENFLOW10 = 0;
export const NXPIF_NXM = 1;

// enum nx_stats_types
export const NXST_FLOW = 0;
export const NXST_AGGREGATE = 1;
export const NXST_FLOW_MONITOR = 2;

// enum nx_action_controller2_prop_type
export const NXAC2PT_MAX_LEN = 0;
export const NXAC2PT_CONTROLLER_ID = 1;
export const NXAC2PT_REASON = 2;
export const NXAC2PT_USERDATA = 3;
export const NXAC2PT_PAUSE = 4;

export const NICIRA_HEADER_SIZE = 16;
export const NX_ROLE_SIZE = 20;
export const NX_FLOW_MOD_SIZE = 48;
export const NX_SET_FLOW_FORMAT_SIZE = 20;
export const NX_FLOW_REMOVED_SIZE = 56;
export const NX_FLOW_MOD_TABLE_ID_SIZE = 24;
export const NX_SET_PACKET_IN_FORMAT_SIZE = 20;
export const NX_PACKET_IN_SIZE = 40;
export const NX_ASYNC_CONFIG_SIZE = 40;
export const NX_CONTROLLER_ID_SIZE = 24;
export const NX_STATS_MSG0_SIZE = 8;
export const NX_STATS_MSG_SIZE = 24;
export const NX_FLOW_STATS_REQUEST_SIZE = 8;
export const NX_FLOW_STATS_SIZE = 48;
export const NX_AGGREGATE_STATS_REQUEST_SIZE = 8;
export const NX_AGGREGATE_STATS_REPLY_SIZE = 24;

// enum nx_hash_fields
export const NX_HASH_FIELDS_ETH_SRC = 0;
export const NX_HASH_FIELDS_SYMMETRIC_L4 = 1;

// enum nx_mp_algorithm
export const NX_MP_ALG_MODULO_N = 0;
export const NX_MP_ALG_HASH_THRESHOLD = 1;
export const NX_MP_ALG_HRW = 2;
export const NX_MP_ALG_ITER_HASH = 3;

// enum nx_bd_algorithm
export const NX_BD_ALG_ACTIVE_BACKUP = 0;
export const NX_BD_ALG_HRW = 1;

// nx_learn constants
export const NX_LEARN_N_BITS_MASK = 0x3ff;
export const NX_LEARN_SRC_FIELD = 0 << 13;
export const NX_LEARN_SRC_IMMEDIATE = 1 << 13;
export const NX_LEARN_SRC_MASK = 1 << 13;
export const NX_LEARN_DST_MATCH = 0 << 11;
export const NX_LEARN_DST_LOAD = 1 << 11;
export const NX_LEARN_DST_OUTPUT = 2 << 11;
export const NX_LEARN_DST_RESERVED = 3 << 11;
export const NX_LEARN_DST_MASK = 3 << 11;

// nx_ct constants
export const NX_CT_F_COMMIT = 1 << 0;
export const NX_CT_F_FORCE = 1 << 1;
export const NX_CT_RECIRC_NONE = 0xff;

// nx_nat constants
export const NX_NAT_RANGE_IPV4_MIN = 1 << 0;
export const NX_NAT_RANGE_IPV4_MAX = 1 << 1;
export const NX_NAT_RANGE_IPV6_MIN = 1 << 2;
export const NX_NAT_RANGE_IPV6_MAX = 1 << 3;
export const NX_NAT_RANGE_PROTO_MIN = 1 << 4;
export const NX_NAT_RANGE_PROTO_MAX = 1 << 5;

// nx ip_frag bits
export const FLOW_NW_FRAG_ANY = 1 << 0;
export const FLOW_NW_FRAG_LATER = 1 << 1;
export const FLOW_NW_FRAG_MASK = FLOW_NW_FRAG_ANY | FLOW_NW_FRAG_LATER;

// ip_frag (value, mask) pairs for matching on NXM_NX_IP_FRAG.
export const NXM_IP_FRAG_NO: readonly [number, number] = [0, FLOW_NW_FRAG_MASK];
export const NXM_IP_FRAG_YES: readonly [number, number] = [FLOW_NW_FRAG_ANY, FLOW_NW_FRAG_ANY];
export const NXM_IP_FRAG_FIRST: readonly [number, number] = [FLOW_NW_FRAG_ANY, FLOW_NW_FRAG_MASK];
export const NXM_IP_FRAG_LATER: readonly [number, number] = [FLOW_NW_FRAG_LATER, FLOW_NW_FRAG_LATER];
export const NXM_IP_FRAG_NOT_LATER: readonly [number, number] = [0, FLOW_NW_FRAG_LATER];

/**
 * Packs the bit range field[start..end] of an OXM/NXM field into the
 * `ofs_nbits` encoding used by several Nicira actions: `(start << 6) + (end - start)`.
 */
export function ofs_nbits(start: number, end: number): number {
  return (start << 6) + (end - start);
}

/** Inverse of {@link ofs_nbits}, rendered as `"[start..end]"`. */
export function ofs_nbits_str(n: number): string {
  let start = 0;
  while ((start + 1) << 6 <= n) start += 1;
  const end = n + start - (start << 6);
  return `[${start}..${end}]`;
}

/** 32-bit NXM header: vendor (class) 16 bits, field 7 bits, hasmask 1 bit, length 8 bits. */
export function nxm_header__(vendor: number, field: number, hasmask: number, length: number): number {
  return ((vendor << 16) | (field << 9) | (hasmask << 8) | length) >>> 0;
}

export function nxm_header(vendor: number, field: number, length: number): number {
  return nxm_header__(vendor, field, 0, length);
}

/** Masked variant: the payload carries value and mask, so the length doubles. */
export function nxm_header_w(vendor: number, field: number, length: number): number {
  return nxm_header__(vendor, field, 1, length * 2);
}

export const NXM_OF_IN_PORT = nxm_header(0x0000, 0, 2);
export const NXM_OF_ETH_DST = nxm_header(0x0000, 1, 6);
export const NXM_OF_ETH_DST_W = nxm_header_w(0x0000, 1, 6);
export const NXM_OF_ETH_SRC = nxm_header(0x0000, 2, 6);
export const NXM_OF_ETH_SRC_W = nxm_header_w(0x0000, 2, 6);
export const NXM_OF_ETH_TYPE = nxm_header(0x0000, 3, 2);
export const NXM_OF_VLAN_TCI = nxm_header(0x0000, 4, 2);
export const NXM_OF_VLAN_TCI_W = nxm_header_w(0x0000, 4, 2);
export const NXM_OF_IP_TOS = nxm_header(0x0000, 5, 1);
export const NXM_OF_IP_PROTO = nxm_header(0x0000, 6, 1);
export const NXM_OF_IP_SRC = nxm_header(0x0000, 7, 4);
export const NXM_OF_IP_SRC_W = nxm_header_w(0x0000, 7, 4);
export const NXM_OF_IP_DST = nxm_header(0x0000, 8, 4);
export const NXM_OF_IP_DST_W = nxm_header_w(0x0000, 8, 4);
export const NXM_OF_TCP_SRC = nxm_header(0x0000, 9, 2);
export const NXM_OF_TCP_SRC_W = nxm_header_w(0x0000, 9, 2);
export const NXM_OF_TCP_DST = nxm_header(0x0000, 10, 2);
export const NXM_OF_TCP_DST_W = nxm_header_w(0x0000, 10, 2);
export const NXM_OF_UDP_SRC = nxm_header(0x0000, 11, 2);
export const NXM_OF_UDP_SRC_W = nxm_header_w(0x0000, 11, 2);
export const NXM_OF_UDP_DST = nxm_header(0x0000, 12, 2);
export const NXM_OF_UDP_DST_W = nxm_header_w(0x0000, 12, 2);
export const NXM_OF_ICMP_TYPE = nxm_header(0x0000, 13, 1);
export const NXM_OF_ICMP_CODE = nxm_header(0x0000, 14, 1);
export const NXM_OF_ARP_OP = nxm_header(0x0000, 15, 2);
export const NXM_OF_ARP_SPA = nxm_header(0x0000, 16, 4);
export const NXM_OF_ARP_SPA_W = nxm_header_w(0x0000, 16, 4);
export const NXM_OF_ARP_TPA = nxm_header(0x0000, 17, 4);
export const NXM_OF_ARP_TPA_W = nxm_header_w(0x0000, 17, 4);
export const NXM_NX_TUN_ID = nxm_header(0x0001, 16, 8);
export const NXM_NX_TUN_ID_W = nxm_header_w(0x0001, 16, 8);
export const NXM_NX_TUN_IPV4_SRC = nxm_header(0x0001, 31, 4);
export const NXM_NX_TUN_IPV4_SRC_W = nxm_header_w(0x0001, 31, 4);
export const NXM_NX_TUN_IPV4_DST = nxm_header(0x0001, 32, 4);
export const NXM_NX_TUN_IPV4_DST_W = nxm_header_w(0x0001, 32, 4);
export const NXM_NX_ARP_SHA = nxm_header(0x0001, 17, 6);
export const NXM_NX_ARP_THA = nxm_header(0x0001, 18, 6);
export const NXM_NX_IPV6_SRC = nxm_header(0x0001, 19, 16);
export const NXM_NX_IPV6_SRC_W = nxm_header_w(0x0001, 19, 16);
export const NXM_NX_IPV6_DST = nxm_header(0x0001, 20, 16);
export const NXM_NX_IPV6_DST_W = nxm_header_w(0x0001, 20, 16);
export const NXM_NX_ICMPV6_TYPE = nxm_header(0x0001, 21, 1);
export const NXM_NX_ICMPV6_CODE = nxm_header(0x0001, 22, 1);
export const NXM_NX_ND_TARGET = nxm_header(0x0001, 23, 16);
export const NXM_NX_ND_TARGET_W = nxm_header_w(0x0001, 23, 16);
export const NXM_NX_ND_SLL = nxm_header(0x0001, 24, 6);
export const NXM_NX_ND_TLL = nxm_header(0x0001, 25, 6);
export const NXM_NX_IP_FRAG = nxm_header(0x0001, 26, 1);
export const NXM_NX_IP_FRAG_W = nxm_header_w(0x0001, 26, 1);
export const NXM_NX_IPV6_LABEL = nxm_header(0x0001, 27, 4);
export const NXM_NX_IP_ECN = nxm_header(0x0001, 28, 1);
export const NXM_NX_IP_TTL = nxm_header(0x0001, 29, 1);
export const NXM_NX_PKT_MARK = nxm_header(0x0001, 33, 4);
export const NXM_NX_PKT_MARK_W = nxm_header_w(0x0001, 33, 4);
export const NXM_NX_TCP_FLAGS = nxm_header(0x0001, 34, 2);
export const NXM_NX_TCP_FLAGS_W = nxm_header_w(0x0001, 34, 2);

/** NXM header of packet register `reg<idx>` (NXM_NX_REGn). */
export function nxm_nx_reg(idx: number): number {
  return nxm_header(0x0001, idx, 4);
}

export function nxm_nx_reg_w(idx: number): number {
  return nxm_header_w(0x0001, idx, 4);
}
