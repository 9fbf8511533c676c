/**
 * Controller role (1.2-1.4) and asynchronous message configuration (1.3 layout:
 * [master, slave] mask pairs; 1.4+ uses properties), plus table mod (1.2/1.3).
 */
import { defineMsg } from '../ofproto_parser.js';
import { pad, u32, u64, u8, varField, type FieldSpec } from '../struct.js';
import { JsonDictError } from '../../wire/errors.js';

export class OFPRoleRequest extends defineMsg('OFPRoleRequest', { versions: [3, 4], type: 24, osken: false }, {
  role: u32(), _pad: pad(4), generation_id: u64(),
}) {}
export class OFPRoleReply extends defineMsg('OFPRoleReply', { versions: [3, 4], type: 25 }, {
  role: u32(), _pad: pad(4), generation_id: u64(),
}) {}

export class OFPTableMod extends defineMsg('OFPTableMod', { versions: [3, 4], type: 17, osken: false }, {
  table_id: u8(), _pad: pad(3), config: u32(),
}) {}

/** A [master, slave] pair of u32 masks. */
function maskPair(): FieldSpec<number[], number[]> {
  return varField<number[]>(
    {
      decode(r) {
        r.need(8, 'ofp_async_config');
        return [r.u32(), r.u32()];
      },
      encode(w, v) {
        w.u32((v?.[0] ?? 0) >>> 0);
        w.u32((v?.[1] ?? 0) >>> 0);
      },
      toJson: (v) => v,
      fromJson(j) {
        if (!Array.isArray(j) || j.length !== 2) throw new JsonDictError('expected a [master, slave] mask pair');
        return j.map((x) => Number(x));
      },
    },
    () => [0, 0],
  );
}

/** ofp_async_config is written as three pairs; the fields interleave as packet_in, port_status, flow_removed. */
const asyncBody = () => ({ packet_in_mask: maskPair(), port_status_mask: maskPair(), flow_removed_mask: maskPair() });

export class OFPGetAsyncRequest extends defineMsg('OFPGetAsyncRequest', { versions: [4], type: 26, osken: false }, {}) {}
export class OFPGetAsyncReply extends defineMsg('OFPGetAsyncReply', { versions: [4], type: 27 }, asyncBody()) {}
export class OFPSetAsync extends defineMsg('OFPSetAsync', { versions: [4], type: 28, osken: false }, asyncBody()) {}
