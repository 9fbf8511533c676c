/**
 * os-ken's controller.controller: the OpenFlow listener (TCP, TLS) and Datapath.
 * Each switch connection frames messages from its byte stream without copying
 * whole buffers per message, rejects framing errors (length < 8) by closing,
 * logs undecodable messages as hex and keeps going, and bounds its send queue.
 */
import { Buffer } from 'node:buffer';
import net from 'node:net';
import tls from 'node:tls';
import { readFileSync } from 'node:fs';
import { msgAt as decodeMsgAt, MsgBase } from '../ofproto/ofproto_parser.js';
import { OskenError } from '../wire/errors.js';
import { Writer } from '../wire/writer.js';
import { getLogger } from '../lib/log.js';
import { CONFIG_DISPATCHER, DEAD_DISPATCHER, HANDSHAKE_DISPATCHER, MAIN_DISPATCHER, type Dispatcher } from './handler.js';
import { OFPROTO, parserClass, type OfprotoModule, type ParserModule } from './ofproto_modules.js';

const log = getLogger('osken.controller.controller');

export interface ControllerOptions {
  listenHost?: string;
  tcpPort?: number;
  /** TLS listener (enabled when key and cert are given) */
  sslPort?: number;
  privkey?: string;
  cert?: string;
  caCerts?: string;
  ciphers?: string;
  /** versions offered in hello (wire bytes) */
  versions?: number[];
  echoInterval?: number;
  maxUnrepliedEchos?: number;
  /** bytes a switch may have queued for sending before further messages are dropped */
  sendQueueLimit?: number;
  /** largest inbound buffer kept while waiting for a message to complete */
  switchAddresses?: [string, number][];
  switchConnectInterval?: number;
}

export interface DatapathHandler {
  /** a datapath's socket is up (hello is sent by the controller) */
  onConnect(dp: Datapath): void;
  /** one decoded message (state is the dispatcher phase when it arrived) */
  onMessage(dp: Datapath, m: MsgBase, state: Dispatcher): void;
  /** the connection closed */
  onClose(dp: Datapath): void;
}


/** the output buffer's usual size, and the room below which the next turn starts a fresh one */
const OUT_SLAB = 16384;
const OUT_MIN_FREE = 2048;

/** Datapaths with output to hand to their sockets at the next setImmediate: one Immediate per turn of the loop, whatever the number of switches. */
const FLUSH_LIST: Datapath[] = [];
let FLUSH_SCHEDULED = false;
function flushAll(): void {
  FLUSH_SCHEDULED = false;
  const n = FLUSH_LIST.length;
  for (let i = 0; i < n; i++) {
    const dp = FLUSH_LIST[i]!;
    try {
      dp.flush();
    } catch (e) {
      log.error(`datapath ${dp.label()}: write failed: ${(e as Error).message}`);
    }
  }
  // a datapath scheduled while flushing (none today: writes complete later) stays for the next turn
  FLUSH_LIST.splice(0, n);
}

/** One switch connection. */
export class Datapath {
  id: bigint | null = null;
  readonly address: [string, number];
  ofproto: OfprotoModule;
  ofproto_parser: ParserModule;
  ports: Map<number, unknown> = new Map();
  state: Dispatcher = HANDSHAKE_DISPATCHER;
  isActive = true;
  /** messages dropped because the switch was not reading */
  droppedSends = 0;
  unrepliedEchos = 0;
  xid = 0;
  private pending: Buffer | null = null;
  private echoTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    readonly socket: net.Socket,
    private readonly handler: DatapathHandler,
    private readonly opts: Required<Pick<ControllerOptions, 'sendQueueLimit' | 'echoInterval' | 'maxUnrepliedEchos'>>,
  ) {
    this.address = [socket.remoteAddress ?? '?', socket.remotePort ?? 0];
    const v13 = OFPROTO.get(4)!;
    this.ofproto = v13.ofproto;
    this.ofproto_parser = v13.parser;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e) => log.warn(`datapath ${this.label()}: ${e.message}`));
    socket.on('close', () => this.onClosed());
  }

  label(): string {
    return this.id !== null ? `0x${this.id.toString(16).padStart(16, '0')}` : `${this.address[0]}:${this.address[1]}`;
  }

  setVersion(version: number): void {
    const m = OFPROTO.get(version);
    if (!m) throw new OskenError(`unsupported OpenFlow version ${version}`);
    this.ofproto = m.ofproto;
    this.ofproto_parser = m.parser;
  }

  setState(state: Dispatcher): void {
    this.state = state;
  }

  /** Assign a fresh xid to msg (os-ken's set_xid). */
  setXid(m: MsgBase): number {
    this.xid = (this.xid + 1) >>> 0;
    m.setXid(this.xid);
    return this.xid;
  }

  /** Serialize and send; sets the xid when unset. Returns false if dropped (switch not reading, or closed). */
  sendMsg(m: MsgBase): boolean {
    if (this.closed || this.closing) return false;
    if (this.overLimit()) {
      if (m.xid === null) this.setXid(m);
      if (!m.datapath) m.datapath = this as unknown as MsgBase['datapath'];
      return false;
    }
    // xid and datapath set, encoded straight into this flush's output buffer, m.buf a view on the
    // bytes that leave (outView): all in the message class's own code (monomorphic)
    m.sendTo(this, this.out);
    this.queued++;
    this.scheduleFlush();
    return true;
  }

  /** @internal the next xid (as setXid assigns it) */
  nextXid(): number {
    return (this.xid = (this.xid + 1) >>> 0);
  }

  /** @internal the ArrayBuffer under `out`'s current bytes (remembered: TypedArray.prototype.buffer is a slow getter; `out.buf` is replaced when it grows) */
  outArrayBuffer(): ArrayBufferLike {
    const b = this.out.buf;
    if (b !== this.outBytes) {
      this.outBytes = b;
      this.outAb = b.buffer;
      this.outOff = b.byteOffset;
    }
    return this.outAb;
  }
  /** @internal where `out`'s bytes start in outArrayBuffer() (call that first) */
  outByteOffset(): number {
    return this.outOff;
  }

  /** Send bytes as they are (one or more whole messages). Returns false if dropped. */
  sendRaw(buf: Uint8Array): boolean {
    if (this.closed || this.closing) return false;
    if (this.overLimit()) return false;
    this.out.bytes(buf);
    this.queued++;
    this.scheduleFlush();
    return true;
  }

  private overLimit(): boolean {
    if (this.socket.writableLength + this.out.pos - this.outStart <= this.opts.sendQueueLimit) return false;
    this.droppedSends++;
    if ((this.droppedSends & 1023) === 1) log.warn(`datapath ${this.label()} is not reading: dropped ${this.droppedSends} messages`);
    return true;
  }

  /**
   * Outgoing messages of one turn of the event loop leave in one write: they are encoded into
   * `out` from `outStart` on, and those bytes are handed to the socket at setImmediate. The next
   * turn's messages follow them in the same buffer (bytes once written are never overwritten, so
   * the socket's data and the views left in sent messages' `buf` stay valid); a fresh buffer is
   * started when little room is left (a message that does not fit grows the buffer: a copy).
   */
  private out = new Writer(OUT_SLAB);
  /** where the bytes not yet handed to the socket start in `out` */
  private outStart = 0;
  /** `out.buf` when `outAb` was read, its ArrayBuffer and offset */
  private outBytes: Uint8Array | null = null;
  private outAb: ArrayBufferLike = new ArrayBuffer(0);
  private outOff = 0;
  private queued = 0;
  private flushScheduled = false;
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    FLUSH_LIST.push(this);
    if (!FLUSH_SCHEDULED) {
      FLUSH_SCHEDULED = true;
      setImmediate(flushAll);
    }
  }
  /** @internal hand this turn's output to the socket (flushAll calls it at setImmediate) */
  readonly flush = (): void => {
    this.flushScheduled = false;
    const w = this.out;
    const start = this.outStart;
    const used = w.pos - start;
    if (used === 0) return;
    const chunk = Buffer.from(this.outArrayBuffer(), this.outOff + start, used);
    if (w.buf.length - w.pos < OUT_MIN_FREE) {
      // a big turn's output: a bigger next buffer (four times this turn's, up to 256 KiB)
      this.out = new Writer(used > OUT_SLAB / 4 ? Math.min(used * 4, 262144) : OUT_SLAB);
      this.outStart = 0;
    } else this.outStart = w.pos;
    this.queued = 0;
    if (this.closed) return;
    this.socket.write(chunk);
  };

  /** Send a barrier request; returns its xid. */
  sendBarrier(): number {
    const C = parserClass<new (i: Record<string, unknown>) => MsgBase>(this.ofproto.OFP_VERSION, 'OFPBarrierRequest')!;
    const m = new C({ datapath: this });
    this.sendMsg(m);
    return m.xid!;
  }

  /** Close the connection; messages already sent (e.g. an error before closing) still leave first. */
  close(): void {
    if (this.closed || this.closing) return;
    this.closing = true;
    const w = this.out;
    const start = this.outStart;
    if (w.pos === start || this.socket.destroyed) {
      this.socket.destroy();
      return;
    }
    this.out = new Writer(64);
    this.outStart = 0;
    this.socket.end(Buffer.from(w.buf.buffer, w.buf.byteOffset + start, w.pos - start));
    // a switch that does not read must not keep the socket: give it a moment, then cut
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }
  private closing = false;

  startEcho(): void {
    if (this.opts.echoInterval <= 0) return;
    this.echoTimer = setInterval(() => {
      if (this.unrepliedEchos > this.opts.maxUnrepliedEchos) {
        log.warn(`datapath ${this.label()}: no echo reply, disconnecting`);
        this.close();
        return;
      }
      const C = parserClass<new (i: Record<string, unknown>) => MsgBase>(this.ofproto.OFP_VERSION, 'OFPEchoRequest');
      if (!C) return;
      this.unrepliedEchos++;
      this.sendMsg(new C({ datapath: this }));
    }, this.opts.echoInterval * 1000);
    this.echoTimer.unref();
  }

  /** arrival time of the chunk being dispatched (seconds, os-ken's time.time()) */
  rxTime = 0;

  private onData(chunk: Buffer): void {
    if (this.closing) return;
    this.rxTime = Date.now() / 1000;
    let buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    let off = 0;
    // each message is a Buffer view of the chunk (Buffer.from on the ArrayBuffer read once: subarray reads `buffer`, a slow getter, every time)
    const ab = buf.buffer;
    const base = buf.byteOffset;
    while (buf.length - off >= 8) {
      const len = (buf[off + 2]! << 8) | buf[off + 3]!;
      if (len < 8) {
        log.error(`datapath ${this.label()}: framing error (message length ${len} < 8), closing`);
        this.close();
        return;
      }
      if (buf.length - off < len) break;
      this.dispatch(buf, off, len, ab, base);
      off += len;
      if (this.closed || this.closing) return;
    }
    if (off < buf.length) {
      // keep only the incomplete tail (at most one message: <= 65535 bytes)
      buf = buf.subarray(off);
      this.pending = Buffer.from(buf);
    }
  }

  /** Decode and hand on the message at buf[off, off + len) (buf is a Buffer at `base` in `ab`): decoded in place, its views are of `ab`. */
  private dispatch(buf: Buffer, off: number, len: number, ab: ArrayBufferLike, base: number): void {
    const version = buf[off]!;
    const type = buf[off + 1]!;
    const xid = ((buf[off + 4]! << 24) | (buf[off + 5]! << 16) | (buf[off + 6]! << 8) | buf[off + 7]!) >>> 0;
    let m: MsgBase;
    try {
      m = decodeMsgAt(this as unknown as MsgBase['datapath'], version, type, len, xid, buf, off, ab, base);
    } catch (e) {
      // offsets in the error count from the start of the read chunk: say where the message starts
      log.warn(
        `datapath ${this.label()}: cannot decode message (version ${version} type ${type} len ${len}, at ${off} in the chunk): ${(e as Error).message}; ` +
          `hex ${buf.subarray(off, off + Math.min(len, 64)).toString('hex')}`,
      );
      return;
    }
    try {
      this.handler.onMessage(this, m, this.state);
    } catch (e) {
      log.error(`datapath ${this.label()}: handler failed: ${(e as Error).stack ?? String(e)}`);
    }
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.isActive = false;
    if (this.echoTimer) clearInterval(this.echoTimer);
    this.state = DEAD_DISPATCHER;
    this.handler.onClose(this);
  }
}

/** The OpenFlow listener(s). */
export class OpenFlowController {
  private servers: net.Server[] = [];
  readonly datapaths = new Set<Datapath>();
  private connectTimers: NodeJS.Timeout[] = [];
  readonly opts: Required<Pick<ControllerOptions, 'sendQueueLimit' | 'echoInterval' | 'maxUnrepliedEchos'>> & ControllerOptions;

  constructor(
    opts: ControllerOptions,
    private readonly handler: DatapathHandler,
  ) {
    this.opts = { sendQueueLimit: 16 * 1024 * 1024, echoInterval: 15, maxUnrepliedEchos: 0, ...opts };
  }

  private accept(socket: net.Socket): void {
    const dp = new Datapath(socket, this.handler, this.opts);
    this.datapaths.add(dp);
    socket.on('close', () => this.datapaths.delete(dp));
    log.info(`connected socket: ${dp.address[0]}:${dp.address[1]}`);
    this.handler.onConnect(dp);
    dp.startEcho();
  }

  async start(): Promise<void> {
    const host = this.opts.listenHost ?? '0.0.0.0';
    const tcp = net.createServer((s) => this.accept(s));
    await listen(tcp, this.opts.tcpPort ?? 6653, host);
    this.servers.push(tcp);
    log.info(`listening on ${host}:${(tcp.address() as net.AddressInfo).port} (tcp)`);
    if (this.opts.privkey && this.opts.cert) {
      const server = tls.createServer(
        {
          key: readFileSync(this.opts.privkey),
          cert: readFileSync(this.opts.cert),
          ca: this.opts.caCerts ? readFileSync(this.opts.caCerts) : undefined,
          requestCert: Boolean(this.opts.caCerts),
          rejectUnauthorized: Boolean(this.opts.caCerts),
          ciphers: this.opts.ciphers,
        },
        (s) => this.accept(s),
      );
      server.on('tlsClientError', (e) => log.warn(`TLS handshake failed: ${e.message}`));
      await listen(server, this.opts.sslPort ?? 6633, host);
      this.servers.push(server);
      log.info(`listening on ${host}:${(server.address() as net.AddressInfo).port} (tls)`);
    }
    for (const [h, p] of this.opts.switchAddresses ?? []) this.connectOut(h, p);
  }

  /** Active connection to a switch (ovs "ptcp:"), retried every switchConnectInterval seconds. */
  connectOut(host: string, port: number): void {
    const attempt = () => {
      const s = net.connect({ host, port }, () => this.accept(s));
      s.on('error', () => {
        const t = setTimeout(attempt, (this.opts.switchConnectInterval ?? 3) * 1000);
        this.connectTimers.push(t);
      });
    };
    attempt();
  }

  /** Bound TCP port (after start). */
  get port(): number {
    return (this.servers[0]?.address() as net.AddressInfo).port;
  }
  get sslPort(): number | undefined {
    return (this.servers[1]?.address() as net.AddressInfo | undefined)?.port;
  }

  async stop(): Promise<void> {
    for (const t of this.connectTimers) clearTimeout(t);
    for (const dp of this.datapaths) dp.close();
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    this.servers = [];
  }
}

function listen(server: net.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export { CONFIG_DISPATCHER, MAIN_DISPATCHER, DEAD_DISPATCHER, HANDSHAKE_DISPATCHER };
