/**
 * A growable output buffer. Encoders write fields in order, reserve length
 * fields and back-patch them. No Buffer.concat per field.
 */
export class Writer {
  buf: Uint8Array;
  view: DataView;
  pos = 0;
  /** OpenFlow version being encoded (selects version-specific tables) */
  version: number;

  constructor(initial = 256, version = 0) {
    this.version = version;
    this.buf = new Uint8Array(initial);
    this.view = new DataView(this.buf.buffer);
  }

  /** Make room for n more bytes. */
  ensure(n: number): void {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const nb = new Uint8Array(size);
    nb.set(this.buf.subarray(0, this.pos));
    this.buf = nb;
    this.view = new DataView(nb.buffer);
  }

  u8(v: number): void {
    this.ensure(1);
    this.view.setUint8(this.pos, v);
    this.pos += 1;
  }
  u16(v: number): void {
    this.ensure(2);
    this.view.setUint16(this.pos, v);
    this.pos += 2;
  }
  u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.pos, v);
    this.pos += 4;
  }
  u64(v: bigint): void {
    this.ensure(8);
    this.view.setBigUint64(this.pos, BigInt.asUintN(64, v));
    this.pos += 8;
  }
  /** n zero bytes. */
  zeros(n: number): void {
    this.ensure(n);
    const b = this.buf;
    const p = this.pos;
    // a few stores beat fill's call for the short pads of alignment
    if (n <= 16) for (let i = 0; i < n; i++) b[p + i] = 0;
    else b.fill(0, p, p + n);
    this.pos = p + n;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  /** Zero-pad so that (pos - start) is a multiple of `align`. */
  align(start: number, align: number): void {
    const rem = (this.pos - start) % align;
    if (rem) this.zeros(align - rem);
  }
  patch16(at: number, v: number): void {
    this.view.setUint16(at, v);
  }
  patch32(at: number, v: number): void {
    this.view.setUint32(at, v);
  }
  /** The written bytes as a Buffer (a view on this writer's memory). */
  finish(): Buffer {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.pos);
  }
}
