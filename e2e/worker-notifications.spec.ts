// Journey (issue 7): the worker file lists the messages sent to the worker with their delivery state.
// A phone enrols, declares, changes its address twice, fetches and acknowledges one message, then
// switches location off (the strict rule cancels at once); a supervisor opens the worker's file.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { authFile } from './helpers/accounts';
import { t, tEn } from './helpers/i18n';
import { saveScreenshots } from './helpers/screenshot';

const m = t.notifications;
const HOME = { text: 'Москва, ул. Тверская, д. 7', lat: 55.7606, lon: 37.6093 };

async function phone(
  api: APIRequestContext,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  data?: unknown,
) {
  const res = await api.fetch(path, { method, headers: { authorization: `Bearer ${token}` }, data });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}

test('the worker file lists messages to the worker with their delivery state', async ({
  browser,
  request,
}) => {
  const document = `E2EN${Date.now()}`.slice(0, 16);
  const enrolled = await request.post('/api/v1/device/enroll', {
    data: {
      worker: {
        fullName: 'Сафаров Бахтиёр',
        citizenship: 'TJ',
        documentNumber: document,
        birthDate: '1990-02-03',
        phone: '+992901112233',
      },
      device: { platform: 'android', model: 'Redmi 12' },
    },
  });
  expect(enrolled.status()).toBe(201);
  const { token } = (await enrolled.json()) as { token: string };
  const { registrationId } = await phone(request, token, 'POST', '/api/v1/device/registrations', {
    address: HOME,
  });
  const now = new Date();
  await phone(request, token, 'POST', '/api/v1/device/positions', {
    positions: [{ time: now.toISOString(), lat: HOME.lat, lon: HOME.lon, accuracy: 10 }],
  });
  for (const n of [1, 2]) {
    await phone(request, token, 'POST', `/api/v1/device/registrations/${String(registrationId)}/address`, {
      address: { text: `Москва, ул. Арбат, д. ${n}`, lat: 55.7514, lon: 37.5936 },
    });
  }
  const page1 = (await phone(request, token, 'GET', '/api/v1/device/notifications')) as {
    items: { id: string }[];
  };
  expect(page1.items).toHaveLength(2);
  await phone(request, token, 'POST', '/api/v1/device/notifications/ack', { ids: [page1.items[1]!.id] });
  // After the fix (which activated the registration) and not in the future, so the event counts.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await phone(request, token, 'POST', '/api/v1/device/events', {
    events: [{ time: new Date().toISOString(), type: 'location_disabled' }],
  });

  const supervisor = await browser.newContext({ storageState: authFile('supervisor') });
  const page = await supervisor.newPage();
  await page.goto(`/workers?q=${document}`);
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/workers\/[0-9a-f-]{36}$/);
  const section = page.getByRole('region', { name: m.title });
  await expect(section).toBeVisible();
  const items = section.getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toHaveAttribute('data-state', 'created');
  // The strict rule cancels at once; under the 121-FZ preset (if a journey switched to it) a lapse opens.
  await expect(items.nth(0)).toContainText(new RegExp(`${m.kinds.cancelled}|${m.kinds.lapse_opened}`));
  await expect(items.nth(0)).toContainText(m.states.created);
  await expect(items.nth(1)).toContainText(m.states.delivered);
  await expect(items.nth(2)).toContainText(m.states.acknowledged);
  await expect(items.nth(2)).toContainText(m.kinds.address_changed);
  // The worker's own language on request: Tajik, in Cyrillic.
  await items.nth(0).getByText(`На языке работника: ${m.langs.tg}`).click();
  await expect(items.nth(0).locator('[lang="tg"]')).toContainText(/Бақайдгирӣ|ҷойгиршавӣ/);
  await section.scrollIntoViewIfNeeded();
  await saveScreenshots(page, 'worker-notifications-ru');
  const workerUrl = page.url();
  await supervisor.close();

  const english = await browser.newContext({ storageState: authFile('supervisor') });
  const base = new URL(workerUrl);
  await english.addCookies([{ name: 'lang', value: 'en', domain: base.hostname, path: '/' }]);
  const enPage = await english.newPage();
  await enPage.goto(workerUrl);
  const enSection = enPage.getByRole('region', { name: tEn.notifications.title });
  await expect(enSection.getByRole('listitem')).toHaveCount(3);
  await expect(enSection).toContainText(tEn.notifications.states.acknowledged);
  await expect(enSection).toContainText(tEn.notifications.kinds.address_changed);
  await enSection.scrollIntoViewIfNeeded();
  await saveScreenshots(enPage, 'worker-notifications-en');
  await english.close();
});
