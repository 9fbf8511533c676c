/** ARP (RFC 826) (os-ken os_ken/lib/packet/arp.py). */
import type { Reader } from '../../wire/reader.js';
import type { JsonObject } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jInt, jStr, need, registerProtocol } from './packet_base.js';
import { ipv4Text, macText, writeIPv4, writeMac } from './packet_utils.js';
import { ETH_TYPE_ARP, ETH_TYPE_IP } from './ether_types.js';
import { Ethernet } from './ethernet.js';

export const ARP_HW_TYPE_ETHERNET = 1;
export const ARP_REQUEST = 1;
export const ARP_REPLY = 2;
export const ARP_REV_REQUEST = 3;
export const ARP_REV_REPLY = 4;

export interface ARPOpts {
  hwtype?: number;
  proto?: number;
  hlen?: number;
  plen?: number;
  opcode?: number;
  src_mac?: string;
  src_ip?: string;
  dst_mac?: string;
  dst_ip?: string;
}

export class ARP extends PacketBase {
  static override readonly jsonName = 'arp';
  static override readonly MIN_LEN = 28;
  hwtype: number;
  proto: number;
  hlen: number;
  plen: number;
  opcode: number;
  src_mac: string;
  src_ip: string;
  dst_mac: string;
  dst_ip: string;

  constructor(opts: ARPOpts = {}) {
    super();
    this.hwtype = opts.hwtype ?? ARP_HW_TYPE_ETHERNET;
    this.proto = opts.proto ?? ETH_TYPE_IP;
    this.hlen = opts.hlen ?? 6;
    this.plen = opts.plen ?? 4;
    this.opcode = opts.opcode ?? ARP_REQUEST;
    this.src_mac = opts.src_mac ?? 'ff:ff:ff:ff:ff:ff';
    this.src_ip = opts.src_ip ?? '0.0.0.0';
    this.dst_mac = opts.dst_mac ?? 'ff:ff:ff:ff:ff:ff';
    this.dst_ip = opts.dst_ip ?? '0.0.0.0';
  }

  static override decode(r: Reader, ctx: DecodeCtx): ARP {
    need(r, 28, 'arp');
    const p = r.pos;
    const b = r.bytes;
    const v = r.view;
    const a = new ARP({
      hwtype: v.getUint16(p),
      proto: v.getUint16(p + 2),
      hlen: b[p + 4]!,
      plen: b[p + 5]!,
      opcode: v.getUint16(p + 6),
      src_mac: macText(b, p + 8),
      src_ip: ipv4Text(b, p + 14),
      dst_mac: macText(b, p + 18),
      dst_ip: ipv4Text(b, p + 24),
    });
    r.pos = p + 28;
    ctx.next = null;
    return a;
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const at = out.prepend(28);
    const b = out.buf;
    const v = out.view;
    v.setUint16(at, this.hwtype);
    v.setUint16(at + 2, this.proto);
    b[at + 4] = this.hlen;
    b[at + 5] = this.plen;
    v.setUint16(at + 6, this.opcode);
    writeMac(this.src_mac, b, at + 8);
    writeIPv4(this.src_ip, b, at + 14);
    writeMac(this.dst_mac, b, at + 18);
    writeIPv4(this.dst_ip, b, at + 24);
  }

  override toJsonFields(): JsonObject {
    return {
      dst_ip: this.dst_ip,
      dst_mac: this.dst_mac,
      hlen: this.hlen,
      hwtype: this.hwtype,
      opcode: this.opcode,
      plen: this.plen,
      proto: this.proto,
      src_ip: this.src_ip,
      src_mac: this.src_mac,
    };
  }

  static override fromJsonDict(d: JsonObject): ARP {
    return new ARP({
      hwtype: jInt(d, 'hwtype', ARP_HW_TYPE_ETHERNET),
      proto: jInt(d, 'proto', ETH_TYPE_IP),
      hlen: jInt(d, 'hlen', 6),
      plen: jInt(d, 'plen', 4),
      opcode: jInt(d, 'opcode', ARP_REQUEST),
      src_mac: jStr(d, 'src_mac', 'ff:ff:ff:ff:ff:ff'),
      src_ip: jStr(d, 'src_ip', '0.0.0.0'),
      dst_mac: jStr(d, 'dst_mac', 'ff:ff:ff:ff:ff:ff'),
      dst_ip: jStr(d, 'dst_ip', '0.0.0.0'),
    });
  }
}

/** os-ken arp_ip(): IPv4-over-Ethernet ARP. */
export function arpIp(opcode: number, src_mac: string, src_ip: string, dst_mac: string, dst_ip: string): ARP {
  return new ARP({ hwtype: ARP_HW_TYPE_ETHERNET, proto: ETH_TYPE_IP, hlen: 6, plen: 4, opcode, src_mac, src_ip, dst_mac, dst_ip });
}

registerProtocol(ARP);
Ethernet.registerPacketType(ARP, ETH_TYPE_ARP);
