// Shared by the lab report tests (not a test file itself): ORU^R01 messages
// made per test with unique barcodes and control ids, imported through the
// real importer (build/portal-lis) as the portal_lis account, and the report
// lookup a patient makes.
'use strict';
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');
const h = require('./helpers.js');

const RUN = path.join(h.ROOT, 'run', h.INSTANCE);
const BUILD = path.join(h.ROOT, process.env.PORTAL_BUILD || 'build');
let seq = 0;
const runTag = `${process.pid % 1000}${Date.now().toString(36).toUpperCase().slice(-5)}`;

// A barcode of its own for each call: letters and digits, as on a slip.
function barcode() {
  seq += 1;
  return `R${runTag}${String(seq).padStart(3, '0')}`;
}

// HL7 time of the database clock plus `minutes` (the clock read once per
// process, then followed by this process's own clock).
let clockOffset = null;
function hl7Time(minutes = 0) {
  if (clockOffset === null) {
    const db = h.sqlValue("SELECT UNIX_TIMESTAMP(NOW())");
    clockOffset = Number(db) * 1000 - Date.now();
  }
  // Asia/Shanghai wall-clock time, as the database's connections use
  const t = new Date(Date.now() + clockOffset + Number(minutes) * 60000 + 8 * 3600000);
  return t.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

// One ORU^R01 message.  items: [code, name, value, unit, range, flag, status].
function oru({ code, bar, name = '钱^多多', mobile = '13912345678', patientId = null, panel = ['CBC', '血常规'],
  items = [], orc = 'RE', obr25 = 'F', received = hl7Time(-60), reported = hl7Time(-5), app = 'LIS' }) {
  const pid = patientId || `P${bar}`;
  const segs = [
    `MSH|^~\\&|${app}|检验科|PORTAL|市一院|${hl7Time()}||ORU^R01^ORU_R01|${code}|P|2.5.1|||||CHN|UNICODE UTF-8`,
    `PID|1||${pid}^^^HOSP^MR||${name}||19800101|F|||||^PRN^CP^^^^^^^^^${mobile}`,
    'PV1|1|O|内科',
    `ORC|${orc}|ORD${bar}|${bar}`,
    `OBR|1|ORD${bar}|${bar}|${panel[0]}^${panel[1]}|||${received}|||||||${received}||1001^刘^医生||||||${reported}|||${obr25}`,
    ...items.map(([c, n, v, u, r, f, s], i) => `OBX|${i + 1}|NM|${c}^${n}||${v}|${u}|${r}|${f}|||${s || 'F'}`),
  ];
  return `${segs.join('\r')}\r`;
}

function importText(text) {
  const r = spawnSync(path.join(BUILD, 'portal-lis'), ['--db-socket', path.join(RUN, 'mysqld.sock'),
    '--db-user', 'portal_lis', '--db-password-file', path.join(RUN, 'secrets', 'lis.pw')], { input: text, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`portal-lis failed: ${r.stderr}`);
  return { status: r.status, lines: r.stdout.trim().split('\n') };
}

let control = 0;
function controlId() {
  control += 1;
  return `C${runTag}-${control}`;
}

// A released CBC report, imported; returns its barcode.
function finalReport(opts = {}) {
  const bar = opts.bar || barcode();
  const r = importText(oru({ code: controlId(), bar, items: [
    ['WBC', '白细胞计数', '11.2', '10\\S\\9/L', '3.5-9.5', 'H'],
    ['HGB', '血红蛋白', '125', 'g/L', '130-175', 'L'],
    ['PLT', '血小板计数', '20', '10\\S\\9/L', '125-350', 'LL'],
  ], ...opts }));
  if (!/stored$/.test(r.lines[0])) throw new Error(`not stored: ${r.lines[0]}`);
  return bar;
}

// The lookup as a patient makes it, from its own address unless given.
async function lookup(bar, factor, client = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() })) {
  const token = await client.csrf('/reports/');
  const res = await client.post('/reports/', { _csrf: token, barcode: bar, factor });
  return { res, client };
}

// A signed link for an order as the portal makes it (signed.c): for the
// expired-link test, which needs a genuine token whose time is over.
function signedToken(orderId, expires) {
  const key = Buffer.from(h.sqlValue("SELECT value FROM app_secrets WHERE name = 'reports'"), 'hex');
  const mac = crypto.createHmac('sha256', key).update(`report:${orderId}:${expires}`).digest('base64url').slice(0, 22);
  return `${orderId}.${expires}.${mac}`;
}

module.exports = { RUN, BUILD, barcode, hl7Time, oru, importText, controlId, finalReport, lookup, signedToken };
