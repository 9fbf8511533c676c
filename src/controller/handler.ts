/**
 * os-ken's controller.handler: dispatcher phases and `setEvCls`, as a standard
 * (TS 5) method decorator and as a plain function for JavaScript users.
 */
import type { EventBase } from './event.js';

export const HANDSHAKE_DISPATCHER = 'handshake';
export const CONFIG_DISPATCHER = 'config';
export const MAIN_DISPATCHER = 'main';
export const DEAD_DISPATCHER = 'dead';
export type Dispatcher = typeof HANDSHAKE_DISPATCHER | typeof CONFIG_DISPATCHER | typeof MAIN_DISPATCHER | typeof DEAD_DISPATCHER | string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventClass<E extends EventBase = EventBase> = abstract new (...args: any[]) => E;

export interface HandlerSpec {
  evCls: EventClass;
  dispatchers: readonly Dispatcher[] | null;
}

/** Methods marked with setEvCls carry their specs under this symbol. */
export const HANDLER_SPECS = Symbol('osken.handlerSpecs');

type Marked = { [HANDLER_SPECS]?: HandlerSpec[] };

function mark(fn: object, evCls: EventClass | readonly EventClass[], dispatchers?: Dispatcher | readonly Dispatcher[] | null): void {
  const m = fn as Marked;
  const list = (m[HANDLER_SPECS] ??= []);
  const classes = Array.isArray(evCls) ? evCls : [evCls as EventClass];
  const ds = dispatchers === undefined || dispatchers === null ? null : typeof dispatchers === 'string' ? [dispatchers] : dispatchers;
  for (const c of classes) list.push({ evCls: c, dispatchers: ds });
}

/**
 * `@setEvCls(EventOFPPacketIn, MAIN_DISPATCHER)` on an app method makes the method
 * a handler of that event class in those dispatcher phases (all phases when omitted).
 */
export function setEvCls(evCls: EventClass | readonly EventClass[], dispatchers?: Dispatcher | readonly Dispatcher[] | null) {
  return function <T extends (this: unknown, ev: never) => unknown>(method: T, _context: ClassMethodDecoratorContext): T {
    mark(method, evCls, dispatchers);
    return method;
  };
}

/** Function form for JavaScript users: `registerHandler(MyApp.prototype.onPacketIn, EventOFPPacketIn, MAIN_DISPATCHER)`. */
export function registerHandler(method: (ev: never) => unknown, evCls: EventClass | readonly EventClass[], dispatchers?: Dispatcher | readonly Dispatcher[] | null): void {
  mark(method, evCls, dispatchers);
}

export function handlerSpecs(method: unknown): HandlerSpec[] {
  return (typeof method === 'function' && (method as Marked)[HANDLER_SPECS]) || [];
}
