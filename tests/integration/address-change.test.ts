// POST /api/v1/device/registrations/{id}/address through real HTTP: the registration stays live,
// a late change is accepted and flagged, bad input gets a problem document, never a 500.
import { describe, expect, it } from 'vitest';
import { TULA, api, declare, enroll, expectProblem, fixAt, sendFixes, status } from './helpers';

const NEW_HOME = { text: 'Москва, Варшавское ш., 87', lat: 55.6467, lon: 37.6206 };

async function activeWorker() {
  const { token } = await enroll();
  const registrationId = await declare(token);
  expect((await sendFixes(token, [fixAt(new Date())])).accepted).toBe(1);
  return { token, registrationId };
}

describe('address change through HTTP', () => {
  it('keeps the registration active and reports the deadline', async () => {
    const { token, registrationId } = await activeWorker();
    const res = await api(`/api/v1/device/registrations/${registrationId}/address`, {
      token,
      json: { address: NEW_HOME },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ registrationId, status: 'active', late: false });
    expect(new Date(body.deadline).getTime()).toBeGreaterThan(Date.now());
    expect((await status(token)).registration).toMatchObject({ id: registrationId, status: 'active' });
  });

  it('accepts a change declared weeks after the move and flags it late', async () => {
    const { token, registrationId } = await activeWorker();
    const movedAt = new Date(Date.now() - 21 * 86_400_000).toISOString();
    const res = await api(`/api/v1/device/registrations/${registrationId}/address`, {
      token,
      json: { address: NEW_HOME, movedAt },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ late: true, status: 'active' });
  });

  it.each([
    ['a missing address', { movedAt: new Date().toISOString() }, 400],
    ['an address outside the region', { address: { text: 'Тула, ул. Ленина, 1', ...TULA } }, 422],
  ])('answers %s with a problem', async (_name, json, code) => {
    const { token, registrationId } = await activeWorker();
    await expectProblem(
      await api(`/api/v1/device/registrations/${registrationId}/address`, { token, json }),
      code,
    );
  });

  it('answers an unknown or malformed id with 404 and no token with 401', async () => {
    const { token } = await activeWorker();
    const json = { address: NEW_HOME };
    await expectProblem(await api('/api/v1/device/registrations/not-a-uuid/address', { token, json }), 404);
    await expectProblem(
      await api(`/api/v1/device/registrations/${crypto.randomUUID()}/address`, { token, json }),
      404,
    );
    await expectProblem(
      await api(`/api/v1/device/registrations/${crypto.randomUUID()}/address`, { json }),
      401,
    );
  });
});
