/**
 * Ports for OpenFlow 1.2/1.3: ofp_port (the 64-byte layout; 1.4+ has properties),
 * port status, port mod, and the 1.3 port stats / port desc multipart messages.
 */
import { defineMsg } from '../ofproto_parser.js';
import { defineStruct, listField, mac, pad, str, structElem, structField, u32, u64, u8 } from '../struct.js';
import { mpReply, mpRequest, registerMultipartReply, registerMultipartRequest } from './mp_common.js';

export const V12_13 = [3, 4] as const;
const OFPP_ANY = 0xffffffff;

/** ofp_port (OpenFlow 1.2/1.3). */
export class OFPPort extends defineStruct('OFPPort', {
  port_no: u32(), _pad1: pad(4), hw_addr: mac(), _pad2: pad(2), name: str(16, 'utf-8'),
  config: u32(), state: u32(), curr: u32(), advertised: u32(), supported: u32(), peer: u32(),
  curr_speed: u32(), max_speed: u32(),
}) {}

export class OFPPortStatus extends defineMsg('OFPPortStatus', { versions: V12_13, type: 12 }, {
  reason: u8(), _pad: pad(7), desc: structField(OFPPort, () => new OFPPort()),
}) {}

export class OFPPortMod extends defineMsg('OFPPortMod', { versions: V12_13, type: 16, osken: false }, {
  port_no: u32(), _pad1: pad(4), hw_addr: mac(), _pad2: pad(2), config: u32(), mask: u32(), advertise: u32(), _pad3: pad(4),
}) {}

/* ---------- 1.3 multipart ---------- */

/** ofp_port_stats (OpenFlow 1.3). */
export class OFPPortStats extends defineStruct('OFPPortStats', {
  port_no: u32(), _pad: pad(4), rx_packets: u64(), tx_packets: u64(), rx_bytes: u64(), tx_bytes: u64(),
  rx_dropped: u64(), tx_dropped: u64(), rx_errors: u64(), tx_errors: u64(), rx_frame_err: u64(),
  rx_over_err: u64(), rx_crc_err: u64(), collisions: u64(), duration_sec: u32(), duration_nsec: u32(),
}) {}

export class OFPPortStatsRequest extends mpRequest('OFPPortStatsRequest', [4], 4, { port_no: u32(OFPP_ANY), _pad2: pad(4) }) {}
export class OFPPortStatsReply extends mpReply('OFPPortStatsReply', [4], 4, listField(structElem(OFPPortStats))) {}
export class OFPPortDescStatsRequest extends mpRequest('OFPPortDescStatsRequest', [4], 13, {}) {}
export class OFPPortDescStatsReply extends mpReply('OFPPortDescStatsReply', [4], 13, listField(structElem(OFPPort))) {}

registerMultipartRequest([4], 4, OFPPortStatsRequest);
registerMultipartReply([4], 4, OFPPortStatsReply);
registerMultipartRequest([4], 13, OFPPortDescStatsRequest);
registerMultipartReply([4], 13, OFPPortDescStatsReply);
