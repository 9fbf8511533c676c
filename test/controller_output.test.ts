/**
 * Datapath output: messages of one turn leave in one write; the next turns' messages follow in
 * the same buffer until it is nearly full. Bytes handed to the socket and the views left in sent
 * messages' `buf` are never overwritten, whatever follows (small and big messages, growth, close).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type net from 'node:net';
import '../src/ofproto/all.js';
import { Datapath, type DatapathHandler } from '../src/controller/controller.js';
import { OFPEchoRequest, OFPPacketOut, OFPActionOutput } from '../src/ofproto/ofproto_v1_3_parser.js';
import type { MsgBase } from '../src/ofproto/ofproto_parser.js';

class Sock extends EventEmitter {
  remoteAddress = '127.0.0.1';
  remotePort = 1;
  writableLength = 0;
  destroyed = false;
  chunks: Buffer[] = [];
  copies: Buffer[] = [];
  setNoDelay(): void {}
  write(b: Buffer): boolean {
    this.chunks.push(b);
    this.copies.push(Buffer.from(b));
    return true;
  }
  end(b?: Buffer): void {
    if (b) this.write(b);
  }
  destroy(): void {
    this.destroyed = true;
  }
}
const handler: DatapathHandler = { onConnect() {}, onMessage() {}, onClose() {} };
const turn = () => new Promise<void>((r) => setImmediate(r));

test('Datapath output buffer: chunks and sent messages keep their bytes across turns', async () => {
  const sock = new Sock();
  const dp = new Datapath(sock as unknown as net.Socket, handler, { sendQueueLimit: 1 << 30, echoInterval: 0, maxUnrepliedEchos: 0 });
  dp.setVersion(4);
  const sent: { m: MsgBase; copy: Buffer }[] = [];
  const wire: Buffer[] = [];
  let xid = 0;
  for (let t = 0; t < 60; t++) {
    // a few messages per turn, some big (a packet-out carrying up to 9000 bytes: buffer growth and fresh buffers)
    const n = 1 + (t % 5);
    for (let i = 0; i < n; i++) {
      const size = (t * 7 + i * 131) % 9 === 0 ? 9000 - t : (t * 13 + i) % 200;
      const data = Buffer.alloc(size, (t * 31 + i) & 255);
      const m = i % 2 === 0
        ? new OFPEchoRequest({ datapath: dp, data })
        : new OFPPacketOut({ datapath: dp, buffer_id: 0xffffffff, in_port: 1, actions: [new OFPActionOutput({ port: 2 })], data });
      m.xid = ++xid;
      assert.ok(dp.sendMsg(m));
      const copy = Buffer.from(m.buf!);
      sent.push({ m, copy });
      wire.push(copy);
    }
    await turn();
    // one write per turn, holding exactly that turn's messages
    assert.equal(sock.chunks.length, t + 1);
  }
  // nothing written later changed any earlier bytes
  for (let i = 0; i < sock.chunks.length; i++) assert.ok(sock.chunks[i]!.equals(sock.copies[i]!), `chunk ${i}`);
  for (const { m, copy } of sent) assert.ok(Buffer.from(m.buf!).equals(copy), `xid ${m.xid}`);
  assert.ok(Buffer.concat(sock.chunks).equals(Buffer.concat(wire)));
  // close: what is queued leaves first, from where the last write stopped
  const last = new OFPEchoRequest({ datapath: dp, data: Buffer.from('bye') });
  dp.sendMsg(last);
  dp.close();
  assert.ok(sock.chunks.at(-1)!.equals(Buffer.from(last.buf!)));
  for (let i = 0; i < sock.chunks.length; i++) assert.ok(sock.chunks[i]!.equals(sock.copies[i]!), `chunk ${i}`);
});
