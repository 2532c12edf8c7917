// Which fixes of a worker's history are written: all of the recent full-density window, and in the
// older history the fixes around lapses and long gaps (evidence and policy replays need those).
import { FixBuffer } from './fix-buffer';
import { getStretchLast, type Stretch } from './stretch';
import type { SeedHistory } from './simulate-history';

export interface WindowOptions {
  now: number;
  /** Every fix from here on is written; before it only fixes near lapses and long gaps. */
  fullFrom: number;
  /** How far around a lapse or a long gap fixes are kept in the sparse part of the history. */
  contextMs: number;
  nearMissGapMs: number;
}

export function stretchEnd(s: Stretch): number {
  return s.first + s.count * 300_000 + 10_000;
}

export function copyRow(from: FixBuffer, i: number, to: FixBuffer): void {
  const j = to.alloc();
  to.time[j] = from.time[i]!;
  to.arrival[j] = from.arrival[i]!;
  to.lat[j] = from.lat[i]!;
  to.lon[j] = from.lon[i]!;
  to.accuracy[j] = from.accuracy[i]!;
  to.speed[j] = from.speed[i]!;
  to.heading[j] = from.heading[i]!;
  to.altitude[j] = from.altitude[i]!;
  to.battery[j] = from.battery[i]!;
  to.flags[j] = from.flags[i]!;
  to.provider[j] = from.provider[i]!;
}

/** Time windows whose fixes are written: the recent full-density part, lapses and long gaps. */
export function listWindows(h: SeedHistory, opts: WindowOptions): [number, number][] {
  const raw: [number, number][] = [[opts.fullFrom, opts.now + 1]];
  const c = opts.contextMs;
  for (const l of h.recorder.lapses) {
    raw.push([l.startedAt - c, l.startedAt + c / 4]);
    raw.push([(l.endedAt ?? opts.now) - c / 4, (l.endedAt ?? opts.now) + c / 2]);
  }
  // Gaps that were not lapses under the current rule but would be under a stricter one. Stretches
  // cover the time between their first and last fix.
  const buf = h.fixes;
  const spans = h.stretches.map((s) => [s.first, getStretchLast(s)] as const);
  let last = -Infinity;
  let k = 0;
  const visit = (first: number, end: number) => {
    if (last > -Infinity && first - last >= opts.nearMissGapMs && last < opts.fullFrom)
      raw.push([last - c / 2, first + c / 4]);
    last = Math.max(last, end);
  };
  for (let i = 0; i < buf.n; i++) {
    const t = buf.time[i]!;
    while (k < spans.length && spans[k]![0] < t) {
      visit(spans[k]![0], spans[k]![1]);
      k++;
    }
    visit(t, t);
  }
  for (; k < spans.length; k++) visit(spans[k]![0], spans[k]![1]);
  raw.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of raw) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

export function createWindowTest(windows: [number, number][]): (t: number) => boolean {
  let k = 0;
  return (t) => {
    while (k < windows.length && windows[k]![1] <= t) k++;
    const w = windows[k];
    return w !== undefined && w[0] <= t;
  };
}
