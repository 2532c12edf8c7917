// GET /api/v1/device/notifications and POST /api/v1/device/notifications/ack over real HTTP: device
// token auth, problem+json for bad input, newest first with a cursor, idempotent acknowledgement,
// another worker's messages never acknowledgeable.
import { describe, expect, it } from 'vitest';
import { api, declare, enroll, expectProblem, fixAt, sendFixes, workerBody } from './helpers';

const NEW_HOME = { text: 'Москва, Варшавское ш., 87', lat: 55.6467, lon: 37.6206 };

interface Page {
  items: {
    id: string;
    kind: string;
    language: string;
    texts: { lang: string; title: string; body: string }[];
  }[];
  nextCursor: string | null;
}

/** A live worker with `count` address changes: one confirmation message each. */
async function workerWithMessages(count: number, citizenship = 'TJ') {
  const { token } = await enroll(workerBody({ citizenship }));
  const registrationId = await declare(token);
  expect((await sendFixes(token, [fixAt(new Date())])).accepted).toBe(1);
  for (let i = 0; i < count; i++) {
    const res = await api(`/api/v1/device/registrations/${registrationId}/address`, {
      token,
      json: { address: { ...NEW_HOME, text: `${NEW_HOME.text}, корп. ${i + 1}` } },
    });
    expect(res.status).toBe(200);
  }
  return token;
}

async function page(token: string, query = ''): Promise<Page> {
  const res = await api(`/api/v1/device/notifications${query}`, { token });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toContain('no-store');
  return (await res.json()) as Page;
}

describe('device notifications over HTTP', () => {
  it('lists messages newest first in Russian and the worker language, with a cursor', async () => {
    const token = await workerWithMessages(3);
    const first = await page(token, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toMatchObject({ kind: 'address_changed', language: 'tg' });
    expect(first.items[0]?.texts.map((t) => t.lang)).toEqual(['ru', 'tg']);
    expect(first.items[0]?.texts[0]?.title).toBe('Новый адрес принят');
    expect(first.items[0]?.texts[1]?.title).toBe('Суроғаи нав қабул шуд');
    const second = await page(token, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
  });

  it('acknowledges idempotently; acknowledged messages are not offered again', async () => {
    const token = await workerWithMessages(2);
    const { items } = await page(token);
    const ids = items.map((n) => n.id);
    const ack = await api('/api/v1/device/notifications/ack', { token, json: { ids } });
    expect(ack.status).toBe(200);
    expect(await ack.json()).toEqual({ acknowledged: ids, alreadyAcknowledged: [], unknown: [] });
    const again = await api('/api/v1/device/notifications/ack', { token, json: { ids } });
    expect(await again.json()).toEqual({ acknowledged: [], alreadyAcknowledged: ids, unknown: [] });
    expect((await page(token)).items).toEqual([]);
  });

  it("cannot acknowledge another worker's messages", async () => {
    const mine = await workerWithMessages(1, 'KG');
    const theirs = await workerWithMessages(1, 'UZ');
    const [their] = (await page(theirs)).items;
    const res = await api('/api/v1/device/notifications/ack', { token: mine, json: { ids: [their!.id] } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ acknowledged: [], alreadyAcknowledged: [], unknown: [their!.id] });
    expect((await page(theirs)).items.map((n) => n.id)).toEqual([their!.id]);
  });

  it('answers no or a bad token with 401', async () => {
    await expectProblem(await api('/api/v1/device/notifications'), 401);
    await expectProblem(await api('/api/v1/device/notifications', { token: 'x'.repeat(43) }), 401);
    await expectProblem(
      await api('/api/v1/device/notifications/ack', { json: { ids: [crypto.randomUUID()] } }),
      401,
    );
  });

  it.each([
    ['no ids', {}],
    ['an empty list', { ids: [] }],
    ['a malformed id', { ids: ['not-a-uuid'] }],
    ['too many ids', { ids: Array.from({ length: 201 }, () => crypto.randomUUID()) }],
    ['ids that are not a list', { ids: 'abc' }],
  ])('answers an acknowledgement with %s with 400 naming the field', async (_name, json) => {
    const token = await workerWithMessages(0);
    const body = await expectProblem(await api('/api/v1/device/notifications/ack', { token, json }), 400);
    expect(JSON.stringify(body.errors ?? body.detail)).toContain('ids');
  });

  it.each(['?limit=0', '?limit=abc', '?limit=101', '?cursor=abc', '?cursor=-1'])(
    'answers a bad query %s with 400',
    async (query) => {
      const token = await workerWithMessages(0);
      await expectProblem(await api(`/api/v1/device/notifications${query}`, { token }), 400);
    },
  );

  it('refuses other methods with 405 and a broken body with 400', async () => {
    const token = await workerWithMessages(0);
    const put = await api('/api/v1/device/notifications', { token, method: 'PUT' });
    expect(put.status).toBe(405);
    await expectProblem(
      await api('/api/v1/device/notifications/ack', {
        token,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"ids": [',
      }),
      400,
    );
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await api('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(doc.paths['/api/v1/device/notifications']).toHaveProperty('get');
    expect(doc.paths['/api/v1/device/notifications/ack']).toHaveProperty('post');
  });
});

describe('a cancellation found in the same batch as its lapse', () => {
  it('tells the worker: location switched off under the strict rule cancels at once', async () => {
    const { token } = await enroll();
    await declare(token);
    await sendFixes(token, [fixAt(new Date())]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const event = await api('/api/v1/device/events', {
      token,
      json: { events: [{ time: new Date().toISOString(), type: 'location_disabled' }] },
    });
    expect(event.status).toBe(200);
    const res = await api('/api/v1/device/notifications', { token });
    const body = (await res.json()) as { items: { kind: string; lapseId: string | null }[] };
    // The lapse opened and cancelled in one step: one message, the cancellation, naming the lapse.
    expect(body.items.map((n) => n.kind)).toEqual(['cancelled']);
    expect(body.items[0]?.lapseId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
