// Issue 7 journeys: the simulator compares the presets per day and its replay of the rules in force
// equals the recorded statistics; a supervisor switches to the 121-FZ preset and reads the rule in
// words; an officer opens a cancelled worker and reads which rule cancelled them, with the numbers
// of the policy version. Screenshots at 1440x900 in Russian and English.
import { expect, test, type Page } from '@playwright/test';
import { lapsesPageSchema } from '@/lib/api/lapses';
import { lapseStatsSchema } from '@/lib/api/stats';
import { simulateResultSchema } from '@/lib/api/policy';
import { describePolicyRule } from '@/lib/domain/policy-words';
import { PRESETS } from '@/lib/domain/policy-presets';
import { DEFAULT_POLICY } from '@/lib/domain/types';
import { authFile } from './helpers/accounts';
import { apiAs, getJson, readJson } from './helpers/api';
import { t, tEn } from './helpers/i18n';
import { waitForHydration } from './helpers/hydration';
import { saveScreenshots } from './helpers/screenshot';

test.describe.configure({ mode: 'serial' });

async function setLanguage(page: Page, lang: 'ru' | 'en', baseURL: string | undefined) {
  await page.context().addCookies([{ name: 'lang', value: lang, url: baseURL ?? 'http://127.0.0.1' }]);
}

async function runSimulator(page: Page) {
  const section = page.locator('section[aria-labelledby="simulate-title"]');
  const run = section.getByRole('button', {
    name: new RegExp(`${t.pages.simulate.run}|${tEn.pages.simulate.run}`),
  });
  await waitForHydration(run);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/policy/simulate'));
  await run.click();
  const result = await readJson(await answer, simulateResultSchema);
  await expect(section.getByTestId('simulation-result')).toBeVisible({ timeout: 60_000 });
  return { section, result };
}

test.describe('supervisor', () => {
  test.use({ storageState: authFile('supervisor') });

  test('the simulator shows the presets side by side and its replay equals the recorded stats', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    for (const lang of ['ru', 'en'] as const) {
      await setLanguage(page, lang, baseURL);
      await page.goto('/reports');
      const { section, result } = await runSimulator(page);
      // The replay under the rules in force reproduces what the engine recorded, for the same hours.
      expect(result.method).toBe('lifecycle-replay');
      expect(result.inForce).toMatchObject({
        lapses: result.recorded.lapses,
        cancellations: result.recorded.cancellations,
      });
      expect(result.recorded.lapses).toBeGreaterThan(0);
      const api = await apiAs('supervisor', baseURL);
      const q = new URLSearchParams({
        from: result.coverage.replayedFrom,
        to: result.coverage.replayedTo,
        groupBy: 'day',
      });
      const stats = await getJson(api, `/api/v1/stats/lapses?${q}`, lapseStatsSchema);
      if (result.coverage.workersReplayed === result.coverage.workersInScope) {
        expect(result.inForce.lapses).toBe(stats.rows.reduce((n, r) => n + r.count, 0));
        expect(result.inForce.cancellations).toBe(stats.rows.reduce((n, r) => n + r.cancellations, 0));
      }
      await api.dispose();
      const words = lang === 'ru' ? t.replay : tEn.replay;
      await expect(section.getByTestId('simulation-agreement')).toHaveAttribute('data-agrees', 'true');
      const totals = section.getByTestId('simulation-totals');
      for (const key of ['strict', '121-FZ', 'custom', 'inForce', 'recorded'] as const)
        await expect(totals.getByRole('row', { name: words.rules[key] })).toBeVisible();
      const strictRow = totals.locator('tr[data-rule="strict"]');
      await expect(strictRow).toContainText(String(result.presets.strict.cancellations));
      await expect(section.getByTestId('simulation-days').locator('tbody tr')).toHaveCount(
        result.days.length,
      );
      await expect(section.getByTestId('simulation-coverage')).toBeVisible();
      await section.scrollIntoViewIfNeeded();
      await saveScreenshots(page, `policy-simulator-${lang}`);
    }
  });

  test('switching to the 121-FZ preset shows the rule in words', async ({ page, baseURL }) => {
    for (const [lang, preset] of [
      ['ru', '121-FZ'],
      ['en', 'strict'],
    ] as const) {
      await setLanguage(page, lang, baseURL);
      await page.goto('/reports');
      const d = lang === 'ru' ? t.pages.policy : tEn.pages.policy;
      const form = page.locator('section[aria-labelledby="policy-edit-title"]');
      const select = form.getByLabel(d.preset);
      await waitForHydration(select);
      await select.selectOption(preset);
      await form
        .getByLabel(d.note)
        .fill(lang === 'ru' ? 'Переход на правило 121-ФЗ' : 'Back to the strict reading');
      await form.getByRole('button', { name: d.save }).click();
      await page.getByRole('dialog').getByRole('button', { name: d.save }).click();
      const expected = describePolicyRule({ ...DEFAULT_POLICY, ...PRESETS[preset] }, lang);
      const words = page.getByTestId('policy-rule-words');
      for (const line of expected) await expect(words).toContainText(line);
      if (preset === '121-FZ') {
        await words.scrollIntoViewIfNeeded();
        await saveScreenshots(page, `policy-121fz-${lang}`);
      }
    }
  });
});

test.describe('officer', () => {
  test.use({ storageState: authFile('officer') });

  test('a cancelled worker’s file says which rule cancelled them, with the version’s numbers', async ({
    page,
    baseURL,
  }) => {
    const api = await apiAs('officer', baseURL);
    const page1 = await getJson(api, '/api/v1/lapses?limit=100', lapsesPageSchema);
    await api.dispose();
    const cancelled = page1.items.find((l) => l.causedCancellation);
    expect(cancelled, 'the seeded data holds a cancellation in the officer’s okrugs').toBeTruthy();
    for (const lang of ['ru', 'en'] as const) {
      await setLanguage(page, lang, baseURL);
      await page.goto(`/workers/${cancelled!.workerId}`);
      const head =
        lang === 'ru'
          ? /Регистрация аннулирована по версии политики \d+/
          : /Cancelled under policy version \d+/;
      const text = page.getByText(head).first();
      await expect(text).toBeVisible();
      // The rule is named with its numbers: the 15-minute threshold or the working days.
      await expect(text).toContainText(lang === 'ru' ? /мин|рабоч/ : /min|working day/);
      await text.scrollIntoViewIfNeeded();
      await saveScreenshots(page, `worker-cancel-rule-${lang}`);
    }
  });
});
