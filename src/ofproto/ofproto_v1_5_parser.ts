/** OpenFlow 1.5 messages and structures, at os-ken's module path (os_ken.ofproto.ofproto_v1_5_parser). */
import { msg, type DatapathLike, type MsgBase as Msg } from './ofproto_parser.js';
export {
  OFPActionHeader, OFPAction, OFPActionExperimenter, OFPActionOutput, OFPActionCopyTtlOut, OFPActionCopyTtlIn,
  OFPActionSetMplsTtl, OFPActionDecMplsTtl, OFPActionPushVlan, OFPActionPopVlan, OFPActionPushMpls, OFPActionPopMpls,
  OFPActionSetQueue, OFPActionGroup, OFPActionSetNwTtl, OFPActionDecNwTtl, OFPActionPushPbb, OFPActionPopPbb,
  OFPActionCopyField, OFPActionMeter, OFPActionExperimenterUnknown, OFPActionSetField,
} from './v1_2plus/actions.js';
export { OFPInstruction, OFPInstructionGotoTable, OFPInstructionWriteMetadata, OFPInstructionActions } from './v1_2plus/instructions.js';
export {
  OFPHello, OFPHelloElemVersionBitmap, OFPEchoRequest, OFPEchoReply, OFPExperimenter, OFPErrorMsg,
  OFPFeaturesRequest, OFPSwitchFeatures, OFPGetConfigRequest, OFPGetConfigReply, OFPSetConfig,
  OFPPacketIn, OFPFlowModV14 as OFPFlowMod, OFPBarrierRequest, OFPBarrierReply,
} from './v1_2plus/common.js';
export * from './v1_4plus/all.js';
export * from './v1_5/stats.js';
export * from './v1_5/group.js';
export * from './v1_5/messages.js';
export { OFPStats } from './oxs_fields.js';
/** os-ken's nx_actions.generate() puts the Nicira actions in this module, with the NXT packet-in2 messages. */
export * from './nx_parser_exports.js';
export { OFPMatch } from './oxm_match.js';
export { MsgBase } from './ofproto_parser.js';

/** os-ken's msg_parser for this version: decode one message whose header fields are known. */
export function msg_parser(datapath: DatapathLike | null, version: number, msg_type: number, msg_len: number, xid: number, buf: Uint8Array): Msg {
  return msg(datapath, version, msg_type, msg_len, xid, buf);
}

// decoders and JSON lookups produce the classes exported here (instanceof works)
import * as self from './ofproto_v1_5_parser.js';
import { adoptExports as _adoptExports } from './struct.js';
_adoptExports(self);
