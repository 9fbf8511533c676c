/** OpenFlow 1.4 messages and structures, at os-ken's module path (os_ken.ofproto.ofproto_v1_4_parser). */
export { MsgBase } from './ofproto_parser.js';
