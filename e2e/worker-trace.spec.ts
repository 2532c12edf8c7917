// Journey 5: a supervisor opens a worker's movement trace, which needs a stated reason; an auditor
// then finds that read, with the reason, in the audit log.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { traceSchema } from '../lib/api/workers';
import { formatTime } from '../lib/format/date';
import { ACCOUNTS, authFile } from './helpers/accounts';
import { fill, t } from './helpers/i18n';
import { waitForHydration } from './helpers/hydration';
import { saveScreenshots } from './helpers/screenshot';

const p = t.pages.trace;
const m = t.placeMap;

/** The declared address marker is the topmost thing at its own centre: no lapse mark covers it. */
async function expectAddressOnTop(page: Page, map: Locator): Promise<void> {
  const address = map.locator('.rw-place-address');
  await address.scrollIntoViewIfNeeded();
  await expect(address).toBeVisible();
  const box = await address.boundingBox();
  if (!box) throw new Error('the address marker has no box');
  const onTop = await page.evaluate(
    ({ x, y }) => Boolean(document.elementFromPoint(x, y)?.closest('.rw-place-address')),
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
  expect(onTop, 'the declared address is drawn above every other mark').toBe(true);
}

test('the worker file shows the declared address above the lapse places on the real map', async ({
  browser,
}) => {
  const supervisor = await browser.newContext({ storageState: authFile('supervisor') });
  const page = await supervisor.newPage();
  // A cancelled registration comes from a lapse, so its worker has at least one lapse place.
  await page.goto('/workers?status=cancelled');
  const firstWorker = page.getByRole('table').getByRole('link').first();
  await waitForHydration(firstWorker);
  await firstWorker.click();
  await expect(page).toHaveURL(/\/workers\/[0-9a-f-]{36}$/);
  const map = page.getByRole('region', { name: m.regionLabel });
  await expect(map).toBeVisible();
  // The same basemap as the map page (drawn by Leaflet), not a static sketch.
  await expect(
    map.locator('.leaflet-rw-basemap-pane canvas, .leaflet-rw-basemap-pane path').first(),
  ).toBeAttached();
  await expect(map.locator('.rw-place-lapse').first()).toBeAttached();
  await expectAddressOnTop(page, map);
  await map.scrollIntoViewIfNeeded();
  await saveScreenshots(page, 'worker-places-map');
  await supervisor.close();
});

test('a trace opens only with a reason, and the auditor finds the reason in the audit log', async ({
  browser,
}) => {
  const reason = `Проверка жалобы, обращение № E2E-${Date.now()}`;

  const supervisor = await browser.newContext({ storageState: authFile('supervisor') });
  const page = await supervisor.newPage();
  await page.goto('/workers?status=active');
  const firstWorker = page.getByRole('table').getByRole('link').first();
  await waitForHydration(firstWorker);
  await firstWorker.click();
  await expect(page).toHaveURL(/\/workers\/[0-9a-f-]{36}$/);
  const workerId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await saveScreenshots(page, 'worker');

  const open = page.getByRole('button', { name: p.button });
  await waitForHydration(open);
  await open.click();
  const dialog = page.getByRole('dialog', { name: p.title });
  await expect(dialog).toBeVisible();
  const reasonBox = dialog.getByRole('textbox', { name: p.reason });
  await expect(reasonBox).toBeVisible();

  let traceCalls = 0;
  page.on('request', (r) => {
    if (r.url().includes(`/api/v1/workers/${workerId}/trace`)) traceCalls++;
  });
  await reasonBox.fill('abc');
  await dialog.getByRole('button', { name: p.submit }).click();
  await expect(dialog.getByText(p.reasonError)).toBeVisible();
  expect(traceCalls, 'no trace request without a proper reason').toBe(0);

  await reasonBox.fill(reason);
  const traced = page.waitForResponse((r) => r.url().includes(`/api/v1/workers/${workerId}/trace`));
  await dialog.getByRole('button', { name: p.submit }).click();
  const response = await traced;
  expect(response.status()).toBe(200);
  const trace = traceSchema.parse(await response.json());
  expect(new URL(response.url()).searchParams.get('reason')).toBe(reason);
  await expect(dialog.getByRole('status')).toHaveText(fill(p.recorded, { reason }));
  // An active worker's phone reports every few minutes, so there are fixes to show.
  await expect(dialog.getByRole('table', { name: p.caption })).toBeVisible();
  await expect(dialog.getByRole('table', { name: p.caption }).getByRole('row').nth(1)).toBeVisible();
  // The trace on the real map, fitted to the fixes, with time along it: start and end labels
  // carry the first and last fix's time, and the legend spans the same period.
  const traceMap = dialog.getByRole('region', { name: m.traceLabel });
  await expect(traceMap).toBeVisible();
  const first = trace.fixes[0];
  const last = trace.fixes[trace.fixes.length - 1];
  if (!first || !last) throw new Error('the trace has fixes');
  await expect(traceMap.locator('.rw-trace-start')).toHaveText(
    fill(m.start, { time: formatTime(first.time) }),
  );
  await expect(traceMap.locator('.rw-trace-end')).toHaveText(fill(m.end, { time: formatTime(last.time) }));
  await expect(dialog.getByTestId('trace-time-scale')).toBeVisible();
  await expectAddressOnTop(page, traceMap);
  await saveScreenshots(page, 'worker-trace');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await supervisor.close();

  const auditor = await browser.newContext({ storageState: authFile('auditor') });
  const log = await auditor.newPage();
  await log.goto('/audit');
  await expect(log.getByRole('heading', { level: 1, name: t.pages.audit.title })).toBeVisible();
  const action = log.getByLabel(t.pages.audit.action);
  await waitForHydration(action);
  await action.selectOption('worker.trace');
  await expect(log).toHaveURL(/[?&]action=worker\.trace/);
  const row = log.getByRole('row').filter({ hasText: reason });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(ACCOUNTS.supervisor.name);
  await expect(row).toContainText(t.pages.audit.actions['worker.trace']);
  // The entry names the worker (by name, the id on hover) and links to their file.
  await expect(row.locator(`a[href*="${workerId}"]`)).toBeVisible();
  await auditor.close();
});
