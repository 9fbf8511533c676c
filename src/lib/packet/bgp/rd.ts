/**
 * Route Distinguishers (RFC 4364): os-ken _RouteDistinguisher and its three
 * subclasses. JSON: {"BGPTwoOctetAsRD": {"admin", "assigned", "type"}}.
 */
import type { Writer } from '../../../wire/writer.js';
import { ipv4ToBin, ipv4ToText } from '../../../wire/addrconv.js';
import type { JsonObject } from './util.js';
import { malformed } from './util.js';

export const RD_TWO_OCTET_AS = 0;
export const RD_IPV4_ADDRESS = 1;
export const RD_FOUR_OCTET_AS = 2;

export abstract class RouteDistinguisher {
  static readonly jsonName: string = '_RouteDistinguisher';
  static readonly TWO_OCTET_AS = RD_TWO_OCTET_AS;
  static readonly IPV4_ADDRESS = RD_IPV4_ADDRESS;
  static readonly FOUR_OCTET_AS = RD_FOUR_OCTET_AS;
  abstract readonly type: number;
  abstract readonly admin: number | string;
  abstract readonly assigned: number;

  /** "admin:assigned" (os-ken formatted_str) */
  get formatted_str(): string {
    return `${this.admin}:${this.assigned}`;
  }

  abstract serializeTo(w: Writer): void;

  serialize(): Uint8Array {
    const out = new Uint8Array(8);
    const v = new DataView(out.buffer);
    v.setUint16(0, this.type);
    this.writeValue(out, v);
    return out;
  }

  protected abstract writeValue(out: Uint8Array, v: DataView): void;

  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof RouteDistinguisher).jsonName]: { admin: this.admin, assigned: this.assigned, type: this.type } };
  }

  /** Decode 8 bytes at b[off]. */
  static decodeAt(b: Uint8Array, v: DataView, off: number): RouteDistinguisher {
    const type = v.getUint16(off);
    switch (type) {
      case RD_TWO_OCTET_AS:
        return new BGPTwoOctetAsRD({ admin: v.getUint16(off + 2), assigned: v.getUint32(off + 4) });
      case RD_IPV4_ADDRESS:
        return new BGPIPv4AddressRD({ admin: ipv4ToText(b, off + 2), assigned: v.getUint16(off + 6) });
      case RD_FOUR_OCTET_AS:
        return new BGPFourOctetAsRD({ admin: v.getUint32(off + 2), assigned: v.getUint16(off + 6) });
      default:
        return malformed('route_distinguisher', `unknown RD type ${type}`, off);
    }
  }

  /** os-ken _RouteDistinguisher.from_str("admin:assigned"). */
  static fromStr(s: string): RouteDistinguisher {
    const parts = s.split(':');
    if (parts.length !== 2) return malformed('route_distinguisher', `bad route distinguisher ${JSON.stringify(s)}`, 0);
    const [first, second] = parts as [string, string];
    const assigned = Number(second);
    if (!/^\d+$/.test(second)) return malformed('route_distinguisher', `bad route distinguisher ${JSON.stringify(s)}`, 0);
    if (first.includes('.')) return new BGPIPv4AddressRD({ admin: first, assigned });
    if (!/^\d+$/.test(first)) return malformed('route_distinguisher', `bad route distinguisher ${JSON.stringify(s)}`, 0);
    const admin = Number(first);
    // os-ken: int(first) > (1 << 16) selects the four-octet form
    if (admin > 65536) return new BGPFourOctetAsRD({ admin, assigned });
    return new BGPTwoOctetAsRD({ admin, assigned });
  }
}

export class BGPTwoOctetAsRD extends RouteDistinguisher {
  static override readonly jsonName = 'BGPTwoOctetAsRD';
  readonly type: number = RD_TWO_OCTET_AS;
  declare admin: number;
  declare assigned: number;
  constructor(o: { admin?: number; assigned?: number }) {
    super();
    this.admin = o.admin ?? 0;
    this.assigned = o.assigned ?? 0;
  }
  protected writeValue(_out: Uint8Array, v: DataView): void {
    v.setUint16(2, this.admin);
    v.setUint32(4, this.assigned);
  }
  serializeTo(w: Writer): void {
    w.u16(this.type);
    w.u16(this.admin);
    w.u32(this.assigned);
  }
}

export class BGPIPv4AddressRD extends RouteDistinguisher {
  static override readonly jsonName = 'BGPIPv4AddressRD';
  readonly type: number = RD_IPV4_ADDRESS;
  declare admin: string;
  declare assigned: number;
  constructor(o: { admin?: string; assigned?: number }) {
    super();
    this.admin = o.admin ?? '0.0.0.0';
    this.assigned = o.assigned ?? 0;
  }
  protected writeValue(out: Uint8Array, v: DataView): void {
    out.set(ipv4ToBin(this.admin), 2);
    v.setUint16(6, this.assigned);
  }
  serializeTo(w: Writer): void {
    w.u16(this.type);
    w.bytes(ipv4ToBin(this.admin));
    w.u16(this.assigned);
  }
}

export class BGPFourOctetAsRD extends RouteDistinguisher {
  static override readonly jsonName = 'BGPFourOctetAsRD';
  readonly type: number = RD_FOUR_OCTET_AS;
  declare admin: number;
  declare assigned: number;
  constructor(o: { admin?: number; assigned?: number }) {
    super();
    this.admin = o.admin ?? 0;
    this.assigned = o.assigned ?? 0;
  }
  protected writeValue(_out: Uint8Array, v: DataView): void {
    v.setUint32(2, this.admin);
    v.setUint16(6, this.assigned);
  }
  serializeTo(w: Writer): void {
    w.u16(this.type);
    w.u32(this.admin);
    w.u16(this.assigned);
  }
}
