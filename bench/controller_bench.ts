/**
 * `npm run bench:controller`: ofbench (../shared/tools/ofbench, built into /tmp/ofbench) against
 *   - node_null.mjs (a Node responder that parses nothing: our ceiling on Node),
 *   - osken with the cbench responder (one FLOW_MOD per packet-in) and the learning switch,
 *   - os-ken with osken_responder.py and osken_l2learn13.py (when python3-os-ken is installed),
 *   - osken with an app that answers with prebuilt bytes (bench/raw_responder_app.ts: the framework's ceiling),
 * 16 switches, OpenFlow 1.3, throughput and latency modes, all in the same run, printed as ratios.
 * A benchmark, not a test. Options: --loops N (default 5), --only NAME[,NAME].
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const ofb = resolve(root, '..', 'shared', 'tools', 'ofbench');
const out = '/tmp/ofbench';
const loops = Number(process.argv[process.argv.indexOf('--loops') + 1] ?? 5) || 5;
const onlyIdx = process.argv.indexOf('--only');
const only = onlyIdx > 0 ? new Set(process.argv[onlyIdx + 1]!.split(',')) : null;

execFileSync('make', ['-s', '-C', ofb, `OUT=${out}`], { stdio: 'inherit' });

interface Ctl {
  name: string;
  cmd: string[];
}
const node = process.execPath;
const mgr = join(root, 'bin', 'osken-manager.js');
const ctls: Ctl[] = [
  { name: 'node_null', cmd: [node, join(ofb, 'node_null.mjs')] },
  { name: 'osken-responder', cmd: ['sh', '-c', `exec ${node} ${mgr} --ofp-listen-host 127.0.0.1 --ofp-tcp-listen-port $OFBENCH_PORT ${join(root, 'dist', 'examples', 'cbench_responder.js')}`] },
  // the framework with a handler that sends prebuilt bytes: the ceiling for any app (see bench/raw_responder_app.ts)
  { name: 'osken-raw', cmd: ['sh', '-c', `exec ${node} ${mgr} --ofp-listen-host 127.0.0.1 --ofp-tcp-listen-port $OFBENCH_PORT ${join(root, 'dist', 'bench', 'raw_responder_app.js')}`] },
  { name: 'osken-l2learn', cmd: ['sh', '-c', `exec ${node} ${mgr} --ofp-listen-host 127.0.0.1 --ofp-tcp-listen-port $OFBENCH_PORT ${join(root, 'dist', 'examples', 'simple_switch_13.js')}`] },
];
if (existsSync('/usr/bin/osken-manager')) {
  ctls.push({ name: 'os-ken-responder', cmd: ['/usr/bin/python3', '/usr/bin/osken-manager', '--ofp-tcp-listen-port', '$OFBENCH_PORT', join(ofb, 'osken_responder.py')] });
  ctls.push({ name: 'os-ken-l2learn', cmd: ['/usr/bin/python3', '/usr/bin/osken-manager', '--ofp-tcp-listen-port', '$OFBENCH_PORT', join(ofb, 'osken_l2learn13.py')] });
}

interface Res {
  tp?: number;
  lat?: number;
  p50?: number;
  p99?: number;
}
const results = new Map<string, Res>();
let port = 36700;
for (const c of ctls) {
  if (only && !only.has(c.name)) continue;
  port++;
  const cmd = c.cmd.map((a) => a.replace('$OFBENCH_PORT', String(port)));
  const r = spawnSync('bash', [join(ofb, 'run.sh'), ...cmd], {
    encoding: 'utf8',
    env: {
      ...process.env,
      OFBENCH_PORT: String(port),
      OFBENCH_BIN: join(out, 'ofbench'),
      OFBENCH_ARGS: `-v 1.3 -s 16 -l ${loops}`,
      OFBENCH_LOGDIR: mkdtempSync(join(tmpdir(), `ofbench-${c.name}-`)),
    },
  });
  const res: Res = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^RESULT mode=(\w+) .*responses_per_s=([\d.]+)(?: .*p50_us=([\d.]+) p99_us=([\d.]+))?/.exec(line);
    if (!m) continue;
    if (m[1] === 'throughput') res.tp = Number(m[2]);
    else {
      res.lat = Number(m[2]);
      res.p50 = Number(m[3]);
      res.p99 = Number(m[4]);
    }
  }
  if (r.status !== 0) console.log(`${c.name}: run.sh exited ${r.status}\n${r.stderr.slice(-500)}`);
  results.set(c.name, res);
}

const f = (n?: number, d = 0) => (n === undefined ? '-' : n.toFixed(d));
console.log(`\nofbench, 16 switches, OpenFlow 1.3, ${loops} loops per mode`);
console.log('controller'.padEnd(20), 'throughput/s'.padStart(14), 'latency-mode/s'.padStart(15), 'p50 µs'.padStart(9), 'p99 µs'.padStart(9));
for (const [name, r] of results) console.log(name.padEnd(20), f(r.tp).padStart(14), f(r.lat).padStart(15), f(r.p50).padStart(9), f(r.p99).padStart(9));
const ratio = (a?: number, b?: number) => (a && b ? `${(a / b).toFixed(2)}x` : '-');
const R = (k: string) => results.get(k) ?? {};
console.log('\nratios (same run):');
console.log(`  responder throughput vs os-ken:      ${ratio(R('osken-responder').tp, R('os-ken-responder').tp)}   (target >= 20x)`);
console.log(`  l2learn throughput vs os-ken:        ${ratio(R('osken-l2learn').tp, R('os-ken-l2learn').tp)}   (target >= 20x)`);
console.log(`  responder throughput vs node_null:   ${ratio(R('osken-responder').tp, R('node_null').tp)}   (target >= 0.5x)`);
console.log(`  (framework ceiling: prebuilt-bytes app vs node_null: ${ratio(R('osken-raw').tp, R('node_null').tp)})`);
console.log(`  responder p99 vs os-ken p99:         ${ratio(R('osken-responder').p99, R('os-ken-responder').p99)}   (target <= 0.2x)`);
console.log(`  responder p99 vs node_null p99:      ${ratio(R('osken-responder').p99, R('node_null').p99)}   (target <= 1.5x)`);
