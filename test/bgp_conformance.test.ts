/**
 * BGP conformance against os-ken's bgp4 pcap corpus
 * (../shared/conformance/pcap/bgp4): every frame decoded with Packet must
 * print os-ken's JSON (expected {"error"} lines, where os-ken itself cannot
 * print the frame, are skipped), and every BGP message of the corpus must
 * serialise back to its exact bytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Packet } from '../src/lib/packet/packet.js';
import { pcapFrames } from './pcap_fixtures.js';
import { parseJson, stringifyJson } from '../src/wire/json/json.js';
import { BGPMessage } from '../src/lib/packet/bgp.js';

const here = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(here, '..', '..');
const CORPUS = resolve(REPO_ROOT, '..', 'shared', 'conformance', 'pcap', 'bgp4');


const files = readdirSync(CORPUS).filter((f) => f.endsWith('.pcap')).sort();
let checked = 0;
let skipped = 0;
let roundTrips = 0;

for (const f of files) {
  test(`bgp4 ${f}`, () => {
    const expected = readFileSync(join(CORPUS, `${f}.jsonl`), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const fr = pcapFrames(join(CORPUS, f));
    assert.equal(fr.length, expected.length, 'one expected line per frame');
    fr.forEach((buf, i) => {
      const pkt = new Packet(buf);
      const bgp = pkt.protocols.filter((p): p is BGPMessage => p instanceof BGPMessage);
      // round trip: every message re-encodes to its own bytes
      for (const m of bgp) {
        const bytes = m.serialize();
        const idx = Buffer.from(buf).indexOf(Buffer.from(bytes));
        assert.ok(idx >= 0, `${f}#${i}: ${m.constructor.name} re-encodes to different bytes`);
        roundTrips++;
      }
      const exp = parseJson(expected[i]!);
      if (exp !== null && typeof exp === 'object' && !Array.isArray(exp) && 'error' in exp) {
        skipped++;
        assert.ok(bgp.length > 0, `${f}#${i}: osken should still decode the BGP message(s)`);
        return;
      }
      const got = parseJson(stringifyJson(pkt.toJsonArray()));
      assert.deepEqual(got, exp, `${f}#${i}`);
      checked++;
    });
  });
}

test('bgp4 corpus summary', () => {
  console.log(`bgp4: ${checked} frames equal to os-ken, ${skipped} oracle-error frames skipped, ${roundTrips} messages round-tripped`);
  assert.equal(checked + skipped, 25);
});
