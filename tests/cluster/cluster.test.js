// The portal on three handler hosts and three Galera nodes (cgi/tools/
// cluster.sh, started by tests/cluster/run.sh): requests spread over hosts
// and nodes, the booking rules hold across nodes, a node or a host lost
// mid-traffic costs no booking and no page, a node that comes back catches
// up, a read right after a write through another node sees it, and the
// notification senders on three hosts deliver each message once.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('../http/helpers.js');
const { CL, cluster, onNode, status, freshSlot, ready, underTraffic, assertEveryBookingKept } = require('./lib.js');

const logLines = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').length : 0);

test('the three hosts and the three nodes all serve: consecutive requests are spread over them', async () => {
  for (let n = 1; n <= 3; n++) {
    assert.equal(status(n, 'wsrep_cluster_size'), '3', `node ${n} sees three nodes`);
    assert.equal(status(n, 'wsrep_local_state_comment'), 'Synced', `node ${n} is synced`);
  }
  const before = [1, 2, 3].map((i) => logLines(path.join(CL, `host${i}`, 'logs', 'public.log')));
  const c = new h.Client(h.ORIGIN);
  for (let i = 0; i < 30; i++) assert.equal((await c.get('/booking/')).status, 200);
  const after = [1, 2, 3].map((i) => logLines(path.join(CL, `host${i}`, 'logs', 'public.log')));
  const served = after.map((n, i) => n - before[i]);
  assert.ok(served.every((n) => n >= 5), `requests per host: ${served.join(', ')}`);
  // each host's pool is connected to its own node
  for (let n = 1; n <= 3; n++) {
    const conns = Number(onNode(n, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'portal_public'")[0][0]);
    assert.ok(conns >= 1, `node ${n} has public handler connections (${conns})`);
  }
});

test('200 simultaneous bookings for 5 places, spread over three hosts and nodes, end with exactly 5 and no doubles', async () => {
  const slot = freshSlot(5);
  const clients = await Promise.all(Array.from({ length: 200 }, () => ready(slot)));
  const results = await Promise.all(clients.map(({ c, token, person }) =>
    c.post(`/booking/slots/${slot}`, { _csrf: token, ...person })));
  const ok = results.filter((r) => r.status === 303).length;
  const full = results.filter((r) => r.status === 409).length;
  assert.equal(ok, 5, `statuses: ${[...new Set(results.map((r) => r.status))]}`);
  assert.equal(full, 195);
  for (let n = 1; n <= 3; n++) {
    const [booked, rows, people] = onNode(n, `SELECT booked, (SELECT COUNT(*) FROM bookings WHERE slot_id = ${slot}),
      (SELECT COUNT(DISTINCT person_key) FROM bookings WHERE slot_id = ${slot}) FROM time_slots WHERE id = ${slot}`)[0];
    assert.deepEqual([booked, rows, people], ['5', '5', '5'], `node ${n}`);
  }
});

test('a booking read right after it was made, through another host and node, is there', async () => {
  for (let i = 0; i < 10; i++) {
    const slot = freshSlot(3);
    const { c, token, person } = await ready(slot);
    const made = await c.post(`/booking/slots/${slot}`, { _csrf: token, ...person });
    assert.equal(made.status, 303);
    const page = await c.get(made.location);   // the next request goes to the next host
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(new URL(made.location, h.ORIGIN).searchParams.get('no')), 'the confirmation shows the number');
  }
});

test('a database node lost mid-traffic costs no page and no booking; it rejoins and catches up by IST', async () => {
  let told, slot;
  try {
    ({ told, slot } = await underTraffic(async () => { cluster('node-stop', '2'); }));
  } finally {
    cluster('node-start', '2');
  }
  assert.ok(told.pages.length > 20 && told.booked.length > 5, `traffic: ${told.pages.length} pages, ${told.booked.length} bookings`);
  assert.deepEqual([...new Set(told.pages)], [200], 'every page answered');
  assert.deepEqual(told.failed, [], 'every booking answered as made or refused');
  assert.deepEqual(told.unknown, []);
  // bookings made while node 2 was away reached it when it came back
  assert.equal(status(2, 'wsrep_local_state_comment'), 'Synced');
  const log = fs.readFileSync(path.join(CL, 'node2', 'logs', 'mariadb.log'), 'utf8');
  assert.match(log.slice(log.lastIndexOf('Starting MariaDB')), /IST received/, 'caught up by incremental state transfer');
  assertEveryBookingKept(told, slot);
});

test('a handler host lost mid-traffic: the others answer every page, and no booking is lost or doubled', async () => {
  const { told, slot } = await underTraffic(async () => { cluster('host-stop', '3'); });
  try {
    assert.deepEqual([...new Set(told.pages)], [200], 'every page answered');
    // a POST in flight on the host that went away is not passed on by
    // nginx (it may have been acted on), so its client is told 502
    assert.ok(told.failed.every((s) => s === 502), `failed bookings: ${told.failed.join(' ')}`);
    assert.ok(told.failed.length <= 4, 'at most the ones in flight');
    assertEveryBookingKept(told, slot);
  } finally {
    cluster('host-start', '3');
  }
});

test('a node cut off from the others refuses to serve rather than diverge, and the handlers move away from it', async () => {
  // node 3 alone: its group view drops to itself (non-primary)
  onNode(3, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate = 1'");
  try {
    for (let i = 0; i < 100 && status(3, 'wsrep_cluster_status') === 'Primary'; i++) await h.sleep(100);
    assert.equal(status(3, 'wsrep_cluster_status'), 'non-Primary');
    assert.throws(() => cluster('sql', '3', '-e', 'SELECT COUNT(*) FROM bookings'), /WSREP has not yet prepared node/);
    // the pages and bookings keep working through the other two
    const slot = freshSlot(10);
    for (let i = 0; i < 6; i++) {
      const { c, token, person } = await ready(slot);
      assert.equal((await c.post(`/booking/slots/${slot}`, { _csrf: token, ...person })).status, 303);
      assert.equal((await c.get('/booking/')).status, 200);
    }
  } finally {
    onNode(3, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate = 0'");
  }
  for (let i = 0; i < 200 && status(3, 'wsrep_local_state_comment') !== 'Synced'; i++) await h.sleep(100);
  assert.equal(status(3, 'wsrep_cluster_size'), '3', 'node 3 is back in the cluster');
});

test('three senders on three hosts: one is active, each message is delivered once, and another takes over', async () => {
  const TAG = h.uniq('cl');
  const smsLogs = [path.join(CL, 'logs', 'sms.log')];   // the gateway's, written by every host's sender
  const deliveries = () => {
    const count = new Map();
    for (const f of smsLogs) {
      if (!fs.existsSync(f)) continue;
      for (const m of fs.readFileSync(f, 'utf8').matchAll(new RegExp(`key=(${TAG}:\\d+)`, 'g')))
        count.set(m[1], (count.get(m[1]) || 0) + 1);
    }
    return count;
  };
  const queue = (from, to) => h.sql(`INSERT INTO notification_outbox (idempotency_key, kind, mobile, params, next_attempt_at, created_at) VALUES ${
    Array.from({ length: to - from }, (_, i) => `('${TAG}:${from + i}', 'cancelled', '13700000000', JSON_OBJECT('no', 'C${i}'), NOW(), NOW())`).join(',')}`);
  const pending = () => Number(onNode(1, `SELECT COUNT(*) FROM notification_outbox WHERE idempotency_key LIKE '${TAG}:%' AND status <> 'sent'`)[0][0]);
  const waitDelivered = async (ms) => { for (const end = Date.now() + ms; pending() > 0 && Date.now() < end;) await h.sleep(200); };

  queue(0, 30);
  await waitDelivered(20000);
  assert.equal(pending(), 0, 'all delivered');
  const [holder] = onNode(1, 'SELECT holder FROM sender_lease WHERE id = 1')[0];
  const active = [1, 2, 3].find((i) => {
    const pid = fs.readFileSync(path.join(CL, `host${i}`, 'sender.pid'), 'utf8').trim();
    return holder.split(':')[1] === pid;
  });
  assert.ok(active, `the lease holder ${holder} is one of the hosts' senders`);
  // the active sender is killed outright; another takes the lease when it lapses
  const pidFile = path.join(CL, `host${active}`, 'sender.pid');
  process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 'SIGKILL');
  fs.rmSync(pidFile);
  queue(30, 50);
  await waitDelivered(30000);
  assert.equal(pending(), 0, 'delivered after the takeover');
  const [next] = onNode(1, 'SELECT holder FROM sender_lease WHERE id = 1')[0];
  assert.notEqual(next, holder, 'another sender holds the lease');
  const count = deliveries();
  assert.equal(count.size, 50, 'every message arrived');
  assert.deepEqual([...new Set(count.values())], [1], 'each exactly once');
  cluster('host-start', String(active));
});
