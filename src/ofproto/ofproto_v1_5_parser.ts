/** OpenFlow 1.5 messages and structures, at os-ken's module path (os_ken.ofproto.ofproto_v1_5_parser). */
export { MsgBase } from './ofproto_parser.js';
