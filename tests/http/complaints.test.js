// 院长热线: a complaint filed publicly (bad input beside the field, kept),
// its tracking number; the status page by number + mobile (the same answer
// for either wrong, limited per number); the office assigns, the
// department replies (the complainant is told through the outbox), the
// office closes, each step audited and shown to the public; deadlines in
// working days and overdue ones flagged; praise counted per staff member
// into the published 服务明星 list.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const one = (q) => h.sql(q)[0];
let mobileN = Math.floor(Math.random() * 9000000);
const mobile = () => `136${String(10000000 + (mobileN++ % 89999999)).slice(0, 8)}`;

async function file(fields, client = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() })) {
  const token = await client.csrf('/complaints/');
  const res = await client.post('/complaints/', { _csrf: token, ...fields });
  const no = res.status === 303 ? new URL(res.location, h.ORIGIN).searchParams.get('no') : null;
  return { res, no, client };
}

async function status(client, no, mob) {
  const token = await client.csrf('/complaints/status');
  return client.post('/complaints/status', { _csrf: token, no, mobile: mob });
}

test('filing: bad input refused beside the field and kept; a good one gets a tracking number and deadlines of 1 and 5 working days', async () => {
  const bad = await file({ kind: 'complaint', what: '太短', mobile: '123', happened_on: '2099-01-01', staff_name: '张医生' });
  assert.equal(bad.res.status, 422);
  assert.ok(bad.res.text.includes('id="f-what-error"'));
  assert.ok(bad.res.text.includes(h.lang('Error.mobile_invalid')));
  assert.ok(bad.res.text.includes('value="张医生"'));
  const late = await file({ kind: 'complaint', what: '候诊区空调太冷,等了很久没有人处理。', mobile: mobile(), happened_on: '2099-01-01' });
  assert.equal(late.res.status, 422);
  assert.ok(late.res.text.includes(h.lang('Complaints.Error.future')));
  const mob = mobile();
  const ok = await file({ kind: 'complaint', what: `挂号窗口排队一个小时 ${h.uniq()}`, mobile: mob, contact_name: '王女士', department: '1' });
  assert.equal(ok.res.status, 303);
  assert.match(ok.no, /^T[2-9A-HJ-NP-Z]{9}$/);
  const filed = await ok.client.get(ok.res.location);
  assert.ok(filed.text.includes(`id="tracking-no">${ok.no}<`));
  const [ack, answer, received] = one(`SELECT ack_due, answer_due, received_at FROM complaints WHERE tracking_no = '${ok.no}'`);
  // working days: never a Saturday or Sunday, the same time of day
  const wd = (s) => new Date(`${s.slice(0, 10)}T00:00:00Z`).getUTCDay();
  assert.ok(![0, 6].includes(wd(ack)) && ![0, 6].includes(wd(answer)));
  assert.equal(ack.slice(11), received.slice(11));
  const days = (a, b) => (Date.parse(`${a.slice(0, 10)}T00:00:00Z`) - Date.parse(`${b.slice(0, 10)}T00:00:00Z`)) / 86400000;
  assert.ok(days(ack, received) >= 1 && days(ack, received) <= 3);
  assert.ok(days(answer, received) >= 5 && days(answer, received) <= 9);
});

test('status by tracking number + mobile: either wrong gives the same answer, and one number is limited', async () => {
  const mob = mobile();
  const { no, client } = await file({ kind: 'suggestion', what: `建议增加自助打印报告机 ${h.uniq()}`, mobile: mob });
  const wrongMobile = await status(client, no, mobile());
  const wrongNo = await status(client, 'T222222222', mob);
  assert.equal(wrongMobile.status, 422);
  assert.equal(wrongNo.status, 422);
  const msg = h.lang('Complaints.Error.not_found');
  assert.ok(wrongMobile.text.includes(msg) && wrongNo.text.includes(msg));
  const good = await status(client, no.toLowerCase(), mob);
  assert.equal(good.status, 200);
  assert.ok(good.text.includes(h.lang('Complaints.Status.received')));
  // five wrong tries at one number (the first above), then it is blocked
  // even with the right mobile and from another address
  const other = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  for (let i = 0; i < 4; i++) assert.equal((await status(other, no, mobile())).status, 422);
  const blocked = await status(new h.Client(h.ORIGIN, { localAddress: h.nextAddress() }), no, mob);
  assert.equal(blocked.status, 429);
  assert.ok(Number(blocked.headers.get('retry-after')) > 0);
});

test('the workflow: assign, reply (the complainant told by SMS), close; wrong order refused; every step audited and shown publicly', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const mob = mobile();
  const { no, client } = await file({ kind: 'complaint', what: `药房窗口工作人员态度生硬 ${h.uniq()}`, mobile: mob, contact_name: '李先生', anonymous: '1' });
  const [id] = one(`SELECT id FROM complaints WHERE tracking_no = '${no}'`);
  const view = await office.get(`/office/complaints/${id}`);
  assert.equal(view.status, 200);
  assert.ok(!view.text.includes('李先生'), 'anonymous: the name is not shown (nor stored)');
  assert.equal(h.sqlValue(`SELECT contact_name IS NULL FROM complaints WHERE id = ${id}`), '1');
  // reply before assignment: refused
  const early = await office.post(`/office/complaints/${id}/reply`, { _csrf: office.token, reply: '已核实并处理。' });
  assert.equal(early.status, 409);
  const [dep] = one("SELECT id FROM departments WHERE code = 'NEIKE'");
  const assign = await office.post(`/office/complaints/${id}/assign`, { _csrf: office.token, department: dep });
  assert.equal(assign.status, 303);
  const emptyReply = await office.post(`/office/complaints/${id}/reply`, { _csrf: office.token, reply: '' });
  assert.equal(emptyReply.status, 422);
  const replyText = `您好,已与当事人谈话并加强培训,感谢您的监督。${h.uniq()}`;
  const reply = await office.post(`/office/complaints/${id}/reply`, { _csrf: office.token, reply: replyText });
  assert.equal(reply.status, 303);
  assert.deepEqual(one(`SELECT kind, mobile, JSON_VALUE(params, '$.no') FROM notification_outbox WHERE idempotency_key = 'complaint_reply:${no}'`),
    ['complaint_reply', mob, no]);
  assert.equal((await office.post(`/office/complaints/${id}/assign`, { _csrf: office.token, department: dep })).status, 409);
  const close = await office.post(`/office/complaints/${id}/close`, { _csrf: office.token });
  assert.equal(close.status, 303);
  assert.equal(h.sqlValue(`SELECT status FROM complaints WHERE id = ${id}`), 'closed');
  assert.deepEqual(h.sql(`SELECT step FROM complaint_steps WHERE complaint_id = ${id} ORDER BY id`).map((r) => r[0]), ['received', 'assigned', 'replied', 'closed']);
  assert.deepEqual(h.sql(`SELECT action, username FROM audit_log WHERE entity = 'complaint' AND entity_id = ${id} ORDER BY id`),
    [['assigned', office.user.username], ['replied', office.user.username], ['closed', office.user.username]]);
  const seen = await status(client, no, mob);
  assert.ok(seen.text.includes(h.escapeHtml(replyText)));
  assert.ok(seen.text.includes(h.lang('Complaints.Status.closed')));
  assert.ok(seen.text.includes(h.lang('Complaints.Step.replied')));
});

test('overdue items are flagged: not acknowledged within 1 working day, not answered within 5', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const a = await file({ kind: 'complaint', what: `超期未受理测试 ${h.uniq()}`, mobile: mobile() });
  const b = await file({ kind: 'complaint', what: `超期未答复测试 ${h.uniq()}`, mobile: mobile() });
  h.sql(`UPDATE complaints SET received_at = NOW() - INTERVAL 3 DAY, ack_due = NOW() - INTERVAL 1 HOUR WHERE tracking_no = '${a.no}'`);
  h.sql(`UPDATE complaints SET status = 'assigned', answer_due = NOW() - INTERVAL 1 HOUR WHERE tracking_no = '${b.no}'`);
  const list = await office.get('/office/complaints/?show=overdue');
  assert.equal(list.status, 200);
  const row = (no) => (list.text.match(new RegExp(`<tr id="c-${no}">[\\s\\S]*?</tr>`)) || [''])[0];
  assert.ok(row(a.no).includes(h.lang('Complaints.Office.ack_overdue')));
  assert.ok(row(b.no).includes(h.lang('Complaints.Office.answer_overdue')));
  assert.ok(!row(b.no).includes(h.lang('Complaints.Office.ack_overdue')));
  const fresh = await file({ kind: 'complaint', what: `未超期测试 ${h.uniq()}`, mobile: mobile() });
  assert.ok(!list.text.includes(fresh.no));
});

test('praise per staff member feeds the 服务明星 list the office publishes', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const star = `星${h.uniq().slice(-6)}`;
  for (let i = 0; i < 3; i++) {
    const r = await file({ kind: 'praise', what: `感谢医生耐心细致的解释 ${i}`, staff_name: star, department: '3', mobile: mobile() });
    assert.equal(r.res.status, 303);
  }
  // earlier runs' praise out of the window, so the list is this test's
  h.sql(`UPDATE complaints SET received_at = NOW() - INTERVAL 400 DAY WHERE kind = 'praise' AND staff_name <> '${star}'`);
  const page = await office.get('/office/complaints/stars?days=1');
  assert.match(page.text, new RegExp(`<th scope="row">${star}</th><td>儿科</td><td>3</td>`));
  const title = `本月服务明星 ${h.uniq()}`;
  const pub = await office.post('/office/complaints/stars', { _csrf: office.token, title, days: '1' });
  assert.equal(pub.status, 303);
  const pubPage = await (await fetch(`${h.ORIGIN}/complaints/stars`)).text();
  assert.ok(pubPage.includes(title));
  assert.ok(pubPage.includes(star));
  assert.equal(h.sqlValue("SELECT action FROM audit_log WHERE entity = 'star_list' ORDER BY id DESC LIMIT 1"), 'publish');
});
