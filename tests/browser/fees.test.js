// 医药费用公开 in a phone's browser (Debian's Chromium, 390×844, JavaScript
// off as on the simplest phones): a patient searches the price list by
// pinyin initials, opens an item and its price history, then a family
// member reads an inpatient's daily fee list and its printable view.  axe
// checks every page; screenshots go to run/screenshots/.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, BASE, INSTANCE, sql, createUser } = require('../lib/portal');
const { SHOTS, PHONE_WIDTH, PHONE_HEIGHT, useChromium, assertAccessible, screenshot } = require('../lib/browser');

// the phones of this file have JavaScript off, as the simplest ones
const chrome = useChromium();
const phone = () => chrome.phone({ javaScript: false });

// axe needs the page's JavaScript: a second context with it on looks at the
// same URL (the list's signed link opens it again).  The width is that of
// the page itself, checked when page.evaluate answers.
async function checkPage(page, where) {
  const ctx = await page.context().browser().newContext({ viewport: { width: PHONE_WIDTH, height: PHONE_HEIGHT }, locale: 'zh-CN' });
  try {
    await ctx.addCookies(await page.context().cookies());
    const p = await ctx.newPage();
    await p.goto(page.url());
    await assertAccessible(p, where);
  } finally {
    await ctx.close();
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth).catch(() => null);
  if (width !== null) assert.ok(width <= PHONE_WIDTH, `${where}: ${width}px wide`);
  await screenshot(page, `fees-${where}`);
}

test('a patient finds 血常规 by typing xcg and reads its price history', async () => {
  const { context, page } = await phone();
  await page.goto(BASE + '/fees/');
  await page.getByLabel('名称、编码或拼音首字母').fill('xcg');
  await Promise.all([page.waitForURL(/\/fees\/\?q=xcg/), page.getByRole('button', { name: '查询' }).tap()]);
  const first = page.locator('.notice-link').first();
  assert.match(await first.innerText(), /^血常规/);
  await checkPage(page, 'search-xcg');
  await Promise.all([page.waitForURL(/\/fees\/items\/\d+$/), first.tap()]);
  assert.equal((await page.locator('main h1').innerText()).trim(), '血常规');
  const price = sql("SELECT CONCAT(price_fen DIV 100, '.', LPAD(price_fen MOD 100, 2, '0')) FROM fee_items WHERE his_code = '250101001'")[0][0];
  assert.match(await page.locator('.summary-list').innerText(), new RegExp(`${price.replace('.', '\\.')} 元/次`));
  assert.ok(await page.locator('table.data-table tbody tr').count() >= 1);
  await checkPage(page, 'item');
  // a category filter, without JavaScript
  await page.goto(BASE + '/fees/?q=tbkl');
  assert.match(await page.locator('.notice-link').first().innerText(), /^头孢克洛/);
  await context.close();
});

test('a family member reads the inpatient daily fee list and its printable view', async () => {
  const { context, page } = await phone();
  await page.goto(BASE + '/fees/inpatient');
  await checkPage(page, 'inpatient-form');
  await page.getByLabel('住院号').fill('ZY2026000456');
  await page.getByLabel('手机号或身份证号后4位').fill('5678');
  await Promise.all([page.waitForURL(/\/fees\/inpatient\/list\?t=/), page.getByRole('button', { name: '查询费用清单' }).tap()]);
  const main = await page.locator('main').innerText();
  assert.match(main, /住院费用一日清单/);
  assert.match(main, /李\*/);
  assert.match(main, /当日合计/);
  assert.match(main, /预交金余额不足/);
  assert.equal(await page.locator('details.fee-day').count(), 3);
  // an earlier day folded, opened by a tap (no JavaScript needed)
  const firstDay = page.locator('details.fee-day').first();
  assert.equal(await firstDay.getAttribute('open'), null);
  await firstDay.locator('summary').tap();
  assert.ok(await firstDay.locator('.fee-lines li').first().isVisible());
  await checkPage(page, 'inpatient-list');
  await Promise.all([page.waitForURL(/print=1/), page.getByRole('link', { name: '打印视图' }).tap()]);
  assert.ok(await page.locator('table.data-table').count() >= 3);
  await checkPage(page, 'inpatient-print');
  await context.close();
});

test('the office uploads a price list from the HIS and sees the dry run', async () => {
  const user = createUser('office', 'fees');
  const { context, page } = await phone();
  await page.goto(BASE + '/office/login');
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码').fill(user.password);
  await Promise.all([page.waitForURL(/\/office\/$/), page.getByRole('button', { name: '登录' }).tap()]);
  await page.goto(BASE + '/office/fees/');
  const file = path.join(ROOT, 'run', INSTANCE, 'demo-fees', 'prices.csv');
  const changed = path.join(SHOTS, 'fees-upload.csv');
  fs.writeFileSync(changed, fs.readFileSync(file, 'utf8').replace(/,18\.60,乙/, ',19.90,乙'));
  await page.setInputFiles('#f-file', changed);
  await Promise.all([page.waitForURL(/\/office\/fees\/import$/), page.getByRole('button', { name: '试运行（不保存）' }).tap()]);
  assert.match(await page.locator('#report').innerText(), /变更项目\s+1/);
  assert.match(await page.locator('details.fee-day[open]').innerText(), /18\.60\s+19\.90/);
  // the result page of a POST: axe looks at the form page of the same session
  await page.goto(BASE + '/office/fees/');
  await checkPage(page, 'office-import');
  fs.unlinkSync(changed);
  await context.close();
});
