// Methods a route does not take are 405 with an Allow header; paths that
// are no route are 404; neither reaches a handler or the database.
'use strict';
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

let office;
before(async () => {
  office = await h.loggedIn('office');
});

async function send(method, p, { base = h.ORIGIN, client } = {}) {
  if (client) return client.request(method, p, { body: method === 'GET' || method === 'HEAD' ? undefined : '' });
  return h.get(`${base}${p}`, { method, body: method === 'GET' || method === 'HEAD' ? undefined : '' });
}

test('a method a public page does not take is 405 with Allow: GET', async () => {
  for (const [method, p] of [['POST', '/notices/'], ['PUT', '/'], ['DELETE', '/'], ['PATCH', '/notices/1'],
    ['POST', '/healthz'], ['OPTIONS', '/notices/'], ['POST', '/']]) {
    for (const base of [h.ORIGIN, h.BASE]) {
      const res = await send(method, p, { base });
      h.assertErrorPage(assert, res, 405);
      assert.equal(res.headers.get('allow'), 'GET', `${method} ${p}`);
      assert.equal(res.headers.get('cache-control'), 'no-store');
    }
  }
});

test('a method an office page does not take is 405 with the methods it does take', async () => {
  const cases = [
    ['DELETE', '/office/notices/', 'GET'],
    ['PUT', '/office/login', 'GET, POST'],
    ['GET', '/office/logout', 'POST'],
    ['GET', '/office/notices/1/publish', 'POST'],
    ['DELETE', '/office/notices/1', 'GET'],
    ['PUT', '/office/notices/1/edit', 'GET, POST'],
    ['PATCH', '/office/notices/new', 'GET, POST'],
  ];
  for (const [method, p, allow] of cases) {
    for (const res of [await send(method, p), await send(method, p, { client: office })]) {
      assert.equal(res.status, 405, `${method} ${p}`);
      assert.equal(res.headers.get('allow'), allow, `Allow of ${p}`);
      assert.ok(res.text.includes(h.lang('Http.405.title')));
    }
  }
  // nothing was changed by a DELETE that was refused
  assert.equal(h.sqlValue('SELECT COUNT(*) FROM notices WHERE id = 1'), '1');
});

test('HEAD is taken wherever GET is, and is 405 where only POST is', async () => {
  assert.equal((await send('HEAD', '/office/login')).status, 200);
  const res = await send('HEAD', '/office/logout');
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('allow'), 'POST');
});

test('paths that are no route are 404, whatever the method', async () => {
  for (const p of ['/nope', '/notices', '/notices/1/edit', '/index.php', '/office/nope', '/office/notices/1/delete',
    '/office/notices/abc', '/office/notices/0/publish', '/healthz/', '/static/nope.css', '/NOTICES/']) {
    const res = await send('GET', p);
    assert.equal(res.status, 404, p);
    if (!p.startsWith('/static/')) h.assertErrorPage(assert, res, 404);
  }
  for (const [method, p] of [['POST', '/nope'], ['DELETE', '/office/nope'], ['PUT', '/notices/abc']]) {
    assert.equal((await send(method, p)).status, 404, `${method} ${p}`);
  }
  // an unknown office path says 404 even to a visitor who is not logged in
  // (and not "log in first", which would tell which paths exist)
  assert.equal((await send('GET', '/office/nope')).status, 404);
  assert.equal((await send('GET', '/office/nope', { client: office })).status, 404);
});

test('/office without the slash is redirected to /office/', async () => {
  const res = await send('GET', '/office');
  assert.equal(res.status, 301);
  assert.match(res.location, /\/office\/$/);
});
