/** App framework: FIFO per app, dispatcher filtering, shared contexts, requests both ways without deadlock. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppManager, OSKenApp, type AppInit } from '../src/base/app_manager.js';
import { EventBase, EventReplyBase, EventRequestBase } from '../src/controller/event.js';
import { CONFIG_DISPATCHER, MAIN_DISPATCHER, setEvCls } from '../src/controller/handler.js';

class EvNum extends EventBase {
  constructor(readonly n: number) {
    super();
  }
}
class Ask extends EventRequestBase {
  constructor(readonly q: string, dst: string) {
    super();
    this.dst = dst;
  }
}
class Answer extends EventReplyBase {
  constructor(readonly a: string) {
    super();
  }
}

class Shared {
  count = 0;
}

class Recorder extends OSKenApp {
  static override appName = 'recorder';
  static override _CONTEXTS = { shared: Shared };
  seen: number[] = [];
  mainOnly: number[] = [];
  @setEvCls(EvNum)
  async onNum(ev: EvNum): Promise<void> {
    // an awaiting handler must not reorder this app's queue
    await new Promise((r) => setTimeout(r, ev.n % 3));
    this.seen.push(ev.n);
  }
  @setEvCls(EvNum, MAIN_DISPATCHER)
  onNumMain(ev: EvNum): void {
    this.mainOnly.push(ev.n);
  }
}

class PingA extends OSKenApp {
  static override appName = 'a';
  static override _CONTEXTS = { shared: Shared };
  @setEvCls(Ask)
  async onAsk(req: Ask): Promise<void> {
    // while answering, ask the other app too: must not deadlock
    const rep = await this.sendRequest<Answer>(new Ask(`inner-${req.q}`, 'b'));
    this.replyToRequest(req, new Answer(`a:${rep.a}`));
  }
}
class PingB extends OSKenApp {
  static override appName = 'b';
  @setEvCls(Ask)
  async onAsk(req: Ask): Promise<void> {
    if (req.q.startsWith('inner')) {
      this.replyToRequest(req, new Answer(`b:${req.q}`));
      return;
    }
    const rep = await this.sendRequest<Answer>(new Ask(`inner-${req.q}`, 'a'));
    this.replyToRequest(req, new Answer(`b:${rep.a}`));
  }
}

test('events are handled FIFO per app, with dispatcher filtering', async () => {
  const mgr = new AppManager();
  const [rec] = (await mgr.instantiateApps([Recorder])) as Recorder[];
  for (let i = 0; i < 30; i++) rec!.sendEventToObservers(new EvNum(i), i % 2 ? MAIN_DISPATCHER : CONFIG_DISPATCHER);
  await new Promise((r) => setTimeout(r, 200));
  await rec!.idle();
  assert.deepEqual(rec!.seen, Array.from({ length: 30 }, (_, i) => i));
  assert.deepEqual(rec!.mainOnly, Array.from({ length: 15 }, (_, i) => 2 * i + 1));
  await mgr.close();
});

test('contexts are instantiated once and shared', async () => {
  const mgr = new AppManager();
  const [rec, a] = (await mgr.instantiateApps([Recorder, PingA])) as [Recorder, PingA];
  assert.ok(rec.contexts.shared instanceof Shared);
  assert.equal(rec.contexts.shared, a.contexts.shared);
  await mgr.close();
});

test('two apps send requests to each other at the same time without deadlock', async () => {
  const mgr = new AppManager();
  const [a, b] = (await mgr.instantiateApps([PingA, PingB])) as [PingA, PingB];
  const [ra, rb] = await Promise.race([
    Promise.all([a.sendRequest<Answer>(new Ask('x', 'b')), b.sendRequest<Answer>(new Ask('y', 'a'))]),
    new Promise<never>((_, rej) => setTimeout(() => rej(new Error('deadlock')), 2000)),
  ]);
  assert.equal(ra.a, 'b:a:b:inner-inner-x');
  assert.equal(rb.a, 'a:b:inner-y');
  await mgr.close();
});

test('sending an event from a constructor is refused', () => {
  class Eager extends OSKenApp {
    constructor(init?: AppInit) {
      super(init);
      this.sendEventToObservers(new EvNum(1));
    }
  }
  assert.throws(() => new Eager({ manager: new AppManager() }), /only after the app is started/);
});
