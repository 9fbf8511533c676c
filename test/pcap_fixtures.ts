/**
 * Helpers for tests that compare frames of a pcap with an oracle's JSON lines: the frames (read with
 * the library's own pcaplib Reader) and a canonical JSON text to compare lines by.
 */
import { Reader as PcapReader } from '../src/lib/pcaplib.js';

/** The frames of a pcap file, in order. */
export function pcapFrames(path: string): Uint8Array[] {
  return [...PcapReader.open(path)].map(([, d]) => d);
}

/** Canonical JSON text: keys sorted, number tokens verbatim (so big integers compare exactly). */
export function canonJson(text: string): string {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const str = (): string => {
    const s = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.stringify(JSON.parse(text.slice(s, i)) as string);
  };
  const val = (): string => {
    ws();
    const c = text[i]!;
    if (c === '{' || c === '[') {
      const obj = c === '{';
      i++;
      const items: [string, string][] = [];
      ws();
      if (text[i] === (obj ? '}' : ']')) {
        i++;
        return obj ? '{}' : '[]';
      }
      for (;;) {
        ws();
        let k = '';
        if (obj) {
          k = str();
          ws();
          i++;
        }
        items.push([k, val()]);
        ws();
        if (text[i++] === (obj ? '}' : ']')) break;
      }
      if (!obj) return '[' + items.map((x) => x[1]).join(',') + ']';
      items.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return '{' + items.map(([k, v]) => `${k}:${v}`).join(',') + '}';
    }
    if (c === '"') return str();
    const m = /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 64))!;
    i += m[0].length;
    return m[0];
  };
  return val();
}
