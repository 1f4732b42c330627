// The volunteers' journey on a phone (390x844, touch, zh-CN) in headless
// Chromium: a person reads the recruitment call and applies on the phone
// (the pages carry no script: the form works without JavaScript), then the coordinator, on a phone too, takes the
// application through interview, training and exam to active and records
// hours.  axe-core on every page; no page wider than the screen.
//
// Screenshots for humans go to run/screenshots/ (git-ignored).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { BASE, sql, createUser } = require('../lib/portal');
const { useChromium, assertAccessible, assertFits, screenshot } = require('../lib/browser');

const { phone } = useChromium();

// Checks a page as the user sees it: status, fits, accessible, screenshot.
async function look(page, name, res, status = 200) {
  if (res) assert.equal(res.status(), status, `${name}: status`);
  await assertFits(page, name);
  await assertAccessible(page, name);
  await screenshot(page, `volunteers-${name}`);
}

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(birth, seq) {
  const body = `370402${birth}${String(seq).padStart(3, '0')}`;
  const sum = [...body].reduce((a, d, i) => a + Number(d) * W[i], 0);
  return body + '10X98765432'[sum % 11];
}

// Taps a link or button and waits for the page it leads to (a new
// navigation to `pathname`, also when that is the page's own path).
async function submitTo(page, button, pathname) {
  const arrived = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame() && new URL(frame.url()).pathname === pathname,
  });
  await button.tap();
  await arrived;
  await page.waitForLoadState('load');
}

test('apply on a phone (pages without scripts), then the coordinator takes it to active and records hours', async () => {
  const seq = Math.floor(Math.random() * 1000);
  const id = idNumber('19950612', seq);
  const mobile = `136${String(Date.now() % 100000000).padStart(8, '0')}`;
  const { context, page } = await phone();
  let no;
  try {
    let res = await page.goto(`${BASE}/volunteers/`);
    await look(page, '1-call', res);
    assert.ok((await page.locator('main').innerText()).includes('导医导诊'));
    await submitTo(page, page.getByRole('link', { name: '在线填写申请表' }), '/volunteers/apply');
    await look(page, '2-form', null);
    assert.equal(await page.evaluate(() => document.scripts.length), 0, 'the form needs no JavaScript');

    // first with mistakes: an under-age ID, nothing ticked
    const young = sql("SELECT DATE_FORMAT(CURDATE() - INTERVAL 17 YEAR, '%Y%m%d')")[0][0];
    await page.getByLabel('姓名', { exact: true }).fill('陈小志');
    await page.getByLabel('居民身份证号码', { exact: true }).fill(idNumber(young, seq));
    await submitTo(page, page.getByRole('button', { name: '提交申请' }), '/volunteers/apply');
    await look(page, '3-errors', null);
    const summary = await page.locator('.error-summary').innerText();
    assert.ok(summary.includes('申请人须年满 18 周岁'), summary);
    assert.ok(summary.includes('请至少勾选一个可服务时间段'));
    assert.equal(await page.getByLabel('姓名', { exact: true }).inputValue(), '陈小志', 'kept as typed');

    // then right, typed as a phone's keyboard gives it
    const typed = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
    await page.getByLabel('居民身份证号码', { exact: true }).fill(typed);
    await page.getByLabel('手机号码', { exact: true }).fill(`+86 ${mobile}`);
    await page.getByLabel('电子邮箱').fill('chen@example.com');
    await page.getByLabel('联系地址').fill('市中区建设路 12 号');
    await page.getByLabel('职业或就读学校').fill('退休教师');
    await page.getByLabel('本人身体状况基本健康,具备提供志愿服务的身体素质').check();
    await page.locator('#f-avail_0').check();
    await page.locator('#f-avail_9').check();
    await page.getByLabel('导医导诊').check();
    await page.getByLabel('健康宣教').check();
    await page.getByLabel('会讲本地方言').check();
    await page.getByLabel('紧急联系人姓名').fill('陈大志');
    await page.getByLabel('与本人关系').fill('配偶');
    await page.getByLabel('紧急联系人手机号码').fill('13700009999');
    assert.ok((await page.locator('#commitment').innerText()).includes('保护患者隐私'), 'the commitment is shown in full');
    await page.getByLabel('我已阅读并同意遵守以上《志愿工作承诺书》').check();
    await submitTo(page, page.getByRole('button', { name: '提交申请' }), '/volunteers/application');
    await look(page, '4-submitted', null);
    no = (await page.locator('#application-no').innerText()).trim();
    assert.match(no, /^V[A-Z0-9]{9}$/);
    assert.equal((await page.locator('#application-status').innerText()).trim(), '已提交,待面试安排');
    assert.deepEqual(sql(`SELECT id_number, mobile, availability FROM volunteer_applications WHERE application_no = '${no}'`)[0],
      [id, mobile, '10000000010000']);
  } finally {
    await context.close();
  }

  // the coordinator, on a phone
  const user = createUser('volunteer', 'vc');
  const office = await phone();
  try {
    const p = office.page;
    await p.goto(`${BASE}/office/login`);
    await p.getByLabel('用户名', { exact: true }).fill(user.username);
    await p.getByLabel('密码', { exact: true }).fill(user.password);
    await submitTo(p, p.getByRole('button', { name: '登录', exact: true }), '/office/');
    await submitTo(p, p.getByRole('link', { name: /志愿者管理/ }).first(), '/office/volunteers/');
    await p.getByLabel('姓名、申请编号或手机号').fill(no);
    await submitTo(p, p.getByRole('button', { name: '搜索' }), '/office/volunteers/');
    await look(p, '5-office-list', null);
    await submitTo(p, p.getByRole('link', { name: no }), `/office/volunteers/${sql(`SELECT id FROM volunteer_applications WHERE application_no = '${no}'`)[0][0]}`);
    const viewPath = new URL(p.url()).pathname;
    await look(p, '6-office-view', null);

    const when = sql("SELECT DATE_FORMAT(NOW() + INTERVAL 2 DAY, '%Y-%m-%dT10:00')")[0][0];
    await p.getByLabel('面试时间').fill(when);
    await p.getByLabel('面试地点').fill('门诊楼三楼志愿者服务站');
    await submitTo(p, p.locator('#form-interview').getByRole('button'), viewPath);
    assert.equal((await p.locator('#app-status').innerText()).trim(), '面试');
    await p.getByLabel('面试结论').fill('沟通耐心,熟悉方言');
    await submitTo(p, p.locator('#form-training').getByRole('button'), viewPath);
    await p.getByLabel('参加培训次数').fill('3');
    await submitTo(p, p.locator('#form-exam').getByRole('button'), viewPath);
    await p.getByLabel('考核成绩').fill('55');
    await submitTo(p, p.locator('#form-score').getByRole('button'), viewPath);
    assert.equal((await p.locator('#app-status').innerText()).trim(), '考核', '55: retake');
    await p.getByLabel('考核成绩').fill('88');
    await submitTo(p, p.locator('#form-score').getByRole('button'), viewPath);
    assert.equal((await p.locator('#app-status').innerText()).trim(), '正式志愿者');
    await look(p, '7-office-active', null);

    const day = sql("SELECT DATE_FORMAT(NOW() - INTERVAL 1 DAY, '%Y-%m-%d')")[0][0];
    await p.getByLabel('服务点').selectOption({ label: '门诊大厅导医台' });
    await p.getByLabel('开始时间').fill(`${day}T08:30`);
    await p.getByLabel('结束时间').fill(`${day}T11:00`);
    await submitTo(p, p.locator('#form-shift').getByRole('button'), viewPath);
    assert.ok((await p.locator('#done').innerText()).includes('已记录服务时长'));
    assert.ok((await p.locator('#shifts').innerText()).includes('150'));
    await look(p, '8-office-hours-recorded', null);
    const month = day.slice(0, 7);
    const res = await p.goto(`${BASE}/office/volunteers/hours?month=${month}`);
    await look(p, '9-office-month', res);
    const row = p.locator('#hours tr', { hasText: no });
    assert.ok((await row.innerText()).includes('未达到每月 4 小时'), 'under 4 hours: flagged');
  } finally {
    await office.context.close();
  }
});

test('the certificate, the star list, the service points\' codes and a QR check-in on a phone', async () => {
  const row = sql("SELECT application_no FROM volunteer_applications WHERE status = 'active' ORDER BY id DESC LIMIT 1");
  if (!row.length) return;
  // the certificate link as the office page gives it
  const user = createUser('volunteer', 'vc');
  const { context, page } = await phone();
  try {
    await page.goto(`${BASE}/office/login`);
    await page.getByLabel('用户名', { exact: true }).fill(user.username);
    await page.getByLabel('密码', { exact: true }).fill(user.password);
    await submitTo(page, page.getByRole('button', { name: '登录', exact: true }), '/office/');
    const id = sql(`SELECT id FROM volunteer_applications WHERE application_no = '${row[0][0]}'`)[0][0];
    await page.goto(`${BASE}/office/volunteers/${id}`);
    const href = await page.locator('#certificate-link').getAttribute('href');
    let res = await page.goto(BASE + href);
    await look(page, '10-certificate', res);
    assert.ok((await page.locator('#cert-state').innerText()).includes('真实有效'));
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'volunteers-10-certificate-print');
    await page.emulateMedia({ media: 'screen' });
    res = await page.goto(`${BASE}/volunteers/stars`);
    await look(page, '11-stars', res);
    res = await page.goto(`${BASE}/office/volunteers/points`);
    await look(page, '12-points', res);
    const pointLink = await page.locator('a.point-link').first().getAttribute('href');
    // the volunteer's link, sent to their mobile
    await page.goto(`${BASE}/office/volunteers/${id}`);
    await submitTo(page, page.locator('#form-link').getByRole('button'), `/office/volunteers/${id}`);
    const mobile = sql(`SELECT mobile FROM volunteer_applications WHERE id = ${id}`)[0][0];
    const params = JSON.parse(sql(`SELECT params FROM notification_outbox WHERE mobile = '${mobile}' AND kind = 'vol_link' ORDER BY id DESC LIMIT 1`)[0][0]);
    const own = await phone();
    try {
      const p = own.page;
      res = await p.goto(BASE + new URL(params.link).pathname + new URL(params.link).search);
      await look(p, '13-me', res);
      res = await p.goto(BASE + new URL(pointLink).pathname + new URL(pointLink).search);
      await look(p, '14-scan', res);
      const button = p.locator('#scan-button');
      const checkIn = (await button.innerText()).trim() === '签到';
      await submitTo(p, button, '/volunteers/scan');
      await look(p, '15-scanned', null);
      assert.ok((await p.locator('#scan-done').innerText()).includes(checkIn ? '签到成功' : '签退成功'));
    } finally {
      await own.context.close();
    }
  } finally {
    await context.close();
  }
});
