/**
 * A scripted OpenFlow switch over loopback for unit tests: decodes what the controller
 * sends with the library's decoder, and sends messages built from the parser classes.
 */
import net from 'node:net';
import { header, msg as decodeMsg, type MsgBase } from '../src/ofproto/ofproto_parser.js';
import '../src/ofproto/all.js';
import * as p13 from '../src/ofproto/ofproto_v1_3_parser.js';

export type AnyMsg = MsgBase & Record<string, unknown>;

export const nameOf = (m: MsgBase): string => (m.constructor as unknown as { jsonName: string }).jsonName;

export class FakeSwitch {
  readonly received: AnyMsg[] = [];
  private buf = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  readonly closed: Promise<void>;
  readonly connected: Promise<void>;

  constructor(
    port: number,
    readonly version: number,
  ) {
    this.socket = net.connect(port, '127.0.0.1');
    this.connected = new Promise((r) => this.socket.once('connect', () => r()));
    this.closed = new Promise((r) => this.socket.on('close', () => r()));
    this.socket.on('error', () => undefined);
    this.socket.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      while (this.buf.length >= 8 && this.buf.length >= this.buf.readUInt16BE(2)) {
        const len = this.buf.readUInt16BE(2);
        const one = this.buf.subarray(0, len);
        this.buf = this.buf.subarray(len);
        const [v, t, l, x] = header(one);
        try {
          this.received.push(decodeMsg(null, v, t, l, x, one) as AnyMsg);
        } catch {
          // a message the decoder does not know: keep the raw header only
        }
      }
      this.waiters.splice(0).forEach((f) => f());
    });
  }
  readonly socket: net.Socket;

  /** Wait for a received message (consumed) matching the class name and predicate. */
  async next(name: string, pred: (m: AnyMsg) => boolean = () => true, ms = 3000): Promise<AnyMsg> {
    const t0 = Date.now();
    for (;;) {
      const i = this.received.findIndex((m) => nameOf(m) === name && pred(m));
      if (i >= 0) return this.received.splice(i, 1)[0]!;
      if (Date.now() - t0 > ms) throw new Error(`timeout waiting for ${name}; got ${this.received.map(nameOf).join(',')}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }

  /** Serialize (with this xid) and send. */
  send(m: MsgBase, xid = 0): void {
    m.version = this.version;
    m.xid = xid;
    m.serialize();
    this.socket.write(m.buf!);
  }

  sendRaw(hex: string): void {
    this.socket.write(Buffer.from(hex, 'hex'));
  }

  close(): void {
    this.socket.destroy();
  }
}

/** OF1.3 handshake up to MAIN, with these ports in the port description (sent in two parts). */
export async function handshake13(sw: FakeSwitch, dpid: bigint, ports: p13.OFPPort[]): Promise<void> {
  await sw.connected;
  sw.sendRaw('04000010000000010001000800000010'); // hello, version bitmap {1.3}
  const freq = await sw.next('OFPFeaturesRequest');
  sw.send(new p13.OFPSwitchFeatures({ datapath_id: dpid, n_buffers: 256, n_tables: 254, auxiliary_id: 0, capabilities: 0 }), freq.xid!);
  const pd = await sw.next('OFPPortDescStatsRequest');
  sw.send(new p13.OFPPortDescStatsReply({ flags: 1, body: ports.slice(0, 1) }), pd.xid!);
  sw.send(new p13.OFPPortDescStatsReply({ flags: 0, body: ports.slice(1) }), pd.xid!);
}

export async function until(pred: () => boolean, what: string, ms = 3000): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error(`timeout: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A scripted switch that sees only framing: whole messages as raw bytes (for tests that check the wire
 * independently of the decoder, or send what the decoder would refuse).
 */
export function rawSwitch(port: number) {
  const s = net.connect(port, '127.0.0.1');
  const msgs: Buffer[] = [];
  let buf = Buffer.alloc(0);
  const waiters: (() => void)[] = [];
  s.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    while (buf.length >= 8 && buf.length >= buf.readUInt16BE(2)) {
      const l = buf.readUInt16BE(2);
      msgs.push(buf.subarray(0, l));
      buf = buf.subarray(l);
    }
    waiters.splice(0).forEach((f) => f());
  });
  s.on('error', () => undefined);
  const waitFor = async (pred: (m: Buffer) => boolean, ms = 2000): Promise<Buffer> => {
    const t0 = Date.now();
    for (;;) {
      const m = msgs.find(pred);
      if (m) return m;
      if (Date.now() - t0 > ms) throw new Error('timeout waiting for message');
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 50);
      });
    }
  };
  const closed = new Promise<void>((r) => s.on('close', () => r()));
  return { s, msgs, waitFor, closed };
}
