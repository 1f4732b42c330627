// make bench-rush: the 07:00 rush.  CLIENTS patients at once, each from a
// loopback address of its own (as patients come from their own phones),
// open the booking page of a department, a doctor's day and a slot's form,
// and book it (their mobile already proved: the proof cookie is made with
// the instance's 'verify' key, as tests/http/helpers.js does); BROWSERS
// more visitors only browse the same pages meanwhile.  Bounded: every
// client does its journey once, and every request has a timeout.
// Prints the figures per step and a last line "rush: ...".
'use strict';
const http = require('node:http');
const crypto = require('node:crypto');
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const BASE = process.env.RUSH_URL;
const CLIENTS = Number(process.env.RUSH_CLIENTS || 1000);
const BROWSERS = Number(process.env.RUSH_BROWSERS || 200);
const TIMEOUT_MS = Number(process.env.RUSH_TIMEOUT_MS || 30000);
const ROOT = path.resolve(__dirname, '..', '..');

const sql = (q) => execFileSync('bash', [path.join(ROOT, 'cgi/tools/stack.sh'), 'sql', '-N', '--raw', '-e', q],
  { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map((l) => l.split('\t'));

const key = Buffer.from(sql("SELECT value FROM app_secrets WHERE name = 'verify'")[0][0], 'hex');
function proof(mobile) {
  const expires = Math.floor(Date.now() / 1000) + 3600;
  const mac = crypto.createHmac('sha256', key).update(`mobile:${mobile}:${expires}`).digest('base64url').slice(0, 22);
  return `${mobile}.${expires}.${mac}`;
}

function residentId(n) {
  const body = `110105${1950 + (n % 50)}${String(1 + (Math.floor(n / 50) % 12)).padStart(2, '0')}` +
    `${String(1 + (Math.floor(n / 600) % 28)).padStart(2, '0')}${String(Math.floor(n / 16800) % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + '10X98765432'[[...body].reduce((a, d, i) => a + Number(d) * w[i], 0) % 11];
}

const steps = {};
function record(step, ms, ok, timedOut) {
  const s = steps[step] || (steps[step] = { times: [], errors: 0, timeouts: 0 });
  s.times.push(ms);
  if (!ok) s.errors++;
  if (timedOut) s.timeouts++;
}

function request(agent, method, p, { headers = {}, body } = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.request(BASE + p, { method, agent, headers, timeout: TIMEOUT_MS }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString(),
        ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on('timeout', () => { req.destroy(); resolve({ status: 0, timedOut: true, ms: TIMEOUT_MS }); });
    req.on('error', () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    req.end(body);
  });
}

const address = (i) => `127.${60 + Math.floor(i / 65000)}.${Math.floor(i / 250) % 250}.${1 + (i % 250)}`;

async function patient(i, target, book) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: address(i) });
  const mobile = `139${String(10000000 + i).slice(-8)}`;
  const cookies = [`mobile_ok=${proof(mobile)}`];
  const get = async (step, p, expect = 200) => {
    const r = await request(agent, 'GET', p, { headers: { cookie: cookies.join('; ') } });
    record(step, r.ms, r.status === expect, r.timedOut);
    for (const c of [].concat(r.headers?.['set-cookie'] || [])) cookies.push(c.split(';')[0]);
    return r;
  };
  try {
    await get('department', `/booking/departments/${target.department}`);
    await get('doctor', `/booking/doctors/${target.doctor}?day=${target.day}`);
    if (!book) return;
    const slot = target.slots[i % target.slots.length];
    const form = await get('slot form', `/booking/slots/${slot}`);
    const token = (form.text || '').match(/name="_csrf" value="([^"]+)"/);
    if (!token) { record('booking', 0, false, false); return; }
    const body = new URLSearchParams({ _csrf: token[1], patient_name: '早高峰', id_type: 'resident_id', id_number: residentId(i + 7000000) }).toString();
    const r = await request(agent, 'POST', `/booking/slots/${slot}`, {
      headers: { cookie: cookies.join('; '), 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      body,
    });
    // answered is what counts: booked (303) or told the slot is full (409)
    record('booking', r.ms, r.status === 303 || r.status === 409, r.timedOut);
    if (r.status === 303) record('booked', r.ms, true, false);
  } finally {
    agent.destroy();
  }
}

(async () => {
  const [department] = sql("SELECT id FROM departments WHERE code = 'NEIKE'")[0];
  const [doctor, day] = sql(`SELECT cs.doctor_id, DATE_FORMAT(cs.session_date, '%Y-%m-%d') FROM clinic_sessions cs
    WHERE cs.department_id = ${department} AND cs.session_date = CURDATE() + INTERVAL 1 DAY AND cs.status = 'open'
    GROUP BY cs.doctor_id, cs.session_date ORDER BY COUNT(*) DESC LIMIT 1`)[0];
  const slots = sql(`SELECT t.id FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id
    WHERE cs.department_id = ${department} AND cs.session_date BETWEEN CURDATE() + INTERVAL 1 DAY AND CURDATE() + INTERVAL 6 DAY
    AND cs.status = 'open' AND t.is_open = 1`).map((r) => r[0]);
  const target = { department, doctor, day, slots };
  // at 07:00 the browsing pages are already in the page cache (people
  // open them in the minutes before); a cold start would make the whole
  // rush render them at once
  const warm = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (const p of [`/booking/departments/${department}`, `/booking/doctors/${doctor}?day=${day}`]) await request(warm, 'GET', p);
  warm.destroy();
  const started = Date.now();
  await Promise.all([
    ...Array.from({ length: CLIENTS }, (_, i) => patient(i, target, true)),
    ...Array.from({ length: BROWSERS }, (_, i) => patient(CLIENTS + i, target, false)),
  ]);
  const seconds = (Date.now() - started) / 1000;
  const pct = (a, q) => a.length ? a.slice().sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(q * a.length))] : 0;
  let errors = 0, timeouts = 0;
  const parts = [];
  for (const [step, s] of Object.entries(steps)) {
    errors += step === 'booked' ? 0 : s.errors;
    timeouts += s.timeouts;
    console.log(`${step.padEnd(12)} ${String(s.times.length).padStart(5)} requests  p50 ${pct(s.times, 0.5).toFixed(1)} ms  p99 ${pct(s.times, 0.99).toFixed(1)} ms  errors ${s.errors}  timeouts ${s.timeouts}`);
    if (step !== 'booked') parts.push(`${step.replace(' ', '_')}_p50_ms=${pct(s.times, 0.5).toFixed(1)} ${step.replace(' ', '_')}_p99_ms=${pct(s.times, 0.99).toFixed(1)}`);
  }
  const booked = steps.booked ? steps.booked.times.length : 0;
  const over = sql('SELECT COUNT(*) FROM time_slots WHERE booked > capacity')[0][0];
  console.log(`rush: clients=${CLIENTS} browsers=${BROWSERS} seconds=${seconds.toFixed(1)} bookings=${booked} ` +
    `bookings_per_s=${(booked / seconds).toFixed(0)} ${parts.join(' ')} errors=${errors} timeouts=${timeouts} overbooked_slots=${over}`);
})();
