/** Ethertype constants (os-ken os_ken/lib/packet/ether_types.py). */
export const ETH_TYPE_IP = 0x0800;
export const ETH_TYPE_ARP = 0x0806;
export const ETH_TYPE_TEB = 0x6558;
export const ETH_TYPE_8021Q = 0x8100;
export const ETH_TYPE_IPV6 = 0x86dd;
export const ETH_TYPE_SLOW = 0x8809;
export const ETH_TYPE_MPLS = 0x8847;
export const ETH_TYPE_8021AD = 0x88a8;
export const ETH_TYPE_LLDP = 0x88cc;
export const ETH_TYPE_8021AH = 0x88e7;
export const ETH_TYPE_IEEE802_3 = 0x05dc;
export const ETH_TYPE_CFM = 0x8902;
export const ETH_TYPE_NSH = 0x894f; // RFC8300
