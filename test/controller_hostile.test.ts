/**
 * Hostile switches: each misbehaving connection is dropped or throttled and logged,
 * while a well-behaved switch on the same controller keeps working and nothing crashes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppManager } from '../src/base/app_manager.js';
import { OFPHandler } from '../src/controller/ofp_handler.js';
import { setLogLevel, setLogSink } from '../src/lib/log.js';
import type { ControllerOptions } from '../src/controller/controller.js';
import { rawSwitch } from './fake_switch.js';

const logs: string[] = [];
setLogLevel('warn');
setLogSink((l) => logs.push(l));

const HELLO13 = Buffer.from('0400001000000001000100080000001a', 'hex');

async function controller(opts: ControllerOptions = {}) {
  const mgr = new AppManager();
  const h = new OFPHandler({ manager: mgr, controllerOptions: { listenHost: '127.0.0.1', tcpPort: 0, echoInterval: 0, ...opts } });
  mgr.register(h);
  h.markStarted();
  await h.start();
  return { mgr, h, port: h.controller!.port };
}

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`timeout: ${what}`)), ms))]);

/** A good switch still gets its echo answered. */
async function assertAlive(port: number): Promise<void> {
  const good = rawSwitch(port);
  good.s.write(HELLO13);
  good.s.write(Buffer.from('0402000800000077', 'hex'));
  const t0 = Date.now();
  while (!good.msgs.some((m) => m[1] === 3 && m.readUInt32BE(4) === 0x77)) {
    if (Date.now() - t0 > 2000) throw new Error('good switch got no echo reply');
    await new Promise((r) => setTimeout(r, 20));
  }
  good.s.destroy();
}

test('a switch that never answers echo is disconnected', async () => {
  const { mgr, port } = await controller({ echoInterval: 0.1, maxUnrepliedEchos: 0 });
  const mute = rawSwitch(port);
  mute.s.write(HELLO13);
  await within(mute.closed, 3000, 'mute switch not dropped');
  assert.ok(mute.msgs.some((m) => m[1] === 2), 'the controller sent echo requests');
  assert.ok(logs.some((l) => /no echo reply/.test(l)));
  await mgr.close();
});

test('a switch that stops reading is throttled: sends are dropped and counted, memory bounded', async () => {
  const { mgr, h, port } = await controller({ sendQueueLimit: 256 * 1024 });
  const slow = rawSwitch(port);
  slow.s.write(HELLO13);
  await new Promise((r) => setTimeout(r, 100));
  slow.s.pause(); // stop reading
  const dp = [...h.controller!.datapaths][0]!;
  // ~24 MiB of echo requests with data (more than loopback socket buffers hold): the controller answers each with the same data
  const payload = Buffer.alloc(60000 - 8, 1);
  const req = Buffer.concat([Buffer.from([4, 2, 0, 0, 0, 0, 0, 1]), payload]);
  req.writeUInt16BE(req.length, 2);
  for (let i = 0; i < 400; i++) slow.s.write(req);
  const t0 = Date.now();
  while (dp.droppedSends === 0 && Date.now() - t0 < 10000) await new Promise((r) => setTimeout(r, 50));
  assert.ok(dp.droppedSends > 0, 'replies to the non-reading switch were dropped');
  assert.ok(dp.socket.writableLength < 256 * 1024 + 64 * 1024, `send queue bounded (${dp.socket.writableLength} bytes)`);
  assert.ok(logs.some((l) => /is not reading/.test(l)));
  await assertAlive(port);
  slow.s.destroy();
  await mgr.close();
});

test('a lying length (shorter than the body) is logged and the stream goes on or is closed; others unaffected', async () => {
  const { mgr, port } = await controller();
  const liar = rawSwitch(port);
  liar.s.write(HELLO13);
  // features reply claiming 12 bytes while carrying 32: decoded as truncated (logged), the rest is misframed
  const rep = Buffer.alloc(32, 0xee);
  rep.writeUInt8(4, 0);
  rep.writeUInt8(6, 1);
  rep.writeUInt16BE(12, 2);
  rep.writeUInt32BE(1, 4);
  liar.s.write(rep);
  await new Promise((r) => setTimeout(r, 200));
  assert.ok(logs.some((l) => /cannot decode|framing error/.test(l)), logs.join('\n'));
  await assertAlive(port);
  liar.s.destroy();
  await mgr.close();
});

test('a lying length (longer than what is sent) holds at most one message and does not block others', async () => {
  const { mgr, h, port } = await controller();
  const liar = rawSwitch(port);
  liar.s.write(HELLO13);
  const head = Buffer.from('04020fff00000001', 'hex'); // claims 4095 bytes, sends 8
  liar.s.write(head);
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(h.controller!.datapaths.size, 1);
  await assertAlive(port);
  liar.s.destroy();
  await mgr.close();
});

test('unknown version, unknown type and zero-length TLV bait are logged, never fatal', async () => {
  const { mgr, port } = await controller();
  const bad = rawSwitch(port);
  bad.s.write(HELLO13);
  bad.s.write(Buffer.from('7f000008000000ff', 'hex')); // unknown version
  bad.s.write(Buffer.from('04ee000800000002', 'hex')); // unknown type
  // packet-in whose match claims length 0 (loop bait)
  const pin = Buffer.alloc(34);
  pin.writeUInt8(4, 0);
  pin.writeUInt8(10, 1);
  pin.writeUInt16BE(34, 2);
  bad.s.write(pin);
  bad.s.write(Buffer.from('0402000800000003', 'hex'));
  const t0 = Date.now();
  while (!bad.msgs.some((m) => m[1] === 3 && m.readUInt32BE(4) === 3)) {
    if (Date.now() - t0 > 2000) throw new Error('no echo after bad messages');
    await new Promise((r) => setTimeout(r, 20));
  }
  await assertAlive(port);
  bad.s.destroy();
  await mgr.close();
});
