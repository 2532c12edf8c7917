// The phone in the worker's pocket: a fix every heartbeat (more often on the move), a battery that
// drains by day and charges at home, no GPS in tunnels and basements, and the incidents planned in
// incidents.ts. Fixes go into a reusable column buffer: a week of one worker is ~2,500 fixes.
import { HOUR, MINUTE } from './clock';
import { type Incidents, IntervalCursor, RATES } from './incidents';
import {
  CHARGE_PER_HOUR,
  deliveredAt,
  drainPerHour,
  HEARTBEAT_MS,
  isPlugged,
  listIntervalEvents,
  type PhoneOutput,
  planStretch,
} from './phone-plan';
import type { SimWorker } from './population';
import { createRng } from './rng';
import { getStretchLast, POOR_GPS_SHARE, type Stretch } from './stretch';
import type { Move, Segment, Timeline } from './timeline';
import {
  FixBuffer,
  FLAG_CHARGING,
  FLAG_CHECK_REGION,
  FLAG_MOCK,
  PROVIDER_FUSED,
  PROVIDER_GPS,
  PROVIDER_NETWORK,
} from './fix-buffer';

export type { PhoneOutput, SimEvent } from './phone-plan';

const MOVING_MS = 150_000;
const M_PER_DEG = 111_320;

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
      const stretch = planStretch(
        w,
        inc,
        seg,
        t,
        Math.min(seg.to, to + 1),
        offsetMs,
        plugged,
        battery,
        lowWarned,
        rng,
      );
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
    const away =
      (seg.kind === 'move' && seg.purpose === 'trip') || (seg.kind === 'stay' && seg.place === 'away');
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
