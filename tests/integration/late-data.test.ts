// Late data over real HTTP (issue 6, item 9): an honest late upload still voids the lapse it
// disproves, but leaves a mark an officer can see and review and an audit row; an implausible
// track voids nothing; a phone that reports a backlog is not cancelled while it uploads. The
// policy's lapseAfter is lowered to its minimum (60 s, heartbeat 30 s) for this file and put back
// afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  declare,
  enroll,
  fixAt,
  MOSCOW_HOME,
  sendFixes,
  status,
  waitForStatus,
  workerBody,
} from './helpers';
import { officerJson, signIn } from './officer-session';

const HOME = { lat: MOSCOW_HOME.lat, lon: MOSCOW_HOME.lon };
const ZELENOGRAD = { lat: 55.9825, lon: 37.1814 }; // 37 km from HOME
const LAPSE_AFTER = 60;

let supervisor = '';
let auditor = '';
let original = { lapseAfterSeconds: 900, heartbeatSeconds: 300 };

beforeAll(async () => {
  supervisor = await signIn('supervisor');
  auditor = await signIn('auditor');
  const policy = await officerJson<typeof original>(supervisor, '/api/v1/policy');
  original = { lapseAfterSeconds: policy.lapseAfterSeconds, heartbeatSeconds: policy.heartbeatSeconds };
  await officerJson(supervisor, '/api/v1/policy', {
    method: 'PUT',
    json: { heartbeatSeconds: 30, lapseAfterSeconds: LAPSE_AFTER, note: 'late-data integration test' },
  });
});

afterAll(async () => {
  await officerJson(supervisor, '/api/v1/policy', {
    method: 'PUT',
    json: { ...original, note: 'late-data integration test: restored' },
  });
});

const after = (t: Date, seconds: number) => new Date(t.getTime() + seconds * 1000);

/** Active at t0, then a fix 65 s later (inside the clock-skew allowance) proves a 60 s gap: cancelled. */
async function cancelledByGap() {
  const { token, deviceId } = await enroll(workerBody({ fullName: 'Ulugbek Tashkentov' }));
  const registrationId = await declare(token);
  const t0 = new Date(Date.now() + 500);
  await sendFixes(token, [fixAt(t0, HOME)]);
  await sendFixes(token, [fixAt(after(t0, 65), HOME)]);
  const s = await status(token);
  expect(s.registration).toMatchObject({ id: registrationId, status: 'cancelled' });
  expect(s.lastLapse).toMatchObject({ kind: 'signal_lost', causedCancellation: true });
  return { token, deviceId, registrationId, t0, workerId: s.workerId, lapseId: s.lastLapse?.id ?? '' };
}

interface AuditPage {
  items: { action: string; targetId: string | null; actorRole: string; reason: string | null }[];
}

describe('late data may restore a registration, visibly (issue 6, item 9)', () => {
  it('an honest late upload voids the lapse, is audited and marked for review', async () => {
    const w = await cancelledByGap();
    const late = await sendFixes(w.token, [fixAt(after(w.t0, 40), HOME), fixAt(after(w.t0, 20), HOME)]);
    expect(late.accepted).toBe(2);
    expect((await status(w.token)).registration).toMatchObject({ id: w.registrationId, status: 'active' });

    const lapse = await officerJson<{
      voidedAt: string | null;
      restoredByLateData: { deviceId: string; fixes: number; registrationRestored: boolean } | null;
    }>(supervisor, `/api/v1/lapses/${w.lapseId}`);
    expect(lapse.voidedAt).not.toBeNull();
    expect(lapse.restoredByLateData).toMatchObject({
      deviceId: w.deviceId,
      fixes: 2,
      registrationRestored: true,
    });

    const file = await officerJson<{
      registrations: { id: string; restoredByLateDataAt?: string | null }[];
      lapses: { id: string; restoredByLateDataAt?: string | null }[];
    }>(supervisor, `/api/v1/workers/${w.workerId}`);
    expect(file.registrations.find((r) => r.id === w.registrationId)?.restoredByLateDataAt).toEqual(
      expect.any(String),
    );
    expect(file.lapses.find((l) => l.id === w.lapseId)?.restoredByLateDataAt).toEqual(expect.any(String));

    const log = await officerJson<AuditPage>(
      auditor,
      `/api/v1/audit?worker=${w.workerId}&action=lapse.void_by_late_data`,
    );
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ targetId: w.lapseId, actorRole: 'device' });

    // The officer can review what the phone's own upload undid.
    const review = await api(`/api/v1/lapses/${w.lapseId}/review`, {
      headers: { cookie: supervisor },
      json: { decision: 'technical', note: 'Uploaded track checked: the phone was at home, offline.' },
    });
    expect(review.status).toBe(200);
  });

  it('a back-dated track with a 37 km jump in 20 s voids nothing, and the refusal is audited', async () => {
    const w = await cancelledByGap();
    const late = await sendFixes(w.token, [fixAt(after(w.t0, 20), HOME), fixAt(after(w.t0, 40), ZELENOGRAD)]);
    expect(late.accepted).toBe(2);
    const s = await status(w.token);
    expect(s.registration).toMatchObject({ id: w.registrationId, status: 'cancelled' });
    const lapse = await officerJson<{ voidedAt: string | null; restoredByLateData: unknown }>(
      supervisor,
      `/api/v1/lapses/${w.lapseId}`,
    );
    expect(lapse).toMatchObject({ voidedAt: null, restoredByLateData: null });
    const log = await officerJson<AuditPage>(
      auditor,
      `/api/v1/audit?worker=${w.workerId}&action=late_data.*`,
    );
    expect(log.items[0]).toMatchObject({
      action: 'late_data.refused',
      reason: expect.stringMatching(/m\/s/),
    });
  });

  it(
    'a phone reporting a backlog is not cancelled while it uploads; a silent one is, and cannot fake its way back',
    { timeout: 150_000 },
    async () => {
      const uploading = await enroll(workerBody({ fullName: 'Farhod Uploader' }));
      const silent = await enroll(workerBody({ fullName: 'Jamshid Silent' }));
      await declare(uploading.token);
      await declare(silent.token);
      const t0 = new Date(Date.now() + 500);
      await sendFixes(uploading.token, [fixAt(t0, HOME)]);
      await sendFixes(silent.token, [fixAt(t0, HOME)]);
      // The first batch of a backlog: more fixes follow.
      const first = await api('/api/v1/device/positions', {
        token: uploading.token,
        json: { positions: [fixAt(after(t0, 1), HOME)], backlog: 300 },
      });
      expect(first.status).toBe(200);

      // The sweep (every second) cancels the silent phone once lapseAfter has passed...
      const cancelled = await waitForStatus(
        silent.token,
        (x) => x.registration?.status === 'cancelled',
        (LAPSE_AFTER + 30) * 1000,
      );
      expect(cancelled.registration?.status).toBe('cancelled');
      await new Promise((r) => setTimeout(r, 2_000));
      // ...but holds off the phone that is still uploading.
      expect((await status(uploading.token)).registration?.status).toBe('active');
      const last = await api('/api/v1/device/positions', {
        token: uploading.token,
        json: {
          positions: [fixAt(after(t0, 30), HOME), fixAt(after(t0, 59), HOME), fixAt(new Date(), HOME)],
          backlog: 0,
        },
      });
      expect(last.status).toBe(200);
      expect((await status(uploading.token)).registration?.status).toBe('active');

      // The silent phone back-dates a track into its silence, with a jump no one can make.
      await sendFixes(silent.token, [fixAt(after(t0, 20), HOME), fixAt(after(t0, 40), ZELENOGRAD)]);
      expect((await status(silent.token)).registration?.status).toBe('cancelled');
    },
  );
});
