// The working calendar (/office/calendar, sql/025): the office enters the
// State Council's public holidays and the weekend days worked; a
// complaint's deadlines in working days skip the holidays and count the
// weekend days worked.  Bad input is refused beside the field and kept;
// each change is audited; only the office and admins may change it.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const one = (q) => h.sql(q)[0];
let mobileN = Math.floor(Math.random() * 9000000);
const mobile = () => `137${String(10000000 + (mobileN++ % 89999999)).slice(0, 8)}`;

// The next weekday after today and the Saturday of the week after, as the
// database's clock has them ("YYYY-MM-DD"), neither in the calendar.
function testDays() {
  const [weekday, saturday] = one(`SELECT
      DATE_FORMAT(CURDATE() + INTERVAL IF(WEEKDAY(CURDATE()) >= 4, 7 - WEEKDAY(CURDATE()), 1) DAY, '%Y-%m-%d'),
      DATE_FORMAT(CURDATE() + INTERVAL (12 - WEEKDAY(CURDATE())) DAY, '%Y-%m-%d')`);
  h.sql(`DELETE FROM calendar_days WHERE day IN ('${weekday}', '${saturday}')`);
  return { weekday, saturday };
}

async function fileComplaint() {
  const client = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const token = await client.csrf('/complaints/');
  const res = await client.post('/complaints/', { _csrf: token, kind: 'complaint', what: `门诊楼电梯等候时间太长 ${h.uniq()}`, mobile: mobile() });
  assert.equal(res.status, 303);
  const no = new URL(res.location, h.ORIGIN).searchParams.get('no');
  return one(`SELECT DATE_FORMAT(received_at, '%Y-%m-%d'), DATE_FORMAT(ack_due, '%Y-%m-%d'),
                     DATE_FORMAT(answer_due, '%Y-%m-%d') FROM complaints WHERE tracking_no = '${no}'`);
}

// The calendar page's groups: a holiday's days off, or its weekend days
// worked: its title, the days as the group's line gives them, and each day
// with its delete button.
function calendarGroups(html) {
  const text = (x) => x.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  return [...html.matchAll(/<section class="calendar-group"[^>]*data-kind="([^"]+)">([\s\S]*?)<\/section>/g)].map(([, kind, body]) => {
    const title = text(body.match(/<h3[^>]*>([\s\S]*?)<\/h3>/)[1]);
    const line = text(body.match(/<span class="calendar-group-days">([\s\S]*?)<\/span>/)[1]);
    const days = [...body.matchAll(/<li class="calendar-day" data-day="([^"]+)"><time datetime="[^"]+">([^<]+)<\/time>/g)]
      .map(([, day, shown]) => ({ day, shown }));
    return { title, name: title.split(' ')[0], kind, line, days };
  });
}

test('the 2026 notice is entered: National Day off, the weekend days worked listed, and next year asked for from November', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const page = await office.get('/office/calendar?year=2026');
  assert.equal(page.status, 200);
  const groups = calendarGroups(page.text);
  const national = groups.find((g) => g.name === '国庆节' && g.kind === 'holiday');
  assert.ok(national, 'National Day');
  assert.equal(national.title, '国庆节 放假');
  assert.equal(national.line, '10月1日至10月7日,共 7 天');
  assert.deepEqual(national.days[0], { day: '2026-10-01', shown: '10月1日 周四' });
  const worked = groups.find((g) => g.name === '国庆节调休上班');
  assert.equal(worked.kind, 'workday');
  assert.equal(worked.line, '9月20日、10月10日,共 2 天', 'weekend days worked apart are listed');
  assert.deepEqual(worked.days.map((d) => d.shown), ['9月20日 周日', '10月10日 周六']);
  const days = groups.flatMap((g) => g.days);
  assert.equal(days.length, 39, 'every day of the notice: 33 days off, 6 weekend days worked');
  assert.equal(groups.filter((g) => g.kind === 'workday').flatMap((g) => g.days).length, 6);
  assert.equal(new Set(days.map((d) => d.day)).size, 39, 'each day once');
  assert.equal((page.text.match(/action="\/office\/calendar\/delete"/g) || []).length, 39, 'each day can be deleted');
  const thisYear = await office.get('/office/calendar');
  const [year, month, nextDays] = one(`SELECT YEAR(CURDATE()), MONTH(CURDATE()),
      (SELECT COUNT(*) FROM calendar_days WHERE YEAR(day) = YEAR(CURDATE()) + 1)`);
  assert.ok(thisYear.text.includes(`${h.lang('Calendar.title')} ${year}`));
  assert.equal(thisYear.text.includes('id="calendar-next-missing"'), Number(month) >= 11 && nextDays === '0',
    'next year is asked for from November while it is empty');
  const empty = await office.get('/office/calendar?year=2031');
  assert.ok(empty.text.includes('id="calendar-empty"'));
});

test('a holiday the office adds moves the next complaint deadline; a weekend day worked counts; both audited, then removed', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const { weekday, saturday } = testDays();
  const audited = (action) => Number(one(`SELECT COUNT(*) FROM audit_log WHERE action = '${action}'
      AND entity = 'calendar_day' AND entity_id = ${weekday.replace(/-/g, '')}`)[0]);
  const [created, deleted] = [audited('create'), audited('delete')];
  const before = await fileComplaint();
  try {
    const token = h.csrfOf((await office.get('/office/calendar')).text);
    const added = await office.post('/office/calendar', { _csrf: token, day: weekday, kind: 'holiday', name: '测试假日' });
    assert.equal(added.status, 303);
    assert.equal(added.location, `/office/calendar?year=${weekday.slice(0, 4)}&done=added`);
    const shown = await office.get(added.location);
    assert.ok(shown.text.includes(h.lang('Calendar.Done.added')));
    const mine = calendarGroups(shown.text).find((g) => g.name === '测试假日');
    assert.deepEqual(mine && [mine.kind, mine.days.map((d) => d.day)], ['holiday', [weekday]], 'shown as a day off');
    assert.deepEqual(one(`SELECT working, name FROM calendar_days WHERE day = '${weekday}'`), ['0', '测试假日']);
    assert.equal(audited('create'), created + 1, 'audited');

    const after = await fileComplaint();
    assert.equal(after[0], before[0], 'filed the same day');
    assert.ok(after[1] > before[1], `acknowledgement after the holiday: ${before[1]} -> ${after[1]}`);
    assert.notEqual(after[1], weekday);

    // a Saturday worked, a week on: it counts for the 5-day answer when it is reached
    const worked = await office.post('/office/calendar', { _csrf: token, day: saturday, kind: 'workday', name: '测试调休上班' });
    assert.equal(worked.status, 303);
    const third = await fileComplaint();
    assert.ok(third[2] <= after[2], `the answer no later with a Saturday worked: ${after[2]} -> ${third[2]}`);
  } finally {
    for (const day of [weekday, saturday]) {
      const token = h.csrfOf((await office.get(`/office/calendar?year=${day.slice(0, 4)}`)).text);
      await office.post('/office/calendar/delete', { _csrf: token, day });
    }
  }
  assert.equal(one(`SELECT COUNT(*) FROM calendar_days WHERE day IN ('${weekday}', '${saturday}')`)[0], '0');
  assert.equal(audited('delete'), deleted + 1, 'the removal audited');
  assert.deepEqual(await fileComplaint(), before, 'removed: the deadlines are as before');
});

test('bad input: refused beside the field and kept; a weekday cannot be a day worked; a day twice refused; no CSRF, no role: refused', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const { weekday } = testDays();
  const token = h.csrfOf((await office.get('/office/calendar')).text);
  const empty = await office.post('/office/calendar', { _csrf: token, day: '', kind: '', name: '' });
  assert.equal(empty.status, 422);
  for (const f of ['day', 'kind', 'name']) assert.ok(empty.text.includes(`id="f-${f}-error"`), f);
  const bad = await office.post('/office/calendar', { _csrf: token, day: '2026-02-30', kind: 'holiday', name: '春节' });
  assert.equal(bad.status, 422);
  assert.ok(bad.text.includes('id="f-day-error"'));
  assert.ok(bad.text.includes('value="春节"'), 'the name is kept');
  const long = await office.post('/office/calendar', { _csrf: token, day: weekday, kind: 'holiday', name: '一二三四五六七八九十一二三四五六七' });
  assert.equal(long.status, 422);
  assert.ok(long.text.includes('id="f-name-error"'));
  const workday = await office.post('/office/calendar', { _csrf: token, day: weekday, kind: 'workday', name: '调休上班' });
  assert.equal(workday.status, 422);
  assert.ok(workday.text.includes(h.lang('Error.calendar_workday_on_weekday')));
  assert.ok(workday.text.includes(`value="${weekday}"`), 'the date is kept');
  assert.ok(/id="f-kind-workday"[^>]* checked/.test(workday.text), 'the choice is kept');
  const twice = await office.post('/office/calendar', { _csrf: token, day: '2026-10-01', kind: 'holiday', name: '国庆节' });
  assert.equal(twice.status, 422);
  assert.ok(twice.text.includes(h.lang('Error.calendar_day_exists')));
  assert.equal(one("SELECT COUNT(*) FROM calendar_days WHERE day = '2026-10-01'")[0], '1');
  assert.equal(one(`SELECT COUNT(*) FROM calendar_days WHERE day = '${weekday}'`)[0], '0', 'nothing stored');

  const noToken = await office.post('/office/calendar', { day: weekday, kind: 'holiday', name: '无令牌' });
  assert.equal(noToken.status, 403);
  const missing = await office.post('/office/calendar/delete', { _csrf: token, day: '2031-01-05' });
  assert.equal(missing.status, 404);
  const desk = await h.loggedIn('desk', h.ORIGIN);
  assert.equal((await desk.get('/office/calendar')).status, 403);
  const deskToken = h.csrfOf((await desk.get('/office/desk')).text);
  assert.equal((await desk.post('/office/calendar/delete', { _csrf: deskToken, day: '2026-10-01' })).status, 403);
  assert.equal(one("SELECT COUNT(*) FROM calendar_days WHERE day = '2026-10-01'")[0], '1');
});
