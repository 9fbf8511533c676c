/**
 * The memoised address text of the BGP decoders (bgp/addr_text.ts) must be
 * exactly ipv4ToText / ipv6ToText of the zero-padded address, whatever was
 * cached before: many addresses share a slot, and repeated lookups hit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ipv4ToText, ipv6ToText } from '../src/wire/addrconv.js';
import { v4PrefixText, v4Text, v6PrefixText, v6Text } from '../src/lib/packet/bgp/addr_text.js';

/** deterministic pseudo-random bytes (xorshift) */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x & 255;
  };
}

function padded(b: Uint8Array, off: number, n: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(b.subarray(off, off + n));
  return out;
}

test('v4Text / v4PrefixText equal ipv4ToText of the padded address (misses, hits, slot collisions)', () => {
  const r = rng(7);
  const buf = new Uint8Array(4096 * 6);
  for (let i = 0; i < buf.length; i++) buf[i] = r();
  for (let round = 0; round < 3; round++) {
    for (let off = 0; off + 6 <= buf.length; off += 3) {
      assert.equal(v4Text(buf, off), ipv4ToText(buf, off));
      const n = off % 5;
      assert.equal(v4PrefixText(buf, off, n), ipv4ToText(padded(buf, off, n, 4), 0));
    }
  }
  // 0.0.0.0 with an empty slot and after other addresses
  assert.equal(v4PrefixText(new Uint8Array(0), 0, 0), '0.0.0.0');
  assert.equal(v4Text(new Uint8Array([255, 255, 255, 255]), 0), '255.255.255.255');
  assert.equal(v4Text(new Uint8Array([128, 0, 0, 1]), 0), '128.0.0.1');
});

test('v6Text / v6PrefixText equal ipv6ToText of the padded address (misses, hits, slot collisions)', () => {
  const r = rng(11);
  const buf = new Uint8Array(4096 * 20);
  for (let i = 0; i < buf.length; i++) buf[i] = i % 7 === 0 ? 0 : r();
  for (let round = 0; round < 3; round++) {
    for (let off = 0; off + 16 <= buf.length; off += 5) {
      assert.equal(v6Text(buf, off), ipv6ToText(buf, off));
      const n = off % 17;
      assert.equal(v6PrefixText(buf, off, n), ipv6ToText(padded(buf, off, n, 16), 0));
    }
  }
  const zero = new Uint8Array(16);
  assert.equal(v6PrefixText(zero, 0, 0), '::');
  assert.equal(v6Text(new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1]), 0), '::ffff:10.0.0.1');
  assert.equal(v6PrefixText(new Uint8Array([0x20, 0x01, 0x0d, 0xb8]), 0, 4), '2001:db8::');
});
