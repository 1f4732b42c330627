// Browser journeys on a phone (390x844, touch, zh-CN) in headless Chromium:
// what a patient and an office worker see, the large-text mode (适老化),
// accessibility (axe-core) of every page visited, and printing.
//
//   PORTAL_URL=http://127.0.0.1:8380 PORTAL_ORIGIN_URL=http://127.0.0.1:8381 \
//   PORTAL_INSTANCE=browserdev node --test --test-concurrency=1 tests/browser/
//
// Screenshots for humans go to run/screenshots/ (git-ignored).
'use strict';
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { ROOT, BASE, sql, createUser } = require('../lib/portal');
const { PHONE_WIDTH, PHONE_HEIGHT, useChromium, assertAccessible, assertFits, screenshot } = require('../lib/browser');

// The texts the user reads, from the same files the portal renders.
const SITE_NAME = fs.readFileSync(path.join(ROOT, 'templates/site.hdf'), 'utf8')
  .match(/^\s*name\s*=\s*(.+?)\s*$/m)[1];
const CATEGORIES = {
  notice: '通知公告', recruitment: '招聘招募', stop_clinic: '停诊通知',
  price_change: '价格调整', health_talk: '健康讲座',
};
const PUBLIC_ORDER = 'ORDER BY pinned DESC, publish_at DESC, id DESC';

const chrome = useChromium();
// Pages kept by the 1-second page cache (nginx) before this file began, e.g.
// by the HTTP tests, must not be compared with the database.
before(() => new Promise((resolve) => setTimeout(resolve, 1100)));

// A fresh phone: its own cookies; every JavaScript dialog is recorded (and
// dismissed) so a test can assert that none opened.
async function phone() {
  const { context, page } = await chrome.phone();
  page.dialogs = [];
  page.on('dialog', (d) => {
    page.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return { context, page };
}

async function open(page, p, status = 200, base = BASE) {
  const res = await page.goto(base + p);
  assert.equal(res.status(), status, `GET ${p}`);
  return res;
}

// Taps (touch) a link or button, then waits for the navigation it starts to
// arrive (after any redirects) at a page whose URL satisfies `url`, loaded.
// (page.waitForURL alone would be satisfied at once by a link back to the
// page the user is on.)
async function tapTo(page, locator, url) {
  return actTo(page, () => locator.tap(), url);
}

async function clickTo(page, locator, url) {
  return actTo(page, () => locator.click(), url);
}

async function actTo(page, act, url) {
  const arrived = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame() && url(new URL(frame.url())),
  });
  await act();
  await arrived;
  await page.waitForLoadState('load');
}

const urlIs = (p) => (u) => u.pathname + u.search === p;

async function text(locator) {
  return (await locator.innerText()).trim();
}

async function h1(page) {
  return text(page.locator('main h1'));
}

async function largeText(page) {
  return page.evaluate(() => document.documentElement.classList.contains('text-large'));
}

function mainNav(page) {
  return page.getByRole('navigation', { name: '主导航' });
}

// The notices of a list page as the user sees them.
async function listItems(page) {
  return page.locator('main .notice-list > .notice-item').evaluateAll((items) => items.map((li) => {
    const link = li.querySelector('a.notice-link');
    const time = li.querySelector('time.notice-date');
    return {
      title: link ? link.textContent.trim() : '',
      href: link ? link.getAttribute('href') : '',
      badge: (li.querySelector('.badge') || {}).textContent || '',
      pinned: !!li.querySelector('.badge-pinned'),
      date: time ? time.textContent.trim() : '',
      datetime: time ? time.getAttribute('datetime') : '',
      visible: !!(link && link.getClientRects().length),
    };
  }));
}

function assertListShape(items, where) {
  assert.ok(items.length >= 1 && items.length <= 20, `${where}: ${items.length} notices shown (1 to 20 expected)`);
  const names = Object.values(CATEGORIES);
  for (const it of items) {
    assert.ok(it.title.length > 0 && it.visible, `${where}: a notice without a visible title`);
    assert.match(it.href, /^\/notices\/\d+$/, `${where}: link of "${it.title}"`);
    assert.ok(names.includes(it.badge.trim()), `${where}: "${it.title}" has category badge "${it.badge}"`);
    assert.match(it.date, /^\d{4}-\d{2}-\d{2}$/, `${where}: date of "${it.title}"`);
    assert.equal(it.datetime, it.date, `${where}: <time datetime> of "${it.title}"`);
  }
  const firstUnpinned = items.findIndex((it) => !it.pinned);
  if (firstUnpinned >= 0) {
    assert.ok(items.slice(firstUnpinned).every((it) => !it.pinned), `${where}: pinned notices are not all first`);
  }
}

function publicIds(where = '1', limit = 20, offset = 0) {
  return sql(`SELECT id, pinned FROM public_notices WHERE ${where} ${PUBLIC_ORDER} LIMIT ${limit} OFFSET ${offset}`);
}

// An office account for one journey.
function officeUser(t, prefix) {
  return createUser('office', prefix);
}

async function login(page, user) {
  await open(page, '/office/login');
  await page.getByLabel('用户名', { exact: true }).fill(user.username);
  await page.getByLabel('密码', { exact: true }).fill(user.password);
  await clickTo(page, page.getByRole('button', { name: '登录', exact: true }), urlIs('/office/'));
  assert.equal(await h1(page), '后台首页');
}

test('1. a patient reads notices on a phone', async () => {
  const { context, page } = await phone();
  try {
    // the home page: the hospital, the latest notices
    await open(page, '/');
    assert.equal(await h1(page), SITE_NAME);
    assert.equal(await page.title(), `首页 - ${SITE_NAME}`);
    const latest = page.locator('section.latest');
    assert.equal(await text(latest.getByRole('heading', { level: 2 })), '最新通知');
    const latestItems = await latest.locator('.notice-item').count();
    const expectedLatest = Math.min(6, Number(sql('SELECT COUNT(*) FROM public_notices')[0][0]));
    assert.equal(latestItems, expectedLatest, 'latest notices on the home page');
    assert.ok(latestItems > 0, 'the demo data has public notices');
    const latestFirst = await text(latest.locator('.notice-link').first());
    const [[firstId]] = publicIds('1', 1);
    assert.equal(latestFirst, sql(`SELECT title FROM notices WHERE id = ${firstId}`)[0][0]);
    await assertFits(page, 'home');
    await screenshot(page, 'phone-home');

    // 通知公告: badges, dates, pinned first
    await tapTo(page, mainNav(page).getByRole('link', { name: '通知公告', exact: true }), urlIs('/notices/'));
    assert.equal(await h1(page), '通知公告');
    assert.equal(await mainNav(page).getByRole('link', { name: '通知公告', exact: true }).getAttribute('aria-current'), 'page');
    const all = await listItems(page);
    assertListShape(all, 'list');
    const expected = publicIds();
    assert.deepEqual(all.map((it) => it.href), expected.map(([id]) => `/notices/${id}`), 'the list is the public notices, pinned first, newest first');
    assert.deepEqual(all.map((it) => it.pinned), expected.map(([, p]) => p === '1'), 'pinned badges');
    await assertFits(page, 'list');
    await screenshot(page, 'phone-notices');

    // one category
    const filters = page.getByRole('navigation', { name: '按类别筛选' });
    await tapTo(page, filters.getByRole('link', { name: '停诊通知', exact: true }), urlIs('/notices/?category=stop_clinic'));
    assert.equal(await h1(page), '通知公告 · 停诊通知');
    assert.equal(await filters.getByRole('link', { name: '停诊通知', exact: true }).getAttribute('aria-current'), 'page');
    assert.equal(await filters.getByRole('link', { name: '全部', exact: true }).getAttribute('aria-current'), null);
    const stops = await listItems(page);
    assertListShape(stops, 'filtered list');
    assert.ok(stops.every((it) => it.badge.trim() === '停诊通知'), `only 停诊通知: ${stops.map((it) => it.badge).join(',')}`);
    assert.deepEqual(stops.map((it) => it.href), publicIds("category = 'stop_clinic'").map(([id]) => `/notices/${id}`));
    await assertFits(page, 'filtered list');

    // a notice
    const chosen = stops[0];
    await tapTo(page, page.locator('main .notice-link', { hasText: chosen.title }).first(), urlIs(chosen.href));
    assert.equal(await h1(page), chosen.title);
    assert.equal(await text(page.locator('main .notice-meta .badge')), '停诊通知');
    const body = await text(page.locator('main .notice-body'));
    const stored = Buffer.from(sql(`SELECT HEX(body) FROM notices WHERE id = ${chosen.href.split('/').pop()}`)[0][0], 'hex').toString('utf8');
    assert.equal(body.replace(/\s+/g, ' '), stored.trim().replace(/\s+/g, ' '), 'the body as written');
    assert.ok(body.includes('\n') === stored.trim().includes('\n'), 'line breaks of the body are kept');
    await assertFits(page, 'notice');

    // back to the list
    await page.goBack({ waitUntil: 'load' });
    assert.equal(new URL(page.url()).search, '?category=stop_clinic');
    assert.equal(await h1(page), '通知公告 · 停诊通知');
    await tapTo(page, filters.getByRole('link', { name: '全部', exact: true }), urlIs('/notices/'));
    assert.equal(await h1(page), '通知公告');

    // the next page, if there are more than 20
    const total = Number(sql('SELECT COUNT(*) FROM public_notices')[0][0]);
    const next = page.locator('main .pagination').getByRole('link', { name: '下一页', exact: true });
    if (total <= 20) {
      assert.equal(await next.count(), 0, 'no 下一页 with 20 notices or fewer');
      return;
    }
    assert.equal(await text(page.locator('.pagination-status')), '第 1 页');
    await tapTo(page, next, urlIs('/notices/?page=2'));
    assert.equal(await text(page.locator('.pagination-status')), '第 2 页');
    assert.equal(await next.count(), total > 40 ? 1 : 0, '下一页 on page 2 only when there is a page 3');
    const second = await listItems(page);
    assertListShape(second, 'page 2');
    assert.deepEqual(second.map((it) => it.href), publicIds('1', 20, 20).map(([id]) => `/notices/${id}`));
    assert.equal(await page.locator('main .pagination').getByRole('link', { name: '上一页', exact: true }).count(), 1);
    await assertFits(page, 'list page 2');
  } finally {
    await context.close();
  }
});

test('2. large-text mode (大字版) grows the text and is remembered', async () => {
  const { context, page } = await phone();
  try {
    await open(page, '/notices/');
    const fontSizes = () => page.evaluate(() => ({
      body: parseFloat(getComputedStyle(document.body).fontSize),
      lead: parseFloat(getComputedStyle(document.querySelector('main .lead')).fontSize),
      link: parseFloat(getComputedStyle(document.querySelector('main .notice-link')).fontSize),
    }));
    const toggle = page.locator('header .text-size-toggle');
    assert.equal(await largeText(page), false);
    assert.equal(await text(toggle), '大字版');
    const normal = await fontSizes();

    await tapTo(page, page.getByRole('link', { name: '大字版', exact: true }), urlIs('/notices/'));
    assert.equal(await largeText(page), true, '<html class="text-large">');
    const large = await fontSizes();
    for (const k of Object.keys(normal)) {
      assert.ok(large[k] > normal[k], `${k} text grows: ${normal[k]}px -> ${large[k]}px`);
    }
    assert.equal(await text(toggle), '标准字体');
    assert.equal(await page.getByRole('link', { name: '大字版', exact: true }).count(), 0);
    const cookie = (await context.cookies(BASE)).find((c) => c.name === 'textsize');
    assert.equal(cookie && cookie.value, 'large', 'the preference is kept in a cookie');
    assert.ok(cookie.expires > Date.now() / 1000 + 30 * 24 * 3600, 'the cookie lasts (not a session cookie)');
    await assertFits(page, 'list, large text');

    // another page remembers it
    await tapTo(page, mainNav(page).getByRole('link', { name: '首页', exact: true }), urlIs('/'));
    assert.equal(await largeText(page), true, 'home page still large');
    assert.equal(await text(toggle), '标准字体');
    assert.ok((await fontSizes()).body === large.body);
    await assertFits(page, 'home, large text');
    const first = page.locator('section.latest .notice-link').first();
    const href = await first.getAttribute('href');
    await tapTo(page, first, urlIs(href));
    assert.equal(await largeText(page), true, 'notice page still large');
    await assertFits(page, 'notice, large text');

    // and back to the standard size, on the same page
    await tapTo(page, page.getByRole('link', { name: '标准字体', exact: true }), urlIs(href));
    assert.equal(await largeText(page), false);
    assert.equal(await text(toggle), '大字版');
    assert.equal(parseFloat(await page.evaluate(() => getComputedStyle(document.body).fontSize)), normal.body);
    assert.equal((await context.cookies(BASE)).find((c) => c.name === 'textsize').value, 'normal');
    await tapTo(page, mainNav(page).getByRole('link', { name: '通知公告', exact: true }), urlIs('/notices/'));
    assert.equal(await largeText(page), false, 'standard size stays');
    assert.deepEqual(await fontSizes(), normal);
  } finally {
    await context.close();
  }
});

test('2b. 大字版 brings the reader back to the same filtered page', async () => {
  const { context, page } = await phone();
  try {
    await open(page, '/notices/?category=stop_clinic');
    await tapTo(page, page.getByRole('link', { name: '大字版', exact: true }), (u) => !u.pathname.startsWith('/prefs/'));
    assert.equal(await largeText(page), true);
    assert.equal(new URL(page.url()).search, '?category=stop_clinic', 'still on the 停诊通知 filter');
  } finally {
    await context.close();
  }
});

test('3. the office publishes a notice that then appears publicly', async (t) => {
  const user = officeUser(t, 'b');
  const { context, page } = await phone();
  const stamp = `${process.pid}-${Date.now()}`;
  const title = `浏览器测试 ${stamp} <script>alert(1)</script> & "x"`;
  const bodyLines = [`第一段:测试正文 ${stamp}。`, '第二段:<b>不是粗体</b> & 符号 "引号"'];
  try {
    await login(page, user);
    await tapTo(page, mainNav(page).getByRole('link', { name: '通知管理', exact: true }), urlIs('/office/notices/'));
    assert.equal(await h1(page), '通知管理');
    await tapTo(page, page.locator('main').getByRole('link', { name: '发布新通知', exact: true }), urlIs('/office/notices/new'));
    assert.equal(await h1(page), '发布新通知');

    // the empty form: the summary and the messages beside the fields
    const publish = page.getByRole('button', { name: '保存并发布', exact: true });
    await clickTo(page, publish, urlIs('/office/notices/new'));
    const summary = page.getByRole('alert');
    assert.equal(await text(summary.getByRole('heading')), '提交的内容有问题');
    const summaryLinks = await summary.getByRole('link').evaluateAll((as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
    assert.deepEqual(summaryLinks, [['请填写标题', '#f-title'], ['请填写正文', '#f-body']]);
    const titleInput = page.getByLabel('标题', { exact: true });
    const bodyInput = page.getByLabel('正文', { exact: true });
    for (const [input, msg, id] of [[titleInput, '请填写标题', 'f-title'], [bodyInput, '请填写正文', 'f-body']]) {
      const error = page.locator(`#${id}-error`);
      assert.equal(await error.isVisible(), true, `${msg} beside the field`);
      assert.equal((await error.textContent()).trim(), `错误:${msg}`, 'the message, with its prefix for screen readers');
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      assert.ok((await input.getAttribute('aria-describedby')).split(' ').includes(`${id}-error`), `${id} is described by its error`);
    }
    assert.equal(await page.locator('#f-category-error').count(), 0, 'category has a default');
    await screenshot(page, 'phone-office-form-errors');

    // what was typed is kept when something is still missing
    await titleInput.fill(title);
    await page.getByLabel('类别', { exact: true }).selectOption({ label: '停诊通知' });
    await clickTo(page, publish, urlIs('/office/notices/new'));
    assert.deepEqual(await summary.getByRole('link').allInnerTexts(), ['请填写正文']);
    assert.equal(await titleInput.inputValue(), title, 'the title typed is kept, literally');
    assert.equal(await page.getByLabel('类别', { exact: true }).inputValue(), 'stop_clinic', 'the category chosen is kept');
    assert.equal(await titleInput.getAttribute('aria-invalid'), null, 'the title is no longer in error');
    assert.deepEqual(page.dialogs, [], 'no dialog opened');

    // published
    await bodyInput.fill(bodyLines.join('\n'));
    await clickTo(page, publish, (u) => /^\/office\/notices\/\d+$/.test(u.pathname) && u.search === '?done=published');
    const id = new URL(page.url()).pathname.split('/').pop();
    assert.equal(await text(page.getByRole('status')), '已发布。');
    assert.equal(await text(page.locator('#notice-state')), '已公开');
    assert.equal(await h1(page), title, 'the preview shows the title literally');
    assert.equal(await page.locator('main script, main b').count(), 0, 'nothing typed became markup');
    const stored = sql(`SELECT title, category, status FROM notices WHERE id = ${id}`)[0];
    assert.deepEqual(stored, [title, 'stop_clinic', 'published']);
    await tapTo(page, page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: '通知管理' }), urlIs('/office/notices/'));
    assert.equal(await text(page.locator(`main a[href="/office/notices/${id}"]`)), title, 'office list shows the title literally');

    // the public list, after the one-second page cache
    await page.waitForTimeout(1100);
    await open(page, '/notices/');
    const link = page.locator(`main a.notice-link[href="/notices/${id}"]`);
    assert.equal(await text(link), title, 'the new notice is listed, its title shown literally');
    const item = page.locator('main .notice-item', { has: page.locator(`a.notice-link[href="/notices/${id}"]`) });
    assert.equal(await text(item.locator('.badge')), '停诊通知');
    await tapTo(page, link, urlIs(`/notices/${id}`));
    assert.equal(await h1(page), title);
    assert.equal(await page.title(), `${title} - ${SITE_NAME}`);
    const shown = await text(page.locator('main .notice-body'));
    assert.deepEqual(shown.split('\n').map((l) => l.trim()).filter(Boolean), bodyLines, 'the body, paragraph by paragraph, literally');
    assert.equal(await page.locator('main script, main b').count(), 0);
    await assertFits(page, 'the new notice');

    // log out
    await open(page, '/office/');
    await clickTo(page, page.getByRole('button', { name: '退出登录', exact: true }), urlIs('/office/login?done=logout'));
    assert.equal(await h1(page), '工作人员登录');
    assert.equal(await text(page.getByRole('status')), '您已安全退出。');
    await page.goto(BASE + '/office/notices/');
    assert.equal(new URL(page.url()).pathname, '/office/login', 'logged out: the office sends to the login page');
    assert.deepEqual(page.dialogs, [], 'no dialog opened during the journey');
  } finally {
    await context.close();
  }
});

test('4. accessibility: no serious or critical axe violations, and nothing wider than the phone', async (t) => {
  const [[detailId]] = publicIds();
  const [[department]] = sql("SELECT id FROM departments WHERE code = 'NEIKE'");
  const [[doctor]] = sql(`SELECT doctor_id FROM clinic_sessions WHERE department_id = ${department}
                          AND session_date >= CURDATE() GROUP BY doctor_id ORDER BY COUNT(*) DESC LIMIT 1`);
  const publicPages = [
    ['home', '/', 200],
    ['notice list', '/notices/', 200],
    ['filtered list', '/notices/?category=stop_clinic', 200],
    ['notice detail', `/notices/${detailId}`, 200],
    ['404 page', '/notices/999999999', 404],
    ['departments', '/booking/', 200],
    ['department', `/booking/departments/${department}`, 200],
    ['expert schedule', `/booking/departments/${department}/schedule`, 200],
    ['doctor', `/booking/doctors/${doctor}`, 200],
  ];
  const { context, page } = await phone();
  try {
    for (const size of ['normal', 'large']) {
      await context.clearCookies();
      if (size === 'large') await context.addCookies([{ name: 'textsize', value: 'large', url: BASE }]);
      for (const [name, p, status] of publicPages) {
        await t.test(`${name} (${size} text)`, async () => {
          await open(page, p, status);
          assert.equal(await largeText(page), size === 'large');
          await assertFits(page, `${name}, ${size} text`);
          await assertAccessible(page, `${name}, ${size} text`);
        });
      }
    }
    await context.clearCookies();

    const user = officeUser(t, 'a');
    await t.test('login', async () => {
      await open(page, '/office/login');
      await assertAccessible(page, 'login');
    });
    await t.test('login with errors', async () => {
      await open(page, '/office/login');
      await clickTo(page, page.getByRole('button', { name: '登录', exact: true }), urlIs('/office/login'));
      assert.equal(await page.getByRole('alert').count(), 1);
      await assertAccessible(page, 'login with errors');
    });
    await login(page, user);
    await t.test('office home', async () => {
      await assertAccessible(page, 'office home');
    });
    await t.test('office notices list', async () => {
      await open(page, '/office/notices/');
      await assertAccessible(page, 'office notices list');
    });
    await t.test('new-notice form with errors', async () => {
      await open(page, '/office/notices/new');
      await clickTo(page, page.getByRole('button', { name: '保存并发布', exact: true }), urlIs('/office/notices/new'));
      assert.equal(await page.getByRole('alert').count(), 1);
      await assertAccessible(page, 'new-notice form with errors');
    });
    await t.test('office notice view', async () => {
      await open(page, `/office/notices/${detailId}`);
      await assertAccessible(page, 'office notice view');
    });
    await t.test('audit log', async () => {
      await open(page, '/office/audit');
      await assertAccessible(page, 'audit log');
    });
  } finally {
    await context.close();
  }
});

test('5. a printed notice has its body and no site navigation', async () => {
  const { context, page } = await phone();
  try {
    const [[id]] = publicIds();
    await open(page, `/notices/${id}`);
    assert.equal(await page.locator('.site-nav').isVisible(), true, 'navigation is shown on screen');
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['.site-nav', '.text-size-toggle', '.skip-link', '.breadcrumbs']) {
      assert.equal(await page.locator(sel).isVisible(), false, `${sel} is hidden in print`);
    }
    assert.equal(await page.locator('main h1').isVisible(), true, 'the title is printed');
    assert.equal(await page.locator('main .notice-body').isVisible(), true, 'the body is printed');
    assert.ok((await text(page.locator('main .notice-body'))).length > 0);
    assert.equal(await page.locator('.site-name').isVisible(), true, 'the hospital name heads the printout');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('.site-nav').isVisible(), true);
  } finally {
    await context.close();
  }
});

test('6. a patient finds a doctor and sees free and full time slots', async (t) => {
  const { context, page } = await phone();
  try {
    await open(page, '/');
    await tapTo(page, mainNav(page).getByRole('link', { name: '门诊排班', exact: true }), urlIs('/booking/'));
    assert.equal(await h1(page), '门诊排班与号源');
    await t.test('axe: department list', () => assertAccessible(page, 'department list'));
    await tapTo(page, page.locator('main').getByRole('link', { name: /^内科/ }), (u) => u.pathname.startsWith('/booking/departments/'));
    assert.equal(await h1(page), '内科');
    await t.test('axe: department', () => assertAccessible(page, 'department'));
    await tapTo(page, page.locator('main a.notice-link').first(), (u) => u.pathname.startsWith('/booking/doctors/'));
    assert.ok((await page.locator('main h2', { hasText: '出诊时间与号源' }).count()) === 1);
    assert.ok((await page.locator('.clinic-session').count()) > 0, 'sessions are listed');
    assert.ok((await page.locator('.slot').count()) > 0, 'slots are listed');
    await assertFits(page, 'doctor day');
    await t.test('axe: doctor day', () => assertAccessible(page, 'doctor day'));
    // one day at a time: the strip of days, a tap shows another day
    const days = page.locator('main ul.day-strip a.day');
    assert.ok((await days.count()) >= 2, 'a strip of bookable days');
    const current = page.locator('main ul.day-strip a[aria-current="date"]');
    assert.equal(await current.count(), 1);
    const other = page.locator('main ul.day-strip a.day:not([aria-current])').first();
    const otherDay = new URL(await other.getAttribute('href'), BASE).searchParams.get('day');
    await tapTo(page, other, (u) => u.searchParams.get('day') === otherDay);
    const shown = await page.locator('.clinic-session h3').evaluateAll((hs) => hs.map((x) => x.textContent.trim().slice(0, 10)));
    assert.ok(shown.length > 0 && shown.every((d) => d === otherDay), `only ${otherDay}: ${shown}`);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < 4 * 844, `a day is a few screens, not metres (${height}px)`);
    await assertFits(page, 'doctor another day');
    await screenshot(page, 'phone-doctor-day');
    await tapTo(page, page.locator('.breadcrumbs a').last(), (u) => /^\/booking\/departments\/\d+$/.test(u.pathname));
    await assertFits(page, 'department');
    await tapTo(page, page.getByRole('link', { name: '专家出诊时间', exact: true }), (u) => u.pathname.endsWith('/schedule'));
    // on a phone, a list per day; the week table is for wider screens
    assert.equal(await page.locator('.schedule-days h2').first().isVisible(), true, 'the per-day list on a phone');
    assert.equal(await page.locator('table.schedule-table').isVisible(), false, 'no table cut off at the right');
    assert.equal(await page.locator('.schedule-days h2').count(), 7);
    await assertFits(page, 'expert schedule');
    await screenshot(page, 'phone-schedule');
    await t.test('axe: expert schedule', () => assertAccessible(page, 'expert schedule'));
    await page.setViewportSize({ width: 1024, height: 768 });
    assert.equal(await page.locator('table.schedule-table').isVisible(), true, 'the week table on a wide screen');
    assert.equal(await page.locator('table.schedule-table thead th').count(), 9, 'doctor, half-day and seven days');
    await page.setViewportSize({ width: PHONE_WIDTH, height: PHONE_HEIGHT });
  } finally {
    await context.close();
  }
});

test('7. a patient books a time slot on a phone, sees the QR code, changes the time, then cancels', async () => {
  const PERSON_ID = '11010519491231002X';
  const MOBILE = '13800138000';
  const NAME = '测试患者';
  // Leftovers of earlier runs (one booking per person, department and
  // half-day): cancel them and recount every slot's places.
  sql(`UPDATE bookings SET status = 'cancelled', cancelled_at = NOW(), cancel_reason = 'test cleanup'
       WHERE id_number = '${PERSON_ID}' AND status = 'booked'`);
  sql(`UPDATE time_slots t SET booked = (SELECT COUNT(*) FROM bookings b
       WHERE b.slot_id = t.id AND b.status IN ('booked', 'checked_in'))`);
  const summaryOf = (page) => page.locator('main dl.summary-list > div').evaluateAll((rows) => Object.fromEntries(
    rows.map((row) => [row.querySelector('dt').textContent.trim(), row.querySelector('dd').textContent.trim()])));
  const { context, page } = await phone();
  try {
    // 门诊排班 → 内科 → the first doctor → the first free slot
    await open(page, '/booking/');
    await tapTo(page, page.locator('main').getByRole('link', { name: /^内科/ }), (u) => /^\/booking\/departments\/\d+$/.test(u.pathname));
    assert.equal(await h1(page), '内科');
    const doctorLink = page.locator('main a.notice-link').first();
    const doctor = await text(doctorLink);
    await tapTo(page, doctorLink, (u) => /^\/booking\/doctors\/\d+$/.test(u.pathname));
    const slotItem = page.locator('main li.slot', { has: page.locator('a.slot-free') }).first();
    const slotLink = slotItem.locator('a.slot-free');
    assert.match(await text(slotLink), /^预约/, 'a free slot reads 预约 · 余号 n');
    const slotTime = await text(slotItem.locator('.slot-time'));
    const slotHref = await slotLink.getAttribute('href');
    assert.match(slotHref, /^\/booking\/slots\/\d+$/);
    const slotId = slotHref.split('/').pop();
    const slotRow = () => sql(`SELECT DATE_FORMAT(starts_at, '%Y-%m-%d'), DATE_FORMAT(starts_at - INTERVAL 30 MINUTE, '%H:%i'),
      DATE_FORMAT(starts_at, '%H:%i'), booked FROM time_slots WHERE id = ${slotId}`)[0];
    const [slotDate, arriveFrom, starts, bookedBefore] = slotRow();
    await tapTo(page, slotLink, urlIs(slotHref));

    // the form, with what is being booked
    assert.equal(await h1(page), '填写就诊人信息');
    const slotSummary = await summaryOf(page);
    assert.equal(slotSummary['科室'].split('(')[0], '内科');
    assert.ok(slotSummary['医生'].startsWith(`${doctor} · `), `doctor in the summary: ${slotSummary['医生']}`);
    assert.ok(slotSummary['就诊日期'].startsWith(`${slotDate} `), `date in the summary: ${slotSummary['就诊日期']}`);
    assert.equal(slotSummary['就诊时段'], slotTime, 'the time of the slot tapped');
    assert.match(slotSummary['挂号费'], /^\d+\.\d{2} 元$/);
    await assertFits(page, 'booking form');

    // first the mobile proves itself: a short one is refused beside the field
    assert.equal(await text(page.locator('main h2').first()), '第一步:验证手机号');
    assert.equal(await page.getByLabel('就诊人姓名', { exact: true }).count(), 0, 'no patient form yet');
    const mobileInput = page.getByLabel('手机号码', { exact: true });
    await mobileInput.fill('12345');
    await tapTo(page, page.getByRole('button', { name: '获取验证码', exact: true }), (u) => u.pathname === '/booking/verify');
    const mobileMsg = '请输入正确的 11 位手机号码,例如 13800138000';
    assert.equal((await page.locator('#f-mobile-error').textContent()).trim(), `错误:${mobileMsg}`);
    assert.equal(await mobileInput.inputValue(), '12345', 'the mobile typed is kept to correct it');
    assert.equal(await mobileInput.getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'mobile verification with an error');
    // typed with spaces, as it is written on a card
    const smsLog = path.join(ROOT, 'run', process.env.PORTAL_INSTANCE || 'test', 'logs', 'sms.log');
    const codesTo = (mobile) => (fs.existsSync(smsLog) ? fs.readFileSync(smsLog, 'utf8').split('\n') : [])
      .filter((l) => l.includes(` to=${mobile} `) && /验证码是\d{6}/.test(l)).map((l) => l.match(/验证码是(\d{6})/)[1]);
    const codesBefore = codesTo(MOBILE).length;
    await mobileInput.fill('138 0013 8000');
    await tapTo(page, page.getByRole('button', { name: '获取验证码', exact: true }), (u) => u.pathname === '/booking/verify');
    assert.equal(await text(page.locator('main .notification-success')), '验证码已发送到 138****8000,请查收短信。');
    // the code this request sent (not one of an earlier run's)
    let code = null;
    for (let i = 0; i < 80 && !code; i++) {
      const codes = codesTo(MOBILE);
      if (codes.length > codesBefore) code = codes[codes.length - 1];
      else await page.waitForTimeout(100);
    }
    assert.ok(code, 'the code arrived by SMS');
    const codeInput = page.getByLabel('短信验证码', { exact: true });
    assert.equal(await codeInput.getAttribute('autocomplete'), 'one-time-code');
    assert.equal(await codeInput.getAttribute('inputmode'), 'numeric');
    await assertFits(page, 'mobile verification');
    await assertAccessible(page, 'mobile verification, code sent');
    await screenshot(page, 'phone-booking-verify');
    // a wrong code: told how many tries are left
    await codeInput.fill(code === '000000' ? '111111' : '000000');
    await tapTo(page, page.getByRole('button', { name: '验证并继续', exact: true }), (u) => u.pathname === '/booking/verify');
    assert.equal((await page.locator('#f-code-error').textContent()).trim(), '错误:验证码不正确,还可以再试 4 次');
    await codeInput.fill(code);
    await tapTo(page, page.getByRole('button', { name: '验证并继续', exact: true }), urlIs(slotHref));
    assert.equal(await text(page.locator('main .verified-mobile strong')), '138****8000');

    // an ID with a wrong check digit: refused, kept, explained
    const nameInput = page.getByLabel('就诊人姓名', { exact: true });
    const idInput = page.getByLabel('证件号码', { exact: true });
    const submit = page.getByRole('button', { name: '确认预约', exact: true });
    assert.equal(await page.getByLabel('证件类型', { exact: true }).inputValue(), 'resident_id', '居民身份证 by default');
    await nameInput.fill(NAME);
    await idInput.fill('110105194912310021');
    await tapTo(page, submit, urlIs(slotHref));
    assert.equal(await h1(page), '填写就诊人信息');
    const idMsg = '居民身份证号码的校验位不正确,请逐位核对';
    const summary = page.locator('.error-summary[role="alert"]');
    assert.equal(await summary.count(), 1, 'one error summary');
    assert.equal(await text(summary.getByRole('heading')), '提交的内容有问题');
    const summaryLinks = await summary.getByRole('link').evaluateAll((as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
    assert.deepEqual(summaryLinks, [[idMsg, '#f-id_number']], 'the summary links to the field');
    const error = page.locator('#f-id_number-error');
    assert.equal(await error.isVisible(), true, `${idMsg} beside the field`);
    assert.equal((await error.textContent()).trim(), `错误:${idMsg}`);
    assert.equal(await idInput.getAttribute('aria-invalid'), 'true');
    assert.ok((await idInput.getAttribute('aria-describedby')).split(' ').includes('f-id_number-error'), 'the ID is described by its error');
    assert.equal(await page.locator('#f-patient_name-error').count(), 0, 'the name is fine');
    assert.equal(await nameInput.inputValue(), NAME, 'the name typed is kept');
    assert.equal(await nameInput.getAttribute('aria-invalid'), null);
    assert.equal(await idInput.inputValue(), '110105194912310021', 'the ID typed is kept to correct it');
    assert.equal(sql(`SELECT booked FROM time_slots WHERE id = ${slotId}`)[0][0], bookedBefore, 'no place taken');
    await assertFits(page, 'booking form with errors');
    await assertAccessible(page, 'booking form with errors');
    await screenshot(page, 'phone-booking-form-errors');

    // corrected: booked
    await idInput.fill(PERSON_ID);
    await tapTo(page, submit, (u) => u.pathname === '/booking/booking');
    assert.equal(await h1(page), '预约成功');
    assert.equal(await page.title(), `预约成功 - ${SITE_NAME}`);
    const no = await text(page.locator('#confirmation-no'));
    assert.match(no, /^[2-9A-HJ-NP-Z]{10}$/, 'a 10-character confirmation number without 0/O/1/I');
    assert.equal(await text(page.locator('#arrival-window')), `${slotDate} ${arriveFrom}–${starts}`, 'arrive from 30 minutes before');
    const qr = page.locator('main figure.qr-code svg');
    assert.equal(await qr.count(), 1, 'an SVG QR code');
    assert.equal(await qr.isVisible(), true);
    assert.equal(await qr.getAttribute('role'), 'img');
    assert.equal(await qr.getAttribute('aria-label'), '签到二维码');
    const box = await qr.boundingBox();
    assert.ok(box.width >= 150 && box.height >= 150, `QR code is ${box.width}x${box.height}px (150 at least to scan)`);
    assert.equal(await text(page.locator('#masked-id')), '110***********002X');
    assert.equal(await text(page.locator('#masked-mobile')), '138****8000');
    const done = await summaryOf(page);
    assert.equal(done['状态'], '已预约');
    assert.equal(done['就诊人姓名'], NAME);
    assert.ok(done['医生'].startsWith(`${doctor} · `));
    const html = await page.content();
    assert.ok(!html.includes(PERSON_ID), 'the full ID number is nowhere in the page');
    assert.ok(!html.includes(MOBILE), 'the full mobile is nowhere in the page');
    assert.equal(await page.getByRole('button', { name: '取消预约', exact: true }).count(), 1);
    await assertFits(page, 'booking confirmation');
    await assertAccessible(page, 'booking confirmation');
    await screenshot(page, 'phone-booking-confirmation');

    const [row] = sql(`SELECT status, mobile, slot_id, patient_name, id_type, id_number FROM bookings WHERE confirmation_no = '${no}'`);
    assert.deepEqual(row, ['booked', MOBILE, slotId, NAME, 'resident_id', PERSON_ID], 'the stored booking');
    assert.equal(Number(slotRow()[3]), Number(bookedBefore) + 1, 'the place is taken');

    // the QR code the desk scans
    await qr.screenshot({ path: '/tmp/qr-shot.png' });
    const scanned = execFileSync('zbarimg', ['--quiet', '--raw', '--nodbus', '/tmp/qr-shot.png'], { encoding: 'utf8' }).trim();
    assert.ok(scanned.startsWith(`CHK1:${no}:`), `the QR code reads ${scanned}`);
    assert.match(scanned, /^CHK1:[2-9A-HJ-NP-Z]{10}:[A-Za-z0-9_-]+$/, 'one line: CHK1, number, MAC');

    // changed to another time of the same doctor (改约)
    await tapTo(page, page.getByRole('link', { name: '改约(换个时间)', exact: true }), (u) => u.pathname === '/booking/reschedule');
    assert.equal(await h1(page), '改约');
    const picker = page.getByLabel('新的就诊时段', { exact: true });
    const newSlot = Number(await picker.locator('optgroup option').first().getAttribute('value'));
    assert.ok(newSlot > 0 && newSlot !== Number(slotId), 'another slot is offered');
    const newSlotBooked = () => sql(`SELECT booked FROM time_slots WHERE id = ${newSlot}`)[0][0];
    const newSlotBefore = newSlotBooked();
    await assertFits(page, 'reschedule');
    await assertAccessible(page, 'reschedule');
    await screenshot(page, 'phone-booking-reschedule');
    assert.ok((await picker.locator('optgroup').count()) >= 1, 'times grouped by day and half-day');
    // without a choice: the message beside the list
    await tapTo(page, page.getByRole('button', { name: '确认改约', exact: true }), (u) => u.pathname === '/booking/reschedule');
    assert.equal((await page.locator('#f-slot-error').textContent()).trim(), '错误:请选择新的就诊时段');
    await page.getByLabel('新的就诊时段', { exact: true }).selectOption(String(newSlot));
    await tapTo(page, page.getByRole('button', { name: '确认改约', exact: true }),
      (u) => u.pathname === '/booking/booking' && u.searchParams.get('done') === 'rescheduled');
    assert.equal(await text(page.getByRole('status')), '改约成功。这是新的预约,原预约已取消。');
    assert.equal(await h1(page), '预约成功');
    const newNo = await text(page.locator('#confirmation-no'));
    assert.notEqual(newNo, no, 'a new confirmation number');
    assert.equal(await page.locator('main figure.qr-code svg').count(), 1, 'a QR code for the new booking');
    assert.deepEqual(sql(`SELECT status, cancel_reason FROM bookings WHERE confirmation_no = '${no}'`)[0], ['cancelled', 'rescheduled']);
    assert.deepEqual(sql(`SELECT status, slot_id, id_number FROM bookings WHERE confirmation_no = '${newNo}'`)[0], ['booked', String(newSlot), PERSON_ID]);
    assert.equal(slotRow()[3], bookedBefore, 'the first place is free again');
    assert.equal(Number(newSlotBooked()), Number(newSlotBefore) + 1, 'the new place is taken');

    // cancelled
    await tapTo(page, page.getByRole('button', { name: '取消预约', exact: true }),
      (u) => u.pathname === '/booking/booking' && u.searchParams.get('done') === 'cancelled');
    assert.equal(await text(page.getByRole('status')), '预约已取消。');
    assert.equal(await text(page.locator('#booking-status')), '已取消');
    assert.equal(await h1(page), '已取消');
    assert.equal(await text(page.locator('#confirmation-no')), newNo);
    assert.equal(await page.getByRole('button', { name: '取消预约', exact: true }).count(), 0, 'no cancel button any more');
    assert.equal(await page.locator('figure.qr-code').count(), 0, 'no QR code for a cancelled booking');
    assert.ok(!(await page.content()).includes(PERSON_ID));
    assert.deepEqual(page.dialogs, [], 'no dialog opened');
    assert.deepEqual(sql(`SELECT status, cancel_reason FROM bookings WHERE confirmation_no = '${newNo}'`)[0], ['cancelled', 'patient']);
    assert.equal(newSlotBooked(), newSlotBefore, 'the new place is free again');
  } finally {
    await context.close();
  }
});

test('8. the desk and the office pages of booking work on a phone and are accessible', async (t) => {
  const { context, page } = await phone();
  try {
    // a patient booked for today (a booked place moved to today's date)
    const [slot, session, department, period] = sql(`SELECT t.id, cs.id, cs.department_id, cs.period FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id
      WHERE cs.session_date = CURDATE() + INTERVAL 3 DAY AND cs.status = 'open' AND t.booked < t.capacity LIMIT 1`)[0];
    const no = `B${Date.now()}`.slice(-10).replace(/[01]/g, '7');
    sql(`UPDATE time_slots SET booked = booked + 1 WHERE id = ${slot}`);
    sql(`INSERT INTO bookings (confirmation_no, slot_id, session_id, department_id, session_date, period, person_key, patient_name,
         id_type, id_number, mobile, created_at) VALUES ('${no}', ${slot}, ${session}, ${department}, CURDATE(), '${period}',
         SHA2('${no}', 256), '服务台列表', 'passport', 'E${no}', '13800000000', NOW())`);
    await login(page, createUser('desk,office', 'd'));
    await tapTo(page, page.locator('main').getByRole('link', { name: /^服务台签到/ }), urlIs('/office/desk'));
    assert.equal(await h1(page), '服务台签到');
    // today's list: the patient, and the check-in button on the row
    const row = page.locator(`#booking-${no}`);
    assert.match(await text(row), /服务台列表/);
    await clickTo(page, row.getByRole('button', { name: new RegExp(`签到 服务台列表 ${no}`) }), urlIs('/office/desk/checkin'));
    assert.equal(await text(page.locator('#desk-outcome')), '签到成功');
    assert.match(await text(page.locator(`#booking-${no}`)), /已签到/);
    assert.equal(sql(`SELECT status FROM bookings WHERE confirmation_no = '${no}'`)[0][0], 'checked_in');
    await assertFits(page, 'desk list');
    await page.getByLabel('二维码内容或预约号', { exact: true }).fill('ZZZZZZZZZZ');
    await clickTo(page, page.getByRole('button', { name: '签到', exact: true }), urlIs('/office/desk/checkin'));
    assert.equal(await text(page.locator('#desk-outcome')), '没有这个预约号');
    await assertFits(page, 'desk');
    await t.test('axe: desk with an outcome', () => assertAccessible(page, 'desk'));
    await open(page, '/office/sessions');
    assert.match(await h1(page), /^出诊安排与停诊/);
    await t.test('axe: sessions', () => assertAccessible(page, 'sessions'));
    // publishing a session with a bad fee: the message beside the field
    await page.getByLabel('挂号费(元)', { exact: true }).fill('1.234');
    await clickTo(page, page.getByRole('button', { name: '发布出诊', exact: true }), urlIs('/office/sessions/new'));
    assert.ok((await page.locator('#f-fee-error').count()) === 1, 'the fee error is beside the field');
    await t.test('axe: sessions with errors', () => assertAccessible(page, 'sessions with errors'));
    const [sessionId] = sql('SELECT id FROM clinic_sessions WHERE session_date > CURDATE() LIMIT 1')[0];
    await open(page, `/office/sessions/${sessionId}`);
    assert.equal(await h1(page), '号源管理');
    await assertFits(page, 'slots');
    // the session's fee, edited on the phone
    const [fee] = sql(`SELECT fee_fen FROM clinic_sessions WHERE id = ${sessionId}`)[0];
    await page.getByLabel('挂号费(元)', { exact: true }).fill('16.5');
    await clickTo(page, page.getByRole('button', { name: '保存出诊信息', exact: true }), (u) => u.pathname === `/office/sessions/${sessionId}`);
    assert.equal(await text(page.locator('.notification-success')), '已保存。');
    assert.equal(sql(`SELECT fee_fen FROM clinic_sessions WHERE id = ${sessionId}`)[0][0], '1650');
    sql(`UPDATE clinic_sessions SET fee_fen = ${fee} WHERE id = ${sessionId}`);
    // the no-show rule page
    await open(page, '/office/booking-rules');
    assert.equal(await h1(page), '预约规则');
    assert.equal(await page.getByLabel('爽约次数', { exact: true }).inputValue(), '3');
    await assertFits(page, 'no-show rule');
    await t.test('axe: no-show rule', () => assertAccessible(page, 'no-show rule'));
    await t.test('axe: slots of a session', () => assertAccessible(page, 'slots'));
  } finally {
    await context.close();
  }
});
