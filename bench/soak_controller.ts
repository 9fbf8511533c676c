/**
 * Controller soak (not part of CI; `node --expose-gc dist/bench/soak_controller.js [--cycles N] [--switches N]`):
 *  1. N connect / handshake / disconnect cycles of a scripted OpenFlow 1.3 switch against an
 *     in-process controller with the learning switch; heap after GC is printed every 10% and the
 *     growth from the first tenth to the end is reported (it should stay within noise).
 *  2. With ofbench (built into /tmp/ofbench), M switches connected at once against osken-manager
 *     with the cbench responder: handshakes complete, throughput loops run, no timeouts.
 */
import net from 'node:net';
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManager } from '../src/base/app_manager.js';
import { OFPHandler } from '../src/controller/ofp_handler.js';
import { SimpleSwitch } from '../src/app/simple_switch.js';
import { setLogLevel } from '../src/lib/log.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const arg = (k: string, d: number) => (process.argv.includes(k) ? Number(process.argv[process.argv.indexOf(k) + 1]) : d);
const cycles = arg('--cycles', 1000);
const switches = arg('--switches', 1000);
setLogLevel('error');

const gc = (globalThis as { gc?: () => void }).gc;
function heapMiB(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

async function oneCycle(port: number, dpid: bigint): Promise<void> {
  await new Promise<void>((resolveCycle, reject) => {
    const s = net.connect(port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => reject(new Error('cycle timeout')), 5000);
    s.on('connect', () => s.write(Buffer.from('0400001000000001000100080000001a', 'hex')));
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 8 && buf.length >= buf.readUInt16BE(2)) {
        const m = buf.subarray(0, buf.readUInt16BE(2));
        buf = buf.subarray(m.length);
        if (m[1] === 5) {
          const r = Buffer.alloc(32);
          r.writeUInt8(4, 0);
          r.writeUInt8(6, 1);
          r.writeUInt16BE(32, 2);
          r.writeUInt32BE(m.readUInt32BE(4), 4);
          r.writeBigUInt64BE(dpid, 8);
          s.write(r);
        }
        if (m[1] === 14) {
          // the learning switch's table-miss flow: handshake done
          s.end();
        }
      }
    });
    s.on('close', () => {
      clearTimeout(timer);
      resolveCycle();
    });
    s.on('error', reject);
  });
}

async function soakCycles(): Promise<void> {
  const mgr = new AppManager();
  await mgr.instantiateApps([SimpleSwitch]);
  const h = new OFPHandler({ manager: mgr, controllerOptions: { listenHost: '127.0.0.1', tcpPort: 0, echoInterval: 0 } });
  mgr.register(h);
  h.markStarted();
  await h.start();
  const port = h.controller!.port;
  const tenth = Math.max(1, Math.floor(cycles / 10));
  let first = 0;
  const t0 = Date.now();
  for (let i = 1; i <= cycles; i++) {
    await oneCycle(port, BigInt(i));
    if (i % tenth === 0) {
      await new Promise((r) => setTimeout(r, 50));
      const mb = heapMiB();
      if (i === tenth) first = mb;
      console.log(`  cycle ${i}: heap ${mb.toFixed(2)} MiB, datapaths ${h.dps.size}, sockets ${h.controller!.datapaths.size}`);
    }
  }
  const last = heapMiB();
  console.log(`connect/disconnect: ${cycles} cycles in ${((Date.now() - t0) / 1000).toFixed(1)} s; heap ${first.toFixed(2)} -> ${last.toFixed(2)} MiB (growth ${(last - first).toFixed(2)} MiB)${gc ? '' : ' [run with --expose-gc for exact figures]'}`);
  await mgr.close();
}

function manySwitches(): void {
  const ofb = resolve(root, '..', 'shared', 'tools', 'ofbench');
  execFileSync('make', ['-s', '-C', ofb, 'OUT=/tmp/ofbench'], { stdio: 'inherit' });
  const port = 36790;
  const r = spawnSync('bash', [join(ofb, 'run.sh'), process.execPath, join(root, 'bin', 'osken-manager.js'), '--ofp-listen-host', '127.0.0.1', '--ofp-tcp-listen-port', String(port), join(root, 'dist', 'examples', 'cbench_responder.js')], {
    encoding: 'utf8',
    env: { ...process.env, OFBENCH_PORT: String(port), OFBENCH_BIN: '/tmp/ofbench/ofbench', OFBENCH_ARGS: `-v 1.3 -s ${switches} -l 3 -C 60000`, OFBENCH_MODES: 'throughput' },
  });
  const lines = r.stdout.split('\n').filter((l) => /^(RESULT|DETAIL)/.test(l));
  console.log(`${switches} switches at once (ofbench exit ${r.status}):`);
  for (const l of lines) console.log(`  ${l}`);
}

console.log(`soak: ${cycles} connect/disconnect cycles`);
await soakCycles();
if (switches > 0) manySwitches();
