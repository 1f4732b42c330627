// The working calendar (工作日历) on a phone (390x844, touch, zh-CN): the
// office reads the year's holidays grouped as the State Council's notice
// gives them, enters a day off with the date picker's value, sees it in its
// own group and deletes it; axe-core on each page, nothing wider than the
// phone, and the year short enough to read without scrolling for metres.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { BASE, sql, createUser } = require('../lib/portal');
const { useChromium, assertAccessible, assertFits, screenshot, PHONE_HEIGHT } = require('../lib/browser');

const { phone } = useChromium();

test('the office reads the year by holiday, enters a day off and deletes it on a phone', async () => {
  const { context, page } = await phone();
  const user = createUser('office');
  // a weekday of next year not in any notice entered
  const [day] = sql(`SELECT d FROM (SELECT MAKEDATE(YEAR(CURDATE()) + 1, 1) + INTERVAL n DAY AS d
      FROM (SELECT 40 AS n UNION SELECT 41 UNION SELECT 42 UNION SELECT 43 UNION SELECT 44) k) c
    WHERE WEEKDAY(d) < 5 AND d NOT IN (SELECT day FROM calendar_days) ORDER BY d LIMIT 1`)[0];
  try {
    await page.goto(`${BASE}/office/login`);
    await page.getByLabel('用户名', { exact: true }).fill(user.username);
    await page.getByLabel('密码', { exact: true }).fill(user.password);
    await Promise.all([page.waitForURL(/\/office\/$/), page.getByRole('button', { name: '登录', exact: true }).tap()]);
    await page.goto(`${BASE}/office/calendar?year=2026`);
    const national = page.locator('section.calendar-group', { has: page.getByRole('heading', { name: '国庆节 放假', exact: true }) });
    assert.equal(await national.locator('.calendar-group-days').innerText(), '10月1日至10月7日,共 7 天');
    assert.equal(await national.getByRole('button', { name: /^删除/ }).isVisible(), false, 'the days to delete are folded');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await screenshot(page, 'calendar-2026');
    // the form and the footer take two screens; the year itself one
    assert.ok(height < 3.25 * PHONE_HEIGHT, `the year's 39 days in ${height} px`);
    await national.locator('summary').tap();
    assert.equal(await national.locator('li').count(), 7);
    assert.equal(await national.getByRole('button', { name: '删除 2026-10-01 国庆节' }).isVisible(), true);
    assert.equal(await page.locator('li.calendar-day').count(), 39, 'the whole notice');
    await assertAccessible(page, 'calendar');
    await assertFits(page, 'calendar');

    await page.goto(`${BASE}/office/calendar`);
    await page.getByLabel('日期').fill(day);
    await page.getByRole('radio', { name: '放假' }).check();
    await page.getByLabel('名称').fill('测试闭院日');
    await Promise.all([page.waitForURL(/done=added/), page.getByRole('button', { name: '添加' }).tap()]);
    assert.match(await page.getByRole('status').first().innerText(), /已添加/);
    const mine = page.locator('section.calendar-group', { has: page.getByRole('heading', { name: '测试闭院日 放假', exact: true }) });
    assert.match(await mine.locator('.calendar-group-days').innerText(), /共 1 天$/);
    assert.equal(await mine.locator(`li[data-day="${day}"]`).count(), 1);
    await mine.locator('summary').tap();
    assert.deepEqual(sql(`SELECT working, name FROM calendar_days WHERE day = '${day}'`)[0], ['0', '测试闭院日']);
    await assertAccessible(page, 'calendar added');
    await assertFits(page, 'calendar added');
    await screenshot(page, 'calendar-added');

    await Promise.all([page.waitForURL(/done=deleted/), mine.getByRole('button', { name: `删除 ${day} 测试闭院日` }).tap()]);
    assert.match(await page.getByRole('status').first().innerText(), /已删除/);
    assert.equal(await page.locator(`li[data-day="${day}"]`).count(), 0);
    assert.equal(sql(`SELECT COUNT(*) FROM calendar_days WHERE day = '${day}'`)[0][0], '0');
  } finally {
    sql(`DELETE FROM calendar_days WHERE day = '${day}'`);
    await context.close();
  }
});
