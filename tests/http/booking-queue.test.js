// 候诊叫号 and 导诊.  The queue: a number per session at check-in, called in
// the order of slot time then check-in time, a late arrival (after their
// slot ended) at the time they came; 叫下一位, 过号 and 复位 at the desk; the
// patient's booking page shows 当前叫号 and how many are ahead; the hall
// screen reloads itself.  Triage: /booking/?q= by symptom (the office's
// table), name, specialty and pinyin initials, with the emergency line.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const h = require('./helpers.js');

const one = (q) => h.sql(q)[0];

// A doctor of its own with an evening session today and three slots: one
// that ended at 00:01 (its patient is late), one running all day, one at
// 23:58; a booking in each, made in the database (online booking closes
// before a slot starts, the desk's check-in is what is tested here).
function todaysQueue() {
  const tag = h.uniq('q');
  h.sql(`INSERT INTO doctors (department_id, name, title, specialty, intro) VALUES (1, '叫号${tag.slice(-6)}', 'attending', '测试', '测试')`);
  const [doctor] = one(`SELECT MAX(id) FROM doctors`);
  h.sql(`INSERT INTO clinic_sessions (doctor_id, department_id, session_date, period, clinic_type, fee_fen) VALUES (${doctor}, 1, CURDATE(), 'evening', 'general', 500)`);
  const [session] = one(`SELECT id FROM clinic_sessions WHERE doctor_id = ${doctor}`);
  const slots = [['00:00', '00:01'], ['00:01', '23:59'], ['23:58', '23:59']].map(([a, b]) => {
    h.sql(`INSERT INTO time_slots (session_id, starts_at, ends_at, capacity, booked) VALUES (${session}, TIMESTAMP(CURDATE(), '${a}'), TIMESTAMP(CURDATE(), '${b}'), 5, 1)`);
    return one(`SELECT MAX(id) FROM time_slots`)[0];
  });
  const nos = slots.map((slot, i) => {
    const no = `Q${crypto.randomBytes(6).toString('hex').toUpperCase().replace(/[01OI]/g, '7').slice(0, 9)}`;
    h.sql(`INSERT INTO bookings (confirmation_no, slot_id, session_id, department_id, session_date, period, person_key, patient_name, id_type, id_number, mobile, created_at)
           VALUES ('${no}', ${slot}, ${session}, 1, CURDATE(), 'evening', SHA2('${no}', 256), '患者${i}', 'passport', 'E${no.slice(1, 9)}', '1390000000${i}', NOW())`);
    return no;
  });
  return { doctor: Number(doctor), session: Number(session), late: nos[0], onTime: nos[1], later: nos[2] };
}

let checkinKey;
function viewLink(no) {
  checkinKey = checkinKey || Buffer.from(h.sqlValue("SELECT value FROM app_secrets WHERE name = 'checkin'"), 'hex');
  const t = crypto.createHmac('sha256', checkinKey).update(`view:${no}`).digest('base64url').slice(0, 22);
  return `/booking/booking?no=${no}&t=${t}`;
}

const ticket = (no) => one(`SELECT q.queue_no, q.state FROM queue_tickets q JOIN bookings b ON b.id = q.booking_id WHERE b.confirmation_no = '${no}'`);

async function act(desk, session, action, extra = {}) {
  const page = await desk.get('/office/desk');
  const res = await desk.post(`/office/desk/queue/${session}`, { _csrf: h.csrfOf(page.text), action, ...extra });
  assert.equal(res.status, 303, `${action}: ${res.status}`);
}

// The three slots need a minute of today behind and ahead of now: within
// two minutes of midnight the test waits until 00:02 (no clinic runs then).
async function awayFromMidnight() {
  const s = Number(one('SELECT TIME_TO_SEC(CURTIME())')[0]);
  const wait = s < 120 ? 120 - s : s > 86400 - 120 ? 86400 - s + 120 : 0;
  if (wait) await h.sleep(wait * 1000);
}

test('queue numbers in check-in order; called by slot time, a late arrival after those on time; skip and put back', async (t) => {
  await awayFromMidnight();
  const q = todaysQueue();
  // the test's own doctor, session and bookings are removed again (other
  // tests compare a department's page with all its doctors)
  t.after(() => h.sql(`DELETE q FROM queue_tickets q JOIN clinic_sessions cs ON cs.id = q.session_id WHERE cs.doctor_id = ${q.doctor};
       DELETE n FROM notification_outbox n JOIN bookings b ON b.id = n.booking_id JOIN clinic_sessions cs ON cs.id = b.session_id WHERE cs.doctor_id = ${q.doctor};
       DELETE b FROM bookings b JOIN clinic_sessions cs ON cs.id = b.session_id WHERE cs.doctor_id = ${q.doctor};
       DELETE t FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id WHERE cs.doctor_id = ${q.doctor};
       DELETE FROM clinic_sessions WHERE doctor_id = ${q.doctor}; DELETE FROM doctors WHERE id = ${q.doctor}`));
  const desk = await h.loggedIn('desk', h.ORIGIN);
  for (const no of [q.late, q.later, q.onTime]) {
    const page = await desk.get('/office/desk');
    const res = await desk.post('/office/desk/checkin', { _csrf: h.csrfOf(page.text), code: no });
    assert.equal(res.status, 200);
  }
  assert.deepEqual([ticket(q.late), ticket(q.later), ticket(q.onTime)], [['1', 'waiting'], ['2', 'waiting'], ['3', 'waiting']]);

  const patient = new h.Client(h.ORIGIN);
  let page = await patient.get(viewLink(q.later));
  assert.match(page.text, /id="queue-no">2</);
  assert.ok(page.text.includes(`id="queue-current">${h.lang('Queue.none_called')}<`));
  assert.match(page.text, /id="queue-ahead">2</, 'the on-time patient and the late one are ahead');

  await act(desk, q.session, 'next');
  assert.equal(ticket(q.onTime)[1], 'called', 'the slot that began first is called first');
  page = await patient.get(viewLink(q.onTime));
  assert.ok(page.text.includes(h.lang('Queue.your_turn')));
  page = await patient.get(viewLink(q.later));
  assert.match(page.text, /id="queue-current">3</);
  assert.match(page.text, /id="queue-ahead">1</);

  await act(desk, q.session, 'skip');
  assert.deepEqual([ticket(q.onTime)[1], ticket(q.late)[1]], ['skipped', 'called'], 'skipped, and the late arrival is next');
  const deskPage = await desk.get('/office/desk');
  assert.ok(deskPage.text.includes(`aria-label="${h.lang('Queue.recall')} 3"`), 'the desk can put the skipped patient back');

  await act(desk, q.session, 'recall', { ticket: 3 });
  assert.equal(ticket(q.onTime)[1], 'waiting');
  await act(desk, q.session, 'next');
  assert.deepEqual([ticket(q.late)[1], ticket(q.onTime)[1], ticket(q.later)[1]], ['done', 'called', 'waiting'],
    'back in line at the time they returned, before the 23:58 slot');
  await act(desk, q.session, 'next');
  assert.equal(ticket(q.later)[1], 'called');

  // the hall screen: the number called, refreshing itself
  const screen = await fetch(`${h.ORIGIN}/booking/departments/1/queue`);
  const html = await screen.text();
  assert.equal(screen.status, 200);
  assert.match(html, /<meta http-equiv="refresh" content="15">/);
  assert.match(html, new RegExp(`id="screen-${q.session}"[\\s\\S]*?class="queue-number">2<`));
  assert.ok(!html.includes('患者'), 'no names on the hall screen');
  assert.equal(one(`SELECT COUNT(*) FROM audit_log WHERE entity = 'clinic_session' AND entity_id = ${q.session} AND action = 'queue'`)[0], '5');
});

async function search(q) {
  const res = await fetch(`${h.ORIGIN}/booking/?q=${encodeURIComponent(q)}`);
  return { status: res.status, text: await res.text() };
}
const found = (text, id) => {
  const m = text.match(new RegExp(`id="${id}">([\\s\\S]*?)</ul>`));
  return m ? [...m[1].matchAll(/href="[^"]+">([^<]+)</g)].map((x) => x[1]) : [];
};

test('导诊: symptoms lead to departments; chest pain shows the emergency line first', async () => {
  assert.deepEqual(found((await search('头痛')).text, 'symptom-results'), ['神经内科']);
  assert.deepEqual(found((await search('发热')).text, 'symptom-results').sort(), ['内科', '发热门诊'].sort());
  assert.deepEqual(found((await search('牙痛')).text, 'symptom-results'), ['口腔科']);
  assert.ok(found((await search('孩子咳嗽两天')).text, 'symptom-results').includes('儿科'));
  const chest = await search('胸痛');
  assert.ok(chest.text.includes('id="emergency-line"'));
  assert.ok(chest.text.includes(`href="tel:${h.site('phones.0.number')}"`));
  assert.ok(chest.text.indexOf('id="emergency-line"') < chest.text.indexOf('id="symptom-results"'));
  assert.ok(!(await search('头痛')).text.includes('id="emergency-line"'));
  assert.ok((await search('呼吸困难')).text.includes('id="emergency-line"'));
});

test('导诊: names, specialties and pinyin initials; nothing found and a too long query are said', async () => {
  assert.deepEqual(found((await search('sjnk')).text, 'department-results'), ['神经内科']);
  assert.deepEqual(found((await search('EK')).text, 'department-results'), ['儿科']);
  assert.ok(found((await search('wjg')).text, 'doctor-results').includes('王建国'));
  assert.ok(found((await search('哮喘')).text, 'doctor-results').includes('王建国'), 'by specialty');
  assert.deepEqual(found((await search('耳鼻')).text, 'department-results'), ['耳鼻喉科']);
  const none = await search('zzzzqqq');
  assert.ok(none.text.includes('id="triage-none"'));
  const long = await search('头'.repeat(40));
  assert.equal(long.status, 422);
  assert.ok(long.text.includes('id="f-q-error"'));
});

test('the office keeps the symptom table; a new row is found at once', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const symptom = `耳朵${h.uniq('').slice(-4)}痛`;
  const [ent] = one(`SELECT id FROM departments WHERE name = '耳鼻喉科'`);
  const page = await office.get('/office/symptoms');
  assert.equal(page.status, 200);
  const bad = await office.post('/office/symptoms', { _csrf: h.csrfOf(page.text), symptom: '', department_id: ent });
  assert.equal(bad.status, 422);
  assert.ok(bad.text.includes('id="f-symptom-error"'));
  const nowhere = await office.post('/office/symptoms', { _csrf: h.csrfOf(page.text), symptom, department_id: 65000 });
  assert.equal(nowhere.status, 422);
  assert.ok(nowhere.text.includes(h.fieldError('must_choose', 'Triage.department')));
  assert.ok(nowhere.text.includes(`value="${symptom}"`), 'what was typed is kept');
  const res = await office.post('/office/symptoms', { _csrf: h.csrfOf(page.text), symptom, department_id: ent });
  assert.equal(res.status, 303);
  assert.deepEqual(found((await search(symptom)).text, 'symptom-results'), ['耳鼻喉科']);
  const twice = await office.post('/office/symptoms', { _csrf: h.csrfOf(page.text), symptom, department_id: ent });
  assert.equal(twice.status, 422);
  const [id] = one(`SELECT id FROM symptom_departments WHERE symptom = '${symptom}'`);
  const del = await office.post(`/office/symptoms/${id}/delete`, { _csrf: h.csrfOf(page.text) });
  assert.equal(del.status, 303);
  assert.equal(one(`SELECT COUNT(*) FROM symptom_departments WHERE symptom = '${symptom}'`)[0], '0');
  assert.equal(one(`SELECT COUNT(*) FROM audit_log WHERE entity = 'symptom_department' AND entity_id = ${id}`)[0], '2');
});
