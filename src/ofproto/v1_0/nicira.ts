/**
 * OpenFlow 1.0 vendor message (OFPVendor) and the Nicira extension messages
 * os-ken's ofproto_v1_0_parser defines (NiciraHeader, NXT*). As in os-ken, a
 * received vendor message is an OFPVendor whose `data` is the decoded
 * Nicira message (or the raw body for other vendors); each NXT* class is
 * also a message of its own for sending.
 *
 * os-ken parses only NXT_ROLE_REPLY, NXT_FLOW_REMOVED and NXT_PACKET_IN, and
 * cannot print the last two as JSON; the `osken ofp decode` contract
 * reports those (and every other Nicira subtype) as {"error"}.
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError, OFPUnsupportedType } from '../../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject } from '../../wire/json/json.js';
import {
  defineStruct, Layout, listField, OFPStruct, pad, registerClass, typeConst, u16, u32, u64, u8, varField,
  type FieldSpec,
} from '../struct.js';
import { markOskenUnparsed, MsgBase, registerMsgType } from '../ofproto_parser.js';
import { NX_EXPERIMENTER_ID } from '../ofproto_common.js';
import { V10 } from './match.js';
import { actionElem10 } from './actions.js';
import { ClsRule, NXMatch, parseNxmMatch, serializeNxmMatch } from './nx_match.js';

/** Base of the Nicira vendor messages: vendor and subtype follow the OpenFlow header. */
export abstract class NiciraHeader extends MsgBase {
  static override cls_msg_type = 4;
  static override versions = V10;
  /** os-ken's `data` attribute (always None for Nicira messages) */
  data: null = null;
  override jsonBody(): JsonObject {
    return { ...super.jsonBody(), data: null };
  }
}

const NX_SUBTYPES = new Map<number, new () => NiciraHeader>();

type NxSpec = Record<string, FieldSpec<unknown, unknown>>;
function nxMsg<S extends NxSpec>(name: string, subtype: number, body: S) {
  return defineStruct(name, { vendor: typeConst(NX_EXPERIMENTER_ID, 32), subtype: typeConst(subtype, 32), ...body }, NiciraHeader);
}

/** The NXM match of an NX flow mod: a ClsRule; the u16 match_len `back` bytes before the rule gets its unpadded length. */
export function nxRuleField(back: number, lenName: string): FieldSpec<ClsRule | null, ClsRule | null> {
  return varField<ClsRule | null>(
    {
      decode(r, o) {
        const len = o[lenName] as number;
        if (len === 0) return null;
        const rule = parseNxmMatch(r, len);
        const padded = Math.min(r.end, r.pos + (((len + 7) & ~7) - len));
        r.pos = padded;
        return rule;
      },
      encode(w, v, o) {
        const len = v ? serializeNxmMatch(v, w) : 0;
        const at = w.pos - (v ? (len + 7) & ~7 : 0) - back;
        w.patch16(at, len);
        o[lenName] = len;
      },
      toJson: (v) => (v ? v.toJsonDict() : null),
      fromJson(j) {
        if (j === null) return null;
        const body = (j as JsonObject).ClsRule;
        if (body === undefined) throw new JsonDictError('expected {"ClsRule": ...}');
        return ClsRule.fromJsonDict(body as JsonObject);
      },
    },
    null,
  );
}

/** A received NXM match as os-ken keeps it (NXMatch: first header), with the raw bytes for re-encoding. */
function nxMatchField(): FieldSpec<NXMatch | null, NXMatch | null> {
  return varField<NXMatch | null>(
    {
      decode(r, o) {
        const len = o.match_len as number;
        const m = NXMatch.parser(r, r.pos, len);
        const padded = (len + 7) & ~7;
        r.need(len, 'nx_match');
        o._match_bytes = r.bytes.slice(r.pos, r.pos + len);
        r.pos = Math.min(r.end, r.pos + padded);
        return m;
      },
      encode(w, v, o) {
        const start = w.pos;
        const raw = o._match_bytes as Uint8Array | undefined;
        const len = o.match_len as number | null;
        if (raw) w.bytes(raw);
        else if (v) {
          w.u32(v.header >>> 0);
          w.zeros(v.length());
        }
        if (len !== null && len > w.pos - start) w.zeros(len - (w.pos - start));
        w.align(start, 8);
      },
      toJson: (v) => (v ? v.toJsonDict() : null),
      fromJson(j) {
        if (j === null) return null;
        const body = (j as JsonObject).NXMatch as JsonObject | undefined;
        if (!body || typeof body.header !== 'number') throw new JsonDictError('expected {"NXMatch": {"header": N}}');
        return new NXMatch(body.header);
      },
    },
    null,
  );
}

/** Frame of an NX packet-in: the rest, cut to total_len (as os-ken). */
const frameField = varField<Uint8Array>(
  {
    decode(r, o) {
      const data = r.rest();
      const total = o.total_len as number;
      return total < data.length ? data.subarray(0, total) : data;
    },
    encode: (w, v) => w.bytes(v ?? new Uint8Array(0)),
    toJson: (v) => base64Encode(v ?? new Uint8Array(0)),
    fromJson: (j) => (typeof j === 'string' ? base64Decode(j) : new Uint8Array(0)),
  },
  () => new Uint8Array(0),
);

/** A [value0, value1] pair of u32 masks (NXT_SET_ASYNC_CONFIG). */
function maskPair(): FieldSpec<number[], number[]> {
  return varField<number[]>(
    {
      decode(r) {
        r.need(8, 'nx_async_config');
        const v = [r.view.getUint32(r.pos), r.view.getUint32(r.pos + 4)];
        r.pos += 8;
        return v;
      },
      encode(w, v) {
        w.u32((v?.[0] ?? 0) >>> 0);
        w.u32((v?.[1] ?? 0) >>> 0);
      },
      toJson: (v) => v ?? [0, 0],
      fromJson(j) {
        if (!Array.isArray(j) || j.length !== 2) throw new JsonDictError('expected a [mask, mask] pair');
        return j.map((x) => Number(x));
      },
    },
    () => [0, 0],
  );
}

export class NXTRoleRequest extends nxMsg('NXTRoleRequest', 10, { role: u32() }) {}
export class NXTRoleReply extends nxMsg('NXTRoleReply', 11, { role: u32() }) {}
export class NXTSetFlowFormat extends nxMsg('NXTSetFlowFormat', 12, { format: u32() }) {
  constructor(init?: { format?: number; flow_format?: number } & Record<string, unknown>) {
    super({ ...init, format: init?.format ?? init?.flow_format });
  }
}
export class NXTFlowMod extends nxMsg('NXTFlowMod', 13, {
  cookie: u64(), command: u16(), idle_timeout: u16(), hard_timeout: u16(), priority: u16(0x8000),
  buffer_id: u32(0xffffffff), out_port: u16(0xffff), flags: u16(), _match_len: u16(), _pad: pad(6),
  rule: nxRuleField(8, '_match_len'), actions: listField(actionElem10),
}) {}
export class NXTFlowRemoved extends nxMsg('NXTFlowRemoved', 14, {
  cookie: u64(), priority: u16(), reason: u8(), _pad: pad(1), duration_sec: u32(), duration_nsec: u32(),
  idle_timeout: u16(), match_len: u16(), packet_count: u64(), byte_count: u64(), match: nxMatchField(),
}) {}
export class NXTFlowModTableId extends nxMsg('NXTFlowModTableId', 15, { set: u8(), _pad: pad(7) }) {
  constructor(init?: { set?: number; set_?: number } & Record<string, unknown>) {
    super({ ...init, set: init?.set ?? init?.set_ });
  }
}
export class NXTSetPacketInFormat extends nxMsg('NXTSetPacketInFormat', 16, { format: u32() }) {
  constructor(init?: { format?: number; packet_in_format?: number } & Record<string, unknown>) {
    super({ ...init, format: init?.format ?? init?.packet_in_format });
  }
}
export class NXTPacketIn extends nxMsg('NXTPacketIn', 17, {
  buffer_id: u32(), total_len: u16(), reason: u8(), table_id: u8(), cookie: u64(), match_len: u16(), _pad: pad(6),
  match: nxMatchField(), frame: frameField,
}) {}
export class NXTFlowAge extends nxMsg('NXTFlowAge', 18, {}) {}
export class NXTSetAsyncConfig extends nxMsg('NXTSetAsyncConfig', 19, {
  packet_in_mask: maskPair(), port_status_mask: maskPair(), flow_removed_mask: maskPair(),
}) {}
export class NXTSetControllerId extends nxMsg('NXTSetControllerId', 20, { _pad: pad(6), controller_id: u16() }) {}

for (const C of [
  NXTRoleRequest, NXTRoleReply, NXTSetFlowFormat, NXTFlowMod, NXTFlowRemoved, NXTFlowModTableId, NXTSetPacketInFormat,
  NXTPacketIn, NXTFlowAge, NXTSetAsyncConfig, NXTSetControllerId,
]) {
  registerClass(V10, C as never);
  const subtype = C.layout.fields.find((f) => f.name === 'subtype')!.spec.constValue!;
  NX_SUBTYPES.set(subtype, C as unknown as new () => NiciraHeader);
}

/** Vendor message (OFPT_VENDOR): `data` is the decoded Nicira message, or the raw body of another vendor. */
export class OFPVendor extends MsgBase {
  static override jsonName = 'OFPVendor';
  static override layout = new Layout('OFPVendor', {});
  static override cls_msg_type = 4;
  static override versions = V10;
  vendor: number | null;
  data: Uint8Array | NiciraHeader | null;
  constructor(init?: { vendor?: number | null; data?: Uint8Array | NiciraHeader | null } & Record<string, unknown>) {
    super(init);
    this.vendor = init?.vendor ?? null;
    this.data = init?.data ?? null;
  }
  override decodeFrom(r: Reader): void {
    r.need(4, 'ofp_vendor_header');
    this.vendor = r.view.getUint32(r.pos);
    if (this.vendor === NX_EXPERIMENTER_ID) {
      r.need(8, 'nicira_header');
      const subtype = r.view.getUint32(r.pos + 4);
      const C = NX_SUBTYPES.get(subtype);
      if (!C) throw new OFPUnsupportedType(1, 'Nicira message subtype', subtype);
      const m = new C();
      this.data = m;
      m.version = this.version;
      m.msg_type = this.msg_type;
      m.msg_len = this.msg_len;
      m.xid = this.xid;
      m.decodeFrom(r);
      return;
    }
    r.pos += 4;
    this.data = r.rest();
  }
  override encodeTo(w: Writer): void {
    if (this.data instanceof NiciraHeader) {
      this.data.encodeTo(w);
      return;
    }
    w.u32((this.vendor ?? 0) >>> 0);
    if (this.data) w.bytes(this.data);
  }
  override jsonBody(): JsonObject {
    const d = this.data;
    return { data: d instanceof NiciraHeader ? d.toJsonDict() : d ? base64Encode(d) : null, vendor: this.vendor };
  }
  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject, version = 1): T {
    let data: Uint8Array | NiciraHeader | null = null;
    const j = body.data;
    if (typeof j === 'string') data = base64Decode(j);
    else if (j !== null && j !== undefined && typeof j === 'object' && !Array.isArray(j) && typeof j !== 'bigint') {
      const [name] = Object.keys(j);
      const C = [...NX_SUBTYPES.values()].find((c) => (c as unknown as { jsonName: string }).jsonName === name) as unknown as typeof OFPStruct | undefined;
      if (!C || name === undefined) throw new JsonDictError(`OFPVendor: unknown vendor message ${String(name)}`);
      data = (C as unknown as { fromJsonDict(b: JsonObject, v: number): NiciraHeader }).fromJsonDict(j[name] as JsonObject, version);
    }
    return new OFPVendor({ vendor: typeof body.vendor === 'number' ? body.vendor : null, data }) as unknown as T;
  }
}
registerClass(V10, OFPVendor as never);

/** The same message, for vendor messages os-ken cannot parse or print (Nicira subtypes other than ROLE_REPLY). */
export class OFPVendorOskenUnparsed extends OFPVendor {}
markOskenUnparsed(OFPVendorOskenUnparsed);

registerMsgType(V10, 4, (r: Reader) => {
  if (r.end - r.pos >= 8 && r.view.getUint32(r.pos) === NX_EXPERIMENTER_ID && r.view.getUint32(r.pos + 4) !== 11) {
    return OFPVendorOskenUnparsed;
  }
  return OFPVendor;
});
