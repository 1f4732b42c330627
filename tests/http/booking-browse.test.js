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

test("a doctor's week shows sessions, fees in yuan and free places; a full slot says 已满", async () => {
  // a slot of tomorrow made full in the database
  const [slotId, doctorId, cap] = one(
    "SELECT t.id, cs.doctor_id, t.capacity FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id" +
    " WHERE cs.session_date = CURDATE() + INTERVAL 1 DAY AND cs.status = 'open' ORDER BY t.id LIMIT 1");
  const [fee] = one(`SELECT fee_fen FROM clinic_sessions cs JOIN time_slots t ON t.session_id = cs.id WHERE t.id = ${slotId}`);
  h.sql(`UPDATE time_slots SET booked = capacity WHERE id = ${slotId}`);
  try {
    const res = await get(`/booking/doctors/${doctorId}`);
    assert.equal(res.status, 200);
    const yuan = `${Math.floor(fee / 100)}.${String(fee % 100).padStart(2, '0')} 元`;
    assert.ok(res.text.includes(yuan), `fee ${yuan}`);
    assert.ok(res.text.includes('已满'));
    assert.match(res.text, /余号 [1-9]/);
    assert.ok(Number(cap) > 0);
    const next = await get(`/booking/doctors/${doctorId}?week=1`);
    assert.equal(next.status, 200);
    assert.equal((await get(`/booking/doctors/${doctorId}?week=2`)).status, 404);
    assert.equal((await get('/booking/doctors/99999')).status, 404);
  } finally {
    h.sql(`UPDATE time_slots SET booked = 0 WHERE id = ${slotId}`);
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
  const [sessionId, doctorId] = one(
    "SELECT id, doctor_id FROM clinic_sessions WHERE session_date = CURDATE() + INTERVAL 2 DAY AND status = 'open' ORDER BY id LIMIT 1");
  h.sql(`UPDATE clinic_sessions SET status = 'stopped', stop_reason = '参加学术会议' WHERE id = ${sessionId}`);
  try {
    const res = await get(`/booking/doctors/${doctorId}`);
    assert.ok(res.text.includes('停诊:参加学术会议'));
  } finally {
    h.sql(`UPDATE clinic_sessions SET status = 'open', stop_reason = NULL WHERE id = ${sessionId}`);
  }
});

test('the expert schedule is a week table of doctors and half-days', async () => {
  const [depId] = one("SELECT id FROM departments WHERE code = 'NEIKE'");
  const res = await get(`/booking/departments/${depId}/schedule`);
  assert.equal(res.status, 200);
  assert.ok(res.text.includes('专家门诊'));
  assert.equal((res.text.match(/<th scope="col">周/g) || []).length, 7, 'seven days');
  assert.ok(res.text.includes('上午'));
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
  assert.match(again.headers.get('x-cache') || '', /HIT|MISS|EXPIRED/);
});
