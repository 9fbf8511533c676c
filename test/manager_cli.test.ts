/**
 * osken-manager as users run it: --version, --config-file (os-ken INI, [DEFAULT]), a plain
 * JavaScript app using the function form of setEvCls, connecting out to a switch
 * (--ofp-switch-address-list), and an orderly stop on SIGTERM (apps' close() called).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const manager = join(root, 'bin', 'osken-manager.js');
const app = join(root, 'test', 'fixtures', 'apps', 'close_marker.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('--version', () => {
  assert.match(execFileSync(process.execPath, [manager, '--version'], { encoding: 'utf8' }), /^osken-manager \d+\.\d+\.\d+/);
});

test('--user-flags loads its module before the apps; --pid-file is written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'osken-uf-'));
  const uf = join(dir, 'flags.mjs');
  const pid = join(dir, 'mgr.pid');
  writeFileSync(uf, "console.error('USER FLAGS LOADED');\n");
  const p = spawn(process.execPath, [manager, '--user-flags', uf, '--pid-file', pid, '--ofp-listen-host', '127.0.0.1', '--ofp-tcp-listen-port', '26697'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stderr.on('data', (d) => (out += d));
  p.stdout.on('data', (d) => (out += d));
  try {
    const t0 = Date.now();
    while (!/listening on/.test(out) && Date.now() - t0 < 10000) await sleep(50);
    assert.ok(out.indexOf('USER FLAGS LOADED') >= 0 && out.indexOf('USER FLAGS LOADED') < out.indexOf('loading app'), out);
    assert.equal(readFileSync(pid, 'utf8').trim(), String(p.pid));
  } finally {
    p.kill('SIGTERM');
  }
});

test('config file, JS app with function-form handlers, connect-out, SIGTERM closes apps', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'osken-mgr-'));
  const marker = join(dir, 'closed');
  // a "switch" listening for the controller to connect out (ovs ptcp:)
  let got = Buffer.alloc(0);
  const sw = net.createServer((s) => {
    s.on('data', (d) => {
      got = Buffer.concat([got, d]);
      if (got.length >= 8 && got[1] === 0) {
        s.write(Buffer.from('0400001000000001000100080000001a', 'hex'));
      }
      const fr = got.indexOf(Buffer.from([4, 5, 0, 8]));
      if (fr >= 0) {
        const r = Buffer.alloc(32);
        r.writeUInt8(4, 0);
        r.writeUInt8(6, 1);
        r.writeUInt16BE(32, 2);
        r.writeUInt32BE(got.readUInt32BE(fr + 4), 4);
        r.writeBigUInt64BE(0x77n, 8);
        s.write(r);
        got = Buffer.alloc(0);
      }
    });
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => sw.listen(0, '127.0.0.1', () => r()));
  const swPort = (sw.address() as net.AddressInfo).port;
  const conf = join(dir, 'osken.conf');
  writeFileSync(conf, `[DEFAULT]\nofp_listen_host = 127.0.0.1\nofp_tcp_listen_port = 26699\nofp_switch_address_list = 127.0.0.1:${swPort}\n`);
  const p = spawn(process.execPath, [manager, '--config-file', conf, app], { env: { ...process.env, OSKEN_CLOSE_MARKER: marker }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout.on('data', (d) => (out += d));
  p.stderr.on('data', (d) => (out += d));
  try {
    const t0 = Date.now();
    while (!/features dpid=119/.test(out) && Date.now() - t0 < 10000) await sleep(50);
    assert.match(out, /listening on 127\.0\.0\.1:26699 \(tcp\)/, out);
    assert.match(out, /features dpid=119/, out);
    const exit = new Promise<number | null>((r) => p.once('exit', (c) => r(c)));
    p.kill('SIGTERM');
    assert.equal(await exit, 0);
    assert.ok(existsSync(marker) && readFileSync(marker, 'utf8') === 'closed', 'app close() ran');
  } finally {
    p.kill('SIGKILL');
    sw.close();
  }
});
