/**
 * DPSet against a scripted switch over loopback: EventDP enter/leave with the ports from the
 * 1.3 port description and from the 1.0 features reply, EventPortAdd/Modify/Delete from port
 * status, the get/getAll/getPort/getPorts API and its errors, and EventDPReconnected when a
 * switch connects again before its old connection is gone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppManager, OSKenApp } from '../src/base/app_manager.js';
import { OFPHandler } from '../src/controller/ofp_handler.js';
import { setEvCls } from '../src/controller/handler.js';
import {
  DPSet, DatapathNotFound, EventDP, EventDPReconnected, EventPortAdd, EventPortDelete, EventPortModify, PortNotFound,
  type EventDPBase,
} from '../src/controller/dpset.js';
import * as p13 from '../src/ofproto/ofproto_v1_3_parser.js';
import * as p10 from '../src/ofproto/ofproto_v1_0_parser.js';
import { setLogLevel } from '../src/lib/log.js';
import { FakeSwitch, handshake13, until } from './fake_switch.js';

setLogLevel('error');

class Watcher extends OSKenApp {
  static override appName = 'dpset_watcher';
  static override _CONTEXTS = { dpset: DPSet };
  declare dpset: DPSet;
  events: EventDPBase[] = [];
  @setEvCls([EventDP, EventDPReconnected, EventPortAdd, EventPortDelete, EventPortModify])
  onEvent(ev: EventDPBase): void {
    this.events.push(ev);
  }
}

async function start() {
  const mgr = new AppManager();
  const [w] = (await mgr.instantiateApps([Watcher])) as [Watcher];
  const h = new OFPHandler({ manager: mgr, controllerOptions: { listenHost: '127.0.0.1', tcpPort: 0, echoInterval: 0 } });
  mgr.register(h);
  h.markStarted();
  await h.start();
  return { mgr, w: w!, port: h.controller!.port };
}

const port13 = (no: number, name: string, state = 0) =>
  new p13.OFPPort({ port_no: no, hw_addr: `00:00:00:00:00:${no.toString(16).padStart(2, '0')}`, name, config: 0, state, curr: 0, advertised: 0, supported: 0, peer: 0, curr_speed: 0, max_speed: 0 });
const port10 = (no: number, name: string) =>
  new p10.OFPPhyPort({ port_no: no, hw_addr: `00:00:00:00:01:${no.toString(16).padStart(2, '0')}`, name, config: 0, state: 0, curr: 0, advertised: 0, supported: 0, peer: 0 });

test('OF1.3: EventDP enter with the port-desc ports, port status add/modify/delete, leave on disconnect', async () => {
  const { mgr, w, port } = await start();
  const dpset = w.dpset;
  assert.ok(dpset instanceof DPSet, 'dpset context is injected');
  const sw = new FakeSwitch(port, 4);
  try {
    await handshake13(sw, 0x1234n, [port13(1, 'p1'), port13(2, 'p2')]);
    await until(() => w.events.length >= 1, 'EventDP enter');
    const enter = w.events[0] as EventDP;
    assert.ok(enter instanceof EventDP);
    assert.equal(enter.enter, true);
    assert.deepEqual(enter.ports.map((p) => p.port_no).sort(), [1, 2], 'both multipart parts of the port description');
    assert.equal(enter.dp.id, 0x1234n);
    assert.equal(dpset.get(0x1234n), enter.dp);
    assert.equal(dpset.get(0x1234), enter.dp, 'a number dpid works too');
    assert.equal(dpset.get(99), null);
    assert.deepEqual(dpset.getAll(), [[0x1234n, enter.dp]]);
    assert.equal(dpset.getPort(0x1234n, 2).name, 'p2');
    assert.throws(() => dpset.getPort(0x1234n, 7), PortNotFound);
    assert.throws(() => dpset.getPort(5, 1), PortNotFound);
    assert.throws(() => dpset.getPorts(5), DatapathNotFound);

    sw.send(new p13.OFPPortStatus({ reason: 0, desc: port13(3, 'p3') }));
    await until(() => w.events.length >= 2, 'EventPortAdd');
    const add = w.events[1] as EventPortAdd;
    assert.ok(add instanceof EventPortAdd);
    assert.equal(add.port.port_no, 3);
    assert.equal(add.dp, enter.dp);
    assert.deepEqual(dpset.getPorts(0x1234n).map((p) => p.port_no).sort(), [1, 2, 3]);

    sw.send(new p13.OFPPortStatus({ reason: 2, desc: port13(3, 'p3', 1) }));
    await until(() => w.events.length >= 3, 'EventPortModify');
    assert.ok(w.events[2] instanceof EventPortModify);
    assert.equal(dpset.getPort(0x1234n, 3).state, 1, 'the modified description replaces the old one');

    sw.send(new p13.OFPPortStatus({ reason: 1, desc: port13(1, 'p1') }));
    await until(() => w.events.length >= 4, 'EventPortDelete');
    const del = w.events[3] as EventPortDelete;
    assert.ok(del instanceof EventPortDelete);
    assert.equal(del.port.port_no, 1);
    assert.throws(() => dpset.getPort(0x1234n, 1), PortNotFound);

    sw.close();
    await until(() => w.events.length >= 5, 'EventDP leave');
    const leave = w.events[4] as EventDP;
    assert.ok(leave instanceof EventDP);
    assert.equal(leave.enter, false);
    assert.deepEqual(leave.ports.map((p) => p.port_no).sort(), [2, 3]);
    assert.equal(dpset.get(0x1234n), null);
    assert.deepEqual(dpset.getAll(), []);
    assert.throws(() => dpset.getPorts(0x1234n), DatapathNotFound);
  } finally {
    sw.close();
    await mgr.close();
  }
});

test('OF1.0: the ports come from the features reply; a second connection with the same id is EventDPReconnected', async () => {
  const { mgr, w, port } = await start();
  const sw = new FakeSwitch(port, 1);
  const sw2 = new FakeSwitch(port, 1);
  const features = () =>
    new p10.OFPSwitchFeatures({ datapath_id: 0xabn, n_buffers: 256, n_tables: 1, capabilities: 0, actions: 0, ports: new Map([[1, port10(1, 'eth1')], [5, port10(5, 'eth5')]]) });
  try {
    await sw.connected;
    sw.sendRaw('0100000800000001');
    sw.send(features(), (await sw.next('OFPFeaturesRequest')).xid!);
    await until(() => w.events.length >= 1, 'EventDP enter');
    const enter = w.events[0] as EventDP;
    assert.ok(enter instanceof EventDP && enter.enter);
    assert.deepEqual(enter.ports.map((p) => [p.port_no, p.name]), [[1, 'eth1'], [5, 'eth5']]);
    assert.equal(w.dpset.getPort(0xab, 5).name, 'eth5');

    sw.send(new p10.OFPPortStatus({ reason: 0, desc: port10(6, 'eth6') }));
    await until(() => w.events.length >= 2, 'EventPortAdd');
    assert.ok(w.events[1] instanceof EventPortAdd);
    assert.equal((w.events[1] as EventPortAdd).port.name, 'eth6');

    // the same switch connects again while the first connection is still up
    await sw2.connected;
    sw2.sendRaw('0100000800000001');
    sw2.send(features(), (await sw2.next('OFPFeaturesRequest')).xid!);
    await until(() => w.events.length >= 3, 'EventDPReconnected');
    const re = w.events[2] as EventDPReconnected;
    assert.ok(re instanceof EventDPReconnected, `got ${w.events[2]!.constructor.name}`);
    assert.notEqual(re.dp, enter.dp);
    assert.deepEqual(re.ports.map((p) => p.port_no).sort(), [1, 5, 6], 'the port state is kept across the reconnect');
    await sw.closed; // the older connection is closed by the controller
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(w.events.length, 3, 'no EventDP leave for the replaced connection');
    assert.equal(w.dpset.get(0xab), re.dp);
  } finally {
    sw.close();
    sw2.close();
    await mgr.close();
  }
});
