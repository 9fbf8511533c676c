/** os-ken's app.ofctl.event: the requests the ofctl service answers, and its reply. */
import { EventReplyBase, EventRequestBase } from '../../controller/event.js';
import type { MsgBase } from '../../ofproto/ofproto_parser.js';
import type { DpidLike } from '../../controller/dpset.js';

/** The name the ofctl service registers under. */
export const OFCTL_SERVICE = 'ofctl_service';

/** An OpenFlow message class (OFPFlowStatsReply, ...) as the type of expected replies. */
export type ReplyClass<M extends MsgBase = MsgBase> = (abstract new (...args: never[]) => M) & { readonly jsonName: string };

export class OfctlRequestBase extends EventRequestBase {
  constructor() {
    super();
    this.dst = OFCTL_SERVICE;
  }
}

/** One datapath by id, or every datapath (dpid null). */
export class GetDatapathRequest extends OfctlRequestBase {
  readonly dpid: bigint | null;
  constructor(dpid: DpidLike | null = null) {
    super();
    if (typeof dpid === 'number' && !(Number.isSafeInteger(dpid) && dpid >= 0)) throw new TypeError(`invalid datapath id ${dpid}`);
    if (dpid !== null && typeof dpid !== 'number' && typeof dpid !== 'bigint') throw new TypeError(`invalid datapath id ${String(dpid)}`);
    this.dpid = dpid === null ? null : BigInt(dpid);
  }
}

/** Send `msg` (with `msg.datapath` set), then a barrier; collect replies of `replyCls` with its xid. */
export class SendMsgRequest extends OfctlRequestBase {
  constructor(
    readonly msg: MsgBase,
    readonly replyCls: ReplyClass | null = null,
    readonly replyMulti = false,
  ) {
    super();
  }
}

/** The service's answer: a result, or the exception to raise in the caller. */
export class Reply<T = unknown> extends EventReplyBase {
  constructor(
    readonly result: T | null = null,
    readonly exception: Error | null = null,
  ) {
    super();
  }

  /** os-ken's `reply()`: the result, or throw the exception. */
  call(): T | null {
    if (this.exception) throw this.exception;
    return this.result;
  }
}
