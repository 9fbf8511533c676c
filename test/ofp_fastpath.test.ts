/**
 * The OpenFlow codecs' fast paths give exactly what the general paths give: matches kept
 * undecoded until used (get/has/fields/JSON, malformed TLVs still refused at decode time),
 * decoders that skip the constructor chain (instances of the exported classes), serialize()'s
 * output slab (independent views), per-class encoders under hand-written overrides, and the
 * OXM construction order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../src/ofproto/all.js';
import { msgFromBuffer, type MsgBase } from '../src/ofproto/ofproto_parser.js';
import {
  OFPActionOutput, OFPFlowMod, OFPFlowStatsReply, OFPFlowStats, OFPInstructionActions, OFPMatch, OFPPacketIn,
} from '../src/ofproto/ofproto_v1_3_parser.js';
import { defineStruct, u16 } from '../src/ofproto/struct.js';
import { Writer } from '../src/wire/writer.js';
import { Reader } from '../src/wire/reader.js';
import { OFPMalformedMessage, OFPTruncatedMessage } from '../src/wire/errors.js';
import { AddressError, macToBinInto, macToText } from '../src/wire/addrconv.js';
import { stringifyJson } from '../src/wire/json/json.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = resolve(here, '..', '..', '..', 'shared', 'conformance', 'ofp', 'of13');
const pktIn = new Uint8Array(readFileSync(resolve(corpus, '4-4-ofp_packet_in.packet')));

/** A packet-in (OpenFlow 1.3) whose match holds the given OXM TLV bytes. */
function packetInWith(tlvs: number[]): Uint8Array {
  const w = new Writer(256, 4);
  w.u8(4); w.u8(10); w.u16(0); w.u32(7);
  w.u32(0x1234); w.u16(4); w.u8(1); w.u8(0); w.u64(5n);
  const m = w.pos;
  w.u16(1); w.u16(4 + tlvs.length);
  for (const b of tlvs) w.u8(b);
  w.align(m, 8);
  w.zeros(2);
  w.u8(1); w.u8(2); w.u8(3); w.u8(4);
  w.patch16(2, w.pos);
  return w.finish().slice();
}

test('a decoded match answers get/has from its bytes exactly as from its fields', () => {
  const names = ['in_port', 'eth_type', 'eth_dst', 'eth_src', 'arp_op', 'arp_spa', 'arp_tpa', 'arp_sha', 'arp_tha', 'ipv4_src', 'metadata', 'pbb_uca', 'reg0'];
  const lazy = msgFromBuffer(null, pktIn) as OFPPacketIn;
  const eager = msgFromBuffer(null, pktIn) as OFPPacketIn;
  const fields = eager.match.fields; // decoded now
  assert.equal(fields.length, 9);
  for (const n of names) {
    const want = fields.find(([k]) => k === n)?.[1];
    assert.deepEqual(lazy.match.get(n), want, n);
    assert.equal(lazy.match.has(n), want !== undefined, n);
    assert.deepEqual(eager.match.get(n), want, n);
  }
  assert.equal(lazy.match.get('in_port'), 6);
  assert.equal(lazy.match.get('eth_src'), 'f2:0b:a4:7d:f8:ea');
  assert.equal(stringifyJson(lazy.toJsonDict()), stringifyJson(eager.toJsonDict()));
  assert.deepEqual(lazy.match.items(), fields);
  assert.deepEqual(lazy.match.oxm_fields, eager.match.oxm_fields);
});

test('masked and repeated OpenFlow-basic fields decode the same from the bytes', () => {
  // in_port=3, eth_dst/mask, vlan_vid=5, in_port=9 (a repeated field: the first wins)
  const tlvs = [
    0x80, 0x00, 0x00, 0x04, 0, 0, 0, 3,
    0x80, 0x00, 0x07, 0x0c, 0xaa, 0xbb, 0xcc, 0, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0,
    0x80, 0x00, 0x0c, 0x02, 0, 5,
    0x80, 0x00, 0x00, 0x04, 0, 0, 0, 9,
  ];
  const buf = packetInWith(tlvs);
  const m = (msgFromBuffer(null, buf) as OFPPacketIn).match;
  assert.deepEqual(m.get('eth_dst'), ['aa:bb:cc:00:00:00', 'ff:ff:ff:00:00:00']);
  assert.equal(m.get('in_port'), 3);
  assert.equal(m.get('vlan_vid'), 5);
  assert.equal(m.get('eth_src'), undefined);
  assert.equal(m.has('eth_src'), false);
  assert.deepEqual(m.fields, [
    ['in_port', 3], ['eth_dst', ['aa:bb:cc:00:00:00', 'ff:ff:ff:00:00:00']], ['vlan_vid', 5], ['in_port', 9],
  ]);
  // replacing the fields drops the kept bytes
  m.fields = [['in_port', 1]];
  assert.equal(m.get('in_port'), 1);
  assert.equal(m.get('vlan_vid'), undefined);
});

test('a decoded match re-encodes to the same bytes, before and after its fields are looked at', () => {
  for (const touch of [false, true]) {
    const pi = msgFromBuffer(null, pktIn) as OFPPacketIn;
    if (touch) assert.equal(pi.match.fields.length, 9);
    const w = new Writer(256, 4);
    pi.match.encodeTo(w);
    assert.equal(Buffer.from(w.buf.subarray(0, w.pos)).toString('hex'), Buffer.from(pktIn.subarray(24, 24 + 80)).toString('hex'));
  }
});

test('malformed match TLVs are refused at decode time, with the partial message', () => {
  // in_port with length 3 (Int4 expects 4)
  const bad = packetInWith([0x80, 0x00, 0x00, 0x03, 0, 0, 1]);
  assert.throws(() => msgFromBuffer(null, bad), (e: unknown) => e instanceof OFPMalformedMessage && /unexpected OXM payload length 3 for in_port/.test(e.message));
  // a TLV running past the match length
  const over = packetInWith([0x80, 0x00, 0x00, 0x04, 0, 0, 0, 1, 0x80, 0x00, 0x0c, 0x02, 0]);
  assert.throws(() => msgFromBuffer(null, over), (e: unknown) => {
    if (!(e instanceof OFPTruncatedMessage)) return false;
    const partial = e.ofpmsg as OFPPacketIn;
    assert.deepEqual(partial.match.fields, [['in_port', 1]]);
    return true;
  });
  // unknown experimenter field: the general decoder's error
  const exp = packetInWith([0xff, 0xff, 0x02, 0x08, 0x12, 0x34, 0x56, 0x78, 0, 0, 0, 1]);
  assert.throws(() => msgFromBuffer(null, exp), OFPMalformedMessage);
});

test('decoded messages and list elements are instances of the exported classes', () => {
  const pi = msgFromBuffer(null, pktIn);
  assert.ok(pi instanceof OFPPacketIn);
  assert.equal(pi.constructor, OFPPacketIn);
  assert.equal(pi.version, 4);
  assert.equal(pi.xid, 0);
  assert.equal(pi.datapath, null);
  // a flow-stats reply with one entry
  const w = new Writer(256, 4);
  w.u8(4); w.u8(19); w.u16(0); w.u32(1);
  w.u16(1); w.u16(0); w.zeros(4);
  const s = w.pos;
  w.u16(0); w.u8(0); w.zeros(1); w.u32(1); w.u32(2); w.u16(3); w.u16(0); w.u16(0); w.u16(0); w.zeros(4);
  w.u64(1n); w.u64(2n); w.u64(3n);
  new OFPMatch({ in_port: 1 }).encodeTo(w);
  new OFPInstructionActions({ type: 4, actions: [new OFPActionOutput({ port: 2 })] }).encodeTo(w);
  w.patch16(s, w.pos - s);
  w.patch16(2, w.pos);
  const reply = msgFromBuffer(null, w.finish()) as OFPFlowStatsReply;
  assert.ok(reply instanceof OFPFlowStatsReply);
  const entry = reply.body[0]!;
  assert.ok(entry instanceof OFPFlowStats);
  assert.equal(entry.constructor, OFPFlowStats);
  assert.equal(entry.byte_count, 3n);
  const ins = entry.instructions[0]!;
  assert.ok(ins instanceof OFPInstructionActions);
  assert.ok(ins.actions[0] instanceof OFPActionOutput);
  assert.equal((ins.actions[0] as OFPActionOutput).port, 2);
  assert.equal(entry.match.get('in_port'), 1);
});

test('serialize() gives each message its own bytes (views of the output slab never overwritten)', () => {
  const bufs: Uint8Array[] = [];
  const want: string[] = [];
  for (let i = 0; i < 400; i++) {
    const m = new OFPFlowMod({
      priority: i, match: new OFPMatch({ in_port: i, eth_dst: macToText(new Uint8Array([0, 1, 2, 3, i >> 8, i & 255])) }),
      instructions: [new OFPInstructionActions({ type: 4, actions: [new OFPActionOutput({ port: i + 1 })] })],
    });
    m.serialize();
    assert.ok(Buffer.isBuffer(m.buf));
    assert.equal(m.buf!.length, m.msg_len);
    bufs.push(m.buf!);
    const w = new Writer(64);
    (m as MsgBase).serializeTo(w);
    want.push(Buffer.from(w.buf.subarray(0, w.pos)).toString('hex'));
  }
  // a big message (grows the slab) in between
  const big = new OFPFlowMod({ instructions: Array.from({ length: 2000 }, () => new OFPInstructionActions({ type: 4, actions: [] })) });
  big.serialize();
  assert.equal(big.buf!.length, 8 + 48 + 8 * 2000);
  bufs[0]![9] = 0xff; // writing into one message's bytes leaves the others alone
  for (let i = 1; i < bufs.length; i++) assert.equal(Buffer.from(bufs[i]!).toString('hex'), want[i], `message ${i}`);
});

test('a failed serialize leaves buf alone and the next message intact', () => {
  const ok1 = new OFPFlowMod({ priority: 1 });
  ok1.serialize();
  const before = Buffer.from(ok1.buf!).toString('hex');
  const bad = new OFPFlowMod({ priority: 70000 });
  assert.throws(() => bad.serialize());
  assert.equal(bad.buf, null);
  const ok2 = new OFPFlowMod({ priority: 2 });
  ok2.serialize();
  assert.equal(Buffer.from(ok1.buf!).toString('hex'), before);
  assert.equal(ok2.buf![8 + 22 + 1], 2);
});

test('a structure built on a hand-written encodeTo override encodes with its own layout', () => {
  class E1 extends defineStruct('TestFastE1', { a: u16() }) {}
  class H extends E1 {
    override encodeTo(w: Writer): void {
      super.encodeTo(w);
      w.u8(0xee);
    }
  }
  class C2 extends defineStruct('TestFastC2', { a: u16(), b: u16() }, H) {}
  const w = new Writer(16);
  new E1({ a: 1 }).encodeTo(w);
  new C2({ a: 2, b: 3 }).encodeTo(w);
  new H({ a: 4 }).encodeTo(w);
  assert.equal(Buffer.from(w.buf.subarray(0, w.pos)).toString('hex'), '0001' + '00020003ee' + '0004ee');
  const r = new Reader(w.buf, 2, 6);
  const c = C2.decode(r);
  assert.ok(c instanceof C2);
  assert.equal(c.b, 3);
});

test('OFPMatch keeps os-ken order for fields given out of order', () => {
  const m = new OFPMatch({ eth_src: 'AA:BB:CC:DD:EE:FF', in_port: 2, field_3: 'AQIDBAUG', eth_dst: '00:00:00:00:00:01', eth_type: 0x800 });
  // by OXM type (class << 7 | field): the unknown field_3 (class 0) first
  assert.deepEqual(m.fields.map(([k]) => k), ['field_3', 'in_port', 'eth_dst', 'eth_src', 'eth_type']);
  assert.equal(m.get('eth_src'), 'aa:bb:cc:dd:ee:ff');
  assert.equal(new OFPMatch().fields.length, 0);
});

test('MAC text and bytes', () => {
  const out = new Uint8Array(8).fill(7);
  macToBinInto('0A-bb:Cc-dd:EE-ff', out, 1);
  assert.deepEqual([...out], [7, 0x0a, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 7]);
  for (const bad of ['0a:bb:cc:dd:ee:f\u00e9', '0a:bb:cc:dd:ee:fg', '0a:bb:cc:dd:ee.ff', '\u0130a:bb:cc:dd:ee:ff']) {
    const o = new Uint8Array(6).fill(1);
    assert.throws(() => macToBinInto(bad, o, 0), AddressError, bad);
    assert.deepEqual([...o], [1, 1, 1, 1, 1, 1], bad);
  }
  assert.equal(macToText(new Uint8Array([0, 0x0f, 0xf0, 0xab, 0x10, 0xff])), '00:0f:f0:ab:10:ff');
});

test('u64 fields decode to the same bigint on the 0 / all-ones fast paths and the general one', () => {
  const cases = [0n, 1n, 0xffffffffn, 0x100000000n, 0xffffffffffffffffn, 0xfffffffffffffffen, 0x7fffffffffffffffn, 0x8000000000000000n, 0xffffffff00000000n, 0xfffffffeffffffffn];
  for (const c of cases) {
    const m = new OFPFlowMod({ cookie: c, cookie_mask: c ^ 0xffffffffffffffffn });
    m.serialize();
    const d = msgFromBuffer(null, m.buf!) as unknown as { cookie: bigint; cookie_mask: bigint };
    assert.equal(d.cookie, c);
    assert.equal(d.cookie_mask, c ^ 0xffffffffffffffffn);
  }
});

test('4-byte fields read from the bytes: Int4 unmasked and masked, IPv4 text', () => {
  const tlvs = [
    0x80, 0x00, 0x16, 0x04, 10, 0, 0, 1, // ipv4_src 10.0.0.1
    0x80, 0x00, 0x01, 0x08, 0, 0, 0, 7, 0, 0, 0, 0xff, // in_port masked (odd, but decodable)
    0x80, 0x00, 0x38, 0x04, 0xff, 0xff, 0xff, 0xfe, // ipv6_flabel-sized Int4: ipv6_flabel 0xfffffffe
  ];
  const lazy = (msgFromBuffer(null, packetInWith(tlvs)) as OFPPacketIn).match;
  const eager = (msgFromBuffer(null, packetInWith(tlvs)) as OFPPacketIn).match;
  const fields = eager.fields;
  for (const n of ['ipv4_src', 'in_port', 'ipv6_flabel', 'in_phy_port']) assert.deepEqual(lazy.get(n), fields.find(([k]) => k === n)?.[1], n);
  assert.equal(lazy.get('ipv4_src'), '10.0.0.1');
  assert.deepEqual(lazy.get('in_port'), [7, 0xff]);
  assert.equal(lazy.get('ipv6_flabel'), 0xfffffffe);
});

test('a blank OFPMatch for decoders (OFPMatch.newBlank) is what the constructor makes without init', () => {
  const a = OFPMatch.newBlank();
  const b = new OFPMatch();
  assert.ok(a instanceof OFPMatch);
  assert.deepEqual(Object.keys(a), Object.keys(b));
  assert.deepEqual({ ...a }, { ...b });
  assert.deepEqual(a.fields, []);
});
