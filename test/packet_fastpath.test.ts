/**
 * The packet library's fast paths keep their results exact: the output pool
 * of Packet.serialize (results are views that later calls never overwrite,
 * nested and failed serialisations), the address text <-> bytes memos, the
 * u32-word checksum, the IPv4 pseudo-header fast path and LLDP's kept views.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AddressError, ipv4ToBin, macToBin } from '../src/wire/addrconv.js';
import { PacketMalformed } from '../src/wire/errors.js';
import type { JsonObject } from '../src/wire/json/json.js';
import { Packet } from '../src/lib/packet/packet.js';
import { PacketBase, SerializeBuffer } from '../src/lib/packet/packet_base.js';
import { Ethernet } from '../src/lib/packet/ethernet.js';
import { IPv4 } from '../src/lib/packet/ipv4.js';
import { IPv6 } from '../src/lib/packet/ipv6.js';
import { TCP, TCPOptionMaximumSegmentSize, TCPOptionNoOperation } from '../src/lib/packet/tcp.js';
import { UDP } from '../src/lib/packet/udp.js';
import { ChassisID, End, LLDP, OrganizationallySpecific, PortID, TTL } from '../src/lib/packet/lldp.js';
import { checksum, checksumIp, ipv4Text, ipv4Value, macText, sum16, sum16View, foldChecksum, writeIPv4, writeMac } from '../src/lib/packet/packet_utils.js';

let seed = 12345;
function rnd(n: number): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed % n;
}

function bytes(n: number, salt: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + salt) & 0xff;
  return b;
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** Internet checksum of b[s, e) the slow, obvious way */
function refChecksum(b: Uint8Array, s: number, e: number, acc = 0): number {
  let sum = acc;
  for (let i = s; i < e; i += 2) sum += (b[i]! << 8) | (i + 1 < e ? b[i + 1]! : 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return ~sum & 0xffff;
}

test('serialize results are independent views: later frames never overwrite earlier ones', () => {
  const kept: [Uint8Array, Uint8Array][] = [];
  const sizes = [0, 1, 5, 17, 46, 100, 1400, 2100, 4000, 9000, 20000];
  for (let k = 0; k < 3000; k++) {
    const n = sizes[rnd(sizes.length)]!;
    const l4 = rnd(2) === 0 ? new TCP({ src_port: k & 0xffff, dst_port: 80 }) : new UDP({ src_port: k & 0xffff, dst_port: 53 });
    const p = new Packet({
      protocols: [
        new Ethernet({ src: `00:00:00:00:${hex2((k >> 8) & 255)}:${hex2(k & 255)}` }),
        new IPv4({ proto: l4 instanceof TCP ? 6 : 17, src: `10.${k & 255}.${(k >> 8) & 255}.1` }),
        l4,
        bytes(n, k),
      ],
    });
    const d = p.serialize();
    assert.equal(d.length, Math.max(60, 14 + 20 + (l4 instanceof TCP ? 20 : 8) + n));
    kept.push([d, d.slice()]);
    // checksums as os-ken computes them
    const ip = p.protocols[1] as IPv4;
    assert.equal(refChecksum(d, 14, 34), 0, 'ipv4 header checksum');
    if (l4 instanceof TCP) {
      const len = 20 + n;
      const a = ipv4ToBin(ip.src);
      const z = ipv4ToBin(ip.dst);
      const ph = ((a[0]! << 8) | a[1]!) + ((a[2]! << 8) | a[3]!) + ((z[0]! << 8) | z[1]!) + ((z[2]! << 8) | z[3]!) + 6 + len;
      assert.equal(refChecksum(d, 34, 34 + len, ph), 0, 'tcp checksum');
    }
  }
  for (const [a, b] of kept) assert.deepEqual(a, b);
});

test('a serialisation nested in another one, and one that failed, leave results exact', () => {
  class Wrapper extends PacketBase {
    static override readonly jsonName = 'wrapper_test';
    override serializeInto(out: SerializeBuffer): void {
      // serialises a whole inner frame while the outer one is being built
      const inner = new Packet({ protocols: [new Ethernet({ ethertype: 0x0801 }), bytes(80, 7)] }).serialize();
      out.prependBytes(inner);
    }
    override toJsonFields(): JsonObject {
      return {};
    }
  }
  const ref = new Packet({ protocols: [new Ethernet({ ethertype: 0x0801 }), bytes(80, 7)] }).serialize().slice();
  const outer = new Packet({ protocols: [new Ethernet({ ethertype: 0x88b5 }), new Wrapper()] }).serialize();
  assert.deepEqual(outer.subarray(14), ref);
  const again = new Packet({ protocols: [new Ethernet({ ethertype: 0x0801 }), bytes(80, 7)] }).serialize();
  assert.deepEqual(again, ref);
  // a failing layer (header_length < 5) leaves written bytes behind: the next frame is still exact
  const bad = new Packet({ protocols: [new Ethernet(), new IPv4({ header_length: 4 }), bytes(30, 1)] });
  assert.throws(() => bad.serialize(), PacketMalformed);
  const zeros = new Packet({ protocols: [new Ethernet({ dst: '00:00:00:00:00:00' }), new IPv4({ src: '0.0.0.0', dst: '0.0.0.0', ttl: 0 })] }).serialize();
  assert.equal(zeros.length, 60);
  assert.deepEqual(zeros.subarray(34), new Uint8Array(26), 'padding is zero');
  assert.deepEqual([...zeros.subarray(0, 12)], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
});

test('address memos: every address and spelling converts exactly, invalid text still throws', () => {
  const b = new Uint8Array(6);
  for (let k = 0; k < 2000; k++) {
    const m = [rnd(256), rnd(256), rnd(256), rnd(256), rnd(256), rnd(256)];
    const text = m.map(hex2).join(':');
    writeMac(text, b, 0);
    assert.deepEqual([...b], m);
    writeMac(text.toUpperCase().replace(/:/g, '-'), b, 0);
    assert.deepEqual([...b], m);
    assert.equal(macText(Uint8Array.from(m), 0), text);
    const q = [rnd(256), rnd(256), rnd(256), rnd(256)];
    const t4 = q.join('.');
    assert.equal(ipv4Value(t4), ((q[0]! << 24) | (q[1]! << 16) | (q[2]! << 8) | q[3]!) >>> 0);
    writeIPv4(t4, b, 1);
    assert.deepEqual([...b.subarray(1, 5)], q);
    assert.equal(ipv4Text(Uint8Array.from(q), 0), t4);
    // the same text again (memo hit) and a repeat of an older one
    assert.equal(ipv4Value(t4), ipv4Value(`${q[0]}.${q[1]}.${q[2]}.${q[3]}`));
  }
  for (const t of ['', '1.2.3', '1.2.3.4.5', '256.1.1.1', 'a.b.c.d', '1..2.3']) assert.throws(() => ipv4Value(t), AddressError, t);
  for (const t of ['', '00:11:22:33:44', '00:11:22:33:44:gg', '001122334455x']) assert.throws(() => writeMac(t, b, 0), AddressError, t);
  // after a valid text was memoised, an invalid one of the same length still throws
  writeMac('00:11:22:33:44:55', b, 0);
  assert.throws(() => writeMac('00:11:22:33:44:5g', b, 0), AddressError);
  assert.deepEqual(macToBin('0:1:2:3:4:5'), Uint8Array.of(0, 1, 2, 3, 4, 5));
  writeMac('0:1:2:3:4:5', b, 0);
  assert.deepEqual([...b], [0, 1, 2, 3, 4, 5]);
});

test('u32-word checksum equals the byte-pair one for every start, length and initial sum', () => {
  const buf = new Uint8Array(300);
  for (let i = 0; i < buf.length; i++) buf[i] = rnd(256);
  const v = new DataView(buf.buffer);
  for (let s = 0; s < 8; s++) {
    for (let n = 0; n <= 120; n++) {
      const acc = rnd(0x30000);
      assert.equal(foldChecksum(sum16View(v, s, s + n, acc)), foldChecksum(sum16(buf, s, s + n, acc)), `start ${s} len ${n}`);
      assert.equal(foldChecksum(sum16View(v, s, s + n)), checksum(buf, s, s + n));
    }
  }
  const zero = new Uint8Array(40);
  assert.equal(foldChecksum(sum16View(new DataView(zero.buffer), 0, 40)), 0xffff);
  const ones = new Uint8Array(40).fill(0xff);
  assert.equal(foldChecksum(sum16View(new DataView(ones.buffer), 0, 40)), checksum(ones));
});

test('TCP/UDP checksums: IPv4 fast path = generic checksumIp; IPv6 and a non-4 version keep the generic path', () => {
  const payload = bytes(33, 9);
  for (const [src, dst] of [
    ['10.0.0.1', '10.0.0.2'],
    ['192.168.255.254', '1.2.3.4'],
  ] as const) {
    const ip = new IPv4({ proto: 17, src, dst });
    const pkt = new Packet({ protocols: [new Ethernet(), ip, new UDP({ src_port: 1, dst_port: 2 }), payload] });
    const d = pkt.serialize();
    const udp = pkt.protocols[2] as UDP;
    const seg = d.slice(34, 34 + 8 + payload.length);
    seg[6] = 0;
    seg[7] = 0;
    assert.equal(udp.csum, checksumIp(ip, seg.length, seg));
  }
  const ip6 = new IPv6({ nxt: 6, src: '2001:db8::1', dst: '2001:db8::2' });
  const p6 = new Packet({ protocols: [new Ethernet({ ethertype: 0x86dd }), ip6, new TCP({ src_port: 5, dst_port: 6 }), payload] });
  const d6 = p6.serialize();
  const seg6 = d6.slice(54, 54 + 20 + payload.length);
  seg6[16] = 0;
  seg6[17] = 0;
  assert.equal((p6.protocols[2] as TCP).csum, checksumIp(ip6, seg6.length, seg6));
});

test('LLDP: decoded byte fields are copies (views on one copy of the LLDPDU), also for long LLDPDUs', () => {
  const enc = new TextEncoder();
  for (const infoLen of [4, 5, 6, 7, 30, 400, 500]) {
    const tlvs = [
      new ChassisID({ subtype: 4, chassis_id: Uint8Array.of(1, 2, 3, 4, 5, 6) }),
      new PortID({ subtype: 7, port_id: enc.encode('Ethernet1') }),
      new TTL({ ttl: 120 }),
      new OrganizationallySpecific({ oui: Uint8Array.of(0, 0x12, 0x0f), subtype: 1, info: bytes(infoLen, 3) }),
      new OrganizationallySpecific({ oui: Uint8Array.of(0, 0x80, 0xc2), subtype: 2, info: bytes(infoLen, 5) }),
      new End(),
    ];
    const frame = new Packet({ protocols: [new Ethernet({ ethertype: 0x88cc }), new LLDP({ tlvs })] }).serialize().slice();
    const pkt = new Packet(frame);
    const l = pkt.getProtocol(LLDP)!;
    assert.ok(l, 'decoded');
    const json = JSON.stringify(pkt.toJsonArray());
    // the same frame at odd offsets of a larger buffer (the LLDPDU copy reads 4 bytes a step)
    for (const off of [1, 2, 3, 5]) {
      const big = new Uint8Array(frame.length + 9).fill(0x77);
      big.set(frame, off);
      assert.equal(JSON.stringify(new Packet(big.subarray(off, off + frame.length)).toJsonArray()), json, `offset ${off}`);
    }
    frame.fill(0xee); // the frame's buffer is reused by its owner
    assert.equal(JSON.stringify(pkt.toJsonArray()), json);
    const c = l.tlvs[0] as ChassisID;
    assert.deepEqual(c.chassis_id, Uint8Array.of(1, 2, 3, 4, 5, 6));
    assert.deepEqual(c.tlv_info, Uint8Array.of(4, 1, 2, 3, 4, 5, 6));
    assert.deepEqual((l.tlvs[4] as OrganizationallySpecific).info, bytes(infoLen, 5));
    assert.deepEqual(l.tlvs[5]!.tlv_info, new Uint8Array(0));
  }
});

test('dirty-buffer emit: headers written over stale bytes (0xa5) equal a clean serialisation', () => {
  const mk = (): Packet =>
    new Packet({
      protocols: [
        new Ethernet({ dst: '00:11:22:33:44:55', src: '66:77:88:99:aa:bb' }),
        new IPv4({ proto: 6, src: '10.0.0.1', dst: '10.0.0.2', option: Uint8Array.of(1, 1, 1), header_length: 6 }),
        new TCP({ src_port: 1, dst_port: 2, option: [new TCPOptionNoOperation(), new TCPOptionMaximumSegmentSize({ max_seg_size: 1460 })], offset: 8 }),
        bytes(3, 1),
      ],
    });
  const clean = mk().serialize().slice();
  const p = mk();
  const out = new SerializeBuffer(undefined, 256, 64);
  out.buf.fill(0xa5);
  out.reset(256);
  const ps = p.protocols;
  for (let i = ps.length - 1; i >= 0; i--) {
    const x = ps[i]!;
    if (x instanceof PacketBase) x.serializeInto(out, i > 0 && ps[i - 1] instanceof PacketBase ? (ps[i - 1] as PacketBase) : null);
    else out.prependBytes(x);
  }
  assert.deepEqual(out.bytes(), clean);
});
