// The phone in the worker's pocket: a fix every heartbeat (more often on the move), a battery that
// drains by day and charges at home, no GPS in tunnels and basements, and the incidents planned in
// incidents.ts. Fixes go into a reusable column buffer: a week of one worker is ~2,500 fixes.
import type { DeviceEventType } from '@/lib/domain/types';
import { DAY, getLocalMinuteOfDay, HOUR, MINUTE } from './clock';
import { type Incidents, IntervalCursor, type Interval, RATES } from './incidents';
import type { SimWorker } from './population';
import { createRng, type Rng } from './rng';
import { getStretchLast, POOR_GPS_SHARE, STRETCH_STEP_MS, type Stretch } from './stretch';
import type { Move, Segment, Stay, Timeline } from './timeline';
import { FixBuffer, FLAG_CHARGING, FLAG_CHECK_REGION, FLAG_MOCK, PROVIDER_FUSED, PROVIDER_GPS, PROVIDER_NETWORK } from './fix-buffer';

export interface SimEvent {
  time: number;
  arrival: number;
  type: DeviceEventType;
}

const HEARTBEAT_MS = 300_000;
const MOVING_MS = 150_000;
const CHARGE_PER_HOUR = 40;
const M_PER_DEG = 111_320;

const BATCH_TAIL_MS = 60_000;

// Held fixes go up in one batch when the connection returns, in the order they were taken, with
// the first fresh fixes of that minute in the same upload.
function deliveredAt(t: number, rng: Rng, ...holds: Interval[][]): number {
  for (const list of holds) {
    for (const iv of list) {
      if (iv.from <= t && t < iv.to + BATCH_TAIL_MS) return Math.max(t, iv.to) + 5_000 + (t - iv.from) / 1_000;
    }
  }
  return t + rng.int(1, 6) * 1000;
}

// Events that follow directly from the planned intervals; battery deaths come from the sampler.
function listIntervalEvents(inc: Incidents, rng: Rng): SimEvent[] {
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
    arrival: e.type === 'airplane_off' ? deliveredAt(e.time, rng, inc.offline) : deliveredAt(e.time, rng, inc.offline, inc.airplane),
  }));
}

function isPlugged(w: SimWorker, seg: Segment, t: number, noCharge: Interval | null): boolean {
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

// Compares in epoch ms exactly as the jump targets are computed, so landing on a platform is exact.
function findWaypoint(move: Move, t: number, from: number): number {
  const r = move.route;
  let k = from;
  while (k + 1 < r.sec.length && move.from + r.sec[k + 1]! * 1000 <= t) k++;
  return k;
}

/** Next time worth trying underground: the next platform, or the exit. */
function nextUndergroundChance(move: Move, k: number, dead: boolean): number {
  const r = move.route;
  for (let j = k + 1; j < r.sec.length; j++) {
    if (!r.ug[j] || (!dead && r.stop[j])) return move.from + r.sec[j]! * 1000;
  }
  return move.to;
}

export interface PhoneOutput {
  events: SimEvent[];
  stretches: Stretch[];
}

function drainPerHour(w: SimWorker, inc: Incidents, seg: Segment, t: number, offsetMs: number): number {
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
function planStretch(
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
  for (const list of [inc.powerOff, inc.locationOff, inc.gpsBlind, inc.mock]) horizon = Math.min(horizon, nextTouch(list, t, 0));
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

export function samplePhone(
  w: SimWorker,
  timeline: Timeline,
  inc: Incidents,
  from: number,
  to: number,
  offsetMs: number,
  seed: number,
  buf: FixBuffer,
): PhoneOutput {
  const rng = createRng(seed, 'phone', w.index, inc.firstMidnight);
  const stretches: Stretch[] = [];
  const events = listIntervalEvents(inc, rng);
  const cur = {
    powerOff: new IntervalCursor(inc.powerOff),
    locationOff: new IntervalCursor(inc.locationOff),
    gpsBlind: new IntervalCursor(inc.gpsBlind),
    mock: new IntervalCursor(inc.mock),
    noCharge: new IntervalCursor(inc.noCharge),
  };
  const deadRides = new Map<Segment, boolean>();
  buf.clear();
  let battery = rng.range(55, 100);
  let dead = false;
  let lowWarned = false;
  let segIdx = 0;
  let wp = 0;
  let lastT = from;
  let t = from + rng.int(0, 299) * 1000;
  const segments = timeline.segments;
  while (t <= to) {
    while (segIdx + 1 < segments.length && (segments[segIdx]?.to ?? 0) <= t) {
      segIdx++;
      wp = 0;
    }
    const seg = segments[segIdx]!;
    const plugged = isPlugged(w, seg, t, cur.noCharge.at(t));
    const off = cur.powerOff.at(t);
    const hours = (t - lastT) / HOUR;
    lastT = t;
    if (plugged) battery = Math.min(100, battery + CHARGE_PER_HOUR * hours);
    else if (!dead && !off) battery -= drainPerHour(w, inc, seg, t, offsetMs) * hours;
    // Phones switch themselves off at about 1 %.
    if (!dead && battery < 1) {
      dead = true;
      battery = 0;
      if (rng.chance(0.5)) events.push({ time: t, arrival: t + 2000, type: 'shutdown' });
    }
    if (dead) {
      if (plugged) {
        const boot = t + rng.int(3, 15) * MINUTE;
        events.push({ time: boot, arrival: boot + 20_000, type: 'boot' });
        dead = false;
        battery = Math.max(battery, 3);
        t = boot;
      } else t += HEARTBEAT_MS;
      continue;
    }
    if (battery > 30) lowWarned = false;
    else if (battery < 15 && !lowWarned && !plugged) {
      lowWarned = true;
      events.push({ time: t, arrival: deliveredAt(t, rng, inc.offline, inc.airplane), type: 'low_battery' });
    }
    const blocked = off ?? cur.locationOff.at(t) ?? cur.gpsBlind.at(t);
    if (blocked) {
      t = blocked.to + rng.int(10, 60) * 1000;
      if (blocked === off) lastT = t;
      continue;
    }
    if (seg.kind === 'stay') {
      const stretch = planStretch(w, inc, seg, t, Math.min(seg.to, to + 1), offsetMs, plugged, battery, lowWarned, rng);
      if (stretch) {
        stretches.push(stretch);
        const last = getStretchLast(stretch);
        battery = Math.min(100, Math.max(0, stretch.battery0 + stretch.batteryRate * (last - stretch.first)));
        lastT = last;
        t = last + HEARTBEAT_MS + rng.int(-8, 8) * 1000;
        continue;
      }
    }
    let lat: number;
    let lon: number;
    let speed = rng.range(0, 0.4);
    let heading = NaN;
    let accuracy: number;
    let provider = PROVIDER_FUSED;
    if (seg.kind === 'move') {
      const r = seg.route;
      wp = findWaypoint(seg, t, wp);
      const wb = Math.min(wp + 1, r.sec.length - 1);
      const ta = seg.from + r.sec[wp]! * 1000;
      const tb = seg.from + r.sec[wb]! * 1000;
      if (r.ug[wp]) {
        if (!deadRides.has(seg)) deadRides.set(seg, rng.chance(RATES.deadRide));
        const deadRide = deadRides.get(seg) ?? false;
        const atStop = r.stop[wp] === 1 && ta === t;
        if (!atStop || deadRide || !rng.chance(RATES.stationFix)) {
          const next = nextUndergroundChance(seg, wp, deadRide);
          t = next > t ? next : t + 30_000;
          continue;
        }
        provider = PROVIDER_NETWORK;
      }
      const f = tb > ta ? (t - ta) / (tb - ta) : 0;
      const la = r.lat[wp]!;
      const lb = r.lat[wb]!;
      const oa = r.lon[wp]!;
      const ob = r.lon[wb]!;
      lat = la + (lb - la) * f;
      lon = oa + (ob - oa) * f;
      if (tb > ta && provider !== PROVIDER_NETWORK) {
        const dy = (lb - la) * M_PER_DEG;
        const dx = (ob - oa) * M_PER_DEG * Math.cos((la * Math.PI) / 180);
        speed = Math.hypot(dx, dy) / ((tb - ta) / 1000);
        heading = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
        provider = PROVIDER_GPS;
      }
      accuracy = provider === PROVIDER_NETWORK ? rng.range(35, 150) : 4 + 6 * Math.exp(rng.normal() * 0.5);
    } else {
      lat = seg.lat;
      lon = seg.lon;
      const r = rng.next();
      accuracy =
        w.habits.poorHomeGps && seg.place === 'home' && r < POOR_GPS_SHARE
          ? rng.range(220, 1500)
          : r < 0.007
            ? rng.range(220, 1200)
            : r < 0.04
              ? rng.range(50, 180)
              : 5 + 10 * Math.exp(rng.normal() * 0.5);
    }
    const mock = cur.mock.at(t) !== null;
    if (mock) {
      lat = w.home.lat;
      lon = w.home.lon;
      accuracy = rng.pick([3, 4, 5]);
      provider = PROVIDER_GPS;
    } else {
      const spread = Math.min(accuracy, 300) * 0.4;
      lat += (rng.normal() * spread) / M_PER_DEG;
      lon += (rng.normal() * spread) / (M_PER_DEG * Math.cos((lat * Math.PI) / 180));
    }
    const away = (seg.kind === 'move' && seg.purpose === 'trip') || (seg.kind === 'stay' && seg.place === 'away');
    const i = buf.alloc();
    buf.time[i] = Math.round(t);
    buf.arrival[i] = deliveredAt(t, rng, inc.offline, inc.airplane);
    buf.lat[i] = lat;
    buf.lon[i] = lon;
    buf.accuracy[i] = accuracy;
    buf.speed[i] = speed;
    buf.heading[i] = heading;
    buf.altitude[i] = provider === PROVIDER_NETWORK ? NaN : 150 + rng.normal() * 12;
    buf.battery[i] = Math.max(1, Math.round(battery));
    buf.flags[i] = (plugged ? FLAG_CHARGING : 0) | (mock ? FLAG_MOCK : 0) | (away ? FLAG_CHECK_REGION : 0);
    buf.provider[i] = provider;
    t += (seg.kind === 'move' ? MOVING_MS : HEARTBEAT_MS) + rng.int(-8, 8) * 1000;
  }
  return { events: events.filter((e) => e.time <= to).sort((a, b) => a.time - b.time), stretches };
}
