/**
 * Imports every protocol module so that each registers itself in its
 * parent's next-protocol table (and in the JSON-name registry) before
 * Packet is used. packet.ts imports this file; add one line per module.
 */
import './ethernet.js';
import './vlan.js';
import './pbb.js';
import './mpls.js';
import './arp.js';
import './llc.js';
import './ipv4.js';
import './ipv6.js';
import './tcp.js';
import './udp.js';
import './gre.js';
import './vxlan.js';
import './geneve.js';
import './icmp.js';
import './icmpv6.js';
import './igmp.js';
import './lldp.js';
// other engineers' modules: add one import line each below
import './slow.js';
import './bpdu.js';
import './cfm.js';
import './dhcp.js';
import './dhcp6.js';
import './bgp.js';
import './zebra.js';
import './sctp.js';
import './vrrp.js';
import './bfd.js';
import './ospf.js';
import './openflow.js';
