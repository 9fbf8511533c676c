/** The learning switch for OpenFlow 1.4 (os-ken's simple_switch_14).   osken-manager dist/examples/simple_switch_14.js */
import { SimpleSwitch } from '../src/app/simple_switch.js';
import { OFP_VERSION } from '../src/ofproto/ofproto_v1_4.js';

export class SimpleSwitch14 extends SimpleSwitch {
  static override appName = 'simple_switch_14';
  static override OFP_VERSIONS = [OFP_VERSION];
}
