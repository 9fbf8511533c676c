/**
 * Nicira actions against os-ken itself: flow mods built by os-ken with every NX action class
 * (test/fixtures/nx, made by gen_nx_fixtures.py) checked with the conformance procedure
 * (decode -> os-ken's JSON; JSON -> same bytes, with and without len keys, where os-ken can
 * encode its own JSON; osken must also encode the rest of os-ken's JSON to os-ken's bytes), plus osken's
 * own round trip bytes -> object -> bytes for every fixture.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCase, loadFixtureCases, REPO_ROOT, type Case } from './conformance/ofp_corpus.js';
import { encodeFromJson } from '../src/cli/ofp_cli.js';
import '../src/ofproto/all.js';
import { header, msg } from '../src/ofproto/ofproto_parser.js';

export const NX_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'nx');

export function loadNxCases(): Case[] {
  return loadFixtureCases('nx', 'nx');
}

const cases = loadNxCases();
/** `NAME check` pairs known to fail for non-NX reasons (test/fixtures/nx/pending.txt): run as todo, must still fail. */
const pending = new Set(
  readFileSync(join(NX_FIXTURES, 'pending.txt'), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim().split(/\s+/).join(' '))
    .filter(Boolean),
);

function run(name: string, check: string, fn: () => void): void {
  const key = `${name} ${check}`;
  if (!pending.has(key)) {
    test(`nx ${check} ${name}`, fn);
    return;
  }
  test(`nx ${check} ${name}`, { todo: 'pending (test/fixtures/nx/pending.txt)' }, () => {
    let failed = false;
    try {
      fn();
    } catch {
      failed = true;
    }
    assert.ok(failed, `${key} passes now: remove it from test/fixtures/nx/pending.txt`);
    throw new Error('pending');
  });
}

test('nx fixtures exist', () => {
  assert.ok(cases.length > 300, `only ${cases.length} fixtures`);
});

for (const c of cases) {
  run(c.name, 'fixture', () => {
    assert.deepEqual(checkCase(c), []);
  });
  if (!c.decodeError) {
    run(c.name, 'roundtrip', () => {
      const [version, msgType, msgLen, xid] = header(c.bytes);
      const m = msg(null, version, msgType, msgLen, xid, c.bytes);
      m.serialize();
      assert.deepEqual(Buffer.from(m.buf!).toString('hex'), Buffer.from(c.bytes).toString('hex'));
    });
  }
  const j = c.expected as Record<string, unknown>;
  if (!c.serializable && !c.decodeError && !('OFPTruncatedMessage' in j)) {
    // os-ken cannot encode its own JSON here (constructor keywords, base64 masks...): osken does, to os-ken's bytes
    run(c.name, 'jsonencode', () => {
      const out = encodeFromJson(c.expected, c.bytes[0]!, new DataView(c.bytes.buffer, c.bytes.byteOffset).getUint32(4));
      assert.equal(Buffer.from(out).toString('hex'), Buffer.from(c.bytes).toString('hex'));
    });
  }
}
