/**
 * mrtlib against os-ken on the corpus dumps (../shared/conformance/mrt/*.bz2,
 * read compressed: mrtlib detects bzip2 and decodes it with seek-bzip): record counts, totals and sample records
 * equal to os-ken's (test/fixtures/bgp/mrt_expected.json, made by
 * gen_mrt_fixture.py), writer output byte-identical and read back equal,
 * truncated files give typed errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJson, stringifyJson, type JsonObject } from '../src/wire/json/json.js';
import { kMaxLength } from 'node:buffer';
import { OskenError, PacketMalformed } from '../src/wire/errors.js';
import * as mrtlib from '../src/lib/mrtlib.js';
import * as bgp from '../src/lib/packet/bgp.js';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '..', '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'conformance', 'mrt');
const expected = parseJson(readFileSync(join(ROOT, 'test', 'fixtures', 'bgp', 'mrt_expected.json'), 'utf8')) as JsonObject;

/** The decompressed dump (mrtlib decodes the .bz2 itself). */
const loaded = new Map<string, Uint8Array>();
function load(name: string): Uint8Array {
  let d = loaded.get(name);
  if (!d) loaded.set(name, (d = mrtlib.Reader.fromFile(join(CORPUS, name)).data));
  return d;
}

function inc(o: Record<string, number>, k: string, n = 1): void {
  o[k] = (o[k] ?? 0) + n;
}

for (const name of Object.keys(expected)) {
  test(`mrt ${name}: counts, totals and samples equal os-ken`, () => {
    const exp = expected[name] as JsonObject;
    const data = load(name);
    assert.equal(data.length, exp.bytes);
    const classes: Record<string, number> = {};
    const totals: Record<string, number> = {};
    const samples = exp.samples as JsonObject;
    let i = 0;
    // straight from the compressed file
    for (const rec of mrtlib.Reader.fromFile(join(CORPUS, name))) {
      const m = rec.message as mrtlib.MrtMessage & { bgp_message?: bgp.BGPMessage; rib_entries?: mrtlib.MrtRibEntry[] };
      const bm = m.bgp_message;
      const cn = (x: object): string => (x.constructor as unknown as { jsonName: string }).jsonName;
      inc(classes, `${cn(rec)}/${cn(m)}/${bm ? cn(bm) : '-'}`);
      inc(totals, 'records');
      inc(totals, 'timestamp_sum', rec.timestamp ?? 0);
      if (bm instanceof bgp.BGPUpdate) {
        inc(totals, 'nlri', bm.nlri.length);
        inc(totals, 'withdrawn', bm.withdrawn_routes.length);
        inc(totals, 'path_attributes', bm.path_attributes.length);
        for (const a of bm.path_attributes) {
          inc(totals, `attr_${cn(a)}`);
          if (a instanceof bgp.BGPPathAttributeMpReachNLRI) inc(totals, 'mp_reach_nlri', a.nlri.length);
          if (a instanceof bgp.BGPPathAttributeMpUnreachNLRI) inc(totals, 'mp_unreach_nlri', a.withdrawn_routes.length);
        }
      }
      for (const e of m.rib_entries ?? []) {
        inc(totals, 'rib_entries');
        inc(totals, 'rib_attributes', e.bgp_attributes.length);
      }
      const s = samples[String(i)];
      if (s !== undefined) assert.deepEqual(parseJson(stringifyJson(rec.toJsonDict())), s, `record ${i}`);
      i++;
    }
    assert.deepEqual(classes, exp.classes);
    assert.deepEqual(totals, exp.totals);
  });

  test(`mrt ${name}: writer output is byte-identical and reads back equal`, () => {
    const data = load(name);
    const chunks: Uint8Array[] = [];
    const w = new mrtlib.Writer({ write: (b) => chunks.push(b) });
    const recs = [...new mrtlib.Reader(data)];
    for (const r of recs) w.write(r);
    w.close();
    const out = Buffer.concat(chunks);
    assert.equal(out.length, data.length);
    assert.ok(out.equals(Buffer.from(data)), 'writer output equals the input dump');
    const back = [...new mrtlib.Reader(new Uint8Array(out))];
    assert.equal(back.length, recs.length);
    for (let k = 0; k < recs.length; k += 97) assert.deepEqual(back[k]!.toJsonDict(), recs[k]!.toJsonDict());
  });

  test(`mrt ${name}: stream reader gives the same records`, async () => {
    const data = load(name);
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let p = 0; p < data.length; p += 4093) yield data.subarray(p, p + 4093);
    }
    let n = 0;
    for await (const rec of mrtlib.readRecords(chunks())) {
      assert.ok(rec instanceof mrtlib.MrtRecord);
      n++;
    }
    assert.equal(n, (expected[name] as JsonObject & { totals: { records: number } }).totals.records);
  });
}

test('mrt bzip2: compressed buffer detected by magic, raw dumps untouched, corrupt input typed', () => {
  const comp = new Uint8Array(readFileSync(join(CORPUS, 'rib.20161101.0000_pick.bz2')));
  assert.ok(mrtlib.isBzip2(comp));
  const raw = load('rib.20161101.0000_pick.bz2');
  assert.ok(!mrtlib.isBzip2(raw));
  assert.deepEqual(Buffer.from(mrtlib.bunzip2(comp)), Buffer.from(raw));
  const a = [...new mrtlib.Reader(comp)].map((r) => r.toJsonDict());
  const b = [...new mrtlib.Reader(raw)].map((r) => r.toJsonDict());
  assert.deepEqual(a, b);
  // an explicit decompressor applies even without the magic
  assert.equal([...new mrtlib.Reader(comp, undefined, mrtlib.BZIP2)].length, b.length);
  const bad = comp.slice();
  for (let k = 20; k < bad.length - 4; k += 7) bad[k] ^= 0x5a;
  assert.throws(() => [...new mrtlib.Reader(bad)], OskenError);
  assert.throws(() => [...new mrtlib.Reader(comp.subarray(0, comp.length >> 1))], OskenError);
});

test('mrt truncation: every cut of the rib dump gives typed errors only', () => {
  const data = load('rib.20161101.0000_pick.bz2');
  const bounds = new Set<number>();
  for (let p = 0; p < data.length; ) bounds.add((p += 12 + new DataView(data.buffer, data.byteOffset).getUint32(p + 8)));
  for (let len = 1; len < data.length; len++) {
    if (bounds.has(len)) continue; // a whole number of records
    try {
      for (const rec of new mrtlib.Reader(data.subarray(0, len))) void rec;
      assert.fail('expected an error');
    } catch (e) {
      assert.ok(e instanceof OskenError, `cut ${len}: ${String(e)}`);
    }
  }
});

test('mrt writer: os-ken example (TABLE_DUMP_V2 RIB entry) and BGP4MP records', () => {
  const prefix = new bgp.IPAddrPrefix({ length: 24, addr: '10.0.0.0' });
  const entry = new mrtlib.MrtRibEntry({ peer_index: 0, originated_time: 1478000000, bgp_attributes: [new bgp.BGPPathAttributeOrigin({ value: 0 })] });
  const msg = new mrtlib.TableDump2RibIPv4UnicastMrtMessage({ seq_num: 0, prefix, rib_entries: [entry] });
  const rec = new mrtlib.TableDump2MrtRecord({ message: msg, timestamp: 1478000000 });
  const peers = new mrtlib.TableDump2PeerIndexTableMrtMessage({
    bgp_id: '10.0.0.1',
    view_name: 'v',
    peer_entries: [new mrtlib.MrtPeer({ bgp_id: '1.1.1.1', ip_addr: '2001:db8::1', as_num: 4200000000 })],
  });
  const rec2 = new mrtlib.TableDump2MrtRecord({ message: peers, timestamp: 1 });
  const st = new mrtlib.Bgp4MpMrtRecord({
    message: new mrtlib.Bgp4MpStateChangeAs4MrtMessage({ peer_as: 1, local_as: 2, if_index: 0, peer_ip: '10.0.0.1', local_ip: '10.0.0.2', old_state: 1, new_state: 6 }),
    timestamp: 2,
  });
  const et = new mrtlib.Bgp4MpEtMrtRecord({
    message: new mrtlib.Bgp4MpMessageAs4MrtMessage({ peer_as: 1, local_as: 2, if_index: 0, peer_ip: '10.0.0.1', local_ip: '10.0.0.2', bgp_message: new bgp.BGPKeepAlive() }),
    timestamp: 3,
    ms_timestamp: 500,
  });
  const chunks: Uint8Array[] = [];
  const w = new mrtlib.Writer({ write: (b) => chunks.push(b) });
  for (const r of [rec, rec2, st, et]) w.write(r);
  const back = [...new mrtlib.Reader(new Uint8Array(Buffer.concat(chunks)))];
  assert.equal(back.length, 4);
  assert.equal(rec.subtype, 2);
  assert.equal(st.subtype, 5);
  for (let k = 0; k < 4; k++) assert.deepEqual(back[k]!.toJsonDict(), [rec, rec2, st, et][k]!.toJsonDict());
  assert.equal((back[3] as mrtlib.Bgp4MpEtMrtRecord).ms_timestamp, 500);
});

/* bzip2 bombs: 16 MiB of zeros compress to 45 bytes (test/fixtures/bz2/zeros_16MiB.bz2, made with `bzip2 -9`) */
const BOMB_PATH = join(ROOT, 'test', 'fixtures', 'bz2', 'zeros_16MiB.bz2');
const MiB = 1024 * 1024;

test('bzip2: decompressed size is capped (DecompressedSizeExceeded, a PacketMalformed), exactly the limit is allowed', () => {
  const bomb = new Uint8Array(readFileSync(BOMB_PATH));
  assert.ok(bomb.length < 100 && mrtlib.isBzip2(bomb));
  const isCap = (limit: number) => (e: unknown): boolean =>
    e instanceof mrtlib.DecompressedSizeExceeded && e instanceof PacketMalformed && e instanceof OskenError && e.limit === limit && e.layer === 'bzip2';
  assert.throws(() => mrtlib.bunzip2(bomb, { maxDecompressedSize: MiB }), isCap(MiB));
  assert.throws(() => mrtlib.bunzip2(bomb, { maxDecompressedSize: 16 * MiB - 1 }), isCap(16 * MiB - 1));
  assert.throws(() => mrtlib.bunzip2(bomb, { maxDecompressedSize: 0 }), isCap(0));
  // a 1-byte stream: limit 0 refuses it, limit 1 gives it
  const one = new Uint8Array(Buffer.from('425a683931415926535981b02d8b00000004002000200021184682ee48a70a12103605b160', 'hex')); // bzip2 -9 of "A"
  assert.throws(() => mrtlib.bunzip2(one, { maxDecompressedSize: 0 }), isCap(0));
  assert.deepEqual([...mrtlib.bunzip2(one, { maxDecompressedSize: 1 })], [0x41]);
  const all = mrtlib.bunzip2(bomb, { maxDecompressedSize: 16 * MiB });
  assert.equal(all.length, 16 * MiB);
  assert.ok(all.every((x) => x === 0));
  // concatenated streams (multi-stream decoding) count together
  const two = new Uint8Array(2 * bomb.length);
  two.set(bomb, 0);
  two.set(bomb, bomb.length);
  assert.throws(() => mrtlib.bunzip2(two, { maxDecompressedSize: 20 * MiB }), isCap(20 * MiB));
  // through the readers: detected bzip2 (limits argument), an explicit decompressor, a file
  assert.throws(() => new mrtlib.Reader(bomb, bgp.DEFAULT_OPTIONS, undefined, { maxDecompressedSize: MiB }), isCap(MiB));
  assert.throws(() => new mrtlib.Reader(bomb, bgp.DEFAULT_OPTIONS, mrtlib.bzip2Decompressor({ maxDecompressedSize: 2 * MiB })), isCap(2 * MiB));
  assert.throws(() => mrtlib.Reader.fromFile(BOMB_PATH, bgp.DEFAULT_OPTIONS, undefined, { maxDecompressedSize: 3 * MiB }), isCap(3 * MiB));
  assert.throws(() => mrtlib.bunzip2(bomb, { maxDecompressedSize: -1 }), RangeError);
  // corrupt data is still PacketMalformed('bzip2'), not the size error
  const bad = bomb.slice();
  bad[20] = bad[20]! ^ 0xff;
  assert.throws(
    () => mrtlib.bunzip2(bad, { maxDecompressedSize: 64 * MiB }),
    (e: unknown) => e instanceof PacketMalformed && !(e instanceof mrtlib.DecompressedSizeExceeded),
  );
});

test('bzip2: the default limit is 64 times the input, at least 512 MiB, at most kMaxLength', () => {
  assert.equal(mrtlib.defaultMaxDecompressedSize(45), 512 * MiB);
  assert.equal(mrtlib.defaultMaxDecompressedSize(10 * MiB), 640 * MiB);
  assert.equal(mrtlib.defaultMaxDecompressedSize(1e12), kMaxLength);
  // the corpus dumps are far below it and decode as before
  const comp = new Uint8Array(readFileSync(join(CORPUS, 'updates.20161101.0000.bz2')));
  assert.equal(Buffer.compare(Buffer.from(mrtlib.bunzip2(comp)), Buffer.from(mrtlib.BZIP2.decompress(comp))), 0);
});
