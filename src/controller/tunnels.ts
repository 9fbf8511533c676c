/**
 * os-ken's controller.tunnels: network id <-> tunnel key, and per datapath the
 * tunnel ports with the datapath at their far end. Changes are announced with
 * EventTunnelKeyAdd / EventTunnelKeyDel / EventTunnelPort. Use as a context:
 * `static _CONTEXTS = { tunnels: Tunnels }`.
 */
import { OSKenApp } from '../base/app_manager.js';
import { OskenError } from '../wire/errors.js';
import { EventBase } from './event.js';
import { PortNotFound, dpidToStr, toDpid, type DpidLike } from './dpset.js';
import { NetworkAlreadyExist, NetworkNotFound, PortAlreadyExist } from './network.js';

export class RemoteDPIDAlreadyExist extends OskenError {
  constructor(
    readonly dpid: DpidLike,
    readonly port: number,
    readonly remote_dpid: DpidLike,
  ) {
    super(`port (${dpidToStr(dpid)}, ${port}) has already remote dpid ${dpidToStr(remote_dpid)}`);
  }
}

export class TunnelKeyAlreadyExist extends OskenError {
  constructor(readonly tunnel_key: number) {
    super(`tunnel key ${tunnel_key} already exists`);
  }
}

export class TunnelKeyNotFound extends OskenError {
  constructor(readonly network_id: string) {
    super(`no tunnel key for network ${network_id}`);
  }
}

export class EventTunnelKeyBase extends EventBase {
  constructor(
    readonly network_id: string,
    readonly tunnel_key: number,
  ) {
    super();
  }
}

/** A tunnel key was registered or updated. */
export class EventTunnelKeyAdd extends EventTunnelKeyBase {}
/** A tunnel key was removed. */
export class EventTunnelKeyDel extends EventTunnelKeyBase {}

/** A tunnel port was added (`add_del` true) or removed (false); `remote_dpid` is the tunnel peer. */
export class EventTunnelPort extends EventBase {
  constructor(
    readonly dpid: bigint,
    readonly port_no: number,
    readonly remote_dpid: bigint,
    readonly add_del: boolean,
  ) {
    super();
  }
}

type Send = (ev: EventBase) => void;

/** network id (uuid) <-> tunnel key (32-bit unsigned) */
export class TunnelKeys extends Map<string, number> {
  constructor(private readonly sendEvent: Send) {
    super();
  }

  getKey(networkId: string): number {
    const k = this.get(networkId);
    if (k === undefined) throw new TunnelKeyNotFound(networkId);
    return k;
  }

  private setKey(networkId: string, tunnelKey: number): void {
    this.set(networkId, tunnelKey);
    this.sendEvent(new EventTunnelKeyAdd(networkId, tunnelKey));
  }

  private keyInUse(tunnelKey: number): boolean {
    for (const v of this.values()) if (v === tunnelKey) return true;
    return false;
  }

  registerKey(networkId: string, tunnelKey: number): void {
    if (this.has(networkId)) throw new NetworkAlreadyExist(networkId);
    if (this.keyInUse(tunnelKey)) throw new TunnelKeyAlreadyExist(tunnelKey);
    this.setKey(networkId, tunnelKey);
  }

  updateKey(networkId: string, tunnelKey: number): void {
    const key = this.get(networkId);
    if (key === undefined) {
      if (this.keyInUse(tunnelKey)) throw new TunnelKeyAlreadyExist(tunnelKey);
      this.setKey(networkId, tunnelKey);
      return;
    }
    if (key !== tunnelKey) throw new NetworkAlreadyExist(networkId);
  }

  deleteKey(networkId: string): void {
    const tunnelKey = this.get(networkId);
    if (tunnelKey === undefined) throw new NetworkNotFound(networkId);
    this.sendEvent(new EventTunnelKeyDel(networkId, tunnelKey));
    this.delete(networkId);
  }
}

/** dpid -> port_no -> remote_dpid */
export class TunnelDPIDs {
  readonly dpids = new Map<bigint, Map<number, bigint>>();
  constructor(private readonly sendEvent: Send) {}

  private ports(dpid: bigint): Map<number, bigint> {
    let m = this.dpids.get(dpid);
    if (!m) this.dpids.set(dpid, (m = new Map()));
    return m;
  }

  listPorts(dpid: bigint): Map<number, bigint> {
    return this.ports(dpid);
  }

  private addRemote(dpid: bigint, portNo: number, remoteDpid: bigint): void {
    this.ports(dpid).set(portNo, remoteDpid);
    this.sendEvent(new EventTunnelPort(dpid, portNo, remoteDpid, true));
  }

  addRemoteDpid(dpid: bigint, portNo: number, remoteDpid: bigint): void {
    if (this.ports(dpid).has(portNo)) throw new PortAlreadyExist(dpid, portNo, null);
    this.addRemote(dpid, portNo, remoteDpid);
  }

  updateRemoteDpid(dpid: bigint, portNo: number, remoteDpid: bigint): void {
    const cur = this.ports(dpid).get(portNo);
    if (cur === undefined) this.addRemote(dpid, portNo, remoteDpid);
    else if (cur !== remoteDpid) throw new RemoteDPIDAlreadyExist(dpid, portNo, remoteDpid);
  }

  getRemoteDpid(dpid: bigint, portNo: number): bigint {
    const r = this.dpids.get(dpid)?.get(portNo);
    if (r === undefined) throw new PortNotFound(dpid, portNo);
    return r;
  }

  deletePort(dpid: bigint, portNo: number): void {
    const r = this.dpids.get(dpid)?.get(portNo);
    if (r === undefined) throw new PortNotFound(dpid, portNo);
    this.sendEvent(new EventTunnelPort(dpid, portNo, r, false));
    this.dpids.get(dpid)!.delete(portNo);
  }

  /** The port of `dpid` whose tunnel leads to `remoteDpid`. */
  getPort(dpid: bigint, remoteDpid: bigint): number {
    const dp = this.dpids.get(dpid);
    if (dp) for (const [portNo, r] of dp) if (r === remoteDpid) return portNo;
    throw new PortNotFound(dpid, null, null);
  }
}

/** Tunnel keys of networks and tunnel ports of datapaths. */
export class Tunnels extends OSKenApp {
  static override appName = 'tunnels';
  static override _EVENTS = [EventTunnelKeyAdd, EventTunnelKeyDel, EventTunnelPort];

  readonly tunnelKeys = new TunnelKeys((ev) => this.sendEventToObservers(ev));
  readonly dpids = new TunnelDPIDs((ev) => this.sendEventToObservers(ev));

  getKey(networkId: string): number {
    return this.tunnelKeys.getKey(networkId);
  }

  registerKey(networkId: string, tunnelKey: number): void {
    this.tunnelKeys.registerKey(networkId, tunnelKey);
  }

  updateKey(networkId: string, tunnelKey: number): void {
    this.tunnelKeys.updateKey(networkId, tunnelKey);
  }

  deleteKey(networkId: string): void {
    this.tunnelKeys.deleteKey(networkId);
  }

  listPorts(dpid: DpidLike): number[] {
    return [...this.dpids.listPorts(toDpid(dpid)).keys()];
  }

  registerPort(dpid: DpidLike, portNo: number, remoteDpid: DpidLike): void {
    this.dpids.addRemoteDpid(toDpid(dpid), portNo, toDpid(remoteDpid));
  }

  updatePort(dpid: DpidLike, portNo: number, remoteDpid: DpidLike): void {
    this.dpids.updateRemoteDpid(toDpid(dpid), portNo, toDpid(remoteDpid));
  }

  getRemoteDpid(dpid: DpidLike, portNo: number): bigint {
    return this.dpids.getRemoteDpid(toDpid(dpid), portNo);
  }

  deletePort(dpid: DpidLike, portNo: number): void {
    this.dpids.deletePort(toDpid(dpid), portNo);
  }

  // for gre tunnels
  getPort(dpid: DpidLike, remoteDpid: DpidLike): number {
    return this.dpids.getPort(toDpid(dpid), toDpid(remoteDpid));
  }
}
