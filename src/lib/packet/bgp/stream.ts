/**
 * Streaming parser for BGP-4 (os-ken bgp.StreamParser): feed TCP bytes,
 * get complete BGPMessage objects. Incomplete data is kept for the next
 * call; a corrupt length (< 19) throws BgpMalformed, as a speaker must then
 * close the session.
 */
import { StreamParser, TooSmallException } from '../stream_parser.js';
import * as C from './constants.js';
import { type BGPMessage, decodeMessage } from './header.js';
import type { BgpOptions } from './util.js';
import { DEFAULT_OPTIONS, malformed } from './util.js';

export class BgpStreamParser extends StreamParser<BGPMessage> {
  /** decode options (negotiated ADD-PATH families, extensions) */
  declare opts: BgpOptions;
  constructor(opts: BgpOptions = DEFAULT_OPTIONS) {
    super();
    this.opts = opts;
  }
  tryParse(q: Uint8Array): [BGPMessage, Uint8Array] {
    if (q.length < C.BGP_HDR_LEN) throw new TooSmallException(`${q.length} < ${C.BGP_HDR_LEN}`);
    const len = (q[16]! << 8) | q[17]!;
    if (len < C.BGP_HDR_LEN) malformed('bgp', `bad message length ${len}`, 0, C.BGP_ERROR_MESSAGE_HEADER_ERROR, C.BGP_ERROR_SUB_BAD_MESSAGE_LENGTH);
    if (q.length < len) throw new TooSmallException(`${q.length} < ${len}`);
    const m = decodeMessage({ bytes: q, pos: 0 }, len, this.opts);
    return [m, q.subarray(len)];
  }
}

