/**
 * Controller handshake over loopback with a scripted switch (unit level; the real
 * Open vSwitch tests live in test/integration): hello negotiation, features, set-config,
 * the learning switch's table-miss flow, echo replies, framing errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppManager } from '../src/base/app_manager.js';
import { OFPHandler } from '../src/controller/ofp_handler.js';
import { SimpleSwitch } from '../src/app/simple_switch.js';
import { setLogLevel } from '../src/lib/log.js';
import { rawSwitch } from './fake_switch.js';

setLogLevel('error');

async function startController() {
  const mgr = new AppManager();
  await mgr.instantiateApps([SimpleSwitch]);
  const h = new OFPHandler({ manager: mgr, controllerOptions: { listenHost: '127.0.0.1', tcpPort: 0, echoInterval: 0 } });
  mgr.register(h);
  h.markStarted();
  await h.start();
  return { mgr, h, port: h.controller!.port };
}

test('OF1.3 handshake: hello bitmap, features request, set-config, table-miss flow', async () => {
  const { mgr, port } = await startController();
  const sw = rawSwitch(port);
  sw.s.write(Buffer.from('0400001000000001000100080000001a', 'hex')); // hello, bitmap {1,3,4}
  const hello = await sw.waitFor((m) => m[1] === 0);
  assert.equal(hello[0], 6, 'controller offers its highest version');
  const freq = await sw.waitFor((m) => m[1] === 5);
  assert.equal(freq[0], 4, 'negotiated OpenFlow 1.3 (highest common)');
  const rep = Buffer.alloc(32);
  rep.writeUInt8(4, 0);
  rep.writeUInt8(6, 1);
  rep.writeUInt16BE(32, 2);
  rep.writeUInt32BE(freq.readUInt32BE(4), 4);
  rep.writeBigUInt64BE(0x1234n, 8);
  sw.s.write(rep);
  const setConfig = await sw.waitFor((m) => m[1] === 9);
  assert.equal(setConfig.readUInt16BE(10), 128);
  const flowMod = await sw.waitFor((m) => m[1] === 14);
  assert.equal(flowMod.readUInt16BE(8 + 22), 0, 'table-miss priority 0');
  // echo request is answered with the same xid and data
  sw.s.write(Buffer.from('0402000c0000abcd68656c6f', 'hex'));
  const echo = await sw.waitFor((m) => m[1] === 3);
  assert.equal(echo.readUInt32BE(4), 0xabcd);
  assert.equal(echo.subarray(8).toString(), 'helo');
  sw.s.destroy();
  await mgr.close();
});

test('no common version: the switch gets OFPET_HELLO_FAILED before the connection closes', async () => {
  const { mgr, port } = await startController();
  const sw = rawSwitch(port);
  // an OF1.3 hello whose version bitmap offers only OpenFlow 1.1 (wire 2), which osken does not speak
  sw.s.write(Buffer.from('04000010000000010001000800000004', 'hex'));
  await Promise.race([sw.closed, new Promise((_, rej) => setTimeout(() => rej(new Error('not closed')), 4000))]);
  const err = sw.msgs.find((m) => m[1] === 1);
  assert.ok(err, `error message received before close (got types ${sw.msgs.map((m) => m[1]).join(',')})`);
  assert.equal(err.readUInt16BE(8), 0, 'OFPET_HELLO_FAILED');
  assert.equal(err.readUInt16BE(10), 0, 'OFPHFC_INCOMPATIBLE');
  await mgr.close();
});

test('a framing error (length < 8) closes only that switch', async () => {
  const { mgr, port } = await startController();
  const good = rawSwitch(port);
  good.s.write(Buffer.from('04000008000000010', 'hex'));
  const bad = rawSwitch(port);
  bad.s.write(Buffer.from('0400000400000001', 'hex'));
  await bad.closed;
  good.s.write(Buffer.from('040200080000000a', 'hex'));
  const echo = await good.waitFor((m) => m[1] === 3);
  assert.equal(echo.readUInt32BE(4), 10);
  good.s.destroy();
  await mgr.close();
});

test('garbage and a message dribbled one byte per write do not crash the controller', async () => {
  const { mgr, port } = await startController();
  const sw = rawSwitch(port);
  const hello = Buffer.from('0400001000000001000100080000001a', 'hex');
  for (const b of hello) {
    sw.s.write(Buffer.from([b]));
    await new Promise((r) => setTimeout(r, 2));
  }
  await sw.waitFor((m) => m[1] === 5);
  // an undecodable message of valid framing: unknown type 250
  sw.s.write(Buffer.from('04fa000c00000001deadbeef', 'hex'));
  sw.s.write(Buffer.from('040200080000000b', 'hex'));
  const echo = await sw.waitFor((m) => m[1] === 3 && m.readUInt32BE(4) === 11);
  assert.ok(echo);
  sw.s.destroy();
  await mgr.close();
});
