/** Ethernet types: os-ken's ofproto.ether re-exports lib.packet.ether_types. */
export * from '../lib/packet/ether_types.js';
