/**
 * The ofctl API and DPSet against real Open vSwitch 3.1 speaking OpenFlow 1.3 (userspace
 * datapath in a network namespace of its own, so it can run beside the other OVS tests):
 * EventDP enter with the bridge's ports; port description and flow stats with replyMulti
 * (checked against ovs-ofctl); a flow-mod OVS rejects surfaces as OFError; ports added and
 * deleted with ovs-vsctl give EventPortAdd / EventPortDelete; a controller removed with
 * ovs-vsctl gives EventDP leave and InvalidDatapath; a switch that dies while a request waits
 * fails the request with InvalidDatapath.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppManager, OSKenApp } from '../../src/base/app_manager.js';
import { OFPHandler } from '../../src/controller/ofp_handler.js';
import { setEvCls } from '../../src/controller/handler.js';
import type { Datapath } from '../../src/controller/controller.js';
import { DPSet, EventDP, EventPortAdd, EventPortDelete, PortNotFound, type EventDPBase } from '../../src/controller/dpset.js';
import * as ofctl from '../../src/app/ofctl/api.js';
import { InvalidDatapath, OFError } from '../../src/app/ofctl/exception.js';
import * as p13 from '../../src/ofproto/ofproto_v1_3_parser.js';
import * as ofp13 from '../../src/ofproto/ofproto_v1_3.js';
import type { MsgBase } from '../../src/ofproto/ofproto_parser.js';
import { setLogLevel } from '../../src/lib/log.js';
import { Ovs, ovsUnavailable, sh, sleep } from './ovs_env.js';

const skip = ovsUnavailable();
const CTRL_PORT = 26670;
const { OFPP_LOCAL, OFPET_FLOW_MOD_FAILED, OFPFMFC_BAD_TABLE_ID } = ofp13;

class Probe extends OSKenApp {
  static override appName = 'ofctl_probe';
  static override _CONTEXTS = { dpset: DPSet };
  static override OFP_VERSIONS = [4];
  declare dpset: DPSet;
  events: EventDPBase[] = [];
  @setEvCls([EventDP, EventPortAdd, EventPortDelete])
  onEvent(ev: EventDPBase): void {
    this.events.push(ev);
  }
}

async function waitFor<T>(f: () => T | undefined, what: string, ms = 10000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error(`timeout waiting for ${what}`);
    await sleep(20);
  }
}

function on<M extends MsgBase>(dp: Datapath, m: M): M {
  m.datapath = dp;
  return m;
}

const flowStatsRequest = (dp: Datapath, cookie: bigint) =>
  on(dp, new p13.OFPFlowStatsRequest({ flags: 0, table_id: 0xff, out_port: 0xffffffff, out_group: 0xffffffff, cookie, cookie_mask: 0xffffffffffffffffn, match: new p13.OFPMatch() }));

test('ofctl and dpset against Open vSwitch (OpenFlow 1.3)', { skip: skip ?? false, timeout: 90000 }, async () => {
  setLogLevel('error');
  const mgr = new AppManager();
  const [app] = (await mgr.instantiateApps([Probe])) as [Probe];
  const probe = app!;
  const h = new OFPHandler({ manager: mgr, controllerOptions: { listenHost: '127.0.0.1', tcpPort: CTRL_PORT, echoInterval: 0 } });
  mgr.register(h);
  h.markStarted();
  await h.start();
  // the switch runs in netns ofc-sw; hosts ofc-h1, ofc-h2 on ports 1, 2 (switch-side names ofch1, ofch2)
  const ovs = new Ovs(CTRL_PORT, 2, { PROTOCOLS: 'OpenFlow13', SWNS: 'ofc-sw', NS_PREFIX: 'ofc-', TAG: 'ofc' });
  const entered = () => probe.events.filter((e): e is EventDP => e instanceof EventDP && e.enter);
  const left = () => probe.events.filter((e): e is EventDP => e instanceof EventDP && !e.enter);
  try {
    ovs.up();

    // EventDP enter with the ports of the 1.3 port description
    const enter = await waitFor(() => entered()[0], 'EventDP enter');
    const dp = enter.dp;
    assert.equal(dp.id, 1n);
    assert.equal(dp.ofproto.OFP_VERSION, 4);
    assert.deepEqual(enter.ports.map((p) => p.port_no).sort((a, b) => a - b), [1, 2, OFPP_LOCAL]);
    assert.equal(probe.dpset.getPort(1, 2).name, 'ofch2');
    assert.equal(await ofctl.getDatapath(probe, 1), dp);
    assert.deepEqual(await ofctl.getDatapath(probe), [dp]);

    // port description, multipart
    const pd = await ofctl.sendMsg(probe, on(dp, new p13.OFPPortDescStatsRequest({ flags: 0 })), { replyCls: p13.OFPPortDescStatsReply, replyMulti: true });
    assert.ok(pd.length >= 1);
    const ports = new Map(pd.flatMap((m) => m.body).map((p) => [p.port_no, p.name]));
    assert.equal(ports.get(1), 'ofch1');
    assert.equal(ports.get(2), 'ofch2');
    assert.equal(ports.get(OFPP_LOCAL), 'br0');

    // a flow-mod without reply, then flow stats finds it (and so does ovs-ofctl)
    const cookie = 0xc0ffeen;
    const add = new p13.OFPFlowMod({
      datapath: dp, cookie, table_id: 0, command: 0, priority: 123,
      match: new p13.OFPMatch({ in_port: 1, eth_type: 0x0800 }),
      instructions: [new p13.OFPInstructionActions({ type: 4, actions: [new p13.OFPActionOutput({ port: 2 })] })],
    });
    assert.equal(await ofctl.sendMsg(probe, add), null);
    const fs = await ofctl.sendMsg(probe, flowStatsRequest(dp, cookie), { replyCls: p13.OFPFlowStatsReply, replyMulti: true });
    const flows = fs.flatMap((m) => m.body);
    assert.equal(flows.length, 1, 'exactly the flow with our cookie');
    assert.equal(flows[0]!.cookie, cookie);
    assert.equal(flows[0]!.priority, 123);
    assert.match(ovs.ofctl('-O OpenFlow13 dump-flows br0'), /cookie=0xc0ffee,.*priority=123,ip,in_port=1 actions=output:2/);
    const none = await ofctl.sendMsg(probe, flowStatsRequest(dp, 0xdeadn), { replyCls: p13.OFPFlowStatsReply, replyMulti: true });
    assert.deepEqual(none.flatMap((m) => m.body), [], 'no flow with another cookie');

    // a flow-mod OVS rejects: table 255 (OFPTT_ALL) is not a table to add to
    const bad = new p13.OFPFlowMod({ datapath: dp, table_id: 255, command: 0, priority: 1, match: new p13.OFPMatch(), instructions: [] });
    await assert.rejects(ofctl.sendMsg(probe, bad), (e: unknown) => {
      assert.ok(e instanceof OFError, String(e));
      assert.equal(e.errors[0]!.type, OFPET_FLOW_MOD_FAILED);
      assert.equal(e.errors[0]!.code, OFPFMFC_BAD_TABLE_ID);
      assert.equal(e.errors[0]!.xid, bad.xid);
      return true;
    });

    // a port added and deleted with ovs-vsctl
    ovs.vsctl('add-port br0 ofcx7 -- set interface ofcx7 type=internal ofport_request=7');
    const padd = await waitFor(() => probe.events.find((e): e is EventPortAdd => e instanceof EventPortAdd && e.port.port_no === 7), 'EventPortAdd');
    assert.equal(padd.port.name, 'ofcx7');
    assert.equal(padd.dp, dp);
    assert.equal(probe.dpset.getPort(1, 7).name, 'ofcx7');
    ovs.vsctl('del-port br0 ofcx7');
    const pdel = await waitFor(() => probe.events.find((e): e is EventPortDelete => e instanceof EventPortDelete && e.port.port_no === 7), 'EventPortDelete');
    assert.equal(pdel.port.name, 'ofcx7');
    assert.throws(() => probe.dpset.getPort(1, 7), PortNotFound);

    // the controller is removed: EventDP leave, the old datapath is invalid
    ovs.vsctl('del-controller br0');
    const leave = await waitFor(() => left()[0], 'EventDP leave');
    assert.equal(leave.dp, dp);
    assert.deepEqual(leave.ports.map((p) => p.port_no).sort((a, b) => a - b), [1, 2, OFPP_LOCAL]);
    await assert.rejects(ofctl.sendMsg(probe, flowStatsRequest(dp, cookie), { replyCls: p13.OFPFlowStatsReply, replyMulti: true }), InvalidDatapath);
    assert.equal(await ofctl.getDatapath(probe, 1), null);
    assert.equal(probe.dpset.get(1), null);

    // back again, then the switch dies while a request waits for its replies
    ovs.vsctl(`set-controller br0 tcp:127.0.0.1:${CTRL_PORT}`);
    const again = await waitFor(() => entered()[1], 'second EventDP enter');
    const dp2 = again.dp;
    assert.notEqual(dp2, dp);
    assert.equal((await ofctl.sendMsg(probe, flowStatsRequest(dp2, cookie), { replyCls: p13.OFPFlowStatsReply, replyMulti: true })).length, 1);
    const pid = readFileSync(join(ovs.run, 'ovs-vswitchd.pid'), 'utf8').trim();
    sh(`kill -STOP ${pid}`);
    let stopped = true;
    try {
      const waiting = ofctl.sendMsg(probe, flowStatsRequest(dp2, cookie), { replyCls: p13.OFPFlowStatsReply, replyMulti: true });
      let settled = false;
      waiting.then(
        () => (settled = true),
        () => (settled = true),
      );
      await sleep(300);
      assert.equal(settled, false, 'a stopped switch does not answer');
      sh(`kill -KILL ${pid}`);
      stopped = false;
      await assert.rejects(waiting, (e: unknown) => e instanceof InvalidDatapath && e.result === 1n);
      await waitFor(() => left()[1], 'EventDP leave after the crash');
    } finally {
      if (stopped) sh(`kill -CONT ${pid}`);
    }
  } finally {
    ovs.down();
    await mgr.close();
  }
});
