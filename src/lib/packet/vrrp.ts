/**
 * Virtual Router Redundancy Protocol, VRRPv2 (RFC 3768) and VRRPv3 (RFC 5798)
 * (os-ken os_ken/lib/packet/vrrp.py). Reached through IP protocol 112 over
 * IPv4 and IPv6.
 *
 * A decoded message is a `VRRPv2` or `VRRPv3` (JSON keys 'vrrpv2'/'vrrpv3',
 * os-ken's class names); `VRRP` is the dispatcher on the version nibble.
 * The VRRPv2 checksum is the Internet checksum of the message; the VRRPv3
 * checksum includes the IPv4/IPv6 pseudo header (`checksumOk(ip, bytes)`).
 * `checksum: null` (os-ken None) means "compute while serialising".
 * os-ken's `ip_addresses` are plain `str` without an `ascii` annotation, so
 * its JSON carries them as base64 of the text; so does ours.
 */
import type { Reader } from '../../wire/reader.js';
import { ipv4ToBin, ipv4ToText, ipv6ToBin, ipv6ToText } from '../../wire/addrconv.js';
import { base64Decode, base64Encode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { JsonDictError, PacketMalformed } from '../../wire/errors.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jArr, jInt, jIntOrNull, need, registerProtocol } from './packet_base.js';
import { asIpHeader, checksum, checksumIp } from './packet_utils.js';
import { ETH_TYPE_8021Q, ETH_TYPE_IP, ETH_TYPE_IPV6 } from './ether_types.js';
import { IPPROTO_VRRP } from './in_proto.js';
import { Ethernet } from './ethernet.js';
import { IPv4 } from './ipv4.js';
import { IPv6 } from './ipv6.js';
import { VLAN } from './vlan.js';
import { Packet } from './packet.js';

export const VRRP_IPV4_SRC_MAC_ADDRESS_FMT = '00:00:5E:00:01:%02x';
export const VRRP_IPV4_DST_MAC_ADDRESS = '01:00:5E:00:00:12';
export const VRRP_IPV4_DST_ADDRESS = '224.0.0.18';
export const VRRP_IPV4_TTL = 255;
export const VRRP_IPV6_SRC_MAC_ADDRESS_FMT = '00:00:5E:00:02:%02x';
export const VRRP_IPV6_DST_MAC_ADDRESS = '33:33:00:00:00:12';
export const VRRP_IPV6_DST_ADDRESS = 'ff02::12';
export const VRRP_IPV6_HOP_LIMIT = 255;
export const VRRP_VERSION_SHIFT = 4;
export const VRRP_TYPE_MASK = 0xf;
export const VRRP_VERSION_V2 = 2;
export const VRRP_VERSION_V3 = 3;
export const VRRP_TYPE_ADVERTISEMENT = 1;
export const VRRP_VRID_MIN = 1;
export const VRRP_VRID_MAX = 255;
export const VRRP_PRIORITY_MIN = 0;
export const VRRP_PRIORITY_MAX = 255;
export const VRRP_PRIORITY_RELEASE_RESPONSIBILITY = 0;
export const VRRP_PRIORITY_BACKUP_MIN = 1;
export const VRRP_PRIORITY_BACKUP_DEFAULT = 100;
export const VRRP_PRIORITY_BACKUP_MAX = 254;
export const VRRP_PRIORITY_ADDRESS_OWNER = 255;
export const VRRP_AUTH_NO_AUTH = 0;
export const VRRP_AUTH_RESERVED1 = 1;
export const VRRP_AUTH_RESERVED2 = 2;
export const VRRP_AUTH_DATA1 = 0;
export const VRRP_AUTH_DATA2 = 0;
export const VRRP_AUTH_DATA: readonly [number, number] = [VRRP_AUTH_DATA1, VRRP_AUTH_DATA2];
export const VRRP_MAX_ADVER_INT_DEFAULT_IN_SEC = 1;
export const VRRP_V3_MAX_ADVER_INT_MASK = 0xfff;
export const VRRP_V3_MAX_ADVER_INT_DEFAULT = 100;
export const VRRP_V3_MAX_ADVER_INT_MIN = 1;
export const VRRP_V3_MAX_ADVER_INT_MAX = 0xfff;
export const VRRP_V2_MAX_ADVER_INT_MASK = 0xff;
export const VRRP_V2_MAX_ADVER_INT_DEFAULT = 1;
export const VRRP_V2_MAX_ADVER_INT_MIN = 1;
export const VRRP_V2_MAX_ADVER_INT_MAX = 0xff;

const hex2 = (n: number): string => (n & 0xff).toString(16).padStart(2, '0');
export const vrrpIpv4SrcMacAddress = (vrid: number): string => `00:00:5E:00:01:${hex2(vrid)}`;
export const vrrpIpv6SrcMacAddress = (vrid: number): string => `00:00:5E:00:02:${hex2(vrid)}`;
export const vrrpFromVersionType = (vt: number): [number, number] => [vt >> VRRP_VERSION_SHIFT, vt & VRRP_TYPE_MASK];
export const vrrpToVersionType = (version: number, type: number): number => ((version << VRRP_VERSION_SHIFT) | type) & 0xff;

const DOTTED_QUAD = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** os-ken is_ipv6: not parseable as IPv4 (and parseable as IPv6, else AddressError). */
export function isIpv6(ip: string): boolean {
  if (DOTTED_QUAD.test(ip)) {
    try {
      ipv4ToBin(ip);
      return false;
    } catch {
      // e.g. an octet > 255: not IPv4, try IPv6 below
    }
  }
  ipv6ToBin(ip);
  return true;
}
export function ipTextToBin(ip: string): Uint8Array {
  return isIpv6(ip) ? ipv6ToBin(ip) : ipv4ToBin(ip);
}
/** os-ken ip_address_lt: byte-wise comparison of the binary addresses. */
export function ipAddressLt(a: string, b: string): boolean {
  return Buffer.compare(Buffer.from(ipTextToBin(a)), Buffer.from(ipTextToBin(b))) < 0;
}

/** units of max_adver_int per second (os-ken _SEC_IN_MAX_ADVER_INT_UNIT) */
const UNITS_PER_SEC: Record<number, number> = { [VRRP_VERSION_V2]: 1, [VRRP_VERSION_V3]: 100 };
function unitsPerSec(version: number): number {
  const u = UNITS_PER_SEC[version];
  if (u === undefined) throw new PacketMalformed('vrrp', `unknown VRRP version ${version}`, 0);
  return u;
}

export interface VRRPOpts {
  version: number;
  type: number;
  vrid: number;
  priority: number;
  count_ip: number;
  max_adver_int: number;
  checksum: number | null;
  ip_addresses: string[];
  auth_type?: number | null;
  auth_data?: [number, number] | null;
}

/** Common part of VRRPv2/VRRPv3 (os-ken vrrp). */
export abstract class VRRP extends PacketBase {
  static override readonly jsonName: string = 'vrrp';
  static override readonly MIN_LEN: number = 8;

  version: number;
  type: number;
  vrid: number;
  priority: number;
  count_ip: number;
  max_adver_int: number;
  checksum: number | null;
  ip_addresses: string[];
  auth_type: number | null;
  auth_data: [number, number] | null;
  identification: number;
  private readonly _is_ipv6: boolean;

  constructor(o: VRRPOpts) {
    super();
    this.version = o.version;
    this.type = o.type;
    this.vrid = o.vrid;
    this.priority = o.priority;
    this.count_ip = o.count_ip;
    this.max_adver_int = o.max_adver_int;
    this.checksum = o.checksum;
    this.ip_addresses = o.ip_addresses;
    this.auth_type = o.auth_type ?? null;
    this.auth_data = o.auth_data ?? null;
    this.identification = 0;
    // os-ken asserts len(ip_addresses) == count_ip and reads ip_addresses[0]
    if (o.ip_addresses.length !== o.count_ip) throw new PacketMalformed('vrrp', `count_ip ${o.count_ip} != ${o.ip_addresses.length} addresses`, 0);
    if (o.ip_addresses.length === 0) throw new PacketMalformed('vrrp', 'no virtual IP address', 0);
    this._is_ipv6 = isIpv6(o.ip_addresses[0]!);
  }

  get isIpv6(): boolean {
    return this._is_ipv6;
  }

  get maxAdverIntInSec(): number {
    return VRRP.maxAdverIntToSec(this.version, this.max_adver_int);
  }

  static secToMaxAdverInt(version: number, seconds: number): number {
    return Math.trunc(seconds * unitsPerSec(version));
  }

  static maxAdverIntToSec(version: number, maxAdverInt: number): number {
    return maxAdverInt / unitsPerSec(version);
  }

  /** os-ken vrrp.is_valid_ttl */
  static isValidTtl(ip: IPv4 | IPv6): boolean {
    return ip instanceof IPv4 ? ip.ttl === VRRP_IPV4_TTL : ip.hop_limit === VRRP_IPV6_HOP_LIMIT;
  }

  /** os-ken vrrp.get_payload: the first IP header and the VRRP message right after it. */
  static getPayload(pkt: Packet): [IPv4 | IPv6, VRRP] | [null, null] {
    const ps = pkt.protocols;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i];
      if (p instanceof IPv4 || p instanceof IPv6) {
        const n = ps[i + 1];
        return n instanceof VRRP ? [p, n] : [null, null];
      }
    }
    return [null, null];
  }

  /** os-ken vrrp.create_version (priority/max_adver_int null -> defaults). */
  static createVersion(
    version: number,
    type: number,
    vrid: number,
    priority: number | null,
    maxAdverInt: number | null,
    ipAddresses: string[],
    authType: number | null = null,
    authData: [number, number] | null = null,
  ): VRRP {
    const C = version === VRRP_VERSION_V2 ? VRRPv2 : version === VRRP_VERSION_V3 ? VRRPv3 : null;
    if (C === null) throw new JsonDictError(`unknown VRRP version ${version}`);
    return new C({
      version,
      type,
      vrid,
      priority: priority ?? VRRP_PRIORITY_BACKUP_DEFAULT,
      count_ip: ipAddresses.length,
      max_adver_int: maxAdverInt ?? VRRP.secToMaxAdverInt(version, VRRP_MAX_ADVER_INT_DEFAULT_IN_SEC),
      checksum: null,
      ip_addresses: ipAddresses,
      auth_type: authType,
      auth_data: authData,
    });
  }

  /** os-ken get_identification: 1..65535, wrapping (never 0). */
  getIdentification(): number {
    this.identification = (this.identification + 1) & 0xffff;
    if (this.identification === 0) this.identification = 1;
    return this.identification;
  }

  /** os-ken create_packet: Ethernet [+ VLAN] + IPv4/IPv6 + this message, ready to serialise. */
  createPacket(primaryIpAddress: string, vlanId: number | null = null): Packet {
    let e: Ethernet;
    let ip: IPv4 | IPv6;
    if (this.isIpv6) {
      e = new Ethernet({ dst: VRRP_IPV6_DST_MAC_ADDRESS, src: vrrpIpv6SrcMacAddress(this.vrid), ethertype: ETH_TYPE_IPV6 });
      ip = new IPv6({
        version: 6,
        traffic_class: 0xc0,
        flow_label: 0,
        payload_length: 40 + this.length,
        nxt: IPPROTO_VRRP,
        hop_limit: VRRP_IPV6_HOP_LIMIT,
        src: primaryIpAddress,
        dst: VRRP_IPV6_DST_ADDRESS,
      });
    } else {
      const identification = this.getIdentification();
      e = new Ethernet({ dst: VRRP_IPV4_DST_MAC_ADDRESS, src: vrrpIpv4SrcMacAddress(this.vrid), ethertype: ETH_TYPE_IP });
      ip = new IPv4({
        version: 4,
        header_length: 5,
        tos: 0xc0,
        total_length: 0,
        identification,
        flags: 0,
        offset: 0,
        ttl: VRRP_IPV4_TTL,
        proto: IPPROTO_VRRP,
        csum: 0,
        src: primaryIpAddress,
        dst: VRRP_IPV4_DST_ADDRESS,
      });
    }
    const p = new Packet();
    p.addProtocol(e);
    if (vlanId !== null) {
      p.addProtocol(new VLAN({ pcp: 0, cfi: 0, vid: vlanId, ethertype: e.ethertype }));
      e.ethertype = ETH_TYPE_8021Q;
    }
    p.addProtocol(ip);
    p.addProtocol(this);
    return p;
  }

  /** Checksum of the received message bytes is correct (v3: with the IP pseudo header). */
  abstract checksumOk(ip: IPv4 | IPv6 | null, vrrpBuf: Uint8Array): boolean;
  /** os-ken is_valid: field ranges for an advertisement. */
  abstract isValid(): boolean;

  static override decode(r: Reader, ctx: DecodeCtx): VRRP {
    need(r, 1, 'vrrp');
    const version = r.bytes[r.pos]! >> VRRP_VERSION_SHIFT;
    if (version === VRRP_VERSION_V2) return VRRPv2.decode(r, ctx);
    if (version === VRRP_VERSION_V3) return VRRPv3.decode(r, ctx);
    throw new PacketMalformed('vrrp', `unknown VRRP version ${version}`, r.pos);
  }

  override toJsonFields(): JsonObject {
    return {
      auth_data: this.auth_data === null ? null : [this.auth_data[0], this.auth_data[1]],
      auth_type: this.auth_type,
      checksum: this.checksum,
      count_ip: this.count_ip,
      identification: this.identification,
      ip_addresses: this.ip_addresses.map((a) => base64Encode(Buffer.from(a, 'utf8'))),
      max_adver_int: this.max_adver_int,
      priority: this.priority,
      type: this.type,
      version: this.version,
      vrid: this.vrid,
    };
  }

  protected static optsFromJson(d: JsonObject, version: number): VRRPOpts {
    const addrs = (jArr(d, 'ip_addresses') ?? []).map((x: JsonValue) => {
      if (typeof x !== 'string') throw new JsonDictError('vrrp.ip_addresses: expected base64 strings');
      return Buffer.from(base64Decode(x)).toString('utf8');
    });
    const ad = jArr(d, 'auth_data');
    let auth_data: [number, number] | null = null;
    if (ad !== null) {
      if (ad.length !== 2 || typeof ad[0] !== 'number' || typeof ad[1] !== 'number') throw new JsonDictError('vrrp.auth_data: expected two integers');
      auth_data = [ad[0], ad[1]];
    }
    return {
      version: jInt(d, 'version', version),
      type: jInt(d, 'type', VRRP_TYPE_ADVERTISEMENT),
      vrid: jInt(d, 'vrid', 0),
      priority: jInt(d, 'priority', VRRP_PRIORITY_BACKUP_DEFAULT),
      count_ip: jInt(d, 'count_ip', addrs.length),
      max_adver_int: jInt(d, 'max_adver_int', 0),
      checksum: jIntOrNull(d, 'checksum', null),
      ip_addresses: addrs,
      auth_type: jIntOrNull(d, 'auth_type', null),
      auth_data,
    };
  }
}

/** VRRP version 2 (RFC 3768): IPv4 only, with the (obsolete) auth fields. */
export class VRRPv2 extends VRRP {
  static override readonly jsonName = 'vrrpv2';

  override get length(): number {
    return 8 + 4 * this.count_ip + 8;
  }

  static create(type: number, vrid: number, priority: number | null, maxAdverInt: number | null, ipAddresses: string[]): VRRPv2 {
    return VRRP.createVersion(VRRP_VERSION_V2, type, vrid, priority, maxAdverInt, ipAddresses, VRRP_AUTH_NO_AUTH, [VRRP_AUTH_DATA1, VRRP_AUTH_DATA2]) as VRRPv2;
  }

  static override decode(r: Reader, ctx: DecodeCtx): VRRPv2 {
    need(r, 8, 'vrrpv2');
    const p = r.pos;
    const b = r.bytes;
    const v = r.view;
    const count = b[p + 3]!;
    need(r, 8 + 4 * count + 8, 'vrrpv2');
    const ips: string[] = [];
    for (let i = 0; i < count; i++) ips.push(ipv4ToText(b, p + 8 + 4 * i));
    const a = p + 8 + 4 * count;
    const [version, type] = vrrpFromVersionType(b[p]!);
    const m = new VRRPv2({
      version,
      type,
      vrid: b[p + 1]!,
      priority: b[p + 2]!,
      count_ip: count,
      max_adver_int: b[p + 5]!,
      checksum: v.getUint16(p + 6),
      ip_addresses: ips,
      auth_type: b[p + 4]!,
      auth_data: [v.getUint32(a), v.getUint32(a + 4)],
    });
    r.pos = a + 8;
    ctx.next = null;
    return m;
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    if (this.isIpv6) throw new PacketMalformed('vrrpv2', 'VRRPv2 carries IPv4 addresses only', 0);
    if (this.ip_addresses.length !== this.count_ip) throw new PacketMalformed('vrrpv2', 'count_ip does not match ip_addresses', 0);
    const compute = this.checksum === null;
    if (compute) this.checksum = 0;
    if (this.auth_type === null) this.auth_type = VRRP_AUTH_NO_AUTH;
    if (this.auth_data === null) this.auth_data = [VRRP_AUTH_DATA1, VRRP_AUTH_DATA2];
    const n = this.length;
    const at = out.prepend(n);
    const b = out.buf;
    const v = out.view;
    b[at] = vrrpToVersionType(this.version, this.type);
    b[at + 1] = this.vrid;
    b[at + 2] = this.priority;
    b[at + 3] = this.count_ip;
    b[at + 4] = this.auth_type;
    b[at + 5] = this.max_adver_int;
    v.setUint16(at + 6, this.checksum ?? 0);
    this.ip_addresses.forEach((ip, i) => b.set(ipv4ToBin(ip), at + 8 + 4 * i));
    v.setUint32(at + n - 8, this.auth_data[0] >>> 0);
    v.setUint32(at + n - 4, this.auth_data[1] >>> 0);
    if (compute) {
      this.checksum = checksum(b, at, at + n);
      v.setUint16(at + 6, this.checksum);
    }
  }

  checksumOk(_ip: IPv4 | IPv6 | null, vrrpBuf: Uint8Array): boolean {
    return checksum(vrrpBuf) === 0;
  }

  isValid(): boolean {
    return (
      this.version === VRRP_VERSION_V2 &&
      this.type === VRRP_TYPE_ADVERTISEMENT &&
      this.vrid >= VRRP_VRID_MIN &&
      this.vrid <= VRRP_VRID_MAX &&
      this.priority >= VRRP_PRIORITY_MIN &&
      this.priority <= VRRP_PRIORITY_MAX &&
      this.auth_type === VRRP_AUTH_NO_AUTH &&
      this.max_adver_int >= VRRP_V2_MAX_ADVER_INT_MIN &&
      this.max_adver_int <= VRRP_V2_MAX_ADVER_INT_MAX &&
      this.count_ip === this.ip_addresses.length
    );
  }

  static override fromJsonDict(d: JsonObject): VRRPv2 {
    return new VRRPv2(VRRP.optsFromJson(d, VRRP_VERSION_V2));
  }
}

/** VRRP version 3 (RFC 5798): IPv4 or IPv6 addresses, centisecond interval, pseudo-header checksum. */
export class VRRPv3 extends VRRP {
  static override readonly jsonName = 'vrrpv3';

  override get length(): number {
    return 8 + (this.isIpv6 ? 16 : 4) * this.count_ip;
  }

  static create(type: number, vrid: number, priority: number | null, maxAdverInt: number | null, ipAddresses: string[]): VRRPv3 {
    return VRRP.createVersion(VRRP_VERSION_V3, type, vrid, priority, maxAdverInt, ipAddresses) as VRRPv3;
  }

  static override decode(r: Reader, ctx: DecodeCtx): VRRPv3 {
    need(r, 8, 'vrrpv3');
    const p = r.pos;
    const b = r.bytes;
    const v = r.view;
    const count = b[p + 3]!;
    // os-ken: address_len = (len(buf) - 8) // count_ip (ZeroDivisionError / ValueError otherwise)
    if (count === 0) throw new PacketMalformed('vrrpv3', 'count_ip is 0', p);
    const alen = Math.floor((r.end - p - 8) / count);
    if (alen !== 4 && alen !== 16) throw new PacketMalformed('vrrpv3', `unknown address length ${alen}`, p);
    const ips: string[] = [];
    for (let i = 0; i < count; i++) ips.push(alen === 4 ? ipv4ToText(b, p + 8 + 4 * i) : ipv6ToText(b, p + 8 + 16 * i));
    const [version, type] = vrrpFromVersionType(b[p]!);
    const m = new VRRPv3({
      version,
      type,
      vrid: b[p + 1]!,
      priority: b[p + 2]!,
      count_ip: count,
      max_adver_int: v.getUint16(p + 4) & VRRP_V3_MAX_ADVER_INT_MASK,
      checksum: v.getUint16(p + 6),
      ip_addresses: ips,
    });
    r.pos = p + m.length;
    ctx.next = null;
    return m;
  }

  override serializeInto(out: SerializeBuffer, prev: PacketBase | null): void {
    let v6: boolean;
    if (prev instanceof IPv4) v6 = false;
    else if (prev instanceof IPv6) v6 = true;
    else throw new PacketMalformed('vrrpv3', 'VRRPv3 needs an IPv4 or IPv6 outer header', 0);
    if (this.ip_addresses.length !== this.count_ip) throw new PacketMalformed('vrrpv3', 'count_ip does not match ip_addresses', 0);
    if (this.max_adver_int > VRRP_V3_MAX_ADVER_INT_MASK) throw new PacketMalformed('vrrpv3', `max_adver_int ${this.max_adver_int} > 4095`, 0);
    const alen = v6 ? 16 : 4;
    const n = 8 + alen * this.count_ip;
    const compute = this.checksum === null;
    if (compute) this.checksum = 0;
    const at = out.prepend(n);
    const b = out.buf;
    const v = out.view;
    b[at] = vrrpToVersionType(this.version, this.type);
    b[at + 1] = this.vrid;
    b[at + 2] = this.priority;
    b[at + 3] = this.count_ip;
    v.setUint16(at + 4, this.max_adver_int);
    v.setUint16(at + 6, this.checksum ?? 0);
    this.ip_addresses.forEach((ip, i) => b.set(v6 ? ipv6ToBin(ip) : ipv4ToBin(ip), at + 8 + alen * i));
    if (compute) {
      this.checksum = checksumIp(asIpHeader(prev), n, b, at, at + n, 'vrrpv3');
      v.setUint16(at + 6, this.checksum);
    }
  }

  checksumOk(ip: IPv4 | IPv6 | null, vrrpBuf: Uint8Array): boolean {
    return checksumIp(asIpHeader(ip), this.length, vrrpBuf, 0, vrrpBuf.length, 'vrrpv3') === 0;
  }

  isValid(): boolean {
    return (
      this.version === VRRP_VERSION_V3 &&
      this.type === VRRP_TYPE_ADVERTISEMENT &&
      this.vrid >= VRRP_VRID_MIN &&
      this.vrid <= VRRP_VRID_MAX &&
      this.priority >= VRRP_PRIORITY_MIN &&
      this.priority <= VRRP_PRIORITY_MAX &&
      this.max_adver_int >= VRRP_V3_MAX_ADVER_INT_MIN &&
      this.max_adver_int <= VRRP_V3_MAX_ADVER_INT_MAX &&
      this.count_ip === this.ip_addresses.length
    );
  }

  static override fromJsonDict(d: JsonObject): VRRPv3 {
    return new VRRPv3(VRRP.optsFromJson(d, VRRP_VERSION_V3));
  }
}

registerProtocol(VRRPv2);
registerProtocol(VRRPv3);
// os-ken registers vrrp for IPPROTO_VRRP on ipv4 and ipv6 (one shared table)
IPv4.registerPacketType(VRRP, IPPROTO_VRRP);
