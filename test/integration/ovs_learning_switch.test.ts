/**
 * The learning switch against real Open vSwitch 3.1 (userspace datapath, 3 hosts in
 * network namespaces), for each OpenFlow version: all-pairs ping, the expected flows in
 * dump-flows, and after a controller restart the switch reconnects and traffic flows again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Manager, Ovs, ovsUnavailable, REPO_ROOT, sleep } from './ovs_env.js';

const skip = ovsUnavailable();

const CASES = [
  { proto: 'OpenFlow13', app: 'simple_switch_13.js', port: 26661 },
  { proto: 'OpenFlow14', app: 'simple_switch_14.js', port: 26662 },
  { proto: 'OpenFlow15', app: 'simple_switch_15.js', port: 26663 },
  { proto: 'OpenFlow10', app: 'simple_switch.js', port: 26664 },
  // the default app (no app given): negotiates whatever the switch speaks
  { proto: 'OpenFlow10,OpenFlow13,OpenFlow14,OpenFlow15', app: null, port: 26666 },
  { proto: 'OpenFlow10', app: null, port: 26667 },
];

for (const c of CASES) {
  test(`learning switch on OVS with ${c.proto}${c.app ? '' : ' (default app)'}`, { skip: skip ?? false, timeout: 90000 }, async () => {
    const args = ['--ofp-listen-host', '127.0.0.1', '--ofp-tcp-listen-port', String(c.port)];
    const mgr = new Manager(c.app ? [...args, join(REPO_ROOT, 'dist', 'examples', c.app)] : args);
    const dumpProto = c.proto.split(',').pop()!;
    const ovs = new Ovs(c.port, 3, { PROTOCOLS: c.proto });
    try {
      await mgr.start();
      ovs.up();
      const failed = await ovs.pingAll();
      assert.deepEqual(failed, [], `pings failed; controller log:\n${mgr.output}`);
      const flows = ovs.ofctl(`-O ${dumpProto} dump-flows br0`);
      for (const [i, j] of [[1, 2], [2, 1], [3, 1]]) {
        assert.match(flows, new RegExp(`priority=1,in_port="?[^,]*${i}"?,dl_src=00:00:00:00:00:0${i},dl_dst=00:00:00:00:00:0${j} actions=output:"?[^ ]*${j}`), flows);
      }
      // restart the controller with the flows gone: the switch must reconnect and the app re-learn
      assert.equal(await mgr.stop(), 0, 'osken-manager exits 0 on SIGTERM');
      ovs.ofctl(`-O ${dumpProto} del-flows br0`);
      await mgr.start();
      const t0 = Date.now();
      let again: string[] = ['not tried'];
      while (Date.now() - t0 < 30000) {
        if (/connected socket/.test(mgr.output)) {
          again = await ovs.pingAll(2);
          if (again.length === 0) break;
        }
        await sleep(500);
      }
      assert.deepEqual(again, [], `after restart; controller log:\n${mgr.output}`);
      assert.match(ovs.ofctl(`-O ${dumpProto} dump-flows br0`), /priority=1,/);
    } finally {
      await mgr.stop().catch(() => undefined);
      ovs.down();
    }
  });
}

test('pcap writer app: every packet-in lands in a PCAP file that decodes', { skip: skip ?? false, timeout: 60000 }, async () => {
  const { mkdtempSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { Reader } = await import('../../src/lib/pcaplib.js');
  const { Packet } = await import('../../src/lib/packet/packet.js');
  const pcap = join(mkdtempSync(join(tmpdir(), 'osken-pcap-')), 'in.pcap');
  process.env.OSKEN_PCAP = pcap;
  const mgr = new Manager(['--ofp-listen-host', '127.0.0.1', '--ofp-tcp-listen-port', '26665', join(REPO_ROOT, 'dist', 'examples', 'pcap_writer.js')]);
  const ovs = new Ovs(26665, 2, { PROTOCOLS: 'OpenFlow13' });
  try {
    await mgr.start();
    ovs.up();
    assert.deepEqual(await ovs.pingAll(), [], mgr.output);
  } finally {
    assert.equal(await mgr.stop(), 0);
    ovs.down();
    delete process.env.OSKEN_PCAP;
  }
  const frames = [...new Reader(new Uint8Array(readFileSync(pcap)))];
  assert.ok(frames.length >= 2, `packet-ins captured: ${frames.length}`);
  const kinds = frames.map(([, data]) => new Packet(data).protocols.map((p) => (p as { constructor: { jsonName?: string } }).constructor.jsonName ?? 'raw').join('/'));
  assert.ok(kinds.some((k) => k.startsWith('ethernet/arp') || k.startsWith('ethernet/ipv4/icmp')), kinds.join('\n'));
});
