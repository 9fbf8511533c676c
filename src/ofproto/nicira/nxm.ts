/**
 * NXM/OXM field headers as the Nicira actions use them (os-ken's
 * `oxm_parse_header` / `oxm_to_user_header` / `oxm_from_user_header` /
 * `oxm_serialize_header` of each ofproto module, plus nicira_ext's
 * `ofs_nbits`). A field is named by its os-ken user name (`"reg0"`,
 * `"eth_dst_nxm"`, `"in_port"`...); the tables are those of
 * src/ofproto/oxm_fields.ts (OpenFlow 1.0 knows only the Nicira fields).
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError, OFPMalformedMessage, OFPTruncatedMessage } from '../../wire/errors.js';
import {
  NX_OXM_TYPES, OFPXMC_EXPERIMENTER, ONF_EXPERIMENTER_ID, OxmTable, oxmTable, type OxmFieldDesc,
} from '../oxm_fields.js';

export { ofs_nbits, ofs_nbits_str } from '../nicira_ext.js';

/** OpenFlow 1.0: ofproto_v1_0 generates its OXM table from nicira_ext.oxm_types only. */
export const OXM_V1_0 = new OxmTable(NX_OXM_TYPES);

/** The field table os-ken's ofproto module of `version` uses. */
export function nxmTable(version: number): OxmTable {
  return version === 1 ? OXM_V1_0 : oxmTable(version);
}

/** A parsed header: the field's user name and os-ken's `len` (`field_len - value_len`, the bytes to skip). */
export interface NxmHeader {
  name: string;
  len: number;
}

/**
 * os-ken's `oxm_parse_header` + `oxm_to_user_header` on `bytes[off..end)`. Unknown non-experimenter
 * fields become `field_<n>`; unknown experimenter fields and zero value lengths are malformed (os-ken fails).
 */
export function nxmParseHeaderAt(bytes: Uint8Array, view: DataView, off: number, end: number, table: OxmTable, where: string): NxmHeader {
  if (end - off < 4) throw new OFPTruncatedMessage(where, 4, end - off, off);
  const header = view.getUint32(off);
  const oxmType = header >>> 9;
  const hasMask = (header >>> 8) & 1;
  const oxmLen = header & 0xff;
  let expHdr = 0;
  let name: string;
  if (oxmType >>> 7 === OFPXMC_EXPERIMENTER) {
    if (end - off < 8) throw new OFPTruncatedMessage(where, 8, end - off, off);
    const expId = view.getUint32(off + 4);
    expHdr = 4;
    let key = `${expId}:${oxmType}`;
    if (expId === ONF_EXPERIMENTER_ID && (oxmType & 0x7f) === 0) {
      if (end - off < 10) throw new OFPTruncatedMessage(where, 10, end - off, off);
      key = `${expId}:${view.getUint16(off + 8)}`;
      expHdr = 6;
    }
    const d = table.byExp.get(key);
    if (!d) throw new OFPMalformedMessage(where, off, `unknown experimenter OXM field ${key}`);
    name = d.name;
  } else {
    name = table.byType.get(oxmType)?.name ?? `field_${oxmType}`;
  }
  let valueLen = oxmLen - expHdr;
  if (hasMask) valueLen >>= 1;
  if (valueLen <= 0) throw new OFPMalformedMessage(where, off, `OXM header ${name} has value length ${valueLen}`);
  void bytes;
  return { name, len: 4 + oxmLen - valueLen };
}

/** Parse a header at r.pos, advancing by os-ken's `len`. */
export function nxmReadHeader(r: Reader, where: string): string {
  const h = nxmParseHeaderAt(r.bytes, r.view, r.pos, r.end, nxmTable(r.version), where);
  if (r.pos + h.len > r.end) throw new OFPTruncatedMessage(where, h.len, r.end - r.pos, r.pos);
  r.pos += h.len;
  return h.name;
}

/** Field number os-ken's `oxm_from_user_header` gives a name (23-bit type, or the field's desc). */
function resolveName(table: OxmTable, name: string): { d: OxmFieldDesc | undefined; oxmType: number } {
  const d = table.byName.get(name);
  if (d) return { d, oxmType: d.oxmType };
  const m = /^field_(\d+)$/.exec(name);
  if (!m) throw new JsonDictError(`unknown OXM field: ${name}`);
  return { d: undefined, oxmType: Number(m[1]) };
}

/** os-ken's `oxm_serialize_header`: the header bytes (4, or 8/10 for experimenter fields). */
export function nxmHeaderBytes(table: OxmTable, name: string): Uint8Array {
  const { d, oxmType } = resolveName(table, name);
  const valueLen = d ? d.type.size : 0;
  if (d && d.cls === OFPXMC_EXPERIMENTER) {
    const ext = d.expType !== 0;
    const out = new Uint8Array(ext ? 10 : 8);
    const v = new DataView(out.buffer);
    const hdrType = ext ? OFPXMC_EXPERIMENTER << 7 : oxmType;
    v.setUint32(0, ((hdrType << 9) | (out.length - 4 + valueLen)) >>> 0);
    v.setUint32(4, d.expId);
    if (ext) v.setUint16(8, d.expType);
    return out;
  }
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, ((oxmType << 9) | Math.max(valueLen, 0)) >>> 0);
  return out;
}

/** The 32-bit header os-ken packs for a field (first 4 bytes of `oxm_serialize_header`). */
export function nxmHeaderNum(version: number, name: string): number {
  const b = nxmHeaderBytes(nxmTable(version), name);
  return new DataView(b.buffer).getUint32(0);
}

/** Name of the field whose 23-bit type is `header >>> 9` (os-ken's NXActionRegLoad parser shortcut). */
export function nxmNameOfType(version: number, oxmType: number): string {
  return nxmTable(version).byType.get(oxmType)?.name ?? `field_${oxmType}`;
}

/** Write a header in a fixed 4-byte slot (os-ken packs it with '4s': longer headers are cut). */
export function nxmWriteHeader4(w: Writer, name: string): void {
  const b = nxmHeaderBytes(nxmTable(w.version || 4), name);
  w.ensure(4);
  w.buf.fill(0, w.pos, w.pos + 4);
  w.buf.set(b.subarray(0, 4), w.pos);
  w.pos += 4;
}

/** Write the whole header (os-ken's `oxm_serialize_header` appended to the data). */
export function nxmWriteHeader(w: Writer, name: string): void {
  w.bytes(nxmHeaderBytes(nxmTable(w.version || 4), name));
}

/** Read a header in a fixed 4-byte slot (parse bounded to those 4 bytes). */
export function nxmReadHeader4(r: Reader, where: string): string {
  r.need(4, where);
  const h = nxmParseHeaderAt(r.bytes, r.view, r.pos, r.pos + 4, nxmTable(r.version), where);
  r.pos += 4;
  return h.name;
}
