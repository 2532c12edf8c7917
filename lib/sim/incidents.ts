// What goes wrong with a phone, and how often. Rates are per worker and day and meant to look like
// ordinary life: most lapses are technical (battery, tunnels, basements), a few are not.
import { DAY, getLocalMidnight, HOUR, MINUTE } from './clock';
import type { SimWorker } from './population';
import { createRng, type Rng } from './rng';
import type { Timeline } from './timeline';

export interface Interval {
  from: number;
  to: number;
}

export const RATES = {
  locationOffPerDay: 0.006,
  offlinePerDay: 0.005,
  daytimePowerOffPerDay: 0.002,
  mockPerDay: 0.0004,
  basementPerConstructionWorkday: 0.012,
  basementPerOtherDay: 0.002,
  forgetToPlugPerNight: 0.015,
  /** A metro ride where the phone catches no network fix at any station. */
  deadRide: 0.004,
  /** A network fix caught while the train stands at a station. */
  stationFix: 0.8,
};

export interface Incidents {
  locationOff: Interval[];
  /** No mobile data: fixes are kept and uploaded when the connection returns. */
  offline: Interval[];
  airplane: Interval[];
  powerOff: Interval[];
  mock: Interval[];
  /** GPS cannot see the sky (basements, underground car parks) while the phone stays online. */
  gpsBlind: Interval[];
  /** Nights the phone is not put on the charger. */
  noCharge: Interval[];
  /** Per-day drain multiplier, indexed by local day from the first midnight. */
  drainFactor: number[];
  firstMidnight: number;
}

function lognormalMinutes(rng: Rng, median: number, sigma: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, median * Math.exp(rng.normal() * sigma))) * MINUTE;
}

function atLocal(day: number, rng: Rng, fromHour: number, toHour: number): number {
  return day + rng.range(fromHour, toHour) * HOUR;
}

export function planIncidents(
  w: SimWorker,
  timeline: Timeline,
  from: number,
  to: number,
  offsetMs: number,
  seed: number,
): Incidents {
  const first = getLocalMidnight(from, offsetMs);
  const rng = createRng(seed, 'incidents', w.index, first);
  const out: Incidents = {
    locationOff: [],
    offline: [],
    airplane: [],
    powerOff: [],
    mock: [],
    gpsBlind: [],
    noCharge: [],
    drainFactor: [],
    firstMidnight: first,
  };
  const away = (t: number) => timeline.trips.some((trip) => t >= trip.leaveAt && t <= trip.backAt);
  const h = w.habits;
  const nightWorker = h.schedule === 'night';
  for (let day = first; day < to; day += DAY) {
    out.drainFactor.push(Math.exp(rng.normal() * 0.16));
    const add = (list: Interval[], start: number, length: number) => {
      if (start + length > from && start < to && !away(start)) list.push({ from: start, to: start + length });
    };
    if (rng.chance(RATES.locationOffPerDay))
      add(out.locationOff, atLocal(day, rng, 8, 21), lognormalMinutes(rng, 25, 1, 3, 240));
    if (rng.chance(RATES.offlinePerDay))
      add(out.offline, atLocal(day, rng, 7, 21), lognormalMinutes(rng, 60, 0.9, 20, 360));
    if (rng.chance(RATES.daytimePowerOffPerDay))
      add(out.powerOff, atLocal(day, rng, 9, 20), lognormalMinutes(rng, 30, 0.7, 8, 120));
    if (rng.chance(RATES.mockPerDay))
      add(out.mock, atLocal(day, rng, 9, 19), lognormalMinutes(rng, 45, 0.6, 15, 150));
    const basement =
      w.sector === 'construction' ? RATES.basementPerConstructionWorkday : RATES.basementPerOtherDay;
    if (rng.chance(basement))
      add(out.gpsBlind, atLocal(day, rng, 10, 16), lognormalMinutes(rng, 45, 0.6, 18, 150));
    if (!nightWorker && rng.chance(h.nightOff)) {
      const off = atLocal(day, rng, 22.5, 25);
      add(out.powerOff, off, atLocal(day + DAY, rng, 5.3, 6.8) - off);
    } else if (!nightWorker && rng.chance(h.nightAirplane)) {
      const on = atLocal(day, rng, 22.5, 25);
      add(out.airplane, on, atLocal(day + DAY, rng, 5.5, 7) - on);
    }
    if (rng.chance(RATES.forgetToPlugPerNight))
      out.noCharge.push({ from: day + 12 * HOUR, to: day + 36 * HOUR });
  }
  return {
    ...out,
    locationOff: mergeIntervals(out.locationOff),
    offline: mergeIntervals(out.offline),
    airplane: mergeIntervals(out.airplane),
    powerOff: mergeIntervals(out.powerOff),
    mock: mergeIntervals(out.mock),
    gpsBlind: mergeIntervals(out.gpsBlind),
    noCharge: mergeIntervals(out.noCharge),
  };
}

export function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const iv of sorted) {
    const last = merged[merged.length - 1];
    if (last && iv.from <= last.to) last.to = Math.max(last.to, iv.to);
    else merged.push({ ...iv });
  }
  return merged;
}

/** Membership test for a time that only moves forward, over sorted non-overlapping intervals. */
export class IntervalCursor {
  private i = 0;
  constructor(private readonly list: Interval[]) {}
  at(t: number): Interval | null {
    while (this.i < this.list.length && (this.list[this.i]?.to ?? 0) <= t) this.i++;
    const iv = this.list[this.i];
    return iv && iv.from <= t ? iv : null;
  }
}
