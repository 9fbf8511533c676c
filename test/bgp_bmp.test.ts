/**
 * BMP (os-ken bmp.py): messages of every type os-ken has, built by os-ken
 * (test/fixtures/bgp/gen_bmp_fixture.py): bytes -> os-ken's JSON, -> same
 * bytes; truncations give typed errors; stream parser; route mirroring.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson, stringifyJson } from '../src/wire/json/json.js';
import { loadBgpFixtures } from './bgp_fixtures.js';
import { OskenError } from '../src/wire/errors.js';
import * as bmp from '../src/lib/packet/bmp.js';
import * as bgp from '../src/lib/packet/bgp.js';

const fixtures = loadBgpFixtures('bmp_messages.json');

for (const f of fixtures) {
  test(`bmp fixture ${f.name}`, () => {
    const bytes = new Uint8Array(Buffer.from(f.hex, 'hex'));
    const [m, rest] = bmp.BMPMessage.parse(bytes);
    assert.equal(rest.length, 0);
    assert.deepEqual(parseJson(stringifyJson(m.toJsonDict())), f.json);
    assert.equal(Buffer.from(m.serialize()).toString('hex'), f.hex);
    for (let len = 0; len < bytes.length; len++) {
      assert.throws(() => bmp.BMPMessage.parse(bytes.slice(0, len)), (e: unknown) => e instanceof OskenError, `${f.name}[:${len}]`);
    }
  });
}

test('bmp stream parser and route mirroring (osken extension)', () => {
  const peer = { peer_type: 0, is_post_policy: false, peer_distinguisher: 0n, peer_address: '10.0.0.1', peer_as: 1, peer_bgp_id: '1.1.1.1', timestamp: 10.5 };
  const mir = new bmp.BMPRouteMirroring({
    ...peer,
    info: [
      { type: bmp.BMP_ROUTE_MIRRORING_TLV_BGP_MESSAGE, len: 0, value: new bgp.BGPKeepAlive() },
      { type: bmp.BMP_ROUTE_MIRRORING_TLV_INFORMATION, len: 0, value: 1 },
    ],
  });
  const bytes = mir.serialize();
  const all = Buffer.concat([...fixtures.map((f) => Buffer.from(f.hex, 'hex')), Buffer.from(bytes)]);
  const sp = new bmp.BmpStreamParser();
  const got: bmp.BMPMessage[] = [];
  for (let i = 0; i < all.length; i += 13) got.push(...sp.parse(new Uint8Array(all.subarray(i, i + 13))));
  assert.equal(got.length, fixtures.length + 1);
  const last = got[got.length - 1] as bmp.BMPRouteMirroring;
  assert.ok(last.info[0]!.value instanceof bgp.BGPKeepAlive);
  assert.equal(last.info[1]!.value, 1);
  assert.equal(Buffer.from(last.serialize()).toString('hex'), Buffer.from(bytes).toString('hex'));
});
