// One-off diagnosis: every resource and mark on one load of the map page.
import { chromium } from 'playwright';
import { signIn } from '../bench/map-clusters';

const base = process.argv[2] ?? 'http://127.0.0.1:3316';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
const cookie = await signIn(base, { username: 'supervisor', password: 'demo-password-2026' });
const [name = '', value = ''] = cookie.split(/=(.*)/s);
await context.addCookies([{ name, value, url: base }]);
for (let i = 0; i < 3; i++) {
  const page = await context.newPage();
  await page.goto(`${base}/`, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('rw:clusters-drawn').length > 0, null, { timeout: 60000 });
  await page.waitForTimeout(1500);
  const rows = await page.evaluate(() => [
    ...performance.getEntriesByType('navigation').map((e) => {
      const n = e as PerformanceNavigationTiming;
      return `nav ttfb ${Math.round(n.responseStart)} end ${Math.round(n.responseEnd)} dcl ${Math.round(n.domContentLoadedEventEnd)}`;
    }),
    ...performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return `${Math.round(r.startTime)}-${Math.round(r.responseEnd)} ${r.name.replace(location.origin, '').slice(0, 110)}`;
    }),
    ...performance.getEntriesByType('mark').map((m) => `mark ${Math.round(m.startTime)} ${m.name}`),
  ]);
  if (i > 0) console.log(rows.join('\n'), '\n----');
  await page.close();
}
await browser.close();
