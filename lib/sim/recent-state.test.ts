import { describe, expect, it } from 'vitest';
import { PRESETS } from '@/lib/domain/policy-presets';
import { DEFAULT_POLICY } from '@/lib/domain/types';
import { loadRegionPack } from '@/lib/region/load-pack';
import { FixBuffer } from './fix-buffer';
import { createSimContext } from './population';
import { simulateRecentState } from './recent-state';

const NOW = Date.parse('2026-11-24T21:00:00Z');
const ctx = createSimContext(loadRegionPack('moscow'), 5, new Date(NOW));
const plan = { nowMs: NOW, fromMs: NOW - 7 * 86_400_000, offsetMs: 3 * 3_600_000, trailMs: 3_600_000, policy: DEFAULT_POLICY }; // prettier-ignore
const buf = new FixBuffer();
const histories = Array.from({ length: 3_000 }, (_, i) => {
  const h = simulateRecentState(ctx, 20_000 + i, plan, buf);
  const times = Array.from(h.fixes.time.subarray(0, h.fixes.n));
  return { ...h, times };
});

describe('recent-state seed workers', () => {
  it('covers every present status in about the shares of the full simulation', () => {
    const count = (s: string) => histories.filter((h) => h.status.status === s).length;
    expect(count('active')).toBeGreaterThan(2_600);
    expect(count('cancelled')).toBeGreaterThan(60);
    expect(count('ended')).toBeGreaterThan(0);
    expect(count('none')).toBeGreaterThan(0);
    expect(histories.filter((h) => h.status.openLapseId).length).toBeGreaterThan(0);
  });

  it('agrees with its own registrations, lapses and events', () => {
    for (const h of histories) {
      const reg = h.recorder.current;
      expect(h.status.registrationId).toBe(reg?.id ?? null);
      if (reg) expect(reg.status === 'pending' ? 'pending' : reg.status).toBe(h.status.status);
      if (h.status.openLapseId) {
        const lapse = h.recorder.lapses.find((l) => l.id === h.status.openLapseId);
        expect(lapse?.endedAt).toBeNull();
        expect(lapse?.causedCancellation).toBe(true);
      }
      if (h.status.status === 'cancelled') {
        expect(reg?.cancelLapseId).toBeTruthy();
        expect(h.recorder.events.at(-1)?.toStatus).toBe('cancelled');
      }
      // At most one registration is live, and it is the current one.
      const live = h.recorder.registrations.filter((r) =>
        ['pending', 'active', 'interrupted'].includes(r.status),
      );
      expect(live.length).toBeLessThanOrEqual(1);
    }
  });

  it('writes fixes only inside the history window, never twice at one time, the last one as the last fix', () => {
    for (const h of histories) {
      expect(h.times.every((t) => t >= plan.fromMs && t <= NOW)).toBe(true);
      expect(new Set(h.times).size).toBe(h.times.length);
      if (h.status.lastFix) expect(h.times).toContain(h.status.lastFix.time.getTime());
    }
  });

  it('keeps active workers tracked within the last heartbeat and silent ones quiet since the lapse', () => {
    for (const h of histories) {
      const last = h.status.lastFix?.time.getTime() ?? 0;
      if (h.status.status === 'active')
        expect(NOW - last).toBeLessThanOrEqual(DEFAULT_POLICY.heartbeatSeconds * 1000);
      if (h.status.openLapseStartedAt !== null) expect(last).toBeLessThanOrEqual(h.status.openLapseStartedAt);
    }
  });
});

describe('recent-state seed workers under the 121-FZ working-day rule', () => {
  const fz = { ...DEFAULT_POLICY, ...PRESETS['121-FZ'], preset: '121-FZ' as const, version: 2 };
  const fzPlan = { ...plan, policy: fz };
  const fzBuf = new FixBuffer();
  const seen = Array.from({ length: 2_000 }, (_, i) => simulateRecentState(ctx, 40_000 + i, fzPlan, fzBuf));

  it('interrupts instead of cancelling, with the deadline working days after the last fix', () => {
    const interrupted = seen.filter((h) => h.status.status === 'interrupted');
    expect(interrupted.length).toBeGreaterThan(0);
    for (const h of interrupted) {
      expect(h.status.lapseDeadline).toBeGreaterThan(NOW);
      const lapse = h.recorder.lapses.find((l) => l.id === h.status.openLapseId);
      expect(lapse).toMatchObject({ endedAt: null, causedCancellation: false, policyVersion: 2 });
    }
    // Lapses of a day or less never reach three working days: nothing is cancelled by them.
    expect(seen.filter((h) => h.status.status === 'cancelled')).toHaveLength(0);
  });

  it('keeps one registration per worker when a past lapse only interrupted it', () => {
    for (const h of seen) {
      const live = h.recorder.registrations.filter((r) =>
        ['pending', 'active', 'interrupted'].includes(r.status),
      );
      expect(live.length).toBeLessThanOrEqual(1);
      if (h.status.status !== 'none' && h.status.status !== 'ended')
        expect(h.recorder.registrations).toHaveLength(1);
      for (const l of h.recorder.lapses) {
        expect(l.policyVersion).toBe(2);
        expect(['silence', 'device', 'fix']).toContain(l.trigger);
      }
    }
  });
});
