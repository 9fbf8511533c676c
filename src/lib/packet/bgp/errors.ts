/**
 * BGP errors. Two families:
 *  - BgpMalformed / PacketTruncated: thrown by the decoders on hostile or
 *    short input (never TypeError/RangeError); BgpMalformed carries the
 *    NOTIFICATION code/subcode a speaker would send (gobgp MessageError).
 *  - BgpExc and its subclasses: os-ken's exception classes (bgp.BgpExc,
 *    BadLen, MalformedAttrList ...), used by the BGP speaker to build
 *    NOTIFICATION messages. Names and CODE/SUB_CODE are os-ken's.
 */
import { OskenError, PacketMalformed } from '../../../wire/errors.js';
import * as C from './constants.js';

/** A BGP structure is inconsistent (bad length, bad type, value out of range). */
export class BgpMalformed extends PacketMalformed {
  constructor(
    where: string,
    detail: string,
    offset: number,
    /** NOTIFICATION error code (BGP_ERROR_*) */
    readonly code: number = C.BGP_ERROR_UPDATE_MESSAGE_ERROR,
    /** NOTIFICATION error subcode */
    readonly subcode: number = 0,
  ) {
    super(where, detail, offset);
  }
}

/** os-ken BgpExc: base of the errors a BGP speaker turns into a NOTIFICATION. */
export class BgpExc extends OskenError {
  static readonly CODE: number = 0;
  static readonly SUB_CODE: number = 0;
  static readonly SEND_ERROR: boolean = true;
  declare data: Uint8Array;
  constructor(data: Uint8Array | string = new Uint8Array(0)) {
    super(typeof data === 'string' ? data : '');
    this.data = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  }
  get code(): number {
    return (this.constructor as typeof BgpExc).CODE;
  }
  get subcode(): number {
    return (this.constructor as typeof BgpExc).SUB_CODE;
  }
}

function exc(code: number, sub: number, send = true): typeof BgpExc {
  return class extends BgpExc {
    static override readonly CODE = code;
    static override readonly SUB_CODE = sub;
    static override readonly SEND_ERROR = send;
  };
}

export class BadNotification extends exc(0, 0, false) {}
export class NotSync extends exc(C.BGP_ERROR_MESSAGE_HEADER_ERROR, C.BGP_ERROR_SUB_CONNECTION_NOT_SYNCHRONIZED) {}
export class BadLen extends exc(C.BGP_ERROR_MESSAGE_HEADER_ERROR, C.BGP_ERROR_SUB_BAD_MESSAGE_LENGTH) {
  constructor(
    readonly msg_type_code: number,
    readonly msgLength: number,
  ) {
    super(new Uint8Array([(msgLength >> 8) & 255, msgLength & 255]));
  }
}
export class BadMsg extends exc(C.BGP_ERROR_MESSAGE_HEADER_ERROR, C.BGP_ERROR_SUB_BAD_MESSAGE_TYPE) {
  constructor(readonly msg_type: number) {
    super(new Uint8Array([msg_type & 255]));
  }
}
export class MalformedOptionalParam extends exc(C.BGP_ERROR_OPEN_MESSAGE_ERROR, 0) {}
export class UnsupportedVersion extends exc(C.BGP_ERROR_OPEN_MESSAGE_ERROR, C.BGP_ERROR_SUB_UNSUPPORTED_VERSION_NUMBER) {
  constructor(locallySupportVersion: number) {
    // os-ken packs 'H' (native order); we use network order as RFC 4271 requires
    super(new Uint8Array([(locallySupportVersion >> 8) & 255, locallySupportVersion & 255]));
  }
}
export class BadPeerAs extends exc(C.BGP_ERROR_OPEN_MESSAGE_ERROR, C.BGP_ERROR_SUB_BAD_PEER_AS) {}
export class BadBgpId extends exc(C.BGP_ERROR_OPEN_MESSAGE_ERROR, C.BGP_ERROR_SUB_BAD_BGP_IDENTIFIER) {}
export class UnsupportedOptParam extends exc(C.BGP_ERROR_OPEN_MESSAGE_ERROR, C.BGP_ERROR_SUB_UNSUPPORTED_OPTIONAL_PARAMETER) {}
export class AuthFailure extends exc(C.BGP_ERROR_OPEN_MESSAGE_ERROR, C.BGP_ERROR_SUB_AUTHENTICATION_FAILURE) {}
export class UnacceptableHoldTime extends exc(C.BGP_ERROR_OPEN_MESSAGE_ERROR, C.BGP_ERROR_SUB_UNACCEPTABLE_HOLD_TIME) {}
export class MalformedAttrList extends exc(C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_MALFORMED_ATTRIBUTE_LIST) {}
export class UnRegWellKnowAttr extends exc(C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE) {}
export class MissingWellKnown extends exc(C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_MISSING_WELL_KNOWN_ATTRIBUTE) {
  constructor(readonly pattr_type_code: number) {
    super(new Uint8Array([pattr_type_code & 255]));
  }
}
export class AttrFlagError extends exc(C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_ATTRIBUTE_FLAGS_ERROR) {}
export class AttrLenError extends exc(C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_ATTRIBUTE_LENGTH_ERROR) {}
export class InvalidOriginError extends exc(C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_INVALID_ORIGIN_ATTRIBUTE) {}
export class RoutingLoop extends exc(C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_ROUTING_LOOP) {}
export class InvalidNextHop extends exc(C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_INVALID_NEXT_HOP_ATTRIBUTE) {}
export class OptAttrError extends exc(C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_OPTIONAL_ATTRIBUTE_ERROR) {}
export class InvalidNetworkField extends exc(C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_INVALID_NETWORK_FIELD) {}
export class MalformedAsPath extends exc(C.BGP_ERROR_UPDATE_MESSAGE_ERROR, C.BGP_ERROR_SUB_MALFORMED_AS_PATH) {}
export class HoldTimerExpired extends exc(C.BGP_ERROR_HOLD_TIMER_EXPIRED, C.BGP_ERROR_SUB_HOLD_TIMER_EXPIRED) {}
export class FiniteStateMachineError extends exc(C.BGP_ERROR_FSM_ERROR, C.BGP_ERROR_SUB_FSM_ERROR) {}
export class MaxPrefixReached extends exc(C.BGP_ERROR_CEASE, C.BGP_ERROR_SUB_MAXIMUM_NUMBER_OF_PREFIXES_REACHED) {}
export class AdminShutdown extends exc(C.BGP_ERROR_CEASE, C.BGP_ERROR_SUB_ADMINISTRATIVE_SHUTDOWN) {}
export class PeerDeConfig extends exc(C.BGP_ERROR_CEASE, C.BGP_ERROR_SUB_PEER_DECONFIGURED) {}
export class AdminReset extends exc(C.BGP_ERROR_CEASE, C.BGP_ERROR_SUB_ADMINISTRATIVE_RESET) {}
export class ConnRejected extends exc(C.BGP_ERROR_CEASE, C.BGP_ERROR_SUB_CONNECTION_RESET) {}
export class OtherConfChange extends exc(C.BGP_ERROR_CEASE, C.BGP_ERROR_SUB_OTHER_CONFIGURATION_CHANGE) {}
export class CollisionResolution extends exc(C.BGP_ERROR_CEASE, C.BGP_ERROR_SUB_CONNECTION_COLLISION_RESOLUTION) {}
export class OutOfResource extends exc(C.BGP_ERROR_CEASE, C.BGP_ERROR_SUB_OUT_OF_RESOURCES) {}
