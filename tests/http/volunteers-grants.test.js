// Least privilege for the volunteers' tables (sql/grants.d/volunteers.sql),
// checked with the real accounts the handlers use: the public program sees
// of an application only what its pages show, cannot change one, and may
// only record a shift's end; the office cannot delete applications.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { test } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const RUN = path.join(h.ROOT, 'run', h.INSTANCE);

function as(who, query) {
  const pw = fs.readFileSync(path.join(RUN, 'secrets', `${who}.pw`), 'utf8').trim();
  try {
    execFileSync('mariadb', ['--no-defaults', '-S', path.join(RUN, 'mysqld.sock'), '-u', `portal_${who}`,
      `-p${pw}`, '-N', '--raw', 'portal', '-e', query], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true };
  } catch (e) {
    return { ok: false, err: String(e.stderr) };
  }
}
function denied(who, query) {
  const r = as(who, query);
  assert.equal(r.ok, false, `portal_${who} may: ${query}`);
  assert.match(r.err, /ERROR (1142|1143)/, `${query}: ${r.err}`);
}
function allowed(who, query) {
  const r = as(who, query);
  assert.ok(r.ok, `portal_${who} may not: ${query}: ${r.err}`);
}

test('the public program reads of an application only what its pages show, and changes none', () => {
  allowed('public', 'SELECT application_no, name, sex, status, interview_at, interview_place FROM volunteer_applications LIMIT 1');
  for (const column of ['id_number', 'email', 'address', 'health', 'emergency_mobile', 'interview_notes', 'birth_date'])
    denied('public', `SELECT ${column} FROM volunteer_applications LIMIT 1`);
  denied('public', "UPDATE volunteer_applications SET status = 'active' WHERE id = 0");
  denied('public', 'DELETE FROM volunteer_applications WHERE id = 0');
  denied('public', 'UPDATE volunteer_call SET is_open = 1');
  denied('public', 'SELECT * FROM volunteer_evaluations');
  denied('public', 'SELECT * FROM volunteer_stars');
  allowed('public', 'SELECT name, citation FROM public_volunteer_stars');
  allowed('public', 'UPDATE volunteer_shifts SET ended_at = ended_at WHERE id = 0');
  denied('public', 'UPDATE volunteer_shifts SET minutes = 600, application_id = 1 WHERE id = 0');
  denied('public', 'DELETE FROM volunteer_shifts WHERE id = 0');
});

test('the office changes applications but deletes none; its shifts and evaluations are kept', () => {
  allowed('office', "UPDATE volunteer_applications SET updated_at = updated_at WHERE id = 0");
  denied('office', 'DELETE FROM volunteer_applications WHERE id = 0');
  denied('office', 'DELETE FROM volunteer_shifts WHERE id = 0');
  denied('office', 'DELETE FROM volunteer_evaluations WHERE id = 0');
  denied('office', 'INSERT INTO volunteer_applications (application_no) VALUES (NULL)');
});
