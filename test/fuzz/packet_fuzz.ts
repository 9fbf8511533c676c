/**
 * `node dist/test/fuzz/packet_fuzz.js [--cases N] [--seed S]` (default 1,000,000 cases, seed 1).
 * Prints the counts; exits 1 if any frame crashed the decoder (inputs saved in test/fuzz/crashes/).
 */
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFrames, runPacketFuzz } from './packet_fuzz_core.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const arg = (k: string, d: number) => (process.argv.includes(k) ? Number(process.argv[process.argv.indexOf(k) + 1]) : d);
const cases = arg('--cases', 1_000_000);
const seed = arg('--seed', 1);
const frames = loadFrames([resolve(root, '..', 'shared', 'conformance', 'pcap'), resolve(root, 'test', 'fixtures')]);
const t0 = Date.now();
const rep = runPacketFuzz(frames, cases, seed, resolve(root, 'test', 'fuzz', 'crashes'));
console.log(`packet fuzz: seed ${seed}, corpus ${frames.length} frames, ${rep.cases} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`  decoded cleanly ${rep.clean}, stopped at a bad layer (rest kept raw) ${rep.stoppedWithError}, typed throws ${JSON.stringify(rep.typedThrows)}, slowest ${rep.slowest.toFixed(2)} ms`);
console.log(`  crashes ${rep.crashes.length}`);
for (const c of rep.crashes.slice(0, 20)) console.log(`    ${c.sha1} ${c.error}`);
process.exitCode = rep.crashes.length ? 1 : 0;
