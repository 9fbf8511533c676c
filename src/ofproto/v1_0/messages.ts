/**
 * OpenFlow 1.0 messages (os-ken's ofproto_v1_0_parser): switch features,
 * port status, packet-in/out, flow mod/removed, port mod, barrier, queue
 * configuration. Messages whose 1.0 layout is shared with later versions
 * (hello, error, echo, features request, get/set config) live in
 * ../v1_2plus/common.ts; the vendor message and the Nicira extensions are in
 * ./nicira.ts, statistics in ./stats.ts.
 */
import { JsonDictError, OFPMalformedMessage } from '../../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject } from '../../wire/json/json.js';
import {
  dataField, lenOf, listField, mac, pad, registerClass, structElem, structField, u16, u32, u64, u8, varField,
  type ElemCodec, type FieldSpec,
} from '../struct.js';
import { defineMsg, markOskenUnparsed, MsgBase, registerMsgType } from '../ofproto_parser.js';
import { Packet } from '../../lib/packet/packet.js';
import { OFPMatch, V10 } from './match.js';
import { actionElem10 } from './actions.js';
import { OFP_PHY_PORT_SIZE, OFPPacketQueue, OFPPhyPort } from './port.js';

/** Elements while at least `min` bytes remain (os-ken ignores a shorter tail). */
export function listWhile<T>(elem: ElemCodec<T>, min: number): FieldSpec<T[], T[]> {
  const base = listField(elem);
  return {
    ...base,
    ops: {
      ...base.ops!,
      decode(r) {
        const out: T[] = [];
        while (r.end - r.pos >= min) {
          const before = r.pos;
          out.push(elem.decode(r));
          if (r.pos <= before) r.pos = r.end;
        }
        r.pos = r.end;
        return out;
      },
    },
  };
}

/* ---------- switch features, port status ---------- */

/** Ports of a features reply, keyed by port number in wire order (os-ken's dict). */
const portsField = varField<Map<number, OFPPhyPort>, Map<number, OFPPhyPort> | OFPPhyPort[]>(
  {
    decode(r) {
      const m = new Map<number, OFPPhyPort>();
      while (r.end - r.pos >= OFP_PHY_PORT_SIZE) {
        const p = OFPPhyPort.decode(r);
        m.set(p.port_no, p);
      }
      r.pos = r.end;
      return m;
    },
    encode(w, v) {
      const ports = v instanceof Map ? [...v.values()] : (v as OFPPhyPort[] | null) ?? [];
      for (const p of ports) p.encodeTo(w);
    },
    toJson(v) {
      const o: JsonObject = {};
      const ports = v instanceof Map ? [...v.values()] : (v as OFPPhyPort[] | null) ?? [];
      for (const p of ports) o[String(p.port_no)] = p.toJsonDict();
      return o;
    },
    fromJson(j, version) {
      if (j === null) return new Map();
      if (typeof j !== 'object' || Array.isArray(j)) throw new JsonDictError('OFPSwitchFeatures.ports must be an object');
      const m = new Map<number, OFPPhyPort>();
      for (const v of Object.values(j)) {
        const body = (v as JsonObject).OFPPhyPort;
        if (body === undefined) throw new JsonDictError('expected {"OFPPhyPort": ...}');
        const p = OFPPhyPort.fromJsonDict(body as JsonObject, version);
        m.set(p.port_no, p);
      }
      return m;
    },
  },
  () => new Map(),
);

export class OFPSwitchFeatures extends defineMsg('OFPSwitchFeatures', { versions: V10, type: 6 }, {
  datapath_id: u64(), n_buffers: u32(), n_tables: u8(), _pad: pad(3), capabilities: u32(), actions: u32(),
  ports: portsField,
}) {}

export class OFPPortStatus extends defineMsg('OFPPortStatus', { versions: V10, type: 12 }, {
  reason: u8(), _pad: pad(7), desc: structField(OFPPhyPort, () => new OFPPhyPort()),
}) {}

/* ---------- packet-in / packet-out ---------- */

/** Packet-in data: os-ken cuts it to total_len when more bytes follow. */
const packetInData: FieldSpec<Uint8Array, Uint8Array> = (() => {
  const d = dataField();
  return {
    ...d,
    ops: {
      ...d.ops!,
      decode(r, o) {
        const data = r.rest();
        const total = o.total_len as number;
        return total < data.length ? data.subarray(0, total) : data;
      },
    },
  };
})();

export class OFPPacketIn extends defineMsg('OFPPacketIn', { versions: V10, type: 10 }, {
  buffer_id: u32(), total_len: u16(), in_port: u16(), reason: u8(), _pad: pad(1), data: packetInData,
}) {}

/**
 * Packet-out data: raw bytes, or a Packet (serialized on encode), as os-ken accepts. With no
 * actions os-ken writes the 8-byte packet-out body over the first 8 bytes of the data (it appends
 * the data before reserving the body); the encoder reproduces those bytes.
 */
const packetOutData = varField<Uint8Array | Packet | null>(
  {
    decode(r) {
      const b = r.rest();
      return b.length ? b : null;
    },
    encode(w, v, o) {
      if (v === null || v === undefined) return;
      if (o.buffer_id !== 0xffffffff) {
        throw new OFPMalformedMessage('ofp_packet_out', 0, 'data needs buffer_id 0xffffffff (OFP_NO_BUFFER), as os-ken asserts');
      }
      let b = v instanceof Packet ? v.serialize() : v;
      if (((o.actions as unknown[] | null) ?? []).length === 0) b = b.subarray(Math.min(8, b.length));
      w.bytes(b);
    },
    toJson(v) {
      if (v instanceof Packet) return v.toJsonDict();
      return v ? base64Encode(v) : null;
    },
    fromJson(j) {
      if (j === null) return null;
      if (typeof j === 'string') return base64Decode(j);
      if (typeof j === 'object' && !Array.isArray(j) && typeof j !== 'bigint' && j.Packet !== undefined) {
        return Packet.fromJsonDict(j.Packet as JsonObject);
      }
      throw new JsonDictError('OFPPacketOut.data must be base64 or {"Packet": ...}');
    },
  },
  null,
);

export class OFPPacketOut extends defineMsg('OFPPacketOut', { versions: V10, type: 13, osken: false }, {
  buffer_id: u32(0xffffffff), in_port: u16(0xffff), _actions_len: lenOf('actions'),
  actions: listField(actionElem10), data: packetOutData,
}) {}

/* ---------- flow mod / flow removed ---------- */

export class OFPFlowMod extends defineMsg('OFPFlowMod', { versions: V10, type: 14 }, {
  match: structField(OFPMatch, () => new OFPMatch()), cookie: u64(), command: u16(), idle_timeout: u16(),
  hard_timeout: u16(), priority: u16(0x8000), buffer_id: u32(0xffffffff), out_port: u16(0xffff), flags: u16(),
  actions: listField(actionElem10),
}) {}

export class OFPFlowRemoved extends defineMsg('OFPFlowRemoved', { versions: V10, type: 11 }, {
  match: structField(OFPMatch, () => new OFPMatch()), cookie: u64(), priority: u16(), reason: u8(), _pad: pad(1),
  duration_sec: u32(), duration_nsec: u32(), idle_timeout: u16(), _pad2: pad(2), packet_count: u64(), byte_count: u64(),
}) {}

/* ---------- port mod, barrier, queue configuration ---------- */

export class OFPPortMod extends defineMsg('OFPPortMod', { versions: V10, type: 15, osken: false }, {
  port_no: u16(), hw_addr: mac(), config: u32(), mask: u32(), advertise: u32(), _pad: pad(4),
}) {}

export class OFPBarrierRequest extends defineMsg('OFPBarrierRequest', { versions: V10, type: 18, osken: false }, {}) {}
export class OFPBarrierReply extends defineMsg('OFPBarrierReply', { versions: V10, type: 19 }, {}) {}

export class OFPQueueGetConfigRequest extends defineMsg('OFPQueueGetConfigRequest', { versions: V10, type: 20, osken: false }, {
  port: u16(), _pad: pad(2),
}) {}
export class OFPQueueGetConfigReply extends defineMsg('OFPQueueGetConfigReply', { versions: V10, type: 21 }, {
  port: u16(), _pad: pad(6), queues: listWhile(structElem(OFPPacketQueue), 8),
}) {}

/**
 * The exported classes (not the generated bases defineMsg registered) decode each type and
 * build from JSON, so that decoded messages are `instanceof` them; later registration wins.
 */
const OWN: [unknown, number, boolean][] = [
  [OFPSwitchFeatures, 6, true], [OFPPortStatus, 12, true], [OFPPacketIn, 10, true], [OFPPacketOut, 13, false],
  [OFPFlowMod, 14, true], [OFPFlowRemoved, 11, true], [OFPPortMod, 15, false], [OFPBarrierRequest, 18, false],
  [OFPBarrierReply, 19, true], [OFPQueueGetConfigRequest, 20, false], [OFPQueueGetConfigReply, 21, true],
];
for (const [C, type, osken] of OWN) {
  registerClass(V10, C as never);
  registerMsgType(V10, type, C as typeof MsgBase, osken);
  if (!osken) markOskenUnparsed(C as typeof MsgBase);
}
