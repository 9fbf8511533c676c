/** os-ken's controller.event: the base event classes. */

/** The base of all events. */
export class EventBase {
  /** set by the app manager when the event is delivered, for observers that care */
  src: string | null = null;
  // (the OpenFlow event classes made by ofpEventClass assign this field themselves: keep them in step)
}

/** A request event: sent with `sendRequest`, answered with `replyToRequest`. */
export class EventRequestBase extends EventBase {
  dst: string | null = null;
  sync = false;
  /** @internal resolves the sender's promise */
  replyTo: ((rep: EventReplyBase) => void) | null = null;
}

/** A reply event: delivered to the requesting app's promise, not to its queue. */
export class EventReplyBase extends EventBase {
  constructor(public dst: string | null = null) {
    super();
  }
}
