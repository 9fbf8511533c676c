/**
 * BGP UPDATE decode throughput (messages/s), on the 2623 real UPDATEs of
 * the corpus MRT dump (decompressed with `bzip2 -dc`) and on one typical
 * UPDATE; plus encode and stream-parser throughput.
 * Run: npx tsc -p tsconfig.json && node dist/bench/bgp_bench.js
 * os-ken reference (same machine, /usr/bin/python3, BGPMessage.parser on the
 * same UPDATEs): printed by bench/bgp_bench.py-equivalent snippet in the report.
 */
import { execFileSync } from 'node:child_process';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Reader } from '../src/wire/reader.js';
import * as bgp from '../src/lib/packet/bgp.js';
import * as mrtlib from '../src/lib/mrtlib.js';

const here = dirname(fileURLToPath(import.meta.url));
const MRT = resolve(here, '..', '..', '..', 'shared', 'conformance', 'mrt', 'updates.20161101.0000.bz2');

function bench(name: string, n: number, fn: () => void): number {
  for (let i = 0; i < Math.min(n, 2000); i++) fn(); // warm up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const ns = Number(process.hrtime.bigint() - t0);
  const rate = (n / ns) * 1e9;
  console.log(`${name.padEnd(44)} ${Math.round(rate).toLocaleString('en-US').padStart(12)} /s  (${(ns / n).toFixed(0)} ns/op)`);
  return rate;
}

const data = new Uint8Array(execFileSync('bzip2', ['-dc', MRT], { maxBuffer: 1 << 28 }));
const msgs: Uint8Array[] = [];
for (const rec of new mrtlib.Reader(data)) {
  const m = rec.message as mrtlib.Bgp4MpMessageMrtMessage;
  msgs.push(m.bgp_message.serialize());
}
const total = msgs.reduce((a, m) => a + m.length, 0);
console.log(`${msgs.length} UPDATEs from the MRT dump, ${(total / msgs.length).toFixed(1)} bytes average`);

let k = 0;
const corpusRate = bench('decode UPDATE (MRT corpus, round robin)', 1_000_000, () => {
  const b = msgs[k++ % msgs.length]!;
  bgp.decodeMessage(new Reader(b), b.length, bgp.DEFAULT_OPTIONS);
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
bench('decode UPDATE (typical, 5 attrs, 2 NLRI)', 2_000_000, () => {
  bgp.decodeMessage(new Reader(typical), typical.length, bgp.DEFAULT_OPTIONS);
});
const parsed = msgs.map((b) => bgp.BGPMessage.parse(b)[0]);
k = 0;
bench('encode UPDATE (MRT corpus)', 500_000, () => {
  parsed[k++ % parsed.length]!.serialize();
});
const stream = Buffer.concat(msgs);
bench('BgpStreamParser (whole corpus per op, msgs/s)', 200, () => {
  const sp = new bgp.BgpStreamParser();
  for (let i = 0; i < stream.length; i += 65536) sp.parse(new Uint8Array(stream.subarray(i, i + 65536)));
});
console.log(`stream parser msgs/s = above x ${msgs.length}`);
console.log(`corpus decode: ${Math.round(corpusRate).toLocaleString('en-US')} msgs/s`);
