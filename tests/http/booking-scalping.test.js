// Booking cannot be scalped (号贩子), and a booking cannot be found by
// guessing: a proved mobile holds only a few active bookings (the hospital's
// setting), booking POSTs are limited per address, and lookups are limited
// per address and per confirmation number.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const nextPerson = h.patients('黄牛测试', '440106', '186');
const one = (q) => h.sql(q)[0];

after(() => h.sql('UPDATE booking_rules SET max_active_per_mobile = 5'));

// `n` free slots of different sessions, tomorrow or later.
function freeSlots(n) {
  return h.sql(
    "SELECT MIN(t.id) FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id" +
    " WHERE cs.session_date BETWEEN CURDATE() + INTERVAL 1 DAY AND CURDATE() + INTERVAL 12 DAY" +
    " AND cs.status = 'open' AND t.is_open = 1 AND t.booked < t.capacity" +
    ` GROUP BY cs.id ORDER BY RAND() LIMIT ${n}`).map((r) => Number(r[0]));
}

// A script's request: one proved mobile, a made-up passport each time.
const scriptStart = Date.now();
const madeUp = (i) => ({ patient_name: '张三', id_type: 'passport', id_number: `E${String((scriptStart + i * 7919) % 1e8).padStart(8, '0')}` });

test('a script with one proved mobile and made-up passports books the hospital\'s limit (5) and no more', async () => {
  const slots = freeSlots(8);
  assert.equal(slots.length, 8);
  const mobile = nextPerson().mobile;
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  c.cookies.set('mobile_ok', h.mobileProof(mobile));
  const token = await c.csrf(`/booking/slots/${slots[0]}`);
  const results = [];
  for (let i = 0; i < slots.length; i++) results.push(await c.post(`/booking/slots/${slots[i]}`, { _csrf: token, ...madeUp(i) }));
  assert.deepEqual(results.map((r) => r.status), [303, 303, 303, 303, 303, 409, 409, 409]);
  const message = h.lang('Booking.Refusal.mobile_limit', { max_active: 5 });
  assert.ok(results[5].text.includes(h.escapeHtml(message)), message);
  assert.ok(results[5].text.includes(`value="${madeUp(5).id_number}"`), 'the form keeps what was typed');
  assert.equal(one(`SELECT COUNT(*) FROM bookings WHERE mobile = '${mobile}' AND status = 'booked'`)[0], '5');
  // cancelling one gives room for one more
  const first = new URL(results[0].location, h.ORIGIN).searchParams;
  const page = await c.get(results[0].location);
  assert.equal((await c.post('/booking/cancel', { _csrf: h.csrfOf(page.text), no: first.get('no'), t: first.get('t') })).status, 303);
  assert.equal((await c.post(`/booking/slots/${slots[5]}`, { _csrf: token, ...madeUp(5) })).status, 303);
  assert.equal((await c.post(`/booking/slots/${slots[6]}`, { _csrf: token, ...madeUp(6) })).status, 409);
});

test('eight bookings at once for one mobile still end with five', async () => {
  const slots = freeSlots(8);
  const mobile = nextPerson().mobile;
  const clients = await Promise.all(slots.map(async (slot) => {
    const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
    c.cookies.set('mobile_ok', h.mobileProof(mobile));
    return { c, slot, token: await c.csrf(`/booking/slots/${slot}`) };
  }));
  const results = await Promise.all(clients.map(({ c, slot, token }, i) => c.post(`/booking/slots/${slot}`, { _csrf: token, ...madeUp(100 + i) })));
  assert.equal(results.filter((r) => r.status === 303).length, 5, `statuses ${results.map((r) => r.status)}`);
  assert.equal(results.filter((r) => r.status === 409).length, 3);
  assert.equal(one(`SELECT COUNT(*) FROM bookings WHERE mobile = '${mobile}' AND status = 'booked'`)[0], '5');
});

test('the office sets the limit on the booking rules page (audited), and it applies to the next booking', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const page = await office.get('/office/booking-rules');
  assert.ok(page.text.includes('name="max_active_per_mobile"') && page.text.includes('value="5"'));
  const bad = await office.post('/office/booking-rules', { _csrf: office.token, no_show_limit: 3, no_show_window_days: 90, suspend_days: 30, max_active_per_mobile: 0 });
  assert.equal(bad.status, 422);
  assert.ok(bad.text.includes(h.fieldError('not_in_range', 'Rules.max_active_per_mobile', { min: 1, max: 50 })));
  const saved = await office.post('/office/booking-rules', { _csrf: office.token, no_show_limit: 3, no_show_window_days: 90, suspend_days: 30, max_active_per_mobile: 1 });
  assert.equal(saved.status, 303);
  assert.equal(h.sqlValue("SELECT JSON_VALUE(after_json, '$.max_active_per_mobile') FROM audit_log WHERE entity = 'booking_rules' ORDER BY id DESC LIMIT 1"), '1');
  try {
    const [a, b] = freeSlots(2);
    const mobile = nextPerson().mobile;
    const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
    c.cookies.set('mobile_ok', h.mobileProof(mobile));
    const token = await c.csrf(`/booking/slots/${a}`);
    assert.equal((await c.post(`/booking/slots/${a}`, { _csrf: token, ...madeUp(200) })).status, 303);
    const refused = await c.post(`/booking/slots/${b}`, { _csrf: token, ...madeUp(201) });
    assert.equal(refused.status, 409);
    assert.ok(refused.text.includes(h.escapeHtml(h.lang('Booking.Refusal.mobile_limit', { max_active: 1 }))));
  } finally {
    h.sql('UPDATE booking_rules SET max_active_per_mobile = 5');
  }
});

test('booking POSTs from one address: 30 in 10 minutes, then 429 with Retry-After, what was typed kept', async () => {
  const [slot] = freeSlots(1);
  const address = h.nextAddress();
  const c = new h.Client(h.ORIGIN, { localAddress: address });
  c.cookies.set('mobile_ok', h.mobileProof(nextPerson().mobile));
  const token = await c.csrf(`/booking/slots/${slot}`);
  // a script posting forms that are refused still uses up the address's quota
  for (let i = 0; i < 30; i++) {
    const r = await c.post(`/booking/slots/${slot}`, { _csrf: token, patient_name: '', id_type: 'passport', id_number: 'E12345678' });
    assert.equal(r.status, 422, `post ${i + 1}`);
  }
  const limited = await c.post(`/booking/slots/${slot}`, { _csrf: token, patient_name: '李四', id_type: 'passport', id_number: 'E87654321' });
  assert.equal(limited.status, 429);
  const retry = Number(limited.headers.get('retry-after'));
  assert.ok(retry > 0 && retry <= 600, `Retry-After ${retry}`);
  assert.ok(limited.text.includes(h.lang('Limit.booking_client').split('请于')[0]));
  // today's time, or the date too when the block ends after midnight (sql/007)
  assert.match(limited.text, /请于 (\d\d:\d\d:\d\d|\d{4}-\d\d-\d\d \d\d:\d\d) 后再试/);
  assert.ok(limited.text.includes('value="李四"') && limited.text.includes('value="E87654321"'), 'the form is kept');
  assert.equal(h.sqlValue("SELECT COUNT(*) FROM bookings WHERE id_number = 'E87654321'"), '0');
  // another address is not affected
  const other = h.patientClient(nextPerson());
  const t2 = await other.csrf(`/booking/slots/${slot}`);
  assert.equal((await other.post(`/booking/slots/${slot}`, { _csrf: t2, ...nextPerson() })).status, 303);
});

// A booking to look up, and a client at an address of its own.
async function madeBooking() {
  const person = nextPerson();
  const [slot] = freeSlots(1);
  const c = h.patientClient(person);
  const token = await c.csrf(`/booking/slots/${slot}`);
  const res = await c.post(`/booking/slots/${slot}`, { _csrf: token, ...person });
  assert.equal(res.status, 303);
  return { person, no: new URL(res.location, h.ORIGIN).searchParams.get('no'), location: res.location };
}

async function lookup(address, no, mobile) {
  const c = new h.Client(h.ORIGIN, { localAddress: address });
  const token = await c.csrf('/booking/lookup');
  return c.post('/booking/lookup', { _csrf: token, no, mobile });
}
const errorText = (html) => (html.match(/id="f-no-error">[^]*?<\/p>/) || [''])[0].replace(/<[^>]+>/g, '');

test('lookup: five failures for one number, from anywhere, hold that number back; an unknown number alike, so nothing tells which exist', async () => {
  const { person, no, location } = await madeBooking();
  // a number nobody has (numbers never use 0, 1, O or I), new on every run
  const unknown = `ZZ${String(Date.now()).slice(-8)}`.replace(/[01]/g, 'Z');
  for (const number of [no, unknown]) {
    for (let i = 0; i < 5; i++) {
      const wrong = await lookup(h.nextAddress(), number, `139${String(10000000 + i)}`);
      assert.equal(wrong.status, 422, `${number} try ${i + 1}`);
      assert.ok(errorText(wrong.text).includes(h.lang('Error.booking_not_found')));
    }
  }
  const real = await lookup(h.nextAddress(), no, person.mobile);
  const fake = await lookup(h.nextAddress(), unknown, person.mobile);
  for (const res of [real, fake]) {
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.ok(errorText(res.text).includes(h.lang('Limit.lookup_number').split('请于')[0]));
  }
  assert.equal(errorText(real.text).replace(/\d\d:\d\d:\d\d/, 'T').replace(/\d+ 秒|\d+ 分钟/, 'W'),
    errorText(fake.text).replace(/\d\d:\d\d:\d\d/, 'T').replace(/\d+ 秒|\d+ 分钟/, 'W'), 'the same answer for both');
  // when the wait is over the patient finds it, and that is forgiven
  h.sql(`UPDATE rate_limits SET blocked_until = NULL, hits = 0 WHERE scope = 'lookup.number' AND subject = '${h.sha256hex(`lookup.number\n${no}`)}'`);
  const found = await lookup(h.nextAddress(), no, person.mobile);
  assert.equal(found.status, 303);
  assert.equal(found.location, location);
});

test('lookup: twenty failures from one address hold that address back; others still look up; a success is forgiven', async () => {
  const { person, no } = await madeBooking();
  const address = h.nextAddress();
  // a success first: given back, it does not count
  assert.equal((await lookup(address, no, person.mobile)).status, 303);
  // numbers of this run alone: each is also counted per number, and a run
  // before this one on the same instance may have held them back
  const prefix = Array.from({ length: 4 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ'[Math.floor(Math.random() * 24)]).join('');
  for (let i = 0; i < 20; i++) {
    const number = `${prefix}${String(100000 + i)}`;
    assert.equal((await lookup(address, number, '13900000000')).status, 422, `try ${i + 1}`);
  }
  const held = await lookup(address, no, person.mobile);
  assert.equal(held.status, 429);
  assert.ok(errorText(held.text).includes(h.lang('Limit.lookup_client').split('请于')[0]));
  assert.ok(held.text.includes(`value="${no}"`), 'what was typed is kept');
  assert.equal((await lookup(h.nextAddress(), no, person.mobile)).status, 303, 'another address is not affected');
});
