/**
 * Packet decode conformance: every pcap of ../shared/conformance/pcap (and
 * bgp4/) plus our own fixtures (test/fixtures/packet) is decoded as
 * `osken packet decode --pcap` does and each line is compared, by exact deep
 * equality, with the oracle's NAME.pcap.jsonl. Expected `{"error": ...}`
 * lines are skipped (outside the contract). Frames listed in PENDING belong to
 * protocol modules still being written; they are reported, not asserted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePcapLines } from '../src/cli/packet_decode.js';
import { parseJson, type JsonValue } from '../src/wire/json/json.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONFORMANCE = join(ROOT, '..', 'shared', 'conformance', 'pcap');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'packet');

/**
 * Frames expected to fail until another engineer's module lands:
 * key `FILE.pcap#LINE` (1-based) -> reason. Remove entries as they pass.
 */
const PENDING = new Map<string, string>([]);

function pcaps(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pcap') && existsSync(join(dir, `${f}.jsonl`)))
    .sort()
    .map((f) => join(dir, f));
}

function isError(v: JsonValue): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.error === 'string';
}

const files = [...pcaps(CONFORMANCE), ...pcaps(join(CONFORMANCE, 'bgp4')), ...pcaps(FIXTURES)];

test('conformance corpus is present', () => {
  assert.ok(files.length >= 37, `expected the shared corpus at ${CONFORMANCE}, found ${files.length} pcaps`);
});

for (const path of files) {
  const name = path.slice(path.lastIndexOf('/') + 1);
  test(`packet decode ${name}`, (t) => {
    const expected = readFileSync(`${path}.jsonl`, 'utf8').split('\n').filter((l) => l.length > 0);
    const { lines } = decodePcapLines(new Uint8Array(readFileSync(path)));
    assert.equal(lines.length, expected.length, `${name}: one line per frame`);
    let pass = 0;
    let skipped = 0;
    let pending = 0;
    const failures: string[] = [];
    for (let i = 0; i < expected.length; i++) {
      const exp = parseJson(expected[i]!);
      if (isError(exp)) {
        skipped++;
        continue;
      }
      const key = `${name}#${i + 1}`;
      let ok = false;
      try {
        assert.deepStrictEqual(parseJson(lines[i]!), exp);
        ok = true;
      } catch (e) {
        if (!PENDING.has(key)) failures.push(`line ${i + 1}: ${(e as Error).message.slice(0, 1500)}`);
      }
      if (ok) {
        pass++;
        if (PENDING.has(key)) t.diagnostic(`${key} now passes: remove it from PENDING`);
      } else if (PENDING.has(key)) pending++;
    }
    t.diagnostic(`${name}: ${pass}/${expected.length - skipped} frames pass (${skipped} oracle-error frames skipped, ${pending} pending)`);
    assert.deepEqual(failures, [], `${name}: ${failures.length} frame(s) differ`);
  });
}
