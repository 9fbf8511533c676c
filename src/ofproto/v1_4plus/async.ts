/**
 * Asynchronous configuration and controller-role messages of OpenFlow 1.4/1.5: get/set async
 * with properties, role status with properties, request forward (a message inside a message).
 */
import type { Reader } from '../../wire/reader.js';
import type { Writer } from '../../wire/writer.js';
import { JsonDictError, OFPMalformedMessage, OFPTruncatedMessage, OskenError } from '../../wire/errors.js';
import type { JsonObject } from '../../wire/json/json.js';
import { pad, u32, u64, u8, varField, type FieldSpec, type StructObj } from '../struct.js';
import { defineMsg, MsgBase, msg, ofpMsgFromJsonDict } from '../ofproto_parser.js';
import { defineExpProp, defineProp, OFPPropBase, PropFamily, V14_15 } from './props.js';

/* ---------- async config ---------- */
export const asyncConfigProps = new PropFamily('ofp_async_config_prop');
/** os-ken's OFPAsyncConfigProp: base of these properties. */
export abstract class OFPAsyncConfigProp extends OFPPropBase {}
export class OFPAsyncConfigPropReasons extends defineProp('OFPAsyncConfigPropReasons', 0, { mask: u32() }, OFPAsyncConfigProp) {}
export class OFPAsyncConfigPropExperimenter extends defineExpProp('OFPAsyncConfigPropExperimenter') {}
asyncConfigProps.register(V14_15, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], OFPAsyncConfigPropReasons);
asyncConfigProps.register(V14_15, [0xfffe, 0xffff], OFPAsyncConfigPropExperimenter);

export class OFPGetAsyncRequest extends defineMsg('OFPGetAsyncRequest', { versions: V14_15, type: 26, osken: false }, {}) {}
export class OFPGetAsyncReply extends defineMsg('OFPGetAsyncReply', { versions: V14_15, type: 27 }, { properties: asyncConfigProps.list() }) {}
export class OFPSetAsync extends defineMsg('OFPSetAsync', { versions: V14_15, type: 28, osken: false }, { properties: asyncConfigProps.list() }) {}

/* ---------- role status ---------- */
export const roleProps = new PropFamily('ofp_role_prop');
/** os-ken's OFPRoleProp: base of these properties. */
export abstract class OFPRoleProp extends OFPPropBase {}
export class OFPRolePropExperimenter extends defineExpProp('OFPRolePropExperimenter') {}
roleProps.register(V14_15, [0xffff], OFPRolePropExperimenter);

export class OFPRoleStatus extends defineMsg('OFPRoleStatus', { versions: V14_15, type: 30 }, {
  role: u32(), reason: u8(), _pad: pad(3), generation_id: u64(), properties: roleProps.list(),
}) {}

/* ---------- a message inside a message ---------- */
/** Nesting bound for messages inside messages (hostile input: request forward of request forward...). */
const MAX_NESTING = 32;
let depth = 0;

/**
 * An embedded OpenFlow message (request forward, bundle add). `padded`: the message is padded to 8
 * when more data (properties) follows. `sameXid`: the embedded message takes the outer xid.
 */
export function embeddedMsg(opts: { padded?: boolean; sameXid?: boolean; padIf?: string; nullOnError?: boolean } = {}): FieldSpec<MsgBase | null, MsgBase | null> {
  return varField<MsgBase | null>(
    {
      decode(r: Reader) {
        const start = r.pos;
        r.need(8, 'embedded message');
        const len = r.view.getUint16(start + 2);
        if (len < 8) throw new OFPMalformedMessage('embedded message', start, `length ${len} < 8`);
        if (start + len > r.end) throw new OFPTruncatedMessage('embedded message', len, r.end - start, start);
        const inner = r.bytes.subarray(start, start + len);
        if (depth >= MAX_NESTING) throw new OFPMalformedMessage('embedded message', start, `messages nested more than ${MAX_NESTING} deep`);
        let m: MsgBase;
        depth++;
        try {
          m = msg(null, r.view.getUint8(start), r.view.getUint8(start + 1), len, r.view.getUint32(start + 4), inner);
        } catch (e) {
          // os-ken's ofproto_parser.msg() logs a message it cannot parse and returns None
          if (!opts.nullOnError || !(e instanceof OskenError) || /nested/.test(e.message)) throw e;
          r.pos = start + len;
          return null;
        } finally {
          depth--;
        }
        r.pos = start + len;
        if (opts.padded && r.pos < r.end) r.pos = Math.min(start + ((len + 7) & ~7), r.end);
        return m;
      },
      encode(w: Writer, v: MsgBase | null, o: StructObj) {
        if (!v) throw new JsonDictError('embedded message missing');
        v.version = w.version;
        if (opts.sameXid) {
          const xid = (o.xid as number | null) ?? 0;
          if (v.xid !== xid) v.xid = xid;
        }
        v.serialize();
        const start = w.pos;
        w.bytes(v.buf!);
        const more = opts.padIf ? ((o[opts.padIf] as unknown[] | undefined) ?? []).length > 0 : false;
        if (more) w.align(start, 8);
      },
      toJson: (v) => (v ? v.toJsonDict() : null),
      fromJson: (j, version) => ofpMsgFromJsonDict(null, j, version),
    },
    null,
  );
}

export class OFPRequestForward extends defineMsg('OFPRequestForward', { versions: V14_15, type: 32 }, { request: embeddedMsg({ nullOnError: true }) }) {}

export type { JsonObject };
