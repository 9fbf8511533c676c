/** LLDP (IEEE 802.1AB) with all os-ken TLVs (os-ken os_ken/lib/packet/lldp.py). */
import type { Reader } from '../../wire/reader.js';
import { JsonDictError, PacketMalformed } from '../../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jArr, jClass, jInt, jIntOrNull, registerProtocol } from './packet_base.js';
import { concatBytes, keepRegion, kept } from './packet_utils.js';
import { ETH_TYPE_LLDP } from './ether_types.js';
import { Ethernet } from './ethernet.js';

export const LLDP_MAC_NEAREST_BRIDGE = '01:80:c2:00:00:0e';
export const LLDP_MAC_NEAREST_NON_TPMR_BRIDGE = '01:80:c2:00:00:03';
export const LLDP_MAC_NEAREST_CUSTOMER_BRIDGE = '01:80:c2:00:00:00';
export const LLDP_TLV_SIZE = 2;
export const LLDP_TLV_TYPE_MASK = 0xfe00;
export const LLDP_TLV_TYPE_SHIFT = 9;
export const LLDP_TLV_LENGTH_MASK = 0x01ff;
export const LLDP_TLV_END = 0;
export const LLDP_TLV_CHASSIS_ID = 1;
export const LLDP_TLV_PORT_ID = 2;
export const LLDP_TLV_TTL = 3;
export const LLDP_TLV_PORT_DESCRIPTION = 4;
export const LLDP_TLV_SYSTEM_NAME = 5;
export const LLDP_TLV_SYSTEM_DESCRIPTION = 6;
export const LLDP_TLV_SYSTEM_CAPABILITIES = 7;
export const LLDP_TLV_MANAGEMENT_ADDRESS = 8;
export const LLDP_TLV_ORGANIZATIONALLY_SPECIFIC = 127;

/** Internal: any failure inside the LLDPDU (os-ken's parser swallows all of them). */
class LLDPParseFail extends Error {}

/** true while building TLVs from wire bytes: os-ken's buf constructors do not range-check */
let decoding = false;
/*
 * While decoding, the wire header and information string of the TLV being
 * built: LLDPBasicTLV's field initialisers take them, so no store after
 * construction is needed (such stores see ten TLV classes: megamorphic).
 * 0 / 0 / null otherwise.
 */
let wireTypelen = 0;
let wireLen = 0;
let wireInfo: Uint8Array | null = null;

function fail(): never {
  throw new LLDPParseFail();
}

function b64(b: Uint8Array): string {
  return base64Encode(b);
}

function jBytes(d: JsonObject, k: string): Uint8Array | null {
  const v = d[k];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return base64Decode(v);
  throw new JsonDictError(`field ${k}: expected base64 string`);
}

/** Common TLV state (os-ken LLDPBasicTLV): typelen, len and, when decoded, tlv_info. */
export abstract class LLDPBasicTLV {
  static readonly tlvType: number = -1;
  static readonly LEN_MIN: number = 0;
  static readonly LEN_MAX: number = 511;
  typelen = wireTypelen;
  len = wireLen;
  /** the TLV information string; null for TLVs built from fields (os-ken has no attribute then) */
  tlv_info: Uint8Array | null = wireInfo;

  get tlvType(): number {
    return (this.constructor as typeof LLDPBasicTLV).tlvType;
  }

  /** set len/typelen from a computed length, checking os-ken's bounds */
  protected setLen(len: number): void {
    if (decoding) return; // decoding sets typelen/len from the wire
    const c = this.constructor as typeof LLDPBasicTLV;
    if (len < c.LEN_MIN || len > c.LEN_MAX) throw new PacketMalformed('lldp', `${c.name} length ${len} out of range`, 0);
    this.len = len;
    this.typelen = ((c.tlvType << LLDP_TLV_TYPE_SHIFT) | len) & 0xffff;
  }

  protected base(): JsonObject {
    const o: JsonObject = { len: this.len, typelen: this.typelen };
    if (this.tlv_info !== null) o.tlv_info = b64(this.tlv_info);
    return o;
  }

  protected th(): Uint8Array {
    return Uint8Array.of(this.typelen >> 8, this.typelen & 0xff);
  }

  abstract serialize(): Uint8Array;
  abstract toJsonDict(): JsonObject;
}

export class End extends LLDPBasicTLV {
  static override readonly tlvType = LLDP_TLV_END;
  // explicit: a default derived constructor forwards ...args
  constructor() {
    super();
  }
  serialize(): Uint8Array {
    return this.th();
  }
  toJsonDict(): JsonObject {
    return { End: this.base() };
  }
}

export class ChassisID extends LLDPBasicTLV {
  static override readonly tlvType = LLDP_TLV_CHASSIS_ID;
  static override readonly LEN_MIN = 2;
  static override readonly LEN_MAX = 256;
  static readonly SUB_CHASSIS_COMPONENT = 1;
  static readonly SUB_INTERFACE_ALIAS = 2;
  static readonly SUB_PORT_COMPONENT = 3;
  static readonly SUB_MAC_ADDRESS = 4;
  static readonly SUB_NETWORK_ADDRESS = 5;
  static readonly SUB_INTERFACE_NAME = 6;
  static readonly SUB_LOCALLY_ASSIGNED = 7;
  subtype: number;
  chassis_id: Uint8Array;
  constructor(opts: { subtype: number; chassis_id: Uint8Array }) {
    super();
    this.subtype = opts.subtype;
    this.chassis_id = opts.chassis_id;
    this.setLen(1 + this.chassis_id.length);
  }
  serialize(): Uint8Array {
    return concatBytes(this.th(), Uint8Array.of(this.subtype), this.chassis_id);
  }
  toJsonDict(): JsonObject {
    return { ChassisID: { ...this.base(), chassis_id: b64(this.chassis_id), subtype: this.subtype } };
  }
}

export class PortID extends LLDPBasicTLV {
  static override readonly tlvType = LLDP_TLV_PORT_ID;
  static override readonly LEN_MIN = 2;
  static override readonly LEN_MAX = 256;
  static readonly SUB_INTERFACE_ALIAS = 1;
  static readonly SUB_PORT_COMPONENT = 2;
  static readonly SUB_MAC_ADDRESS = 3;
  static readonly SUB_NETWORK_ADDRESS = 4;
  static readonly SUB_INTERFACE_NAME = 5;
  static readonly SUB_AGENT_CIRCUIT_ID = 6;
  static readonly SUB_LOCALLY_ASSIGNED = 7;
  subtype: number;
  port_id: Uint8Array;
  constructor(opts: { subtype: number; port_id: Uint8Array }) {
    super();
    this.subtype = opts.subtype;
    this.port_id = opts.port_id;
    this.setLen(1 + this.port_id.length);
  }
  serialize(): Uint8Array {
    return concatBytes(this.th(), Uint8Array.of(this.subtype), this.port_id);
  }
  toJsonDict(): JsonObject {
    return { PortID: { ...this.base(), port_id: b64(this.port_id), subtype: this.subtype } };
  }
}

export class TTL extends LLDPBasicTLV {
  static override readonly tlvType = LLDP_TLV_TTL;
  static override readonly LEN_MIN = 2;
  static override readonly LEN_MAX = 2;
  ttl: number;
  constructor(opts: { ttl: number }) {
    super();
    this.ttl = opts.ttl;
    this.setLen(2);
  }
  serialize(): Uint8Array {
    return concatBytes(this.th(), Uint8Array.of(this.ttl >> 8, this.ttl & 0xff));
  }
  toJsonDict(): JsonObject {
    return { TTL: { ...this.base(), ttl: this.ttl } };
  }
}

/** Port Description / System Name / System Description: the value is tlv_info itself. */
abstract class StringTLV extends LLDPBasicTLV {
  static override readonly LEN_MAX: number = 255;
  constructor(value: Uint8Array) {
    super();
    this.tlv_info = value;
    this.setLen(value.length);
  }
  protected get value(): Uint8Array {
    return this.tlv_info ?? new Uint8Array(0);
  }
  serialize(): Uint8Array {
    return concatBytes(this.th(), this.value);
  }
}

export class PortDescription extends StringTLV {
  static override readonly tlvType = LLDP_TLV_PORT_DESCRIPTION;
  constructor(opts: { port_description: Uint8Array }) {
    super(opts.port_description);
  }
  get port_description(): Uint8Array {
    return this.value;
  }
  toJsonDict(): JsonObject {
    return { PortDescription: this.base() };
  }
}

export class SystemName extends StringTLV {
  static override readonly tlvType = LLDP_TLV_SYSTEM_NAME;
  constructor(opts: { system_name: Uint8Array }) {
    super(opts.system_name);
  }
  get system_name(): Uint8Array {
    return this.value;
  }
  toJsonDict(): JsonObject {
    return { SystemName: this.base() };
  }
}

export class SystemDescription extends StringTLV {
  static override readonly tlvType = LLDP_TLV_SYSTEM_DESCRIPTION;
  constructor(opts: { system_description: Uint8Array }) {
    super(opts.system_description);
  }
  get system_description(): Uint8Array {
    return this.value;
  }
  toJsonDict(): JsonObject {
    return { SystemDescription: this.base() };
  }
}

export class SystemCapabilities extends LLDPBasicTLV {
  static override readonly tlvType = LLDP_TLV_SYSTEM_CAPABILITIES;
  static override readonly LEN_MIN = 4;
  static override readonly LEN_MAX = 4;
  static readonly CAP_REPEATER = 1 << 1;
  static readonly CAP_MAC_BRIDGE = 1 << 2;
  static readonly CAP_WLAN_ACCESS_POINT = 1 << 3;
  static readonly CAP_ROUTER = 1 << 4;
  static readonly CAP_TELEPHONE = 1 << 5;
  static readonly CAP_DOCSIS = 1 << 6;
  static readonly CAP_STATION_ONLY = 1 << 7;
  static readonly CAP_CVLAN = 1 << 8;
  static readonly CAP_SVLAN = 1 << 9;
  static readonly CAP_TPMR = 1 << 10;
  system_cap: number;
  enabled_cap: number;
  constructor(opts: { system_cap: number; enabled_cap: number }) {
    super();
    this.system_cap = opts.system_cap;
    this.enabled_cap = opts.enabled_cap;
    this.setLen(4);
  }
  serialize(): Uint8Array {
    return concatBytes(this.th(), Uint8Array.of(this.system_cap >> 8, this.system_cap & 0xff, this.enabled_cap >> 8, this.enabled_cap & 0xff));
  }
  toJsonDict(): JsonObject {
    return { SystemCapabilities: { ...this.base(), enabled_cap: this.enabled_cap, system_cap: this.system_cap } };
  }
}

export class ManagementAddress extends LLDPBasicTLV {
  static override readonly tlvType = LLDP_TLV_MANAGEMENT_ADDRESS;
  static override readonly LEN_MIN = 9;
  static override readonly LEN_MAX = 167;
  addr_subtype: number;
  addr: Uint8Array;
  addr_len: number;
  intf_subtype: number;
  intf_num: number;
  oid: Uint8Array;
  oid_len: number;
  constructor(opts: { addr_subtype: number; addr: Uint8Array; intf_subtype: number; intf_num: number; oid: Uint8Array }) {
    super();
    this.addr_subtype = opts.addr_subtype;
    this.addr = opts.addr;
    this.addr_len = this.addr.length + 1;
    this.intf_subtype = opts.intf_subtype;
    this.intf_num = opts.intf_num;
    this.oid = opts.oid;
    this.oid_len = this.oid.length;
    if (!decoding && this.oid_len > 128) throw new PacketMalformed('lldp', `oid length ${this.oid_len} > 128`, 0);
    this.setLen(2 + this.addr_len - 1 + 6 + this.oid_len);
  }
  serialize(): Uint8Array {
    const intf = new Uint8Array(6);
    intf[0] = this.intf_subtype;
    new DataView(intf.buffer).setUint32(1, this.intf_num >>> 0);
    intf[5] = this.oid_len;
    return concatBytes(this.th(), Uint8Array.of(this.addr_len, this.addr_subtype), this.addr, intf, this.oid);
  }
  toJsonDict(): JsonObject {
    return {
      ManagementAddress: {
        ...this.base(),
        addr: b64(this.addr),
        addr_len: this.addr_len,
        addr_subtype: this.addr_subtype,
        intf_num: this.intf_num,
        intf_subtype: this.intf_subtype,
        oid: b64(this.oid),
        oid_len: this.oid_len,
      },
    };
  }
}

export class OrganizationallySpecific extends LLDPBasicTLV {
  static override readonly tlvType = LLDP_TLV_ORGANIZATIONALLY_SPECIFIC;
  static override readonly LEN_MIN = 4;
  static override readonly LEN_MAX = 511;
  oui: Uint8Array;
  subtype: number;
  info: Uint8Array;
  constructor(opts: { oui: Uint8Array; subtype: number; info: Uint8Array }) {
    super();
    this.oui = opts.oui;
    this.subtype = opts.subtype;
    this.info = opts.info;
    this.setLen(4 + this.info.length);
  }
  serialize(): Uint8Array {
    const h = new Uint8Array(6);
    h[0] = this.typelen >> 8;
    h[1] = this.typelen & 0xff;
    h.set(this.oui.subarray(0, 3), 2);
    h[5] = this.subtype;
    return concatBytes(h, this.info);
  }
  toJsonDict(): JsonObject {
    return { OrganizationallySpecific: { ...this.base(), info: b64(this.info), oui: b64(this.oui), subtype: this.subtype } };
  }
}

export type LLDPTLV = End | ChassisID | PortID | TTL | PortDescription | SystemName | SystemDescription | SystemCapabilities | ManagementAddress | OrganizationallySpecific;

/** tlv_info of a zero-length TLV (an empty array has nothing to mutate: shared) */
const EMPTY = new Uint8Array(0);

/**
 * Build a TLV from its information string b[s, e), as os-ken's TLV(buf)
 * constructors do (`decoding` is set by the caller: no range checks, and
 * setLen is skipped since typelen/len are taken from the wire). The byte
 * fields are views on the copy of the LLDPDU made by keepRegion.
 */
function tlvFromWire(type: number, typelen: number, len: number, b: Uint8Array, s: number, e: number): LLDPTLV {
  const n = e - s;
  const info = n === 0 ? EMPTY : kept(s, e);
  wireTypelen = typelen;
  wireLen = len;
  wireInfo = info;
  let t: LLDPTLV;
  switch (type) {
    case 0: // LLDP_TLV_END
      t = new End();
      break;
    case 1: // LLDP_TLV_CHASSIS_ID
      if (n < 1) fail();
      t = new ChassisID({ subtype: b[s]!, chassis_id: kept(s + 1, e) });
      break;
    case 2: // LLDP_TLV_PORT_ID
      if (n < 1) fail();
      t = new PortID({ subtype: b[s]!, port_id: kept(s + 1, e) });
      break;
    case 3: // LLDP_TLV_TTL
      if (n < 2) fail();
      t = new TTL({ ttl: (b[s]! << 8) | b[s + 1]! });
      break;
    case 4: // LLDP_TLV_PORT_DESCRIPTION
      t = new PortDescription({ port_description: info });
      break;
    case 5: // LLDP_TLV_SYSTEM_NAME
      t = new SystemName({ system_name: info });
      break;
    case 6: // LLDP_TLV_SYSTEM_DESCRIPTION
      t = new SystemDescription({ system_description: info });
      break;
    case 7: // LLDP_TLV_SYSTEM_CAPABILITIES
      if (n < 4) fail();
      t = new SystemCapabilities({ system_cap: (b[s]! << 8) | b[s + 1]!, enabled_cap: (b[s + 2]! << 8) | b[s + 3]! });
      break;
    case 8: {
      // LLDP_TLV_MANAGEMENT_ADDRESS
      if (n < 2) fail();
      const addrLen = b[s]!;
      // os-ken: offset = 2 + addr_len - 1; struct.unpack('!BIB') of exactly 6 bytes there
      const off = s + 1 + addrLen;
      if (off + 6 > e) fail();
      const oidLen = b[off + 5]!;
      if (oidLen > 128) fail();
      const m = new ManagementAddress({
        addr_subtype: b[s + 1]!,
        addr: kept(s + 2, Math.max(s + 2, off)),
        intf_subtype: b[off]!,
        intf_num: ((b[off + 1]! << 24) | (b[off + 2]! << 16) | (b[off + 3]! << 8) | b[off + 4]!) >>> 0,
        oid: kept(off + 6, e),
      });
      m.addr_len = addrLen;
      m.oid_len = oidLen;
      t = m;
      break;
    }
    case 127: // LLDP_TLV_ORGANIZATIONALLY_SPECIFIC
      if (n < 4) fail();
      t = new OrganizationallySpecific({ oui: kept(s, s + 3), subtype: b[s + 3]!, info: kept(s + 4, e) });
      break;
    default:
      fail();
  }
  return t;
}

export class LLDP extends PacketBase {
  static override readonly jsonName = 'lldp';
  tlvs: LLDPTLV[];

  constructor(opts: { tlvs?: LLDPTLV[] } = {}) {
    super();
    this.tlvs = opts.tlvs ?? [];
  }

  override get length(): number {
    let n = 0;
    for (const t of this.tlvs) n += 2 + t.len;
    return n;
  }

  /** length is a sum of terms >= 2: non-zero iff there is a TLV */
  override isTruthy(): boolean {
    return this.tlvs.length !== 0;
  }

  /** os-ken: any failure inside the LLDPDU gives no header and the whole buffer as payload. */
  static override decode(r: Reader, ctx: DecodeCtx): LLDP | null {
    ctx.next = null;
    try {
      return LLDP.parseTlvs(r);
    } catch (e) {
      // os-ken's lldp.parser has a bare `except:`; our constructors' range checks count too
      if (e instanceof LLDPParseFail || e instanceof PacketMalformed) return null;
      throw e;
    }
  }

  private static parseTlvs(r: Reader): LLDP {
    const b = r.bytes;
    let q = r.pos;
    const end = r.end;
    const tlvs: LLDPTLV[] = [];
    // types of the first three TLVs and of the last one (os-ken's order check)
    let t0 = -1;
    let t1 = -1;
    let t2 = -1;
    let last = -1;
    decoding = true;
    keepRegion(b, q, end, r.view);
    try {
      while (q < end) {
        if (end - q < 2) fail();
        const typelen = (b[q]! << 8) | b[q + 1]!;
        const type = typelen >> 9;
        const len = typelen & 0x1ff;
        if (end - q < len + 2) fail();
        tlvs.push(tlvFromWire(type, typelen, len, b, q + 2, q + 2 + len));
        if (tlvs.length === 1) t0 = type;
        else if (tlvs.length === 2) t1 = type;
        else if (tlvs.length === 3) t2 = type;
        last = type;
        q += 2 + len;
        if (type === 0) break; // LLDP_TLV_END
        if (q >= end) fail();
      }
    } finally {
      decoding = false;
      wireTypelen = 0;
      wireLen = 0;
      wireInfo = null;
    }
    if (tlvs.length < 4) fail();
    if (t0 !== 1 || t1 !== 2 || t2 !== 3 || last !== 0) fail(); // chassis id, port id, TTL, ..., end
    r.pos = q;
    return new LLDP({ tlvs });
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const parts = this.tlvs.map((t) => t.serialize());
    out.prependBytes(concatBytes(...parts));
  }

  override toJsonFields(): JsonObject {
    return { tlvs: this.tlvs.map((t) => t.toJsonDict()) };
  }

  static override fromJsonDict(d: JsonObject): LLDP {
    return new LLDP({ tlvs: (jArr(d, 'tlvs') ?? []).map(tlvFromJson) });
  }
}

function need(b: Uint8Array | null, what: string): Uint8Array {
  if (b === null) throw new JsonDictError(`lldp: missing ${what}`);
  return b;
}

/** TLV from os-ken JSON (decoded form with tlv_info, or field form). */
export function tlvFromJson(v: JsonValue): LLDPTLV {
  const [name, d] = jClass(v, 'lldp tlv');
  const info = jBytes(d, 'tlv_info');
  let t: LLDPTLV;
  switch (name) {
    case 'End':
      t = new End();
      break;
    case 'ChassisID':
      t = new ChassisID({ subtype: jInt(d, 'subtype', 0), chassis_id: need(jBytes(d, 'chassis_id'), 'chassis_id') });
      break;
    case 'PortID':
      t = new PortID({ subtype: jInt(d, 'subtype', 0), port_id: need(jBytes(d, 'port_id'), 'port_id') });
      break;
    case 'TTL':
      t = new TTL({ ttl: jInt(d, 'ttl', 0) });
      break;
    case 'PortDescription':
      t = new PortDescription({ port_description: need(jBytes(d, 'port_description') ?? info, 'port_description') });
      break;
    case 'SystemName':
      t = new SystemName({ system_name: need(jBytes(d, 'system_name') ?? info, 'system_name') });
      break;
    case 'SystemDescription':
      t = new SystemDescription({ system_description: need(jBytes(d, 'system_description') ?? info, 'system_description') });
      break;
    case 'SystemCapabilities':
      t = new SystemCapabilities({ system_cap: jInt(d, 'system_cap', 0), enabled_cap: jInt(d, 'enabled_cap', 0) });
      break;
    case 'ManagementAddress':
      t = new ManagementAddress({
        addr_subtype: jInt(d, 'addr_subtype', 0),
        addr: need(jBytes(d, 'addr'), 'addr'),
        intf_subtype: jInt(d, 'intf_subtype', 0),
        intf_num: jInt(d, 'intf_num', 0),
        oid: jBytes(d, 'oid') ?? new Uint8Array(0),
      });
      break;
    case 'OrganizationallySpecific':
      t = new OrganizationallySpecific({ oui: need(jBytes(d, 'oui'), 'oui'), subtype: jInt(d, 'subtype', 0), info: jBytes(d, 'info') ?? new Uint8Array(0) });
      break;
    default:
      throw new JsonDictError(`unknown LLDP TLV ${name}`);
  }
  // keep the decoded form's header fields when given (exact round trip)
  const typelen = jIntOrNull(d, 'typelen', null);
  const len = jIntOrNull(d, 'len', null);
  if (typelen !== null) t.typelen = typelen;
  if (len !== null) t.len = len;
  if (info !== null) t.tlv_info = info;
  return t;
}

registerProtocol(LLDP);
Ethernet.registerPacketType(LLDP, ETH_TYPE_LLDP);
