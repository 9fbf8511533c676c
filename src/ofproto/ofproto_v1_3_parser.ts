/** OpenFlow 1.3 messages and structures, at os-ken's module path (os_ken.ofproto.ofproto_v1_3_parser). */
export * from './v1_2plus/actions.js';
export * from './v1_2plus/instructions.js';
export {
  OFPHello, OFPHelloElemVersionBitmap, OFPEchoRequest, OFPEchoReply, OFPExperimenter, OFPErrorMsg,
  OFPFeaturesRequest, OFPSwitchFeatures, OFPGetConfigRequest, OFPGetConfigReply, OFPSetConfig,
  OFPPacketIn, OFPFlowRemoved, OFPPacketOut, OFPFlowMod, OFPBarrierRequest, OFPBarrierReply,
} from './v1_2plus/common.js';
export { OFPMatch } from './oxm_match.js';
export { MsgBase } from './ofproto_parser.js';
