/**
 * Packet library fuzzing: mutate frames from the pcap corpus and fixtures (bit flips, truncation,
 * 16-bit length lies, zeroed lengths, splices, insertions) with a fixed seed; every frame must
 * decode (os-ken's rule: stop at a bad layer, keep the rest as raw payload) and print as JSON,
 * or throw one of osken's typed errors. Anything else is a crash, kept under test/fuzz/crashes/.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Packet } from '../../src/lib/packet/packet.js';
import { Reader } from '../../src/lib/pcaplib.js';
import { OskenError } from '../../src/wire/errors.js';
import { stringifyJson } from '../../src/wire/json/json.js';
import { mutate, rng } from './ofp_fuzz_core.js';

/** Every frame of every .pcap below the given folders (at most `limit` frames per file). */
export function loadFrames(dirs: string[], limit = 200): Uint8Array[] {
  const out: Uint8Array[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.pcap')) {
        let k = 0;
        for (const [, data] of new Reader(new Uint8Array(readFileSync(p)))) {
          if (k++ >= limit) break;
          out.push(Uint8Array.from(data));
        }
      }
    }
  };
  for (const d of dirs) walk(d);
  return out;
}

export interface PacketFuzzReport {
  cases: number;
  clean: number;
  stoppedWithError: number;
  typedThrows: Record<string, number>;
  crashes: { sha1: string; error: string }[];
  slowest: number;
}

export function runPacketFuzz(frames: Uint8Array[], cases: number, seed: number, crashDir?: string): PacketFuzzReport {
  const r = rng(seed);
  const rep: PacketFuzzReport = { cases: 0, clean: 0, stoppedWithError: 0, typedThrows: {}, crashes: [], slowest: 0 };
  for (let i = 0; i < cases; i++) {
    const b = mutate(r, frames);
    const t0 = performance.now();
    try {
      const pkt = new Packet(b);
      stringifyJson(pkt.toJsonArray());
      if (pkt.error) rep.stoppedWithError++;
      else rep.clean++;
    } catch (e) {
      if (e instanceof OskenError) rep.typedThrows[e.name] = (rep.typedThrows[e.name] ?? 0) + 1;
      else {
        const sha1 = createHash('sha1').update(b).digest('hex');
        rep.crashes.push({ sha1, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
        if (crashDir) {
          mkdirSync(crashDir, { recursive: true });
          writeFileSync(join(crashDir, `packet-${sha1}.bin`), b);
        }
      }
    }
    const dt = performance.now() - t0;
    if (dt > rep.slowest) rep.slowest = dt;
    rep.cases++;
  }
  return rep;
}
