/** OpenFlow 1.0 messages and structures, at os-ken's module path (os_ken.ofproto.ofproto_v1_0_parser). */
export { MsgBase } from './ofproto_parser.js';
