// Signs in once per demo account through the sign-in form and saves each browser state for the
// journeys (e2e/.auth, gitignored). Each sign-in also checks the account lands on its role's home.
import { expect, test as setup } from '@playwright/test';
import { ACCOUNT_KEYS, ACCOUNTS, authFile, type AccountKey } from './helpers/accounts';
import { signInAs } from './helpers/sign-in';

const HOME: Record<AccountKey, string> = {
  officer: '/',
  officer2: '/',
  supervisor: '/',
  auditor: '/audit',
  admin: '/admin',
};

for (const key of ACCOUNT_KEYS) {
  setup(`sign in as ${key}`, async ({ page }) => {
    const account = ACCOUNTS[key];
    await signInAs(page, account.username);
    await expect(page).toHaveURL((url) => url.pathname === HOME[key]);
    await expect(page.getByRole('banner')).toContainText(account.name);
    await page.context().storageState({ path: authFile(key) });
  });
}
