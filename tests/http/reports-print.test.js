// The printable view (自助打印) of a lab report: the hospital header, A4 and
// 80 mm layouts, and a QR code (read back by zbarimg) holding a signed,
// expiring link that opens the report again; a tampered or expired link is
// refused with a page that says so.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const h = require('./helpers.js');
const L = require('./reports-lib.js');

async function reportLink() {
  const bar = L.finalReport();
  const { res, client } = await L.lookup(bar, '5678');
  assert.equal(res.status, 303);
  return { bar, client, link: res.location, t: new URL(res.location, h.ORIGIN).searchParams.get('t') };
}

test('the printable view: hospital header, the report, print CSS for A4 and 80 mm, the QR code', async () => {
  const { client, t } = await reportLink();
  const page = await client.get(`/reports/print?t=${encodeURIComponent(t)}`);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('cache-control'), 'no-store');
  assert.ok(page.text.includes(`<p class="print-hospital">${h.site('name')}</p>`));
  assert.match(page.text, /<svg[^>]*>[\s\S]*<\/svg>/, 'the QR code is inline');
  assert.match(page.text, /data-code="WBC"[\s\S]*?↑ 偏高/);
  assert.match(page.text, /class="report-print paper-a4"/);
  const receipt = await client.get(`/reports/print?t=${encodeURIComponent(t)}&paper=80`);
  assert.match(receipt.text, /class="report-print paper-80"/);
  const css = await (await fetch(`${h.BASE}/static/css/reports-print.css`)).text();
  assert.match(css, /@page \{ size: A4;/);
  assert.match(css, /@page receipt \{ size: 80mm auto;/);
});

test('the QR code, read by zbarimg, opens the report; a tampered link does not', async () => {
  const { client, t, bar } = await reportLink();
  const png = await fetch(`${h.ORIGIN}/reports/qr?t=${encodeURIComponent(t)}`);
  assert.equal(png.status, 200);
  assert.equal(png.headers.get('content-type'), 'image/png');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rqr-'));
  fs.writeFileSync(path.join(dir, 'qr.png'), Buffer.from(await png.arrayBuffer()));
  const decoded = execFileSync('zbarimg', ['--quiet', '--raw', '--nodbus', path.join(dir, 'qr.png')], { encoding: 'utf8' }).trim();
  fs.rmSync(dir, { recursive: true });
  const url = new URL(decoded);
  assert.equal(url.pathname, '/reports/report');
  const qrToken = url.searchParams.get('t');
  assert.match(qrToken, /^\d+\.\d+\.[\w-]{22}$/);
  const days = (Number(qrToken.split('.')[1]) - Date.now() / 1000) / 86400;
  assert.ok(days > 6.9 && days <= 7, `the printed link lasts 7 days (${days})`);
  // the link it holds works, from another browser, without the lookup
  const other = await fetch(`${h.ORIGIN}${url.pathname}${url.search}`);
  assert.equal(other.status, 200);
  const text = await other.text();
  assert.ok(text.includes(`id="report-barcode">${bar}<`));
  // tampered: another order's id, another expiry, another MAC
  const [id, exp, mac] = qrToken.split('.');
  for (const bad of [`${Number(id) + 1}.${exp}.${mac}`, `${id}.${Number(exp) + 86400}.${mac}`,
    `${id}.${exp}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, 'x', `${id}.${exp}`]) {
    const res = await client.get(`/reports/report?t=${encodeURIComponent(bad)}`);
    assert.equal(res.status, 403, bad);
    assert.ok(res.text.includes(h.lang('Reports.Link.bad_title')), bad);
    assert.ok(!res.text.includes(bar));
    const pr = await client.get(`/reports/print?t=${encodeURIComponent(bad)}`);
    assert.equal(pr.status, 403);
  }
  assert.equal((await client.get('/reports/report')).status, 403, 'no token at all');
});

test('an expired link is refused with a page that says it expired', async () => {
  const { bar } = await reportLink();
  const id = h.sqlValue(`SELECT id FROM lab_orders WHERE barcode = '${bar}'`);
  const expired = L.signedToken(id, Math.floor(Date.now() / 1000) - 60);
  const res = await fetch(`${h.ORIGIN}/reports/report?t=${expired}`);
  assert.equal(res.status, 410);
  const text = await res.text();
  assert.ok(text.includes(h.lang('Reports.Link.expired_title')));
  assert.ok(!text.includes(bar), 'nothing of the report');
  // the same token with a time still to come opens it: the MAC is right
  const fresh = L.signedToken(id, Math.floor(Date.now() / 1000) + 600);
  assert.equal((await fetch(`${h.ORIGIN}/reports/report?t=${fresh}`)).status, 200);
});
