/** Bundles in OpenFlow 1.4/1.5: bundle control and bundle add (with the embedded message), with properties. */
import { pad, u16, u32 } from '../struct.js';
import { defineMsg } from '../ofproto_parser.js';
import { defineExpProp, PropFamily, V14_15 } from './props.js';
import { embeddedMsg } from './async.js';
import { OFPBundleProp } from '../v1_3/onf.js';

export { OFPBundleProp };

export const bundleProps = new PropFamily('ofp_bundle_prop');
export class OFPBundlePropExperimenter extends defineExpProp('OFPBundlePropExperimenter') {}
bundleProps.register(V14_15, [0xffff], OFPBundlePropExperimenter);

export class OFPBundleCtrlMsg extends defineMsg('OFPBundleCtrlMsg', { versions: V14_15, type: 33 }, {
  bundle_id: u32(), type: u16(), flags: u16(), properties: bundleProps.list(),
}) {}

export class OFPBundleAddMsg extends defineMsg('OFPBundleAddMsg', { versions: V14_15, type: 34, osken: false }, {
  bundle_id: u32(), _pad: pad(2), flags: u16(), message: embeddedMsg({ padded: true, sameXid: true, padIf: 'properties' }),
  properties: bundleProps.list(),
}) {}
