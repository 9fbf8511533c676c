/** Every OpenFlow message class of every version has its EventOFP<Name> export (the generated list is current). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../src/ofproto/all.js';
import * as ofpEvent from '../src/controller/ofp_event.js';
import { registeredClasses } from '../src/ofproto/struct.js';
import { MsgBase } from '../src/ofproto/ofproto_parser.js';

test('EventOFP<Name> exists for every message class (regenerate with node dist/tools/gen_ofp_events.js)', () => {
  const missing: string[] = [];
  for (const v of [1, 3, 4, 5, 6]) {
    for (const [name, cls] of registeredClasses(v)) {
      if (!((cls as unknown as { prototype: unknown }).prototype instanceof MsgBase)) continue;
      const ev = (ofpEvent as Record<string, unknown>)[`Event${name}`];
      if (ev !== ofpEvent.ofpEventClass(name)) missing.push(`v${v} ${name}`);
    }
  }
  assert.deepEqual(missing, []);
  assert.equal(ofpEvent.EventOFPPacketIn.name, 'EventOFPPacketIn');
});

test('OpenFlow event classes (compiled, no super() chain) make the same objects as the base constructors, and can be extended', async () => {
  const { EventOFPMsgBase } = await import('../src/controller/ofp_event_base.js');
  const { EventBase } = await import('../src/controller/event.js');
  const { OFPEchoRequest } = await import('../src/ofproto/ofproto_v1_3_parser.js');
  const msg = new OFPEchoRequest({ data: new Uint8Array(0) });
  const Ev = ofpEvent.EventOFPEchoRequest as unknown as new (msg: never, timestamp?: number) => InstanceType<typeof EventOFPMsgBase>;
  const a = new Ev(msg as never, 12.5);
  const b = new EventOFPMsgBase(msg as never, 12.5);
  assert.deepEqual(Object.keys(a), Object.keys(b));
  assert.deepEqual({ ...a }, { ...b });
  assert.ok(a instanceof Ev && a instanceof EventOFPMsgBase && a instanceof EventBase);
  assert.equal(a.constructor, Ev);
  assert.equal(Ev.name, 'EventOFPEchoRequest');
  const now = Date.now() / 1000;
  assert.ok(Math.abs(new Ev(msg as never).timestamp - now) < 5);
  class Mine extends Ev {
    extra = 1;
  }
  const m = new Mine(msg as never, 3);
  assert.ok(m instanceof Ev && m instanceof EventOFPMsgBase);
  assert.equal(m.msg, msg);
  assert.equal(m.timestamp, 3);
  assert.equal(m.src, null);
  assert.equal(m.extra, 1);
});

test('message classes (compiled, no super() chain) have MsgBase\'s fields first, in its order, and are MsgBase/OFPStruct instances', async () => {
  const { OFPStruct } = await import('../src/ofproto/struct.js');
  const P = await import('../src/ofproto/ofproto_v1_3_parser.js');
  const base = Object.keys(new (MsgBase as unknown as new (i?: unknown) => object)({ datapath: null }));
  for (const m of [new P.OFPEchoRequest({}), new P.OFPFlowMod({ priority: 3 }), new P.OFPPortDescStatsRequest({ flags: 0 }), new P.OFPBarrierRequest()]) {
    assert.deepEqual(Object.keys(m).slice(0, base.length), base, m.constructor.name);
    assert.ok(m instanceof MsgBase && m instanceof OFPStruct);
  }
  const a = new P.OFPActionOutput({ port: 3 });
  assert.ok(a instanceof OFPStruct);
  assert.equal(a.port, 3);
});
