// Issue 8, the officer's day: a list that tells namesakes apart and says how many were found,
// names instead of ids, the active worker filter as a removable chip, dd.mm.yyyy dates in the
// Russian UI, "not found" for an unknown worker, and no English words on Russian pages.
import { expect, test } from '@playwright/test';
import { lapsesPageSchema } from '@/lib/api/lapses';
import type { AccountKey } from './helpers/accounts';
import { getJson } from './helpers/api';
import { fill, t, tEn } from './helpers/i18n';
import { waitForHydration } from './helpers/hydration';
import { latinWords } from './helpers/language-scan';
import { withPage } from './helpers/page-as';
import { saveScreenshots } from './helpers/screenshot';

test('the worker list shows document, birth date, status, okrug and how many were found', async ({
  browser,
}) => {
  for (const lang of ['ru', 'en'] as const) {
    const d = lang === 'ru' ? t : tEn;
    await withPage(browser, 'officer', lang, async (page) => {
      await page.goto('/workers?q=Абдуллаев');
      const table = page.getByRole('table');
      await expect(
        table.getByRole('columnheader', { name: d.pages.workers.columns.document, exact: true }),
      ).toBeVisible();
      await expect(
        table.getByRole('columnheader', { name: d.pages.workers.columns.status, exact: true }),
      ).toBeVisible();
      await expect(
        table.getByRole('columnheader', { name: d.pages.workers.columns.okrug, exact: true }),
      ).toBeVisible();
      const firstRow = table.locator('tbody tr').first();
      await expect(firstRow).toContainText(/[A-Z0-9]{6,}/);
      await expect(firstRow).toContainText(/\d{2}\.\d{2}\.\d{4}/);
      await expect(page.getByTestId('workers-total')).toContainText(/\d/);
      await saveScreenshots(page, `workers-${lang}`);
    });
  }
});

test('an unknown worker answers 404 with "not found"', async ({ browser }) => {
  await withPage(browser, 'officer', 'ru', async (page) => {
    const res = await page.goto('/workers/00000000-0000-4000-8000-000000000000');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: t.errors.notFoundTitle })).toBeVisible();
  });
});

test('the lapse queue shows its worker filter as a chip that removes it', async ({ browser }) => {
  await withPage(browser, 'officer', 'ru', async (page) => {
    const queue = await getJson(page.request, '/api/v1/lapses?state=unreviewed&limit=1', lapsesPageSchema);
    const lapse = queue.items[0];
    test.skip(!lapse, 'no lapse in the seed');
    if (!lapse) return;
    const name = lapse.workerNameCyrillic ?? lapse.workerName;
    await page.goto(`/lapses?state=unreviewed&worker=${lapse.workerId}`);
    const remove = page.getByRole('button', { name: fill(t.pages.list.workerChipRemove, { name }) });
    await expect(page.getByText(fill(t.pages.list.workerChip, { name }))).toBeVisible();
    await saveScreenshots(page, 'lapses-worker-chip-ru');
    await waitForHydration(remove);
    await remove.click();
    await expect(page).not.toHaveURL(/worker=/);
    await expect(remove).toHaveCount(0);
  });
});

test('date filters take dd.mm.yyyy in the Russian UI and say what is wrong', async ({ browser }) => {
  await withPage(browser, 'officer', 'ru', async (page) => {
    await page.goto('/lapses');
    const from = page.getByRole('textbox', { name: t.pages.list.from });
    await expect(from).toHaveAttribute('placeholder', 'дд.мм.гггг');
    await waitForHydration(from);
    await from.pressSequentially('05032026');
    await expect(page).toHaveURL(/from=2026-03-05/);
    await expect(from).toHaveValue('05.03.2026');
    const to = page.getByRole('textbox', { name: t.pages.list.to });
    await to.fill('31.02.2026');
    await to.press('Enter');
    await expect(page.getByText(t.pages.list.dateInvalid)).toBeVisible();
    await expect(page).not.toHaveURL(/to=/);
    await saveScreenshots(page, 'lapses-dates-ru');
  });
});

test('the audit log names workers and describes details in words', async ({ browser }) => {
  // An officer opens a worker's file, so the log has an entry about that worker.
  let name = '';
  let workerId = '';
  await withPage(browser, 'officer', 'ru', async (page) => {
    await page.goto('/workers?status=active');
    const link = page.getByRole('table').getByRole('link').first();
    await waitForHydration(link);
    name = (await link.locator('span[translate="no"]').first().textContent()) ?? '';
    await link.click();
    await expect(page).toHaveURL(/\/workers\/[0-9a-f-]{36}$/);
    workerId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await saveScreenshots(page, 'worker-file-ru');
  });
  for (const lang of ['ru', 'en'] as const) {
    await withPage(browser, 'auditor', lang, async (page) => {
      await page.goto(`/audit?worker=${workerId}`);
      const rows = page.getByRole('table').locator('tbody tr');
      await expect(rows.first()).toBeVisible();
      await expect(page.getByRole('table').getByRole('link').filter({ hasText: name }).first()).toBeVisible();
      const details = (await rows.locator('td:last-child').allTextContents()).join('\n');
      expect(details).not.toMatch(/\{|page: first|count: \d/);
      await saveScreenshots(page, `audit-worker-${lang}`);
      await page.goto('/audit');
      await expect(rows.first()).toBeVisible();
      await saveScreenshots(page, `audit-${lang}`);
    });
  }
});

const RUSSIAN_PAGES: Array<[AccountKey, string]> = [
  ['officer', '/'],
  ['officer', '/workers'],
  ['officer', '/workers?status=cancelled'],
  ['officer', '/workers?status=active'],
  ['officer', '/lapses'],
  ['officer', '/reports'],
  ['auditor', '/audit'],
  ['admin', '/admin'],
];

test('Russian pages show no English words outside names, codes and ids', async ({ browser }) => {
  const found: string[] = [];
  for (const [account, path] of RUSSIAN_PAGES) {
    await withPage(browser, account, 'ru', async (page) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      const words = await latinWords(page);
      if (words.length) found.push(`${account} ${path}: ${words.join(', ')}`);
      // The first worker's file too: sector, history, lapses.
      if (path.startsWith('/workers?status=')) {
        const link = page.getByRole('table').getByRole('link').first();
        if ((await link.count()) > 0) {
          await waitForHydration(link);
          await link.click();
          await expect(page).toHaveURL(/\/workers\/[0-9a-f-]{36}$/);
          await page.waitForLoadState('networkidle');
          const fileWords = await latinWords(page);
          if (fileWords.length) found.push(`${account} ${page.url()}: ${fileWords.join(', ')}`);
        }
      }
    });
  }
  expect(found, found.join('\n')).toEqual([]);
});
