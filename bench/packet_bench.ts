/**
 * Packet library throughput, each figure beside os-ken's for the same work
 * measured in the same run with /usr/bin/python3 (skipped when os_ken is not
 * importable), and the ratio:
 *  - parse of an Ethernet/IPv4/TCP frame (NOP,NOP,Timestamps options, 64
 *    bytes of payload), build+serialize of the same frame, parse+JSON;
 *  - parse of a typical LLDP frame (chassis id, port id, TTL, system name, end);
 *  - the BGP figures of bench/bgp_bench.ts (UPDATE parse/serialize).
 * Rates are per second of CPU time of the process, best of 3 runs.
 *
 * Run (all packet-library figures): npx tsc -p tsconfig.json && node dist/bench/packet_bench.js
 */
import { Packet } from '../src/lib/packet/packet.js';
import { Ethernet } from '../src/lib/packet/ethernet.js';
import { IPv4 } from '../src/lib/packet/ipv4.js';
import { TCP, TCPOptionNoOperation, TCPOptionTimestamps } from '../src/lib/packet/tcp.js';
import { ChassisID, End, LLDP, PortID, SystemName, TTL } from '../src/lib/packet/lldp.js';
import { bgpFigures, cpuRate, oskenRates, printFigures, type Figure } from './bgp_bench.js';

const payload = new Uint8Array(64).fill(0x61);
const enc = new TextEncoder();

function build(): Packet {
  return new Packet({
    protocols: [
      new Ethernet({ dst: '00:11:22:33:44:55', src: '66:77:88:99:aa:bb', ethertype: 0x0800 }),
      new IPv4({ proto: 6, src: '10.0.0.1', dst: '10.0.0.2', ttl: 64, identification: 1234, flags: 2 }),
      new TCP({
        src_port: 40000,
        dst_port: 80,
        seq: 123456789,
        ack: 987654321,
        bits: 0x18,
        window_size: 501,
        option: [new TCPOptionNoOperation(), new TCPOptionNoOperation(), new TCPOptionTimestamps({ ts_val: 1, ts_ecr: 2 })],
      }),
      payload,
    ],
  });
}

function lldpFrame(): Uint8Array {
  return new Packet({
    protocols: [
      new Ethernet({ dst: '01:80:c2:00:00:0e', src: '66:77:88:99:aa:bb', ethertype: 0x88cc }),
      new LLDP({
        tlvs: [
          new ChassisID({ subtype: 4, chassis_id: new Uint8Array([0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb]) }),
          new PortID({ subtype: 7, port_id: enc.encode('Ethernet12') }),
          new TTL({ ttl: 120 }),
          new SystemName({ system_name: enc.encode('leaf-01.example.net') }),
          new End(),
        ],
      }),
    ],
  })
    .serialize()
    .slice();
}

// the same work in os-ken: Packet(frame), the frame built with os-ken's classes, Packet(lldp frame)
const PY_PACKET = `
import os
from os_ken.lib.packet import packet, ethernet, ipv4, tcp, lldp
d = sys.argv[1]
frame = open(os.path.join(d, 'frame.bin'), 'rb').read()
lframe = open(os.path.join(d, 'lldp.bin'), 'rb').read()
payload = b'a' * 64
def build():
    p = packet.Packet()
    p.add_protocol(ethernet.ethernet(dst='00:11:22:33:44:55', src='66:77:88:99:aa:bb', ethertype=0x0800))
    p.add_protocol(ipv4.ipv4(proto=6, src='10.0.0.1', dst='10.0.0.2', ttl=64, identification=1234, flags=2))
    p.add_protocol(tcp.tcp(src_port=40000, dst_port=80, seq=123456789, ack=987654321, bits=0x18, window_size=501,
        option=[tcp.TCPOptionNoOperation(), tcp.TCPOptionNoOperation(), tcp.TCPOptionTimestamps(ts_val=1, ts_ecr=2)]))
    p.add_protocol(payload)
    p.serialize()
    return p.data
assert bytes(build()) == frame, 'os-ken builds a different frame'
assert len(packet.Packet(lframe).get_protocol(lldp.lldp).tlvs) == 5
out('eth_parse', lambda: packet.Packet(frame))
out('eth_build', build)
out('eth_json', lambda: [p.to_jsondict() for p in packet.Packet(frame).protocols if not isinstance(p, (bytes, bytearray))])
out('lldp_parse', lambda: packet.Packet(lframe))
`;

const frame = build().serialize().slice();
const lframe = lldpFrame();
if (new Packet(lframe).getProtocol(LLDP)?.tlvs.length !== 5) throw new Error('LLDP bench frame does not decode to 5 TLVs');

const figs: Figure[] = [];
figs.push({ name: `Ethernet/IPv4/TCP parse (${frame.length} B frame)`, ours: cpuRate(() => new Packet(frame)), key: 'eth_parse' });
figs.push({ name: 'Ethernet/IPv4/TCP parse + getProtocol(TCP)', ours: cpuRate(() => new Packet(frame).getProtocol(TCP)!.dst_port), key: null });
figs.push({ name: 'Ethernet/IPv4/TCP build + serialize', ours: cpuRate(() => build().serialize()), key: 'eth_build' });
figs.push({ name: 'Ethernet/IPv4/TCP parse + to JSON', ours: cpuRate(() => new Packet(frame).toJsonArray()), key: 'eth_json' });
figs.push({ name: `LLDP parse (${lframe.length} B: chassis, port, TTL, name, end)`, ours: cpuRate(() => new Packet(lframe)), key: 'lldp_parse' });
const base = oskenRates(PY_PACKET, { 'frame.bin': frame, 'lldp.bin': lframe });
printFigures('Packet library (frame: ethernet/ipv4/tcp[nop,nop,timestamps]/64 B payload)', figs, base);

const b = bgpFigures();
printFigures(`BGP (${b.note})`, b.figs, b.base);
