/**
 * Spanning Tree BPDUs: STP Configuration / Topology Change Notification and
 * RSTP (os-ken os_ken/lib/packet/bpdu.py). Reached through LLC (SAP 0x42).
 *
 * Timers are Python floats in os-ken (seconds = wire value / 256); they are
 * kept as numbers and printed as floats in JSON.
 */
import type { Reader } from '../../wire/reader.js';
import { macToBin, macToText } from '../../wire/addrconv.js';
import { JsonFloat, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { PacketMalformed } from '../../wire/errors.js';
import { DecodeCtx, PacketBase, PacketClass, SHARED_TYPES, SerializeBuffer, jInt, jStr, need, registerProtocol } from './packet_base.js';

export const BRIDGE_GROUP_ADDRESS = '01:80:c2:00:00:00';
export const PROTOCOL_IDENTIFIER = 0;
export const PROTOCOLVERSION_ID_BPDU = 0;
export const PROTOCOLVERSION_ID_RSTBPDU = 2;
export const TYPE_CONFIG_BPDU = 0;
export const TYPE_TOPOLOGY_CHANGE_BPDU = 0x80;
export const TYPE_RSTBPDU = 2;
export const DEFAULT_BRIDGE_PRIORITY = 32768;
export const DEFAULT_PORT_PRIORITY = 128;
export const PORT_PATH_COST_100KB = 200000000;
export const PORT_PATH_COST_1MB = 20000000;
export const PORT_PATH_COST_10MB = 2000000;
export const PORT_PATH_COST_100MB = 200000;
export const PORT_PATH_COST_1GB = 20000;
export const PORT_PATH_COST_10GB = 2000;
export const PORT_PATH_COST_100GB = 200;
export const PORT_PATH_COST_1TB = 20;
export const PORT_PATH_COST_10TB = 2;
export const DEFAULT_MAX_AGE = 20;
export const DEFAULT_HELLO_TIME = 2;
export const DEFAULT_FORWARD_DELAY = 15;
export const VERSION_1_LENGTH = 0;
/** LLC SAP of BPDUs */
export const SAP_BPDU = 0x42;

const HDR_LEN = 4;
const CONFIG_LEN = 31;

/** Base of the BPDU classes; its decoder dispatches on (version, type). */
export abstract class Bpdu extends PacketBase {
  static override readonly jsonName: string = 'bpdu';
  static override readonly MIN_LEN: number = HDR_LEN;
  static readonly VERSION_ID: number = -1;
  static readonly BPDU_TYPE: number = -1;

  static override decode(r: Reader, ctx: DecodeCtx): Bpdu | null {
    need(r, HDR_LEN, 'bpdu');
    const p = r.pos;
    const v = r.view;
    if (v.getUint16(p) !== PROTOCOL_IDENTIFIER) throw new PacketMalformed('bpdu', 'protocol identifier is not 0', p);
    const version = v.getUint8(p + 2);
    const type = v.getUint8(p + 3);
    ctx.next = null;
    if (version === PROTOCOLVERSION_ID_BPDU && type === TYPE_CONFIG_BPDU) return ConfigurationBPDUs.decodeBody(r, ConfigurationBPDUs);
    if (version === PROTOCOLVERSION_ID_RSTBPDU && type === TYPE_RSTBPDU) return ConfigurationBPDUs.decodeBody(r, RstBPDUs);
    if (version === PROTOCOLVERSION_ID_BPDU && type === TYPE_TOPOLOGY_CHANGE_BPDU) {
      // os-ken skips the 4-byte header twice here
      r.pos = Math.min(p + 2 * HDR_LEN, r.end);
      return new TopologyChangeNotificationBPDUs();
    }
    // os-ken returns the whole BPDU as raw bytes
    return null;
  }

  protected writeHeader(out: SerializeBuffer): void {
    const at = out.prepend(HDR_LEN);
    const c = this.constructor as typeof Bpdu;
    out.view.setUint16(at, PROTOCOL_IDENTIFIER);
    out.view.setUint8(at + 2, c.VERSION_ID);
    out.view.setUint8(at + 3, c.BPDU_TYPE);
  }

  static override fromJsonDict(d: JsonObject): Bpdu {
    return ConfigurationBPDUs.fromJsonDict(d);
  }
}

export interface ConfigurationBPDUsOpts {
  flags?: number;
  root_priority?: number;
  root_system_id_extension?: number;
  root_mac_address?: string;
  root_path_cost?: number;
  bridge_priority?: number;
  bridge_system_id_extension?: number;
  bridge_mac_address?: string;
  port_priority?: number;
  port_number?: number;
  message_age?: number;
  max_age?: number;
  hello_time?: number;
  forward_delay?: number;
}

const TIMER_STEP = 1 / 256;

export class ConfigurationBPDUs extends Bpdu {
  static override readonly jsonName: string = 'ConfigurationBPDUs';
  static override readonly VERSION_ID: number = PROTOCOLVERSION_ID_BPDU;
  static override readonly BPDU_TYPE: number = TYPE_CONFIG_BPDU;
  static readonly PACK_LEN: number = CONFIG_LEN;

  flags: number;
  root_priority: number;
  root_system_id_extension: number;
  root_mac_address: string;
  root_path_cost: number;
  bridge_priority: number;
  bridge_system_id_extension: number;
  bridge_mac_address: string;
  port_priority: number;
  port_number: number;
  message_age: number;
  max_age: number;
  hello_time: number;
  forward_delay: number;

  constructor(o: ConfigurationBPDUsOpts = {}) {
    super();
    this.flags = o.flags ?? 0;
    this.root_priority = o.root_priority ?? DEFAULT_BRIDGE_PRIORITY;
    this.root_system_id_extension = o.root_system_id_extension ?? 0;
    this.root_mac_address = o.root_mac_address ?? '00:00:00:00:00:00';
    this.root_path_cost = o.root_path_cost ?? 0;
    this.bridge_priority = o.bridge_priority ?? DEFAULT_BRIDGE_PRIORITY;
    this.bridge_system_id_extension = o.bridge_system_id_extension ?? 0;
    this.bridge_mac_address = o.bridge_mac_address ?? '00:00:00:00:00:00';
    this.port_priority = o.port_priority ?? DEFAULT_PORT_PRIORITY;
    this.port_number = o.port_number ?? 0;
    this.message_age = o.message_age ?? 0;
    this.max_age = o.max_age ?? DEFAULT_MAX_AGE;
    this.hello_time = o.hello_time ?? DEFAULT_HELLO_TIME;
    this.forward_delay = o.forward_delay ?? DEFAULT_FORWARD_DELAY;
    this.checkParameters();
  }

  /** os-ken check_parameters (asserts) */
  protected checkParameters(): void {
    if ((this.flags >> 1) & 0x3f) this.bad('flags bits 1-6 must be 0');
    this.checkCommon();
  }

  protected checkCommon(): void {
    if (this.root_priority % 4096) this.bad('root_priority must be a multiple of 4096');
    if (this.bridge_priority % 4096) this.bad('bridge_priority must be a multiple of 4096');
    if (this.port_priority % 16) this.bad('port_priority must be a multiple of 16');
    for (const t of [this.message_age, this.max_age, this.hello_time, this.forward_delay]) if (t % TIMER_STEP) this.bad('timers must be multiples of 1/256');
  }

  protected bad(why: string): never {
    throw new PacketMalformed((this.constructor as typeof ConfigurationBPDUs).jsonName, why, 0);
  }

  /** Decode the 31-byte body after the 4-byte header at r.pos (os-ken ConfigurationBPDUs.parser). */
  static decodeBody(r: Reader, cls: typeof ConfigurationBPDUs): ConfigurationBPDUs {
    const p = r.pos + HDR_LEN;
    const name = cls.jsonName;
    need(r, HDR_LEN + CONFIG_LEN, name);
    const v = r.view;
    const b = r.bytes;
    const rootHi = v.getUint16(p + 1);
    const bridgeHi = v.getUint16(p + 13);
    const portId = v.getUint16(p + 21);
    const o: ConfigurationBPDUsOpts = {
      flags: v.getUint8(p),
      root_priority: rootHi & 0xf000,
      root_system_id_extension: rootHi & 0xfff,
      root_mac_address: macToText(b, p + 3),
      root_path_cost: v.getUint32(p + 9),
      bridge_priority: bridgeHi & 0xf000,
      bridge_system_id_extension: bridgeHi & 0xfff,
      bridge_mac_address: macToText(b, p + 15),
      port_priority: (portId >> 8) & 0xf0,
      port_number: portId & 0xfff,
      message_age: v.getUint16(p + 23) / 256,
      max_age: v.getUint16(p + 25) / 256,
      hello_time: v.getUint16(p + 27) / 256,
      forward_delay: v.getUint16(p + 29) / 256,
    };
    let end = p + CONFIG_LEN;
    if (cls === RstBPDUs) {
      need(r, HDR_LEN + CONFIG_LEN + 1, name);
      if (v.getUint8(end) !== VERSION_1_LENGTH) throw new PacketMalformed(name, 'version_1_length must be 0', end);
      end += 1;
    }
    const msg = new cls(o);
    r.pos = end;
    return msg;
  }

  static encodeBridgeId(priority: number, ext: number, mac: string, out: DataView, at: number): void {
    out.setUint16(at, (priority + ext) & 0xffff);
    const m = macToBin(mac);
    for (let i = 0; i < 6; i++) out.setUint8(at + 2 + i, m[i]!);
  }

  protected bodyLength(): number {
    return CONFIG_LEN;
  }

  override get length(): number {
    return HDR_LEN + this.bodyLength();
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const at = out.prepend(this.bodyLength());
    const v = out.view;
    v.setUint8(at, this.flags);
    ConfigurationBPDUs.encodeBridgeId(this.root_priority, this.root_system_id_extension, this.root_mac_address, v, at + 1);
    v.setUint32(at + 9, this.root_path_cost);
    ConfigurationBPDUs.encodeBridgeId(this.bridge_priority, this.bridge_system_id_extension, this.bridge_mac_address, v, at + 13);
    v.setUint16(at + 21, ((this.port_priority << 8) + this.port_number) & 0xffff);
    // os-ken _encode_timer: int(timer) * 256 (the fraction is dropped)
    v.setUint16(at + 23, (Math.trunc(this.message_age) * 256) & 0xffff);
    v.setUint16(at + 25, (Math.trunc(this.max_age) * 256) & 0xffff);
    v.setUint16(at + 27, (Math.trunc(this.hello_time) * 256) & 0xffff);
    v.setUint16(at + 29, (Math.trunc(this.forward_delay) * 256) & 0xffff);
    if (this.bodyLength() > CONFIG_LEN) v.setUint8(at + CONFIG_LEN, VERSION_1_LENGTH);
    this.writeHeader(out);
  }

  override toJsonFields(): JsonObject {
    const f = (x: number): JsonValue => new JsonFloat(x) as unknown as JsonValue;
    return {
      bridge_mac_address: this.bridge_mac_address,
      bridge_priority: this.bridge_priority,
      bridge_system_id_extension: this.bridge_system_id_extension,
      flags: this.flags,
      forward_delay: f(this.forward_delay),
      hello_time: f(this.hello_time),
      max_age: f(this.max_age),
      message_age: f(this.message_age),
      port_number: this.port_number,
      port_priority: this.port_priority,
      root_mac_address: this.root_mac_address,
      root_path_cost: this.root_path_cost,
      root_priority: this.root_priority,
      root_system_id_extension: this.root_system_id_extension,
    };
  }

  protected static optsFromJson(d: JsonObject): ConfigurationBPDUsOpts {
    const num = (k: string, dflt: number): number => {
      const x = d[k];
      if (typeof x === 'number') return x;
      return jInt(d, k, dflt);
    };
    return {
      flags: jInt(d, 'flags', 0),
      root_priority: jInt(d, 'root_priority', DEFAULT_BRIDGE_PRIORITY),
      root_system_id_extension: jInt(d, 'root_system_id_extension', 0),
      root_mac_address: jStr(d, 'root_mac_address', '00:00:00:00:00:00'),
      root_path_cost: jInt(d, 'root_path_cost', 0),
      bridge_priority: jInt(d, 'bridge_priority', DEFAULT_BRIDGE_PRIORITY),
      bridge_system_id_extension: jInt(d, 'bridge_system_id_extension', 0),
      bridge_mac_address: jStr(d, 'bridge_mac_address', '00:00:00:00:00:00'),
      port_priority: jInt(d, 'port_priority', DEFAULT_PORT_PRIORITY),
      port_number: jInt(d, 'port_number', 0),
      message_age: num('message_age', 0),
      max_age: num('max_age', DEFAULT_MAX_AGE),
      hello_time: num('hello_time', DEFAULT_HELLO_TIME),
      forward_delay: num('forward_delay', DEFAULT_FORWARD_DELAY),
    };
  }

  static override fromJsonDict(d: JsonObject): ConfigurationBPDUs {
    return new ConfigurationBPDUs(ConfigurationBPDUs.optsFromJson(d));
  }
}

export class TopologyChangeNotificationBPDUs extends Bpdu {
  static override readonly jsonName: string = 'TopologyChangeNotificationBPDUs';
  static override readonly VERSION_ID: number = PROTOCOLVERSION_ID_BPDU;
  static override readonly BPDU_TYPE: number = TYPE_TOPOLOGY_CHANGE_BPDU;
  static readonly PACK_LEN: number = 0;

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    this.writeHeader(out);
  }

  override toJsonFields(): JsonObject {
    return {};
  }

  static override fromJsonDict(_d: JsonObject): TopologyChangeNotificationBPDUs {
    return new TopologyChangeNotificationBPDUs();
  }
}

export class RstBPDUs extends ConfigurationBPDUs {
  static override readonly jsonName: string = 'RstBPDUs';
  static override readonly VERSION_ID: number = PROTOCOLVERSION_ID_RSTBPDU;
  static override readonly BPDU_TYPE: number = TYPE_RSTBPDU;
  static override readonly PACK_LEN: number = 1;

  protected override checkParameters(): void {
    this.checkCommon();
  }

  protected override bodyLength(): number {
    return CONFIG_LEN + 1;
  }

  static override fromJsonDict(d: JsonObject): RstBPDUs {
    return new RstBPDUs(ConfigurationBPDUs.optsFromJson(d));
  }
}

registerProtocol(Bpdu as unknown as PacketClass);
registerProtocol(ConfigurationBPDUs);
registerProtocol(TopologyChangeNotificationBPDUs);
registerProtocol(RstBPDUs);
SHARED_TYPES.set(SAP_BPDU, Bpdu as unknown as PacketClass);
