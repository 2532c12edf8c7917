// A page signed in as one demo account, in one interface language, closed when `run` ends.
import { test, type Browser, type Page } from '@playwright/test';
import { authFile, type AccountKey } from './accounts';

export async function withPage(
  browser: Browser,
  account: AccountKey,
  lang: 'ru' | 'en',
  run: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ storageState: authFile(account) });
  if (lang === 'en') {
    const url = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1');
    await context.addCookies([{ name: 'lang', value: 'en', domain: url.hostname, path: '/' }]);
  }
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}
