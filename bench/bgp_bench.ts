/**
 * BGP UPDATE throughput (messages/s), on the 2623 real UPDATEs of the
 * corpus MRT dump (read compressed: mrtlib decodes bzip2), on one
 * typical UPDATE and on 20000 generated UPDATEs in which no address repeats
 * (the worst case for the decoders' address-text memo: real feeds repeat
 * next hops and prefixes, the corpus does); plus encode and stream-parser
 * throughput. Decoded prefixes make their address text when first read,
 * os-ken's at once: the "+ read every prefix address" lines count that too. Each figure is
 * printed beside os-ken's for the same work, measured in the same run with
 * /usr/bin/python3 (skipped when os_ken is not importable), and the ratio.
 *
 * Run alone: npx tsc -p tsconfig.json && node dist/bench/bgp_bench.js
 * (bench/packet_bench.ts imports bgpFigures() and prints these with the packet figures.)
 *
 * Also exports the measuring helpers the packet benchmark uses: rates are
 * per second of this process's CPU time (stable when other work shares the
 * cores), best of 3 runs after a warm-up; os-ken's the same with time.process_time().
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as bgp from '../src/lib/packet/bgp.js';
import * as mrtlib from '../src/lib/mrtlib.js';

const here = dirname(fileURLToPath(import.meta.url));
const MRT = resolve(here, '..', '..', '..', 'shared', 'conformance', 'mrt', 'updates.20161101.0000.bz2');

/** One benchmark line: our rate and the key of os-ken's figure (null: no os-ken counterpart). */
export interface Figure {
  name: string;
  ours: number;
  key: string | null;
}

/** Our rate: ops per CPU second, best of `rounds` runs of `ms` (calls in batches of `batch`) after a 500 ms warm-up. */
export function cpuRate(fn: () => unknown, rounds = 3, ms = 700, batch = 200): number {
  let sink: unknown = null;
  const w0 = Date.now();
  while (Date.now() - w0 < 500) for (let i = 0; i < batch; i++) sink = fn();
  let best = 0;
  for (let k = 0; k < rounds; k++) {
    let n = 0;
    const c0 = process.cpuUsage();
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      for (let i = 0; i < batch; i++) sink = fn();
      n += batch;
    }
    const c = process.cpuUsage(c0);
    const rate = (n * 1e6) / Math.max(1, c.user + c.system);
    if (rate > best) best = rate;
  }
  if (sink === Symbol.for('never')) console.log(''); // keep results alive
  return best;
}

/** Python helper prepended to every os-ken snippet: rate(fn) as cpuRate() above. */
export const PY_RATE = `
import sys, time
def rate(fn, rounds=3, secs=0.7):
    t0 = time.process_time()
    while time.process_time() - t0 < 0.3: fn()
    best = 0.0
    for _ in range(rounds):
        n = 0; c0 = time.process_time(); d = time.perf_counter() + secs
        while time.perf_counter() < d:
            for _ in range(20): fn()
            n += 20
        best = max(best, n / max(1e-9, time.process_time() - c0))
    return best
def out(key, fn):
    print(key, rate(fn), flush=True)
`;

/**
 * Run an os-ken snippet (PY_RATE prepended) with /usr/bin/python3; it prints
 * `key rate` lines. `files` are written to a temp dir whose path is argv[1].
 * Returns {} (and says so) when python3 or os_ken is missing.
 */
export function oskenRates(snippet: string, files: Record<string, Uint8Array>): Record<string, number> {
  const py = '/usr/bin/python3';
  const probe = spawnSync(py, ['-c', 'import os_ken'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    console.log('os-ken baseline skipped (/usr/bin/python3 with os_ken not available)');
    return {};
  }
  const dir = mkdtempSync(join(tmpdir(), 'osken-bench-'));
  try {
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    const r = spawnSync(py, ['-c', PY_RATE + snippet, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) {
      console.log(`os-ken baseline failed: ${(r.stderr || String(r.error)).trim().split('\n').slice(-1)[0]}`);
      return {};
    }
    const out: Record<string, number> = {};
    for (const line of r.stdout.trim().split('\n')) {
      const [k, v] = line.split(' ');
      if (k && v) out[k] = Number(v);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Print figures beside os-ken's: name, ours/s, os-ken/s, ratio. */
export function printFigures(title: string, figs: Figure[], base: Record<string, number>): void {
  console.log(`\n${title}`);
  console.log(`${'benchmark'.padEnd(52)} ${'osken/s'.padStart(12)} ${'os-ken/s'.padStart(11)} ${'ratio'.padStart(8)}`);
  for (const f of figs) {
    const b = f.key !== null ? base[f.key] : undefined;
    console.log(
      `${f.name.padEnd(52)} ${Math.round(f.ours).toLocaleString('en-US').padStart(12)} ${(b ? Math.round(b).toLocaleString('en-US') : '-').padStart(11)} ${(b ? `${(f.ours / b).toFixed(1)}x` : '-').padStart(8)}`,
    );
  }
}

const PY_BGP = `
import os
from os_ken.lib.packet import bgp
d = sys.argv[1]
blob = open(os.path.join(d, 'updates.bin'), 'rb').read()
msgs = []
p = 0
while p < len(blob):
    n = int.from_bytes(blob[p + 16:p + 18], 'big')
    msgs.append(blob[p:p + n]); p += n
typical = open(os.path.join(d, 'typical.bin'), 'rb').read()
it = [0]
def corpus():
    bgp.BGPMessage.parser(msgs[it[0] % len(msgs)]); it[0] += 1
out('bgp_corpus', corpus)
out('bgp_typical', lambda: bgp.BGPMessage.parser(typical))
ublob = open(os.path.join(d, 'unique.bin'), 'rb').read()
umsgs = []
p = 0
while p < len(ublob):
    n = int.from_bytes(ublob[p + 16:p + 18], 'big')
    umsgs.append(ublob[p:p + n]); p += n
def unique():
    bgp.BGPMessage.parser(umsgs[it[0] % len(umsgs)]); it[0] += 1
out('bgp_unique', unique)
parsed = [bgp.BGPMessage.parser(m)[0] for m in msgs]
def enc():
    parsed[it[0] % len(parsed)].serialize(); it[0] += 1
out('bgp_encode', enc)
`;

/**
 * `n` UPDATEs shaped like the corpus (ORIGIN, AS_PATH, NEXT_HOP, MED, 1-4
 * IPv4 NLRI; every 4th an IPv6 MP_REACH with 1-3 prefixes instead) whose
 * next hops and prefixes are all distinct: a fixed-seed generator, no repeats.
 */
export function uniqueUpdates(n: number): Uint8Array[] {
  let x = 0x2545f491;
  const rnd = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  const out: Uint8Array[] = [];
  let k = 0; // a counter mixed into every address keeps them distinct
  const v4 = (): string => {
    const a = (rnd() & 0xff000000) | (k++ & 0xffffff);
    return `${(a >>> 24) & 255}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
  };
  for (let i = 0; i < n; i++) {
    const attrs: bgp.BGPPathAttribute[] = [
      new bgp.BGPPathAttributeOrigin({ value: i % 3 }),
      new bgp.BGPPathAttributeAsPath({ value: [[64512 + (rnd() % 1000), 1 + (rnd() % 65000), 1 + (rnd() % 65000)]], as_pack_str: '!H' }),
    ];
    const nlri: bgp.IPAddrPrefix[] = [];
    if (i % 4 === 3) {
      const pfx: bgp.IP6AddrPrefix[] = [];
      for (let j = 0, m = 1 + (rnd() % 3); j < m; j++) pfx.push(new bgp.IP6AddrPrefix({ length: 48, addr: `2001:${(k >>> 16).toString(16)}:${(k++ & 0xffff).toString(16)}::` }));
      attrs.push(new bgp.BGPPathAttributeMpReachNLRI({ afi: 2, safi: 1, next_hop: `2001:db8::${(k >>> 16).toString(16)}:${(k++ & 0xffff).toString(16)}`, nlri: pfx }));
    } else {
      attrs.push(new bgp.BGPPathAttributeNextHop({ value: v4() }));
      for (let j = 0, m = 1 + (rnd() % 4); j < m; j++) nlri.push(new bgp.BGPNLRI({ length: 32, addr: v4() }));
    }
    attrs.push(new bgp.BGPPathAttributeMultiExitDisc({ value: rnd() % 1000 }));
    out.push(new bgp.BGPUpdate({ path_attributes: attrs, nlri }).serialize());
  }
  return out;
}

/** Read the address text of every plain prefix of an UPDATE (NLRI, withdrawn, MP_REACH/MP_UNREACH); returns their total length. */
function readAddrs(m: bgp.BGPMessage): number {
  let n = 0;
  if (!(m instanceof bgp.BGPUpdate)) return n;
  for (const p of m.nlri) n += p.addr.length;
  for (const p of m.withdrawn_routes) n += p.addr.length;
  for (const a of m.path_attributes) {
    const list = a instanceof bgp.BGPPathAttributeMpReachNLRI ? a.nlri : a instanceof bgp.BGPPathAttributeMpUnreachNLRI ? a.withdrawn_routes : [];
    for (const p of list) if (p instanceof bgp.IPAddrPrefix || p instanceof bgp.IP6AddrPrefix) n += p.addr.length;
  }
  return n;
}

/** Measure the BGP figures (ours, then os-ken's in the same run); returns them for printing. */
export function bgpFigures(): { figs: Figure[]; base: Record<string, number>; note: string } {
  const msgs: Uint8Array[] = [];
  for (const rec of mrtlib.Reader.fromFile(MRT)) {
    const m = rec.message as mrtlib.Bgp4MpMessageMrtMessage;
    msgs.push(m.bgp_message.serialize());
  }
  const total = msgs.reduce((a, m) => a + m.length, 0);
  const note = `${msgs.length} UPDATEs from the MRT dump (${(total / msgs.length).toFixed(1)} bytes average)`;

  const figs: Figure[] = [];
  let k = 0;
  figs.push({
    name: 'BGP UPDATE parse (MRT corpus, round robin)',
    ours: cpuRate(() => bgp.BGPMessage.parse(msgs[k++ % msgs.length]!)),
    key: 'bgp_corpus',
  });
  k = 0;
  figs.push({
    name: '  the same + read every prefix address',
    ours: cpuRate(() => readAddrs(bgp.BGPMessage.parse(msgs[k++ % msgs.length]!)[0])),
    key: 'bgp_corpus',
  });
  const typical = new bgp.BGPUpdate({
    path_attributes: [
      new bgp.BGPPathAttributeOrigin({ value: 0 }),
      new bgp.BGPPathAttributeAsPath({ value: [[65001, 65002, 65003, 65004]], as_pack_str: '!I' }),
      new bgp.BGPPathAttributeNextHop({ value: '192.0.2.1' }),
      new bgp.BGPPathAttributeMultiExitDisc({ value: 10 }),
      new bgp.BGPPathAttributeCommunities({ communities: [0xfde80001, 0xfde80002] }),
    ],
    nlri: [new bgp.BGPNLRI({ length: 24, addr: '10.1.0.0' }), new bgp.BGPNLRI({ length: 22, addr: '10.2.0.0' })],
  }).serialize();
  figs.push({
    name: 'BGP UPDATE parse (typical, 5 attrs, 2 NLRI)',
    ours: cpuRate(() => bgp.BGPMessage.parse(typical)),
    key: 'bgp_typical',
  });
  // worst case for the decoders' address-text memo (bgp/addr_text.ts): every address differs
  const unique = uniqueUpdates(20000);
  let u = 0;
  figs.push({
    name: 'BGP UPDATE parse (20000, no address repeats)',
    ours: cpuRate(() => bgp.BGPMessage.parse(unique[u++ % unique.length]!)),
    key: 'bgp_unique',
  });
  // decoded prefixes make their address text on first use (os-ken's parse makes it at once): the same with every text made
  u = 0;
  figs.push({
    name: '  the same + read every prefix address',
    ours: cpuRate(() => readAddrs(bgp.BGPMessage.parse(unique[u++ % unique.length]!)[0])),
    key: 'bgp_unique',
  });
  const parsed = msgs.map((b) => bgp.BGPMessage.parse(b)[0]);
  k = 0;
  figs.push({ name: 'BGP UPDATE serialize (MRT corpus)', ours: cpuRate(() => parsed[k++ % parsed.length]!.serialize()), key: 'bgp_encode' });
  const stream = Buffer.concat(msgs);
  const perCorpus = cpuRate(() => {
    const sp = new bgp.BgpStreamParser();
    for (let i = 0; i < stream.length; i += 65536) sp.parse(new Uint8Array(stream.subarray(i, i + 65536)));
  }, 3, 1000, 1);
  figs.push({ name: 'BgpStreamParser (64 KiB chunks, msgs)', ours: perCorpus * msgs.length, key: null });

  // os-ken's parser returns (msg, cls, rest) on the message bytes: the same work as BGPMessage.parse
  const base = oskenRates(PY_BGP, { 'updates.bin': new Uint8Array(stream), 'typical.bin': typical, 'unique.bin': new Uint8Array(Buffer.concat(unique)) });
  return { figs, base, note };
}

/** Measure and print the BGP figures. */
export function runBgpBench(): void {
  const { figs, base, note } = bgpFigures();
  printFigures(`BGP (${note})`, figs, base);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runBgpBench();
