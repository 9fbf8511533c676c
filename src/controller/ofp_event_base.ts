/**
 * os-ken's controller.ofp_event: an EventOFP<Name> class for every OpenFlow
 * message class (EventOFPPacketIn for OFPPacketIn, ...), plus state-change events.
 */
import { EventBase } from './event.js';
import type { MsgBase } from '../ofproto/ofproto_parser.js';
import type { Dispatcher } from './handler.js';

/** Base of every OpenFlow message event: `ev.msg`, `ev.msg.datapath`, `ev.timestamp`. */
export class EventOFPMsgBase extends EventBase {
  readonly timestamp: number;
  /** `timestamp`: when the Datapath generated the event (seconds; now when not given) */
  constructor(
    public readonly msg: MsgBase,
    timestamp?: number,
  ) {
    super();
    this.timestamp = timestamp ?? Date.now() / 1000;
    // (the classes made by ofpEventClass do what this constructor and EventBase's do, themselves: keep them in step)
  }
}

export type OFPEventClass = new (msg: MsgBase, timestamp?: number) => EventOFPMsgBase;
const CLASSES = new Map<string, OFPEventClass>();

/** The event class for a message class name (`'OFPPacketIn'` -> EventOFPPacketIn), created once. */
export function ofpEventClass(msgName: string): OFPEventClass {
  let c = CLASSES.get(msgName);
  if (!c) {
    // the class is compiled on its own, so that its constructor has its own type feedback (a
    // constructor shared by every event class would see every event shape: megamorphic stores)
    const name = `Event${msgName}`.replace(/[^A-Za-z0-9_]/g, '_');
    // (a base class linked to EventOFPMsgBase by its prototypes: `new` runs this one constructor,
    // which does all that EventBase's and EventOFPMsgBase's constructors do, with no super() calls)
    c = new Function('Base', `class ${name} {
      constructor(msg, timestamp) {
        this.src = null;
        this.msg = msg;
        this.timestamp = (timestamp === undefined || timestamp === null) ? Date.now() / 1000 : timestamp;
      }
    }
    Object.setPrototypeOf(${name}.prototype, Base.prototype);
    Object.setPrototypeOf(${name}, Base);
    return ${name};\n//# sourceURL=osken-event-${name}.js`)(EventOFPMsgBase) as OFPEventClass;
    CLASSES.set(msgName, c);
  }
  return c;
}

const EV_OF = Symbol('osken.ofpEventClass');
/** A message class's event class, and a function making its events (compiled per event class: `new` there is monomorphic, so inlined). */
export interface OFPEventEntry {
  readonly owner: unknown;
  readonly ev: OFPEventClass;
  readonly make: (msg: MsgBase, timestamp?: number) => EventOFPMsgBase;
}
interface EvCached {
  [EV_OF]?: OFPEventEntry;
  jsonName: string;
}

/** The event class for a decoded message (cached on the message class). */
export function ofpMsgToEvClass(msg: MsgBase): OFPEventClass {
  return ofpMsgToEvEntry(msg).ev;
}

/** ofpMsgToEvClass's entry: the event class and its factory (cached on the message class). */
export function ofpMsgToEvEntry(msg: MsgBase): OFPEventEntry {
  const C = msg.constructor as unknown as EvCached;
  const c = C[EV_OF];
  // owner check: a subclass must not inherit its parent's cached entry
  if (c !== undefined && c.owner === C) return c;
  const ev = ofpEventClass(C.jsonName);
  const make = new Function('Ev', 'return function makeEvent(msg, timestamp) { return new Ev(msg, timestamp); }')(ev) as OFPEventEntry['make'];
  const entry: OFPEventEntry = { owner: C, ev, make };
  C[EV_OF] = entry;
  return entry;
}

/** The datapath entered a dispatcher phase (MAIN_DISPATCHER, DEAD_DISPATCHER...). */
export class EventOFPStateChange extends EventBase {
  constructor(
    public readonly datapath: unknown,
    public readonly state: Dispatcher,
  ) {
    super();
  }
}

/** A port was added, deleted or modified; sent after `Datapath.ports` is updated. */
export class EventOFPPortStateChange extends EventBase {
  constructor(
    public readonly datapath: unknown,
    public readonly reason: number,
    public readonly port_no: number,
  ) {
    super();
  }
}
