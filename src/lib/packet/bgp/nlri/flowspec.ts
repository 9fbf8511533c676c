/**
 * Flow Specification NLRI (RFC 5575/8955, draft flow-spec-v6 and
 * flowspec-l2vpn), as os-ken's _FlowSpecNLRIBase subclasses and their
 * components (FlowSpecDestPrefix, FlowSpecIPProtocol, ...).
 *
 * Differences from os-ken, all on inputs os-ken mishandles: every NLRI of an
 * attribute is decoded (os-ken drops all but the first), and the 2-byte
 * length form (0xfnnn) is read and written as RFC 5575 says.
 */
import type { Cursor } from '../util.js';
import type { Writer } from '../../../../wire/writer.js';
import { ipv4ToBin, ipv4ToText, ipv6ToBin, ipv6ToText, macToBin, macToText } from '../../../../wire/addrconv.js';
import { AFI_IP, AFI_IP6, AFI_L2VPN } from '../constants.js';
import { RouteDistinguisher } from '../rd.js';
import type { JsonObject } from '../util.js';
import { b64, jsonList, malformed, needTo, rd16, readUintN, writeUintN } from '../util.js';
import type { BgpNlri } from './prefix.js';

export const END_OF_LIST = 1 << 7;
export const AND = 1 << 6;
const LENGTH_BIT_MASK = 0x30;

/* ------------------------------------------------------------------ components */

export abstract class FlowSpecComponent {
  static readonly jsonName: string = '_FlowSpecComponentBase';
  static readonly COMPONENT_NAME: string = '';
  declare type: number;
  constructor(type: number) {
    this.type = type;
  }
  abstract toJsonDict(): JsonObject;
  /** component body (operator+value, or prefix) */
  abstract writeBody(w: Writer): void;
  get isOperator(): boolean {
    return false;
  }
}

/** IPv4 prefix component (types 1, 2). addr is the network address (masked, as os-ken's netaddr does). */
export class FlowSpecPrefixComponent extends FlowSpecComponent {
  static override readonly jsonName: string = '_FlowSpecPrefixBase';
  declare length: number;
  declare addr: string;
  constructor(o: { length: number; addr: string; type?: number }, type: number) {
    super(o.type ?? type);
    this.length = o.length;
    if (o.length > 32) malformed('flowspec_prefix', `prefix length ${o.length} > 32`, 0);
    const bin = ipv4ToBin(o.addr);
    maskBits(bin, o.length);
    this.addr = ipv4ToText(bin, 0);
  }
  get value(): string {
    return `${this.addr}/${this.length}`;
  }
  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof FlowSpecComponent).jsonName]: { addr: this.addr, length: this.length, type: this.type } };
  }
  writeBody(w: Writer): void {
    const n = (this.length + 7) >> 3;
    w.u8(this.length);
    w.bytes(ipv4ToBin(this.addr).subarray(0, n));
  }
}

/** IPv6 prefix component (types 1, 2 for AFI 2): length, offset, prefix. */
export class FlowSpecIPv6PrefixComponent extends FlowSpecComponent {
  static override readonly jsonName: string = '_FlowSpecIPv6PrefixBase';
  declare length: number;
  declare offset: number;
  declare addr: string;
  constructor(o: { length: number; addr: string; offset?: number; type?: number }, type: number) {
    super(o.type ?? type);
    this.length = o.length;
    this.offset = o.offset ?? 0;
    if (o.length > 128) malformed('flowspec_prefix', `prefix length ${o.length} > 128`, 0);
    const bin = ipv6ToBin(o.addr);
    maskBits(bin, o.length);
    this.addr = ipv6ToText(bin, 0);
  }
  get value(): string {
    return `${this.addr}/${this.length}/${this.offset}`;
  }
  toJsonDict(): JsonObject {
    return {
      [(this.constructor as typeof FlowSpecComponent).jsonName]: { addr: this.addr, length: this.length, offset: this.offset, type: this.type },
    };
  }
  writeBody(w: Writer): void {
    const n = (this.length + 7) >> 3;
    w.u8(this.length);
    w.u8(this.offset);
    w.bytes(ipv6ToBin(this.addr).subarray(0, n));
  }
}

/** L2VPN MAC component (types 15, 16): length byte + 6-byte MAC. */
export class FlowSpecL2VPNPrefixComponent extends FlowSpecComponent {
  static override readonly jsonName: string = '_FlowSpecL2VPNPrefixBase';
  declare length: number;
  declare addr: string;
  constructor(o: { length: number; addr: string; type?: number }, type: number) {
    super(o.type ?? type);
    this.length = o.length;
    this.addr = o.addr.toLowerCase();
  }
  toJsonDict(): JsonObject {
    // os-ken does not annotate this addr as ascii: its JSON is base64 of the text
    const addr = Buffer.from(this.addr, 'utf8').toString('base64');
    return { [(this.constructor as typeof FlowSpecComponent).jsonName]: { addr, length: this.length, type: this.type } };
  }
  writeBody(w: Writer): void {
    w.u8(this.length);
    w.bytes(macToBin(this.addr));
  }
}

/** Numeric or bitmask operator component: one operator byte + 1/2/4/8-byte value. */
export class FlowSpecOperatorComponent extends FlowSpecComponent {
  static override readonly jsonName: string = '_FlowSpecOperatorBase';
  static readonly END_OF_LIST = END_OF_LIST;
  static readonly AND = AND;
  static readonly OR = 0;
  declare operator: number;
  declare value: number | bigint;
  constructor(o: { operator: number; value: number | bigint; type?: number }, type: number) {
    super(o.type ?? type);
    this.operator = o.operator;
    this.value = o.value;
  }
  override get isOperator(): boolean {
    return true;
  }
  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof FlowSpecComponent).jsonName]: { operator: this.operator, type: this.type, value: this.value } };
  }
  /** os-ken serialize_body: the length bits are OR-ed into the operator (mutates it, as os-ken does). */
  writeBody(w: Writer): void {
    const v = BigInt(this.value);
    let bits = 0;
    for (let x = v; x > 0n; x >>= 1n) bits++;
    const byteLength = Math.max(1, (bits + 7) >> 3);
    const code = Math.ceil(Math.log2(byteLength));
    if (code > 3) malformed('flowspec_operator', `value ${v} too large`, 0);
    this.operator |= code << 4;
    const n = 1 << code;
    w.u8(this.operator);
    w.ensure(n);
    writeUintN(w.buf, w.pos, n, this.value);
    w.pos += n;
  }
}

export class FlowSpecComponentUnknown extends FlowSpecComponent {
  static override readonly jsonName: string = 'FlowSpecComponentUnknown';
  declare buf: Uint8Array;
  constructor(o: { buf: Uint8Array; type?: number }) {
    super(o.type ?? 0);
    this.buf = o.buf;
  }
  toJsonDict(): JsonObject {
    return { FlowSpecComponentUnknown: { buf: b64(this.buf), type: this.type } };
  }
  writeBody(w: Writer): void {
    w.bytes(this.buf);
  }
}

function maskBits(bin: Uint8Array, length: number): void {
  for (let i = 0; i < bin.length; i++) {
    const keep = Math.max(0, Math.min(8, length - 8 * i));
    bin[i] = bin[i]! & ((0xff00 >> keep) & 0xff);
  }
}

type Kind = 'prefix4' | 'prefix6' | 'mac' | 'numeric' | 'bitmask';

interface ComponentClass {
  readonly jsonName: string;
  readonly COMPONENT_NAME: string;
  readonly KIND: Kind;
  readonly TYPE: number;
}

function prefix4(name: string, component: string, type: number) {
  return class extends FlowSpecPrefixComponent {
    static override readonly jsonName = name;
    static override readonly COMPONENT_NAME = component;
    static readonly KIND: Kind = 'prefix4';
    static readonly TYPE = type;
    constructor(o: { length: number; addr: string; type?: number }) {
      super(o, type);
    }
  };
}
function prefix6(name: string, component: string, type: number) {
  return class extends FlowSpecIPv6PrefixComponent {
    static override readonly jsonName = name;
    static override readonly COMPONENT_NAME = component;
    static readonly KIND: Kind = 'prefix6';
    static readonly TYPE = type;
    constructor(o: { length: number; addr: string; offset?: number; type?: number }) {
      super(o, type);
    }
  };
}
function mac(name: string, component: string, type: number) {
  return class extends FlowSpecL2VPNPrefixComponent {
    static override readonly jsonName = name;
    static override readonly COMPONENT_NAME = component;
    static readonly KIND: Kind = 'mac';
    static readonly TYPE = type;
    constructor(o: { length: number; addr: string; type?: number }) {
      super(o, type);
    }
  };
}
function op(name: string, component: string, type: number, kind: Kind = 'numeric') {
  return class extends FlowSpecOperatorComponent {
    static override readonly jsonName = name;
    static override readonly COMPONENT_NAME = component;
    static readonly KIND: Kind = kind;
    static readonly TYPE = type;
    constructor(o: { operator: number; value: number | bigint; type?: number }) {
      super(o, type);
    }
  };
}

export const FlowSpecDestPrefix = prefix4('FlowSpecDestPrefix', 'dst_prefix', 0x01);
export const FlowSpecSrcPrefix = prefix4('FlowSpecSrcPrefix', 'src_prefix', 0x02);
export const FlowSpecIPv6DestPrefix = prefix6('FlowSpecIPv6DestPrefix', 'dst_prefix', 0x01);
export const FlowSpecIPv6SrcPrefix = prefix6('FlowSpecIPv6SrcPrefix', 'src_prefix', 0x02);
export const FlowSpecIPProtocol = op('FlowSpecIPProtocol', 'ip_proto', 0x03);
export const FlowSpecNextHeader = op('FlowSpecNextHeader', 'next_header', 0x03);
export const FlowSpecPort = op('FlowSpecPort', 'port', 0x04);
export const FlowSpecDestPort = op('FlowSpecDestPort', 'dst_port', 0x05);
export const FlowSpecSrcPort = op('FlowSpecSrcPort', 'src_port', 0x06);
export const FlowSpecIcmpType = op('FlowSpecIcmpType', 'icmp_type', 0x07);
export const FlowSpecIcmpCode = op('FlowSpecIcmpCode', 'icmp_code', 0x08);
export const FlowSpecTCPFlags = op('FlowSpecTCPFlags', 'tcp_flags', 0x09, 'bitmask');
export const FlowSpecPacketLen = op('FlowSpecPacketLen', 'packet_len', 0x0a);
export const FlowSpecDSCP = op('FlowSpecDSCP', 'dscp', 0x0b);
export const FlowSpecFragment = op('FlowSpecFragment', 'fragment', 0x0c, 'bitmask');
export const FlowSpecIPv6Fragment = op('FlowSpecIPv6Fragment', 'fragment', 0x0c, 'bitmask');
export const FlowSpecIPv6FlowLabel = op('FlowSpecIPv6FlowLabel', 'flow_label', 0x0d);
export const FlowSpecEtherType = op('FlowSpecEtherType', 'ether_type', 0x0e);
export const FlowSpecSourceMac = mac('FlowSpecSourceMac', 'src_mac', 0x0f);
export const FlowSpecDestinationMac = mac('FlowSpecDestinationMac', 'dst_mac', 0x10);
export const FlowSpecLLCDSAP = op('FlowSpecLLCDSAP', 'llc_dsap', 0x11);
export const FlowSpecLLCSSAP = op('FlowSpecLLCSSAP', 'llc_ssap', 0x12);
export const FlowSpecLLCControl = op('FlowSpecLLCControl', 'llc_control', 0x13);
export const FlowSpecSNAP = op('FlowSpecSNAP', 'snap', 0x14);
export const FlowSpecVLANID = op('FlowSpecVLANID', 'vlan_id', 0x15);
export const FlowSpecVLANCoS = op('FlowSpecVLANCoS', 'vlan_cos', 0x16);
export const FlowSpecInnerVLANID = op('FlowSpecInnerVLANID', 'inner_vlan_id', 0x17);
export const FlowSpecInnerVLANCoS = op('FlowSpecInnerVLANCoS', 'inner_vlan_cos', 0x18);

type AnyComponentClass = ComponentClass & (new (o: never) => FlowSpecComponent);

/** (afi, type) -> component class (os-ken _FlowSpecComponentBase._TYPES). */
const COMPONENTS = new Map<number, AnyComponentClass>();
function reg(afi: number, ...classes: AnyComponentClass[]): void {
  for (const c of classes) COMPONENTS.set((afi << 8) | c.TYPE, c);
}
reg(AFI_IP, FlowSpecDestPrefix, FlowSpecSrcPrefix, FlowSpecIPProtocol, FlowSpecPort, FlowSpecDestPort, FlowSpecSrcPort);
reg(AFI_IP, FlowSpecIcmpType, FlowSpecIcmpCode, FlowSpecTCPFlags, FlowSpecPacketLen, FlowSpecDSCP, FlowSpecFragment);
reg(AFI_IP6, FlowSpecIPv6DestPrefix, FlowSpecIPv6SrcPrefix, FlowSpecNextHeader, FlowSpecPort, FlowSpecDestPort, FlowSpecSrcPort);
reg(AFI_IP6, FlowSpecIcmpType, FlowSpecIcmpCode, FlowSpecTCPFlags, FlowSpecPacketLen, FlowSpecDSCP, FlowSpecIPv6Fragment);
reg(AFI_IP6, FlowSpecIPv6FlowLabel);
reg(AFI_L2VPN, FlowSpecEtherType, FlowSpecSourceMac, FlowSpecDestinationMac, FlowSpecLLCDSAP, FlowSpecLLCSSAP, FlowSpecLLCControl);
reg(AFI_L2VPN, FlowSpecSNAP, FlowSpecVLANID, FlowSpecVLANCoS, FlowSpecInnerVLANID, FlowSpecInnerVLANCoS);

/** Decode the components in [r.pos, end) for `afi` (os-ken _FlowSpecNLRIBase.parser's loop). */
function decodeRules(r: Cursor, end: number, afi: number): FlowSpecComponent[] {
  const b = r.bytes;
  const rules: FlowSpecComponent[] = [];
  while (r.pos < end) {
    const type = b[r.pos++]!;
    const cls = COMPONENTS.get((afi << 8) | type);
    if (cls === undefined) {
      rules.push(new FlowSpecComponentUnknown({ buf: b.slice(r.pos, end), type }));
      r.pos = end;
      break;
    }
    switch (cls.KIND) {
      case 'prefix4': {
        needTo(r, end, 1, cls.jsonName);
        const length = b[r.pos]!;
        if (length > 32) malformed(cls.jsonName, `prefix length ${length} > 32`, r.pos);
        const n = (length + 7) >> 3;
        needTo(r, end, 1 + n, cls.jsonName);
        const a = new Uint8Array(4);
        a.set(b.subarray(r.pos + 1, r.pos + 1 + n));
        r.pos += 1 + n;
        rules.push(new (cls as unknown as PrefixCtor)({ length, addr: ipv4ToText(a, 0), type }));
        break;
      }
      case 'prefix6': {
        needTo(r, end, 2, cls.jsonName);
        const length = b[r.pos]!;
        const offset = b[r.pos + 1]!;
        if (length > 128) malformed(cls.jsonName, `prefix length ${length} > 128`, r.pos);
        const n = (length + 7) >> 3;
        needTo(r, end, 2 + n, cls.jsonName);
        const a = new Uint8Array(16);
        a.set(b.subarray(r.pos + 2, r.pos + 2 + n));
        r.pos += 2 + n;
        rules.push(new (cls as unknown as IPv6PrefixCtor)({ length, offset, addr: ipv6ToText(a, 0), type }));
        break;
      }
      case 'mac': {
        needTo(r, end, 7, cls.jsonName);
        const length = b[r.pos]!;
        const addr = macToText(b, r.pos + 1);
        r.pos += 7;
        rules.push(new (cls as unknown as PrefixCtor)({ length, addr, type }));
        break;
      }
      default: {
        // operator list: until end-of-list bit
        while (r.pos < end) {
          const operator = b[r.pos]!;
          const n = 1 << ((operator & LENGTH_BIT_MASK) >> 4);
          needTo(r, end, 1 + n, cls.jsonName);
          const value = readUintN(b, r.pos + 1, n);
          r.pos += 1 + n;
          rules.push(new (cls as unknown as OperatorCtor)({ operator, value, type }));
          if (operator & END_OF_LIST) break;
        }
      }
    }
  }
  return rules;
}

// constructor shapes used by decodeRules
type PrefixCtor = new (o: { length: number; addr: string; type?: number }) => FlowSpecComponent;
type IPv6PrefixCtor = new (o: { length: number; addr: string; offset?: number; type?: number }) => FlowSpecComponent;
type OperatorCtor = new (o: { operator: number; value: number | bigint; type?: number }) => FlowSpecComponent;

/* ------------------------------------------------------------------ NLRI */

export abstract class FlowSpecNLRIBase implements BgpNlri {
  static readonly jsonName: string = '_FlowSpecNLRIBase';
  static readonly AFI: number = AFI_IP;
  static readonly IS_VPN: boolean = false;
  static readonly FLOWSPEC_FAMILY: string = '';
  declare length: number;
  declare rules: FlowSpecComponent[];
  /** only for the VPN families ("admin:assigned"), else null and not printed */
  declare route_dist: string | null;

  constructor(o: { length?: number; rules?: FlowSpecComponent[]; route_dist?: string | null }) {
    this.length = o.length ?? 0;
    this.rules = o.rules ?? [];
    this.route_dist = o.route_dist ?? null;
    if ((this.constructor as typeof FlowSpecNLRIBase).IS_VPN && this.route_dist === null) {
      malformed((this.constructor as typeof FlowSpecNLRIBase).jsonName, 'route_dist is required', 0);
    }
  }

  toJsonDict(): JsonObject {
    const k = this.constructor as typeof FlowSpecNLRIBase;
    const d: JsonObject = { length: this.length };
    // os-ken does not annotate route_dist as ascii here: its JSON is base64 of the text
    if (k.IS_VPN) d.route_dist = this.route_dist === null ? null : Buffer.from(this.route_dist, 'utf8').toString('base64');
    d.rules = jsonList(this.rules);
    return { [k.jsonName]: d };
  }

  /** os-ken serialize: rules sorted by type, grouped, END_OF_LIST set on each group's last operator. */
  serializeTo(w: Writer): void {
    const k = this.constructor as typeof FlowSpecNLRIBase;
    const at = w.pos;
    w.u16(0); // room for the long length form; shifted later if short
    const start = w.pos;
    if (k.IS_VPN) RouteDistinguisher.fromStr(this.route_dist ?? '0:0').serializeTo(w);
    const rules = this.rules.map((x, i) => [x, i] as const).sort((a, b) => a[0].type - b[0].type || a[1] - b[1]);
    this.rules = rules.map((x) => x[0]);
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i]!;
      const first = i === 0 || this.rules[i - 1]!.type !== rule.type;
      const last = i === this.rules.length - 1 || this.rules[i + 1]!.type !== rule.type;
      if (first) w.u8(rule.type);
      if (last && rule instanceof FlowSpecOperatorComponent) rule.operator |= END_OF_LIST;
      rule.writeBody(w);
    }
    this.length = w.pos - start;
    if (this.length < 0xf0) {
      w.buf.copyWithin(at + 1, start, w.pos);
      w.buf[at] = this.length;
      w.pos -= 1;
    } else {
      if (this.length > 0xfff) malformed(k.jsonName, `NLRI too long (${this.length})`, 0);
      w.view.setUint16(at, 0xf000 | this.length);
    }
  }

  static decodeFamily(this: FlowSpecNLRIClass, r: Cursor, end: number): FlowSpecNLRIBase {
    needTo(r, end, 1, this.jsonName);
    const b = r.bytes;
    let length = b[r.pos]!;
    if (length >= 0xf0) {
      needTo(r, end, 2, this.jsonName);
      length = rd16(r.bytes, r.pos) & 0x0fff;
      r.pos += 2;
    } else r.pos += 1;
    needTo(r, end, length, this.jsonName);
    const vend = r.pos + length;
    let routeDist: string | null = null;
    if (this.IS_VPN) {
      needTo(r, vend, 8, this.jsonName);
      routeDist = RouteDistinguisher.decodeAt(b, r.pos).formatted_str;
      r.pos += 8;
    }
    const rules = decodeRules(r, vend, this.AFI);
    r.pos = vend;
    return new this({ length, rules, route_dist: routeDist });
  }

  /** Decode one NLRI of this class's family (os-ken parser). */
  static decode(this: FlowSpecNLRIClass, r: Cursor, end: number): FlowSpecNLRIBase {
    return FlowSpecNLRIBase.decodeFamily.call(this, r, end);
  }
}

type FlowSpecNLRIClass = {
  new (o: { length?: number; rules?: FlowSpecComponent[]; route_dist?: string | null }): FlowSpecNLRIBase;
  readonly jsonName: string;
  readonly AFI: number;
  readonly IS_VPN: boolean;
};

export class FlowSpecIPv4NLRI extends FlowSpecNLRIBase {
  static override readonly jsonName: string = 'FlowSpecIPv4NLRI';
  static override readonly FLOWSPEC_FAMILY: string = 'ipv4fs';
}
export class FlowSpecVPNv4NLRI extends FlowSpecNLRIBase {
  static override readonly jsonName: string = 'FlowSpecVPNv4NLRI';
  static override readonly IS_VPN: boolean = true;
  static override readonly FLOWSPEC_FAMILY: string = 'vpnv4fs';
}
export class FlowSpecIPv6NLRI extends FlowSpecNLRIBase {
  static override readonly jsonName: string = 'FlowSpecIPv6NLRI';
  static override readonly AFI: number = AFI_IP6;
  static override readonly FLOWSPEC_FAMILY: string = 'ipv6fs';
}
export class FlowSpecVPNv6NLRI extends FlowSpecNLRIBase {
  static override readonly jsonName: string = 'FlowSpecVPNv6NLRI';
  static override readonly AFI: number = AFI_IP6;
  static override readonly IS_VPN: boolean = true;
  static override readonly FLOWSPEC_FAMILY: string = 'vpnv6fs';
}
export class FlowSpecL2VPNNLRI extends FlowSpecNLRIBase {
  static override readonly jsonName: string = 'FlowSpecL2VPNNLRI';
  static override readonly AFI: number = AFI_L2VPN;
  static override readonly IS_VPN: boolean = true;
  static override readonly FLOWSPEC_FAMILY: string = 'l2vpnfs';
}
