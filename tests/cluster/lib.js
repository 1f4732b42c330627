// What the cluster tests share: the cluster's start script, SQL on a
// chosen node, fresh slots and patients, and traffic while a fault runs.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const h = require('../http/helpers.js');

const CL = path.join(h.ROOT, 'run', 'cluster');
const cluster = (...args) => execFileSync('bash', [path.join(h.ROOT, 'cgi/tools/cluster.sh'), ...args],
  { encoding: 'utf8', env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
// SQL on a chosen node, waiting for what the others committed
const onNode = (n, q) => cluster('sql', String(n), '-N', '--raw', '-e', `SET SESSION wsrep_sync_wait = 15; ${q}`)
  .split('\n').filter((l) => l.length).map((l) => l.split('\t'));
// a node's wsrep status, read without waiting (a node cut off cannot wait)
const status = (n, name) => {
  try {
    return cluster('sql', String(n), '-N', '--raw', '-e', `SHOW STATUS LIKE '${name}'`).trim().split('\t')[1];
  } catch { return 'down'; }
};
const nextPerson = h.patients('集群患者', '110105', '137');


function freshSlot(capacity) {
  const [id] = h.sql(
    "SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id" +
    " WHERE cs.session_date BETWEEN CURDATE() + INTERVAL 1 DAY AND CURDATE() + INTERVAL 12 DAY" +
    " AND cs.status = 'open' AND t.is_open = 1 AND t.booked = 0" +
    " AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.slot_id = t.id) ORDER BY RAND() LIMIT 1")[0];
  h.sql(`UPDATE time_slots SET capacity = ${capacity} WHERE id = ${id}`);
  return Number(id);
}

// A patient ready to post the booking form of `slot`.
async function ready(slot) {
  const person = nextPerson();
  const c = h.patientClient(person);
  const token = await c.csrf(`/booking/slots/${slot}`);
  return { c, token, person };
}

// Traffic while a fault runs: 4 clients read pages and 4 book, for
// `seconds`; `fault` runs after `faultAt` ms and `heal` (if any) after
// `healAt`.  Returns what the clients were told: the statuses of the
// pages, the numbers of the bookings made, and the ID numbers of the
// patients whose booking got no answer either way (a 5xx: its outcome is
// unknown to them, as when a connection is lost after its last write).
async function underTraffic(fault, { seconds = 6, faultAt = 1500, heal, healAt } = {}) {
  const until = Date.now() + seconds * 1000;
  const told = { pages: [], booked: [], refused: [], failed: [], unknown: [] };
  const slot = freshSlot(1000);
  const reader = async () => {
    const c = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
    while (Date.now() < until) told.pages.push((await c.get('/booking/')).status);
  };
  const booker = async () => {
    while (Date.now() < until) {
      const { c, token, person } = await ready(slot);
      const r = await c.post(`/booking/slots/${slot}`, { _csrf: token, ...person });
      if (r.status === 303) told.booked.push(new URL(r.location, h.ORIGIN).searchParams.get('no'));
      else if (r.status === 409) told.refused.push(r.status);
      else { told.failed.push(r.status); told.unknown.push(person.id_number); }
    }
  };
  const traffic = Promise.all([...Array(4)].map(reader).concat([...Array(4)].map(booker)));
  await h.sleep(faultAt);
  await fault();
  if (heal) { await h.sleep(healAt - faultAt); await heal(); }
  await traffic;
  return { told, slot };
}

// On every synced node: each booking a client was told of is stored, once;
// any other stored booking is one whose client got no answer; the slot's
// count agrees.
function assertEveryBookingKept(told, slot) {
  for (let n = 1; n <= 3; n++) {
    if (status(n, 'wsrep_local_state_comment') !== 'Synced') continue;
    const stored = onNode(n, `SELECT confirmation_no, id_number FROM bookings WHERE slot_id = ${slot}`);
    const numbers = stored.map((r) => r[0]);
    for (const no of told.booked) assert.ok(numbers.includes(no), `node ${n}: booking ${no} is stored`);
    assert.equal(new Set(numbers).size, numbers.length, `node ${n}: no number twice`);
    const others = stored.filter((r) => !told.booked.includes(r[0]));
    for (const [no, id] of others) assert.ok(told.unknown.includes(id), `node ${n}: booking ${no} was answered as not made`);
    const [booked] = onNode(n, `SELECT booked FROM time_slots WHERE id = ${slot}`)[0];
    assert.equal(Number(booked), stored.length, `node ${n}: the slot's count agrees`);
  }
}

module.exports = { CL, cluster, onNode, status, freshSlot, ready, underTraffic, assertEveryBookingKept };
