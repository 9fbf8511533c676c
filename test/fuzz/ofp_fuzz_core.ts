/**
 * OpenFlow decoder fuzzing: mutate corpus messages (bit flips, truncation, length-field
 * lies, splices, zeroed TLV lengths, insertions) with a fixed seed and require that every
 * case either decodes (and prints as JSON) or throws one of osken's typed errors.
 * Anything else is a crash; its input is kept under test/fuzz/crashes/<sha1>.bin.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import '../../src/ofproto/all.js';
import { msg } from '../../src/ofproto/ofproto_parser.js';
import { OskenError } from '../../src/wire/errors.js';
import { stringifyJson } from '../../src/wire/json/json.js';

/** mulberry32: small, fast, seeded */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadCorpus(dirs: string[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const d of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const n of names.sort()) if (n.endsWith('.packet')) out.push(new Uint8Array(readFileSync(join(d, n))));
  }
  return out;
}

export function mutate(r: () => number, corpus: Uint8Array[]): Uint8Array {
  const src = corpus[Math.floor(r() * corpus.length)]!;
  const b = Uint8Array.from(src);
  const kind = Math.floor(r() * 7);
  const at = (n = b.length) => Math.floor(r() * Math.max(1, n));
  switch (kind) {
    case 0: {
      // bit flips
      const n = 1 + Math.floor(r() * 8);
      for (let i = 0; i < n && b.length; i++) b[at()]! ^= 1 << Math.floor(r() * 8);
      return b;
    }
    case 1:
      // truncation (the header still claims the full length)
      return b.subarray(0, at(b.length + 1));
    case 2: {
      // a 16-bit length lie at an even offset (most OpenFlow lengths are aligned)
      if (b.length < 4) return b;
      const off = (at(b.length - 1) & ~1) >>> 0;
      const v = [0, 1, 4, 7, 8, 0xffff, Math.floor(r() * 65536), ((b[off]! << 8) | b[off + 1]!) + 8][Math.floor(r() * 8)]!;
      b[off] = (v >> 8) & 0xff;
      b[off + 1] = v & 0xff;
      return b;
    }
    case 3: {
      // header length lie
      if (b.length < 4) return b;
      const v = Math.floor(r() * 65536);
      b[2] = v >> 8;
      b[3] = v & 0xff;
      return b;
    }
    case 4: {
      // splice: head of this message, tail of another
      const other = corpus[Math.floor(r() * corpus.length)]!;
      const cut = at(b.length);
      const out = new Uint8Array(cut + other.length - Math.min(other.length, cut));
      out.set(b.subarray(0, cut));
      out.set(other.subarray(Math.min(other.length, cut)), cut);
      return out;
    }
    case 5: {
      // zero a 16-bit field (zero-length TLV bait)
      if (b.length < 10) return b;
      const off = 8 + (at(b.length - 9) & ~1);
      b[off] = 0;
      b[off + 1] = 0;
      return b;
    }
    default: {
      // insert random bytes
      const n = 1 + Math.floor(r() * 16);
      const pos = at(b.length + 1);
      const out = new Uint8Array(b.length + n);
      out.set(b.subarray(0, pos));
      for (let i = 0; i < n; i++) out[pos + i] = Math.floor(r() * 256);
      out.set(b.subarray(pos), pos + n);
      return out;
    }
  }
}

export interface FuzzReport {
  cases: number;
  decoded: number;
  typedErrors: Record<string, number>;
  crashes: { sha1: string; error: string }[];
  slowest: number;
}

export function runFuzz(corpus: Uint8Array[], cases: number, seed: number, crashDir?: string): FuzzReport {
  const r = rng(seed);
  const rep: FuzzReport = { cases: 0, decoded: 0, typedErrors: {}, crashes: [], slowest: 0 };
  for (let i = 0; i < cases; i++) {
    const b = mutate(r, corpus);
    const t0 = performance.now();
    try {
      if (b.length < 8) {
        rep.typedErrors.short = (rep.typedErrors.short ?? 0) + 1;
      } else {
        const len = (b[2]! << 8) | b[3]!;
        const xid = ((b[4]! << 24) | (b[5]! << 16) | (b[6]! << 8) | b[7]!) >>> 0;
        const m = msg(null, b[0]!, b[1]!, len, xid, b);
        stringifyJson(m.toJsonDict());
        rep.decoded++;
      }
    } catch (e) {
      if (e instanceof OskenError) {
        rep.typedErrors[e.name] = (rep.typedErrors[e.name] ?? 0) + 1;
      } else {
        const sha1 = createHash('sha1').update(b).digest('hex');
        rep.crashes.push({ sha1, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
        if (crashDir) {
          mkdirSync(crashDir, { recursive: true });
          writeFileSync(join(crashDir, `${sha1}.bin`), b);
        }
      }
    }
    const dt = performance.now() - t0;
    if (dt > rep.slowest) rep.slowest = dt;
    rep.cases++;
  }
  return rep;
}
