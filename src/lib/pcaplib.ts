/**
 * libpcap file reading and writing (os-ken os_ken/lib/pcaplib.py).
 * Reader accepts both byte orders and both the microsecond (0xa1b2c3d4) and
 * nanosecond (0xa1b23c4d) magic; frames are views into the file contents.
 */
import { readFileSync } from 'node:fs';
import { PacketMalformed } from '../wire/errors.js';

export const MAGIC_NUMBER_IDENTICAL = 0xa1b2c3d4;
export const MAGIC_NUMBER_NSEC = 0xa1b23c4d;
export const FILE_HDR_SIZE = 24;
export const PKT_HDR_SIZE = 16;

/** The pcap global header (os-ken PcapFileHdr). */
export class PcapFileHdr {
  constructor(
    public magic = MAGIC_NUMBER_IDENTICAL,
    public version_major = 2,
    public version_minor = 4,
    public thiszone = 0,
    public sigfigs = 0,
    public snaplen = 0,
    public network = 0,
  ) {}

  /** Little-endian on-disk form (os-ken writes host order; x86 is little-endian). */
  serialize(): Uint8Array {
    const out = new Uint8Array(FILE_HDR_SIZE);
    const v = new DataView(out.buffer);
    v.setUint32(0, this.magic, true);
    v.setUint16(4, this.version_major, true);
    v.setUint16(6, this.version_minor, true);
    v.setInt32(8, this.thiszone, true);
    v.setUint32(12, this.sigfigs, true);
    v.setUint32(16, this.snaplen, true);
    v.setUint32(20, this.network, true);
    return out;
  }
}

/** One record header (os-ken PcapPktHdr); ts_usec holds nanoseconds for nanosecond files. */
export interface PcapPktHdr {
  ts_sec: number;
  ts_usec: number;
  incl_len: number;
  orig_len: number;
}

/** Something that yields the whole file (a Node fd-less reader, a test double). */
export interface ReadableFileObj {
  read(): Uint8Array;
  close?(): void;
}

/**
 * PCAP file reader: `for (const [ts, buf] of new Reader(bytes))`.
 * A record whose data is cut short yields the bytes present (as os-ken);
 * a partial record header at the end ends the iteration.
 */
export class Reader implements Iterable<[number, Uint8Array]> {
  readonly pcapHeader: PcapFileHdr;
  /** 'big' | 'little' */
  readonly byteorder: 'big' | 'little';
  /** true for nanosecond-resolution files */
  readonly nanosecond: boolean;
  private readonly body: Uint8Array;
  private readonly view: DataView;
  private nextPos = FILE_HDR_SIZE;

  constructor(file: Uint8Array | ReadableFileObj) {
    let data: Uint8Array;
    if (file instanceof Uint8Array) data = file;
    else {
      data = file.read();
      file.close?.();
    }
    this.body = data;
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (data.length < FILE_HDR_SIZE) throw new PacketMalformed('pcap', 'file shorter than the pcap header', 0);
    const be = this.view.getUint32(0, false);
    const le = this.view.getUint32(0, true);
    let little: boolean;
    if (be === MAGIC_NUMBER_IDENTICAL || be === MAGIC_NUMBER_NSEC) little = false;
    else if (le === MAGIC_NUMBER_IDENTICAL || le === MAGIC_NUMBER_NSEC) little = true;
    else throw new PacketMalformed('pcap', 'Invalid byte ordered pcap file.', 0);
    const magic = little ? le : be;
    this.byteorder = little ? 'little' : 'big';
    this.nanosecond = magic === MAGIC_NUMBER_NSEC;
    const v = this.view;
    this.pcapHeader = new PcapFileHdr(
      magic,
      v.getUint16(4, little),
      v.getUint16(6, little),
      v.getInt32(8, little),
      v.getUint32(12, little),
      v.getUint32(16, little),
      v.getUint32(20, little),
    );
  }

  /** Read a whole file from disk. */
  static open(path: string): Reader {
    return new Reader(new Uint8Array(readFileSync(path)));
  }

  /** Next record with its header, or null at the end. */
  nextRecord(): [PcapPktHdr, Uint8Array] | null {
    const p = this.nextPos;
    if (this.body.length - p < PKT_HDR_SIZE) return null;
    const little = this.byteorder === 'little';
    const v = this.view;
    const hdr: PcapPktHdr = {
      ts_sec: v.getUint32(p, little),
      ts_usec: v.getUint32(p + 4, little),
      incl_len: v.getUint32(p + 8, little),
      orig_len: v.getUint32(p + 12, little),
    };
    const start = p + PKT_HDR_SIZE;
    const end = Math.min(start + hdr.incl_len, this.body.length);
    this.nextPos = start + hdr.incl_len;
    return [hdr, this.body.subarray(start, end)];
  }

  next(): IteratorResult<[number, Uint8Array]> {
    const rec = this.nextRecord();
    if (rec === null) return { done: true, value: undefined };
    const [h, data] = rec;
    return { done: false, value: [h.ts_sec + h.ts_usec / (this.nanosecond ? 1e9 : 1e6), data] };
  }

  [Symbol.iterator](): Iterator<[number, Uint8Array]> {
    return this;
  }
}

/** Anything with write(bytes) (a Node stream, an array sink, ...). */
export interface WritableFileObj {
  write(b: Uint8Array): unknown;
  close?(): void;
  end?(): void;
}

/** PCAP file writer (os-ken pcaplib.Writer): writes the header at once. */
export class Writer {
  private readonly f: WritableFileObj;
  readonly snaplen: number;
  readonly network: number;

  constructor(fileObj: WritableFileObj, snaplen = 65535, network = 1) {
    this.f = fileObj;
    this.snaplen = snaplen;
    this.network = network;
    this.f.write(new PcapFileHdr(MAGIC_NUMBER_IDENTICAL, 2, 4, 0, 0, snaplen, network).serialize());
  }

  private writePktHdr(ts: number, len: number): void {
    const sec = Math.trunc(ts);
    // os-ken: usec = int(round(ts % 1, 6) * 1e6) if sec != 0 else 0
    const usec = sec !== 0 ? Math.trunc(Number((ts % 1).toFixed(6)) * 1e6) : 0;
    const out = new Uint8Array(PKT_HDR_SIZE);
    const v = new DataView(out.buffer);
    v.setUint32(0, sec >>> 0, true);
    v.setUint32(4, usec >>> 0, true);
    v.setUint32(8, len, true);
    v.setUint32(12, len, true);
    this.f.write(out);
  }

  /** Write one frame (cut to snaplen); ts in seconds, default now. */
  writePkt(buf: Uint8Array, ts?: number): void {
    const t = ts ?? Date.now() / 1000;
    const data = buf.length > this.snaplen ? buf.subarray(0, this.snaplen) : buf;
    this.writePktHdr(t, data.length);
    this.f.write(data);
  }

  close(): void {
    if (this.f.close) this.f.close();
    else this.f.end?.();
  }
}
