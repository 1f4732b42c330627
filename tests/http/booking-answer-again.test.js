// A patient's call run again gives its first run's answer (sql/024).  The
// core runs a call outside a transaction again when its connection was
// lost (cgi/core/db.c); when the first run had committed, only its answer
// was lost.  Each test makes the change through the pages, then runs the
// procedure again with the first run's own arguments, as the core would:
// the answer is the first run's, and nothing more is stored or queued.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const one = (q) => h.sql(q)[0];
const person = h.patients('重试测试', '310104', '135');
const CUTOFF_MINUTES = 30;
const DAYS_AHEAD = 14;

// A fresh session from tomorrow on with `open` open slots of capacity 1,
// the others closed, nobody booked or waiting.
function freshSession(open = 1) {
  const [session] = one(`SELECT cs.id FROM clinic_sessions cs
    WHERE cs.session_date BETWEEN CURDATE() + INTERVAL 1 DAY AND CURDATE() + INTERVAL 12 DAY AND cs.status = 'open'
      AND (SELECT COUNT(*) FROM time_slots t WHERE t.session_id = cs.id) >= ${open}
      AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.session_id = cs.id)
      AND NOT EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.session_id = cs.id)
    ORDER BY RAND() LIMIT 1`);
  const slots = h.sql(`SELECT id FROM time_slots WHERE session_id = ${session} ORDER BY id LIMIT ${open}`).map((r) => Number(r[0]));
  h.sql(`UPDATE time_slots SET is_open = IF(id IN (${slots}), 1, 0), capacity = IF(id IN (${slots}), 1, capacity)
          WHERE session_id = ${session}`);
  return { session: Number(session), slots };
}

async function book(slot, who = person()) {
  const c = h.patientClient(who);
  const token = await c.csrf(`/booking/slots/${slot}`);
  const res = await c.post(`/booking/slots/${slot}`, { _csrf: token, ...who });
  assert.equal(res.status, 303, `booking slot ${slot}`);
  const url = new URL(res.location, h.ORIGIN);
  return { client: c, who, no: url.searchParams.get('no'), t: url.searchParams.get('t') };
}

const quoted = (v) => (v === 'NULL' ? 'NULL' : `'${v}'`);
const outbox = (key) => Number(one(`SELECT COUNT(*) FROM notification_outbox WHERE idempotency_key LIKE '${key}%'`)[0]);
const booked = (slot) => Number(one(`SELECT booked FROM time_slots WHERE id = ${slot}`)[0]);
const takes = (subject) => one(`SELECT COALESCE(MAX(hits), 0) FROM rate_limits WHERE scope = 'booking.client' AND subject = '${subject}'`)[0];

test('a booking run again after its answer was lost answers booked: one booking, one place, one message, no second take', async () => {
  const { slots: [slot] } = freshSession(1);
  const mine = await book(slot);
  const args = one(`SELECT slot_id, confirmation_no, person_key, patient_name, id_type, id_number, mobile, for_family
                      FROM bookings WHERE confirmation_no = '${mine.no}'`);
  const subject = h.sha256hex(`rerun-${h.uniq()}`);
  h.sql(`CALL rate_take('booking.client', '${subject}')`);
  const again = one(`CALL book_place(${args[0]}, ${args.slice(1).map(quoted).join(', ')}, ${CUTOFF_MINUTES}, ${DAYS_AHEAD}, '${subject}')`);
  assert.equal(again[0], 'booked', `run again: ${again}`);
  assert.equal(one(`SELECT COUNT(*) FROM bookings WHERE slot_id = ${slot}`)[0], '1');
  assert.equal(booked(slot), 1);
  assert.equal(outbox(`booking_made:${mine.no}`), 1);
  assert.equal(takes(subject), '1', 'the run again took nothing from the address');

  // another request of the same person for the same half-day still is a duplicate
  const other = one(`CALL book_place(${args[0]}, 'RERUN${h.uniq().slice(-5).toUpperCase()}', ${args.slice(2).map(quoted).join(', ')},
                     ${CUTOFF_MINUTES}, ${DAYS_AHEAD}, '${subject}')`);
  assert.notEqual(other[0], 'booked', 'a new request is not taken for the first');
});

test('a cancellation run again answers cancelled, with one message; a change of time run again answers booked', async () => {
  const { slots: [a, b] } = freshSession(2);
  const first = await book(a);
  const token = await first.client.csrf(`/booking/booking?no=${first.no}&t=${first.t}`);
  assert.equal((await first.client.post('/booking/cancel', { _csrf: token, no: first.no, t: first.t })).status, 303);
  assert.deepEqual(one(`CALL cancel_booking('${first.no}', ${CUTOFF_MINUTES})`), ['cancelled']);
  assert.equal(outbox(`cancelled:${first.no}`), 1);
  assert.equal(booked(a), 0);

  const second = await book(a);
  const form = await second.client.get(`/booking/reschedule?no=${second.no}&t=${second.t}`);
  const res = await second.client.post('/booking/reschedule', { _csrf: h.csrfOf(form.text), no: second.no, t: second.t, slot: b });
  assert.equal(res.status, 303);
  const moved = new URL(res.location, h.ORIGIN).searchParams.get('no');
  assert.equal(one(`CALL reschedule_place('${second.no}', ${b}, '${moved}', ${CUTOFF_MINUTES}, ${DAYS_AHEAD})`)[0], 'booked');
  assert.deepEqual([booked(a), booked(b)], [0, 1]);
  assert.equal(one(`SELECT COUNT(*) FROM bookings WHERE slot_id = ${b}`)[0], '1');
  assert.equal(outbox(`cancelled:${second.no}`), 1);
  // a change of a booking that is not moved by this request is still refused
  assert.notEqual(one(`CALL reschedule_place('${second.no}', ${b}, 'RERUNX${h.uniq().slice(-4).toUpperCase()}', ${CUTOFF_MINUTES}, ${DAYS_AHEAD})`)[0], 'booked');
});

test('joining, confirming and leaving a waitlist, each run again, answer as their first run', async () => {
  const { session, slots: [slot] } = freshSession(1);
  const holder = await book(slot);
  const who = person();
  const c = h.patientClient(who);
  const page = await c.get(`/booking/sessions/${session}/waitlist`);
  const joined = await c.post(`/booking/sessions/${session}/waitlist`, { _csrf: h.csrfOf(page.text), ...who });
  assert.equal(joined.status, 303);
  const entryUrl = new URL(joined.location, h.ORIGIN);
  const entryNo = entryUrl.searchParams.get('no');
  const e = one(`SELECT session_id, entry_no, link_token, person_key, patient_name, id_type, id_number, mobile, for_family
                   FROM waitlist_entries WHERE entry_no = '${entryNo}'`);
  const rejoin = one(`CALL waitlist_join(${e[0]}, ${e.slice(1).map(quoted).join(', ')}, 3, ${CUTOFF_MINUTES}, ${DAYS_AHEAD})`);
  assert.deepEqual(rejoin, ['waiting', '1']);
  assert.equal(one(`SELECT COUNT(*) FROM waitlist_entries WHERE session_id = ${session}`)[0], '1');
  assert.equal(outbox(`waitlist_joined:${entryNo}`), 1);

  // the holder cancels: the place is offered to the entry, which confirms it
  const token = await holder.client.csrf(`/booking/booking?no=${holder.no}&t=${holder.t}`);
  assert.equal((await holder.client.post('/booking/cancel', { _csrf: token, no: holder.no, t: holder.t })).status, 303);
  const offer = await c.get(entryUrl.pathname + entryUrl.search);
  const res = await c.post('/booking/waitlist/confirm', { _csrf: h.csrfOf(offer.text), no: entryNo, t: entryUrl.searchParams.get('t') });
  assert.equal(res.status, 303);
  const bookedNo = new URL(res.location, h.ORIGIN).searchParams.get('no');
  assert.equal(one(`CALL waitlist_confirm('${entryNo}', '${bookedNo}', ${CUTOFF_MINUTES}, ${DAYS_AHEAD})`)[0], 'booked');
  assert.equal(booked(slot), 1);
  assert.equal(one(`SELECT COUNT(*) FROM bookings WHERE slot_id = ${slot} AND status = 'booked'`)[0], '1');
  assert.notEqual(one(`CALL waitlist_confirm('${entryNo}', 'RERUNY${h.uniq().slice(-4).toUpperCase()}', ${CUTOFF_MINUTES}, ${DAYS_AHEAD})`)[0],
    'booked', 'a second confirmation by another request is refused');

  // leaving: a second entry leaves, and its leaving run again says left
  const { session: s2, slots: [slot2] } = freshSession(1);
  await book(slot2);
  const who2 = person();
  const c2 = h.patientClient(who2);
  const page2 = await c2.get(`/booking/sessions/${s2}/waitlist`);
  const joined2 = await c2.post(`/booking/sessions/${s2}/waitlist`, { _csrf: h.csrfOf(page2.text), ...who2 });
  const url2 = new URL(joined2.location, h.ORIGIN);
  const entry2 = await c2.get(url2.pathname + url2.search);
  const left = await c2.post('/booking/waitlist/leave', { _csrf: h.csrfOf(entry2.text), no: url2.searchParams.get('no'), t: url2.searchParams.get('t') });
  assert.equal(left.status, 303);
  assert.deepEqual(one(`CALL waitlist_leave('${url2.searchParams.get('no')}', ${CUTOFF_MINUTES})`), ['left']);
  assert.deepEqual(one(`CALL waitlist_leave('NOSUCHNO00', ${CUTOFF_MINUTES})`), ['not_found']);
});
