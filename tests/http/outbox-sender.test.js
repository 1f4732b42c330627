// The notification sender delivers every queued message to an HTTP
// receiver (the webhook transport: curl run by the command transport),
// exactly once as the receiver sees it, while being killed with SIGKILL
// and restarted again and again: a message interrupted mid-delivery is
// delivered again with the same idempotency key, which the receiver uses
// to drop the repeat; none is lost.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const h = require('./helpers.js');

const RUN = path.join(h.ROOT, 'run', h.INSTANCE);
const SENDER = path.join(h.ROOT, process.env.PORTAL_BUILD || 'build', 'portal-sender');
const TAG = h.uniq('sms');
const N = 30;

let server, port;
let logFd;   // the sender's stderr: its log, where a sanitizer build reports (tests/run-all.sh reads it)
const deliveries = new Map();   // idempotency key -> times received
const processed = new Set();    // what the receiver acted on (repeats dropped)

function stopStackSender() {
  const file = path.join(RUN, 'sender.pid');
  if (!fs.existsSync(file)) return;
  try { process.kill(Number(fs.readFileSync(file, 'utf8')), 'SIGTERM'); } catch { /* already gone */ }
  fs.rmSync(file, { force: true });
}

before(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const key = req.headers['idempotency-key'];
      deliveries.set(key, (deliveries.get(key) || 0) + 1);
      if (body.length > 0) processed.add(key);
      res.end('ok');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;
  logFd = fs.openSync(path.join(RUN, 'logs', 'sender.log'), 'a');
  stopStackSender();
  await h.sleep(300);
  const values = Array.from({ length: N }, (_, i) =>
    `('${TAG}:${i}', 'booking_made', '13700000000', JSON_OBJECT('no', 'T${i}', 'name', '测试', 'department', '内科', 'doctor', '王', 'date', '2026-12-01', 'time', '08:00', 'location', '门诊楼'), NOW(), NOW())`);
  h.sql(`INSERT INTO notification_outbox (idempotency_key, kind, mobile, params, next_attempt_at, created_at) VALUES ${values.join(',')}`);
});

after(async () => {
  server.close();
  fs.closeSync(logFd);
  h.stack(['start']);   // the instance's own sender again
});

function runSender(extra = []) {
  return spawn(SENDER, ['--templates', path.join(h.ROOT, 'templates'), '--db-socket', path.join(RUN, 'mysqld.sock'),
    '--db-user', 'portal_sender', '--db-password-file', path.join(RUN, 'secrets', 'sender.pw'), '--interval-ms', '50',
    '--transport', `command:curl -fsS -o /dev/null -X POST -H "Idempotency-Key: $OUTBOX_KEY" --data-binary @- http://127.0.0.1:${port}/`,
    ...extra], { stdio: ['ignore', 'ignore', logFd] });
}

const pending = () => Number(h.sqlValue(`SELECT COUNT(*) FROM notification_outbox WHERE idempotency_key LIKE '${TAG}:%' AND status <> 'sent'`));

test('every message reaches the receiver exactly once although the sender is killed again and again', async () => {
  let kills = 0;
  for (let round = 0; round < 80 && pending() > 0; round++) {
    const child = runSender();
    await h.sleep(20 + Math.floor(Math.random() * 120));
    child.kill('SIGKILL');
    kills++;
    await new Promise((resolve) => child.on('exit', resolve));
  }
  // and a last, uninterrupted run that stops when the queue is empty
  const last = runSender(['--once']);
  await new Promise((resolve) => last.on('exit', resolve));
  assert.ok(kills >= 3, `killed ${kills} times`);
  assert.equal(pending(), 0, 'every message marked sent');
  const ours = [...deliveries.keys()].filter((k) => k && k.startsWith(`${TAG}:`));
  assert.equal(ours.length, N, 'every message arrived');
  assert.equal([...processed].filter((k) => k.startsWith(`${TAG}:`)).length, N, 'each acted on once');
  const repeats = ours.reduce((s, k) => s + deliveries.get(k) - 1, 0);
  assert.ok(repeats <= kills, `at most one repeat per kill (${repeats} repeats, ${kills} kills)`);
  const [attempts] = h.sql(`SELECT MAX(attempts) FROM notification_outbox WHERE idempotency_key LIKE '${TAG}:%'`)[0];
  assert.equal(attempts, '1', 'a delivery interrupted by a kill is not counted as a failed attempt');
});

test('a failing gateway is retried later, with the error kept, and the message stays pending', async () => {
  h.sql(`INSERT INTO notification_outbox (idempotency_key, kind, mobile, params, next_attempt_at, created_at)
         VALUES ('${TAG}:fail', 'cancelled', '13700000000', JSON_OBJECT('no', 'F1'), NOW(), NOW())`);
  const child = spawn(SENDER, ['--templates', path.join(h.ROOT, 'templates'), '--db-socket', path.join(RUN, 'mysqld.sock'),
    '--db-user', 'portal_sender', '--db-password-file', path.join(RUN, 'secrets', 'sender.pw'), '--once',
    '--transport', 'command:exit 3'], { stdio: ['ignore', 'ignore', logFd] });
  await new Promise((resolve) => child.on('exit', resolve));
  const [status, attempts, later, error] = h.sql(`SELECT status, attempts, next_attempt_at > NOW(), last_error FROM notification_outbox WHERE idempotency_key = '${TAG}:fail'`)[0];
  assert.deepEqual([status, attempts, later, error], ['pending', '1', '1', 'delivery failed']);
  h.sql(`DELETE FROM notification_outbox WHERE idempotency_key = '${TAG}:fail'`);
});

test("tomorrow's bookings get their day-before reminder, once, however often the sender starts", async () => {
  const [slot] = h.sql("SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id WHERE cs.session_date = CURDATE() + INTERVAL 1 DAY AND cs.status = 'open' AND t.booked < t.capacity ORDER BY RAND() LIMIT 1")[0];
  const who = { patient_name: '提醒测试', id_type: 'passport', id_number: `R${Date.now() % 100000000}`, mobile: `136${String(Date.now() % 1e8).padStart(8, '0')}` };
  const c = h.patientClient(who);
  const token = await c.csrf(`/booking/slots/${slot}`);
  const made = await c.post(`/booking/slots/${slot}`, { _csrf: token, ...who });
  assert.equal(made.status, 303);
  const no = new URL(made.location, h.ORIGIN).searchParams.get('no');
  for (let i = 0; i < 2; i++) {
    const child = runSender(['--once']);
    await new Promise((resolve) => child.on('exit', resolve));
  }
  assert.deepEqual(h.sql(`SELECT kind, status FROM notification_outbox WHERE idempotency_key = 'reminder:${no}'`), [['reminder', 'sent']]);
  assert.equal(deliveries.get(`reminder:${no}`), 1);
});

test('the sender records as no-shows the places still booked after their slot ended, and nothing else', async () => {
  // a session three days ago, with three bookings: never came, checked in, cancelled
  const [doctor, department] = h.sql(`SELECT d.id, d.department_id FROM doctors d WHERE NOT EXISTS (SELECT 1 FROM clinic_sessions cs
    WHERE cs.doctor_id = d.id AND cs.session_date = CURDATE() - INTERVAL 3 DAY AND cs.period = 'evening') ORDER BY RAND() LIMIT 1`)[0];
  h.sql(`INSERT INTO clinic_sessions (doctor_id, department_id, session_date, period, clinic_type, fee_fen)
         VALUES (${doctor}, ${department}, CURDATE() - INTERVAL 3 DAY, 'evening', 'general', 1000)`);
  const [session] = h.sql(`SELECT id FROM clinic_sessions WHERE doctor_id = ${doctor} AND session_date = CURDATE() - INTERVAL 3 DAY AND period = 'evening'`)[0];
  h.sql(`INSERT INTO time_slots (session_id, starts_at, ends_at, capacity, booked)
         VALUES (${session}, TIMESTAMP(CURDATE() - INTERVAL 3 DAY, '18:00'), TIMESTAMP(CURDATE() - INTERVAL 3 DAY, '18:30'), 5, 2)`);
  const [slot] = h.sql(`SELECT id FROM time_slots WHERE session_id = ${session}`)[0];
  const tag = h.uniq('NS').slice(-7).toUpperCase();
  const rows = [['booked', 'A'], ['checked_in', 'B'], ['cancelled', 'C']].map(([status, k]) =>
    `('${(tag + k + 'NS').slice(0, 10)}', ${slot}, ${session}, ${department}, CURDATE() - INTERVAL 3 DAY, 'evening', SHA2('${tag}${k}', 256),
      '爽约测试', 'passport', '${tag}${k}', '13900000000', '${status}', NOW() - INTERVAL 4 DAY)`);
  h.sql(`INSERT INTO bookings (confirmation_no, slot_id, session_id, department_id, session_date, period, person_key,
         patient_name, id_type, id_number, mobile, status, created_at) VALUES ${rows.join(',')}`);
  const ahead = `SELECT COUNT(*) FROM bookings b JOIN time_slots t ON t.id = b.slot_id WHERE b.status = 'booked' AND t.ends_at > NOW() + INTERVAL 1 MINUTE`;
  const aheadBefore = h.sqlValue(ahead);
  assert.ok(Number(aheadBefore) > 0, 'there are places still ahead');
  const child = runSender(['--once']);
  await new Promise((resolve) => child.on('exit', resolve));
  const stored = h.sql(`SELECT id_number, status FROM bookings WHERE slot_id = ${slot} ORDER BY id_number`);
  assert.deepEqual(stored, [[`${tag}A`, 'no_show'], [`${tag}B`, 'checked_in'], [`${tag}C`, 'cancelled']]);
  assert.equal(h.sqlValue(ahead), aheadBefore, 'places still ahead are untouched');
});
