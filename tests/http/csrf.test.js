// Every POST needs the CSRF token of the visitor's own session (or, before
// login, of its csrf cookie): without it, with a wrong one or with another
// session's, the answer is 403 and nothing changes.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const TAG = h.uniq('csrf');
after(() => h.cleanupNotices(TAG));

// [label, token] pairs that must all be refused for `client`.
async function badTokens(client, other) {
  const own = client.token || (await client.csrf('/office/login'));
  const flipped = own.slice(0, -2) + (own.endsWith('AA') ? 'BB' : 'AA');
  return [
    ['no token', undefined],
    ['empty token', ''],
    ['wrong token', flipped],
    ['token of the wrong length', `${own}x`],
    ['token of another session', other.token || (await other.csrf('/office/login'))],
  ];
}

function fields(token, rest = {}) {
  return token === undefined ? rest : { _csrf: token, ...rest };
}

const sessionsOf = (username) =>
  Number(h.sqlValue(`SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = '${username}'`));

test('the login page gives a new visitor an HttpOnly, SameSite=Strict csrf cookie and a token', async () => {
  const visitor = new h.Client(h.ORIGIN);
  const res = await visitor.get('/office/login');
  assert.equal(res.status, 200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('csrf='));
  assert.ok(cookie, 'a csrf cookie');
  assert.match(cookie, /^csrf=[A-Za-z0-9_-]{43}; /);
  assert.match(cookie, /; HttpOnly/);
  assert.match(cookie, /; SameSite=Strict/);
  assert.match(cookie, /; Path=\//);
  const token = h.csrfOf(res.text);
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(token, visitor.cookies.get('csrf'), 'the token is not the cookie');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  // the same visitor keeps its cookie and its token
  const again = await visitor.get('/office/login');
  assert.equal(again.headers.getSetCookie().length, 0);
  assert.equal(h.csrfOf(again.text), token);
  // another visitor gets another token
  assert.notEqual(await new h.Client(h.ORIGIN).csrf('/office/login'), token);
});

test('a login without the right token is 403 and logs nobody in', async () => {
  const user = h.newUser('office');
  const visitor = new h.Client(h.ORIGIN);
  const other = new h.Client(h.ORIGIN);
  for (const [label, token] of await badTokens(visitor, other)) {
    const res = await visitor.post('/office/login', fields(token, { username: user.username, password: user.password }));
    h.assertErrorPage(assert, res, 403);
    assert.ok(!visitor.cookies.has('office_session'), label);
    assert.equal(sessionsOf(user.username), 0, label);
  }
  // without any csrf cookie a token is worth nothing
  const cookieless = await h.get(`${h.ORIGIN}/office/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: await other.csrf('/office/login'), username: user.username, password: user.password }).toString(),
  });
  assert.equal(cookieless.status, 403);
  assert.equal(h.sqlValue(`SELECT last_login_at IS NULL FROM users WHERE username = '${user.username}'`), '1');
  // and with it, it works
  await visitor.login(user);
  assert.equal(sessionsOf(user.username), 1);
});

test('creating a notice without the right token is 403 and creates nothing', async () => {
  const office = await h.loggedIn('office');
  const other = await h.loggedIn('office');
  const count = () => Number(h.sqlValue('SELECT COUNT(*) FROM notices'));
  const before = count();
  const bad = await badTokens(office, other);
  // a token made before login (for the visitor cookie) is no longer good
  const visitor = new h.Client(h.BASE);
  const preLogin = await visitor.csrf('/office/login');
  await visitor.login(h.newUser('office'));
  bad.push(['token from before login', preLogin]);
  for (const [label, token] of bad) {
    for (const client of [office, visitor]) {
      const res = await client.post('/office/notices/new', fields(token, {
        title: `CSRF ${label} ${TAG}`, category: 'notice', body: 'x', action: 'publish',
      }));
      assert.equal(res.status, 403, label);
      assert.ok(res.text.includes(h.lang('Http.403.title')));
    }
  }
  assert.equal(count(), before, 'no notice was made');
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM notices WHERE title LIKE 'CSRF %${TAG}'`), '0');
  const { res } = await h.createNotice(office, { title: `CSRF ok ${TAG}` });
  assert.equal(res.status, 303);
  assert.equal(count(), before + 1);
});

test('publishing without the right token is 403 and leaves the notice a draft', async () => {
  const office = await h.loggedIn('office');
  const other = await h.loggedIn('office');
  const { id } = await h.createNotice(office, { title: `CSRF 草稿 ${TAG}` });
  const auditCount = () => h.sqlValue(`SELECT COUNT(*) FROM audit_log WHERE entity = 'notice' AND entity_id = ${id}`);
  const audits = auditCount();
  for (const [label, token] of await badTokens(office, other)) {
    const res = await office.post(`/office/notices/${id}/publish`, fields(token));
    h.assertErrorPage(assert, res, 403);
    assert.equal(h.sqlValue(`SELECT status FROM notices WHERE id = ${id}`), 'draft', label);
    for (const action of ['pin', 'expire']) {
      assert.equal((await office.post(`/office/notices/${id}/${action}`, fields(token))).status, 403, `${action}, ${label}`);
    }
  }
  assert.deepEqual(h.sql(`SELECT status, pinned, expire_at FROM notices WHERE id = ${id}`)[0], ['draft', '0', 'NULL']);
  assert.equal(auditCount(), audits, 'no audit record for a refused change');
  assert.equal((await h.get(`${h.ORIGIN}/notices/${id}`)).status, 404);
  const ok = await h.noticeAction(office, id, 'publish');
  assert.equal(ok.status, 303);
  assert.equal(h.sqlValue(`SELECT status FROM notices WHERE id = ${id}`), 'published');
});

test('logging out without the right token is 403 and the session stays valid', async () => {
  const office = await h.loggedIn('office');
  const other = await h.loggedIn('office');
  for (const [label, token] of await badTokens(office, other)) {
    const res = await office.post('/office/logout', fields(token));
    h.assertErrorPage(assert, res, 403);
    assert.equal(sessionsOf(office.user.username), 1, label);
    assert.equal((await office.get('/office/')).status, 200, `still logged in after: ${label}`);
  }
  const res = await office.post('/office/logout', { _csrf: office.token });
  assert.equal(res.status, 303);
  assert.equal(sessionsOf(office.user.username), 0);
  // the other session is untouched by this logout
  assert.equal((await other.get('/office/')).status, 200);
});

test('a token dies with its session: after logging in again the old token is refused', async () => {
  const office = await h.loggedIn('office');
  const oldToken = office.token;
  assert.equal((await office.post('/office/logout', { _csrf: oldToken })).status, 303);
  // (a second login of an account within the same second fails: office-login.test.js)
  await h.sleep(1000 - (Date.now() % 1000) + 20);
  await office.login(office.user);
  const fresh = await office.csrf('/office/');
  assert.notEqual(fresh, oldToken);
  const res = await office.post('/office/notices/new', {
    _csrf: oldToken, title: `CSRF 旧令牌 ${TAG}`, category: 'notice', body: 'x', action: 'draft',
  });
  assert.equal(res.status, 403);
  office.token = fresh;
  assert.equal((await h.createNotice(office, { title: `CSRF 新令牌 ${TAG}` })).res.status, 303);
});

test('a token in the query string of a POST does not count, even with the right one in the body', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const title = `查询串 ${TAG}`;
  const count = () => h.sqlValue(`SELECT COUNT(*) FROM notices WHERE title = '${title}'`);
  const body = { title, category: 'notice', body: '正文', action: 'draft' };
  const cases = [
    ['only in the query string', `?_csrf=${encodeURIComponent(office.token)}`, body],
    ['in the query string and the body', `?_csrf=${encodeURIComponent(office.token)}`, { _csrf: office.token, ...body }],
    ['a wrong one in the query string, the right one in the body', '?_csrf=x', { _csrf: office.token, ...body }],
  ];
  for (const [label, query, fieldsSent] of cases) {
    const res = await office.post(`/office/notices/new${query}`, fieldsSent);
    assert.equal(res.status, 403, label);
  }
  assert.equal(count(), '0');
  // the public side alike
  const visitor = new h.Client(h.ORIGIN);
  const token = await visitor.csrf('/booking/lookup');
  assert.equal((await visitor.post(`/booking/lookup?_csrf=${encodeURIComponent(token)}`, { no: 'ABCDEFGHJK', mobile: '13800138000' })).status, 403);
  // and in the body alone it works
  assert.equal((await office.post('/office/notices/new', { _csrf: office.token, ...body })).status, 303);
  assert.equal(count(), '1');
});
