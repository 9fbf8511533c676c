/**
 * os-ken's controller.conf_switch: per-switch key/value configuration
 * (used by tunnel updaters and the REST API), with change events.
 * Use as a context: `static _CONTEXTS = { conf_switch: ConfSwitchSet }`.
 */
import { OSKenApp } from '../base/app_manager.js';
import { OskenError } from '../wire/errors.js';
import { EventBase } from './event.js';
import { dpidToStr, toDpid, type DpidLike } from './dpset.js';

/** Every configuration of a datapath was deleted. */
export class EventConfSwitchDelDPID extends EventBase {
  constructor(readonly dpid: bigint) {
    super();
  }
  override toString(): string {
    return `EventConfSwitchDelDPID<${dpidToStr(this.dpid)}>`;
  }
}

/** A key of a datapath was set. */
export class EventConfSwitchSet extends EventBase {
  constructor(
    readonly dpid: bigint,
    readonly key: string,
    readonly value: unknown,
  ) {
    super();
  }
  override toString(): string {
    return `EventConfSwitchSet<${dpidToStr(this.dpid)}, ${this.key}, ${String(this.value)}>`;
  }
}

/** A key of a datapath was deleted. */
export class EventConfSwitchDel extends EventBase {
  constructor(
    readonly dpid: bigint,
    readonly key: string,
  ) {
    super();
  }
  override toString(): string {
    return `EventConfSwitchDel<${dpidToStr(this.dpid)}, ${this.key}>`;
  }
}

/** A missing datapath or key (os-ken raises KeyError). */
export class ConfSwitchKeyError extends OskenError {
  constructor(
    readonly dpid: bigint,
    readonly key: string | null,
  ) {
    super(key === null ? `conf_switch: no datapath ${dpidToStr(dpid)}` : `conf_switch: no key ${key} for datapath ${dpidToStr(dpid)}`);
  }
}

export class ConfSwitchSet extends OSKenApp {
  static override appName = 'conf_switch';
  static override _EVENTS = [EventConfSwitchDelDPID, EventConfSwitchSet, EventConfSwitchDel];

  /** dpid -> key -> value */
  readonly confs = new Map<bigint, Map<string, unknown>>();

  private conf(dpid: bigint): Map<string, unknown> {
    const c = this.confs.get(dpid);
    if (!c) throw new ConfSwitchKeyError(dpid, null);
    return c;
  }

  dpids(): bigint[] {
    return [...this.confs.keys()];
  }

  delDpid(dpidIn: DpidLike): void {
    const dpid = toDpid(dpidIn);
    if (!this.confs.delete(dpid)) throw new ConfSwitchKeyError(dpid, null);
    this.sendEventToObservers(new EventConfSwitchDelDPID(dpid));
  }

  keys(dpid: DpidLike): string[] {
    return [...this.conf(toDpid(dpid)).keys()];
  }

  setKey(dpidIn: DpidLike, key: string, value: unknown): void {
    const dpid = toDpid(dpidIn);
    let c = this.confs.get(dpid);
    if (!c) this.confs.set(dpid, (c = new Map()));
    c.set(key, value);
    this.sendEventToObservers(new EventConfSwitchSet(dpid, key, value));
  }

  getKey(dpidIn: DpidLike, key: string): unknown {
    const dpid = toDpid(dpidIn);
    const c = this.conf(dpid);
    if (!c.has(key)) throw new ConfSwitchKeyError(dpid, key);
    return c.get(key);
  }

  delKey(dpidIn: DpidLike, key: string): void {
    const dpid = toDpid(dpidIn);
    if (!this.conf(dpid).delete(key)) throw new ConfSwitchKeyError(dpid, key);
    this.sendEventToObservers(new EventConfSwitchDel(dpid, key));
  }

  /** os-ken's `(dpid, key) in conf_switch`. */
  contains(dpid: DpidLike, key: string): boolean {
    return this.confs.get(toDpid(dpid))?.has(key) ?? false;
  }

  /** The first datapath whose `key` equals `value`, or null. */
  findDpid(key: string, value: unknown): bigint | null {
    for (const [dpid, c] of this.confs) if (c.has(key) && c.get(key) === value) return dpid;
    return null;
  }
}
