// nginx under slow and idle clients (issue 8, "Abuse resistance"): one
// address's idle connections, headers trickled a byte at a time (slowloris)
// and bodies that never finish must not stop nginx from serving everyone
// else.  Every attacker here is a bounded number of raw connections from its
// own loopback address (127.0.0.5, .6, .9), ended at the latest when its
// test ends; "everyone else" connects from other loopback addresses.
// The limits and timeouts are read from nginx/portal-http.conf, the file
// nginx runs with.
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { test, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');
const { SlowPool, until } = require('./slow-client.js');

const conf = fs.readFileSync(path.join(h.ROOT, 'nginx/portal-http.conf'), 'utf8');
const setting = (re) => {
  const m = conf.match(re);
  if (!m) throw new Error(`no ${re} in nginx/portal-http.conf`);
  return Number(m[1]);
};
const LIMIT = setting(/^limit_conn portal_addr (\d+);/m);
const HEADER_TIMEOUT_MS = setting(/^client_header_timeout (\d+)s;/m) * 1000;
const BODY_TIMEOUT_MS = setting(/^client_body_timeout (\d+)s;/m) * 1000;
const DISCARD_MS = 5000;  // nginx's lingering_timeout: reading the rest of a refused body

const ERROR_LOG = path.join(h.ROOT, 'run', h.INSTANCE, 'logs', 'nginx-error.log');
const logSize = () => (fs.existsSync(ERROR_LOG) ? fs.statSync(ERROR_LOG).size : 0);
// What nginx logged since `from` (a byte offset of its error log).  Its
// error log is written at once (unlike the buffered access log).
function loggedSince(from) {
  if (!fs.existsSync(ERROR_LOG)) return '';
  const fd = fs.openSync(ERROR_LOG, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buf = Buffer.alloc(Math.max(0, size - from));
    fs.readSync(fd, buf, 0, buf.length, from);
    return buf.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

// A request from `localAddress` that fails the test instead of hanging:
// the answer must come within `ms` (a bound on a hang, not a speed test).
function answered(localAddress, url, options = {}, ms = 10000) {
  let timer;
  return Promise.race([
    h.requestFrom(localAddress, url, options).then(async (res) => ({ ...res, body: await res.text() })),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${url} from ${localAddress}: no answer in ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

let pool = new SlowPool();
afterEach(() => {
  pool.destroyAll();
  pool = new SlowPool();
});

test('4,200 idle connections from one address: nginx needs none of another visitor\'s connections, and serves it on the one it kept alive', async () => {
  // (with the old worker_connections 4096 nginx closed other clients' idle
  // keep-alive connections to make room: "worker_connections are not enough")
  const logFrom = logSize();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: '127.0.0.7' });
  const get = (p) => new Promise((resolve, reject) => {
    const req = http.get(`${h.BASE}${p}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, reused: req.reusedSocket }));
    });
    req.on('error', reject);
  });
  try {
    const first = await get('/healthz');
    assert.equal(first.status, 200);
    assert.equal(first.reused, false);

    const idle = [];
    for (let batch = 0; batch < 21; batch++) {
      const some = Array.from({ length: 200 }, () => pool.idle('127.0.0.9', h.BASE));
      idle.push(...some);
      await Promise.all(some.map((c) => c.connected));
    }
    assert.equal(idle.length, 4200);
    const second = await get('/healthz');
    assert.equal(second.status, 200);
    assert.equal(second.reused, true, 'the visitor\'s keep-alive connection was not closed to make room');
    assert.equal((await answered('127.0.0.8', `${h.BASE}/`)).status, 200, 'a new visitor is served too');
    assert.equal(idle.filter((c) => c.status !== null).length, 0, 'the idle connections were sent nothing');
  } finally {
    agent.destroy();
  }
  assert.doesNotMatch(loggedSince(logFrom), /worker_connections are not enough/);
});

test(`slowloris: trickled headers and bodies from two addresses; others are served, bodies beyond ${LIMIT} at once get 429, the timeouts close the rest`, async () => {
  const logFrom = logSize();
  const EXTRA = 24;
  // 300 connections trickle a header line every 500 ms for 30 s, never ending it
  const headers = Array.from({ length: 300 }, () =>
    pool.trickleHeader('127.0.0.5', `${h.BASE}/`, { intervalMs: 500, lines: 60 }));
  // LIMIT + EXTRA POSTs promise 4 KiB of body, send 4 bytes in the first
  // second and then nothing: each is a request in progress until nginx gives up
  const bodies = Array.from({ length: LIMIT + EXTRA }, (_, i) =>
    pool.slowBody('127.0.0.6', `${h.BASE}/notices/?slow=${i}`, { length: 4096, intervalMs: 250, bytes: 4 }));
  const refused = () => bodies.filter((c) => c.status !== null);
  await until(() => refused().length >= EXTRA, { timeout: 10000 });

  // exactly the ones beyond the limit were answered, with the 429 page
  assert.equal(refused().length, EXTRA, `answered: ${refused().map((c) => c.status)}`);
  for (const c of refused()) {
    assert.equal(c.status, 429);
    assert.equal(c.headers.get('retry-after'), '5');
    assert.equal(c.headers.get('cache-control'), 'no-store');
    assert.ok(c.body.includes(h.lang('Http.429.title')), 'the Chinese 429 page');
  }
  assert.equal(bodies.filter((c) => c.isOpen && c.status === null).length, LIMIT, `${LIMIT} bodies in progress`);
  assert.equal(headers.filter((c) => c.isOpen).length, 300, 'the header tricklers are all still connected');

  // while they hang: another visitor is served, pages and static files, and
  // its body reaches the handler (which answers 405: the list takes no POST)
  const other = '127.0.0.7';
  for (const p of ['/', '/notices/', '/healthz', '/static/css/portal.css']) {
    assert.equal((await answered(other, `${h.BASE}${p}`)).status, 200, p);
  }
  assert.equal((await answered(other, `${h.ORIGIN}/office/login`)).status, 200);
  const posted = await answered(other, `${h.BASE}/notices/`, {
    method: 'POST', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(posted.status, 405);
  assert.ok(posted.body.includes(h.lang('Http.405.title')), 'the handler\'s page');
  // and a burst of 200 at once from one more address (a carrier NAT's
  // patients when a clinic's slots open) is answered in full
  const burst = await Promise.all(Array.from({ length: 200 }, (_, i) => answered('127.0.0.8', `${h.BASE}/?burst=${i % 4}`, {}, 30000)));
  assert.deepEqual([...new Set(burst.map((r) => r.status))], [200]);
  // the address at its limit is refused, with the page
  const more = await answered('127.0.0.6', `${h.BASE}/healthz`);
  assert.equal(more.status, 429);
  assert.ok(more.body.includes(h.lang('Http.429.title')));

  // the timeouts end the rest: header tricklers 10 s after they connected
  // (though still trickling), the stalled bodies 10 s after their last byte
  const bound = Math.max(HEADER_TIMEOUT_MS, 1000 + BODY_TIMEOUT_MS, 1000 + DISCARD_MS) + 10000;
  await until(() => pool.open().length === 0, { timeout: bound, interval: 200 });
  const stillOpen = pool.open();
  assert.equal(stillOpen.length, 0, `${stillOpen.length} connections still open after ${bound} ms`);
  assert.equal(headers.filter((c) => c.status !== null).length, 0, 'no trickled header was ever answered');
  assert.ok(headers.every((c) => c.closedAfterMs >= HEADER_TIMEOUT_MS - 1000), 'closed by the header timeout, not before');
  assert.ok(headers.every((c) => c.closedAfterMs < 60 * 500), 'closed while still trickling');
  assert.ok(bodies.filter((c) => c.status === null).every((c) => c.closedAfterMs >= BODY_TIMEOUT_MS),
    'the stalled bodies were closed by the body timeout');
  // then the address is served again
  assert.equal((await answered('127.0.0.6', `${h.BASE}/healthz`)).status, 200);

  const log = loggedSince(logFrom);
  assert.match(log, /limiting connections by zone "portal_addr", client: 127\.0\.0\.6/);
  assert.doesNotMatch(log, /limiting connections[^\n]*client: 127\.0\.0\.[78],/, 'the other addresses were never limited');
  assert.doesNotMatch(log, /worker_connections are not enough/);
});
