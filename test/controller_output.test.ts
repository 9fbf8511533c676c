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

test('Datapath input: messages decoded in place from each read chunk keep their own bytes (buf, packet-in data), a bad one in mid-chunk is skipped', async () => {
  const { OFPPacketIn, OFPMatch } = await import('../src/ofproto/ofproto_v1_3_parser.js');
  const got: MsgBase[] = [];
  const h: DatapathHandler = { onConnect() {}, onMessage: (_dp, m) => void got.push(m), onClose() {} };
  const sock = new Sock();
  const dp = new Datapath(sock as unknown as net.Socket, h, { sendQueueLimit: 1 << 30, echoInterval: 0, maxUnrepliedEchos: 0 });
  dp.setVersion(4);
  const wire: Buffer[] = [];
  for (let i = 0; i < 40; i++) {
    const data = Buffer.alloc(20 + i, i);
    const p = new OFPPacketIn({ buffer_id: i, total_len: data.length, reason: 0, table_id: 0, cookie: BigInt(i), match: new OFPMatch({ in_port: 1 + i }), data });
    p.xid = 1000 + i;
    p.serialize();
    wire.push(Buffer.from(p.buf!));
  }
  // a message whose match length lies (past its end): cannot be decoded; the messages around it can
  const bad = Buffer.from(wire[5]!);
  bad.writeUInt16BE(200, 24 + 2);
  const stream = Buffer.concat([...wire.slice(0, 5), bad, ...wire.slice(5)]);
  // read in uneven chunks, some cutting messages in two
  for (let at = 0, k = 0; at < stream.length; k++) {
    const n = [1, 7, 150, 333, 64, 1000][k % 6]!;
    sock.emit('data', Buffer.from(stream.subarray(at, at + n)));
    at += n;
  }
  assert.equal(got.length, 40);
  got.forEach((m, i) => {
    assert.ok(m instanceof OFPPacketIn);
    assert.equal(m.xid, 1000 + i);
    assert.ok(Buffer.isBuffer(m.buf));
    assert.equal(Buffer.from(m.buf!).toString('hex'), wire[i]!.toString('hex'));
    const pi = m as InstanceType<typeof OFPPacketIn>;
    assert.ok(Buffer.isBuffer(pi.data));
    assert.equal(Buffer.from(pi.data).toString('hex'), Buffer.alloc(20 + i, i).toString('hex'));
    assert.equal(pi.match.get('in_port'), 1 + i);
    // buf replaced by the user stays replaced
    m.buf = Buffer.from([1, 2, 3]);
    assert.deepEqual([...m.buf], [1, 2, 3]);
  });
  await turn();
});
