/**
 * The seed's first application: a dumb layer-2 switch for OpenFlow 1.0 that floods
 * every packet-in out of all ports.   osken-manager dist/examples/l2_switch.js
 */
import { OSKenApp } from '../src/base/app_manager.js';
import { EventOFPPacketIn, type EventOFPMsgBase } from '../src/controller/ofp_event.js';
import { MAIN_DISPATCHER, setEvCls } from '../src/controller/handler.js';
import type { Datapath } from '../src/controller/controller.js';
import * as ofproto_v1_0 from '../src/ofproto/ofproto_v1_0.js';
import { OFPActionOutput, OFPPacketOut } from '../src/ofproto/ofproto_v1_0_parser.js';

export class L2Switch extends OSKenApp {
  static override OFP_VERSIONS = [ofproto_v1_0.OFP_VERSION];

  @setEvCls(EventOFPPacketIn, MAIN_DISPATCHER)
  packetInHandler(ev: EventOFPMsgBase): void {
    const msg = ev.msg as InstanceType<typeof import('../src/ofproto/ofproto_v1_0_parser.js').OFPPacketIn>;
    const dp = msg.datapath as unknown as Datapath;
    const ofp = dp.ofproto as unknown as typeof ofproto_v1_0;
    const actions = [new OFPActionOutput({ port: ofp.OFPP_FLOOD })];
    const out = new OFPPacketOut({
      datapath: dp,
      buffer_id: msg.buffer_id,
      in_port: msg.in_port,
      actions,
      data: msg.buffer_id === ofp.OFP_NO_BUFFER ? msg.data : undefined,
    });
    dp.sendMsg(out);
  }
}
