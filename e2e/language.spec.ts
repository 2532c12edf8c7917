// Journey 7: the interface switches to English and stays English after a reload (a cookie for a
// year); switching back restores Russian.
import { expect, test } from '@playwright/test';
import { authFile } from './helpers/accounts';
import { t, tEn } from './helpers/i18n';
import { waitForHydration } from './helpers/hydration';
import { saveScreenshots } from './helpers/screenshot';

test.use({ storageState: authFile('supervisor') });

test('switching to English persists across a reload', async ({ page }) => {
  await page.goto('/lapses');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  const switcher = page.getByRole('group', { name: t.shell.language });
  const english = switcher.getByRole('button', { name: /English/ });
  await waitForHydration(english);
  await expect(english).toHaveAttribute('aria-pressed', 'false');
  await english.click();

  const nav = page.getByRole('navigation', { name: tEn.nav.label });
  await expect(nav.getByRole('link', { name: tEn.nav.lapses })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: tEn.pages.lapses.title })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: tEn.pages.lapses.title })).toBeVisible();
  const enSwitch = page.getByRole('group', { name: tEn.shell.language });
  await expect(enSwitch.getByRole('button', { name: /English/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('banner')).toContainText(tEn.roles.supervisor);
  await expect(page.getByRole('banner').getByRole('button', { name: tEn.shell.signOut })).toBeVisible();
  await expect(page.getByRole('banner')).not.toContainText(t.shell.signOut);

  await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
  await saveScreenshots(page, 'lapses-en');

  const russian = enSwitch.getByRole('button', { name: /Русский/ });
  await waitForHydration(russian);
  await russian.click();
  await expect(page.getByRole('navigation', { name: t.nav.label })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});
