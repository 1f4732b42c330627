// Input the portal must refuse or keep harmless: invalid UTF-8, too long or
// missing fields, bad dates, bodies over the limits, SQL and HTML injection.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const TAG = h.uniq('bad');
let office;

before(async () => {
  office = await h.loggedIn('office');
});
after(() => h.cleanupNotices(TAG));

const noticeCount = () => Number(h.sqlValue('SELECT COUNT(*) FROM notices'));
const rawPost = (client, p, body) =>
  client.request('POST', p, { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });

// The error shown beside a field and in the summary at the top.
function assertFieldError(page, field, message, { input = true } = {}) {
  const beside = page.match(new RegExp(`<p class="form-error-message" id="f-${field}-error">` +
    `<span class="visually-hidden">${h.lang('error_prefix')}</span>([^<]*)</p>`));
  assert.ok(beside, `an error beside ${field}`);
  assert.equal(beside[1], h.escapeHtml(message));
  assert.ok(page.includes(`<li><a href="#f-${field}">${h.escapeHtml(message)}</a></li>`), `${field} in the error summary`);
  assert.ok(page.includes(h.lang('error_summary_title')), 'the error summary title');
  if (input) assert.match(page, new RegExp(`id="f-${field}"[^>]*aria-invalid="true"`), `${field} marked invalid`);
}

test('invalid UTF-8 in a query string, a path or a cookie is refused with a Chinese 400 page', async () => {
  for (const q of ['?category=%FF%FE', '?category=%C0%AF', '?category=%ED%A0%80', '?page=%E4%B8', '?x=%F5%80%80%80']) {
    h.assertErrorPage(assert, await h.get(`${h.ORIGIN}/notices/${q}`), 400);
    h.assertErrorPage(assert, await h.get(`${h.BASE}/notices/${q}`), 400);
  }
  h.assertErrorPage(assert, await h.get(`${h.ORIGIN}/notices/%FF`), 400);
  h.assertErrorPage(assert, await h.get(`${h.ORIGIN}/%FF%FE`), 400);
  h.assertErrorPage(assert, await h.get(`${h.ORIGIN}/notices/`, { headers: { cookie: 'textsize=\xff\xfe' } }), 400);
  // valid multi-byte text is fine
  assert.equal((await h.get(`${h.ORIGIN}/notices/?x=${encodeURIComponent('中文😀')}`)).status, 200);
});

test('invalid UTF-8 in a form body is refused with a Chinese 400 page and changes nothing', async () => {
  const visitor = new h.Client(h.ORIGIN);
  const token = await visitor.csrf('/office/login');
  const res = await rawPost(visitor, '/office/login', `_csrf=${token}&username=%FF%FE&password=whatever`);
  h.assertErrorPage(assert, res, 400);
  assert.ok(!visitor.cookies.has('office_session'));

  const before_ = noticeCount();
  const created = await rawPost(office, '/office/notices/new',
    `_csrf=${office.token}&title=ok%C3${TAG}&category=notice&body=x&action=draft`);
  h.assertErrorPage(assert, created, 400);
  assert.equal(noticeCount(), before_);
});

test('a body that is not a urlencoded form is refused with a Chinese 415 page before it is parsed', async () => {
  const before_ = noticeCount();
  const boundary = '----portal-test';
  const multipart = [`--${boundary}`, 'Content-Disposition: form-data; name="_csrf"', '', office.token,
    `--${boundary}`, 'Content-Disposition: form-data; name="title"', '', `多部分 ${TAG}`,
    `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="a.txt"', 'Content-Type: text/plain', '', 'x',
    `--${boundary}--`, ''].join('\r\n');
  for (const [type, body] of [
    [`multipart/form-data; boundary=${boundary}`, multipart],
    ['multipart/form-data', multipart],
    ['application/json', JSON.stringify({ _csrf: office.token, title: `JSON ${TAG}` })],
    ['text/plain', `_csrf=${office.token}&title=x`],
    ['application/x-www-form-urlencodedX', `_csrf=${office.token}&title=x`],
  ]) {
    const res = await office.request('POST', '/office/notices/new', { body, headers: { 'content-type': type } });
    h.assertErrorPage(assert, res, 415);
  }
  assert.equal(noticeCount(), before_);
});

test('a form posted as "application/x-www-form-urlencoded; charset=UTF-8" is read like any form', {
}, async () => {
  for (const type of ['application/x-www-form-urlencoded; charset=UTF-8', 'application/x-www-form-urlencoded;charset=utf-8',
    'Application/X-WWW-Form-Urlencoded']) {
    const res = await office.request('POST', '/office/notices/new', {
      body: new URLSearchParams({ _csrf: office.token, title: `字符集 ${TAG}`, category: 'notice', body: 'x', action: 'draft' }).toString(),
      headers: { 'content-type': type },
    });
    assert.equal(res.status, 303, `${type}: ${res.status}`);
  }
});

test('a title over 200 characters is refused beside the field, and the form keeps what was typed', async () => {
  const before_ = noticeCount();
  const title = `${TAG}${'长'.repeat(201 - TAG.length)}`;
  assert.equal([...title].length, 201);
  const res = await h.createNotice(office, { title, body: `正文 <保留> ${TAG}`, category: 'stop_clinic' });
  assert.equal(res.res.status, 422);
  assertFieldError(res.res.text, 'title', h.fieldError('too_long', 'Notice.title', { max: 200 }));
  assert.ok(res.res.text.includes(`value="${title}"`), 'the title as typed');
  assert.ok(res.res.text.includes(`>正文 &lt;保留&gt; ${TAG}</textarea>`), 'the body as typed');
  assert.ok(res.res.text.includes('<option value="stop_clinic" selected>'), 'the category as chosen');
  assert.ok(res.res.text.includes(`name="_csrf" value="${office.token}"`), 'ready to submit again');
  assert.equal(noticeCount(), before_);
});

test('a title of exactly 200 Chinese characters, and a 10000-character body, are accepted whole', async () => {
  const title = `${TAG}${'医'.repeat(200 - TAG.length)}`;
  const body = `${'院'.repeat(9999)}终`;
  const { res, id } = await h.createNotice(office, { title, body, action: 'publish' });
  assert.equal(res.status, 303);
  assert.deepEqual(h.sql(`SELECT HEX(title), CHAR_LENGTH(body), HEX(RIGHT(body, 3)) FROM notices WHERE id = ${id}`)[0],
    [h.hex(title), '10000', h.hex('院院终')]);
  const page = await h.get(`${h.ORIGIN}/notices/${id}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(`<div class="notice-body">${body}</div>`), 'the whole body on the public page');
  assert.ok(page.text.includes(title));
  const tooLong = await h.createNotice(office, { title: `正文太长 ${TAG}`, body: '字'.repeat(10001) });
  assert.equal(tooLong.res.status, 422);
  assertFieldError(tooLong.res.text, 'body', h.fieldError('too_long', 'Notice.body', { max: 10000 }));
});

test('a four-byte character (emoji) is stored and shown as it was typed', async () => {
  const title = `就诊提醒 😷🏥 ${TAG}`;
  const { res, id } = await h.createNotice(office, { title, action: 'publish' });
  assert.equal(res.status, 303);
  assert.equal(h.sqlValue(`SELECT HEX(title) FROM notices WHERE id = ${id}`), h.hex(title));
  assert.ok((await h.get(`${h.ORIGIN}/notices/${id}`)).text.includes(title));
});

test('a body over the office program\'s 512 KiB is refused by the handler with a Chinese 413 page', async () => {
  const visitor = new h.Client(h.ORIGIN);
  const big = `username=${'a'.repeat(600 * 1024)}`;
  const res = await rawPost(visitor, '/office/login', big);
  h.assertErrorPage(assert, res, 413);
  assert.ok(res.text.includes(`<title>${h.lang('Http.413.title')} - ${h.site('name')}</title>`), 'the handler\'s page');

  const before_ = noticeCount();
  const created = await rawPost(office, '/office/notices/new',
    `_csrf=${office.token}&title=big${TAG}&category=notice&action=draft&body=${'b'.repeat(600 * 1024)}`);
  h.assertErrorPage(assert, created, 413);
  assert.equal(noticeCount(), before_);
  // just under the limit the handler reads it (and finds the body too long)
  const near = await rawPost(office, '/office/notices/new',
    `_csrf=${office.token}&title=near${TAG}&category=notice&action=draft&body=${'b'.repeat(500 * 1024)}`);
  assert.equal(near.status, 422);
});

test('a body over nginx\'s 1 MiB gets nginx\'s own static 413 page', async () => {
  const res = await rawPost(new h.Client(h.ORIGIN), '/office/login', `username=${'a'.repeat(2 * 1024 * 1024)}`);
  assert.equal(res.status, 413);
  assert.equal(res.text, fs.readFileSync(path.join(h.ROOT, 'static/errors/413.html'), 'utf8'));
  assert.ok(res.text.includes(h.lang('Http.413.title')));
  const pub = await rawPost(new h.Client(h.BASE), '/notices/', `x=${'a'.repeat(2 * 1024 * 1024)}`);
  assert.equal(pub.status, 413);
});

test('missing fields are named in Chinese beside each field and in the summary', async () => {
  const res = await office.post('/office/notices/new', { _csrf: office.token, title: '  ', body: '\r\n', action: 'draft' });
  assert.equal(res.status, 422);
  assertFieldError(res.text, 'title', h.fieldError('required', 'Notice.title'));
  assertFieldError(res.text, 'body', h.fieldError('required', 'Notice.body'));
  // (the <select> is not marked aria-invalid: the form macros only do that for inputs)
  assertFieldError(res.text, 'category', h.fieldError('must_choose', 'Notice.category'), { input: false });
  assert.equal(h.fieldError('required', 'Notice.title'), '请填写标题');

  const bogus = await h.createNotice(office, { title: `类别 ${TAG}`, category: 'bogus', action: 'bogus' });
  assert.equal(bogus.res.status, 422);
  assertFieldError(bogus.res.text, 'category', h.fieldError('not_a_choice', 'Notice.category'), { input: false });

  const visitor = new h.Client(h.ORIGIN);
  const token = await visitor.csrf('/office/login');
  const login = await visitor.post('/office/login', { _csrf: token, username: '', password: '' });
  assert.equal(login.status, 422);
  assertFieldError(login.text, 'username', h.fieldError('required', 'Login.username'));
  assertFieldError(login.text, 'password', h.fieldError('required', 'Login.password'));
});

test('an expiry before (or at) the publication time is refused', async () => {
  const before_ = noticeCount();
  for (const [from, until] of [
    [h.dbTime('+ INTERVAL 2 DAY'), h.dbTime('+ INTERVAL 1 DAY')],
    [h.dbTime('+ INTERVAL 2 DAY'), h.dbTime('+ INTERVAL 2 DAY')],
  ]) {
    const { res } = await h.createNotice(office, { title: `日期 ${TAG}`, publish_at: from, expire_at: until, action: 'publish' });
    assert.equal(res.status, 422);
    assertFieldError(res.text, 'expire_at', h.lang('Error.expire_before_publish'));
    assert.ok(res.text.includes(`value="${from}"`) && res.text.includes(`value="${until}"`), 'the dates as typed');
  }
  assert.equal(noticeCount(), before_);
});

test('an expiry date in the past is refused when the notice is published now', {
}, async () => {
  const { res } = await h.createNotice(office, {
    title: `已过期 ${TAG}`, expire_at: h.dbTime('- INTERVAL 1 DAY'), action: 'publish',
  });
  assert.equal(res.status, 422);
});

test('a date that is not a date is refused beside its field', async () => {
  for (const bad of ['2026-02-30T10:00', '2026-13-01T00:00', 'tomorrow', '2026-11-25', '1999-12-31T23:59', '2026-11-25T24:00',
    "2026-11-25T10:00' OR 1=1 --"]) {
    const { res } = await h.createNotice(office, { title: `坏日期 ${TAG}`, publish_at: bad });
    assert.equal(res.status, 422, bad);
    assertFieldError(res.text, 'publish_at', h.fieldError('not_a_datetime', 'Notice.publish_at'));
    assert.ok(res.text.includes(`value="${h.escapeHtml(bad)}"`), `the value as typed: ${bad}`);
  }
  // a leap day and the space form are fine
  const ok = await h.createNotice(office, { title: `闰日 ${TAG}`, publish_at: '2028-02-29 08:30' });
  assert.equal(ok.res.status, 303);
  assert.equal(h.sqlValue(`SELECT publish_at FROM notices WHERE id = ${ok.id}`), '2028-02-29 08:30:00');
});

test('text is trimmed and CRLF line breaks are stored as LF; tabs are kept in the body', async () => {
  const { res, id } = await h.createNotice(office, {
    title: `  \t 两端空白 ${TAG} \r\n`, body: '\r\n 第一行\r\n第二行\t制表\r\n\r\n第四行 \n',
  });
  assert.equal(res.status, 303);
  assert.deepEqual(h.sql(`SELECT HEX(title), HEX(body) FROM notices WHERE id = ${id}`)[0],
    [h.hex(`两端空白 ${TAG}`), h.hex('第一行\n第二行\t制表\n\n第四行')]);
});

test('control characters in a one-line field are refused, and shown back as � where they were', async () => {
  for (const title of [`响铃\u0007${TAG}`, `换行\n${TAG}`, `删除\u007f${TAG}`]) {
    const { res } = await h.createNotice(office, { title });
    assert.equal(res.status, 422, JSON.stringify(title));
    assertFieldError(res.text, 'title', h.fieldError('control_chars', 'Notice.title'));
    // HTML cannot carry them in an attribute: the form keeps the rest as typed
    assert.ok(res.text.includes(`value="${title.slice(0, 2)}\ufffd${TAG}"`), 'kept, the refused character marked');
  }
});

test('a NUL byte in a field is refused rather than cutting the text short', {
}, async () => {
  const before_ = noticeCount();
  const res = await rawPost(office, '/office/notices/new',
    `_csrf=${office.token}&title=${encodeURIComponent(`截断 ${TAG}`)}&category=notice&action=draft&body=%E5%89%8D%E5%8D%8A%00%E5%90%8E%E5%8D%8A`);
  assert.ok(res.status === 400 || res.status === 422, `status ${res.status}`);
  assert.equal(noticeCount(), before_);
});

test('SQL in titles, bodies and parameters is kept as text and does nothing', async () => {
  const count = noticeCount();
  const title = `' OR 1=1 -- ${TAG}`;
  const body = "1; DROP TABLE notices; --\n'); DELETE FROM users; --";
  const { res, id } = await h.createNotice(office, { title, body, action: 'publish' });
  assert.equal(res.status, 303);
  assert.deepEqual(h.sql(`SELECT HEX(title), HEX(body) FROM notices WHERE id = ${id}`)[0], [h.hex(title), h.hex(body)]);
  const page = await h.get(`${h.ORIGIN}/notices/${id}`);
  assert.ok(page.text.includes(`<h1 class="page-title">${h.escapeHtml(title)}</h1>`));
  assert.ok(page.text.includes(`<div class="notice-body">${h.escapeHtml(body)}</div>`));
  assert.ok(h.listedIds((await h.publicList()).text).includes(id));

  for (const q of ["?category=' OR 1=1 --", '?category=notice%27%20OR%20%271%27=%271', '?page=1; DROP TABLE notices',
    '?page=1 OR 1=1', '?page=1)--']) {
    h.assertErrorPage(assert, await h.get(`${h.ORIGIN}/notices/${q}`), 404);
  }
  h.assertErrorPage(assert, await h.get(`${h.ORIGIN}/notices/1%20OR%201=1`), 404);
  h.assertErrorPage(assert, await h.get(`${h.ORIGIN}/notices/1;DROP%20TABLE%20notices`), 404);

  const visitor = new h.Client(h.ORIGIN);
  const token = await visitor.csrf('/office/login');
  const login = await visitor.post('/office/login', { _csrf: token, username: "' OR 1=1 --", password: "' OR '1'='1" });
  assert.equal(login.status, 422);
  assert.ok(login.text.includes(h.lang('Error.login_failed')));
  assert.ok(login.text.includes('value="&#39; OR 1=1 --"'), 'the username comes back escaped');
  h.sql("DELETE FROM rate_limits WHERE scope LIKE 'login.%'");
  h.clearAddressThrottle();

  assert.equal(noticeCount(), count + 1, 'the notices table is there, with one more row');
  assert.ok(Number(h.sqlValue('SELECT COUNT(*) FROM users')) > 0);
});

test('HTML in a title is shown escaped on every page and stored as typed', async () => {
  const title = `<script>alert(1)</script> & "x" ${TAG}`;
  const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;';
  const body = '<img src=x onerror=alert(2)> <a href="javascript:alert(3)">点我</a>';
  const { res, id } = await h.createNotice(office, { title, body, action: 'publish', pinned: '1' });
  assert.equal(res.status, 303);
  assert.deepEqual(h.sql(`SELECT HEX(title), HEX(body) FROM notices WHERE id = ${id}`)[0], [h.hex(title), h.hex(body)]);
  assert.equal(h.escapeHtml(title), `${escaped} ${TAG}`);

  const pages = {
    'public list': await h.get(`${h.ORIGIN}/notices/`),
    'public detail': await h.get(`${h.ORIGIN}/notices/${id}`),
    'home page': await h.get(`${h.ORIGIN}/`),
    'office list': await office.get('/office/notices/'),
    'office view': await office.get(`/office/notices/${id}`),
    'edit form': await office.get(`/office/notices/${id}/edit`),
  };
  for (const [name, page] of Object.entries(pages)) {
    assert.equal(page.status, 200, name);
    assert.ok(page.text.includes(escaped), `${name} shows the title escaped`);
    assert.ok(!page.text.includes('<script>'), `${name} has no raw <script>`);
    assert.ok(!page.text.includes('<img src=x'), `${name} has no raw <img>`);
    assert.ok(!page.text.includes('href="javascript:'), `${name} has no javascript: link`);
  }
  assert.ok(pages['public detail'].text.includes(`<title>${escaped} ${TAG} - ${h.site('name')}</title>`));
  assert.ok(pages['public detail'].text.includes(h.escapeHtml(body)));
  assert.ok(pages['edit form'].text.includes(`value="${escaped} ${TAG}"`));
  assert.ok(pages['edit form'].text.includes(`>${h.escapeHtml(body)}</textarea>`));
});

test('characters that reorder or hide text (U+202E, U+2066, U+2028, zero width) are refused in titles and names', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  for (const ch of ['\u202e', '\u2066', '\u2028', '\u200b', '\ufeff']) {
    const title = `停诊${ch}通知 ${TAG}`;
    const { res, id } = await h.createNotice(office, { title });
    assert.equal(res.status, 422, JSON.stringify(ch));
    assert.equal(id, null);
    assert.ok(res.text.includes(h.fieldError('control_chars', 'Notice.title')), `message beside the title for ${JSON.stringify(ch)}`);
  }
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM notices WHERE title LIKE '%${TAG}%' AND title LIKE '停诊%'`), '0');
});
