/**
 * Connectivity Fault Management, IEEE 802.1ag (os-ken os_ken/lib/packet/cfm.py):
 * CCM, loopback message/reply, link trace message/reply and their TLVs.
 *
 * Facade at os-ken's module path: constants/helpers in ./cfm/common.ts, TLVs
 * in ./cfm/tlvs.ts, operations in ./cfm/messages.ts; the `cfm` packet class
 * lives here.
 */
import type { Reader } from '../../wire/reader.js';
import { Writer } from '../../wire/writer.js';
import type { JsonObject } from '../../wire/json/json.js';
import { JsonDictError } from '../../wire/errors.js';
import { DecodeCtx, PacketBase, SHARED_TYPES, SerializeBuffer, jClass, registerProtocol } from './packet_base.js';
import { ETH_TYPE_CFM } from './ether_types.js';
import { bad, need } from './cfm/common.js';
import { CfmOperation, OPCODES, OP_BY_NAME } from './cfm/messages.js';

export * from './cfm/common.js';
export * from './cfm/tlvs.js';
export * from './cfm/messages.js';

export class Cfm extends PacketBase {
  static override readonly jsonName = 'cfm';
  static override readonly MIN_LEN = 1;
  op: CfmOperation;

  constructor(o: { op?: CfmOperation } = {}) {
    super();
    if (!o.op) throw new JsonDictError('cfm: op is required');
    this.op = o.op;
  }

  override get length(): number {
    return this.op.size;
  }

  static override decode(r: Reader, ctx: DecodeCtx): Cfm {
    const p = r.pos;
    need(r, p + 1, 1);
    const opcode = r.view.getUint8(p + 1);
    const codec = OPCODES.get(opcode);
    if (!codec) bad(`unknown opcode ${opcode}`, p + 1);
    const c = new Cfm({ op: codec.parse(r, p) });
    r.pos = Math.min(p + c.op.size, r.end);
    ctx.next = null;
    return c;
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const w = new Writer(128);
    this.op.write(w);
    out.prependBytes(w.buf.subarray(0, w.pos));
  }

  override toJsonFields(): JsonObject {
    return { op: this.op.toJsonDict() };
  }

  static override fromJsonDict(d: JsonObject): Cfm {
    const [name, body] = jClass(d.op, 'cfm.op');
    const c = OP_BY_NAME.get(name);
    if (!c) throw new JsonDictError(`unknown CFM operation ${name}`);
    return new Cfm({ op: c.fromJsonDict(body) });
  }
}

registerProtocol(Cfm);
SHARED_TYPES.set(ETH_TYPE_CFM, Cfm);
