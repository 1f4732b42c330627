#!/usr/bin/env node
// Checks every HTML page the HTTP tests received with the Nu Html Checker
// (vnu.jar from npm's vnu-jar, run by Debian's Java): one JVM over the whole
// directory that PORTAL_HTML_DUMP filled (tests/lib/portal.js writes
// <sha1>.html per distinct page and index.tsv "file, status, METHOD url").
//
//   node tests/html/check.js [DIR]      (DIR defaults to $PORTAL_HTML_DUMP)
//
// Prints, for each page with an error, the URL(s) it came from and each
// error with its line; ends with "html pages: N passed, N failed" and exits
// non-zero when any page has an error.  Errors only: warnings (and vnu's
// informational messages) do not fail a page.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(process.argv[2] || process.env.PORTAL_HTML_DUMP || '');

function finish(passed, failed) {
  console.log(`html pages: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

if (!process.argv[2] && !process.env.PORTAL_HTML_DUMP) {
  console.error('usage: check.js DIR (the directory PORTAL_HTML_DUMP named)');
  finish(0, 1);
}
const pages = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.html')).sort() : [];
if (!pages.length) {
  console.error(`no pages recorded in ${dir}: were the HTTP tests run with PORTAL_HTML_DUMP=${dir}?`);
  finish(0, 1);
}

// file -> the visits that received it ("200 GET http://...")
const visits = new Map();
const indexFile = path.join(dir, 'index.tsv');
if (fs.existsSync(indexFile)) {
  for (const line of fs.readFileSync(indexFile, 'utf8').split('\n')) {
    const [file, status, what] = line.split('\t');
    if (!what) continue;
    if (!visits.has(file)) visits.set(file, []);
    visits.get(file).push(`${status} ${what}`);
  }
}

let jar;
try {
  jar = require.resolve('vnu-jar/build/dist/vnu.jar', { paths: [path.join(__dirname, '..')] });
} catch {
  console.error('vnu.jar is missing: cd tests && npm ci');
  finish(0, pages.length);
}

// One short JVM for all the pages: the quick compiler only (C1) and the
// serial collector take half the CPU of the defaults here, whose optimising
// compiler never pays off in a run of seconds; C1's frames are larger, and
// the schema's deep recursion needs more than the default thread stack.
// --no-langdetect: the language guess only ever gives a warning, and costs time.
const JVM = ['-Xss16m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
const run = spawnSync('java', [...JVM, '-jar', jar, '--errors-only', '--no-langdetect', '--skip-non-html',
  '--format', 'json', '--exit-zero-always', '--stdout', dir],
{ encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
if (run.error || run.status !== 0) {
  console.error(`vnu did not run: ${run.error ? run.error.message : `exit ${run.status}`}`);
  if (run.stderr) console.error(run.stderr.slice(0, 4000));
  finish(0, pages.length);
}
let report;
try {
  report = JSON.parse(run.stdout);
} catch (e) {
  console.error(`vnu's report is not JSON: ${e.message}\n${run.stdout.slice(0, 2000)}`);
  finish(0, pages.length);
}

// Messages that are a limitation of the checker rather than an error of the
// page would be filtered here, each narrowly and with the reason; there are
// none at present.
const checkerLimitations = [];

const errors = new Map();  // file -> messages
let stray = 0;
for (const m of report.messages || []) {
  if (m.type !== 'error' && m.type !== 'non-document-error') continue;
  if (checkerLimitations.some((f) => f(m))) continue;
  const file = m.url ? path.basename(decodeURIComponent(m.url.replace(/^file:/, ''))) : '';
  if (!pages.includes(file)) {  // about no page of ours: vnu itself failed
    console.log(`vnu: ${m.type}: ${m.message}`);
    stray++;
    continue;
  }
  if (!errors.has(file)) errors.set(file, []);
  errors.get(file).push(m);
}

for (const [file, list] of errors) {
  const seen = visits.get(file) || ['(not in index.tsv)'];
  console.log(`\n${seen[0]}${seen.length > 1 ? `  (and ${seen.length - 1} more visit${seen.length > 2 ? 's' : ''} with the same page)` : ''}`);
  console.log(`  page: ${path.join(dir, file)}`);
  for (const m of list) {
    const where = m.lastLine ? `line ${m.firstLine && m.firstLine !== m.lastLine ? `${m.firstLine}-` : ''}${m.lastLine}` : 'page';
    console.log(`  ${where}: ${m.message.replace(/\r?\n/g, '\\n')}`);
    if (m.extract) console.log(`      ${m.extract.replace(/\s+/g, ' ').trim()}`);
  }
}
if (errors.size) console.log('');
finish(pages.length - errors.size, errors.size + (stray ? 1 : 0));
