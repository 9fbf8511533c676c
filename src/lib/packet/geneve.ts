/** Geneve (draft-ietf-nvo3-geneve) with tunnel options (os-ken os_ken/lib/packet/geneve.py). */
import type { Reader } from '../../wire/reader.js';
import { JsonDictError, PacketMalformed } from '../../wire/errors.js';
import { base64Decode, base64Encode, type JsonObject } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jArr, jClass, jInt, jIntOrNull, jStr, need, registerProtocol, sliceRest } from './packet_base.js';
import { ETH_TYPE_TEB } from './ether_types.js';
import { Ethernet } from './ethernet.js';
import { UDP } from './udp.js';

export const UDP_DST_PORT = 6081;

/** A Geneve tunnel option (os-ken geneve.Option); only the unknown-data form exists in os-ken. */
export class OptionDataUnknown {
  static readonly jsonName = 'OptionDataUnknown';
  option_class: number;
  type: number;
  /** option data length in bytes (the wire field times 4) */
  length: number;
  buf: Uint8Array;

  constructor(opts: { buf?: Uint8Array; option_class?: number; type_?: number; length?: number } = {}) {
    this.option_class = opts.option_class ?? 0;
    this.type = opts.type_ ?? 0;
    this.length = opts.length ?? 0;
    this.buf = opts.buf ?? new Uint8Array(0);
  }

  serialize(): Uint8Array {
    this.length = this.buf.length;
    const out = new Uint8Array(4 + this.buf.length);
    out[0] = (this.option_class >> 8) & 0xff;
    out[1] = this.option_class & 0xff;
    out[2] = this.type & 0xff;
    out[3] = (this.length >> 2) & 0xff;
    out.set(this.buf, 4);
    return out;
  }

  toJsonDict(): JsonObject {
    return { OptionDataUnknown: { buf: base64Encode(this.buf), length: this.length, option_class: this.option_class, type: this.type } };
  }
}

export type GeneveOption = OptionDataUnknown;

export interface GeneveOpts {
  version?: number;
  opt_len?: number;
  flags?: number;
  protocol?: number;
  vni?: number | null;
  options?: GeneveOption[];
}

export class Geneve extends PacketBase {
  static override readonly jsonName = 'geneve';
  static override readonly MIN_LEN = 8;
  static readonly OAM_PACKET_FLAG = 1 << 7;
  static readonly CRITICAL_OPTIONS_FLAG = 1 << 6;

  version: number;
  opt_len: number;
  flags: number;
  protocol: number;
  vni: number | null;
  options: GeneveOption[];

  constructor(opts: GeneveOpts = {}) {
    super();
    this.version = opts.version ?? 0;
    this.opt_len = opts.opt_len ?? 0;
    this.flags = opts.flags ?? 0;
    if ((this.flags & 0x3f) !== 0) throw new PacketMalformed('geneve', `reserved flag bits set: 0x${this.flags.toString(16)}`, 0);
    this.protocol = opts.protocol ?? ETH_TYPE_TEB;
    this.vni = opts.vni ?? null;
    this.options = opts.options ?? [];
  }

  static override decode(r: Reader, ctx: DecodeCtx): Geneve {
    need(r, 8, 'geneve');
    const p = r.pos;
    const b = r.bytes;
    const v = r.view;
    const optLen = (b[p]! & 0x3f) * 4;
    const flags = b[p + 1]!;
    if ((flags & 0x3f) !== 0) throw new PacketMalformed('geneve', `reserved flag bits set: 0x${flags.toString(16)}`, p);
    const protocol = v.getUint16(p + 2);
    const vni = v.getUint32(p + 4) >>> 8;
    const oend = Math.min(p + 8 + optLen, r.end);
    const options: GeneveOption[] = [];
    let q = p + 8;
    while (q < oend) {
      if (oend - q < 4) throw new PacketMalformed('geneve', 'truncated option header', q);
      const length = b[q + 3]! * 4;
      const dend = Math.min(q + 4 + length, oend);
      options.push(new OptionDataUnknown({ buf: b.slice(q + 4, dend), option_class: v.getUint16(q), type_: b[q + 2]!, length }));
      q = q + 4 + length;
    }
    const g = new Geneve({ version: b[p]! >> 6, opt_len: optLen, flags, protocol, vni, options });
    ctx.next = Geneve.getPacketType(protocol);
    sliceRest(r, p + 8 + optLen);
    return g;
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const parts = this.options.map((o) => o.serialize());
    let n = 0;
    for (const x of parts) n += x.length;
    this.opt_len = n;
    const at = out.prepend(8 + n);
    const b = out.buf;
    b[at] = ((this.version << 6) | ((n >> 2) & 0x3f)) & 0xff;
    b[at + 1] = this.flags;
    out.view.setUint16(at + 2, this.protocol);
    out.view.setUint32(at + 4, ((this.vni ?? 0) << 8) >>> 0);
    let q = at + 8;
    for (const x of parts) {
      b.set(x, q);
      q += x.length;
    }
  }

  override toJsonFields(): JsonObject {
    return {
      flags: this.flags,
      opt_len: this.opt_len,
      options: this.options.map((o) => o.toJsonDict()),
      protocol: this.protocol,
      version: this.version,
      vni: this.vni,
    };
  }

  static override fromJsonDict(d: JsonObject): Geneve {
    const options = (jArr(d, 'options') ?? []).map((x) => {
      const [name, o] = jClass(x, 'geneve option');
      if (name !== 'OptionDataUnknown') throw new JsonDictError(`unknown geneve option ${name}`);
      return new OptionDataUnknown({ buf: base64Decode(jStr(o, 'buf', '')), option_class: jInt(o, 'option_class', 0), type_: jInt(o, 'type', 0), length: jInt(o, 'length', 0) });
    });
    return new Geneve({
      version: jInt(d, 'version', 0),
      opt_len: jInt(d, 'opt_len', 0),
      flags: jInt(d, 'flags', 0),
      protocol: jInt(d, 'protocol', ETH_TYPE_TEB),
      vni: jIntOrNull(d, 'vni', null),
      options,
    });
  }
}

registerProtocol(Geneve);
UDP.registerPortRule(40, (_s, d) => d === UDP_DST_PORT, Geneve);
// os-ken registers ethernet for ETH_TYPE_TEB in the shared table on first geneve/gre parse
Geneve.registerPacketType(Ethernet, ETH_TYPE_TEB);
