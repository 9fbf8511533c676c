/**
 * The L2 learning switch (os-ken's simple_switch / simple_switch_13 / _14 / _15)
 * for whichever of OpenFlow 1.0, 1.3, 1.4 and 1.5 the switch speaks. The
 * default app of osken-manager.
 */
import { OSKenApp } from '../base/app_manager.js';
import { CONFIG_DISPATCHER, MAIN_DISPATCHER, setEvCls } from '../controller/handler.js';
import { EventOFPPacketIn, EventOFPSwitchFeatures, type EventOFPMsgBase } from '../controller/ofp_event.js';
import type { Datapath } from '../controller/controller.js';
import type { MsgBase } from '../ofproto/ofproto_parser.js';
import { macToText } from '../wire/addrconv.js';
import { parserClass } from '../controller/ofproto_modules.js';

type Ctor = new (init?: Record<string, unknown>) => unknown;
const ETH_TYPE_LLDP = 0x88cc;
const OFPP_CONTROLLER_13 = 0xfffffffd;
const OFPP_FLOOD_13 = 0xfffffffb;
const OFPP_CONTROLLER_10 = 0xfffd;
const OFPP_FLOOD_10 = 0xfffb;
const NO_BUFFER = 0xffffffff;

export class SimpleSwitch extends OSKenApp {
  static override appName = 'simple_switch';
  static override OFP_VERSIONS = [1, 4, 5, 6];
  /** dpid -> mac -> port */
  readonly macToPort = new Map<bigint, Map<string, number>>();

  /** the classes this app uses, resolved once per OpenFlow version (plain object: no lookups per packet) */
  private readonly parsers = new Map<number, Record<string, Ctor>>();
  private parser(dp: Datapath): Record<string, Ctor> {
    const v = dp.ofproto.OFP_VERSION;
    let p = this.parsers.get(v);
    if (!p) {
      p = {};
      for (const name of ['OFPActionOutput', 'OFPMatch', 'OFPFlowMod', 'OFPInstructionActions', 'OFPPacketOut']) {
        const C = parserClass<Ctor>(v, name);
        if (C) p[name] = C;
      }
      this.parsers.set(v, p);
    }
    return p;
  }

  @setEvCls(EventOFPSwitchFeatures, CONFIG_DISPATCHER)
  switchFeaturesHandler(ev: EventOFPMsgBase): void {
    const dp = ev.msg.datapath as unknown as Datapath;
    if (dp.ofproto.OFP_VERSION < 4) return; // OF1.0 sends table misses to the controller by default
    const P = this.parser(dp);
    const actions = [new P.OFPActionOutput!({ port: OFPP_CONTROLLER_13, max_len: 0xffff })];
    this.addFlow(dp, 0, new P.OFPMatch!({}), actions);
  }

  addFlow(dp: Datapath, priority: number, match: unknown, actions: unknown[], bufferId = NO_BUFFER): void {
    const P = this.parser(dp);
    let mod: unknown;
    if (dp.ofproto.OFP_VERSION === 1) {
      mod = new P.OFPFlowMod!({ datapath: dp, match, cookie: 0, command: 0, idle_timeout: 0, hard_timeout: 0, priority, flags: 1, buffer_id: bufferId, actions });
    } else {
      const inst = [new P.OFPInstructionActions!({ type: 4, actions })];
      mod = new P.OFPFlowMod!({ datapath: dp, priority, match, instructions: inst, buffer_id: bufferId });
    }
    dp.sendMsg(mod as MsgBase);
  }

  @setEvCls(EventOFPPacketIn, MAIN_DISPATCHER)
  packetInHandler(ev: EventOFPMsgBase): void {
    const m = ev.msg as unknown as {
      data: Uint8Array; buffer_id: number; in_port?: number; match?: { get(k: string): unknown };
    };
    const dp = ev.msg.datapath as unknown as Datapath;
    const data = m.data;
    if (!data || data.length < 14) return;
    const ethertype = (data[12]! << 8) | data[13]!;
    if (ethertype === ETH_TYPE_LLDP) return;
    const v10 = dp.ofproto.OFP_VERSION === 1;
    const inPort = v10 ? m.in_port! : (m.match!.get('in_port') as number);
    const dst = macToText(data, 0);
    const src = macToText(data, 6);
    const dpid = dp.id ?? 0n;
    let table = this.macToPort.get(dpid);
    if (!table) this.macToPort.set(dpid, (table = new Map()));
    table.set(src, inPort);
    const flood = v10 ? OFPP_FLOOD_10 : OFPP_FLOOD_13;
    const outPort = table.get(dst) ?? flood;
    const P = this.parser(dp);
    const actions = [new P.OFPActionOutput!({ port: outPort })];
    if (outPort !== flood) {
      const match = v10
        ? new P.OFPMatch!({ in_port: inPort, dl_dst: dst, dl_src: src })
        : new P.OFPMatch!({ in_port: inPort, eth_dst: dst, eth_src: src });
      if (m.buffer_id !== NO_BUFFER && !v10) {
        this.addFlow(dp, 1, match, actions, m.buffer_id);
        return;
      }
      this.addFlow(dp, 1, match, actions);
    }
    const data2 = m.buffer_id === NO_BUFFER || v10 ? data : undefined;
    let out: unknown;
    if (dp.ofproto.OFP_VERSION >= 6) {
      out = new P.OFPPacketOut!({ datapath: dp, buffer_id: m.buffer_id, match: new P.OFPMatch!({ in_port: inPort }), actions, data: data2 });
    } else {
      out = new P.OFPPacketOut!({ datapath: dp, buffer_id: m.buffer_id, in_port: inPort, actions, data: data2 });
    }
    dp.sendMsg(out as MsgBase);
    void OFPP_CONTROLLER_10;
  }
}

export default SimpleSwitch;
