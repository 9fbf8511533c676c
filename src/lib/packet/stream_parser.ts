/**
 * Extract messages from a byte stream without message boundaries (TCP)
 * (os-ken os_ken/lib/packet/stream_parser.py). The pending bytes are kept in
 * one growable buffer with a read offset: no copy per message.
 */

/** Thrown by tryParse when more bytes are needed. */
export class TooSmallException extends Error {
  constructor(message = 'need more data') {
    super(message);
    this.name = 'TooSmallException';
  }
}

export abstract class StreamParser<T> {
  static readonly TooSmallException = TooSmallException;

  private q: Uint8Array = new Uint8Array(0);
  private qStart = 0;
  private qEnd = 0;

  /**
   * Feed newly read bytes; returns the complete messages now available.
   * Incomplete data is kept for the next call.
   */
  parse(data: Uint8Array): T[] {
    this.push(data);
    const msgs: T[] = [];
    for (;;) {
      const avail = this.q.subarray(this.qStart, this.qEnd);
      if (avail.length === 0) break;
      let res: [T, Uint8Array];
      try {
        res = this.tryParse(avail);
      } catch (e) {
        if (e instanceof TooSmallException) break;
        throw e;
      }
      const [msg, rest] = res;
      const consumed = avail.length - rest.length;
      if (consumed <= 0 || consumed > avail.length) throw new RangeError('StreamParser.tryParse must consume bytes and return a suffix of its input');
      this.qStart += consumed;
      msgs.push(msg);
    }
    if (this.qStart === this.qEnd) {
      this.qStart = 0;
      this.qEnd = 0;
    }
    return msgs;
  }

  private push(data: Uint8Array): void {
    const len = this.qEnd - this.qStart;
    if (this.qEnd + data.length > this.q.length) {
      const size = Math.max(len + data.length, this.q.length * 2, 256);
      const nq = new Uint8Array(size);
      nq.set(this.q.subarray(this.qStart, this.qEnd), 0);
      this.q = nq;
      this.qStart = 0;
      this.qEnd = len;
    }
    this.q.set(data, this.qEnd);
    this.qEnd += data.length;
  }

  /**
   * Override point: extract one message from the start of q and return it with
   * the rest (a suffix of q, e.g. q.subarray(n)); throw TooSmallException when
   * q does not yet hold a complete message.
   */
  abstract tryParse(q: Uint8Array): [T, Uint8Array];
}
