// The desk and the office: check-in by the QR code's token (read from the
// PNG by zbarimg) or by confirmation number, only for today's booked
// places; stopping a session cancels its bookings, frees and closes its
// slots, queues one message per patient in the outbox, publishes a
// stop-clinic notice, shows the reason on the patient's lookup, and is
// audited - all or nothing.  Every booking and cancellation also queues its
// message in the same transaction.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./helpers.js');

const one = (q) => h.sql(q)[0];
const person = h.patients('签到测试', '310104', '137');

// Books a slot of a session `daysAhead` days from today; returns the link.
async function bookIn(sessionWhere) {
  const [slot] = one(`SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id WHERE ${sessionWhere}
                      AND cs.status = 'open' AND t.is_open = 1 AND t.booked < t.capacity ORDER BY RAND() LIMIT 1`);
  const who = person();
  const c = h.patientClient(who);
  const token = await c.csrf(`/booking/slots/${slot}`);
  const res = await c.post(`/booking/slots/${slot}`, { _csrf: token, ...who });
  assert.equal(res.status, 303, `booking slot ${slot}: ${res.status}`);
  const url = new URL(res.location, h.ORIGIN);
  return { client: c, slot: Number(slot), no: url.searchParams.get('no'), query: url.search.slice(1), location: res.location };
}

async function qrToken(query) {
  const png = await fetch(`${h.ORIGIN}/booking/qr?${query}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-'));
  fs.writeFileSync(path.join(dir, 'qr.png'), Buffer.from(await png.arrayBuffer()));
  return execFileSync('zbarimg', ['--quiet', '--raw', '--nodbus', path.join(dir, 'qr.png')], { encoding: 'utf8' }).trim();
}

test('a booking queues its "booking made" message in the outbox, once', async () => {
  const b = await bookIn('cs.session_date = CURDATE() + INTERVAL 4 DAY');
  // queued (the instance's own sender may already have delivered it)
  const rows = h.sql(`SELECT kind, status IN ('pending', 'sent'), idempotency_key, JSON_VALUE(params, '$.no') FROM notification_outbox WHERE idempotency_key = 'booking_made:${b.no}'`);
  assert.deepEqual(rows, [['booking_made', '1', `booking_made:${b.no}`, b.no]]);
  assert.throws(() => h.sql(`INSERT INTO notification_outbox (idempotency_key, kind, mobile, params, next_attempt_at, created_at) VALUES ('booking_made:${b.no}', 'booking_made', '13700000000', '{}', NOW(), NOW())`), /Duplicate/);
});

test('the desk checks a patient in by the scanned QR code; twice is refused; a forged code is refused', async () => {
  const desk = await h.loggedIn('desk', h.ORIGIN);
  // booked online for a later day, then the day has come (the booking's date moved to today)
  const b = await bookIn('cs.session_date = CURDATE() + INTERVAL 6 DAY');
  h.sql(`UPDATE bookings SET session_date = CURDATE() WHERE confirmation_no = '${b.no}'`);
  const scanned = await qrToken(b.query);
  assert.match(scanned, new RegExp(`^CHK1:${b.no}:`));
  let page = await desk.get('/office/desk');
  assert.equal(page.status, 200);
  const token = h.csrfOf(page.text);
  const forged = await desk.post('/office/desk/checkin', { _csrf: token, code: `CHK1:${b.no}:${'A'.repeat(43)}` });
  assert.equal(forged.status, 422);
  assert.ok(forged.text.includes(h.lang('Desk.Outcome.invalid')));
  assert.equal(one(`SELECT status FROM bookings WHERE confirmation_no = '${b.no}'`)[0], 'booked');
  const ok = await desk.post('/office/desk/checkin', { _csrf: token, code: scanned });
  assert.equal(ok.status, 200);
  assert.ok(ok.text.includes(h.lang('Desk.Outcome.checked_in')));
  assert.ok(ok.text.includes(b.no));
  assert.deepEqual(one(`SELECT status, checked_in_at IS NOT NULL FROM bookings WHERE confirmation_no = '${b.no}'`), ['checked_in', '1']);
  const again = await desk.post('/office/desk/checkin', { _csrf: token, code: b.no });
  assert.equal(again.status, 409);
  assert.ok(again.text.includes(h.lang('Desk.Outcome.checked_in_already')));
  const [action, who] = one(`SELECT action, username FROM audit_log WHERE entity = 'booking' AND after_json LIKE '%${b.no}%' ORDER BY id DESC LIMIT 1`);
  assert.deepEqual([action, who], ['checkin', desk.user.username]);
  // the patient's page shows it
  const mine = await b.client.get(b.location);
  assert.ok(mine.text.includes(`id="booking-status">${h.lang('Booking.Status.checked_in')}<`));
});

test('check-in by confirmation number works only on the day of the booking', async () => {
  const desk = await h.loggedIn('desk', h.ORIGIN);
  const b = await bookIn('cs.session_date = CURDATE() + INTERVAL 2 DAY');
  const token = await desk.csrf('/office/desk');
  const res = await desk.post('/office/desk/checkin', { _csrf: token, code: b.no.toLowerCase() });
  assert.equal(res.status, 409);
  assert.ok(res.text.includes(h.lang('Desk.Outcome.not_today')));
  const unknown = await desk.post('/office/desk/checkin', { _csrf: token, code: 'ZZZZZZZZZZ' });
  assert.equal(unknown.status, 404);
  assert.ok(unknown.text.includes(h.lang('Desk.Outcome.not_found')));
});

test('only the desk (and admins) check in; only the office stops sessions', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  assert.equal((await office.get('/office/desk')).status, 403);
  const desk = await h.loggedIn('desk', h.ORIGIN);
  assert.equal((await desk.get('/office/sessions')).status, 403);
  const [sessionId] = one("SELECT id FROM clinic_sessions WHERE status = 'open' AND session_date > CURDATE() LIMIT 1");
  const res = await desk.post(`/office/sessions/${sessionId}/stop`, { _csrf: desk.token, reason: '测试' });
  assert.equal(res.status, 403);
  assert.equal(one(`SELECT status FROM clinic_sessions WHERE id = ${sessionId}`)[0], 'open');
});

test('stopping a session cancels its bookings, queues a message to each patient, publishes a notice, and the patient sees the reason', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const [sessionId, date] = one(`SELECT cs.id, cs.session_date FROM clinic_sessions cs WHERE cs.status = 'open'
    AND cs.session_date = CURDATE() + INTERVAL 5 DAY AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.session_id = cs.id) ORDER BY RAND() LIMIT 1`);
  const patients = [];
  for (let i = 0; i < 3; i++) patients.push(await bookIn(`cs.id = ${sessionId}`));
  const page = await office.get(`/office/sessions?date=${date}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(`action="/office/sessions/${sessionId}/stop"`));
  // without a reason: refused, nothing changes
  const empty = await office.post(`/office/sessions/${sessionId}/stop`, { _csrf: office.token, reason: '' });
  assert.equal(empty.status, 422);
  assert.equal(one(`SELECT status FROM clinic_sessions WHERE id = ${sessionId}`)[0], 'open');
  const reason = `外出会诊 ${h.uniq()}`;
  const res = await office.post(`/office/sessions/${sessionId}/stop`, { _csrf: office.token, reason });
  assert.equal(res.status, 303);
  assert.match(res.location, /done=stopped/);
  assert.deepEqual(one(`SELECT status, stop_reason FROM clinic_sessions WHERE id = ${sessionId}`), ['stopped', reason]);
  for (const p of patients) {
    assert.deepEqual(one(`SELECT status, cancel_reason FROM bookings WHERE confirmation_no = '${p.no}'`), ['cancelled', 'stop_clinic']);
    // queued (the instance's own sender may already have delivered it)
    assert.deepEqual(one(`SELECT kind, status IN ('pending', 'sent') FROM notification_outbox WHERE idempotency_key = 'stop_clinic:${p.no}'`), ['stop_clinic', '1']);
    const mine = await p.client.get(p.location);
    assert.ok(mine.text.includes(reason), 'the patient sees the reason');
    assert.ok(mine.text.includes(`id="booking-status">${h.lang('Booking.Status.cancelled')}<`));
  }
  assert.deepEqual(one(`SELECT SUM(booked), SUM(is_open) FROM time_slots WHERE session_id = ${sessionId}`), ['0', '0']);
  const [noticeId, body] = one(`SELECT id, body FROM public_notices WHERE category = 'stop_clinic' AND body LIKE '%${reason}%'`);
  assert.ok(body.includes(reason));
  const pub = await fetch(`${h.ORIGIN}/notices/${noticeId}`);
  assert.equal(pub.status, 200);
  assert.equal(one(`SELECT COUNT(*) FROM audit_log WHERE entity = 'clinic_session' AND entity_id = ${sessionId} AND action = 'stop'`)[0], '1');
  // stopping it again is a conflict and changes nothing
  const again = await office.post(`/office/sessions/${sessionId}/stop`, { _csrf: office.token, reason: '再次' });
  assert.equal(again.status, 409);
  assert.equal(one(`SELECT stop_reason FROM clinic_sessions WHERE id = ${sessionId}`)[0], reason);
});

test("the desk lists today's bookings in arrival order, by department, and checks a patient in from the list", async () => {
  const desk = await h.loggedIn('desk', h.ORIGIN);
  const b = await bookIn('cs.session_date = CURDATE() + INTERVAL 5 DAY');
  h.sql(`UPDATE bookings SET session_date = CURDATE() WHERE confirmation_no = '${b.no}'`);
  const [department, other] = one(`SELECT b.department_id, (SELECT MIN(id) FROM departments WHERE id <> b.department_id)
    FROM bookings b WHERE b.confirmation_no = '${b.no}'`);
  const list = await desk.get(`/office/desk?department=${department}`);
  assert.equal(list.status, 200);
  const row = list.text.match(new RegExp(`<tr id="booking-${b.no}">[\\s\\S]*?</tr>`));
  assert.ok(row, 'the booking is listed');
  assert.ok(row[0].includes('签到测试'), 'with the name');
  assert.match(row[0], /310\*{11}\d{3}[\dX]/, 'and the ID masked');
  assert.ok(row[0].includes(`name="code" value="${b.no}"`), 'and a check-in button');
  const elsewhere = await desk.get(`/office/desk?department=${other}`);
  assert.ok(!elsewhere.text.includes(`id="booking-${b.no}"`), 'not under another department');
  const all = await desk.get('/office/desk?department=x');
  assert.equal(all.status, 200);
  assert.ok(all.text.includes(`id="booking-${b.no}"`), 'a nonsense filter shows all departments');
  // the list's button checks in; the list then says so
  const done = await desk.post('/office/desk/checkin', { _csrf: h.csrfOf(list.text), code: b.no });
  assert.equal(done.status, 200);
  const after = done.text.match(new RegExp(`<tr id="booking-${b.no}">[\\s\\S]*?</tr>`))[0];
  assert.ok(after.includes(h.lang('Desk.State.checked_in')));
  assert.ok(!after.includes('name="code"'));
  assert.equal(one(`SELECT status FROM bookings WHERE confirmation_no = '${b.no}'`)[0], 'checked_in');
});
