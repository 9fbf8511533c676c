/**
 * The framework's own ceiling for `npm run bench:controller` (not an example to follow): an app
 * that answers each packet-in with the same prebuilt FLOW_MOD bytes (`Datapath.sendRaw`), as
 * node_null.mjs does, but behind the whole osken path: framing, packet-in decode,
 * EventOFPPacketIn, the app's FIFO queue and the handler call. What separates it from the cbench
 * responder is the handler's os-ken-style work (keyword-built OFPMatch, actions, instructions,
 * OFPFlowMod, encoding); what separates it from node_null is the framework.
 */
import { OSKenApp } from '../src/base/app_manager.js';
import { EventOFPPacketIn, type EventOFPMsgBase } from '../src/controller/ofp_event.js';
import { MAIN_DISPATCHER, setEvCls } from '../src/controller/handler.js';
import type { Datapath } from '../src/controller/controller.js';

/** node_null's FLOW_MOD for OpenFlow 1.3: empty OXM match, no instructions */
const FLOW_MOD = Buffer.alloc(56);
FLOW_MOD[0] = 4;
FLOW_MOD[1] = 14;
FLOW_MOD.writeUInt16BE(56, 2);
FLOW_MOD.writeUInt32BE(0xffffffff, 28);
FLOW_MOD.writeUInt32BE(0xffffffff, 32);
FLOW_MOD.writeUInt32BE(0xffffffff, 36);
FLOW_MOD.writeUInt16BE(1, 48);
FLOW_MOD.writeUInt16BE(4, 50);

export class RawResponder extends OSKenApp {
  static override OFP_VERSIONS = [4];

  @setEvCls(EventOFPPacketIn, MAIN_DISPATCHER)
  packetInHandler(ev: EventOFPMsgBase): void {
    (ev.msg.datapath as unknown as Datapath).sendRaw(FLOW_MOD);
  }
}
