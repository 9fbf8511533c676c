/** Ethernet II / IEEE 802.3 header (os-ken os_ken/lib/packet/ethernet.py). */
import type { Reader } from '../../wire/reader.js';
import { macText, writeMac } from './packet_utils.js';
import type { JsonObject } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, PacketClass, SerializeBuffer, jInt, jStr, need, registerProtocol } from './packet_base.js';
import { ETH_TYPE_IEEE802_3, ETH_TYPE_IP } from './ether_types.js';

export interface EthernetOpts {
  dst?: string;
  src?: string;
  ethertype?: number;
}

export class Ethernet extends PacketBase {
  static override readonly jsonName = 'ethernet';
  static override readonly MIN_LEN = 14;
  static readonly MIN_PAYLOAD_LEN = 46;

  dst: string;
  src: string;
  ethertype: number;

  constructor(opts: EthernetOpts = {}) {
    super();
    this.dst = opts.dst ?? 'ff:ff:ff:ff:ff:ff';
    this.src = opts.src ?? '00:00:00:00:00:00';
    this.ethertype = opts.ethertype ?? ETH_TYPE_IP;
  }

  /** Length/Type <= 1500 is a length: the payload goes to LLC (os-ken). */
  static override getPacketType(type: number): PacketClass | null {
    return this.TYPES.get(type <= ETH_TYPE_IEEE802_3 ? ETH_TYPE_IEEE802_3 : type);
  }

  static override decode(r: Reader, ctx: DecodeCtx): Ethernet {
    need(r, 14, 'ethernet');
    const p = r.pos;
    const b = r.bytes;
    const ethertype = r.view.getUint16(p + 12);
    const e = new Ethernet({ dst: macText(b, p), src: macText(b, p + 6), ethertype });
    r.pos = p + 14;
    ctx.next = Ethernet.getPacketType(ethertype);
    return e;
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    // os-ken pads the payload to 46 bytes
    const pad = Ethernet.MIN_PAYLOAD_LEN - out.length;
    if (pad > 0) out.append(pad);
    const at = out.prependRaw(14); // all 14 bytes written below
    writeMac(this.dst, out.buf, at);
    writeMac(this.src, out.buf, at + 6);
    out.view.setUint16(at + 12, this.ethertype);
  }

  override toJsonFields(): JsonObject {
    return { dst: this.dst, ethertype: this.ethertype, src: this.src };
  }

  static override fromJsonDict(d: JsonObject): Ethernet {
    return new Ethernet({ dst: jStr(d, 'dst', 'ff:ff:ff:ff:ff:ff'), src: jStr(d, 'src', '00:00:00:00:00:00'), ethertype: jInt(d, 'ethertype', ETH_TYPE_IP) });
  }
}

registerProtocol(Ethernet);
