/** BGP UPDATE (os-ken BGPUpdate). */
import type { Cursor } from './util.js';
import type { Writer } from '../../../wire/writer.js';
import * as C from './constants.js';
import type { BGPPathAttribute } from './attributes.js';
import { BGPMessage, type BGPMessageOpts, registerMessageClass } from './header.js';
import { decodePathAttributes } from './mp_nlri.js';
import { BGPNLRI, BGPWithdrawnRoute, type IPAddrPrefix } from './nlri/prefix.js';
import type { BgpOptions, JsonObject } from './util.js';
import { jsonList, malformed, rd16 } from './util.js';

export interface BGPUpdateOpts extends BGPMessageOpts {
  withdrawn_routes_len?: number | null;
  withdrawn_routes?: IPAddrPrefix[] | null;
  total_path_attribute_len?: number | null;
  path_attributes?: BGPPathAttribute[] | null;
  nlri?: IPAddrPrefix[] | null;
}

/** Malformed Attribute List (UPDATE error 3/1). */
function bad(d: string, at: number): never {
  return malformed('BGPUpdate', d, at, C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_MALFORMED_ATTRIBUTE_LIST);
}

export class BGPUpdate extends BGPMessage {
  static override readonly jsonName: string = 'BGPUpdate';
  static override readonly MSG_TYPE: number = C.BGP_MSG_UPDATE;
  static override readonly MIN_LEN: number = C.BGP_HDR_LEN;
  declare withdrawn_routes_len: number | null;
  declare withdrawn_routes: IPAddrPrefix[];
  declare total_path_attribute_len: number | null;
  declare path_attributes: BGPPathAttribute[];
  declare nlri: IPAddrPrefix[];

  constructor(o: BGPUpdateOpts = {}) {
    super(o);
    this.withdrawn_routes_len = o.withdrawn_routes_len ?? null;
    this.withdrawn_routes = o.withdrawn_routes ?? [];
    this.total_path_attribute_len = o.total_path_attribute_len ?? null;
    this.path_attributes = o.path_attributes ?? [];
    this.nlri = o.nlri ?? [];
  }

  /** type code -> attribute (os-ken pathattr_map; the last one of a type wins) */
  get pathattr_map(): Map<number, BGPPathAttribute> {
    const m = new Map<number, BGPPathAttribute>();
    for (const a of this.path_attributes) m.set(a.type, a);
    return m;
  }
  get_path_attr(type: number): BGPPathAttribute | undefined {
    return this.pathattr_map.get(type);
  }

  protected bodyFields(): JsonObject {
    return {
      nlri: jsonList(this.nlri),
      path_attributes: jsonList(this.path_attributes),
      total_path_attribute_len: this.total_path_attribute_len,
      withdrawn_routes: jsonList(this.withdrawn_routes),
      withdrawn_routes_len: this.withdrawn_routes_len,
    };
  }

  protected writeBody(w: Writer): void {
    let at = w.pos;
    w.u16(0);
    for (const x of this.withdrawn_routes) x.serializeTo(w);
    this.withdrawn_routes_len = w.pos - at - 2;
    w.view.setUint16(at, this.withdrawn_routes_len);
    at = w.pos;
    w.u16(0);
    for (const a of this.path_attributes) a.serializeTo(w);
    this.total_path_attribute_len = w.pos - at - 2;
    w.view.setUint16(at, this.total_path_attribute_len);
    for (const n of this.nlri) n.serializeTo(w);
  }

  static decodeBody(r: Cursor, p: number, end: number, len: number, opts: BgpOptions): BGPUpdate {
    const b = r.bytes;
    if (end - p < 2) bad('missing withdrawn routes length', p);
    const wlen = rd16(b, p);
    const wend = p + 2 + wlen;
    if (wend + 2 > end) bad(`withdrawn routes length ${wlen} exceeds message`, p);
    const addPath = opts.addPath.size > 0 && opts.addPath.has(C.RF_IPv4_UC.key);
    const withdrawn: IPAddrPrefix[] = [];
    r.pos = p + 2;
    while (r.pos < wend) withdrawn.push(BGPWithdrawnRoute.decode(r, wend, addPath));
    const alen = rd16(b, wend);
    const aend = wend + 2 + alen;
    if (aend > end) bad(`total path attribute length ${alen} exceeds message`, wend);
    r.pos = wend + 2;
    const attrs = decodePathAttributes(r, aend, opts);
    const nlri: IPAddrPrefix[] = [];
    while (r.pos < end) nlri.push(BGPNLRI.decode(r, end, addPath));
    return new BGPUpdate({
      len_: len,
      type_: C.BGP_MSG_UPDATE,
      withdrawn_routes_len: wlen,
      withdrawn_routes: withdrawn,
      total_path_attribute_len: alen,
      path_attributes: attrs,
      nlri,
    });
  }
}

BGPMessage.registerMessageType(C.BGP_MSG_UPDATE, (r, p, end, len, opts) => BGPUpdate.decodeBody(r, p, end, len, opts));
registerMessageClass(BGPUpdate);
