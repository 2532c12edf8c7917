// Journey 1: each role sees only its own sections; a wrong password is refused with a message;
// sign-out ends the session and every protected page sends the browser back to /sign-in.
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, authFile, DEMO_PASSWORD, type AccountKey } from './helpers/accounts';
import { exact, signIn, t } from './helpers/i18n';
import { fillSignInForm, signInAs } from './helpers/sign-in';

type Section = 'map' | 'lapses' | 'workers' | 'reports' | 'audit' | 'admin' | 'apiDocs';
const ALL: readonly Section[] = ['map', 'lapses', 'workers', 'reports', 'audit', 'admin', 'apiDocs'];

// Who may use what (DESIGN.md §2): officers and supervisors work cases; auditors read the log and
// reports; admins manage accounts and read the log.
const SECTIONS: Record<AccountKey, { home: string; sections: readonly Section[] }> = {
  officer: { home: '/', sections: ['map', 'lapses', 'workers', 'reports'] },
  officer2: { home: '/', sections: ['map', 'lapses', 'workers', 'reports'] },
  supervisor: { home: '/', sections: ['map', 'lapses', 'workers', 'reports'] },
  auditor: { home: '/audit', sections: ['reports', 'audit'] },
  admin: { home: '/admin', sections: ['audit', 'admin', 'apiDocs'] },
};

function nav(page: Page) {
  return page.getByRole('navigation', { name: t.nav.label });
}

for (const key of ['officer', 'supervisor', 'auditor', 'admin'] as const) {
  test.describe(`as ${key}`, () => {
    test.use({ storageState: authFile(key) });

    test('lands on the role home and the navigation shows only its sections', async ({ page }) => {
      const { home, sections } = SECTIONS[key];
      await page.goto('/');
      await expect(page).toHaveURL((url) => url.pathname === home);
      const links = nav(page).getByRole('link');
      await expect(links).toHaveText(sections.map((s) => exact(t.nav[s])));
      for (const hidden of ALL.filter((s) => !sections.includes(s))) {
        await expect(nav(page).getByRole('link', { name: t.nav[hidden] })).toHaveCount(0);
      }
      const banner = page.getByRole('banner');
      await expect(banner).toContainText(ACCOUNTS[key].name);
      await expect(banner).toContainText(t.roles[ACCOUNTS[key].role]);
    });
  });
}

test.describe('role limits', () => {
  test('an officer who types /audit or /admin gets a 403 page inside the shell', async ({ browser }) => {
    const context = await browser.newContext({ storageState: authFile('officer') });
    const page = await context.newPage();
    for (const path of ['/audit', '/admin']) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: t.errors.forbiddenTitle })).toBeVisible();
    }
    expect((await page.request.get('/api/v1/audit')).status()).toBe(403);
    await context.close();
  });

  test('an auditor cannot open the lapse queue or a worker list', async ({ browser }) => {
    const context = await browser.newContext({ storageState: authFile('auditor') });
    const page = await context.newPage();
    for (const path of ['/lapses', '/workers']) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: t.errors.forbiddenTitle })).toBeVisible();
    }
    expect((await page.request.get('/api/v1/workers')).status()).toBe(403);
    await context.close();
  });
});

test.describe('signed out', () => {
  test('a wrong password shows an error and stays on the sign-in page', async ({ page }) => {
    await page.goto('/sign-in');
    await fillSignInForm(page, 'officer', 'not-the-password-at-all');
    await expect(page.getByRole('alert').filter({ hasText: signIn.invalid })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    // The password field is emptied and focused for the next try.
    await expect(page.getByLabel(signIn.password)).toBeFocused();
    await expect(page.getByLabel(signIn.password)).toHaveValue('');
  });

  test('empty fields are named before anything is sent', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: signIn.submit }).click();
    await expect(page.getByText(signIn.required)).toHaveCount(2);
    await expect(page.getByLabel(signIn.username)).toBeFocused();
  });

  test('a protected page sends the browser to sign in and back to that page afterwards', async ({ page }) => {
    await page.goto('/workers?status=active');
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await fillSignInForm(page, 'supervisor', DEMO_PASSWORD);
    await expect(page).toHaveURL(
      (url) => url.pathname === '/workers' && url.searchParams.get('status') === 'active',
    );
    await expect(page.getByRole('heading', { level: 1, name: t.pages.workers.title })).toBeVisible();
  });

  test('sign out returns to /sign-in and protected pages redirect there', async ({ page }) => {
    // A fresh session: the saved ones are shared with other tests and must stay valid.
    await signInAs(page, 'officer');
    await expect(page).toHaveURL((url) => url.pathname === '/');
    await page.getByRole('banner').getByRole('button', { name: t.shell.signOut }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/sign-in');
    await expect(page.getByRole('form', { name: signIn.title })).toBeVisible();

    for (const path of ['/', '/lapses', '/workers', '/reports']) {
      await page.goto(path);
      await expect(page, `${path} after sign-out`).toHaveURL(/\/sign-in/);
    }
    expect((await page.request.get('/api/v1/workers')).status()).toBe(401);
  });
});
