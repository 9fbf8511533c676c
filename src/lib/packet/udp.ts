/** UDP header (os-ken os_ken/lib/packet/udp.py). */
import type { Reader } from '../../wire/reader.js';
import type { JsonObject } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, PacketClass, PortMatch, PortTable, SerializeBuffer, jInt, need, registerProtocol, sliceRest } from './packet_base.js';
import { asIpHeader, foldChecksum, pseudoHeaderSum, pseudoHeaderSum4, sum16View } from './packet_utils.js';
import { IPPROTO_UDP } from './in_proto.js';
import { IPv4 } from './ipv4.js';

export interface UDPOpts {
  src_port?: number;
  dst_port?: number;
  total_length?: number;
  csum?: number;
}

export class UDP extends PacketBase {
  static override readonly jsonName = 'udp';
  static override readonly MIN_LEN = 8;
  /** payload dispatch on ports (os-ken udp.get_packet_type), filled by payload modules */
  static readonly PORTS = new PortTable();

  src_port: number;
  dst_port: number;
  total_length: number;
  csum: number;

  constructor(opts: UDPOpts = {}) {
    super();
    this.src_port = opts.src_port ?? 1;
    this.dst_port = opts.dst_port ?? 1;
    this.total_length = opts.total_length ?? 0;
    this.csum = opts.csum ?? 0;
  }

  /**
   * Register a payload class for UDP. `order` is the position in os-ken's
   * if-chain: 10 dhcp, 20 dhcp6, 30 vxlan, 40 geneve.
   */
  static registerPortRule(order: number, match: PortMatch, cls: PacketClass): void {
    UDP.PORTS.register(order, match, cls);
  }

  static getPayloadType(srcPort: number, dstPort: number): PacketClass | null {
    return UDP.PORTS.get(srcPort, dstPort);
  }

  static override decode(r: Reader, ctx: DecodeCtx): UDP {
    need(r, 8, 'udp');
    const p = r.pos;
    const v = r.view;
    const src = v.getUint16(p);
    const dst = v.getUint16(p + 2);
    const total = v.getUint16(p + 4);
    const u = new UDP({ src_port: src, dst_port: dst, total_length: total, csum: v.getUint16(p + 6) });
    ctx.next = UDP.PORTS.get(src, dst);
    sliceRest(r, p + 8, p + total);
    return u;
  }

  override serializeInto(out: SerializeBuffer, prev: PacketBase | null): void {
    if (this.total_length === 0) this.total_length = 8 + out.length;
    const at = out.prepend(8);
    const v = out.view;
    v.setUint16(at, this.src_port);
    v.setUint16(at + 2, this.dst_port);
    v.setUint16(at + 4, this.total_length & 0xffff);
    v.setUint16(at + 6, this.csum);
    if (this.csum === 0) {
      // os-ken checksum_ip; the usual outer header (IPv4) without the duck typing
      const ph =
        prev instanceof IPv4 && prev.version === 4
          ? pseudoHeaderSum4(prev.src, prev.dst, prev.proto, this.total_length)
          : pseudoHeaderSum(asIpHeader(prev), this.total_length, 'udp');
      this.csum = foldChecksum(sum16View(v, at, out.end, ph));
      v.setUint16(at + 6, this.csum);
    }
  }

  override toJsonFields(): JsonObject {
    return { csum: this.csum, dst_port: this.dst_port, src_port: this.src_port, total_length: this.total_length };
  }

  static override fromJsonDict(d: JsonObject): UDP {
    return new UDP({
      src_port: jInt(d, 'src_port', 1),
      dst_port: jInt(d, 'dst_port', 1),
      total_length: jInt(d, 'total_length', 0),
      csum: jInt(d, 'csum', 0),
    });
  }
}

registerProtocol(UDP);
IPv4.registerPacketType(UDP, IPPROTO_UDP);
