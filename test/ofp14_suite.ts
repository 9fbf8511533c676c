/**
 * The OpenFlow 1.4/1.5 test suite, shared by ofp14_fixtures.test.ts and ofp15_fixtures.test.ts:
 * - fixtures built with os-ken (test/fixtures/ofp14|ofp15, see ofp14/gen_fixtures.py): the three
 *   corpus checks (decode -> JSON, JSON -> bytes, JSON without lengths -> bytes);
 * - round trip bytes -> object -> bytes for every corpus and fixture message, and
 *   object -> JSON -> object -> bytes;
 * - hostile input: every prefix (with the true and a shrunk header length) and random bit flips
 *   give a message or a typed error (src/wire/errors.ts), quickly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCase, decodeTyped, loadCases, loadFixtureCases, type Case } from './conformance/ofp_corpus.js';
import { OskenError } from '../src/wire/errors.js';
import { msgFromBuffer, ofpMsgFromJsonDict } from '../src/ofproto/ofproto_parser.js';
import '../src/ofproto/all.js';

export function loadFixtures(dir: string): Case[] {
  return loadFixtureCases(dir);
}

/**
 * Corpus messages whose decode is not byte-preserving, as in os-ken: a goto-table instruction whose
 * length field says 0x808 (os-ken shows and writes 8), a reply whose header length is shorter than
 * its body (os-ken reads the entry past msg_len).
 */
const NOT_LOSSLESS = new Set(['libofproto-OFP15-flow_desc_reply.packet', 'libofproto-OFP15-meter_features_reply.packet']);


export function runSuite(corpusDir: 'of14' | 'of15', fixtureDir: 'ofp14' | 'ofp15', minFixtures: number): void {
  const fixtures = loadFixtures(fixtureDir);
  const corpus = loadCases(corpusDir);
  const all = [...corpus, ...fixtures];

  test(`${fixtureDir}: fixture count`, () => {
    assert.ok(fixtures.length >= minFixtures, `only ${fixtures.length} fixtures`);
  });

  for (const c of fixtures) {
    test(`${fixtureDir} fixture ${c.name}`, () => {
      assert.deepEqual(checkCase(c), []);
    });
  }

  test(`${fixtureDir}: round trip bytes -> object -> bytes (corpus ${corpusDir} + fixtures)`, () => {
    const failures: string[] = [];
    let n = 0;
    for (const c of all) {
      if (NOT_LOSSLESS.has(c.name) || c.name.includes('truncated')) continue;
      let m;
      try {
        m = msgFromBuffer(null, c.bytes);
      } catch (e) {
        if (c.decodeError) continue;
        throw e;
      }
      m.serialize();
      n++;
      if (Buffer.compare(Buffer.from(m.buf!), Buffer.from(c.bytes)) !== 0) failures.push(c.name);
    }
    assert.deepEqual(failures, []);
    assert.ok(n > minFixtures, `only ${n} messages round-tripped`);
  });

  test(`${fixtureDir}: round trip object -> JSON -> object -> bytes (every decodable class)`, () => {
    const failures: string[] = [];
    for (const c of all) {
      if (NOT_LOSSLESS.has(c.name) || c.name.includes('truncated')) continue;
      let m;
      try {
        m = msgFromBuffer(null, c.bytes);
      } catch {
        continue;
      }
      const j = m.toJsonDict();
      const m2 = ofpMsgFromJsonDict(null, j, c.bytes[0]!);
      m2.xid = m.xid;
      m2.serialize();
      if (Buffer.compare(Buffer.from(m2.buf!), Buffer.from(c.bytes)) !== 0) failures.push(c.name);
    }
    assert.deepEqual(failures, []);
  });

  test(`${fixtureDir}: hostile input, every prefix gives a message or a typed error`, () => {
    for (const c of all) {
      for (let n = 0; n < c.bytes.length; n++) {
        const prefix = c.bytes.slice(0, n);
        decodeTyped(prefix, `${c.name}[0:${n}]`);
        if (n >= 8) {
          const p2 = prefix.slice();
          new DataView(p2.buffer).setUint16(2, n);
          decodeTyped(p2, `${c.name}[0:${n}] len=${n}`);
        }
      }
    }
  });

  test(`${fixtureDir}: hostile input, random bit flips give a message or a typed error`, () => {
    let seed = 0x1415abcd;
    const rand = (k: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % k;
    };
    for (const c of all) {
      for (let i = 0; i < 200; i++) {
        const b = c.bytes.slice();
        const flips = 1 + rand(4);
        for (let f = 0; f < flips; f++) {
          const bit = 8 + rand((b.length - 1) * 8); // keep the version byte
          b[bit >> 3]! ^= 1 << (bit & 7);
        }
        decodeTyped(b, `${c.name} flip#${i}`);
      }
    }
  });
}

/** Messages inside messages nested without end (request forward of request forward...): a typed error, quickly. */
export function nestedMessagesTest(version: 5 | 6): void {
  test(`OpenFlow 0x0${version}: deeply nested request forward gives a typed error`, () => {
    const depth = 8190;
    const buf = new Uint8Array(8 * depth);
    const dv = new DataView(buf.buffer);
    for (let i = 0; i < depth; i++) {
      dv.setUint8(8 * i, version);
      dv.setUint8(8 * i + 1, i === depth - 1 ? 2 : 32);
      dv.setUint16(8 * i + 2, 8 * (depth - i));
    }
    decodeTyped(buf, 'nested request forward');
    assert.throws(() => msgFromBuffer(null, buf), (e: unknown) => e instanceof OskenError && /nested/.test((e as Error).message));
  });
}
