/** GRE (RFC 2784/2890) incl. NVGRE keys (os-ken os_ken/lib/packet/gre.py). */
import type { Reader } from '../../wire/reader.js';
import type { JsonObject } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jInt, jIntOrNull, need, registerProtocol } from './packet_base.js';
import { checksum as inetChecksum } from './packet_utils.js';
import { ETH_TYPE_IP, ETH_TYPE_TEB } from './ether_types.js';
import { IPPROTO_GRE } from './in_proto.js';
import { Ethernet } from './ethernet.js';
import { IPv4 } from './ipv4.js';

export const GRE_CHECKSUM_FLG = 1 << 7;
export const GRE_KEY_FLG = 1 << 5;
export const GRE_SEQUENCE_NUM_FLG = 1 << 4;

export interface GREOpts {
  version?: number;
  protocol?: number;
  checksum?: number | null;
  key?: number | null;
  vsid?: number | null;
  flow_id?: number | null;
  seq_number?: number | null;
}

export class GRE extends PacketBase {
  static override readonly jsonName = 'gre';
  static override readonly MIN_LEN = 4;

  version: number;
  protocol: number;
  checksum: number | null;
  seq_number: number | null;
  private _key: number | null;
  private _vsid: number | null;
  private _flow_id: number | null;

  constructor(opts: GREOpts = {}) {
    super();
    this.version = opts.version ?? 0;
    this.protocol = opts.protocol ?? ETH_TYPE_IP;
    this.checksum = opts.checksum ?? null;
    this.seq_number = opts.seq_number ?? null;
    const key = opts.key ?? null;
    if (key !== null) {
      this._key = key;
      this._vsid = key >>> 8;
      this._flow_id = key & 0xff;
    } else if (opts.vsid != null && opts.flow_id != null) {
      this._key = ((opts.vsid << 8) | opts.flow_id) >>> 0;
      this._vsid = opts.vsid;
      this._flow_id = opts.flow_id;
    } else {
      this._key = null;
      this._vsid = null;
      this._flow_id = null;
    }
  }

  get key(): number | null {
    return this._key;
  }
  set key(key: number | null) {
    this._key = key;
    this._vsid = key === null ? null : key >>> 8;
    this._flow_id = key === null ? null : key & 0xff;
  }
  get vsid(): number | null {
    return this._vsid;
  }
  set vsid(vsid: number) {
    this._key = ((vsid << 8) | ((this._key ?? 0) & 0xff)) >>> 0;
    this._vsid = vsid;
  }
  get flow_id(): number | null {
    return this._flow_id;
  }
  set flow_id(flowId: number) {
    this._key = (((this._key ?? 0) & 0xffffff00) | flowId) >>> 0;
    this._flow_id = flowId;
  }

  static override decode(r: Reader, ctx: DecodeCtx): GRE {
    need(r, 4, 'gre');
    const p = r.pos;
    const v = r.view;
    const present = r.bytes[p]!;
    const version = r.bytes[p + 1]!;
    const protocol = v.getUint16(p + 2);
    let q = p + 4;
    let checksum: number | null = null;
    let key: number | null = null;
    let seq: number | null = null;
    if (present & GRE_CHECKSUM_FLG) {
      r.pos = q;
      need(r, 4, 'gre');
      checksum = v.getUint16(q);
      q += 4;
    }
    if (present & GRE_KEY_FLG) {
      r.pos = q;
      need(r, 4, 'gre');
      key = v.getUint32(q);
      q += 4;
    }
    if (present & GRE_SEQUENCE_NUM_FLG) {
      r.pos = q;
      need(r, 4, 'gre');
      seq = v.getUint32(q);
      q += 4;
    }
    r.pos = q;
    ctx.next = GRE.getPacketType(protocol);
    return new GRE({ version, protocol, checksum, key, seq_number: seq });
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    let present = 0;
    let len = 4;
    if (this.checksum !== null) {
      present |= GRE_CHECKSUM_FLG;
      len += 4;
    }
    if (this._key !== null) {
      present |= GRE_KEY_FLG;
      len += 4;
    }
    if (this.seq_number !== null) {
      present |= GRE_SEQUENCE_NUM_FLG;
      len += 4;
    }
    const at = out.prepend(len);
    const b = out.buf;
    const v = out.view;
    b[at] = present;
    b[at + 1] = this.version & 0xff;
    v.setUint16(at + 2, this.protocol);
    let q = at + 4;
    if (this.checksum !== null) q += 4;
    if (this._key !== null) {
      v.setUint32(q, this._key >>> 0);
      q += 4;
    }
    if (this.seq_number !== null) v.setUint32(q, this.seq_number >>> 0);
    // os-ken: recomputed only when non-zero, over the GRE header alone
    if (this.checksum) {
      this.checksum = inetChecksum(b, at, at + len);
      v.setUint16(at + 4, this.checksum);
    }
  }

  /** key/vsid/flow_id are properties in os-ken, so they are not in its JSON */
  override toJsonFields(): JsonObject {
    return { checksum: this.checksum, protocol: this.protocol, seq_number: this.seq_number, version: this.version };
  }

  static override fromJsonDict(d: JsonObject): GRE {
    return new GRE({
      version: jInt(d, 'version', 0),
      protocol: jInt(d, 'protocol', ETH_TYPE_IP),
      checksum: jIntOrNull(d, 'checksum', null),
      key: jIntOrNull(d, 'key', null),
      vsid: jIntOrNull(d, 'vsid', null),
      flow_id: jIntOrNull(d, 'flow_id', null),
      seq_number: jIntOrNull(d, 'seq_number', null),
    });
  }
}

/** os-ken nvgre(): a GRE header for NVGRE (RFC 7637). */
export function nvgre(version = 0, vsid = 0, flowId = 0): GRE {
  return new GRE({ version, protocol: ETH_TYPE_TEB, vsid, flow_id: flowId });
}

registerProtocol(GRE);
IPv4.registerPacketType(GRE, IPPROTO_GRE);
GRE.registerPacketType(Ethernet, ETH_TYPE_TEB);
