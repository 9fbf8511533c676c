/**
 * The REST-side context apps: Network (EventNetworkPort / EventNetworkDel / EventMacAddress and
 * the port / MAC bookkeeping with os-ken's errors), Tunnels (EventTunnelKeyAdd / Del,
 * EventTunnelPort), ConfSwitchSet (EventConfSwitch*), and MacToPortTable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppManager, OSKenApp } from '../src/base/app_manager.js';
import { EventBase } from '../src/controller/event.js';
import { setEvCls } from '../src/controller/handler.js';
import {
  EventMacAddress, EventNetworkDel, EventNetworkPort, MacAddressAlreadyExist, Network, NetworkAlreadyExist, NetworkNotFound,
  NW_ID_UNKNOWN, PortAlreadyExist, PortNotFound, PortUnknown,
} from '../src/controller/network.js';
import {
  EventTunnelKeyAdd, EventTunnelKeyDel, EventTunnelPort, RemoteDPIDAlreadyExist, TunnelKeyAlreadyExist, TunnelKeyNotFound, Tunnels,
} from '../src/controller/tunnels.js';
import { ConfSwitchKeyError, ConfSwitchSet, EventConfSwitchDel, EventConfSwitchDelDPID, EventConfSwitchSet } from '../src/controller/conf_switch.js';
import { MacToPortTable } from '../src/controller/mac_to_port.js';

class Recorder extends OSKenApp {
  static override appName = 'recorder';
  static override _CONTEXTS = { network: Network, tunnels: Tunnels, conf_switch: ConfSwitchSet };
  declare network: Network;
  declare tunnels: Tunnels;
  declare conf_switch: ConfSwitchSet;
  events: EventBase[] = [];
  @setEvCls([EventNetworkPort, EventNetworkDel, EventMacAddress, EventTunnelKeyAdd, EventTunnelKeyDel, EventTunnelPort, EventConfSwitchSet, EventConfSwitchDel, EventConfSwitchDelDPID])
  onEvent(ev: EventBase): void {
    this.events.push(ev);
  }
  /** events received so far (after the queue drains), then cleared */
  async take(): Promise<EventBase[]> {
    await this.idle();
    await new Promise((r) => setImmediate(r));
    await this.idle();
    return this.events.splice(0);
  }
}

async function start(): Promise<{ mgr: AppManager; r: Recorder }> {
  const mgr = new AppManager();
  const [r] = (await mgr.instantiateApps([Recorder])) as [Recorder];
  return { mgr, r: r! };
}

const desc = (ev: EventBase): string => {
  if (ev instanceof EventNetworkPort) return `port ${ev.network_id} ${ev.dpid}:${ev.port_no} ${ev.add_del}`;
  if (ev instanceof EventNetworkDel) return `del ${ev.network_id}`;
  if (ev instanceof EventMacAddress) return `mac ${ev.network_id} ${ev.dpid}:${ev.port_no} ${ev.mac_address} ${ev.add_del}`;
  if (ev instanceof EventTunnelKeyAdd) return `key+ ${ev.network_id} ${ev.tunnel_key}`;
  if (ev instanceof EventTunnelKeyDel) return `key- ${ev.network_id} ${ev.tunnel_key}`;
  if (ev instanceof EventTunnelPort) return `tport ${ev.dpid}:${ev.port_no} ${ev.remote_dpid} ${ev.add_del}`;
  if (ev instanceof EventConfSwitchSet) return `conf+ ${ev.dpid} ${ev.key}=${String(ev.value)}`;
  if (ev instanceof EventConfSwitchDel) return `conf- ${ev.dpid} ${ev.key}`;
  if (ev instanceof EventConfSwitchDelDPID) return `confdp- ${ev.dpid}`;
  return ev.constructor.name;
};

test('network: ports and MAC addresses of networks, with events and errors', async () => {
  const { mgr, r } = await start();
  const nw = r.network;
  try {
    assert.ok(nw instanceof Network);
    nw.createNetwork('net1');
    assert.throws(() => nw.createNetwork('net1'), NetworkAlreadyExist);
    assert.throws(() => nw.createNetwork(NW_ID_UNKNOWN), NetworkAlreadyExist);
    nw.updateNetwork('net1'); // idempotent
    nw.createNetwork('net2');
    assert.deepEqual(nw.listNetworks(), ['net1', 'net2']);

    nw.createPort('net1', 1, 1);
    nw.createPort('net1', 1n, 2);
    assert.throws(() => nw.createPort('net2', 1, 1), PortAlreadyExist, 'a port belongs to one network');
    assert.throws(() => nw.createPort('nope', 1, 3), NetworkNotFound);
    assert.deepEqual((await r.take()).map(desc), ['port net1 1:1 true', 'port net1 1:2 true']);

    nw.updatePort('net2', 1, 2); // moves the port
    assert.deepEqual((await r.take()).map(desc), ['port net1 1:2 false', 'port net2 1:2 true']);
    assert.equal(nw.getNetwork(1, 2), 'net2');
    assert.throws(() => nw.getNetwork(1, 9), PortUnknown);
    assert.deepEqual(nw.listPorts('net1'), [[1n, 1]]);
    assert.deepEqual([...nw.getDpids('net2')], [1n]);

    nw.createMac('net1', 1, 1, '00:00:00:00:00:01');
    assert.throws(() => nw.createMac('net1', 1, 1, '00:00:00:00:00:09'), MacAddressAlreadyExist);
    nw.updateMac('net1', 1, 1, '00:00:00:00:00:01'); // same mac: accepted, no event
    assert.throws(() => nw.updateMac('net1', 1, 1, '00:00:00:00:00:02'), MacAddressAlreadyExist);
    assert.equal(nw.getMac(1, 1), '00:00:00:00:00:01');
    assert.deepEqual(nw.getPortsWithMac('net1', '00:00:00:00:00:01'), [{ dpid: 1n, port_no: 1 }]);
    assert.deepEqual((await r.take()).map(desc), ['mac net1 1:1 00:00:00:00:00:01 true']);

    // isolation helpers
    nw.createPort('net1', 1, 3);
    assert.deepEqual(nw.filterPorts(1, 1, 'net1').sort(), [3]);
    assert.equal(nw.sameNetwork(1, 'net1', 3), true);
    assert.equal(nw.sameNetwork(1, 'net1', 2), false);
    assert.equal(nw.sameNetwork(1, 'net1', 2, 'net2'), true, 'the external network is allowed');

    nw.removePort('net1', 1, 1);
    assert.throws(() => nw.getPort(1, 1), PortNotFound);
    assert.deepEqual(nw.getPortsWithMac('net1', '00:00:00:00:00:01'), []);
    nw.removeNetwork('net1');
    assert.throws(() => nw.removeNetwork('net1'), NetworkNotFound);
    assert.deepEqual((await r.take()).map(desc), [
      'port net1 1:3 true',
      'mac net1 1:1 00:00:00:00:00:01 false',
      'port net1 1:1 false',
      'port net1 1:3 false',
      'del net1',
    ]);
    assert.deepEqual(nw.listPortsNoraise('net1'), []);
  } finally {
    await mgr.close();
  }
});

test('tunnels and conf_switch: keys, tunnel ports, per-switch configuration', async () => {
  const { mgr, r } = await start();
  const t = r.tunnels;
  const c = r.conf_switch;
  try {
    t.registerKey('net1', 100);
    assert.throws(() => t.registerKey('net1', 101), NetworkAlreadyExist);
    assert.throws(() => t.registerKey('net2', 100), TunnelKeyAlreadyExist);
    t.updateKey('net1', 100); // unchanged: no event
    assert.throws(() => t.updateKey('net1', 5), NetworkAlreadyExist);
    t.updateKey('net2', 200);
    assert.equal(t.getKey('net2'), 200);
    assert.throws(() => t.getKey('net3'), TunnelKeyNotFound);
    t.deleteKey('net1');
    assert.throws(() => t.deleteKey('net1'), NetworkNotFound);

    t.registerPort(1, 10, 2);
    assert.throws(() => t.registerPort(1, 10, 3), PortAlreadyExist);
    t.updatePort(1, 10, 2);
    assert.throws(() => t.updatePort(1, 10, 3), RemoteDPIDAlreadyExist);
    assert.equal(t.getRemoteDpid(1, 10), 2n);
    assert.equal(t.getPort(1, 2), 10);
    assert.throws(() => t.getPort(1, 3), PortNotFound);
    assert.deepEqual(t.listPorts(1), [10]);
    t.deletePort(1, 10);
    assert.throws(() => t.deletePort(1, 10), PortNotFound);
    assert.deepEqual((await r.take()).map(desc), ['key+ net1 100', 'key+ net2 200', 'key- net1 100', 'tport 1:10 2 true', 'tport 1:10 2 false']);

    c.setKey(1, 'ovsdb_addr', 'tcp:127.0.0.1:6640');
    c.setKey(2, 'ovs_tunnel_addr', '10.0.0.2');
    assert.equal(c.getKey(1, 'ovsdb_addr'), 'tcp:127.0.0.1:6640');
    assert.throws(() => c.getKey(1, 'nope'), ConfSwitchKeyError);
    assert.equal(c.contains(2, 'ovs_tunnel_addr'), true);
    assert.equal(c.contains(3, 'ovs_tunnel_addr'), false);
    assert.equal(c.findDpid('ovs_tunnel_addr', '10.0.0.2'), 2n);
    assert.equal(c.findDpid('ovs_tunnel_addr', '10.0.0.9'), null);
    assert.deepEqual(c.keys(1), ['ovsdb_addr']);
    c.delKey(1, 'ovsdb_addr');
    c.delDpid(2);
    assert.deepEqual(c.dpids(), [1n]);
    assert.deepEqual((await r.take()).map(desc), ['conf+ 1 ovsdb_addr=tcp:127.0.0.1:6640', 'conf+ 2 ovs_tunnel_addr=10.0.0.2', 'conf- 1 ovsdb_addr', 'confdp- 2']);
  } finally {
    await mgr.close();
  }
});

test('mac_to_port: learn, move, list and forget', () => {
  const t = new MacToPortTable();
  assert.throws(() => t.portAdd(1, 1, '00:00:00:00:00:01'), /dpidAdd/);
  t.dpidAdd(1);
  assert.equal(t.portAdd(1, 1, '00:00:00:00:00:01'), null);
  assert.equal(t.portAdd(1, 2, '00:00:00:00:00:01'), 1, 'returns the port it was learned on before');
  t.portAdd(1, 2, '00:00:00:00:00:02');
  assert.equal(t.portGet(1, '00:00:00:00:00:01'), 2);
  assert.equal(t.portGet(1, '00:00:00:00:00:03'), null);
  assert.deepEqual(t.macList(1, 2), ['00:00:00:00:00:01', '00:00:00:00:00:02']);
  assert.deepEqual(t.macList(9, 2), []);
  t.macDel(1, '00:00:00:00:00:01');
  assert.throws(() => t.macDel(1, '00:00:00:00:00:01'));
  assert.deepEqual(t.macList(1, 2), ['00:00:00:00:00:02']);
});
