/**
 * OSPFv2 (os-ken os_ken/lib/packet/ospf.py), reached through IP protocol 89.
 * Facade at os-ken's module path; the code lives in ./ospf/:
 * common.ts (constants), messages.ts (packet header and the five packet
 * types), lsa.ts (LSA header and LSAs, Fletcher checksums), opaque.ts
 * (opaque LSA bodies and extended-prefix TLVs). See those files for the
 * os-ken behaviours kept (whole message raw on any error, opaque-LSA JSON).
 */
import { registerProtocol } from './packet_base.js';
import { IPv4 } from './ipv4.js';
import { IPPROTO_OSPF } from './in_proto.js';
import { OSPFDBDesc, OSPFHello, OSPFLSAck, OSPFLSReq, OSPFLSUpd, OSPFMessage } from './ospf/messages.js';

export * from './ospf/common.js';
export * from './ospf/opaque.js';
export * from './ospf/lsa.js';
export * from './ospf/messages.js';

for (const C of [OSPFHello, OSPFDBDesc, OSPFLSReq, OSPFLSUpd, OSPFLSAck]) registerProtocol(C);
// os-ken: ipv4.register_packet_type(ospf.ospf, IPPROTO_OSPF) (the table is shared with ipv6)
IPv4.registerPacketType(OSPFMessage, IPPROTO_OSPF);
