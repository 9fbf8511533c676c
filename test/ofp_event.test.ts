/** Every OpenFlow message class of every version has its EventOFP<Name> export (the generated list is current). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../src/ofproto/all.js';
import * as ofpEvent from '../src/controller/ofp_event.js';
import { registeredClasses } from '../src/ofproto/struct.js';
import { MsgBase } from '../src/ofproto/ofproto_parser.js';

test('EventOFP<Name> exists for every message class (regenerate with node dist/tools/gen_ofp_events.js)', () => {
  const missing: string[] = [];
  for (const v of [1, 3, 4, 5, 6]) {
    for (const [name, cls] of registeredClasses(v)) {
      if (!((cls as unknown as { prototype: unknown }).prototype instanceof MsgBase)) continue;
      const ev = (ofpEvent as Record<string, unknown>)[`Event${name}`];
      if (ev !== ofpEvent.ofpEventClass(name)) missing.push(`v${v} ${name}`);
    }
  }
  assert.deepEqual(missing, []);
  assert.equal(ofpEvent.EventOFPPacketIn.name, 'EventOFPPacketIn');
});
