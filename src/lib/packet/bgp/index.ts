/**
 * Everything of the BGP codec, and its registration in the packet library:
 * TCP port 179 (either side) leads to BGPMessage, as os-ken's
 * tcp.get_payload_type does (rule order 10, before OpenFlow and Zebra).
 */
import { TCP } from '../tcp.js';
import { BGPMessage } from './header.js';
import { TCP_SERVER_PORT } from './constants.js';
import './open.js';
import './update.js';
import './messages.js';
import './json.js';

TCP.registerPortRule(10, (src, dst) => src === TCP_SERVER_PORT || dst === TCP_SERVER_PORT, BGPMessage as unknown as Parameters<typeof TCP.registerPortRule>[2]);

export * from './constants.js';
export * from './errors.js';
export * from './util.js';
export * from './rd.js';
export * from './communities.js';
export * from './nlri/prefix.js';
export * from './nlri/evpn.js';
export * from './nlri/flowspec.js';
export * from './nlri/rtc.js';
export * from './nlri/family.js';
export * from './attributes.js';
export * from './mp_nlri.js';
export * from './capabilities.js';
export * from './header.js';
export * from './open.js';
export * from './update.js';
export * from './messages.js';
export * from './stream.js';
export * from './json.js';
