const { chromium } = require('playwright-core');
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
  const c = await b.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, locale: 'zh-CN' });
  const p = await c.newPage();
  const [url, name] = process.argv.slice(2);
  await p.goto(url);
  const h = await p.evaluate(() => document.documentElement.scrollHeight);
  console.log('height', h);
  for (let y = 0, i = 0; y < h && i < 6; y += 1600, i++)
    await p.screenshot({ path: `/tmp/vol/${name}-${i}.png`, clip: { x: 0, y, width: 390, height: Math.min(1600, h - y) }, fullPage: true });
  await b.close();
})();
