/**
 * Packet library round trips for the core protocols: build from fields,
 * checksums, JSON -> wire against frames os-ken built (fixtures), decode ->
 * serialize, every-prefix truncation and byte-flip fuzz (typed errors only,
 * never TypeError/RangeError or a hang).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Reader } from '../src/wire/reader.js';
import { PacketMalformed, PacketTruncated } from '../src/wire/errors.js';
import { parseJson, type JsonObject, type JsonValue } from '../src/wire/json/json.js';
import { Reader as PcapReader, Writer as PcapWriter } from '../src/lib/pcaplib.js';
import { pcapFrames } from './pcap_fixtures.js';
import { Packet } from '../src/lib/packet/packet.js';
import { DecodeCtx, PacketBase, type PacketClass } from '../src/lib/packet/packet_base.js';
import { checksum } from '../src/lib/packet/packet_utils.js';
import { StreamParser, TooSmallException } from '../src/lib/packet/stream_parser.js';
import { packetDecodeMain } from '../src/cli/packet_decode.js';
import { Ethernet } from '../src/lib/packet/ethernet.js';
import { ARP, ARP_REQUEST } from '../src/lib/packet/arp.js';
import { IPv4 } from '../src/lib/packet/ipv4.js';
import { IPv6, HopOpts, IPv6Option, Fragment } from '../src/lib/packet/ipv6.js';
import { TCP, TCPOptionMaximumSegmentSize, TCPOptionTimestamps, TCPOptionNoOperation } from '../src/lib/packet/tcp.js';
import { UDP } from '../src/lib/packet/udp.js';
import { ICMP, Echo } from '../src/lib/packet/icmp.js';
import { ICMPv6, NdNeighbor, NdOptionSLA } from '../src/lib/packet/icmpv6.js';
import { VLAN, SVLAN } from '../src/lib/packet/vlan.js';
import { MPLS } from '../src/lib/packet/mpls.js';
import { LLC, ControlFormatU } from '../src/lib/packet/llc.js';
import { ITag } from '../src/lib/packet/pbb.js';
import { GRE, nvgre } from '../src/lib/packet/gre.js';
import { VXLAN } from '../src/lib/packet/vxlan.js';
import { Geneve, OptionDataUnknown } from '../src/lib/packet/geneve.js';
import { LLDP, ChassisID, PortID, TTL, End, SystemName } from '../src/lib/packet/lldp.js';
import { IGMP, IGMPv3Report, IGMPv3ReportGroup } from '../src/lib/packet/igmp.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIX = join(ROOT, 'test', 'fixtures', 'packet', 'packet_protocols.pcap');
/**
 * Frame 13 (IPv6 + routing_type3): os-ken's routing_type3.serialize omits the
 * pad bytes its size field counts, so the frame os-ken built is itself
 * inconsistent (the decoder eats 4 TCP bytes as padding); not round-trippable.
 * Frame 29 (LLC S-format): os-ken decodes pf_bit from bit 8 (the format bit)
 * but encodes it in bit 0, so its own decode -> encode changes the byte.
 */
const SELF_INCONSISTENT = new Set([12, 28]);
/** Frames 31/32 carry a GRE key: os-ken's JSON has no key (a property), so JSON -> wire cannot rebuild it. */
const GRE_KEY = new Set([30, 31]);

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

function frames(): Uint8Array[] {
  return pcapFrames(FIX);
}

function expectedJson(): JsonValue[] {
  return readFileSync(`${FIX}.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l)
    .map((l) => parseJson(l));
}

test('ARP request as in the os-ken docs: build, length, parse back', () => {
  const e = new Ethernet({ dst: 'ff:ff:ff:ff:ff:ff', src: '08:60:6e:7f:74:e7', ethertype: 0x0806 });
  const a = new ARP({ hwtype: 1, proto: 0x0800, hlen: 6, plen: 4, opcode: ARP_REQUEST, src_mac: '08:60:6e:7f:74:e7', src_ip: '192.0.2.1', dst_mac: '00:00:00:00:00:00', dst_ip: '192.0.2.2' });
  const p = new Packet();
  p.addProtocol(e).addProtocol(a);
  const bytes = p.serialize();
  assert.equal(bytes.length, 60); // 14 + 28 + 18 padding
  assert.equal(hex(bytes.subarray(0, 14)), 'ffffffffffff08606e7f74e70806');
  const q = new Packet(bytes);
  assert.equal(q.protocols.length, 2);
  assert.deepEqual(q.getProtocol(ARP)!.toJsonDict(), a.toJsonDict());
  assert.equal(q.getProtocol(Ethernet)!.ethertype, 0x0806);
  assert.equal(q.getProtocol(IPv4), null);
  assert.equal(q.getProtocols(PacketBase).length, 2);
  assert.equal([...q].length, 2);
});

test('IPv4/TCP build computes lengths and checksums', () => {
  const ip = new IPv4({ proto: 6, src: '192.168.0.1', dst: '192.168.0.2', ttl: 64 });
  const t = new TCP({ src_port: 1234, dst_port: 80, seq: 100, bits: 0x02, window_size: 1024, option: [new TCPOptionMaximumSegmentSize({ max_seg_size: 1460 }), new TCPOptionNoOperation(), new TCPOptionTimestamps({ ts_val: 1, ts_ecr: 2 })] });
  const payload = new TextEncoder().encode('hello');
  const p = new Packet({ protocols: [new Ethernet(), ip, t, payload] });
  const b = p.serialize();
  assert.equal(ip.total_length, 20 + 36 + 5);
  assert.equal(t.offset, 9);
  assert.equal(checksum(b, 14, 34), 0, 'ipv4 header checksum verifies');
  // TCP checksum over pseudo header + segment verifies to 0
  const seg = b.subarray(34, 14 + ip.total_length);
  const pseudo = new Uint8Array(12 + seg.length);
  pseudo.set([192, 168, 0, 1, 192, 168, 0, 2, 0, 6, 0, seg.length]);
  pseudo.set(seg, 12);
  assert.equal(checksum(pseudo), 0, 'tcp checksum verifies');
  const back = new Packet(b);
  assert.deepEqual(back.protocols.map((x) => (x instanceof PacketBase ? x.protocolName : 'raw')), ['ethernet', 'ipv4', 'tcp', 'raw']);
  assert.equal(new Packet(b).serialize().length, b.length);
  assert.equal(hex(new Packet(b).serialize()), hex(b));
});

test('UDP over IPv6 checksum, ICMPv6 ND checksum', () => {
  const v6 = new IPv6({ nxt: 17, src: 'fe80::1', dst: 'fe80::2', ext_hdrs: [] });
  const u = new UDP({ src_port: 9, dst_port: 9 });
  const b = new Packet({ protocols: [new Ethernet({ ethertype: 0x86dd }), v6, u, Uint8Array.of(1, 2, 3)] }).serialize();
  assert.equal(u.total_length, 11);
  assert.equal(v6.payload_length, 11);
  assert.notEqual(u.csum, 0);
  const nd = new ICMPv6({ type_: 135, data: new NdNeighbor({ dst: 'fe80::2', option: new NdOptionSLA({ hw_src: '00:11:22:33:44:55' }) }) });
  const b2 = new Packet({ protocols: [new Ethernet({ ethertype: 0x86dd }), new IPv6({ nxt: 58, src: 'fe80::1', dst: 'ff02::1' }), nd] }).serialize();
  const back = new Packet(b2).getProtocol(ICMPv6)!;
  assert.equal(back.csum, nd.csum);
  assert.ok(back.data instanceof NdNeighbor);
  assert.equal(b.length, 14 + 40 + 11);
});

test('every core protocol: build -> bytes -> decode -> same JSON and same bytes', () => {
  const cases: PacketBase[][] = [
    [new Ethernet({ ethertype: 0x8100 }), new VLAN({ vid: 5, pcp: 3 }), new IPv4({ proto: 1 }), new ICMP({ data: new Echo({ id_: 1, seq: 2, data: Uint8Array.of(9, 9) }) })],
    [new Ethernet({ ethertype: 0x88a8 }), new SVLAN({ vid: 1, ethertype: 0x88e7 }), new ITag({ sid: 77 }), new Ethernet({ ethertype: 0x0806 }), new ARP()],
    [new Ethernet({ ethertype: 0x8847 }), new MPLS({ label: 16, bsb: 1 }), new IPv4({ proto: 17 }), new UDP({ src_port: 1, dst_port: 4789 }), new VXLAN({ vni: 42 }), new Ethernet({ ethertype: 0x0806 }), new ARP()],
    [new Ethernet(), new IPv4({ proto: 47 }), nvgre(0, 0x1234, 5), new Ethernet({ ethertype: 0x0806 }), new ARP()],
    [new Ethernet(), new IPv4({ proto: 47 }), new GRE({ checksum: 1, seq_number: 3 }), new IPv4({ proto: 2 }), new IGMP({ msgtype: 0x16, address: '239.0.0.1' })],
    [new Ethernet(), new IPv4({ proto: 17 }), new UDP({ dst_port: 6081 }), new Geneve({ vni: 3, options: [new OptionDataUnknown({ option_class: 1, type_: 2, buf: Uint8Array.of(1, 2, 3, 4) })] }), new Ethernet({ ethertype: 0x0806 }), new ARP()],
    [new Ethernet({ ethertype: 0x86dd }), new IPv6({ nxt: 0, ext_hdrs: [new HopOpts({ nxt: 44, data: [new IPv6Option({ type_: 5, len_: 2, data: Uint8Array.of(0, 0) }), new IPv6Option({ type_: 1, len_: 0 })] }), new Fragment({ nxt: 6, offset: 1, more: 1, id_: 5 })] }), new TCP({ src_port: 1, dst_port: 2 })],
    [new Ethernet({ dst: '01:80:c2:00:00:0e', ethertype: 0x88cc }), new LLDP({ tlvs: [new ChassisID({ subtype: 4, chassis_id: Uint8Array.of(1, 2, 3, 4, 5, 6) }), new PortID({ subtype: 5, port_id: new TextEncoder().encode('p1') }), new TTL({ ttl: 60 }), new SystemName({ system_name: new TextEncoder().encode('sw') }), new End()] })],
    [new Ethernet(), new IPv4({ proto: 2 }), new IGMPv3Report({ records: [new IGMPv3ReportGroup({ type_: 1, address: '239.1.1.1', srcs: ['1.1.1.1'] })] })],
    [new Ethernet({ ethertype: 60 }), new LLC({ dsap_addr: 0xaa, ssap_addr: 0xaa, control: new ControlFormatU() })],
  ];
  for (const protos of cases) {
    const bytes = new Packet({ protocols: protos }).serialize();
    const back = new Packet(bytes);
    assert.equal(back.error, null, `${protos.map((p) => p.protocolName).join('/')}: ${String(back.error)}`);
    const names = back.protocols.map((x) => (x instanceof PacketBase ? x.protocolName : 'raw'));
    assert.deepEqual(names.slice(0, protos.length), protos.map((p) => p.protocolName));
    for (let i = 0; i < protos.length; i++) {
      const got = back.protocols[i] as PacketBase;
      const exp = protos[i]!.toJsonDict();
      // LLDP TLVs built from fields have no tlv_info; decoded ones do
      if (protos[i] instanceof LLDP) continue;
      assert.deepEqual(got.toJsonDict(), exp, `${protos[i]!.protocolName}`);
    }
    assert.equal(hex(new Packet(bytes).serialize()), hex(bytes));
  }
});

/** the expected JSON array with every auto-computed checksum/length zeroed, os-ken style */
function zeroAuto(arr: JsonValue[]): JsonValue[] {
  return arr.map((item) => {
    const o = item as JsonObject;
    const [name] = Object.keys(o);
    if (typeof o[name!] !== 'object') return item;
    const body = { ...(o[name!] as JsonObject) };
    if (name === 'ipv4') body.total_length = 0;
    if (name === 'udp') {
      body.total_length = 0;
      body.csum = 0;
    }
    if (name === 'tcp' || name === 'icmp' || name === 'icmpv6' || name === 'igmp' || name === 'igmpv3_query' || name === 'igmpv3_report') body.csum = 0;
    if (name === 'ipv6') body.payload_length = 0;
    return { [name!]: body };
  });
}

test('fixtures: oracle JSON -> wire gives the frame os-ken built (with and without checksums)', () => {
  const fs = frames();
  const exp = expectedJson();
  let checked = 0;
  // frames 0..41 of packet_protocols.pcap are whole packets built by os-ken (see gen_fixtures.py)
  for (let i = 0; i < 42; i++) {
    const e = exp[i]!;
    const frame = fs[i]!;
    // frames shorter than 60 bytes: Ethernet serialisation pads them (os-ken too)
    if (!Array.isArray(e) || SELF_INCONSISTENT.has(i) || GRE_KEY.has(i) || frame.length < 60) continue;
    const withCsum = Packet.fromJsonDict({ protocols: e }).serialize();
    assert.equal(hex(withCsum), hex(frame), `frame ${i + 1}: JSON -> wire`);
    const lldp = e.some((x) => typeof x === 'object' && x !== null && 'lldp' in x);
    const llcTcp = i === 39; // tcp under LLC: no IP pseudo header, checksum kept
    if (!lldp && !llcTcp) {
      const auto = Packet.fromJsonDict({ protocols: zeroAuto(e) }).serialize();
      assert.equal(hex(auto), hex(frame), `frame ${i + 1}: JSON (checksums zeroed) -> wire`);
    }
    checked++;
  }
  assert.ok(checked >= 35, `checked ${checked}`);
});

test('fixtures: decode -> serialize reproduces every well-formed frame', () => {
  const fs = frames();
  for (let i = 0; i < 42; i++) {
    if (SELF_INCONSISTENT.has(i) || fs[i]!.length < 60) continue;
    const p = new Packet(fs[i]!);
    assert.equal(p.error, null, `frame ${i + 1}`);
    assert.equal(hex(new Packet(fs[i]!).serialize()), hex(fs[i]!), `frame ${i + 1}`);
  }
});

test('fixtures: Packet JSON round trip', () => {
  for (const f of frames()) {
    const p = new Packet(f);
    const j = p.toJsonDict();
    const q = Packet.fromJsonDict(j);
    assert.deepEqual(q.toJsonDict(), j);
  }
});

const CLASSES: PacketClass[] = [Ethernet, VLAN, SVLAN, ITag, MPLS, ARP, LLC, IPv4, IPv6, TCP, UDP, GRE, VXLAN, Geneve, ICMP, ICMPv6, IGMP, LLDP];

function onlyTyped(fn: () => void, what: string): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof PacketTruncated || e instanceof PacketMalformed) return;
    assert.fail(`${what}: untyped error ${(e as Error).name}: ${(e as Error).message}`);
  }
}

test('truncation sweep: every prefix of every fixture frame and of every layer', () => {
  for (const f of frames()) {
    for (let n = 0; n <= f.length; n++) {
      const pre = f.subarray(0, n);
      onlyTyped(() => new Packet(pre), `Packet prefix ${n}`);
      for (let off = 0; off < Math.min(n, 80); off += 2) {
        for (const cls of CLASSES) {
          const r = new Reader(pre, off, n);
          onlyTyped(() => cls.decode(r, new DecodeCtx()), `${cls.jsonName} at ${off}/${n}`);
        }
      }
    }
  }
});

test('fuzz: byte flips and random frames never crash or hang', () => {
  let seed = 12345;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  const fs = frames();
  const t0 = Date.now();
  for (let iter = 0; iter < 20000; iter++) {
    const base = fs[rnd() % fs.length]!;
    const b = base.slice();
    const flips = 1 + (rnd() % 4);
    for (let k = 0; k < flips; k++) b[rnd() % b.length] = rnd() & 0xff;
    onlyTyped(() => {
      const p = new Packet(b);
      p.toJsonArray();
    }, `fuzz ${iter}`);
  }
  assert.ok(Date.now() - t0 < 60000);
});

test('pcaplib: writer output reads back; both byte orders and nanosecond magic', () => {
  const chunks: Uint8Array[] = [];
  const w = new PcapWriter({ write: (b: Uint8Array) => chunks.push(b.slice()) }, 65535, 1);
  w.writePkt(Uint8Array.of(1, 2, 3), 1000.25);
  w.writePkt(Uint8Array.of(4, 5), 0.5);
  const file = Buffer.concat(chunks);
  const recs = [...new PcapReader(new Uint8Array(file))];
  assert.deepEqual(
    recs.map(([ts, d]) => [ts, [...d]]),
    [
      [1000.25, [1, 2, 3]],
      [0, [4, 5]],
    ],
  );
  // big-endian, nanosecond
  const be = Buffer.alloc(24 + 16 + 2);
  be.writeUInt32BE(0xa1b23c4d, 0);
  be.writeUInt16BE(2, 4);
  be.writeUInt16BE(4, 6);
  be.writeUInt32BE(65535, 16);
  be.writeUInt32BE(1, 20);
  be.writeUInt32BE(5, 24);
  be.writeUInt32BE(500000000, 28);
  be.writeUInt32BE(2, 32);
  be.writeUInt32BE(2, 36);
  be[40] = 7;
  be[41] = 8;
  const r = new PcapReader(new Uint8Array(be));
  assert.equal(r.nanosecond, true);
  assert.equal(r.byteorder, 'big');
  assert.deepEqual([...r].map(([ts, d]) => [ts, [...d]]), [[5.5, [7, 8]]]);
});

class LenPrefixed extends StreamParser<string> {
  tryParse(q: Uint8Array): [string, Uint8Array] {
    if (q.length < 1 || q.length < 1 + q[0]!) throw new TooSmallException();
    return [Buffer.from(q.subarray(1, 1 + q[0]!)).toString(), q.subarray(1 + q[0]!)];
  }
}

test('StreamParser: messages split at every byte boundary', () => {
  const stream = Uint8Array.from([3, 97, 98, 99, 0, 2, 120, 121, 1, 122]);
  for (let cut = 0; cut <= stream.length; cut++) {
    const p = new LenPrefixed();
    const got = [...p.parse(stream.subarray(0, cut)), ...p.parse(stream.subarray(cut))];
    assert.deepEqual(got, ['abc', '', 'xy', 'z']);
  }
  const p = new LenPrefixed();
  const got: string[] = [];
  for (const b of stream) got.push(...p.parse(Uint8Array.of(b)));
  assert.deepEqual(got, ['abc', '', 'xy', 'z']);
});

test('CLI: usage errors return 2', async () => {
  assert.equal(await packetDecodeMain([]), 2);
  assert.equal(await packetDecodeMain(['--bogus']), 2);
});

test('PacketBase.parser (os-ken API) returns [header, next, rest]', () => {
  const bytes = new Packet({ protocols: [new Ethernet(), new IPv4({ proto: 17 }), new UDP({ src_port: 1, dst_port: 2 }), Uint8Array.of(7, 7)] }).serialize();
  const [eth, next, rest] = Ethernet.parser(bytes);
  assert.ok(eth instanceof Ethernet);
  assert.equal(next, IPv4);
  assert.equal(rest.length, bytes.length - 14);
  const [ip, next2, rest2] = IPv4.parser(rest);
  assert.ok(ip instanceof IPv4);
  assert.equal(next2, UDP);
  assert.equal(rest2.length, 10);
  assert.equal(hex(new Ethernet().serialize(new Uint8Array(0), null)), 'ffffffffffff0000000000000800');
});
