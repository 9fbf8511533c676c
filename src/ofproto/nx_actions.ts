/**
 * Nicira extension actions (os_ken.ofproto.nx_actions): every NXAction class
 * os-ken exports, registered for decoding inside action lists of every
 * OpenFlow version (experimenter/vendor 0x2320) and for JSON lookup in
 * versions 1.0 and 1.2-1.5. Implementation: src/ofproto/nicira/.
 */
import { actionElem10 } from './v1_0/actions.js';
import { setNXNestedActionElem } from './nicira/ct.js';

export {
  NXAction, NXVarAction, NXOF12Experimenter, NX_EXPERIMENTER_ID, NX_VERSIONS, pickNX, registerNX,
} from './nicira/header.js';
export * from './nicira/misc.js';
export * from './nicira/reg.js';
export * from './nicira/var.js';
export * from './nicira/learn.js';
export { NXFlowSpec as _NXFlowSpec } from './nicira/learn.js';
export * from './nicira/ct.js';
export * from './nicira/controller.js';
export * as nxm from './nicira/nxm.js';
export { ofs_nbits, ofs_nbits_str } from './nicira_ext.js';

// ct's nested actions in OpenFlow 1.0 are 1.0 actions (os-ken: the 1.0 module's OFPAction.parser)
setNXNestedActionElem(1, actionElem10);
