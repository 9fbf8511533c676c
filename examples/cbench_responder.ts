/**
 * cbench-style responder (as ofbench's osken_responder.py): one FLOW_MOD per packet-in,
 * matching in_port + eth_src + eth_dst with one output action; the MACs come straight
 * from the frame's first 12 bytes. OpenFlow 1.0 and 1.3.
 *   osken-manager dist/examples/cbench_responder.js
 */
import { OSKenApp } from '../src/base/app_manager.js';
import { EventOFPPacketIn, type EventOFPMsgBase } from '../src/controller/ofp_event.js';
import { MAIN_DISPATCHER, setEvCls } from '../src/controller/handler.js';
import type { Datapath } from '../src/controller/controller.js';
import { macToText } from '../src/wire/addrconv.js';
import * as v10 from '../src/ofproto/ofproto_v1_0_parser.js';
import * as v13 from '../src/ofproto/ofproto_v1_3_parser.js';

export class CbenchResponder extends OSKenApp {
  static override OFP_VERSIONS = [1, 4];

  @setEvCls(EventOFPPacketIn, MAIN_DISPATCHER)
  packetInHandler(ev: EventOFPMsgBase): void {
    const dp = ev.msg.datapath as unknown as Datapath;
    const data = (ev.msg as unknown as { data: Uint8Array }).data;
    const bufferId = (ev.msg as unknown as { buffer_id: number }).buffer_id;
    const dst = macToText(data, 0);
    const src = macToText(data, 6);
    if (dp.ofproto.OFP_VERSION === 1) {
      const inPort = (ev.msg as unknown as { in_port: number }).in_port;
      const mod = new v10.OFPFlowMod({
        datapath: dp,
        match: new v10.OFPMatch({ in_port: inPort, dl_src: src, dl_dst: dst }),
        cookie: 0n,
        command: 0,
        idle_timeout: 0,
        hard_timeout: 0,
        priority: 1,
        buffer_id: bufferId,
        actions: [new v10.OFPActionOutput({ port: inPort === 1 ? 2 : 1 })],
      });
      dp.sendMsg(mod);
      return;
    }
    const inPort = (ev.msg as InstanceType<typeof v13.OFPPacketIn>).match.get('in_port') as number;
    const mod = new v13.OFPFlowMod({
      datapath: dp,
      priority: 1,
      match: new v13.OFPMatch({ in_port: inPort, eth_src: src, eth_dst: dst }),
      buffer_id: bufferId,
      instructions: [new v13.OFPInstructionActions({ type: 4, actions: [new v13.OFPActionOutput({ port: inPort === 1 ? 2 : 1 })] })],
    });
    dp.sendMsg(mod);
  }
}
