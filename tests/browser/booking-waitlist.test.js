// Browser journeys at 390×844 with axe: a doctor's day strip with a full
// session, joining its waitlist (候补), the offer after a cancellation and
// its confirmation; the waiting-room queue (候诊叫号) on the booking page
// and the department's hall screen.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { BASE, sql } = require('../lib/portal');
const { useChromium, assertAccessible, assertFits, screenshot } = require('../lib/browser');

const one = (q) => sql(q)[0];
const { phone } = useChromium();

async function tapTo(page, locator, pathname) {
  const arrived = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() && new URL(f.url()).pathname === pathname });
  await locator.tap();
  await arrived;
  await page.waitForLoadState('load');
}
const key = (name) => Buffer.from(one(`SELECT value FROM app_secrets WHERE name = '${name}'`)[0], 'hex');
const mac = (k, msg) => crypto.createHmac('sha256', k).update(msg).digest('base64url').slice(0, 22);
const newNo = () => crypto.randomBytes(8).toString('hex').toUpperCase().replace(/[01]/g, '9').replace(/[^2-9A-HJ-NP-Z]/g, 'K').slice(0, 10);

function bookingIn(slot, name, mobile, status = 'booked') {
  const no = newNo();
  sql(`INSERT INTO bookings (confirmation_no, slot_id, session_id, department_id, session_date, period, person_key, patient_name, id_type, id_number, mobile, status, created_at, checked_in_at)
       SELECT '${no}', t.id, cs.id, cs.department_id, cs.session_date, cs.period, SHA2('${no}', 256), '${name}', 'passport', 'E${no.slice(0, 8)}', '${mobile}', '${status}', NOW(),
              IF('${status}' = 'checked_in', NOW(), NULL)
         FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id WHERE t.id = ${slot}`);
  sql(`UPDATE time_slots SET booked = booked + 1 WHERE id = ${slot}`);
  return no;
}

test('a full session: the day strip, joining the waitlist, the offer and its confirmation, at 390×844', async () => {
  // a session three days ahead with one open slot, taken by someone else
  const [session, doctor, day] = one(`SELECT cs.id, cs.doctor_id, DATE_FORMAT(cs.session_date, '%Y-%m-%d') FROM clinic_sessions cs
    WHERE cs.session_date = CURDATE() + INTERVAL 3 DAY AND cs.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.session_id = cs.id)
      AND NOT EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.session_id = cs.id)
      AND NOT EXISTS (SELECT 1 FROM clinic_sessions o WHERE o.doctor_id = cs.doctor_id AND o.session_date = cs.session_date AND o.id <> cs.id)
    ORDER BY RAND() LIMIT 1`);
  const [slot] = one(`SELECT MIN(id) FROM time_slots WHERE session_id = ${session}`);
  sql(`UPDATE time_slots SET is_open = IF(id = ${slot}, 1, 0), capacity = 1 WHERE session_id = ${session}`);
  const other = bookingIn(slot, '他人', '13911112222');
  await new Promise((r) => setTimeout(r, 1100));   // the page cache's second

  const { context, page } = await phone();
  // a patient of this run (a mobile holds at most a few active bookings)
  const mobile = `139${String(crypto.randomInt(1e7, 1e8))}`;
  const expires = Math.floor(Date.now() / 1000) + 3600;
  await context.addCookies([{ name: 'mobile_ok', value: `${mobile}.${expires}.${mac(key('verify'), `mobile:${mobile}:${expires}`)}`, url: BASE }]);
  await page.goto(`${BASE}/booking/doctors/${doctor}?day=${day}`);
  const current = page.locator('.day-strip a[aria-current="date"]');
  assert.equal(await current.count(), 1, 'the day shown is marked in the strip');
  assert.ok((await current.innerText()).includes(day.slice(5)));
  await assertFits(page, 'doctor page');
  await assertAccessible(page, 'doctor page with a full session');
  await screenshot(page, 'phone-waitlist-doctor');
  await tapTo(page, page.locator(`#waitlist-${session}`), `/booking/sessions/${session}/waitlist`);

  assert.equal((await page.locator('main h1').innerText()).trim(), '加入候补');
  await page.getByLabel('就诊人姓名', { exact: true }).fill('候补患者');
  await page.getByLabel('证件类型', { exact: true }).selectOption('passport');
  await page.getByLabel('证件号码', { exact: true }).fill(`E${mobile.slice(3)}`);
  await assertFits(page, 'waitlist form');
  await assertAccessible(page, 'waitlist form');
  await tapTo(page, page.getByRole('button', { name: '加入候补', exact: true }), '/booking/waitlist');
  assert.equal((await page.locator('#waitlist-position .big-number').innerText()).trim(), '1');
  await assertFits(page, 'waitlist entry');
  await assertAccessible(page, 'waitlist entry');
  await screenshot(page, 'phone-waitlist-entry');

  // the other patient cancels (the real procedure): the place is held for us
  sql(`CALL cancel_booking('${other}', 30)`);
  await page.reload();
  assert.ok(await page.locator('#waitlist-offer').isVisible());
  await assertAccessible(page, 'waitlist offer');
  await screenshot(page, 'phone-waitlist-offer');
  await tapTo(page, page.getByRole('button', { name: '确认预约', exact: true }), '/booking/booking');
  assert.equal((await page.locator('#booking-status').innerText()).trim(), '已预约');
  await assertFits(page, 'booking from the waitlist');
  await assertAccessible(page, 'booking from the waitlist');
  await context.close();
});

test('the queue on the booking page and the hall screen, at 390×844', async (t) => {
  // today's evening session of a doctor of its own, two patients checked in
  sql(`INSERT INTO doctors (department_id, name, title, specialty, intro) VALUES (1, '叫号演示', 'attending', '测试', '测试')`);
  const [doctorId] = one('SELECT MAX(id) FROM doctors');
  // removed again: other tests compare a department's page with all its doctors
  t.after(() => sql(`DELETE q FROM queue_tickets q JOIN clinic_sessions cs ON cs.id = q.session_id WHERE cs.doctor_id = ${doctorId};
       DELETE n FROM notification_outbox n JOIN bookings b ON b.id = n.booking_id JOIN clinic_sessions cs ON cs.id = b.session_id WHERE cs.doctor_id = ${doctorId};
       DELETE b FROM bookings b JOIN clinic_sessions cs ON cs.id = b.session_id WHERE cs.doctor_id = ${doctorId};
       DELETE t FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id WHERE cs.doctor_id = ${doctorId};
       DELETE FROM clinic_sessions WHERE doctor_id = ${doctorId}; DELETE FROM doctors WHERE id = ${doctorId}`));
  sql(`INSERT INTO clinic_sessions (doctor_id, department_id, session_date, period, clinic_type, fee_fen) VALUES (${doctorId}, 1, CURDATE(), 'evening', 'general', 500)`);
  const [session] = one(`SELECT id FROM clinic_sessions WHERE doctor_id = ${doctorId}`);
  sql(`INSERT INTO time_slots (session_id, starts_at, ends_at, capacity) VALUES (${session}, TIMESTAMP(CURDATE(), '00:01'), TIMESTAMP(CURDATE(), '23:59'), 5)`);
  const [slot] = one('SELECT MAX(id) FROM time_slots');
  const first = bookingIn(slot, '甲', '13933334444', 'checked_in');
  const mine = bookingIn(slot, '乙', '13933335555', 'checked_in');
  sql(`INSERT INTO queue_tickets (booking_id, session_id, queue_no, slot_starts_at, checked_in_at, order_at, state, called_at)
       SELECT b.id, b.session_id, IF(b.confirmation_no = '${first}', 1, 2), t.starts_at, NOW(), t.starts_at,
              IF(b.confirmation_no = '${first}', 'called', 'waiting'), IF(b.confirmation_no = '${first}', NOW(), NULL)
         FROM bookings b JOIN time_slots t ON t.id = b.slot_id WHERE b.confirmation_no IN ('${first}', '${mine}')`);

  const { context, page } = await phone();
  await page.goto(`${BASE}/booking/booking?no=${mine}&t=${mac(key('checkin'), `view:${mine}`)}`);
  assert.equal((await page.locator('#queue-no').innerText()).trim(), '2');
  assert.equal((await page.locator('#queue-current').innerText()).trim(), '1');
  assert.equal((await page.locator('#queue-ahead').innerText()).trim(), '0');
  await assertFits(page, 'booking page with the queue');
  await assertAccessible(page, 'booking page with the queue');
  await screenshot(page, 'phone-queue-booking');

  await page.goto(`${BASE}/booking/departments/1/queue`);
  assert.equal((await page.locator(`#screen-${session} .queue-number`).innerText()).trim(), '1');
  await assertFits(page, 'hall screen');
  // the hall screen reloads itself by design (a wall display nobody types
  // on, as the hospital asked: no JavaScript); axe's meta-refresh rule is
  // about pages a person reads and fills in, so it alone is left out here
  await assertAccessible(page, 'hall screen', { skipRules: ['meta-refresh'] });
  await screenshot(page, 'phone-queue-screen');
  // in large text (适老化大字版) too
  await context.addCookies([{ name: 'textsize', value: 'large', url: BASE }]);
  for (const p of [`/booking/booking?no=${mine}&t=${mac(key('checkin'), `view:${mine}`)}`, '/booking/departments/1/queue',
    `/booking/?q=${encodeURIComponent('孩子发烧')}`, `/booking/sessions/${session}/waitlist`]) {
    await page.goto(BASE + p);
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('text-large')));
    await assertFits(page, `${p} in large text`);
  }
  await context.close();
});
