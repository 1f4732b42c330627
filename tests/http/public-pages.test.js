// The pages patients see: home, the notice list (paging, filter, what is
// public and what is not), a notice, health check, error pages, headers.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const TAG = h.uniq('pub');
// what nginx says of a page it answered from the page cache, without a render
const FROM_CACHE = ['HIT', 'STALE', 'UPDATING'];
const fx = {};   // the notices this file makes, by role

before(async () => {
  const office = await h.loggedIn('office');
  const make = async (name, fields) => {
    const { res, id } = await h.createNotice(office, { title: `${name} ${TAG}`, ...fields });
    assert.equal(res.status, 303, `creating ${name}: ${res.status}`);
    fx[name] = id;
  };
  // enough published notices for two pages, whatever else the instance holds
  await h.ensurePublic(office, 25, TAG);
  await make('草稿通知', { action: 'draft' });
  await make('定时通知', { action: 'publish', publish_at: h.dbTime('+ INTERVAL 1 DAY') });
  // a new notice cannot be given a past expiry, so this one is aged in the database
  await make('过期通知', { action: 'publish' });
  h.sql(`UPDATE notices SET publish_at = NOW() - INTERVAL 2 DAY, expire_at = NOW() - INTERVAL 1 DAY WHERE id = ${fx['过期通知']}`);
  // and one expired by the clock rather than by its form
  await make('到期通知', { action: 'publish' });
  h.sql(`UPDATE notices SET expire_at = NOW() - INTERVAL 1 SECOND WHERE id = ${fx['到期通知']}`);
  await make('停诊通知', { action: 'publish', category: 'stop_clinic', body: '停诊正文' });
  await make('公开通知', { action: 'publish', body: `第一段 ${TAG}\n第二段` });
  await make('置顶通知', { action: 'publish', pinned: '1' });
});

after(() => h.cleanupNotices(TAG));

// Every public notice id, in the order the public list shows them.
function viewOrder(where = '') {
  return h.sql(`SELECT id FROM public_notices ${where} ORDER BY pinned DESC, publish_at DESC, id DESC`)
    .map((r) => Number(r[0]));
}

test('the home page shows the hospital, its phones, the emergency banner and the latest notices', async () => {
  const res = await h.get(`${h.ORIGIN}/`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/html; charset=utf-8/);
  assert.ok(res.text.includes(`<h1 class="page-title">${h.site('name')}</h1>`), 'hospital name from site.hdf');
  assert.ok(res.text.includes(`<title>${h.lang('Home.title')} - ${h.site('name')}</title>`));
  for (let i = 0; i < 4; i++) {
    assert.ok(res.text.includes(`href="tel:${h.site(`phones.${i}.number`)}"`), `phone ${h.site(`phones.${i}.label`)}`);
  }
  const banner = res.text.match(/<div class="emergency-banner">([\s\S]*?)<\/div>/);
  assert.ok(banner, 'an emergency banner');
  assert.ok(banner[1].includes(h.lang('Home.emergency_title')));
  assert.ok(banner[1].includes(`<a href="tel:${h.site('phones.0.number')}">`), 'the emergency number in the banner');
  const latest = h.listedIds(res.text);
  assert.ok(latest.length > 0 && latest.length <= 6, `at most 6 latest notices, got ${latest.length}`);
  assert.deepEqual(latest, viewOrder().slice(0, latest.length), 'the newest public notices, pinned first');
  assert.equal(latest[0], fx['置顶通知'], 'the newest pinned notice comes first');
  assert.ok(latest.includes(fx['公开通知']), 'a notice published just now is among the latest');
  for (const hidden of ['草稿通知', '定时通知', '过期通知', '到期通知']) assert.ok(!latest.includes(fx[hidden]), hidden);
});

test('the notice list shows 20 a page, pinned first, and exactly the published, due, unexpired notices', async () => {
  const expected = viewOrder();
  const pages = Math.ceil(expected.length / 20);
  assert.ok(pages >= 2);
  const seen = [];
  for (let page = 1; page <= pages; page++) {
    const res = await h.publicList(page === 1 ? '' : `?page=${page}`);
    assert.equal(res.status, 200, `page ${page}`);
    const ids = h.listedIds(res.text);
    assert.equal(ids.length, page < pages ? 20 : expected.length - 20 * (pages - 1), `items on page ${page}`);
    assert.ok(res.text.includes(`${h.lang('Notices.page_prefix')} ${page} ${h.lang('Notices.page_suffix')}`));
    assert.equal(res.text.includes('class="pagination-next"'), page < pages, `下一页 on page ${page} only before the last`);
    assert.equal(res.text.includes('class="pagination-prev"'), page > 1, `上一页 on page ${page} only after the first`);
    if (page === 1) {
      // pinned ones before all others
      const items = [...res.text.matchAll(/<li class="notice-item">([\s\S]*?)<\/li>/g)].map((m) => m[1]);
      const pinned = items.map((it) => it.includes('badge-pinned'));
      assert.ok(pinned.indexOf(false) === -1 || !pinned.slice(pinned.indexOf(false)).includes(true), 'pinned first');
      assert.equal(ids[0], fx['置顶通知']);
      assert.ok(ids.includes(fx['公开通知']));
    }
    seen.push(...ids);
  }
  assert.deepEqual(seen, expected, 'the pages together are public_notices in order');
  for (const hidden of ['草稿通知', '定时通知', '过期通知', '到期通知']) {
    assert.ok(!seen.includes(fx[hidden]), `${hidden} is not listed`);
  }
});

test('paging: page 2 works, a page beyond the end and a page that is not a number are 404', async () => {
  const pages = Math.ceil(viewOrder().length / 20);
  const first = await h.publicList('?page=1');
  assert.ok(first.text.includes(`class="pagination-next" href="/notices/?page=2"`));
  assert.ok(!first.text.includes('pagination-prev'));
  const second = await h.publicList('?page=2');
  assert.equal(second.status, 200);
  assert.ok(second.text.includes(`class="pagination-prev" href="/notices/?page=1"`));
  const last = await h.publicList(`?page=${pages}`);
  assert.equal(last.status, 200);
  assert.ok(!last.text.includes('pagination-next'));
  for (const q of [`?page=${pages + 1}`, '?page=100000', '?page=abc', '?page=0', '?page=-1', '?page=1.5', '?page=2x']) {
    h.assertErrorPage(assert, await h.publicList(q), 404);
  }
});

test('the category filter lists only that category; an unknown category is 404', async () => {
  const res = await h.publicList('?category=stop_clinic');
  assert.equal(res.status, 200);
  assert.ok(res.text.includes(`${h.lang('Notices.title')} · ${h.lang('Category.stop_clinic')}`));
  const ids = h.listedIds(res.text);
  assert.deepEqual(ids, viewOrder("WHERE category = 'stop_clinic'").slice(0, 20));
  assert.ok(ids.includes(fx['停诊通知']));
  assert.ok(!ids.includes(fx['公开通知']), 'a notice of another category is not listed');
  assert.match(res.text, /href="\/notices\/\?category=stop_clinic" aria-current="page"/);
  for (const q of ['?category=nosuch', '?category=STOP_CLINIC', '?category=stop_clinic%20x']) {
    h.assertErrorPage(assert, await h.publicList(q), 404);
  }
  // an empty category is no filter
  assert.deepEqual(h.listedIds((await h.publicList('?category=')).text), viewOrder().slice(0, 20));
});

test('a published notice has its page; drafts, scheduled, expired and unknown ids are 404', async () => {
  const res = await h.get(`${h.ORIGIN}/notices/${fx['公开通知']}`);
  assert.equal(res.status, 200);
  assert.ok(res.text.includes(`<h1 class="page-title">公开通知 ${TAG}</h1>`));
  assert.ok(res.text.includes(`第一段 ${TAG}\n第二段`), 'the body');
  assert.ok(res.text.includes(h.lang('Category.notice')));
  const maxId = Number(h.sqlValue('SELECT MAX(id) FROM notices'));
  for (const p of [`/notices/${fx['草稿通知']}`, `/notices/${fx['定时通知']}`, `/notices/${fx['过期通知']}`,
    `/notices/${fx['到期通知']}`, `/notices/0${fx['公开通知']}`, '/notices/+1', '/notices/1.0',
    `/notices/${maxId + 1000}`, '/notices/0', '/notices/abc', '/notices/1abc', '/notices/-1',
    '/notices/99999999999999999999', `/notices/${fx['公开通知']}/`]) {
    const r = await h.get(`${h.ORIGIN}${p}`);
    h.assertErrorPage(assert, r, 404);
  }
});

test('every page carries the security headers and a request id', async () => {
  const ids = new Set();
  for (const p of ['/', '/notices/', `/notices/${fx['公开通知']}`, '/no-such-page', '/healthz', '/office/login']) {
    const res = await h.get(`${h.ORIGIN}${p}`);
    const csp = res.headers.get('content-security-policy') || '';
    assert.match(csp, /default-src 'none'/, `CSP on ${p}`);
    assert.match(csp, /frame-ancestors 'none'/, `CSP on ${p}`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `CSP on ${p}`);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', p);
    assert.equal(res.headers.get('x-frame-options'), 'DENY', p);
    assert.equal(res.headers.get('referrer-policy'), 'same-origin', p);
    const rid = res.headers.get('x-request-id');
    assert.match(rid || '', /^[0-9a-f]{32}$/, `X-Request-Id on ${p}`);
    ids.add(rid);
  }
  assert.equal(ids.size, 6, 'a new id for each request');
});

test('/healthz answers 200 ok as plain text, never cached', async () => {
  for (const base of [h.BASE, h.ORIGIN]) {
    const res = await h.get(`${base}/healthz`);
    assert.equal(res.status, 200);
    assert.equal(res.text, 'ok\n');
    assert.match(res.headers.get('content-type'), /^text\/plain/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  }
});

test('404 and 405 are Chinese pages in the portal layout', async () => {
  const nf = await h.get(`${h.ORIGIN}/no/such/page`);
  h.assertErrorPage(assert, nf, 404);
  assert.ok(nf.text.includes(`<title>${h.lang('Http.404.title')} - ${h.site('name')}</title>`));
  assert.ok(nf.text.includes(h.lang('back_home')));
  assert.equal(nf.headers.get('cache-control'), 'no-store');
  const na = await h.get(`${h.ORIGIN}/notices/`, { method: 'POST' });
  h.assertErrorPage(assert, na, 405);
  assert.ok(na.text.includes(`<title>${h.lang('Http.405.title')} - ${h.site('name')}</title>`));
});

test('HEAD is answered like GET, without a body', async () => {
  for (const p of ['/', '/notices/', `/notices/${fx['公开通知']}`, '/healthz']) {
    const g = await h.get(`${h.ORIGIN}${p}`);
    const hd = await h.get(`${h.ORIGIN}${p}`, { method: 'HEAD' });
    assert.equal(hd.status, 200, p);
    assert.equal(hd.text, '', `no body for HEAD ${p}`);
    assert.equal(hd.headers.get('content-type'), g.headers.get('content-type'));
    assert.equal(Number(hd.headers.get('content-length')), Buffer.byteLength(g.text), `length of ${p}`);
  }
  const missing = await h.get(`${h.ORIGIN}/notices/${fx['草稿通知']}`, { method: 'HEAD' });
  assert.equal(missing.status, 404);
  const cached = await h.get(`${h.BASE}/notices/?head=${TAG}`, { method: 'HEAD' });
  assert.equal(cached.status, 200);
  assert.equal(cached.text, '');
});

test('public pages are cached for one second on the front port, never on the origin port', async () => {
  const p = `/notices/?cachetest=${h.uniq()}`;
  const first = await h.get(`${h.BASE}${p}`);
  const second = await h.get(`${h.BASE}${p}`);
  assert.equal(first.headers.get('x-cache'), 'MISS');
  // from the cache: HIT, or - when the second ended between the two
  // requests - the expired copy while it is rendered again
  assert.ok(FROM_CACHE.includes(second.headers.get('x-cache')), second.headers.get('x-cache'));
  assert.equal(second.text, first.text);
  // X-Accel-Expires: 1 is counted in whole seconds by nginx: a page stored
  // at any moment of second s is served until the end of second s + 1
  await h.sleep(2050);
  const later = await h.get(`${h.BASE}${p}`);
  assert.notEqual(later.headers.get('x-cache'), 'HIT', 'stale two seconds later');
  const origin = await h.get(`${h.ORIGIN}${p}`);
  assert.equal(origin.headers.get('x-cache'), 'BYPASS');
  // errors are never kept
  const e1 = await h.get(`${h.BASE}/notices/0?x=${TAG}`);
  const e2 = await h.get(`${h.BASE}/notices/0?x=${TAG}`);
  assert.equal(e1.status, 404);
  assert.notEqual(e2.headers.get('x-cache'), 'HIT');
});

test('a page in the cache is answered from its expired copy while it is rendered again, and is never more than two seconds old', async () => {
  const p = `/notices/?swr=${h.uniq()}`;
  const seen = new Set();
  // keep the page in demand, as a busy morning does
  const poll = async (until) => {
    for (;;) {
      const res = await h.get(`${h.BASE}${p}`);
      seen.add(res.headers.get('x-cache'));
      assert.equal(res.headers.get('cache-control'), 'no-cache', 'the browser always asks nginx again');
      assert.ok(!res.headers.has('x-accel-expires'), 'the cache\'s own headers stay with nginx');
      if (until(res)) return res;
      await h.sleep(40);
    }
  };
  const started = Date.now();
  await poll(() => Date.now() - started > 2500);
  assert.ok(seen.has('HIT'));
  assert.ok(seen.has('STALE') || seen.has('UPDATING'), `an expired copy served while the page is rendered again: ${[...seen]}`);
  // a change made now shows within two seconds, however busy the page
  const office = await h.loggedIn('office');
  const title = `新鲜度 ${TAG}`;
  const { res } = await h.createNotice(office, { title, action: 'publish', pinned: '1' });
  assert.equal(res.status, 303);
  const changed = Date.now();
  await poll((r) => r.text.includes(title) || Date.now() - changed > 5000);
  const lag = Date.now() - changed;
  assert.ok(lag <= 2200, `the change showed after ${lag} ms`);
  // a page nobody asked for in a while is not answered from its old copy
  await h.sleep(3000);
  const quiet = `静默后 ${TAG}`;
  assert.equal((await h.createNotice(office, { title: quiet, action: 'publish', pinned: '1' })).res.status, 303);
  const after = await h.get(`${h.BASE}${p}`);
  assert.ok(after.text.includes(quiet), `the first request after a quiet spell sees the change (${after.headers.get('x-cache')})`);
  h.sql(`UPDATE notices SET pinned = 0 WHERE title IN ('${title}', '${quiet}')`);
});

test('the large-text switch sets a year-long cookie and goes back, only to a page of this site', async () => {
  const res = await h.get(`${h.ORIGIN}/prefs/text-size?size=large&back=${encodeURIComponent('/notices/?page=2')}`);
  assert.equal(res.status, 303);
  assert.equal(res.location, '/notices/?page=2');
  assert.match(res.headers.getSetCookie().join('\n'), /^textsize=large; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Strict/m);
  for (const back of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
    const r = await h.get(`${h.ORIGIN}/prefs/text-size?size=normal&back=${encodeURIComponent(back)}`);
    assert.equal(r.status, 303);
    assert.equal(r.location, '/', `back=${back}`);
  }
  h.assertErrorPage(assert, await h.get(`${h.ORIGIN}/prefs/text-size?size=huge`), 400);
  // every page links to the switch, coming back to itself
  const list = await h.get(`${h.ORIGIN}/notices/?page=2`);
  assert.ok(list.text.includes('/prefs/text-size?size=large&amp;back='));
});

test('the page cache keeps the large-text and the normal page apart', async () => {
  const p = `/notices/?textsize=${h.uniq()}`;
  const large = await h.get(`${h.BASE}${p}`, { headers: { cookie: 'textsize=large' } });
  const normal = await h.get(`${h.BASE}${p}`);
  const largeAgain = await h.get(`${h.BASE}${p}`, { headers: { cookie: 'textsize=large' } });
  assert.match(large.text, /<html lang="zh-CN" class="text-large">/);
  assert.match(normal.text, /<html lang="zh-CN">/, 'a visitor without the cookie gets the normal page');
  assert.match(largeAgain.text, /class="text-large"/);
  // from the cache (HIT, or the expired copy if the second ended meanwhile)
  assert.ok(FROM_CACHE.includes(largeAgain.headers.get('x-cache')), largeAgain.headers.get('x-cache'));
});
