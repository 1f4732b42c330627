// Shared set-up of the browser tests (tests/browser/): Debian's Chromium
// through playwright-core, a phone of 390x844 to look at the portal with,
// axe-core on a page, the check that a page is no wider than the phone, and
// screenshots for humans in run/screenshots/ (git-ignored).
'use strict';
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');
const { ROOT } = require('./portal');

// The system's Chromium (no browser download); CHROMIUM names another one.
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Where screenshots go; made by useChromium's before().
const SHOTS = path.join(ROOT, 'run', 'screenshots');
// The phone every journey is on: a common 6.1" screen, in CSS pixels.
const PHONE_WIDTH = 390;
const PHONE_HEIGHT = 844;

// Starts headless Chromium without the sandbox (tests run in containers)
// and without its own network traffic (updates, sync, QUIC), so the portal
// is all it talks to.
function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Opens a fresh phone on `browser`: its own context (cookies), 390x844 at
// twice the density, touch, Chinese, Beijing time; a step waits at most 10 s.
// `javaScript: false` is the simplest phones' browser.
async function newPhone(browser, { javaScript = true } = {}) {
  if (!browser) throw new Error('Chromium is not running (did the before() of useChromium fail?)');
  const context = await browser.newContext({
    viewport: { width: PHONE_WIDTH, height: PHONE_HEIGHT }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai', javaScriptEnabled: javaScript,
  });
  context.setDefaultTimeout(10000);
  return { context, page: await context.newPage() };
}

// For the test file that calls it (at its top level): one Chromium for all
// its tests, launched in a before() (which also makes SHOTS) and closed in an
// after().  Returns { phone(options) }, newPhone on that browser.
function useChromium() {
  let browser = null;
  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  after(async () => {
    if (browser) await browser.close();
  });
  return { phone: (options) => newPhone(browser, options) };
}

// axe-core on the page as it is: serious and critical findings fail, with
// rule, impact, help and elements in the message.  `skipRules` leaves rules
// out by id, for a page that breaks one by design (say why at the call).
async function assertAccessible(page, where, { skipRules = [] } = {}) {
  const axe = new AxeBuilder({ page });
  if (skipRules.length) axe.disableRules(skipRules);
  const results = await axe.analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.slice(0, 8).map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`).join('\n') +
    (v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '')).join('\n');
  assert.equal(bad.length, 0, `${where} (${page.url()}): axe violations:\n${report}`);
}

// The page is no wider than the phone: nothing to scroll sideways to.
async function assertFits(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE_WIDTH, `${where}: page is ${width}px wide at a ${PHONE_WIDTH}px screen (horizontal scrolling)`);
}

// Saves the whole page (not only the screen) as SHOTS/<name>.png.
async function screenshot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

module.exports = {
  CHROMIUM, SHOTS, PHONE_WIDTH, PHONE_HEIGHT,
  launchChromium, newPhone, useChromium, assertAccessible, assertFits, screenshot,
};
