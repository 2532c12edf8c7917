// Journey 8: every page passes axe (WCAG 2.1 A/AA) with no serious or critical violations, and the
// run saves a 1440x900 screenshot of each page (e2e/screenshots/<name>.png, plus <name>-full.png
// when the page is taller than the window) for people to look at.
import { expect, test, type Page } from '@playwright/test';
import { lapsesPageSchema } from '../lib/api/lapses';
import { workersPageSchema } from '../lib/api/workers';
import { authFile, type AccountKey } from './helpers/accounts';
import { apiAs, getJson } from './helpers/api';
import { expectNoSeriousA11yViolations } from './helpers/axe';
import { admin, signIn, t } from './helpers/i18n';
import { waitForHydration } from './helpers/hydration';
import { saveScreenshots } from './helpers/screenshot';

interface PageCase {
  name: string;
  as: AccountKey | null;
  /** Path, or how to find it (ids come from the API). */
  path: (ids: Ids) => string;
  ready: (page: Page) => Promise<void>;
}

interface Ids {
  workerId: string;
  lapseId: string;
}

async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]'), 'no part of the page is still loading').toHaveCount(0);
}

async function tableLoaded(page: Page) {
  await expect(page.getByRole('table').first().locator('tbody tr').first()).toBeVisible();
  await settled(page);
}

const PAGES: PageCase[] = [
  {
    name: 'sign-in',
    as: null,
    path: () => '/sign-in',
    ready: async (page) => {
      await waitForHydration(page.getByRole('button', { name: signIn.submit }));
    },
  },
  {
    name: 'map',
    as: 'officer',
    path: () => '/',
    ready: async (page) => {
      // The "in view" count appears once the first clusters answer is drawn.
      await expect(page.getByRole('region', { name: t.map.counters.label })).toBeVisible();
      await expect(page.getByText(t.map.inView.replace('{count}', ''))).toBeVisible();
      await expect(page.getByText(t.map.updating)).toHaveCount(0);
    },
  },
  {
    name: 'lapses',
    as: 'supervisor',
    path: () => '/lapses',
    ready: tableLoaded,
  },
  {
    name: 'lapses-detail',
    as: 'supervisor',
    path: ({ lapseId }) => `/lapses?state=all&lapse=${lapseId}`,
    ready: async (page) => {
      await expect(page.getByRole('heading', { name: t.pages.lapse.evidence })).toBeVisible();
      await tableLoaded(page);
    },
  },
  {
    name: 'workers',
    as: 'supervisor',
    path: () => '/workers',
    ready: tableLoaded,
  },
  {
    name: 'worker',
    as: 'supervisor',
    path: ({ workerId }) => `/workers/${workerId}`,
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('heading', { name: t.pages.worker.history })).toBeVisible();
      await settled(page);
    },
  },
  {
    name: 'reports',
    as: 'supervisor',
    path: () => '/reports',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 1, name: t.pages.reports.title })).toBeVisible();
      await expect(page.getByText(t.pages.policy.current).first()).toBeVisible();
      await expect(page.locator('.recharts-surface').first()).toBeVisible();
      await settled(page);
    },
  },
  {
    name: 'audit',
    as: 'auditor',
    path: () => '/audit',
    ready: tableLoaded,
  },
  {
    name: 'admin',
    as: 'admin',
    path: () => '/admin',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 1, name: admin.title })).toBeVisible();
      await tableLoaded(page);
    },
  },
  {
    name: 'not-found',
    as: 'officer',
    path: () => '/no-such-page',
    ready: async (page) => {
      await expect(page.getByRole('heading', { name: t.errors.notFoundTitle })).toBeVisible();
    },
  },
];

let ids: Ids;

test.beforeAll(async ({ baseURL }) => {
  const api = await apiAs('supervisor', baseURL);
  const workers = await getJson(
    api,
    '/api/v1/workers?status=interrupted,cancelled&limit=1',
    workersPageSchema,
  );
  const lapses = await getJson(api, '/api/v1/lapses?limit=1', lapsesPageSchema);
  await api.dispose();
  const workerId = workers.items[0]?.id;
  const lapseId = lapses.items[0]?.id;
  if (!workerId || !lapseId) throw new Error('the seed has no worker with a lapse');
  ids = { workerId, lapseId };
});

for (const c of PAGES) {
  test(`${c.name}: no serious accessibility violations; screenshot`, async ({ browser }) => {
    const context = await browser.newContext(c.as ? { storageState: authFile(c.as) } : {});
    const page = await context.newPage();
    try {
      await page.goto(c.path(ids));
      await c.ready(page);
      await saveScreenshots(page, c.name);
      await expectNoSeriousA11yViolations(page, c.name);
    } finally {
      await context.close();
    }
  });
}

test('api docs (from the navigation): no serious accessibility violations; screenshot', async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: authFile('admin') });
  const page = await context.newPage();
  try {
    await page.goto('/admin');
    const link = page
      .getByRole('navigation', { name: t.nav.label })
      .getByRole('link', { name: t.nav.apiDocs });
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();
    await page.goto(href ?? '/');
    await expect(page.getByRole('heading', { level: 1, name: t.nav.apiDocs })).toBeVisible();
    await saveScreenshots(page, 'api-docs');
    await expectNoSeriousA11yViolations(page, 'api-docs');
  } finally {
    await context.close();
  }
});
