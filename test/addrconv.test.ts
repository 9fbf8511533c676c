/** Address text as os-ken prints it (netaddr / glibc inet_ntop), both ways. Expected values printed by os-ken's addrconv. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ipv6ToBin, ipv6ToText, macToBin, macToText, macToBinInto, ipv4ToBin, ipv4ToText, AddressError } from '../src/wire/addrconv.js';

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
