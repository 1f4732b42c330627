// Least privilege, checked with the real accounts and passwords the handlers
// use: what portal_public and portal_office may and may not do in MariaDB.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const RUN = path.join(h.ROOT, 'run', h.INSTANCE);
const SCRATCH = `grants_scratch_${process.pid}`;
const TAG = h.uniq('gr');

// Runs one statement as portal_<who> with its real password.
function as(who, query, password) {
  const pw = password ?? fs.readFileSync(path.join(RUN, 'secrets', `${who}.pw`), 'utf8').trim();
  try {
    const out = execFileSync('mariadb', ['--no-defaults', '-S', path.join(RUN, 'mysqld.sock'), '-u', `portal_${who}`,
      `-p${pw}`, '-N', '--raw', 'portal', '-e', query], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, out };
  } catch (e) {
    return { ok: false, err: String(e.stderr) };
  }
}

// The statement is refused for lack of a privilege (not for any other reason).
function denied(who, query) {
  const r = as(who, query);
  assert.equal(r.ok, false, `portal_${who} may: ${query}`);
  assert.match(r.err, /ERROR (1142|1143|1044|1227|1370)/, `${query}: ${r.err}`);
}

function allowed(who, query) {
  const r = as(who, query);
  assert.ok(r.ok, `portal_${who} may not: ${query}: ${r.err}`);
  return r.out;
}

before(() => {
  h.sql(`CREATE TABLE IF NOT EXISTS ${SCRATCH} (x INT)`);
});
after(() => {
  h.sql(`DROP TABLE IF EXISTS ${SCRATCH}`);
  // in case a refused write was not refused
  h.sql(`DELETE FROM notices WHERE title LIKE '%${TAG}%'`);
  h.sql(`DELETE FROM users WHERE username LIKE '%${TAG}%'`);
});

test('the accounts log in only with their own passwords', () => {
  assert.equal(allowed('public', 'SELECT 1').trim(), '1');
  assert.equal(allowed('office', 'SELECT 1').trim(), '1');
  const wrong = as('public', 'SELECT 1', 'not-the-password');
  assert.equal(wrong.ok, false);
  assert.match(wrong.err, /ERROR 1045/);
  const mode = fs.statSync(path.join(RUN, 'secrets', 'public.pw')).mode & 0o777;
  assert.equal(mode & 0o077, 0, `the password file is private (mode ${mode.toString(8)})`);
});

test('portal_public reads public_notices and nothing else of the notices', () => {
  const n = allowed('public', 'SELECT COUNT(*) FROM public_notices').trim();
  assert.equal(n, h.sqlValue('SELECT COUNT(*) FROM public_notices'));
  denied('public', 'SELECT id, title FROM notices');
  denied('public', "SELECT COUNT(*) FROM notices WHERE status = 'draft'");
  denied('public', 'SELECT * FROM users');
  denied('public', 'SELECT password_hash FROM users');
  denied('public', 'SELECT * FROM sessions');
  denied('public', 'SELECT * FROM audit_log');
  denied('public', 'SELECT * FROM rate_limits');
});

test('rate limits are counted only through their procedures: no account can read, reset or loosen them', () => {
  for (const who of ['public', 'office']) {
    denied(who, 'SELECT * FROM rate_limits');
    denied(who, 'DELETE FROM rate_limits');
    denied(who, "UPDATE rate_limits SET hits = 0, blocked_until = NULL");
    denied(who, 'SELECT * FROM rate_rules');
    denied(who, 'UPDATE rate_rules SET max_hits = 1000000');
    denied(who, 'CALL rate_purge()');
  }
  // the procedure itself works for them, and tells only about the subject asked for
  const out = allowed('public', `CALL rate_take('lookup.client', SHA2('grants-${TAG}', 256))`);
  assert.match(out, /^1\t0\t(NULL)?\t1$/m);
  const unknown = as('public', "CALL rate_take('no.such.rule', SHA2('x', 256))");
  assert.equal(unknown.ok, false);
  assert.match(unknown.err, /no such rate rule/, 'a rule that is not there is an error, never "allowed"');
  h.sql(`DELETE FROM rate_limits WHERE subject = SHA2('grants-${TAG}', 256)`);
});

test('portal_public can change nothing', () => {
  const count = h.sqlValue('SELECT COUNT(*) FROM notices');
  denied('public', `INSERT INTO notices (title, body, category) VALUES ('public ${TAG}', 'x', 'notice')`);
  denied('public', "UPDATE notices SET title = 'hacked' WHERE id = 1");
  denied('public', 'DELETE FROM notices WHERE id = 1');
  denied('public', "UPDATE public_notices SET title = 'hacked' WHERE id = 1");
  denied('public', 'DELETE FROM public_notices WHERE id = 1');
  denied('public', 'INSERT INTO audit_log (at, action, entity) VALUES (NOW(), \'x\', \'x\')');
  denied('public', `DROP TABLE ${SCRATCH}`);
  denied('public', `CREATE TABLE ${SCRATCH}_2 (x INT)`);
  denied('public', "UPDATE app_secrets SET value = REPEAT('0', 64)");
  assert.equal(h.sqlValue('SELECT COUNT(*) FROM notices'), count);
  assert.notEqual(h.sqlValue('SELECT title FROM notices WHERE id = 1'), 'hacked');
});

test('portal_office reads what a login needs but cannot change accounts', () => {
  allowed('office', 'SELECT id, username, password_hash, roles, disabled FROM users LIMIT 1');
  allowed('office', 'UPDATE users SET last_login_at = NOW() WHERE 0');
  denied('office', "UPDATE users SET password_hash = 'x' WHERE 0");
  denied('office', "UPDATE users SET roles = 'admin' WHERE 0");
  denied('office', 'UPDATE users SET disabled = 0 WHERE 0');
  denied('office', `INSERT INTO users (username, display_name, password_hash, roles) VALUES ('${TAG}', 'x', 'x', 'admin')`);
  denied('office', 'DELETE FROM users WHERE 0');
  denied('office', 'SELECT created_at FROM users');
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM users WHERE username = '${TAG}'`), '0');
});

test('portal_office can add to the audit log but never rewrite or delete it', () => {
  const count = h.sqlValue('SELECT COUNT(*) FROM audit_log');
  allowed('office', 'SELECT COUNT(*) FROM audit_log');
  denied('office', 'DELETE FROM audit_log WHERE 0');
  denied('office', 'DELETE FROM audit_log ORDER BY id DESC LIMIT 1');
  denied('office', "UPDATE audit_log SET action = 'nothing' WHERE 0");
  denied('office', 'TRUNCATE TABLE audit_log');
  assert.equal(h.sqlValue('SELECT COUNT(*) FROM audit_log'), count);
});

test('portal_office edits notices but cannot delete them or change the schema', () => {
  allowed('office', "UPDATE notices SET title = title WHERE 0");
  denied('office', 'DELETE FROM notices WHERE 0');
  denied('office', `DROP TABLE ${SCRATCH}`);
  denied('office', 'DROP TABLE notices');
  denied('office', 'ALTER TABLE notices ADD COLUMN x INT');
  denied('office', `CREATE TABLE ${SCRATCH}_2 (x INT)`);
  denied('office', "GRANT SELECT ON portal.users TO 'portal_public'@'localhost'");
  denied('office', "UPDATE app_secrets SET value = REPEAT('0', 64)");
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'portal' AND table_name = '${SCRATCH}'`), '1');
  assert.ok(Number(h.sqlValue('SELECT COUNT(*) FROM notices')) > 0);
});

test('portal_public reads the published schedule, takes and frees places, and changes nothing else', () => {
  allowed('public', 'SELECT COUNT(*) FROM time_slots');
  allowed('public', 'SELECT COUNT(*) FROM clinic_sessions');
  denied('public', 'UPDATE time_slots SET capacity = 999 WHERE id = 1');
  denied('public', "UPDATE clinic_sessions SET status = 'stopped' WHERE id = 1");
  denied('public', 'DELETE FROM doctors WHERE id = 1');
  denied('public', "UPDATE bookings SET id_number = 'x' WHERE id = 1");
  denied('public', 'DELETE FROM bookings WHERE id = 1');
  denied('public', 'UPDATE time_slots SET is_open = 1 WHERE id = 1');
});
