// Booking's first step: the mobile proves itself with a code sent to it
// (短信验证码) through the notification outbox.  The code is read where the
// development transport delivers it (run/<instance>/logs/sms.log), as a
// patient reads it on the phone.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const SMS_LOG = path.join(h.ROOT, 'run', h.INSTANCE, 'logs', 'sms.log');
let mobileCounter = Math.floor(Math.random() * 1e6);
const newMobile = () => `158${String(Date.now() % 100000).padStart(5, '0')}${String(++mobileCounter % 1000).padStart(3, '0')}`;

function freshSlot() {
  return Number(h.sqlValue(
    "SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id" +
    " WHERE cs.session_date BETWEEN CURDATE() + INTERVAL 1 DAY AND CURDATE() + INTERVAL 12 DAY" +
    " AND cs.status = 'open' AND t.is_open = 1 AND t.booked < t.capacity ORDER BY RAND() LIMIT 1"));
}

// The codes texted to `mobile` so far, oldest first.
function codesSent(mobile) {
  const log = fs.existsSync(SMS_LOG) ? fs.readFileSync(SMS_LOG, 'utf8') : '';
  return log.split('\n').filter((l) => l.includes(` to=${mobile} `))
    .map((l) => (l.match(/验证码是(\d{6})/) || [])[1]).filter(Boolean);
}

// Waits for the n-th code texted to `mobile` (the sender polls every second).
async function nthCode(mobile, n) {
  const { value } = await h.waitFor(() => codesSent(mobile)[n - 1], { timeout: 8000, interval: 100 });
  assert.ok(value, `code ${n} for ${mobile} was texted`);
  return value;
}

const errorBeside = (html, field) => {
  const m = html.match(new RegExp(`id="f-${field}-error">[^]*?</p>`));
  return m ? m[0].replace(/<[^>]+>/g, '').replace(/^id="[^"]*">/, '') : null;
};

async function visitor(slot) {
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const page = await c.get(`/booking/slots/${slot}`);
  return { c, page, token: h.csrfOf(page.text) };
}

test('the slot page asks first for the mobile; the code comes by SMS, is stored only as a MAC, and proves the mobile', async () => {
  const slot = freshSlot();
  const { c, page, token } = await visitor(slot);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(h.lang('Verify.title')));
  assert.ok(page.text.includes(`>${h.lang('Verify.send')}</button>`));
  assert.ok(!page.text.includes('name="patient_name"'), 'no patient form before the mobile is proved');
  const mobile = newMobile();
  // typed as people type it: country code, spaces
  const typed = `+86 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`;
  const sent = await c.post('/booking/verify', { _csrf: token, slot, action: 'send', mobile: typed });
  assert.equal(sent.status, 200);
  assert.ok(sent.text.includes(`${h.lang('Verify.sent_prefix')} ${mobile.slice(0, 3)}****${mobile.slice(7)}`));
  assert.ok(sent.text.includes('name="code"'), 'the code field is shown');
  assert.ok(sent.text.includes(`value="${mobile}"`), 'the mobile is kept, as 11 digits');
  const code = await nthCode(mobile, 1);
  // what is kept: a MAC, never the code; the outbox message loses its code once delivered
  const [mac, attempts] = h.sql(`SELECT code_mac, attempts FROM verification_codes WHERE mobile = '${mobile}'`)[0];
  assert.ok(!mac.includes(code) && mac.length >= 43);
  assert.equal(attempts, '0');
  const { value: erased } = await h.waitFor(() => h.sqlValue(
    `SELECT params FROM notification_outbox WHERE kind = 'verify_code' AND mobile = '${mobile}' AND status = 'sent'`), { timeout: 5000 });
  assert.equal(erased, '{}', 'the delivered message keeps no code');

  const ok = await c.post('/booking/verify', { _csrf: token, slot, action: 'check', mobile, code });
  assert.equal(ok.status, 303);
  assert.equal(ok.location, `/booking/slots/${slot}`);
  assert.ok(c.cookies.get('mobile_ok').startsWith(`${mobile}.`));
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM verification_codes WHERE mobile = '${mobile}'`), '0', 'a right code is used up');
  const form = await c.get(`/booking/slots/${slot}`);
  assert.ok(form.text.includes('name="patient_name"'));
  assert.ok(form.text.includes(`${mobile.slice(0, 3)}****${mobile.slice(7)}`), 'the proved mobile, masked');
  // the booking is made for the proved mobile, whatever a form says
  const booked = await c.post(`/booking/slots/${slot}`, { _csrf: token, patient_name: '验证测试', id_type: 'passport',
    id_number: `V${String(Date.now() % 1e8).padStart(8, '0')}`, mobile: '13900000000' });
  assert.equal(booked.status, 303, errorBeside(booked.text, 'id_number') || String(booked.status));
  const no = new URL(booked.location, h.ORIGIN).searchParams.get('no');
  assert.equal(h.sqlValue(`SELECT mobile FROM bookings WHERE confirmation_no = '${no}'`), mobile);
  // 更换手机号 forgets the proof
  const forget = await c.post('/booking/verify', { _csrf: token, slot, action: 'forget' });
  assert.equal(forget.status, 303);
  assert.ok(!c.cookies.has('mobile_ok'));
});

test('a wrong code says how many tries are left; five wrong tries spend it; an expired code is refused', async () => {
  const slot = freshSlot();
  const { c, token } = await visitor(slot);
  const mobile = newMobile();
  assert.equal((await c.post('/booking/verify', { _csrf: token, slot, action: 'send', mobile })).status, 200);
  const code = await nthCode(mobile, 1);
  const wrong = code === '000000' ? '111111' : '000000';
  const first = await c.post('/booking/verify', { _csrf: token, slot, action: 'check', mobile, code: wrong });
  assert.equal(first.status, 422);
  assert.ok(errorBeside(first.text, 'code').includes(h.lang('Error.verify_code_wrong', { left: 4 })));
  assert.ok(first.text.includes(`value="${mobile}"`) && first.text.includes(`value="${wrong}"`), 'the form keeps what was typed');
  assert.ok(!c.cookies.has('mobile_ok'));
  const malformed = await c.post('/booking/verify', { _csrf: token, slot, action: 'check', mobile, code: '12ab' });
  assert.equal(malformed.status, 422);
  assert.ok(errorBeside(malformed.text, 'code').includes(h.lang('Error.verify_code_format')));
  for (let left = 3; left >= 1; left--) {
    const r = await c.post('/booking/verify', { _csrf: token, slot, action: 'check', mobile, code: wrong });
    assert.ok(errorBeside(r.text, 'code').includes(h.lang('Error.verify_code_wrong', { left })), `left ${left}`);
  }
  const last = await c.post('/booking/verify', { _csrf: token, slot, action: 'check', mobile, code: wrong });
  assert.ok(errorBeside(last.text, 'code').includes(h.lang('Error.verify_code_spent')));
  // spent: even the right code no longer works
  const late = await c.post('/booking/verify', { _csrf: token, slot, action: 'check', mobile, code });
  assert.equal(late.status, 422);
  assert.ok(errorBeside(late.text, 'code').includes(h.lang('Error.verify_code_expired')));
  assert.ok(!c.cookies.has('mobile_ok'));

  // a new code, left to expire (5 minutes, moved back here)
  const other = newMobile();
  assert.equal((await c.post('/booking/verify', { _csrf: token, slot, action: 'send', mobile: other })).status, 200);
  const otherCode = await nthCode(other, 1);
  h.sql(`UPDATE verification_codes SET expires_at = NOW() - INTERVAL 1 SECOND WHERE mobile = '${other}'`);
  const expired = await c.post('/booking/verify', { _csrf: token, slot, action: 'check', mobile: other, code: otherCode });
  assert.equal(expired.status, 422);
  assert.ok(errorBeside(expired.text, 'code').includes(h.lang('Error.verify_code_expired')));
});

test('ten parallel guesses of a code: only five are tried', async () => {
  const slot = freshSlot();
  const { c, token } = await visitor(slot);
  const mobile = newMobile();
  await c.post('/booking/verify', { _csrf: token, slot, action: 'send', mobile });
  const code = await nthCode(mobile, 1);
  const guesses = Array.from({ length: 10 }, (_, i) => String((Number(code) + 1 + i) % 1e6).padStart(6, '0'));
  const results = await Promise.all(guesses.map((g) => c.post('/booking/verify', { _csrf: token, slot, action: 'check', mobile, code: g })));
  assert.ok(results.every((r) => r.status === 422));
  assert.equal(h.sqlValue(`SELECT attempts FROM verification_codes WHERE mobile = '${mobile}'`), '5');
  assert.ok(results.filter((r) => errorBeside(r.text, 'code').includes(h.lang('Error.verify_code_expired'))).length >= 5,
    'the tries past five are refused without a comparison');
});

test('codes to one mobile: one a minute (429, Retry-After, until when), five a day; per address: ten an hour', async () => {
  const slot = freshSlot();
  const { c, token } = await visitor(slot);
  const mobile = newMobile();
  assert.equal((await c.post('/booking/verify', { _csrf: token, slot, action: 'send', mobile })).status, 200);
  const again = await c.post('/booking/verify', { _csrf: token, slot, action: 'send', mobile });
  assert.equal(again.status, 429);
  const retry = Number(again.headers.get('retry-after'));
  assert.ok(retry > 0 && retry <= 60, `Retry-After ${retry}`);
  const said = errorBeside(again.text, 'mobile');
  assert.ok(said.includes(h.lang('Limit.verify_mobile').split('请于')[0]), said);
  // today's time, or the date too when the block ends after midnight (sql/007)
  assert.match(said, /请于 (\d\d:\d\d:\d\d|\d{4}-\d\d-\d\d \d\d:\d\d) 后重新获取/);
  assert.ok(again.text.includes(`value="${mobile}"`), 'the mobile is kept');
  await nthCode(mobile, 1);
  assert.equal(codesSent(mobile).length, 1, 'the refused request sent nothing');
  // the minute passes (moved back here) four more times: five a day, then the day's limit
  const subject = (scope) => h.sha256hex(`${scope}\n${mobile}`);
  for (let i = 2; i <= 6; i++) {
    h.sql(`UPDATE rate_limits SET window_start = NOW() - INTERVAL 61 SECOND, blocked_until = NULL WHERE scope = 'verify.mobile' AND subject = '${subject('verify.mobile')}'`);
    const r = await c.post('/booking/verify', { _csrf: token, slot, action: 'send', mobile });
    if (i <= 5) assert.equal(r.status, 200, `code ${i}`);
    else {
      assert.equal(r.status, 429, 'the sixth of the day');
      assert.ok(errorBeside(r.text, 'mobile').includes(h.lang('Limit.verify_mobile_day').split('请于')[0]));
    }
  }
  // one address asking for codes for many mobiles is stopped after ten an hour
  const address = h.nextAddress();
  const sender = new h.Client(h.ORIGIN, { localAddress: address });
  const t = await sender.csrf(`/booking/slots/${slot}`);
  const statuses = [];
  for (let i = 0; i < 12; i++) statuses.push((await sender.post('/booking/verify', { _csrf: t, slot, action: 'send', mobile: newMobile() })).status);
  assert.deepEqual(statuses, [...Array(10).fill(200), 429, 429]);
});

test('booking without a proved mobile, or with a forged or expired proof, goes back to the verification step', async () => {
  const slot = freshSlot();
  const person = { patient_name: '未验证', id_type: 'passport', id_number: `N${String(Date.now() % 1e8).padStart(8, '0')}`, mobile: newMobile() };
  const before = h.sqlValue(`SELECT booked FROM time_slots WHERE id = ${slot}`);
  const proofs = [
    null,
    h.mobileProof(person.mobile).replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')),     // forged MAC
    h.mobileProof(person.mobile, Math.floor(Date.now() / 1000) - 5),                 // expired
    h.mobileProof(person.mobile).replace(person.mobile, newMobile()),                // another mobile
  ];
  for (const proof of proofs) {
    const { c, token } = await visitor(slot);
    if (proof) c.cookies.set('mobile_ok', proof);
    const res = await c.post(`/booking/slots/${slot}`, { _csrf: token, ...person });
    assert.equal(res.status, 422, `proof ${proof}`);
    assert.ok(res.text.includes(h.lang('Verify.needed')));
    assert.ok(res.text.includes(`>${h.lang('Verify.send')}</button>`));
  }
  assert.equal(h.sqlValue(`SELECT booked FROM time_slots WHERE id = ${slot}`), before);
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM bookings WHERE mobile = '${person.mobile}'`), '0');
});

test('a bad mobile is refused beside the field, before anything is sent', async () => {
  const slot = freshSlot();
  const { c, token } = await visitor(slot);
  for (const mobile of ['12345678901', '1380013800', '+1 650 555 0100', '']) {
    const res = await c.post('/booking/verify', { _csrf: token, slot, action: 'send', mobile });
    assert.equal(res.status, 422, mobile);
    assert.ok(errorBeside(res.text, 'mobile'), `message beside the mobile for "${mobile}"`);
  }
  // full-width digits from a Chinese input method are what they mean
  const mobile = newMobile();
  const fullWidth = [...mobile].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xFEE0)).join('');
  assert.equal((await c.post('/booking/verify', { _csrf: token, slot, action: 'send', mobile: fullWidth })).status, 200);
  await nthCode(mobile, 1);
  // no slot, or no token: nothing sent
  assert.equal((await c.post('/booking/verify', { _csrf: token, slot: 999999999, action: 'send', mobile: newMobile() })).status, 404);
  assert.equal((await c.post('/booking/verify', { slot, action: 'send', mobile: newMobile() })).status, 403);
});
