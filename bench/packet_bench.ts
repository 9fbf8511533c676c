/**
 * Packet library throughput: decode of an Ethernet/IPv4/TCP frame (with
 * NOP,NOP,Timestamps options and 64 bytes of payload) and build+serialize of
 * the same frame. Prints frames/s. Run: node dist/bench/packet_bench.js
 */
import { Packet } from '../src/lib/packet/packet.js';
import { Ethernet } from '../src/lib/packet/ethernet.js';
import { IPv4 } from '../src/lib/packet/ipv4.js';
import { TCP, TCPOptionNoOperation, TCPOptionTimestamps } from '../src/lib/packet/tcp.js';

const payload = new Uint8Array(64).fill(0x61);

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

/** best of `rounds` timed runs (the machine is shared; best-of filters interference) */
function bench(name: string, fn: () => unknown, rounds = 3): number {
  const w0 = Date.now();
  while (Date.now() - w0 < 500) for (let i = 0; i < 1000; i++) fn();
  let best = 0;
  for (let k = 0; k < rounds; k++) best = Math.max(best, run(name, fn, k === rounds - 1 ? best : -1));
  return best;
}

function run(name: string, fn: () => unknown, printBest: number, ms = 700): number {
  let n = 0;
  let sink: unknown = null;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    for (let i = 0; i < 2000; i++) sink = fn();
    n += 2000;
  }
  const ns = Number(process.hrtime.bigint() - t0);
  const c = process.cpuUsage(c0);
  // CPU time of this process: stable when other work shares the cores
  const cpuNs = (c.user + c.system) * 1000;
  const rate = (n * 1e9) / cpuNs;
  if (printBest < 0) return rate;
  const shown = Math.max(rate, printBest);
  const showNs = 1e9 / shown;
  console.log(
    `${name.padEnd(30)} ${Math.round(shown).toLocaleString('en-US').padStart(11)} frames/s  ${showNs.toFixed(0).padStart(5)} ns/frame (CPU time, best of 3; last run wall ${(ns / n).toFixed(0)} ns)${sink === undefined ? ' ' : ''}`,
  );
  return rate;
}

const frame = build().serialize().slice();
console.log(`frame: ${frame.length} bytes (ethernet/ipv4/tcp[nop,nop,timestamps]/64B payload)`);
bench('parse  new Packet(frame)', () => new Packet(frame));
bench('parse + getProtocol(TCP)', () => new Packet(frame).getProtocol(TCP)!.dst_port);
bench('build + serialize', () => build().serialize());
bench('parse + toJsonArray', () => new Packet(frame).toJsonArray());
