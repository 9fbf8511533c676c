/**
 * The controller decodes each message in place from the read chunk (msgAt: at an offset, views made
 * from the chunk's ArrayBuffer). Differential: for corpus messages and mutations of them, placed at
 * random offsets among other bytes, msgAt gives what msg() gives for the message's own buffer: the
 * same JSON or the same error class, the same re-serialized bytes, and a `buf` equal to the message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import '../src/ofproto/all.js';
import { msg, msgAt, type MsgBase } from '../src/ofproto/ofproto_parser.js';
import { loadCorpus, mutate, rng } from './fuzz/ofp_fuzz_core.js';
import { REPO_ROOT } from './conformance/ofp_corpus.js';

function outcome(f: () => MsgBase): { json?: string; err?: string; bytes?: string; buf?: string } {
  let m: MsgBase;
  try {
    m = f();
  } catch (e) {
    return { err: (e as Error).constructor.name };
  }
  const out: { json?: string; err?: string; bytes?: string; buf?: string } = { buf: Buffer.from(m.buf ?? []).toString('hex') };
  try {
    out.json = JSON.stringify(m.toJsonDict(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  } catch (e) {
    out.json = `error ${(e as Error).constructor.name}`;
  }
  try {
    m.xid = m.xid ?? 0;
    m.serialize();
    out.bytes = Buffer.from(m.buf!).toString('hex');
  } catch (e) {
    out.bytes = `error ${(e as Error).constructor.name}`;
  }
  return out;
}

test('msgAt (in place, at an offset in a chunk) decodes as msg() on the message alone', () => {
  const dirs = ['of10', 'of12', 'of13', 'of14', 'of15'].map((d) => resolve(REPO_ROOT, '..', 'shared', 'conformance', 'ofp', d));
  dirs.push(...['ofp10', 'ofp13', 'ofp14', 'ofp15', 'nx'].map((d) => resolve(REPO_ROOT, 'test', 'fixtures', d)));
  const corpus = loadCorpus(dirs);
  const r = rng(5);
  let n = 0;
  for (let i = 0; i < 20000; i++) {
    const one = i < corpus.length ? corpus[i]! : mutate(r, corpus);
    if (one.length < 8) continue;
    const len = (one[2]! << 8) | one[3]!;
    if (len < 8 || len > one.length) continue; // the controller hands msgAt whole messages only
    const before = Math.floor(r() * 40);
    const chunk = Buffer.alloc(before + one.length + Math.floor(r() * 40), 0xa5);
    chunk.set(one, before);
    const alone = Buffer.from(one.subarray(0, len));
    const xid = ((one[4]! << 24) | (one[5]! << 16) | (one[6]! << 8) | one[7]!) >>> 0;
    const want = outcome(() => msg(null, one[0]!, one[1]!, len, xid, alone));
    const got = outcome(() => msgAt(null, one[0]!, one[1]!, len, xid, chunk, before, chunk.buffer, chunk.byteOffset));
    assert.deepEqual(got, want, `case ${i}: ${alone.toString('hex').slice(0, 80)}`);
    n++;
  }
  assert.ok(n > 10000, `${n} cases`);
});
