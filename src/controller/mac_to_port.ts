/**
 * os-ken's controller.mac_to_port: a per-datapath MAC address -> port table
 * for learning switches. MAC addresses are the text form ('00:00:00:00:00:01').
 */
import { getLogger } from '../lib/log.js';
import { OskenError } from '../wire/errors.js';
import { dpidToStr, toDpid, type DpidLike } from './dpset.js';

const log = getLogger('osken.controller.mac_to_port');

/** MAC address <-> (dpid, port) */
export class MacToPortTable {
  /** dpid -> mac -> port */
  readonly macToPort = new Map<bigint, Map<string, number>>();

  private table(dpid: DpidLike): Map<string, number> {
    const t = this.macToPort.get(toDpid(dpid));
    if (!t) throw new OskenError(`mac_to_port: unknown datapath ${dpidToStr(dpid)} (call dpidAdd first)`);
    return t;
  }

  dpidAdd(dpid: DpidLike): void {
    log.debug(`dpid_add: 0x${dpidToStr(dpid)}`);
    const id = toDpid(dpid);
    if (!this.macToPort.has(id)) this.macToPort.set(id, new Map());
  }

  /** Learn `mac` on `port`; returns the port it was learned on before (may equal `port`), or null. */
  portAdd(dpid: DpidLike, port: number, mac: string): number | null {
    const t = this.table(dpid);
    const old = t.get(mac) ?? null;
    t.set(mac, port);
    if (old !== null && old !== port) log.debug(`port_add: 0x${dpidToStr(dpid)} 0x${port.toString(16).padStart(4, '0')} ${mac}`);
    return old;
  }

  /** The port `mac` was learned on, or null. */
  portGet(dpid: DpidLike, mac: string): number | null {
    return this.table(dpid).get(mac) ?? null;
  }

  /** The MAC addresses learned on a port. */
  macList(dpid: DpidLike, port: number): string[] {
    return [...(this.macToPort.get(toDpid(dpid)) ?? new Map<string, number>())].filter(([, p]) => p === port).map(([m]) => m);
  }

  /** Forget a MAC address; throws when it was not learned. */
  macDel(dpid: DpidLike, mac: string): void {
    if (!this.table(dpid).delete(mac)) throw new OskenError(`mac_to_port: ${mac} is not learned on ${dpidToStr(dpid)}`);
  }
}
