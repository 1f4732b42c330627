// The recruitment call and the application form (志愿者申请表): every
// validation beside its field with the form kept, the age from the ID
// number, numbers as people type them, one open application per ID number
// (also when submitted at once), and the status lookup by application
// number and mobile with its limits.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');
const v = require('./volunteers-helpers.js');

after(() => h.sql("DELETE FROM rate_limits WHERE scope LIKE 'vol.%'"));

test('the recruitment call shows the services, who can apply and how, and links to the form', async () => {
  const res = await h.get(`${h.ORIGIN}/volunteers/`);
  assert.equal(res.status, 200);
  for (const text of ['导医导诊', '出入院直通车', '年满18周岁', h.lang('Vol.how_to_apply'), h.lang('Vol.open')])
    assert.ok(res.text.includes(text), text);
  assert.ok(res.text.includes('href="/volunteers/apply"'));
});

test('the form shows every field, the day × half-day grid and the whole commitment statement', async () => {
  const res = await h.get(`${h.ORIGIN}/volunteers/apply`);
  assert.equal(res.status, 200);
  const commitment = Buffer.from(h.sqlValue('SELECT HEX(commitment) FROM volunteer_call WHERE id = 1'), 'hex').toString('utf8');
  assert.ok(res.text.includes(h.escapeHtml(commitment)), 'the commitment in full');
  for (let i = 0; i < 14; i++) assert.ok(res.text.includes(`name="avail_${i}"`), `cell ${i}`);
  for (const f of ['name', 'id_number', 'mobile', 'email', 'address', 'occupation', 'political_status', 'health_ok',
    'health', 'svc_guide', 'svc_admission', 'svc_ward', 'svc_education', 'svc_theme', 'skills', 'lang_dialect',
    'lang_sign', 'languages', 'previous', 'emergency_name', 'emergency_relation', 'emergency_mobile', 'accept'])
    assert.ok(res.text.includes(`name="${f}"`), f);
  assert.ok(!/<script/i.test(res.text), 'no JavaScript');
});

test('an application typed as on a phone is stored normalised, with sex and birth date from the ID', async () => {
  const p = v.person();
  // full-width digits, spaces and a hyphen in the ID; +86 and hyphens in the mobile
  const fw = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xFF10 + Number(d)));
  const typedId = `${fw(p.id.slice(0, 6))} ${p.id.slice(6, 14)}-${p.id.slice(14)}`;
  const typedMobile = `+86 ${p.mobile.slice(0, 3)}-${p.mobile.slice(3, 7)}-${p.mobile.slice(7)}`;
  const a = await v.apply(v.application(p, { id_number: typedId, mobile: typedMobile, emergency_mobile: '0086 137 0000 2222' }));
  const [row] = h.sql(`SELECT id_number, mobile, emergency_mobile, sex, DATE_FORMAT(birth_date, '%Y%m%d'), availability,
                       services, HEX(languages), status, open_id_number FROM volunteer_applications WHERE id = ${a.id}`);
  const sex = Number(p.id[16]) % 2 ? 'male' : 'female';
  assert.deepEqual(row, [p.id, p.mobile, '13700002222', sex, p.id.slice(6, 14), '10000100000000', 'guide,ward',
    h.hex('方言、手语、英语'), 'submitted', p.id]);
  const page = await a.client.get(a.location);
  assert.ok(page.text.includes(h.lang('Vol.submitted_ok')));
  assert.ok(page.text.includes(`id="application-status">${h.lang('Vol.State.submitted')}<`));
  assert.ok(page.text.includes(`id="application-sex">${h.lang(`Vol.Sex.${sex}`)}<`), 'the sex derived from the ID is shown');
  const [msg] = v.messages(p.mobile);
  assert.equal(msg.kind, 'vol_submitted');
  assert.equal(msg.params.no, a.no);
});

test('a lower-case x and a Hong Kong, Macao or Taiwan residence permit are accepted', async () => {
  let p;
  do p = v.person(); while (!p.id.endsWith('X'));
  const a = await v.apply(v.application(p, { id_number: p.id.toLowerCase() }));
  assert.equal(h.sqlValue(`SELECT id_number FROM volunteer_applications WHERE id = ${a.id}`), p.id);
  for (const region of ['810000', '820000', '830000']) {
    const q = v.person();
    const id = v.idNumber(region, '19900101', Number(q.mobile.slice(-3)));
    const b = await v.apply(v.application({ id, mobile: q.mobile }));
    assert.equal(h.sqlValue(`SELECT id_number FROM volunteer_applications WHERE id = ${b.id}`), id);
  }
});

test('an empty form gets every required field\'s error beside it, and 422', async () => {
  const c = v.applicant();
  const res = await v.submit(c, {});
  assert.equal(res.status, 422);
  const expect = {
    name: h.fieldError('required', 'Vol.f_name'), id_number: h.fieldError('required', 'Vol.f_id_number'),
    mobile: h.fieldError('required', 'Vol.f_mobile'), email: h.fieldError('required', 'Vol.f_email'),
    address: h.fieldError('required', 'Vol.f_address'), occupation: h.fieldError('required', 'Vol.f_occupation'),
    health_ok: h.fieldError('must_tick', 'Vol.f_health_ok'), availability: h.lang('Error.vol_availability'),
    services: h.lang('Error.vol_services'), emergency_name: h.fieldError('required', 'Vol.f_em_name'),
    emergency_relation: h.fieldError('required', 'Vol.f_em_relation'),
    emergency_mobile: h.fieldError('required', 'Vol.f_em_mobile'), accept: h.fieldError('must_tick', 'Vol.f_accept'),
  };
  for (const [field, message] of Object.entries(expect)) assert.equal(v.errorBeside(res.text, field), message, field);
});

test('each invalid value is refused beside its field, everything typed is kept, nothing is stored', async () => {
  const p = v.person();
  const bad = p.id.slice(0, 17) + (p.id[17] === '0' ? '1' : '0');
  const cases = [
    ['id_number', bad, h.lang('Error.id_check_digit')],
    ['id_number', '12345', h.lang('Error.id_length')],
    ['mobile', '1234567', h.lang('Error.mobile_invalid')],
    ['email', 'li.example.com', h.lang('Error.vol_email')],
    ['emergency_mobile', '2345678901', h.lang('Error.mobile_invalid')],
    ['political_status', 'king', h.fieldError('not_a_choice', 'Vol.f_political')],
    ['name', '李'.repeat(40), h.fieldError('too_long', 'Vol.f_name', { max: 32 })],
    ['address', '路\u202E口', h.fieldError('control_chars', 'Vol.f_address')],
  ];
  for (const [field, value, message] of cases) {
    const c = v.applicant();
    const fields = v.application(p, { [field]: value, skills: '会<b>急救</b>' });
    const res = await v.submit(c, fields);
    assert.equal(res.status, 422, field);
    assert.equal(v.errorBeside(res.text, field), message, `${field}=${value}`);
    assert.ok(res.text.includes('value="市卫生学校学生"'), 'other fields kept');
    assert.ok(res.text.includes('会&lt;b&gt;急救&lt;/b&gt;'), 'a text area kept, escaped');
    assert.ok(/name="avail_5"[^>]* checked/.test(res.text), 'the grid kept');
    assert.ok(/name="svc_ward"[^>]* checked/.test(res.text), 'the services kept');
    if (field !== 'id_number') {
      const sex = h.lang(`Vol.Sex.${Number(p.id[16]) % 2 ? 'male' : 'female'}`);
      assert.ok(res.text.includes(`id="derived-sex">${h.lang('Vol.f_sex')}:${sex}<`), 'the sex from a valid ID is shown');
    }
  }
  // no half-day or no service ticked
  const none = v.application(p);
  delete none.avail_0; delete none.avail_5;
  const c = v.applicant();
  let res = await v.submit(c, none);
  assert.equal(v.errorBeside(res.text, 'availability'), h.lang('Error.vol_availability'));
  const noService = v.application(p);
  delete noService.svc_guide; delete noService.svc_ward;
  res = await v.submit(c, noService);
  assert.equal(v.errorBeside(res.text, 'services'), h.lang('Error.vol_services'));
  const noAccept = v.application(p);
  delete noAccept.accept;
  res = await v.submit(c, noAccept);
  assert.equal(v.errorBeside(res.text, 'accept'), h.fieldError('must_tick', 'Vol.f_accept'));
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM volunteer_applications WHERE id_number = '${p.id}'`), '0');
});

test('an applicant under 18 on the day of applying is refused; one who turns 18 today is accepted', async () => {
  const today = h.sqlValue("SELECT DATE_FORMAT(CURDATE() - INTERVAL 18 YEAR, '%Y%m%d')");
  const tomorrow = h.sqlValue("SELECT DATE_FORMAT(CURDATE() - INTERVAL 18 YEAR + INTERVAL 1 DAY, '%Y%m%d')");
  const p = v.person();
  const young = v.idNumber('370402', tomorrow, Number(p.mobile.slice(-3)));
  const res = await v.submit(v.applicant(), v.application({ id: young, mobile: p.mobile }));
  assert.equal(res.status, 422);
  assert.equal(v.errorBeside(res.text, 'id_number'), h.lang('Error.vol_under_18'));
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM volunteer_applications WHERE id_number = '${young}'`), '0');
  const adult = v.idNumber('370402', today, Number(p.mobile.slice(-3)));
  await v.apply(v.application({ id: adult, mobile: p.mobile }));
});

test('one open application per ID number, also when five are submitted at once', async () => {
  const p = v.person();
  const results = await Promise.all(Array.from({ length: 5 }, () => v.submit(v.applicant(), v.application(p))));
  const statuses = results.map((r) => r.status).sort();
  assert.deepEqual(statuses, [303, 409, 409, 409, 409]);
  const refused = results.find((r) => r.status === 409);
  assert.equal(v.errorBeside(refused.text, 'id_number'), h.lang('Error.vol_duplicate'));
  assert.ok(refused.text.includes('value="李志愿"'), 'the form kept');
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM volunteer_applications WHERE id_number = '${p.id}'`), '1');
});

test('the status page is reached by application number and mobile; a wrong one of either gets the same answer', async () => {
  const a = await v.apply();
  const c = v.applicant();
  let token = await c.csrf('/volunteers/status');
  let res = await c.post('/volunteers/status', { _csrf: token, no: a.no.toLowerCase(), mobile: a.fields.mobile });
  assert.equal(res.status, 303);
  assert.match(res.location, /^\/volunteers\/application\?t=/);
  const page = await c.get(res.location);
  assert.ok(page.text.includes(`id="application-no">${a.no}<`));
  const wrongMobile = await c.post('/volunteers/status', { _csrf: token, no: a.no, mobile: '13900000000' });
  const wrongNo = await c.post('/volunteers/status', { _csrf: token, no: 'V23456789A', mobile: a.fields.mobile });
  assert.equal(wrongMobile.status, 422);
  assert.equal(wrongNo.status, 422);
  assert.equal(v.errorBeside(wrongMobile.text, 'no'), h.lang('Error.vol_not_found'));
  assert.equal(v.errorBeside(wrongNo.text, 'no'), h.lang('Error.vol_not_found'));
  // an altered link opens nothing
  const altered = res.location.replace(/t=V/, 't=W');
  assert.equal((await c.get(altered)).status, 404);
});

test('failed lookups of one number are limited (5 in 15 minutes), then 429 with Retry-After', async () => {
  const a = await v.apply();
  const c = v.applicant();
  const token = await c.csrf('/volunteers/status');
  for (let i = 0; i < 5; i++) {
    const res = await c.post('/volunteers/status', { _csrf: token, no: a.no, mobile: '13900000000' });
    assert.equal(res.status, 422, `try ${i + 1}`);
  }
  const res = await c.post('/volunteers/status', { _csrf: token, no: a.no, mobile: a.fields.mobile });
  assert.equal(res.status, 429);
  assert.ok(Number(res.headers.get('retry-after')) > 0);
  assert.ok(v.errorBeside(res.text, 'no').startsWith(h.lang('Limit.vol_lookup_number').slice(0, 10)));
});

test('when the office closes the call the form says so and takes no application', async () => {
  const office = await h.loggedIn('volunteer');
  const setOpen = async (open, deadline = '') => {
    const token = await office.csrf('/office/volunteers/call');
    const [row] = h.sql('SELECT HEX(title), HEX(services), HEX(eligibility), HEX(how_to_apply), HEX(commitment) FROM volunteer_call WHERE id = 1')
      .map((r) => r.map((x) => Buffer.from(x, 'hex').toString('utf8')));
    const fields = { _csrf: token, title: row[0], services: row[1], eligibility: row[2], how_to_apply: row[3], commitment: row[4] };
    if (open) fields.is_open = '1';
    fields.deadline = deadline;
    const res = await office.post('/office/volunteers/call', fields);
    assert.equal(res.status, 303);
  };
  await setOpen(false);
  try {
    assert.ok((await h.get(`${h.ORIGIN}/volunteers/`)).text.includes(h.lang('Vol.closed')));
    const c = v.applicant();
    const token = await c.csrf('/volunteers/status');
    const res = await c.post('/volunteers/apply', { _csrf: token, ...v.application() });
    assert.equal(res.status, 409);
    assert.ok(res.text.includes(h.lang('Vol.closed')));
    assert.ok(!res.text.includes('name="accept"'), 'no form');
  } finally {
    await setOpen(true);
  }
  assert.ok((await h.get(`${h.ORIGIN}/volunteers/`)).text.includes(h.lang('Vol.open')));
  // open, but its deadline passed yesterday: closed too; today is the last day
  await setOpen(true, h.sqlValue("SELECT CURDATE() - INTERVAL 1 DAY"));
  try {
    assert.ok((await h.get(`${h.ORIGIN}/volunteers/apply`)).text.includes(h.lang('Vol.closed')));
    await setOpen(true, h.sqlValue('SELECT CURDATE()'));
    const page = await h.get(`${h.ORIGIN}/volunteers/`);
    assert.ok(page.text.includes(h.sqlValue('SELECT CURDATE()')), 'the deadline is shown');
    assert.ok((await h.get(`${h.ORIGIN}/volunteers/apply`)).text.includes('name="accept"'));
  } finally {
    await setOpen(true);
  }
  const [b, a] = h.sql(`SELECT JSON_EXTRACT(before_json, '$.is_open'), JSON_EXTRACT(after_json, '$.is_open')
                        FROM audit_log WHERE entity = 'volunteer_call' AND username = '${office.user.username}' ORDER BY id`)[0];
  assert.deepEqual([b, a], ['1', '0'], 'closing the call is audited');
});
