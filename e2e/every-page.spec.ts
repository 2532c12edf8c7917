// Issue 8, "Done means": every page every role can open, in both languages, at 1440x900, saved to
// e2e/screenshots for people to look at; and on each of them no word of the other language outside
// names, codes and ids (Russian pages: no Latin words; English pages: no Cyrillic words). The page
// must also fit the window's width: a table or panel that pushes the page sideways is a layout bug.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { navItemsFor } from '../lib/ui/nav';
import { ACCOUNTS, authFile, type AccountKey } from './helpers/accounts';
import { cyrillicWords, latinWords } from './helpers/language-scan';
import { saveScreenshots } from './helpers/screenshot';

type Lang = 'ru' | 'en';
const ROLES: readonly AccountKey[] = ['officer', 'supervisor', 'auditor', 'admin'];

async function open(browser: Browser, account: AccountKey | null, lang: Lang): Promise<Page> {
  const context = await browser.newContext(account ? { storageState: authFile(account) } : {});
  const url = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1');
  await context.addCookies([{ name: 'lang', value: lang, domain: url.hostname, path: '/' }]);
  return context.newPage();
}

function slugOf(path: string): string {
  return path === '/' ? 'map' : path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-');
}

/** Opens a page, waits until it has settled, screenshots it and returns what is wrong with it. */
async function visit(page: Page, path: string, name: string, lang: Lang): Promise<string[]> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  if (path === '/') {
    // The map has drawn its marks (the canvas records its layout under automation).
    await page.waitForFunction(() => document.querySelector('canvas[data-marks-layout]') !== null);
  }
  await saveScreenshots(page, name);
  const problems = lang === 'ru' ? await latinWords(page) : await cyrillicWords(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) problems.push(`the page is ${overflow}px wider than the window`);
  return problems.map((p) => `${name}: ${p}`);
}

for (const lang of ['ru', 'en'] as const) {
  test(`sign-in page in ${lang}`, async ({ browser }) => {
    const page = await open(browser, null, lang);
    try {
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await saveScreenshots(page, `all-sign-in-${lang}`);
      const problems = lang === 'ru' ? await latinWords(page) : await cyrillicWords(page);
      expect(problems, problems.join('\n')).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  for (const role of ROLES) {
    test(`every ${role} page in ${lang}: screenshot, one language, fits the window`, async ({ browser }) => {
      test.setTimeout(180_000);
      const page = await open(browser, role, lang);
      const problems: string[] = [];
      try {
        for (const item of navItemsFor(ACCOUNTS[role].role)) {
          problems.push(...(await visit(page, item.href, `all-${role}-${slugOf(item.href)}-${lang}`, lang)));
          if (item.key === 'workers') {
            const link = page.getByRole('table').getByRole('link').first();
            const href = await link.getAttribute('href');
            if (href) problems.push(...(await visit(page, href, `all-${role}-worker-file-${lang}`, lang)));
          }
        }
        // A page the role may not open says so, in the same language.
        const forbidden = role === 'auditor' || role === 'admin' ? '/lapses' : '/admin';
        problems.push(...(await visit(page, forbidden, `all-${role}-forbidden-${lang}`, lang)));
      } finally {
        await page.context().close();
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
}
