/**
 * Zebra protocol (os-ken os_ken/lib/packet/zebra.py): shared pieces -
 * bounded cursor, prefixes, nexthops, registered nexthops, link params.
 */
import type { Reader } from '../../../wire/reader.js';
import { Writer } from '../../../wire/writer.js';
import { ipv4ToBin, ipv4ToText, ipv6ToBin, ipv6ToText } from '../../../wire/addrconv.js';
import { JsonFloat, base64Encode, type JsonObject, type JsonValue } from '../../../wire/json/json.js';
import { PacketMalformed, PacketTruncated } from '../../../wire/errors.js';

export const AF_INET = 2;
export const AF_INET6 = 10;
export const INTERFACE_NAMSIZE = 20;
export const INTERFACE_HWADDR_MAX = 20;
export const MAX_CLASS_TYPE = 8;
export const VRF_NAMSIZ = 36;

const L = 'zebra';

/** Decode context: protocol version and the FRRouting version os-ken reads from CONF['zapi'].frr_version (as major*10+minor; 0 = os-ken's default '0.0'). */
export interface ZebraCtx {
  version: number;
  frr: number;
}

/** A bounded cursor over [pos, end) of the frame (os-ken's body_buf); every read is checked. */
export class Cur {
  constructor(
    readonly r: Reader,
    public pos: number,
    readonly end: number,
  ) {}
  get left(): number {
    return this.end - this.pos;
  }
  need(n: number): void {
    if (this.pos + n > this.end) throw new PacketTruncated(L, n, this.end - this.pos, this.pos);
  }
  u8(): number {
    this.need(1);
    return this.r.bytes[this.pos++]!;
  }
  u16(): number {
    this.need(2);
    const v = this.r.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.r.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }
  u64(): bigint {
    this.need(8);
    const v = this.r.view.getBigUint64(this.pos);
    this.pos += 8;
    return v;
  }
  f32(): number {
    this.need(4);
    const v = this.r.view.getFloat32(this.pos);
    this.pos += 4;
    return v;
  }
  /** Python buf[:n] - may be shorter than n */
  upTo(n: number): Uint8Array {
    const e = Math.min(this.pos + n, this.end);
    const b = this.r.bytes.slice(this.pos, e);
    this.pos = e;
    return b;
  }
  take(n: number): Uint8Array {
    this.need(n);
    const b = this.r.bytes.slice(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

export function bad(what: string, at = 0): never {
  throw new PacketMalformed(L, what, at);
}

/** text address of exactly 4 / 16 bytes (os-ken addrconv raises on other lengths) */
export function addrText(b: Uint8Array, v6: boolean): string {
  if (b.length !== (v6 ? 16 : 4)) bad(`address of ${b.length} bytes`);
  return v6 ? ipv6ToText(b, 0) : ipv4ToText(b, 0);
}
export const isV4 = (s: string): boolean => /^\d{1,3}(\.\d{1,3}){3}(\/\d+)?$/.test(s);
export function addrBin(s: string): Uint8Array {
  return isV4(s) ? ipv4ToBin(s) : ipv6ToBin(s);
}

/** os-ken encodes an un-annotated str as base64 of its UTF-8 text */
export const s64 = (s: string | null): JsonValue => (s === null ? null : Buffer.from(s, 'utf8').toString('base64'));
export const fromS64 = (v: JsonValue | undefined): string | null => (typeof v === 'string' ? Buffer.from(v, 'base64').toString('utf8') : null);
export const f = (x: number): JsonValue => new JsonFloat(x) as unknown as JsonValue;

/** bytes.strip(b'\x00') then ascii text */
export function stripNulText(b: Uint8Array): string {
  let s = 0;
  let e = b.length;
  while (s < e && b[s] === 0) s++;
  while (e > s && b[e - 1] === 0) e--;
  let out = '';
  for (let i = s; i < e; i++) out += String.fromCharCode(b[i]!);
  return out;
}
export function fixedAscii(w: Writer, s: string, n: number): void {
  for (let i = 0; i < n; i++) w.u8(i < s.length ? s.charCodeAt(i) & 0xff : 0);
}

/** bgp IPAddrPrefix / IP6AddrPrefix: length byte + ceil(len/8) bytes (short input is zero-padded) -> 'addr/len' */
export function parseIpPrefix(c: Cur, family: number): string {
  if (family !== AF_INET && family !== AF_INET6) bad(`unsupported family ${family}`, c.pos);
  const len = c.u8();
  const nb = (len + 7) >> 3;
  const max = family === AF_INET ? 4 : 16;
  if (nb > max) bad(`prefix length ${len}`, c.pos);
  const raw = c.upTo(nb);
  const a = new Uint8Array(max);
  a.set(raw);
  return `${family === AF_INET ? ipv4ToText(a) : ipv6ToText(a)}/${len}`;
}
export function writeIpPrefix(w: Writer, prefix: string): void {
  const [addr, l] = prefix.split('/');
  const len = Number(l);
  const bin = addrBin(addr!);
  const nb = (len + 7) >> 3;
  w.u8(len);
  const out = bin.slice(0, nb);
  if (len % 8 && nb > 0) out[nb - 1] = out[nb - 1]! & (0xff00 >> (len % 8));
  w.bytes(out);
}

/** zebra family + address + prefix length ('!B4sB' / '!B16sB') -> [family, 'addr/len'] */
export function parseZebraFamilyPrefix(c: Cur): [number, string] {
  const family = c.u8();
  if (family === AF_INET) {
    const a = c.take(4);
    return [family, `${ipv4ToText(a)}/${c.u8()}`];
  }
  if (family === AF_INET6) {
    const a = c.take(16);
    return [family, `${ipv6ToText(a)}/${c.u8()}`];
  }
  return bad(`unsupported family ${family}`, c.pos);
}
export function writeZebraFamilyPrefix(w: Writer, prefix: string, familyWidth: 1 | 4 = 1): number {
  const [addr, l] = prefix.split('/');
  const v4 = isV4(addr!);
  const family = v4 ? AF_INET : AF_INET6;
  if (familyWidth === 1) w.u8(family);
  else w.u32(family);
  w.bytes(addrBin(addr!));
  w.u8(Number(l));
  return family;
}

/* ------------------------------------------------------------------ nexthops */

export const ZEBRA_NEXTHOP_IFINDEX = 1;
export const ZEBRA_NEXTHOP_IFNAME = 2;
export const ZEBRA_NEXTHOP_IPV4 = 3;
export const ZEBRA_NEXTHOP_IPV4_IFINDEX = 4;
export const ZEBRA_NEXTHOP_IPV4_IFNAME = 5;
export const ZEBRA_NEXTHOP_IPV6 = 6;
export const ZEBRA_NEXTHOP_IPV6_IFINDEX = 7;
export const ZEBRA_NEXTHOP_IPV6_IFNAME = 8;
export const ZEBRA_NEXTHOP_BLACKHOLE = 9;
export const FRR_ZEBRA_NEXTHOP_IFINDEX = 1;
export const FRR_ZEBRA_NEXTHOP_IPV4 = 2;
export const FRR_ZEBRA_NEXTHOP_IPV4_IFINDEX = 3;
export const FRR_ZEBRA_NEXTHOP_IPV6 = 4;
export const FRR_ZEBRA_NEXTHOP_IPV6_IFINDEX = 5;
export const FRR_ZEBRA_NEXTHOP_BLACKHOLE = 6;

/** Body layouts of the nexthop classes. */
type NhKind = 'ifindex' | 'ipv4' | 'ipv4_ifindex' | 'ipv6' | 'ipv6_ifindex' | 'blackhole';
const NH_CLASSES: Record<string, NhKind> = {
  NextHopIFIndex: 'ifindex',
  NextHopIFName: 'ifindex',
  NextHopIPv4: 'ipv4',
  NextHopIPv4IFIndex: 'ipv4_ifindex',
  NextHopIPv4IFName: 'ipv4_ifindex',
  NextHopIPv6: 'ipv6',
  NextHopIPv6IFIndex: 'ipv6_ifindex',
  NextHopIPv6IFName: 'ipv6_ifindex',
  NextHopBlackhole: 'blackhole',
};
/** type value -> class name (os-ken _NextHop / _FrrNextHop registries) */
const NH_ZEBRA = [null, 'NextHopIFIndex', 'NextHopIFName', 'NextHopIPv4', 'NextHopIPv4IFIndex', 'NextHopIPv4IFName', 'NextHopIPv6', 'NextHopIPv6IFIndex', 'NextHopIPv6IFName', 'NextHopBlackhole'];
const NH_FRR = [null, 'NextHopIFIndex', 'NextHopIPv4', 'NextHopIPv4IFIndex', 'NextHopIPv6', 'NextHopIPv6IFIndex', 'NextHopBlackhole'];

export interface NextHopOpts {
  ifindex?: number | null;
  ifname?: string | null;
  addr?: string | null;
  type?: number | null;
}

/** A Zebra nexthop; `jsonName` is os-ken's class (NextHopIPv4, NextHopIFIndex, ...). */
export class NextHop {
  ifindex: number | null;
  ifname: string | null;
  addr: string | null;
  type: number | null;
  constructor(
    readonly jsonName: string,
    o: NextHopOpts = {},
  ) {
    if (!(jsonName in NH_CLASSES)) bad(`unknown nexthop class ${jsonName}`);
    this.ifindex = o.ifindex ?? null;
    this.ifname = o.ifname ?? null;
    this.addr = o.addr ?? null;
    this.type = o.type ?? null;
  }

  static parse(c: Cur, ctx: ZebraCtx): NextHop {
    const type = c.u8();
    const name = (ctx.version === 4 ? NH_FRR : NH_ZEBRA)[type];
    if (!name) return bad(`unsupported nexthop type ${type}`, c.pos);
    const kind = NH_CLASSES[name]!;
    const o: NextHopOpts = { type };
    const frr3 = ctx.frr >= 30;
    switch (kind) {
      case 'ifindex':
        o.ifindex = c.u32();
        break;
      case 'ipv4':
        if (frr3) {
          o.addr = addrText(c.take(4), false);
          o.ifindex = c.u32();
        } else o.addr = addrText(c.upTo(4), false);
        break;
      case 'ipv4_ifindex':
        o.addr = addrText(c.take(4), false);
        o.ifindex = c.u32();
        break;
      case 'ipv6':
        if (frr3) {
          // os-ken converts these 16 bytes with the IPv4 converter, which fails
          c.take(20);
          bad('NextHopIPv6 with FRRouting >= 3.0');
        }
        o.addr = addrText(c.upTo(16), true);
        break;
      case 'ipv6_ifindex':
        o.addr = addrText(c.take(16), true);
        o.ifindex = c.u32();
        break;
      case 'blackhole':
        break;
    }
    return new NextHop(name, o);
  }

  write(w: Writer, ctx: ZebraCtx): void {
    if (this.type === null) {
      const t = (ctx.version === 4 ? NH_FRR : NH_ZEBRA).indexOf(this.jsonName);
      if (t < 0) bad(`${this.jsonName} has no type in protocol version ${ctx.version}`);
      this.type = t;
    }
    w.u8(this.type);
    const kind = NH_CLASSES[this.jsonName]!;
    const frr3 = ctx.frr >= 30;
    switch (kind) {
      case 'ifindex':
        w.u32(this.ifindex ?? 0);
        break;
      case 'ipv4':
        w.bytes(ipv4ToBin(this.addr ?? '0.0.0.0'));
        if (frr3 && this.ifindex) w.u32(this.ifindex);
        break;
      case 'ipv6':
        w.bytes(ipv6ToBin(this.addr ?? '::'));
        if (frr3 && this.ifindex) w.u32(this.ifindex);
        break;
      case 'ipv4_ifindex':
        w.bytes(ipv4ToBin(this.addr ?? '0.0.0.0'));
        w.u32(this.ifindex ?? 0);
        break;
      case 'ipv6_ifindex':
        w.bytes(ipv6ToBin(this.addr ?? '::'));
        w.u32(this.ifindex ?? 0);
        break;
      case 'blackhole':
        break;
    }
  }

  toJsonDict(): JsonObject {
    return { [this.jsonName]: { addr: s64(this.addr), ifindex: this.ifindex, ifname: s64(this.ifname), type: this.type } };
  }

  static fromJson(name: string, d: JsonObject): NextHop {
    const n = (k: string): number | null => (typeof d[k] === 'number' ? (d[k] as number) : null);
    return new NextHop(name, { ifindex: n('ifindex'), ifname: fromS64(d.ifname), addr: fromS64(d.addr), type: n('type') });
  }
}

export function parseNexthops(c: Cur, ctx: ZebraCtx): NextHop[] {
  const n = c.u8();
  if (ctx.version > 4) bad(`unsupported Zebra protocol version ${ctx.version}`);
  const out: NextHop[] = [];
  for (let i = 0; i < n; i++) out.push(NextHop.parse(c, ctx));
  return out;
}
export function writeNexthops(w: Writer, nhs: NextHop[], ctx: ZebraCtx): void {
  w.u8(nhs.length);
  for (const nh of nhs) nh.write(w, ctx);
}

/** Unit of ZEBRA_NEXTHOP_REGISTER bodies. */
export class RegisteredNexthop {
  static readonly jsonName = 'RegisteredNexthop';
  constructor(
    public connected: boolean,
    public family: number,
    public prefix: string,
  ) {}
  static parse(c: Cur): RegisteredNexthop {
    const connected = c.u8() !== 0;
    const family = c.u16();
    return new RegisteredNexthop(connected, family, parseIpPrefix(c, family));
  }
  write(w: Writer): void {
    w.u8(this.connected ? 1 : 0);
    w.u16(this.family);
    writeIpPrefix(w, this.prefix);
  }
  toJsonDict(): JsonObject {
    return { RegisteredNexthop: { connected: this.connected, family: this.family, prefix: s64(this.prefix) } };
  }
}

export interface InterfaceLinkParamsOpts {
  lp_status: number;
  te_metric: number;
  max_bw: number;
  max_reserved_bw: number;
  unreserved_bw: number[];
  admin_group: number;
  remote_as: number;
  remote_ip: string;
  average_delay: number;
  min_delay: number;
  max_delay: number;
  delay_var: number;
  pkt_loss: number;
  residual_bw: number;
  average_bw: number;
  utilized_bw: number;
}

/** if_link_params (floats are IEEE single precision on the wire). */
export class InterfaceLinkParams {
  static readonly jsonName = 'InterfaceLinkParams';
  constructor(public p: InterfaceLinkParamsOpts) {}
  static parse(c: Cur): InterfaceLinkParams {
    const lp_status = c.u32();
    const te_metric = c.u32();
    const max_bw = c.f32();
    const max_reserved_bw = c.f32();
    const n = Math.min(c.u32(), MAX_CLASS_TYPE);
    const unreserved_bw: number[] = [];
    for (let i = 0; i < n; i++) unreserved_bw.push(c.f32());
    c.need(44);
    return new InterfaceLinkParams({
      lp_status,
      te_metric,
      max_bw,
      max_reserved_bw,
      unreserved_bw,
      admin_group: c.u32(),
      remote_as: c.u32(),
      remote_ip: ipv4ToText(c.take(4)),
      average_delay: c.u32(),
      min_delay: c.u32(),
      max_delay: c.u32(),
      delay_var: c.u32(),
      pkt_loss: c.f32(),
      residual_bw: c.f32(),
      average_bw: c.f32(),
      utilized_bw: c.f32(),
    });
  }
  write(w: Writer): void {
    const p = this.p;
    const fl = (x: number): void => {
      w.ensure(4);
      w.view.setFloat32(w.pos, x);
      w.pos += 4;
    };
    w.u32(p.lp_status);
    w.u32(p.te_metric);
    fl(p.max_bw);
    fl(p.max_reserved_bw);
    w.u32(p.unreserved_bw.length);
    for (const x of p.unreserved_bw) fl(x);
    w.u32(p.admin_group);
    w.u32(p.remote_as);
    w.bytes(ipv4ToBin(p.remote_ip));
    w.u32(p.average_delay);
    w.u32(p.min_delay);
    w.u32(p.max_delay);
    w.u32(p.delay_var);
    fl(p.pkt_loss);
    fl(p.residual_bw);
    fl(p.average_bw);
    fl(p.utilized_bw);
  }
  toJsonDict(): JsonObject {
    const p = this.p;
    return {
      InterfaceLinkParams: {
        admin_group: p.admin_group,
        average_bw: f(p.average_bw),
        average_delay: p.average_delay,
        delay_var: p.delay_var,
        lp_status: p.lp_status,
        max_bw: f(p.max_bw),
        max_delay: p.max_delay,
        max_reserved_bw: f(p.max_reserved_bw),
        min_delay: p.min_delay,
        pkt_loss: f(p.pkt_loss),
        remote_as: p.remote_as,
        remote_ip: s64(p.remote_ip),
        residual_bw: f(p.residual_bw),
        te_metric: p.te_metric,
        unreserved_bw: p.unreserved_bw.map(f),
        utilized_bw: f(p.utilized_bw),
      },
    };
  }
}

export { base64Encode, Writer };
