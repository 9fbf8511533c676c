/** VXLAN (RFC 7348) (os-ken os_ken/lib/packet/vxlan.py). */
import type { Reader } from '../../wire/reader.js';
import { PacketMalformed } from '../../wire/errors.js';
import type { JsonObject } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jInt, need, registerProtocol } from './packet_base.js';
import { Ethernet } from './ethernet.js';
import { UDP } from './udp.js';

export const UDP_DST_PORT = 4789;
export const UDP_DST_PORT_OLD = 8472;

export class VXLAN extends PacketBase {
  static override readonly jsonName = 'vxlan';
  static override readonly MIN_LEN = 8;
  vni: number;

  constructor(opts: { vni?: number } = {}) {
    super();
    this.vni = opts.vni ?? 0;
  }

  static override decode(r: Reader, ctx: DecodeCtx): VXLAN {
    need(r, 8, 'vxlan');
    const p = r.pos;
    // os-ken asserts the I flag (and nothing else) is set in the flags byte
    if (r.bytes[p] !== 0x08) throw new PacketMalformed('vxlan', `flags 0x${r.bytes[p]!.toString(16)} != 0x08`, p);
    const vni = r.view.getUint32(p + 4) >>> 8;
    r.pos = p + 8;
    ctx.next = Ethernet;
    return new VXLAN({ vni });
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const at = out.prepend(8);
    out.view.setUint32(at, 1 << 27);
    out.view.setUint32(at + 4, (this.vni << 8) >>> 0);
  }

  override toJsonFields(): JsonObject {
    return { vni: this.vni };
  }

  static override fromJsonDict(d: JsonObject): VXLAN {
    return new VXLAN({ vni: jInt(d, 'vni', 0) });
  }
}

/** os-ken vni_from_bin: 3 bytes -> VNI. */
export function vniFromBin(buf: Uint8Array, off = 0): number {
  return (buf[off]! << 16) | (buf[off + 1]! << 8) | buf[off + 2]!;
}

/** os-ken vni_to_bin: VNI -> 3 bytes. */
export function vniToBin(vni: number): Uint8Array {
  return Uint8Array.of((vni >> 16) & 0xff, (vni >> 8) & 0xff, vni & 0xff);
}

registerProtocol(VXLAN);
UDP.registerPortRule(30, (_s, d) => d === UDP_DST_PORT || d === UDP_DST_PORT_OLD, VXLAN);
