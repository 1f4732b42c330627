// 候补: a full session's waitlist.  A freed place (cancellation, change of
// time, the office raising a capacity) is held for the first person
// waiting and offered through the outbox; confirming books it under the
// booking rules; a lapsed offer goes to the next (the sender does it, no
// visitor needed); a freed place is offered to one person only and never
// lost, also when cancellations and confirmations come at once.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const one = (q) => h.sql(q)[0];
const person = h.patients('候补测试', '110105', '139');

// A fresh session from tomorrow on with one open slot of `capacity`, the
// others closed, nobody booked or waiting.
function freshSession(capacity = 1) {
  const [session] = one(`SELECT cs.id FROM clinic_sessions cs
    WHERE cs.session_date BETWEEN CURDATE() + INTERVAL 1 DAY AND CURDATE() + INTERVAL 12 DAY AND cs.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.session_id = cs.id)
      AND NOT EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.session_id = cs.id)
    ORDER BY RAND() LIMIT 1`);
  const [slot] = one(`SELECT MIN(id) FROM time_slots WHERE session_id = ${session}`);
  h.sql(`UPDATE time_slots SET is_open = IF(id = ${slot}, 1, 0), capacity = IF(id = ${slot}, ${capacity}, capacity) WHERE session_id = ${session}`);
  return { session: Number(session), slot: Number(slot) };
}

async function book(slot, who = person()) {
  const c = h.patientClient(who);
  const token = await c.csrf(`/booking/slots/${slot}`);
  const res = await c.post(`/booking/slots/${slot}`, { _csrf: token, ...who });
  const url = res.location ? new URL(res.location, h.ORIGIN) : null;
  return { status: res.status, text: res.text, client: c, who, no: url && url.searchParams.get('no'), t: url && url.searchParams.get('t') };
}

async function cancel(b) {
  const token = await b.client.csrf(`/booking/booking?no=${b.no}&t=${b.t}`);
  return b.client.post('/booking/cancel', { _csrf: token, no: b.no, t: b.t });
}

async function join(session, who = person()) {
  const c = h.patientClient(who);
  const page = await c.get(`/booking/sessions/${session}/waitlist`);
  const token = h.csrfOf(page.text) || await c.csrf('/booking/lookup');
  const res = await c.post(`/booking/sessions/${session}/waitlist`, { _csrf: token, ...who });
  const url = res.location ? new URL(res.location, h.ORIGIN) : null;
  return { status: res.status, text: res.text, page, client: c, who, no: url && url.searchParams.get('no'), t: url && url.searchParams.get('t'), location: res.location };
}

async function confirm(w) {
  const page = await w.client.get(`/booking/waitlist?no=${w.no}&t=${w.t}`);
  const token = h.csrfOf(page.text) || await w.client.csrf('/booking/lookup');
  return w.client.post('/booking/waitlist/confirm', { _csrf: token, no: w.no, t: w.t });
}

after(() => h.sql('UPDATE booking_rules SET waitlist_hold_minutes = 30'));

const entry = (no) => one(`SELECT status, offer_slot_id FROM waitlist_entries WHERE entry_no = '${no}'`);
const booked = (slot) => Number(one(`SELECT booked FROM time_slots WHERE id = ${slot}`)[0]);

test('a full session offers its waitlist; joining gives a position; a free session refuses to queue', async () => {
  const { session, slot } = freshSession(1);
  const early = await join(session);
  assert.equal(early.status, 409, 'a place is still free');
  assert.ok(early.text.includes(h.lang('Booking.Refusal.places_free')));

  const a = await book(slot);
  assert.equal(a.status, 303);
  const day = one(`SELECT DATE_FORMAT(session_date, '%Y-%m-%d'), doctor_id FROM clinic_sessions WHERE id = ${session}`);
  const doctor = await h.get(`${h.ORIGIN}/booking/doctors/${day[1]}?day=${day[0]}`);
  assert.ok(doctor.text.includes(`href="/booking/sessions/${session}/waitlist"`), 'the doctor page offers the waitlist');

  const b = await join(session);
  assert.equal(b.status, 303, b.text.slice(0, 300));
  const c = await join(session);
  const bPage = await b.client.get(b.location);
  assert.equal(bPage.status, 200);
  assert.match(bPage.text, /class="big-number">1</);
  const cPage = await c.client.get(c.location);
  assert.match(cPage.text, /class="big-number">2</);
  assert.ok(!cPage.text.includes(c.who.id_number), 'the ID number is masked');
  // the same person twice: refused
  const again = await join(session, b.who);
  assert.equal(again.status, 409);
  assert.ok(again.text.includes(h.lang('Booking.Refusal.already_waiting')));
  // the link's MAC is checked
  assert.equal((await b.client.get(`/booking/waitlist?no=${b.no}&t=${'A'.repeat(22)}`)).status, 404);
  assert.equal(one(`SELECT COUNT(*) FROM notification_outbox WHERE kind = 'waitlist_joined' AND mobile IN ('${b.who.mobile}', '${c.who.mobile}')`)[0], '2');
});

test('a cancellation holds the place for the first in line, who confirms it; the public cannot take it meanwhile', async () => {
  const { session, slot } = freshSession(1);
  const a = await book(slot);
  const b = await join(session);
  const c = await join(session);
  assert.equal((await cancel(a)).status, 303);
  assert.deepEqual(entry(b.no), ['offered', String(slot)]);
  assert.deepEqual(entry(c.no), ['waiting', null].map((v) => v ?? 'NULL'));
  assert.equal(booked(slot), 1, 'the held place still counts');
  const offer = one(`SELECT params FROM notification_outbox WHERE kind = 'waitlist_offer' AND mobile = '${b.who.mobile}'`);
  assert.ok(JSON.parse(offer[0]).link.includes(`no=${b.no}&t=${b.t}`), 'the offer carries the entry link');

  // the text message the sender delivered: the link, valid while the place is held
  const smsLog = require('node:path').join(h.ROOT, 'run', h.INSTANCE, 'logs', 'sms.log');
  const { value: sms } = await h.waitFor(() => {
    const lines = require('node:fs').readFileSync(smsLog, 'utf8').split('\n');
    return lines.find((l) => l.includes(` key=waitlist_offer:${b.no}:`));
  }, { timeout: 8000, interval: 200 });
  assert.ok(sms, 'the offer was sent');
  const link = `${h.site('url')}/booking/waitlist?no=${b.no}&t=${b.t}`;
  assert.ok(sms.includes(` ${link} `), sms);
  const opened = await b.client.get(new URL(link).pathname + new URL(link).search);
  assert.ok(opened.text.includes('id="waitlist-offer"'));
  const stranger = await book(slot);
  assert.equal(stranger.status, 409, 'nobody else can book the held place');
  assert.ok(stranger.text.includes(`href="/booking/sessions/${session}/waitlist"`), 'and is shown the way to the waitlist');
  const page = await b.client.get(b.location);
  assert.ok(page.text.includes('id="confirm-offer"'));
  const res = await confirm(b);
  assert.equal(res.status, 303);
  const no = new URL(res.location, h.ORIGIN).searchParams.get('no');
  assert.deepEqual(one(`SELECT status, slot_id, person_key = (SELECT person_key FROM waitlist_entries WHERE entry_no = '${b.no}') FROM bookings WHERE confirmation_no = '${no}'`), ['booked', String(slot), '1']);
  assert.equal(entry(b.no)[0], 'booked');
  assert.equal(booked(slot), 1);
  assert.equal(one(`SELECT COUNT(*) FROM notification_outbox WHERE idempotency_key = 'booking_made:${no}'`)[0], '1');
  // a second confirmation changes nothing
  assert.equal((await confirm(b)).status, 409);
  assert.equal(entry(c.no)[0], 'waiting');
});

test('an offer that lapses goes to the next person, without a visitor; a declined one too', async () => {
  const { session, slot } = freshSession(1);
  const a = await book(slot);
  const b = await join(session);
  const c = await join(session);
  const d = await join(session);
  await cancel(a);
  assert.equal(entry(b.no)[0], 'offered');
  h.sql(`UPDATE waitlist_entries SET offer_expires_at = NOW() - INTERVAL 1 SECOND WHERE entry_no = '${b.no}'`);
  const { value } = await h.waitFor(() => entry(c.no)[0] === 'offered', { timeout: 8000, interval: 200 });
  assert.ok(value, 'the sender handed the lapsed offer on');
  assert.equal(entry(b.no)[0], 'lapsed');
  assert.equal(booked(slot), 1);
  assert.equal((await confirm(b)).status, 409, 'a lapsed offer cannot be confirmed');
  assert.equal(one(`SELECT COUNT(*) FROM notification_outbox WHERE kind = 'waitlist_lapsed' AND mobile = '${b.who.mobile}'`)[0], '1');
  // c declines: d is offered
  const page = await c.client.get(c.location);
  const res = await c.client.post('/booking/waitlist/leave', { _csrf: h.csrfOf(page.text), no: c.no, t: c.t });
  assert.equal(res.status, 303);
  assert.deepEqual([entry(c.no)[0], entry(d.no)[0]], ['left', 'offered']);
  // d declines too: nobody waits, the place goes back to the public
  const pd = await d.client.get(d.location);
  await d.client.post('/booking/waitlist/leave', { _csrf: h.csrfOf(pd.text), no: d.no, t: d.t });
  assert.equal(booked(slot), 0);
  assert.equal((await book(slot)).status, 303);
});

test('the office raising a capacity offers the new places in waitlist order', async () => {
  const { session, slot } = freshSession(1);
  await book(slot);
  const b = await join(session);
  const c = await join(session);
  const d = await join(session);
  const office = await h.loggedIn('office');
  const page = await office.get(`/office/sessions/${session}`);
  const res = await office.post(`/office/slots/${slot}`, { _csrf: h.csrfOf(page.text), capacity: 3, is_open: 1 });
  assert.equal(res.status, 303);
  assert.deepEqual([entry(b.no)[0], entry(c.no)[0], entry(d.no)[0]], ['offered', 'offered', 'waiting']);
  assert.equal(booked(slot), 3);
});

test('concurrent cancellations and confirmations: each freed place offered once, none lost, never overbooked', async () => {
  const { session, slot } = freshSession(4);
  const holders = await Promise.all([0, 1, 2, 3].map(() => book(slot)));
  assert.deepEqual(holders.map((x) => x.status), [303, 303, 303, 303]);
  const line = [];
  for (let i = 0; i < 6; i++) line.push(await join(session));
  assert.ok(line.every((w) => w.status === 303));
  // four cancellations at once, with strangers trying to book meanwhile
  const [cancels, strangers] = await Promise.all([
    Promise.all(holders.map(cancel)),
    Promise.all([0, 1, 2, 3, 4, 5].map(() => book(slot))),
  ]);
  assert.deepEqual(cancels.map((x) => x.status), [303, 303, 303, 303]);
  assert.ok(strangers.every((x) => x.status === 409), 'held places are not the public\'s');
  assert.deepEqual(line.map((w) => entry(w.no)[0]), ['offered', 'offered', 'offered', 'offered', 'waiting', 'waiting']);
  assert.equal(booked(slot), 4);
  // the four confirm at once, twice each, while the first lapses
  h.sql(`UPDATE waitlist_entries SET offer_expires_at = NOW() + INTERVAL 1 SECOND WHERE entry_no = '${line[0].no}'`);
  await h.sleep(1100);
  const results = await Promise.all([...line.slice(0, 4), ...line.slice(0, 4)].map(confirm));
  const ok = results.filter((x) => x.status === 303).length;
  assert.equal(ok, 3, 'three live offers booked once each');
  await h.waitFor(() => entry(line[4].no)[0] === 'offered', { timeout: 8000, interval: 200 });
  assert.equal(entry(line[4].no)[0], 'offered', 'the lapsed place went to the fifth');
  assert.equal(booked(slot), 4);
  const rows = one(`SELECT COUNT(*) FROM bookings WHERE slot_id = ${slot} AND status = 'booked'`);
  const held = one(`SELECT COUNT(*) FROM waitlist_entries WHERE offer_slot_id = ${slot} AND status = 'offered'`);
  assert.equal(Number(rows[0]) + Number(held[0]), 4, 'every place is booked or held, none twice');
});

test('a stopped session closes its waitlist and tells everyone in it', async () => {
  const { session, slot } = freshSession(1);
  await book(slot);
  const b = await join(session);
  const office = await h.loggedIn('office');
  const token = await office.csrf('/office/sessions');
  const res = await office.post(`/office/sessions/${session}/stop`, { _csrf: token, reason: '医生外出会诊' });
  assert.equal(res.status, 303);
  assert.equal(entry(b.no)[0], 'closed');
  assert.equal(one(`SELECT COUNT(*) FROM notification_outbox WHERE kind = 'waitlist_closed' AND mobile = '${b.who.mobile}'`)[0], '1');
  const page = await b.client.get(b.location);
  assert.ok(page.text.includes(h.lang('Waitlist.Ended.closed')));
});

test('the hold window is the hospital\'s setting on the booking rules page', async () => {
  const office = await h.loggedIn('office');
  const form = await office.get('/office/booking-rules');
  assert.ok(form.text.includes('name="waitlist_hold_minutes"') && form.text.includes('value="30"'));
  const rules = { _csrf: h.csrfOf(form.text), no_show_limit: 3, no_show_window_days: 90, suspend_days: 30, max_active_per_mobile: 5 };
  const bad = await office.post('/office/booking-rules', { ...rules, waitlist_hold_minutes: 2 });
  assert.equal(bad.status, 422);
  assert.ok(bad.text.includes(h.fieldError('not_in_range', 'Rules.waitlist_hold_minutes', { min: 5, max: 240 })));
  assert.equal((await office.post('/office/booking-rules', { ...rules, waitlist_hold_minutes: 45 })).status, 303);
  const { session, slot } = freshSession(1);
  const a = await book(slot);
  const b = await join(session);
  await cancel(a);
  // held 45 minutes (the slot is days ahead, so the cut-off does not shorten it)
  assert.equal(one(`SELECT TIMESTAMPDIFF(MINUTE, offered_at, offer_expires_at) FROM waitlist_entries WHERE entry_no = '${b.no}'`)[0], '45');
  const page = await b.client.get(b.location);
  assert.match(page.text, /id="offer-until">\d{4}-\d{2}-\d{2} \d{2}:\d{2}</);
});

test('a change of time (改约) frees its old place for the waitlist, in the same transaction', async () => {
  const { session, slot } = freshSession(1);
  const a = await book(slot);
  const b = await join(session);
  // another free slot of the same doctor on another day, as the change
  // page offers it (before the cut-off)
  const [other] = one(`SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id
    WHERE cs.doctor_id = (SELECT doctor_id FROM clinic_sessions WHERE id = ${session}) AND cs.id <> ${session}
      AND cs.status = 'open' AND t.is_open = 1 AND t.booked < t.capacity
      AND t.starts_at > NOW() + INTERVAL 30 MINUTE
      AND cs.session_date BETWEEN CURDATE() + INTERVAL 1 DAY AND CURDATE() + INTERVAL 12 DAY
      AND cs.department_id <> 0 ORDER BY t.starts_at LIMIT 1`);
  const token = await a.client.csrf(`/booking/reschedule?no=${a.no}&t=${a.t}`);
  const res = await a.client.post('/booking/reschedule', { _csrf: token, no: a.no, t: a.t, slot: other });
  assert.equal(res.status, 303, (res.text.match(/class="error-summary[\s\S]{0,600}/) || [''])[0]);
  assert.deepEqual(entry(b.no), ['offered', String(slot)]);
  assert.equal(booked(slot), 1);
});
