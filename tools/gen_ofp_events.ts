/**
 * Generates src/controller/ofp_events_generated.ts: one named EventOFP<Name> export for every
 * OpenFlow message class of every version (os-ken's ofp_event creates them the same way).
 * Run: npm run build && node dist/tools/gen_ofp_events.js
 */
import { writeFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../src/ofproto/all.js';
import { registeredClasses } from '../src/ofproto/struct.js';
import { MsgBase } from '../src/ofproto/ofproto_parser.js';

const here = dirname(fileURLToPath(import.meta.url));
const names = new Set<string>();
for (const v of [1, 3, 4, 5, 6]) {
  for (const [name, cls] of registeredClasses(v)) if ((cls as unknown as { prototype: unknown }).prototype instanceof MsgBase) names.add(name);
}
const sorted = [...names].sort();
const body = [
  '// Created by tools/gen_ofp_events.ts: do not edit by hand.',
  '/** EventOFP<Name> for every OpenFlow message class of every version. */',
  "import { ofpEventClass } from './ofp_event_base.js';",
  '',
  ...sorted.map((n) => `export const Event${n} = ofpEventClass('${n}');`),
  '',
].join('\n');
writeFileSync(resolve(here, '..', '..', 'src', 'controller', 'ofp_events_generated.ts'), body);
console.log(`${sorted.length} event classes`);
