/**
 * controller(...) actions: NXActionController (fixed) and NXActionController2
 * with its properties (max_len, controller_id, reason, userdata, pause), laid
 * out as os-ken does (properties sorted by type; userdata padded to 4, or to
 * 8 when longer than 4 bytes).
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { OFPMalformedMessage } from '../../wire/errors.js';
import type { JsonObject } from '../../wire/json/json.js';
import * as nx from '../nicira_ext.js';
import { pad, u16, u8, type OFPStruct } from '../struct.js';
import { NXVarAction, jsonInt, jsonIntList, nxAction, registerNX, withVersion } from './header.js';

type Ctor<T> = new (init?: Record<string, unknown>) => T;

/** controller(max_len=..., id=..., reason=...) */
export class NXActionController extends nxAction('NXActionController', nx.NXAST_CONTROLLER, {
  max_len: u16(), controller_id: u16(), reason: u8(), _pad: pad(1),
}) {}

const roundUp = (x: number, y: number) => Math.ceil(x / y) * y;

/** controller(max_len=..., id=..., reason=..., userdata=..., pause): only the properties given are present. */
export class NXActionController2 extends NXVarAction {
  static override jsonName = 'NXActionController2';
  max_len?: number;
  controller_id?: number;
  reason?: number;
  userdata?: number[];
  pause?: boolean;
  constructor(init?: Record<string, unknown>) {
    super();
    this.subtype = nx.NXAST_CONTROLLER2;
    if (init?.max_len !== undefined) this.max_len = Number(init.max_len);
    if (init?.controller_id !== undefined) this.controller_id = Number(init.controller_id);
    if (init?.reason !== undefined) this.reason = Number(init.reason);
    if (init?.userdata !== undefined) this.userdata = [...(init.userdata as number[])];
    if (init?.pause !== undefined) this.pause = Boolean(init.pause);
  }
  protected decodeBody(r: Reader): void {
    const where = 'NXActionController2';
    r.need(6, where);
    r.skip(6);
    while (r.pos < r.end) {
      r.need(4, where);
      const at = r.pos;
      const type = r.u16();
      const length = r.u16();
      let size = 4;
      switch (type) {
        case nx.NXAC2PT_MAX_LEN:
          r.need(4, where);
          this.max_len = r.view.getUint16(r.pos);
          break;
        case nx.NXAC2PT_CONTROLLER_ID:
          r.need(4, where);
          this.controller_id = r.view.getUint16(r.pos);
          break;
        case nx.NXAC2PT_REASON:
          r.need(4, where);
          this.reason = r.view.getUint8(r.pos);
          break;
        case nx.NXAC2PT_USERDATA: {
          const n = length - 4;
          if (n < 0) throw new OFPMalformedMessage(where, at, `userdata property length ${length} < 4`);
          r.need(n, where);
          this.userdata = Array.from(r.bytes.subarray(r.pos, r.pos + n));
          const us = roundUp(n, 4);
          size = us > 4 && us % 8 === 0 ? us + 4 : us;
          break;
        }
        case nx.NXAC2PT_PAUSE:
          this.pause = true;
          break;
        default:
          throw new OFPMalformedMessage(where, at, `unknown controller2 property type ${type}`);
      }
      r.pos = Math.min(r.pos + size, r.end);
    }
  }
  protected encodeBody(w: Writer): void {
    w.zeros(6);
    if (this.max_len !== undefined) {
      w.u16(nx.NXAC2PT_MAX_LEN);
      w.u16(8);
      w.u16(this.max_len);
      w.zeros(2);
    }
    if (this.controller_id !== undefined) {
      w.u16(nx.NXAC2PT_CONTROLLER_ID);
      w.u16(8);
      w.u16(this.controller_id);
      w.zeros(2);
    }
    if (this.reason !== undefined) {
      w.u16(nx.NXAC2PT_REASON);
      w.u16(5);
      w.u8(this.reason);
      w.zeros(3);
    }
    if (this.userdata !== undefined) {
      const n = this.userdata.length;
      w.u16(nx.NXAC2PT_USERDATA);
      w.u16(4 + n);
      for (const b of this.userdata) w.u8(b);
      const ul = roundUp(n, 4);
      w.zeros(n > 4 ? ul - n + (ul % 8 === 0 ? 4 : 0) : ul - n);
    }
    if (this.pause !== undefined) {
      w.u16(nx.NXAC2PT_PAUSE);
      w.u16(4);
      w.zeros(4);
    }
  }
  protected bodyJson(): JsonObject {
    const o: JsonObject = {};
    if (this.controller_id !== undefined) o.controller_id = this.controller_id;
    if (this.max_len !== undefined) o.max_len = this.max_len;
    if (this.pause !== undefined) o.pause = this.pause;
    if (this.reason !== undefined) o.reason = this.reason;
    if (this.userdata !== undefined) o.userdata = [...this.userdata];
    return o;
  }
  static override fromJsonDict<T extends OFPStruct>(this: Ctor<T>, body: JsonObject, version = 4): T {
    const init: Record<string, unknown> = {};
    for (const k of ['max_len', 'controller_id', 'reason']) if (body[k] !== undefined) init[k] = jsonInt(body[k]);
    if (body.userdata !== undefined) init.userdata = jsonIntList(body.userdata);
    if (body.pause !== undefined) init.pause = true;
    return withVersion(new NXActionController2(init), version) as unknown as T;
  }
}

registerNX(nx.NXAST_CONTROLLER, NXActionController);
registerNX(nx.NXAST_CONTROLLER2, NXActionController2);
