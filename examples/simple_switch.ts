/** The learning switch for OpenFlow 1.0 (os-ken's simple_switch).   osken-manager dist/examples/simple_switch.js */
import { SimpleSwitch } from '../src/app/simple_switch.js';
import { OFP_VERSION } from '../src/ofproto/ofproto_v1_0.js';

export class SimpleSwitch10 extends SimpleSwitch {
  static override appName = 'simple_switch_10';
  static override OFP_VERSIONS = [OFP_VERSION];
}
