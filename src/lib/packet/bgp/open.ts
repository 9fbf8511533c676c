/** BGP OPEN (os-ken BGPOpen). */
import type { Cursor } from './util.js';
import type { Writer } from '../../../wire/writer.js';
import { v4Text } from './addr_text.js';
import * as C from './constants.js';
import { type BGPOptParam, BGPOptParamCapability, decodeOptParams } from './capabilities.js';
import { BGPMessage, type BGPMessageOpts, registerMessageClass } from './header.js';
import type { BgpOptions, JsonObject } from './util.js';
import { jsonList, malformed, rd16, v4Bin } from './util.js';

export interface BGPOpenOpts extends BGPMessageOpts {
  my_as: number;
  bgp_identifier: string;
  opt_param_len?: number;
  opt_param?: BGPOptParam[] | null;
  version?: number;
  hold_time?: number;
}

export class BGPOpen extends BGPMessage {
  static override readonly jsonName: string = 'BGPOpen';
  static override readonly MSG_TYPE: number = C.BGP_MSG_OPEN;
  static override readonly MIN_LEN: number = C.BGP_HDR_LEN + 10;
  declare version: number;
  declare my_as: number;
  declare bgp_identifier: string;
  declare hold_time: number;
  declare opt_param_len: number;
  declare opt_param: BGPOptParam[];

  constructor(o: BGPOpenOpts) {
    super(o);
    this.version = o.version ?? C.BGP_VERSION;
    this.my_as = o.my_as;
    this.bgp_identifier = o.bgp_identifier;
    this.hold_time = o.hold_time ?? 0;
    this.opt_param_len = o.opt_param_len ?? 0;
    this.opt_param = o.opt_param ?? [];
  }

  /** capability code -> capability (os-ken opt_param_cap_map) */
  get opt_param_cap_map(): Map<number, BGPOptParamCapability> {
    const m = new Map<number, BGPOptParamCapability>();
    for (const p of this.opt_param) if (p instanceof BGPOptParamCapability) m.set(p.cap_code, p);
    return m;
  }
  get_opt_param_cap(capCode: number): BGPOptParamCapability | undefined {
    return this.opt_param_cap_map.get(capCode);
  }

  protected bodyFields(): JsonObject {
    return {
      bgp_identifier: this.bgp_identifier,
      hold_time: this.hold_time,
      my_as: this.my_as,
      opt_param: jsonList(this.opt_param),
      opt_param_len: this.opt_param_len,
      version: this.version,
    };
  }

  protected writeBody(w: Writer): void {
    this.version = C.BGP_VERSION;
    w.u8(this.version);
    w.u16(this.my_as);
    w.u16(this.hold_time);
    w.bytes(v4Bin(this.bgp_identifier));
    const at = w.pos;
    w.u8(0);
    for (const p of this.opt_param) p.serializeTo(w);
    this.opt_param_len = w.pos - at - 1;
    if (this.opt_param_len > 255) malformed('BGPOpen', `optional parameters too long (${this.opt_param_len})`, 0);
    w.buf[at] = this.opt_param_len;
  }

  static decodeBody(r: Cursor, p: number, end: number, len: number, opts: BgpOptions): BGPOpen {
    BGPMessage.needBody('BGPOpen', p, end, 10);
    const b = r.bytes;
    const optLen = b[p + 9]!;
    if (end - (p + 10) < optLen) malformed('BGPOpen', `opt_param_len ${optLen} exceeds message`, p + 9, C.BGP_ERROR_OPEN_MESSAGE_ERROR, 0);
    r.pos = p + 10;
    const optParam = decodeOptParams(r, p + 10 + optLen, opts);
    return new BGPOpen({
      len_: len,
      type_: C.BGP_MSG_OPEN,
      version: b[p]!,
      my_as: rd16(b, p + 1),
      hold_time: rd16(b, p + 3),
      bgp_identifier: v4Text(b, p + 5),
      opt_param_len: optLen,
      opt_param: optParam,
    });
  }
}

BGPMessage.registerMessageType(C.BGP_MSG_OPEN, (r, p, end, len, opts) => BGPOpen.decodeBody(r, p, end, len, opts));
registerMessageClass(BGPOpen);
