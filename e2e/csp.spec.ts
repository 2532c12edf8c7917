// The nonce-based Content-Security-Policy (proxy.ts) must not break the app: the signed-in map page
// hydrates, draws the map and loads its clusters, and the browser reports no policy violation.
import { expect, test, type Page } from '@playwright/test';
import { authFile } from './helpers/accounts';
import { isAddressClusters } from './helpers/map';

test.use({ storageState: authFile('supervisor') });

/** Collects console errors and CSP violation reports from the moment the page starts loading. */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

test('the signed-in map works under the nonce CSP with no violations', async ({ page }) => {
  const problems = watchForViolations(page);
  const clusters = page.waitForResponse(isAddressClusters);
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
  expect((await clusters).ok()).toBe(true);
  await expect(page.locator('.leaflet-container')).toBeVisible();
  // The marks are painted on one canvas; the map container counts each draw with data.
  await expect(page.locator('.leaflet-container[data-clusters-drawn]')).toBeVisible();
  // Client-side navigation runs React and the router's scripts.
  await page.locator('a[href="/workers"]').first().click();
  await expect(page).toHaveURL(/\/workers/);
  expect(problems).toEqual([]);
});
