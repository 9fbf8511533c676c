/**
 * In-process controller pipeline benchmark (no sockets): a Datapath in MAIN state is fed chunks of
 * 64 OpenFlow 1.3 packet-ins shaped like ofbench's (OXM in_port match, 64-byte frame); each goes
 * through framing, decode, EventOFPPacketIn, the app's FIFO queue and a handler; the replies are
 * collected from the socket stub. Printed against a null pipeline measured in the same run (frames
 * each message and copies a prebuilt FLOW_MOD, like ofbench's node_null.mjs), for the responder and
 * the learning switch. Rates are per second of this process's CPU time (user + system), which other
 * load on the machine disturbs less than wall time. A benchmark, not a test:
 * `node dist/bench/pipeline_bench.js [--seconds S]`.
 */
import { EventEmitter } from 'node:events';
import type net from 'node:net';
import { AppManager, OSKenApp, type AppClass } from '../src/base/app_manager.js';
import { EventOFPPacketIn, type EventOFPMsgBase } from '../src/controller/ofp_event.js';
import { setEvCls } from '../src/controller/handler.js';
import { OFPHandler } from '../src/controller/ofp_handler.js';
import { Datapath } from '../src/controller/controller.js';
import { MAIN_DISPATCHER } from '../src/controller/handler.js';
import { setLogLevel } from '../src/lib/log.js';
import { tuneV8ForController } from '../src/lib/v8_tuning.js';
import { CbenchResponder } from '../examples/cbench_responder.js';
import { SimpleSwitch13 } from '../examples/simple_switch_13.js';
import { RawResponder } from './raw_responder_app.js';
import * as v13 from '../src/ofproto/ofproto_v1_3_parser.js';

setLogLevel('error');
// as osken-manager runs (see src/lib/v8_tuning.ts)
tuneV8ForController();

/** Receives packet-ins and does nothing: the framework's own cost (framing, decode, event, queue). */
class EmptyApp extends OSKenApp {
  static override OFP_VERSIONS = [4];
  @setEvCls(EventOFPPacketIn, MAIN_DISPATCHER)
  onPacketIn(_ev: EventOFPMsgBase): void {}
}
const seconds = process.argv.includes('--seconds') ? Number(process.argv[process.argv.indexOf('--seconds') + 1]) : 2;
const BATCH = 64;
/** --rounds R: a fixed number of rounds (16 chunks each) instead of --seconds, for instruction counts under callgrind */
const rounds = process.argv.includes('--rounds') ? Number(process.argv[process.argv.indexOf('--rounds') + 1]) : 0;
const onlyApp = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;

/** A socket stand-in: counts the bytes written. */
class SockStub extends EventEmitter {
  remoteAddress = '127.0.0.1';
  remotePort = 1;
  writableLength = 0;
  written = 0;
  writes = 0;
  setNoDelay(): void {}
  cork(): void {}
  uncork(): void {}
  write(b: Uint8Array): boolean {
    this.written += b.length;
    this.writes++;
    return true;
  }
  destroy(): void {}
}

function packetIns(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n * 106);
  for (let i = 0; i < n; i++) {
    const p = out.subarray(i * 106, i * 106 + 106);
    p[0] = 4;
    p[1] = 10;
    p.writeUInt16BE(106, 2);
    p.writeUInt32BE(seed + i, 4);
    p.writeUInt32BE(0xffffffff, 8);
    p.writeUInt16BE(64, 12);
    p.writeUInt16BE(1, 24);
    p.writeUInt16BE(12, 26);
    p.writeUInt32BE(0x80000004, 28);
    p.writeUInt32BE(1 + (i % 4), 32);
    const f = p.subarray(42);
    f.set([0x02, 0, 0, 0, (i >> 8) & 0xff, i & 0xff, 0x02, 0, 0, 1, (i >> 8) & 0xff, (i + 1) & 0xff], 0);
    f.writeUInt16BE(0x0800, 12);
  }
  return out;
}

/** A switch's side of the OF1.3 handshake, as ofbench answers: hello, features reply, port description reply, an echo request. */
function handshake(dpid: bigint): Buffer[] {
  const enc = (m: { serialize(): void; buf: Uint8Array | null }): Buffer => {
    m.serialize();
    return Buffer.from(m.buf!);
  };
  const hello = Buffer.from([4, 0, 0, 16, 0, 0, 0, 1, 0, 1, 0, 8, 0, 0, 0, 0x10]);
  const ports = [1, 2, 3, 4].map((n) => new v13.OFPPort({ port_no: n, hw_addr: `02:00:00:00:00:0${n}`, name: `p${n}`, curr_speed: 10000000, max_speed: 10000000 }));
  const features = new v13.OFPSwitchFeatures({ datapath_id: dpid, n_buffers: 256, n_tables: 254, capabilities: 0 });
  features.xid = 2;
  const desc = new v13.OFPPortDescStatsReply({ flags: 0, body: ports });
  desc.xid = 3;
  const echo = new v13.OFPEchoRequest({ data: Buffer.alloc(0) });
  echo.xid = 4;
  return [hello, enc(features), enc(desc), enc(echo)];
}

const flush = () => new Promise<void>((r) => setImmediate(r));

/** Run `feed` (16 chunks) then let the loop turn, for `seconds` of wall time; messages per CPU second. */
async function loop(feed: () => void): Promise<number> {
  // warm up (JIT) before measuring
  for (let i = 0; i < (rounds > 0 ? 60 : 200); i++) {
    feed();
    await flush();
  }
  let n = 0;
  const c0 = process.cpuUsage();
  const end = performance.now() + seconds * 1000;
  while (rounds > 0 ? n < rounds * 16 * BATCH : performance.now() < end) {
    feed();
    await flush();
    n += 16 * BATCH;
  }
  const c = process.cpuUsage(c0);
  return n / ((c.user + c.system) / 1e6);
}

async function runApp(App: AppClass): Promise<{ rate: number; bytes: number }> {
  const mgr = new AppManager();
  // its listener is not used (switches are fed in-process): an ephemeral loopback port, so runs never collide
  const handler = new OFPHandler({ manager: mgr, controllerOptions: { listenHost: '127.0.0.1', tcpPort: 0 } });
  mgr.register(handler);
  await mgr.instantiateApps([App]);
  // 16 switches, each through the real handshake (hello, features, port description, echo), as
  // ofbench's are: the handshake's messages go through the same code first, as in a real run
  const socks: SockStub[] = [];
  for (let i = 0; i < 16; i++) {
    const sock = new SockStub();
    const dp = new Datapath(sock as unknown as net.Socket, handler, { sendQueueLimit: 1 << 30, echoInterval: 0, maxUnrepliedEchos: 0 });
    handler.onConnect(dp);
    for (const b of handshake(BigInt(i + 1))) sock.emit('data', b);
    await flush();
    if (dp.state !== MAIN_DISPATCHER) throw new Error(`handshake did not complete: ${dp.state}`);
    socks.push(sock);
  }
  const chunks = [packetIns(BATCH, 1), packetIns(BATCH, 100000)];
  const n = await loop(() => {
    for (let k = 0; k < 16; k++) socks[k]!.emit('data', chunks[k & 1]);
  });
  const sock = { written: socks.reduce((a, s) => a + s.written, 0) };
  await mgr.close();
  return { rate: n, bytes: sock.written };
}

/** node_null's per-message work, same framing and flush cadence. */
async function runNull(): Promise<{ rate: number; bytes: number }> {
  const fm = Buffer.alloc(56);
  const sock = new SockStub();
  let pending: Buffer = Buffer.alloc(0);
  sock.on('data', (chunk: Buffer) => {
    const buf = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let off = 0;
    const out: Buffer[] = [];
    while (buf.length - off >= 8) {
      const len = buf.readUInt16BE(off + 2);
      if (buf.length - off < len) break;
      if (buf[off + 1] === 10) out.push(fm);
      off += len;
    }
    pending = off < buf.length ? Buffer.from(buf.subarray(off)) : Buffer.alloc(0);
    if (out.length) sock.write(out.length === 1 ? out[0]! : Buffer.concat(out));
  });
  const chunks = [packetIns(BATCH, 1), packetIns(BATCH, 100000)];
  const n = await loop(() => {
    for (let k = 0; k < 16; k++) sock.emit('data', chunks[k & 1]);
  });
  return { rate: n, bytes: sock.written };
}

if (onlyApp) {
  // one pipeline only (for callgrind): prints nothing but the rate
  const App = onlyApp === 'l2' ? SimpleSwitch13 : onlyApp === 'empty' ? EmptyApp : onlyApp === 'raw' ? RawResponder : CbenchResponder;
  const r = onlyApp === 'null' ? await runNull() : await runApp(App as unknown as AppClass);
  console.log(`${onlyApp} ${r.rate.toFixed(0)}`);
  process.exit(0);
}
const nul = await runNull();
const resp = await runApp(CbenchResponder as unknown as AppClass);
const l2 = await runApp(SimpleSwitch13 as unknown as AppClass);
const empty = await runApp(EmptyApp as unknown as AppClass);
const raw = await runApp(RawResponder as unknown as AppClass);
const k = (x: number) => `${(x / 1000).toFixed(0)}k/s`.padStart(10);
console.log(`pipeline (in-process, OF1.3 packet-in -> reply), ${seconds} s each`);
console.log(`  null (frame + prebuilt reply)  ${k(nul.rate)}  ${(1e9 / nul.rate).toFixed(0)} ns/msg`);
console.log(`  osken cbench responder         ${k(resp.rate)}  ${(1e9 / resp.rate).toFixed(0)} ns/msg  = ${(resp.rate / nul.rate).toFixed(3)}x null`);
console.log(`  osken, app that does nothing     ${k(empty.rate)}  ${(1e9 / empty.rate).toFixed(0)} ns/msg  = ${(empty.rate / nul.rate).toFixed(3)}x null`);
console.log(`  osken, app sending prebuilt bytes ${k(raw.rate)}  ${(1e9 / raw.rate).toFixed(0)} ns/msg  = ${(raw.rate / nul.rate).toFixed(3)}x null`);
console.log(`  osken simple_switch_13         ${k(l2.rate)}  ${(1e9 / l2.rate).toFixed(0)} ns/msg  = ${(l2.rate / nul.rate).toFixed(3)}x null`);
