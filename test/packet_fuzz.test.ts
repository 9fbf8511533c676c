/** The CI pass of the packet-library fuzzer (the long run: node dist/test/fuzz/packet_fuzz.js). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFrames, runPacketFuzz } from './fuzz/packet_fuzz_core.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

test('packet fuzz, 30,000 mutated frames (seed 11): decoded or typed errors only', () => {
  const frames = loadFrames([resolve(root, '..', 'shared', 'conformance', 'pcap'), resolve(root, 'test', 'fixtures')], 50);
  assert.ok(frames.length > 100, `frames loaded (${frames.length})`);
  const rep = runPacketFuzz(frames, 30_000, 11);
  assert.deepEqual(rep.crashes.slice(0, 5), []);
  assert.ok(rep.clean > 0 && rep.stoppedWithError > 0);
  assert.ok(rep.slowest < 1000, `slowest frame ${rep.slowest} ms`);
});
