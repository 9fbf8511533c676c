/** Loads every OpenFlow version's codecs (and the Nicira extensions) so that decode tables are complete. */
import './ofproto_v1_0_parser.js';
import './ofproto_v1_2_parser.js';
import './ofproto_v1_3_parser.js';
import './ofproto_v1_4_parser.js';
import './ofproto_v1_5_parser.js';
import './nx_actions.js';
