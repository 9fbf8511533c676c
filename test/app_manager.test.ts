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

test('an app queue: a pending handler holds its own app only; the event\'s later handlers and events wait; throws and rejections are logged and skipped', async () => {
  const log: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  class Slow extends OSKenApp {
    static override appName = 'slow';
    @setEvCls(EvNum)
    first(ev: EvNum): Promise<void> | void {
      log.push(`slow.first ${ev.n}`);
      if (ev.n === 1) return gate.then(() => void log.push('slow.first 1 done'));
      if (ev.n === 2) throw new Error('sync failure');
      if (ev.n === 3) return Promise.reject(new Error('async failure'));
    }
    @setEvCls(EvNum)
    second(ev: EvNum): void {
      log.push(`slow.second ${ev.n}`);
    }
  }
  class Fast extends OSKenApp {
    static override appName = 'fast';
    @setEvCls(EvNum)
    on(ev: EvNum): void {
      log.push(`fast ${ev.n}`);
    }
  }
  const mgr = new AppManager();
  const [slow, fast] = await mgr.instantiateApps([Slow, Fast]);
  const errors: string[] = [];
  slow!.logger.error = (m: string) => void errors.push(m);
  for (const n of [1, 2, 3, 4]) fast!.sendEventToObservers(new EvNum(n));
  // handlers run in a microtask, not inside the sender
  assert.equal(log.length, 0);
  await new Promise((r) => setImmediate(r));
  // the fast app went through all four; the slow one waits on its first handler of event 1
  assert.deepEqual(log.filter((l) => l.startsWith('fast')), ['fast 1', 'fast 2', 'fast 3', 'fast 4']);
  assert.deepEqual(log.filter((l) => l.startsWith('slow')), ['slow.first 1']);
  let idle = false;
  void slow!.idle().then(() => (idle = true));
  await new Promise((r) => setImmediate(r));
  assert.equal(idle, false);
  release();
  await slow!.idle();
  assert.deepEqual(log.filter((l) => l.startsWith('slow')), [
    'slow.first 1', 'slow.first 1 done', 'slow.second 1',
    'slow.first 2', 'slow.second 2',
    'slow.first 3', 'slow.second 3',
    'slow.first 4', 'slow.second 4',
  ]);
  assert.equal(errors.length, 2);
  assert.match(errors[0]!, /sync failure/);
  assert.match(errors[1]!, /async failure/);
  // the queue keeps working afterwards, synchronously drained in one microtask
  fast!.sendEventToObservers(new EvNum(9));
  await slow!.idle();
  assert.deepEqual(log.filter((l) => l.endsWith(' 9')).sort(), ['fast 9', 'slow.first 9', 'slow.second 9']);
  await mgr.close();
});

test('an app queue: beyond QUEUE_LIMIT the oldest events are dropped and counted; long queues drain in order (compaction), and again after', async () => {
  const seen: number[] = [];
  let release!: () => void;
  let gate: Promise<void> | null = new Promise<void>((r) => (release = r));
  class Small extends OSKenApp {
    static override appName = 'small';
    static override QUEUE_LIMIT = 5;
    @setEvCls(EvNum)
    on(ev: EvNum): void {
      seen.push(ev.n);
    }
  }
  class Long extends OSKenApp {
    static override appName = 'long';
    static override QUEUE_LIMIT = 100000;
    got: number[] = [];
    @setEvCls(EvNum)
    on(ev: EvNum): Promise<void> | void {
      this.got.push(ev.n);
      if (ev.n === -1 && gate) return gate;
    }
  }
  const mgr = new AppManager();
  const [small, long] = await mgr.instantiateApps([Small, Long]);
  for (let n = 0; n < 12; n++) small!.sendEventToObservers(new EvNum(n));
  await small!.idle();
  assert.deepEqual(seen, [7, 8, 9, 10, 11]);
  assert.equal(small!.droppedEvents, 7);
  const l = long as unknown as { got: number[] };
  await long!.idle();
  assert.equal(l.got.length, 12);
  l.got = [];
  // 'long' holds its queue on event -1 while 20,001 more arrive, in two bursts around a turn of the loop
  small!.sendEventToObservers(new EvNum(-1));
  for (let n = 0; n < 10000; n++) small!.sendEventToObservers(new EvNum(n));
  await new Promise((r) => setImmediate(r));
  for (let n = 10000; n < 20001; n++) small!.sendEventToObservers(new EvNum(n));
  assert.deepEqual(l.got, [-1]);
  gate = null;
  release();
  await long!.idle();
  assert.equal(l.got.length, 20002);
  assert.ok(l.got.every((n, i) => n === i - 1));
  // and the queue works again after its arrays were let go
  for (let n = 0; n < 3; n++) small!.sendEventToObservers(new EvNum(100 + n));
  await long!.idle();
  assert.deepEqual(l.got.slice(-3), [100, 101, 102]);
  await mgr.close();
});
