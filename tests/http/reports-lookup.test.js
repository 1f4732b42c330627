// 检验报告查询: the public lookup by barcode and second factor, the report
// (masked name, flags as arrows and words, critical values, previous
// results), not yet released / preliminary / corrected / cancelled, the
// same answer for a wrong barcode and a wrong factor, the limits per address
// and per barcode, caching, and the one "report ready" message.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');
const L = require('./reports-lib.js');

const orderId = (bar) => h.sqlValue(`SELECT id FROM lab_orders WHERE barcode = '${bar}'`);

async function openReport(bar, factor) {
  const { res, client } = await L.lookup(bar, factor);
  assert.equal(res.status, 303, `lookup of ${bar} with ${factor}: ${res.status}`);
  assert.match(res.location, /^\/reports\/report\?t=\d+\.\d+\.[\w-]{22}$/);
  const page = await client.get(res.location);
  return { page, client, link: res.location };
}

test('the barcode as a scanner pastes it and the mobile digits open the report; never cached', async () => {
  const bar = L.finalReport();
  const pasted = ` ${bar.toLowerCase().slice(0, 5)} ${bar.toLowerCase().slice(5)} `;
  const { page } = await openReport(pasted, '5678');
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('cache-control'), 'no-store');
  assert.match(page.text, /id="report-patient">钱\*多</, 'the name is masked');
  assert.ok(!page.text.includes('钱多多'), 'the full name is never on the page');
  assert.ok(!page.text.includes('13912345678'), 'nor the mobile');
  assert.match(page.text, /data-code="WBC"[\s\S]*?<strong>11\.2<\/strong>[\s\S]*?10\^9\/L[\s\S]*?↑ 偏高[\s\S]*?3\.5-9\.5/);
  assert.match(page.text, /data-code="HGB"[\s\S]*?↓ 偏低/);
  assert.match(page.text, /class="item item-critical" data-code="PLT"[\s\S]*?↓↓ 危急偏低/, 'the critical value is highlighted and said');
  assert.ok(page.text.includes(h.lang('Reports.critical_banner')));
  assert.ok(page.text.includes(h.lang('Reports.flags_text').replace(/"/g, '&quot;').slice(0, 10)) || page.text.includes('提示符号的意思'));
});

test('the surname is a second factor too; previous results of the same test are shown', async () => {
  const pid = `P${L.barcode()}`;
  L.finalReport({ patientId: pid, reported: L.hl7Time(-60 * 24 * 20), received: L.hl7Time(-60 * 24 * 20 - 60),
    items: [['HGB', '血红蛋白', '118', 'g/L', '130-175', 'L']] });
  const bar = L.finalReport({ patientId: pid });
  const { page } = await openReport(bar, '钱');
  assert.equal(page.status, 200);
  assert.match(page.text, /data-code="HGB"[\s\S]*?上次结果 <\/span>118 ↓ 偏低/);
});

test('a wrong factor and a wrong barcode get the same page and status, the form kept', async () => {
  const bar = L.finalReport();
  const missing = L.barcode();
  const a = (await L.lookup(bar, '0000')).res;
  const b = (await L.lookup(missing, '0000')).res;
  assert.equal(a.status, 422);
  assert.equal(b.status, 422);
  const norm = (t, code) => t.split(code).join('BARCODE').replace(/name="_csrf" value="[^"]+"/, '');
  assert.equal(norm(a.text, bar), norm(b.text, missing), 'the same page');
  assert.ok(a.text.includes(h.lang('Error.report_not_found')));
  assert.match(a.text, new RegExp(`id="f-barcode"[^>]*value="${bar}"`), 'the barcode stays in the field');
  // bad shapes are named beside their field
  const c = (await L.lookup('LAB-<script>', '12')).res;
  assert.equal(c.status, 422);
  assert.ok(c.text.includes(h.fieldError('factor_shape', 'Reports.factor')));
});

test('failed lookups of one barcode are limited, whether it exists or not (429, Retry-After)', async () => {
  for (const bar of [L.finalReport(), L.barcode()]) {
    for (let i = 0; i < 5; i++) assert.equal((await L.lookup(bar, '0000')).res.status, 422, `try ${i + 1}`);
    const refused = (await L.lookup(bar, '5678')).res;
    assert.equal(refused.status, 429, 'even the right factor now waits');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    assert.ok(refused.text.includes(h.lang('Limit.reports_barcode').slice(0, 12)));
  }
});

test('failed lookups from one address are limited (20 in 15 minutes); a found report gives its try back', async () => {
  const client = new h.Client(h.ORIGIN, { localAddress: h.nextAddress() });
  const good = L.finalReport();
  // found lookups cost nothing
  for (let i = 0; i < 3; i++) assert.equal((await L.lookup(good, '5678', client)).res.status, 303);
  const statuses = [];
  for (let i = 0; i < 21; i++) statuses.push((await L.lookup(L.barcode(), '1111', client)).res.status);
  assert.deepEqual(statuses.slice(0, 20), Array(20).fill(422));
  assert.equal(statuses[20], 429);
  const refused = (await L.lookup(good, '5678', client)).res;
  assert.equal(refused.status, 429);
  assert.ok(refused.text.includes(h.lang('Limit.reports_client').slice(0, 12)));
});

test('parallel guesses at one barcode: exactly the limit gets through', async () => {
  const bar = L.finalReport();
  const results = await Promise.all(Array.from({ length: 12 }, () => L.lookup(bar, '0000')));
  const statuses = results.map((r) => r.res.status).sort();
  assert.equal(statuses.filter((s) => s === 422).length, 5);
  assert.equal(statuses.filter((s) => s === 429).length, 7);
});

test('not yet released: "检验中,预计 HH:MM 可取" from the published turnaround time', async () => {
  const bar = L.barcode();
  const received = L.hl7Time(-10);
  const r = L.importText(L.oru({ code: L.controlId(), bar, obr25: 'I', received, reported: '', items: [] }));
  assert.match(r.lines[0], /stored$/);
  const expected = h.sqlValue(`SELECT DATE_FORMAT(x, IF(DATE(x) = CURDATE(), '%H:%i', '%c月%e日 %H:%i'))
    FROM (SELECT o.received_at + INTERVAL t.minutes MINUTE AS x FROM lab_orders o
          JOIN lab_turnaround t ON t.panel_code = 'CBC' WHERE o.barcode = '${bar}') e`);
  const { page } = await openReport(bar, '5678');
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(`检验中,预计 ${expected} 可取`), `expected ${expected}`);
  assert.ok(!page.text.includes('data-code='), 'no result is shown before release');
});

test('preliminary results are shown as preliminary', async () => {
  const bar = L.barcode();
  L.importText(L.oru({ code: L.controlId(), bar, obr25: 'P', items: [['GLU', '血糖', '7.8', 'mmol/L', '3.9-6.1', 'H', 'P']],
    panel: ['GLU', '血糖'] }));
  const { page } = await openReport(bar, '5678');
  assert.ok(page.text.includes(h.lang('Reports.preliminary_banner')));
  assert.match(page.text, /data-code="GLU"[\s\S]*?初步/);
  assert.match(page.text, /id="report-status">初步报告</);
});

test('a corrected result supersedes the earlier one and the report says when', async () => {
  const bar = L.finalReport();
  const r = L.importText(L.oru({ code: L.controlId(), bar, obr25: 'C',
    items: [['HGB', '血红蛋白', '131', 'g/L', '130-175', 'N', 'C']] }));
  assert.match(r.lines[0], /1 stored$/);
  const corrected = h.sqlValue(`SELECT DATE_FORMAT(corrected_at, '%Y-%m-%d %H:%i') FROM lab_orders WHERE barcode = '${bar}'`);
  const { page } = await openReport(bar, '5678');
  assert.ok(page.text.includes(`本报告已于 ${corrected} 更正`));
  assert.match(page.text, /data-code="HGB"[\s\S]*?已更正[\s\S]*?<strong>131<\/strong>/);
  assert.ok(!/<strong>125<\/strong>/.test(page.text), 'the superseded value is not shown');
  assert.match(page.text, /id="report-status">已更正</);
});

test('a cancelled order (ORC-1 CA) shows as cancelled, without results', async () => {
  const bar = L.barcode();
  L.importText(L.oru({ code: L.controlId(), bar, orc: 'CA', obr25: 'X', items: [] }));
  const { page } = await openReport(bar, '5678');
  assert.ok(page.text.includes(h.lang('Reports.cancelled_title')));
  assert.match(page.text, /id="report-status">已取消</);
});

test('the turnaround page is public and kept by the page cache; personal pages never', async () => {
  const p = `/reports/turnaround?c=${h.uniq()}`;
  const first = await h.get(`${h.BASE}${p}`);
  const second = await h.get(`${h.BASE}${p}`);
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('x-cache'), 'MISS');
  assert.ok(['HIT', 'STALE', 'UPDATING'].includes(second.headers.get('x-cache')), second.headers.get('x-cache'));
  assert.match(first.text, /血常规<\/th>\s*<td>30 分钟/);
  assert.match(first.text, /肝功能<\/th>\s*<td>4 小时/);
  const { link } = await openReport(L.finalReport(), '5678');
  for (const path of [link, link.replace('/report?', '/print?'), '/reports/']) {
    const a = await h.get(`${h.BASE}${path}`);
    const b = await h.get(`${h.BASE}${path}`);
    assert.equal(a.headers.get('cache-control'), 'no-store', path);
    assert.notEqual(b.headers.get('x-cache'), 'HIT', path);
  }
});

test('a report that becomes final queues one message for the patient, never a second', async () => {
  const bar = L.barcode();
  L.importText(L.oru({ code: L.controlId(), bar, obr25: 'I', items: [], mobile: '+86 139-0000-2222' }));
  const count = () => h.sqlValue(`SELECT COUNT(*) FROM notification_outbox WHERE idempotency_key = 'report_final:${bar}'`);
  assert.equal(count(), '0', 'nothing while in the lab');
  L.finalReport({ bar, mobile: '+86 139-0000-2222' });
  assert.equal(count(), '1');
  const row = h.sql(`SELECT kind, mobile, params FROM notification_outbox WHERE idempotency_key = 'report_final:${bar}'`)[0];
  assert.equal(row[0], 'report_final');
  assert.equal(row[1], '13900002222');
  assert.deepEqual(JSON.parse(row[2]), { barcode: bar, panels: '血常规' });
  L.importText(L.oru({ code: L.controlId(), bar, obr25: 'C', items: [['HGB', '血红蛋白', '131', 'g/L', '130-175', 'N', 'C']] }));
  assert.equal(count(), '1', 'a correction does not send it again');
  // the sender delivers it with the text of Lang.Sms.report_final
  const fs = require('node:fs');
  const log = `${L.RUN}/logs/sms.log`;
  const { value } = await h.waitFor(() => fs.existsSync(log) && fs.readFileSync(log, 'utf8').includes(`key=report_final:${bar}`), { timeout: 5000 });
  assert.ok(value, 'delivered');
  const line = fs.readFileSync(log, 'utf8').split('\n').find((l) => l.includes(`key=report_final:${bar}`));
  assert.ok(line.includes(`条码号 ${bar}`));
});

test('a realistic v2.3.1 glucose report (tests/http/hl7/glucose.hl7): SN, ST and CE values, a note, the mobile among phones', async () => {
  const bar = L.barcode();
  const text = require('node:fs').readFileSync(require('node:path').join(__dirname, 'hl7', 'glucose.hl7'), 'utf8')
    .replace(/LAB202600205/g, bar).replace('|LIS0005|', `|${L.controlId()}|`);
  assert.match(L.importText(text).lines[0], /4 stored$/);
  const { page } = await openReport(bar, '5555');
  assert.equal(page.status, 200);
  assert.match(page.text, /data-code="GLU"[\s\S]*?<strong>11\.8<\/strong>[\s\S]*?↑ 偏高/);
  assert.match(page.text, /data-code="GLU"[\s\S]*?已电话通知临床/, 'the NTE note');
  assert.match(page.text, /data-code="HBA1C"[\s\S]*?<strong>&gt;14\.0<\/strong>/);
  assert.match(page.text, /data-code="GLU-U"[\s\S]*?阳性\(\+\+\)[\s\S]*?! 异常/);
  assert.match(page.text, /申请医生<\/dt><dd>钱医生</);
});
