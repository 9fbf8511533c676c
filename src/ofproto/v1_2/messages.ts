/** OpenFlow 1.2 only: switch features with ports, packet-in without cookie. */
import { JsonDictError } from '../../wire/errors.js';
import type { JsonObject } from '../../wire/json/json.js';
import { defineMsg } from '../ofproto_parser.js';
import { OFPMatch } from '../oxm_match.js';
import { pad, structField, u16, u32, u64, u8, varField, type FieldSpec } from '../struct.js';
import { packetInData } from '../v1_2plus/common.js';
import { bodyOf } from '../v1_2plus/mp_common.js';
import { OFPPort } from '../v1_2plus/port.js';

/** The ports after ofp_switch_features, keyed by port number (os-ken's dict). */
function portMap(): FieldSpec<Map<number, OFPPort>, Map<number, OFPPort>> {
  return varField<Map<number, OFPPort>>(
    {
      decode(r) {
        const m = new Map<number, OFPPort>();
        while (r.end - r.pos >= 64) {
          const p = OFPPort.decode(r);
          m.set(p.port_no, p);
        }
        r.pos = r.end;
        return m;
      },
      encode(w, v) {
        for (const p of v?.values() ?? []) p.encodeTo(w);
      },
      toJson(v) {
        const o: JsonObject = {};
        for (const [k, p] of v ?? []) o[String(k)] = p.toJsonDict();
        return o;
      },
      fromJson(j, version) {
        if (j === null || typeof j !== 'object' || Array.isArray(j)) throw new JsonDictError('ports: expected an object');
        const m = new Map<number, OFPPort>();
        for (const [k, x] of Object.entries(j as JsonObject)) m.set(Number(k), OFPPort.fromJsonDict(bodyOf(x, 'OFPPort'), version));
        return m;
      },
    },
    () => new Map(),
  );
}

export class OFPSwitchFeaturesV12 extends defineMsg('OFPSwitchFeatures', { versions: [3], type: 6 }, {
  datapath_id: u64(), n_buffers: u32(), n_tables: u8(), _pad: pad(3), capabilities: u32(), _reserved: pad(4), ports: portMap(),
}) {}

export class OFPPacketInV12 extends defineMsg('OFPPacketIn', { versions: [3], type: 10 }, {
  buffer_id: u32(), total_len: u16(), reason: u8(), table_id: u8(),
  match: structField(OFPMatch, () => new OFPMatch()), _pad: pad(2), data: packetInData(),
}) {}
