/**
 * Nicira actions: construction with os-ken's argument names, round trip of every class in every
 * version (bytes -> object -> bytes, object -> JSON -> object -> bytes), os-ken's JSON forms
 * (1.2+, 1.0 `vendor`, 1.2 bare experimenter), NXM header helpers, and hostile input
 * (every prefix, byte flips) giving only typed errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Reader } from '../src/wire/reader.js';
import { Writer } from '../src/wire/writer.js';
import { OskenError } from '../src/wire/errors.js';
import { stringifyJson } from '../src/wire/json/json.js';
import '../src/ofproto/all.js';
import { header, msg } from '../src/ofproto/ofproto_parser.js';
import { objFromJsonDict, type OFPStruct } from '../src/ofproto/struct.js';
import { OFPActionSetField } from '../src/ofproto/v1_2plus/actions.js';
import * as nxa from '../src/ofproto/nx_actions.js';
import * as nx from '../src/ofproto/nicira_ext.js';
import * as p13 from '../src/ofproto/ofproto_v1_3_parser.js';
import * as p14 from '../src/ofproto/ofproto_v1_4_parser.js';
import * as p15 from '../src/ofproto/ofproto_v1_5_parser.js';
import { nxmHeaderNum, nxmNameOfType } from '../src/ofproto/nicira/nxm.js';
import { REPO_ROOT } from './conformance/ofp_corpus.js';

const ofs = nx.ofs_nbits;
type Sample = [string, () => nxa.NXAction];

/** Several variants of every class. */
const SAMPLES: Sample[] = [
  ['set_queue', () => new nxa.NXActionSetQueue({ queue_id: 10 })],
  ['pop_queue', () => new nxa.NXActionPopQueue()],
  ['reg_load', () => new nxa.NXActionRegLoad({ ofs_nbits: ofs(4, 31), dst: 'eth_dst_nxm', value: 0x112233n })],
  ['reg_load_big', () => new nxa.NXActionRegLoad({ ofs_nbits: ofs(0, 63), dst: 'tunnel_id_nxm', value: (1n << 63n) + 5n })],
  ['reg_load2', () => new nxa.NXActionRegLoad2({ dst: 'reg0', value: 5 })],
  ['reg_load2_mask', () => new nxa.NXActionRegLoad2({ dst: 'ipv4_src_nxm', value: '10.0.0.0', mask: '255.255.0.0' })],
  ['reg_load2_ipv6', () => new nxa.NXActionRegLoad2({ dst: 'ipv6_src_nxm', value: '2001:db8::1' })],
  ['note', () => new nxa.NXActionNote({ note: [1, 2, 3] })],
  ['note_empty', () => new nxa.NXActionNote({ note: [] })],
  ['set_tunnel', () => new nxa.NXActionSetTunnel({ tun_id: 0x12345678 })],
  ['set_tunnel64', () => new nxa.NXActionSetTunnel64({ tun_id: 0xfedcba9876543210n })],
  ['reg_move', () => new nxa.NXActionRegMove({ src_field: 'reg0', dst_field: 'reg1', n_bits: 6, src_ofs: 10 })],
  ['reg_move_exp', () => new nxa.NXActionRegMove({ src_field: '_dp_hash', dst_field: 'nsh_spi', n_bits: 32 })],
  ['resubmit', () => new nxa.NXActionResubmit()],
  ['resubmit_table', () => new nxa.NXActionResubmitTable({ in_port: 1234, table_id: 99 })],
  ['output_reg', () => new nxa.NXActionOutputReg({ ofs_nbits: ofs(0, 31), src: 'reg1', max_len: 128 })],
  ['output_reg2', () => new nxa.NXActionOutputReg2({ ofs_nbits: ofs(0, 31), src: 'xxreg1', max_len: 1024 })],
  ['learn', () => new nxa.NXActionLearn({
    table_id: 99, idle_timeout: 1, hard_timeout: 300, priority: 1, cookie: 0xffffffffffffffffn, flags: 1,
    fin_idle_timeout: 2, fin_hard_timeout: 3,
    specs: [
      new nxa.NXFlowSpecMatch({ src: ['vlan_tci', 0], dst: ['vlan_tci', 0], n_bits: 12 }),
      new nxa.NXFlowSpecMatch({ src: 0x0800, dst: ['eth_type_nxm', 0], n_bits: 16 }),
      new nxa.NXFlowSpecLoad({ src: ['tunnel_id_nxm', 0], dst: ['tunnel_id_nxm', 0], n_bits: 64 }),
      new nxa.NXFlowSpecLoad({ src: (1n << 100n) + 1n, dst: ['xxreg0', 0], n_bits: 128 }),
      new nxa.NXFlowSpecOutput({ src: ['in_port_nxm', 0], n_bits: 16 }),
    ],
  })],
  ['learn_empty', () => new nxa.NXActionLearn({ table_id: 0, specs: [] })],
  ['exit', () => new nxa.NXActionExit()],
  ['dec_ttl', () => new nxa.NXActionDecTtl()],
  ['controller', () => new nxa.NXActionController({ max_len: 1024, controller_id: 1, reason: 0 })],
  ['controller2', () => new nxa.NXActionController2({ max_len: 1024, controller_id: 10, reason: 5, userdata: [1, 2, 3, 4, 5], pause: true })],
  ['controller2_ud3', () => new nxa.NXActionController2({ userdata: [1, 2, 3] })],
  ['controller2_empty', () => new nxa.NXActionController2()],
  ['dec_ttl_cnt_ids', () => new nxa.NXActionDecTtlCntIds({ cnt_ids: [1, 2, 3, 4, 5] })],
  ['push_mpls', () => new nxa.NXActionPushMpls({ ethertype: 0x8847 })],
  ['pop_mpls', () => new nxa.NXActionPopMpls({ ethertype: 0x0800 })],
  ['set_mpls_ttl', () => new nxa.NXActionSetMplsTtl({ ttl: 64 })],
  ['dec_mpls_ttl', () => new nxa.NXActionDecMplsTtl()],
  ['set_mpls_label', () => new nxa.NXActionSetMplsLabel({ label: 0xfffff })],
  ['set_mpls_tc', () => new nxa.NXActionSetMplsTc({ tc: 7 })],
  ['stack_push', () => new nxa.NXActionStackPush({ field: 'reg2', start: 1, end: 5 })],
  ['stack_pop', () => new nxa.NXActionStackPop({ field: 'reg3', start: 0, end: 31 })],
  ['sample', () => new nxa.NXActionSample({ probability: 65535, collector_set_id: 1, obs_domain_id: 2, obs_point_id: 3 })],
  ['sample2', () => new nxa.NXActionSample2({ probability: 10, sampling_port: 8 })],
  ['fin_timeout', () => new nxa.NXActionFinTimeout({ fin_idle_timeout: 30, fin_hard_timeout: 60 })],
  ['conjunction', () => new nxa.NXActionConjunction({ clause: 1, n_clauses: 2, id_: 10 })],
  ['multipath', () => new nxa.NXActionMultipath({
    fields: nx.NX_HASH_FIELDS_SYMMETRIC_L4, basis: 1024, algorithm: nx.NX_MP_ALG_HRW, max_link: 5, arg: 0, ofs_nbits: ofs(4, 31), dst: 'reg2',
  })],
  ['bundle', () => new nxa.NXActionBundle({ algorithm: 1, fields: 0, basis: 0, slave_type: nx.NXM_OF_IN_PORT, n_slaves: 2, slaves: [2, 3] })],
  ['bundle_none', () => new nxa.NXActionBundle({ algorithm: 1, slave_type: nx.NXM_OF_IN_PORT, slaves: [] })],
  ['bundle_load', () => new nxa.NXActionBundleLoad({
    algorithm: 0, fields: 1, basis: 0, slave_type: nx.NXM_OF_IN_PORT, n_slaves: 3, ofs_nbits: ofs(0, 31), dst: 'reg0', slaves: [4, 8, 12],
  })],
  ['ct', () => new nxa.NXActionCT({ flags: 1, zone_src: 'reg0', zone_ofs_nbits: ofs(0, 15), recirc_table: 4, alg: 21, actions: [] })],
  ['ct_nat', () => new nxa.NXActionCT({
    flags: 1, zone_src: '', recirc_table: 255, actions: [
      // a NAT body is not a multiple of 8 here, so (as in os-ken) only a last NAT survives a decode
      new OFPActionSetField({ ct_mark: 7 }),
      new nxa.NXActionNAT({ flags: 1, range_ipv4_min: '10.1.12.0', range_ipv4_max: '10.1.13.255', range_proto_min: 1, range_proto_max: 1023 }),
    ],
  })],
  ['ct_clear', () => new nxa.NXActionCTClear()],
  ['nat_v6', () => new nxa.NXActionNAT({ flags: 2, range_ipv6_min: '2001:db8::1', range_ipv6_max: '2001:db8::ff' })],
  ['output_trunc', () => new nxa.NXActionOutputTrunc({ port: 1, max_len: 100 })],
  ['encap_ether', () => new nxa.NXActionEncapEther()],
  ['dec_nsh_ttl', () => new nxa.NXActionDecNshTtl()],
  ['unknown', () => new nxa.NXActionUnknown({ subtype: 99, data: new Uint8Array([1, 2, 3]) })],
];

function encode(a: OFPStruct, version: number): Uint8Array {
  const w = new Writer(64, version);
  a.encodeTo(w);
  return new Uint8Array(w.finish());
}

function decode(bytes: Uint8Array, version: number): OFPStruct {
  const r = new Reader(bytes, 0, bytes.length, version);
  const a = nxa.pickNX(r).decode(r);
  assert.equal(r.pos, bytes.length);
  return a;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

test('every os-ken NXAction class is exported', () => {
  const names = [
    'NXActionSetQueue', 'NXActionPopQueue', 'NXActionRegLoad', 'NXActionRegLoad2', 'NXActionNote', 'NXActionSetTunnel',
    'NXActionSetTunnel64', 'NXActionRegMove', 'NXActionResubmit', 'NXActionResubmitTable', 'NXActionOutputReg',
    'NXActionOutputReg2', 'NXActionLearn', 'NXActionExit', 'NXActionDecTtl', 'NXActionController', 'NXActionController2',
    'NXActionDecTtlCntIds', 'NXActionPushMpls', 'NXActionPopMpls', 'NXActionSetMplsTtl', 'NXActionDecMplsTtl',
    'NXActionSetMplsLabel', 'NXActionSetMplsTc', 'NXActionStackPush', 'NXActionStackPop', 'NXActionSample', 'NXActionSample2',
    'NXActionFinTimeout', 'NXActionConjunction', 'NXActionMultipath', 'NXActionBundle', 'NXActionBundleLoad', 'NXActionCT',
    'NXActionCTClear', 'NXActionNAT', 'NXActionOutputTrunc', '_NXFlowSpec', 'NXFlowSpecMatch', 'NXFlowSpecLoad',
    'NXFlowSpecOutput', 'NXActionEncapNsh', 'NXActionEncapEther', 'NXActionDecNshTtl', 'NXAction', 'NXActionUnknown',
  ];
  for (const n of names) assert.ok(n in nxa, n);
  // os-ken's nx_actions.generate() also puts them in the 1.3, 1.4 and 1.5 parser modules
  for (const [v, mod] of [[3, p13], [4, p14], [5, p15]] as const) {
    for (const n of names) assert.equal((mod as Record<string, unknown>)[n], (nxa as Record<string, unknown>)[n], `ofproto_v1_${v}_parser.${n}`);
  }
});

test('os-ken JSON of NXActionResubmitTable', () => {
  const a = decode(encode(new nxa.NXActionResubmitTable({ in_port: 1234, table_id: 99 }), 4), 4);
  assert.deepEqual(a.toJsonDict(), {
    NXActionResubmitTable: { experimenter: 8992, in_port: 1234, len: 16, subtype: 14, table_id: 99, type: 65535 },
  });
});

test('OpenFlow 1.0 JSON form: vendor, no type/len', () => {
  const a = decode(encode(new nxa.NXActionResubmit({ in_port: 3 }), 1), 1);
  assert.deepEqual(a.toJsonDict(), { NXActionResubmit: { in_port: 3, subtype: 1, vendor: 8992 } });
});

test('OpenFlow 1.2 has no Nicira actions: a bare OFPActionExperimenter, as os-ken', () => {
  const bytes = encode(new nxa.NXActionResubmit({ in_port: 3 }), 4);
  const a = decode(bytes, 3);
  assert.deepEqual(a.toJsonDict(), { OFPActionExperimenter: { experimenter: 8992, len: 16, type: 65535 } });
  assert.equal(hex(encode(objFromJsonDict(a.toJsonDict(), 3), 3)), 'ffff001000002320' + '00'.repeat(8));
});

test('ofs_nbits and NXM headers', () => {
  assert.equal(nxa.ofs_nbits(4, 31), 283);
  assert.equal(nx.ofs_nbits_str(283), '[4..31]');
  assert.equal(nxmHeaderNum(4, 'reg0'), nx.nxm_nx_reg(0));
  assert.equal(nxmHeaderNum(4, 'eth_dst_nxm'), nx.NXM_OF_ETH_DST);
  assert.equal(nxmHeaderNum(1, 'tunnel_id_nxm'), nx.NXM_NX_TUN_ID);
  assert.equal(nxmNameOfType(4, nx.NXM_OF_IN_PORT >>> 9), 'in_port_nxm');
  assert.equal(nxmNameOfType(4, 0x7fff00 >>> 1), `field_${0x7fff00 >>> 1}`);
});

for (const version of [1, 4, 5, 6]) {
  for (const [name, make] of SAMPLES) {
    if (version === 1 && name === 'ct_nat') continue; // OFPActionSetField is not an OF1.0 action
    test(`round trip v${version} ${name}`, () => {
      const a = make();
      const bytes = encode(a, version);
      assert.equal(bytes.length % 8, 0);
      assert.equal(new DataView(bytes.buffer).getUint16(2), bytes.length);
      const d = decode(bytes, version);
      assert.equal(d.constructor, a.constructor);
      assert.equal(hex(encode(d, version)), hex(bytes));
      const j = d.toJsonDict();
      const back = objFromJsonDict(j, version);
      assert.equal(hex(encode(back, version)), hex(bytes));
      assert.equal(stringifyJson(back.toJsonDict()), stringifyJson(j));
    });
  }
}

test('NXActionEncapNsh encodes (os-ken cannot build it) and decodes as NXActionEncapEther', () => {
  const b = encode(new nxa.NXActionEncapNsh(), 4);
  assert.equal(hex(b), 'ffff001000002320002e00000001894f');
  assert.ok(decode(b, 4) instanceof nxa.NXActionEncapEther);
});

test('ct packs nested actions as os-ken does (unpadded Nicira bodies back to back)', () => {
  const f = new Uint8Array(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'nx', 'nx-of4-ct_nat_unaligned.packet')));
  const ct = new nxa.NXActionCT({
    flags: 1, zone_src: 'reg4', zone_ofs_nbits: ofs(0, 15), recirc_table: 2, alg: 0, actions: [
      new nxa.NXActionNAT({ flags: 2, range_ipv4_min: '10.0.0.1' }), new nxa.NXActionNAT({ flags: 1, range_proto_min: 80 }),
    ],
  });
  const b = encode(ct, 4);
  assert.equal(hex(b), hex(f.subarray(64, 64 + b.length)));
});

test('NXActionNote pads the note in place as os-ken', () => {
  const a = new nxa.NXActionNote({ note: [1, 2, 3] });
  encode(a, 4);
  assert.deepEqual(a.note, [1, 2, 3, 0, 0, 0]);
});

/* ---------- hostile input ---------- */

function onlyTyped(fn: () => unknown, what: string): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof OskenError)) assert.fail(`${what}: ${(e as Error).name}: ${(e as Error).message}`);
  }
}

test('hostile action bytes: every prefix and byte flips give only typed errors', () => {
  for (const version of [1, 3, 4, 6]) {
    for (const [name, make] of SAMPLES) {
      if (version === 1 && name === 'ct_nat') continue;
      const bytes = encode(make(), 4);
      for (let n = 0; n < bytes.length; n++) onlyTyped(() => decode(bytes.slice(0, n), version), `${name} prefix ${n}`);
      for (let i = 0; i < bytes.length; i++) {
        for (const x of [0x01, 0x80, 0xff]) {
          const c = bytes.slice();
          c[i]! ^= x;
          onlyTyped(() => {
            const r = new Reader(c, 0, c.length, version);
            const a = nxa.pickNX(r).decode(r);
            a.toJsonDict();
          }, `${name} flip ${i}^${x}`);
        }
      }
    }
  }
});

test('hostile flow mods (nx fixtures): every prefix and byte flips give only typed errors', () => {
  const dir = join(REPO_ROOT, 'test', 'fixtures', 'nx');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.packet'))) {
    const bytes = new Uint8Array(readFileSync(join(dir, f)));
    const run = (b: Uint8Array) => {
      const [v, t, l, x] = header(b);
      msg(null, v, t, l, x, b).toJsonDict();
    };
    for (let n = 0; n < bytes.length; n += 3) onlyTyped(() => run(bytes.slice(0, n)), `${f} prefix ${n}`);
    for (let i = 8; i < bytes.length; i++) {
      const c = bytes.slice();
      c[i]! ^= 0xff;
      onlyTyped(() => run(c), `${f} flip ${i}`);
    }
  }
});

test('ct in OpenFlow 1.0 nests 1.0 actions', async () => {
  const v10 = await import('../src/ofproto/v1_0/actions.js');
  const ct = new nxa.NXActionCT({ flags: 1, actions: [new v10.OFPActionOutput({ port: 3, max_len: 0 })] });
  const bytes = encode(ct, 1);
  const d = decode(bytes, 1) as nxa.NXActionCT;
  assert.equal(d.actions[0]!.constructor, v10.OFPActionOutput);
  assert.equal(hex(encode(d, 1)), hex(bytes));
  assert.equal(hex(encode(objFromJsonDict(d.toJsonDict(), 1), 1)), hex(bytes));
});
