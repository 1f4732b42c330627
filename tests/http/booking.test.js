// Booking a time slot: real-name validation, the confirmation with its QR
// code (decoded by zbarimg) and calendar file (parsed by python3-icalendar),
// lookup, cancellation, and the rules - capacity never exceeded under 200
// simultaneous requests, one booking per person per department and
// half-day (also when the same person books twice at once), closed and
// stopped sessions, no-show suspension.
'use strict';
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./helpers.js');

const nextPerson = h.patients('测试患者', '110105', '139');

const one = (q) => h.sql(q)[0];
// A fresh slot of tomorrow or later with the given capacity, nobody booked.
function freshSlot(capacity = 5) {
  const [id] = one(
    "SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id" +
    " WHERE cs.session_date BETWEEN CURDATE() + INTERVAL 1 DAY AND CURDATE() + INTERVAL 12 DAY" +
    " AND cs.status = 'open' AND t.is_open = 1 AND t.booked = 0" +
    " AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.slot_id = t.id) ORDER BY RAND() LIMIT 1");
  h.sql(`UPDATE time_slots SET capacity = ${capacity} WHERE id = ${id}`);
  return Number(id);
}

// Books as `person` with a browser that has proved the person's mobile
// (the verification step itself is in verification.test.js).
async function book(client, slot, person) {
  client.cookies.set('mobile_ok', h.mobileProof(person.mobile));
  const token = await client.csrf(`/booking/slots/${slot}`);
  return client.post(`/booking/slots/${slot}`, { _csrf: token, ...person });
}

test('a booking gives a number, the arrival window, masked data, a QR code the desk can read and a calendar file', async () => {
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const slot = freshSlot();
  const person = nextPerson();
  const res = await book(c, slot, person);
  assert.equal(res.status, 303, res.text.slice(0, 300));
  assert.match(res.location, /^\/booking\/booking\?no=[2-9A-Z]{10}&t=[\w-]{22}$/);
  const no = new URL(res.location, h.ORIGIN).searchParams.get('no');
  const page = await c.get(res.location);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(`id="confirmation-no">${no}<`));
  assert.match(page.text, /id="arrival-window">\d{4}-\d\d-\d\d \d\d:\d\d–\d\d:\d\d</);
  assert.ok(page.text.includes(`id="masked-id">${person.id_number.slice(0, 3)}***********${person.id_number.slice(-4)}<`));
  assert.ok(page.text.includes(`id="masked-mobile">${person.mobile.slice(0, 3)}****${person.mobile.slice(-4)}<`));
  assert.ok(!page.text.includes(person.id_number), 'the full ID number never reaches the page');
  assert.ok(!page.text.includes(person.mobile), 'nor the full mobile');
  assert.ok(page.text.includes('<svg'), 'the QR code is on the page');
  // stored as typed, with the place taken
  const [status, mobile, booked] = one(`SELECT b.status, b.mobile, t.booked FROM bookings b JOIN time_slots t ON t.id = b.slot_id WHERE b.confirmation_no = '${no}'`);
  assert.deepEqual([status, mobile, booked], ['booked', person.mobile, '1']);
  // the QR code, read by a real reader
  const query = res.location.split('?')[1];
  const png = await fetch(`${h.ORIGIN}/booking/qr?${query}`);
  assert.equal(png.headers.get('content-type'), 'image/png');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qr-'));
  fs.writeFileSync(path.join(dir, 'qr.png'), Buffer.from(await png.arrayBuffer()));
  const decoded = execFileSync('zbarimg', ['--quiet', '--raw', '--nodbus', path.join(dir, 'qr.png')], { encoding: 'utf8' }).trim();
  assert.match(decoded, new RegExp(`^CHK1:${no}:[\\w-]{43}$`));
  assert.ok(!decoded.includes(new URL(res.location, h.ORIGIN).searchParams.get('t')), 'the QR token is not the link token');
  // the calendar file, read by a real parser
  const ics = await fetch(`${h.ORIGIN}/booking/calendar?${query}`);
  assert.match(ics.headers.get('content-type'), /^text\/calendar/);
  fs.writeFileSync(path.join(dir, 'b.ics'), Buffer.from(await ics.arrayBuffer()));
  const parsed = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
ev = next(iter(cal.walk('VEVENT')))
print(json.dumps({'start': ev['DTSTART'].dt.isoformat(), 'end': ev['DTEND'].dt.isoformat(),
                  'location': str(ev['LOCATION']), 'summary': str(ev['SUMMARY'])}))`, path.join(dir, 'b.ics')], { encoding: 'utf8' }));
  const [startUtc, endUtc, location] = one(
    `SELECT DATE_FORMAT(t.starts_at - INTERVAL 8 HOUR, '%Y-%m-%dT%H:%i:00+00:00'), DATE_FORMAT(t.ends_at - INTERVAL 8 HOUR, '%Y-%m-%dT%H:%i:00+00:00'), dep.location
     FROM bookings b JOIN time_slots t ON t.id = b.slot_id JOIN departments dep ON dep.id = b.department_id WHERE b.confirmation_no = '${no}'`);
  assert.equal(parsed.start, startUtc);
  assert.equal(parsed.end, endUtc);
  assert.equal(parsed.location, location);
  assert.match(parsed.summary, /门诊预约/);
  // a wrong link token shows nothing; a cancelled booking has no QR code
  // nor calendar entry (tested with the cancellation below)
  assert.equal((await c.get(`/booking/booking?no=${no}&t=${'A'.repeat(22)}`)).status, 404);
  assert.equal((await fetch(`${h.ORIGIN}/booking/qr?no=${no}&t=${'A'.repeat(22)}`)).status, 404);
});

test('bad identity data is refused beside the field and nothing is stored', async () => {
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const slot = freshSlot();
  const cases = [
    [{ id_number: '110105194912310021' }, 'id_check_digit'],
    [{ id_number: '11010519491231002' }, 'id_length'],
    [{ id_number: '990105194912310028' }, 'id_region'],
    [{ id_number: '110105199902300021' }, 'id_birth_date'],
    [{ id_type: 'passport', id_number: 'ABCDEFG' }, 'passport_shape'],
    [{ id_type: 'passport', id_number: 'E1234567890' }, 'passport_shape'],
    [{ id_type: 'hk_macao', id_number: 'A12345678' }, 'hk_macao_shape'],
    [{ id_type: 'hk_macao', id_number: 'H1234567' }, 'hk_macao_shape'],
    [{ id_type: 'taiwan', id_number: 'T1234567' }, 'taiwan_shape'],
    [{ id_type: 'other', id_number: 'AB_12345' }, 'document_chars'],
    [{ patient_name: '' }, 'required'],
    [{ patient_name: '张\u202e三' }, 'control_chars'],
  ];
  for (const [change, code] of cases) {
    const person = { ...nextPerson(), ...change };
    const res = await book(c, slot, person);
    assert.equal(res.status, 422, `${JSON.stringify(change)} -> ${res.status}`);
    assert.ok(res.text.includes('class="error-summary"'));
    if (code !== 'required' && code !== 'control_chars') assert.ok(res.text.includes(h.lang(`Error.${code}`)), `message for ${code}`);
    if (person.patient_name && code !== 'control_chars') assert.ok(res.text.includes(`value="${person.patient_name}"`), 'the form keeps the name');
    assert.ok(res.text.includes(`value="${person.id_number}"`), 'the form keeps the number');
  }
  // two errors: the summary lists them in the order of the fields
  const both = await book(c, slot, { ...nextPerson(), patient_name: '', id_number: '110105194912310021' });
  const links = [...both.text.matchAll(/<li><a href="#f-([a-z_]+)">/g)].map((m) => m[1]);
  assert.deepEqual(links, ['patient_name', 'id_number']);
  assert.equal(one(`SELECT COUNT(*) FROM bookings WHERE slot_id = ${slot}`)[0], '0');
  assert.equal(one(`SELECT booked FROM time_slots WHERE id = ${slot}`)[0], '0');
});

test('passport and permit numbers of the right shape are accepted, typed in full-width or with spaces', async () => {
  const documents = [
    ['passport', `E${String(Date.now() % 100000000).padStart(8, '0')}`],
    ['hk_macao', `H${String(Date.now() % 100000000).padStart(8, '0')}`],
    ['taiwan', String(Date.now() % 100000000).padStart(8, '0')],
  ];
  for (const [idType, number] of documents) {
    const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
    // as a Chinese input method gives it: full-width letters and digits, a space
    const typed = [...number].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xFEE0)).join('').replace(/^(..)/, '$1 ');
    const res = await book(c, freshSlot(), { ...nextPerson(), id_type: idType, id_number: typed });
    assert.equal(res.status, 303, `${idType} ${typed}: ${res.status}`);
    const no = new URL(res.location, h.ORIGIN).searchParams.get('no');
    assert.deepEqual(one(`SELECT id_type, id_number FROM bookings WHERE confirmation_no = '${no}'`), [idType, number]);
  }
});

test('200 simultaneous bookings of a slot of capacity 5 end in exactly 5 bookings; the rest are told it is full', async () => {
  const slot = freshSlot(5);
  const clients = await Promise.all(Array.from({ length: 200 }, async () => {
    const person = nextPerson();
    const c = h.patientClient(person);
    const token = await c.csrf(`/booking/slots/${slot}`);
    return { c, token, person };
  }));
  const results = await Promise.all(clients.map(({ c, token, person }) =>
    c.post(`/booking/slots/${slot}`, { _csrf: token, ...person })));
  const ok = results.filter((r) => r.status === 303).length;
  const full = results.filter((r) => r.status === 409 && r.text.includes(h.lang('Booking.Refusal.slot_full'))).length;
  assert.equal(ok, 5, `statuses: ${[...new Set(results.map((r) => r.status))]}`);
  assert.equal(full, 195);
  const [booked, capacity, rows] = one(`SELECT booked, capacity, (SELECT COUNT(*) FROM bookings WHERE slot_id = ${slot}) FROM time_slots WHERE id = ${slot}`);
  assert.deepEqual([booked, capacity, rows], ['5', '5', '5']);
});

test('the same person booking twice at once ends with one booking', async () => {
  const slot = freshSlot(5);
  const person = nextPerson();
  const clients = await Promise.all(Array.from({ length: 10 }, async () => {
    const c = h.patientClient(person);
    return { c, token: await c.csrf(`/booking/slots/${slot}`) };
  }));
  const results = await Promise.all(clients.map(({ c, token }) => c.post(`/booking/slots/${slot}`, { _csrf: token, ...person })));
  assert.equal(results.filter((r) => r.status === 303).length, 1);
  assert.ok(results.filter((r) => r.status === 409).every((r) => r.text.includes(h.lang('Booking.Refusal.booking_duplicate'))));
  assert.equal(one(`SELECT booked FROM time_slots WHERE id = ${slot}`)[0], '1');
});

test('one booking per person per department and half-day, also with another doctor', async () => {
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const [a, b] = h.sql(
    "SELECT MIN(t.id) FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id" +
    " WHERE cs.session_date = CURDATE() + INTERVAL 3 DAY AND cs.period = 'morning' AND cs.status = 'open'" +
    " AND cs.department_id = (SELECT department_id FROM clinic_sessions WHERE session_date = CURDATE() + INTERVAL 3 DAY" +
    "   AND period = 'morning' GROUP BY department_id HAVING COUNT(*) >= 2 LIMIT 1)" +
    " GROUP BY cs.doctor_id LIMIT 2").map((r) => Number(r[0]));
  h.sql(`UPDATE time_slots SET capacity = booked + 5 WHERE id IN (${a}, ${b})`);   // room, whatever ran before
  const person = nextPerson();
  assert.equal((await book(c, a, person)).status, 303);
  const second = await book(c, b, person);
  assert.equal(second.status, 409);
  assert.ok(second.text.includes(h.lang('Booking.Refusal.booking_duplicate')));
  assert.ok(second.text.includes(`value="${person.id_number}"`), 'the form stays filled');
});

test('a stopped session, a closed slot and a past slot cannot be booked', async () => {
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const slot = freshSlot();
  h.sql(`UPDATE clinic_sessions cs JOIN time_slots t ON t.session_id = cs.id SET cs.status = 'stopped' WHERE t.id = ${slot}`);
  try {
    const res = await book(c, slot, nextPerson());
    assert.equal(res.status, 409);
    assert.ok(res.text.includes(h.lang('Booking.Refusal.booking_closed')));
  } finally {
    h.sql(`UPDATE clinic_sessions cs JOIN time_slots t ON t.session_id = cs.id SET cs.status = 'open' WHERE t.id = ${slot}`);
  }
  const [past] = one("SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id WHERE t.starts_at < NOW() AND cs.status = 'open' ORDER BY t.starts_at DESC LIMIT 1") || [];
  if (past) {
    const res = await book(c, past, nextPerson());
    assert.equal(res.status, 409);
  }
  assert.equal((await c.get('/booking/slots/99999999')).status, 404);
});

// Records `n` no-shows of `person` (bookings never checked in); returns
// the person's key.
function noShows(person, n) {
  const key = h.sha256hex(`resident_id:${person.id_number}`);
  for (let i = 0; i < n; i++) {
    h.sql(`INSERT INTO bookings (confirmation_no, slot_id, session_id, department_id, session_date, period, person_key,
             patient_name, id_type, id_number, mobile, status, created_at)
           SELECT CONCAT('NS', LPAD(FLOOR(RAND() * 99999999), 8, '0')), t.id, cs.id, cs.department_id, cs.session_date,
             cs.period, '${key}', '${person.patient_name}', 'resident_id', '${person.id_number}', '${person.mobile}', 'no_show', NOW()
           FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id WHERE t.id = ${freshSlot()}`);
  }
  return key;
}

// The suspension's end as the rule computes it: the latest no-show's slot end plus the suspension.
const suspendedUntil = (key, days) => h.sqlValue(`SELECT DATE_FORMAT(MAX(t.ends_at) + INTERVAL ${days} DAY, '%Y-%m-%d')
  FROM bookings b JOIN time_slots t ON t.id = b.slot_id WHERE b.person_key = '${key}' AND b.status = 'no_show'`);

test('three no-shows in 90 days suspend online booking for 30 days, and the page says until when', async () => {
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const person = nextPerson();
  const key = noShows(person, 3);
  const res = await book(c, freshSlot(), person);
  assert.equal(res.status, 409);
  const message = h.lang('Booking.Refusal.booking_suspended', { window_days: 90, no_show_limit: 3, until: suspendedUntil(key, 30) });
  assert.ok(res.text.includes(h.escapeHtml(message)), message);
  assert.ok(res.text.includes(`value="${person.id_number}"`), 'the form keeps what was typed');
  assert.equal(h.sql(`SELECT COUNT(*) FROM bookings WHERE person_key = '${key}' AND status = 'booked'`)[0][0], '0');
});

test("the no-show rule is the hospital's to set (booking_rules), and applies to the next booking", async () => {
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const person = nextPerson();
  const key = noShows(person, 2);
  // two no-shows are within the default rule (three)
  const allowed = await book(c, freshSlot(), person);
  assert.equal(allowed.status, 303);
  h.sql('UPDATE booking_rules SET no_show_limit = 2, no_show_window_days = 60, suspend_days = 10');
  try {
    const refused = await book(c, freshSlot(), person);
    assert.equal(refused.status, 409);
    const message = h.lang('Booking.Refusal.booking_suspended', { window_days: 60, no_show_limit: 2, until: suspendedUntil(key, 10) });
    assert.ok(refused.text.includes(h.escapeHtml(message)), message);
  } finally {
    h.sql('UPDATE booking_rules SET no_show_limit = 3, no_show_window_days = 90, suspend_days = 30');
  }
  assert.throws(() => h.sql('UPDATE booking_rules SET no_show_limit = 0'), /CONSTRAINT/, 'a rule that suspends everyone is refused');
  assert.throws(() => h.sql('INSERT INTO booking_rules (id, no_show_limit, no_show_window_days, suspend_days) VALUES (2, 3, 90, 30)'), /CONSTRAINT/, 'one row of rules');
});

test('lookup by number and mobile, then cancel: the place is free again; a wrong mobile tells nothing', async () => {
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const slot = freshSlot();
  const person = nextPerson();
  const made = await book(c, slot, person);
  const no = new URL(made.location, h.ORIGIN).searchParams.get('no');
  const other = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  let token = await other.csrf('/booking/lookup');
  const wrong = await other.post('/booking/lookup', { _csrf: token, no, mobile: '13900000000' });
  assert.equal(wrong.status, 422);
  const unknown = await other.post('/booking/lookup', { _csrf: token, no: 'ZZZZZZZZZZ', mobile: person.mobile });
  assert.equal(unknown.status, 422);
  assert.equal(wrong.text.match(/class="form-error-message"[^]*?<\/p>/)[0], unknown.text.match(/class="form-error-message"[^]*?<\/p>/)[0], 'same answer');
  const found = await other.post('/booking/lookup', { _csrf: token, no, mobile: person.mobile });
  assert.equal(found.status, 303);
  assert.equal(found.location, made.location);
  const page = await other.get(found.location);
  token = h.csrfOf(page.text);
  const t = new URL(found.location, h.ORIGIN).searchParams.get('t');
  // without the CSRF token: refused, nothing changes
  assert.equal((await other.post('/booking/cancel', { no, t })).status, 403);
  assert.equal(one(`SELECT status FROM bookings WHERE confirmation_no = '${no}'`)[0], 'booked');
  const cancelled = await other.post('/booking/cancel', { _csrf: token, no, t });
  assert.equal(cancelled.status, 303);
  const after = await other.get(cancelled.location);
  assert.ok(after.text.includes(h.lang('Booking.cancelled_done')));
  assert.deepEqual(one(`SELECT b.status, t.booked FROM bookings b JOIN time_slots t ON t.id = b.slot_id WHERE b.confirmation_no = '${no}'`), ['cancelled', '0']);
  assert.match(after.text, /<title>已取消 - /, 'the title says cancelled');
  assert.equal((await fetch(`${h.ORIGIN}/booking/qr?no=${no}&t=${t}`)).status, 404);
  assert.equal((await fetch(`${h.ORIGIN}/booking/calendar?no=${no}&t=${t}`)).status, 404);
  // twice (a second tap, or the first one's answer lost and its call run
  // again: sql/024): told it is cancelled, the counter stays, one message
  const again = await other.post('/booking/cancel', { _csrf: token, no, t });
  assert.equal(again.status, 303);
  assert.ok((await other.get(again.location)).text.includes(h.lang('Booking.cancelled_done')));
  assert.equal(one(`SELECT booked FROM time_slots WHERE id = ${slot}`)[0], '0');
  assert.equal(one(`SELECT COUNT(*) FROM notification_outbox WHERE idempotency_key LIKE 'cancelled:${no}%'`)[0], '1');
  // the person may book again in that half-day
  assert.equal((await book(c, slot, person)).status, 303);
});

test('cancelling is refused after the cut-off (30 minutes before the slot)', async () => {
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const slot = freshSlot();
  const made = await book(c, slot, nextPerson());
  const url = new URL(made.location, h.ORIGIN);
  await h.withSlotStartingIn(slot, 20, async () => {
    const page = await c.get(made.location);
    assert.ok(!page.text.includes('action="/booking/cancel"'), 'no cancel button');
    const token = await c.csrf('/booking/lookup');   // the same visitor's token, from a page with a form
    const res = await c.post('/booking/cancel', { _csrf: token, no: url.searchParams.get('no'), t: url.searchParams.get('t') });
    assert.equal(res.status, 409);
    assert.ok(res.text.includes(h.lang('Booking.Refusal.cancel_too_late')));
  });
});
