/**
 * Route Target membership NLRI (RFC 4684), os-ken RouteTargetMembershipNLRI.
 * os-ken's own parser for it is broken (it cannot decode any message); this
 * one follows the RFC: a bit length of 0 (default RT) or 96 (origin AS +
 * route target extended community).
 */
import type { Cursor } from '../util.js';
import type { Writer } from '../../../../wire/writer.js';
import { BGPExtendedCommunity } from '../communities.js';
import type { JsonObject } from '../util.js';
import { malformed, needTo, rd32 } from '../util.js';
import type { BgpNlri } from './prefix.js';

export class RouteTargetMembershipNLRI implements BgpNlri {
  static readonly jsonName = 'RouteTargetMembershipNLRI';
  declare origin_as: number;
  /** null for the default route target (length 0) */
  declare route_target: BGPExtendedCommunity | null;
  constructor(o: { origin_as: number; route_target: BGPExtendedCommunity | null }) {
    this.origin_as = o.origin_as;
    this.route_target = o.route_target;
  }
  is_default_rtnlri(): boolean {
    return this.route_target === null;
  }
  toJsonDict(): JsonObject {
    return {
      RouteTargetMembershipNLRI: { origin_as: this.origin_as, route_target: this.route_target ? this.route_target.toJsonDict() : null },
    };
  }
  serializeTo(w: Writer): void {
    if (this.route_target === null) {
      w.u8(0);
      return;
    }
    w.u8(96);
    w.u32(this.origin_as);
    w.bytes(this.route_target.serialize());
  }
  static decode(r: Cursor, end: number): RouteTargetMembershipNLRI {
    needTo(r, end, 1, 'RouteTargetMembershipNLRI');
    const length = r.bytes[r.pos]!;
    if (length === 0) {
      r.pos += 1;
      return new RouteTargetMembershipNLRI({ origin_as: 0, route_target: null });
    }
    if (length !== 96) malformed('RouteTargetMembershipNLRI', `unsupported length ${length}`, r.pos);
    needTo(r, end, 13, 'RouteTargetMembershipNLRI');
    const origin = rd32(r.bytes, r.pos + 1);
    const rt = BGPExtendedCommunity.decodeAt(r.bytes, r.pos + 5);
    r.pos += 13;
    return new RouteTargetMembershipNLRI({ origin_as: origin, route_target: rt });
  }
}
