// Numbers as people type them, in the core for every form (fields.c,
// identity.c), tried on booking's form as well as the volunteers' (whose
// own cases are in volunteers-apply.test.js): a resident ID with hyphens
// or spaces between its groups and a lower-case x, and a Taiwan resident's
// residence permit (83...).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');
const v = require('./volunteers-helpers.js');

function freshSlot() {
  const [[id]] = h.sql(
    "SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id" +
    " WHERE cs.session_date BETWEEN CURDATE() + INTERVAL 1 DAY AND CURDATE() + INTERVAL 12 DAY" +
    " AND cs.status = 'open' AND t.is_open = 1 AND t.booked < t.capacity ORDER BY RAND() LIMIT 1");
  return Number(id);
}

async function book(idNumber, mobile) {
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  c.cookies.set('mobile_ok', h.mobileProof(mobile));
  const slot = freshSlot();
  const token = await c.csrf(`/booking/slots/${slot}`);
  return c.post(`/booking/slots/${slot}`, { _csrf: token, patient_name: '输入测试', id_type: 'resident_id', id_number: idNumber });
}

test('booking takes a resident ID typed with hyphens, spaces and a lower-case x, and stores its 18 characters', async () => {
  let p;
  do p = v.person(); while (!p.id.endsWith('X'));
  const typed = `${p.id.slice(0, 6)}-${p.id.slice(6, 14)} ${p.id.slice(14).toLowerCase()}`;
  const res = await book(typed, p.mobile);
  assert.equal(res.status, 303, `${typed}: ${res.status}`);
  const no = new URL(res.location, h.ORIGIN).searchParams.get('no');
  assert.equal(h.sqlValue(`SELECT id_number FROM bookings WHERE confirmation_no = '${no}'`), p.id);
});

test('booking takes the residence permit of a Taiwan resident (83...) as a resident ID', async () => {
  const p = v.person();
  const permit = v.idNumber('830000', '19880808', Number(p.mobile.slice(-3)));
  const res = await book(permit, p.mobile);
  assert.equal(res.status, 303, `${permit}: ${res.status}`);
  const no = new URL(res.location, h.ORIGIN).searchParams.get('no');
  assert.deepEqual(h.sql(`SELECT id_type, id_number FROM bookings WHERE confirmation_no = '${no}'`)[0], ['resident_id', permit]);
});
