import { describe, expect, it } from 'vitest';
import { LastSeenThrottle } from './last-seen-throttle';

describe('LastSeenThrottle', () => {
  it('writes each of 300,000 devices once per interval, not once per batch', () => {
    let now = 1_000_000;
    const throttle = new LastSeenThrottle(60_000, () => now);
    const ids = Array.from({ length: 300_000 }, (_, i) => `device-${i}`);
    let writes = 0;
    // Three batches from every device inside one minute: one write each.
    for (let round = 0; round < 3; round++) {
      for (const id of ids) {
        if (throttle.shouldTouch(id)) writes++;
        now += 0.05;
      }
    }
    expect(now - 1_000_000).toBeLessThan(60_000);
    expect(writes).toBe(ids.length);
  });

  it('writes again once the interval has passed, also across a generation swap', () => {
    let now = 0;
    const throttle = new LastSeenThrottle(60_000, () => now);
    expect(throttle.shouldTouch('a')).toBe(true);
    now = 59_000;
    expect(throttle.shouldTouch('a')).toBe(false);
    now = 61_000; // swap: 'a' (seen at 0) is now in the previous generation and stale
    expect(throttle.shouldTouch('a')).toBe(true);
    now = 100_000; // seen at 61,000, remembered from the previous... still the current generation
    expect(throttle.shouldTouch('a')).toBe(false);
    now = 125_000; // swap at 121,000: 'a' (61,000) is in the previous generation, 64 s old
    expect(throttle.shouldTouch('a')).toBe(true);
    now = 130_000;
    expect(throttle.shouldTouch('b')).toBe(true);
    now = 185_000; // swap at 185,000: 'b' (130,000) sits in previous, 55 s old: still skipped
    expect(throttle.shouldTouch('b')).toBe(false);
  });

  it('forgets devices not seen for two intervals, so memory follows the active devices', () => {
    let now = 0;
    const throttle = new LastSeenThrottle(1_000, () => now);
    for (let i = 0; i < 1_000; i++) throttle.shouldTouch(`d${i}`);
    now = 5_000;
    throttle.shouldTouch('fresh');
    expect(throttle.size).toBe(1);
  });
});
