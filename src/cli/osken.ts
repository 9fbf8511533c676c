/** The `osken` tool command: `osken ofp decode|encode ...`, `osken packet decode --pcap FILE`. */
import { ofpMain } from './ofp_cli.js';

const USAGE = `usage:
  osken ofp decode FILE...
  osken ofp encode --version V [--xid N] FILE.json
  osken packet decode --pcap FILE
`;

export async function main(argv: string[]): Promise<number> {
  const [group, ...rest] = argv;
  const out = (s: string | Uint8Array) => {
    process.stdout.write(s);
  };
  const err = (s: string) => {
    process.stderr.write(s);
  };
  if (group === 'ofp') return ofpMain(rest, out, err);
  if (group === 'packet') {
    // loaded on demand so `osken ofp ...` does not pay for the packet library
    const mod = await import('./packet_decode.js');
    if (rest[0] !== 'decode') {
      err(USAGE);
      return 2;
    }
    return mod.packetDecodeMain(rest.slice(1));
  }
  if (group === '--version') {
    out('osken 0.1.0\n');
    return 0;
  }
  err(USAGE);
  return 2;
}
