/**
 * ONF extensions os-ken implements for OpenFlow 1.3: flow monitor (EXT-187) requests
 * and bundles (EXT-230: ONFBundleCtrlMsg, ONFBundleAddMsg).
 */
import type { Reader } from '../../wire/reader.js';
import { Writer } from '../../wire/writer.js';
import { JsonDictError } from '../../wire/errors.js';
import type { JsonObject, JsonValue } from '../../wire/json/json.js';
import { defineMsg, MsgBase, ofpMsgFromJsonDict, registerStruct } from '../ofproto_parser.js';
import { OFPMatch } from '../oxm_match.js';
import { oxmParse, oxmTable, type MatchValue } from '../oxm_fields.js';
import { Layout, listField, OFPStruct, pad, structElem, structField, typeConst, u16, u32, varField, type FieldSpec } from '../struct.js';
import { registerExperimenterMsg } from '../v1_2plus/common.js';
import { mpRequest, OFPExperimenterStatsRequestBase, paddedElem, registerMultipartRequest } from '../v1_2plus/mp_common.js';
import { OFPExperimenterStatsRequest } from '../v1_2plus/multipart.js';
import { OFPPropBase, OFPPropUnknown } from '../v1_2plus/table_features.js';

/** Base of bundle properties (os-ken's OFPBundleProp; it knows no property type). */
export abstract class OFPBundleProp extends OFPPropBase {}

export const ONF_EXPERIMENTER_ID = 0x4f4e4600;
export const ONFMP_FLOW_MONITOR = 1870;
export const ONF_ET_BUNDLE_CONTROL = 2300;
export const ONF_ET_BUNDLE_ADD_MESSAGE = 2301;
const OFPP_ANY = 0xffffffff;
const OFPTT_ALL = 0xff;

const matchOps = structField(OFPMatch, () => new OFPMatch()).ops!;

/** onf_flow_monitor_request: the match is written as bare OXM TLVs (match_len bytes), padded to 8. */
export class ONFFlowMonitorRequest extends OFPStruct {
  static override jsonName = 'ONFFlowMonitorRequest';
  static override layout = new Layout('ONFFlowMonitorRequest', {});
  id: number;
  flags: number;
  match: OFPMatch;
  out_port: number;
  table_id: number;
  match_len: number | null;
  constructor(init?: { id?: number; id_?: number; flags?: number; match?: OFPMatch; out_port?: number; table_id?: number; match_len?: number | null }) {
    super();
    this.id = init?.id ?? init?.id_ ?? 0;
    this.flags = init?.flags ?? 0;
    this.match = init?.match ?? new OFPMatch();
    this.out_port = init?.out_port ?? OFPP_ANY;
    this.table_id = init?.table_id ?? OFPTT_ALL;
    this.match_len = init?.match_len ?? null;
  }
  override decodeFrom(r: Reader): void {
    const start = r.pos;
    r.need(16, 'onf_flow_monitor_request');
    this.id = r.u32();
    this.flags = r.u16();
    const matchLen = r.u16();
    this.match_len = matchLen;
    this.out_port = r.u32();
    this.table_id = r.u8();
    r.skip(3);
    const padded = (matchLen + 7) & ~7;
    r.need(matchLen, 'onf_flow_monitor_request match');
    const save = r.end;
    r.end = r.pos + matchLen;
    const fields: [string, MatchValue][] = [];
    try {
      const table = oxmTable(r.version);
      while (r.pos < r.end) {
        const t = oxmParse(r, table, 'onf_flow_monitor_request match');
        fields.push([t.name, t.value]);
      }
    } finally {
      r.end = save;
    }
    this.match = OFPMatch.fromOrdered(fields);
    this.match.length = matchLen + 4;
    r.pos = Math.min(start + 16 + padded, r.end);
  }
  override encodeTo(w: Writer): void {
    const m = new Writer(64, w.version);
    this.match.encodeTo(m);
    const length = this.match.length ?? 4;
    const oxm = m.buf.subarray(4, length);
    this.match_len = oxm.length;
    const start = w.pos;
    w.u32(this.id >>> 0);
    w.u16(this.flags);
    w.u16(this.match_len);
    w.u32(this.out_port >>> 0);
    w.u8(this.table_id);
    w.zeros(3);
    w.bytes(oxm);
    w.align(start + 16, 8);
  }
  override jsonBody(): JsonObject {
    return {
      flags: this.flags, id: this.id, match: this.match.toJsonDict(), match_len: this.match_len,
      out_port: this.out_port, table_id: this.table_id,
    };
  }
  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject, version = 4): T {
    const match = body.match ? matchOps.fromJson(body.match, version) : undefined;
    return new this({
      id: body.id ?? body.id_, flags: body.flags, match, out_port: body.out_port, table_id: body.table_id, match_len: body.match_len,
    });
  }
}
registerStruct([4], ONFFlowMonitorRequest);

export class ONFFlowMonitorStatsRequest extends mpRequest('ONFFlowMonitorStatsRequest', [4], 0xffff, {
  experimenter: typeConst(ONF_EXPERIMENTER_ID, 32), exp_type: typeConst(ONFMP_FLOW_MONITOR, 32),
  body: listField(structElem(ONFFlowMonitorRequest)),
}, OFPExperimenterStatsRequestBase) {}

registerMultipartRequest([4], 0xffff, OFPExperimenterStatsRequest, (r) => {
  if (r.end - r.pos >= 16 && r.view.getUint32(r.pos + 8) === ONF_EXPERIMENTER_ID && r.view.getUint32(r.pos + 12) === ONFMP_FLOW_MONITOR) {
    return ONFFlowMonitorStatsRequest as unknown as typeof MsgBase;
  }
  return OFPExperimenterStatsRequest as unknown as typeof MsgBase;
});
registerStruct([4], ONFFlowMonitorStatsRequest);

/* ---------- bundles ---------- */

/** Bundle properties: os-ken knows no type, every one is an OFPPropUnknown. */
const bundlePropElem = paddedElem(structElem(OFPPropUnknown), 'onf_bundle_prop');

/** Always null in os-ken's JSON of bundle messages. */
const nullData: FieldSpec<null, null> = varField<null>({ decode: () => null, encode: () => undefined, toJson: () => null, fromJson: () => null }, null);

export class ONFBundleCtrlMsg extends defineMsg('ONFBundleCtrlMsg', { versions: [4], type: 4, noTypeEntry: true }, {
  experimenter: typeConst(ONF_EXPERIMENTER_ID, 32), exp_type: typeConst(ONF_ET_BUNDLE_CONTROL, 32),
  bundle_id: u32(), type: u16(), flags: u16(), properties: listField(bundlePropElem), data: nullData,
}) {}
registerExperimenterMsg([4], ONF_EXPERIMENTER_ID, ONF_ET_BUNDLE_CONTROL, ONFBundleCtrlMsg);

/** An embedded message, serialized with the bundle's xid and version. */
const embeddedMsg: FieldSpec<MsgBase | null, MsgBase | null> = varField<MsgBase | null>(
  {
    decode: () => null,
    encode(w, v, o) {
      if (!v) return;
      v.xid = (o.xid as number | null) ?? 0;
      v.version = w.version;
      v.serialize();
      w.bytes(v.buf!);
      const props = o.properties as unknown[] | undefined;
      if (props && props.length > 0) w.align(w.pos - v.buf!.length, 8);
    },
    toJson: (v) => (v ? v.toJsonDict() : null),
    fromJson: (j: JsonValue, version) => {
      if (j === null) throw new JsonDictError('ONFBundleAddMsg needs a message');
      return ofpMsgFromJsonDict(null, j, version);
    },
  },
  null,
);

/** Bundle add: os-ken can build it but parses it as a plain OFPExperimenter. */
export class ONFBundleAddMsg extends defineMsg('ONFBundleAddMsg', { versions: [4], type: 4, noTypeEntry: true }, {
  experimenter: typeConst(ONF_EXPERIMENTER_ID, 32), exp_type: typeConst(ONF_ET_BUNDLE_ADD_MESSAGE, 32),
  bundle_id: u32(), _pad: pad(2), flags: u16(), message: embeddedMsg, properties: listField(bundlePropElem), data: nullData,
}) {}
registerStruct([4], ONFBundleAddMsg);
