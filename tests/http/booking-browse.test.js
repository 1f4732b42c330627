// Finding a place to book: departments, a department's doctors with their
// next free dates, a doctor's week with free and full slots, the expert
// schedule table, money shown exactly, and what the public account may
// not touch.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const get = (p) => fetch(h.ORIGIN + p).then(async (res) => ({ status: res.status, text: await res.text(), headers: res.headers }));
const one = (q) => h.sql(q)[0];

test('the department list links every department of the demo hospital', async () => {
  const res = await get('/booking/');
  assert.equal(res.status, 200);
  const ids = h.sql('SELECT id, name FROM departments ORDER BY sort_order');
  assert.ok(ids.length >= 8, 'at least 8 departments');
  for (const [id, name] of ids) {
    assert.ok(res.text.includes(`href="/booking/departments/${id}"`), `link to ${name}`);
    assert.ok(res.text.includes(name));
  }
});

test('a department shows its doctors with title, specialty and next free dates', async () => {
  const [depId] = one("SELECT id FROM departments WHERE code = 'NEIKE'");
  const res = await get(`/booking/departments/${depId}`);
  assert.equal(res.status, 200);
  for (const [id, name] of h.sql(`SELECT id, name FROM doctors WHERE department_id = ${depId}`)) {
    assert.ok(res.text.includes(`href="/booking/doctors/${id}"`), name);
    assert.ok(res.text.includes(name));
  }
  assert.ok(res.text.includes('主任医师'));
  assert.match(res.text, /有号日期:\d\d-\d\d/);
  assert.equal((await get('/booking/departments/9999')).status, 404);
  assert.equal((await get('/booking/departments/abc')).status, 404);
});

test("a doctor's page shows a strip of days (有号 / 约满 / 停诊) and one day's sessions, fees in yuan and free places", async () => {
  // a slot of tomorrow made full in the database
  const [slotId, doctorId, sessionId] = one(
    "SELECT t.id, cs.doctor_id, cs.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id" +
    " WHERE cs.session_date = CURDATE() + INTERVAL 1 DAY AND cs.status = 'open' ORDER BY t.id LIMIT 1");
  const [fee, tomorrow] = one(`SELECT fee_fen, DATE_FORMAT(session_date, '%Y-%m-%d') FROM clinic_sessions WHERE id = ${sessionId}`);
  h.sql(`UPDATE time_slots SET booked = capacity WHERE id = ${slotId}`);
  try {
    const res = await get(`/booking/doctors/${doctorId}?day=${tomorrow}`);
    assert.equal(res.status, 200);
    const yuan = `${Math.floor(fee / 100)}.${String(fee % 100).padStart(2, '0')} 元`;
    assert.ok(res.text.includes(yuan), `fee ${yuan}`);
    assert.ok(res.text.includes('已满'));
    assert.ok(res.text.includes(`href="/booking/doctors/${doctorId}?day=${tomorrow}" aria-current="date"`), 'the day shown is marked');
    // only that day's sessions: every session heading names it
    const headings = [...res.text.matchAll(/<h3 id="session-\d+">(\d{4}-\d\d-\d\d)/g)].map((m) => m[1]);
    assert.ok(headings.length > 0 && headings.every((d) => d === tomorrow), `sessions of ${tomorrow} only: ${headings}`);
    // the strip: every day of the doctor's sessions in the next two weeks, with its state
    const days = h.sql(`SELECT DATE_FORMAT(session_date, '%Y-%m-%d') FROM clinic_sessions WHERE doctor_id = ${doctorId}
      AND session_date >= CURDATE() AND session_date < CURDATE() + INTERVAL 14 DAY GROUP BY session_date ORDER BY session_date`).map((r) => r[0]);
    const strip = [...res.text.matchAll(/class="day day-(free|full|stopped)" href="\/booking\/doctors\/\d+\?day=([\d-]+)"/g)].map((m) => m[2]);
    assert.deepEqual(strip, days);
    assert.match(res.text, /<span class="day-state">有号<\/span>/);
    // without a day: the first day with a free place
    const first = await get(`/booking/doctors/${doctorId}`);
    assert.equal(first.status, 200);
    assert.match(first.text, /aria-current="date"/);
    // a day that is not one of the doctor's, or not a date at all: not found
    for (const bad of ['2020-01-01', 'tomorrow', `${tomorrow}'`]) {
      assert.equal((await get(`/booking/doctors/${doctorId}?day=${encodeURIComponent(bad)}`)).status, 404, bad);
    }
    assert.equal((await get('/booking/doctors/99999')).status, 404);
  } finally {
    h.sql(`UPDATE time_slots SET booked = 0 WHERE id = ${slotId}`);
  }
});

test('a day whose every place is taken reads 约满, a day whose sessions are all stopped 停诊', async () => {
  const [doctorId, day] = one(`SELECT doctor_id, DATE_FORMAT(session_date, '%Y-%m-%d') FROM clinic_sessions
    WHERE session_date BETWEEN CURDATE() + INTERVAL 3 DAY AND CURDATE() + INTERVAL 10 DAY AND status = 'open'
    GROUP BY doctor_id, session_date HAVING COUNT(*) = 1 ORDER BY RAND() LIMIT 1`);
  const state = async () => (await get(`/booking/doctors/${doctorId}`)).text
    .match(new RegExp(`class="day day-(\\w+)" href="/booking/doctors/${doctorId}\\?day=${day}"`))[1];
  const slots = `SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id WHERE cs.doctor_id = ${doctorId} AND cs.session_date = '${day}'`;
  assert.equal(await state(), 'free');
  h.sql(`UPDATE time_slots SET booked = capacity WHERE id IN (SELECT id FROM (${slots}) s)`);
  try {
    assert.equal(await state(), 'full');
  } finally {
    h.sql(`UPDATE time_slots t SET booked = (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = t.id AND b.status IN ('booked', 'checked_in'))
           WHERE id IN (SELECT id FROM (${slots}) s)`);
  }
  h.sql(`UPDATE clinic_sessions SET status = 'stopped', stop_reason = '外出会诊' WHERE doctor_id = ${doctorId} AND session_date = '${day}'`);
  try {
    assert.equal(await state(), 'stopped');
    const page = await get(`/booking/doctors/${doctorId}?day=${day}`);
    assert.ok(page.text.includes('停诊:外出会诊'));
  } finally {
    h.sql(`UPDATE clinic_sessions SET status = 'open', stop_reason = NULL WHERE doctor_id = ${doctorId} AND session_date = '${day}'`);
  }
});

test("a doctor's page shows the photo the office set, else the surname in its place", async () => {
  const [id, name] = one("SELECT id, name FROM doctors WHERE active = 1 AND photo IS NULL ORDER BY RAND() LIMIT 1");
  const without = await get(`/booking/doctors/${id}`);
  assert.ok(without.text.includes(`<span class="doctor-photo doctor-initial" aria-hidden="true">${[...name][0]}</span>`));
  assert.ok(!without.text.includes('<img class="doctor-photo"'));
  h.sql(`UPDATE doctors SET photo = 'img/logo.svg' WHERE id = ${id}`);
  try {
    const withPhoto = await get(`/booking/doctors/${id}`);
    assert.ok(withPhoto.text.includes(`<img class="doctor-photo" src="/static/img/logo.svg" alt="${name}"`));
    assert.equal((await get('/static/img/logo.svg')).status, 200, 'the picture is served');
  } finally {
    h.sql(`UPDATE doctors SET photo = NULL WHERE id = ${id}`);
  }
});

test('a stopped session is shown as 停诊 with its reason, without slots', async () => {
  const [sessionId, doctorId, day] = one(
    "SELECT id, doctor_id, DATE_FORMAT(session_date, '%Y-%m-%d') FROM clinic_sessions WHERE session_date = CURDATE() + INTERVAL 2 DAY AND status = 'open' ORDER BY id LIMIT 1");
  h.sql(`UPDATE clinic_sessions SET status = 'stopped', stop_reason = '参加学术会议' WHERE id = ${sessionId}`);
  try {
    const res = await get(`/booking/doctors/${doctorId}?day=${day}`);
    assert.ok(res.text.includes('停诊:参加学术会议'));
  } finally {
    h.sql(`UPDATE clinic_sessions SET status = 'open', stop_reason = NULL WHERE id = ${sessionId}`);
  }
});

test('the expert schedule is a week table of doctors and half-days, and a list per day for phones', async () => {
  const [depId] = one("SELECT id FROM departments WHERE code = 'NEIKE'");
  const res = await get(`/booking/departments/${depId}/schedule`);
  assert.equal(res.status, 200);
  assert.ok(res.text.includes('专家门诊'));
  assert.equal((res.text.match(/<th scope="col">周/g) || []).length, 7, 'seven days');
  assert.ok(res.text.includes('上午'));
  const list = res.text.slice(res.text.indexOf('<div class="schedule-days">'), res.text.indexOf('<div class="table-wrap schedule-wide"'));
  assert.equal((list.match(/<h2>周/g) || []).length, 7, 'a heading per day');
  // every session of the week is in the list once, linking to its doctor's day
  const sessions = Number(h.sqlValue(`SELECT COUNT(*) FROM clinic_sessions cs JOIN doctors d ON d.id = cs.doctor_id
    WHERE cs.department_id = ${depId} AND d.active = 1 AND cs.session_date BETWEEN CURDATE() AND CURDATE() + INTERVAL 6 DAY`));
  assert.equal((list.match(/<li>/g) || []).length, sessions);
  assert.match(list, /href="\/booking\/doctors\/\d+\?day=\d{4}-\d\d-\d\d"/);
});

test('the demo schedule always covers today and the next 13 days', () => {
  const [days] = one('SELECT COUNT(DISTINCT session_date) FROM clinic_sessions WHERE session_date BETWEEN CURDATE() AND CURDATE() + INTERVAL 13 DAY');
  assert.equal(Number(days), 14, 'every day from today to 13 days ahead has sessions');
});

test('the database refuses a slot above its capacity', () => {
  const [slotId] = one('SELECT id FROM time_slots ORDER BY id DESC LIMIT 1');
  assert.throws(() => h.sql(`UPDATE time_slots SET booked = capacity + 1 WHERE id = ${slotId}`), /CONSTRAINT|check/i);
});

test('booking pages are cached for anonymous visitors like the other public pages', async () => {
  const res = await fetch(h.BASE + '/booking/');
  await res.text();
  const again = await fetch(h.BASE + '/booking/');
  await again.text();
  // through the page cache, whatever the moment: STALE and UPDATING are its
  // copy answered while a background update renders the page again
  assert.match(again.headers.get('x-cache') || '', /^(HIT|MISS|EXPIRED|STALE|UPDATING)$/);
});
