/**
 * The seed's pcap-writer app: the OpenFlow 1.3 learning switch that also dumps every
 * packet-in into a PCAP file (OSKEN_PCAP, default ./osken-packet-in.pcap).
 *   OSKEN_PCAP=/tmp/in.pcap osken-manager dist/examples/pcap_writer.js
 */
import { createWriteStream } from 'node:fs';
import { SimpleSwitch } from '../src/app/simple_switch.js';
import { type AppInit } from '../src/base/app_manager.js';
import { EventOFPPacketIn, type EventOFPMsgBase } from '../src/controller/ofp_event.js';
import { MAIN_DISPATCHER, setEvCls } from '../src/controller/handler.js';
import { OFP_VERSION } from '../src/ofproto/ofproto_v1_3.js';
import { Writer } from '../src/lib/pcaplib.js';

export class PcapWriterSwitch13 extends SimpleSwitch {
  static override appName = 'pcap_writer';
  static override OFP_VERSIONS = [OFP_VERSION];
  readonly pcapWriter: Writer;

  constructor(init?: AppInit) {
    super(init);
    // Create pcaplib.Writer instance with a file object for the PCAP file
    this.pcapWriter = new Writer(createWriteStream(process.env.OSKEN_PCAP ?? 'osken-packet-in.pcap'));
  }

  @setEvCls(EventOFPPacketIn, MAIN_DISPATCHER)
  dumpPacketIn(ev: EventOFPMsgBase): void {
    // Dump the packet data into PCAP file
    this.pcapWriter.writePkt((ev.msg as unknown as { data: Uint8Array }).data);
  }

  override close(): void {
    this.pcapWriter.close();
  }
}
