/** BGP KEEPALIVE, NOTIFICATION and ROUTE-REFRESH (os-ken BGPKeepAlive, BGPNotification, BGPRouteRefresh). */
import type { Cursor } from './util.js';
import type { Writer } from '../../../wire/writer.js';
import * as C from './constants.js';
import { BGPMessage, type BGPMessageOpts, registerMessageClass } from './header.js';
import type { JsonObject } from './util.js';
import { b64, rd16 } from './util.js';

export class BGPKeepAlive extends BGPMessage {
  static override readonly jsonName: string = 'BGPKeepAlive';
  static override readonly MSG_TYPE: number = C.BGP_MSG_KEEPALIVE;
  constructor(o: BGPMessageOpts = {}) {
    super(o);
  }
  protected bodyFields(): JsonObject {
    return {};
  }
  protected writeBody(): void {}
}

const REASONS: Record<string, string> = {
  '1,1': 'Message Header Error: not synchronised',
  '1,2': 'Message Header Error: bad message len',
  '1,3': 'Message Header Error: bad message type',
  '2,1': 'Open Message Error: unsupported version',
  '2,2': 'Open Message Error: bad peer AS',
  '2,3': 'Open Message Error: bad BGP identifier',
  '2,4': 'Open Message Error: unsupported optional param',
  '2,5': 'Open Message Error: authentication failure',
  '2,6': 'Open Message Error: unacceptable hold time',
  '2,7': 'Open Message Error: Unsupported Capability',
  '2,8': 'Open Message Error: Unassigned',
  '3,1': 'Update Message Error: malformed attribute list',
  '3,2': 'Update Message Error: unrecognized well-known attr',
  '3,3': 'Update Message Error: missing well-known attr',
  '3,4': 'Update Message Error: attribute flags error',
  '3,5': 'Update Message Error: attribute length error',
  '3,6': 'Update Message Error: invalid origin attr',
  '3,7': 'Update Message Error: as routing loop',
  '3,8': 'Update Message Error: invalid next hop attr',
  '3,9': 'Update Message Error: optional attribute error',
  '3,10': 'Update Message Error: invalid network field',
  '3,11': 'Update Message Error: malformed AS_PATH',
  '4,1': 'Hold Timer Expired',
  '5,1': 'Finite State Machine Error',
  '6,1': 'Cease: Maximum Number of Prefixes Reached',
  '6,2': 'Cease: Administrative Shutdown',
  '6,3': 'Cease: Peer De-configured',
  '6,4': 'Cease: Administrative Reset',
  '6,5': 'Cease: Connection Rejected',
  '6,6': 'Cease: Other Configuration Change',
  '6,7': 'Cease: Connection Collision Resolution',
  '6,8': 'Cease: Out of Resources',
};

export interface BGPNotificationOpts extends BGPMessageOpts {
  error_code: number;
  error_subcode: number;
  data?: Uint8Array;
}

export class BGPNotification extends BGPMessage {
  static override readonly jsonName: string = 'BGPNotification';
  static override readonly MSG_TYPE: number = C.BGP_MSG_NOTIFICATION;
  static override readonly MIN_LEN: number = C.BGP_HDR_LEN + 2;
  declare error_code: number;
  declare error_subcode: number;
  declare data: Uint8Array;
  constructor(o: BGPNotificationOpts) {
    super(o);
    this.error_code = o.error_code;
    this.error_subcode = o.error_subcode;
    this.data = o.data ?? new Uint8Array(0);
  }
  /** os-ken reason: text of (error_code, error_subcode), or undefined */
  get reason(): string | undefined {
    return REASONS[`${this.error_code},${this.error_subcode}`];
  }
  protected bodyFields(): JsonObject {
    return { data: b64(this.data), error_code: this.error_code, error_subcode: this.error_subcode };
  }
  protected writeBody(w: Writer): void {
    w.u8(this.error_code);
    w.u8(this.error_subcode);
    w.bytes(this.data);
  }
  static decodeBody(r: Cursor, p: number, end: number, len: number): BGPNotification {
    BGPMessage.needBody('BGPNotification', p, end, 2);
    const b = r.bytes;
    return new BGPNotification({ len_: len, type_: C.BGP_MSG_NOTIFICATION, error_code: b[p]!, error_subcode: b[p + 1]!, data: b.slice(p + 2, end) });
  }
}

export interface BGPRouteRefreshOpts extends BGPMessageOpts {
  afi: number;
  safi: number;
  demarcation?: number;
}

export class BGPRouteRefresh extends BGPMessage {
  static override readonly jsonName: string = 'BGPRouteRefresh';
  static override readonly MSG_TYPE: number = C.BGP_MSG_ROUTE_REFRESH;
  static override readonly MIN_LEN: number = C.BGP_HDR_LEN + 4;
  declare afi: number;
  declare safi: number;
  declare demarcation: number;
  declare eor_sent: boolean;
  constructor(o: BGPRouteRefreshOpts) {
    super(o);
    this.afi = o.afi;
    this.safi = o.safi;
    this.demarcation = o.demarcation ?? 0;
    this.eor_sent = false;
  }
  protected bodyFields(): JsonObject {
    return { afi: this.afi, demarcation: this.demarcation, eor_sent: this.eor_sent, safi: this.safi };
  }
  protected writeBody(w: Writer): void {
    w.u16(this.afi);
    w.u8(this.demarcation);
    w.u8(this.safi);
  }
  static decodeBody(r: Cursor, p: number, end: number, len: number): BGPRouteRefresh {
    BGPMessage.needBody('BGPRouteRefresh', p, end, 4);
    return new BGPRouteRefresh({ len_: len, type_: C.BGP_MSG_ROUTE_REFRESH, afi: rd16(r.bytes, p), demarcation: r.bytes[p + 2]!, safi: r.bytes[p + 3]! });
  }
}

BGPMessage.registerMessageType(C.BGP_MSG_KEEPALIVE, (_r, _p, _end, len) => new BGPKeepAlive({ len_: len, type_: C.BGP_MSG_KEEPALIVE }));
BGPMessage.registerMessageType(C.BGP_MSG_NOTIFICATION, (r, p, end, len) => BGPNotification.decodeBody(r, p, end, len));
BGPMessage.registerMessageType(C.BGP_MSG_ROUTE_REFRESH, (r, p, end, len) => BGPRouteRefresh.decodeBody(r, p, end, len));
registerMessageClass(BGPKeepAlive);
registerMessageClass(BGPNotification);
registerMessageClass(BGPRouteRefresh);
