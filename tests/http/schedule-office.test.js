// The office publishes the schedule: a new session with its slots (fee
// typed in yuan, stored exactly in fen), a slot's capacity and whether it
// is open (never below what is booked), and a week copied forward - each
// audited, each refused cleanly when it cannot be done.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const one = (q) => h.sql(q)[0];

test('a new session gets its slots, its fee in exact fen, and is bookable publicly', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  // a doctor and a day 20 days ahead (beyond the demo schedule) that is free
  const [doctorId, date] = one(`SELECT d.id, CURDATE() + INTERVAL 20 DAY FROM doctors d WHERE NOT EXISTS
    (SELECT 1 FROM clinic_sessions cs WHERE cs.doctor_id = d.id AND cs.session_date = CURDATE() + INTERVAL 20 DAY AND cs.period = 'afternoon')
    ORDER BY RAND() LIMIT 1`);
  const form = { _csrf: office.token, doctor_id: doctorId, date, period: 'afternoon', clinic_type: 'specialist', fee: '12.5', slot_minutes: '15', capacity: '4' };
  const res = await office.post('/office/sessions/new', form);
  assert.equal(res.status, 303, res.text.slice(0, 200));
  assert.match(res.location, /done=created/);
  const [id, fee, type] = one(`SELECT id, fee_fen, clinic_type FROM clinic_sessions WHERE doctor_id = ${doctorId} AND session_date = '${date}' AND period = 'afternoon'`);
  assert.deepEqual([fee, type], ['1250', 'specialist']);
  // 14:00-17:30 in 15-minute slots
  assert.deepEqual(one(`SELECT COUNT(*), MIN(TIME(starts_at)), MAX(TIME(ends_at)), MIN(capacity), MAX(capacity) FROM time_slots WHERE session_id = ${id}`),
    ['14', '14:00:00', '17:30:00', '4', '4']);
  assert.equal(one(`SELECT COUNT(*) FROM audit_log WHERE entity = 'clinic_session' AND entity_id = ${id} AND action = 'create'`)[0], '1');
  // the same half-day twice: refused, nothing added
  const again = await office.post('/office/sessions/new', form);
  assert.equal(again.status, 409);
  assert.ok(again.text.includes(h.lang('Schedule.Refusal.session_exists')));
  assert.equal(one(`SELECT COUNT(*) FROM clinic_sessions WHERE doctor_id = ${doctorId} AND session_date = '${date}' AND period = 'afternoon'`)[0], '1');
  // the session's slot page
  const slots = await office.get(`/office/sessions/${id}`);
  assert.equal(slots.status, 200);
  assert.equal((slots.text.match(/action="\/office\/slots\/\d+"/g) || []).length, 14);
});

test('bad input for a new session is refused beside the fields, with what was typed kept', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const [doctorId] = one('SELECT id FROM doctors LIMIT 1');
  const res = await office.post('/office/sessions/new', {
    _csrf: office.token, doctor_id: doctorId, date: '2026-02-30', period: 'night', clinic_type: 'general',
    fee: '12.345', slot_minutes: '20', capacity: '0',
  });
  assert.equal(res.status, 422);
  assert.ok(res.text.includes(h.fieldError('not_a_choice', 'Schedule.period')), 'the period message');
  assert.ok(res.text.includes(h.fieldError('not_a_choice', 'Schedule.slot_minutes')), 'the slot length message');
  assert.ok(res.text.includes(h.fieldError('not_in_range', 'Schedule.capacity', { min: 1, max: 200 })), 'the capacity message');
  assert.ok(res.text.includes(h.fieldError('not_money', 'Schedule.fee')), 'the fee message');
  assert.ok(res.text.includes(h.fieldError('not_a_date', 'Schedule.date')), 'the date message');
  assert.ok(res.text.includes('value="12.345"'), 'the fee is kept as typed');
  const past = await office.post('/office/sessions/new', {
    _csrf: office.token, doctor_id: doctorId, date: '2020-01-06', period: 'morning', clinic_type: 'general', fee: '10', slot_minutes: '30', capacity: '5',
  });
  assert.equal(past.status, 422);
  assert.ok(past.text.includes(h.lang('Schedule.Refusal.session_invalid')));
});

test("a slot's capacity and opening change, audited; never below what is booked", async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const [slot] = one(`SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id
    WHERE cs.session_date > CURDATE() AND cs.status = 'open' AND t.booked = 0 ORDER BY RAND() LIMIT 1`);
  h.sql(`UPDATE time_slots SET booked = 2, capacity = 5 WHERE id = ${slot}`);
  try {
    const ok = await office.post(`/office/slots/${slot}`, { _csrf: office.token, capacity: '8' });
    assert.equal(ok.status, 303);
    assert.deepEqual(one(`SELECT capacity, is_open FROM time_slots WHERE id = ${slot}`), ['8', '0'], 'unticked: closed');
    const below = await office.post(`/office/slots/${slot}`, { _csrf: office.token, capacity: '1', is_open: '1' });
    assert.equal(below.status, 409);
    assert.deepEqual(one(`SELECT capacity, is_open FROM time_slots WHERE id = ${slot}`), ['8', '0']);
    assert.equal(one(`SELECT COUNT(*) FROM audit_log WHERE entity = 'time_slot' AND entity_id = ${slot}`)[0], '1');
    // a closed slot is shown, and refused, to the public
    const who = { patient_name: '关闭测试', id_type: 'passport', id_number: `C${Date.now() % 1e8}`, mobile: `135${String(Date.now() % 1e8).padStart(8, '0')}` };
    const c = h.patientClient(who);
    const token = await c.csrf(`/booking/slots/${slot}`);
    const res = await c.post(`/booking/slots/${slot}`, { _csrf: token, ...who });
    assert.equal(res.status, 409);
  } finally {
    h.sql(`UPDATE time_slots SET booked = 0, capacity = 5, is_open = 1 WHERE id = ${slot}`);
  }
});

test('a week is copied forward: sessions and slots, without touching half-days already planned', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  // the demo plans today..+13; copying the week from +7 fills +14..+20 where free
  const [from] = one('SELECT CURDATE() + INTERVAL 7 DAY');
  const before = Number(one('SELECT COUNT(*) FROM clinic_sessions WHERE session_date BETWEEN CURDATE() + INTERVAL 14 DAY AND CURDATE() + INTERVAL 20 DAY')[0]);
  const res = await office.post('/office/sessions/copy-week', { _csrf: office.token, from });
  assert.equal(res.status, 303);
  const sourceCount = Number(one(`SELECT COUNT(*) FROM clinic_sessions WHERE session_date BETWEEN '${from}' AND '${from}' + INTERVAL 6 DAY`)[0]);
  const after = Number(one('SELECT COUNT(*) FROM clinic_sessions WHERE session_date BETWEEN CURDATE() + INTERVAL 14 DAY AND CURDATE() + INTERVAL 20 DAY')[0]);
  assert.ok(after >= sourceCount && after >= before, `${before} -> ${after} (source ${sourceCount})`);
  // every copied session has the slots of its source
  const missing = one(`SELECT COUNT(*) FROM clinic_sessions src JOIN clinic_sessions dst ON dst.doctor_id = src.doctor_id
      AND dst.period = src.period AND dst.session_date = src.session_date + INTERVAL 7 DAY
    WHERE src.session_date BETWEEN '${from}' AND '${from}' + INTERVAL 6 DAY
      AND (SELECT COUNT(*) FROM time_slots WHERE session_id = dst.id) < (SELECT COUNT(*) FROM time_slots WHERE session_id = src.id)`)[0];
  assert.equal(missing, '0');
  // twice changes nothing more
  await office.post('/office/sessions/copy-week', { _csrf: office.token, from });
  assert.equal(Number(one('SELECT COUNT(*) FROM clinic_sessions WHERE session_date BETWEEN CURDATE() + INTERVAL 14 DAY AND CURDATE() + INTERVAL 20 DAY')[0]), after);
  assert.ok(Number(one("SELECT COUNT(*) FROM audit_log WHERE action = 'copy_week'")[0]) >= 2);
});

test("a published session's clinic type and fee are edited, audited, and shown to the public; bad input and stopped sessions are refused", async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const [doctorId, date] = one(`SELECT d.id, CURDATE() + INTERVAL 22 DAY FROM doctors d WHERE NOT EXISTS
    (SELECT 1 FROM clinic_sessions cs WHERE cs.doctor_id = d.id AND cs.session_date = CURDATE() + INTERVAL 22 DAY AND cs.period = 'morning')
    ORDER BY RAND() LIMIT 1`);
  const created = await office.post('/office/sessions/new', {
    _csrf: office.token, doctor_id: doctorId, date, period: 'morning', clinic_type: 'general', fee: '10', slot_minutes: '30', capacity: '3',
  });
  assert.equal(created.status, 303);
  const [id] = one(`SELECT id FROM clinic_sessions WHERE doctor_id = ${doctorId} AND session_date = '${date}' AND period = 'morning'`);
  // the form starts from what is published
  const page = await office.get(`/office/sessions/${id}`);
  assert.ok(page.text.includes('name="fee" type="text" value="10.00"'), 'the fee in yuan');
  assert.match(page.text, /<option value="general" selected>/);

  const ok = await office.post(`/office/sessions/${id}/edit`, { _csrf: office.token, clinic_type: 'expert', fee: '25.5' });
  assert.equal(ok.status, 303);
  assert.match(ok.location, new RegExp(`/office/sessions/${id}\\?done=edited`));
  assert.deepEqual(one(`SELECT clinic_type, fee_fen FROM clinic_sessions WHERE id = ${id}`), ['expert', '2550']);
  const [before, after] = one(`SELECT JSON_VALUE(before_json, '$.fee_fen'), JSON_VALUE(after_json, '$.fee_fen') FROM audit_log
    WHERE entity = 'clinic_session' AND entity_id = ${id} AND action = 'update' ORDER BY id DESC LIMIT 1`);
  assert.deepEqual([before, after], ['1000', '2550']);
  // the same values again: saved (not taken for a stopped session)
  assert.equal((await office.post(`/office/sessions/${id}/edit`, { _csrf: office.token, clinic_type: 'expert', fee: '25.50' })).status, 303);
  // the public booking form shows the new fee and type
  const [slot] = one(`SELECT id FROM time_slots WHERE session_id = ${id} LIMIT 1`);
  const form = await new h.Client(h.ORIGIN).get(`/booking/slots/${slot}`);
  assert.ok(form.text.includes('25.50'), 'the new fee on the booking form');

  // bad input: the message beside each field, what was typed kept, nothing changed
  const bad = await office.post(`/office/sessions/${id}/edit`, { _csrf: office.token, clinic_type: 'vip', fee: '-3' });
  assert.equal(bad.status, 422);
  assert.ok(bad.text.includes(h.fieldError('not_a_choice', 'Schedule.clinic_type')), 'the type message');
  assert.ok(bad.text.includes(h.fieldError('not_money', 'Schedule.fee')), 'the fee message');
  assert.ok(bad.text.includes('value="-3"'), 'the fee is kept as typed');
  assert.deepEqual(one(`SELECT clinic_type, fee_fen FROM clinic_sessions WHERE id = ${id}`), ['expert', '2550']);

  // unknown session; other roles
  assert.equal((await office.post('/office/sessions/999999999/edit', { _csrf: office.token, clinic_type: 'general', fee: '1' })).status, 404);
  const desk = await h.loggedIn('desk', h.ORIGIN);
  assert.equal((await desk.post(`/office/sessions/${id}/edit`, { _csrf: desk.token, clinic_type: 'general', fee: '1' })).status, 403);

  // a stopped session is not edited
  assert.equal((await office.post(`/office/sessions/${id}/stop`, { _csrf: office.token, reason: '编辑测试停诊' })).status, 303);
  const stopped = await office.post(`/office/sessions/${id}/edit`, { _csrf: office.token, clinic_type: 'general', fee: '1' });
  assert.equal(stopped.status, 409);
  assert.ok(stopped.text.includes(h.lang('Schedule.Refusal.session_stopped')));
  assert.deepEqual(one(`SELECT clinic_type, fee_fen FROM clinic_sessions WHERE id = ${id}`), ['expert', '2550']);
  h.sql("DELETE FROM notices WHERE category = 'stop_clinic' AND body LIKE '%编辑测试停诊%'");
});

test('the office sets the no-show rule: saved, audited, applied by the database; bad input refused beside the fields', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const page = await office.get('/office/booking-rules');
  assert.equal(page.status, 200);
  assert.ok(page.text.includes('name="no_show_limit" type="number" value="3"'), 'the rule in force');
  try {
    const ok = await office.post('/office/booking-rules', { _csrf: office.token, no_show_limit: '4', no_show_window_days: '120', suspend_days: '14', max_active_per_mobile: '5' });
    assert.equal(ok.status, 303);
    assert.deepEqual(one('SELECT no_show_limit, no_show_window_days, suspend_days FROM booking_rules'), ['4', '120', '14']);
    const [before, after] = one(`SELECT JSON_VALUE(before_json, '$.no_show_limit'), JSON_VALUE(after_json, '$.no_show_limit')
      FROM audit_log WHERE entity = 'booking_rules' ORDER BY id DESC LIMIT 1`);
    assert.deepEqual([before, after], ['3', '4']);
    const saved = await office.get(ok.location);
    assert.ok(saved.text.includes(h.lang('Rules.done_saved')));

    const bad = await office.post('/office/booking-rules', { _csrf: office.token, no_show_limit: '0', no_show_window_days: 'abc', suspend_days: '400', max_active_per_mobile: '5' });
    assert.equal(bad.status, 422);
    assert.ok(bad.text.includes(h.fieldError('not_in_range', 'Rules.no_show_limit', { min: 1, max: 20 })), 'the limit message');
    assert.ok(bad.text.includes(h.fieldError('not_in_range', 'Rules.suspend_days', { min: 0, max: 365 })), 'the suspension message');
    assert.ok(bad.text.includes('value="abc"'), 'what was typed is kept');
    assert.deepEqual(one('SELECT no_show_limit, no_show_window_days, suspend_days FROM booking_rules'), ['4', '120', '14']);

    const desk = await h.loggedIn('desk', h.ORIGIN);
    assert.equal((await desk.post('/office/booking-rules', { _csrf: desk.token, no_show_limit: '1', no_show_window_days: '1', suspend_days: '1' })).status, 403);
  } finally {
    h.sql('UPDATE booking_rules SET no_show_limit = 3, no_show_window_days = 90, suspend_days = 30');
  }
});
