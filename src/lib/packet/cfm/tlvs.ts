/**
 * CFM TLVs (os-ken cfm.tlv and subclasses) and the TLV list codec.
 */
import type { Reader } from '../../../wire/reader.js';
import { Writer } from '../../../wire/writer.js';
import { macToBin, macToText } from '../../../wire/addrconv.js';
import { type JsonObject } from '../../../wire/json/json.js';
import { JsonDictError } from '../../../wire/errors.js';
import { jArr, jClass, jInt, jStr } from '../packet_base.js';
import { CFM_END_TLV, CFM_SENDER_ID_TLV, CFM_PORT_STATUS_TLV, CFM_DATA_TLV, CFM_INTERFACE_STATUS_TLV, CFM_REPLY_INGRESS_TLV, CFM_REPLY_EGRESS_TLV, CFM_LTM_EGRESS_IDENTIFIER_TLV, CFM_LTR_EGRESS_IDENTIFIER_TLV, CFM_ORGANIZATION_SPECIFIC_TLV, need, bad, bytesField, b64 } from './common.js';
/* ------------------------------------------------------------------ TLVs */

export abstract class CfmTlv {
  static readonly jsonName: string = 'tlv';
  static readonly TLV_TYPE: number = -1;
  length: number;
  constructor(length: number) {
    this.length = length;
  }
  /** os-ken __len__ */
  get size(): number {
    return this.length + 3;
  }
  abstract write(w: Writer): void;
  abstract toJsonFields(): JsonObject;
  toJsonDict(): JsonObject {
    return { [(this.constructor as typeof CfmTlv).jsonName]: this.toJsonFields() };
  }
}

export interface SenderIdTlvOpts {
  length?: number;
  chassis_id_length?: number;
  chassis_id_subtype?: number;
  chassis_id?: Uint8Array;
  ma_domain_length?: number;
  ma_domain?: Uint8Array;
  ma_length?: number;
  ma?: Uint8Array;
}

export class SenderIdTlv extends CfmTlv {
  static override readonly jsonName = 'sender_id_tlv';
  static override readonly TLV_TYPE = CFM_SENDER_ID_TLV;
  chassis_id_length: number;
  chassis_id_subtype: number;
  chassis_id: Uint8Array;
  ma_domain_length: number;
  ma_domain: Uint8Array;
  ma_length: number;
  ma: Uint8Array;
  constructor(o: SenderIdTlvOpts = {}) {
    super(o.length ?? 0);
    this.chassis_id_length = o.chassis_id_length ?? 0;
    this.chassis_id_subtype = o.chassis_id_subtype ?? 4;
    if (this.chassis_id_subtype < 1 || this.chassis_id_subtype > 7) bad('sender_id_tlv: chassis_id_subtype', 0);
    this.chassis_id = o.chassis_id ?? new Uint8Array(0);
    this.ma_domain_length = o.ma_domain_length ?? 0;
    this.ma_domain = o.ma_domain ?? new Uint8Array(0);
    this.ma_length = o.ma_length ?? 0;
    this.ma = o.ma ?? new Uint8Array(0);
  }
  static parse(r: Reader, p: number): SenderIdTlv {
    need(r, p, 4);
    const v = r.view;
    const length = v.getUint16(p + 1);
    const o: SenderIdTlvOpts = { length, chassis_id_length: v.getUint8(p + 3) };
    let off = p + 4;
    if (o.chassis_id_length !== 0) {
      need(r, off, 1 + o.chassis_id_length!);
      o.chassis_id_subtype = v.getUint8(off);
      o.chassis_id = r.bytes.slice(off + 1, off + 1 + o.chassis_id_length!);
      off += 1 + o.chassis_id_length!;
    }
    if (p + length + 3 > off) {
      need(r, off, 1);
      o.ma_domain_length = v.getUint8(off);
      need(r, off + 1, o.ma_domain_length);
      o.ma_domain = r.bytes.slice(off + 1, off + 1 + o.ma_domain_length);
      off += 1 + o.ma_domain_length;
      if (p + length + 3 > off) {
        need(r, off, 1);
        o.ma_length = v.getUint8(off);
        need(r, off + 1, o.ma_length);
        o.ma = r.bytes.slice(off + 1, off + 1 + o.ma_length);
      }
    }
    return new SenderIdTlv(o);
  }
  write(w: Writer): void {
    if (this.chassis_id_length === 0) this.chassis_id_length = this.chassis_id.length;
    if (this.ma_domain_length === 0) this.ma_domain_length = this.ma_domain.length;
    if (this.ma_length === 0) this.ma_length = this.ma.length;
    if (this.length === 0) {
      this.length += 1;
      if (this.chassis_id_length !== 0) this.length += 1 + this.chassis_id_length;
      if (this.chassis_id_length !== 0 || this.ma_domain_length !== 0) this.length += 1;
      if (this.ma_domain_length !== 0) this.length += this.ma_domain_length + 1 + this.ma_length;
    }
    w.u8(CFM_SENDER_ID_TLV);
    w.u16(this.length);
    w.u8(this.chassis_id_length);
    if (this.chassis_id_length !== 0) {
      w.u8(this.chassis_id_subtype);
      writeFixed(w, this.chassis_id, this.chassis_id_length);
    }
    if (this.chassis_id_length !== 0 || this.ma_domain_length !== 0) w.u8(this.ma_domain_length);
    if (this.ma_domain_length !== 0) {
      writeFixed(w, this.ma_domain, this.ma_domain_length);
      w.u8(this.ma_length);
      if (this.ma_length !== 0) writeFixed(w, this.ma, this.ma_length);
    }
  }
  toJsonFields(): JsonObject {
    return {
      chassis_id: b64(this.chassis_id),
      chassis_id_length: this.chassis_id_length,
      chassis_id_subtype: this.chassis_id_subtype,
      length: this.length,
      ma: b64(this.ma),
      ma_domain: b64(this.ma_domain),
      ma_domain_length: this.ma_domain_length,
      ma_length: this.ma_length,
    };
  }
  static fromJsonDict(d: JsonObject): SenderIdTlv {
    return new SenderIdTlv({
      length: jInt(d, 'length', 0),
      chassis_id_length: jInt(d, 'chassis_id_length', 0),
      chassis_id_subtype: jInt(d, 'chassis_id_subtype', 4),
      chassis_id: bytesField(d, 'chassis_id', new Uint8Array(0)),
      ma_domain_length: jInt(d, 'ma_domain_length', 0),
      ma_domain: bytesField(d, 'ma_domain', new Uint8Array(0)),
      ma_length: jInt(d, 'ma_length', 0),
      ma: bytesField(d, 'ma', new Uint8Array(0)),
    });
  }
}

/** struct.pack('%ds') semantics: truncate or zero-pad to n bytes. */
export function writeFixed(w: Writer, b: Uint8Array, n: number): void {
  if (b.length >= n) w.bytes(b.subarray(0, n));
  else {
    w.bytes(b);
    w.zeros(n - b.length);
  }
}

/** port_status_tlv and interface_status_tlv: one status byte. */
abstract class StatusTlv extends CfmTlv {
  protected static readonly FIELD: string = 'status';
  protected static readonly DEFAULT: number = 0;
  protected static readonly ALLOWED: readonly number[] = [];
  value: number;
  constructor(length: number, value: number) {
    super(length);
    const c = this.constructor as typeof StatusTlv;
    if (!c.ALLOWED.includes(value)) bad(`${c.jsonName}: ${c.FIELD} ${value}`, 0);
    this.value = value;
  }
  write(w: Writer): void {
    if (this.length === 0) this.length = 1;
    w.u8((this.constructor as typeof StatusTlv).TLV_TYPE);
    w.u16(this.length);
    w.u8(this.value);
  }
  toJsonFields(): JsonObject {
    return { length: this.length, [(this.constructor as typeof StatusTlv).FIELD]: this.value };
  }
  static parse<T>(this: new (o: StatusTlvOpts) => T, r: Reader, p: number): T {
    need(r, p, 4);
    const { FIELD } = this as unknown as typeof StatusTlv;
    return new this({ length: r.view.getUint16(p + 1), [FIELD]: r.view.getUint8(p + 3) });
  }
  static fromJsonDict<T>(this: new (o: StatusTlvOpts) => T, d: JsonObject): T {
    const { FIELD, DEFAULT } = this as unknown as typeof StatusTlv;
    return new this({ length: jInt(d, 'length', 0), [FIELD]: jInt(d, FIELD, DEFAULT) });
  }
}

type StatusTlvOpts = { length?: number } & { [field: string]: number | undefined };

export class PortStatusTlv extends StatusTlv {
  static override readonly jsonName = 'port_status_tlv';
  static override readonly TLV_TYPE = CFM_PORT_STATUS_TLV;
  protected static override readonly FIELD = 'port_status';
  protected static override readonly DEFAULT = 2;
  protected static override readonly ALLOWED = [1, 2];
  constructor(o: { length?: number; port_status?: number } = {}) {
    super(o.length ?? 0, o.port_status ?? 2);
  }
  get port_status(): number {
    return this.value;
  }
}

export class InterfaceStatusTlv extends StatusTlv {
  static override readonly jsonName = 'interface_status_tlv';
  static override readonly TLV_TYPE = CFM_INTERFACE_STATUS_TLV;
  protected static override readonly FIELD = 'interface_status';
  protected static override readonly DEFAULT = 1;
  protected static override readonly ALLOWED = [1, 2, 3, 4, 5, 6, 7];
  constructor(o: { length?: number; interface_status?: number } = {}) {
    super(o.length ?? 0, o.interface_status ?? 1);
  }
  get interface_status(): number {
    return this.value;
  }
}

export class DataTlv extends CfmTlv {
  static override readonly jsonName = 'data_tlv';
  static override readonly TLV_TYPE = CFM_DATA_TLV;
  data_value: Uint8Array;
  constructor(o: { length?: number; data_value?: Uint8Array } = {}) {
    super(o.length ?? 0);
    this.data_value = o.data_value ?? new Uint8Array(0);
  }
  static parse(r: Reader, p: number): DataTlv {
    need(r, p, 3);
    const length = r.view.getUint16(p + 1);
    need(r, p + 3, length);
    return new DataTlv({ length, data_value: r.bytes.slice(p + 3, p + 3 + length) });
  }
  write(w: Writer): void {
    if (this.length === 0) this.length = this.data_value.length;
    w.u8(CFM_DATA_TLV);
    w.u16(this.length);
    writeFixed(w, this.data_value, this.length);
  }
  toJsonFields(): JsonObject {
    return { data_value: b64(this.data_value), length: this.length };
  }
  static fromJsonDict(d: JsonObject): DataTlv {
    return new DataTlv({ length: jInt(d, 'length', 0), data_value: bytesField(d, 'data_value', new Uint8Array(0)) });
  }
}

export class LtmEgressIdentifierTlv extends CfmTlv {
  static override readonly jsonName = 'ltm_egress_identifier_tlv';
  static override readonly TLV_TYPE = CFM_LTM_EGRESS_IDENTIFIER_TLV;
  egress_id_ui: number;
  egress_id_mac: string;
  constructor(o: { length?: number; egress_id_ui?: number; egress_id_mac?: string } = {}) {
    super(o.length ?? 0);
    this.egress_id_ui = o.egress_id_ui ?? 0;
    this.egress_id_mac = o.egress_id_mac ?? '00:00:00:00:00:00';
  }
  static parse(r: Reader, p: number): LtmEgressIdentifierTlv {
    need(r, p, 11);
    const v = r.view;
    return new LtmEgressIdentifierTlv({ length: v.getUint16(p + 1), egress_id_ui: v.getUint16(p + 3), egress_id_mac: macToText(r.bytes, p + 5) });
  }
  write(w: Writer): void {
    if (this.length === 0) this.length = 8;
    w.u8(CFM_LTM_EGRESS_IDENTIFIER_TLV);
    w.u16(this.length);
    w.u16(this.egress_id_ui);
    w.bytes(macToBin(this.egress_id_mac));
  }
  toJsonFields(): JsonObject {
    return { egress_id_mac: this.egress_id_mac, egress_id_ui: this.egress_id_ui, length: this.length };
  }
  static fromJsonDict(d: JsonObject): LtmEgressIdentifierTlv {
    return new LtmEgressIdentifierTlv({
      length: jInt(d, 'length', 0),
      egress_id_ui: jInt(d, 'egress_id_ui', 0),
      egress_id_mac: jStr(d, 'egress_id_mac', '00:00:00:00:00:00'),
    });
  }
}

export interface LtrEgressIdentifierTlvOpts {
  length?: number;
  last_egress_id_ui?: number;
  last_egress_id_mac?: string;
  next_egress_id_ui?: number;
  next_egress_id_mac?: string;
}

export class LtrEgressIdentifierTlv extends CfmTlv {
  static override readonly jsonName = 'ltr_egress_identifier_tlv';
  static override readonly TLV_TYPE = CFM_LTR_EGRESS_IDENTIFIER_TLV;
  last_egress_id_ui: number;
  last_egress_id_mac: string;
  next_egress_id_ui: number;
  next_egress_id_mac: string;
  constructor(o: LtrEgressIdentifierTlvOpts = {}) {
    super(o.length ?? 0);
    this.last_egress_id_ui = o.last_egress_id_ui ?? 0;
    this.last_egress_id_mac = o.last_egress_id_mac ?? '00:00:00:00:00:00';
    this.next_egress_id_ui = o.next_egress_id_ui ?? 0;
    this.next_egress_id_mac = o.next_egress_id_mac ?? '00:00:00:00:00:00';
  }
  static parse(r: Reader, p: number): LtrEgressIdentifierTlv {
    need(r, p, 19);
    const v = r.view;
    return new LtrEgressIdentifierTlv({
      length: v.getUint16(p + 1),
      last_egress_id_ui: v.getUint16(p + 3),
      last_egress_id_mac: macToText(r.bytes, p + 5),
      next_egress_id_ui: v.getUint16(p + 11),
      next_egress_id_mac: macToText(r.bytes, p + 13),
    });
  }
  write(w: Writer): void {
    if (this.length === 0) this.length = 16;
    w.u8(CFM_LTR_EGRESS_IDENTIFIER_TLV);
    w.u16(this.length);
    w.u16(this.last_egress_id_ui);
    w.bytes(macToBin(this.last_egress_id_mac));
    w.u16(this.next_egress_id_ui);
    w.bytes(macToBin(this.next_egress_id_mac));
  }
  toJsonFields(): JsonObject {
    return {
      last_egress_id_mac: this.last_egress_id_mac,
      last_egress_id_ui: this.last_egress_id_ui,
      length: this.length,
      next_egress_id_mac: this.next_egress_id_mac,
      next_egress_id_ui: this.next_egress_id_ui,
    };
  }
  static fromJsonDict(d: JsonObject): LtrEgressIdentifierTlv {
    return new LtrEgressIdentifierTlv({
      length: jInt(d, 'length', 0),
      last_egress_id_ui: jInt(d, 'last_egress_id_ui', 0),
      last_egress_id_mac: jStr(d, 'last_egress_id_mac', '00:00:00:00:00:00'),
      next_egress_id_ui: jInt(d, 'next_egress_id_ui', 0),
      next_egress_id_mac: jStr(d, 'next_egress_id_mac', '00:00:00:00:00:00'),
    });
  }
}

export class OrganizationSpecificTlv extends CfmTlv {
  static override readonly jsonName = 'organization_specific_tlv';
  static override readonly TLV_TYPE = CFM_ORGANIZATION_SPECIFIC_TLV;
  oui: Uint8Array;
  subtype: number;
  value: Uint8Array;
  constructor(o: { length?: number; oui?: Uint8Array; subtype?: number; value?: Uint8Array } = {}) {
    super(o.length ?? 0);
    this.oui = o.oui ?? new Uint8Array(3);
    this.subtype = o.subtype ?? 0;
    this.value = o.value ?? new Uint8Array(0);
  }
  static parse(r: Reader, p: number): OrganizationSpecificTlv {
    need(r, p, 7);
    const length = r.view.getUint16(p + 1);
    let value = new Uint8Array(0);
    if (length > 4) {
      need(r, p + 7, length - 4);
      value = r.bytes.slice(p + 7, p + 3 + length);
    }
    return new OrganizationSpecificTlv({ length, oui: r.bytes.slice(p + 3, p + 6), subtype: r.view.getUint8(p + 6), value });
  }
  write(w: Writer): void {
    if (this.length === 0) this.length = this.value.length + 4;
    w.u8(CFM_ORGANIZATION_SPECIFIC_TLV);
    w.u16(this.length);
    writeFixed(w, this.oui, 3);
    w.u8(this.subtype);
    writeFixed(w, this.value, Math.max(0, this.length - 4));
  }
  toJsonFields(): JsonObject {
    return { length: this.length, oui: b64(this.oui), subtype: this.subtype, value: b64(this.value) };
  }
  static fromJsonDict(d: JsonObject): OrganizationSpecificTlv {
    return new OrganizationSpecificTlv({
      length: jInt(d, 'length', 0),
      oui: bytesField(d, 'oui', new Uint8Array(3)),
      subtype: jInt(d, 'subtype', 0),
      value: bytesField(d, 'value', new Uint8Array(0)),
    });
  }
}

export interface ReplyTlvOpts {
  length?: number;
  action?: number;
  mac_address?: string;
  port_id_length?: number;
  port_id_subtype?: number;
  port_id?: Uint8Array;
}

/** reply_ingress_tlv / reply_egress_tlv */
export abstract class ReplyTlv extends CfmTlv {
  action: number;
  mac_address: string;
  port_id_length: number;
  port_id_subtype: number;
  port_id: Uint8Array;
  constructor(o: ReplyTlvOpts = {}) {
    super(o.length ?? 0);
    this.action = o.action ?? 1;
    if (this.action < 1 || this.action > 4) bad(`${(this.constructor as typeof CfmTlv).jsonName}: action ${this.action}`, 0);
    this.mac_address = o.mac_address ?? '00:00:00:00:00:00';
    this.port_id_length = o.port_id_length ?? 0;
    this.port_id_subtype = o.port_id_subtype ?? 0;
    this.port_id = o.port_id ?? new Uint8Array(0);
  }
  protected static parseOpts(r: Reader, p: number): ReplyTlvOpts {
    need(r, p, 10);
    const v = r.view;
    const length = v.getUint16(p + 1);
    const o: ReplyTlvOpts = { length, action: v.getUint8(p + 3), mac_address: macToText(r.bytes, p + 4) };
    if (length > 7) {
      need(r, p + 10, 2);
      o.port_id_length = v.getUint8(p + 10);
      o.port_id_subtype = v.getUint8(p + 11);
      need(r, p + 12, o.port_id_length);
      o.port_id = r.bytes.slice(p + 12, p + 12 + o.port_id_length);
    }
    return o;
  }
  write(w: Writer): void {
    if (this.port_id_length === 0) this.port_id_length = this.port_id.length;
    if (this.length === 0) {
      this.length = 7;
      if (this.port_id_length !== 0) this.length += this.port_id_length + 2;
    }
    w.u8((this.constructor as typeof CfmTlv).TLV_TYPE);
    w.u16(this.length);
    w.u8(this.action);
    w.bytes(macToBin(this.mac_address));
    if (this.port_id_length !== 0) {
      w.u8(this.port_id_length);
      w.u8(this.port_id_subtype);
      writeFixed(w, this.port_id, this.port_id_length);
    }
  }
  toJsonFields(): JsonObject {
    return {
      action: this.action,
      length: this.length,
      mac_address: this.mac_address,
      port_id: b64(this.port_id),
      port_id_length: this.port_id_length,
      port_id_subtype: this.port_id_subtype,
    };
  }
  static parse<T>(this: new (o: ReplyTlvOpts) => T, r: Reader, p: number): T {
    return new this(ReplyTlv.parseOpts(r, p));
  }
  static fromJsonDict<T>(this: new (o: ReplyTlvOpts) => T, d: JsonObject): T {
    return new this(ReplyTlv.optsFromJson(d));
  }
  protected static optsFromJson(d: JsonObject): ReplyTlvOpts {
    return {
      length: jInt(d, 'length', 0),
      action: jInt(d, 'action', 1),
      mac_address: jStr(d, 'mac_address', '00:00:00:00:00:00'),
      port_id_length: jInt(d, 'port_id_length', 0),
      port_id_subtype: jInt(d, 'port_id_subtype', 0),
      port_id: bytesField(d, 'port_id', new Uint8Array(0)),
    };
  }
}

export class ReplyIngressTlv extends ReplyTlv {
  static override readonly jsonName = 'reply_ingress_tlv';
  static override readonly TLV_TYPE = CFM_REPLY_INGRESS_TLV;
}

export class ReplyEgressTlv extends ReplyTlv {
  static override readonly jsonName = 'reply_egress_tlv';
  static override readonly TLV_TYPE = CFM_REPLY_EGRESS_TLV;
}

interface TlvCodec {
  readonly jsonName: string;
  parse(r: Reader, p: number): CfmTlv;
  fromJsonDict(d: JsonObject): CfmTlv;
}

/** TLV type -> codec (os-ken operation._TLV_TYPES). */
const TLV_TYPES = new Map<number, TlvCodec>([
  [CFM_SENDER_ID_TLV, SenderIdTlv],
  [CFM_PORT_STATUS_TLV, PortStatusTlv],
  [CFM_DATA_TLV, DataTlv],
  [CFM_INTERFACE_STATUS_TLV, InterfaceStatusTlv],
  [CFM_REPLY_INGRESS_TLV, ReplyIngressTlv],
  [CFM_REPLY_EGRESS_TLV, ReplyEgressTlv],
  [CFM_LTM_EGRESS_IDENTIFIER_TLV, LtmEgressIdentifierTlv],
  [CFM_LTR_EGRESS_IDENTIFIER_TLV, LtrEgressIdentifierTlv],
  [CFM_ORGANIZATION_SPECIFIC_TLV, OrganizationSpecificTlv],
]);
const TLV_BY_NAME = new Map<string, TlvCodec>([...TLV_TYPES.values()].map((c) => [c.jsonName, c]));

/** os-ken operation._parser_tlvs: TLVs until the End TLV (type 0). */
export function parseTlvs(r: Reader, p: number): CfmTlv[] {
  const tlvs: CfmTlv[] = [];
  let off = p;
  for (;;) {
    need(r, off, 1);
    const type = r.view.getUint8(off);
    const codec = TLV_TYPES.get(type);
    if (!codec) {
      if (type !== CFM_END_TLV) bad(`unknown TLV type ${type}`, off);
      break;
    }
    const t = codec.parse(r, off);
    tlvs.push(t);
    off += t.size;
  }
  return tlvs;
}

export function tlvsFromJson(d: JsonObject): CfmTlv[] {
  const a = jArr(d, 'tlvs') ?? [];
  return a.map((x) => {
    const [name, body] = jClass(x, 'tlv');
    const c = TLV_BY_NAME.get(name);
    if (!c) throw new JsonDictError(`unknown CFM TLV ${name}`);
    return c.fromJsonDict(body);
  });
}

