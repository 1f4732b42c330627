// Answering surveys: the open public survey (required questions checked
// beside the question, answers kept, bad values refused, limited per
// address), a closed survey, invitations queued by the desk's check-in
// (next day, once per visit, once a week per mobile) and spent once (also
// when sent twice at the same moment), the booking's page offering the
// survey, the office's phone follow-up counted apart; responses store no
// name or mobile.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./helpers.js');

const one = (q) => h.sql(q)[0];
const OPD = Number(h.sqlValue("SELECT id FROM surveys WHERE code = 'OPD' AND status = 'active' ORDER BY version DESC LIMIT 1"));

function questions(id) {
  return h.sql(`SELECT id, kind, required FROM survey_questions WHERE survey_id = ${id} ORDER BY position`)
    .map(([qid, kind, req]) => ({ id: Number(qid), kind, required: req === '1' }));
}
// A full set of answers: every rating `rating`, the first choice, a text.
function answers(id, rating = 5, text = '') {
  const out = {};
  for (const q of questions(id)) {
    if (q.kind === 'rating') out[`q${q.id}`] = String(rating);
    else if (q.kind === 'single') out[`q${q.id}`] = '1';
    else if (q.kind === 'multiple') out[`q${q.id}_1`] = '1';
    else if (text) out[`q${q.id}`] = text;
  }
  return out;
}
const responses = (id) => Number(h.sqlValue(`SELECT COUNT(*) FROM survey_responses WHERE survey_id = ${id}`));

test('the open outpatient survey: one phone page of fieldsets, every required question checked beside it, the answers kept', async () => {
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const list = await c.get('/surveys/');
  assert.equal(list.status, 200);
  assert.ok(list.text.includes(`href="/surveys/${OPD}"`));
  const page = await c.get(`/surveys/${OPD}`);
  assert.equal(page.status, 200);
  const qs = questions(OPD);
  const ratings = qs.filter((q) => q.kind === 'rating');
  assert.equal((page.text.match(/<fieldset/g) || []).length, qs.filter((q) => q.kind !== 'text').length);
  assert.equal((page.text.match(/type="radio"/g) || []).length, ratings.length * 5 + 4);
  assert.ok(page.text.includes(h.lang('Surveys.Rating.5')));
  const before = responses(OPD);
  // the first two answered, the rest left out
  const partial = { _csrf: h.csrfOf(page.text), [`q${ratings[0].id}`]: '4', [`q${ratings[1].id}`]: '2' };
  const res = await c.post(`/surveys/${OPD}`, partial);
  assert.equal(res.status, 422);
  const said = res.text.split(h.lang("Surveys.Error.rate")).length - 1;
  assert.equal(said, (ratings.length - 2) * 2); // in the summary and beside each
  assert.match(res.text, new RegExp(`id="f-q${ratings[0].id}-4" name="q${ratings[0].id}" value="4" checked`));
  assert.match(res.text, new RegExp(`id="f-q${ratings[1].id}-2" name="q${ratings[1].id}" value="2" checked`));
  assert.ok(res.text.includes(`id="f-q${ratings[2].id}-error"`));
  assert.equal(responses(OPD), before);
});

test('values a question does not offer are refused: a rating of 6 or 0, a choice that is not there, text with control characters', async () => {
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const token = await c.csrf(`/surveys/${OPD}`);
  const qs = questions(OPD);
  const r1 = qs.find((q) => q.kind === 'rating'), single = qs.find((q) => q.kind === 'single'), text = qs.find((q) => q.kind === 'text');
  const before = responses(OPD);
  for (const [name, value] of [[`q${r1.id}`, '6'], [`q${r1.id}`, '0'], [`q${r1.id}`, '4.5'], [`q${single.id}`, '9'], [`q${text.id}`, 'a\u202Eb']]) {
    const res = await c.post(`/surveys/${OPD}`, { _csrf: token, ...answers(OPD), [name]: value });
    assert.equal(res.status, 422, `${name}=${value}`);
    assert.ok(res.text.includes(`id="f-${name}-error"`), `${name}=${value}`);
  }
  assert.equal(responses(OPD), before);
  // a whole, valid response is stored, with nothing about the person
  const ok = await c.post(`/surveys/${OPD}`, { _csrf: token, ...answers(OPD, 4, `候诊区座位不够 ${h.uniq()}`) });
  assert.equal(ok.status, 303);
  assert.equal(ok.location, '/surveys/thanks');
  assert.equal(responses(OPD), before + 1);
  const cols = h.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = 'portal' AND table_name IN ('survey_responses', 'survey_answers')").map((r) => r[0]);
  for (const c2 of cols) assert.doesNotMatch(c2, /name|mobile|phone|booking|invitation|ip/i);
  assert.equal(one(`SELECT channel FROM survey_responses WHERE survey_id = ${OPD} ORDER BY id DESC LIMIT 1`)[0], 'web');
});

test('an open survey is limited per address (rate rule survey.client): the 31st answer in an hour is refused, its answers kept', async () => {
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const token = await c.csrf(`/surveys/${OPD}`);
  const [, max] = one("SELECT scope, max_hits FROM rate_rules WHERE scope = 'survey.client'");
  for (let i = 0; i < Number(max); i++) {
    const res = await c.post(`/surveys/${OPD}`, { _csrf: token, ...answers(OPD, 3) });
    assert.equal(res.status, 303, `answer ${i + 1}`);
  }
  const r1 = questions(OPD).find((q) => q.kind === 'rating');
  const refused = await c.post(`/surveys/${OPD}`, { _csrf: token, ...answers(OPD, 3) });
  assert.equal(refused.status, 429);
  assert.ok(Number(refused.headers.get('retry-after')) > 0);
  assert.ok(refused.text.includes('您当前的网络地址提交问卷过于频繁'));
  assert.match(refused.text, new RegExp(`name="q${r1.id}" value="3" checked`));
});

test('a survey without questions is not listed and takes no answers', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const created = await office.post('/office/surveys/new', { _csrf: office.token, title: `空问卷 ${h.uniq()}`, audience: 'volunteer',
    opens_on: h.dbTime().slice(0, 10), closes_on: h.dbTime('+ INTERVAL 9 DAY').slice(0, 10), is_public: '1' });
  const id = Number(created.location.match(/surveys\/(\d+)/)[1]);
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  assert.ok(!(await c.get('/surveys/')).text.includes(`href="/surveys/${id}"`));
  assert.equal((await c.get(`/surveys/${id}`)).status, 410);
  assert.equal((await office.post(`/office/surveys/${id}/followup`, { _csrf: office.token })).status, 409);
  assert.equal(responses(id), 0);
});

test('a closed survey cannot be opened or answered', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const created = await office.post('/office/surveys/new', { _csrf: office.token, title: `已结束 ${h.uniq()}`, audience: 'outpatient',
    opens_on: h.dbTime('- INTERVAL 30 DAY').slice(0, 10), closes_on: h.dbTime('- INTERVAL 1 DAY').slice(0, 10), is_public: '1' });
  assert.equal(created.status, 303);
  const id = Number(created.location.match(/surveys\/(\d+)/)[1]);
  const add = await office.post(`/office/surveys/${id}/questions`, { _csrf: office.token, kind: 'rating', prompt: '总体满意度', required: '1' });
  assert.equal(add.status, 303);
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const page = await c.get(`/surveys/${id}`);
  assert.equal(page.status, 410);
  assert.ok(page.text.includes(h.lang('Surveys.Refused.closed')));
  const token = await c.csrf(`/surveys/${OPD}`);
  const res = await c.post(`/surveys/${id}`, { _csrf: token, ...answers(id) });
  assert.equal(res.status, 410);
  assert.equal(responses(id), 0);
  assert.ok(!(await c.get('/surveys/')).text.includes(`href="/surveys/${id}"`));
});

// ---- invitations after a visit ----

const person = h.patients('评价测试', '310104', '139');

async function bookToday(who) {
  const [slot] = one(`SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id WHERE cs.session_date = CURDATE() + INTERVAL 9 DAY
                      AND cs.status = 'open' AND t.is_open = 1 AND t.booked < t.capacity ORDER BY RAND() LIMIT 1`);
  const c = h.patientClient(who);
  const token = await c.csrf(`/booking/slots/${slot}`);
  const res = await c.post(`/booking/slots/${slot}`, { _csrf: token, ...who });
  assert.equal(res.status, 303, `booking: ${res.status}`);
  const no = new URL(res.location, h.ORIGIN).searchParams.get('no');
  h.sql(`UPDATE bookings SET session_date = CURDATE() WHERE confirmation_no = '${no}'`);
  return { client: c, no, location: res.location };
}

async function checkIn(desk, no) {
  const token = await desk.csrf('/office/desk');
  const res = await desk.post('/office/desk/checkin', { _csrf: token, code: no });
  assert.equal(res.status, 200, `check-in ${no}`);
}

function invitationOf(no) {
  const rows = h.sql(`SELECT o.kind, DATE_FORMAT(o.next_attempt_at, '%Y-%m-%d %H:%i') = DATE_FORMAT(CURDATE() + INTERVAL 1 DAY, '%Y-%m-%d 10:00'),
    JSON_VALUE(o.params, '$.link'), o.mobile FROM notification_outbox o WHERE o.idempotency_key = 'survey_invite:${no}'`);
  return rows.length ? { kind: rows[0][0], tomorrow: rows[0][1] === '1', link: rows[0][2], mobile: rows[0][3] } : null;
}

test('a check-in queues one invitation for 10:00 the next day; the mobile gets no second one that week; the link answers once', async () => {
  const desk = await h.loggedIn('desk', h.ORIGIN);
  const who = person();
  const first = await bookToday(who);
  await checkIn(desk, first.no);
  const inv = invitationOf(first.no);
  assert.ok(inv, 'invitation queued');
  assert.equal(inv.kind, 'survey_invite');
  assert.equal(inv.tomorrow, true);
  assert.equal(inv.mobile, who.mobile);
  assert.match(inv.link, new RegExp(`^${h.site('url').replace(/[.]/g, '\\.')}/surveys/answer\\?inv=[A-Za-z0-9_-]{43}$`));
  // the invitation row stores the token's hash; the weekly limit keeps the
  // mobile's MAC, not the number
  const token = new URL(inv.link).searchParams.get('inv');
  const [hash] = one(`SELECT token_hash FROM survey_invitations i JOIN bookings b ON b.id = i.booking_id WHERE b.confirmation_no = '${first.no}'`);
  assert.equal(hash, h.sha256hex(token));
  const key = Buffer.from(h.sqlValue("SELECT value FROM app_secrets WHERE name = 'surveys'"), 'hex');
  const mac = crypto.createHmac('sha256', key).update(`survey-mobile:${who.mobile}`).digest('base64url');
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM survey_invite_mobiles WHERE mobile_mac = '${mac}'`), '1');
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM survey_invite_mobiles WHERE mobile_mac LIKE '%${who.mobile}%'`), '0');
  const cols = h.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = 'portal' AND table_name = 'survey_invitations'").map((r) => r[0]);
  assert.ok(!cols.some((c2) => /mobile/.test(c2)));
  // once per visit: the booking cannot have a second invitation
  assert.throws(() => h.sql(`INSERT INTO survey_invitations (survey_id, token_hash, booking_id, created_at, expires_at)
    SELECT survey_id, SHA2('x${h.uniq()}', 256), booking_id, NOW(), NOW() FROM survey_invitations WHERE token_hash = '${hash}'`), /Duplicate/);
  // the same mobile's second visit this week: checked in, no invitation
  const second = await bookToday({ ...person(), mobile: who.mobile });
  await checkIn(desk, second.no);
  assert.equal(invitationOf(second.no), null);
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM survey_invitations i JOIN bookings b ON b.id = i.booking_id WHERE b.confirmation_no = '${second.no}'`), '0');
  // ... but after a week it is invited again
  h.sql(`UPDATE survey_invite_mobiles SET last_invited_at = NOW() - INTERVAL 7 DAY - INTERVAL 1 MINUTE WHERE mobile_mac = '${mac}'`);
  const third = await bookToday({ ...person(), mobile: who.mobile });
  await checkIn(desk, third.no);
  assert.ok(invitationOf(third.no));

  // the link: the survey, about the visit's department (no department question)
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const form = await c.get(`/surveys/answer?inv=${token}`);
  assert.equal(form.status, 200);
  const sid = Number(h.sqlValue(`SELECT survey_id FROM survey_invitations WHERE token_hash = '${hash}'`));
  assert.ok(!form.text.includes('name="department"'));
  const [depId] = one(`SELECT department_id FROM bookings WHERE confirmation_no = '${first.no}'`);
  const csrf = h.csrfOf(form.text);
  // answered twice at the same moment: one response
  const before = responses(sid);
  const both = await Promise.all([0, 1, 2, 3].map(() => c.post('/surveys/answer', { _csrf: csrf, inv: token, ...answers(sid, 5) })));
  assert.deepEqual(both.map((r) => r.status).sort(), [303, 409, 409, 409]);
  assert.equal(responses(sid), before + 1);
  assert.deepEqual(one(`SELECT channel, department_id FROM survey_responses WHERE survey_id = ${sid} ORDER BY id DESC LIMIT 1`), ['invitation', depId]);
  // reused later: refused
  const again = await c.get(`/surveys/answer?inv=${token}`);
  assert.equal(again.status, 409);
  assert.ok(again.text.includes(h.lang('Surveys.Refused.used')));
  const bad = await c.get(`/surveys/answer?inv=${'A'.repeat(43)}`);
  assert.equal(bad.status, 404);
});

test('two check-ins of one mobile at the same moment: both checked in, one invitation', async () => {
  const desks = [await h.loggedIn('desk', h.ORIGIN), await h.loggedIn('desk', h.ORIGIN)];
  const shared = person().mobile;
  const visits = [await bookToday({ ...person(), mobile: shared }), await bookToday({ ...person(), mobile: shared })];
  const tokens = await Promise.all(desks.map((d) => d.csrf('/office/desk')));
  const res = await Promise.all(visits.map((v, i) => desks[i].post('/office/desk/checkin', { _csrf: tokens[i], code: v.no })));
  assert.deepEqual(res.map((r) => r.status), [200, 200]);
  assert.equal(visits.filter((v) => invitationOf(v.no)).length, 1);
});

test('the invitation is delivered by the one sender at its time, with its link; its token is erased once sent', async () => {
  const desk = await h.loggedIn('desk', h.ORIGIN);
  const b = await bookToday(person());
  await checkIn(desk, b.no);
  const inv = invitationOf(b.no);
  assert.ok(inv);
  assert.equal(h.sqlValue(`SELECT status FROM notification_outbox WHERE idempotency_key = 'survey_invite:${b.no}'`), 'pending');
  // the next day at 10:00 has come
  h.sql(`UPDATE notification_outbox SET next_attempt_at = NOW() WHERE idempotency_key = 'survey_invite:${b.no}'`);
  const log = path.join(h.ROOT, 'run', h.INSTANCE, 'logs', 'sms.log');
  const sent = await h.waitFor(() => {
    const line = fs.existsSync(log) && fs.readFileSync(log, 'utf8').split('\n').find((l) => l.includes(`key=survey_invite:${b.no} `));
    return line || null;
  }, { timeout: 8000, interval: 100 });
  assert.ok(sent.value, 'delivered');
  const [dep] = one(`SELECT d.name FROM bookings b JOIN departments d ON d.id = b.department_id WHERE b.confirmation_no = '${b.no}'`);
  assert.ok(sent.value.includes(`to=${inv.mobile}`));
  assert.ok(sent.value.includes(`到${dep}就诊`));
  assert.ok(sent.value.includes(inv.link));
  await h.waitFor(() => h.sqlValue(`SELECT status FROM notification_outbox WHERE idempotency_key = 'survey_invite:${b.no}'`) === 'sent');
  assert.equal(h.sqlValue(`SELECT params FROM notification_outbox WHERE idempotency_key = 'survey_invite:${b.no}'`), '{}');
});

test("the booking's page offers the survey after the visit, and it answers the visit's invitation", async () => {
  const desk = await h.loggedIn('desk', h.ORIGIN);
  const b = await bookToday(person());
  const before = await b.client.get(b.location);
  assert.ok(!before.text.includes('/surveys/visit?'));
  await checkIn(desk, b.no);
  const after = await b.client.get(b.location);
  const m = after.text.match(/href="(\/surveys\/visit\?[^"]+)"/);
  assert.ok(m, 'offered');
  const link = m[1].replace(/&amp;/g, '&');
  const form = await b.client.get(link);
  assert.equal(form.status, 200);
  const q = new URL(link, h.ORIGIN).searchParams;
  const sid = Number(h.sqlValue(`SELECT i.survey_id FROM survey_invitations i JOIN bookings b ON b.id = i.booking_id WHERE b.confirmation_no = '${b.no}'`));
  const res = await b.client.post('/surveys/answer', { _csrf: h.csrfOf(form.text), no: q.get('no'), t: q.get('t'), ...answers(sid, 4) });
  assert.equal(res.status, 303);
  assert.equal((await b.client.get(link)).status, 409);
  // a forged booking link gives nothing
  assert.equal((await b.client.get(`/surveys/visit?no=${q.get('no')}&t=${'A'.repeat(22)}`)).status, 404);
});

test('the office enters a phone follow-up (电话随访): the same survey, stored as channel phone, counted apart in the results', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const page = await office.get(`/office/surveys/${OPD}/followup`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(h.lang('Surveys.phone_title')));
  const missing = await office.post(`/office/surveys/${OPD}/followup`, { _csrf: office.token });
  assert.equal(missing.status, 422);
  const [dep] = one("SELECT id FROM departments WHERE code = 'YANKE'");
  const phoneBefore = Number(h.sqlValue(`SELECT COUNT(*) FROM survey_responses WHERE survey_id = ${OPD} AND channel = 'phone'`));
  const res = await office.post(`/office/surveys/${OPD}/followup`, { _csrf: office.token, department: dep, ...answers(OPD, 2, `电话随访意见 ${h.uniq()}`) });
  assert.equal(res.status, 303);
  assert.match(res.location, /done=followup/);
  assert.deepEqual(one(`SELECT channel, department_id FROM survey_responses WHERE survey_id = ${OPD} ORDER BY id DESC LIMIT 1`), ['phone', dep]);
  assert.equal(h.sqlValue(`SELECT action FROM audit_log WHERE entity = 'survey' AND entity_id = ${OPD} ORDER BY id DESC LIMIT 1`), 'followup');
  const results = await office.get(`/office/surveys/${OPD}/results?channel=phone`);
  assert.equal(results.status, 200);
  assert.match(results.text, new RegExp(`id="responses-phone">${phoneBefore + 1}<`));
  const self = await office.get(`/office/surveys/${OPD}/results?channel=self`);
  assert.ok(!self.text.includes('id="responses-phone"'));
});
