// 改约: a booking moved to another time of the same doctor, as cancel +
// book in one transaction - the old place freed, the new one taken under
// the rules of a new booking (capacity, one per department and half-day,
// no-shows), for the same person, with both messages queued; or nothing
// changes.  Only with the booking's link, a CSRF token, and until the
// cut-off; two changes of one booking at once end with one new booking.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const one = (q) => h.sql(q)[0];
const person = h.patients('改约测试', '320102', '136');

// Two fresh slots of one doctor, in different sessions (or the same
// session when `sameSession`), from tomorrow on, nobody booked.
function twoSlots(sameSession = false) {
  // one free slot first, then a second of the same doctor: two small
  // queries, not every pair of slots (which grows with every booking made)
  const free = (alias) => `${alias}.is_open = 1 AND ${alias}.booked = 0
      AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.slot_id = ${alias}.id)`;
  const days = (alias) => `${alias}.status = 'open'
      AND ${alias}.session_date BETWEEN CURDATE() + INTERVAL 1 DAY AND CURDATE() + INTERVAL 12 DAY`;
  for (let tries = 0; tries < 50; tries++) {
    const [a, doctor, session] = one(`SELECT t1.id, c1.doctor_id, c1.id FROM time_slots t1
        JOIN clinic_sessions c1 ON c1.id = t1.session_id WHERE ${days('c1')} AND ${free('t1')} ORDER BY RAND() LIMIT 1`);
    const second = h.sql(`SELECT t2.id FROM time_slots t2 JOIN clinic_sessions c2 ON c2.id = t2.session_id
        WHERE c2.doctor_id = ${doctor} AND ${days('c2')} AND ${free('t2')} AND t2.id <> ${a}
          AND ${sameSession ? `c2.id = ${session}` : `c2.id <> ${session}`} ORDER BY RAND() LIMIT 1`)[0];
    if (!second) continue;
    const b = second[0];
    h.sql(`UPDATE time_slots SET capacity = 3 WHERE id IN (${a}, ${b})`);
    return [Number(a), Number(b)];
  }
  throw new Error('no doctor has two free slots');
}

async function book(slot, who = person()) {
  const c = h.patientClient(who);
  const token = await c.csrf(`/booking/slots/${slot}`);
  const res = await c.post(`/booking/slots/${slot}`, { _csrf: token, ...who });
  assert.equal(res.status, 303, `booking slot ${slot}`);
  const url = new URL(res.location, h.ORIGIN);
  return { client: c, who, no: url.searchParams.get('no'), t: url.searchParams.get('t'), location: res.location };
}

const booked = (slot) => one(`SELECT booked FROM time_slots WHERE id = ${slot}`)[0];
const status = (no) => one(`SELECT status, cancel_reason FROM bookings WHERE confirmation_no = '${no}'`);

test('a booking moves to another time of the same doctor: old place freed, new one taken, same person, both messages queued', async () => {
  const [a, b] = twoSlots();
  const mine = await book(a);
  const page = await mine.client.get(mine.location);
  assert.ok(page.text.includes('id="reschedule-link"'), 'the booking page offers the change');
  const form = await mine.client.get(`/booking/reschedule?no=${mine.no}&t=${mine.t}`);
  assert.equal(form.status, 200);
  assert.ok(form.text.includes(`value="${b}"`), 'the other slot is offered');
  assert.ok(!form.text.includes(`value="${a}"`), 'the current one is not');
  assert.ok(!form.text.includes(mine.who.id_number), 'the ID number is masked');

  const res = await mine.client.post('/booking/reschedule', { _csrf: h.csrfOf(form.text), no: mine.no, t: mine.t, slot: b });
  assert.equal(res.status, 303);
  const url = new URL(res.location, h.ORIGIN);
  const newNo = url.searchParams.get('no');
  assert.notEqual(newNo, mine.no);
  assert.equal(url.searchParams.get('done'), 'rescheduled');
  const shown = await mine.client.get(res.location);
  assert.ok(shown.text.includes(h.lang('Booking.rescheduled_done')));
  assert.ok(shown.text.includes(`id="booking-status">${h.lang('Booking.Status.booked')}<`));

  assert.deepEqual(status(mine.no), ['cancelled', 'rescheduled']);
  assert.deepEqual([booked(a), booked(b)], ['0', '1']);
  assert.deepEqual(one(`SELECT slot_id, patient_name, mobile, id_number, status FROM bookings WHERE confirmation_no = '${newNo}'`),
    [String(b), mine.who.patient_name, mine.who.mobile, mine.who.id_number, 'booked']);
  assert.equal(one(`SELECT COUNT(*) FROM notification_outbox WHERE idempotency_key IN ('cancelled:${mine.no}', 'booking_made:${newNo}')`)[0], '2');
  // the old link now shows a cancelled booking with no change offered
  const old = await mine.client.get(mine.location);
  assert.ok(old.text.includes(`id="booking-status">${h.lang('Booking.Status.cancelled')}<`));
  assert.ok(!old.text.includes('id="reschedule-link"'));
});

test('a move within the same half-day is allowed (the old place is freed first)', async () => {
  const [a, b] = twoSlots(true);
  const mine = await book(a);
  const token = await mine.client.csrf(`/booking/reschedule?no=${mine.no}&t=${mine.t}`);
  const res = await mine.client.post('/booking/reschedule', { _csrf: token, no: mine.no, t: mine.t, slot: b });
  assert.equal(res.status, 303);
  assert.deepEqual([booked(a), booked(b)], ['0', '1']);
});

test('a move to a full slot, to the same slot, or to nothing is refused and changes nothing', async () => {
  const [a, b] = twoSlots();
  const mine = await book(a);
  const reschedule = `/booking/reschedule?no=${mine.no}&t=${mine.t}`;
  const token = await mine.client.csrf(reschedule);
  h.sql(`UPDATE time_slots SET capacity = 0 WHERE id = ${b}`);
  const full = await mine.client.post('/booking/reschedule', { _csrf: token, no: mine.no, t: mine.t, slot: b });
  assert.equal(full.status, 409);
  assert.ok(full.text.includes(h.lang('Booking.Refusal.slot_full')));
  const same = await mine.client.post('/booking/reschedule', { _csrf: token, no: mine.no, t: mine.t, slot: a });
  assert.equal(same.status, 409);
  assert.ok(same.text.includes(h.lang('Booking.Refusal.same_slot')));
  const none = await mine.client.post('/booking/reschedule', { _csrf: token, no: mine.no, t: mine.t });
  assert.equal(none.status, 422);
  assert.ok(none.text.includes('id="f-slot-error"'), 'the message beside the choices');
  const unknown = await mine.client.post('/booking/reschedule', { _csrf: token, no: mine.no, t: mine.t, slot: 999999999 });
  assert.equal(unknown.status, 404);
  assert.deepEqual(status(mine.no), ['booked', 'NULL']);
  assert.deepEqual([booked(a), booked(b)], ['1', '0']);
  assert.equal(one(`SELECT COUNT(*) FROM bookings WHERE person_key = (SELECT person_key FROM bookings WHERE confirmation_no = '${mine.no}')`)[0], '1');
});

test('only with the booking link and a CSRF token, and not after the cut-off', async () => {
  const [a, b] = twoSlots();
  const mine = await book(a);
  const token = await mine.client.csrf(`/booking/reschedule?no=${mine.no}&t=${mine.t}`);
  const forged = 'A'.repeat(mine.t.length);
  assert.equal((await mine.client.get(`/booking/reschedule?no=${mine.no}&t=${forged}`)).status, 404);
  assert.equal((await mine.client.post('/booking/reschedule', { _csrf: token, no: mine.no, t: forged, slot: b })).status, 404);
  assert.equal((await mine.client.post('/booking/reschedule', { no: mine.no, t: mine.t, slot: b })).status, 403);
  assert.deepEqual(status(mine.no), ['booked', 'NULL']);
  // the slot is now 10 minutes away: too late to change
  await h.withSlotStartingIn(a, 10, async () => {
    const late = await mine.client.post('/booking/reschedule', { _csrf: token, no: mine.no, t: mine.t, slot: b });
    assert.equal(late.status, 409);
    assert.ok(late.text.includes(h.lang('Booking.Refusal.change_too_late')));
    assert.deepEqual(status(mine.no), ['booked', 'NULL']);
  });
});

test('two changes of one booking at the same moment end with exactly one new booking', async () => {
  const [a, b] = twoSlots();
  // a third free slot of the same doctor
  const [other] = one(`SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id
    WHERE cs.doctor_id = (SELECT doctor_id FROM clinic_sessions WHERE id = (SELECT session_id FROM time_slots WHERE id = ${a}))
      AND cs.session_date BETWEEN CURDATE() + INTERVAL 1 DAY AND CURDATE() + INTERVAL 12 DAY AND cs.status = 'open'
      AND t.is_open = 1 AND t.booked < t.capacity AND t.id NOT IN (${a}, ${b}) ORDER BY RAND() LIMIT 1`);
  assert.ok(Number(other) > 0);
  const mine = await book(a);
  const token = await mine.client.csrf(`/booking/reschedule?no=${mine.no}&t=${mine.t}`);
  const answers = await Promise.all([b, Number(other), b, Number(other)].map((slot) =>
    mine.client.post('/booking/reschedule', { _csrf: token, no: mine.no, t: mine.t, slot })));
  const statuses = answers.map((r) => r.status).sort();
  assert.deepEqual(statuses, [303, 409, 409, 409]);
  const key = one(`SELECT person_key FROM bookings WHERE confirmation_no = '${mine.no}'`)[0];
  assert.equal(one(`SELECT COUNT(*) FROM bookings WHERE person_key = '${key}' AND status = 'booked'`)[0], '1');
  assert.equal(booked(a), '0');
  assert.equal(Number(booked(b)) + Number(booked(other)) >= 1, true);
  // every slot's counter still matches its bookings
  assert.equal(one(`SELECT COUNT(*) FROM time_slots t WHERE t.id IN (${a}, ${b}, ${other})
    AND t.booked <> (SELECT COUNT(*) FROM bookings x WHERE x.slot_id = t.id AND x.status IN ('booked', 'checked_in'))`)[0], '0');
});

test('two patients swapping times at the same moment both succeed (a deadlock between them is retried)', async () => {
  for (let round = 0; round < 8; round++) {
    const [a, b] = twoSlots();
    const x = await book(a);
    const y = await book(b);
    const tx = await x.client.csrf(`/booking/reschedule?no=${x.no}&t=${x.t}`);
    const ty = await y.client.csrf(`/booking/reschedule?no=${y.no}&t=${y.t}`);
    const [rx, ry] = await Promise.all([
      x.client.post('/booking/reschedule', { _csrf: tx, no: x.no, t: x.t, slot: b }),
      y.client.post('/booking/reschedule', { _csrf: ty, no: y.no, t: y.t, slot: a }),
    ]);
    assert.deepEqual([rx.status, ry.status], [303, 303], `round ${round}`);
    assert.deepEqual([booked(a), booked(b)], ['1', '1']);
  }
});
