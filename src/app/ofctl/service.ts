/**
 * os-ken's app.ofctl.service (OfctlService, app name 'ofctl_service'): sends a
 * message followed by a barrier and collects the replies carrying the
 * message's xid until the barrier reply arrives, so it knows when the replies
 * are complete (and that a message without replies succeeded). Errors with
 * that xid become OFError; a datapath that is gone, or disconnects while
 * waiting, InvalidDatapath.
 *
 * The service observes a reply class only while a request waits for it
 * (registerHandler / unregisterHandler with a reference count), so
 * unrelated traffic never reaches its queue.
 */
import { OSKenApp } from '../../base/app_manager.js';
import { Datapath } from '../../controller/controller.js';
import { CONFIG_DISPATCHER, DEAD_DISPATCHER, MAIN_DISPATCHER, setEvCls } from '../../controller/handler.js';
import {
  EventOFPBarrierReply,
  EventOFPErrorMsg,
  EventOFPStateChange,
  EventOFPSwitchFeatures,
  ofpEventClass,
  type EventOFPMsgBase,
  type OFPEventClass,
} from '../../controller/ofp_event.js';
import { OFPHandler } from '../../controller/ofp_handler.js';
import { parserClass } from '../../controller/ofproto_modules.js';
import { dpidToStr } from '../../controller/dpset.js';
import type { MsgBase } from '../../ofproto/ofproto_parser.js';
import { OskenError } from '../../wire/errors.js';
import { GetDatapathRequest, OFCTL_SERVICE, Reply, SendMsgRequest, type ReplyClass } from './event.js';
import { InvalidDatapath, OFError, UnexpectedMultiReply } from './exception.js';

type MsgCtor = new (init?: Record<string, unknown>) => MsgBase;

const jsonNameOf = (c: unknown): string | undefined => (c as { jsonName?: string } | null)?.jsonName;
const isBarrierRequest = (m: MsgBase): boolean => jsonNameOf(m.constructor) === 'OFPBarrierRequest';
const isError = (m: MsgBase): boolean => jsonNameOf(m.constructor) === 'OFPErrorMsg';

/** Outstanding requests of one datapath connection. */
class SwitchInfo {
  /** message xid -> request */
  readonly xids = new Map<number, SendMsgRequest>();
  /** barrier xid -> message xid */
  readonly barriers = new Map<number, number>();
  /** message xid -> replies so far */
  readonly results = new Map<number, MsgBase[]>();
  constructor(readonly datapath: Datapath) {}
}

export class OfctlService extends OSKenApp {
  static override appName = OFCTL_SERVICE;

  private readonly switches = new Map<bigint, SwitchInfo>();
  private readonly observing = new Map<OFPEventClass, number>();

  /** How many requests wait for replies (for tests and diagnostics). */
  get pendingRequests(): number {
    let n = 0;
    for (const si of this.switches.values()) n += si.xids.size;
    return n;
  }

  private observeMsg(cls: ReplyClass): void {
    const evCls = ofpEventClass(cls.jsonName);
    if (evCls === EventOFPErrorMsg) return; // always observed
    const n = this.observing.get(evCls) ?? 0;
    if (n === 0) {
      this.logger.debug(`ofctl: start observing ${evCls.name}`);
      this.registerHandler(evCls, this.handleReply);
    }
    this.observing.set(evCls, n + 1);
  }

  private unobserveMsg(cls: ReplyClass): void {
    const evCls = ofpEventClass(cls.jsonName);
    const n = this.observing.get(evCls);
    if (n === undefined) return;
    if (n > 1) {
      this.observing.set(evCls, n - 1);
      return;
    }
    this.observing.delete(evCls);
    this.unregisterHandler(evCls, this.handleReply);
    this.logger.debug(`ofctl: stop observing ${evCls.name}`);
  }

  /** Fail the request waiting on this barrier. */
  private cancel(info: SwitchInfo, barrierXid: number, exception: Error): void {
    const xid = info.barriers.get(barrierXid);
    if (xid === undefined) return;
    info.barriers.delete(barrierXid);
    const req = info.xids.get(xid)!;
    info.xids.delete(xid);
    info.results.delete(xid);
    if (!isBarrierRequest(req.msg) && req.replyCls !== null) this.unobserveMsg(req.replyCls);
    this.logger.error(`failed to send message <${jsonNameOf(req.msg.constructor) ?? 'message'} xid=${req.msg.xid}>: ${exception.message}`);
    this.replyToRequest(req, new Reply(null, exception));
  }

  private cancelAll(info: SwitchInfo, exception: () => Error): void {
    for (const bxid of [...info.barriers.keys()]) this.cancel(info, bxid, exception());
  }

  /** Track this connection for its id, failing whatever waited on an older one. */
  private adopt(dp: Datapath): SwitchInfo {
    const id = dp.id!;
    const old = this.switches.get(id);
    const info = new SwitchInfo(dp);
    this.switches.set(id, info);
    this.logger.debug(`add dpid ${dpidToStr(id)} datapath ${dp.label()}${old ? ' (replacing an older connection)' : ''}`);
    if (old && old.datapath !== dp) {
      old.datapath.close();
      this.cancelAll(old, () => new InvalidDatapath(id));
    }
    return info;
  }

  private ofpHandler(): OFPHandler | null {
    for (const app of this.manager?.apps.values() ?? []) if (app instanceof OFPHandler) return app;
    return null;
  }

  /**
   * The tracking info for a live datapath. Requests bypass the app queues, so a request can
   * arrive before this service has seen the datapath's features event: a live connection
   * that the OpenFlow handler knows as current is adopted on the spot.
   */
  private infoFor(dp: Datapath): SwitchInfo | null {
    if (!dp.isActive || dp.id === null) return null;
    const si = this.switches.get(dp.id);
    if (si?.datapath === dp) return si;
    const current = this.ofpHandler()?.dps.get(dp.id);
    if (current === dp || (current === undefined && (!si || !si.datapath.isActive))) return this.adopt(dp);
    return null;
  }

  /** Adopt every live datapath the OpenFlow handler knows that this service has not seen yet. */
  private syncFromHandler(): void {
    for (const [id, dp] of this.ofpHandler()?.dps ?? []) {
      if (dp.isActive && this.switches.get(id)?.datapath !== dp) this.adopt(dp);
    }
  }

  /** A live connection that is not superseded (the OpenFlow handler keeps the newest per id). */
  private isCurrent(dp: Datapath): boolean {
    if (!dp.isActive || dp.id === null) return false;
    const current = this.ofpHandler()?.dps.get(dp.id);
    return current === undefined || current === dp;
  }

  @setEvCls(EventOFPSwitchFeatures, CONFIG_DISPATCHER)
  switchFeaturesHandler(ev: EventOFPMsgBase): void {
    const dp = ev.msg.datapath;
    if (!(dp instanceof Datapath) || !this.isCurrent(dp)) return;
    if (this.switches.get(dp.id!)?.datapath !== dp) this.adopt(dp);
  }

  @setEvCls(EventOFPStateChange, [MAIN_DISPATCHER, DEAD_DISPATCHER])
  stateChangeHandler(ev: EventOFPStateChange): void {
    const dp = ev.datapath;
    if (!(dp instanceof Datapath) || dp.id === null) return;
    const id = dp.id;
    const info = this.switches.get(id);
    if (ev.state === MAIN_DISPATCHER) {
      if (this.isCurrent(dp) && info?.datapath !== dp) this.adopt(dp);
      return;
    }
    if (info?.datapath !== dp) return;
    this.logger.debug(`del dpid ${dpidToStr(id)} datapath ${dp.label()}`);
    this.switches.delete(id);
    this.cancelAll(info, () => new InvalidDatapath(id));
  }

  @setEvCls(GetDatapathRequest)
  handleGetDatapath(req: GetDatapathRequest): void {
    this.syncFromHandler();
    let result: Datapath | Datapath[] | null;
    if (req.dpid === null) {
      result = [...this.switches.values()].map((si) => si.datapath).filter((dp) => dp.isActive);
    } else {
      const dp = this.switches.get(req.dpid)?.datapath;
      result = dp?.isActive ? dp : null;
    }
    this.replyToRequest(req, new Reply(result));
  }

  @setEvCls(SendMsgRequest)
  handleSendMsg(req: SendMsgRequest): void {
    const msg = req.msg;
    const dp = msg.datapath;
    if (!(dp instanceof Datapath)) {
      this.replyToRequest(req, new Reply(null, new InvalidDatapath(null)));
      return;
    }
    const si = this.infoFor(dp);
    if (!si) {
      this.logger.error(`unknown dpid ${dp.id === null ? 'None' : dpidToStr(dp.id)}`);
      this.replyToRequest(req, new Reply(null, new InvalidDatapath(dp.id)));
      return;
    }
    let barrierXid: number | null = null;
    try {
      let barrier: MsgBase;
      const isBarrier = isBarrierRequest(msg);
      if (msg.xid === null) dp.setXid(msg);
      if (isBarrier) {
        barrier = msg;
      } else {
        const Barrier = parserClass<MsgCtor>(dp.ofproto.OFP_VERSION, 'OFPBarrierRequest');
        if (!Barrier) throw new OskenError(`OpenFlow version ${dp.ofproto.OFP_VERSION} has no barrier request`);
        barrier = new Barrier({ datapath: dp });
        dp.setXid(barrier);
      }
      const xid = msg.xid!;
      if (si.xids.has(xid) || si.results.has(xid) || si.barriers.has(barrier.xid!)) {
        throw new OskenError(`xid ${xid} is already in use by another ofctl request`);
      }
      si.results.set(xid, []);
      si.xids.set(xid, req);
      si.barriers.set(barrier.xid!, xid);
      barrierXid = barrier.xid!;
      if (!isBarrier) {
        if (req.replyCls !== null) this.observeMsg(req.replyCls);
        if (!dp.sendMsg(msg)) {
          this.cancel(si, barrierXid, new InvalidDatapath(dp.id));
          return;
        }
      }
      if (!dp.sendMsg(barrier)) this.cancel(si, barrierXid, new InvalidDatapath(dp.id));
    } catch (e) {
      // e.g. a message that cannot be serialized: fail the caller rather than leave it waiting
      const err = e instanceof Error ? e : new OskenError(String(e));
      if (barrierXid !== null) this.cancel(si, barrierXid, err);
      else this.replyToRequest(req, new Reply(null, err));
    }
  }

  @setEvCls(EventOFPBarrierReply)
  handleBarrier(ev: EventOFPMsgBase): void {
    const msg = ev.msg;
    const dp = msg.datapath;
    if (!(dp instanceof Datapath) || dp.id === null) return;
    const si = this.switches.get(dp.id);
    if (!si || si.datapath !== dp) return;
    const xid = si.barriers.get(msg.xid!);
    if (xid === undefined) {
      // another app's barrier
      this.logger.debug(`unknown barrier xid ${msg.xid}`);
      return;
    }
    si.barriers.delete(msg.xid!);
    const result = si.results.get(xid) ?? [];
    si.results.delete(xid);
    const req = si.xids.get(xid)!;
    si.xids.delete(xid);
    const isBarrier = isBarrierRequest(req.msg);
    if (req.replyCls !== null && !isBarrier) this.unobserveMsg(req.replyCls);
    let rep: Reply;
    if (isBarrier && req.replyCls !== null && req.replyCls.jsonName === 'OFPBarrierReply') rep = new Reply(msg);
    else if (result.some(isError)) rep = new Reply(null, new OFError(result));
    else if (req.replyMulti) rep = new Reply(result);
    else if (result.length === 0) rep = new Reply(null);
    else if (result.length === 1) rep = new Reply(result[0]);
    else rep = new Reply(null, new UnexpectedMultiReply(result));
    this.replyToRequest(req, rep);
  }

  /** Error messages always; replies of the classes outstanding requests wait for (registered at run time). */
  @setEvCls(EventOFPErrorMsg)
  handleReply(ev: EventOFPMsgBase): void {
    const msg = ev.msg;
    const dp = msg.datapath;
    if (!(dp instanceof Datapath) || dp.id === null || msg.xid === null) return;
    const si = this.switches.get(dp.id);
    if (!si || si.datapath !== dp) return;
    const req = si.xids.get(msg.xid);
    if (!req) return;
    if (!isError(msg)) {
      const cls = req.replyCls;
      const name = jsonNameOf(msg.constructor);
      if (cls === null || !(name === cls.jsonName || msg instanceof cls)) {
        this.logger.error(`unexpected reply ${name} for xid ${msg.xid}`);
        return;
      }
    }
    si.results.get(msg.xid)?.push(msg);
  }

  /** Whoever still waits gets InvalidDatapath. */
  override close(): void {
    for (const [id, info] of [...this.switches]) {
      this.switches.delete(id);
      this.cancelAll(info, () => new InvalidDatapath(id));
    }
  }
}
