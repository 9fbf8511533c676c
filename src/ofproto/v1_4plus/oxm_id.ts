/** OXM ids (ofp_oxm_id headers) used by table features, port description (1.5) and copy-field (1.5). */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { OFPMalformedMessage } from '../../wire/errors.js';
import type { JsonObject } from '../../wire/json/json.js';
import { Layout, OFPStruct, polyElem, registerClass, type ElemCodec } from '../struct.js';
import { oxmTable, OFPXMC_EXPERIMENTER } from '../oxm_fields.js';

const V14_15 = [5, 6] as const;
const num = (j: unknown, d: number): number => (typeof j === 'number' ? j : typeof j === 'bigint' ? Number(j) : d);

/** An OXM id (header only; os-ken names the field, and writes length 0). */
export class OFPOxmId extends OFPStruct {
  static override jsonName = 'OFPOxmId';
  static override layout = new Layout('OFPOxmId', {});
  type: string;
  hasmask: number | boolean;
  length: number | null;
  constructor(init?: { type?: string; hasmask?: number | boolean; length?: number | null }) {
    super();
    this.type = init?.type ?? '';
    this.hasmask = init?.hasmask ?? false;
    this.length = init?.length ?? null;
  }
  override decodeFrom(r: Reader): void {
    r.need(4, 'ofp_oxm_id');
    const oxm = r.u32();
    const t = oxm >>> 9;
    this.hasmask = (oxm >>> 8) & 1;
    this.length = oxm & 0xff;
    this.type = (t >>> 7 === OFPXMC_EXPERIMENTER ? undefined : oxmTable(r.version).byType.get(t)?.name) ?? `field_${t}`;
  }
  protected header(version: number): [number, number | null] {
    const d = oxmTable(version || 6).byName.get(this.type);
    let t: number;
    if (d) t = d.cls === OFPXMC_EXPERIMENTER && d.expType ? OFPXMC_EXPERIMENTER << 7 : d.oxmType;
    else {
      const m = /^field_(\d+)$/.exec(this.type);
      if (!m) throw new OFPMalformedMessage('ofp_oxm_id', 0, `unknown OXM field ${this.type}`);
      t = Number(m[1]);
    }
    return [(((t << 9) | ((this.hasmask ? 1 : 0) << 8)) >>> 0), d && d.cls === OFPXMC_EXPERIMENTER ? d.expId : null];
  }
  /** 1.4 writes length 0; 1.5 writes the given length, or the field's (doubled if masked). */
  override encodeTo(w: Writer): void {
    if (w.version >= 6) {
      if (!this.length) {
        const size = oxmTable(6).byName.get(this.type)?.type.size ?? 0;
        this.length = Math.max(size, 0) * (this.hasmask ? 2 : 1);
      }
    } else {
      this.length = 0;
    }
    w.u32((this.header(w.version)[0] | (this.length & 0xff)) >>> 0);
  }
  override jsonBody(): JsonObject {
    return { hasmask: this.hasmask, length: this.length, type: this.type };
  }
  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject): T {
    return new OFPOxmId({ type: String(body.type), hasmask: (body.hasmask as number | boolean) ?? false, length: num(body.length, 0) }) as unknown as T;
  }
}
/** An experimenter OXM id: header and experimenter id. */
export class OFPExperimenterOxmId extends OFPOxmId {
  static override jsonName = 'OFPExperimenterOxmId';
  exp_id: number;
  constructor(init?: { type?: string; hasmask?: number | boolean; length?: number | null; exp_id?: number }) {
    super(init);
    this.exp_id = init?.exp_id ?? 0;
  }
  override decodeFrom(r: Reader): void {
    super.decodeFrom(r);
    r.need(4, 'ofp_oxm_id');
    this.exp_id = r.u32();
  }
  override encodeTo(w: Writer): void {
    super.encodeTo(w);
    w.u32(this.exp_id);
  }
  override jsonBody(): JsonObject {
    return { ...super.jsonBody(), exp_id: this.exp_id };
  }
  static override fromJsonDict<T extends OFPStruct>(this: new (init?: Record<string, unknown>) => T, body: JsonObject): T {
    return new OFPExperimenterOxmId({
      type: String(body.type), hasmask: (body.hasmask as number | boolean) ?? false, length: num(body.length, 0), exp_id: num(body.exp_id, 0),
    }) as unknown as T;
  }
}
registerClass(V14_15, OFPOxmId as never);
registerClass(V14_15, OFPExperimenterOxmId as never);

/** OXM id list element: experimenter class ids carry an experimenter id. */
export const oxmIdElem: ElemCodec<OFPStruct> = polyElem<OFPStruct>((r) => {
  r.need(4, 'ofp_oxm_id');
  return r.view.getUint32(r.pos) >>> 16 === OFPXMC_EXPERIMENTER ? OFPExperimenterOxmId : OFPOxmId;
});

