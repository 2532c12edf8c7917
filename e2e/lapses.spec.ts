// Journeys 3 and 4: the lapse queue. An officer moves through the queue with j/k, opens a lapse,
// reviews it (a short note is refused first) and sees it reviewed. A supervisor reviews a lapse that
// cancelled a registration as technical, reinstates the registration and finds the worker active.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { lapseDetailSchema, lapsesPageSchema, type LapseDetail } from '../lib/api/lapses';
import { authFile } from './helpers/accounts';
import { getJson } from './helpers/api';
import { waitForHydration } from './helpers/hydration';
import { escapeRegExp, fill, t } from './helpers/i18n';
import { saveScreenshots } from './helpers/screenshot';

const p = t.pages.lapse;

function queueLinks(page: Page): Locator {
  const prefix = escapeRegExp(fill(t.pages.lapses.openDetail, { name: '' }));
  return page.getByRole('table').getByRole('link', { name: new RegExp(`^${prefix}`) });
}

async function lapseIdOf(link: Locator): Promise<string> {
  const href = await link.getAttribute('href');
  const id = href ? new URL(href, 'http://x').searchParams.get('lapse') : null;
  expect(id, 'each queue row links to ?lapse=<id>').toBeTruthy();
  return id ?? '';
}

function lapseIdInUrl(page: Page): string | null {
  return new URL(page.url()).searchParams.get('lapse');
}

function reviewForm(page: Page): Locator {
  return page.getByRole('form', { name: p.review });
}

test.describe('officer', () => {
  test.use({ storageState: authFile('officer') });

  test('moves with j/k, opens with Enter, closes with Escape, reviews with r', async ({ page }) => {
    await page.goto('/lapses');
    await expect(page.getByRole('heading', { level: 1, name: t.pages.lapses.title })).toBeVisible();
    const links = queueLinks(page);
    await expect(links.nth(1), 'at least two unreviewed lapses in TsAO/ZAO').toBeVisible();
    const [first, second] = [links.nth(0), links.nth(1)];
    const firstId = await lapseIdOf(first);
    await waitForHydration(first);

    // The queue's key handler is attached by an effect just after hydration: retry the first press.
    await expect(async () => {
      await page.evaluate(() => {
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      });
      await page.keyboard.press('j');
      await expect(first).toBeFocused({ timeout: 500 });
    }).toPass();
    await page.keyboard.press('j');
    await expect(second).toBeFocused();
    await page.keyboard.press('k');
    await expect(first).toBeFocused();

    await page.keyboard.press('Enter');
    await expect.poll(() => lapseIdInUrl(page)).toBe(firstId);
    // Soft: report a lost focus but still check Escape and r below.
    await expect
      .soft(page.locator('#lapse-panel-title'), 'Enter moves the focus to the opened lapse')
      .toBeFocused();
    await page.keyboard.press('Escape');
    await expect.poll(() => lapseIdInUrl(page)).toBeNull();
    await expect(page.locator('#lapse-panel-title')).toHaveCount(0);
    await expect(first).toBeFocused();

    await page.keyboard.press('r');
    await expect.poll(() => lapseIdInUrl(page)).toBe(firstId);
    const form = reviewForm(page);
    await expect(form.getByRole('radio', { name: t.reviewDecision.technical })).toBeFocused();
  });

  test('reviews a lapse: a short note is refused, then the decision is recorded', async ({ page }) => {
    await page.goto('/lapses');
    const link = queueLinks(page).first();
    const lapseId = await lapseIdOf(link);
    await waitForHydration(link);
    await link.click();
    await expect.poll(() => lapseIdInUrl(page)).toBe(lapseId);
    const form = reviewForm(page);
    await expect(form).toBeVisible();
    await expect(page.getByRole('heading', { name: p.evidence })).toBeVisible();

    let posted = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes(`/api/v1/lapses/${lapseId}/review`)) posted++;
    });
    await form.getByRole('radio', { name: t.reviewDecision.excused }).check();
    const note = form.getByRole('textbox', { name: p.note });
    await note.fill('Коротко');
    await form.getByRole('button', { name: p.submit }).click();
    await expect(form.getByText(p.errors.note)).toBeVisible();
    await expect(note).toHaveAttribute('aria-invalid', 'true');
    expect(posted, 'nothing is sent while the note is too short').toBe(0);

    const text = `Работник лежал в больнице, справка №${Date.now() % 100000} приложена.`;
    await note.fill(text);
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/v1/lapses/${lapseId}/review`),
    );
    await form.getByRole('button', { name: p.submit }).click();
    expect((await saved).status()).toBe(200);

    const panel = page.getByRole('complementary').filter({ has: page.locator('#lapse-panel-title') });
    await expect(panel.getByRole('status').first()).toHaveText(p.saved);
    await expect(panel).toContainText(t.reviewDecision.excused);
    await expect(panel).toContainText(text);
    await expect(panel).toContainText(p.reviewLocked);
    await expect(reviewForm(page)).toHaveCount(0);
    await saveScreenshots(page, 'lapses-reviewed');

    // It left the unreviewed queue and shows its decision among the reviewed ones.
    await expect(page.locator(`table a[href*="lapse=${lapseId}"]`)).toHaveCount(0);
    await page.getByLabel(t.pages.lapses.stateLabel).selectOption('reviewed');
    await expect(page).toHaveURL(/[?&]state=reviewed/);
    const row = page.getByRole('row').filter({ has: page.locator(`a[href*="lapse=${lapseId}"]`) });
    await expect(row).toContainText(t.reviewDecision.excused);
  });
});

test.describe('supervisor', () => {
  test.use({ storageState: authFile('supervisor') });

  /** An unreviewed lapse whose registration it cancelled and that nothing has replaced since. */
  async function findCancellingLapse(page: Page): Promise<LapseDetail> {
    const queue = await getJson(page.request, '/api/v1/lapses?state=unreviewed&limit=200', lapsesPageSchema);
    for (const item of queue.items.filter((l) => l.causedCancellation && !l.voidedAt)) {
      const lapse = await getJson(page.request, `/api/v1/lapses/${item.id}`, lapseDetailSchema);
      const reg = lapse.registration;
      if (
        reg.status === 'cancelled' &&
        reg.cancelLapseId === lapse.id &&
        lapse.worker.status === 'cancelled'
      ) {
        return lapse;
      }
    }
    throw new Error('the seed has no unreviewed lapse that cancelled a still-cancelled registration');
  }

  test('reviews a cancelling lapse as technical and reinstates the registration', async ({ page }) => {
    const lapse = await findCancellingLapse(page);
    await page.goto(`/lapses?worker=${lapse.workerId}`);
    const row = page.getByRole('row').filter({ has: page.locator(`a[href*="lapse=${lapse.id}"]`) });
    await expect(row).toContainText(t.pages.lapses.causedCancellation);
    await waitForHydration(row.getByRole('link').first());
    await row.getByRole('link').first().click();
    await expect.poll(() => lapseIdInUrl(page)).toBe(lapse.id);

    const form = reviewForm(page);
    await form.getByRole('radio', { name: t.reviewDecision.technical }).check();
    await form
      .getByRole('textbox', { name: p.note })
      .fill('Батарея разрядилась: телефон выключился сам, это не уклонение.');
    const reviewed = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/v1/lapses/${lapse.id}/review`),
    );
    await form.getByRole('button', { name: p.submit }).click();
    expect((await reviewed).status()).toBe(200);

    const reinstate = page.getByRole('region', { name: p.reinstate.title });
    await expect(reinstate).toBeVisible();
    await reinstate.getByRole('button', { name: p.reinstate.action }).click();
    const dialog = page.getByRole('dialog', { name: p.reinstate.dialogTitle });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: p.reinstate.confirm }).click();
    await expect(dialog.getByText(p.reinstate.noteError)).toBeVisible();
    await dialog
      .getByRole('textbox', { name: p.reinstate.note })
      .fill('Техническая причина подтверждена разбором.');
    const reinstated = page.waitForResponse(
      (r) =>
        r.request().method() === 'POST' &&
        r.url().endsWith(`/api/v1/registrations/${lapse.registration.id}/reinstate`),
    );
    await dialog.getByRole('button', { name: p.reinstate.confirm }).click();
    expect((await reinstated).status()).toBe(200);
    await expect(dialog).toBeHidden();
    // The panel reloads the lapse: the worker's status is active again and nothing is left to reinstate.
    const panel = page.getByRole('complementary').filter({ has: page.locator('#lapse-panel-title') });
    const workerStatus = panel
      .locator('dt', { hasText: p.workerStatus })
      .locator('xpath=following-sibling::dd[1]');
    await expect(workerStatus).toHaveText(t.status.active);
    await expect(panel.getByRole('button', { name: p.reinstate.action })).toHaveCount(0);
    await saveScreenshots(page, 'lapses-reinstated');

    // The worker's file shows the registration active again and the reinstatement in its history.
    await page.goto(`/workers/${lapse.workerId}`);
    const header = page.locator('header').filter({ has: page.getByRole('heading', { level: 1 }) });
    await expect(header).toContainText(t.status.active);
    await expect(page.getByText(t.pages.worker.eventTypes.reinstated).first()).toBeVisible();
  });
});
