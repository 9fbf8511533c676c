/** OpenFlow 1.2 messages and structures, at os-ken's module path (os_ken.ofproto.ofproto_v1_2_parser). */
export { MsgBase } from './ofproto_parser.js';
