/**
 * Route Distinguishers (RFC 4364): os-ken _RouteDistinguisher and its three
 * subclasses. JSON: {"BGPTwoOctetAsRD": {"admin", "assigned", "type"}}.
 */
import type { Writer } from '../../../wire/writer.js';
import { ipv4ToBin } from '../../../wire/addrconv.js';
import { v4Text } from './addr_text.js';
import type { JsonObject } from './util.js';
import { malformed, rd16, rd32 } from './util.js';

export const RD_TWO_OCTET_AS = 0;
export const RD_IPV4_ADDRESS = 1;
export const RD_FOUR_OCTET_AS = 2;

export abstract class RouteDistinguisher {
  static readonly jsonName: string = '_RouteDistinguisher';
  static readonly TWO_OCTET_AS = RD_TWO_OCTET_AS;
  static readonly IPV4_ADDRESS = RD_IPV4_ADDRESS;
  static readonly FOUR_OCTET_AS = RD_FOUR_OCTET_AS;
  declare readonly type: number;
  declare admin: number | string;
  declare assigned: number;

  constructor(type: number, admin: number | string, assigned: number) {
    this.type = type;
    this.admin = admin;
    this.assigned = assigned;
  }

  /** "admin:assigned" (os-ken formatted_str) */
  get formatted_str(): string {
    return `${this.admin}:${this.assigned}`;
  }

  /** How the administrator subfield is stored; the assigned number takes the rest of the 6 value bytes. */
  protected static readonly ADMIN: 'u16' | 'u32' | 'ipv4' = 'u16';

  serializeTo(w: Writer): void {
    w.u16(this.type);
    const admin = (this.constructor as typeof RouteDistinguisher).ADMIN;
    if (admin === 'ipv4') w.bytes(ipv4ToBin(this.admin as string));
    else if (admin === 'u16') w.u16(this.admin as number);
    else w.u32(this.admin as number);
    if (admin === 'u16') w.u32(this.assigned);
    else w.u16(this.assigned);
  }

  serialize(): Uint8Array {
    const out = new Uint8Array(8);
    const v = new DataView(out.buffer);
    v.setUint16(0, this.type);
    const admin = (this.constructor as typeof RouteDistinguisher).ADMIN;
    if (admin === 'ipv4') out.set(ipv4ToBin(this.admin as string), 2);
    else if (admin === 'u16') v.setUint16(2, this.admin as number);
    else v.setUint32(2, this.admin as number);
    if (admin === 'u16') v.setUint32(4, this.assigned);
    else v.setUint16(6, this.assigned);
    return out;
  }

  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof RouteDistinguisher).jsonName]: { admin: this.admin, assigned: this.assigned, type: this.type } };
  }

  /** Decode 8 bytes at b[off]. */
  static decodeAt(b: Uint8Array, off: number): RouteDistinguisher {
    const type = rd16(b, off);
    switch (type) {
      case RD_TWO_OCTET_AS:
        return new BGPTwoOctetAsRD({ admin: rd16(b, off + 2), assigned: rd32(b, off + 4) });
      case RD_IPV4_ADDRESS:
        return new BGPIPv4AddressRD({ admin: v4Text(b, off + 2), assigned: rd16(b, off + 6) });
      case RD_FOUR_OCTET_AS:
        return new BGPFourOctetAsRD({ admin: rd32(b, off + 2), assigned: rd16(b, off + 6) });
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
  declare admin: number;
  constructor(o: { admin?: number; assigned?: number }) {
    super(RD_TWO_OCTET_AS, o.admin ?? 0, o.assigned ?? 0);
  }
}

export class BGPIPv4AddressRD extends RouteDistinguisher {
  static override readonly jsonName = 'BGPIPv4AddressRD';
  protected static override readonly ADMIN = 'ipv4';
  declare admin: string;
  constructor(o: { admin?: string; assigned?: number }) {
    super(RD_IPV4_ADDRESS, o.admin ?? '0.0.0.0', o.assigned ?? 0);
  }
}

export class BGPFourOctetAsRD extends RouteDistinguisher {
  static override readonly jsonName = 'BGPFourOctetAsRD';
  protected static override readonly ADMIN = 'u32';
  declare admin: number;
  constructor(o: { admin?: number; assigned?: number }) {
    super(RD_FOUR_OCTET_AS, o.admin ?? 0, o.assigned ?? 0);
  }
}
