/** The ofproto (constants) and ofproto_parser (classes) modules of each OpenFlow version (see ofproto_protocol). */
export { OFPROTO, ALL_OFP_VERSIONS, parserClass, type OfprotoModule, type ParserModule } from '../ofproto/ofproto_protocol.js';
