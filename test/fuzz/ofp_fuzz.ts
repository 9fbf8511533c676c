/**
 * `npm run test:fuzz` (default 1,000,000 cases, seed 1): `node dist/test/fuzz/ofp_fuzz.js --cases N --seed S`.
 * Prints the counts; exits 1 if any case crashed (inputs saved in test/fuzz/crashes/).
 */
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, runFuzz } from './ofp_fuzz_core.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const arg = (k: string, d: number) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const cases = arg('--cases', 1_000_000);
const seed = arg('--seed', 1);
const dirs = ['of10', 'of12', 'of13', 'of14', 'of15'].map((d) => resolve(root, '..', 'shared', 'conformance', 'ofp', d));
dirs.push(...['ofp10', 'ofp13', 'ofp14', 'ofp15', 'nx'].map((d) => resolve(root, 'test', 'fixtures', d)));
const corpus = loadCorpus(dirs);
const t0 = Date.now();
const rep = runFuzz(corpus, cases, seed, resolve(root, 'test', 'fuzz', 'crashes'));
const secs = (Date.now() - t0) / 1000;
console.log(`ofp fuzz: seed ${seed}, corpus ${corpus.length} messages, ${rep.cases} cases in ${secs.toFixed(1)} s`);
console.log(`  decoded ${rep.decoded}, typed errors ${JSON.stringify(rep.typedErrors)}, slowest case ${rep.slowest.toFixed(2)} ms`);
console.log(`  crashes ${rep.crashes.length}`);
for (const c of rep.crashes.slice(0, 20)) console.log(`    ${c.sha1} ${c.error}`);
process.exitCode = rep.crashes.length ? 1 : 0;
