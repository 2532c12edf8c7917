// Journey 6: an officer's okrug scope (TsAO, ZAO) holds everywhere. A worker of YuAO cannot be opened
// through the UI or the API, and list filters and answers never reach other okrugs. officer2 (YuAO)
// is the positive control: the same worker opens for them, so the refusal is the scope at work.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { lapsesPageSchema } from '../lib/api/lapses';
import { clustersResponseSchema } from '../lib/api/map';
import { workersPageSchema, type WorkerListItem } from '../lib/api/workers';
import { ACCOUNTS, authFile } from './helpers/accounts';
import { apiAs, getJson } from './helpers/api';
import { t } from './helpers/i18n';
import { waitForHydration } from './helpers/hydration';

const OWN = ACCOUNTS.officer.okrugs;
const OWN_SHORT = ['ЦАО', 'ЗАО'];
const OTHER = 'YuAO';
const MOSCOW_REGION_BBOX = '35.1,54.2,40.2,56.96';

let outsider: WorkerListItem;
let outsiderLapseId: string;

test.beforeAll(async ({ baseURL }) => {
  const api = await apiAs('supervisor', baseURL);
  const workers = await getJson(api, `/api/v1/workers?okrug=${OTHER}&limit=1`, workersPageSchema);
  const lapses = await getJson(api, `/api/v1/lapses?okrug=${OTHER}&limit=1`, lapsesPageSchema);
  await api.dispose();
  const [worker] = workers.items;
  const [lapse] = lapses.items;
  if (!worker || !lapse) throw new Error(`the seed has no worker or lapse in ${OTHER}`);
  outsider = worker;
  outsiderLapseId = lapse.id;
});

async function expectNotFound(api: APIRequestContext, path: string) {
  const response = await api.get(path);
  expect(response.status(), `${path} as officer`).toBe(404);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  const body = await response.text();
  expect(body, 'the refusal reveals nothing about the worker').not.toContain(outsider.fullNameLatin);
}

test.describe('officer (TsAO, ZAO)', () => {
  test.use({ storageState: authFile('officer') });

  test('the worker page of a YuAO worker shows not-found and no personal data', async ({ page }) => {
    const res = await page.goto(`/workers/${outsider.id}`);
    // A real 404, the same answer as for a worker that does not exist, so existence does not leak.
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: t.errors.notFoundTitle })).toBeVisible();
    await expect(page.getByText(outsider.fullNameLatin)).toHaveCount(0);
    if (outsider.fullNameCyrillic) await expect(page.getByText(outsider.fullNameCyrillic)).toHaveCount(0);
    await expect(page.getByRole('button', { name: t.pages.trace.button })).toHaveCount(0);
  });

  test('the API answers 404 for that worker, its trace and its lapses', async ({ page }) => {
    await expectNotFound(page.request, `/api/v1/workers/${outsider.id}`);
    await expectNotFound(
      page.request,
      `/api/v1/workers/${outsider.id}/trace?reason=${encodeURIComponent('Проверка доступа')}`,
    );
    await expectNotFound(page.request, `/api/v1/lapses/${outsiderLapseId}`);
  });

  test('lists, search and map answers stay inside TsAO and ZAO', async ({ page }) => {
    const asked = await getJson(page.request, `/api/v1/workers?okrug=${OTHER}`, workersPageSchema);
    expect(asked.items, 'asking for YuAO explicitly returns nobody').toEqual([]);
    const byName = await getJson(
      page.request,
      `/api/v1/workers?q=${encodeURIComponent(outsider.fullNameLatin)}`,
      workersPageSchema,
    );
    expect(byName.items.map((w) => w.id)).not.toContain(outsider.id);
    const all = await getJson(page.request, '/api/v1/workers?limit=200', workersPageSchema);
    expect(all.items.length).toBeGreaterThan(0);
    for (const w of all.items)
      expect(OWN, `okrug of worker ${w.id} in the officer's list`).toContain(w.okrug);
    const lapses = await getJson(page.request, `/api/v1/lapses?okrug=${OTHER}`, lapsesPageSchema);
    expect(lapses.items).toEqual([]);
    const map = await getJson(
      page.request,
      `/api/v1/map/clusters?bbox=${MOSCOW_REGION_BBOX}&zoom=9&layer=addresses&okrug=${OTHER}`,
      clustersResponseSchema,
    );
    expect(map.total, 'YuAO workers on the officer map').toBe(0);
  });

  test('filters offer only TsAO and ZAO, and the list shows only them', async ({ page }) => {
    await page.goto('/workers');
    const okrug = page.getByLabel(t.pages.workers.okrug);
    await waitForHydration(okrug);
    const values = await okrug
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o instanceof HTMLOptionElement ? o.value : '')));
    expect(values).toEqual(['', ...OWN]);
    // The okrug column found by its header, so a new column elsewhere does not move the check.
    const headers = await page.getByRole('table').locator('thead th').allInnerTexts();
    const okrugColumn = headers.findIndex((h) => h.trim() === t.pages.workers.columns.okrug) + 1;
    expect(okrugColumn).toBeGreaterThan(0);
    const okrugCells = page.getByRole('table').locator(`tbody tr td:nth-child(${okrugColumn})`);
    await expect(okrugCells.first()).toBeVisible();
    for (const text of await okrugCells.allInnerTexts()) expect(OWN_SHORT).toContain(text.trim());

    await page.goto('/lapses?state=all');
    const lapseOkrug = page.getByLabel(t.pages.lapses.okrug);
    const lapseValues = await lapseOkrug
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o instanceof HTMLOptionElement ? o.value : '')));
    expect(lapseValues).toEqual(['', ...OWN]);

    await page.goto('/');
    const mapOkrugs = page
      .getByRole('region', { name: t.map.filters.title })
      .getByRole('group', { name: t.map.filters.okrug });
    await expect(mapOkrugs.getByRole('checkbox')).toHaveCount(OWN.length);
    await expect(mapOkrugs).toContainText(OWN_SHORT[0] ?? '');
    await expect(mapOkrugs).toContainText(OWN_SHORT[1] ?? '');
  });
});

test.describe('officer2 (YuAO)', () => {
  test.use({ storageState: authFile('officer2') });

  test('opens the same worker: the refusal above is the scope, not missing data', async ({ page }) => {
    const response = await page.request.get(`/api/v1/workers/${outsider.id}`);
    expect(response.status()).toBe(200);
    await page.goto(`/workers/${outsider.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(outsider.fullNameLatin);
  });
});
