// Many requests at once: the two-worker pools queue them, every one is
// answered, and no write is lost or doubled.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const TAG = h.uniq('cc');
after(() => h.cleanupNotices(TAG));

test('100 simultaneous requests for the notice list are all answered with the whole first page', async () => {
  await h.ensurePublic(await h.loggedIn('office'), 20, TAG);
  const expected = h.sql('SELECT id FROM public_notices ORDER BY pinned DESC, publish_at DESC, id DESC LIMIT 20')
    .map((r) => Number(r[0]));
  assert.equal(expected.length, 20, 'the instance has at least 20 public notices');
  const started = Date.now();
  const all = await Promise.all(Array.from({ length: 100 }, () => h.publicList('', h.ORIGIN)));
  const ms = Date.now() - started;
  const statuses = all.map((r) => r.status);
  assert.deepEqual([...new Set(statuses)], [200], `statuses: ${statuses.join(' ')}`);
  for (const [i, res] of all.entries()) {
    assert.deepEqual(h.listedIds(res.text), expected, `response ${i}`);
    assert.ok(res.text.trimEnd().endsWith('</html>'), `response ${i} is complete`);
  }
  assert.ok(ms < 10000, `took ${ms} ms`);
});

test('100 simultaneous requests on the cached port for a page not yet cached are all answered, and the next come from the cache', async () => {
  const p = `/notices/?burst=${h.uniq()}`;
  const all = await Promise.all(Array.from({ length: 100 }, () => h.get(`${h.BASE}${p}`)));
  assert.deepEqual([...new Set(all.map((r) => r.status))], [200]);
  assert.equal(new Set(all.map((r) => r.text)).size, 1, 'the same page for everyone');
  // no cache lock (nginx/portal-locations.conf): the burst's requests may
  // each have rendered it; the page is in the cache after them
  const next = await h.get(`${h.BASE}${p}`);
  assert.ok(['HIT', 'UPDATING', 'STALE'].includes(next.headers.get('x-cache')), `then ${next.headers.get('x-cache')}`);
});

test('100 simultaneous requests for one form on the cached port: each visitor gets a form of its own', async () => {
  const [slot] = h.sql(`SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id
    WHERE cs.status = 'open' AND t.is_open = 1 AND t.starts_at > NOW() + INTERVAL 1 HOUR LIMIT 1`)[0];
  const all = await Promise.all(Array.from({ length: 100 }, () => h.get(`${h.BASE}/booking/slots/${slot}`)));
  assert.deepEqual([...new Set(all.map((r) => r.status))], [200]);
  assert.ok(all.every((r) => r.headers.get('x-cache') === 'MISS'), 'each rendered for its own visitor');
  const tokens = all.map((r) => (r.text.match(/name="_csrf" value="([^"]+)"/) || [])[1]);
  assert.equal(new Set(tokens).size, 100, 'a CSRF token of its own in each, none shared through the cache');
});

test('20 notices created at once by one office client give exactly 20 rows and 20 audit records', async () => {
  const office = await h.loggedIn('office');
  const titles = Array.from({ length: 20 }, (_, i) => `并发 ${i} ${TAG}`);
  const results = await Promise.all(titles.map((title) => h.createNotice(office, { title, body: `正文 ${title}` })));
  for (const { res } of results) assert.equal(res.status, 303);
  const ids = results.map((r) => r.id);
  assert.equal(new Set(ids).size, 20, 'twenty different ids');
  const rows = h.sql(`SELECT id, HEX(title), HEX(body) FROM notices WHERE title LIKE '并发 % ${TAG}' ORDER BY id`);
  assert.equal(rows.length, 20);
  for (const [i, title] of titles.entries()) {
    const row = rows.find((r) => Number(r[0]) === ids[i]);
    assert.ok(row, `row of ${title}`);
    assert.equal(row[1], h.hex(title), 'each id has its own title');
    assert.equal(row[2], h.hex(`正文 ${title}`));
  }
  const audits = h.sql(`SELECT entity_id, action, username FROM audit_log WHERE entity = 'notice'
                        AND entity_id IN (${ids.join(',')})`);
  assert.equal(audits.length, 20);
  assert.deepEqual(audits.map((a) => Number(a[0])).sort((a, b) => a - b), [...ids].sort((a, b) => a - b));
  for (const a of audits) {
    assert.equal(a[1], 'create');
    assert.equal(a[2], office.user.username);
  }
});

test('10 people logging in at the same moment all get in', async () => {
  const users = Array.from({ length: 10 }, () => h.newUser('office'));
  const clients = users.map(() => new h.Client(h.ORIGIN));
  const tokens = await Promise.all(clients.map((c) => c.csrf('/office/login')));
  const results = await Promise.all(clients.map((c, i) =>
    c.post('/office/login', { _csrf: tokens[i], username: users[i].username, password: users[i].password })));
  assert.deepEqual(results.map((r) => r.status), Array(10).fill(303));
  const homes = await Promise.all(clients.map((c) => c.get('/office/')));
  for (const [i, home] of homes.entries()) {
    assert.equal(home.status, 200);
    const shows = (u) => new RegExp(`${u.username}(?![0-9a-z])`).test(home.text);
    assert.ok(shows(users[i]), 'each sees their own account');
    assert.ok(users.every((u, j) => j === i || !shows(u)), 'and nobody else\'s');
  }
  const names = users.map((u) => `'${u.username}'`).join(',');
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username IN (${names})`), '10');
});

test('a page never waits behind bookings: with every forms worker held by bookings waiting on a locked slot, pages answer at once', async () => {
  const { spawn } = require('node:child_process');
  const path = require('node:path');
  const person = h.patients('排队测试', '330106', '158');
  const [slot] = h.sql(`SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id
    WHERE cs.status = 'open' AND t.is_open = 1 AND t.booked = 0
      AND cs.session_date BETWEEN CURDATE() + INTERVAL 1 DAY AND CURDATE() + INTERVAL 12 DAY
    ORDER BY RAND() LIMIT 1`)[0];
  h.sql(`UPDATE time_slots SET capacity = 30 WHERE id = ${slot}`);
  const workers = Number(process.env.PORTAL_FORM_WORKERS || process.env.PORTAL_WORKERS || 4);
  const clients = await Promise.all(Array.from({ length: workers * 3 }, async () => {
    const who = person();
    const c = h.patientClient(who);
    return { c, who, token: await c.csrf(`/booking/slots/${slot}`) };
  }));
  // the slot's row locked by another transaction for 3 s (below the
  // handlers' 5 s read timeout): every booking of it waits in its worker
  const HOLD_S = 3;
  const holder = spawn('bash', [path.join(h.ROOT, 'cgi/tools/stack.sh'), 'sql', '-N', '--unbuffered'], {
    env: { ...process.env, PORTAL_INSTANCE: h.INSTANCE, PORTAL_PORT: new URL(h.BASE).port },
    stdio: ['pipe', 'pipe', 'inherit'] });
  const released = new Promise((resolve) => holder.on('exit', resolve));
  // the row's id comes back once the lock is held
  const locked = new Promise((resolve) => holder.stdout.once('data', resolve));
  holder.stdin.end(`BEGIN; SELECT id FROM time_slots WHERE id = ${slot} FOR UPDATE; SELECT SLEEP(${HOLD_S}); ROLLBACK;\n`);
  assert.equal(String(await locked).trim(), String(slot));
  const heldAt = Date.now();
  const bookings = clients.map(({ c, who, token }) => c.post(`/booking/slots/${slot}`, { _csrf: token, ...who }));
  await h.sleep(300);   // the bookings reach the workers and wait on the row
  const pages = [];
  for (let i = 0; i < 20 && Date.now() - heldAt < (HOLD_S - 1) * 1000; i++) {
    const p = ['/booking/', '/notices/', '/'][i % 3];   // pages every instance has
    const started = Date.now();
    const res = await h.get(`${h.ORIGIN}${p}`);
    pages.push({ p, status: res.status, ms: Date.now() - started });
  }
  const stillWaiting = Date.now() - heldAt < HOLD_S * 1000;
  const answered = await Promise.all(bookings);
  await released;
  assert.deepEqual([...new Set(pages.map((r) => r.status))], [200]);
  const slow = pages.filter((r) => r.ms > 500);
  assert.deepEqual(slow, [], 'no page waited behind a booking');
  assert.ok(pages.length >= 10, `${pages.length} pages asked while the slot was locked`);
  assert.ok(stillWaiting, 'the pages were asked while the bookings waited');
  assert.deepEqual([...new Set(answered.map((r) => r.status))], [303], 'every booking made once the row was free');
  assert.equal(h.sql(`SELECT booked FROM time_slots WHERE id = ${slot}`)[0][0], String(workers * 3));
});
