/** MPLS label stack entry (os-ken os_ken/lib/packet/mpls.py). */
import type { Reader } from '../../wire/reader.js';
import type { JsonObject } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jInt, need, registerProtocol } from './packet_base.js';
import { ETH_TYPE_MPLS } from './ether_types.js';
import { Ethernet } from './ethernet.js';
import { IPv4 } from './ipv4.js';

export interface MPLSOpts {
  label?: number;
  exp?: number;
  bsb?: number;
  ttl?: number;
}

export class MPLS extends PacketBase {
  static override readonly jsonName = 'mpls';
  static override readonly MIN_LEN = 4;
  label: number;
  exp: number;
  bsb: number;
  ttl: number;

  constructor(opts: MPLSOpts = {}) {
    super();
    this.label = opts.label ?? 0;
    this.exp = opts.exp ?? 0;
    this.bsb = opts.bsb ?? 1;
    this.ttl = opts.ttl ?? 255;
  }

  static override decode(r: Reader, ctx: DecodeCtx): MPLS {
    need(r, 4, 'mpls');
    const v = r.view.getUint32(r.pos);
    r.pos += 4;
    const bsb = (v >>> 8) & 1;
    // os-ken: bottom of stack -> IPv4 (always), else another label
    ctx.next = bsb ? IPv4 : MPLS;
    return new MPLS({ label: v >>> 12, exp: (v >>> 9) & 7, bsb, ttl: v & 0xff });
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const at = out.prepend(4);
    out.view.setUint32(at, ((this.label << 12) | (this.exp << 9) | (this.bsb << 8) | this.ttl) >>> 0);
  }

  override toJsonFields(): JsonObject {
    return { bsb: this.bsb, exp: this.exp, label: this.label, ttl: this.ttl };
  }

  static override fromJsonDict(d: JsonObject): MPLS {
    return new MPLS({ label: jInt(d, 'label', 0), exp: jInt(d, 'exp', 0), bsb: jInt(d, 'bsb', 1), ttl: jInt(d, 'ttl', 255) });
  }
}

/** os-ken label_from_bin: 3 bytes -> [label, bottom-of-stack bit]. */
export function labelFromBin(buf: Uint8Array, off = 0): [number, number] {
  const v = (buf[off]! << 16) | (buf[off + 1]! << 8) | buf[off + 2]!;
  return [v >> 4, v & 1];
}

/** os-ken label_to_bin: label (+ bottom-of-stack bit) -> 3 bytes. */
export function labelToBin(mplsLabel: number, isBos = true): Uint8Array {
  const v = ((mplsLabel << 4) | (isBos ? 1 : 0)) & 0xffffff;
  return Uint8Array.of(v >> 16, (v >> 8) & 0xff, v & 0xff);
}

registerProtocol(MPLS);
Ethernet.registerPacketType(MPLS, ETH_TYPE_MPLS);
