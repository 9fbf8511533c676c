/** IEEE 802.1Q VLAN and 802.1ad S-VLAN tags (os-ken os_ken/lib/packet/vlan.py). */
import type { Reader } from '../../wire/reader.js';
import type { JsonObject } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, PacketClass, SerializeBuffer, jInt, need, registerProtocol } from './packet_base.js';
import { ETH_TYPE_8021AD, ETH_TYPE_8021Q, ETH_TYPE_IEEE802_3, ETH_TYPE_IP } from './ether_types.js';
import { Ethernet } from './ethernet.js';

export interface VlanOpts {
  pcp?: number;
  cfi?: number;
  vid?: number;
  ethertype?: number;
}

function decodeTag(r: Reader, ctx: DecodeCtx, layer: string): [number, number, number, number] {
  need(r, 4, layer);
  const p = r.pos;
  const tci = r.view.getUint16(p);
  const ethertype = r.view.getUint16(p + 2);
  r.pos = p + 4;
  // os-ken: both vlan and svlan dispatch through vlan.get_packet_type
  ctx.next = VLAN.getPacketType(ethertype);
  return [tci >> 13, (tci >> 12) & 1, tci & 0xfff, ethertype];
}

function tagJson(t: { cfi: number; ethertype: number; pcp: number; vid: number }): JsonObject {
  return { cfi: t.cfi, ethertype: t.ethertype, pcp: t.pcp, vid: t.vid };
}

function writeTag(out: SerializeBuffer, t: { cfi: number; ethertype: number; pcp: number; vid: number }): void {
  const at = out.prepend(4);
  out.view.setUint16(at, ((t.pcp << 13) | (t.cfi << 12) | t.vid) & 0xffff);
  out.view.setUint16(at + 2, t.ethertype);
}

/** VLAN (IEEE 802.1Q) tag. */
export class VLAN extends PacketBase {
  static override readonly jsonName = 'vlan';
  static override readonly MIN_LEN = 4;
  pcp: number;
  cfi: number;
  vid: number;
  ethertype: number;

  constructor(opts: VlanOpts = {}) {
    super();
    this.pcp = opts.pcp ?? 0;
    this.cfi = opts.cfi ?? 0;
    this.vid = opts.vid ?? 0;
    this.ethertype = opts.ethertype ?? ETH_TYPE_IP;
  }

  /** Length/Type <= 1500 means LLC follows (os-ken). */
  static override getPacketType(type: number): PacketClass | null {
    return this.TYPES.get(type <= ETH_TYPE_IEEE802_3 ? ETH_TYPE_IEEE802_3 : type);
  }

  static override decode(r: Reader, ctx: DecodeCtx): VLAN {
    const [pcp, cfi, vid, ethertype] = decodeTag(r, ctx, 'vlan');
    return new VLAN({ pcp, cfi, vid, ethertype });
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    writeTag(out, this);
  }

  override toJsonFields(): JsonObject {
    return tagJson(this);
  }

  static override fromJsonDict(d: JsonObject): VLAN {
    return new VLAN({ pcp: jInt(d, 'pcp', 0), cfi: jInt(d, 'cfi', 0), vid: jInt(d, 'vid', 0), ethertype: jInt(d, 'ethertype', ETH_TYPE_IP) });
  }
}

/** S-VLAN (IEEE 802.1ad) tag. */
export class SVLAN extends PacketBase {
  static override readonly jsonName = 'svlan';
  static override readonly MIN_LEN = 4;
  pcp: number;
  cfi: number;
  vid: number;
  ethertype: number;

  constructor(opts: VlanOpts = {}) {
    super();
    this.pcp = opts.pcp ?? 0;
    this.cfi = opts.cfi ?? 0;
    this.vid = opts.vid ?? 0;
    this.ethertype = opts.ethertype ?? ETH_TYPE_8021Q;
  }

  static override decode(r: Reader, ctx: DecodeCtx): SVLAN {
    const [pcp, cfi, vid, ethertype] = decodeTag(r, ctx, 'svlan');
    return new SVLAN({ pcp, cfi, vid, ethertype });
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    writeTag(out, this);
  }

  override toJsonFields(): JsonObject {
    return tagJson(this);
  }

  static override fromJsonDict(d: JsonObject): SVLAN {
    return new SVLAN({ pcp: jInt(d, 'pcp', 0), cfi: jInt(d, 'cfi', 0), vid: jInt(d, 'vid', 0), ethertype: jInt(d, 'ethertype', ETH_TYPE_8021Q) });
  }
}

/** os-ken spelling aliases */
export { VLAN as Vlan, SVLAN as Svlan };

registerProtocol(VLAN);
registerProtocol(SVLAN);
Ethernet.registerPacketType(VLAN, ETH_TYPE_8021Q);
Ethernet.registerPacketType(SVLAN, ETH_TYPE_8021AD);
