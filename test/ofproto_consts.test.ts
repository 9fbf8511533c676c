// Checks the OpenFlow constant modules against os-ken, name by name.
//
// test/fixtures/ofproto_consts.json was generated once with /usr/bin/python3
// from the installed os-ken, roughly:
//
//   mods = {m: importlib.import_module('os_ken.ofproto.' + m) for m in
//           ['ofproto_common', 'ether', 'inet', 'nicira_ext', 'ofproto_v1_0', ...]}
//   ints = lambda mod: {k: str(v) for k, v in vars(mod).items()
//                       if not k.startswith('_') and k.upper() == k
//                       and isinstance(v, int) and not isinstance(v, bool)}
//   json.dump({name: ints(mod) for name, mod in mods.items()}, fp)
//
// Values are decimal strings (compared as BigInt, so nothing loses precision).
// Under "_functions" it also holds [function, args, result] samples computed by
// os-ken's helpers (ofp_msg_type_to_str, ofp_error_code_to_str, oxm_tlv_header,
// ofs_nbits, nxm_nx_reg, ...); a name starting with '=' is a non-numeric value
// (the NXM_IP_FRAG_* pairs) compared as JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import * as ofproto_common from '../src/ofproto/ofproto_common.js';
import * as ether from '../src/ofproto/ether.js';
import * as inet from '../src/ofproto/inet.js';
import * as nicira_ext from '../src/ofproto/nicira_ext.js';
import * as ofproto_v1_0 from '../src/ofproto/ofproto_v1_0.js';
import * as ofproto_v1_2 from '../src/ofproto/ofproto_v1_2.js';
import * as ofproto_v1_3 from '../src/ofproto/ofproto_v1_3.js';
import * as ofproto_v1_4 from '../src/ofproto/ofproto_v1_4.js';
import * as ofproto_v1_5 from '../src/ofproto/ofproto_v1_5.js';

type Sample = [string, unknown[], unknown];
interface Fixture {
  _functions: Record<string, Sample[]>;
  [module: string]: Record<string, string> | Record<string, Sample[]>;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/ofproto_consts.json', import.meta.url), 'utf8'),
) as Fixture;

const modules: Record<string, Record<string, unknown>> = {
  ofproto_common, ether, inet, nicira_ext,
  ofproto_v1_0, ofproto_v1_2, ofproto_v1_3, ofproto_v1_4, ofproto_v1_5,
};

const CONST_NAME = /^[A-Z][A-Z0-9_]*$/;

test('fixture covers every module under test', () => {
  const names = Object.keys(fixture).filter((k) => !k.startsWith('_')).sort();
  assert.deepEqual(names, Object.keys(modules).sort());
});

for (const [name, mod] of Object.entries(modules)) {
  const expected = fixture[name] as Record<string, string>;

  test(`${name}: every os-ken constant with the same value`, () => {
    const missing: string[] = [];
    const wrong: string[] = [];
    for (const [key, want] of Object.entries(expected)) {
      const got = mod[key];
      if (typeof got !== 'number' && typeof got !== 'bigint') {
        missing.push(key);
        continue;
      }
      if (typeof got === 'number' && !Number.isSafeInteger(got)) {
        wrong.push(`${key}=${got} (not a safe integer)`);
      } else if (BigInt(got) !== BigInt(want)) {
        wrong.push(`${key}=${got} (os-ken: ${want})`);
      } else if (typeof got === 'bigint' && BigInt(want) <= BigInt(Number.MAX_SAFE_INTEGER)) {
        wrong.push(`${key} is a bigint but fits a number`);
      }
    }
    assert.deepEqual(missing, [], `${missing.length} missing`);
    assert.deepEqual(wrong, []);
    assert.ok(Object.keys(expected).length > 0);
  });

  test(`${name}: no numeric constant that os-ken lacks`, () => {
    const extra = Object.keys(mod).filter(
      (k) => CONST_NAME.test(k) && (typeof mod[k] === 'number' || typeof mod[k] === 'bigint') && !(k in expected),
    );
    assert.deepEqual(extra, []);
  });
}

test('OFP_VERSION of each version module', () => {
  assert.equal(ofproto_v1_0.OFP_VERSION, 1);
  assert.equal(ofproto_v1_2.OFP_VERSION, 3);
  assert.equal(ofproto_v1_3.OFP_VERSION, 4);
  assert.equal(ofproto_v1_4.OFP_VERSION, 5);
  assert.equal(ofproto_v1_5.OFP_VERSION, 6);
});

test('values that differ between versions are kept apart', () => {
  assert.equal(ofproto_v1_0.OFPP_FLOOD, 0xfffb);
  assert.equal(ofproto_v1_3.OFPP_FLOOD, 0xfffffffb);
  assert.equal(ofproto_v1_2.OFP_PORT_MOD_SIZE, 40);
  assert.equal(ofproto_v1_4.OFP_PORT_MOD_SIZE, 32);
  assert.equal(ofproto_v1_3.OFP_TCP_PORT, 6633);
  assert.equal(ofproto_v1_5.OFP_TCP_PORT, 6653);
  assert.equal(ofproto_v1_5.OXM_OF_ETH_DST_W, ofproto_v1_5.oxm_tlv_header_w(ofproto_v1_5.OFPXMT_OFB_ETH_DST, 6));
});

for (const [name, samples] of Object.entries(fixture._functions)) {
  test(`${name}: helper functions agree with os-ken`, () => {
    const mod = modules[name];
    assert.ok(mod, name);
    for (const [fn, args, want] of samples) {
      if (fn.startsWith('=')) {
        assert.deepEqual(mod[fn.slice(1)], want, fn);
        continue;
      }
      const f = mod[fn];
      assert.equal(typeof f, 'function', `${name}.${fn}`);
      const got: unknown = (f as (...a: unknown[]) => unknown)(...args);
      assert.deepEqual(got, want, `${name}.${fn}(${args.join(', ')})`);
    }
  });
}
