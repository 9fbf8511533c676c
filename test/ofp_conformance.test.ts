/**
 * OpenFlow conformance against os-ken's own corpus (../shared/conformance/ofp):
 * decode -> JSON equal, JSON -> bytes equal, and bytes equal with every len/length removed.
 * Cases listed in test/conformance/pending_<dir>.txt are work not done yet: they run as
 * `todo` (shown in the summary), and a pending case that passes fails the suite so the
 * list only shrinks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCase, loadCases, REPO_ROOT, VERSION_DIRS } from './conformance/ofp_corpus.js';

for (const dir of VERSION_DIRS) {
  const pf = join(REPO_ROOT, 'test', 'conformance', `pending_${dir}.txt`);
  const pending = new Set(existsSync(pf) ? readFileSync(pf, 'utf8').split('\n').map((s) => s.trim()).filter((s) => s && !s.startsWith('#')) : []);
  for (const c of loadCases(dir)) {
    const isPending = pending.has(c.name);
    test(`ofp ${dir} ${c.name}`, isPending ? { todo: 'pending (test/conformance/pending list)' } : {}, () => {
      const fails = checkCase(c);
      if (isPending) {
        assert.ok(fails.length > 0, `${c.name} passes now: remove it from pending_${dir}.txt`);
        throw new Error(fails.join('; '));
      }
      assert.deepEqual(fails, []);
    });
  }
}
