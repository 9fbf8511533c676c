/**
 * Slow Protocols (IEEE 802.3 annex 43B) and LACP (IEEE 802.1AX)
 * (os-ken os_ken/lib/packet/slow.py).
 *
 * `Slow` only dispatches on the subtype byte: LACP decodes as `Lacp`; the
 * other subtypes (marker, OAM, OSSP) have no decoder in os-ken, so the whole
 * Slow PDU stays raw payload.
 */
import type { Reader } from '../../wire/reader.js';
import { macToBin, macToText } from '../../wire/addrconv.js';
import type { JsonObject } from '../../wire/json/json.js';
import { PacketMalformed } from '../../wire/errors.js';
import { DecodeCtx, PacketBase, SHARED_TYPES, SerializeBuffer, jInt, jStr, need, registerProtocol } from './packet_base.js';
import { ETH_TYPE_SLOW } from './ether_types.js';

export const SLOW_PROTOCOL_MULTICAST = '01:80:c2:00:00:02';
export const SLOW_SUBTYPE_LACP = 1;
export const SLOW_SUBTYPE_MARKER = 2;
export const SLOW_SUBTYPE_OAM = 3;
export const SLOW_SUBTYPE_OSSP = 10;

/** Dispatcher for the Slow Protocols ethertype (0x8809). Never appears in a decoded packet itself. */
export class Slow extends PacketBase {
  static override readonly jsonName = 'slow';
  static override readonly MIN_LEN = 1;

  static override decode(r: Reader, ctx: DecodeCtx): PacketBase | null {
    need(r, 1, 'slow');
    const subtype = r.view.getUint8(r.pos);
    if (subtype === SLOW_SUBTYPE_LACP) return Lacp.decode(r, ctx);
    // os-ken: (None, None, buf) - the whole PDU is raw payload
    ctx.next = null;
    return null;
  }

  override serializeInto(_out: SerializeBuffer, _prev: PacketBase | null): void {
    // os-ken's slow has no serializer either (it never appears in a Packet)
  }

  override toJsonFields(): JsonObject {
    return {};
  }

  static override fromJsonDict(_d: JsonObject): Slow {
    return new Slow();
  }
}

/** Names of the eight state bits, LSB first (os-ken actor_state_* / partner_state_*). */
const STATE_BITS = ['activity', 'timeout', 'aggregation', 'synchronization', 'collecting', 'distributing', 'defaulted', 'expired'] as const;
type StateBit = (typeof STATE_BITS)[number];
type StateFields<P extends string> = { [K in StateBit as `${P}_state_${K}`]?: number };

export type LacpOpts = {
  version?: number;
  actor_system_priority?: number;
  actor_system?: string;
  actor_key?: number;
  actor_port_priority?: number;
  actor_port?: number;
  partner_system_priority?: number;
  partner_system?: string;
  partner_key?: number;
  partner_port_priority?: number;
  partner_port?: number;
  collector_max_delay?: number;
} & StateFields<'actor'> &
  StateFields<'partner'>;

const bit = (v: number | undefined): number => {
  const x = v ?? 0;
  if (x !== 0 && x !== 1) throw new PacketMalformed('lacp', `state bit must be 0 or 1, got ${x}`, 0);
  return x;
};

/** LACPDU: always 110 bytes (subtype, version, actor/partner/collector/terminator TLVs). */
export class Lacp extends PacketBase {
  static override readonly jsonName = 'lacp';
  static override readonly MIN_LEN = 110;

  static readonly LACP_VERSION_NUMBER = 1;
  static readonly LACP_TLV_TYPE_ACTOR = 1;
  static readonly LACP_TLV_TYPE_PARTNER = 2;
  static readonly LACP_TLV_TYPE_COLLECTOR = 3;
  static readonly LACP_TLV_TYPE_TERMINATOR = 0;
  static readonly LACP_STATE_ACTIVE = 1;
  static readonly LACP_STATE_PASSIVE = 0;
  static readonly LACP_STATE_SHORT_TIMEOUT = 1;
  static readonly LACP_STATE_LONG_TIMEOUT = 0;
  static readonly LACP_STATE_AGGREGATEABLE = 1;
  static readonly LACP_STATE_INDIVIDUAL = 0;
  static readonly LACP_STATE_IN_SYNC = 1;
  static readonly LACP_STATE_OUT_OF_SYNC = 0;
  static readonly LACP_STATE_COLLECTING_ENABLED = 1;
  static readonly LACP_STATE_COLELCTING_DISABLED = 0;
  static readonly LACP_STATE_DISTRIBUTING_ENABLED = 1;
  static readonly LACP_STATE_DISTRIBUTING_DISABLED = 0;
  static readonly LACP_STATE_DEFAULED_PARTNER = 1;
  static readonly LACP_STATE_OPERATIONAL_PARTNER = 0;
  static readonly LACP_STATE_EXPIRED = 1;
  static readonly LACP_STATE_NOT_EXPIRED = 0;
  static readonly FAST_PERIODIC_TIME = 1;
  static readonly SLOW_PERIODIC_TIME = 30;
  static readonly SHORT_TIMEOUT_TIME = 3;
  static readonly LONG_TIMEOUT_TIME = 90;

  version: number;
  actor_system_priority: number;
  actor_system: string;
  actor_key: number;
  actor_port_priority: number;
  actor_port: number;
  actor_state_activity: number;
  actor_state_timeout: number;
  actor_state_aggregation: number;
  actor_state_synchronization: number;
  actor_state_collecting: number;
  actor_state_distributing: number;
  actor_state_defaulted: number;
  actor_state_expired: number;
  partner_system_priority: number;
  partner_system: string;
  partner_key: number;
  partner_port_priority: number;
  partner_port: number;
  partner_state_activity: number;
  partner_state_timeout: number;
  partner_state_aggregation: number;
  partner_state_synchronization: number;
  partner_state_collecting: number;
  partner_state_distributing: number;
  partner_state_defaulted: number;
  partner_state_expired: number;
  collector_max_delay: number;

  constructor(o: LacpOpts = {}) {
    super();
    this.version = o.version ?? Lacp.LACP_VERSION_NUMBER;
    this.actor_system_priority = o.actor_system_priority ?? 0;
    this.actor_system = o.actor_system ?? '00:00:00:00:00:00';
    this.actor_key = o.actor_key ?? 0;
    this.actor_port_priority = o.actor_port_priority ?? 0;
    this.actor_port = o.actor_port ?? 0;
    this.actor_state_activity = bit(o.actor_state_activity);
    this.actor_state_timeout = bit(o.actor_state_timeout);
    this.actor_state_aggregation = bit(o.actor_state_aggregation);
    this.actor_state_synchronization = bit(o.actor_state_synchronization);
    this.actor_state_collecting = bit(o.actor_state_collecting);
    this.actor_state_distributing = bit(o.actor_state_distributing);
    this.actor_state_defaulted = bit(o.actor_state_defaulted);
    this.actor_state_expired = bit(o.actor_state_expired);
    this.partner_system_priority = o.partner_system_priority ?? 0;
    this.partner_system = o.partner_system ?? '00:00:00:00:00:00';
    this.partner_key = o.partner_key ?? 0;
    this.partner_port_priority = o.partner_port_priority ?? 0;
    this.partner_port = o.partner_port ?? 0;
    this.partner_state_activity = bit(o.partner_state_activity);
    this.partner_state_timeout = bit(o.partner_state_timeout);
    this.partner_state_aggregation = bit(o.partner_state_aggregation);
    this.partner_state_synchronization = bit(o.partner_state_synchronization);
    this.partner_state_collecting = bit(o.partner_state_collecting);
    this.partner_state_distributing = bit(o.partner_state_distributing);
    this.partner_state_defaulted = bit(o.partner_state_defaulted);
    this.partner_state_expired = bit(o.partner_state_expired);
    this.collector_max_delay = o.collector_max_delay ?? 0;
  }

  private stateByte(p: 'actor' | 'partner'): number {
    let s = 0;
    for (let i = 0; i < 8; i++) s |= (this[`${p}_state_${STATE_BITS[i]!}`] & 1) << i;
    return s;
  }

  static override decode(r: Reader, ctx: DecodeCtx): Lacp {
    const p = r.pos;
    // os-ken asserts the PDU is exactly 110 bytes and every tag/length is canonical
    if (r.end - p !== 110) {
      if (r.end - p < 110) need(r, 110, 'lacp');
      throw new PacketMalformed('lacp', `LACPDU must be 110 bytes, got ${r.end - p}`, p);
    }
    const v = r.view;
    const b = r.bytes;
    const chk = (cond: boolean, what: string): void => {
      if (!cond) throw new PacketMalformed('lacp', what, p);
    };
    chk(v.getUint8(p) === SLOW_SUBTYPE_LACP, 'subtype');
    chk(v.getUint8(p + 1) === Lacp.LACP_VERSION_NUMBER, 'version');
    chk(v.getUint8(p + 2) === 1 && v.getUint8(p + 3) === 20, 'actor TLV');
    chk(v.getUint8(p + 22) === 2 && v.getUint8(p + 23) === 20, 'partner TLV');
    chk(v.getUint8(p + 42) === 3 && v.getUint8(p + 43) === 16, 'collector TLV');
    chk(v.getUint8(p + 58) === 0 && v.getUint8(p + 59) === 0, 'terminator TLV');
    const o: Record<string, number | string> = { version: v.getUint8(p + 1) };
    for (const [name, at] of [
      ['actor', p + 4],
      ['partner', p + 24],
    ] as const) {
      o[`${name}_system_priority`] = v.getUint16(at);
      o[`${name}_system`] = macToText(b, at + 2);
      o[`${name}_key`] = v.getUint16(at + 8);
      o[`${name}_port_priority`] = v.getUint16(at + 10);
      o[`${name}_port`] = v.getUint16(at + 12);
      const st = v.getUint8(at + 14);
      for (let i = 0; i < 8; i++) o[`${name}_state_${STATE_BITS[i]!}`] = (st >> i) & 1;
    }
    o.collector_max_delay = v.getUint16(p + 44);
    r.pos = p + 110;
    ctx.next = null;
    return new Lacp(o as LacpOpts);
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const at = out.prepend(110);
    const v = out.view;
    v.setUint8(at, SLOW_SUBTYPE_LACP);
    v.setUint8(at + 1, this.version);
    const side = (off: number, tag: number, p: 'actor' | 'partner'): void => {
      v.setUint8(off, tag);
      v.setUint8(off + 1, 20);
      v.setUint16(off + 2, this[`${p}_system_priority`]);
      out.buf.set(macToBin(this[`${p}_system`]), off + 4);
      v.setUint16(off + 10, this[`${p}_key`]);
      v.setUint16(off + 12, this[`${p}_port_priority`]);
      v.setUint16(off + 14, this[`${p}_port`]);
      v.setUint8(off + 16, this.stateByte(p));
    };
    side(at + 2, 1, 'actor');
    side(at + 22, 2, 'partner');
    v.setUint8(at + 42, 3);
    v.setUint8(at + 43, 16);
    v.setUint16(at + 44, this.collector_max_delay);
  }

  override toJsonFields(): JsonObject {
    const d: JsonObject = {};
    d.actor_key = this.actor_key;
    d.actor_port = this.actor_port;
    d.actor_port_priority = this.actor_port_priority;
    for (const s of STATE_BITS) d[`actor_state_${s}`] = this[`actor_state_${s}`];
    d.actor_system = this.actor_system;
    d.actor_system_priority = this.actor_system_priority;
    d.collector_max_delay = this.collector_max_delay;
    d.partner_key = this.partner_key;
    d.partner_port = this.partner_port;
    d.partner_port_priority = this.partner_port_priority;
    for (const s of STATE_BITS) d[`partner_state_${s}`] = this[`partner_state_${s}`];
    d.partner_system = this.partner_system;
    d.partner_system_priority = this.partner_system_priority;
    d.version = this.version;
    return d;
  }

  static override fromJsonDict(d: JsonObject): Lacp {
    const o: Record<string, number | string> = {};
    for (const k of Object.keys(d)) {
      o[k] = k === 'actor_system' || k === 'partner_system' ? jStr(d, k, '00:00:00:00:00:00') : jInt(d, k, 0);
    }
    return new Lacp(o as LacpOpts);
  }
}

registerProtocol(Slow);
registerProtocol(Lacp);
SHARED_TYPES.set(ETH_TYPE_SLOW, Slow);
