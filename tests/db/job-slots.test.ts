// Several instances tick their job timers at different moments; the slot in job_runs must let one
// run per interval through, however many instances ask.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { claimJobSlot, runInSlot } from '@/lib/server/job-slots';

beforeAll(async () => {
  await migrate(getDb());
});

describe('job slots', () => {
  it('lets the first claim of an interval through and refuses the rest until it has passed', async () => {
    expect(await claimJobSlot(getDb(), 'test-a', 500)).toBe(true);
    expect(await claimJobSlot(getDb(), 'test-a', 500)).toBe(false);
    expect(await claimJobSlot(getDb(), 'test-b', 500)).toBe(true);
    await new Promise((r) => setTimeout(r, 600));
    expect(await claimJobSlot(getDb(), 'test-a', 500)).toBe(true);
  });

  it('runs a job once when several instances tick in the same interval', async () => {
    let runs = 0;
    const job = async () => {
      runs++;
    };
    const ran = [];
    for (let tick = 0; tick < 4; tick++) ran.push(await runInSlot(getDb(), 'test-c', 60_000, job));
    expect(ran).toEqual([true, false, false, false]);
    expect(runs).toBe(1);
  });
});
