/**
 * Nicira experimenter messages os-ken's 1.3-1.5 parsers decode as their own classes:
 * NXTSetPacketInFormatMsg and NXTPacketIn2 (with its properties).
 */
import type { Reader } from '../../wire/reader.js';
import { OFPMalformedMessage } from '../../wire/errors.js';
import type { JsonObject } from '../../wire/json/json.js';
import { defineMsg, registerStruct } from '../ofproto_parser.js';
import { dataField, defineStruct, listField, OFPStruct, polyElem, selfLen, typeConst, u32, varField, type FieldSpec } from '../struct.js';
import { registerExperimenterMsg } from '../v1_2plus/common.js';
import { paddedElem } from '../v1_2plus/mp_common.js';
import { base64Encode } from '../../wire/json/json.js';

const NX_EXPERIMENTER_ID = 0x2320;
const NXT_SET_PACKET_IN_FORMAT = 16;
const NXT_PACKET_IN2 = 30;
const V13_15 = [4, 5, 6] as const;

const nullData: FieldSpec<null, null> = varField<null>({ decode: () => null, encode: () => undefined, toJson: () => null, fromJson: () => null }, null);
/** os-ken sets `properties = []` on a parsed set-packet-in-format message */
const noProps: FieldSpec<unknown[], unknown[]> = varField<unknown[]>({ decode: () => [], encode: () => undefined, toJson: () => [], fromJson: () => [] }, () => []);

export class NXTSetPacketInFormatMsg extends defineMsg('NXTSetPacketInFormatMsg', { versions: V13_15, type: 4, noTypeEntry: true }, {
  experimenter: typeConst(NX_EXPERIMENTER_ID, 32), exp_type: typeConst(NXT_SET_PACKET_IN_FORMAT, 32), packet_in_format: u32(),
  properties: noProps, data: nullData,
}) {}

/** Base of NXT_PACKET_IN2 properties: type, length (header included, pad excluded), data. */
export abstract class NXTPacketIn2Prop extends OFPStruct {}
function prop(name: string, type: number) {
  return defineStruct(name, { type: typeConst(type), length: selfLen(), data: dataField() }, NXTPacketIn2Prop);
}
export class NXTPacketIn2PropPacket extends prop('NXTPacketIn2PropPacket', 0) {}
export class NXTPacketIn2PropFullLen extends prop('NXTPacketIn2PropFullLen', 1) {}
export class NXTPacketIn2PropBufferId extends prop('NXTPacketIn2PropBufferId', 2) {}
export class NXTPacketIn2PropTableId extends prop('NXTPacketIn2PropTableId', 3) {}
export class NXTPacketIn2PropCookie extends prop('NXTPacketIn2PropCookie', 4) {}
export class NXTPacketIn2PropReason extends prop('NXTPacketIn2PropReason', 5) {}
export class NXTPacketIn2PropMetadata extends prop('NXTPacketIn2PropMetadata', 6) {}
export class NXTPacketIn2PropUserData extends prop('NXTPacketIn2PropUserData', 7) {}
export class NXTPacketIn2PropContinuation extends prop('NXTPacketIn2PropContinuation', 8) {}
const PROPS: { decode(r: Reader): NXTPacketIn2Prop; jsonName: string }[] = [
  NXTPacketIn2PropPacket, NXTPacketIn2PropFullLen, NXTPacketIn2PropBufferId, NXTPacketIn2PropTableId, NXTPacketIn2PropCookie,
  NXTPacketIn2PropReason, NXTPacketIn2PropMetadata, NXTPacketIn2PropUserData, NXTPacketIn2PropContinuation,
];
for (const c of PROPS) registerStruct(V13_15, c);

const propElem = paddedElem(polyElem<NXTPacketIn2Prop>((r) => {
  const type = r.view.getUint16(r.pos);
  const cls = PROPS[type];
  // os-ken fails on an unknown property (OFPPropUnknown has no sub_parser)
  if (!cls) throw new OFPMalformedMessage('nx_packet_in2_prop', r.pos, `unknown property ${type}`);
  return cls;
}), 'nx_packet_in2_prop');

type Scalar = number | bigint | Uint8Array | null;

export class NXTPacketIn2 extends defineMsg('NXTPacketIn2', { versions: V13_15, type: 4, noTypeEntry: true }, {
  experimenter: typeConst(NX_EXPERIMENTER_ID, 32), exp_type: typeConst(NXT_PACKET_IN2, 32), properties: listField(propElem),
}) {
  data: Uint8Array | null = null;
  total_len: number | null = null;
  buffer_id: number | null = null;
  table_id: number | null = null;
  cookie: bigint | null = null;
  reason: number | null = null;
  metadata: Uint8Array | null = null;
  userdata: Uint8Array | null = null;
  continuation: Uint8Array | null = null;

  override decodeFrom(r: Reader): void {
    super.decodeFrom(r);
    for (const p of this.properties as (NXTPacketIn2Prop & { type: number; length: number | null; data: Uint8Array })[]) {
      const d = p.data;
      const need = (n: number): DataView => {
        if (d.length < n) throw new OFPMalformedMessage('nx_packet_in2_prop', 0, `property ${p.type} shorter than ${n}`);
        return new DataView(d.buffer, d.byteOffset, d.byteLength);
      };
      switch (p.type) {
        case 0: this.data = d; this.total_len = p.length; break;
        case 1: this.total_len = need(4).getUint32(0); break;
        case 2: this.buffer_id = need(4).getUint32(0); break;
        case 3: this.table_id = need(1).getUint8(0); break;
        case 4: this.cookie = need(8).getBigUint64(0); break;
        case 5: this.reason = need(1).getUint8(0); break;
        case 6: this.metadata = d; break;
        case 7: this.userdata = d; break;
        case 8: this.continuation = d; break;
        default: break;
      }
    }
  }

  override jsonBody(): JsonObject {
    const o = super.jsonBody();
    const attrs: [string, Scalar][] = [
      ['data', this.data], ['total_len', this.total_len], ['buffer_id', this.buffer_id], ['table_id', this.table_id],
      ['cookie', this.cookie], ['reason', this.reason], ['metadata', this.metadata], ['userdata', this.userdata],
      ['continuation', this.continuation],
    ];
    for (const [k, v] of attrs) o[k] = v instanceof Uint8Array ? base64Encode(v) : v;
    return o;
  }
}

registerExperimenterMsg(V13_15, NX_EXPERIMENTER_ID, NXT_SET_PACKET_IN_FORMAT, NXTSetPacketInFormatMsg);
registerExperimenterMsg(V13_15, NX_EXPERIMENTER_ID, NXT_PACKET_IN2, NXTPacketIn2);
