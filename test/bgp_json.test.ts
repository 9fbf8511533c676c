/**
 * BGP / BMP / MRT JSON -> object -> bytes: every fixture of
 * test/fixtures/bgp/{messages,bmp_messages}.json whose os-ken JSON is complete
 * (oskenJson) is rebuilt from that JSON (bgpMessageFromJson,
 * BGPMessage.fromJsonDict, Packet.fromJsonDict, BMPMessage.fromJsonDict) and
 * must serialize to the fixture's bytes and print the same JSON again; every
 * record of the corpus MRT dumps likewise (os-ken's sampled JSON and ours).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJson, stringifyJson, type JsonObject, type JsonValue } from '../src/wire/json/json.js';
import { JsonDictError } from '../src/wire/errors.js';
import * as bgp from '../src/lib/packet/bgp.js';
import * as bmp from '../src/lib/packet/bmp.js';
import * as mrtlib from '../src/lib/mrtlib.js';
import { Packet } from '../src/lib/packet/packet.js';

const here = dirname(fileURLToPath(import.meta.url));
const FIX = resolve(here, '..', '..', 'test', 'fixtures', 'bgp');
const MRT = resolve(here, '..', '..', '..', 'shared', 'conformance', 'mrt');

interface Fixture {
  name: string;
  hex: string;
  json: JsonValue;
  oskenJson: boolean;
}
const fixtures = parseJson(readFileSync(join(FIX, 'messages.json'), 'utf8')) as unknown as Fixture[];

/**
 * Fixtures whose os-ken JSON lacks a field the bytes depend on, or whose
 * classes have no JSON decoder yet.
 */
const INCOMPLETE = new Map<string, string>([
  ['update_pmsi', "os-ken's JSON of BGPPathAttributePmsiTunnel omits the 3-byte label"],
  ['mp_ipv6', "os-ken's JSON of BGPPathAttributeMpReachNLRI prints only the first of the two next hops"],
  ['mp_evpn_v6_nexthop', "os-ken's JSON of the EVPN NLRI omits its MPLS label"],
]);

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const norm = (v: JsonValue): JsonValue => parseJson(stringifyJson(v));

const complete = fixtures.filter((f) => f.oskenJson);
test('fixtures with complete os-ken JSON are present', () => {
  assert.ok(complete.length >= 13, `${complete.length}`);
});

for (const f of complete) {
  const why = INCOMPLETE.get(f.name);
  test(`bgp JSON -> bytes: ${f.name}`, { skip: why }, () => {
    const m = bgp.bgpMessageFromJson(f.json);
    assert.equal(hex(m.serialize()), f.hex);
    assert.deepEqual(norm(m.toJsonDict()), f.json);
    // the same through the class and through the packet library
    const [name, body] = Object.entries(f.json as JsonObject)[0]!;
    const viaBase = bgp.BGPMessage.fromJsonDict(f.json as JsonObject);
    assert.equal(hex(viaBase.serialize()), f.hex);
    const p = Packet.fromJsonDict({ protocols: [{ [name]: body }] });
    assert.equal(hex(p.serialize()), f.hex);
  });
}

/** Our own JSON (a superset of os-ken's in places) of the other fixtures: which ones it rebuilds exactly. */
const OWN_INCOMPLETE = new Map<string, string>([['update_all_attrs', 'PMSI / ESI-label MPLS labels are not in the JSON']]);
/** work not done yet: shown as todo in the summary (they run, and fail until EVPN-from-JSON exists) */
const OWN_TODO = new Map<string, string>([
  ['mp_evpn', 'EVPN NLRI from JSON not implemented yet'],
  ['mp_unreach_evpn', 'EVPN NLRI from JSON not implemented yet'],
]);
for (const f of fixtures.filter((x) => !x.oskenJson)) {
  test(`bgp own JSON -> bytes: ${f.name}`, { skip: OWN_INCOMPLETE.get(f.name), todo: OWN_TODO.get(f.name) }, () => {
    const [m] = bgp.BGPMessage.parse(new Uint8Array(Buffer.from(f.hex, 'hex')));
    const j = norm(m.toJsonDict());
    const m2 = bgp.bgpMessageFromJson(j);
    assert.equal(hex(m2.serialize()), f.hex);
    assert.deepEqual(norm(m2.toJsonDict()), j);
  });
}

test('bgp JSON: bad input gives JsonDictError', () => {
  const bad: JsonValue[] = [
    null,
    [],
    { BGPNoSuchMessage: {} },
    { BGPKeepAlive: {}, BGPOpen: {} },
    { BGPNotification: { error_code: 'x', error_subcode: 1 } },
    { BGPNotification: { error_subcode: 1 } },
    { BGPUpdate: { path_attributes: [{ BGPPathAttributeOrigin: {} }] } },
    { BGPUpdate: { path_attributes: 3 } },
    { BGPUpdate: { nlri: [{ IP6AddrPrefix: { addr: '::', length: 0 } }] } },
    { BGPUpdate: { path_attributes: [{ BGPPathAttributeAsPath: { value: [['a']] } }] } },
    { BGPUpdate: { path_attributes: [{ BGPPathAttributeMpReachNLRI: { afi: 1, safi: 4, next_hop: '1.2.3.4', nlri: [{ LabelledIPAddrPrefix: { addr: 'x', length: 8 } }] } }] } },
    { BGPOpen: { my_as: 1, bgp_identifier: '1.1.1.1', opt_param: [{ BGPOptParamCapabilityGracefulRestart: { flags: 0, time: 1, tuples: [[1, 2]] } }] } },
  ];
  for (const j of bad) assert.throws(() => bgp.bgpMessageFromJson(j), JsonDictError, stringifyJson(j));
  // a class asked for another message's JSON
  assert.throws(() => bgp.BGPOpen.fromJsonDict({ len: 19 }), JsonDictError);
});

const bmpFixtures = parseJson(readFileSync(join(FIX, 'bmp_messages.json'), 'utf8')) as unknown as Fixture[];
for (const f of bmpFixtures) {
  test(`bmp JSON -> bytes: ${f.name}`, () => {
    const j = f.oskenJson ? f.json : norm(bmp.BMPMessage.parse(new Uint8Array(Buffer.from(f.hex, 'hex')))[0].toJsonDict());
    const m = bmp.BMPMessage.fromJsonDict(j as JsonObject);
    assert.equal(hex(m.serialize()), f.hex);
    assert.deepEqual(norm(m.toJsonDict()), j);
    const p = Packet.fromJsonDict({ protocols: [j] });
    assert.equal(hex(p.serialize()), f.hex);
  });
}

test('bmp JSON: bad input gives JsonDictError', () => {
  for (const j of [{ BMPNoSuch: {} }, { BMPRouteMonitoring: { peer_distinguisher: 'x' } }, { BMPInitiation: { info: [3] } }] as JsonObject[]) {
    assert.throws(() => bmp.BMPMessage.fromJsonDict(j), JsonDictError, stringifyJson(j));
  }
});

/**
 * What the JSON cannot carry: os-ken's JSON of MP_REACH_NLRI prints only the
 * first next hop (a second, link-local one is lost), and an AS_SET prints as
 * a list like an AS_SEQUENCE (os-ken cannot print sets at all).
 */
function jsonLossy(rec: mrtlib.MrtRecord): boolean {
  const m = rec.message as mrtlib.MrtMessage & { bgp_message?: bgp.BGPMessage; rib_entries?: mrtlib.MrtRibEntry[] };
  const attrs = [...(m.bgp_message instanceof bgp.BGPUpdate ? m.bgp_message.path_attributes : []), ...(m.rib_entries ?? []).flatMap((e) => e.bgp_attributes)];
  return attrs.some(
    (a) => (a instanceof bgp.BGPPathAttributeMpReachNLRI && a.next_hop_list.length > 1) || (a instanceof bgp.AsPathCommon && a.value.some((seg) => seg instanceof Set)),
  );
}

const mrtExpected = parseJson(readFileSync(join(FIX, 'mrt_expected.json'), 'utf8')) as JsonObject;
for (const name of Object.keys(mrtExpected)) {
  test(`mrt JSON -> bytes: every record of ${name} (os-ken samples and our JSON)`, (t) => {
    const data = mrtlib.Reader.fromFile(join(MRT, name)).data;
    const samples = (mrtExpected[name] as JsonObject).samples as JsonObject;
    let p = 0;
    let i = 0;
    let skipped = 0;
    for (const rec of new mrtlib.Reader(data)) {
      const len = 12 + new DataView(data.buffer, data.byteOffset).getUint32(p + 8);
      const raw = hex(data.subarray(p, p + len));
      const hidden = jsonLossy(rec);
      if (hidden) skipped++;
      const j = norm(rec.toJsonDict());
      if (!hidden) assert.equal(hex(mrtlib.mrtRecordFromJson(j).serialize()), raw, `record ${i}`);
      const s = samples[String(i)];
      if (s !== undefined && !hidden) {
        assert.equal(hex(mrtlib.MrtRecord.fromJsonDict(s as JsonObject).serialize()), raw, `os-ken sample ${i}`);
      }
      p += len;
      i++;
    }
    assert.equal(p, data.length);
    t.diagnostic(`${i - skipped}/${i} records rebuilt from JSON; ${skipped} hold an AS_SET or a second MP_REACH next hop, which the JSON cannot carry`);
    assert.ok(skipped < i / 2);
  });
}

test('mrt JSON: bad input gives JsonDictError', () => {
  const bad: JsonValue[] = [null, { NoRecord: {} }, { Bgp4MpMrtRecord: {} }, { Bgp4MpMrtRecord: { message: { NoMessage: {} } } }, { TableDump2MrtRecord: { message: { TableDump2RibIPv4UnicastMrtMessage: { seq_num: 1, prefix: { BGPNLRI: 3 } } } } }];
  for (const j of bad) assert.throws(() => mrtlib.mrtRecordFromJson(j), JsonDictError, stringifyJson(j));
});
