// Values shared by every OpenFlow version: the OpenFlow header size, the
// IANA controller ports and well-known experimenter IDs
// (port of os_ken.ofproto.ofproto_common).

export const OFP_HEADER_SIZE = 8;
export const OFP_TCP_PORT = 6653;
export const OFP_SSL_PORT = 6653;
export const OFP_TCP_PORT_OLD = 6633;
export const OFP_SSL_PORT_OLD = 6633;
export const NX_EXPERIMENTER_ID = 0x00002320;
export const NX_NSH_EXPERIMENTER_ID = 0x005ad650;
export const BSN_EXPERIMENTER_ID = 0x005c16c7;
export const ONF_EXPERIMENTER_ID = 0x4f4e4600;
