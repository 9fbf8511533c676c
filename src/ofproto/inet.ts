/** IP protocol numbers: os-ken's ofproto.inet re-exports lib.packet.in_proto. */
export * from '../lib/packet/in_proto.js';
