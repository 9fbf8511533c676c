/**
 * OpenFlow 1.0 messages and structures, at os-ken's module path
 * (os_ken.ofproto.ofproto_v1_0_parser). The classes live in ./v1_0/; the
 * messages whose 1.0 layout is shared with later versions come from
 * ./v1_2plus/common.ts.
 */
export { MsgBase } from './ofproto_parser.js';
export {
  OFPEchoReply, OFPEchoRequest, OFPErrorMsg, OFPFeaturesRequest, OFPGetConfigReply, OFPGetConfigRequest,
  OFPHelloV10 as OFPHello, OFPSetConfig,
} from './v1_2plus/common.js';
export { OFPMatch, type OFPMatchInit } from './v1_0/match.js';
export * from './v1_0/actions.js';
export * from './v1_0/port.js';
export * from './v1_0/messages.js';
export * from './v1_0/nicira.js';
export * from './v1_0/stats.js';
export { ClsRule, Flow, FlowWildcards, NXMatch, NXMField, serializeNxmMatch, parseNxmMatch } from './v1_0/nx_match.js';
export * from './nx_actions.js';
/** os-ken 1.0's own Nicira action header class: every Nicira action derives from NXAction here. */
export { NXAction as NXActionHeader } from './nx_actions.js';
/** os-ken's JSON mixin: OFPStruct is the base of every structure and message here. */
export { OFPStruct as StringifyMixin } from './struct.js';

// decoders and JSON lookups produce the classes exported here (instanceof works)
import * as self from './ofproto_v1_0_parser.js';
import { adoptExports as _adoptExports } from './struct.js';
_adoptExports(self);
