// The registration lifecycle driven only through the device API, with the in-server sweep running
// every second (SWEEP_INTERVAL_MS=1000 in global-setup).
import { describe, expect, it } from 'vitest';
import { TULA, declare, enroll, fixAt, sendFixes, status, waitForStatus } from './helpers';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

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

  it('grace 0: a last fix 20 minutes old cancels the registration after a sweep (signal_lost)', async () => {
    const { token } = await enroll();
    const registrationId = await declare(token);
    await sendFixes(token, [fixAt(minutesAgo(20))]);
    const s = await waitForStatus(token, (x) => x.registration?.status === 'cancelled');
    expect(s.registration).toMatchObject({ id: registrationId, status: 'cancelled' });
    expect(s.lastLapse?.kind).toBe('signal_lost');
    expect(s.nextStep.code).toBe('declare_again');
    if (s.openLapse) expect(s.openLapse.kind).toBe('signal_lost');
  });

  it('a fix outside the region after activation ends the registration', async () => {
    const { token } = await enroll();
    await declare(token);
    await sendFixes(token, [fixAt(minutesAgo(2))]);
    expect((await status(token)).registration?.status).toBe('active');
    await sendFixes(token, [fixAt(minutesAgo(1), TULA)]);
    const s = await waitForStatus(token, (x) => x.registration?.status === 'ended');
    expect(s.registration?.status).toBe('ended');
    expect(s.nextStep.code).toBe('declare_on_return');
    // On return a new declaration is possible.
    const again = await declare(token);
    expect(again).not.toBe(s.registration?.id);
  });
});
