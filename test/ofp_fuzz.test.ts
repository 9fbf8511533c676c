/** The CI pass of the OpenFlow fuzzer (the long run is `npm run test:fuzz`), plus replay of saved crashes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, runFuzz } from './fuzz/ofp_fuzz_core.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const corpusDirs = ['of10', 'of12', 'of13', 'of14', 'of15'].map((d) => resolve(root, '..', 'shared', 'conformance', 'ofp', d));

test('OpenFlow fuzz, 50,000 mutated corpus messages (seed 7): typed errors only', () => {
  const corpus = loadCorpus(corpusDirs);
  assert.ok(corpus.length >= 300, `corpus loaded (${corpus.length})`);
  const rep = runFuzz(corpus, 50_000, 7);
  assert.deepEqual(rep.crashes.slice(0, 5), []);
  assert.ok(rep.decoded > 0 && Object.keys(rep.typedErrors).length > 0);
  assert.ok(rep.slowest < 1000, `no case takes a second (slowest ${rep.slowest} ms)`);
});

test('saved crash inputs decode to typed errors or messages', () => {
  const dir = resolve(root, 'test', 'fuzz', 'crashes');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.bin')) : [];
  const corpus = files.map((f) => new Uint8Array(readFileSync(join(dir, f))));
  if (corpus.length === 0) return;
  // replay each saved input exactly: a corpus of one with no mutation budget is not available, so run
  // the decoder directly through the fuzz harness with the saved inputs as the corpus
  const rep = runFuzz(corpus, corpus.length * 20, 1);
  assert.deepEqual(rep.crashes, []);
});
