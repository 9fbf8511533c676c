/**
 * Register and field actions: reg_load, reg_load2, reg_move, output_reg,
 * output_reg2, stack push/pop, multipath (os-ken's nx_actions). Fields are
 * given by their OXM/NXM user names (`"reg0"`), bit ranges by os-ken's
 * `ofs_nbits` (nicira_ext.ofs_nbits(start, end)) or explicit offsets.
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError, OFPMalformedMessage } from '../../wire/errors.js';
import type { JsonObject, JsonValue } from '../../wire/json/json.js';
import * as nx from '../nicira_ext.js';
import { Layout, OFPStruct, pad, u16, u32, u64, varField, type FieldSpec } from '../struct.js';
import { oxmParse, oxmSerialize, type MatchValue } from '../oxm_fields.js';
import type { OxmUserValue } from '../oxx_types.js';
import { base64Decode, base64Encode } from '../../wire/json/json.js';
import { NXAction, NX_EXPERIMENTER_ID, NX_HEADER_SIZE, nxAction, nxmField4, nxmFieldSeq, registerNX, withVersion } from './header.js';
import { nxmHeaderNum, nxmNameOfType, nxmTable } from './nxm.js';

/** reg_load's dst: a 32-bit header whose field is `header >>> 9` (os-ken's shortcut; length/mask bits ignored). */
function regLoadDst(): FieldSpec<string> {
  return varField<string>(
    {
      decode: (r: Reader) => {
        r.need(4, 'NXActionRegLoad');
        const name = nxmNameOfType(r.version, r.view.getUint32(r.pos) >>> 9);
        r.pos += 4;
        return name;
      },
      encode: (w: Writer, v: string) => w.u32(nxmHeaderNum(w.version || 4, v)),
      toJson: (v: string): JsonValue => v,
      fromJson: (j: JsonValue) => String(j),
    },
    '',
  );
}

/** load:value->dst[start..end]: `new NXActionRegLoad({ ofs_nbits: ofs_nbits(4, 31), dst: 'eth_dst', value: 0x112233 })`. */
export class NXActionRegLoad extends nxAction('NXActionRegLoad', nx.NXAST_REG_LOAD, {
  ofs_nbits: u16(), dst: regLoadDst(), value: u64(),
}) {}

/** move:src[src_ofs..]->dst[dst_ofs..]: `new NXActionRegMove({ src_field: 'reg0', dst_field: 'reg1', n_bits: 6, src_ofs: 10 })`. */
export class NXActionRegMove extends nxAction('NXActionRegMove', nx.NXAST_REG_MOVE, {
  n_bits: u16(), src_ofs: u16(), dst_ofs: u16(), src_field: nxmFieldSeq('NXActionRegMove'), dst_field: nxmFieldSeq('NXActionRegMove'),
}) {}

/** output:src[start..end] */
export class NXActionOutputReg extends nxAction('NXActionOutputReg', nx.NXAST_OUTPUT_REG, {
  ofs_nbits: u16(), src: nxmField4('NXActionOutputReg'), max_len: u16(), _pad: pad(6),
}) {}

/** output:src[start..end] (OXM-capable form) */
export class NXActionOutputReg2 extends nxAction('NXActionOutputReg2', nx.NXAST_OUTPUT_REG2, {
  ofs_nbits: u16(), max_len: u16(), src: nxmField4('NXActionOutputReg2'), _pad: pad(4),
}) {}

/** push:field[start..end] */
export class NXActionStackPush extends nxAction('NXActionStackPush', nx.NXAST_STACK_PUSH, {
  start: u16(), field: nxmField4('NXActionStackPush'), end: u16(), _pad: pad(4),
}) {}

/** pop:field[start..end] */
export class NXActionStackPop extends nxAction('NXActionStackPop', nx.NXAST_STACK_POP, {
  start: u16(), field: nxmField4('NXActionStackPop'), end: u16(), _pad: pad(4),
}) {}

/** multipath(fields, basis, algorithm, n_links, arg, dst[start..end]) */
export class NXActionMultipath extends nxAction('NXActionMultipath', nx.NXAST_MULTIPATH, {
  fields: u16(), basis: u16(), _pad1: pad(2), algorithm: u16(), max_link: u16(), arg: u32(), _pad2: pad(2),
  ofs_nbits: u16(), dst: nxmField4('NXActionMultipath'),
}) {}

const latin1 = new TextDecoder('latin1');

/**
 * set_field:value/mask->dst as NXAST_REG_LOAD2 (one OXM TLV, padded to 14 bytes).
 * os-ken's JSON quirks are kept: a string mask read from the wire is shown base64-encoded
 * (its `_TYPE` lists `mask` only after a serialize); such JSON is accepted back.
 * Where os-ken fails, osken does not: os-ken cannot encode a TLV longer than 14 bytes (osken writes
 * it and pads to 8), and its to_jsondict fails on an integer value (declared 'ascii'), which osken shows
 * as the integer.
 */
export class NXActionRegLoad2 extends NXAction {
  static override jsonName = 'NXActionRegLoad2';
  static override layout = new Layout('NXActionRegLoad2', {});
  type = 0xffff;
  len: number | null = null;
  experimenter = NX_EXPERIMENTER_ID;
  subtype = nx.NXAST_REG_LOAD2;
  dst: string;
  value: OxmUserValue;
  mask: OxmUserValue | null;
  constructor(init?: Record<string, unknown>) {
    super();
    this.dst = String(init?.dst ?? '');
    this.value = (init?.value ?? 0) as OxmUserValue;
    this.mask = (init?.mask ?? null) as OxmUserValue | null;
  }
  override decodeFrom(r: Reader): void {
    this.ofVersion = r.version;
    const start = r.pos;
    r.need(NX_HEADER_SIZE, 'NXActionRegLoad2');
    const len = r.view.getUint16(start + 2);
    if (len < NX_HEADER_SIZE) throw new OFPMalformedMessage('NXActionRegLoad2', start, `length ${len} < ${NX_HEADER_SIZE}`);
    this.len = len;
    const save = r.end;
    r.end = Math.min(start + len, r.end);
    r.pos = start + NX_HEADER_SIZE;
    try {
      const t = oxmParse(r, nxmTable(r.version), 'NXActionRegLoad2');
      this.dst = t.name;
      if (Array.isArray(t.value)) {
        this.value = t.value[0] as OxmUserValue;
        this.mask = t.value[1] as OxmUserValue;
      } else {
        this.value = t.value as OxmUserValue;
        this.mask = null;
      }
    } finally {
      r.end = save;
    }
    r.pos = Math.min(start + len, r.end);
  }
  protected override encodeRaw(w: Writer): void {
    const start = w.pos;
    w.u16(0xffff);
    w.u16(0);
    w.u32(NX_EXPERIMENTER_ID);
    w.u16(this.subtype);
    const uv: MatchValue = this.mask === null || this.mask === undefined ? this.value : [this.value, this.mask];
    const n = oxmSerialize(w, nxmTable(w.version || 4), this.dst, uv);
    if (n < 14) w.zeros(14 - n);
    w.patch16(start + 2, w.pos - start);
  }
  override jsonBody(): JsonObject {
    const mask: JsonValue = typeof this.mask === 'string' ? base64Encode(new TextEncoder().encode(this.mask)) : (this.mask as JsonValue);
    return this.versionJson({
      dst: this.dst, experimenter: this.experimenter, len: this.len, mask, subtype: this.subtype, type: this.type,
      value: this.value as JsonValue,
    });
  }
  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject, version = 4): T {
    if (typeof body.dst !== 'string') throw new JsonDictError('NXActionRegLoad2: dst must be a field name');
    let mask: unknown = body.mask ?? null;
    if (typeof mask === 'string' && !/[:.]/.test(mask)) {
      // the base64 form os-ken prints for a string mask
      try {
        mask = latin1.decode(base64Decode(mask));
      } catch {
        /* keep as given */
      }
    }
    const o = new NXActionRegLoad2({ dst: body.dst, value: body.value, mask });
    return withVersion(o, version) as unknown as T;
  }
}

registerNX(nx.NXAST_REG_LOAD, NXActionRegLoad);
registerNX(nx.NXAST_REG_LOAD2, NXActionRegLoad2);
registerNX(nx.NXAST_REG_MOVE, NXActionRegMove);
registerNX(nx.NXAST_OUTPUT_REG, NXActionOutputReg);
registerNX(nx.NXAST_OUTPUT_REG2, NXActionOutputReg2);
registerNX(nx.NXAST_STACK_PUSH, NXActionStackPush);
registerNX(nx.NXAST_STACK_POP, NXActionStackPop);
registerNX(nx.NXAST_MULTIPATH, NXActionMultipath);

