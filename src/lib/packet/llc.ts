/** IEEE 802.2 LLC (os-ken os_ken/lib/packet/llc.py). */
import type { Reader } from '../../wire/reader.js';
import { JsonDictError, PacketMalformed } from '../../wire/errors.js';
import type { JsonObject } from '../../wire/json/json.js';
import { DecodeCtx, PacketBase, SerializeBuffer, jClass, jInt, need, registerProtocol } from './packet_base.js';
import { ETH_TYPE_IEEE802_3 } from './ether_types.js';
import { Ethernet } from './ethernet.js';

export const SAP_BPDU = 0x42;

/** I-format control field (16 bits). os-ken reads pf_bit from bit 8 (the format bit). */
export class ControlFormatI {
  static readonly TYPE = 0b0;
  send_sequence_number: number;
  pf_bit: number;
  receive_sequence_number: number;
  constructor(opts: { send_sequence_number?: number; pf_bit?: number; receive_sequence_number?: number } = {}) {
    this.send_sequence_number = opts.send_sequence_number ?? 0;
    this.pf_bit = opts.pf_bit ?? 0;
    this.receive_sequence_number = opts.receive_sequence_number ?? 0;
  }
  serialize(): Uint8Array {
    const c = ((this.send_sequence_number << 9) | (ControlFormatI.TYPE << 8) | (this.receive_sequence_number << 1) | this.pf_bit) & 0xffff;
    return Uint8Array.of(c >> 8, c & 0xff);
  }
  toJsonDict(): JsonObject {
    return { ControlFormatI: { pf_bit: this.pf_bit, receive_sequence_number: this.receive_sequence_number, send_sequence_number: this.send_sequence_number } };
  }
}

/** S-format control field (16 bits). */
export class ControlFormatS {
  static readonly TYPE = 0b01;
  supervisory_function: number;
  pf_bit: number;
  receive_sequence_number: number;
  constructor(opts: { supervisory_function?: number; pf_bit?: number; receive_sequence_number?: number } = {}) {
    this.supervisory_function = opts.supervisory_function ?? 0;
    this.pf_bit = opts.pf_bit ?? 0;
    this.receive_sequence_number = opts.receive_sequence_number ?? 0;
  }
  serialize(): Uint8Array {
    const c = ((this.supervisory_function << 10) | (ControlFormatS.TYPE << 8) | (this.receive_sequence_number << 1) | this.pf_bit) & 0xffff;
    return Uint8Array.of(c >> 8, c & 0xff);
  }
  toJsonDict(): JsonObject {
    return { ControlFormatS: { pf_bit: this.pf_bit, receive_sequence_number: this.receive_sequence_number, supervisory_function: this.supervisory_function } };
  }
}

/** U-format control field (8 bits). */
export class ControlFormatU {
  static readonly TYPE = 0b11;
  modifier_function1: number;
  pf_bit: number;
  modifier_function2: number;
  constructor(opts: { modifier_function1?: number; pf_bit?: number; modifier_function2?: number } = {}) {
    this.modifier_function1 = opts.modifier_function1 ?? 0;
    this.pf_bit = opts.pf_bit ?? 0;
    this.modifier_function2 = opts.modifier_function2 ?? 0;
  }
  serialize(): Uint8Array {
    return Uint8Array.of(((this.modifier_function2 << 5) | (this.pf_bit << 4) | (this.modifier_function1 << 2) | ControlFormatU.TYPE) & 0xff);
  }
  toJsonDict(): JsonObject {
    return { ControlFormatU: { modifier_function1: this.modifier_function1, modifier_function2: this.modifier_function2, pf_bit: this.pf_bit } };
  }
}

export type LLCControl = ControlFormatI | ControlFormatS | ControlFormatU;

export interface LLCOpts {
  dsap_addr?: number;
  ssap_addr?: number;
  control?: LLCControl;
}

export class LLC extends PacketBase {
  static override readonly jsonName = 'llc';
  static override readonly MIN_LEN = 2;
  dsap_addr: number;
  ssap_addr: number;
  control: LLCControl;

  constructor(opts: LLCOpts = {}) {
    super();
    this.dsap_addr = opts.dsap_addr ?? 0;
    this.ssap_addr = opts.ssap_addr ?? 0;
    this.control = opts.control ?? new ControlFormatU();
  }

  static override decode(r: Reader, ctx: DecodeCtx): LLC {
    need(r, 3, 'llc');
    const p = r.pos;
    const b = r.bytes;
    const c0 = b[p + 2]!;
    let control: LLCControl;
    let q = p + 2;
    if ((c0 & 1) === 0 || (c0 & 3) === 1) {
      if (r.end - q < 2) throw new PacketMalformed('llc', 'control field needs 2 bytes', q);
      const c = r.view.getUint16(q);
      control =
        (c0 & 1) === 0
          ? new ControlFormatI({ send_sequence_number: (c >> 9) & 0x7f, pf_bit: (c >> 8) & 1, receive_sequence_number: (c >> 1) & 0x7f })
          : new ControlFormatS({ supervisory_function: (c >> 10) & 3, pf_bit: (c >> 8) & 1, receive_sequence_number: (c >> 1) & 0x7f });
      q += 2;
    } else {
      control = new ControlFormatU({ modifier_function1: (c0 >> 2) & 3, pf_bit: (c0 >> 4) & 1, modifier_function2: (c0 >> 5) & 7 });
      q += 1;
    }
    const dsap = b[p]!;
    r.pos = q;
    ctx.next = LLC.getPacketType(dsap);
    return new LLC({ dsap_addr: dsap, ssap_addr: b[p + 1]!, control });
  }

  override serializeInto(out: SerializeBuffer, _prev: PacketBase | null): void {
    const c = this.control.serialize();
    const at = out.prepend(2 + c.length);
    out.buf[at] = this.dsap_addr;
    out.buf[at + 1] = this.ssap_addr;
    out.buf.set(c, at + 2);
  }

  override toJsonFields(): JsonObject {
    return { control: this.control.toJsonDict(), dsap_addr: this.dsap_addr, ssap_addr: this.ssap_addr };
  }

  static override fromJsonDict(d: JsonObject): LLC {
    const [name, c] = jClass(d.control, 'llc control');
    let control: LLCControl;
    if (name === 'ControlFormatI')
      control = new ControlFormatI({ send_sequence_number: jInt(c, 'send_sequence_number', 0), pf_bit: jInt(c, 'pf_bit', 0), receive_sequence_number: jInt(c, 'receive_sequence_number', 0) });
    else if (name === 'ControlFormatS')
      control = new ControlFormatS({ supervisory_function: jInt(c, 'supervisory_function', 0), pf_bit: jInt(c, 'pf_bit', 0), receive_sequence_number: jInt(c, 'receive_sequence_number', 0) });
    else if (name === 'ControlFormatU')
      control = new ControlFormatU({ modifier_function1: jInt(c, 'modifier_function1', 0), pf_bit: jInt(c, 'pf_bit', 0), modifier_function2: jInt(c, 'modifier_function2', 0) });
    else throw new JsonDictError(`unknown LLC control ${name}`);
    return new LLC({ dsap_addr: jInt(d, 'dsap_addr', 0), ssap_addr: jInt(d, 'ssap_addr', 0), control });
  }
}

registerProtocol(LLC);
Ethernet.registerPacketType(LLC, ETH_TYPE_IEEE802_3);
