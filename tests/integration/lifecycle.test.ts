// The registration lifecycle driven only through the device API, with the in-server sweep running
// every second (SWEEP_INTERVAL_MS=1000 in global-setup). A registration activates only on a fix
// taken after the declaration, so the fixes here are stamped "now" (and up to a few seconds ahead,
// inside the server's clock-skew allowance) rather than in the past.
import { describe, expect, it } from 'vitest';
import { TULA, api, declare, enroll, fixAt, sendFixes, status, waitForStatus } from './helpers';

const secondsFromNow = (s: number) => new Date(Date.now() + s * 1000);

async function activate(token: string): Promise<string> {
  const registrationId = await declare(token);
  expect((await sendFixes(token, [fixAt(new Date(), undefined, { battery: 3 })])).accepted).toBe(1);
  expect((await status(token)).registration).toMatchObject({ id: registrationId, status: 'active' });
  return registrationId;
}

async function sendEvent(token: string, type: string, time: Date) {
  const res = await api('/api/v1/device/events', {
    token,
    json: { events: [{ time: time.toISOString(), type }] },
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ accepted: 1, rejected: [] });
}

describe('registration lifecycle through HTTP', () => {
  it('a pending registration becomes active with one valid fix inside the region', async () => {
    const { token } = await enroll();
    await declare(token);
    expect((await sendFixes(token, [fixAt(new Date())])).accepted).toBe(1);
    const s = await status(token);
    expect(s.registration?.status).toBe('active');
    expect(s.nextStep.code).toBe('keep_tracking');
    expect(s.openLapse).toBeNull();
  });

  it('a fix taken before the declaration does not activate it', async () => {
    const { token } = await enroll();
    await declare(token);
    await sendFixes(token, [fixAt(new Date(Date.now() - 20 * 60_000))]);
    expect((await status(token)).registration?.status).toBe('pending');
  });

  it('grace 0: location switched off cancels the registration with a location_disabled lapse', async () => {
    const { token } = await enroll();
    const registrationId = await activate(token);
    await sendEvent(token, 'location_disabled', secondsFromNow(1));
    const s = await waitForStatus(token, (x) => x.registration?.status === 'cancelled');
    expect(s.registration).toMatchObject({ id: registrationId, status: 'cancelled' });
    expect(s.lastLapse).toMatchObject({ kind: 'location_disabled', causedCancellation: true });
    expect(s.nextStep.code).toBe('declare_again');
    // Declaring again opens a new registration.
    expect(await declare(token)).not.toBe(registrationId);
  });

  it('a shutdown after a fix at 3 % battery is a device_off lapse blamed on the battery', async () => {
    const { token } = await enroll();
    await activate(token);
    await sendEvent(token, 'shutdown', secondsFromNow(1));
    const s = await waitForStatus(token, (x) => x.registration?.status === 'cancelled');
    expect(s.lastLapse).toMatchObject({ kind: 'device_off', likelyCause: 'battery_depleted' });
  });

  it('a fix outside the region after activation ends the registration', async () => {
    const { token } = await enroll();
    await activate(token);
    await sendFixes(token, [fixAt(secondsFromNow(1), TULA)]);
    const s = await waitForStatus(token, (x) => x.registration?.status === 'ended');
    expect(s.registration?.status).toBe('ended');
    expect(s.nextStep.code).toBe('declare_on_return');
    const again = await declare(token);
    expect(again).not.toBe(s.registration?.id);
  });
});
