/**
 * The ofctl API against a scripted OpenFlow 1.3 switch over loopback: each request is
 * followed by a barrier and completes only at the barrier reply; replies are matched by xid
 * (strays ignored); replyMulti lists, single replies, no reply, OFError, UnexpectedMultiReply,
 * concurrent requests, InvalidDatapath for a dead datapath and for one that disconnects while
 * waiting; the service loads through requireApp or on the first call, and observes a reply
 * class only while a request waits for it; the same over OpenFlow 1.0 (its own barrier).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppManager, OSKenApp } from '../src/base/app_manager.js';
import { OFPHandler } from '../src/controller/ofp_handler.js';
import { EventOFPDescStatsReply, EventOFPFlowStatsReply } from '../src/controller/ofp_event.js';
import type { Datapath } from '../src/controller/controller.js';
import type { MsgBase } from '../src/ofproto/ofproto_parser.js';
import * as ofctl from '../src/app/ofctl/api.js';
import { InvalidDatapath, OFError, UnexpectedMultiReply } from '../src/app/ofctl/exception.js';
import { OfctlService } from '../src/app/ofctl/service.js';
import * as p13 from '../src/ofproto/ofproto_v1_3_parser.js';
import * as p10 from '../src/ofproto/ofproto_v1_0_parser.js';
import { setLogLevel } from '../src/lib/log.js';
import { FakeSwitch, handshake13, nameOf, until } from './fake_switch.js';

setLogLevel('error');

class Client extends OSKenApp {
  static override appName = 'ofctl_client';
}

async function startController(mgr: AppManager) {
  const h = new OFPHandler({ manager: mgr, controllerOptions: { listenHost: '127.0.0.1', tcpPort: 0, echoInterval: 0 } });
  mgr.register(h);
  h.markStarted();
  await h.start();
  return h;
}

const port13 = (no: number) =>
  new p13.OFPPort({ port_no: no, hw_addr: '00:00:00:00:00:01', name: `p${no}`, config: 0, state: 0, curr: 0, advertised: 0, supported: 0, peer: 0, curr_speed: 0, max_speed: 0 });
const flowStats = (cookie: bigint) =>
  new p13.OFPFlowStats({ table_id: 0, duration_sec: 1, duration_nsec: 0, priority: 10, idle_timeout: 0, hard_timeout: 0, flags: 0, cookie, packet_count: 0n, byte_count: 0n, match: new p13.OFPMatch({ in_port: 1 }), instructions: [] });
const descStats = (dp: string) => new p13.OFPDescStats({ mfr_desc: 'fake', hw_desc: 'hw', sw_desc: 'sw', serial_num: '1', dp_desc: dp });

/** Set the message's datapath (the multipart request classes' init type does not list it). */
function on<M extends MsgBase>(dp: Datapath, m: M): M {
  m.datapath = dp;
  return m;
}

/** Has the promise settled (without waiting for it)? */
function settled(p: Promise<unknown>): () => boolean {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  return () => done;
}

test('ofctl: getDatapath, sendMsg with barrier, replies by xid, errors, disconnect while waiting', async () => {
  const mgr = new AppManager();
  const [app] = (await mgr.instantiateApps([Client])) as [Client];
  assert.ok(mgr.apps.get('ofctl_service') instanceof OfctlService, 'importing the api makes instantiateApps load the service');
  const svc = mgr.apps.get('ofctl_service') as OfctlService;
  const h = await startController(mgr);
  const sw = new FakeSwitch(h.controller!.port, 4);
  try {
    assert.deepEqual(await ofctl.getDatapath(app!), [], 'no datapath yet');
    await handshake13(sw, 0x1234n, [port13(1), port13(2)]);
    await until(() => h.dps.get(0x1234n)?.state === 'main', 'datapath in MAIN');
    const dp = (await ofctl.getDatapath(app!, 0x1234n))!;
    assert.equal(dp, h.dps.get(0x1234n));
    assert.deepEqual(await ofctl.getDatapath(app!), [dp]);
    assert.equal(await ofctl.getDatapath(app!, 7), null);
    await assert.rejects(ofctl.getDatapath(app!, -1), TypeError);

    // multipart replies: a stray reply with another xid is ignored, the result waits for the barrier
    assert.equal(mgr.isObserved(EventOFPFlowStatsReply), false, 'not observed before a request waits for it');
    const flows = ofctl.sendMsg(app!, on(dp, new p13.OFPFlowStatsRequest({ flags: 0, table_id: 0xff, out_port: 0xffffffff, out_group: 0xffffffff, cookie: 0n, cookie_mask: 0n, match: new p13.OFPMatch() })), {
      replyCls: p13.OFPFlowStatsReply,
      replyMulti: true,
    });
    const flowsDone = settled(flows);
    const req = await sw.next('OFPFlowStatsRequest');
    const barrier = await sw.next('OFPBarrierRequest');
    assert.notEqual(barrier.xid, req.xid);
    assert.ok(sw.socket.bytesRead > 0);
    assert.equal(mgr.isObserved(EventOFPFlowStatsReply), true, 'observed while the request waits');
    sw.send(new p13.OFPFlowStatsReply({ flags: 0, body: [flowStats(99n)] }), req.xid! + 1000);
    sw.send(new p13.OFPFlowStatsReply({ flags: 1, body: [flowStats(1n), flowStats(2n)] }), req.xid!);
    sw.send(new p13.OFPFlowStatsReply({ flags: 0, body: [flowStats(3n)] }), req.xid!);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(flowsDone(), false, 'replies are not complete before the barrier reply');
    sw.send(new p13.OFPBarrierReply({}), barrier.xid!);
    const parts = await flows;
    assert.equal(parts.length, 2);
    assert.ok(parts.every((m) => m instanceof p13.OFPFlowStatsReply && m.xid === req.xid));
    assert.deepEqual(parts.flatMap((m) => m.body.map((f) => f.cookie)), [1n, 2n, 3n]);
    assert.equal(mgr.isObserved(EventOFPFlowStatsReply), false, 'unobserved once the request is done');

    // one reply
    const one = ofctl.sendMsg(app!, on(dp, new p13.OFPDescStatsRequest({ flags: 0 })), { replyCls: p13.OFPDescStatsReply });
    let r = await sw.next('OFPDescStatsRequest');
    let b = await sw.next('OFPBarrierRequest');
    sw.send(new p13.OFPDescStatsReply({ flags: 0, body: descStats('one') }), r.xid!);
    sw.send(new p13.OFPBarrierReply({}), b.xid!);
    const desc = await one;
    assert.ok(desc instanceof p13.OFPDescStatsReply);
    assert.equal(desc.body.dp_desc, 'one');

    // two replies where one was expected
    const two = ofctl.sendMsg(app!, on(dp, new p13.OFPDescStatsRequest({ flags: 0 })), { replyCls: p13.OFPDescStatsReply });
    r = await sw.next('OFPDescStatsRequest');
    b = await sw.next('OFPBarrierRequest');
    sw.send(new p13.OFPDescStatsReply({ flags: 0, body: descStats('a') }), r.xid!);
    sw.send(new p13.OFPDescStatsReply({ flags: 0, body: descStats('b') }), r.xid!);
    sw.send(new p13.OFPBarrierReply({}), b.xid!);
    await assert.rejects(two, (e: unknown) => e instanceof UnexpectedMultiReply && e.result.length === 2);

    // no reply expected: resolves null at the barrier reply
    const fm = () => new p13.OFPFlowMod({ datapath: dp, priority: 5, match: new p13.OFPMatch({ in_port: 1 }), instructions: [] });
    const ok = ofctl.sendMsg(app!, fm());
    r = await sw.next('OFPFlowMod');
    b = await sw.next('OFPBarrierRequest');
    sw.send(new p13.OFPBarrierReply({}), b.xid!);
    assert.equal(await ok, null);

    // the switch answers with an error for the message's xid
    const bad = ofctl.sendMsg(app!, fm());
    r = await sw.next('OFPFlowMod');
    b = await sw.next('OFPBarrierRequest');
    sw.send(new p13.OFPErrorMsg({ type: 5, code: 0, data: new Uint8Array(8) }), r.xid! + 7); // someone else's error
    sw.send(new p13.OFPErrorMsg({ type: 5, code: 1, data: new Uint8Array(8) }), r.xid!);
    sw.send(new p13.OFPBarrierReply({}), b.xid!);
    await assert.rejects(bad, (e: unknown) => {
      assert.ok(e instanceof OFError, String(e));
      assert.equal(e.errors.length, 1);
      assert.equal(e.errors[0]!.type, 5);
      assert.equal(e.errors[0]!.code, 1);
      assert.equal(e.errors[0]!.xid, r.xid);
      return true;
    });

    // a barrier request: the result is the barrier reply itself
    const bar = ofctl.sendMsg(app!, new p13.OFPBarrierRequest({ datapath: dp }), { replyCls: p13.OFPBarrierReply });
    b = await sw.next('OFPBarrierRequest');
    sw.send(new p13.OFPBarrierReply({}), b.xid!);
    const barRep = await bar;
    // (compared by name: decoded messages of `class X extends defineMsg(...)` are instances of the inner class)
    assert.equal(nameOf(barRep!), 'OFPBarrierReply');
    assert.equal(barRep!.xid, b.xid);

    // two requests at once, answered in reverse order
    const qa = ofctl.sendMsg(app!, on(dp, new p13.OFPDescStatsRequest({ flags: 0 })), { replyCls: p13.OFPDescStatsReply });
    const qb = ofctl.sendMsg(app!, on(dp, new p13.OFPDescStatsRequest({ flags: 0 })), { replyCls: p13.OFPDescStatsReply });
    const ra = await sw.next('OFPDescStatsRequest');
    const ba = await sw.next('OFPBarrierRequest');
    const rb = await sw.next('OFPDescStatsRequest');
    const bb = await sw.next('OFPBarrierRequest');
    sw.send(new p13.OFPDescStatsReply({ flags: 0, body: descStats('B') }), rb.xid!);
    sw.send(new p13.OFPBarrierReply({}), bb.xid!);
    assert.equal((await qb)!.body.dp_desc, 'B');
    sw.send(new p13.OFPDescStatsReply({ flags: 0, body: descStats('A') }), ra.xid!);
    sw.send(new p13.OFPBarrierReply({}), ba.xid!);
    assert.equal((await qa)!.body.dp_desc, 'A');
    assert.equal(svc.pendingRequests, 0);
    assert.equal(mgr.isObserved(EventOFPDescStatsReply), false);

    // the switch disconnects while a request waits
    const lost = ofctl.sendMsg(app!, on(dp, new p13.OFPDescStatsRequest({ flags: 0 })), { replyCls: p13.OFPDescStatsReply });
    await sw.next('OFPBarrierRequest');
    assert.equal(svc.pendingRequests, 1);
    sw.close();
    await assert.rejects(lost, (e: unknown) => e instanceof InvalidDatapath && e.result === 0x1234n);
    // and a datapath that is gone
    await assert.rejects(ofctl.sendMsg(app!, fm()), InvalidDatapath);
    assert.equal(await ofctl.getDatapath(app!, 0x1234n), null);
    assert.equal(svc.pendingRequests, 0);
  } finally {
    sw.close();
    await mgr.close();
  }
});

test('ofctl: the service registers itself on the first call and adopts datapaths connected before it', async () => {
  const mgr = new AppManager();
  const app = new Client({ manager: mgr });
  mgr.register(app);
  app.markStarted();
  const h = await startController(mgr);
  const sw = new FakeSwitch(h.controller!.port, 4);
  try {
    await handshake13(sw, 0x42n, [port13(1)]);
    await until(() => h.dps.get(0x42n)?.state === 'main', 'datapath in MAIN');
    assert.equal(mgr.apps.has('ofctl_service'), false);
    const dps = await ofctl.getDatapath(app);
    assert.ok(mgr.apps.get('ofctl_service') instanceof OfctlService, 'registered by the first call');
    assert.deepEqual(
      dps.map((d: Datapath) => d.id),
      [0x42n],
      'a datapath that connected before the service existed',
    );
    const pd = ofctl.sendMsg(app, on(dps[0]!, new p13.OFPPortDescStatsRequest({ flags: 0 })), { replyCls: p13.OFPPortDescStatsReply, replyMulti: true });
    const r = await sw.next('OFPPortDescStatsRequest');
    const b = await sw.next('OFPBarrierRequest');
    sw.send(new p13.OFPPortDescStatsReply({ flags: 0, body: [port13(1), port13(9)] }), r.xid!);
    sw.send(new p13.OFPBarrierReply({}), b.xid!);
    const parts = await pd;
    assert.deepEqual(parts[0]!.body.map((p) => p.port_no), [1, 9]);
  } finally {
    sw.close();
    await mgr.close();
  }
});

test('ofctl on OpenFlow 1.0: the 1.0 barrier, a stats reply, and an error', async () => {
  const mgr = new AppManager();
  const [app] = (await mgr.instantiateApps([Client])) as [Client];
  const h = await startController(mgr);
  const sw = new FakeSwitch(h.controller!.port, 1);
  try {
    await sw.connected;
    sw.sendRaw('0100000800000001');
    const freq = await sw.next('OFPFeaturesRequest');
    sw.send(new p10.OFPSwitchFeatures({ datapath_id: 0x10n, n_buffers: 0, n_tables: 1, capabilities: 0, actions: 0, ports: new Map() }), freq.xid!);
    await until(() => h.dps.get(0x10n)?.state === 'main', 'datapath in MAIN');
    const dp = (await ofctl.getDatapath(app!, 0x10))!;
    assert.equal(dp.ofproto.OFP_VERSION, 1);

    const desc = ofctl.sendMsg(app!, on(dp, new p10.OFPDescStatsRequest({ flags: 0 })), { replyCls: p10.OFPDescStatsReply });
    const r = await sw.next('OFPDescStatsRequest');
    const b = await sw.next('OFPBarrierRequest');
    assert.equal(b.msg_type, 18, 'the OpenFlow 1.0 barrier request');
    sw.send(new p10.OFPDescStatsReply({ flags: 0, body: new p10.OFPDescStats({ mfr_desc: 'm', hw_desc: 'h', sw_desc: 's', serial_num: '1', dp_desc: 'ten' }) }), r.xid!);
    sw.send(new p10.OFPBarrierReply({}), b.xid!);
    assert.equal((await desc)!.body.dp_desc, 'ten');

    const fm = ofctl.sendMsg(app!, new p10.OFPFlowMod({ datapath: dp, match: new p10.OFPMatch({}), command: 0, actions: [] }));
    const f = await sw.next('OFPFlowMod');
    const b2 = await sw.next('OFPBarrierRequest');
    sw.send(new p10.OFPErrorMsg({ type: 3, code: 0, data: new Uint8Array(0) }), f.xid!);
    sw.send(new p10.OFPBarrierReply({}), b2.xid!);
    await assert.rejects(fm, (e: unknown) => e instanceof OFError && e.errors[0]!.type === 3);
  } finally {
    sw.close();
    await mgr.close();
  }
});
