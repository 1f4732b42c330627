// Helpers of the volunteers' HTTP tests (not a test file itself): ID
// numbers of a chosen birth date, a valid application, submitting it, the
// coordinator's moves and the messages queued for a mobile.
'use strict';
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
// A GB 11643 number: region (6 digits), birth date YYYYMMDD, sequence (3).
function idNumber(region, birth, seq) {
  const body = `${region}${birth}${String(seq % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((a, d, i) => a + Number(d) * W[i], 0);
  return body + '10X98765432'[sum % 11];
}

let n = Math.floor(Math.random() * 900000);
// A distinct adult applicant's ID (born 1960-1999) and mobile.
function person() {
  n += 1;
  const year = 1960 + (n % 40), month = 1 + (Math.floor(n / 40) % 12), day = 1 + (Math.floor(n / 480) % 28);
  const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const id = idNumber('370402', birth, Math.floor(n / 13440) + (process.pid % 7) * 100);
  const mobile = `139${String(process.pid % 1000).padStart(3, '0')}${String(n % 100000).padStart(5, '0')}`;
  return { id, mobile };
}

// Every field of a valid application.
function application(p = person(), extra = {}) {
  return {
    name: '李志愿', id_number: p.id, mobile: p.mobile, email: 'li@example.com',
    address: '市中区人民路 8 号', occupation: '市卫生学校学生', political_status: 'league',
    health_ok: '1', health: '', avail_0: '1', avail_5: '1', svc_guide: '1', svc_ward: '1',
    skills: '急救证', lang_dialect: '1', lang_sign: '1', languages: '英语', previous: '社区志愿服务两年',
    emergency_name: '李父', emergency_relation: '父亲', emergency_mobile: '13700001111', accept: '1', ...extra,
  };
}

// A browser of an applicant, from an address of its own.
function applicant() {
  return new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
}

async function submit(client, fields) {
  const token = await client.csrf('/volunteers/apply');
  assert.ok(token, 'the form has a CSRF token');
  return client.post('/volunteers/apply', { _csrf: token, ...fields });
}

// Applies and returns { no, id, location }.
async function apply(fields = application()) {
  const c = applicant();
  const res = await submit(c, fields);
  assert.equal(res.status, 303, `applied: ${res.status} ${res.text.slice(0, 200)}`);
  const page = await c.get(res.location);
  const no = (page.text.match(/id="application-no">([A-Z0-9]{10})</) || [])[1];
  assert.ok(no, 'the status page shows the application number');
  const id = Number(h.sqlValue(`SELECT id FROM volunteer_applications WHERE application_no = '${no}'`));
  return { no, id, location: res.location, client: c, fields };
}

const errorBeside = (html, field) => {
  const m = html.match(new RegExp(`id="f-${field}-error">([^]*?)</p>`));
  return m ? m[1].replace(/<[^>]+>/g, '').replace(h.lang('error_prefix'), '').trim() : null;
};

async function move(office, id, fields) {
  const token = await office.csrf(`/office/volunteers/${id}`);
  return office.post(`/office/volunteers/${id}/move`, { _csrf: token, ...fields });
}

const status = (id) => h.sqlValue(`SELECT status FROM volunteer_applications WHERE id = ${id}`);

// The outbox's messages to a mobile, oldest first: [{ kind, params }].
function messages(mobile) {
  return h.sql(`SELECT kind, params FROM notification_outbox WHERE mobile = '${mobile}' ORDER BY id`)
    .map(([kind, params]) => ({ kind, params: JSON.parse(params) }));
}

// Takes an application to active (interview, training, exam passed).
async function toActive(office, id) {
  const when = h.dbTime('+ INTERVAL 2 DAY');
  for (const step of [
    { action: 'interview', interview_at: when, interview_place: '门诊楼三楼会议室' },
    { action: 'training', outcome: '沟通良好' },
    { action: 'exam', sessions: '3' },
    { action: 'score', score: '85' },
  ]) {
    const res = await move(office, id, step);
    assert.equal(res.status, 303, `${step.action}: ${res.status}`);
  }
  assert.equal(status(id), 'active');
}

module.exports = { idNumber, person, application, applicant, submit, apply, errorBeside, move, status, messages, toActive };
