// 医药费用公开 through nginx and the real handlers: the catalogue search,
// item pages, the price files read back by a real CSV reader (Python's csv)
// and JSON.parse, the price import (office page and portal-fees), the
// inpatient and outpatient fee lists, a wrong factor and the rate limits.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const {
  ROOT, ORIGIN, INSTANCE, Client, sql, sqlValue, lang, site, loggedIn, nextAddress, escapeHtml, stack,
} = require('./helpers.js');

const names = (html) => [...html.matchAll(/class="notice-link" href="\/fees\/items\/(\d+)">([^<]*)/g)].map((m) => m[2].trim());
const search = async (q, extra = '') => {
  const res = await fetch(`${ORIGIN}/fees/?q=${encodeURIComponent(q)}${extra}`);
  return { status: res.status, html: await res.text(), headers: res.headers };
};

test('search by initials, name fragment and code puts the natural item first', async () => {
  for (const [q, first] of [['xcg', '血常规'], ['XCG', '血常规'], ['ｘｃｇ', '血常规'], ['tbkl', '头孢克洛胶囊'],
    ['cqyz', '长期医嘱护理'], ['cj', '重睑术'], ['cjs', '重睑术'], ['smzsy', '参麦注射液'], ['sm', '参麦注射液'],
    ['tjw', '调经丸'], ['血常规', '血常规'], ['250101001', '血常规'], ['XC0001', '头孢克洛胶囊']]) {
    const r = await search(q);
    assert.equal(r.status, 200, q);
    assert.equal(names(r.html)[0], first, `${q} finds ${first} first`);
  }
  // a fragment inside names: the shortest names first
  assert.deepEqual(names((await search('常规')).html).slice(0, 3).sort(), ['便常规', '尿常规', '血常规']);
  const frag = names((await search('头孢')).html);
  assert.ok(frag.length > 5 && frag.every((n) => n.includes('头孢')), 'a name fragment finds only names containing it');
  // another reading finds it too, but later
  const other = names((await search('zqyz')).html);
  assert.ok(other.includes('长期医嘱护理'));
});

test('category filter, paging, empty and hostile queries', async () => {
  const lab = await search('', '&category=' + encodeURIComponent('检验'));
  assert.equal(lab.status, 200);
  assert.equal((lab.html.match(/<span class="tag">检验<\/span>/g) || []).length, 20, 'a page of 20 検验 items');
  assert.ok(!/<span class="tag">西药<\/span>/.test(lab.html));
  const p1 = names((await search('', '&category=' + encodeURIComponent('西药'))).html);
  const p2page = await search('', '&category=' + encodeURIComponent('西药') + '&page=2');
  const p2 = names(p2page.html);
  assert.equal(p2.length, 20);
  assert.notDeepEqual(p1, p2);
  assert.match(p2page.html, /class="pagination-prev" href="\/fees\/\?category=%E8%A5%BF%E8%8D%AF&amp;page=1"/);
  const all = await fetch(`${ORIGIN}/fees/`);
  assert.equal(all.status, 200);
  const nothing = await search('zzzzzzzz');
  assert.equal(nothing.status, 200);
  assert.match(nothing.html, new RegExp(lang('Fees.none')));
  for (const q of ["' OR 1=1 --", '%', '_', '\\', '<script>alert(1)</script>', '头孢%', '"; DROP TABLE fee_items; --']) {
    const r = await search(q);
    assert.equal(r.status, 200, q);
    assert.ok(!r.html.includes('<script>alert'), 'escaped');
    if (q === '%' || q === '_') assert.equal(names(r.html).length, names(r.html).filter((n) => n.includes(q)).length, `${q} is literal`);
  }
  assert.ok(Number(sqlValue('SELECT COUNT(*) FROM fee_items')) >= 2000);
  const long = await search('头'.repeat(41));
  assert.equal(long.status, 422);
  assert.match(long.html, /form-error-message/);
  const bad = await fetch(`${ORIGIN}/fees/?page=0`);
  assert.equal(bad.status, 422);
});

test('search is an index lookup, not a table scan', () => {
  const plan = sql("EXPLAIN SELECT item_id FROM fee_search WHERE token LIKE 'xcg%'");
  assert.ok(plan.some((row) => row.includes('range') && row.includes('PRIMARY')), JSON.stringify(plan));
});

test('an item page shows its price history', async () => {
  const id = sqlValue("SELECT id FROM fee_items WHERE his_code = '250101001'");
  const res = await fetch(`${ORIGIN}/fees/items/${id}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h1 class="page-title">血常规<\/h1>/);
  assert.match(html, /xcg/);
  assert.match(html, /<td>20\.00<\/td>/);
  assert.equal((await fetch(`${ORIGIN}/fees/items/99999999`)).status, 404);
});

function pythonCsv(file) {
  const out = execFileSync('python3', ['-c', `
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    print(json.dumps(list(csv.reader(f, strict=True))))`, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

test('the price files: CSV (BOM, RFC 4180) and JSON, byte-exact prices, headers, 304', async () => {
  const db = new Map(sql(`SELECT his_code, CONCAT(price_fen DIV 100, '.', LPAD(price_fen MOD 100, 2, '0')), price_fen
    FROM fee_items WHERE effective_from <= CURDATE() AND (ends_on IS NULL OR ends_on > CURDATE())`).map((r) => [r[0], r]));
  const csvRes = await fetch(`${ORIGIN}/fees/prices.csv`);
  assert.equal(csvRes.status, 200);
  assert.match(csvRes.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.match(csvRes.headers.get('content-disposition'), /^attachment; filename="prices-\d{4}-\d\d-\d\d\.csv"$/);
  const etag = csvRes.headers.get('etag');
  assert.ok(etag && csvRes.headers.get('last-modified'));
  assert.match(csvRes.headers.get('cache-control'), /must-revalidate/);
  const bytes = Buffer.from(await csvRes.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const file = path.join(os.tmpdir(), `fees-${process.pid}.csv`);
  fs.writeFileSync(file, bytes);
  const rows = pythonCsv(file);
  fs.unlinkSync(file);
  assert.deepEqual(rows[0].slice(0, 6), ['医院', site('name'), '价格执行日期', rows[0][3], '格式版本', '1']);
  assert.equal(rows[1][0], '项目编码');
  const items = rows.slice(2);
  assert.equal(items.length, db.size);
  for (const r of items) assert.equal(r[6], db.get(r[0])[1], `price of ${r[0]}`);
  const again = await fetch(`${ORIGIN}/fees/prices.csv`, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);

  const jsonRes = await fetch(`${ORIGIN}/fees/prices.json`);
  assert.match(jsonRes.headers.get('content-type'), /^application\/json/);
  const doc = JSON.parse(await jsonRes.text());
  assert.equal(doc.schema_version, '1');
  assert.ok(doc.hospital.length > 0);
  assert.match(doc.effective_date, /^\d{4}-\d\d-\d\d$/);
  assert.equal(doc.items.length, db.size);
  for (const it of doc.items) {
    assert.equal(it.price, db.get(it.his_code)[1]);
    assert.equal(String(it.price_fen), db.get(it.his_code)[2]);
  }
  assert.notEqual(jsonRes.headers.get('etag'), etag);
});

const demoFile = () => path.join(ROOT, 'run', INSTANCE, 'demo-fees', 'prices.csv');
const demoPrices = () => fs.readFileSync(demoFile(), 'utf8');
// the demo list in force again, whatever an earlier (interrupted) run left
const restoreDemo = () => stack(['fees', '--apply', 'prices', demoFile()]);

test('the office: a dry run shows added, changed and ended and stores nothing; bad rows by line', async () => {
  restoreDemo();
  const office = await loggedIn('office');
  const page = await office.get('/office/fees/');
  assert.equal(page.status, 200);
  const before = sqlValue("SELECT price_fen FROM fee_items WHERE his_code = 'XC0001'");
  const small = '项目编码,医保编码,项目名称,类别,规格,单位,单价,医保类别\r\n' +
    'XC0001,,头孢克洛胶囊,西药,"0.25g*12粒",盒,19.20,乙\r\n' +
    'NEW0001,,"新项目, 含逗号",检验,"多行\n规格",次,8.00,甲\r\n';
  const dry = await office.post('/office/fees/import', { _csrf: office.token, csv: small, effective_on: sqlValue('SELECT CURDATE()'), action: 'dry_run' });
  assert.equal(dry.status, 200);
  assert.match(dry.text, /<dd class="count-added">1<\/dd>/);
  assert.match(dry.text, /<dd class="count-changed">1<\/dd>/);
  assert.match(dry.text, /<td>18\.60<\/td><td>19\.20<\/td>/);
  assert.equal(sqlValue("SELECT price_fen FROM fee_items WHERE his_code = 'XC0001'"), before, 'nothing stored');
  const bad = small + 'X2,,名称,不存在的类别,,盒,1.00,甲\r\nX3,,名称,西药,,盒,1.005,甲\r\nXC0001,,重复,西药,,盒,1,甲\r\n';
  const refused = await office.post('/office/fees/import', { _csrf: office.token, csv: bad, effective_on: sqlValue('SELECT CURDATE()'), action: 'apply' });
  assert.equal(refused.status, 422);
  // the embedded newline makes the first bad row line 5
  assert.match(refused.text, /第 5 行：[^<]*类别不在/);
  assert.match(refused.text, /第 6 行：单价应为元/);
  assert.match(refused.text, /第 7 行：同一项目编码出现了两次/);
  assert.equal(sqlValue("SELECT price_fen FROM fee_items WHERE his_code = 'XC0001'"), before);
  assert.equal(sqlValue("SELECT COUNT(*) FROM fee_items WHERE his_code = 'NEW0001'"), '0');
});

test('applying a price list: history, the 价格调整 notice, the same file twice changes nothing (portal-fees, GBK)', async () => {
  restoreDemo();
  const original = demoPrices();
  const changed = original.replace(/^XC0001,(.*),18\.60,乙/m, 'XC0001,$1,19.20,乙').replace(/^ZY0003,.*\r?\n/m, '') +
    'NEW0002,,新增检验项目,检验,,次,8.00,甲\r\n';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fees-'));
  const gbk = path.join(dir, 'prices-gbk.csv');
  // the HIS's own encoding: GBK, converted here by iconv
  execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', '-o', gbk], { input: changed.replace(/^\ufeff/, '') });
  const versionBefore = sqlValue('SELECT version FROM fee_catalogue_version');
  const dry = stack(['fees', 'prices', gbk]);
  assert.match(dry, /dry run: \d+ rows, 1 added, 1 changed, 1 ended/);
  const history = Number(sqlValue("SELECT COUNT(*) FROM fee_price_history h JOIN fee_items i ON i.id = h.item_id WHERE i.his_code = 'XC0001'"));
  const out = stack(['fees', '--apply', '--notice', 'prices', gbk]);
  assert.match(out, /changed XC0001 头孢克洛胶囊: 18\.60 -> 19\.20/);
  assert.match(out, /applied: .* 1 added, 1 changed, 1 ended, .* notice published/);
  assert.equal(sqlValue("SELECT price_fen FROM fee_items WHERE his_code = 'XC0001'"), '1920');
  assert.equal(sqlValue("SELECT COUNT(*) FROM fee_price_history h JOIN fee_items i ON i.id = h.item_id WHERE i.his_code = 'XC0001'"), String(history + 1));
  assert.notEqual(sqlValue("SELECT ends_on FROM fee_items WHERE his_code = 'ZY0003'"), 'NULL');
  const ginseng = () => search('人参').then((r) => r.html.includes('<span class="notice-date">ZY0003</span>'));
  assert.equal(await ginseng(), false, 'an ended item is no longer found');
  const endedId = sqlValue("SELECT id FROM fee_items WHERE his_code = 'ZY0003'");
  assert.match(await (await fetch(`${ORIGIN}/fees/items/${endedId}`)).text(), new RegExp(lang('Fees.ended')), 'but its page says it ended');
  assert.equal(Number(sqlValue('SELECT version FROM fee_catalogue_version')), Number(versionBefore) + 1);
  const noticeId = sqlValue('SELECT notice_id FROM fee_imports ORDER BY id DESC LIMIT 1');
  const notice = await (await fetch(`${ORIGIN}/notices/${noticeId}`)).text();
  assert.match(notice, /价格调整/);
  assert.match(notice, /XC0001 头孢克洛胶囊（盒）：18\.60 → 19\.20/);
  const id = sqlValue("SELECT id FROM fee_items WHERE his_code = 'XC0001'");
  const item = await (await fetch(`${ORIGIN}/fees/items/${id}`)).text();
  assert.match(item, /<td>19\.20<\/td>/);
  assert.match(item, /<td>18\.60<\/td>/);
  assert.equal(names((await search('tbkl')).html)[0], '头孢克洛胶囊');
  assert.equal(names((await search('新增检验')).html)[0], '新增检验项目', 'a new item is searchable at once');
  // the same file twice changes nothing
  const imports = sqlValue('SELECT COUNT(*) FROM fee_imports');
  assert.match(stack(['fees', '--apply', 'prices', gbk]), /0 added, 0 changed, 0 ended/);
  assert.equal(sqlValue('SELECT COUNT(*) FROM fee_imports'), imports);
  // and back to the demo list
  fs.writeFileSync(path.join(dir, 'orig.csv'), original);
  assert.match(stack(['fees', '--apply', 'prices', path.join(dir, 'orig.csv')]), /1 added, 1 changed, 1 ended/);
  assert.equal(await ginseng(), true, 'offered again, found again');
  fs.rmSync(dir, { recursive: true });
});

// A stay of this test run's own (imported like the HIS's export), so the
// failures this file makes on purpose never use up a demo number's limit.
const STAY = `ZY${process.pid}${Date.now() % 100000}`.slice(0, 20);
function importStay() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fees-stay-'));
  const head = '类型,号码,姓名,手机号,身份证号,科室,病区,床号,入院时间,出院时间,行号,日期,项目编码,项目名称,规格,单位,单价,数量,金额,医保类别\r\n';
  const rows = [
    `住院,${STAY},欧阳修,13812344321,,外科,外科一病区,7,2026-11-30 10:00,,${STAY}-1,2026-11-30,110900001,普通病房床位费,三人间,日,30.00,1,30.00,甲`,
    `住院,${STAY},欧阳修,13812344321,,外科,外科一病区,7,2026-11-30 10:00,,${STAY}-2,2026-11-30,XB0001,0.9%氯化钠注射液,250ml,袋,3.80,0.5,1.90,甲`,
    `住院,${STAY},欧阳修,13812344321,,外科,外科一病区,7,2026-11-30 10:00,,${STAY}-3,2026-12-01,ZC0001,"参麦注射液, 含稀释",10ml,支,6.90,3,20.70,乙`,
  ];
  fs.writeFileSync(path.join(dir, 'c.csv'), '\ufeff' + head + rows.join('\r\n') + '\r\n');
  fs.writeFileSync(path.join(dir, 'd.csv'), `类型,号码,行号,缴费时间,金额,方式\n住院,${STAY},${STAY}-D1,2026-11-30 10:30,50.00,微信\n`);
  const out = [stack(['fees', 'charges', path.join(dir, 'c.csv')]), stack(['fees', 'deposits', path.join(dir, 'd.csv')]),
    stack(['fees', 'charges', path.join(dir, 'c.csv')])];
  fs.rmSync(dir, { recursive: true });
  return out;
}

test('fee items and deposits from the HIS: stored once by their line id, every bad row refused with its line', () => {
  const [first, deposits, again] = importStay();
  assert.match(first, /charges: 3 stored, 0 already there/);
  assert.match(deposits, /deposits: 1 stored/);
  assert.match(again, /charges: 0 stored, 3 already there/);
  assert.equal(sqlValue(`SELECT SUM(amount_fen) FROM fee_account_items i JOIN fee_accounts a ON a.id = i.account_id WHERE a.number = '${STAY}'`), '5260');
  assert.equal(sqlValue(`SELECT mobile_last4 FROM fee_accounts WHERE number = '${STAY}'`), '4321');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fees-bad-'));
  fs.writeFileSync(path.join(dir, 'bad.csv'), '类型,号码,姓名,入院时间,行号,日期,项目名称,单价,数量,金额\n' +
    `住院,${STAY},欧阳修,2026-11-30 10:00,${STAY}-9,2026-12-01,换药,10.00,1,10.00\n` +
    `住院,${STAY},欧阳修,2026-11-30 10:00,${STAY}-10,2026-13-01,换药,10.00,1,10.00\n` +
    `住院,${STAY},欧阳修,2026-11-30 10:00,${STAY}-11,2026-12-01,换药,10.00,2,10.00\n`);
  let failed;
  try { stack(['fees', 'charges', path.join(dir, 'bad.csv')]); } catch (e) { failed = e; }
  fs.rmSync(dir, { recursive: true });
  assert.ok(failed && failed.status === 1);
  assert.match(failed.stdout, /line 3: date_bad 2026-13-01/);
  assert.match(failed.stdout, /line 4: amount_mismatch 10\.00/);
  assert.equal(sqlValue(`SELECT COUNT(*) FROM fee_account_items WHERE his_line_id = '${STAY}-9'`), '0', 'nothing stored');
});

// A multipart/form-data body as a browser sends a form with a file.
function multipart(fields, file) {
  const boundary = `----portal${Date.now()}`;
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
      'Content-Type: text/csv\r\n\r\n'), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('the office uploads the HIS\'s GBK file: dry run, then applied with the 价格调整 notice', async () => {
  restoreDemo();
  const office = await loggedIn('office');
  const token = await office.csrf('/office/fees/');
  const changed = demoPrices().replace(/^\ufeff/, '').replace(/^XC0002,(.*),15\.30,乙/m, 'XC0002,$1,16.10,乙');
  const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: changed });
  const today = sqlValue('SELECT CURDATE()');
  const send = (action, extra = {}) => {
    const m = multipart({ _csrf: token, effective_on: today, encoding: 'auto', action, ...extra }, { name: 'prices.csv', bytes: gbk });
    return office.request('POST', '/office/fees/import', m);
  };
  const dry = await send('dry_run');
  assert.equal(dry.status, 200);
  assert.match(dry.text, /<dd class="count-changed">1<\/dd>/);
  assert.match(dry.text, /<td>15\.30<\/td><td>16\.10<\/td>/);
  assert.equal(sqlValue("SELECT price_fen FROM fee_items WHERE his_code = 'XC0002'"), '1530');
  const applied = await send('apply', { notice: '1' });
  assert.equal(applied.status, 200);
  assert.match(applied.text, /已导入/);
  assert.equal(sqlValue("SELECT price_fen FROM fee_items WHERE his_code = 'XC0002'"), '1610');
  const noticeId = sqlValue('SELECT notice_id FROM fee_imports ORDER BY id DESC LIMIT 1');
  assert.match(applied.text, new RegExp(`href="/notices/${noticeId}"`));
  assert.match(sqlValue(`SELECT REPLACE(body, CHAR(10), ' ') FROM notices WHERE id = ${noticeId}`), /XC0002 头孢克洛干混悬剂（盒）：15\.30 → 16\.10/);
  assert.equal(sqlValue("SELECT action FROM audit_log WHERE entity = 'fee_prices' ORDER BY id DESC LIMIT 1"), 'import');
  // the same file again: nothing changes, nothing is recorded
  const imports = sqlValue('SELECT COUNT(*) FROM fee_imports');
  const again = await send('apply');
  assert.match(again.text, new RegExp(lang('Fees.nothing_changed')));
  assert.equal(sqlValue('SELECT COUNT(*) FROM fee_imports'), imports);
  // a broken upload is refused whole; a file in the wrong encoding says so
  const broken = await office.request('POST', '/office/fees/import', {
    body: Buffer.from(`--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--x`),
    headers: { 'content-type': 'multipart/form-data; boundary=x' } });
  assert.equal(broken.status, 400);
  const wrongEnc = await send('dry_run', { encoding: 'UTF-8' });
  assert.equal(wrongEnc.status, 422);
  assert.match(wrongEnc.text, /not valid UTF-8/);
  restoreDemo();
});

test('the office uploads fee items and deposits: stored once, bad rows by line, nothing half stored', async () => {
  const office = await loggedIn('office');
  const token = await office.csrf('/office/fees/');
  const number = `ZY8${Date.now() % 1e9}`;
  const head = '类型,号码,姓名,手机号,身份证号,科室,病区,床号,入院时间,出院时间,行号,日期,项目编码,项目名称,规格,单位,单价,数量,医保类别\r\n';
  const line = (n, day, qty) => `住院,${number},赵六,13600001111,,内科,内科一病区,9,2026-11-30 08:00,,${number}-${n},${day},120400001,静脉输液,第一组,组,12.00,${qty},甲\r\n`;
  const good = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: head + line(1, '2026-11-30', '1') + line(2, '2026-12-01', '2') });
  const upload = (kind, bytes) => office.request('POST', '/office/fees/charges',
    multipart({ _csrf: token, kind, encoding: 'auto' }, { name: 'his.csv', bytes }));
  const first = await upload('charges', good);
  assert.equal(first.status, 200);
  assert.match(first.text, /已导入 2 行，已存在而跳过 0 行/);
  const again = await upload('charges', good);
  assert.match(again.text, /已导入 0 行，已存在而跳过 2 行/);
  const deposit = Buffer.from(`类型,号码,行号,缴费时间,金额,方式\n住院,${number},${number}-D,2026-11-30 09:00,20.00,现金\n`);
  assert.match((await upload('deposits', deposit)).text, /已导入 1 行/);
  const bad = Buffer.from(head + line(3, '2026-12-02', '1') + line(4, '2026-12-02', '1.2345'));
  const refused = await upload('charges', bad);
  assert.equal(refused.status, 422);
  assert.match(refused.text, /第 3 行：数量最多三位小数/);
  assert.equal(sqlValue(`SELECT COUNT(*) FROM fee_account_items WHERE his_line_id = '${number}-3'`), '0');
  const badTime = await upload('deposits', Buffer.from(`类型,号码,行号,缴费时间,金额,方式\n住院,${number},${number}-T,2026-11-30 09:00:7x,20.00,现金\n`));
  assert.match(badTime.text, /第 2 行：日期或时间不对/);
  const unknown = await upload('deposits', Buffer.from(`类型,号码,行号,缴费时间,金额,方式\n住院,ZY0000000001,X1,2026-11-30 09:00,20.00,现金\n`));
  assert.match(unknown.text, /第 2 行：还没有这个号码的费用明细/);
  assert.equal(sqlValue(`SELECT SUM(amount_fen) FROM fee_account_items i JOIN fee_accounts a ON a.id = i.account_id WHERE a.number = '${number}'`), '3600');
  const { c, res } = await lookupFrom(nextAddress(), 'inpatient', number, '1111');
  const list = await c.get(res.location);
  assert.match(list.text, /赵\*/);
  assert.match(list.text, /-16\.00 元/, 'balance: 20.00 deposited, 36.00 spent');
});

async function lookupFrom(address, kind, number, factor) {
  const c = new Client(ORIGIN, { localAddress: address });
  const token = await c.csrf(`/fees/${kind}`);
  const res = await c.post(`/fees/${kind}`, { _csrf: token, number, factor });
  return { c, res };
}

test('the inpatient daily list: days, totals, deposits, balance, printable view', async () => {
  const { c, res } = await lookupFrom(nextAddress(), 'inpatient', 'zy2026000123', '1234');
  assert.equal(res.status, 303);
  assert.match(res.location, /^\/fees\/inpatient\/list\?t=/);
  const page = await c.get(res.location);
  assert.equal(page.status, 200);
  const html = page.text;
  assert.match(html, /张\*/);
  assert.ok(!html.includes('张三'), 'the name is masked');
  const total = sqlValue(`SELECT SUM(amount_fen) FROM fee_account_items i JOIN fee_accounts a ON a.id = i.account_id WHERE a.number = 'ZY2026000123'`);
  const yuan = (fen) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
  assert.match(html, new RegExp(`<strong>${yuan(Number(total))} 元</strong>`));
  const days = sql(`SELECT DATE_FORMAT(served_on, '%Y-%m-%d'), SUM(amount_fen) FROM fee_account_items i JOIN fee_accounts a ON a.id = i.account_id
    WHERE a.number = 'ZY2026000123' GROUP BY served_on ORDER BY served_on`);
  assert.equal(days.length, 6);
  for (const [d, fen] of days) assert.ok(html.includes(`${d} · ${lang('Fees.day_total')} <strong>${yuan(Number(fen))}</strong> 元`), d);
  assert.equal((html.match(/<details class="fee-day"/g) || []).length, 6);
  assert.equal((html.match(/<details class="fee-day" open>/g) || []).length, 1, 'the latest day open, the others folded');
  assert.match(html, /5000\.00 元/);
  const balance = 500000 - Number(total);
  assert.match(html, new RegExp(`${yuan(balance)} 元`));
  if (balance < 100000) assert.match(html, /预交金余额不足/);
  const print = await c.get(res.location + '&print=1');
  assert.match(print.text, /<table class="data-table">/);
  for (const [d, fen] of days) assert.ok(print.text.includes(`${d} · ${lang('Fees.day_total')} ${yuan(Number(fen))} 元`), d);
  // by the ID number's last four too; the other stay's balance is low
  const byId = await lookupFrom(nextAddress(), 'inpatient', 'ZY2026000456', '567x');
  assert.equal(byId.res.status, 303);
  assert.match((await byId.c.get(byId.res.location)).text, /预交金余额不足/);
  // a forged or altered link
  assert.equal((await c.get(res.location.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')))).status, 404);
  assert.equal((await c.get('/fees/outpatient/list' + res.location.slice(res.location.indexOf('?')))).status, 404, 'not a visit link');
});

test('an outpatient visit by its number', async () => {
  const { c, res } = await lookupFrom(nextAddress(), 'outpatient', 'MZ2026100088', '9012');
  assert.equal(res.status, 303);
  const page = await c.get(res.location);
  assert.match(page.text, /头孢克洛胶囊/);
  assert.match(page.text, /18\.60×2盒 = <strong>37\.20<\/strong>/);
});

test('a wrong factor and an unknown number get the same answer; failed lookups are limited per number and per address', async () => {
  const wrong = await lookupFrom(nextAddress(), 'inpatient', STAY, '0000');
  const unknown = await lookupFrom(nextAddress(), 'inpatient', `ZY9${Date.now() % 1e9}`, '4321');
  assert.equal(wrong.res.status, 422);
  assert.equal(unknown.res.status, 422);
  const msg = (t) => t.match(/<p class="form-error-message"[^>]*>([\s\S]*?)<\/p>/)[1];
  assert.equal(msg(wrong.res.text), msg(unknown.res.text));
  assert.match(wrong.res.text, new RegExp(escapeHtml(lang('Error.fees_not_found'))));
  const badFactor = await lookupFrom(nextAddress(), 'inpatient', STAY, '12');
  assert.equal(badFactor.res.status, 422);
  // per number: 5 failures whatever the address, then 429 even with the right factor
  const number = `ZY${Date.now() % 1e10}`;
  const statuses = [];
  for (let i = 0; i < 6; i++) statuses.push((await lookupFrom(nextAddress(), 'inpatient', number, '1111')).res.status);
  assert.deepEqual(statuses, [422, 422, 422, 422, 422, 429]);
  // per address: 20 failures over any numbers
  const address = nextAddress();
  const perAddress = [];
  for (let i = 0; i < 21; i++) perAddress.push((await lookupFrom(address, 'inpatient', `ZY77${i}${Date.now() % 1e6}`, '1111')).res.status);
  assert.equal(perAddress.filter((s) => s === 429).length, 1);
  assert.equal(perAddress[20], 429);
  const limited = await lookupFrom(address, 'inpatient', STAY, '4321');
  assert.equal(limited.res.status, 429, 'the address is limited even with the right factor');
  assert.ok(limited.res.headers.get('retry-after'));
  assert.match(limited.res.text, /查询费用清单失败次数过多/);
  // the stay's own number is not blocked by the address's failures
  const ok = await lookupFrom(nextAddress(), 'inpatient', STAY, '4321');
  assert.equal(ok.res.status, 303);
  const list = await ok.c.get(ok.res.location);
  assert.match(list.text, /欧\*\*/);
  assert.match(list.text, /参麦注射液, 含稀释/);
  assert.match(list.text, /3\.80×0\.5袋 = <strong>1\.90<\/strong>/);
});
