// Signing in through the real form, as a person would.
import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './accounts';
import { waitForHydration } from './hydration';
import { signIn } from './i18n';

export async function fillSignInForm(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: signIn.title });
  await waitForHydration(form.getByRole('button', { name: signIn.submit }));
  await form.getByLabel(signIn.username).fill(username);
  await form.getByLabel(signIn.password).fill(password);
  await form.getByRole('button', { name: signIn.submit }).click();
}

/** Opens /sign-in (or `from`, which redirects there), signs in and waits to leave the sign-in page. */
export async function signInAs(page: Page, username: string, from = '/sign-in'): Promise<void> {
  await page.goto(from);
  await expect(page).toHaveURL(/\/sign-in/);
  await fillSignInForm(page, username, DEMO_PASSWORD);
  // 'commit': the landing page need not finish loading its data for the session to exist.
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { waitUntil: 'commit' });
}
