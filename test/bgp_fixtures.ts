/** The os-ken-made BGP and BMP fixtures of test/fixtures/bgp (generators beside them). */
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJson, type JsonValue } from '../src/wire/json/json.js';

export const BGP_FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'bgp');

export interface BgpFixture {
  name: string;
  hex: string;
  json: JsonValue;
  /** the JSON is os-ken's own (not only ours) */
  oskenJson: boolean;
}

/** One fixture file: messages.json (BGP) or bmp_messages.json (BMP). */
export function loadBgpFixtures(file: 'messages.json' | 'bmp_messages.json'): BgpFixture[] {
  return parseJson(readFileSync(join(BGP_FIXTURES, file), 'utf8')) as unknown as BgpFixture[];
}
