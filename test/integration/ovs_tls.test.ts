/**
 * OpenFlow over TLS with real Open vSwitch and ovs-pki certificates: the handshake completes
 * and traffic flows; a switch whose certificate comes from another CA is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Manager, Ovs, ovsUnavailable, PEERS, REPO_ROOT, sh, sleep } from './ovs_env.js';

const skip = ovsUnavailable();

test('OpenFlow 1.3 over TLS: verified switch connects, foreign-CA switch is refused', { skip: skip ?? false, timeout: 120000 }, async () => {
  const base = mkdtempSync(join(tmpdir(), 'osken-pki-'));
  const pki1 = join(base, 'pki1');
  const pki2 = join(base, 'pki2');
  sh(`bash ${PEERS}/ovs-pki.sh ${pki1} && bash ${PEERS}/ovs-pki.sh ${pki2}`);
  // a switch with a certificate from pki2's CA that still trusts our controller (pki1)
  const foreign = join(base, 'foreign');
  mkdirSync(join(foreign, 'pki', 'controllerca'), { recursive: true });
  copyFileSync(join(pki2, 'sc-privkey.pem'), join(foreign, 'sc-privkey.pem'));
  copyFileSync(join(pki2, 'sc-cert.pem'), join(foreign, 'sc-cert.pem'));
  copyFileSync(join(pki1, 'pki', 'controllerca', 'cacert.pem'), join(foreign, 'pki', 'controllerca', 'cacert.pem'));

  const sslPort = 26681;
  const mgr = new Manager([
    '--ofp-listen-host', '127.0.0.1', '--ofp-tcp-listen-port', '26680', '--ofp-ssl-listen-port', String(sslPort),
    '--ctl-privkey', join(pki1, 'ctl-privkey.pem'), '--ctl-cert', join(pki1, 'ctl-cert.pem'),
    '--ca-certs', join(pki1, 'pki', 'switchca', 'cacert.pem'),
    join(REPO_ROOT, 'dist', 'examples', 'simple_switch_13.js'),
  ]);
  let ovs = new Ovs(sslPort, 2, { PROTOCOLS: 'OpenFlow13', CTRL_TARGET: `ssl:127.0.0.1:${sslPort}`, SSL_DIR: pki1 });
  try {
    await mgr.start();
    await mgr.waitFor(/listening on .*\(tls\)/);
    ovs.up();
    const failed = await ovs.pingAll(5);
    assert.deepEqual(failed, [], `TLS switch pings; log:\n${mgr.output}`);
    await sleep(300); // the pings above run synchronously: let the manager's log output arrive
    assert.match(mgr.output, /connected socket/);
    ovs.down();

    const before = (mgr.output.match(/connected socket/g) ?? []).length;
    ovs = new Ovs(sslPort, 2, { PROTOCOLS: 'OpenFlow13', CTRL_TARGET: `ssl:127.0.0.1:${sslPort}`, SSL_DIR: foreign });
    ovs.up();
    const t0 = Date.now();
    while (!/TLS handshake failed/.test(mgr.output) && Date.now() - t0 < 15000) await sleep(200);
    assert.match(mgr.output, /TLS handshake failed/, mgr.output);
    assert.equal((mgr.output.match(/connected socket/g) ?? []).length, before, 'the foreign switch never became a datapath');
    assert.equal(ovs.ping(1, 2), false, 'no controller, no flows: traffic does not pass');
  } finally {
    await mgr.stop().catch(() => undefined);
    ovs.down();
  }
});
