/**
 * OpenFlow 1.2/1.3 beyond the public corpus:
 * - fixtures built with os-ken itself (test/fixtures/ofp13, see gen_fixtures.py there): the same
 *   three checks as the conformance corpus (decode -> JSON, JSON -> bytes, JSON without lengths -> bytes);
 * - round trip bytes -> object -> bytes for every 1.2/1.3 message of the corpus and the fixtures;
 * - hostile input: every prefix and random bit flips give only typed errors (src/wire/errors.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCase, decodeTyped, loadCases, loadFixtureCases } from './conformance/ofp_corpus.js';
import { OskenError } from '../src/wire/errors.js';
import { msgFromBuffer } from '../src/ofproto/ofproto_parser.js';
import '../src/ofproto/all.js';

const fixtures = loadFixtureCases('ofp13');
const corpus = [...loadCases('of12'), ...loadCases('of13')];

test('fixture count', () => {
  assert.ok(fixtures.length >= 100, `only ${fixtures.length} fixtures`);
});

for (const c of fixtures) {
  test(`fixture ${c.name}`, () => {
    assert.deepEqual(checkCase(c), []);
  });
}

/** Decoding is not byte-preserving for these (os-ken normalises: OXM id length written as 0, packet-in data cut to total_len). */
const NOT_LOSSLESS = new Set([
  '4-55-ofp_table_features_request.packet', '4-56-ofp_table_features_reply.packet', 'of13-table_features_reply.packet',
  'of13-packet_in-total_len_cut.packet',
]);

test('round trip bytes -> object -> bytes (corpus of12/of13 + fixtures)', () => {
  const failures: string[] = [];
  let n = 0;
  for (const c of [...corpus, ...fixtures]) {
    if (NOT_LOSSLESS.has(c.name) || c.name.includes('truncated')) continue;
    let m;
    try {
      m = msgFromBuffer(null, c.bytes);
    } catch (e) {
      // os-ken cannot parse it either (a case listed in decode_errors)
      if (c.decodeError && e instanceof OskenError) continue;
      throw e;
    }
    m.serialize();
    n++;
    if (Buffer.compare(Buffer.from(m.buf!), Buffer.from(c.bytes)) !== 0) failures.push(c.name);
  }
  assert.deepEqual(failures, []);
  assert.ok(n > 150, `only ${n} messages round-tripped`);
});


test('hostile input: every prefix gives a message or a typed error', () => {
  for (const c of [...corpus, ...fixtures]) {
    for (let n = 0; n < c.bytes.length; n++) {
      const prefix = c.bytes.slice(0, n);
      decodeTyped(prefix, `${c.name}[0:${n}]`);
      if (n >= 8) {
        // the same prefix with the header length saying so: inner structures end early
        const p2 = prefix.slice();
        new DataView(p2.buffer).setUint16(2, n);
        decodeTyped(p2, `${c.name}[0:${n}] len=${n}`);
      }
    }
  }
});

test('hostile input: random bit flips give a message or a typed error', () => {
  let seed = 0x12345678;
  const rand = (k: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % k;
  };
  for (const c of [...corpus, ...fixtures]) {
    for (let i = 0; i < 100; i++) {
      const b = c.bytes.slice();
      const flips = 1 + rand(4);
      for (let f = 0; f < flips; f++) {
        // keep the version byte so that the 1.2/1.3 decoders are the ones exercised
        const bit = 8 + rand((b.length - 1) * 8);
        b[bit >> 3]! ^= 1 << (bit & 7);
      }
      decodeTyped(b, `${c.name} flip#${i}`);
    }
  }
});
