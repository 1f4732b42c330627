// The coordinator's workflow under /office/volunteers/: each transition
// with its audit record and the applicant's message, the forbidden ones
// (a skipped step, out of a final state), the exam's retake, the list's
// filter and search, service hours (recorded, and by QR check-in at a
// service point with the volunteer's signed link), the monthly flag and
// CSV, the certificate and its QR code, the star list.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const h = require('./helpers.js');
const v = require('./volunteers-helpers.js');

let office;
before(async () => {
  office = await h.loggedIn('volunteer');
});
after(() => h.sql("DELETE FROM rate_limits WHERE scope LIKE 'vol.%'"));

const audits = (id) => h.sql(`SELECT action, JSON_EXTRACT(before_json, '$.status'), JSON_EXTRACT(after_json, '$.status')
                              FROM audit_log WHERE entity = 'volunteer_application' AND entity_id = ${id} ORDER BY id`)
  .map(([a, b, c]) => [a, JSON.parse(b === 'NULL' ? 'null' : b), JSON.parse(c === 'NULL' ? 'null' : c)]);

test('only the volunteer coordinator (or an administrator) opens the workflow', async () => {
  const other = await h.loggedIn('office');
  assert.equal((await other.get('/office/volunteers/')).status, 403);
  assert.equal((await office.get('/office/volunteers/')).status, 200);
  assert.ok((await office.get('/office/')).text.includes('href="/office/volunteers/"'));
  assert.equal((await new h.Client().get('/office/volunteers/')).status, 303);
});

test('each step in order: interview (date and place told), training, exam failed and retaken, active', async () => {
  const a = await v.apply();
  const when = h.dbTime('+ INTERVAL 3 DAY');
  let res = await v.move(office, a.id, { action: 'interview', interview_at: when, interview_place: '门诊楼三楼会议室', notes: '' });
  assert.equal(res.status, 303);
  assert.equal(res.location, `/office/volunteers/${a.id}?done=interview`);
  assert.ok((await office.get(res.location)).text.includes(h.lang('Vol.Done.interview')));
  let last = v.messages(a.fields.mobile).pop();
  assert.equal(last.kind, 'vol_interview');
  assert.equal(last.params.date, when.replace('T', ' '));
  assert.equal(last.params.place, '门诊楼三楼会议室');
  // the applicant's status page shows the step and the appointment
  const page = await a.client.get(a.location);
  assert.ok(page.text.includes(`id="application-status">${h.lang('Vol.State.interview')}<`));
  assert.ok(page.text.includes(h.lang('Vol.interview_info', { interview_at: when.replace('T', ' '), interview_place: '门诊楼三楼会议室' })));

  res = await v.move(office, a.id, { action: 'training', outcome: '沟通良好,态度热情' });
  assert.equal(res.status, 303);
  res = await v.move(office, a.id, { action: 'exam', sessions: '3' });
  assert.equal(res.status, 303);
  res = await v.move(office, a.id, { action: 'score', score: '59' });
  assert.equal(res.status, 303);
  assert.equal(v.status(a.id), 'exam', '59 does not pass');
  assert.equal(v.messages(a.fields.mobile).pop().kind, 'vol_failed');
  res = await v.move(office, a.id, { action: 'score', score: '60' });
  assert.equal(res.status, 303);
  assert.equal(v.status(a.id), 'active', '60 passes on the retake');
  last = v.messages(a.fields.mobile).pop();
  assert.deepEqual([last.kind, last.params.score], ['vol_passed', '60']);
  assert.deepEqual(h.sql(`SELECT exam_score, exam_attempts, training_sessions, active_since = CURDATE() FROM volunteer_applications WHERE id = ${a.id}`)[0],
    ['60', '2', '3', '1']);
  assert.deepEqual(audits(a.id), [
    ['interview', 'submitted', 'interview'], ['training', 'interview', 'training'], ['exam', 'training', 'exam'],
    ['score', 'exam', 'exam'], ['score', 'exam', 'active'],
  ]);
  assert.ok((await a.client.get(a.location)).text.includes(`id="application-status">${h.lang('Vol.State.active')}<`));
});

test('suspended with a reason and resumed; left is final and frees the ID number', async () => {
  const a = await v.apply();
  await v.toActive(office, a.id);
  let res = await v.move(office, a.id, { action: 'suspend', reason: '' });
  assert.equal(res.status, 422);
  assert.equal(v.errorBeside(res.text, 'reason'), h.fieldError('required', 'Vol.reason'));
  assert.equal(v.status(a.id), 'active');
  res = await v.move(office, a.id, { action: 'suspend', reason: '外出学习三个月' });
  assert.equal(res.status, 303);
  assert.deepEqual([v.status(a.id), v.messages(a.fields.mobile).pop().params.reason], ['suspended', '外出学习三个月']);
  res = await v.move(office, a.id, { action: 'resume' });
  assert.equal(res.status, 303);
  assert.equal(v.status(a.id), 'active');
  res = await v.move(office, a.id, { action: 'leave', reason: '工作调动' });
  assert.equal(res.status, 303);
  assert.equal(v.status(a.id), 'left');
  assert.equal(h.sqlValue(`SELECT open_id_number IS NULL FROM volunteer_applications WHERE id = ${a.id}`), '1');
  // the same person may apply again
  await v.apply(v.application({ id: a.fields.id_number, mobile: a.fields.mobile }));
});

test('forbidden moves are refused with 409 and change nothing: a skipped step, a move out of a final state', async () => {
  const a = await v.apply();
  const forbidden = [['exam', { sessions: '2' }], ['training', { outcome: '表现很好' }], ['score', { score: '90' }],
    ['suspend', { reason: '不应允许' }], ['resume', {}], ['leave', { reason: '不应允许' }]];
  for (const [action, extra] of forbidden) {
    const res = await v.move(office, a.id, { action, ...extra });
    assert.equal(res.status, 409, `${action} from submitted`);
    assert.ok(res.text.includes(h.lang('Vol.forbidden', { from: h.lang('Vol.State.submitted'), action: h.lang(`Vol.Action.${action}`) })));
  }
  assert.equal(v.status(a.id), 'submitted');
  let res = await v.move(office, a.id, { action: 'reject', reason: '服务时间不符合要求' });
  assert.equal(res.status, 303);
  assert.equal(v.messages(a.fields.mobile).pop().kind, 'vol_reject');
  for (const [action, extra] of [['interview', { interview_at: h.dbTime('+ INTERVAL 1 DAY'), interview_place: '会议室' }],
    ['withdraw', { reason: '再试' }], ['reject', { reason: '再试' }], ['resume', {}]]) {
    res = await v.move(office, a.id, { action, ...extra });
    assert.equal(res.status, 409, `${action} from rejected`);
  }
  assert.equal(v.status(a.id), 'rejected');
  assert.deepEqual(audits(a.id), [['reject', 'submitted', 'rejected']]);
  // an interview in the past, an exam score out of range
  const b = await v.apply();
  res = await v.move(office, b.id, { action: 'interview', interview_at: h.dbTime('- INTERVAL 1 HOUR'), interview_place: '会议室' });
  assert.equal(res.status, 422);
  assert.equal(v.errorBeside(res.text, 'interview_at'), h.lang('Error.vol_interview_past'));
  await v.move(office, b.id, { action: 'interview', interview_at: h.dbTime('+ INTERVAL 1 DAY'), interview_place: '会议室' });
  await v.move(office, b.id, { action: 'training', outcome: '通过' });
  await v.move(office, b.id, { action: 'exam', sessions: '1' });
  res = await v.move(office, b.id, { action: 'score', score: '101' });
  assert.equal(res.status, 422);
  assert.equal(v.status(b.id), 'exam');
});

test('two coordinators moving one application at once: one move is made', async () => {
  const a = await v.apply();
  const other = await h.loggedIn('volunteer');
  const when = h.dbTime('+ INTERVAL 1 DAY');
  const results = await Promise.all([office, other, office, other].map((c) =>
    v.move(c, a.id, { action: 'interview', interview_at: when, interview_place: '会议室' })));
  assert.deepEqual(results.map((r) => r.status).sort(), [303, 409, 409, 409]);
  assert.equal(audits(a.id).length, 1);
  assert.equal(v.messages(a.fields.mobile).filter((m) => m.kind === 'vol_interview').length, 1);
});

test('the list filters by status and finds by name, number or mobile', async () => {
  const a = await v.apply(v.application(undefined, { name: `检索${process.pid}` }));
  let res = await office.get(`/office/volunteers/?q=${encodeURIComponent(`检索${process.pid}`)}`);
  assert.ok(res.text.includes(`>${a.no}</a>`));
  res = await office.get(`/office/volunteers/?q=${a.no}`);
  assert.ok(res.text.includes(`>${a.no}</a>`));
  res = await office.get(`/office/volunteers/?q=${a.fields.mobile}`);
  assert.ok(res.text.includes(`>${a.no}</a>`));
  res = await office.get(`/office/volunteers/?status=submitted&q=${a.no}`);
  assert.ok(res.text.includes(`>${a.no}</a>`));
  res = await office.get(`/office/volunteers/?status=active&q=${a.no}`);
  assert.ok(!res.text.includes(`>${a.no}</a>`));
  res = await office.get('/office/volunteers/?q=%25');
  assert.equal(res.status, 200);
});

// A volunteer made active, with their id.
async function activeVolunteer(name = '王服务') {
  const a = await v.apply(v.application(undefined, { name }));
  await v.toActive(office, a.id);
  return a;
}

async function recordShift(id, fields) {
  const token = await office.csrf(`/office/volunteers/${id}`);
  return office.post(`/office/volunteers/${id}/shifts`, { _csrf: token, point: '1', ...fields });
}

test('hours recorded by the coordinator: the month\'s total, the flag under 4 hours, the CSV export', async () => {
  const a = await activeVolunteer(`时长${process.pid}`);
  const day = h.sqlValue("SELECT DATE_FORMAT(NOW() - INTERVAL 1 DAY, '%Y-%m-%d')");
  const month = h.sqlValue("SELECT DATE_FORMAT(NOW() - INTERVAL 1 DAY, '%Y-%m')");
  let res = await recordShift(a.id, { started: `${day}T09:00`, ended: `${day}T08:00` });
  assert.equal(res.status, 422);
  assert.equal(v.errorBeside(res.text, 'ended'), h.lang('Error.vol_shift_times'));
  res = await recordShift(a.id, { started: `${day}T08:00`, ended: `${day}T10:30` });
  assert.equal(res.status, 303);
  let hours = await office.get(`/office/volunteers/hours?month=${month}`);
  let line = hours.text.match(new RegExp(`<tr class="below">\\s*<td><a href="/office/volunteers/${a.id}">[^]*?</tr>`));
  assert.ok(line, 'under 4 hours: flagged');
  assert.ok(line[0].includes('2小时30分'));
  res = await recordShift(a.id, { point: '2', started: `${day}T14:00`, ended: `${day}T15:30` });
  assert.equal(res.status, 303);
  hours = await office.get(`/office/volunteers/hours?month=${month}`);
  assert.ok(!new RegExp(`<tr class="below">\\s*<td><a href="/office/volunteers/${a.id}">`).test(hours.text), 'four hours: not flagged');
  assert.ok(hours.text.includes('4小时00分'));
  const csv = await office.get(`/office/volunteers/hours.csv?month=${month}`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  // parsed by Python's csv module
  const parsed = JSON.parse(execFileSync('python3', ['-c',
    'import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read().lstrip("\\ufeff"))))))'],
  { input: csv.text }).toString());
  assert.deepEqual(parsed[0], ['月份', '申请编号', '姓名', '服务次数', '服务分钟数', '服务小时数', '低于4小时']);
  const mine = parsed.find((r) => r[1] === a.no);
  assert.deepEqual(mine, [month, a.no, `时长${process.pid}`, '2', '240', '4.00', '否']);
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM audit_log WHERE entity = 'volunteer_application' AND entity_id = ${a.id} AND action = 'shift'`), '2');
});

test('evaluation notes are stored with who wrote them', async () => {
  const a = await activeVolunteer();
  const token = await office.csrf(`/office/volunteers/${a.id}`);
  let res = await office.post(`/office/volunteers/${a.id}/evaluations`, { _csrf: token, month: '2026-13', conduct: '好', punctuality: '准时', feedback: '患者表扬' });
  assert.equal(res.status, 422);
  assert.equal(v.errorBeside(res.text, 'month'), h.lang('Error.vol_month'));
  res = await office.post(`/office/volunteers/${a.id}/evaluations`, { _csrf: token, month: '2026-11', conduct: '耐心细致', punctuality: '从不迟到', feedback: '多位患者表扬' });
  assert.equal(res.status, 303);
  const page = await office.get(res.location);
  assert.ok(page.text.includes('多位患者表扬'));
  assert.ok(page.text.includes(office.user.username));
});

// the portal's address (Site.url) and the volunteer's signed link
const SMS_LINK = /(https?:\/\/[^ ]+\/volunteers\/me\?t=[A-Za-z0-9._-]+)/;

test('QR check-in and check-out at a service point, the volunteer known by the link sent to their mobile', async () => {
  const a = await activeVolunteer();
  const token = await office.csrf(`/office/volunteers/${a.id}`);
  let res = await office.post(`/office/volunteers/${a.id}/link`, { _csrf: token });
  assert.equal(res.status, 303);
  const msg = v.messages(a.fields.mobile).pop();
  assert.equal(msg.kind, 'vol_link');
  const link = msg.params.link.match(SMS_LINK)[1];
  // the service point's code, as printed on the points page
  const points = await office.get('/office/volunteers/points');
  const pointLink = points.text.match(/class="point-link" href="([^"]+)"/)[1].replace(/&amp;/g, '&');
  assert.ok(points.text.includes('<svg'), 'the QR codes are on the page');
  const phone = v.applicant();
  const path = (u) => u.replace(/^https?:\/\/[^/]+/, '');
  // without the link first: told to open it
  res = await phone.get(path(pointLink));
  assert.equal(res.status, 200);
  assert.ok(res.text.includes(h.lang('Vol.need_link')));
  res = await phone.get(path(link));
  assert.equal(res.status, 200);
  assert.ok(phone.cookies.has('vol_me'));
  const own = res.text.match(/href="([^"]+)" id="certificate-link"/)[1].replace(/&amp;/g, '&');
  assert.ok((await phone.get(own)).text.includes(h.lang('Vol.cert_genuine')), 'the volunteer\'s own certificate');
  res = await phone.get(path(pointLink));
  assert.ok(res.text.includes(h.lang('Vol.check_in')));
  const csrf = h.csrfOf(res.text);
  const t = new URL(pointLink).searchParams.get('t');
  // a double tap on arriving: one check-in
  const ins = await Promise.all([1, 2, 3].map(() => phone.post('/volunteers/scan', { _csrf: csrf, t, do: 'in' })));
  assert.deepEqual(ins.map((r) => r.status), [200, 200, 200]);
  assert.equal(ins.filter((r) => r.text.includes(h.lang('Vol.done_in'))).length, 1);
  assert.equal(ins.filter((r) => r.text.includes(h.lang('Vol.in_already'))).length, 2);
  assert.deepEqual(h.sql(`SELECT point_id, source, ended_at IS NULL FROM volunteer_shifts WHERE application_id = ${a.id}`), [['1', 'qr', '1']]);
  res = await phone.get(path(pointLink));
  assert.ok(res.text.includes(h.lang('Vol.check_out')), 'the page now offers the check-out');
  // two scans on leaving at once: one check-out, of 150 minutes
  h.sql(`UPDATE volunteer_shifts SET started_at = NOW() - INTERVAL 150 MINUTE WHERE application_id = ${a.id}`);
  const outs = await Promise.all([1, 2].map(() => phone.post('/volunteers/scan', { _csrf: csrf, t, do: 'out' })));
  assert.equal(outs.filter((r) => r.text.includes(h.lang('Vol.done_out'))).length, 1);
  assert.equal(outs.filter((r) => r.text.includes(h.lang('Vol.out_already'))).length, 1);
  assert.deepEqual(h.sql(`SELECT minutes, ended_at IS NULL FROM volunteer_shifts WHERE application_id = ${a.id}`), [['150', '0']]);
  // a forged or altered point code is refused
  const forged = `${t.split('.')[0]}.${t.split('.')[1]}.AAAAAAAAAAAAAAAAAAAAAA`;
  res = await phone.get(`/volunteers/scan?t=${forged}`);
  assert.equal(res.status, 404);
  assert.ok(res.text.includes(h.lang('Vol.invalid_point')));
  res = await phone.post('/volunteers/scan', { _csrf: csrf, t: t.replace(/^P\d+/, 'P2'), do: 'in' });
  assert.equal(res.status, 404);
  // a forged volunteer link is refused too
  const stranger = v.applicant();
  res = await stranger.get(path(link).replace(/t=V/, 't=W'));
  assert.equal(res.status, 404);
  assert.ok(!stranger.cookies.has('vol_me'));
});

test('the certificate page: genuine with its QR code read by zbarimg; a forged or altered one is refused', async () => {
  const a = await activeVolunteer('赵证书');
  const day = h.sqlValue("SELECT DATE_FORMAT(NOW() - INTERVAL 1 DAY, '%Y-%m-%d')");
  await recordShift(a.id, { started: `${day}T08:00`, ended: `${day}T11:00` });
  const view = await office.get(`/office/volunteers/${a.id}`);
  const link = view.text.match(/href="([^"]+)" id="certificate-link"/)[1].replace(/&amp;/g, '&');
  const pub = new h.Client(h.ORIGIN);
  const page = await pub.get(link);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(h.lang('Vol.cert_genuine')));
  assert.ok(page.text.includes('<strong>赵证书</strong>') || page.text.includes('赵证书'));
  assert.ok(page.text.includes('3.0'), 'total hours');
  assert.ok(page.text.includes('导医导诊、病房陪伴'));
  const png = await fetch(h.ORIGIN + link.replace('/certificate?', '/certificate.png?'));
  assert.equal(png.status, 200);
  const file = `/tmp/vol-cert-${process.pid}.png`;
  fs.writeFileSync(file, Buffer.from(await png.arrayBuffer()));
  const decoded = execFileSync('zbarimg', ['-q', '--raw', file]).toString().trim();
  fs.unlinkSync(file);
  assert.ok(decoded.endsWith(link), `the QR code carries the page's link: ${decoded}`);
  const t = new URL(link, h.ORIGIN).searchParams.get('t');
  for (const bad of [t.replace(/^V/, 'W'), `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`, 'V23456789A.9999999999.AAAAAAAAAAAAAAAAAAAAAA', '']) {
    const res = await pub.get(`/volunteers/certificate?t=${encodeURIComponent(bad)}`);
    assert.equal(res.status, 404, bad);
    assert.ok(res.text.includes(h.lang('Vol.cert_invalid')));
  }
});

test('the star list shows the volunteers the office published, and no others', async () => {
  const a = await activeVolunteer(`明星${process.pid}`);
  const token = await office.csrf(`/office/volunteers/${a.id}`);
  let res = await office.post(`/office/volunteers/${a.id}/star`, { _csrf: token, citation: '耐心为老年患者导诊' });
  assert.equal(res.status, 303);
  assert.ok(!(await h.get(`${h.ORIGIN}/volunteers/stars`)).text.includes(`明星${process.pid}`), 'not yet published');
  res = await office.post(`/office/volunteers/${a.id}/star`, { _csrf: token, citation: '耐心为老年患者导诊', publish: '1' });
  assert.equal(res.status, 303);
  await h.sleep(1100);   // the page cache keeps a page for up to a second
  const stars = await h.get(`${h.BASE}/volunteers/stars`);
  assert.ok(stars.text.includes(`明星${process.pid}`));
  assert.ok(stars.text.includes('耐心为老年患者导诊'));
  const b = await v.apply();
  res = await office.post(`/office/volunteers/${b.id}/star`, { _csrf: token, citation: '未上岗', publish: '1' });
  assert.equal(res.status, 409);
});
