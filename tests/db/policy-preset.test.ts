// Named presets through the policy service: every version records who switched to what, and the
// default stays the strict reading.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import type { OfficerContext } from '@/lib/server/officer-context';
import { getCurrentPolicy } from '@/lib/server/policy';
import { listAudit } from '@/lib/server/queries/audit-log';
import { readPolicy, updatePolicy } from '@/lib/server/queries/policy-admin';

const supervisor: OfficerContext = {
  officerId: 's9',
  username: 'preset-supervisor',
  name: 'Sup',
  role: 'supervisor',
  okrugs: null,
};

beforeAll(async () => {
  await migrate(getDb());
});

describe('policy presets', () => {
  it('starts strict, switches to 121-FZ and back, audited with who and what', async () => {
    const start = await readPolicy(getDb());
    expect(start).toMatchObject({ preset: 'strict', cancelUnit: 'calendar', graceSeconds: 0 });

    const fz = await updatePolicy(getDb(), supervisor, { preset: '121-FZ', note: '121-FZ rule' });
    expect(fz).toMatchObject({
      version: start.version + 1,
      preset: '121-FZ',
      cancelUnit: 'working_days',
      cancelAfterWorkingDays: 3,
      reminderAfterSeconds: 259_200,
      lapseAfterSeconds: 900,
      createdBy: 'preset-supervisor',
    });
    expect(await getCurrentPolicy(getDb(), true)).toMatchObject({
      preset: '121-FZ',
      cancelUnit: 'working_days',
    });
    const log = await listAudit(getDb(), { action: 'policy.update', limit: 1 });
    expect(log.items[0]?.detail).toMatchObject({
      toVersion: fz.version,
      preset: { old: 'strict', new: '121-FZ' },
      changed: {
        cancelUnit: { old: 'calendar', new: 'working_days' },
        reminderAfterSeconds: { old: null, new: 259_200 },
      },
    });

    // A field given with the preset overrides it, and the version is then custom.
    const five = await updatePolicy(getDb(), supervisor, { preset: '121-FZ', cancelAfterWorkingDays: 5 });
    expect(five).toMatchObject({ preset: 'custom', cancelAfterWorkingDays: 5, cancelUnit: 'working_days' });

    const back = await updatePolicy(getDb(), supervisor, { preset: 'strict' });
    expect(back).toMatchObject({
      preset: 'strict',
      cancelUnit: 'calendar',
      reminderAfterSeconds: null,
      graceSeconds: 0,
    });
  });
});
