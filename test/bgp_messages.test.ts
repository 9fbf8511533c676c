/**
 * BGP messages for every attribute / NLRI / capability type os-ken
 * supports, built by os-ken (test/fixtures/bgp/gen_fixtures.py):
 * bytes -> JSON equal to os-ken's, JSON-relevant state -> same bytes,
 * every prefix truncation -> typed errors only, stream parser splits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson, stringifyJson } from '../src/wire/json/json.js';
import { OskenError } from '../src/wire/errors.js';
import * as bgp from '../src/lib/packet/bgp.js';
import { loadBgpFixtures } from './bgp_fixtures.js';


const fixtures = loadBgpFixtures('messages.json');

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

for (const f of fixtures) {
  test(`bgp fixture ${f.name}`, () => {
    const bytes = new Uint8Array(Buffer.from(f.hex, 'hex'));
    const [m, rest] = bgp.BGPMessage.parse(bytes);
    assert.equal(rest.length, 0);
    assert.deepEqual(parseJson(stringifyJson(m.toJsonDict())), f.json);
    assert.equal(hex(m.serialize()), f.hex, 'round trip');
    // JSON stays identical after serialize (lengths already right)
    assert.deepEqual(parseJson(stringifyJson(m.toJsonDict())), f.json);
  });
}

test('bgp truncation sweep: every prefix of every fixture gives a typed error', () => {
  let n = 0;
  for (const f of fixtures) {
    const bytes = new Uint8Array(Buffer.from(f.hex, 'hex'));
    for (let len = 0; len < bytes.length; len++) {
      assert.throws(() => bgp.BGPMessage.parse(bytes.slice(0, len)), (e: unknown) => e instanceof OskenError, `${f.name}[:${len}]`);
      n++;
    }
  }
  assert.ok(n > 1000);
});

test('bgp body truncation with a consistent header: typed errors only', () => {
  // shorten the message and fix the header length, so the decoders (not the header check) see short data
  for (const f of fixtures) {
    const bytes = new Uint8Array(Buffer.from(f.hex, 'hex'));
    for (let len = 19; len < bytes.length; len++) {
      const b = bytes.slice(0, len);
      b[16] = len >> 8;
      b[17] = len & 255;
      try {
        bgp.BGPMessage.parse(b);
      } catch (e) {
        assert.ok(e instanceof OskenError, `${f.name}[:${len}] threw ${String(e)}`);
      }
    }
  }
});

test('bgp random corruption: typed errors only, no hang', () => {
  let seed = 12345;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) & 0xff;
  for (const f of fixtures) {
    const bytes = new Uint8Array(Buffer.from(f.hex, 'hex'));
    for (let i = 0; i < 300; i++) {
      const b = bytes.slice();
      for (let k = 0; k < 3; k++) b[19 + (rnd() * 7 + rnd()) % (b.length - 19 || 1)] = rnd();
      try {
        const [m] = bgp.BGPMessage.parse(b);
        stringifyJson(m.toJsonDict());
      } catch (e) {
        assert.ok(e instanceof OskenError, `${f.name} mutation ${i} threw ${String(e)}`);
      }
    }
  }
});

test('BgpStreamParser: every split point of a concatenated stream', () => {
  const all = Buffer.concat(fixtures.map((f) => Buffer.from(f.hex, 'hex')));
  for (const split of [1, 7, 19, 20, 100, 333, all.length - 1]) {
    const sp = new bgp.BgpStreamParser();
    const got: bgp.BGPMessage[] = [];
    for (let i = 0; i < all.length; i += split) got.push(...sp.parse(new Uint8Array(all.subarray(i, i + split))));
    assert.equal(got.length, fixtures.length, `split ${split}`);
    got.forEach((m, i) => assert.equal(hex(m.serialize()), fixtures[i]!.hex));
  }
  const sp = new bgp.BgpStreamParser();
  const bad = new Uint8Array(19).fill(0xff);
  bad[16] = 0;
  bad[17] = 5;
  assert.throws(() => sp.parse(bad), bgp.BgpMalformed);
});

test('bgp builders: os-ken constructor defaults and computed lengths', () => {
  const open = new bgp.BGPOpen({ my_as: 65000, bgp_identifier: '10.0.0.1', opt_param: [new bgp.BGPOptParamCapabilityFourOctetAsNumber({ as_number: 65000 })] });
  const b = open.serialize();
  assert.equal(b.length, 19 + 10 + 8);
  assert.equal(open.len, 37);
  assert.equal(open.opt_param_len, 8);
  const upd = new bgp.BGPUpdate({
    path_attributes: [
      new bgp.BGPPathAttributeOrigin({ value: 0 }),
      new bgp.BGPPathAttributeAsPath({ value: [[1, 2], new Set([3, 4])] }),
      new bgp.BGPPathAttributeNextHop({ value: '10.0.0.1' }),
      new bgp.BGPPathAttributeMpReachNLRI({
        afi: 1,
        safi: 128,
        next_hop: '10.0.0.1',
        nlri: [new bgp.LabelledVPNIPAddrPrefix({ length: 24, addr: '10.1.0.0', labels: [100], route_dist: '65000:1' })],
      }),
    ],
    nlri: [new bgp.BGPNLRI({ length: 8, addr: '10.0.0.0' })],
  });
  const [m] = bgp.BGPMessage.parse(upd.serialize());
  const u = m as bgp.BGPUpdate;
  assert.equal(u.nlri[0]!.prefix, '10.0.0.0/8');
  const mp = u.path_attributes[3] as bgp.BGPPathAttributeMpReachNLRI;
  const vpn = mp.nlri[0] as bgp.LabelledVPNIPAddrPrefix;
  assert.equal(vpn.formatted_nlri_str, '65000:1:10.1.0.0/24');
  assert.deepEqual(vpn.label_list, [100]);
  assert.equal(mp.next_hop, '10.0.0.1');
  const asp = u.path_attributes[1] as bgp.BGPPathAttributeAsPath;
  assert.ok(asp.value[1] instanceof Set);
  assert.equal(asp.get_as_path_len(), 3);
});

test('bgp extensions: ADD-PATH NLRI, capability 69 and large communities (opt-in)', () => {
  const opts: bgp.BgpOptions = { extensions: true, addPath: new Set([bgp.RF_IPv4_UC.key]) };
  const upd = new bgp.BGPUpdate({
    path_attributes: [
      new bgp.BGPPathAttributeLargeCommunities({ communities: [new bgp.BGPLargeCommunity({ global_admin: 65000, local_data_1: 1, local_data_2: 2 })] }),
    ],
    nlri: [new bgp.BGPNLRI({ length: 24, addr: '10.0.0.0', path_id: 7 })],
  });
  const bytes = upd.serialize();
  const [m] = bgp.BGPMessage.parse(bytes, opts);
  const u = m as bgp.BGPUpdate;
  assert.equal(u.nlri[0]!.path_id, 7);
  assert.ok(u.path_attributes[0] instanceof bgp.BGPPathAttributeLargeCommunities);
  assert.equal(hex(u.serialize()), hex(bytes));
  // default options: os-ken's view (unknown attribute)
  const plain = new bgp.BGPUpdate({ path_attributes: u.path_attributes });
  const [d] = bgp.BGPMessage.parse(plain.serialize(), bgp.DEFAULT_OPTIONS);
  assert.ok((d as bgp.BGPUpdate).path_attributes[0] instanceof bgp.BGPPathAttributeUnknown);
  const open = new bgp.BGPOpen({ my_as: 1, bgp_identifier: '1.1.1.1', opt_param: [new bgp.BGPOptParamCapabilityAddPath({ tuples: [[1, 1, 3]] })] });
  const [o] = bgp.BGPMessage.parse(open.serialize(), opts);
  assert.ok((o as bgp.BGPOpen).opt_param[0] instanceof bgp.BGPOptParamCapabilityAddPath);
  const [o2] = bgp.BGPMessage.parse(open.serialize());
  assert.ok((o2 as bgp.BGPOpen).opt_param[0] instanceof bgp.BGPOptParamCapabilityUnknown);
});

test('bgp RTC NLRI and unknown families decode (os-ken cannot)', () => {
  const rt = new bgp.BGPTwoOctetAsSpecificExtendedCommunity({ subtype: 2, as_number: 65000, local_administrator: 1 });
  const upd = new bgp.BGPUpdate({
    path_attributes: [
      new bgp.BGPPathAttributeMpReachNLRI({
        afi: 1,
        safi: 132,
        next_hop: '10.0.0.1',
        nlri: [new bgp.RouteTargetMembershipNLRI({ origin_as: 65000, route_target: rt }), new bgp.RouteTargetMembershipNLRI({ origin_as: 0, route_target: null })],
      }),
      new bgp.BGPPathAttributeMpReachNLRI({ afi: 1, safi: 2, next_hop: '10.0.0.1', nlri: [new bgp.BinAddrPrefix({ length: 24, addr: new Uint8Array([10, 0, 0]) })] }),
    ],
  });
  const bytes = upd.serialize();
  const [m] = bgp.BGPMessage.parse(bytes);
  assert.equal(hex(m.serialize()), hex(bytes));
  const j = stringifyJson(m.toJsonDict());
  assert.match(j, /RouteTargetMembershipNLRI/);
  assert.match(j, /_BinAddrPrefix/);
});

test('serialize results are separate arrays (views on the output pool): writing one leaves the others; long messages too', () => {
  const mk = (n: number): bgp.BGPUpdate =>
    new bgp.BGPUpdate({
      path_attributes: [new bgp.BGPPathAttributeOrigin({ value: 0 }), new bgp.BGPPathAttributeCommunities({ communities: Array.from({ length: n }, (_, i) => i) })],
      nlri: [new bgp.BGPNLRI({ length: 24, addr: '10.1.2.0' })],
    });
  const sizes = [0, 1, 3, 20, 1000, 2000, 5, 16000]; // 1000+ communities: longer than the pool's per-result limit
  const expected = sizes.map((n) => Buffer.from(mk(n).serialize()).toString('hex'));
  // many results in a row, across pool refills
  const outs: Uint8Array[] = [];
  for (let k = 0; k < 400; k++) outs.push(mk(sizes[k % sizes.length]!).serialize());
  for (const o of outs) o.fill(0xab, 19); // scribble over every body
  for (let k = 0; k < 400; k++) {
    const o = outs[k]!;
    assert.equal(o.length, expected[k % sizes.length]!.length / 2);
    assert.ok(o.subarray(19).every((x) => x === 0xab));
  }
  const again = sizes.map((n) => Buffer.from(mk(n).serialize()).toString('hex'));
  assert.deepEqual(again, expected);
  // round trip of each
  for (const h of expected) {
    const b = new Uint8Array(Buffer.from(h, 'hex'));
    assert.equal(Buffer.from(bgp.BGPMessage.parse(b)[0].serialize()).toString('hex'), h);
  }
});

test('decoded prefixes: address text made on first use; re-encoding before or after it, or after setting addr', () => {
  const nlri = [
    new bgp.BGPNLRI({ length: 20, addr: '10.1.240.0' }),
    new bgp.BGPNLRI({ length: 32, addr: '192.0.2.255' }),
    new bgp.BGPNLRI({ length: 0, addr: '0.0.0.0' }),
  ];
  const v6 = [new bgp.IP6AddrPrefix({ length: 33, addr: '2001:db8:8000::' }), new bgp.IP6AddrPrefix({ length: 128, addr: '::ffff:10.0.0.1' })];
  const u = new bgp.BGPUpdate({
    path_attributes: [new bgp.BGPPathAttributeOrigin({ value: 0 }), new bgp.BGPPathAttributeMpReachNLRI({ afi: 2, safi: 1, next_hop: '2001:db8::1', nlri: v6 })],
    nlri,
  });
  const wire = new Uint8Array(u.serialize());
  const hex = Buffer.from(wire).toString('hex');
  // a /20 whose wire bytes carry bits past the prefix length: printed as on the wire, re-encoded cleared (as os-ken)
  const dirty = wire.slice();
  const at = hex.lastIndexOf('140a01f0') / 2; // length 20, 10.1.240
  dirty[at + 3] = 0xff;
  const [m0] = bgp.BGPMessage.parse(dirty);
  assert.equal((m0 as bgp.BGPUpdate).nlri[0]!.addr, '10.1.255.0');
  assert.equal(Buffer.from(m0.serialize()).toString('hex'), hex);

  const [m1] = bgp.BGPMessage.parse(wire);
  assert.equal(Buffer.from(m1.serialize()).toString('hex'), hex, 'before any addr is read');
  const got = (m1 as bgp.BGPUpdate).nlri.map((p) => p.addr);
  assert.deepEqual(got, ['10.1.240.0', '192.0.2.255', '0.0.0.0']);
  const mp = (m1 as bgp.BGPUpdate).path_attributes[1] as bgp.BGPPathAttributeMpReachNLRI;
  assert.deepEqual(
    mp.nlri.map((p) => (p as bgp.IP6AddrPrefix).prefix),
    ['2001:db8:8000::/33', '::ffff:10.0.0.1/128'],
  );
  assert.equal(Buffer.from(m1.serialize()).toString('hex'), hex, 'after');
  // setting addr replaces the decoded address
  (m1 as bgp.BGPUpdate).nlri[1]!.addr = '198.51.100.7';
  const [m2] = bgp.BGPMessage.parse(m1.serialize());
  assert.equal((m2 as bgp.BGPUpdate).nlri[1]!.addr, '198.51.100.7');
  // prefixes made from text are unaffected by a decode in between
  const fresh = new bgp.BGPNLRI({ length: 8, addr: '11.0.0.0' });
  assert.equal(fresh.addr, '11.0.0.0');
});
