/** Minimal declaration of the npm package `seek-bzip` (pure-JS bzip2 decoder; ships no types). */
declare module 'seek-bzip' {
  /** Errors thrown by the decoder are TypeErrors carrying one of these codes. */
  interface BunzipErr {
    readonly OK: 0;
    readonly LAST_BLOCK: -1;
    readonly NOT_BZIP_DATA: -2;
    readonly UNEXPECTED_INPUT_EOF: -3;
    readonly UNEXPECTED_OUTPUT_EOF: -4;
    readonly DATA_ERROR: -5;
    readonly OUT_OF_MEMORY: -6;
    readonly OBSOLETE_INPUT: -7;
  }
  /** An output stream: the decoder calls writeByte per output byte; decode returns getBuffer() when there is one. */
  interface OutputStream {
    writeByte(b: number): void;
    getBuffer?(): Uint8Array;
  }
  interface Bunzip {
    /**
     * Decode a whole bzip2 buffer. `output`: expected size (number) or an
     * output buffer; `multistream`: decode concatenated streams (pbzip2/`cat a.bz2 b.bz2`).
     */
    decode(input: Uint8Array, output?: number | Uint8Array, multistream?: boolean): Buffer;
    /** Decode into a stream (its writeByte may throw to stop decoding). */
    decode(input: Uint8Array, output: OutputStream, multistream?: boolean): Uint8Array | undefined;
    /** Decode the single block starting at bit offset `pos`. */
    decodeBlock(input: Uint8Array, pos: number, output?: number | Uint8Array): Buffer;
    /** Call `callback(bitPosition, uncompressedSize)` for each block. */
    table(input: Uint8Array, callback: (position: number, size: number) => void, multistream?: boolean): void;
    readonly Err: BunzipErr;
    readonly version: string;
    readonly license: string;
  }
  const Bunzip: Bunzip;
  export default Bunzip;
}
