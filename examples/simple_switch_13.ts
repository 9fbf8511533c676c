/** The learning switch for OpenFlow 1.3 (os-ken's simple_switch_13).   osken-manager dist/examples/simple_switch_13.js */
import { SimpleSwitch } from '../src/app/simple_switch.js';
import { OFP_VERSION } from '../src/ofproto/ofproto_v1_3.js';

export class SimpleSwitch13 extends SimpleSwitch {
  static override appName = 'simple_switch_13';
  static override OFP_VERSIONS = [OFP_VERSION];
}
