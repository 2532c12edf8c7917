// Journey 5: a supervisor opens a worker's movement trace, which needs a stated reason; an auditor
// then finds that read, with the reason, in the audit log.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, authFile } from './helpers/accounts';
import { fill, t } from './helpers/i18n';
import { waitForHydration } from './helpers/hydration';
import { saveScreenshots } from './helpers/screenshot';

const p = t.pages.trace;

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
  expect(new URL(response.url()).searchParams.get('reason')).toBe(reason);
  await expect(dialog.getByRole('status')).toHaveText(fill(p.recorded, { reason }));
  // An active worker's phone reports every few minutes, so there are fixes to show.
  await expect(dialog.getByRole('table', { name: p.caption })).toBeVisible();
  await expect(dialog.getByRole('table', { name: p.caption }).getByRole('row').nth(1)).toBeVisible();
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
