// The LIS importer (cgi/tools/portal-lis): HL7 v2 ORU^R01 files stored one
// message per transaction, the same message twice changes nothing, a
// correction supersedes the earlier value, a refused message stores
// nothing and is named by segment and field; run as its own account.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { test } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');

const RUN = path.join(h.ROOT, 'run', h.INSTANCE);
const TOOL = path.join(h.ROOT, process.env.PORTAL_BUILD || 'build', 'portal-lis');
const HL7 = path.join(__dirname, 'hl7');

// One run of portal-lis with a message stream; the barcodes and control
// ids are made unique per test run so the test repeats on one instance.
function importText(text) {
  const r = spawnSync(TOOL, ['--db-socket', path.join(RUN, 'mysqld.sock'), '--db-user', 'portal_lis',
    '--db-password-file', path.join(RUN, 'secrets', 'lis.pw')], { input: text, encoding: 'utf8' });
  return { status: r.status, lines: r.stdout.trim().split('\n'), stderr: r.stderr };
}

const tag = String(Date.now() % 1e8);
function sample(name) {
  return fs.readFileSync(path.join(HL7, name), 'utf8')
    .replace(/LAB2026(\d{5})/g, (_, n) => `T${tag}${n}`)
    .replace(/\|LIS000(\d)\|/g, (_, n) => `|T${tag}-${n}|`);
}

const rows = (query) => h.sql(query);

test('a message is stored once: the same message again is a duplicate and changes nothing', () => {
  const first = importText(sample('cbc.hl7'));
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.lines[0], new RegExp(`^T${tag}-1 T${tag}00201 2 stored$`));
  const before = h.sql(`SELECT COUNT(*) FROM lab_results r JOIN lab_orders o ON o.id = r.order_id WHERE o.barcode = 'T${tag}00201'`);
  const again = importText(sample('cbc.hl7'));
  assert.equal(again.status, 0);
  assert.match(again.lines[0], /0 duplicate$/);
  const after = h.sql(`SELECT COUNT(*) FROM lab_results r JOIN lab_orders o ON o.id = r.order_id WHERE o.barcode = 'T${tag}00201'`);
  assert.deepEqual(after, before);
  const order = rows(`SELECT patient_name, mobile_last4, status, department FROM lab_orders WHERE barcode = 'T${tag}00201'`);
  assert.deepEqual(order, [['赵六', '1111', 'final', '内科']]);
});

test('a correction (OBX-11 C) supersedes the earlier value and marks the order corrected', () => {
  importText(sample('cbc.hl7'));
  const r = importText(sample('cbc-corrected.hl7'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.lines[0], /1 stored$/);
  const hgb = rows(`SELECT r.value, r.result_status, r.superseded_at IS NULL, COALESCE(r.comment, '')
    FROM lab_results r JOIN lab_orders o ON o.id = r.order_id WHERE o.barcode = 'T${tag}00201' AND r.code = 'HGB' ORDER BY r.id`);
  assert.deepEqual(hgb, [['125', 'F', '0', ''], ['131', 'C', '1', '复查后更正']]);
  const order = rows(`SELECT status, corrected_at IS NOT NULL FROM lab_orders WHERE barcode = 'T${tag}00201'`);
  assert.deepEqual(order, [['corrected', '1']]);
  // the public view shows only the current value
  const shown = rows(`SELECT value FROM public_lab_results v JOIN lab_orders o ON o.id = v.order_id
    WHERE o.barcode = 'T${tag}00201' AND v.code = 'HGB'`);
  assert.deepEqual(shown, [['131']]);
});

test('a batch file with a BOM: each message on its own, a refused one named and nothing of it stored', () => {
  const r = importText(sample('batch.hl7'));
  assert.equal(r.status, 1);
  assert.equal(r.lines.length, 2);
  assert.match(r.lines[0], new RegExp(`^T${tag}-3 T${tag}00202 2 stored$`));
  assert.match(r.lines[1], /^T\d+-4 refused OBX-2: /);
  assert.deepEqual(rows(`SELECT COUNT(*) FROM lab_orders WHERE barcode = 'T${tag}00203'`), [['0']]);
  const lft = rows(`SELECT o.specimen_type, o.mobile_last4, r.abnormal_flag FROM lab_orders o JOIN lab_results r
    ON r.order_id = o.id WHERE o.barcode = 'T${tag}00202' AND r.code = 'ALT'`);
  assert.deepEqual(lft, [['血清', '3333', 'HH']]);
});

test('malformed input is refused with the segment and field, never a crash', () => {
  for (const [text, where] of [
    ['PID|1||P1\r', /refused MSH-0/],
    ['MSH|^~\\&|LIS||||||ORU^R01|X1|P|2.5\rOB\r', /refused OB-0/],
    ['MSH|^~\\&|LIS||||||ORU^R01|X2|P|2.5||||||GB2312\rOBR|1||B|C\r', /refused MSH-18/],
    [Buffer.from('MSH|^~\\&|LIS||||||ORU^R01|X3|P|2.5\rPID|||\xff\r', 'latin1'), /refused MSH-0/],
  ]) {
    const r = importText(text);
    assert.equal(r.status, 1, `${text}: ${r.stderr}`);
    assert.match(r.lines[0], where);
  }
});
