/**
 * os-ken's base.app_manager: OSKenApp and AppManager. Each app has one FIFO
 * event queue drained in order; a handler that awaits holds only its own app's
 * queue. Replies to requests travel on their own path (a promise), so two apps
 * asking each other never deadlock. Senders never block: a full queue drops
 * the oldest event and counts it.
 */
import { EventBase, EventReplyBase, EventRequestBase } from '../controller/event.js';
import { handlerSpecs, type Dispatcher, type EventClass } from '../controller/handler.js';
import { getLogger, type Logger } from '../lib/log.js';

interface Bound {
  app: OSKenApp;
  fn: (ev: EventBase) => unknown;
  dispatchers: readonly Dispatcher[] | null;
}

export type AppClass = (new (init?: AppInit) => OSKenApp) & {
  _CONTEXTS?: Record<string, new (init?: AppInit) => unknown>;
  _EVENTS?: EventClass[];
  OFP_VERSIONS?: readonly number[] | null;
  appName?: string;
};

export interface AppInit {
  /** instances of the classes the app named in _CONTEXTS */
  contexts?: Record<string, unknown>;
  manager?: AppManager;
}

export class OSKenApp {
  static _CONTEXTS: Record<string, new (init?: AppInit) => unknown> = {};
  static _EVENTS: EventClass[] = [];
  static OFP_VERSIONS: readonly number[] | null = null;
  /** the app name (os-ken uses the class name) */
  static appName?: string;
  /** queue limit: beyond it the oldest event is dropped and counted */
  static QUEUE_LIMIT = 131072;

  name: string;
  logger: Logger;
  readonly contexts: Record<string, unknown>;
  manager: AppManager | null;
  droppedEvents = 0;
  /**
   * FIFO: events and their phases in [qHead, qTail). The arrays keep their room from one burst to
   * the next (slots are cleared as they are taken; big arrays are let go when the queue empties).
   */
  private qEv: (EventBase | null)[] = [];
  private qState: (Dispatcher | null)[] = [];
  private qHead = 0;
  private qTail = 0;
  private draining = false;
  private idleWaiters: (() => void)[] = [];
  private started = false;
  /** @internal AppManager's one-entry cache of this app's handlers for the last event class */
  readonly handlerMemo: { cls: EventClass | null; gen: number; mgr: AppManager | null; list: Bound[] } = { cls: null, gen: -1, mgr: null, list: [] };

  constructor(init?: AppInit) {
    const C = this.constructor as AppClass;
    this.name = C.appName ?? C.name;
    this.logger = getLogger(this.name);
    this.contexts = init?.contexts ?? {};
    this.manager = init?.manager ?? null;
    for (const [k, v] of Object.entries(this.contexts)) (this as unknown as Record<string, unknown>)[k] = v;
  }

  /** os-ken's register_handler + observe_event: make `fn` a handler of `evCls` at run time. */
  registerHandler<E extends EventBase>(evCls: EventClass<E>, fn: (ev: E) => unknown, dispatchers: readonly Dispatcher[] | null = null): void {
    if (!this.manager) throw new Error(`${this.name}: registerHandler needs a manager`);
    this.manager.addHandler(this, evCls, fn as (ev: EventBase) => unknown, dispatchers);
  }

  /** os-ken's unregister_handler + unobserve_event: undo one registerHandler. */
  unregisterHandler<E extends EventBase>(evCls: EventClass<E>, fn: (ev: E) => unknown): void {
    this.manager?.removeHandler(this, evCls, fn as (ev: EventBase) => unknown);
  }

  /** Called after every app has been instantiated and handlers registered. */
  start(): void | Promise<void> {}
  /** Called on shutdown. */
  close(): void | Promise<void> {}

  *contextIteritems(): IterableIterator<[string, unknown]> {
    yield* Object.entries(this.contexts);
  }

  private requireManager(): AppManager {
    if (!this.manager || !this.started) throw new Error(`${this.name}: events can be sent only after the app is started (not from its constructor)`);
    return this.manager;
  }

  /** Send an event to the named app. */
  sendEvent(name: string, ev: EventBase, state: Dispatcher | null = null): void {
    this.requireManager().deliver(name, ev, state, this.name);
  }

  /** Send an event to every app observing its class. */
  sendEventToObservers(ev: EventBase, state: Dispatcher | null = null): void {
    this.requireManager().broadcast(ev, state, this.name);
  }

  /** Send a request to `req.dst` and wait for its reply. */
  sendRequest<R extends EventReplyBase = EventReplyBase>(req: EventRequestBase): Promise<R> {
    const mgr = this.requireManager();
    if (!req.dst) throw new Error('request has no dst');
    req.src = this.name;
    return new Promise<R>((resolve) => {
      req.replyTo = resolve as (r: EventReplyBase) => void;
      mgr.deliver(req.dst!, req, null, this.name);
    });
  }

  /** Answer a request received by this app. */
  replyToRequest(req: EventRequestBase, rep: EventReplyBase): void {
    rep.dst = req.src;
    rep.src = this.name;
    const cb = req.replyTo;
    req.replyTo = null;
    if (cb) cb(rep);
  }

  /** @internal */
  markStarted(): void {
    this.started = true;
  }

  /** @internal enqueue; never blocks the sender */
  enqueue(ev: EventBase, state: Dispatcher | null): void {
    if (ev instanceof EventRequestBase) {
      // requests are served on a path of their own: started in arrival order, never queued behind
      // a handler that is itself waiting for a reply, so apps asking each other cannot deadlock
      queueMicrotask(() => void this.runHandlers(ev, state));
      return;
    }
    const limit = (this.constructor as typeof OSKenApp).QUEUE_LIMIT;
    if (this.qTail - this.qHead >= limit) {
      this.qEv[this.qHead] = null;
      this.qHead++;
      this.droppedEvents++;
      if ((this.droppedEvents & 1023) === 1) this.logger.warn(`event queue full: dropped ${this.droppedEvents} events`);
    }
    const t = this.qTail++;
    if (t < this.qEv.length) {
      this.qEv[t] = ev;
      this.qState[t] = state;
    } else {
      this.qEv.push(ev);
      this.qState.push(state);
    }
    if (!this.draining) {
      this.draining = true;
      // a microtask (a promise job: queueMicrotask would also make an AsyncResource and a bound function each time)
      RESOLVED.then(this.drainJob);
    }
  }

  private readonly drainJob = (): void => this.drain();

  /**
   * Run the queued events' handlers in order, synchronously, until the queue is empty; a handler
   * that returns a promise holds the queue: `resume` waits for it and carries on from there.
   */
  private drain(): void {
    try {
      while (this.qHead < this.qTail) {
        const i = this.qHead++;
        const ev = this.qEv[i]!;
        const state = this.qState[i]!;
        this.qEv[i] = null;
        if (this.qHead === this.qTail) {
          this.qHead = this.qTail = 0;
        } else if (this.qHead > 4096 && this.qHead * 2 > this.qTail) {
          // mostly taken: move the rest to the front
          this.qEv.copyWithin(0, this.qHead, this.qTail);
          this.qState.copyWithin(0, this.qHead, this.qTail);
          const n = this.qTail - this.qHead;
          this.qEv.fill(null, n, this.qTail);
          this.qHead = 0;
          this.qTail = n;
        }
        const handlers = this.manager?.handlersFor(this, ev) ?? [];
        for (let k = 0; k < handlers.length; k++) {
          const h = handlers[k]!;
          if (h.dispatchers !== null && state !== null && !h.dispatchers.includes(state)) continue;
          let r: unknown;
          try {
            r = h.fn.call(this, ev);
          } catch (e) {
            this.handlerFailed(ev, e);
            continue;
          }
          if (r && typeof (r as Promise<unknown>).then === 'function') {
            void this.resume(r as Promise<unknown>, ev, state, handlers, k + 1);
            return; // still draining
          }
        }
      }
    } catch (e) {
      this.drained();
      throw e;
    }
    this.drained();
  }

  /** Wait for a handler's promise, run the event's remaining handlers (waiting likewise), then drain the rest of the queue. */
  private async resume(p: Promise<unknown>, ev: EventBase, state: Dispatcher | null, handlers: Bound[], from: number): Promise<void> {
    try {
      await p;
    } catch (e) {
      this.handlerFailed(ev, e);
    }
    await this.runFrom(handlers, from, ev, state);
    this.drain();
  }

  /** Run handlers[from..] for ev in order, each awaited when it returns a promise; failures are logged. */
  private async runFrom(handlers: Bound[], from: number, ev: EventBase, state: Dispatcher | null): Promise<void> {
    for (let k = from; k < handlers.length; k++) {
      const h = handlers[k]!;
      if (h.dispatchers !== null && state !== null && !h.dispatchers.includes(state)) continue;
      try {
        const r = h.fn.call(this, ev);
        if (r && typeof (r as Promise<unknown>).then === 'function') await r;
      } catch (e) {
        this.handlerFailed(ev, e);
      }
    }
  }

  private drained(): void {
    this.draining = false;
    if (this.qEv.length > 4096 && this.qTail === 0) {
      // after a burst: let the big arrays go
      this.qEv = [];
      this.qState = [];
    }
    const w = this.idleWaiters;
    if (w.length === 0) return;
    this.idleWaiters = [];
    for (const f of w) f();
  }

  private handlerFailed(ev: EventBase, e: unknown): void {
    this.logger.error(`handler for ${ev.constructor.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }

  private async runHandlers(ev: EventBase, state: Dispatcher | null): Promise<void> {
    await this.runFrom(this.manager?.handlersFor(this, ev) ?? [], 0, ev, state);
  }

  /** Resolves once the queue is empty (for tests and orderly shutdown). */
  idle(): Promise<void> {
    if (!this.draining && this.qHead >= this.qTail) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }
}

const REQUIRED_APPS: AppClass[] = [];
/** the promise whose `then` schedules an app's drain as a microtask */
const RESOLVED = Promise.resolve();

/**
 * os-ken's require_app(api_style=True): an API module (e.g. app/ofctl/api) names the service app
 * it needs; AppManager.instantiateApps loads it along with the requested apps.
 */
export function requireApp(cls: AppClass): void {
  if (!REQUIRED_APPS.includes(cls)) REQUIRED_APPS.push(cls);
}

/** Loads apps, shares contexts, routes events. */
export class AppManager {
  readonly apps = new Map<string, OSKenApp>();
  readonly contexts = new Map<AppClass | (new (init?: AppInit) => unknown), unknown>();
  private observers = new Map<EventClass, Bound[]>();
  /** per event class: the apps observing it or a superclass (rebuilt when handlers change) */
  private targetsCache = new Map<EventClass, OSKenApp[]>();
  /** per app and event class: its handlers, superclass handlers included */
  private handlerCache = new Map<OSKenApp, Map<EventClass, Bound[]>>();

  /** bumped whenever handlers change: invalidates the one-entry caches below */
  private gen = 0;
  private lastTargetsCls: EventClass | null = null;
  private lastTargets: OSKenApp[] = [];

  private invalidate(): void {
    this.targetsCache.clear();
    this.handlerCache.clear();
    this.gen++;
    this.lastTargetsCls = null;
  }

  private static chain(evCls: EventClass): EventClass[] {
    const out: EventClass[] = [];
    for (let c: EventClass | null = evCls; c && (c as unknown) !== Object && (c as unknown) !== Function.prototype; c = Object.getPrototypeOf(c) as EventClass | null) out.push(c);
    return out;
  }

  private targets(evCls: EventClass): OSKenApp[] {
    // one-entry cache in front of the map: a stream of packet-ins asks for the same class
    if (evCls === this.lastTargetsCls) return this.lastTargets;
    let t = this.targetsCache.get(evCls);
    if (!t) {
      const set = new Set<OSKenApp>();
      for (const c of AppManager.chain(evCls)) for (const b of this.observers.get(c) ?? []) set.add(b.app);
      t = [...set];
      this.targetsCache.set(evCls, t);
    }
    this.lastTargetsCls = evCls;
    this.lastTargets = t;
    return t;
  }
  private static instance: AppManager | null = null;

  static getInstance(): AppManager {
    return (AppManager.instance ??= new AppManager());
  }

  /** Instantiate app classes (and their contexts, once each), register handlers, start them. */
  async instantiateApps(classes: AppClass[]): Promise<OSKenApp[]> {
    const created: OSKenApp[] = [];
    const loaded = new Set([...this.apps.values()].map((a) => a.constructor));
    for (const C of [...classes, ...REQUIRED_APPS.filter((R) => !classes.includes(R) && !loaded.has(R))]) {
      const ctxs: Record<string, unknown> = {};
      for (const [key, K] of Object.entries(C._CONTEXTS ?? {})) {
        let inst = this.contexts.get(K);
        if (!inst) {
          getLogger('osken.base.app_manager').info(`creating context ${key}`);
          inst = new K({ manager: this });
          this.contexts.set(K, inst);
          if (inst instanceof OSKenApp) this.register(inst);
        }
        ctxs[key] = inst;
      }
      getLogger('osken.base.app_manager').info(`instantiating app ${C.appName ?? C.name}`);
      const app = new C({ contexts: ctxs, manager: this });
      this.register(app);
      created.push(app);
    }
    for (const app of this.apps.values()) app.markStarted();
    for (const app of this.apps.values()) await app.start();
    return created;
  }

  /** Register an already-built app instance (contexts that are apps, tests). */
  register(app: OSKenApp): void {
    if (this.apps.has(app.name)) throw new Error(`duplicate app name ${app.name}`);
    this.invalidate();
    app.manager = this;
    this.apps.set(app.name, app);
    const seen = new Set<string>();
    for (let proto = Object.getPrototypeOf(app); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        if (seen.has(key) || key === 'constructor') continue;
        seen.add(key);
        const fn = Object.getOwnPropertyDescriptor(proto, key)?.value;
        for (const spec of handlerSpecs(fn)) {
          let list = this.observers.get(spec.evCls);
          if (!list) this.observers.set(spec.evCls, (list = []));
          list.push({ app, fn: fn as (ev: EventBase) => unknown, dispatchers: spec.dispatchers });
        }
      }
    }
  }

  /** @internal see OSKenApp.registerHandler */
  addHandler(app: OSKenApp, evCls: EventClass, fn: (ev: EventBase) => unknown, dispatchers: readonly Dispatcher[] | null): void {
    this.invalidate();
    let list = this.observers.get(evCls);
    if (!list) this.observers.set(evCls, (list = []));
    list.push({ app, fn, dispatchers });
  }

  /** @internal see OSKenApp.unregisterHandler */
  removeHandler(app: OSKenApp, evCls: EventClass, fn: (ev: EventBase) => unknown): void {
    this.invalidate();
    const list = this.observers.get(evCls);
    if (!list) return;
    // the newest match first: a run-time registration never removes a decorated one registered earlier
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]!.app !== app || list[i]!.fn !== fn) continue;
      list.splice(i, 1);
      if (list.length === 0) this.observers.delete(evCls);
      return;
    }
  }

  /** The intersection of every app's OFP_VERSIONS (null when no app restricts). */
  ofpVersions(): number[] | null {
    let out: number[] | null = null;
    for (const app of this.apps.values()) {
      const vs = (app.constructor as AppClass).OFP_VERSIONS;
      if (!vs) continue;
      out = out === null ? [...vs] : out.filter((v) => vs.includes(v));
    }
    return out;
  }

  /** @internal handlers of `app` for this event (walks the event class chain) */
  handlersFor(app: OSKenApp, ev: EventBase): Bound[] {
    const evCls = ev.constructor as EventClass;
    const hc = app.handlerMemo;
    if (hc.cls === evCls && hc.gen === this.gen && hc.mgr === this) return hc.list;
    let byCls = this.handlerCache.get(app);
    if (!byCls) this.handlerCache.set(app, (byCls = new Map()));
    let out = byCls.get(evCls);
    if (!out) {
      out = [];
      for (const c of AppManager.chain(evCls)) for (const b of this.observers.get(c) ?? []) if (b.app === app) out.push(b);
      byCls.set(evCls, out);
    }
    hc.cls = evCls;
    hc.gen = this.gen;
    hc.mgr = this;
    hc.list = out;
    return out;
  }

  /** @internal */
  deliver(name: string, ev: EventBase, state: Dispatcher | null, src: string | null): void {
    const app = this.apps.get(name);
    if (!app) throw new Error(`no app named ${name}`);
    ev.src ??= src;
    app.enqueue(ev, state);
  }

  /** @internal */
  broadcast(ev: EventBase, state: Dispatcher | null, src: string | null): void {
    this.deliverAll(this.targets(ev.constructor as EventClass), ev, state, src);
  }

  /** @internal enqueue ev on each of `apps` (observersOf's answer for its class) */
  deliverAll(apps: readonly OSKenApp[], ev: EventBase, state: Dispatcher | null, src: string | null): void {
    ev.src ??= src;
    for (let i = 0; i < apps.length; i++) apps[i]!.enqueue(ev, state);
  }

  /** @internal the apps observing this event class or a superclass (do not modify) */
  observersOf(evCls: EventClass): readonly OSKenApp[] {
    return this.targets(evCls);
  }

  /** Does any app observe this event class or a superclass? (lets emitters skip building events nobody wants) */
  isObserved(evCls: EventClass): boolean {
    return this.targets(evCls).length > 0;
  }

  async close(): Promise<void> {
    for (const app of [...this.apps.values()].reverse()) {
      try {
        await app.close();
      } catch (e) {
        app.logger.error(`close failed: ${String(e)}`);
      }
    }
    this.apps.clear();
    this.observers.clear();
    this.invalidate();
    this.contexts.clear();
  }
}
