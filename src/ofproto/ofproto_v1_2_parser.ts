/** OpenFlow 1.2 messages and structures, at os-ken's module path (os_ken.ofproto.ofproto_v1_2_parser). */
import { msg, type DatapathLike, type MsgBase as Msg } from './ofproto_parser.js';
export {
  OFPActionHeader, OFPAction, OFPActionOutput, OFPActionGroup, OFPActionSetQueue, OFPActionSetMplsTtl, OFPActionDecMplsTtl, OFPActionSetNwTtl,
  OFPActionDecNwTtl, OFPActionCopyTtlOut, OFPActionCopyTtlIn, OFPActionPushVlan, OFPActionPushMpls, OFPActionPopVlan,
  OFPActionPopMpls, OFPActionSetField,
} from './v1_2plus/actions.js';
/** os-ken 1.2's OFPActionExperimenter (type, len, experimenter) */
export { NXOF12Experimenter as OFPActionExperimenter } from './nicira/header.js';
export { OFPInstruction, OFPInstructionGotoTable, OFPInstructionWriteMetadata, OFPInstructionActions } from './v1_2plus/instructions.js';
export {
  OFPHelloV10 as OFPHello, OFPEchoRequest, OFPEchoReply, OFPExperimenter, OFPErrorMsg, OFPFeaturesRequest, OFPGetConfigRequest,
  OFPGetConfigReply, OFPSetConfig, OFPFlowRemoved, OFPPacketOut, OFPFlowMod, OFPBarrierRequest, OFPBarrierReply,
  OFPErrorExperimenterMsg,
} from './v1_2plus/common.js';
export { OFPMatch } from './oxm_match.js';
export { MsgBase } from './ofproto_parser.js';
export { OFPSwitchFeaturesV12 as OFPSwitchFeatures, OFPPacketInV12 as OFPPacketIn } from './v1_2/messages.js';
export { OFPPort, OFPPortStatus, OFPPortMod } from './v1_2plus/port.js';
export { OFPBucket, OFPGroupMod, OFPBucketCounter, OFPGroupDescStats } from './v1_2plus/group.js';
export { OFPTableMod, OFPRoleRequest, OFPRoleReply } from './v1_2plus/role_async.js';
export {
  OFPQueueProp, OFPQueueProp as OFPQueuePropHeader, OFPQueuePropMinRate, OFPQueuePropMaxRate, OFPPacketQueue,
  OFPQueueGetConfigRequest, OFPQueueGetConfigReply,
} from './v1_2plus/queue.js';
export { OFPDescStats } from './v1_2plus/multipart.js';
export {
  OFPStatsRequest, OFPStatsReply, OFPDescStatsRequest, OFPFlowStatsRequest, OFPAggregateStatsRequest, OFPTableStatsRequest, OFPPortStatsRequest,
  OFPQueueStatsRequest, OFPGroupStatsRequest, OFPGroupDescStatsRequest, OFPGroupFeaturesStatsRequest, OFPFlowStats,
  OFPAggregateStatsReply, OFPTableStats, OFPPortStats, OFPQueueStats, OFPGroupStats, OFPGroupFeaturesStats,
} from './v1_2/stats.js';

/** os-ken's msg_parser for this version: decode one message whose header fields are known. */
export function msg_parser(datapath: DatapathLike | null, version: number, msg_type: number, msg_len: number, xid: number, buf: Uint8Array): Msg {
  return msg(datapath, version, msg_type, msg_len, xid, buf);
}

// decoders and JSON lookups produce the classes exported here (instanceof works)
import * as self from './ofproto_v1_2_parser.js';
import { adoptExports as _adoptExports } from './struct.js';
_adoptExports(self);
