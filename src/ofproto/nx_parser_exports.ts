/**
 * The Nicira classes os-ken puts in each of its ofproto_v1_3/1_4/1_5 parser modules
 * (nx_actions.generate() and the NXT packet-in2 messages): those three facades re-export this one list.
 */
export {
  NXTSetPacketInFormatMsg, NXTPacketIn2, NXTPacketIn2Prop, NXTPacketIn2PropPacket, NXTPacketIn2PropFullLen, NXTPacketIn2PropBufferId,
  NXTPacketIn2PropTableId, NXTPacketIn2PropCookie, NXTPacketIn2PropReason, NXTPacketIn2PropMetadata, NXTPacketIn2PropUserData,
  NXTPacketIn2PropContinuation,
} from './v1_3/nxt.js';
export {
  NXAction, NXActionBundle, NXActionBundleLoad, NXActionCT, NXActionCTClear, NXActionConjunction, NXActionController,
  NXActionController2, NXActionDecMplsTtl, NXActionDecNshTtl, NXActionDecTtl, NXActionDecTtlCntIds, NXActionEncapEther,
  NXActionEncapNsh, NXActionExit, NXActionFinTimeout, NXActionLearn, NXActionMultipath, NXActionNAT, NXActionNote,
  NXActionOutputReg, NXActionOutputReg2, NXActionOutputTrunc, NXActionPopMpls, NXActionPopQueue, NXActionPushMpls,
  NXActionRegLoad, NXActionRegLoad2, NXActionRegMove, NXActionResubmit, NXActionResubmitTable, NXActionSample,
  NXActionSample2, NXActionSetMplsLabel, NXActionSetMplsTc, NXActionSetMplsTtl, NXActionSetQueue, NXActionSetTunnel,
  NXActionSetTunnel64, NXActionStackPop, NXActionStackPush, NXActionUnknown, NXFlowSpecLoad, NXFlowSpecMatch, NXFlowSpecOutput,
  _NXFlowSpec,
} from './nx_actions.js';
