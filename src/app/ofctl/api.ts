/**
 * os-ken's app.ofctl.api: OpenFlow request/response for apps. Importing this
 * module makes the ofctl service (OfctlService) load with the apps
 * (`requireApp`, os-ken's require_app); an app registered some other way gets
 * the service on its first call.
 *
 * ```ts
 * import * as ofctlApi from 'osken/app/ofctl/api';
 * const dp = await ofctlApi.getDatapath(this, 1);
 * const parts = await ofctlApi.sendMsg(this, new parser.OFPPortDescStatsRequest({ datapath: dp }), {
 *   replyCls: parser.OFPPortDescStatsReply,
 *   replyMulti: true,
 * });
 * ```
 */
import { requireApp, type OSKenApp } from '../../base/app_manager.js';
import type { Datapath } from '../../controller/controller.js';
import type { DpidLike } from '../../controller/dpset.js';
import type { MsgBase } from '../../ofproto/ofproto_parser.js';
import { OskenError } from '../../wire/errors.js';
import { GetDatapathRequest, OFCTL_SERVICE, SendMsgRequest, type Reply, type ReplyClass } from './event.js';
import { OfctlService } from './service.js';

export { InvalidDatapath, OFError, UnexpectedMultiReply } from './exception.js';
export type { ReplyClass } from './event.js';

requireApp(OfctlService);

/** Register and start the service with the app's manager unless it is there already. */
function ensureService(app: OSKenApp): void {
  const mgr = app.manager;
  if (!mgr) throw new OskenError(`${app.name}: the ofctl API needs an app registered with an AppManager`);
  if (mgr.apps.has(OFCTL_SERVICE)) return;
  const svc = new OfctlService({ manager: mgr });
  mgr.register(svc);
  svc.markStarted();
  void svc.start();
}

/**
 * One datapath by id (null when it is not connected), or every connected datapath when
 * no id is given. Throws TypeError for an id that is not a non-negative integer.
 */
export function getDatapath(app: OSKenApp, dpid?: null): Promise<Datapath[]>;
export function getDatapath(app: OSKenApp, dpid: DpidLike): Promise<Datapath | null>;
export async function getDatapath(app: OSKenApp, dpid: DpidLike | null = null): Promise<Datapath | Datapath[] | null> {
  const req = new GetDatapathRequest(dpid);
  ensureService(app);
  const rep = await app.sendRequest<Reply<Datapath | Datapath[]>>(req);
  return rep.call();
}

export interface SendMsgOptions<M extends MsgBase> {
  /** class of the expected replies; omitted or null: no replies are expected */
  replyCls?: ReplyClass<M> | null;
  /** true: multipart replies are expected, the result is the list of them */
  replyMulti?: boolean;
}

/**
 * Send an OpenFlow message (with `msg.datapath` set) followed by a barrier, and wait for the
 * barrier reply. Returns null when no reply came, the reply when `replyMulti` is false, or
 * the list of replies when it is true. Throws OFError when the switch answered with an
 * error for the message's xid, InvalidDatapath when the datapath is gone or disconnects
 * while waiting, UnexpectedMultiReply when several replies came with `replyMulti` false.
 */
export function sendMsg(app: OSKenApp, msg: MsgBase, opts?: { replyCls?: null; replyMulti?: false }): Promise<null>;
export function sendMsg<M extends MsgBase>(app: OSKenApp, msg: MsgBase, opts: { replyCls: ReplyClass<M>; replyMulti: true }): Promise<M[]>;
export function sendMsg<M extends MsgBase>(app: OSKenApp, msg: MsgBase, opts: { replyCls: ReplyClass<M>; replyMulti?: false }): Promise<M | null>;
export function sendMsg<M extends MsgBase>(app: OSKenApp, msg: MsgBase, opts?: SendMsgOptions<M>): Promise<M | M[] | null>;
export async function sendMsg<M extends MsgBase>(app: OSKenApp, msg: MsgBase, opts: SendMsgOptions<M> = {}): Promise<M | M[] | null> {
  const req = new SendMsgRequest(msg, opts.replyCls ?? null, opts.replyMulti ?? false);
  ensureService(app);
  const rep = await app.sendRequest<Reply<M | M[]>>(req);
  return rep.call();
}
