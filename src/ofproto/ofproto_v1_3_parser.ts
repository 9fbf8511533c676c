/** OpenFlow 1.3 messages and structures, at os-ken's module path (os_ken.ofproto.ofproto_v1_3_parser). */
import { msg, type DatapathLike, type MsgBase as Msg } from './ofproto_parser.js';
export {
  OFPActionHeader, OFPAction, OFPActionExperimenter, OFPActionOutput, OFPActionCopyTtlOut, OFPActionCopyTtlIn,
  OFPActionSetMplsTtl, OFPActionDecMplsTtl, OFPActionPushVlan, OFPActionPopVlan, OFPActionPushMpls, OFPActionPopMpls,
  OFPActionSetQueue, OFPActionGroup, OFPActionSetNwTtl, OFPActionDecNwTtl, OFPActionPushPbb, OFPActionPopPbb,
  OFPActionSetField, OFPActionExperimenterUnknown,
} from './v1_2plus/actions.js';
export {
  OFPInstruction, OFPInstructionGotoTable, OFPInstructionWriteMetadata, OFPInstructionActions, OFPInstructionMeter,
} from './v1_2plus/instructions.js';
export {
  OFPHello, OFPHelloElemVersionBitmap, OFPEchoRequest, OFPEchoReply, OFPExperimenter, OFPErrorMsg,
  OFPFeaturesRequest, OFPSwitchFeatures, OFPGetConfigRequest, OFPGetConfigReply, OFPSetConfig,
  OFPPacketIn, OFPFlowRemoved, OFPPacketOut, OFPFlowMod, OFPBarrierRequest, OFPBarrierReply, OFPErrorExperimenterMsg,
} from './v1_2plus/common.js';
export { OFPMatch } from './oxm_match.js';
export { MsgBase } from './ofproto_parser.js';
export { OFPPort, OFPPortStatus, OFPPortMod, OFPPortStats, OFPPortStatsRequest, OFPPortStatsReply, OFPPortDescStatsRequest, OFPPortDescStatsReply } from './v1_2plus/port.js';
export {
  OFPBucket, OFPGroupMod, OFPBucketCounter, OFPGroupStats, OFPGroupDescStats, OFPGroupFeaturesStats, OFPGroupStatsRequest,
  OFPGroupStatsReply, OFPGroupDescStatsRequest, OFPGroupDescStatsReply, OFPGroupFeaturesStatsRequest, OFPGroupFeaturesStatsReply,
} from './v1_2plus/group.js';
export {
  OFPMeterBandHeader, OFPMeterBandHeader as OFPMeterBand, OFPMeterBandDrop, OFPMeterBandDscpRemark, OFPMeterBandExperimenter,
  OFPMeterMod, OFPMeterBandStats, OFPMeterStats, OFPMeterConfigStats, OFPMeterFeaturesStats, OFPMeterStatsRequest,
  OFPMeterStatsReply, OFPMeterConfigStatsRequest, OFPMeterConfigStatsReply, OFPMeterFeaturesStatsRequest, OFPMeterFeaturesStatsReply,
} from './v1_2plus/meter.js';
export {
  OFPQueueProp, OFPQueueProp as OFPQueuePropHeader, OFPQueuePropMinRate, OFPQueuePropMaxRate, OFPQueuePropExperimenter,
  OFPPacketQueue, OFPQueueGetConfigRequest, OFPQueueGetConfigReply, OFPQueueStats, OFPQueueStatsRequest, OFPQueueStatsReply,
} from './v1_2plus/queue.js';
export {
  OFPDescStats, OFPDescStatsRequest, OFPDescStatsReply, OFPFlowStats, OFPFlowStatsRequest, OFPFlowStatsReply,
  OFPAggregateStats, OFPAggregateStatsRequest, OFPAggregateStatsReply, OFPTableStats, OFPTableStatsRequest, OFPTableStatsReply,
  OFPExperimenterMultipart, OFPExperimenterStatsRequest, OFPExperimenterStatsReply,
} from './v1_2plus/multipart.js';
export {
  OFPTableFeatureProp, OFPInstructionId, OFPActionId, OFPOxmId, OFPExperimenterOxmId, OFPTableFeaturePropInstructions,
  OFPTableFeaturePropNextTables, OFPTableFeaturePropActions, OFPTableFeaturePropOxm, OFPTableFeaturePropExperimenter,
  OFPPropBase, OFPPropCommonExperimenter4ByteData,
  OFPPropUnknown, OFPPropUnknown as OFPTableFeaturePropUnknown, OFPTableFeaturesStats, OFPTableFeaturesStatsRequest,
  OFPTableFeaturesStatsReply,
} from './v1_2plus/table_features.js';
export { OFPRoleRequest, OFPRoleReply, OFPTableMod, OFPGetAsyncRequest, OFPGetAsyncReply, OFPSetAsync } from './v1_2plus/role_async.js';
export { ONFFlowMonitorRequest, ONFFlowMonitorStatsRequest, ONFBundleCtrlMsg, ONFBundleAddMsg, OFPBundleProp } from './v1_3/onf.js';
/** os-ken's nx_actions.generate() puts the Nicira actions in this module, with the NXT packet-in2 messages. */
export * from './nx_parser_exports.js';
export {
  OFPMultipartRequest, OFPMultipartReply, OFPFlowStatsRequestBase, OFPExperimenterStatsRequestBase,
} from './v1_2plus/mp_common.js';

/** os-ken's msg_parser for this version: decode one message whose header fields are known. */
export function msg_parser(datapath: DatapathLike | null, version: number, msg_type: number, msg_len: number, xid: number, buf: Uint8Array): Msg {
  return msg(datapath, version, msg_type, msg_len, xid, buf);
}

// decoders and JSON lookups produce the classes exported here (instanceof works)
import * as self from './ofproto_v1_3_parser.js';
import { adoptExports as _adoptExports } from './struct.js';
_adoptExports(self);
