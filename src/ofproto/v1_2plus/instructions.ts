/** ofp_instruction_* for OpenFlow 1.2-1.5, described once. */
import type { Reader } from '../../wire/reader.js';
import { OFPMalformedMessage } from '../../wire/errors.js';
import { defineStruct, listField, OFPStruct, pad, polyElem, registerClass, selfLen, typeConst, u16, u32, u64, u8, varField, type ElemCodec } from '../struct.js';
import { actionElem, V12_15, V13_15 } from './actions.js';

export abstract class OFPInstruction extends OFPStruct {}

type InstClass = { decode(r: Reader): OFPInstruction; jsonName: string };
const INSTRUCTIONS = new Map<number, Map<number, InstClass>>();
/** dense dispatch table: [version][type] for types below 16 */
const INST_TABLE: (InstClass | undefined)[][] = Array.from({ length: 8 }, () => new Array<InstClass | undefined>(16).fill(undefined));

export function registerInstruction(versions: readonly number[], types: readonly number[], cls: InstClass): void {
  for (const v of versions) {
    let m = INSTRUCTIONS.get(v);
    if (!m) INSTRUCTIONS.set(v, (m = new Map()));
    for (const t of types) {
      m.set(t, cls);
      if (t < 16 && v < 8) INST_TABLE[v]![t] = cls;
    }
  }
  registerClass(versions, cls as never);
}

function pickInstruction(r: Reader): InstClass {
  r.need(4, 'ofp_instruction');
  const b = r.bytes;
  const at = r.pos;
  const type = (b[at]! << 8) | b[at + 1]!;
  const len = (b[at + 2]! << 8) | b[at + 3]!;
  if (len < 4) throw new OFPMalformedMessage('ofp_instruction', r.pos, `instruction length ${len} < 4`);
  const cls = (type < 16 ? INST_TABLE[r.version & 7]![type] : undefined) ?? INSTRUCTIONS.get(r.version)?.get(type);
  if (!cls) throw new OFPMalformedMessage('ofp_instruction', r.pos, `unknown instruction type ${type}`);
  return cls;
}

export const instructionElem: ElemCodec<OFPInstruction> = polyElem<OFPInstruction>(pickInstruction);

/** os-ken ignores the wire length of goto-table (its len is always 8): so does this codec. */
const fixedLen8 = varField<number>({
  decode: (r) => {
    r.need(6, 'ofp_instruction_goto_table');
    r.pos += 2;
    return 8;
  },
  encode: (w) => w.u16(8),
  toJson: (v) => v,
  fromJson: () => 8,
}, 8);

export class OFPInstructionGotoTable extends defineStruct(
  'OFPInstructionGotoTable',
  { type: typeConst(1), len: fixedLen8, table_id: u8(), _pad: pad(3) },
  OFPInstruction,
) {}

export class OFPInstructionWriteMetadata extends defineStruct(
  'OFPInstructionWriteMetadata',
  { type: typeConst(2), len: selfLen(), _pad: pad(4), metadata: u64(), metadata_mask: u64() },
  OFPInstruction,
) {}

/** Write (3), apply (4) or clear (5) actions: `new OFPInstructionActions({ type: OFPIT_APPLY_ACTIONS, actions })`. */
export class OFPInstructionActions extends defineStruct(
  'OFPInstructionActions',
  { type: u16(), len: selfLen(), _pad: pad(4), actions: listField(actionElem) },
  OFPInstruction,
) {}

export class OFPInstructionMeter extends defineStruct(
  'OFPInstructionMeter',
  { type: typeConst(6), len: selfLen(), meter_id: u32(1) },
  OFPInstruction,
) {}

registerInstruction(V12_15, [1], OFPInstructionGotoTable);
registerInstruction(V12_15, [2], OFPInstructionWriteMetadata);
registerInstruction(V12_15, [3, 4, 5], OFPInstructionActions);
registerInstruction(V13_15, [6], OFPInstructionMeter);
