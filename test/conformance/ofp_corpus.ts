/**
 * The OpenFlow conformance procedure of ../shared/conformance/README.md, as a library
 * shared by the node:test suite and the report script.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeToJson, encodeFromJson } from '../../src/cli/ofp_cli.js';
import { parseJson, type JsonValue } from '../../src/wire/json/json.js';
import { OskenError } from '../../src/wire/errors.js';
import { msgFromBuffer } from '../../src/ofproto/ofproto_parser.js';

const here = dirname(fileURLToPath(import.meta.url));
/** repo root: dist/test/conformance -> ../../.. */
export const REPO_ROOT = resolve(here, '..', '..', '..');
export const CORPUS = resolve(REPO_ROOT, '..', 'shared', 'conformance', 'ofp');
export const VERSION_DIRS = ['of10', 'of12', 'of13', 'of14', 'of15'] as const;

export interface Case {
  dir: string;
  name: string;
  bytes: Uint8Array;
  expected: JsonValue;
  decodeError: boolean;
  serializable: boolean;
}

function lines(p: string): Set<string> {
  return existsSync(p) ? new Set(readFileSync(p, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean)) : new Set();
}

/** One folder of NAME.packet + NAME.packet.json with its manifests (serializable, decode_errors, decode_skip). */
export function loadCasesFrom(d: string, label: string): Case[] {
  const errs = lines(join(d, 'decode_errors.txt'));
  const ser = lines(join(d, 'serializable.txt'));
  const skip = lines(join(d, 'decode_skip.txt'));
  return readdirSync(d)
    .filter((f) => f.endsWith('.packet') && !skip.has(f))
    .sort()
    .map((name) => ({
      dir: label,
      name,
      bytes: new Uint8Array(readFileSync(join(d, name))),
      expected: parseJson(readFileSync(join(d, name + '.json'), 'utf8')),
      decodeError: errs.has(name),
      serializable: ser.has(name),
    }));
}

/** A version folder of the os-ken corpus (of10 ... of15). */
export function loadCases(dir: string): Case[] {
  return loadCasesFrom(join(CORPUS, dir), dir);
}

/** A folder of os-ken-built fixtures under test/fixtures. */
export function loadFixtureCases(dir: string, label = `fixtures/${dir}`): Case[] {
  return loadCasesFrom(join(REPO_ROOT, 'test', 'fixtures', dir), label);
}

/** Deep equality with exact integers: number and bigint compare by value, never float. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    if (typeof a === 'number' && !Number.isInteger(a)) return a === b;
    if (typeof b === 'number' && !Number.isInteger(b)) return a === b;
    return BigInt(a) === BigInt(b);
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function stripLengths(j: JsonValue): JsonValue {
  if (Array.isArray(j)) return j.map(stripLengths);
  if (j !== null && typeof j === 'object' && typeof j !== 'bigint') {
    const o: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(j)) if (k !== 'len' && k !== 'length') o[k] = stripLengths(v);
    return o;
  }
  return j;
}

/** Run the three checks on one case; returns the list of failures (empty = pass). */
export function checkCase(c: Case): string[] {
  const fails: string[] = [];
  const got = decodeToJson(c.bytes);
  if (c.decodeError) {
    if (got.ok || !(got.json && typeof got.json === 'object' && 'error' in got.json)) fails.push('decode: expected {"error"}');
  } else if (!jsonEqual(got.json, c.expected)) {
    fails.push('decode: JSON differs');
  }
  if (c.serializable) {
    const version = c.bytes[0]!;
    const xid = new DataView(c.bytes.buffer, c.bytes.byteOffset).getUint32(4);
    for (const [label, json] of [['encode', c.expected], ['encode without len', stripLengths(c.expected)]] as const) {
      try {
        const out = encodeFromJson(json, version, xid);
        if (Buffer.compare(Buffer.from(out), Buffer.from(c.bytes)) !== 0) fails.push(`${label}: bytes differ`);
      } catch (e) {
        fails.push(`${label}: ${(e as Error).message}`);
      }
    }
  }
  return fails;
}

/** Hostile-input check: decoding `buf` (and printing its JSON) gives a message or a typed OskenError, within 500 ms. */
export function decodeTyped(buf: Uint8Array, label: string): void {
  const t0 = Date.now();
  try {
    const m = msgFromBuffer(null, buf);
    JSON.stringify(m.toJsonDict(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  } catch (e) {
    if (!(e instanceof OskenError)) {
      throw new Error(`${label}: untyped ${(e as Error).constructor.name}: ${(e as Error).message}`);
    }
  }
  const dt = Date.now() - t0;
  if (dt > 500) throw new Error(`${label}: decoding took ${dt} ms`);
}
