/**
 * os-ken's controller.dpset: the set of connected switches (datapaths) and
 * their ports, kept from EventOFPStateChange (MAIN enters, DEAD leaves) and
 * port status messages, and re-announced as EventDP / EventPort* events.
 * Use it as a context: `static _CONTEXTS = { dpset: DPSet }`.
 *
 * The ports of a datapath come from the switch features (OpenFlow 1.0/1.2)
 * or from the port description multipart reply (1.3+), both collected by
 * the OFPHandler into `Datapath.ports` before the datapath enters MAIN.
 */
import { OSKenApp } from '../base/app_manager.js';
import { OskenError } from '../wire/errors.js';
import { EventBase } from './event.js';
import { CONFIG_DISPATCHER, DEAD_DISPATCHER, MAIN_DISPATCHER, setEvCls } from './handler.js';
import { EventOFPPortStatus, EventOFPStateChange, EventOFPSwitchFeatures, type EventOFPMsgBase } from './ofp_event.js';
import type { Datapath } from './controller.js';

/** os-ken's DPSET_EV_DISPATCHER. */
export const DPSET_EV_DISPATCHER = 'dpset';

/** A port description as the switch reports it (OFPPhyPort for 1.0, OFPPort for 1.2+). */
export interface PortDesc {
  readonly port_no: number;
  readonly hw_addr?: string;
  readonly name?: string;
  readonly config?: number;
  readonly state?: number;
}

/** A datapath id as given by callers: bigint (as Datapath.id) or a safe integer. */
export type DpidLike = bigint | number;

/** Normalize a datapath id to bigint. */
export function toDpid(dpid: DpidLike): bigint {
  return typeof dpid === 'bigint' ? dpid : BigInt(dpid);
}

/** `0000000000000001`: os-ken's dpid_to_str. */
export function dpidToStr(dpid: DpidLike): string {
  return BigInt.asUintN(64, toDpid(dpid)).toString(16).padStart(16, '0');
}

/** os-ken's exception.PortNotFound. */
export class PortNotFound extends OskenError {
  constructor(
    readonly dpid: DpidLike | null,
    readonly port: number | null,
    readonly network_id: string | null = null,
  ) {
    super(`no such port (${dpid === null ? 'None' : dpidToStr(dpid)}, ${port ?? 'None'}) in network ${network_id ?? 'None'}`);
  }
}

/** The datapath is not connected (os-ken raises KeyError from get_ports). */
export class DatapathNotFound extends OskenError {
  constructor(readonly dpid: DpidLike) {
    super(`no such datapath ${dpidToStr(dpid)}`);
  }
}

export class EventDPBase extends EventBase {
  constructor(readonly dp: Datapath) {
    super();
  }
}

/**
 * A switch connected (`enter` true) or disconnected (`enter` false); `ports` are
 * its ports at that moment.
 */
export class EventDP extends EventDPBase {
  readonly enter: boolean;
  ports: PortDesc[] = [];
  constructor(dp: Datapath, enterLeave: boolean) {
    super(dp);
    this.enter = enterLeave;
  }
}

/** A switch connected again before its previous connection was noticed dead; the ports are kept. */
export class EventDPReconnected extends EventDPBase {
  ports: PortDesc[] = [];
}

export class EventPortBase extends EventDPBase {
  constructor(
    dp: Datapath,
    readonly port: PortDesc,
  ) {
    super(dp);
  }
}

/** A port was added to a switch (port status ADD). */
export class EventPortAdd extends EventPortBase {}
/** A port was removed from a switch (port status DELETE). */
export class EventPortDelete extends EventPortBase {}
/** Some attribute of a port changed (port status MODIFY); `port` is the new description. */
export class EventPortModify extends EventPortBase {}

/** The ports of one datapath by port number. */
export class PortState extends Map<number, PortDesc> {
  add(portNo: number, port: PortDesc): void {
    this.set(portNo, port);
  }
  /** Throws PortNotFound when the port is unknown (os-ken: KeyError). */
  remove(portNo: number): void {
    if (!this.delete(portNo)) throw new PortNotFound(null, portNo);
  }
  modify(portNo: number, port: PortDesc): void {
    this.set(portNo, port);
  }
}

/** Ports in whichever form a decoder gives them: Map, array, or object keyed by number. */
function portList(ports: unknown): PortDesc[] {
  const vals = ports instanceof Map ? [...ports.values()] : Array.isArray(ports) ? ports : ports && typeof ports === 'object' ? Object.values(ports) : [];
  return (vals as unknown[]).filter((p): p is PortDesc => !!p && typeof (p as PortDesc).port_no === 'number');
}

/** Manages the set of switches (datapaths) connected to this controller. */
export class DPSet extends OSKenApp {
  static override appName = 'dpset';
  static override _EVENTS = [EventDP, EventDPReconnected, EventPortAdd, EventPortDelete, EventPortModify];

  /** datapath id -> Datapath */
  readonly dps = new Map<bigint, Datapath>();
  /** datapath id -> its ports */
  readonly portState = new Map<bigint, PortState>();

  private register(dp: Datapath): void {
    if (dp.id === null) throw new OskenError('dpset: datapath without id entered MAIN');
    const id = dp.id;
    // a switch may reconnect before the drop of its previous connection is noticed: forget the
    // older connection, send no leave/enter, keep the PortState
    let reconnected = false;
    const old = this.dps.get(id);
    if (old && old !== dp) {
      this.logger.warn(`DPSET: Multiple connections from ${dpidToStr(id)}`);
      old.close();
      reconnected = true;
    }
    this.dps.set(id, dp);
    if (!this.portState.has(id)) {
      this.portState.set(id, new PortState());
      const ev = new EventDP(dp, true);
      for (const port of portList(dp.ports)) {
        this.portAdded(dp, port);
        ev.ports.push(port);
      }
      this.sendEventToObservers(ev);
    }
    if (reconnected) {
      const ev = new EventDPReconnected(dp);
      ev.ports = [...(this.portState.get(id)?.values() ?? [])];
      this.sendEventToObservers(ev);
    }
  }

  private unregister(dp: Datapath): void {
    // see register(): a replaced connection leaves silently
    if (dp.id === null || this.dps.get(dp.id) !== dp) return;
    const ev = new EventDP(dp, false);
    const state = this.portState.get(dp.id);
    for (const port of [...(state?.values() ?? [])]) {
      this.portDeleted(dp, port);
      ev.ports.push(port);
    }
    this.sendEventToObservers(ev);
    this.dps.delete(dp.id);
    this.portState.delete(dp.id);
  }

  /** The Datapath with this id, or null. */
  get(dpid: DpidLike): Datapath | null {
    return this.dps.get(toDpid(dpid)) ?? null;
  }

  /** [[dpid, Datapath], ...] for every connected switch. */
  getAll(): [bigint, Datapath][] {
    return [...this.dps.entries()];
  }

  /** The port description; PortNotFound when the datapath or the port is unknown. */
  getPort(dpid: DpidLike, portNo: number): PortDesc {
    const port = this.portState.get(toDpid(dpid))?.get(portNo);
    if (!port) throw new PortNotFound(dpid, portNo, null);
    return port;
  }

  /** Every port of the datapath; DatapathNotFound (os-ken: KeyError) when it is not connected. */
  getPorts(dpid: DpidLike): PortDesc[] {
    const state = this.portState.get(toDpid(dpid));
    if (!state) throw new DatapathNotFound(dpid);
    return [...state.values()];
  }

  private portAdded(dp: Datapath, port: PortDesc): void {
    this.portState.get(dp.id!)?.add(port.port_no, port);
  }

  private portDeleted(dp: Datapath, port: PortDesc): void {
    this.portState.get(dp.id!)?.remove(port.port_no);
  }

  @setEvCls(EventOFPStateChange, [MAIN_DISPATCHER, DEAD_DISPATCHER])
  dispatcherChange(ev: EventOFPStateChange): void {
    const dp = ev.datapath as Datapath;
    if (ev.state === MAIN_DISPATCHER) this.register(dp);
    else if (ev.state === DEAD_DISPATCHER) this.unregister(dp);
  }

  /**
   * OpenFlow 1.0/1.2: the features reply carries the ports. The OFPHandler already copies them
   * into `Datapath.ports` before MAIN; this only fills them in if it did not, and never
   * overwrites ports that port status messages have updated since.
   */
  @setEvCls(EventOFPSwitchFeatures, CONFIG_DISPATCHER)
  switchFeaturesHandler(ev: EventOFPMsgBase): void {
    const dp = ev.msg.datapath as unknown as Datapath;
    if (dp.ofproto.OFP_VERSION >= 4 || dp.state !== CONFIG_DISPATCHER || dp.ports.size > 0) return;
    dp.ports = new Map(portList((ev.msg as unknown as { ports?: unknown }).ports).map((p) => [p.port_no, p]));
  }

  @setEvCls(EventOFPPortStatus, MAIN_DISPATCHER)
  portStatusHandler(ev: EventOFPMsgBase): void {
    const msg = ev.msg as unknown as { reason: number; desc: PortDesc };
    const dp = ev.msg.datapath as unknown as Datapath;
    const port = msg.desc;
    const o = dp.ofproto;
    if (dp.id === null || !this.portState.has(dp.id)) {
      this.logger.warn(`DPSET: port status for unregistered datapath ${dp.label()}`);
      return;
    }
    if (msg.reason === o.OFPPR_ADD) {
      this.logger.debug(`DPSET: A port was added.(datapath id = ${dpidToStr(dp.id)}, port number = ${port.port_no})`);
      this.portAdded(dp, port);
      this.sendEventToObservers(new EventPortAdd(dp, port));
    } else if (msg.reason === o.OFPPR_DELETE) {
      this.logger.debug(`DPSET: A port was deleted.(datapath id = ${dpidToStr(dp.id)}, port number = ${port.port_no})`);
      try {
        this.portDeleted(dp, port);
      } catch (e) {
        if (!(e instanceof PortNotFound)) throw e;
        this.logger.warn(`DPSET: deleted port ${port.port_no} of ${dpidToStr(dp.id)} was not known`);
      }
      this.sendEventToObservers(new EventPortDelete(dp, port));
    } else if (msg.reason === o.OFPPR_MODIFY) {
      this.logger.debug(`DPSET: A port was modified.(datapath id = ${dpidToStr(dp.id)}, port number = ${port.port_no})`);
      this.portState.get(dp.id)!.modify(port.port_no, port);
      this.sendEventToObservers(new EventPortModify(dp, port));
    } else {
      this.logger.warn(`DPSET: unknown port status reason ${msg.reason} from ${dpidToStr(dp.id)}`);
    }
  }
}
