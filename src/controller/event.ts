/** os-ken's controller.event: the base event classes. */

/** The base of all events. */
export class EventBase {
  /** set by the app manager when the event is delivered, for observers that care */
  declare src: string | null;
  /** @param inline internal: EVENT_INLINE_INIT from a generated subclass that assigns the fields itself */
  constructor(inline?: unknown) {
    if (inline !== EVENT_INLINE_INIT) this.src = null;
  }
}

/**
 * @internal Given to EventBase (and EventOFPMsgBase) by generated event classes, which assign the
 * fields in their own constructor: a base constructor shared by every event class sees every event
 * shape, and its stores go megamorphic (generic, slow); per-class code keeps one shape.
 */
export const EVENT_INLINE_INIT: unknown = Object.freeze({ inline: true });

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
