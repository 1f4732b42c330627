// The office's notice editor: draft, publish, pin, edit, expire, unpublish,
// schedule; what the public sees after each step, and the audit record each
// step leaves.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const TAG = h.uniq('ntc');
let office;

before(async () => {
  office = await h.loggedIn('office');
});
after(() => h.cleanupNotices(TAG));

async function draft(name, fields = {}) {
  const title = `${name} <b>&</b> ${TAG}`;
  const { res, id } = await h.createNotice(office, { title, body: `${name}的正文\n第二段`, ...fields });
  assert.equal(res.status, 303, `creating ${name}`);
  return { id, title, res };
}

async function act(id, action) {
  const res = await h.noticeAction(office, id, action);
  assert.equal(res.status, 303, `${action} of ${id}`);
  assert.equal(res.location, `/office/notices/${id}?done=changed`);
  return res;
}

const publicDetail = async (id) => (await h.get(`${h.ORIGIN}/notices/${id}`)).status;
const publicIds = async (base = h.ORIGIN) => h.listedIds((await h.publicList('', base)).text);

// The audit rows of a notice, oldest first, with the JSON parsed.
function audit(id) {
  return h.sql(`SELECT username, action, COALESCE(before_json, 'null'), COALESCE(after_json, 'null'), request_id
                FROM audit_log WHERE entity = 'notice' AND entity_id = ${id} ORDER BY id`)
    .map(([username, action, b, a, rid]) => ({ username, action, before: JSON.parse(b), after: JSON.parse(a), rid }));
}

function state(id) {
  return h.sqlValue(`SELECT CASE WHEN status = 'draft' THEN 'draft' WHEN publish_at > NOW() THEN 'scheduled'
                     WHEN expire_at <= NOW() THEN 'expired' ELSE 'live' END FROM notices WHERE id = ${id}`);
}

test('a draft is stored, shown in the office with a preview, and not public', async () => {
  const { id, title, res } = await draft('草稿');
  assert.equal(res.location, `/office/notices/${id}?done=saved`);
  const [row] = h.sql(`SELECT status, HEX(title), HEX(body), category, pinned, publish_at FROM notices WHERE id = ${id}`);
  assert.deepEqual(row, ['draft', h.hex(title), h.hex('草稿的正文\n第二段'), 'notice', '0', 'NULL']);
  assert.equal(await publicDetail(id), 404);
  assert.ok(!(await publicIds()).includes(id));

  const view = await office.get(res.location);
  assert.equal(view.status, 200);
  assert.ok(view.text.includes(h.lang('Notice.done_saved')));
  assert.ok(view.text.includes(`id="notice-state">${h.lang('Notice.State.draft')}<`));
  assert.ok(view.text.includes(h.lang('Notice.preview')));
  assert.ok(view.text.includes(`<h1 class="page-title">${h.escapeHtml(title)}</h1>`), 'the preview has the title');
  assert.ok(view.text.includes('<div class="notice-body">草稿的正文\n第二段</div>'), 'the preview has the body');
  assert.ok(view.text.includes(`action="/office/notices/${id}/publish"`), 'a publish button');
  assert.match(view.text, new RegExp(`· ${office.user.username} · create</li>`), 'the history');

  const list = await office.get('/office/notices/');
  assert.ok(list.text.includes(`<a href="/office/notices/${id}">${h.escapeHtml(title)}</a>`));

  const [rec] = audit(id);
  assert.equal(rec.username, office.user.username);
  assert.equal(rec.action, 'create');
  assert.equal(rec.before, null);
  assert.equal(rec.after.title, title);
  assert.equal(rec.after.status, 'draft');
});

test('publishing makes a draft public at once on the origin', async () => {
  const { id, title } = await draft('发布');
  const res = await act(id, 'publish');
  assert.equal(state(id), 'live');
  assert.equal(await publicDetail(id), 200);
  assert.ok((await publicIds()).includes(id));
  const page = await h.get(`${h.ORIGIN}/notices/${id}`);
  assert.ok(page.text.includes(h.escapeHtml(title)));
  const rec = audit(id).pop();
  assert.equal(rec.action, 'publish');
  assert.equal(rec.username, office.user.username);
  assert.equal(rec.before.status, 'draft');
  assert.equal(rec.after.status, 'published');
  assert.equal(rec.after.title, title);
  const view = await office.get(res.location);
  assert.ok(view.text.includes(h.lang('Notice.done_changed')));
  assert.ok(view.text.includes(`id="notice-state">${h.lang('Notice.State.live')}<`));
});

test('a published notice reaches the cached front page within one second', async () => {
  const { id } = await draft('缓存');
  await h.publicList('', h.BASE);                  // the list is in the cache now
  await act(id, 'publish');
  const seen = await h.waitFor(async () => (await publicIds(h.BASE)).includes(id), { timeout: 2500, interval: 50 });
  assert.ok(seen.value, 'the notice appears on the cached list');
  assert.ok(seen.ms <= 1100, `appeared after ${seen.ms} ms`);
});

test('a published notice reaches the cached front page within one second even when the list was cached early in a second', async () => {
  const { id } = await draft('缓存秒');
  const listUrl = `?order=${h.uniq()}`;
  while (Date.now() % 1000 > 30) await h.sleep(1);  // just after a second starts
  await h.publicList(listUrl, h.BASE);
  const published = Date.now();
  await act(id, 'publish');
  const seen = await h.waitFor(async () => h.listedIds((await h.publicList(listUrl, h.BASE)).text).includes(id),
    { timeout: 3000, interval: 25 });
  const ms = Date.now() - published;
  assert.ok(seen.value);
  assert.ok(ms <= 1100, `appeared after ${ms} ms`);
});

test('pinning puts a notice first in the public list; unpinning takes it back', async () => {
  const { id } = await draft('置顶');
  await act(id, 'publish');
  await act(id, 'pin');
  const ids = await publicIds();
  assert.equal(ids[0], id, 'first in the public list');
  const list = await h.publicList();
  assert.match(list.text, new RegExp(`href="/notices/${id}">[^<]*</a>\\s*<span[^>]*>[^<]*</span>\\s*<span class="badge-pinned">`));
  assert.equal(h.listedIds((await h.get(`${h.ORIGIN}/`)).text)[0], id, 'first on the home page');
  await act(id, 'unpin');
  const after_ = await h.publicList();
  assert.doesNotMatch(after_.text, new RegExp(`href="/notices/${id}">[^<]*</a>\\s*<span[^>]*>[^<]*</span>\\s*<span class="badge-pinned">`));
  const order = h.sql('SELECT id, pinned FROM public_notices ORDER BY pinned DESC, publish_at DESC, id DESC LIMIT 20');
  assert.deepEqual(h.listedIds(after_.text), order.map((r) => Number(r[0])), 'back among the unpinned');
  assert.ok(h.listedIds(after_.text).includes(id), 'still public');
  assert.ok(order.findIndex((r) => Number(r[0]) === id) >= order.filter((r) => r[1] === '1').length, 'after every pinned one');
  const [pin, unpin] = audit(id).slice(-2);
  assert.equal(pin.action, 'pin');
  assert.equal(pin.before.pinned, 0);
  assert.equal(pin.after.pinned, 1);
  assert.equal(unpin.action, 'unpin');
  assert.equal(unpin.after.pinned, 0);
});

test('editing the title changes what the public sees, and the audit keeps both titles', async () => {
  const { id, title } = await draft('编辑');
  await act(id, 'publish');
  const form = await office.get(`/office/notices/${id}/edit`);
  assert.equal(form.status, 200);
  assert.ok(form.text.includes(`value="${h.escapeHtml(title)}"`), 'the form shows the stored title');
  assert.ok(form.text.includes('编辑的正文\n第二段</textarea>'));
  const newTitle = `改后的标题 "引号" ${TAG}`;
  const res = await office.post(`/office/notices/${id}/edit`, {
    _csrf: office.token, title: newTitle, category: 'health_talk', body: '新的正文',
  });
  assert.equal(res.status, 303);
  assert.equal(res.location, `/office/notices/${id}?done=saved`);
  const page = await h.get(`${h.ORIGIN}/notices/${id}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(h.escapeHtml(newTitle)));
  assert.ok(!page.text.includes(h.escapeHtml(title)));
  assert.ok(page.text.includes('新的正文'));
  assert.ok(page.text.includes(h.lang('Category.health_talk')));
  assert.equal(state(id), 'live', 'editing keeps the notice published');
  const rec = audit(id).pop();
  assert.equal(rec.action, 'update');
  assert.equal(rec.before.title, title);
  assert.equal(rec.after.title, newTitle);
  assert.equal(rec.before.category, 'notice');
  assert.equal(rec.after.category, 'health_talk');
});

test('expiring takes a notice off the public pages', async () => {
  const { id } = await draft('下线');
  await act(id, 'publish');
  assert.equal(await publicDetail(id), 200);
  await act(id, 'expire');
  assert.equal(await publicDetail(id), 404);
  assert.ok(!(await publicIds()).includes(id));
  assert.equal(state(id), 'expired');
  const view = await office.get(`/office/notices/${id}`);
  assert.ok(view.text.includes(`id="notice-state">${h.lang('Notice.State.expired')}<`));
  const rec = audit(id).pop();
  assert.equal(rec.action, 'expire');
  assert.equal(rec.before.expire_at, null);
  assert.notEqual(rec.after.expire_at, null);
  // publishing again brings it back
  await act(id, 'publish');
  assert.equal(await publicDetail(id), 200);
});

test('unpublishing takes a notice back to draft and off the public pages', async () => {
  const { id } = await draft('撤回');
  await act(id, 'publish');
  await act(id, 'unpublish');
  assert.equal(await publicDetail(id), 404);
  assert.ok(!(await publicIds()).includes(id));
  assert.equal(h.sqlValue(`SELECT status FROM notices WHERE id = ${id}`), 'draft');
  const rec = audit(id).pop();
  assert.equal(rec.action, 'unpublish');
  assert.equal(rec.before.status, 'published');
  assert.equal(rec.after.status, 'draft');
});

test('a notice published for a future time is not public until then', async () => {
  const title = `定时 ${TAG}`;
  const when = h.dbTime('+ INTERVAL 1 DAY');
  const { res, id } = await h.createNotice(office, { title, action: 'publish', publish_at: when });
  assert.equal(res.status, 303);
  assert.equal(res.location, `/office/notices/${id}?done=published`);
  assert.equal(h.sqlValue(`SELECT status FROM notices WHERE id = ${id}`), 'published');
  assert.equal(state(id), 'scheduled');
  assert.equal(await publicDetail(id), 404);
  assert.ok(!(await publicIds()).includes(id));
  const view = await office.get(res.location);
  assert.ok(view.text.includes(h.lang('Notice.done_published')));
  assert.ok(view.text.includes(`id="notice-state">${h.lang('Notice.State.scheduled')}<`));
  const [rec] = audit(id);
  assert.equal(rec.action, 'create+publish');
  assert.equal(rec.after.title, title);
  assert.equal(rec.after.publish_at.slice(0, 16), when.replace('T', ' '));
  // when its time comes it is public, with nothing else to do
  h.sql(`UPDATE notices SET publish_at = NOW() - INTERVAL 1 SECOND WHERE id = ${id}`);
  assert.equal(await publicDetail(id), 200);
});

test('an expiry date typed into the notice form is stored, and the notice goes when it comes', async () => {
  const until = h.dbTime('+ INTERVAL 5 DAY');
  const { id } = await draft('截止', { action: 'publish', expire_at: until });
  assert.equal(h.sqlValue(`SELECT DATE_FORMAT(expire_at, '%Y-%m-%dT%H:%i') FROM notices WHERE id = ${id}`), until);
  const later = h.dbTime('+ INTERVAL 6 DAY');
  const res = await office.post(`/office/notices/${id}/edit`, {
    _csrf: office.token, title: `截止 ${TAG}`, category: 'notice', body: 'x', expire_at: later,
  });
  assert.equal(res.status, 303);
  assert.equal(h.sqlValue(`SELECT DATE_FORMAT(expire_at, '%Y-%m-%dT%H:%i') FROM notices WHERE id = ${id}`), later);
  assert.equal(await publicDetail(id), 200, 'public until then');
  const form = await office.get(`/office/notices/${id}/edit`);
  assert.ok(form.text.includes(`name="expire_at" type="datetime-local" value="${later}"`), 'the edit form shows it');
  // when the time comes it is gone, with nothing else to do
  h.sql(`UPDATE notices SET expire_at = NOW() - INTERVAL 1 SECOND WHERE id = ${id}`);
  assert.equal(await publicDetail(id), 404);
});

test('each audit row names the request that made the change (X-Request-Id)', async () => {
  const { id, res } = await draft('请求号');
  const pub = await act(id, 'publish');
  const [create, publish] = audit(id);
  assert.equal(create.rid, res.headers.get('x-request-id'));
  assert.equal(publish.rid, pub.headers.get('x-request-id'));
});

test('a notice whose expiry date has passed is not public', async () => {
  const { id } = await draft('过期');
  await act(id, 'publish');
  h.sql(`UPDATE notices SET expire_at = NOW() - INTERVAL 1 SECOND WHERE id = ${id}`);
  assert.equal(await publicDetail(id), 404);
  assert.ok(!(await publicIds()).includes(id));
  assert.equal(state(id), 'expired');
});

test('expiring a scheduled notice shows it as expired in the office', {
}, async () => {
  const { id } = await draft('定时下线', { action: 'publish', publish_at: h.dbTime('+ INTERVAL 1 DAY') });
  await act(id, 'expire');
  const view = await office.get(`/office/notices/${id}`);
  assert.ok(view.text.includes(`id="notice-state">${h.lang('Notice.State.expired')}<`), 'shown as expired');
  assert.ok(!view.text.includes(`/office/notices/${id}/expire`), 'no expire button any more');
});

test('the audit page shows who did what, with the notice before and after, escaped', async () => {
  const { id, title } = await draft('日志');
  await act(id, 'publish');
  const res = await office.get('/office/audit');
  assert.equal(res.status, 200);
  const rows = [...res.text.matchAll(/<tr>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>\s*<td>notice (\d+)<\/td>\s*<td>([\s\S]*?)<\/td>\s*<td>([\s\S]*?)<\/td>/g)]
    .filter((m) => Number(m[4]) === id);
  assert.equal(rows.length, 2, 'create and publish');
  const [pub, create] = rows;      // newest first
  assert.equal(pub[2], office.user.username);
  assert.equal(pub[3], 'publish');
  assert.equal(create[3], 'create');
  const escapedTitle = h.escapeHtml(JSON.stringify(title));
  assert.ok(pub[5].includes(escapedTitle) && pub[6].includes(escapedTitle), 'the title before and after');
  assert.ok(pub[5].includes('&quot;status&quot;: &quot;draft&quot;'));
  assert.ok(pub[6].includes('&quot;status&quot;: &quot;published&quot;'));
  assert.equal(create[5].trim(), '', 'nothing before a create');
  assert.ok(!res.text.includes('<b>&</b>'), 'the title is never raw HTML');
});

test('actions on a notice that does not exist are 404 and leave no audit record', async () => {
  const missing = Number(h.sqlValue('SELECT COALESCE(MAX(id), 0) + 100000 FROM notices'));
  for (const p of [`/office/notices/${missing}`, `/office/notices/${missing}/edit`]) {
    h.assertErrorPage(assert, await office.get(p), 404);
  }
  for (const action of ['publish', 'unpublish', 'pin', 'unpin', 'expire']) {
    assert.equal((await h.noticeAction(office, missing, action)).status, 404, action);
  }
  const edit = await office.post(`/office/notices/${missing}/edit`, {
    _csrf: office.token, title: `不存在 ${TAG}`, category: 'notice', body: 'x',
  });
  assert.equal(edit.status, 404);
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM audit_log WHERE entity = 'notice' AND entity_id = ${missing}`), '0');
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM notices WHERE id = ${missing}`), '0');
});
