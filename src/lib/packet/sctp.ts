/**
 * Stream Control Transmission Protocol, RFC 4960 (os-ken os_ken/lib/packet/sctp.py).
 * Reached through IP protocol 132. Chunks live in ./sctp/chunks.ts, error
 * causes in ./sctp/causes.ts, parameters in ./sctp/params.ts.
 *
 * Checksum. os-ken's `_checksum` runs its CRC32c table over `str(data)`,
 * i.e. over the Python repr text of the bytearray, so every checksum os-ken
 * computes (serialize with csum=0) is wrong on the wire. What must match:
 *  - decode / JSON: `csum` is the field as read ('!I', big-endian), exactly
 *    as os-ken reports it; it is never verified (os-ken does not verify it).
 *  - serialize with csum = 0: we compute the CORRECT CRC32c over the common
 *    header (checksum zeroed) and the chunks, store it little-endian as
 *    RFC 4960 appendix B requires (os-ken's byte order convention, too) and
 *    set `csum` to the big-endian reading of those bytes. A non-zero csum is
 *    written as given (os-ken does the same), so parse -> serialize gives the
 *    captured bytes back. `SCTP.checksumOk(bytes)` checks a captured packet.
 *
 * Robustness. A chunk, parameter or cause with length 0 makes os-ken loop
 * forever; here it is a PacketMalformed, so Packet keeps the SCTP packet as
 * a raw payload. Where os-ken raises other exceptions (an unrecognised
 * parameter in a HEARTBEAT or an unresolvable-address cause, a bad ECN
 * parameter) the result is the same raw payload.
 */
import type { Reader } from '../../wire/reader.js';
import { Writer } from '../../wire/writer.js';
import type { JsonObject } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jArr, jInt, need as needR, registerProtocol } from './packet_base.js';
import { IPv4 } from './ipv4.js';
import { IPPROTO_SCTP } from './in_proto.js';
import { Span, bad, crc32c } from './sctp/common.js';
import { Chunk, chunkCodec, chunkFromJson } from './sctp/chunks.js';

export * from './sctp/common.js';
export * from './sctp/params.js';
export * from './sctp/causes.js';
export * from './sctp/chunks.js';

export interface SCTPOpts {
  src_port?: number;
  dst_port?: number;
  vtag?: number;
  csum?: number;
  chunks?: Chunk[] | null;
}

export class SCTP extends PacketBase {
  static override readonly jsonName = 'sctp';
  static override readonly MIN_LEN = 12;

  src_port: number;
  dst_port: number;
  vtag: number;
  csum: number;
  chunks: Chunk[];

  constructor(o: SCTPOpts = {}) {
    super();
    this.src_port = o.src_port ?? 1;
    this.dst_port = o.dst_port ?? 1;
    this.vtag = o.vtag ?? 0;
    this.csum = o.csum ?? 0;
    this.chunks = o.chunks ?? [];
  }

  /** os-ken __len__: 12 + the chunks' length fields */
  override get length(): number {
    let n = 12;
    for (const c of this.chunks) n += c.length;
    return n;
  }

  static override decode(r: Reader, ctx: DecodeCtx): SCTP {
    needR(r, 12, 'sctp');
    const p = r.pos;
    const v = r.view;
    const s: Span = { b: r.bytes, v, end: r.end };
    const chunks: Chunk[] = [];
    let off = p + 12;
    while (off < r.end) {
      const codec = chunkCodec(r.bytes[off]!);
      if (codec === null) break;
      const c = codec.parse(s, off);
      if (c.length === 0) bad('zero-length chunk (os-ken loops forever)', off);
      chunks.push(c);
      off += c.length;
    }
    const h = new SCTP({ src_port: v.getUint16(p), dst_port: v.getUint16(p + 2), vtag: v.getUint32(p + 4), csum: v.getUint32(p + 8), chunks });
    r.pos = off < r.end ? off : r.end;
    ctx.next = null;
    return h;
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const w = new Writer(64);
    w.u16(this.src_port);
    w.u16(this.dst_port);
    w.u32(this.vtag >>> 0);
    w.u32(this.csum >>> 0);
    for (const c of this.chunks) c.write(w);
    if (this.csum === 0) {
      const crc = crc32c(w.buf, 0, w.pos);
      w.view.setUint32(8, crc, true);
      this.csum = w.view.getUint32(8);
    }
    out.prependBytes(w.buf.subarray(0, w.pos));
  }

  /** True when the CRC32c of a captured SCTP packet (common header + chunks) matches its checksum field. */
  static checksumOk(b: Uint8Array): boolean {
    if (b.length < 12) return false;
    const c = b.slice();
    const dv = new DataView(c.buffer);
    const got = dv.getUint32(8, true);
    dv.setUint32(8, 0);
    return crc32c(c) === got;
  }

  override toJsonFields(): JsonObject {
    return { chunks: this.chunks.map((c) => c.toJsonDict()), csum: this.csum, dst_port: this.dst_port, src_port: this.src_port, vtag: this.vtag };
  }

  static override fromJsonDict(d: JsonObject): SCTP {
    return new SCTP({
      src_port: jInt(d, 'src_port', 1),
      dst_port: jInt(d, 'dst_port', 1),
      vtag: jInt(d, 'vtag', 0),
      csum: jInt(d, 'csum', 0),
      chunks: (jArr(d, 'chunks') ?? []).map((x) => chunkFromJson(x)),
    });
  }
}


registerProtocol(SCTP);
// os-ken: ipv4 and ipv6 both register sctp for IPPROTO_SCTP (one shared table)
IPv4.registerPacketType(SCTP, IPPROTO_SCTP);
