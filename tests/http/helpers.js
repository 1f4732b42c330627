// Helpers shared by the HTTP tests (not a test file itself: node --test only
// runs *.test.js).  Everything talks to the portal through tests/lib/portal.js;
// this adds the texts of the language file, unique names, logged-in clients
// and the small notice operations most tests need.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const lib = require('../lib/portal.js');

const { ROOT, BASE, ORIGIN, INSTANCE, Client, csrfOf, sql, createUser, stack, requestFrom } = lib;

// ---- HDF files (templates/lang/zh-CN.hdf, templates/site.hdf) ----

// A flat map "Lang.Http.404.title" -> "找不到该页面" of a ClearSilver HDF file
// (nested "name {" blocks and "key = value" lines are all the portal uses).
function readHdf(file) {
  const out = new Map();
  const stack_ = [];
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    let m;
    if ((m = line.match(/^([\w.]+)\s*\{$/))) stack_.push(m[1]);
    else if (line === '}') stack_.pop();
    else if ((m = line.match(/^([\w.]+)\s*=\s?(.*)$/))) out.set([...stack_, m[1]].join('.'), m[2]);
  }
  return out;
}
// the common language file, then each service's (templates/lang/zh-CN/*.hdf)
// in name order, as render_init() reads them
const serviceLangDir = path.join(ROOT, 'templates/lang/zh-CN');
const serviceLang = fs.existsSync(serviceLangDir)
  ? fs.readdirSync(serviceLangDir).filter((f) => f.endsWith('.hdf')).sort().map((f) => path.join(serviceLangDir, f))
  : [];
const HDF = new Map([
  ...readHdf(path.join(ROOT, 'templates/lang/zh-CN.hdf')),
  ...serviceLang.flatMap((f) => [...readHdf(f)]),
  ...readHdf(path.join(ROOT, 'templates/site.hdf')),
]);

// The text of a key under Lang. ("Http.404.title"), with {label} etc. filled.
function lang(key, vars = {}) {
  const v = HDF.get(`Lang.${key}`);
  if (v === undefined) throw new Error(`no Lang.${key} in the language file`);
  return v.replace(/\{(\w+)\}/g, (all, k) => (k in vars ? String(vars[k]) : all));
}
function site(key) {
  const v = HDF.get(`Site.${key}`);
  if (v === undefined) throw new Error(`no Site.${key} in site.hdf`);
  return v;
}
// The message the portal shows for an invalid field: Lang.Error.<code> with
// the field's label (Lang.<labelKey>).
function fieldError(code, labelKey, vars = {}) {
  return lang(`Error.${code}`, { label: lang(labelKey), ...vars });
}

// ---- small utilities ----

let counter = 0;
// A name unique to this process and call, ASCII only (safe inside SQL literals).
function uniq(prefix = 't') {
  return `${prefix}${process.pid}x${Date.now().toString(36)}x${(counter++).toString(36)}`;
}

// A valid resident ID number (GB 11643, ISO 7064 MOD 11-2) in `region` for
// person n: birth year, month, day and sequence all follow from n, so 16.8
// million people are distinct.
function residentId(region, n) {
  const year = 1950 + (n % 50), month = 1 + (Math.floor(n / 50) % 12);
  const day = 1 + (Math.floor(n / 600) % 28), seq = Math.floor(n / 16800) % 1000;
  const body = `${region}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

// A source of distinct patients (the booking form's fields), each call the
// next one; the counter starts at random so runs do not meet each other.
function patients(name, region, mobilePrefix) {
  let n = Math.floor(Math.random() * 16000000);
  return () => {
    n += 1;
    return { patient_name: name, id_type: 'resident_id', id_number: residentId(region, n),
      mobile: mobilePrefix + String(10000000 + (n % 89999999)).slice(0, 8) };
  };
}

// A loopback address of its own for each call (127.P.x.y, P from the
// process), so that tests playing many patients are many clients to the
// portal's per-address limits, as many patients are.
let addressCounter = Math.floor(Math.random() * 60000);
function nextAddress() {
  // a last byte of 0 is skipped, never mapped onto 1: that made two calls
  // in a row give the same address once in 256
  do addressCounter = (addressCounter + 1) % 65000; while ((addressCounter & 255) === 0);
  return `127.${40 + (process.pid % 150)}.${addressCounter >> 8}.${addressCounter & 255}`;
}

// The cookie the mobile's verification step gives a browser (cgi/core/
// verify.c): the mobile, its expiry and their MAC with the 'verify' key.
// Made here for tests that are about something else; the verification
// itself is tested through the real SMS code in verification.test.js.
let verifyKey;
function mobileProof(mobile, expires = Math.floor(Date.now() / 1000) + 3600) {
  verifyKey = verifyKey || Buffer.from(sqlValue("SELECT value FROM app_secrets WHERE name = 'verify'"), 'hex');
  const mac = crypto.createHmac('sha256', verifyKey).update(`mobile:${mobile}:${expires}`).digest('base64url').slice(0, 22);
  return `${mobile}.${expires}.${mac}`;
}

// A patient's browser: its own address, its mobile already proved.
function patientClient(person, base = ORIGIN) {
  const c = new Client(base, { localAddress: nextAddress() });
  c.cookies.set('mobile_ok', mobileProof(person.mobile));
  return c;
}

// What ClearSilver's html escaping makes of a text.
function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function hex(s) {
  return Buffer.from(s, 'utf8').toString('hex').toUpperCase();
}

function sha256hex(s) {
  return crypto.createHash('sha256').update(s).digest('hex');
}

function sqlValue(query) {
  const rows = sql(query);
  return rows.length ? rows[0][0] : null;
}

// A DATETIME relative to the database's clock, as <input type=datetime-local>
// sends it: dbTime('+ INTERVAL 1 DAY') -> "2026-11-26T19:08".
function dbTime(offset = '') {
  return sqlValue(`SELECT DATE_FORMAT(NOW() ${offset}, '%Y-%m-%dT%H:%i')`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Runs `fn` with the slot moved to start `minutes` from now (half an hour
// long), then puts it back where it was: a slot left there would be one
// later tests find free and the public cannot book.
async function withSlotStartingIn(slot, minutes, fn) {
  const [starts, ends] = sql(`SELECT starts_at, ends_at FROM time_slots WHERE id = ${slot}`)[0];
  sql(`UPDATE time_slots SET starts_at = NOW() + INTERVAL ${minutes} MINUTE,
       ends_at = NOW() + INTERVAL ${minutes + 30} MINUTE WHERE id = ${slot}`);
  try {
    return await fn();
  } finally {
    sql(`UPDATE time_slots SET starts_at = '${starts}', ends_at = '${ends}' WHERE id = ${slot}`);
  }
}

async function waitFor(check, { timeout = 2000, interval = 50 } = {}) {
  const started = Date.now();
  for (;;) {
    const v = await check();
    if (v) return { value: v, ms: Date.now() - started };
    if (Date.now() - started > timeout) return { value: v, ms: Date.now() - started };
    await sleep(interval);
  }
}

// ---- accounts ----

const HASH_FORM = /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

// True when portal-user stored exactly this account.
function accountStored(user, roles) {
  const rows = sql(`SELECT roles, HEX(display_name), password_hash, disabled FROM users
                    WHERE username = '${user.username}'`);
  return rows.length === 1 && rows[0][0] === roles && rows[0][1] === hex('测试用户') &&
    HASH_FORM.test(rows[0][2]) && rows[0][3] === '0';
}

// createUser(), checked: the account is verified in MariaDB and made again
// under a new name when it is not right (before 3e7a963 `portal-user add`
// failed about every other time; office-login.test.js has the test of that),
// so a broken account shows up as that one failure, not as a login failure
// somewhere else.
function newUser(roles = 'office') {
  let lastError;
  for (let attempt = 0; attempt < 12; attempt++) {
    let user;
    try {
      user = createUser(roles);
    } catch (e) {
      lastError = e;
      continue;
    }
    if (accountStored(user, roles)) return user;
    sql(`DELETE FROM users WHERE username = '${user.username}'`);
    lastError = new Error(`account ${user.username} stored wrongly`);
  }
  throw lastError;
}

// `portal-user disable|enable NAME`, checked the same way.
function setDisabled(username, disabled) {
  for (let attempt = 0; attempt < 12; attempt++) {
    try {
      stack(['user', disabled ? 'disable' : 'enable', username]);
    } catch (e) { /* checked below */ }
    if (sqlValue(`SELECT disabled FROM users WHERE username = '${username}'`) === (disabled ? '1' : '0')) return;
  }
  throw new Error(`could not ${disabled ? 'disable' : 'enable'} ${username}`);
}

// A client logged in as a new account with these roles.  `token` is the
// CSRF token of its session, the same on every form until it logs out.
async function loggedIn(roles = 'office', base = BASE) {
  const user = newUser(roles);
  const client = new Client(base);
  await client.login(user);
  client.user = user;
  client.token = await client.csrf('/office/');
  if (!client.token) throw new Error('no CSRF token on /office/');
  return client;
}

// The failed logins the tests make on purpose all come from 127.0.0.1; the
// per-address counter would slow every new account after 20 of them in 15
// minutes, so tests that fail logins clear it when they are done.
function clearAddressThrottle() {
  sql("DELETE FROM rate_limits WHERE scope IN ('login.address', 'login.account')");
}

// ---- notices ----

// POST /office/notices/new; returns the response and the new id (or null).
async function createNotice(client, fields) {
  const res = await client.post('/office/notices/new', {
    _csrf: client.token,
    category: 'notice',
    body: '测试正文',
    action: 'draft',
    ...fields,
  });
  const m = res.status === 303 && res.location && res.location.match(/^\/office\/notices\/(\d+)\?done=/);
  return { res, id: m ? Number(m[1]) : null };
}

// Publishes notices (titled with `tag`) until at least `n` are public, so
// that list tests do not depend on the demo data.
async function ensurePublic(client, n, tag) {
  const have = Number(sqlValue('SELECT COUNT(*) FROM public_notices'));
  for (let i = have; i < n; i++) {
    const { res } = await createNotice(client, { title: `填充通知 ${i} ${tag}`, action: 'publish' });
    if (res.status !== 303) throw new Error(`could not publish a filler notice: ${res.status}`);
  }
}

// POST /office/notices/{id}/{action}
function noticeAction(client, id, action) {
  return client.post(`/office/notices/${id}/${action}`, { _csrf: client.token });
}

// The notice ids of a public list or the home page, in page order.
function listedIds(html) {
  return [...html.matchAll(/class="notice-link" href="\/notices\/(\d+)"/g)].map((m) => Number(m[1]));
}

async function publicList(query = '', base = ORIGIN) {
  const res = await fetch(`${base}/notices/${query}`);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function get(url, init) {
  const res = await fetch(url, { redirect: 'manual', ...init });
  return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get('location') };
}

// Test data of a file, made harmless when the file is done: its pinned
// notices unpinned (so they do not crowd page 1 and the home page of later
// runs) and its drafts removed (the office list shows 200 rows, drafts first).
function cleanupNotices(tag) {
  sql(`UPDATE notices SET pinned = 0 WHERE title LIKE '%${tag}%'`);
  sql(`DELETE FROM notices WHERE status = 'draft' AND title LIKE '%${tag}%'`);
}

// The Chinese error page of a status, as the handlers render it.
function assertErrorPage(assert, res, status) {
  assert.equal(res.status, status, `status of ${res.url || 'response'}`);
  assert.match(res.headers.get('content-type') || '', /text\/html/);
  assert.ok(res.text.includes(lang(`Http.${status}.title`)), `the page names ${lang(`Http.${status}.title`)}`);
  assert.ok(res.text.includes(lang(`Http.${status}.text`)), 'the page says what to do');
  assert.ok(res.text.includes('<html lang="zh-CN"'), 'in the portal layout');
}

module.exports = {
  ROOT, BASE, ORIGIN, INSTANCE, Client, csrfOf, sql, createUser, stack, requestFrom,
  lang, site, fieldError, uniq, residentId, patients, nextAddress, mobileProof, patientClient, escapeHtml, hex, sha256hex, sqlValue, dbTime, sleep, waitFor, withSlotStartingIn,
  newUser, accountStored, setDisabled, loggedIn, clearAddressThrottle,
  createNotice, ensurePublic, noticeAction, listedIds, publicList, get, cleanupNotices, assertErrorPage,
};
