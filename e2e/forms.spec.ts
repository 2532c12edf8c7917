// Forms that help (issue 8, items 5 and 6): every error sits next to its field (aria-invalid +
// aria-describedby) and nothing is sent while a field is wrong; the server's field errors come back
// onto the fields; a role that may not open a page is told so. Screenshots ru and en at 1440x900.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { lapsesPageSchema } from '../lib/api/lapses';
import { officerListSchema } from '../lib/api/officers';
import { policySchema } from '../lib/api/policy';
import { adminStrings } from '../components/admin/admin-strings';
import { formatNumber } from '../lib/format/number';
import { getJson } from './helpers/api';
import { waitForHydration } from './helpers/hydration';
import { fill, t, tEn } from './helpers/i18n';
import { withPage } from './helpers/page-as';
import { saveScreenshots } from './helpers/screenshot';

type Lang = 'ru' | 'en';
const dict = (lang: Lang) => (lang === 'ru' ? t : tEn);

/** The field is marked invalid and its description includes exactly this message. */
async function expectFieldError(page: Page, field: Locator, message: string) {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  expect(texts.map(flat), `aria-describedby of the field names the error "${message}"`).toContain(
    flat(message),
  );
}

/** Counts requests matching `match` while `run` runs. */
async function countRequests(
  page: Page,
  match: (method: string, url: string) => boolean,
  run: () => Promise<void>,
) {
  let count = 0;
  const listener = (r: { method(): string; url(): string }) => {
    if (match(r.method(), r.url())) count += 1;
  };
  page.on('request', listener);
  try {
    await run();
  } finally {
    page.off('request', listener);
  }
  return count;
}

for (const lang of ['ru', 'en'] as const) {
  test(`policy form (${lang}): an out-of-range value is refused next to its field and nothing is saved`, async ({
    browser,
  }) => {
    const d = dict(lang);
    const p = d.pages.policy;
    await withPage(browser, 'supervisor', lang, async (page) => {
      const before = await getJson(page.request, '/api/v1/policy', policySchema);
      await page.goto('/reports');
      const form = page.getByRole('form', { name: p.editTitle });
      const lapseAfter = form.getByRole('spinbutton', { name: new RegExp(`^${p.lapseAfter}`) });
      await waitForHydration(lapseAfter);
      await lapseAfter.fill('5');
      const sent = await countRequests(
        page,
        (method, url) => method === 'PUT' && url.endsWith('/api/v1/policy'),
        async () => {
          await form.getByRole('button', { name: p.save }).click();
          await expectFieldError(
            page,
            lapseAfter,
            fill(p.rangeError, { min: formatNumber(lang, 60), max: formatNumber(lang, 86_400) }),
          );
          await expect(form.getByRole('alert')).toHaveText(d.forms.fixFields);
          await expect(page.getByRole('dialog')).toHaveCount(0);
        },
      );
      expect(sent, 'no PUT while a field is invalid').toBe(0);
      await saveScreenshots(page, `forms-policy-invalid-${lang}`);
      const after = await getJson(page.request, '/api/v1/policy', policySchema);
      expect(after.version).toBe(before.version);
    });
  });
}

test('admin creates an officer: a bad password is refused next to the field, fixed, then the officer is listed; a taken username comes back from the server onto its field', async ({
  browser,
}) => {
  for (const lang of ['ru', 'en'] as const) {
    const d = dict(lang);
    const s = adminStrings(lang);
    await withPage(browser, 'admin', lang, async (page) => {
      const username = `e2e.${lang}.${Date.now().toString(36)}`;
      await page.goto('/admin');
      const create = page.getByRole('button', { name: s.create });
      await waitForHydration(create);
      await create.click();
      const dialog = page.getByRole('dialog', { name: s.form.createTitle });
      await dialog.getByRole('textbox', { name: s.form.username }).fill(username);
      await dialog.getByRole('textbox', { name: s.form.name }).fill('Проверка Формы');
      const password = dialog.getByLabel(s.form.password);
      await password.fill('short');
      const posts = await countRequests(
        page,
        (method, url) => method === 'POST' && url.endsWith('/api/v1/admin/officers'),
        async () => {
          await dialog.getByRole('button', { name: s.save }).click();
          await expectFieldError(page, password, d.forms.officer.password);
        },
      );
      expect(posts, 'nothing is sent while the password is too short').toBe(0);
      await saveScreenshots(page, `forms-admin-invalid-${lang}`);

      await password.fill('a-long-enough-password-2026');
      await expect(password).not.toHaveAttribute('aria-invalid', 'true');
      const created = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/admin/officers'),
      );
      await dialog.getByRole('button', { name: s.save }).click();
      expect((await created).status()).toBe(201);
      await expect(dialog).toHaveCount(0);
      await expect(page.getByText(fill(s.done.created, { username }))).toBeVisible();
      await expect(page.getByRole('row').filter({ hasText: username })).toBeVisible();
      const list = await getJson(page.request, '/api/v1/admin/officers', officerListSchema);
      expect(list.items.map((o) => o.username)).toContain(username);
      await saveScreenshots(page, `forms-admin-created-${lang}`);

      // The same username again: only the server knows it is taken; its answer lands on the field.
      await page.getByRole('button', { name: s.create }).click();
      const again = page.getByRole('dialog', { name: s.form.createTitle });
      const usernameField = again.getByRole('textbox', { name: s.form.username });
      await usernameField.fill(username);
      await again.getByRole('textbox', { name: s.form.name }).fill('Проверка Формы');
      await again.getByLabel(s.form.password).fill('a-long-enough-password-2026');
      const refused = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/admin/officers'),
      );
      await again.getByRole('button', { name: s.save }).click();
      expect((await refused).status()).toBe(409);
      await expectFieldError(page, usernameField, d.forms.officer.usernameTaken);
      await expect(again.getByRole('alert')).toHaveText(d.forms.fixFields);
      await saveScreenshots(page, `forms-admin-taken-${lang}`);
    });
  }
});

test('review form: no decision and a short note are refused next to their fields, nothing is sent', async ({
  browser,
}) => {
  for (const lang of ['ru', 'en'] as const) {
    const p = dict(lang).pages.lapse;
    await withPage(browser, 'officer', lang, async (page) => {
      const queue = await getJson(page.request, '/api/v1/lapses?state=unreviewed&limit=1', lapsesPageSchema);
      const lapse = queue.items[0];
      expect(lapse, 'an unreviewed lapse in the seed').toBeTruthy();
      if (!lapse) return;
      await page.goto(`/lapses?lapse=${lapse.id}`);
      const form = page.getByRole('form', { name: p.review });
      const submit = form.getByRole('button', { name: p.submit });
      await waitForHydration(submit);
      const note = form.getByRole('textbox', { name: p.note });
      await note.fill('коротко');
      const posts = await countRequests(
        page,
        (method, url) => method === 'POST' && url.endsWith(`/api/v1/lapses/${lapse.id}/review`),
        async () => {
          await submit.click();
          await expectFieldError(page, note, p.errors.note);
          const group = form.getByRole('group', { name: p.decision });
          await expectFieldError(page, group, p.errors.decision);
        },
      );
      expect(posts).toBe(0);
      await saveScreenshots(page, `forms-review-invalid-${lang}`);
    });
  }
});

test('a page the role may not open answers 403 and says so', async ({ browser }) => {
  for (const lang of ['ru', 'en'] as const) {
    await withPage(browser, 'officer', lang, async (page) => {
      const res = await page.goto('/admin');
      expect(res?.status()).toBe(403);
      await expect(page).toHaveURL(/\/admin$/);
      await expect(
        page.getByRole('heading', { level: 1, name: dict(lang).errors.forbiddenTitle }),
      ).toBeVisible();
      await saveScreenshots(page, `forms-forbidden-${lang}`);
    });
  }
});
