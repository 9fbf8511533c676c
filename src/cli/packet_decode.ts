/**
 * `osken packet decode --pcap FILE`: one compact JSON line per frame, the
 * array of the frame's protocols (`proto.toJsonDict()`, raw trailing bytes
 * as `{"payload": base64}`), exactly as ../shared/oracle/packet_decode.py.
 * A frame our decoder throws on prints `{"error": "..."}` and the exit
 * status becomes 1.
 */
import { Reader } from '../lib/pcaplib.js';
import { Packet } from '../lib/packet/packet.js';
import { stringifyJson } from '../wire/json/json.js';

/** Decode one frame to its output line; ok=false when decoding threw. */
export function decodeFrameLine(buf: Uint8Array): { line: string; ok: boolean } {
  try {
    const pkt = new Packet(buf);
    return { line: stringifyJson(pkt.toJsonArray()), ok: true };
  } catch (e) {
    const why = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 200);
    return { line: stringifyJson({ error: why }), ok: false };
  }
}

/** Decode every frame of a pcap (given as bytes) to output lines. */
export function decodePcapLines(bytes: Uint8Array): { lines: string[]; ok: boolean } {
  const lines: string[] = [];
  let ok = true;
  for (const [, buf] of new Reader(bytes)) {
    const r = decodeFrameLine(buf);
    lines.push(r.line);
    ok = ok && r.ok;
  }
  return { lines, ok };
}

function usage(msg: string): number {
  process.stderr.write(`${msg}\nusage: osken packet decode --pcap FILE\n`);
  return 2;
}

async function writeOut(s: string): Promise<void> {
  if (s.length === 0) return;
  await new Promise<void>((resolve, reject) => {
    process.stdout.write(s, (err) => (err ? reject(err) : resolve()));
  });
}

export async function packetDecodeMain(argv: string[]): Promise<number> {
  let pcap: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--pcap') {
      if (i + 1 >= argv.length) return usage('--pcap needs a file');
      pcap = argv[++i]!;
    } else if (a.startsWith('--pcap=')) pcap = a.slice(7);
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: osken packet decode --pcap FILE\n');
      return 0;
    } else return usage(`unknown argument ${a}`);
  }
  if (pcap === null) return usage('--pcap is required');
  let reader: Reader;
  try {
    reader = Reader.open(pcap);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  let ok = true;
  let chunk: string[] = [];
  let size = 0;
  for (const [, buf] of reader) {
    const r = decodeFrameLine(buf);
    ok = ok && r.ok;
    chunk.push(r.line);
    size += r.line.length;
    if (size > 1 << 20) {
      await writeOut(chunk.join('\n') + '\n');
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length) await writeOut(chunk.join('\n') + '\n');
  return ok ? 0 : 1;
}
