/** Address text as os-ken prints it (netaddr / glibc inet_ntop), both ways. Expected values printed by os-ken's addrconv. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ipv6ToBin, ipv6ToText, macToBin, macToText, macToBinInto, ipv4ToBin, ipv4ToText, AddressError, isCanonicalMac, MAC_MEMO_SIZE } from '../src/wire/addrconv.js';

const V6: [string, string][] = [
  ['::', '::'], ['::1', '::1'], ['1::', '1::'], ['2001:db8::1', '2001:db8::1'], ['::ffff:1.2.3.4', '::ffff:1.2.3.4'],
  ['1:0:0:1:0:0:0:1', '1:0:0:1::1'], ['1:0:1:0:1:0:1:0', '1:0:1:0:1:0:1:0'], ['fe80::1:0:0:0', 'fe80::1:0:0:0'],
  ['0:0:1::', '0:0:1::'], ['::1.2.3.4', '::1.2.3.4'], ['::ffff', '::ffff'], ['::1:0', '::0.1.0.0'], ['::ffff:0', '::255.255.0.0'],
  ['::fffe:1.2.3.4', '::fffe:102:304'], ['::1:2', '::0.1.0.2'], ['0:0:0:0:0:ffff:0:0', '::ffff:0.0.0.0'],
  ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'], ['a:0:b:0:0:c:0:0', 'a:0:b::c:0:0'], ['1:0:0:0:0:0:0:0', '1::'],
];

test('IPv6 text as os-ken prints it', () => {
  for (const [inp, out] of V6) assert.equal(ipv6ToText(ipv6ToBin(inp)), out, inp);
  assert.throws(() => ipv6ToBin('1::2::3'), AddressError);
  assert.throws(() => ipv6ToBin('12345::'), AddressError);
});

test('MAC and IPv4 both ways', () => {
  assert.equal(macToText(macToBin('01:02:03:0A:bb:cc')), '01:02:03:0a:bb:cc');
  const out = new Uint8Array(8);
  macToBinInto('aa-bb-cc-dd-ee-ff', out, 1);
  assert.deepEqual([...out], [0, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0]);
  assert.throws(() => macToBin('aa:bb:cc:dd:ee'), AddressError);
  assert.throws(() => macToBin('aa:bb:cc:dd:ee:zz'), AddressError);
  assert.equal(ipv4ToText(ipv4ToBin('192.168.0.255')), '192.168.0.255');
  assert.throws(() => ipv4ToBin('256.1.1.1'), AddressError);
});

test('MAC memo (text <-> bytes): same results as without it, whatever was seen before', () => {
  assert.equal(MAC_MEMO_SIZE, 256);
  // every byte value in every position, texts made and parsed in interleaved orders, many sharing a memo slot
  const macs: Uint8Array[] = [];
  for (let i = 0; i < 600; i++) macs.push(Uint8Array.from([(i * 7) & 255, i >> 8, (i * 13) & 255, 255 - (i & 255), (i * 31) & 255, (i * 5 + (i >> 3)) & 255]));
  macs.push(new Uint8Array(6), new Uint8Array(6).fill(255));
  const ref = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(':');
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < macs.length; i++) {
      const b = macs[(i * (round + 1) * 17) % macs.length]!;
      const t = macToText(b, 0);
      assert.equal(t, ref(b));
      assert.equal(macToText(b, 0), t); // again (a memo hit)
      assert.ok(isCanonicalMac(t));
      const o = new Uint8Array(8);
      macToBinInto(t, o, 1);
      assert.deepEqual(o.subarray(1, 7), b);
      // a different mac sharing the slot: evicts, the first is still right afterwards
      const other = Uint8Array.from(b);
      other[0] = (other[0]! + 1) & 255;
      assert.equal(macToText(other, 0), ref(other));
      macToBinInto(t, o, 0);
      assert.deepEqual(o.subarray(0, 6), b);
      // an equal text built another way (not the memo's string object)
      const t2 = ref(b);
      macToBinInto(t2, o, 2);
      assert.deepEqual(o.subarray(2, 8), b);
    }
  }
  // only canonical (lowercase, colon) text counts as canonical; other accepted forms still parse
  const o = new Uint8Array(6);
  macToText(Uint8Array.from([0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]), 0);
  assert.ok(isCanonicalMac('aa:bb:cc:dd:ee:ff'));
  assert.ok(!isCanonicalMac('AA:BB:CC:DD:EE:FF'));
  assert.ok(!isCanonicalMac('aa-bb-cc-dd-ee-ff'));
  assert.ok(!isCanonicalMac('aa:bb:cc:dd:ee:f'));
  assert.ok(!isCanonicalMac('aa:bb:cc:dd:ee:fg'));
  assert.ok(!isCanonicalMac('aa:bb:cc:dd:eeXff'));
  macToBinInto('AA:BB:CC:DD:EE:FF', o, 0);
  assert.deepEqual(o, Uint8Array.from([0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]));
  macToBinInto('aa-bb-cc-dd-ee-01', o, 0);
  assert.deepEqual(o, Uint8Array.from([0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0x01]));
  assert.throws(() => macToBinInto('aa:bb:cc:dd:ee:fg', o, 0), AddressError);
  assert.ok(!isCanonicalMac('aa:bb:cc:dd:ee:fg'));
});
