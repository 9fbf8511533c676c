/** OpenFlow 1.5 groups: buckets with properties, group mod (command bucket id, properties), group description. */
import { defineStruct, lenOf, listField, pad, selfLen, structElem, u16, u32, u8 } from '../struct.js';
import { defineMsg, registerStruct } from '../ofproto_parser.js';
import { actionElem } from '../v1_2plus/actions.js';
import { defineExpProp, defineProp, OFPPropBase, PropFamily } from '../v1_4plus/props.js';
import { listBody, mpReply, mpRequest } from '../v1_4plus/multipart.js';

const V15 = [6] as const;

export const groupProps = new PropFamily('ofp_group_prop');
/** os-ken's OFPGroupProp: base of these properties. */
export abstract class OFPGroupProp extends OFPPropBase {}
export class OFPGroupPropExperimenter extends defineExpProp('OFPGroupPropExperimenter') {}
groupProps.register(V15, [0xffff], OFPGroupPropExperimenter);

export const groupBucketProps = new PropFamily('ofp_group_bucket_prop');
/** os-ken's OFPGroupBucketProp: base of these properties. */
export abstract class OFPGroupBucketProp extends OFPPropBase {}
export class OFPGroupBucketPropWeight extends defineProp('OFPGroupBucketPropWeight', 0, { weight: u16(), _pad: pad(2) }, OFPGroupBucketProp) {}
export class OFPGroupBucketPropWatch extends defineProp('OFPGroupBucketPropWatch', 1, { watch: u32() }, OFPGroupBucketProp) {}
export class OFPGroupBucketPropExperimenter extends defineExpProp('OFPGroupBucketPropExperimenter') {}
groupBucketProps.register(V15, [0], OFPGroupBucketPropWeight);
groupBucketProps.register(V15, [1, 2], OFPGroupBucketPropWatch);
groupBucketProps.register(V15, [0xffff], OFPGroupBucketPropExperimenter);

export class OFPBucket extends defineStruct('OFPBucket', {
  len: selfLen({ align: 8 }), action_array_len: lenOf('actions'), bucket_id: u32(), actions: listField(actionElem),
  properties: groupBucketProps.list(),
}) {}
registerStruct(V15, OFPBucket);

export class OFPGroupMod extends defineMsg('OFPGroupMod', { versions: V15, type: 15 }, {
  command: u16(0), type: u8(0), _pad1: pad(1), group_id: u32(), bucket_array_len: lenOf('buckets'), _pad2: pad(2),
  command_bucket_id: u32(0xffffffff), buckets: listField(structElem(OFPBucket)), properties: groupProps.list(),
}) {}

export class OFPGroupDescStats extends defineStruct('OFPGroupDescStats', {
  length: selfLen(), type: u8(), _pad1: pad(1), group_id: u32(), bucket_array_len: lenOf('buckets'), _pad2: pad(6),
  buckets: listField(structElem(OFPBucket)), properties: groupProps.list(),
}) {}
registerStruct(V15, OFPGroupDescStats);
export class OFPGroupDescStatsRequest extends mpRequest('OFPGroupDescStatsRequest', V15, 7, { group_id: u32(0xfffffffc), _pad1: pad(4) }) {}
export class OFPGroupDescStatsReply extends mpReply('OFPGroupDescStatsReply', V15, 7, listBody(OFPGroupDescStats)) {}
