// Planning helpers of the phone model: when held uploads arrive, which events the incidents
// imply, when the charger is in, and how long a stay can be kept as one quiet Stretch.
import type { DeviceEventType } from '@/lib/domain/types';
import { DAY, getLocalMinuteOfDay, HOUR, MINUTE } from './clock';
import type { Incidents, Interval } from './incidents';
import type { SimWorker } from './population';
import type { Rng } from './rng';
import { STRETCH_STEP_MS, type Stretch } from './stretch';
import type { Segment, Stay } from './timeline';

export interface SimEvent {
  time: number;
  arrival: number;
  type: DeviceEventType;
}

export const HEARTBEAT_MS = 300_000;
export const CHARGE_PER_HOUR = 40;

const BATCH_TAIL_MS = 60_000;

// Held fixes go up in one batch when the connection returns, in the order they were taken, with
// the first fresh fixes of that minute in the same upload.
export function deliveredAt(t: number, rng: Rng, ...holds: Interval[][]): number {
  for (const list of holds) {
    for (const iv of list) {
      if (iv.from <= t && t < iv.to + BATCH_TAIL_MS)
        return Math.max(t, iv.to) + 5_000 + (t - iv.from) / 1_000;
    }
  }
  return t + rng.int(1, 6) * 1000;
}

// Events that follow directly from the planned intervals; battery deaths come from the sampler.
export function listIntervalEvents(inc: Incidents, rng: Rng): SimEvent[] {
  const raw: { time: number; type: DeviceEventType }[] = [];
  const pair = (list: Interval[], on: DeviceEventType, off: DeviceEventType) => {
    for (const iv of list) raw.push({ time: iv.from, type: on }, { time: iv.to, type: off });
  };
  pair(inc.locationOff, 'location_disabled', 'location_enabled');
  pair(inc.powerOff, 'shutdown', 'boot');
  pair(inc.airplane, 'airplane_on', 'airplane_off');
  raw.sort((a, b) => a.time - b.time);
  // An airplane_off is sent the moment the radio is back, so it is not held by its own interval.
  return raw.map((e) => ({
    ...e,
    arrival:
      e.type === 'airplane_off'
        ? deliveredAt(e.time, rng, inc.offline)
        : deliveredAt(e.time, rng, inc.offline, inc.airplane),
  }));
}

export function isPlugged(w: SimWorker, seg: Segment, t: number, noCharge: Interval | null): boolean {
  if (seg.kind !== 'stay') return false;
  switch (seg.place) {
    case 'home':
      return !noCharge && t >= seg.from + w.habits.plugDelayMin * MINUTE;
    case 'work':
      return w.habits.chargesAtWork && t >= seg.from + 2 * HOUR && t < seg.from + 4 * HOUR;
    case 'away':
      return t >= seg.from + HOUR;
    default:
      return false;
  }
}

export interface PhoneOutput {
  events: SimEvent[];
  stretches: Stretch[];
}

export function drainPerHour(
  w: SimWorker,
  inc: Incidents,
  seg: Segment,
  t: number,
  offsetMs: number,
): number {
  const minute = getLocalMinuteOfDay(t, offsetMs);
  const load = seg.kind === 'move' ? 1.4 : minute < 360 ? 0.35 : 1;
  const day = Math.floor((t - inc.firstMidnight) / DAY);
  return w.device.drainPerHour * (inc.drainFactor[day] ?? 1) * load;
}

/** First moment at or after `t` that any interval of the list touches (with a margin after it). */
function nextTouch(list: Interval[], t: number, marginAfter: number): number {
  for (const iv of list) if (iv.to + marginAfter > t) return iv.from;
  return Infinity;
}

// When nothing can change for a while (no incident, no charger plugged or unplugged, no battery
// threshold, same drain), the fixes of the stay are one Stretch instead of dozens of rows.
export function planStretch(
  w: SimWorker,
  inc: Incidents,
  seg: Stay,
  t: number,
  end: number,
  offsetMs: number,
  plugged: boolean,
  battery: number,
  lowWarned: boolean,
  rng: Rng,
): Stretch | null {
  let horizon = end;
  for (const list of [inc.powerOff, inc.locationOff, inc.gpsBlind, inc.mock])
    horizon = Math.min(horizon, nextTouch(list, t, 0));
  // Late uploads of a connection outage must not land inside a stretch.
  for (const list of [inc.offline, inc.airplane]) horizon = Math.min(horizon, nextTouch(list, t, 2 * MINUTE));
  for (const iv of inc.noCharge) {
    if (iv.from > t) horizon = Math.min(horizon, iv.from);
    else if (iv.to > t) horizon = Math.min(horizon, iv.to);
  }
  const edges =
    seg.place === 'home'
      ? [seg.from + w.habits.plugDelayMin * MINUTE]
      : seg.place === 'work'
        ? w.habits.chargesAtWork
          ? [seg.from + 2 * HOUR, seg.from + 4 * HOUR]
          : []
        : seg.place === 'away'
          ? [seg.from + HOUR]
          : [];
  for (const edge of edges) if (edge > t) horizon = Math.min(horizon, edge);
  const minute = getLocalMinuteOfDay(t, offsetMs);
  horizon = Math.min(horizon, t + ((minute < 360 ? 360 : 1440) - minute) * MINUTE);
  const perHour = plugged ? CHARGE_PER_HOUR : -drainPerHour(w, inc, seg, t, offsetMs);
  if (!plugged) {
    const floor = !lowWarned && battery > 15 ? 15 : 0;
    horizon = Math.min(horizon, t + ((battery - floor) / -perHour) * HOUR - HEARTBEAT_MS);
  }
  const count = Math.floor((horizon - t) / STRETCH_STEP_MS);
  if (count < 4) return null;
  return {
    first: Math.round(t),
    count,
    key: rng.int(0, 0x7fffffff),
    lat: seg.lat,
    lon: seg.lon,
    poor: w.habits.poorHomeGps && seg.place === 'home',
    battery0: battery,
    batteryRate: perHour / HOUR,
    charging: plugged,
  };
}
