// 检验报告 on a phone (390x844, touch, zh-CN) in headless Chromium: a
// patient types the barcode from the specimen slip as a scanner pastes it,
// the mobile's last 4 digits, reads the report (flags as arrows and words,
// the critical value, the previous result), opens the printable view with
// its QR code and prints it on A4 and on an 80 mm receipt; axe-core on every
// page, nothing wider than the phone.
//
//   PORTAL_URL=http://127.0.0.1:8280 PORTAL_ORIGIN_URL=http://127.0.0.1:8281 \
//   PORTAL_INSTANCE=rep node --test tests/browser/reports.test.js
//
// Screenshots for humans go to run/screenshots/ (git-ignored).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { BASE, createUser } = require('../lib/portal');
const { useChromium, assertAccessible, assertFits, screenshot } = require('../lib/browser');

const { phone } = useChromium();

async function shot(page, name) {
  await screenshot(page, `reports-${name}`);
}

test('from the barcode on the slip to the printed report', async () => {
  const { context, page } = await phone();
  try {
    await page.goto(`${BASE}/reports/`);
    assert.equal(await page.locator('main h1').innerText(), '检验报告查询');
    await assertAccessible(page, 'lookup');
    await assertFits(page, 'lookup');
    await shot(page, 'lookup');

    // a wrong factor: the message beside the barcode, what was typed kept
    await page.getByLabel('条码号').fill('lab202600001');
    await page.getByLabel('手机号后 4 位或患者的姓').fill('0000');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '查询报告' }).tap()]);
    await page.waitForSelector('#f-barcode-error');
    assert.match(await page.locator('#f-barcode-error').innerText(), /没有找到/);
    assert.equal(await page.getByLabel('条码号').inputValue(), 'LAB202600001');
    await assertAccessible(page, 'lookup refused');

    // as a phone's scanner pastes it: lower case, spaces
    await page.getByLabel('条码号').fill(' lab2026 00001 ');
    await page.getByLabel('手机号后 4 位或患者的姓').fill('1234');
    await Promise.all([page.waitForURL(/\/reports\/report\?t=/), page.getByRole('button', { name: '查询报告' }).tap()]);
    assert.equal(await page.locator('main h1').innerText(), '检验报告单');
    assert.equal(await page.locator('#report-patient').innerText(), '王*明');
    const wbc = page.locator('tr[data-code="WBC"]');
    assert.match(await wbc.innerText(), /11\.2/);
    assert.match(await wbc.innerText(), /↑ 偏高/, 'the flag is an arrow and a word, not colour alone');
    assert.match(await page.locator('tr[data-code="HGB"]').innerText(), /↓ 偏低/);
    assert.match(await page.locator('tr[data-code="HGB"]').innerText(), /上次结果 128/, 'the previous result');
    assert.match(await page.locator('.flags-note').innerText(), /偏高/);
    await assertAccessible(page, 'report');
    await assertFits(page, 'report');
    await shot(page, 'report');

    await Promise.all([page.waitForURL(/\/reports\/print\?t=/), page.locator('#print-link').tap()]);
    assert.equal(await page.locator('.print-hospital').isVisible(), true);
    assert.equal(await page.locator('.print-qr svg').count(), 1, 'the QR code is on the sheet');
    await assertAccessible(page, 'printable view');
    await assertFits(page, 'printable view');
    await shot(page, 'print');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.print-controls').isVisible(), false, 'the controls are not printed');
    assert.equal(await page.locator('.print-qr').isVisible(), true, 'the QR code is printed');
    const a4 = await page.pdf({ format: 'A4' });
    assert.ok(a4.length > 1000);
    await page.emulateMedia({ media: 'screen' });

    await Promise.all([page.waitForURL(/paper=80/), page.getByRole('link', { name: '80 mm 小票' }).tap()]);
    await assertAccessible(page, 'receipt view');
    await shot(page, 'receipt');
    await page.emulateMedia({ media: 'print' });
    const receipt = await page.pdf({ preferCSSPageSize: true });
    assert.ok(receipt.length > 1000);
  } finally {
    await context.close();
  }
});

test('a report still in the lab says when it is expected; the critical report is highlighted', async () => {
  const { context, page } = await phone();
  try {
    for (const [barcode, factor, check, name] of [
      ['LAB202600003', '张', async () => assert.match(await page.locator('#report-pending').innerText(), /检验中,预计 \d{1,2}:\d\d 可取|检验中,预计 \d+月\d+日 \d\d:\d\d 可取/), 'pending'],
      ['LAB202600002', '5678', async () => {
        assert.equal(await page.locator('#report-critical').isVisible(), true);
        assert.match(await page.locator('tr[data-code="ALT"]').innerText(), /危急/);
      }, 'critical'],
    ]) {
      await page.goto(`${BASE}/reports/`);
      await page.getByLabel('条码号').fill(barcode);
      await page.getByLabel('手机号后 4 位或患者的姓').fill(factor);
      await Promise.all([page.waitForURL(/\/reports\/report\?t=/), page.getByRole('button', { name: '查询报告' }).tap()]);
      await check();
      await assertAccessible(page, name);
      await assertFits(page, name);
      await shot(page, name);
    }
    await page.goto(`${BASE}/reports/turnaround`);
    await assertAccessible(page, 'turnaround');
    await assertFits(page, 'turnaround');
    await shot(page, 'turnaround');
  } finally {
    await context.close();
  }
});

test('the lab pastes a message and uploads a file, sees them stored, and edits a turnaround time on a phone', async () => {
  const { context, page } = await phone();
  const user = createUser('lab', 'lab');
  try {
    await page.goto(`${BASE}/office/login`);
    await page.getByLabel('用户名', { exact: true }).fill(user.username);
    await page.getByLabel('密码', { exact: true }).fill(user.password);
    await Promise.all([page.waitForURL(/\/office\/$/), page.getByRole('button', { name: '登录', exact: true }).click()]);
    await Promise.all([page.waitForURL(/\/office\/lab\/$/), page.locator('a[href="/office/lab/"]').first().click()]);
    const tag = Date.now().toString(36).toUpperCase();
    const msg = [`MSH|^~\\&|LIS|检验科|PORTAL|市一院|20261201093000||ORU^R01|BR${tag}|P|2.5.1`,
      'PID|1||P1^^^HOSP^MR||孙^七||19700101|M', `OBR|1||BR${tag}|GLU^血糖|||20261201080000|||||||20261201081000||||||||20261201090000|||F`,
      'OBX|1|NM|GLU^空腹血糖||5.2|mmol/L|3.9-6.1|N|||F'].join('\n');
    await page.getByLabel('HL7 消息').fill(msg);
    await Promise.all([page.waitForURL(/\/office\/lab\/upload$/), page.getByRole('button', { name: '导入' }).click()]);
    assert.match(await page.locator('#upload-results').innerText(), new RegExp(`已保存:BR${tag} BR${tag} 1 stored`));
    // the same as a file, as Chromium sends it (multipart/form-data)
    const file = msg.replace(new RegExp(`BR${tag}`, 'g'), `BF${tag}`).replace(/\n/g, '\r');
    await page.getByLabel('HL7 消息').fill('');
    await page.setInputFiles('#f-file', { name: 'results.hl7', mimeType: 'application/octet-stream', buffer: Buffer.from(`\ufeff${file}`) });
    await Promise.all([page.waitForURL(/\/office\/lab\/upload$/), page.getByRole('button', { name: '导入' }).click()]);
    assert.match(await page.locator('#upload-results').innerText(), new RegExp(`已保存:BF${tag} BF${tag} 1 stored`));
    await assertAccessible(page, 'lab upload');
    await assertFits(page, 'lab upload');
    await shot(page, 'office-lab');
    await page.goto(`${BASE}/office/lab/turnaround`);
    await assertAccessible(page, 'lab turnaround');
    await assertFits(page, 'lab turnaround');
    await shot(page, 'office-turnaround');
  } finally {
    await context.close();
  }
});
