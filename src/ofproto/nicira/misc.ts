/**
 * Nicira actions with a fixed body (os-ken's nx_actions: resubmit, queue,
 * tunnel, MPLS, TTL, sample, fin_timeout, conjunction, ct_clear,
 * output_trunc, encap/decap, exit). Wire layouts follow os-ken's `_fmt_str`.
 */
import type { Reader } from '../../wire/reader.js';
import * as nx from '../nicira_ext.js';
import { pad, u16, u32, u64, u8 } from '../struct.js';
import { nxAction, registerNX, renameInit } from './header.js';

export class NXActionSetQueue extends nxAction('NXActionSetQueue', nx.NXAST_SET_QUEUE, { _pad: pad(2), queue_id: u32() }) {}
export class NXActionPopQueue extends nxAction('NXActionPopQueue', nx.NXAST_POP_QUEUE, { _pad: pad(6) }) {}
export class NXActionSetTunnel extends nxAction('NXActionSetTunnel', nx.NXAST_SET_TUNNEL, { _pad: pad(2), tun_id: u32() }) {}
export class NXActionSetTunnel64 extends nxAction('NXActionSetTunnel64', nx.NXAST_SET_TUNNEL64, { _pad: pad(6), tun_id: u64() }) {}
export class NXActionResubmit extends nxAction('NXActionResubmit', nx.NXAST_RESUBMIT, { in_port: u16(0xfff8), _pad: pad(4) }) {}
export class NXActionResubmitTable extends nxAction('NXActionResubmitTable', nx.NXAST_RESUBMIT_TABLE, {
  in_port: u16(0xfff8), table_id: u8(0xff), _pad: pad(3),
}) {}
export class NXActionExit extends nxAction('NXActionExit', nx.NXAST_EXIT, { _pad: pad(6) }) {}
export class NXActionDecTtl extends nxAction('NXActionDecTtl', nx.NXAST_DEC_TTL, { _pad: pad(6) }) {}
export class NXActionPushMpls extends nxAction('NXActionPushMpls', nx.NXAST_PUSH_MPLS, { ethertype: u16(), _pad: pad(4) }) {}
export class NXActionPopMpls extends nxAction('NXActionPopMpls', nx.NXAST_POP_MPLS, { ethertype: u16(), _pad: pad(4) }) {}
export class NXActionSetMplsTtl extends nxAction('NXActionSetMplsTtl', nx.NXAST_SET_MPLS_TTL, { ttl: u8(), _pad: pad(5) }) {}
export class NXActionDecMplsTtl extends nxAction('NXActionDecMplsTtl', nx.NXAST_DEC_MPLS_TTL, { _pad: pad(6) }) {}
export class NXActionSetMplsLabel extends nxAction('NXActionSetMplsLabel', nx.NXAST_SET_MPLS_LABEL, { _pad: pad(2), label: u32() }) {}
export class NXActionSetMplsTc extends nxAction('NXActionSetMplsTc', nx.NXAST_SET_MPLS_TC, { tc: u8(), _pad: pad(5) }) {}
export class NXActionSample extends nxAction('NXActionSample', nx.NXAST_SAMPLE, {
  probability: u16(), collector_set_id: u32(), obs_domain_id: u32(), obs_point_id: u32(),
}) {}
export class NXActionSample2 extends nxAction('NXActionSample2', nx.NXAST_SAMPLE2, {
  probability: u16(), collector_set_id: u32(), obs_domain_id: u32(), obs_point_id: u32(), sampling_port: u16(), _pad: pad(6),
}) {}
export class NXActionFinTimeout extends nxAction('NXActionFinTimeout', nx.NXAST_FIN_TIMEOUT, {
  fin_idle_timeout: u16(), fin_hard_timeout: u16(), _pad: pad(2),
}) {}
/** `new NXActionConjunction({ clause, n_clauses, id_ })` (JSON attribute `id`). */
export class NXActionConjunction extends nxAction('NXActionConjunction', nx.NXAST_CONJUNCTION, {
  clause: u8(), n_clauses: u8(), id: u32(),
}) {
  constructor(init?: Record<string, unknown>) {
    super(renameInit(init, { id_: 'id' }));
  }
}
export class NXActionCTClear extends nxAction('NXActionCTClear', nx.NXAST_CT_CLEAR, { _pad: pad(6) }) {}
export class NXActionOutputTrunc extends nxAction('NXActionOutputTrunc', nx.NXAST_OUTPUT_TRUNC, { port: u16(), max_len: u32() }) {}
export class NXActionDecNshTtl extends nxAction('NXActionDecNshTtl', nx.NXAST_DEC_NSH_TTL, { _pad: pad(6) }) {}

/** encap(ethernet): os-ken always shows hdr_size 0 and new_pkt_type 0 (its parser ignores the body). */
export class NXActionEncapEther extends nxAction('NXActionEncapEther', nx.NXAST_RAW_ENCAP, { hdr_size: u16(), new_pkt_type: u32() }) {
  override decodeFrom(r: Reader): void {
    super.decodeFrom(r);
    this.hdr_size = 0;
    this.new_pkt_type = 0;
  }
}
/**
 * encap(nsh): shares subtype 46 with NXActionEncapEther, which os-ken's decoder picks; os-ken's own
 * constructor of this class fails (undefined hdr_size), so it exists here for building only.
 */
export class NXActionEncapNsh extends nxAction('NXActionEncapNsh', nx.NXAST_RAW_ENCAP, { hdr_size: u16(), new_pkt_type: u32(0x0001894f) }) {}

registerNX(nx.NXAST_SET_QUEUE, NXActionSetQueue);
registerNX(nx.NXAST_POP_QUEUE, NXActionPopQueue);
registerNX(nx.NXAST_SET_TUNNEL, NXActionSetTunnel);
registerNX(nx.NXAST_SET_TUNNEL64, NXActionSetTunnel64);
registerNX(nx.NXAST_RESUBMIT, NXActionResubmit);
registerNX(nx.NXAST_RESUBMIT_TABLE, NXActionResubmitTable);
registerNX(nx.NXAST_EXIT, NXActionExit);
registerNX(nx.NXAST_DEC_TTL, NXActionDecTtl);
registerNX(nx.NXAST_PUSH_MPLS, NXActionPushMpls);
registerNX(nx.NXAST_POP_MPLS, NXActionPopMpls);
registerNX(nx.NXAST_SET_MPLS_TTL, NXActionSetMplsTtl);
registerNX(nx.NXAST_DEC_MPLS_TTL, NXActionDecMplsTtl);
registerNX(nx.NXAST_SET_MPLS_LABEL, NXActionSetMplsLabel);
registerNX(nx.NXAST_SET_MPLS_TC, NXActionSetMplsTc);
registerNX(nx.NXAST_SAMPLE, NXActionSample);
registerNX(nx.NXAST_SAMPLE2, NXActionSample2);
registerNX(nx.NXAST_FIN_TIMEOUT, NXActionFinTimeout);
registerNX(nx.NXAST_CONJUNCTION, NXActionConjunction);
registerNX(nx.NXAST_CT_CLEAR, NXActionCTClear);
registerNX(nx.NXAST_OUTPUT_TRUNC, NXActionOutputTrunc);
registerNX(nx.NXAST_DEC_NSH_TTL, NXActionDecNshTtl);
registerNX(null, NXActionEncapNsh);
registerNX(nx.NXAST_RAW_ENCAP, NXActionEncapEther);
