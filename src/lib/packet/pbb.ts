/** PBB I-TAG (IEEE 802.1ah) (os-ken os_ken/lib/packet/pbb.py). */
import type { Reader } from '../../wire/reader.js';
import type { JsonObject } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jInt, need, registerProtocol } from './packet_base.js';
import { ETH_TYPE_8021AH } from './ether_types.js';
import { Ethernet } from './ethernet.js';
import { SVLAN } from './vlan.js';

export interface ITagOpts {
  pcp?: number;
  dei?: number;
  uca?: number;
  sid?: number;
}

export class ITag extends PacketBase {
  static override readonly jsonName = 'itag';
  static override readonly MIN_LEN = 4;
  pcp: number;
  dei: number;
  uca: number;
  sid: number;

  constructor(opts: ITagOpts = {}) {
    super();
    this.pcp = opts.pcp ?? 0;
    this.dei = opts.dei ?? 0;
    this.uca = opts.uca ?? 0;
    this.sid = opts.sid ?? 0;
  }

  static override decode(r: Reader, ctx: DecodeCtx): ITag {
    need(r, 4, 'itag');
    const v = r.view.getUint32(r.pos);
    r.pos += 4;
    ctx.next = Ethernet;
    return new ITag({ pcp: v >>> 29, dei: (v >>> 28) & 1, uca: (v >>> 27) & 1, sid: v & 0xffffff });
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const at = out.prepend(4);
    out.view.setUint32(at, ((this.pcp << 29) | (this.dei << 28) | (this.uca << 27) | this.sid) >>> 0);
  }

  override toJsonFields(): JsonObject {
    return { dei: this.dei, pcp: this.pcp, sid: this.sid, uca: this.uca };
  }

  static override fromJsonDict(d: JsonObject): ITag {
    return new ITag({ pcp: jInt(d, 'pcp', 0), dei: jInt(d, 'dei', 0), uca: jInt(d, 'uca', 0), sid: jInt(d, 'sid', 0) });
  }
}

registerProtocol(ITag);
SVLAN.registerPacketType(ITag, ETH_TYPE_8021AH);
