// The MLLP listener (portal-lis-listener, started by stack.sh on PORT+5):
// the lab system's ORU^R01 messages in MLLP frames, each answered by an HL7
// ACK.  Sent with a real outside client, Debian's python3-hl7 `mllp_send`,
// and its answers read by the same library's parser; frames in pieces,
// several in one write, several clients at once, an oversized frame, an
// idle connection closed; and the import rate.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const path = require('node:path');
const { execFile, spawn, execFileSync } = require('node:child_process');
const h = require('./helpers.js');
const L = require('./reports-lib.js');

const PORT = Number(process.env.PORTAL_LIS_PORT || Number(new URL(h.BASE).port) + 5);
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'mllp-'));
after(() => fs.rmSync(DIR, { recursive: true, force: true }));

const frame = (msg) => Buffer.concat([Buffer.from([0x0b]), Buffer.from(msg, 'utf8'), Buffer.from([0x1c, 0x0d])]);

// mllp_send with these messages (one file of MLLP frames); the ACKs it
// prints, each parsed by python3-hl7 into {code, control, err, text}.
function mllpSend(messages, port = PORT) {
  const file = path.join(DIR, `${h.uniq('m')}.mllp`);
  fs.writeFileSync(file, Buffer.concat(messages.map(frame)));
  return new Promise((resolve, reject) => {
    execFile('mllp_send', ['-p', String(port), '-f', file, '127.0.0.1'], { encoding: 'utf8', maxBuffer: 64 << 20 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message} ${stderr}`)) : resolve(parseAcks(stdout))));
  });
}

function parseAcks(text) {
  const out = execFileSync('/usr/bin/python3', ['-c', `
import hl7, json, sys, re
data = sys.stdin.read()
acks = []
for chunk in re.split(r'(?=MSH\\|)', data):
    chunk = chunk.strip()
    if not chunk:
        continue
    m = hl7.parse(chunk.replace('\\n', '\\r'))
    msa = m.segment('MSA')
    err = None
    try:
        e = m.segment('ERR')
        err = {'location': str(e[2]), 'code': str(e[3][0][0]), 'old': str(e[1])}
    except KeyError:
        pass
    acks.append({'type': str(m.segment('MSH')[9]), 'code': str(msa[1]), 'control': str(msa[2]),
                 'text': str(msa[3]) if len(msa) > 3 else '', 'err': err})
print(json.dumps(acks))
`], { input: text, encoding: 'utf8' });
  return JSON.parse(out);
}

test('each message is acknowledged: AA when stored and again for the same message; AE naming the field', async () => {
  const bar = L.barcode();
  const code = L.controlId();
  const good = L.oru({ code, bar, items: [['WBC', '白细胞计数', '6.1', '10\\S\\9/L', '3.5-9.5', 'N']] });
  const badCode = L.controlId();
  const bad = `MSH|^~\\&|LIS|检验科|PORTAL|市一院|${L.hl7Time()}||ORU^R01|${badCode}|P|2.5\rOBR|1||${L.barcode()}|CBC\rOBX|1||WBC||1\r`;
  const acks = await mllpSend([good, good, bad]);
  assert.equal(acks.length, 3);
  assert.deepEqual(acks.map((a) => [a.type, a.code, a.control]),
    [['ACK^R01^ACK', 'AA', code], ['ACK^R01^ACK', 'AA', code], ['ACK^R01^ACK', 'AE', badCode]]);
  assert.deepEqual(acks[2].err.location, 'OBX^3^2', 'ERR-2: segment OBX (the 3rd), field 2');
  assert.equal(acks[2].err.code, '101');
  assert.match(acks[2].text, /OBX-2/);
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM lab_results r JOIN lab_orders o ON o.id = r.order_id WHERE o.barcode = '${bar}'`), '1');
  assert.equal(h.sqlValue(`SELECT source FROM lab_imports WHERE control_id = '${code}'`), 'mllp');
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM lab_import_refusals WHERE control_id = '${badCode}' AND source = 'mllp'`), '1');
});

test('a message that is not ORU^R01 or not HL7 at all is rejected (AR)', async () => {
  const adt = `MSH|^~\\&|HIS||PORTAL||${L.hl7Time()}||ADT^A01|${L.controlId()}|P|2.5\rPID|1||X\r`;
  const acks = await mllpSend([adt, 'hello, not HL7']);
  assert.deepEqual(acks.map((a) => a.code), ['AR', 'AR']);
  assert.equal(acks[0].err.location, 'MSH^1^9');
});

// A raw client: what it writes, in what pieces; the ACK frames it reads.
function rawClient(port = PORT) {
  const sock = net.connect(port, '127.0.0.1');
  let buf = Buffer.alloc(0);
  const waiters = [];
  const frames = [];
  let closed = false;
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const end = buf.indexOf(Buffer.from([0x1c, 0x0d]));
      if (end < 0) break;
      frames.push(buf.subarray(buf.indexOf(0x0b) + 1, end).toString('utf8'));
      buf = buf.subarray(end + 2);
    }
    while (waiters.length && waiters[0].n <= frames.length) waiters.shift().resolve();
  });
  sock.on('close', () => { closed = true; waiters.forEach((w) => w.resolve()); });
  sock.on('error', () => {});
  return {
    sock, frames, isClosed: () => closed,
    ready: new Promise((r) => sock.once('connect', r)),
    acks: (n, ms = 5000) => new Promise((resolve) => {
      if (frames.length >= n) return resolve();
      waiters.push({ n, resolve });
      setTimeout(resolve, ms);
    }),
    closedWithin: (ms) => new Promise((resolve) => {
      if (closed) return resolve(true);
      sock.once('close', () => resolve(true));
      setTimeout(() => resolve(closed), ms);
    }),
  };
}

test('frames that arrive in pieces and several frames in one write', async () => {
  const c = rawClient();
  await c.ready;
  const msgs = [0, 1, 2].map(() => L.oru({ code: L.controlId(), bar: L.barcode(), items: [['GLU', '血糖', '5.1', 'mmol/L', '3.9-6.1', 'N']], panel: ['GLU', '血糖'] }));
  const first = frame(msgs[0]);
  // byte pieces with pauses, the end bytes split too
  for (const [a, b] of [[0, 1], [1, 40], [40, first.length - 1], [first.length - 1, first.length]]) {
    c.sock.write(first.subarray(a, b));
    await h.sleep(30);
  }
  await c.acks(1);
  assert.equal(c.frames.length, 1);
  c.sock.write(Buffer.concat([frame(msgs[1]), frame(msgs[2])]));
  await c.acks(3);
  assert.equal(c.frames.length, 3);
  assert.ok(c.frames.every((f) => /\rMSA\|AA\|/.test(f)), c.frames.join('\n'));
  c.sock.end();
});

test('several clients at once, each with several messages on its connection', async () => {
  const bars = [];
  const batches = Array.from({ length: 6 }, () => Array.from({ length: 10 }, () => {
    const bar = L.barcode();
    bars.push(bar);
    return L.oru({ code: L.controlId(), bar, items: [['HGB', '血红蛋白', '140', 'g/L', '130-175', 'N']] });
  }));
  const results = await Promise.all(batches.map((b) => mllpSend(b)));
  for (const acks of results) assert.deepEqual(acks.map((a) => a.code), Array(10).fill('AA'));
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM lab_orders WHERE barcode IN (${bars.map((b) => `'${b}'`).join(',')})`), '60');
});

test('the same message on several connections at once: every copy AA, stored once', async () => {
  const bar = L.barcode();
  const code = L.controlId();
  const msg = frame(L.oru({ code, bar, items: [['WBC', '白细胞计数', '7.0', '10\\S\\9/L', '3.5-9.5', 'N']] }));
  const clients = Array.from({ length: 6 }, () => rawClient());
  await Promise.all(clients.map((c) => c.ready));
  clients.forEach((c) => c.sock.write(msg));
  await Promise.all(clients.map((c) => c.acks(1)));
  for (const c of clients) {
    assert.match(c.frames[0], new RegExp(`\\rMSA\\|AA\\|${code}`));
    c.sock.end();
  }
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM lab_imports WHERE control_id = '${code}'`), '1');
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM lab_results r JOIN lab_orders o ON o.id = r.order_id WHERE o.barcode = '${bar}'`), '1');
});

test('an oversized frame is refused (AR) and its connection closed; the listener goes on', async () => {
  const c = rawClient();
  await c.ready;
  const big = Buffer.alloc((1 << 20) + 70000, 'A');
  big[0] = 0x0b;
  c.sock.write(big);
  await c.acks(1);
  assert.equal(c.frames.length, 1);
  assert.match(c.frames[0], /\rMSA\|AR\|/);
  assert.match(c.frames[0], /frame over \d+ bytes/);
  assert.ok(await c.closedWithin(3000), 'closed');
  const acks = await mllpSend([L.oru({ code: L.controlId(), bar: L.barcode(), items: [] })]);
  assert.equal(acks[0].code, 'AA');
});

test('a connection idle longer than the timeout is closed (a listener of its own with --timeout 1)', async () => {
  const port = PORT + 20 + (process.pid % 50);
  const proc = spawn(path.join(L.BUILD, 'portal-lis-listener'), ['--listen', `127.0.0.1:${port}`, '--timeout', '1',
    '--db-socket', path.join(L.RUN, 'mysqld.sock'), '--db-user', 'portal_lis',
    '--db-password-file', path.join(L.RUN, 'secrets', 'lis.pw')], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise((resolve) => proc.stdout.once('data', resolve));
    const c = rawClient(port);
    await c.ready;
    c.sock.write(Buffer.from([0x0b, 0x4d, 0x53]));   // the start of a frame, then nothing
    assert.ok(await c.closedWithin(4000), 'closed after the timeout');
    const idle = rawClient(port);
    await idle.ready;
    assert.ok(await idle.closedWithin(4000), 'an idle connection too');
  } finally {
    proc.kill('SIGTERM');
    await new Promise((resolve) => proc.once('exit', resolve));
  }
});

test('import rate through MLLP: 4 connections, each one message at a time, each acknowledged', async () => {
  const n = Number(process.env.MLLP_RATE_MESSAGES || 400);
  const conns = 4;
  const msgs = Array.from({ length: n }, () => L.oru({ code: L.controlId(), bar: L.barcode(),
    items: [['WBC', '白细胞计数', '6.1', '10\\S\\9/L', '3.5-9.5', 'N'], ['HGB', '血红蛋白', '140', 'g/L', '130-175', 'N']] }));
  const clients = Array.from({ length: conns }, () => rawClient());
  await Promise.all(clients.map((c) => c.ready));
  const started = process.hrtime.bigint();
  await Promise.all(clients.map(async (c, k) => {
    const mine = msgs.filter((_, i) => i % conns === k);
    for (let i = 0; i < mine.length; i++) {
      c.sock.write(frame(mine[i]));
      await c.acks(i + 1);
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clients.forEach((c) => c.sock.end());
  const acked = clients.reduce((sum, c) => sum + c.frames.filter((f) => /\rMSA\|AA\|/.test(f)).length, 0);
  assert.equal(acked, n);
  const rate = n / seconds;
  console.log(`mllp: ${n} messages over ${conns} connections in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} messages/s`);
  // a floor that holds under the sanitizers on a busy machine, and still catches
  // a stall per message (a delayed TCP ACK of 40 ms would give 25/s a connection)
  assert.ok(rate > 50, `${rate.toFixed(0)} messages/s`);
});
