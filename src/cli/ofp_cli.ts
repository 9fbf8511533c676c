/**
 * `osken ofp decode FILE...` and `osken ofp encode --version V [--xid N] FILE.json`,
 * the contract of ../shared/oracle/README.md (same output as os-ken's oracle scripts).
 */
import { readFileSync } from 'node:fs';
import '../ofproto/all.js';
import '../lib/packet/packet.js';
import { header, msg, ofpMsgFromJsonDict } from '../ofproto/ofproto_parser.js';
import { OFPTruncatedMessage } from '../wire/errors.js';
import { parseJson, stringifyJson, type JsonValue } from '../wire/json/json.js';
import { OFPStruct } from '../ofproto/struct.js';

/** Decode one raw message into os-ken's JSON line (or {"error": ...}). */
export function decodeToJson(buf: Uint8Array): { ok: boolean; json: JsonValue } {
  try {
    const [version, msgType, msgLen, xid] = header(buf);
    // os-ken checks len(buf) >= msg_len but raises that only when the parser itself did not raise
    // OFPTruncatedMessage (which only its 1.3 parser does)
    const short = buf.length < msgLen;
    const m = msg(null, version, msgType, msgLen, xid, buf, { oskenCompat: true });
    if (short) return { ok: false, json: { error: `buffer of ${buf.length} bytes shorter than message length ${msgLen}` } };
    return { ok: true, json: m.toJsonDict() };
  } catch (e) {
    if (e instanceof OFPTruncatedMessage && e.ofpmsg instanceof OFPStruct && buf[0] === 4 && !e.bodyComplete) {
      return { ok: true, json: { OFPTruncatedMessage: e.ofpmsg.toJsonDict() } };
    }
    return { ok: false, json: { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) } };
  }
}

/** Encode os-ken JSON into wire bytes. */
export function encodeFromJson(json: JsonValue, version: number, xid = 0): Uint8Array {
  const m = ofpMsgFromJsonDict(null, json, version);
  m.xid = xid;
  m.serialize();
  return m.buf!;
}

export function ofpMain(argv: string[], out: (s: string | Uint8Array) => void, err: (s: string) => void): number {
  const [cmd, ...rest] = argv;
  if (cmd === 'decode') {
    if (rest.length === 0) {
      err('usage: osken ofp decode FILE...\n');
      return 2;
    }
    let status = 0;
    for (const f of rest) {
      let buf: Uint8Array;
      try {
        buf = readFileSync(f);
      } catch (e) {
        out(stringifyJson({ error: `cannot read ${f}: ${(e as Error).message}` }) + '\n');
        status = 1;
        continue;
      }
      const r = decodeToJson(buf);
      if (!r.ok) status = 1;
      out(stringifyJson(r.json) + '\n');
    }
    return status;
  }
  if (cmd === 'encode') {
    let version: number | undefined;
    let xid = 0;
    let file: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (a === '--version') version = Number(rest[++i]);
      else if (a.startsWith('--version=')) version = Number(a.slice(10));
      else if (a === '--xid') xid = Number(rest[++i]);
      else if (a.startsWith('--xid=')) xid = Number(a.slice(6));
      else file = a;
    }
    if (version === undefined || !Number.isInteger(version) || !file || !Number.isInteger(xid)) {
      err('usage: osken ofp encode --version V [--xid N] FILE.json\n');
      return 2;
    }
    try {
      const json = parseJson(readFileSync(file, 'utf8'));
      out(encodeFromJson(json, version, xid));
      return 0;
    } catch (e) {
      err(`${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
      return 1;
    }
  }
  err('usage: osken ofp decode FILE... | osken ofp encode --version V [--xid N] FILE.json\n');
  return 2;
}
