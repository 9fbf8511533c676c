/**
 * os-ken's controller.ofp_event: an EventOFP<Name> class for every OpenFlow message class
 * (generated list), the message-event base, and the state-change events.
 */
export * from './ofp_event_base.js';
export * from './ofp_events_generated.js';
