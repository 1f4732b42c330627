// The office's side of surveys: a survey defined with its questions, a new
// version once it has answers (the old one archived, unchanged), printed QR
// invitations read back by zbarimg and answered, results (rates of 4-5,
// means, per department, per month with empty months, phone follow-ups
// apart) checked against known answers, free text searched, the CSV parsed
// back by Python's csv module.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./helpers.js');

const one = (q) => h.sql(q)[0];

async function makeSurvey(office, extra = {}) {
  const res = await office.post('/office/surveys/new', { _csrf: office.token, title: `结果测试 ${h.uniq()}`, audience: 'outpatient',
    opens_on: h.dbTime('- INTERVAL 1 DAY').slice(0, 10), closes_on: h.dbTime('+ INTERVAL 30 DAY').slice(0, 10), is_public: '1', ...extra });
  assert.equal(res.status, 303, `create: ${res.status}`);
  const id = Number(res.location.match(/surveys\/(\d+)/)[1]);
  for (const q of [
    { kind: 'rating', prompt: '医生解释', required: '1' },
    { kind: 'rating', prompt: '候诊时间', required: '1' },
    { kind: 'single', prompt: '如何预约', choices: '网上\n电话\n现场' },
    { kind: 'multiple', prompt: '需要改进', choices: '等候\n环境\n收费' },
    { kind: 'text', prompt: '意见建议' },
  ]) {
    const r = await office.post(`/office/surveys/${id}/questions`, { _csrf: office.token, ...q });
    assert.equal(r.status, 303, `question ${q.prompt}: ${r.status}`);
  }
  const qs = h.sql(`SELECT id FROM survey_questions WHERE survey_id = ${id} ORDER BY position`).map((r) => Number(r[0]));
  return { id, qs };
}

test('the office defines a survey; bad input is refused beside the field; a survey with answers gets a new version instead of a change', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const bad = await office.post('/office/surveys/new', { _csrf: office.token, title: 'x', audience: 'nobody', opens_on: '2026-12-10', closes_on: '2026-12-01' });
  assert.equal(bad.status, 422);
  assert.ok(bad.text.includes('id="f-title-error"'));
  assert.ok(bad.text.includes('id="f-audience-error"'));
  const { id, qs } = await makeSurvey(office);
  const noChoices = await office.post(`/office/surveys/${id}/questions`, { _csrf: office.token, kind: 'single', prompt: '只有一个选项', choices: '是' });
  assert.equal(noChoices.status, 422);
  assert.ok(noChoices.text.includes(h.lang('Surveys.Error.choices')));
  // answered once
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const token = await c.csrf(`/surveys/${id}`);
  assert.equal((await c.post(`/surveys/${id}`, { _csrf: token, [`q${qs[0]}`]: '5', [`q${qs[1]}`]: '4' })).status, 303);
  // a new question now makes version 2; version 1 keeps its five questions
  const add = await office.post(`/office/surveys/${id}/questions`, { _csrf: office.token, kind: 'rating', prompt: '新增:环境', required: '1' });
  assert.equal(add.status, 303);
  const v2 = Number(add.location.match(/surveys\/(\d+)\?done=versioned/)[1]);
  assert.notEqual(v2, id);
  assert.deepEqual(one(`SELECT status, (SELECT COUNT(*) FROM survey_questions WHERE survey_id = ${id}) FROM surveys WHERE id = ${id}`), ['archived', '5']);
  assert.deepEqual(one(`SELECT version, previous_id, (SELECT COUNT(*) FROM survey_questions WHERE survey_id = ${v2}) FROM surveys WHERE id = ${v2}`), ['2', String(id), '6']);
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = ${id}`), '2');
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM audit_log WHERE entity = 'survey' AND entity_id IN (${id}, ${v2}) AND action IN ('archive', 'new_version', 'add_question')`), '8'); // 5 + archive + new version + its question
  // the archived version takes no more answers and no changes
  assert.equal((await c.get(`/surveys/${id}`)).status, 410);
  assert.equal((await office.post(`/office/surveys/${id}/questions`, { _csrf: office.token, kind: 'text', prompt: '再改旧版' })).status, 404);
  // removing a question from a version without answers is allowed
  const [q6] = one(`SELECT id FROM survey_questions WHERE survey_id = ${v2} AND position = 6`);
  const del = await office.post(`/office/surveys/${v2}/questions/delete`, { _csrf: office.token, question: q6 });
  assert.equal(del.status, 303);
  assert.match(del.location, /done=removed/);
});

test('the office closes a survey early by its dates (no new version); dates in the wrong order are refused', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const { id, qs } = await makeSurvey(office);
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const token = await c.csrf(`/surveys/${id}`);
  assert.equal((await c.post(`/surveys/${id}`, { _csrf: token, [`q${qs[0]}`]: '5', [`q${qs[1]}`]: '5' })).status, 303);
  const today = h.dbTime().slice(0, 10), yesterday = h.dbTime('- INTERVAL 1 DAY').slice(0, 10);
  const bad = await office.post(`/office/surveys/${id}/edit`, { _csrf: office.token, title: '改名', opens_on: today, closes_on: yesterday, is_public: '1' });
  assert.equal(bad.status, 422);
  assert.ok(bad.text.includes(h.lang('Error.closes_before_opens')));
  assert.ok(bad.text.includes('value="改名"'));
  const ok = await office.post(`/office/surveys/${id}/edit`, { _csrf: office.token, title: '改名后的问卷', opens_on: yesterday, closes_on: yesterday, is_public: '1' });
  assert.equal(ok.status, 303);
  assert.match(ok.location, new RegExp(`/office/surveys/${id}\\?done=updated`));
  assert.deepEqual(one(`SELECT title, status, version FROM surveys WHERE id = ${id}`), ['改名后的问卷', 'active', '1']);
  assert.equal((await c.get(`/surveys/${id}`)).status, 410);
  assert.equal(h.sqlValue(`SELECT action FROM audit_log WHERE entity = 'survey' AND entity_id = ${id} ORDER BY id DESC LIMIT 1`), 'update');
});

test('a ward\'s printed QR invitations: each read back by zbarimg is a one-time link that answers the survey', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const { id, qs } = await makeSurvey(office, { audience: 'inpatient', is_public: '' });
  const sheet = await office.post(`/office/surveys/${id}/invitations`, { _csrf: office.token, ward: '心内科一病区', count: '3' });
  assert.equal(sheet.status, 200);
  const svgs = [...sheet.text.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
  assert.equal(svgs.length, 3);
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM survey_invitations WHERE survey_id = ${id} AND ward = '心内科一病区' AND used_at IS NULL`), '3');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-qr-'));
  const file = path.join(dir, 'qr.svg');
  fs.writeFileSync(file, svgs[1]);
  const pgm = path.join(dir, 'qr.pgm');
  execFileSync('python3', [path.join(__dirname, 'surveys-qr-raster.py'), file, pgm]);
  const link = execFileSync('zbarimg', ['--quiet', '--raw', '--nodbus', pgm], { encoding: 'utf8' }).trim();
  assert.match(link, /\/surveys\/answer\?inv=[A-Za-z0-9_-]{43}$/);
  const local = link.replace(/^https?:\/\/[^/]+/, '');
  const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const form = await c.get(local);
  assert.equal(form.status, 200);
  const inv = new URL(link).searchParams.get('inv');
  const res = await c.post('/surveys/answer', { _csrf: h.csrfOf(form.text), inv, [`q${qs[0]}`]: '3', [`q${qs[1]}`]: '3' });
  assert.equal(res.status, 303);
  assert.equal((await c.get(local)).status, 409);
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM survey_invitations WHERE survey_id = ${id} AND used_at IS NOT NULL`), '1');
});

test('results: satisfaction rate (share of 4-5), mean, per department and month, phone follow-ups apart; text search; CSV parsed back', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const { id, qs } = await makeSurvey(office);
  const [dA] = one("SELECT id FROM departments WHERE code = 'NEIKE'");
  const [dB] = one("SELECT id FROM departments WHERE code = 'ERKE'");
  const tag = h.uniq('意见');
  // question 1: 5, 4, 3 (department A), 2 (department B)  -> rate 2/4 = 50.0%, mean 3.50
  // question 2: 5, 5, 5, 4                                -> 100.0%, 4.75
  const rows = [[dA, 5, 5, `${tag} 很好`], [dA, 4, 5, ''], [dA, 3, 5, `${tag} 排队太久`], [dB, 2, 4, '']];
  for (const [dep, a, b, text] of rows) {
    const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
    const token = await c.csrf(`/surveys/${id}`);
    const res = await c.post(`/surveys/${id}`, { _csrf: token, department: dep, [`q${qs[0]}`]: String(a), [`q${qs[1]}`]: String(b),
      [`q${qs[2]}`]: '2', [`q${qs[3]}_1`]: '1', [`q${qs[3]}_3`]: '1', ...(text ? { [`q${qs[4]}`]: text } : {}) });
    assert.equal(res.status, 303);
  }
  // one phone follow-up, all ratings 1: not in the patients' own figures
  assert.equal((await office.post(`/office/surveys/${id}/followup`, { _csrf: office.token, department: dA, [`q${qs[0]}`]: '1', [`q${qs[1]}`]: '1' })).status, 303);
  const page = await office.get(`/office/surveys/${id}/results`);
  assert.equal(page.status, 200);
  assert.match(page.text, /id="responses-total">4</);
  assert.match(page.text, /id="responses-phone">|id="responses-self">4</);
  // overall over both questions: 6 of 8 ratings are 4-5 = 75.0%, mean (14 + 19) / 8 = 4.13
  assert.match(page.text, /id="overall-rate">75\.0%</);
  assert.match(page.text, /id="overall-mean">4\.13</);
  assert.match(page.text, /<th scope="row">医生解释<\/th><td>4<\/td><td>50\.0%<\/td><td>3\.50<\/td>/);
  assert.match(page.text, /<th scope="row">候诊时间<\/th><td>4<\/td><td>100\.0%<\/td><td>4\.75<\/td>/);
  assert.match(page.text, /<th scope="row">内科<\/th><td>3<\/td><td>83\.3%<\/td><td>4\.50<\/td>/);
  assert.match(page.text, /<th scope="row">儿科<\/th><td>1<\/td><td>50\.0%<\/td><td>3\.00<\/td>/);
  assert.ok(page.text.includes('<svg class="chart"'));
  assert.ok(page.text.includes('aria-labelledby="trend-title"'));
  // choices counted
  assert.match(page.text, /电话:4 次/);
  assert.match(page.text, /收费:4 次/);
  // all channels: the phone call's ratings come in
  const all = await office.get(`/office/surveys/${id}/results?channel=all`);
  assert.match(all.text, /id="responses-total">5</);
  assert.match(all.text, /<th scope="row">医生解释<\/th><td>5<\/td><td>40\.0%<\/td><td>3\.00<\/td>/);
  // a department alone
  const onlyB = await office.get(`/office/surveys/${id}/results?department=${dB}`);
  assert.match(onlyB.text, /id="responses-total">1</);
  // months: twelve, the empty ones shown as such
  const months = [...page.text.matchAll(/<tr><th scope="row">(\d{4}-\d{2})<\/th><td>(\d+)<\/td><td>([^<]*)<\/td>/g)];
  assert.equal(months.length, 12);
  assert.deepEqual(months.slice(-1).map((m) => [m[2], m[3]]), [['4', '75.0%']]);
  assert.deepEqual(months[0].slice(2), ['0', '—']);
  // free text, searched (a % is a character, not a wildcard)
  const found = await office.get(`/office/surveys/${id}/results?q=${encodeURIComponent('排队')}`);
  assert.ok(found.text.includes(`${tag} 排队太久`));
  assert.ok(!found.text.includes(`${tag} 很好`));
  const none = await office.get(`/office/surveys/${id}/results?q=%25`);
  assert.ok(none.text.includes(h.lang('Surveys.Results.no_texts')));
  // the CSV, read by Python's csv module
  const csv = await fetch(`${h.ORIGIN}/office/surveys/${id}/results.csv`, { headers: { cookie: office.cookieHeader() } });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  const bytes = Buffer.from(await csv.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const parsed = JSON.parse(execFileSync('python3', ['-c',
    'import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig"))))))'],
  { input: bytes, encoding: 'utf8' }));
  assert.deepEqual(parsed[0], ['范围', '项目', '回答份数', '评分数', '满意率', '平均分']);
  const byItem = Object.fromEntries(parsed.slice(1).map((r) => [`${r[0]}:${r[1]}`, r.slice(2)]));
  assert.deepEqual(byItem['题目:医生解释'], ['4', '4', '50.0%', '3.50']);
  assert.deepEqual(byItem['科室:内科'], ['3', '6', '83.3%', '4.50']);
  assert.equal(parsed.filter((r) => r[0] === '月份').length, 12);
});
