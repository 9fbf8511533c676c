/** os-ken's app.ofctl.exception: what ofctl API calls throw. */
import { OskenError } from '../../wire/errors.js';
import { OFPErrorMsg } from '../../ofproto/ofproto_v1_3_parser.js';
import type { MsgBase } from '../../ofproto/ofproto_parser.js';

function describe(msgs: readonly MsgBase[]): string {
  return `[${msgs
    .map((m) => {
      const name = (m.constructor as unknown as { jsonName?: string }).jsonName ?? m.constructor.name;
      return m instanceof OFPErrorMsg ? `${name}(type=${m.type}, code=${m.code ?? 'None'}, xid=${m.xid})` : `${name}(xid=${m.xid})`;
    })
    .join(', ')}]`;
}

/** Base of the ofctl exceptions; `result` is what os-ken passes as `result`. */
export class OfctlException<R> extends OskenError {
  constructor(
    readonly result: R,
    message: string,
  ) {
    super(message);
  }
}

/** Two or more replies were received for a request with `replyMulti` false. */
export class UnexpectedMultiReply extends OfctlException<MsgBase[]> {
  constructor(result: MsgBase[]) {
    super(result, `Unexpected Multi replies ${describe(result)}`);
  }
}

/** The switch answered the request with OFPErrorMsg (`errors`; `result` holds every reply received). */
export class OFError extends OfctlException<MsgBase[]> {
  constructor(result: MsgBase[]) {
    super(result, `OpenFlow errors ${describe(result)}`);
  }
  /** The error messages among the replies. */
  get errors(): OFPErrorMsg[] {
    return this.result.filter((m): m is OFPErrorMsg => m instanceof OFPErrorMsg);
  }
}

/** The datapath is unknown or went away (the bridge disconnected); `result` is its id. */
export class InvalidDatapath extends OfctlException<bigint | null> {
  constructor(result: bigint | null) {
    super(result, `Datapath Invalid ${result === null ? 'None' : `0x${result.toString(16).padStart(16, '0')}`}`);
  }
}
