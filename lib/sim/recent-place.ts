// Where a worker is at a given moment, for the recent-state seed: at work during their shift, at
// home otherwise, far outside the region once they have left it. The full simulation routes
// commutes and trips; a present-day snapshot only needs the place.
import { getLocalMinuteOfDay } from './clock';
import type { SimPerson } from './population';

/** Shares of the recent-state scenarios, measured on the full simulation (seed 42, 10,000 workers). */
export interface RecentShares {
  /** An earlier lapse cancelled a registration that was declared again since. */
  past: number;
  /** Cancelled by a lapse that is still open: the phone is silent now. */
  silent: number;
  /** Cancelled by a lapse that has ended; not declared again yet. */
  back: number;
  /** Left the region. */
  ended: number;
}

export const recentShares: RecentShares = { past: 0.3, silent: 0.0065, back: 0.047, ended: 0.007 };

// Leaving the region: a point about 300 km away (no region pack is that large).
const AWAY_DEG = 2.7;

export function placeAt(
  w: SimPerson,
  t: number,
  offsetMs: number,
  outside: boolean,
): { lat: number; lon: number; atHome: boolean; poor: boolean } {
  if (outside) return { lat: w.home.lat + AWAY_DEG, lon: w.home.lon + AWAY_DEG, atHome: false, poor: false };
  const h = w.habits;
  const minute = getLocalMinuteOfDay(t, offsetMs);
  const into = (minute - h.workStartMin + 1440) % 1440;
  if (into < h.workMinutes) return { lat: w.work.lat, lon: w.work.lon, atHome: false, poor: false };
  return { lat: w.home.lat, lon: w.home.lon, atHome: true, poor: h.poorHomeGps };
}
