/** The learning switch for OpenFlow 1.5 (os-ken's simple_switch_15).   osken-manager dist/examples/simple_switch_15.js */
import { SimpleSwitch } from '../src/app/simple_switch.js';
import { OFP_VERSION } from '../src/ofproto/ofproto_v1_5.js';

export class SimpleSwitch15 extends SimpleSwitch {
  static override appName = 'simple_switch_15';
  static override OFP_VERSIONS = [OFP_VERSION];
}
