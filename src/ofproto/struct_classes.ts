/**
 * Structure classes of the structure engine (re-exported by struct.ts): adoption of exported
 * subclasses, the class registry, the OFPStruct base class, fast decoders, inlined bases,
 * class compilers and defineStruct.
 */
import type { Reader } from '../wire/reader.js';
import type { Writer } from '../wire/writer.js';
import { JsonDictError } from '../wire/errors.js';
import type { JsonObject, JsonValue } from '../wire/json/json.js';
import type { Attrs, Init, SpecMap, StructObj } from './struct_fields.js';
import { Layout, fieldFromJson, fieldToJson, makeHelpers, type Helpers, type StructStatics } from './struct_layout.js';

/* ---------- adoption of exported subclasses ---------- */
/** Marks the classes made by defineStruct (own property, not inherited). */
const ENGINE_BASE = Symbol('osken.engineBase');
/** engine base class -> the exported `class X extends defineStruct(...) {}` */
const ADOPTED = new Map<unknown, StructCtor>();

/** facade namespaces waiting to be adopted (their bindings may still be initialising: import cycles) */
const PENDING_NS: Record<string, unknown>[] = [];

function flushAdoptions(): void {
  const found = new Map<unknown, StructCtor>();
  for (let i = 0; i < PENDING_NS.length; ) {
    const ns = PENDING_NS[i]!;
    let ready = true;
    for (const key of Object.keys(ns)) {
      let v: unknown;
      try {
        v = ns[key];
      } catch {
        ready = false; // binding not initialised yet: retry later
        continue;
      }
      if (typeof v !== 'function') continue;
      const parent = Object.getPrototypeOf(v) as Record<symbol, unknown> | null;
      if (!parent || !Object.prototype.hasOwnProperty.call(parent, ENGINE_BASE)) continue;
      if (ADOPTED.has(parent) || found.has(parent)) continue;
      found.set(parent, v as StructCtor);
    }
    if (ready) PENDING_NS.splice(i, 1);
    else i++;
  }
  if (found.size === 0) return;
  ADOPTION_EPOCH++;
  for (const [parent, child] of found) ADOPTED.set(parent, child);
  // one pass over the registry
  for (const m of CLASSES.values()) {
    for (const [k, c] of m) {
      const child = found.get(c);
      if (child) m.set(k, child);
    }
  }
}

/** The class users import for an engine base (itself when not subclassed). */
export function adopted<T>(cls: T): T {
  if (PENDING_NS.length) flushAdoptions();
  return (ADOPTED.get(cls) as T | undefined) ?? cls;
}

/**
 * Changes whenever adopted() may answer differently (a facade is waiting to be adopted, or was):
 * callers may cache adopted(x) while it stays the same. Odd while adoptions are pending.
 */
export function adoptionEpoch(): number {
  return PENDING_NS.length ? -2 : ADOPTION_EPOCH;
}
let ADOPTION_EPOCH = 0;

/**
 * Make decoders and JSON lookups produce the exported subclasses (`class OFPFlowMod extends defineMsg(...) {}`)
 * rather than their generated bases, so `msg instanceof OFPFlowMod` holds and subclass members exist.
 * Each parser facade calls this with its own module namespace; the work happens at first use.
 */
export function adoptExports(ns: Record<string, unknown>): void {
  PENDING_NS.push(ns);
}

/* ---------- registry ---------- */
/** Classes by JSON name, per OpenFlow version (wire version byte). */
const CLASSES = new Map<number, Map<string, StructCtor>>();

export function registerClass(versions: readonly number[], cls: StructCtor): void {
  for (const v of versions) {
    let m = CLASSES.get(v);
    if (!m) CLASSES.set(v, (m = new Map()));
    m.set(cls.jsonName, cls);
  }
}

/** Every registered class of a version (JSON name -> class). */
export function registeredClasses(version: number): ReadonlyMap<string, StructCtor> {
  if (PENDING_NS.length) flushAdoptions();
  return CLASSES.get(version) ?? new Map();
}

export function lookupClass(version: number, name: string): StructCtor | undefined {
  if (PENDING_NS.length) flushAdoptions();
  return CLASSES.get(version)?.get(name);
}

/** Decode `{ClassName: body}` with the classes of `version`. */
export function objFromJsonDict(j: JsonValue, version: number): OFPStruct {
  if (j === null || typeof j !== 'object' || Array.isArray(j)) throw new JsonDictError('expected {"ClassName": {...}}');
  const keys = Object.keys(j);
  if (keys.length !== 1) throw new JsonDictError(`expected exactly one class key, got ${keys.join(',')}`);
  const cls = lookupClass(version, keys[0]!);
  if (!cls) throw new JsonDictError(`unknown class ${keys[0]} for OpenFlow version ${version}`);
  return cls.fromJsonDict((j as JsonObject)[keys[0]!] as JsonObject, version);
}

/* ---------- base class ---------- */
export interface StructCtor {
  readonly jsonName: string;
  readonly layout: Layout;
  new (init?: Record<string, unknown>): OFPStruct;
  decode(r: Reader): OFPStruct;
  fromJsonDict(body: JsonObject, version?: number): OFPStruct;
}

/** Base of every OpenFlow structure and message. */
export abstract class OFPStruct {
  static jsonName = 'OFPStruct';
  static layout: Layout;
  static helpers: Helpers;

  // No constructor (the default one): `super()` in a subclass then costs nothing (V8 skips default
  // constructors), and classes made by defineStruct do not call it at all (see defineStruct).

  /** Fill this object's fields from r (bounded by r.end); advances r.pos. */
  decodeFrom(r: Reader): void {
    const C = this.constructor as typeof OFPStruct;
    C.layout.decodeFn(this as unknown as StructObj, r, C.helpers);
  }

  /** Append this structure's wire form to w; length fields are recomputed and stored back. */
  encodeTo(w: Writer): void {
    const C = this.constructor as typeof OFPStruct;
    C.layout.encodeFn(this as unknown as StructObj, w, C.helpers);
  }

  /** The JSON attributes (os-ken's to_jsondict body), keys sorted. */
  jsonBody(): JsonObject {
    const C = this.constructor as typeof OFPStruct;
    const out: JsonObject = {};
    const o = this as unknown as StructObj;
    for (const f of C.layout.fields) {
      if (f.attr) out[f.name] = fieldToJson(f.spec, o[f.name]);
    }
    return out;
  }

  /** os-ken's to_jsondict(): `{ClassName: {...}}`. */
  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof OFPStruct).jsonName]: this.jsonBody() };
  }

  /** Build from a to_jsondict body (the object under the class key). */
  static fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject, version = 4): T {
    const C = this as unknown as typeof OFPStruct;
    const init: Record<string, unknown> = {};
    for (const f of C.layout.fields) {
      if (!f.attr) continue;
      if (body[f.name] === undefined) continue;
      init[f.name] = fieldFromJson(f.spec, body[f.name]!, version);
    }
    return new this(init);
  }

  /** Decode one instance at r.pos. */
  static decode<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, r: Reader): T {
    // decoding fills every field itself: skip the constructor's defaults (see fastDecoder)
    return fastDecoder(this as unknown as typeof OFPStruct).decode(r) as T;
  }
}

/**
 * How decoders make and fill instances of one class, compiled per class (so each has its own
 * type feedback). For a "plain" class (every constructor between it and OFPStruct is an engine
 * base, a default constructor or a registered one, and decodeFrom is the engine's), the object
 * is made by a factory that assigns the fields in the order the constructors and the decoder
 * would (same prototype: `instanceof` holds, `constructor` is the class), skipping the
 * constructor chain; otherwise by `new cls(SKIP_INIT)` and `decodeFrom`.
 */
export interface FastDecoder {
  readonly cls: unknown;
  /** a new instance as `new cls(SKIP_INIT)` makes it (fields to be filled by decodeInto) */
  create(): OFPStruct;
  /**
   * create(), with the fields of registerPlainConstructor'd bases set from the arguments, in
   * their registered order (a message's version, msg_type, msg_len, xid, buf, datapath): per-class
   * stores, where the same stores made after create() by shared code would go megamorphic
   */
  createWith(...values: unknown[]): OFPStruct;
  /** fill `o` (made by create) from r, as o.decodeFrom(r) */
  decodeInto(o: OFPStruct, r: Reader): void;
  /** create + decodeInto */
  decode(r: Reader): OFPStruct;
}

const FAST = Symbol('osken.fastDecoder');
/** Constructors known to assign only these fields (to null) when given SKIP_INIT (MsgBase registers itself). */
const KNOWN_CTORS = new Map<unknown, readonly string[]>();

/**
 * Declare that `cls`'s constructor, given SKIP_INIT, only sets `fields` to null, in this order
 * (`'name=literal'` for a field it sets to a literal other than null, e.g. `'count=0'`).
 */
export function registerPlainConstructor(cls: unknown, fields: readonly string[]): void {
  KNOWN_CTORS.set(cls, fields);
}

function isDefaultConstructor(k: unknown): boolean {
  if (typeof k !== 'function') return false;
  const src = Function.prototype.toString.call(k);
  // a class without an explicit constructor (TS emits one for instance fields)
  return src.startsWith('class') && !/\bconstructor\s*\(/.test(src);
}

export function fastDecoder(cls: typeof OFPStruct): FastDecoder {
  const f = (cls as unknown as Record<symbol, FastDecoder | undefined>)[FAST];
  if (f !== undefined && f.cls === cls) return f;
  return makeFastDecoder(cls);
}

function makeFastDecoder(cls: typeof OFPStruct): FastDecoder {
  let plain = cls.prototype.decodeFrom === OFPStruct.prototype.decodeFrom && cls.layout instanceof Layout;
  const inherited: (readonly string[])[] = [];
  let k: unknown = cls;
  for (; typeof k === 'function' && k !== OFPStruct && k !== Function.prototype; k = Object.getPrototypeOf(k)) {
    if (KNOWN_CTORS.has(k)) inherited.unshift(KNOWN_CTORS.get(k)!);
    else if (!Object.prototype.hasOwnProperty.call(k, ENGINE_BASE) && !isDefaultConstructor(k)) plain = false;
  }
  if (k !== OFPStruct) plain = false;
  const specs = inherited.flat();
  const names = specs.map((f) => f.split('=')[0]!);
  const args = names.map((_, i) => `a${i}`);
  const nulls = specs.map((f) => f.split('=')[1] ?? 'null').join(', ');
  let fd: FastDecoder;
  const tag = cls.name.replace(/[^A-Za-z0-9_]/g, '_');
  if (plain) {
    const layout = cls.layout;
    layout.ensureCompiled();
    const init: string[] = names.map((n, i) => `this[${JSON.stringify(n)}] = a${i};`);
    for (const fl of layout.fields) if (fl.spec.kind !== 'pad') init.push(`this[${JSON.stringify(fl.name)}] = undefined;`);
    fd = new Function('P', 'L', 'H', 'C', `
      function F(${args.join(', ')}) { ${init.join(' ')} }
      F.prototype = P;
      const dec = L.decodeFn;
      return {
        cls: C,
        create: function () { return new F(${nulls}); },
        createWith: function (${args.join(', ')}) { return new F(${args.join(', ')}); },
        decodeInto: function (o, r) { dec(o, r, H); },
        decode: function (r) { const o = new F(${nulls}); dec(o, r, H); return o; },
      };
      //# sourceURL=osken-new-${tag}.js`)(cls.prototype, layout, cls.helpers, cls) as FastDecoder;
  } else {
    const sets = names.map((n, i) => `o[${JSON.stringify(n)}] = a${i};`).join(' ');
    fd = new Function('C', 'SKIP', `
      return {
        cls: C,
        create: function () { return new C(SKIP); },
        createWith: function (${args.join(', ')}) { const o = new C(SKIP); ${sets} return o; },
        decodeInto: function (o, r) { o.decodeFrom(r); },
        decode: function (r) { const o = new C(SKIP); o.decodeFrom(r); return o; },
      };
      //# sourceURL=osken-new-${tag}.js`)(cls, SKIP_INIT) as FastDecoder;
  }
  Object.defineProperty(cls, FAST, { value: fd, writable: true, configurable: true, enumerable: false });
  return fd;
}

/** The per-class encodeTo methods defineStruct installs (a class built on such a class gets its own). */
const ENGINE_ENCODERS = new WeakSet<object>();

/**
 * A per-class encodeTo uses its own class's layout. If a hand-written class overrides encodeTo
 * and calls super.encodeTo (reaching such a method) while a new structure is built on it, the
 * call must use the new structure's layout: those engine classes get the generic encodeTo back.
 */
function keepSuperEncodeGeneric(base: abstract new (...args: never[]) => OFPStruct): void {
  let overridden = false;
  for (let k: unknown = base; typeof k === 'function' && k !== OFPStruct; k = Object.getPrototypeOf(k)) {
    const proto = (k as { prototype: object }).prototype;
    const own = Object.getOwnPropertyDescriptor(proto, 'encodeTo');
    if (own === undefined) continue;
    if (ENGINE_ENCODERS.has(own.value as object)) {
      if (overridden) Object.defineProperty(proto, 'encodeTo', { configurable: true, writable: true, value: OFPStruct.prototype.encodeTo });
    } else overridden = true;
  }
}

/** Passed to a generated constructor by decoders: do not assign defaults (decode assigns every field in the same order). */
export const SKIP_INIT: Record<string, unknown> = Object.freeze({});

/**
 * Bases whose fields generated classes assign themselves. A base constructor shared by many
 * classes sees many object shapes, so its stores go megamorphic (generic, slow) once a few kinds
 * of message have been built; per-class code keeps one shape. A class defineStruct builds on such
 * a base (through default constructors only) runs the base's field code in its own constructor
 * and does not call the base constructor (see defineStruct).
 * base class -> JS statements that assign its fields on `this` from `init` (as its constructor does)
 */
const INLINED_BASES = new Map<unknown, string>();

/**
 * Declare that `cls`'s constructor does what `code` does and nothing else (statements over `this`
 * and `init`, `init` possibly undefined or SKIP_INIT), and that its own base chain up to OFPStruct
 * does nothing: classes defineStruct builds on it run `code` instead of calling it.
 */
export function registerInlinedBase(cls: unknown, code: string): void {
  INLINED_BASES.set(cls, code);
}

/** base class -> what defineStruct does to each class it builds on that base (install per-class methods) */
const CLASS_COMPILERS = new Map<unknown, (cls: unknown) => void>();

/** Have defineStruct call `compile(C)` for every class C it builds whose chain includes `base`. */
export function registerClassCompiler(base: unknown, compile: (cls: unknown) => void): void {
  CLASS_COMPILERS.set(base, compile);
}

/** The field code of the registered base `base` reaches through default constructors only, else null. */
function inlinedBaseCode(base: unknown): string | null {
  let code = '';
  let found = false;
  let k: unknown = base;
  for (; typeof k === 'function' && k !== OFPStruct; k = Object.getPrototypeOf(k)) {
    const c = INLINED_BASES.get(k);
    if (c !== undefined && !found) {
      code = c;
      found = true;
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(k, ENGINE_BASE) || !isDefaultConstructor(k)) return null;
  }
  // every constructor up to OFPStruct (whose constructor is empty) does nothing but what `code` does
  return k === OFPStruct ? code : null;
}

/**
 * Define a structure class from its description. Use as a base class:
 * `export class OFPActionOutput extends defineStruct('OFPActionOutput', {...}) {}`.
 */
export function defineStruct<S extends SpecMap, B extends abstract new (...args: never[]) => OFPStruct = typeof OFPStruct>(
  name: string,
  spec: S,
  base?: B,
): StructClassOf<S, B> {
  const layout = new Layout(name, spec);
  const Base = (base ?? OFPStruct) as unknown as new (init?: Record<string, unknown>) => OFPStruct;
  // the class is compiled per structure so that its constructor has its own type feedback
  // (the base constructor and initFn it calls are then known, and inlined where it is built)
  const tag = /^[A-Z][A-Za-z0-9_]*$/.test(name) ? name : `S_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const inl = inlinedBaseCode(Base);
  // When the constructors of the bases do nothing but assign fields this class can assign itself
  // (inl: OFPStruct's constructor is empty, registered bases' fields, default constructors), the
  // class is a base class linked to $Base by its prototypes: `new` runs one constructor, with no
  // super() calls through the chain. Otherwise it extends $Base and calls its constructor.
  const C = new Function('$Base', '$layout', '$SKIP', (inl === null
    ? `return class ${tag} extends $Base {
    constructor(init) {
      super(init);
      if (init !== $SKIP) $layout.initFn(this, init, $layout.defaults);
    }
  }`
    : `class ${tag} {
    constructor(init) {
      ${inl}
      if (init !== $SKIP) $layout.initFn(this, init, $layout.defaults);
    }
  }
  Object.setPrototypeOf(${tag}.prototype, $Base.prototype);
  Object.setPrototypeOf(${tag}, $Base);
  return ${tag};`) + `\n//# sourceURL=osken-class-${tag}.js`)(Base, layout, SKIP_INIT) as typeof OFPStruct;
  C.jsonName = name;
  C.layout = layout;
  C.helpers = makeHelpers(layout);
  Object.defineProperty(C, 'name', { value: name });
  Object.defineProperty(C, ENGINE_BASE, { value: true });
  for (let k: unknown = Base; typeof k === 'function' && k !== Function.prototype; k = Object.getPrototypeOf(k)) CLASS_COMPILERS.get(k)?.(C);
  keepSuperEncodeGeneric(Base);
  const baseEncode = Base.prototype.encodeTo;
  if (baseEncode === OFPStruct.prototype.encodeTo || ENGINE_ENCODERS.has(baseEncode)) {
    // this class's own encodeTo (compiled on first use: its own type feedback, no lookups through
    // `this.constructor`); a base with its own encodeTo (e.g. NXAction) keeps it
    const helpers = C.helpers;
    const stub = function encodeTo(this: OFPStruct, w: Writer): void {
      const f = new Function('L', 'H', `return function encodeTo(w) { L.encodeFn(this, w, H); }\n//# sourceURL=osken-encodeTo-${tag}.js`)(layout, helpers) as (w: Writer) => void;
      ENGINE_ENCODERS.add(f);
      Object.defineProperty(C.prototype, 'encodeTo', { configurable: true, writable: true, value: f });
      f.call(this, w);
    };
    ENGINE_ENCODERS.add(stub);
    Object.defineProperty(C.prototype, 'encodeTo', { configurable: true, writable: true, value: stub });
  }
  return C as unknown as StructClassOf<S, B>;
}

export type StructClassOf<S, B extends abstract new (...args: never[]) => OFPStruct, X = unknown> = (new (init?: Init<S> & X) => InstanceType<B> & Attrs<S>) &
  Omit<B, 'prototype'> &
  StructStatics<InstanceType<B> & Attrs<S>>;
