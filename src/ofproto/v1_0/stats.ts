/**
 * OpenFlow 1.0 statistics (OFPT_STATS_REQUEST / OFPT_STATS_REPLY): desc,
 * flow, aggregate, table, port, queue and vendor, plus the Nicira vendor
 * statistics (NXST_FLOW, NXST_AGGREGATE). os-ken has no parser for any stats
 * request; its JSON of a reply is {body, flags, type}.
 */
import type { Reader } from '../../wire/reader.js';
import { JsonDictError, OFPMalformedMessage, OFPUnsupportedType } from '../../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject } from '../../wire/json/json.js';
import {
  dataField, defineStruct, listField, pad, registerClass, selfLen, structElem, structField, typeConst, u16,
  u32, u64, u8, varField, type ElemCodec, type FieldSpec,
} from '../struct.js';
import { markOskenUnparsed, MsgBase, registerMsgType } from '../ofproto_parser.js';
import { NX_EXPERIMENTER_ID } from '../ofproto_common.js';
import { OFPMatch, V10 } from './match.js';
import { actionElem10 } from './actions.js';
import { text } from './port.js';
import { ClsRule, NXMField } from './nx_match.js';
import { nxRuleField } from './nicira.js';

const M = (c: unknown): typeof MsgBase => c as typeof MsgBase;

/** Base of the 1.0 stats replies (os-ken's OFPStatsReply): {type, flags, body}. */
export abstract class OFPStatsReply extends MsgBase {
  static override cls_msg_type = 17;
  static override versions = V10;
}
/** Base of the 1.0 stats requests (os-ken's OFPStatsRequest). */
export abstract class OFPStatsRequest extends MsgBase {
  static override cls_msg_type = 16;
  static override versions = V10;
}
/** Base of the flow and aggregate stats requests (os-ken's OFPFlowStatsRequestBase). */
export abstract class OFPFlowStatsRequestBase extends OFPStatsRequest {}
/** Base of the Nicira stats replies (os-ken's NXStatsReply). */
export abstract class NXStatsReply extends OFPStatsReply {}

type Spec = Record<string, FieldSpec<unknown, unknown>>;
/** A stats message class derived from `base` (defineMsg with a base class; the type table entry is a picker). */
function statsMsg<S extends Spec, B extends abstract new (...a: never[]) => MsgBase>(name: string, spec: S, base: B, osken = true) {
  const C = defineStruct(name, spec, base);
  registerClass(V10, C as never);
  if (!osken) markOskenUnparsed(M(C));
  return C;
}

/* ---------- stats bodies ---------- */

export class OFPDescStats extends defineStruct('OFPDescStats', {
  mfr_desc: text(256, 'ascii'), hw_desc: text(256, 'ascii'), sw_desc: text(256, 'ascii'), serial_num: text(32, 'ascii'),
  dp_desc: text(256, 'ascii'),
}) {}
export class OFPFlowStats extends defineStruct('OFPFlowStats', {
  length: selfLen(), table_id: u8(), _pad: pad(1), match: structField(OFPMatch, () => new OFPMatch()),
  duration_sec: u32(), duration_nsec: u32(), priority: u16(), idle_timeout: u16(), hard_timeout: u16(), _pad2: pad(6),
  cookie: u64(), packet_count: u64(), byte_count: u64(), actions: listField(actionElem10),
}) {}
export class OFPAggregateStats extends defineStruct('OFPAggregateStats', {
  packet_count: u64(), byte_count: u64(), flow_count: u32(), _pad: pad(4),
}) {}
export class OFPTableStats extends defineStruct('OFPTableStats', {
  table_id: u8(), _pad: pad(3), name: text(32, 'utf-8'), wildcards: u32(), max_entries: u32(), active_count: u32(),
  lookup_count: u64(), matched_count: u64(),
}) {}
export class OFPPortStats extends defineStruct('OFPPortStats', {
  port_no: u16(), _pad: pad(6), rx_packets: u64(), tx_packets: u64(), rx_bytes: u64(), tx_bytes: u64(),
  rx_dropped: u64(), tx_dropped: u64(), rx_errors: u64(), tx_errors: u64(), rx_frame_err: u64(), rx_over_err: u64(),
  rx_crc_err: u64(), collisions: u64(),
}) {}
export class OFPQueueStats extends defineStruct('OFPQueueStats', {
  port_no: u16(), _pad: pad(2), queue_id: u32(), tx_bytes: u64(), tx_packets: u64(), tx_errors: u64(),
}) {}
/** Vendor stats body: everything after the stats header, vendor id included (as os-ken keeps it). */
export class OFPVendorStats extends defineStruct('OFPVendorStats', { specific_data: dataField() }) {}

/** The NXM fields of an NX flow stats entry (os-ken's MFField list). */
const nxmFields = varField<NXMField[]>(
  {
    decode(r, o) {
      const len = o.match_len as number;
      r.need(len, 'nx_flow_stats match');
      const end = r.pos + len;
      const out: NXMField[] = [];
      const save = r.end;
      r.end = end;
      try {
        while (r.pos < end) out.push(NXMField.parse(r, 'nx_flow_stats match'));
      } finally {
        r.end = save;
      }
      r.pos = Math.min(r.end, r.pos + (((len + 7) & ~7) - len));
      return out;
    },
    encode(w, v, o) {
      const start = w.pos;
      for (const f of v ?? []) f.encodeTo(w);
      const len = w.pos - start;
      o.match_len = len;
      w.patch16(start - 48 + 18, len);
      w.align(start, 8);
    },
    toJson: (v) => (v ?? []).map((f) => f.toJsonDict()),
    fromJson(j) {
      if (!Array.isArray(j)) throw new JsonDictError('NXFlowStats.fields must be a list');
      return j.map((x) => NXMField.fromJsonDict((x as JsonObject).NXMField as JsonObject));
    },
  },
  () => [],
);

export class NXFlowStats extends defineStruct('NXFlowStats', {
  length: selfLen(), table_id: u8(), _pad: pad(1), duration_sec: u32(), duration_nsec: u32(), priority: u16(),
  idle_timeout: u16(), hard_timeout: u16(), match_len: u16(), idle_age: u16(), hard_age: u16(), cookie: u64(),
  packet_count: u64(), byte_count: u64(), fields: nxmFields, actions: listField(actionElem10),
}) {}
export class NXAggregateStats extends defineStruct('NXAggregateStats', {
  packet_count: u64(), byte_count: u64(), flow_count: u32(), _pad: pad(4),
}) {}
for (const C of [OFPDescStats, OFPFlowStats, OFPAggregateStats, OFPTableStats, OFPPortStats, OFPQueueStats, OFPVendorStats, NXFlowStats, NXAggregateStats]) {
  registerClass(V10, C as never);
}

/** os-ken's single-struct body (desc): entries to the end, the first is kept. */
function singleBody<T extends { toJsonDict(): JsonObject }>(elem: ElemCodec<T>, def: () => T): FieldSpec<T, T> {
  const list = listField(elem).ops!;
  return varField<T>(
    {
      decode(r, o, n) {
        const all = list.decode(r, o, n);
        if (all.length === 0) throw new OFPMalformedMessage('ofp_stats_reply', r.pos, 'empty stats body');
        return all[0]!;
      },
      encode: (w, v) => elem.encode(w, v),
      toJson: (v) => elem.toJson(v),
      fromJson: (j, version) => elem.fromJson(j, version),
    },
    def,
  );
}

/* ---------- replies ---------- */

const head = (t: number) => ({ type: typeConst(t), flags: u16() });

export class OFPDescStatsReply extends statsMsg('OFPDescStatsReply', {
  ...head(0), body: singleBody(structElem(OFPDescStats), () => new OFPDescStats()),
}, OFPStatsReply) {}
export class OFPFlowStatsReply extends statsMsg('OFPFlowStatsReply', { ...head(1), body: listField(structElem(OFPFlowStats)) }, OFPStatsReply) {}
export class OFPAggregateStatsReply extends statsMsg('OFPAggregateStatsReply', { ...head(2), body: listField(structElem(OFPAggregateStats)) }, OFPStatsReply) {}
export class OFPTableStatsReply extends statsMsg('OFPTableStatsReply', { ...head(3), body: listField(structElem(OFPTableStats)) }, OFPStatsReply) {}
export class OFPPortStatsReply extends statsMsg('OFPPortStatsReply', { ...head(4), body: listField(structElem(OFPPortStats)) }, OFPStatsReply) {}
export class OFPQueueStatsReply extends statsMsg('OFPQueueStatsReply', { ...head(5), body: listField(structElem(OFPQueueStats)) }, OFPStatsReply) {}
export class OFPVendorStatsReply extends statsMsg('OFPVendorStatsReply', {
  ...head(0xffff), body: structField(OFPVendorStats, () => new OFPVendorStats()),
}, OFPStatsReply) {}
const nxHead = (subtype: number) => ({ ...head(0xffff), _vendor: typeConst(NX_EXPERIMENTER_ID, 32), _subtype: typeConst(subtype, 32), _pad: pad(4) });
export class NXFlowStatsReply extends statsMsg('NXFlowStatsReply', { ...nxHead(0), body: listField(structElem(NXFlowStats)) }, NXStatsReply) {}
export class NXAggregateStatsReply extends statsMsg('NXAggregateStatsReply', { ...nxHead(1), body: listField(structElem(NXAggregateStats)) }, NXStatsReply) {}
/** An NX flow stats reply whose entries carry NXM fields: os-ken cannot print it as JSON. */
export class NXFlowStatsReplyOskenUnparsed extends NXFlowStatsReply {}
markOskenUnparsed(M(NXFlowStatsReplyOskenUnparsed));

const REPLIES = new Map<number, typeof MsgBase>([
  [0, M(OFPDescStatsReply)], [1, M(OFPFlowStatsReply)], [2, M(OFPAggregateStatsReply)], [3, M(OFPTableStatsReply)],
  [4, M(OFPPortStatsReply)], [5, M(OFPQueueStatsReply)],
]);

/** Does any NX flow stats entry from `at` carry match fields (os-ken's JSON of MFField fails)? */
function nxFlowStatsHasFields(r: Reader, at: number): boolean {
  let p = at;
  while (r.end - p >= 48) {
    const len = r.view.getUint16(p);
    if (r.view.getUint16(p + 18) > 4) return true;
    if (len === 0) return false;
    p += len;
  }
  return false;
}

/** JSON lookup finds the exported classes (later registration wins over the generated bases). */
for (const C of [
  OFPDescStatsReply, OFPFlowStatsReply, OFPAggregateStatsReply, OFPTableStatsReply, OFPPortStatsReply, OFPQueueStatsReply,
  OFPVendorStatsReply, NXFlowStatsReply, NXAggregateStatsReply,
]) registerClass(V10, C as never);

registerMsgType(V10, 17, (r: Reader) => {
  r.need(4, 'ofp_stats_reply');
  const type = r.view.getUint16(r.pos);
  if (type !== 0xffff) {
    const C = REPLIES.get(type);
    if (!C) throw new OFPUnsupportedType(1, 'stats reply type', type);
    return C;
  }
  r.need(8, 'ofp_vendor_stats_reply');
  if (r.view.getUint32(r.pos + 4) !== NX_EXPERIMENTER_ID) return M(OFPVendorStatsReply);
  r.need(12, 'nx_stats_reply');
  const subtype = r.view.getUint32(r.pos + 8);
  if (subtype === 0) {
    return M(nxFlowStatsHasFields(r, r.pos + 16) ? NXFlowStatsReplyOskenUnparsed : NXFlowStatsReply);
  }
  if (subtype === 1) return M(NXAggregateStatsReply);
  throw new OFPUnsupportedType(1, 'Nicira stats reply subtype', subtype);
});

/* ---------- requests (os-ken has no parser for them) ---------- */

const flowReqBody = { match: structField(OFPMatch, () => new OFPMatch()), table_id: u8(0xff), _pad: pad(1), out_port: u16(0xffff) };

export class OFPDescStatsRequest extends statsMsg('OFPDescStatsRequest', { ...head(0) }, OFPStatsRequest, false) {}
export class OFPFlowStatsRequest extends statsMsg('OFPFlowStatsRequest', { ...head(1), ...flowReqBody }, OFPFlowStatsRequestBase, false) {}
export class OFPAggregateStatsRequest extends statsMsg('OFPAggregateStatsRequest', { ...head(2), ...flowReqBody }, OFPFlowStatsRequestBase, false) {}
export class OFPTableStatsRequest extends statsMsg('OFPTableStatsRequest', { ...head(3) }, OFPStatsRequest, false) {}
export class OFPPortStatsRequest extends statsMsg('OFPPortStatsRequest', { ...head(4), port_no: u16(0xffff), _pad: pad(6) }, OFPStatsRequest, false) {}
export class OFPQueueStatsRequest extends statsMsg('OFPQueueStatsRequest', {
  ...head(5), port_no: u16(0xfffc), _pad: pad(2), queue_id: u32(0xffffffff),
}, OFPStatsRequest, false) {}
/** Vendor-specific request data (None allowed, as os-ken's default). */
const vendorData = varField<Uint8Array | null>(
  {
    decode: (r) => r.rest(),
    encode: (w, v) => {
      if (v) w.bytes(v);
    },
    toJson: (v) => (v ? base64Encode(v) : null),
    fromJson: (j) => (typeof j === 'string' ? base64Decode(j) : null),
  },
  null,
);
export class OFPVendorStatsRequest extends statsMsg('OFPVendorStatsRequest', {
  ...head(0xffff), vendor: u32(), specific_data: vendorData,
}, OFPStatsRequest, false) {}
/** Base of the Nicira stats requests (os-ken's NXStatsRequest). */
export abstract class NXStatsRequest extends OFPVendorStatsRequest {}
/** `specific_data` is None for the Nicira requests (their body is the NX request). */
const nullData = varField<Uint8Array | null>({ decode: () => null, encode: () => undefined, toJson: () => null, fromJson: () => null }, null);
const nxReqBody = (subtype: number) => ({
  ...head(0xffff), vendor: typeConst(NX_EXPERIMENTER_ID, 32), subtype: typeConst(subtype, 32), _pad: pad(4),
  out_port: u16(0xffff), match_len: u16(), table_id: u8(0xff), _pad2: pad(3), rule: nxRuleField(6, 'match_len'),
  specific_data: nullData,
});
export class NXFlowStatsRequest extends statsMsg('NXFlowStatsRequest', nxReqBody(0), NXStatsRequest, false) {}
export class NXAggregateStatsRequest extends statsMsg('NXAggregateStatsRequest', nxReqBody(1), NXStatsRequest, false) {}

const REQUESTS = new Map<number, typeof MsgBase>([
  [0, M(OFPDescStatsRequest)], [1, M(OFPFlowStatsRequest)], [2, M(OFPAggregateStatsRequest)], [3, M(OFPTableStatsRequest)],
  [4, M(OFPPortStatsRequest)], [5, M(OFPQueueStatsRequest)],
]);

for (const C of [
  OFPDescStatsRequest, OFPFlowStatsRequest, OFPAggregateStatsRequest, OFPTableStatsRequest, OFPPortStatsRequest,
  OFPQueueStatsRequest, OFPVendorStatsRequest, NXFlowStatsRequest, NXAggregateStatsRequest,
]) {
  registerClass(V10, C as never);
  markOskenUnparsed(M(C));
}

registerMsgType(V10, 16, (r: Reader) => {
  r.need(4, 'ofp_stats_request');
  const type = r.view.getUint16(r.pos);
  if (type !== 0xffff) {
    const C = REQUESTS.get(type);
    if (!C) throw new OFPUnsupportedType(1, 'stats request type', type);
    return C;
  }
  r.need(8, 'ofp_vendor_stats_request');
  if (r.view.getUint32(r.pos + 4) !== NX_EXPERIMENTER_ID) return M(OFPVendorStatsRequest);
  r.need(12, 'nx_stats_request');
  const subtype = r.view.getUint32(r.pos + 8);
  if (subtype === 0) return M(NXFlowStatsRequest);
  if (subtype === 1) return M(NXAggregateStatsRequest);
  throw new OFPUnsupportedType(1, 'Nicira stats request subtype', subtype);
}, false);

export { ClsRule };
