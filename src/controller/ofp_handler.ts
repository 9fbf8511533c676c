/**
 * os-ken's controller.ofp_handler: the handshake (hello with version bitmap,
 * negotiation, features, set-config, port description), echo replies, port
 * bookkeeping, and delivery of every message to the apps as EventOFP<Name>
 * with the dispatcher phase it arrived in.
 */
import { OSKenApp, type AppInit } from '../base/app_manager.js';
import { MsgBase } from '../ofproto/ofproto_parser.js';
import { getLogger } from '../lib/log.js';
import { CONFIG_DISPATCHER, DEAD_DISPATCHER, HANDSHAKE_DISPATCHER, MAIN_DISPATCHER, type Dispatcher } from './handler.js';
import { Datapath, OpenFlowController, type ControllerOptions, type DatapathHandler } from './controller.js';
import { EventOFPPortStateChange, EventOFPStateChange, ofpMsgToEvEntry, type OFPEventEntry } from './ofp_event.js';
import { ALL_OFP_VERSIONS, parserClass } from './ofproto_modules.js';

const log = getLogger('osken.controller.ofp_handler');
/** messages ofp_handler itself acts on before the apps see them */
const CONTROL_MSGS = new Set(['OFPHello', 'OFPEchoRequest', 'OFPEchoReply', 'OFPSwitchFeatures', 'OFPPortDescStatsReply', 'OFPPortStatus', 'OFPErrorMsg']);
type MsgCtor = new (init?: Record<string, unknown>) => MsgBase;

export interface OFPHandlerInit extends AppInit {
  controllerOptions?: ControllerOptions;
}

/** Hello element bitmap -> versions; hello without elements -> [header version]. */
function helloVersions(m: MsgBase): number[] | null {
  const elements = (m as unknown as { elements?: { versions?: number[] }[] }).elements;
  if (!elements || elements.length === 0) return null;
  const out: number[] = [];
  for (const e of elements) if (e.versions) out.push(...e.versions);
  return out;
}

export class OFPHandler extends OSKenApp implements DatapathHandler {
  static override appName = 'ofp_event';
  controller: OpenFlowController | null = null;
  /** datapaths in MAIN (or CONFIG) by id; a duplicate id replaces the older connection */
  readonly dps = new Map<bigint, Datapath>();
  controllerOptions: ControllerOptions;
  private lastMsgCls: unknown = null;
  private lastMsgControl = false;

  constructor(init?: OFPHandlerInit) {
    super(init);
    this.controllerOptions = init?.controllerOptions ?? {};
  }

  /** Versions we offer: the intersection of the apps' OFP_VERSIONS, or all. */
  versions(): number[] {
    const vs = this.controllerOptions.versions ?? this.manager?.ofpVersions() ?? ALL_OFP_VERSIONS;
    const ok = vs.filter((v) => ALL_OFP_VERSIONS.includes(v));
    return ok.length ? ok : ALL_OFP_VERSIONS;
  }

  override async start(): Promise<void> {
    this.controller = new OpenFlowController(this.controllerOptions, this);
    await this.controller.start();
  }

  override async close(): Promise<void> {
    await this.controller?.stop();
  }

  onConnect(dp: Datapath): void {
    const vs = this.versions();
    const max = Math.max(...vs);
    dp.setVersion(max);
    const Hello = parserClass<MsgCtor>(max, 'OFPHello')!;
    const init: Record<string, unknown> = { datapath: dp };
    if (max >= 4) {
      const El = parserClass<new (i: Record<string, unknown>) => unknown>(max, 'OFPHelloElemVersionBitmap');
      if (El) init.elements = [new El({ versions: vs })];
    }
    const hello = new Hello(init);
    dp.sendMsg(hello);
  }

  onMessage(dp: Datapath, m: MsgBase, state: Dispatcher): void {
    // the handshake, echo and port messages get their bookkeeping first (a method of its own, so
    // the hot path for everything else stays small); one-entry cache of the class's answer
    const C = m.constructor;
    if (C !== this.lastMsgCls) {
      this.lastMsgCls = C;
      this.lastMsgControl = CONTROL_MSGS.has((C as unknown as { jsonName: string }).jsonName);
      this.lastEntry = ofpMsgToEvEntry(m);
    }
    if (this.lastMsgControl) this.onControlMessage(dp, m, (C as unknown as { jsonName: string }).jsonName);
    const mgr = this.manager;
    if (mgr === null) return;
    // as sendEventToObservers, without looking the observers up twice: no event is made when nobody observes it
    const e = this.lastEntry!;
    const targets = mgr.observersOf(e.ev);
    if (targets.length === 0) return;
    mgr.deliverAll(targets, e.make(m, dp.rxTime || undefined), state, this.name);
  }
  private lastEntry: OFPEventEntry | null = null;

  private onControlMessage(dp: Datapath, m: MsgBase, name: string): void {
    switch (name) {
      case 'OFPHello':
        this.onHello(dp, m);
        break;
      case 'OFPEchoRequest': {
        const Reply = parserClass<MsgCtor>(dp.ofproto.OFP_VERSION, 'OFPEchoReply')!;
        const r = new Reply({ datapath: dp, data: (m as unknown as { data: Uint8Array }).data });
        r.xid = m.xid;
        dp.sendMsg(r);
        break;
      }
      case 'OFPEchoReply':
        dp.unrepliedEchos = 0;
        break;
      case 'OFPSwitchFeatures':
        this.onFeatures(dp, m);
        break;
      case 'OFPPortDescStatsReply':
        if (dp.state === CONFIG_DISPATCHER) this.onPortDesc(dp, m);
        break;
      case 'OFPPortStatus':
        this.onPortStatus(dp, m);
        break;
      case 'OFPErrorMsg':
        log.debug(`datapath ${dp.label()}: error type ${(m as unknown as { type: number }).type} code ${(m as unknown as { code: number }).code}`);
        break;
      default:
        break;
    }
  }

  onClose(dp: Datapath): void {
    log.info(`datapath ${dp.label()} disconnected`);
    if (dp.id !== null && this.dps.get(dp.id) === dp) this.dps.delete(dp.id);
    this.sendEventToObservers(new EventOFPStateChange(dp, DEAD_DISPATCHER), DEAD_DISPATCHER);
  }

  private setState(dp: Datapath, state: Dispatcher): void {
    dp.setState(state);
    this.sendEventToObservers(new EventOFPStateChange(dp, state), state);
  }

  private onHello(dp: Datapath, m: MsgBase): void {
    if (dp.state !== HANDSHAKE_DISPATCHER) return;
    const ours = this.versions();
    const theirs = helloVersions(m);
    let version: number | undefined;
    if (theirs) {
      version = Math.max(-1, ...theirs.filter((v) => ours.includes(v)));
      if (version < 0) version = undefined;
    } else {
      const v = Math.min(m.version ?? 0, Math.max(...ours));
      version = ours.includes(v) ? v : undefined;
    }
    if (version === undefined) {
      log.error(`datapath ${dp.label()}: no common OpenFlow version (switch ${theirs ?? m.version}, ours ${ours}), closing`);
      const Err = parserClass<MsgCtor>(Math.min(m.version ?? 1, Math.max(...ours)), 'OFPErrorMsg');
      if (Err) dp.sendMsg(new Err({ datapath: dp, type: 0, code: 0, data: new TextEncoder().encode('no common version') }));
      dp.close();
      return;
    }
    dp.setVersion(version);
    this.setState(dp, CONFIG_DISPATCHER);
    const Req = parserClass<MsgCtor>(version, 'OFPFeaturesRequest')!;
    dp.sendMsg(new Req({ datapath: dp }));
  }

  private onFeatures(dp: Datapath, m: MsgBase): void {
    if (dp.state !== CONFIG_DISPATCHER) return;
    const f = m as unknown as { datapath_id: bigint; ports?: unknown };
    dp.id = f.datapath_id;
    const old = this.dps.get(dp.id);
    if (old && old !== dp) {
      log.info(`datapath ${dp.label()}: duplicate datapath id, closing the older connection`);
      old.close();
    }
    this.dps.set(dp.id, dp);
    const SetConfig = parserClass<MsgCtor>(dp.ofproto.OFP_VERSION, 'OFPSetConfig');
    if (SetConfig) dp.sendMsg(new SetConfig({ datapath: dp, flags: 0, miss_send_len: 128 }));
    if (dp.ofproto.OFP_VERSION < 4) {
      // 1.0/1.2 features carry the ports (os-ken: a dict keyed by port number)
      const ports = f.ports instanceof Map ? [...f.ports.values()] : Array.isArray(f.ports) ? f.ports : f.ports && typeof f.ports === 'object' ? Object.values(f.ports) : [];
      dp.ports = new Map((ports as { port_no: number }[]).map((p) => [p.port_no, p]));
      this.setState(dp, MAIN_DISPATCHER);
      return;
    }
    const PortDesc = parserClass<MsgCtor>(dp.ofproto.OFP_VERSION, 'OFPPortDescStatsRequest');
    if (PortDesc) dp.sendMsg(new PortDesc({ datapath: dp, flags: 0 }));
    else this.setState(dp, MAIN_DISPATCHER);
  }

  private onPortDesc(dp: Datapath, m: MsgBase): void {
    const body = (m as unknown as { body: { port_no: number }[]; flags: number }).body ?? [];
    for (const p of body) dp.ports.set(p.port_no, p);
    if (((m as unknown as { flags: number }).flags & 1) === 0) this.setState(dp, MAIN_DISPATCHER);
  }

  private onPortStatus(dp: Datapath, m: MsgBase): void {
    const ps = m as unknown as { reason: number; desc: { port_no: number } };
    const portNo = ps.desc.port_no;
    if (ps.reason === 1) dp.ports.delete(portNo);
    else dp.ports.set(portNo, ps.desc);
    this.sendEventToObservers(new EventOFPPortStateChange(dp, ps.reason, portNo), dp.state);
  }
}
