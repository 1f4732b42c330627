// Surveys and the president's hotline in a phone browser (390x844, touch,
// zh-CN, headless Chromium), with axe-core on every page:
//   1. the office prints a ward's QR invitations; a patient opens one (read
//      from the printed QR code by zbarimg), answers by tapping the large
//      ratings, and the office sees the new response in the results chart;
//   2. a patient files a complaint, the office assigns and answers it, the
//      patient reads the reply on the status page.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { ROOT, BASE, sql, createUser } = require('../lib/portal');
const { useChromium, assertAccessible, assertFits, screenshot } = require('../lib/browser');

const { phone } = useChromium();

async function open(page, p, status = 200) {
  const res = await page.goto(BASE + p);
  assert.equal(res.status(), status, `GET ${p}`);
}

async function submit(page, name) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).tap()]);
}

// No sideways scrolling, then axe (serious and critical findings fail; axe
// takes seconds a page on the shared machine, so a page without anything
// of its own, `axe` false, is only measured and photographed).
async function check(page, where, axe = true) {
  await assertFits(page, where);
  if (axe) await assertAccessible(page, where);
  await screenshot(page, `surveys-${where}`);
}

async function login(page) {
  const user = createUser('office');
  await open(page, '/office/login');
  await page.getByLabel('用户名', { exact: true }).fill(user.username);
  await page.getByLabel('密码', { exact: true }).fill(user.password);
  await submit(page, '登录');
}

test('a ward QR invitation opened on a phone, answered, and the office sees it in the chart', async () => {
  const [[sid]] = sql("SELECT id FROM surveys WHERE code = 'IPD' AND status = 'active' ORDER BY version DESC LIMIT 1");
  const office = await phone();
  const patient = await phone();
  try {
    await login(office.page);
    await open(office.page, `/office/surveys/${sid}`);
    await office.page.getByLabel('病区').fill('心内科二病区');
    await office.page.getByLabel('张数').fill('2');
    await submit(office.page, '生成并打印');
    await check(office.page, 'ward-batch');
    const svg = await office.page.locator('.qr-sheet svg').first().evaluate((e) => e.outerHTML);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'survey-qr-'));
    fs.writeFileSync(path.join(dir, 'qr.svg'), svg);
    execFileSync('python3', [path.join(ROOT, 'tests/http/surveys-qr-raster.py'), path.join(dir, 'qr.svg'), path.join(dir, 'qr.pgm')]);
    const link = execFileSync('zbarimg', ['--quiet', '--raw', '--nodbus', path.join(dir, 'qr.pgm')], { encoding: 'utf8' }).trim();
    const local = link.replace(/^https?:\/\/[^/]+/, '');
    assert.match(local, /^\/surveys\/answer\?inv=/);

    await open(office.page, `/office/surveys/${sid}/results`);
    const before = Number(await office.page.locator('#responses-total').innerText());

    const { page } = patient;
    await open(page, local);
    await check(page, 'answer-empty', false);
    // sent with nothing: the messages beside the questions
    await submit(page, '提交问卷');
    assert.ok(await page.locator('.error-summary').isVisible());
    await check(page, 'answer-errors');
    const groups = page.getByRole('group');
    const n = await groups.count();
    for (let i = 0; i < n; i++) {
      const g = groups.nth(i);
      const legend = await g.locator('legend').innerText();
      if (legend.includes('改进')) await g.getByLabel('护理服务').tap();
      else await g.getByLabel(i % 2 ? '4 分 满意' : '5 分 很满意', { exact: true }).tap();
    }
    const said = `护士很耐心,夜里呼叫也来得很快。(${Date.now()})`;
    await page.getByLabel(/意见和建议/).fill(said);
    await check(page, 'answer-filled', false);
    // in the large-text mode (适老化) the ratings still fit the phone
    const large = await phone();
    await large.context.addCookies([{ name: 'textsize', value: 'large', url: BASE }]);
    await open(large.page, local);
    assert.ok(await large.page.evaluate(() => document.documentElement.classList.contains('text-large')));
    await check(large.page, 'answer-large', false);
    await large.context.close();
    await submit(page, '提交问卷');
    assert.equal(new URL(page.url()).pathname, '/surveys/thanks');
    await check(page, 'thanks', false);
    await open(page, local, 409);

    await open(office.page, `/office/surveys/${sid}/results`);
    assert.equal(Number(await office.page.locator('#responses-total').innerText()), before + 1);
    const chart = office.page.locator('svg.chart');
    assert.ok(await chart.isVisible());
    assert.equal(await chart.getAttribute('aria-labelledby'), 'trend-title');
    const month = await office.page.locator('#trend-table tbody tr').last().locator('td').first().innerText();
    assert.ok(Number(month) >= 1);
    assert.ok(await office.page.getByText(said).isVisible());
    await check(office.page, 'results');
  } finally {
    await office.context.close();
    await patient.context.close();
  }
});

test('a complaint filed on a phone, answered by the office, and the reply read on the status page', async () => {
  // the browser files from 127.0.0.1, as every run before it did
  sql("DELETE FROM rate_limits WHERE scope = 'complaint.client'");
  const patient = await phone();
  const office = await phone();
  try {
    const { page } = patient;
    await open(page, '/');
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '院长热线' }).first().tap()]);
    await check(page, 'complaint-form');
    await page.getByLabel('投诉').check();
    await page.getByLabel('事情经过').fill('周二上午在门诊收费窗口排队四十分钟,只开了一个窗口。');
    const mobile = `135${String(Date.now()).slice(-8)}`;
    await page.getByLabel('手机号').fill(mobile);
    await submit(page, '提交');
    const no = (await page.locator('#tracking-no').innerText()).trim();
    assert.match(no, /^T[0-9A-Z]{9}$/);
    await check(page, 'complaint-filed', false);

    await login(office.page);
    await open(office.page, '/office/complaints/');
    await Promise.all([office.page.waitForNavigation(), office.page.getByRole('link', { name: no }).tap()]);
    await office.page.getByLabel('转交科室').selectOption({ label: '内科' });
    await submit(office.page, '转交');
    const reply = '已增开两个收费窗口,并在高峰时段安排志愿者引导。感谢您的意见。';
    await office.page.getByLabel('答复内容').fill(reply);
    await submit(office.page, '提交答复(将短信通知反映人)');
    await check(office.page, 'complaint-office');

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '查询进度' }).tap()]);
    await page.getByLabel('手机号').fill(mobile);
    await submit(page, '查询');
    assert.equal((await page.locator('#complaint-reply').innerText()).trim(), reply);
    await check(page, 'complaint-status');
  } finally {
    await patient.context.close();
    await office.context.close();
  }
});
