// The lab's office pages (/office/lab/, role lab): HL7 messages pasted into
// the one import (each stored or refused on its own), the recent imports and
// refusals, and the turnaround times, edited one panel at a time, audited,
// and shown at once on the public page and in the expected time.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers.js');
const L = require('./reports-lib.js');

test('only the lab (and admin) may use the lab pages', async () => {
  const office = await h.loggedIn('office');
  assert.equal((await office.get('/office/lab/')).status, 403);
  const anonymous = new h.Client();
  const res = await anonymous.get('/office/lab/');
  assert.equal(res.status, 303);
  assert.match(res.location, /\/office\/login/);
  const lab = await h.loggedIn('lab');
  const home = await lab.get('/office/');
  assert.ok(home.text.includes('href="/office/lab/"'), 'the lab finds its page on the office home');
  assert.equal((await lab.get('/office/lab/')).status, 200);
});

test('pasted messages: each stored or refused on its own, listed with the reason', async () => {
  const lab = await h.loggedIn('lab');
  const bar = L.barcode();
  const code = L.controlId();
  const badCode = L.controlId();
  const good = L.oru({ code, bar, items: [['WBC', '白细胞计数', '6.1', '10\\S\\9/L', '3.5-9.5', 'N']] });
  const bad = `MSH|^~\\&|LIS|检验科|PORTAL|市一院|${L.hl7Time()}||ORU^R01|${badCode}|P|2.5\rOBR|1||${L.barcode()}|CBC\rOBX|1||WBC||1\r`;
  // as a textarea sends it: lines ended by CRLF
  const pasted = `${good}${bad}`.replace(/\r/g, '\r\n');
  const res = await lab.post('/office/lab/upload', { _csrf: lab.token, message: pasted });
  assert.equal(res.status, 200);
  assert.match(res.text, new RegExp(`已保存</strong>:<code>${code} ${bar} 1 stored</code>`));
  assert.match(res.text, new RegExp(`拒收</strong>:<code>${badCode} refused OBX-2: `));
  assert.equal(h.sqlValue(`SELECT source FROM lab_imports WHERE control_id = '${code}'`), 'upload');
  assert.match(res.text, new RegExp(`网页导入 · ${badCode}</span> <span class="lab-log-what">OBX-2: `), 'the refusal is listed');
  assert.match(res.text, new RegExp(`网页导入</span> <span class="lab-log-what">LIS ${code} → ${bar},1 项结果</span>`), 'the import is listed');
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM audit_log WHERE username = '${lab.user.username}' AND action = 'upload'`), '1');
  // nothing that looks like HL7: the error beside the field, the text kept
  const none = await lab.post('/office/lab/upload', { _csrf: lab.token, message: 'hello there' });
  assert.equal(none.status, 422);
  assert.ok(none.text.includes(h.lang('Error.no_hl7_message')));
  assert.match(none.text, />hello there<\/textarea>/);
  // without the CSRF token, refused before anything is imported
  assert.equal((await lab.post('/office/lab/upload', { message: good })).status, 403);
});

test('a file from the LIS (multipart/form-data, a BOM, a batch) is imported like a paste', async () => {
  const lab = await h.loggedIn('lab');
  const tag = String(Date.now() % 1e8);
  const text = require('node:fs').readFileSync(require('node:path').join(__dirname, 'hl7', 'batch.hl7'), 'utf8')
    .replace(/LAB2026(\d{5})/g, (_, n) => `U${tag}${n}`).replace(/\|LIS000(\d)\|/g, (_, n) => `|U${tag}-${n}|`);
  assert.ok(text.startsWith('\ufeff'), 'the sample starts with a BOM');
  const form = new FormData();
  form.set('_csrf', lab.token);
  form.set('message', '');
  form.set('file', new Blob([text], { type: 'application/octet-stream' }), 'results.hl7');
  const res = await lab.request('POST', '/office/lab/upload', { body: form });
  assert.equal(res.status, 200);
  assert.match(res.text, new RegExp(`<code>U${tag}-3 U${tag}00202 2 stored</code>`));
  assert.match(res.text, new RegExp(`<code>U${tag}-4 refused OBX-2: `));
  assert.equal(h.sqlValue(`SELECT source FROM lab_imports WHERE control_id = 'U${tag}-3'`), 'upload');
  // without the token: refused before anything is read into the lab tables
  const noToken = new FormData();
  noToken.set('file', new Blob([text]), 'results.hl7');
  assert.equal((await lab.request('POST', '/office/lab/upload', { body: noToken })).status, 403);
  // a malformed body, and multipart where no file is expected
  const bad = await lab.request('POST', '/office/lab/upload', {
    body: `--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${lab.token}\r\n--b\r\nContent-Disposition: form-data; name="file"\r\n\r\nMSH`,
    headers: { 'content-type': 'multipart/form-data; boundary=b' } });
  assert.equal(bad.status, 400);
  const elsewhere = new FormData();
  elsewhere.set('_csrf', lab.token);
  elsewhere.set('code', 'UA');
  assert.equal((await lab.request('POST', '/office/lab/turnaround', { body: elsewhere })).status, 415);
});

test('a file from a LIS that writes GB2312 reaches the importer and is refused by its character set, not the request layer', async () => {
  const lab = await h.loggedIn('lab');
  const { execFileSync } = require('node:child_process');
  const gb = (text) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB2312'], { input: text });
  const send = async (bytes) => {
    const form = new FormData();
    form.set('_csrf', lab.token);
    form.set('message', '');
    form.set('file', new Blob([bytes], { type: 'application/octet-stream' }), 'results.hl7');
    return lab.request('POST', '/office/lab/upload', { body: form });
  };
  const bar = L.barcode();
  const said = L.controlId();
  const message = (code) => L.oru({ code, bar, items: [['WBC', '白细胞计数', '6.1', '10\\S\\9/L', '3.5-9.5', 'N']] });
  // MSH-18 says GB2312: the importer refuses the message by that field
  const declared = message(said).replace('|CHN|UNICODE UTF-8\r', '|CHN|GB2312\r');
  assert.ok(declared.includes('|CHN|GB2312\r'), 'MSH-18 set');
  const res = await send(gb(declared));
  assert.equal(res.status, 200);
  assert.match(res.text, new RegExp(`<code>${said} refused MSH-18[^<]*GB2312[^<]*UTF-8`), 'the lab is told which character set to change');
  // the same bytes with no MSH-18: refused as bytes that are not UTF-8
  const silent = await send(gb(message(L.controlId()).replace('|CHN|UNICODE UTF-8\r', '|CHN\r')));
  assert.equal(silent.status, 200);
  assert.match(silent.text, /拒收<\/strong>:<code>[^<]*refused [^<]*not UTF-8/);
  assert.equal(h.sqlValue(`SELECT COUNT(*) FROM lab_orders WHERE barcode = '${bar}'`), '0', 'nothing stored');
});

test('a turnaround time edited: audited, public at once, and the expected time follows it', async () => {
  const lab = await h.loggedIn('lab');
  const before = h.sql("SELECT minutes, COALESCE(note, '') FROM lab_turnaround WHERE panel_code = 'UA'")[0];
  try {
    const page = await lab.get('/office/lab/turnaround');
    assert.equal(page.status, 200);
    assert.match(page.text, /id="f-minutes-UA"[^>]*value="\d+"/);
    const bad = await lab.post('/office/lab/turnaround', { _csrf: lab.token, code: 'UA', minutes: '0', note: '试' });
    assert.equal(bad.status, 422);
    assert.ok(bad.text.includes(h.fieldError('not_in_range', 'Lab.minutes', { min: 1, max: 20160 })));
    assert.match(bad.text, /id="f-minutes-UA"[^>]*value="0"/, 'what was typed stays');
    assert.equal((await lab.post('/office/lab/turnaround', { _csrf: lab.token, code: 'NOPE', minutes: '10' })).status, 404);
    const ok = await lab.post('/office/lab/turnaround', { _csrf: lab.token, code: 'UA', minutes: '75', note: '复查另计' });
    assert.equal(ok.status, 303);
    assert.equal(ok.location, '/office/lab/turnaround?done=saved');
    assert.deepEqual(h.sql("SELECT minutes, note FROM lab_turnaround WHERE panel_code = 'UA'")[0], ['75', '复查另计']);
    const audit = h.sql(`SELECT before_json, after_json FROM audit_log WHERE username = '${lab.user.username}'
      AND entity = 'lab_turnaround' ORDER BY id DESC LIMIT 1`)[0];
    assert.equal(JSON.parse(audit[0]).minutes, Number(before[0]));
    assert.equal(JSON.parse(audit[1]).minutes, 75);
    const pub = await (await fetch(`${h.ORIGIN}/reports/turnaround`)).text();
    assert.match(pub, /尿常规<\/th>\s*<td>1 小时 15 分钟<\/td>\s*<td>复查另计/);
    // an order of urine still in the lab is expected 75 minutes after receipt
    const bar = L.barcode();
    L.importText(L.oru({ code: L.controlId(), bar, obr25: 'I', panel: ['UA', '尿常规'], items: [], received: L.hl7Time(-5) }));
    const expected = h.sqlValue(`SELECT DATE_FORMAT(x, IF(DATE(x) = CURDATE(), '%H:%i', '%c月%e日 %H:%i'))
      FROM (SELECT received_at + INTERVAL 75 MINUTE AS x FROM lab_orders WHERE barcode = '${bar}') e`);
    const { res, client } = await L.lookup(bar, '5678');
    const report = await client.get(res.location);
    assert.ok(report.text.includes(`检验中,预计 ${expected} 可取`), expected);
  } finally {
    h.sql(`UPDATE lab_turnaround SET minutes = ${before[0]}, note = ${before[1] ? `'${before[1]}'` : 'NULL'} WHERE panel_code = 'UA'`);
  }
});
