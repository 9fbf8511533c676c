/**
 * The OpenFlow structure engine: one declarative description per wire
 * structure drives decode, encode, construction with os-ken's defaults, and
 * os-ken's JSON (to_jsondict/from_jsondict). Fixed-size runs of scalar
 * fields are compiled once into straight-line DataView code (new Function),
 * so generated codecs run at hand-written speed; variable parts (nested
 * structs, lists, OXM, data) call small typed helpers.
 *
 * This module is the engine's public entry point; the code lives in
 * struct_fields.ts (field specs and constructors), struct_layout.ts (the Layout compiler and
 * the helpers of compiled code), struct_classes.ts (OFPStruct, adoption, registry, fast
 * decoders, defineStruct) and struct_field_ops.ts (nested structures, lists, element codecs).
 */
export type { FieldOps, ScalarKind, FieldSpec, StructObj, Attrs, Init } from './struct_fields.js';
export { u8, u16, u32, u64, pad, mac, ipv4, fixedBytes, str, typeConst, selfLen, lenOf, varField } from './struct_fields.js';
export type { StructStatics, LayoutField, Helpers } from './struct_layout.js';
export { Layout } from './struct_layout.js';
export type { StructCtor, FastDecoder, StructClassOf } from './struct_classes.js';
export {
  adopted,
  adoptionEpoch,
  adoptExports,
  registerClass,
  registeredClasses,
  lookupClass,
  objFromJsonDict,
  OFPStruct,
  registerPlainConstructor,
  fastDecoder,
  SKIP_INIT,
  registerInlinedBase,
  registerClassCompiler,
  defineStruct,
} from './struct_classes.js';
export type { ElemCodec } from './struct_field_ops.js';
export { structField, listField, dataField, structElem, polyElem } from './struct_field_ops.js';
