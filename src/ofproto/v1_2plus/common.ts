/**
 * Messages whose layout is the same in several OpenFlow versions (1.0 and/or 1.2-1.5),
 * described once with the list of versions that share them.
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import type { JsonObject } from '../../wire/json/json.js';
import { dataField, listField, pad, structField, u16, u32, u64, u8, Layout, OFPStruct, registerClass, type ElemCodec } from '../struct.js';
import { defineMsg, MsgBase } from '../ofproto_parser.js';
import { OFPMatch } from '../oxm_match.js';
import { instructionElem } from './instructions.js';
import { actionElem, V12_15, V13_15 } from './actions.js';
import { lenOf, type FieldSpec } from '../struct.js';
import { JsonDictError, OFPMalformedMessage } from '../../wire/errors.js';
import { packetFromJson } from '../packet_json.js';

export const ALL_VERSIONS = [1, 3, 4, 5, 6] as const;
export const V14_15 = [5, 6] as const;

/* ---------- symmetric ---------- */

/** Hello element: version bitmap (OpenFlow 1.3+). */
export class OFPHelloElemVersionBitmap extends OFPStruct {
  static override jsonName = 'OFPHelloElemVersionBitmap';
  static override layout = new Layout('OFPHelloElemVersionBitmap', {});
  type = 1;
  length: number | null = null;
  versions: number[];
  constructor(init?: { versions?: number[]; type?: number; length?: number | null }) {
    super();
    this.versions = init?.versions ?? [];
  }
  override decodeFrom(r: Reader): void {
    const start = r.pos;
    r.need(4, 'ofp_hello_elem');
    this.type = r.view.getUint16(start);
    const len = r.view.getUint16(start + 2);
    r.checkLen(len, 4, start, 'ofp_hello_elem_versionbitmap');
    this.length = len;
    this.versions = [];
    const nwords = (len - 4) >> 2;
    for (let i = 0; i < nwords; i++) {
      const word = r.view.getUint32(start + 4 + 4 * i);
      for (let bit = 0; bit < 32; bit++) if (word & (1 << bit)) this.versions.push(i * 32 + bit);
    }
    r.pos = start + ((len + 7) & ~7) <= r.end ? start + ((len + 7) & ~7) : start + len;
  }
  override encodeTo(w: Writer): void {
    const start = w.pos;
    const max = this.versions.length ? Math.max(...this.versions) : 0;
    const nwords = Math.floor(max / 32) + 1;
    const words = new Array<number>(nwords).fill(0);
    for (const v of this.versions) words[v >> 5]! |= 1 << (v & 31);
    w.u16(this.type);
    w.u16(4 + 4 * nwords);
    for (const x of words) w.u32(x >>> 0);
    this.length = 4 + 4 * nwords;
    w.align(start, 8);
  }
  override jsonBody(): JsonObject {
    return { length: this.length, type: this.type, versions: this.versions };
  }
  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject): T {
    return new OFPHelloElemVersionBitmap({ versions: (body.versions as number[]) ?? [] }) as unknown as T;
  }
}
registerClass(V13_15, OFPHelloElemVersionBitmap as never);

const helloElem: ElemCodec<OFPStruct> = {
  decode(r) {
    r.need(4, 'ofp_hello_elem');
    const type = r.view.getUint16(r.pos);
    const len = r.view.getUint16(r.pos + 2);
    if (len < 4) throw new OFPMalformedMessage('ofp_hello_elem', r.pos, `length ${len} < 4`);
    if (type !== 1) {
      // os-ken skips unknown hello elements; keep the stream moving
      r.checkLen(len, 4, r.pos, 'ofp_hello_elem');
      r.pos += len;
      return null as unknown as OFPStruct;
    }
    return OFPHelloElemVersionBitmap.decode(r);
  },
  encode: (w, v) => v.encodeTo(w),
  toJson: (v) => v.toJsonDict(),
  fromJson: (j) => {
    const b = (j as JsonObject).OFPHelloElemVersionBitmap;
    if (!b) throw new JsonDictError('expected OFPHelloElemVersionBitmap');
    return OFPHelloElemVersionBitmap.fromJsonDict(b as JsonObject);
  },
};
const helloElems = listField(helloElem);
const helloOps = helloElems.ops!;
export class OFPHello extends defineMsg('OFPHello', { versions: V13_15, type: 0 }, {
  elements: { ...helloElems, ops: { ...helloOps, decode: (r, o, n) => helloOps.decode(r, o, n).filter((x) => x !== null) } },
}) {}
/** OpenFlow 1.0 and 1.2 hello: header only (any body is ignored). */
export class OFPHelloV10 extends defineMsg('OFPHello', { versions: [1, 3], type: 0 }, {}) {}

export class OFPEchoRequest extends defineMsg('OFPEchoRequest', { versions: ALL_VERSIONS, type: 2 }, { data: dataField() }) {}
export class OFPEchoReply extends defineMsg('OFPEchoReply', { versions: ALL_VERSIONS, type: 3 }, { data: dataField() }) {}

export class OFPExperimenter extends defineMsg('OFPExperimenter', { versions: V12_15, type: 4, noTypeEntry: true }, {
  experimenter: u32(), exp_type: u32(), data: dataField(),
}) {}

/** Experimenter messages os-ken parses as their own class ((experimenter, exp_type) -> class, per version). */
const EXPERIMENTER_MSGS = new Map<number, Map<string, typeof MsgBase>>();
export function registerExperimenterMsg(versions: readonly number[], experimenter: number, expType: number, cls: unknown): void {
  for (const v of versions) {
    let m = EXPERIMENTER_MSGS.get(v);
    if (!m) EXPERIMENTER_MSGS.set(v, (m = new Map()));
    m.set(`${experimenter}:${expType}`, cls as typeof MsgBase);
  }
}
function pickExperimenter(r: Reader): typeof MsgBase {
  if (r.end - r.pos >= 8) {
    const cls = EXPERIMENTER_MSGS.get(r.version)?.get(`${r.view.getUint32(r.pos)}:${r.view.getUint32(r.pos + 4)}`);
    if (cls) return cls;
  }
  return OFPExperimenter as unknown as typeof MsgBase;
}

/** Error message; type 0xffff carries exp_type/experimenter instead of code (1.2+). */
export class OFPErrorMsg extends MsgBase {
  static override jsonName = 'OFPErrorMsg';
  static override layout = new Layout('OFPErrorMsg', {});
  static override cls_msg_type = 1;
  static override versions = ALL_VERSIONS;
  type: number;
  code: number | null;
  data: Uint8Array;
  exp_type: number | null;
  experimenter: number | null;
  constructor(init?: Record<string, unknown>) {
    super(init);
    this.type = (init?.type as number) ?? 0;
    this.code = (init?.code as number | null) ?? 0;
    this.data = (init?.data as Uint8Array) ?? new Uint8Array(0);
    this.exp_type = (init?.exp_type as number | null) ?? null;
    this.experimenter = (init?.experimenter as number | null) ?? null;
  }
  override decodeFrom(r: Reader): void {
    r.need(4, 'ofp_error_msg');
    this.type = r.u16();
    if (this.type === 0xffff && r.version !== 1) {
      r.need(6, 'ofp_error_experimenter_msg');
      this.exp_type = r.u16();
      this.experimenter = r.u32();
      this.code = null;
    } else {
      this.code = r.u16();
    }
    this.data = r.rest();
  }
  override encodeTo(w: Writer): void {
    w.u16(this.type);
    if (this.type === 0xffff && w.version !== 1) {
      w.u16(this.exp_type ?? 0);
      w.u32(this.experimenter ?? 0);
    } else {
      w.u16(this.code ?? 0);
    }
    w.bytes(this.data ?? new Uint8Array(0));
  }
  override jsonBody(): JsonObject {
    const o: JsonObject = { code: this.code, data: Buffer.from(this.data).toString('base64'), type: this.type };
    if (this.type === 0xffff && this.experimenter !== null) {
      o.exp_type = this.exp_type;
      o.experimenter = this.experimenter;
    }
    return o;
  }
  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject): T {
    return new OFPErrorMsg({
      type: body.type,
      code: body.code ?? null,
      data: typeof body.data === 'string' ? new Uint8Array(Buffer.from(body.data, 'base64')) : new Uint8Array(0),
      exp_type: body.exp_type ?? null,
      experimenter: body.experimenter ?? null,
    }) as unknown as T;
  }
}
registerClass(ALL_VERSIONS, OFPErrorMsg as never);

/** os-ken's OFPErrorExperimenterMsg(): an error message of type OFPET_EXPERIMENTER. */
export function OFPErrorExperimenterMsg(init: { datapath?: unknown; exp_type?: number; experimenter?: number; data?: Uint8Array } = {}): OFPErrorMsg {
  return new OFPErrorMsg({ ...init, type: 0xffff, code: null });
}
import { registerMsgType } from '../ofproto_parser.js';
registerMsgType(ALL_VERSIONS, 1, OFPErrorMsg);
registerMsgType(V12_15, 4, pickExperimenter);

/* ---------- handshake and configuration ---------- */
export class OFPFeaturesRequest extends defineMsg('OFPFeaturesRequest', { versions: ALL_VERSIONS, type: 5, osken: false }, {}) {}
export class OFPSwitchFeatures extends defineMsg('OFPSwitchFeatures', { versions: V13_15, type: 6 }, {
  datapath_id: u64(), n_buffers: u32(), n_tables: u8(), auxiliary_id: u8(), _pad: pad(2), capabilities: u32(), _reserved: pad(4),
}) {}
export class OFPGetConfigRequest extends defineMsg('OFPGetConfigRequest', { versions: ALL_VERSIONS, type: 7, osken: false }, {}) {}
export class OFPGetConfigReply extends defineMsg('OFPGetConfigReply', { versions: ALL_VERSIONS, type: 8 }, { flags: u16(), miss_send_len: u16() }) {}
export class OFPSetConfig extends defineMsg('OFPSetConfig', { versions: ALL_VERSIONS, type: 9, osken: false }, { flags: u16(), miss_send_len: u16(128) }) {}

/* ---------- asynchronous ---------- */
/** Packet-in data: os-ken cuts it to total_len when more bytes follow. */
export function packetInData(): FieldSpec<Uint8Array, Uint8Array> {
  const d = dataField();
  return {
    ...d,
    ops: {
      ...d.ops!,
      decode(r, o, n) {
        const v = d.ops!.decode(r, o, n);
        const total = o.total_len as number;
        return total < v.length ? v.subarray(0, total) : v;
      },
    },
  };
}

export class OFPPacketIn extends defineMsg('OFPPacketIn', { versions: V13_15, type: 10 }, {
  buffer_id: u32(), total_len: u16(), reason: u8(), table_id: u8(), cookie: u64(),
  match: structField(OFPMatch, () => new OFPMatch()), _pad: pad(2), data: packetInData(),
}) {}

export class OFPFlowRemoved extends defineMsg('OFPFlowRemoved', { versions: [3, 4, 5], type: 11 }, {
  cookie: u64(), priority: u16(), reason: u8(), table_id: u8(), duration_sec: u32(), duration_nsec: u32(),
  idle_timeout: u16(), hard_timeout: u16(), packet_count: u64(), byte_count: u64(),
  match: structField(OFPMatch, () => new OFPMatch()),
}) {}

/* ---------- controller commands ---------- */

/** Packet-out data: bytes, or in JSON either base64 or a packet library `{"Packet": {...}}` (serialized). */
function packetOutData(): FieldSpec<Uint8Array, Uint8Array> {
  const d = dataField();
  return {
    ...d,
    ops: {
      ...d.ops!,
      fromJson(j, version) {
        if (j !== null && typeof j === 'object' && !Array.isArray(j) && typeof j !== 'bigint' && 'Packet' in j) {
          return packetFromJson(j);
        }
        return d.ops!.fromJson(j, version);
      },
    },
  };
}
export class OFPPacketOut extends defineMsg('OFPPacketOut', { versions: [3, 4, 5], type: 13, osken: false }, {
  buffer_id: u32(0xffffffff), in_port: u32(), actions_len: lenOf('actions'), _pad: pad(6),
  actions: listField(actionElem), data: packetOutData(),
}) {}

const flowModHead = {
  cookie: u64(), cookie_mask: u64(), table_id: u8(), command: u8(), idle_timeout: u16(), hard_timeout: u16(),
  priority: u16(0x8000), buffer_id: u32(0xffffffff), out_port: u32(), out_group: u32(), flags: u16(),
};
export class OFPFlowMod extends defineMsg('OFPFlowMod', { versions: [3, 4], type: 14 }, {
  ...flowModHead, _pad: pad(2),
  match: structField(OFPMatch, () => new OFPMatch()), instructions: listField(instructionElem),
}) {}
export class OFPFlowModV14 extends defineMsg('OFPFlowMod', { versions: V14_15, type: 14 }, {
  ...flowModHead, importance: u16(),
  match: structField(OFPMatch, () => new OFPMatch()), instructions: listField(instructionElem),
}) {}

export class OFPBarrierRequest extends defineMsg('OFPBarrierRequest', { versions: V12_15, type: 20, osken: false }, {}) {}
export class OFPBarrierReply extends defineMsg('OFPBarrierReply', { versions: V12_15, type: 21 }, {}) {}

export { OFPMatch, MsgBase };
