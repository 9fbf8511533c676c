import { Buffer } from 'node:buffer';
import { OFPMalformedMessage, OFPTruncatedMessage } from './errors.js';

/**
 * A bounded cursor over one inbound buffer. At most one DataView is made per buffer, on first
 * use of `view` (decoders that read `bytes` directly never pay for it); nested structures get a
 * child Reader that shares it (`sub`), never a copy. Check once with `need`, then read.
 */
export class Reader {
  readonly bytes: Uint8Array;
  private _view: DataView | undefined;
  pos: number;
  end: number;
  /** negotiated OpenFlow version (or 0 when not relevant) */
  version: number;

  constructor(bytes: Uint8Array, pos = 0, end = bytes.length, version = 0, view?: DataView) {
    this.bytes = bytes;
    this._view = view;
    this.pos = pos;
    this.end = end;
    this.version = version;
    this.ab = null;
    this.abOff = 0;
    this.limit = bytes.length;
  }

  /**
   * Where the input buffer the message came in ends (`bytes.length` unless set): the few decoders
   * that, like os-ken, read past a length field up to the end of the input stop there. The
   * controller decodes messages in place in a read chunk and sets it to the message's end.
   */
  limit: number;

  /** the ArrayBuffer under `bytes` (a Buffer) and where `bytes` starts in it, when set: take() makes views from it directly */
  private ab: ArrayBufferLike | null;
  private abOff: number;

  /**
   * Say that `bytes` is a Buffer starting at `abOff` in `ab`: take() then makes its views with
   * Buffer.from(ab, ...), without reading `bytes.buffer` (a slow getter) for each one.
   */
  setArrayBuffer(ab: ArrayBufferLike, abOff: number): void {
    this.ab = ab;
    this.abOff = abOff;
  }

  /** A DataView over `bytes` (same offsets), made on first use and shared with child readers. */
  get view(): DataView {
    let v = this._view;
    if (v === undefined) {
      const b = this.bytes;
      v = this._view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    }
    return v;
  }

  /** The DataView if one was made already (to hand to a child reader over the same bytes), else undefined. */
  get viewIfMade(): DataView | undefined {
    return this._view;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  /** Throw OFPTruncatedMessage unless n bytes remain. */
  need(n: number, where: string): void {
    if (this.end - this.pos < n) throw new OFPTruncatedMessage(where, n, this.end - this.pos, this.pos);
  }

  /** A child reader over bytes pos..end of the same buffer (same DataView if made, same version and limit). */
  child(pos: number, end: number): Reader {
    const r = new Reader(this.bytes, pos, end, this.version, this._view);
    r.limit = this.limit;
    return r;
  }

  /** A child reader over the next len bytes; advances this reader past them. */
  sub(len: number, where: string): Reader {
    this.need(len, where);
    const r = this.child(this.pos, this.pos + len);
    this.pos += len;
    return r;
  }

  /** Check that a length field read at `at` is sane: >= min and fits in what remains from `start`. */
  checkLen(len: number, min: number, start: number, where: string): void {
    if (len < min) throw new OFPMalformedMessage(where, start, `length ${len} < minimum ${min}`);
    if (start + len > this.end) throw new OFPTruncatedMessage(where, len, this.end - start, start);
  }

  u8(): number {
    return this.view.getUint8(this.pos++);
  }
  u16(): number {
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }
  u32(): number {
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }
  u64(): bigint {
    const v = this.view.getBigUint64(this.pos);
    this.pos += 8;
    return v;
  }
  skip(n: number): void {
    this.pos += n;
  }
  /** A view (not a copy) of the next n bytes. */
  take(n: number): Uint8Array {
    const ab = this.ab;
    const p = this.pos;
    const b = ab !== null && n >= 0 && p + n <= this.bytes.length ? Buffer.from(ab, this.abOff + p, n) : this.bytes.subarray(p, p + n);
    this.pos += n;
    return b;
  }
  /** A view of everything up to end. */
  rest(): Uint8Array {
    return this.take(this.end - this.pos);
  }
}
