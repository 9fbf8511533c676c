/**
 * Lossless JSON: integers outside the safe range parse to bigint, and bigint
 * prints as bare digits, so 64- and 128-bit OpenFlow fields survive exactly.
 */
import { JsonDictError } from '../errors.js';

export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | { [k: string]: JsonValue };
export type JsonObject = { [k: string]: JsonValue };

/** Stringify with bigint support. indent: like JSON.stringify's third argument. */
export function stringifyJson(value: unknown, indent?: number): string {
  const out: string[] = [];
  const nl = indent ? '\n' : '';
  const pad = (d: number) => (indent ? ' '.repeat(indent * d) : '');
  const walk = (v: unknown, depth: number): void => {
    if (v === null || v === undefined) {
      out.push('null');
    } else if (typeof v === 'bigint') {
      out.push(v.toString());
    } else if (v instanceof JsonFloat) {
      out.push(pyFloatRepr(v.value));
    } else if (typeof v === 'number') {
      out.push(Number.isFinite(v) ? String(v) : 'null');
    } else if (typeof v === 'string') {
      out.push(JSON.stringify(v));
    } else if (typeof v === 'boolean') {
      out.push(v ? 'true' : 'false');
    } else if (Array.isArray(v)) {
      if (v.length === 0) {
        out.push('[]');
        return;
      }
      out.push('[' + nl);
      v.forEach((x, i) => {
        out.push(pad(depth + 1));
        walk(x, depth + 1);
        if (i < v.length - 1) out.push(',');
        out.push(nl);
      });
      out.push(pad(depth) + ']');
    } else if (typeof v === 'object') {
      const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
      if (keys.length === 0) {
        out.push('{}');
        return;
      }
      out.push('{' + nl);
      keys.forEach((k, i) => {
        out.push(pad(depth + 1) + JSON.stringify(k) + (indent ? ': ' : ':'));
        walk((v as Record<string, unknown>)[k], depth + 1);
        if (i < keys.length - 1) out.push(',');
        out.push(nl);
      });
      out.push(pad(depth) + '}');
    } else {
      out.push('null');
    }
  };
  walk(value, 0);
  return out.join('');
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Parse JSON text; integers beyond Number.MAX_SAFE_INTEGER become bigint. Nesting is bounded. */
export function parseJson(text: string, maxDepth = 512): JsonValue {
  let i = 0;
  const fail = (msg: string): never => {
    throw new JsonDictError(`JSON: ${msg} at ${i}`);
  };
  const ws = () => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };
  const value = (depth: number): JsonValue => {
    if (depth > maxDepth) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: JsonObject = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected key');
        const k = str();
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        obj[k] = value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const arr: JsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail('unexpected character');
    i += m[0].length;
    if (m[2] === undefined && m[3] === undefined) {
      const n = Number(m[0]);
      return Number.isSafeInteger(n) ? n : BigInt(m[0]);
    }
    return Number(m[0]);
  };
  const str = (): string => {
    const start = i;
    i++;
    let simple = true;
    while (i < text.length) {
      const ch = text.charCodeAt(i);
      if (ch === 0x22) break;
      if (ch === 0x5c) {
        simple = false;
        i += 2;
        continue;
      }
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    const raw = text.slice(start, i);
    return simple ? raw.slice(1, -1) : (JSON.parse(raw) as string);
  };
  const v = value(0);
  ws();
  if (i !== text.length) fail('trailing characters');
  return v;
}

export function base64Encode(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

export function base64Decode(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/* ---- HOOK (added by the packet2 protocols engineer; see their report) ----
 * os-ken prints Python floats (bpdu timers, zebra link params) as `20.0`, and
 * the oracles compare 20.0 != 20. A field that is a float in os-ken is emitted
 * as `new JsonFloat(x)` (cast to JsonValue); stringifyJson prints it the way
 * Python's repr(float) does. Parsing gives back a plain number. */
export class JsonFloat {
  constructor(readonly value: number) {}
}

/** Python repr() of a float: shortest round-trip digits, always with '.' or an exponent. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const ax = Math.abs(x);
  if (ax >= 1e16 || ax < 1e-4) {
    // Python: d.ddde+XX with at least two exponent digits
    const [m, e] = x.toExponential().split('e') as [string, string];
    const exp = Number(e);
    const sign = exp < 0 ? '-' : '+';
    return `${m}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const s = String(x);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}
