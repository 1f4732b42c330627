// The portal keeps answering when parts of it fail: a handler worker killed
// (the pool replaces it), MariaDB stopped and started again under running
// handlers (a Chinese error page meanwhile, never a hang; then back by
// itself, without restarting the handlers).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

// `stack.sh start` writes nginx.conf for PORTAL_PORT (default 8080): it must
// be this instance's port, or it would reconfigure nginx for another one.
process.env.PORTAL_PORT = process.env.PORTAL_PORT || new URL(h.BASE).port;

const RUN = path.join(h.ROOT, 'run', h.INSTANCE);
const TAG = h.uniq('rs');
after(() => h.cleanupNotices(TAG));

const pidOf = (name) => Number(fs.readFileSync(path.join(RUN, name), 'utf8').trim());
// the pool size stack.sh starts (PORTAL_WORKERS, 4 unless set)
const POOL = Number(process.env.PORTAL_WORKERS || 4);

function workers(pool) {
  try {
    return execFileSync('pgrep', ['-P', String(pidOf(`${pool}.pid`))], { encoding: 'utf8' })
      .split('\n').filter(Boolean).map(Number).sort();
  } catch {
    return [];
  }
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
// fetch that gives up after `ms`: a hang is a failure, not a stuck test
async function timed(url, ms = 5000, init = {}) {
  const started = Date.now();
  const res = await h.get(url, { ...init, signal: AbortSignal.timeout(ms) });
  return { ...res, ms: Date.now() - started };
}

test('a killed public worker costs nothing: every request is answered and the pool is whole again within 2 s', async () => {
  const master = pidOf('public.pid');
  const before = workers('public');
  assert.equal(before.length, POOL, `${POOL} workers: ${before}`);
  const victim = before[0];
  process.kill(victim, 'SIGKILL');
  const paths = ['/', '/notices/', '/healthz', '/notices/?page=2', '/notices/?category=notice'];
  const all = await Promise.all(Array.from({ length: 50 }, (_, i) => timed(`${h.ORIGIN}${paths[i % paths.length]}`)));
  assert.deepEqual(all.map((r) => r.status), Array(50).fill(200));
  const back = await h.waitFor(() => {
    const now = workers('public');
    return now.length === POOL && !now.includes(victim) ? now : null;
  }, { timeout: 2000 });
  assert.ok(back.value, `the pool is whole again: ${workers('public')}`);
  assert.ok(!alive(victim));
  assert.equal(pidOf('public.pid'), master, 'the master is the same');
  assert.equal((await timed(`${h.ORIGIN}/healthz`)).text, 'ok\n');
});

test('a killed office worker does not log anyone out', async () => {
  const office = await h.loggedIn('office', h.ORIGIN);
  const before = workers('office');
  assert.equal(before.length, POOL);
  for (const pid of before) process.kill(pid, 'SIGKILL');
  const back = await h.waitFor(() => {
    const now = workers('office');
    return now.length === POOL && now.every((p) => !before.includes(p)) ? now : null;
  }, { timeout: 2500 });
  assert.ok(back.value, `new office workers: ${workers('office')}`);
  const home = await office.get('/office/');
  assert.equal(home.status, 200, 'the session is in MariaDB, not in a worker');
  const { res } = await h.createNotice(office, { title: `换进程后 ${TAG}` });
  assert.equal(res.status, 303);
});

// (before 3e7a963 a fresh worker's first home page listed nothing: the
// LIMIT ? parameter was read from a stack frame that was gone)
test('a new public worker shows the notices from its very first page', async () => {
  const expected = h.sql('SELECT id FROM public_notices ORDER BY pinned DESC, publish_at DESC, id DESC LIMIT 6')
    .map((r) => Number(r[0]));
  const before = workers('public');
  for (const pid of before) process.kill(pid, 'SIGKILL');
  const back = await h.waitFor(() => {
    const now = workers('public');
    return now.length === POOL && now.every((p) => !before.includes(p)) ? now : null;
  }, { timeout: 2500 });
  assert.ok(back.value);
  for (let i = 0; i < 6; i++) {
    const home = await timed(`${h.ORIGIN}/`);
    assert.equal(home.status, 200);
    assert.deepEqual(h.listedIds(home.text), expected, `home page ${i + 1}`);
  }
});

test('with MariaDB stopped the portal answers at once with Chinese error pages, and recovers when it is back', async () => {
  const publicMaster = pidOf('public.pid');
  const officeMaster = pidOf('office.pid');
  const office = await h.loggedIn('office', h.ORIGIN);
  await h.ensurePublic(office, 20, TAG);
  const dbPid = pidOf('mariadb.pid');
  try {
    process.kill(dbPid, 'SIGTERM');
    const gone = await h.waitFor(() => !alive(dbPid), { timeout: 30000, interval: 100 });
    assert.ok(gone.value, 'MariaDB stopped');

    const health = await timed(`${h.ORIGIN}/healthz`);
    assert.equal(health.status, 503);
    assert.equal(health.text, 'database unavailable\n');
    assert.ok(health.ms < 5000);
    for (const url of [`${h.ORIGIN}/notices/`, `${h.ORIGIN}/`, `${h.ORIGIN}/notices/1`, `${h.BASE}/notices/?down=${TAG}`]) {
      const res = await timed(url);
      assert.ok(res.status === 500 || res.status === 503, `${url}: ${res.status}`);
      h.assertErrorPage(assert, res, res.status);
      assert.ok(res.ms < 5000, `${url} answered in ${res.ms} ms`);
    }
    const officeHealth = await timed(`${h.ORIGIN}/office/healthz`);
    assert.equal(officeHealth.status, 503);
    // an office page: no session can be checked, so it is the login page (or an error), never a hang
    const officePage = await timed(`${h.ORIGIN}/office/notices/`);
    assert.ok([303, 500, 503].includes(officePage.status), `office page: ${officePage.status}`);
  } finally {
    h.stack(['start']);                  // starts only what is missing: MariaDB
  }
  // (start also reloads nginx, whose old workers close the idle keep-alive
  // connections; let this process see those closes before reusing them)
  await h.sleep(500);
  assert.notEqual(pidOf('mariadb.pid'), dbPid);
  const health = await h.waitFor(async () => (await timed(`${h.ORIGIN}/healthz`)).status === 200, { timeout: 5000 });
  assert.ok(health.value, '/healthz is 200 again');
  const list = await timed(`${h.ORIGIN}/notices/`);
  assert.equal(list.status, 200);
  assert.equal(h.listedIds(list.text).length, 20);
  assert.equal((await timed(`${h.BASE}/notices/?up=${TAG}`)).status, 200);
  // the session from before the restart is still good, and a new login works
  assert.equal((await office.get('/office/')).status, 200);
  const fresh = await h.loggedIn('office', h.ORIGIN);
  const { res, id } = await h.createNotice(fresh, { title: `重启后 ${TAG}`, action: 'publish' });
  assert.equal(res.status, 303);
  assert.equal((await timed(`${h.ORIGIN}/notices/${id}`)).status, 200);
  assert.equal(pidOf('public.pid'), publicMaster, 'the public handlers were not restarted');
  assert.equal(pidOf('office.pid'), officeMaster, 'the office handlers were not restarted');
});
