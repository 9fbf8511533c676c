/**
 * OFPMatch built from keyword fields remembers the shape of the keys it was given (their order,
 * descriptors and os-ken's order): a match built from a remembered shape, with other values, in
 * another key order, with absent values or masks, is exactly the match built without the cache
 * (same pairs in the same order, same bytes), and the cache stays bounded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OFPMatch, matchShapeCount, MATCH_SHAPE_LIMIT } from '../src/ofproto/oxm_match.js';
import { oxmNormalize, oxmSortKey, oxmTable, type MatchValue } from '../src/ofproto/oxm_fields.js';
import { Writer } from '../src/wire/writer.js';

/** What the constructor must give, computed without it: normalized pairs, stably sorted by os-ken's key. */
function reference(init: Record<string, unknown>, version: number): [string, MatchValue][] {
  const table = oxmTable(version);
  const pairs: [string, MatchValue][] = [];
  for (const k of Object.keys(init)) {
    if (k === 'type_' || k === 'length') continue;
    const v = init[k];
    if (v === undefined || v === null) continue;
    pairs.push([k, oxmNormalize(table, k, v)]);
  }
  return pairs.map((p, i) => [p, i] as const).sort((a, b) => oxmSortKey(table, a[0][0]) - oxmSortKey(table, b[0][0]) || a[1] - b[1]).map((x) => x[0]);
}

function bytes(m: OFPMatch, version: number): string {
  const w = new Writer(64, version);
  m.encodeTo(w);
  return Buffer.from(w.buf.subarray(0, w.pos)).toString('hex');
}

const VALUES: Record<string, (i: number) => unknown> = {
  in_port: (i) => 1 + (i % 7),
  eth_dst: (i) => `02:00:00:00:${(i % 256).toString(16).padStart(2, '0')}:0${i % 10}`,
  eth_src: (i) => (i % 3 === 0 ? ['AA:bb:00:00:00:01', 'ff:ff:ff:00:00:00'] : `0a:00:00:00:00:${(i % 256).toString(16).padStart(2, '0')}`),
  eth_type: () => 0x0800,
  vlan_vid: (i) => (i % 2 ? 0x1000 | (i % 4095) : [0x1000, 0x1000]),
  ip_proto: () => 6,
  ipv4_src: (i) => (i % 2 ? `10.0.0.${i % 256}` : '10.1.2.3/16'),
  ipv4_dst: (i) => [`192.168.${i % 256}.1`, '255.255.255.0'],
  tcp_dst: (i) => i % 65536,
  metadata: (i) => BigInt(i) * 1000003n,
  tcp_flags: (i) => i % 4096,
  reg3: (i) => i,
};
const NAMES = Object.keys(VALUES);

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return x / 4294967296;
  };
}

test('OFPMatch from keywords: a repeated shape with other values or key orders encodes exactly as without the cache', () => {
  const r = rng(7);
  const shapes: string[][] = [];
  for (let s = 0; s < 40; s++) {
    const n = 1 + Math.floor(r() * 6);
    const pick = [...NAMES].sort(() => r() - 0.5).slice(0, n);
    shapes.push(pick);
  }
  // the cbench / learning-switch shapes and their other orders
  shapes.push(['in_port', 'eth_src', 'eth_dst'], ['in_port', 'eth_dst', 'eth_src'], ['eth_dst', 'in_port'], ['eth_src', 'eth_dst', 'in_port']);
  for (const version of [3, 4, 5, 6]) {
    for (let i = 0; i < 2000; i++) {
      // runs of the same shape (the cache's fast path) and switches between shapes (its slow path)
      const names = shapes[i % 7 < 4 ? Math.floor(i / 7) % shapes.length : Math.floor(r() * shapes.length)]!;
      const init: Record<string, unknown> = {};
      for (const k of names) init[k] = VALUES[k]!(i);
      if (i % 11 === 0) init.type_ = 1;
      if (i % 13 === 0) init[names[0]!] = undefined; // an absent value: the shape without it
      if (i % 17 === 0) init.eth_type = null;
      const m = new OFPMatch(init as never, version);
      const want = reference(init, version);
      assert.deepEqual(m.fields, want, `${version} ${names.join(',')}`);
      assert.equal(bytes(m, version), bytes(OFPMatch.fromOrdered(want), version));
    }
  }
});

test('OFPMatch from keywords: unknown and invalid fields behave as without the cache', () => {
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(new OFPMatch({ field_99: 'AAE=', in_port: 2 } as never, 4).fields, [['field_99', 'AAE='], ['in_port', 2]]); // field_<n> sorts by n, before the basic fields
    assert.throws(() => new OFPMatch({ in_port: 1, eth_dst: 'zz:00:00:00:00:00' }, 4));
    assert.deepEqual(new OFPMatch({ in_port: 1, eth_dst: '02:00:00:00:00:01' }, 4).fields, [['in_port', 1], ['eth_dst', '02:00:00:00:00:01']]);
    // the remembered shape, then one more key / one key fewer
    assert.deepEqual(new OFPMatch({ in_port: 1, eth_dst: '02:00:00:00:00:01', eth_type: 0x86dd }, 4).fields, [['in_port', 1], ['eth_dst', '02:00:00:00:00:01'], ['eth_type', 0x86dd]]);
    assert.deepEqual(new OFPMatch({ in_port: 1 }, 4).fields, [['in_port', 1]]);
    assert.deepEqual(new OFPMatch({}, 4).fields, []);
  }
});

test('OFPMatch shape cache is bounded', () => {
  for (let i = 0; i < MATCH_SHAPE_LIMIT * 3; i++) {
    const init: Record<string, unknown> = { in_port: 1 };
    // distinct key sets: subsets of 12 names
    NAMES.forEach((k, b) => {
      if ((i >> b) & 1) init[k] = VALUES[k]!(i);
    });
    const m = new OFPMatch(init as never, 5);
    assert.deepEqual(m.fields, reference(init, 5));
    assert.ok(matchShapeCount(5) <= MATCH_SHAPE_LIMIT);
  }
});

test('OFPMatch encoding: the remembered field names of the last match encoded never stand for other names', () => {
  const tlv = { in_port: '8000000400000001', eth_dst: '80000606020000000001', eth_src: '80000806020000000001', eth_type: '80000a020800' };
  const hex = (names: (keyof typeof tlv)[]) => {
    const body = names.map((k) => tlv[k]).join('');
    const len = 4 + body.length / 2;
    const pad = (8 - (len % 8)) % 8;
    return `0001${len.toString(16).padStart(4, '0')}${body}${'00'.repeat(pad)}`;
  };
  const m1 = new OFPMatch({ in_port: 1, eth_dst: '02:00:00:00:00:01' }, 4);
  const m2 = new OFPMatch({ in_port: 1, eth_type: 0x0800 }, 4);
  for (let i = 0; i < 3; i++) {
    assert.equal(bytes(m1, 4), hex(['in_port', 'eth_dst']));
    assert.equal(bytes(m2, 4), hex(['in_port', 'eth_type']));
  }
  // fields changed in place after an encode: the new names are used
  m1.fields[1] = ['eth_src', '02:00:00:00:00:01'];
  assert.equal(bytes(m1, 4), hex(['in_port', 'eth_src']));
  m1.fields.push(['eth_type', 0x0800]);
  assert.equal(bytes(m1, 4), hex(['in_port', 'eth_src', 'eth_type']));
  m1.fields.splice(0, 3, ['eth_dst', '02:00:00:00:00:01']);
  assert.equal(bytes(m1, 4), hex(['eth_dst']));
  // tcp_flags: ONF experimenter in 1.3, basic in 1.5 (one remembered list per version)
  const tf = new OFPMatch({ tcp_flags: 2 });
  for (let i = 0; i < 2; i++) {
    assert.equal(bytes(tf, 6), '0001000a800054020002000000000000');
    assert.equal(bytes(tf, 4), '0001000effff54064f4e460000020000');
  }
});

test('OFPMatch from keywords, encoded before its fields are read (the compiled per-shape encoder): bytes as the general encoder gives them', () => {
  const r = rng(11);
  const shapes: string[][] = [['in_port', 'eth_src', 'eth_dst'], ['eth_dst', 'in_port'], ['in_port'], [], ['eth_type', 'ip_proto', 'tcp_dst', 'in_port']];
  for (let s = 0; s < 30; s++) shapes.push([...NAMES].sort(() => r() - 0.5).slice(0, 1 + Math.floor(r() * 5)));
  for (const built of [3, 4, 5, 6]) {
    for (const wire of [3, 4, 5, 6]) {
      for (let i = 0; i < 600; i++) {
        const names = shapes[Math.floor(i / 5) % shapes.length]!;
        const init: Record<string, unknown> = {};
        for (const k of names) init[k] = VALUES[k]!(i);
        // values the compiled encoder must hand to the general path: out of the field's range, wrong type
        if (i % 19 === 0 && 'tcp_dst' in init) init.tcp_dst = 70000;
        if (i % 23 === 0 && 'in_port' in init) init.in_port = 'x';
        let m: OFPMatch;
        try {
          m = new OFPMatch(init as never, built);
        } catch {
          assert.throws(() => OFPMatch.fromOrdered(reference(init, built)));
          continue;
        }
        if (i % 29 === 0) m.type = 7;
        let got: string | Error;
        try {
          got = bytes(m, wire);
        } catch (e) {
          got = e as Error;
        }
        const ref = OFPMatch.fromOrdered(reference(init, built));
        ref.type = m.type;
        let want: string | Error;
        try {
          want = bytes(ref, wire);
        } catch (e) {
          want = e as Error;
        }
        if (want instanceof Error) assert.ok(got instanceof Error && got.constructor === want.constructor, `${built}/${wire} ${names.join(',')}: ${String(got)}`);
        else assert.equal(got, want, `${built}/${wire} ${names.join(',')}`);
        assert.equal(m.length, typeof want === 'string' ? ref.length : m.length);
        assert.deepEqual(m.fields, reference(init, built));
      }
    }
  }
});
