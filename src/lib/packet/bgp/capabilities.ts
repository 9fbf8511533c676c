/**
 * OPEN optional parameters (os-ken _OptParam) and capabilities (RFC 5492,
 * os-ken _OptParamCapability subclasses).
 *
 * As in os-ken, every capability of a Capabilities parameter becomes one
 * entry of BGPOpen.opt_param, whose `length` is cap_length + 2, and
 * serialising writes one parameter per capability.
 * Unlike os-ken, a capability's value is bounded by its own cap_length
 * (os-ken hands the rest of the whole parameter to Unknown and
 * GracefulRestart capabilities).
 */
import type { Cursor } from './util.js';
import type { Writer } from '../../../wire/writer.js';
import * as C from './constants.js';
import type { BgpOptions, JsonObject, JsonValue } from './util.js';
import { b64, malformed, needTo, rd16, rd32 } from './util.js';

/** os-ken _OptParam */
export abstract class BGPOptParam {
  static readonly jsonName: string = '_OptParam';
  declare type: number;
  declare length: number | null;
  constructor(type: number, length: number | null) {
    this.type = type;
    this.length = length;
  }
  abstract toJsonDict(): JsonObject;
  abstract serializeTo(w: Writer): void;
}

export class BGPOptParamUnknown extends BGPOptParam {
  static override readonly jsonName: string = 'BGPOptParamUnknown';
  declare value: Uint8Array;
  constructor(o: { type: number; value: Uint8Array; length?: number | null }) {
    super(o.type, o.length ?? null);
    this.value = o.value;
  }
  toJsonDict(): JsonObject {
    return { BGPOptParamUnknown: { length: this.length, type: this.type, value: b64(this.value) } };
  }
  serializeTo(w: Writer): void {
    this.length = this.value.length;
    w.u8(this.type);
    w.u8(this.length);
    w.bytes(this.value);
  }
}

interface CapHdr {
  cap_code?: number;
  cap_length?: number | null;
  type?: number;
  length?: number | null;
}

/** os-ken _OptParamCapability: one capability, serialised as its own Capabilities parameter. */
export abstract class BGPOptParamCapability extends BGPOptParam {
  static readonly CAP_CODE: number = 0;
  declare cap_code: number;
  declare cap_length: number | null;
  constructor(o: CapHdr) {
    super(C.BGP_OPT_CAPABILITY, o.length ?? null);
    this.cap_code = o.cap_code ?? (this.constructor as typeof BGPOptParamCapability).CAP_CODE;
    this.cap_length = o.cap_length ?? null;
  }
  protected abstract capFields(): JsonObject;
  protected abstract writeCapValue(w: Writer): void;

  toJsonDict(): JsonObject {
    const d: JsonObject = { cap_code: this.cap_code };
    if (this.cap_length !== null) d.cap_length = this.cap_length;
    const f = this.capFields();
    for (const k in f) d[k] = f[k]!;
    d.length = this.length;
    d.type = this.type;
    const out: JsonObject = {};
    for (const k of Object.keys(d).sort()) out[k] = d[k]!;
    return { [(this.constructor as typeof BGPOptParamCapability).jsonName]: out };
  }

  serializeTo(w: Writer): void {
    const at = w.pos;
    w.u8(this.type);
    w.u8(0);
    w.u8(this.cap_code);
    w.u8(0);
    this.writeCapValue(w);
    this.cap_length = w.pos - at - 4;
    if (this.cap_length > 253) malformed('capability', `value too long (${this.cap_length})`, 0);
    this.length = this.cap_length + 2;
    w.buf[at + 1] = this.length;
    w.buf[at + 3] = this.cap_length;
  }
}

export class BGPOptParamCapabilityUnknown extends BGPOptParamCapability {
  static override readonly jsonName: string = 'BGPOptParamCapabilityUnknown';
  declare cap_value: Uint8Array;
  constructor(o: { cap_value: Uint8Array } & CapHdr) {
    super(o);
    this.cap_value = o.cap_value;
  }
  protected capFields(): JsonObject {
    return { cap_value: b64(this.cap_value) };
  }
  protected writeCapValue(w: Writer): void {
    w.bytes(this.cap_value);
  }
}

abstract class EmptyCapability extends BGPOptParamCapability {
  constructor(o: CapHdr = {}) {
    super(o);
  }
  protected capFields(): JsonObject {
    return {};
  }
  protected writeCapValue(): void {}
}

export class BGPOptParamCapabilityRouteRefresh extends EmptyCapability {
  static override readonly jsonName: string = 'BGPOptParamCapabilityRouteRefresh';
  static override readonly CAP_CODE: number = C.BGP_CAP_ROUTE_REFRESH;
}
export class BGPOptParamCapabilityCiscoRouteRefresh extends EmptyCapability {
  static override readonly jsonName: string = 'BGPOptParamCapabilityCiscoRouteRefresh';
  static override readonly CAP_CODE: number = C.BGP_CAP_ROUTE_REFRESH_CISCO;
}
export class BGPOptParamCapabilityEnhancedRouteRefresh extends EmptyCapability {
  static override readonly jsonName: string = 'BGPOptParamCapabilityEnhancedRouteRefresh';
  static override readonly CAP_CODE: number = C.BGP_CAP_ENHANCED_ROUTE_REFRESH;
}
export class BGPOptParamCapabilityCarryingLabelInfo extends EmptyCapability {
  static override readonly jsonName: string = 'BGPOptParamCapabilityCarryingLabelInfo';
  static override readonly CAP_CODE: number = C.BGP_CAP_CARRYING_LABEL_INFO;
}

export class BGPOptParamCapabilityGracefulRestart extends BGPOptParamCapability {
  static override readonly jsonName: string = 'BGPOptParamCapabilityGracefulRestart';
  static override readonly CAP_CODE: number = C.BGP_CAP_GRACEFUL_RESTART;
  declare flags: number;
  declare time: number;
  /** [afi, safi, flags] per family */
  declare tuples: [number, number, number][];
  constructor(o: { flags: number; time: number; tuples: [number, number, number][] } & CapHdr) {
    super(o);
    this.flags = o.flags;
    this.time = o.time;
    this.tuples = o.tuples;
  }
  protected capFields(): JsonObject {
    return { flags: this.flags, time: this.time, tuples: this.tuples.map((t): JsonValue => t.slice()) };
  }
  protected writeCapValue(w: Writer): void {
    w.u16(((this.flags << 12) | (this.time & 0xfff)) & 0xffff);
    for (const [afi, safi, flags] of this.tuples) {
      w.u16(afi);
      w.u8(safi);
      w.u8(flags);
    }
  }
}

export class BGPOptParamCapabilityFourOctetAsNumber extends BGPOptParamCapability {
  static override readonly jsonName: string = 'BGPOptParamCapabilityFourOctetAsNumber';
  static override readonly CAP_CODE: number = C.BGP_CAP_FOUR_OCTET_AS_NUMBER;
  declare as_number: number;
  constructor(o: { as_number: number } & CapHdr) {
    super(o);
    this.as_number = o.as_number;
  }
  protected capFields(): JsonObject {
    return { as_number: this.as_number };
  }
  protected writeCapValue(w: Writer): void {
    w.u32(this.as_number);
  }
}

export class BGPOptParamCapabilityMultiprotocol extends BGPOptParamCapability {
  static override readonly jsonName: string = 'BGPOptParamCapabilityMultiprotocol';
  static override readonly CAP_CODE: number = C.BGP_CAP_MULTIPROTOCOL;
  declare afi: number;
  declare reserved: number;
  declare safi: number;
  constructor(o: { afi: number; safi: number; reserved?: number } & CapHdr) {
    super(o);
    this.afi = o.afi;
    this.reserved = o.reserved ?? 0;
    this.safi = o.safi;
  }
  protected capFields(): JsonObject {
    return { afi: this.afi, reserved: this.reserved, safi: this.safi };
  }
  protected writeCapValue(w: Writer): void {
    this.reserved = 0;
    w.u16(this.afi);
    w.u8(this.reserved);
    w.u8(this.safi);
  }
}

/** RFC 7911 ADD-PATH capability (osken extension; decoded only with options.extensions). */
export class BGPOptParamCapabilityAddPath extends BGPOptParamCapability {
  static override readonly jsonName: string = 'BGPOptParamCapabilityAddPath';
  static override readonly CAP_CODE: number = C.BGP_CAP_ADD_PATH;
  static readonly RECEIVE = 1;
  static readonly SEND = 2;
  /** [afi, safi, send_receive] per family */
  declare tuples: [number, number, number][];
  constructor(o: { tuples: [number, number, number][] } & CapHdr) {
    super(o);
    this.tuples = o.tuples;
  }
  protected capFields(): JsonObject {
    return { tuples: this.tuples.map((t): JsonValue => t.slice()) };
  }
  protected writeCapValue(w: Writer): void {
    for (const [afi, safi, sr] of this.tuples) {
      w.u16(afi);
      w.u8(safi);
      w.u8(sr);
    }
  }
}

function decodeCapability(r: Cursor, p: number, end: number, opts: BgpOptions): BGPOptParamCapability {
  const b = r.bytes;
  const code = b[p]!;
  const clen = b[p + 1]!;
  const vp = p + 2;
  const ve = vp + clen;
  const h = { cap_code: code, cap_length: clen, type: C.BGP_OPT_CAPABILITY, length: clen + 2 };
  const needV = (n: number, where: string): void => {
    if (clen < n) malformed(where, `capability value is ${clen} bytes, need ${n}`, vp, C.BGP_ERROR_OPEN_MESSAGE_ERROR, 0);
  };
  switch (code) {
    case C.BGP_CAP_MULTIPROTOCOL:
      needV(4, 'BGPOptParamCapabilityMultiprotocol');
      return new BGPOptParamCapabilityMultiprotocol({ ...h, afi: rd16(b, vp), reserved: b[vp + 2]!, safi: b[vp + 3]! });
    case C.BGP_CAP_ROUTE_REFRESH:
      return new BGPOptParamCapabilityRouteRefresh(h);
    case C.BGP_CAP_ROUTE_REFRESH_CISCO:
      return new BGPOptParamCapabilityCiscoRouteRefresh(h);
    case C.BGP_CAP_ENHANCED_ROUTE_REFRESH:
      return new BGPOptParamCapabilityEnhancedRouteRefresh(h);
    case C.BGP_CAP_CARRYING_LABEL_INFO:
      return new BGPOptParamCapabilityCarryingLabelInfo(h);
    case C.BGP_CAP_FOUR_OCTET_AS_NUMBER:
      needV(4, 'BGPOptParamCapabilityFourOctetAsNumber');
      return new BGPOptParamCapabilityFourOctetAsNumber({ ...h, as_number: rd32(b, vp) });
    case C.BGP_CAP_GRACEFUL_RESTART: {
      needV(2, 'BGPOptParamCapabilityGracefulRestart');
      const restart = rd16(b, vp);
      const tuples: [number, number, number][] = [];
      for (let q = vp + 2; ve - q >= 4; q += 4) tuples.push([rd16(b, q), b[q + 2]!, b[q + 3]!]);
      return new BGPOptParamCapabilityGracefulRestart({ ...h, flags: restart >> 12, time: restart & 0xfff, tuples });
    }
    case C.BGP_CAP_ADD_PATH:
      if (opts.extensions) {
        const tuples: [number, number, number][] = [];
        for (let q = vp; ve - q >= 4; q += 4) tuples.push([rd16(b, q), b[q + 2]!, b[q + 3]!]);
        return new BGPOptParamCapabilityAddPath({ ...h, tuples });
      }
      break;
  }
  return new BGPOptParamCapabilityUnknown({ ...h, cap_value: b.slice(vp, ve) });
}

/** Decode the optional parameters in [r.pos, end) (os-ken BGPOpen.parser's loop). */
export function decodeOptParams(r: Cursor, end: number, opts: BgpOptions): BGPOptParam[] {
  const out: BGPOptParam[] = [];
  const b = r.bytes;
  while (r.pos < end) {
    needTo(r, end, 2, 'opt_param');
    const type = b[r.pos]!;
    const len = b[r.pos + 1]!;
    needTo(r, end, 2 + len, 'opt_param');
    const p = r.pos + 2;
    const pe = p + len;
    r.pos = pe;
    if (type !== C.BGP_OPT_CAPABILITY) {
      out.push(new BGPOptParamUnknown({ type, length: len, value: b.slice(p, pe) }));
      continue;
    }
    for (let q = p; q < pe; ) {
      if (pe - q < 2) malformed('capability', 'truncated capability header', q, C.BGP_ERROR_OPEN_MESSAGE_ERROR, 0);
      const clen = b[q + 1]!;
      if (pe - q - 2 < clen) malformed('capability', `capability length ${clen} exceeds parameter`, q, C.BGP_ERROR_OPEN_MESSAGE_ERROR, 0);
      out.push(decodeCapability(r, q, pe, opts));
      q += 2 + clen;
    }
  }
  return out;
}
