/**
 * The Echo Request / Reply body of ICMP and ICMPv6 (os-ken icmp.echo and
 * icmpv6.echo): the same layout (id, seq, data) and the same JSON.
 */
import { base64Encode, type JsonObject } from '../../wire/json/json.js';
import { concatBytes } from './packet_utils.js';

export interface EchoOpts {
  id_?: number;
  seq?: number;
  data?: Uint8Array | null;
}

export abstract class EchoBody {
  static readonly jsonName = 'echo';
  id: number;
  seq: number;
  data: Uint8Array | null;
  constructor(opts: EchoOpts = {}) {
    this.id = opts.id_ ?? 0;
    this.seq = opts.seq ?? 0;
    this.data = opts.data ?? null;
  }
  serialize(): Uint8Array {
    return concatBytes(Uint8Array.of(this.id >> 8, this.id & 0xff, this.seq >> 8, this.seq & 0xff), this.data);
  }
  toJsonDict(): JsonObject {
    return { echo: { data: this.data === null ? null : base64Encode(this.data), id: this.id, seq: this.seq } };
  }
}
