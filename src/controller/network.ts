/**
 * os-ken's controller.network: networks (by id), the ports that belong to
 * them and the end-point MAC addresses behind those ports, as set by a REST
 * API or another app. Changes are announced with EventNetworkPort,
 * EventNetworkDel and EventMacAddress. Use as a context:
 * `static _CONTEXTS = { network: Network }`.
 */
import { OSKenApp, type AppInit } from '../base/app_manager.js';
import { OskenError } from '../wire/errors.js';
import { EventBase } from './event.js';
import { PortNotFound, dpidToStr, toDpid, type DpidLike } from './dpset.js';
import type { Datapath } from './controller.js';

export { PortNotFound };

export const NW_ID_UNKNOWN = '__NW_ID_UNKNOWN__';

/** os-ken's exception.NetworkNotFound. */
export class NetworkNotFound extends OskenError {
  constructor(readonly network_id: string) {
    super(`no such network id ${network_id}`);
  }
}

/** os-ken's exception.NetworkAlreadyExist. */
export class NetworkAlreadyExist extends OskenError {
  constructor(readonly network_id: string) {
    super(`network id ${network_id} already exists`);
  }
}

/** os-ken's exception.PortAlreadyExist. */
export class PortAlreadyExist extends OskenError {
  constructor(
    readonly dpid: DpidLike,
    readonly port: number,
    readonly network_id: string | null,
  ) {
    super(`port (${dpidToStr(dpid)}, ${port}) in network ${network_id ?? 'None'} already exists`);
  }
}

/** os-ken's exception.PortUnknown. */
export class PortUnknown extends OskenError {
  constructor(
    readonly dpid: DpidLike,
    readonly port: number,
  ) {
    super(`unknown network id for port (${dpidToStr(dpid)} ${port})`);
  }
}

export class MacAddressAlreadyExist extends OskenError {
  constructor(
    readonly dpid: DpidLike,
    readonly port: number,
    readonly mac_address: string,
  ) {
    super(`port (${dpidToStr(dpid)}, ${port}) has already mac ${mac_address}`);
  }
}

/** A network was deleted. */
export class EventNetworkDel extends EventBase {
  constructor(readonly network_id: string) {
    super();
  }
}

/** A port was added to (`add_del` true) or removed from (false) a network. */
export class EventNetworkPort extends EventBase {
  constructor(
    readonly network_id: string,
    readonly dpid: bigint,
    readonly port_no: number,
    readonly add_del: boolean,
  ) {
    super();
  }
}

/**
 * An end-point MAC address was registered (`add_del` true: `mac_address` is the new one)
 * or its port was removed (false: `mac_address` is the old one).
 */
export class EventMacAddress extends EventBase {
  constructor(
    readonly dpid: bigint,
    readonly port_no: number,
    readonly network_id: string,
    readonly mac_address: string,
    readonly add_del: boolean,
  ) {
    super();
  }
}

type Send = (ev: EventBase) => void;
const key = (dpid: bigint, portNo: number) => `${dpid}:${portNo}`;

/** network_id -> set of (dpid, port_no) */
export class Networks extends Map<string, Map<string, [bigint, number]>> {
  constructor(private readonly sendEvent: Send) {
    super();
  }

  listNetworks(): string[] {
    return [...this.keys()];
  }

  hasNetwork(networkId: string): boolean {
    return this.has(networkId);
  }

  updateNetwork(networkId: string): void {
    if (!this.has(networkId)) this.set(networkId, new Map());
  }

  createNetwork(networkId: string): void {
    if (this.has(networkId)) throw new NetworkAlreadyExist(networkId);
    this.set(networkId, new Map());
  }

  removeNetwork(networkId: string): void {
    const ports = this.get(networkId);
    if (!ports) throw new NetworkNotFound(networkId);
    for (const [k, [dpid, portNo]] of [...ports]) {
      ports.delete(k);
      this.removeEvent(networkId, dpid, portNo);
    }
    if (this.delete(networkId)) this.sendEvent(new EventNetworkDel(networkId));
  }

  listPorts(networkId: string): [bigint, number][] {
    const ports = this.get(networkId);
    if (!ports) throw new NetworkNotFound(networkId);
    return [...ports.values()];
  }

  /** Throws NetworkNotFound when the network does not exist. */
  addRaw(networkId: string, dpid: bigint, portNo: number): void {
    const ports = this.get(networkId);
    if (!ports) throw new NetworkNotFound(networkId);
    ports.set(key(dpid, portNo), [dpid, portNo]);
  }

  addEvent(networkId: string, dpid: bigint, portNo: number): void {
    this.sendEvent(new EventNetworkPort(networkId, dpid, portNo, true));
  }

  private removeEvent(networkId: string, dpid: bigint, portNo: number): void {
    this.sendEvent(new EventNetworkPort(networkId, dpid, portNo, false));
  }

  /** Throws NetworkNotFound when the network does not exist; an absent port is ignored. */
  removeRaw(networkId: string, dpid: bigint, portNo: number): void {
    const ports = this.get(networkId);
    if (!ports) throw new NetworkNotFound(networkId);
    if (ports.delete(key(dpid, portNo))) this.removeEvent(networkId, dpid, portNo);
  }

  remove(networkId: string, dpid: bigint, portNo: number): void {
    this.removeRaw(networkId, dpid, portNo);
  }

  /** Throws NetworkNotFound when the network does not exist. */
  hasPort(networkId: string, dpid: bigint, portNo: number): boolean {
    const ports = this.get(networkId);
    if (!ports) throw new NetworkNotFound(networkId);
    return ports.has(key(dpid, portNo));
  }

  getDpids(networkId: string): Set<bigint> {
    return new Set([...(this.get(networkId)?.values() ?? [])].map(([d]) => d));
  }
}

/** One port's network membership and end-point MAC address. */
export class Port {
  constructor(
    public port_no: number,
    public network_id: string | null,
    public mac_address: string | null = null,
  ) {}
}

/** dpid -> port_no -> Port */
export class DPIDs extends Map<bigint, Map<number, Port>> {
  constructor(
    private readonly sendEvent: Send,
    readonly nwIdUnknown: string,
  ) {
    super();
  }

  setdefaultDpid(dpid: bigint): Map<number, Port> {
    let dp = this.get(dpid);
    if (!dp) this.set(dpid, (dp = new Map()));
    return dp;
  }

  private setdefaultPort(dpid: bigint, portNo: number, defaultNetworkId: string): Port {
    const dp = this.setdefaultDpid(dpid);
    let port = dp.get(portNo);
    if (!port) dp.set(portNo, (port = new Port(portNo, defaultNetworkId)));
    return port;
  }

  setdefaultNetwork(dpid: bigint, portNo: number): void {
    this.setdefaultPort(dpid, portNo, this.nwIdUnknown);
  }

  updatePort(dpid: bigint, portNo: number, networkId: string): void {
    this.setdefaultPort(dpid, portNo, networkId).network_id = networkId;
  }

  /** Forget the port (it may already be gone); PortNotFound when the datapath is unknown. */
  removePort(dpid: bigint, portNo: number): void {
    const dp = this.get(dpid);
    if (!dp) throw new PortNotFound(dpid, portNo, null);
    const port = dp.get(portNo);
    dp.delete(portNo);
    if (port?.network_id && port.mac_address) this.sendEvent(new EventMacAddress(dpid, portNo, port.network_id, port.mac_address, false));
  }

  getPorts(dpid: bigint, networkId: string | null = null, macAddress: string | null = null): Port[] {
    const all = [...(this.get(dpid)?.values() ?? [])];
    if (networkId === null) return all;
    // live migration: two ports can have the same mac address
    return all.filter((p) => p.network_id === networkId && (macAddress === null || p.mac_address === macAddress));
  }

  getPort(dpid: bigint, portNo: number): Port {
    const port = this.get(dpid)?.get(portNo);
    if (!port) throw new PortNotFound(dpid, portNo, null);
    return port;
  }

  getNetwork(dpid: bigint, portNo: number): string | null {
    const port = this.get(dpid)?.get(portNo);
    if (!port) throw new PortUnknown(dpid, portNo);
    return port.network_id;
  }

  /** The ports of the datapath (os-ken returns the set of Port objects). */
  getNetworks(dpid: bigint): Set<Port> {
    const dp = this.get(dpid);
    if (!dp) throw new PortNotFound(dpid, null, null);
    return new Set(dp.values());
  }

  getNetworkSafe(dpid: bigint, portNo: number): string | null {
    const port = this.get(dpid)?.get(portNo);
    return port ? port.network_id : this.nwIdUnknown;
  }

  getMac(dpid: bigint, portNo: number): string | null {
    return this.getPort(dpid, portNo).mac_address;
  }

  private assignMac(networkId: string, dpid: bigint, portNo: number, port: Port, macAddress: string): void {
    if (!(port.network_id === null || port.network_id === networkId || port.network_id === this.nwIdUnknown)) {
      throw new PortNotFound(dpid, portNo, networkId);
    }
    port.network_id = networkId;
    port.mac_address = macAddress;
    if (port.network_id && port.mac_address) this.sendEvent(new EventMacAddress(dpid, portNo, port.network_id, port.mac_address, true));
  }

  setMac(networkId: string, dpid: bigint, portNo: number, macAddress: string): void {
    const port = this.getPort(dpid, portNo);
    if (port.mac_address !== null) throw new MacAddressAlreadyExist(dpid, portNo, macAddress);
    this.assignMac(networkId, dpid, portNo, port, macAddress);
  }

  updateMac(networkId: string, dpid: bigint, portNo: number, macAddress: string): void {
    const port = this.getPort(dpid, portNo);
    if (port.mac_address === null) {
      this.assignMac(networkId, dpid, portNo, port, macAddress);
      return;
    }
    // changing a mac address is not allowed
    if (port.mac_address !== macAddress) throw new MacAddressAlreadyExist(dpid, portNo, port.mac_address);
  }
}

/** A (dpid, port_no) pair. */
export interface MacPort {
  readonly dpid: bigint;
  readonly port_no: number;
}

/** network_id -> mac_address -> set of (dpid, port_no) */
export class MacAddresses extends Map<string, Map<string, Map<string, MacPort>>> {
  addPort(networkId: string, dpid: bigint, portNo: number, macAddress: string): void {
    let m2p = this.get(networkId);
    if (!m2p) this.set(networkId, (m2p = new Map()));
    let ports = m2p.get(macAddress);
    if (!ports) m2p.set(macAddress, (ports = new Map()));
    ports.set(key(dpid, portNo), { dpid, port_no: portNo });
  }

  removePort(networkId: string, dpid: bigint, portNo: number, macAddress: string): void {
    const m2p = this.get(networkId);
    if (!m2p) return;
    const ports = m2p.get(macAddress);
    if (ports) {
      ports.delete(key(dpid, portNo));
      if (ports.size === 0) m2p.delete(macAddress);
    }
    if (m2p.size === 0) this.delete(networkId);
  }

  getPorts(networkId: string, macAddress: string): MacPort[] {
    return [...(this.get(networkId)?.get(macAddress)?.values() ?? [])];
  }
}

export interface NetworkInit extends AppInit {
  nwIdUnknown?: string;
}

/** Networks, their ports and end-point MAC addresses. */
export class Network extends OSKenApp {
  static override appName = 'network';
  static override _EVENTS = [EventNetworkDel, EventNetworkPort, EventMacAddress];

  readonly nwIdUnknown: string;
  readonly networks: Networks;
  readonly dpids: DPIDs;
  readonly macAddresses = new MacAddresses();

  constructor(init?: NetworkInit) {
    super(init);
    this.nwIdUnknown = init?.nwIdUnknown ?? NW_ID_UNKNOWN;
    const send = (ev: EventBase) => this.sendEventToObservers(ev);
    this.networks = new Networks(send);
    this.dpids = new DPIDs(send, this.nwIdUnknown);
  }

  private checkNwIdUnknown(networkId: string): void {
    if (networkId === this.nwIdUnknown) throw new NetworkAlreadyExist(networkId);
  }

  listNetworks(): string[] {
    return this.networks.listNetworks();
  }

  updateNetwork(networkId: string): void {
    this.checkNwIdUnknown(networkId);
    this.networks.updateNetwork(networkId);
  }

  createNetwork(networkId: string): void {
    this.checkNwIdUnknown(networkId);
    this.networks.createNetwork(networkId);
  }

  removeNetwork(networkId: string): void {
    this.networks.removeNetwork(networkId);
  }

  listPorts(networkId: string): [bigint, number][] {
    return this.networks.listPorts(networkId);
  }

  listPortsNoraise(networkId: string): [bigint, number][] {
    try {
      return this.listPorts(networkId);
    } catch (e) {
      if (e instanceof NetworkNotFound) return [];
      throw e;
    }
  }

  private updatePortImpl(networkId: string, dpidIn: DpidLike, portNo: number, portMayExist: boolean): void {
    const dpid = toDpid(dpidIn);
    const known = (nw: string | null) => nw !== null && nw !== this.nwIdUnknown;
    this.checkNwIdUnknown(networkId);
    if (!this.networks.has(networkId)) throw new NetworkNotFound(networkId);
    const oldNetworkId = this.dpids.getNetworkSafe(dpid, portNo);
    if ((this.networks.hasPort(networkId, dpid, portNo) || known(oldNetworkId)) && !portMayExist) {
      throw new PortAlreadyExist(dpid, portNo, networkId);
    }
    let addEvent = false;
    if (oldNetworkId !== networkId) {
      addEvent = true;
      this.networks.addRaw(networkId, dpid, portNo);
      if (known(oldNetworkId) && this.networks.has(oldNetworkId!)) this.networks.removeRaw(oldNetworkId!, dpid, portNo);
    }
    this.dpids.updatePort(dpid, portNo, networkId);
    if (addEvent) this.networks.addEvent(networkId, dpid, portNo);
  }

  /** Put a port into a network; PortAlreadyExist when it already belongs to one. */
  createPort(networkId: string, dpid: DpidLike, portNo: number): void {
    this.updatePortImpl(networkId, dpid, portNo, false);
  }

  /** Put a port into a network (moving it from its old one). */
  updatePort(networkId: string, dpid: DpidLike, portNo: number): void {
    this.updatePortImpl(networkId, dpid, portNo, true);
  }

  private oldMac(networkId: string, dpid: bigint, portNo: number): string | null {
    const port = this.dpids.get(dpid)?.get(portNo);
    return port && port.network_id === networkId ? port.mac_address : null;
  }

  removePort(networkId: string, dpidIn: DpidLike, portNo: number): void {
    const dpid = toDpid(dpidIn);
    // the event first, then the real work
    const oldMac = this.oldMac(networkId, dpid, portNo);
    this.dpids.removePort(dpid, portNo);
    try {
      this.networks.remove(networkId, dpid, portNo);
    } catch (e) {
      // a port can be deleted after its network (OpenStack's automatic port deletion)
      if (!(e instanceof NetworkNotFound)) throw e;
    }
    if (oldMac !== null) this.macAddresses.removePort(networkId, dpid, portNo, oldMac);
  }

  // for gre tunnels

  getDpids(networkId: string): Set<bigint> {
    return this.networks.getDpids(networkId);
  }

  hasNetwork(networkId: string): boolean {
    return this.networks.hasNetwork(networkId);
  }

  getNetworks(dpid: DpidLike): Set<Port> {
    return this.dpids.getNetworks(toDpid(dpid));
  }

  createMac(networkId: string, dpidIn: DpidLike, portNo: number, macAddress: string): void {
    const dpid = toDpid(dpidIn);
    this.macAddresses.addPort(networkId, dpid, portNo, macAddress);
    this.dpids.setMac(networkId, dpid, portNo, macAddress);
  }

  updateMac(networkId: string, dpidIn: DpidLike, portNo: number, macAddress: string): void {
    const dpid = toDpid(dpidIn);
    const oldMac = this.oldMac(networkId, dpid, portNo);
    this.dpids.updateMac(networkId, dpid, portNo, macAddress);
    if (oldMac !== null) this.macAddresses.removePort(networkId, dpid, portNo, oldMac);
    this.macAddresses.addPort(networkId, dpid, portNo, macAddress);
  }

  getMac(dpid: DpidLike, portNo: number): string | null {
    return this.dpids.getMac(toDpid(dpid), portNo);
  }

  listMac(dpid: DpidLike, portNo: number): string[] {
    const mac = this.dpids.getMac(toDpid(dpid), portNo);
    return mac === null ? [] : [mac];
  }

  getPorts(dpid: DpidLike, networkId: string | null = null, macAddress: string | null = null): Port[] {
    return this.dpids.getPorts(toDpid(dpid), networkId, macAddress);
  }

  getPort(dpid: DpidLike, portNo: number): Port {
    return this.dpids.getPort(toDpid(dpid), portNo);
  }

  getPortsWithMac(networkId: string, macAddress: string): MacPort[] {
    return this.macAddresses.getPorts(networkId, macAddress);
  }

  // for simple_isolation

  sameNetwork(dpid: DpidLike, nwId: string, outPort: number, allowNwIdExternal: string | null = null): boolean {
    if (nwId === this.nwIdUnknown) throw new OskenError('sameNetwork: network id is the unknown one');
    const outNw = this.dpids.getNetworkSafe(toDpid(dpid), outPort);
    if (nwId === outNw) return true;
    // allow external network -> known network id
    if (allowNwIdExternal !== null && (allowNwIdExternal === nwId || allowNwIdExternal === outNw)) return true;
    this.logger.debug(`blocked dpid ${dpidToStr(dpid)} nw_id ${nwId} out_port ${outPort} out_nw ${outNw} external ${allowNwIdExternal}`);
    return false;
  }

  getNetwork(dpid: DpidLike, portNo: number): string | null {
    return this.dpids.getNetwork(toDpid(dpid), portNo);
  }

  /** Register a datapath's ports from its (1.0/1.2) switch features. */
  addDatapath(features: { datapath: Datapath; datapath_id: bigint; ports: Iterable<number> | Map<number, unknown> }): void {
    this.dpids.setdefaultDpid(features.datapath_id);
    const ports = features.ports instanceof Map ? features.ports.keys() : features.ports;
    for (const portNo of ports) this.portAdded(features.datapath, portNo);
  }

  portAdded(datapath: Datapath, portNo: number): void {
    // skip fake output ports
    const max = (datapath.ofproto as unknown as { OFPP_MAX: number }).OFPP_MAX;
    if (portNo === 0 || portNo >= max || datapath.id === null) return;
    this.dpids.setdefaultNetwork(datapath.id, portNo);
  }

  portDeleted(dpid: DpidLike, portNo: number): void {
    this.dpids.removePort(toDpid(dpid), portNo);
  }

  filterPorts(dpid: DpidLike, inPort: number, nwId: string, allowNwIdExternal: string | null = null): number[] {
    if (nwId === this.nwIdUnknown) throw new OskenError('filterPorts: network id is the unknown one');
    const out: number[] = [];
    for (const port of this.getPorts(dpid)) {
      if (port.port_no === inPort) continue;
      if (port.network_id === nwId || (allowNwIdExternal !== null && port.network_id === allowNwIdExternal)) out.push(port.port_no);
    }
    return out;
  }
}
