import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/domain/types';
import { loadRegionPack } from '@/lib/region/load-pack';
import { getLocalMidnight, HOUR } from './clock';
import { FixBuffer } from './fix-buffer';
import { createSimContext } from './population';
import { createHistoryWindow, simulateWorkerHistory, type WorkerHistory } from './simulate-history';
import { expandStretch } from './stretch';

const pack = loadRegionPack('moscow');
const NOW = new Date('2026-11-24T21:00:00Z');
const ctx = createSimContext(pack, 7, NOW);
const window = createHistoryWindow(ctx, 7);

// Histories share one fix buffer, so keep what each test needs as plain data.
function summarise(h: WorkerHistory) {
  return {
    worker: h.worker,
    timeline: h.timeline,
    registrations: h.recorder.registrations.map((r) => ({ ...r })),
    events: h.recorder.events.map((e) => ({ ...e })),
    lapses: h.recorder.lapses.map((l) => ({ ...l })),
    status: h.status,
    stretches: h.stretches,
    fixTimes: Array.from(h.fixes.time.subarray(0, h.fixes.n)),
  };
}

const buf = new FixBuffer();
const histories = Array.from({ length: 400 }, (_, i) =>
  summarise(simulateWorkerHistory(ctx, i, window, DEFAULT_POLICY, buf)),
);

describe('simulateWorkerHistory', () => {
  it('is reproducible: the same seed gives the same history', () => {
    const again = createSimContext(pack, 7, NOW);
    for (const i of [3, 150, 399]) {
      const h = summarise(simulateWorkerHistory(again, i, window, DEFAULT_POLICY, new FixBuffer()));
      expect(JSON.stringify(h)).toBe(JSON.stringify(histories[i]));
    }
  });

  it('keeps day workers at home in the middle of the night', () => {
    let checked = 0;
    for (const h of histories) {
      if (h.worker.habits.schedule === 'night') continue;
      for (
        let day = getLocalMidnight(window.from, window.offsetMs) + 3 * HOUR;
        day < window.to;
        day += 24 * HOUR
      ) {
        if (day < window.from || h.timeline.trips.some((t) => day >= t.leaveAt && day <= t.backAt)) continue;
        const seg = h.timeline.segments.find((s) => s.from <= day && s.to > day);
        expect(
          seg?.kind === 'stay' && seg.place,
          `worker ${h.worker.index} at ${new Date(day).toISOString()}`,
        ).toBe('home');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2_000);
  });

  it('covers the window with contiguous whereabouts', () => {
    for (const h of histories.slice(0, 100)) {
      const segs = h.timeline.segments;
      expect(segs[0]!.from).toBe(window.from);
      expect(segs[segs.length - 1]!.to).toBeGreaterThanOrEqual(window.to);
      for (let k = 1; k < segs.length; k++) expect(segs[k]!.from).toBeCloseTo(segs[k - 1]!.to, 3);
    }
  });

  it('has at most one live registration at a time and ends with the status of the last one', () => {
    for (const h of histories) {
      const regs = h.registrations;
      regs.slice(0, -1).forEach((r) => expect(['cancelled', 'ended']).toContain(r.status));
      const last = regs[regs.length - 1];
      expect(h.status.status).toBe(last ? last.status : 'none');
      for (let k = 1; k < regs.length; k++)
        expect(regs[k]!.createdAt).toBeGreaterThanOrEqual(regs[k - 1]!.closedAt ?? Infinity);
    }
  });

  it('links every cancellation to the lapse that caused it', () => {
    let cancelled = 0;
    for (const h of histories) {
      for (const r of h.registrations.filter((x) => x.status === 'cancelled')) {
        const lapse = h.lapses.find((l) => l.id === r.cancelLapseId);
        expect(lapse?.registrationId).toBe(r.id);
        expect(lapse?.causedCancellation).toBe(true);
        cancelled++;
      }
      for (const l of h.lapses) {
        expect(l.detectedAt).toBeGreaterThanOrEqual(l.startedAt);
        if (l.endedAt !== null) expect(l.endedAt).toBeGreaterThanOrEqual(l.startedAt);
        if (l.voidedAt !== null) expect(l.causedCancellation).toBe(false);
        expect(l.explanationRu.length).toBeGreaterThan(10);
        expect(l.explanationEn.length).toBeGreaterThan(10);
      }
    }
    expect(cancelled).toBeGreaterThan(10);
  });

  it('opens the kinds of lapses ordinary life causes, mostly technical', () => {
    const causes = new Map<string, number>();
    for (const h of histories)
      for (const l of h.lapses) causes.set(l.likelyCause, (causes.get(l.likelyCause) ?? 0) + 1);
    for (const cause of ['battery_depleted', 'underground', 'signal_lost', 'device_shutdown']) {
      expect(causes.get(cause) ?? 0, cause).toBeGreaterThan(0);
    }
    const total = [...causes.values()].reduce((a, b) => a + b, 0);
    const perWorkerDay = total / (histories.length * 7);
    expect(perWorkerDay).toBeGreaterThan(0.02);
    expect(perWorkerDay).toBeLessThan(0.2);
  });

  it('records each registration as declared first, in time order', () => {
    for (const h of histories) {
      for (const r of h.registrations) {
        // A restoration is dated by the late fix that proves tracking went on, before the cancellation.
        const events = h.events.filter((e) => e.registrationId === r.id && e.type !== 'restored');
        expect(events[0]?.type).toBe('declared');
        for (let k = 1; k < events.length; k++)
          expect(events[k]!.at).toBeGreaterThanOrEqual(events[k - 1]!.at);
      }
    }
  });

  it('leaves an open lapse only on a cancelled or ended registration under grace 0', () => {
    for (const h of histories) {
      expect(h.status.status).not.toBe('interrupted');
      if (h.status.openLapseId) expect(h.status.status).toBe('cancelled');
    }
  });

  it('takes a fix at least every heartbeat while nothing goes wrong', () => {
    const h = histories[0]!;
    const times = [...h.fixTimes, ...h.stretches.map((s) => s.first)].sort((a, b) => a - b);
    const gaps = times.slice(1).map((t, k) => t - times[k]!);
    expect(gaps.filter((g) => g <= 320_000).length / gaps.length).toBeGreaterThan(0.5);
  });

  it('expands a stretch to the same fixes however it is cut', () => {
    const s = histories.flatMap((h) => h.stretches).find((x) => x.count > 20)!;
    const whole = new FixBuffer();
    const halves = new FixBuffer();
    const end = s.first + s.count * 300_000 + 60_000;
    const mid = s.first + 10 * 300_000 + 100_000;
    expandStretch(s, s.first, end, whole);
    expandStretch(s, s.first, mid, halves);
    expandStretch(s, mid, end, halves);
    expect(whole.n).toBe(s.count);
    expect(Array.from(halves.time.subarray(0, halves.n))).toEqual(
      Array.from(whole.time.subarray(0, whole.n)),
    );
    expect(Array.from(halves.lat.subarray(0, halves.n))).toEqual(Array.from(whole.lat.subarray(0, whole.n)));
    for (let k = 0; k < whole.n; k++) {
      expect(whole.battery[k]).toBeGreaterThanOrEqual(1);
      expect(whole.battery[k]).toBeLessThanOrEqual(100);
    }
  });
});
