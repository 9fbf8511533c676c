/**
 * OpenFlow 1.0 actions (os-ken's ofproto_v1_0_parser.OFPAction*). os-ken's
 * JSON of a 1.0 action leaves out `type` and `len` (they are base
 * attributes), so they are wire-only here and exposed as read-only getters.
 * Vendor actions with the Nicira id dispatch to the NX action family
 * registered through `experimenterActionPicker(NX_EXPERIMENTER_ID)`.
 */
import type { Reader } from '../../wire/reader.js';
import { OFPMalformedMessage } from '../../wire/errors.js';
import { ipv4NumToText, ipv4ToNum } from '../../wire/addrconv.js';
import {
  dataField, defineStruct, mac, OFPStruct, pad, polyElem, registerClass, selfLen, typeConst, u16, u32, u8, varField,
  type ElemCodec, type FieldSpec,
} from '../struct.js';
import { experimenterActionPicker } from '../v1_2plus/actions.js';
import { NX_EXPERIMENTER_ID } from '../ofproto_common.js';
import { V10 } from './match.js';

/** Base class of OpenFlow 1.0 actions. */
export abstract class OFPAction extends OFPStruct {
  /** action type (ofp_action_type) */
  get type(): number {
    return ((this as unknown as Record<string, unknown>)._type as number | undefined) ?? (this.constructor as unknown as { actionType: number }).actionType;
  }
  /** encoded length (known after decode or encode) */
  get len(): number | null {
    return ((this as unknown as Record<string, unknown>)._len as number | null | undefined) ?? null;
  }
}
/** os-ken's name for the action base header. */
export { OFPAction as OFPActionHeader };

type ActionClass = { decode(r: Reader): OFPStruct; jsonName: string };
const ACTIONS = new Map<number, { cls: ActionClass; size: number }>();

function register(type: number, size: number, cls: ActionClass & { actionType?: number }): void {
  ACTIONS.set(type, { cls, size });
  (cls as { actionType?: number }).actionType = type;
  registerClass(V10, cls as never);
}

/** An IPv4 address kept as a number (os-ken's int), shown as dotted text in JSON. */
function ipv4Num(): FieldSpec<number, number | string> {
  return varField<number, number | string>(
    {
      decode(r) {
        r.need(4, 'ofp_action_nw_addr');
        const v = r.view.getUint32(r.pos);
        r.pos += 4;
        return v;
      },
      encode(w, v) {
        w.u32(typeof v === 'string' ? ipv4ToNum(v) : v >>> 0);
      },
      toJson: (v) => ipv4NumToText(typeof v === 'string' ? ipv4ToNum(v) : v),
      fromJson: (j) => (typeof j === 'string' ? ipv4ToNum(j) : Number(j) >>> 0),
    },
    0,
  );
}

function action<S extends Record<string, FieldSpec<unknown, unknown>>, B extends abstract new (...a: never[]) => OFPAction = typeof OFPAction>(
  name: string, type: number, body: S, base?: B,
) {
  return defineStruct(name, { _type: typeConst(type), _len: selfLen({ align: 8 }), ...body }, (base ?? OFPAction) as B);
}

/** Base of the set-dl-src/dst actions (os-ken's OFPActionDlAddr). */
export abstract class OFPActionDlAddr extends OFPAction {}
/** Base of the set-nw-src/dst actions (os-ken's OFPActionNwAddr). */
export abstract class OFPActionNwAddr extends OFPAction {}
/** Base of the set-tp-src/dst actions (os-ken's OFPActionTpPort). */
export abstract class OFPActionTpPort extends OFPAction {}

export class OFPActionOutput extends action('OFPActionOutput', 0, { port: u16(), max_len: u16(0xffe5) }) {}
export class OFPActionVlanVid extends action('OFPActionVlanVid', 1, { vlan_vid: u16(), _pad: pad(2) }) {}
export class OFPActionVlanPcp extends action('OFPActionVlanPcp', 2, { vlan_pcp: u8(), _pad: pad(3) }) {}
export class OFPActionStripVlan extends action('OFPActionStripVlan', 3, { _pad: pad(4) }) {}
export class OFPActionSetDlSrc extends action('OFPActionSetDlSrc', 4, { dl_addr: mac(), _pad: pad(6) }, OFPActionDlAddr) {}
export class OFPActionSetDlDst extends action('OFPActionSetDlDst', 5, { dl_addr: mac(), _pad: pad(6) }, OFPActionDlAddr) {}
export class OFPActionSetNwSrc extends action('OFPActionSetNwSrc', 6, { nw_addr: ipv4Num() }, OFPActionNwAddr) {}
export class OFPActionSetNwDst extends action('OFPActionSetNwDst', 7, { nw_addr: ipv4Num() }, OFPActionNwAddr) {}
export class OFPActionSetNwTos extends action('OFPActionSetNwTos', 8, { tos: u8(), _pad: pad(3) }) {}
export class OFPActionSetTpSrc extends action('OFPActionSetTpSrc', 9, { tp: u16(), _pad: pad(2) }, OFPActionTpPort) {}
export class OFPActionSetTpDst extends action('OFPActionSetTpDst', 10, { tp: u16(), _pad: pad(2) }, OFPActionTpPort) {}
export class OFPActionEnqueue extends action('OFPActionEnqueue', 11, { port: u16(), _pad: pad(6), queue_id: u32() }) {}
/** A vendor action osken has no codec for: the vendor id and the raw body. */
export class OFPActionVendorUnknown extends action('OFPActionVendorUnknown', 0xffff, { vendor: u32(), data: dataField() }) {}
/** os-ken's vendor action base (also exported as OFPActionExperimenter). */
export { OFPActionVendorUnknown as OFPActionVendor, OFPActionVendorUnknown as OFPActionExperimenter };

register(0, 8, OFPActionOutput);
register(1, 8, OFPActionVlanVid);
register(2, 8, OFPActionVlanPcp);
register(3, 8, OFPActionStripVlan);
register(4, 16, OFPActionSetDlSrc);
register(5, 16, OFPActionSetDlDst);
register(6, 8, OFPActionSetNwSrc);
register(7, 8, OFPActionSetNwDst);
register(8, 8, OFPActionSetNwTos);
register(9, 8, OFPActionSetTpSrc);
register(10, 8, OFPActionSetTpDst);
register(11, 16, OFPActionEnqueue);
registerClass(V10, OFPActionVendorUnknown as never);

/** Choose the class of the 1.0 action at r.pos (os-ken asserts the fixed length of each type). */
export function pickAction10(r: Reader): ActionClass {
  r.need(4, 'ofp_action_header');
  const type = r.view.getUint16(r.pos);
  const len = r.view.getUint16(r.pos + 2);
  if (len < 8) throw new OFPMalformedMessage('ofp_action_header', r.pos, `action length ${len} < 8`);
  if (type === 0xffff) {
    r.need(8, 'ofp_action_vendor_header');
    const vendor = r.view.getUint32(r.pos + 4);
    if (vendor === NX_EXPERIMENTER_ID) {
      const pick = experimenterActionPicker(vendor);
      if (pick) return pick(r) as ActionClass;
    }
    return OFPActionVendorUnknown;
  }
  const e = ACTIONS.get(type);
  if (!e) throw new OFPMalformedMessage('ofp_action_header', r.pos, `unknown action type ${type}`);
  if (len !== e.size) throw new OFPMalformedMessage('ofp_action_header', r.pos, `${e.cls.jsonName} length ${len} != ${e.size}`);
  return e.cls;
}

/** Element codec for OpenFlow 1.0 action lists. */
export const actionElem10: ElemCodec<OFPStruct> = polyElem<OFPStruct>(pickAction10);
