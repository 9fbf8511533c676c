/**
 * OpenFlow 1.0 port and queue descriptions: ofp_phy_port (OFPPhyPort),
 * ofp_packet_queue (OFPPacketQueue) and its queue properties.
 */
import type { Reader } from '../../wire/reader.js';
import { OFPMalformedMessage } from '../../wire/errors.js';
import {
  defineStruct, listField, mac, OFPStruct, pad, polyElem, registerClass, selfLen, typeConst, u16, u32, varField,
  type FieldSpec,
} from '../struct.js';

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');
const utf8e = new TextEncoder();

/**
 * A fixed-size NUL-padded string (trailing NULs stripped, as os-ken). Decoding is lenient, but
 * a value that is not valid in its encoding cannot be shown as JSON - os-ken's to_jsondict()
 * fails there too - so toJson throws a typed error.
 */
export function text(n: number, enc: 'ascii' | 'utf-8'): FieldSpec<string, string> {
  return varField<string>(
    {
      decode(r) {
        r.need(n, 'string');
        let end = r.pos + n;
        while (end > r.pos && r.bytes[end - 1] === 0) end--;
        const b = r.bytes.subarray(r.pos, end);
        r.pos += n;
        return enc === 'utf-8' ? utf8.decode(b) : latin1.decode(b);
      },
      encode(w, v) {
        const b = enc === 'utf-8' ? utf8e.encode(v ?? '') : Uint8Array.from(v ?? '', (c) => c.charCodeAt(0) & 0xff);
        w.bytes(b.subarray(0, n));
        if (b.length < n) w.zeros(n - b.length);
      },
      toJson(v) {
        const bad = enc === 'utf-8' ? v.includes('\ufffd') : /[^\x00-\x7f]/.test(v);
        if (bad) throw new OFPMalformedMessage('string', 0, `${JSON.stringify(v)} is not valid ${enc} (os-ken cannot show it as JSON)`);
        return v;
      },
      fromJson: (j) => String(j),
    },
    '',
  );
}
import { V10 } from './match.js';

export const OFP_PHY_PORT_SIZE = 48;

/** Description of a port (ofp_phy_port); the name is UTF-8 as os-ken assumes. */
export class OFPPhyPort extends defineStruct('OFPPhyPort', {
  port_no: u16(), hw_addr: mac(), name: text(16, 'utf-8'), config: u32(), state: u32(),
  curr: u32(), advertised: u32(), supported: u32(), peer: u32(),
}) {}
registerClass(V10, OFPPhyPort as never);

/** A length field with os-ken's constructor default (the class's fixed length). */
function fixedLen(def: number): FieldSpec<number | null> {
  return { ...selfLen(), def };
}

/** Base of the queue properties (os-ken's OFPQueuePropHeader). */
export abstract class OFPQueuePropHeader extends OFPStruct {}

export class OFPQueuePropNone extends defineStruct('OFPQueuePropNone', {
  property: typeConst(0), len: fixedLen(8), _pad: pad(4),
}, OFPQueuePropHeader) {}
export class OFPQueuePropMinRate extends defineStruct('OFPQueuePropMinRate', {
  property: typeConst(1), len: fixedLen(16), _pad: pad(4), rate: u16(), _pad2: pad(6),
}, OFPQueuePropHeader) {}
registerClass(V10, OFPQueuePropNone as never);
registerClass(V10, OFPQueuePropMinRate as never);

const QUEUE_PROPS = new Map<number, { cls: { decode(r: Reader): OFPStruct; jsonName: string }; size: number }>([
  [0, { cls: OFPQueuePropNone, size: 8 }],
  [1, { cls: OFPQueuePropMinRate, size: 16 }],
]);

function pickQueueProp(r: Reader): { decode(r: Reader): OFPStruct } {
  r.need(4, 'ofp_queue_prop_header');
  const type = r.view.getUint16(r.pos);
  const len = r.view.getUint16(r.pos + 2);
  const e = QUEUE_PROPS.get(type);
  if (!e) throw new OFPMalformedMessage('ofp_queue_prop_header', r.pos, `unknown queue property ${type}`);
  if (len !== e.size) throw new OFPMalformedMessage('ofp_queue_prop_header', r.pos, `${e.cls.jsonName} length ${len} != ${e.size}`);
  return e.cls;
}

/** A queue of a port with its properties (ofp_packet_queue). */
export class OFPPacketQueue extends defineStruct('OFPPacketQueue', {
  queue_id: u32(), len: selfLen(), _pad: pad(2), properties: listField(polyElem(pickQueueProp)),
}) {}
registerClass(V10, OFPPacketQueue as never);
