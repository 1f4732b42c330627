// nginx's own answers carry the portal's security headers, the same ones a
// handler's page carries (cgi/core/response.c): a missing static file
// (404), a body over client_max_body_size (413), too many requests at once
// from one address (429), a handler pool that is down (502); those error
// pages are the portal's Chinese pages and are never stored.  A handler's
// page gets each header once, not a second copy from nginx.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { test, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');
const { SlowPool, until } = require('./slow-client.js');

// `stack.sh start` writes nginx.conf for PORTAL_PORT: it must be this
// instance's port (as in resilience.test.js)
process.env.PORTAL_PORT = process.env.PORTAL_PORT || new URL(h.BASE).port;
const RUN = path.join(h.ROOT, 'run', h.INSTANCE);

const SECURITY = ['x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy',
  'content-security-policy'];
const LIMIT = Number(fs.readFileSync(path.join(h.ROOT, 'nginx/portal-http.conf'), 'utf8')
  .match(/^limit_conn portal_addr (\d+);/m)[1]);
const page = (name) => fs.readFileSync(path.join(h.ROOT, 'static/errors', name), 'utf8');

// The headers a handler sends (cgi/core/response.c), as the reference.
let reference;
async function handlerHeaders() {
  if (!reference) {
    const res = await h.get(`${h.ORIGIN}/healthz`);
    assert.equal(res.status, 200);
    reference = Object.fromEntries(SECURITY.map((k) => [k, res.headers.get(k)]));
    assert.equal(reference['x-frame-options'], 'DENY');
    assert.match(reference['content-security-policy'], /^default-src 'none';/);
  }
  return reference;
}

// Each security header exactly once with the handler's value (a header
// sent twice would read "DENY, DENY").
async function assertSecurityHeaders(res, what) {
  const ref = await handlerHeaders();
  for (const k of SECURITY) assert.equal(res.headers.get(k), ref[k], `${k} of ${what}`);
}

// One of nginx's static error pages, as the visitor gets it.
async function assertNginxErrorPage(res, status, file, what) {
  assert.equal(res.status, status, what);
  assert.match(res.headers.get('content-type') || '', /^text\/html; charset=utf-8/, what);
  assert.equal(res.text, page(file), `${what}: the page static/errors/${file}`);
  assert.ok(res.text.includes('<html lang="zh-CN">'), what);
  await assertSecurityHeaders(res, what);
  assert.equal(res.headers.get('cache-control'), 'no-store', `${what} is never stored`);
  assert.equal(res.headers.get('x-request-id'), null, `${what} never reached a handler`);
}

let pool = new SlowPool();
afterEach(() => {
  pool.destroyAll();
  pool = new SlowPool();
});

test('a missing static file is nginx\'s Chinese 404 page with the security headers, never stored', async () => {
  for (const url of [`${h.BASE}/static/nope.css`, `${h.ORIGIN}/static/css/nope.css`, `${h.BASE}/static/errors/nope.html`]) {
    const res = await h.get(url);
    await assertNginxErrorPage(res, 404, '404.html', url);
    assert.ok(res.text.includes('页面不存在'), 'it says the page does not exist');
    assert.ok(res.text.includes('<a class="button" href="/">返回首页</a>'), 'and leads back home');
  }
  const head = await h.get(`${h.BASE}/static/nope.css`, { method: 'HEAD' });
  assert.equal(head.status, 404);
  assert.equal(head.headers.get('cache-control'), 'no-store');
  await assertSecurityHeaders(head, 'HEAD of a missing file');
});

test('a static file carries the security headers and may be kept an hour', async () => {
  for (const p of ['/static/css/portal.css', '/static/img/logo.svg', '/favicon.ico']) {
    const res = await h.get(`${h.BASE}${p}`);
    assert.equal(res.status, 200, p);
    await assertSecurityHeaders(res, p);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=3600', p);
    assert.equal(res.headers.get('x-cache'), null, `${p} is not from the page cache`);
  }
  const css = await h.get(`${h.BASE}/static/css/portal.css`);
  const again = await h.get(`${h.BASE}/static/css/portal.css`, { headers: { 'if-none-match': css.headers.get('etag') } });
  assert.equal(again.status, 304);
  await assertSecurityHeaders(again, '304');
});

test('a body over nginx\'s 1 MiB is the Chinese 413 page with the security headers, never stored', async () => {
  const big = `x=${'a'.repeat(2 * 1024 * 1024)}`;
  for (const url of [`${h.BASE}/notices/`, `${h.ORIGIN}/office/login`]) {
    const res = await h.get(url, { method: 'POST', body: big, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    await assertNginxErrorPage(res, 413, '413.html', `413 of ${url}`);
    assert.ok(res.text.includes(h.lang('Http.413.title')), 'it names the problem');
  }
});

test(`more than ${LIMIT} requests at once from one address: the Chinese 429 page with Retry-After, never stored`, async () => {
  const addr = '127.0.0.10';
  // LIMIT + 1 posts whose bodies never arrive: LIMIT are in progress, one is refused
  const bodies = Array.from({ length: LIMIT + 1 }, (_, i) =>
    pool.slowBody(addr, `${h.BASE}/notices/?held=${i}`, { length: 4096, intervalMs: 200, bytes: 20 }));
  await until(() => bodies.some((c) => c.status !== null), { timeout: 10000 });
  assert.deepEqual(bodies.filter((c) => c.status !== null).map((c) => c.status), [429]);

  const res = await h.requestFrom(addr, `${h.BASE}/notices/`);
  res.text = await res.text();
  await assertNginxErrorPage(res, 429, '429.html', '429');
  assert.equal(res.headers.get('retry-after'), '5');
  assert.ok(res.text.includes(h.lang('Http.429.title')), 'the title the handlers use for 429');
  assert.ok(res.text.includes('请稍等片刻后再刷新页面重试'), 'it says what to do');
  // the uncached port shares the count; another address is not affected
  assert.equal((await h.requestFrom(addr, `${h.ORIGIN}/office/login`)).status, 429);
  assert.equal((await h.requestFrom('127.0.0.11', `${h.BASE}/notices/`)).status, 200);

  // when the held requests end, the address is served again
  pool.destroyAll();
  const back = await until(async () => (await h.requestFrom(addr, `${h.BASE}/healthz`)).status === 200, { timeout: 5000 });
  assert.ok(back, 'served again once its requests are gone');
});

test('a handler\'s page gets each security header once, from the handler, cached or not', async () => {
  const p = `/notices/?headers=${h.uniq()}`;
  const miss = await h.get(`${h.BASE}${p}`);
  const hit = await h.get(`${h.BASE}${p}`);
  assert.equal(miss.headers.get('x-cache'), 'MISS');
  // from the cache: HIT, or the expired copy when the second ended in between
  assert.ok(['HIT', 'STALE', 'UPDATING'].includes(hit.headers.get('x-cache')), hit.headers.get('x-cache'));
  const cases = [['MISS', miss], ['HIT', hit], ['origin', await h.get(`${h.ORIGIN}${p}`)],
    ['handler 404', await h.get(`${h.ORIGIN}/no/such/page`)], ['office', await h.get(`${h.ORIGIN}/office/login`)]];
  for (const [what, res] of cases) {
    await assertSecurityHeaders(res, what);
    assert.match(res.headers.get('x-request-id') || '', /^[0-9a-f]{32}$/, `${what} is the handler's`);
    assert.equal(res.headers.get('retry-after'), null, what);
  }
  assert.equal(miss.headers.get('cache-control'), 'no-cache');
  assert.equal(hit.headers.get('cache-control'), 'no-cache');
  assert.equal(cases[3][1].headers.get('cache-control'), 'no-store');
  assert.equal(cases[4][1].headers.get('cache-control'), 'no-store');
  // nginx's own redirect (/office to /office/) carries them too
  const redirect = await h.get(`${h.ORIGIN}/office`);
  assert.equal(redirect.status, 301);
  await assertSecurityHeaders(redirect, 'the redirect');
  assert.equal(redirect.headers.get('cache-control'), 'no-store');
});

test('with the office handlers down, nginx answers 502 with the Chinese 50x page and the security headers', async () => {
  const pidFile = path.join(RUN, 'office.pid');
  const master = Number(fs.readFileSync(pidFile, 'utf8').trim());
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(master, 'SIGTERM');       // the pool stops its workers and removes its socket
    assert.ok(await until(() => !alive(master), { timeout: 10000 }), 'the office pool stopped');
    for (const url of [`${h.ORIGIN}/office/login`, `${h.BASE}/office/`]) {
      const res = await h.get(url);
      await assertNginxErrorPage(res, 502, '50x.html', `502 of ${url}`);
      assert.ok(res.text.includes('服务暂时不可用'), 'it says the service is unavailable for now');
      assert.ok(res.text.includes('急诊科'), 'and where to go in an emergency');
    }
    assert.equal((await h.get(`${h.ORIGIN}/healthz`)).status, 200, 'the public program is not affected');
  } finally {
    h.stack(['start']);                    // starts only what is missing: the office pool
  }
  // (start also reloads nginx, whose old workers close idle keep-alive
  // connections; let this process see those closes before reusing them)
  await h.sleep(500);
  const back = await until(async () => (await h.get(`${h.ORIGIN}/office/login`)).status === 200, { timeout: 5000 });
  assert.ok(back, 'the office is back');
});
