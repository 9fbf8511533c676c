/**
 * Ports in OpenFlow 1.4/1.5: ofp_port with description properties, port status, port mod
 * with properties, port description and port statistics (with properties) multiparts.
 */
import { defineStruct, mac, pad, selfLen, structField, u16, u32, u64, u8 } from '../struct.js';
import { defineMsg, registerStruct } from '../ofproto_parser.js';
import { defineExpProp, defineProp, OFPPropBase, PropFamily, strictStr, V14_15 } from './props.js';
import { listBody, mpReply, mpRequest } from './multipart.js';

/* ---------- port description properties ---------- */
export const portDescProps = new PropFamily('ofp_port_desc_prop');
/** os-ken's OFPPortDescProp: base of these properties. */
export abstract class OFPPortDescProp extends OFPPropBase {}

export class OFPPortDescPropEthernet extends defineProp('OFPPortDescPropEthernet', 0, {
  _pad: pad(4), curr: u32(), advertised: u32(), supported: u32(), peer: u32(), curr_speed: u32(), max_speed: u32(),
}, OFPPortDescProp) {}
export class OFPPortDescPropOptical extends defineProp('OFPPortDescPropOptical', 1, {
  _pad: pad(4), supported: u32(), tx_min_freq_lmda: u32(), tx_max_freq_lmda: u32(), tx_grid_freq_lmda: u32(),
  rx_min_freq_lmda: u32(), rx_max_freq_lmda: u32(), rx_grid_freq_lmda: u32(), tx_pwr_min: u16(), tx_pwr_max: u16(),
}, OFPPortDescProp) {}
export class OFPPortDescPropExperimenter extends defineExpProp('OFPPortDescPropExperimenter') {}
portDescProps.register(V14_15, [0], OFPPortDescPropEthernet);
portDescProps.register(V14_15, [1], OFPPortDescPropOptical);
portDescProps.register(V14_15, [0xffff], OFPPortDescPropExperimenter);

/** ofp_port (1.4/1.5): fixed part and description properties. */
export class OFPPort extends defineStruct('OFPPort', {
  port_no: u32(), length: selfLen(), _pad1: pad(2), hw_addr: mac(), _pad2: pad(2), name: strictStr(16, 'utf-8'),
  config: u32(), state: u32(), properties: portDescProps.list(),
}) {}
registerStruct(V14_15, OFPPort);

export class OFPPortStatus extends defineMsg('OFPPortStatus', { versions: V14_15, type: 12 }, {
  reason: u8(), _pad: pad(7), desc: structField(OFPPort, () => new OFPPort()),
}) {}

/* ---------- port mod ---------- */
export const portModProps = new PropFamily('ofp_port_mod_prop');
/** os-ken's OFPPortModProp: base of these properties. */
export abstract class OFPPortModProp extends OFPPropBase {}
export class OFPPortModPropEthernet extends defineProp('OFPPortModPropEthernet', 0, { advertise: u32() }, OFPPortModProp) {}
export class OFPPortModPropOptical extends defineProp('OFPPortModPropOptical', 1, {
  configure: u32(), freq_lmda: u32(), fl_offset: u32(), grid_span: u32(), tx_pwr: u32(),
}, OFPPortModProp) {}
export class OFPPortModPropExperimenter extends defineExpProp('OFPPortModPropExperimenter') {}
portModProps.register(V14_15, [0], OFPPortModPropEthernet);
portModProps.register(V14_15, [1], OFPPortModPropOptical);
portModProps.register(V14_15, [0xffff], OFPPortModPropExperimenter);

export class OFPPortMod extends defineMsg('OFPPortMod', { versions: V14_15, type: 16, osken: false }, {
  port_no: u32(), _pad1: pad(4), hw_addr: mac(), _pad2: pad(2), config: u32(), mask: u32(), properties: portModProps.list(),
}) {}

/* ---------- port description multipart (the 1.4 and 1.5 requests differ: v1_4/, v1_5/) ---------- */
export class OFPPortDescStatsReply extends mpReply('OFPPortDescStatsReply', V14_15, 13, listBody(OFPPort)) {}

/* ---------- port statistics ---------- */
export const portStatsProps = new PropFamily('ofp_port_stats_prop');
/** os-ken's OFPPortStatsProp: base of these properties. */
export abstract class OFPPortStatsProp extends OFPPropBase {}
export class OFPPortStatsPropEthernet extends defineProp('OFPPortStatsPropEthernet', 0, {
  _pad: pad(4), rx_frame_err: u64(), rx_over_err: u64(), rx_crc_err: u64(), collisions: u64(),
}, OFPPortStatsProp) {}
export class OFPPortStatsPropOptical extends defineProp('OFPPortStatsPropOptical', 1, {
  _pad: pad(4), flags: u32(), tx_freq_lmda: u32(), tx_offset: u32(), tx_grid_span: u32(), rx_freq_lmda: u32(),
  rx_offset: u32(), rx_grid_span: u32(), tx_pwr: u16(), rx_pwr: u16(), bias_current: u16(), temperature: u16(),
}, OFPPortStatsProp) {}
export class OFPPortStatsPropExperimenter extends defineExpProp('OFPPortStatsPropExperimenter') {}
portStatsProps.register(V14_15, [0], OFPPortStatsPropEthernet);
portStatsProps.register(V14_15, [1], OFPPortStatsPropOptical);
portStatsProps.register(V14_15, [0xffff], OFPPortStatsPropExperimenter);

export class OFPPortStats extends defineStruct('OFPPortStats', {
  length: selfLen(), _pad: pad(2), port_no: u32(), duration_sec: u32(), duration_nsec: u32(),
  rx_packets: u64(), tx_packets: u64(), rx_bytes: u64(), tx_bytes: u64(), rx_dropped: u64(), tx_dropped: u64(),
  rx_errors: u64(), tx_errors: u64(), properties: portStatsProps.list(),
}) {}
registerStruct(V14_15, OFPPortStats);

export class OFPPortStatsRequest extends mpRequest('OFPPortStatsRequest', V14_15, 4, { port_no: u32(0xffffffff), _pad1: pad(4) }) {}
export class OFPPortStatsReply extends mpReply('OFPPortStatsReply', V14_15, 4, listBody(OFPPortStats)) {}
