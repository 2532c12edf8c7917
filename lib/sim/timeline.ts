// Where a worker is over a stretch of time: at home at night, at work by day, commuting between,
// out on days off, and now and then on a trip out of the region. Pure and seeded.
import { haversineMeters } from '@/lib/domain/geo';
import { randomPointInDistrict } from '@/lib/domain/region';
import { DAY, getLocalDayNumber, getLocalMidnight, getLocalWeekday, HOUR, MINUTE } from './clock';
import type { SimContext, SimWorker } from './population';
import { createRng, pickWeighted, type Rng } from './rng';
import { buildRoute, planCommute, type Route } from './transit';

export type PlaceKind = 'home' | 'work' | 'other' | 'away';

export interface Stay {
  kind: 'stay';
  from: number;
  to: number;
  place: PlaceKind;
  lat: number;
  lon: number;
}

export interface Move {
  kind: 'move';
  from: number;
  to: number;
  purpose: 'commute' | 'errand' | 'courier' | 'trip';
  /** Shared between trips on the same way; waypoint times are seconds after `from`. */
  route: Route;
}

export type Segment = Stay | Move;

export interface Trip {
  leaveAt: number;
  backAt: number;
}

export interface Timeline {
  segments: Segment[];
  trips: Trip[];
}

export const TRIP_RATE_PER_DAY = 0.0015;
const OUTING_SHARE = 0.55;
const TRIP_KMH = 75;

interface Builder {
  segments: Segment[];
  cursor: number;
}

interface Point {
  lat: number;
  lon: number;
}

function stayUntil(b: Builder, until: number, place: PlaceKind, at: Point) {
  if (until <= b.cursor) return;
  const last = b.segments[b.segments.length - 1];
  if (last?.kind === 'stay' && last.place === place && last.lat === at.lat && last.lon === at.lon)
    last.to = until;
  else b.segments.push({ kind: 'stay', from: b.cursor, to: until, place, lat: at.lat, lon: at.lon });
  b.cursor = until;
}

function travel(b: Builder, route: Route, purpose: Move['purpose']): void {
  const end = b.cursor + route.totalSec * 1000;
  b.segments.push({ kind: 'move', from: b.cursor, to: end, purpose, route });
  b.cursor = end;
}

function straightMove(b: Builder, from: Point, to: Point, mps: number, purpose: Move['purpose']): void {
  const sec = Math.max(60, (haversineMeters(from.lat, from.lon, to.lat, to.lon) * 1.2) / mps);
  const steps = Math.max(2, Math.ceil(sec / 900));
  const points = Array.from({ length: steps + 1 }, (_, k) => ({
    sec: (k / steps) * sec,
    lat: from.lat + ((to.lat - from.lat) * k) / steps,
    lon: from.lon + ((to.lon - from.lon) * k) / steps,
    ug: false,
    stop: false,
  }));
  travel(b, buildRoute(points, [purpose === 'trip' ? 'rail' : 'walk']), purpose);
}

function isWorkday(w: SimWorker, day: number, offsetMs: number): boolean {
  const weekday = getLocalWeekday(day, offsetMs);
  switch (w.habits.schedule) {
    case 'six-day':
      return weekday !== 0;
    case 'five-day':
      return weekday !== 0 && weekday !== 6;
    default:
      return (getLocalDayNumber(day, offsetMs) + w.habits.shiftPhase) % 4 < 2;
  }
}

function courierShift(b: Builder, rng: Rng, w: SimWorker, until: number): void {
  const depot = { lat: w.work.lat, lon: w.work.lon };
  let here = depot;
  while (b.cursor < until - 40 * MINUTE) {
    const stop = { lat: depot.lat + rng.normal() * 0.025, lon: depot.lon + rng.normal() * 0.04 };
    straightMove(b, here, stop, 4.5, 'courier');
    stayUntil(b, b.cursor + rng.int(3, 12) * MINUTE, 'other', stop);
    here = stop;
  }
  straightMove(b, here, depot, 4.5, 'courier');
  stayUntil(b, Math.max(b.cursor, until), 'work', depot);
}

function workDay(b: Builder, rng: Rng, w: SimWorker, day: number): void {
  const h = w.habits;
  const startAt = day + (h.workStartMin + rng.int(-5, 10)) * MINUTE;
  const leave = Math.max(b.cursor, startAt - w.toWork.totalSec * 1000 - rng.int(5, 25) * MINUTE);
  stayUntil(b, leave, 'home', w.home);
  travel(b, w.toWork, 'commute');
  const endAt = Math.max(b.cursor + HOUR, startAt + (h.workMinutes + rng.int(-10, 40)) * MINUTE);
  if (h.courier) courierShift(b, rng, w, endAt);
  else stayUntil(b, endAt, 'work', w.work);
  travel(b, w.toHome, 'commute');
}

function dayOff(b: Builder, rng: Rng, ctx: SimContext, w: SimWorker, day: number, out: OutingCache): void {
  if (!rng.chance(OUTING_SHARE)) return;
  const leave = day + rng.int(10 * 60, 15 * 60) * MINUTE;
  if (leave <= b.cursor) return;
  const outing = out.get(ctx, w);
  stayUntil(b, leave, 'home', w.home);
  travel(b, outing.there, 'errand');
  stayUntil(b, b.cursor + rng.int(60, 240) * MINUTE, 'other', outing.place);
  travel(b, outing.back, 'errand');
}

// A worker's usual day-off destination (a market, friends, a mosque): planned once per timeline.
class OutingCache {
  private value: { place: Point; there: Route; back: Route } | null = null;
  constructor(private readonly rng: Rng) {}
  get(ctx: SimContext, w: SimWorker) {
    if (!this.value) {
      const districtId = pickWeighted(this.rng, ctx.districts);
      const place = randomPointInDistrict(ctx.pack, districtId, this.rng.next);
      this.value = {
        place,
        there: planCommute(ctx.network, w.home, place),
        back: planCommute(ctx.network, place, w.home),
      };
    }
    return this.value;
  }
}

function tripDestination(rng: Rng, ctx: SimContext): Point {
  const bearing = rng.range(0, 2 * Math.PI);
  const km = rng.range(170, 320);
  const { lat, lon } = ctx.pack.defaultView;
  return {
    lat: lat + (km / 111) * Math.cos(bearing),
    lon: lon + (km / (111 * Math.cos((lat * Math.PI) / 180))) * Math.sin(bearing),
  };
}

/** The worker's whereabouts from `from` to `to` (epoch ms), in contiguous segments. */
export function buildTimeline(
  ctx: SimContext,
  w: SimWorker,
  from: number,
  to: number,
  offsetMs: number,
): Timeline {
  const rng = createRng(ctx.seed, 'timeline', w.index, getLocalDayNumber(from, offsetMs));
  const b: Builder = { segments: [], cursor: from };
  const trips: Trip[] = [];
  const outings = new OutingCache(rng.fork('outing'));
  for (let day = getLocalMidnight(from, offsetMs); day < to && b.cursor < to; day += DAY) {
    if (b.cursor >= day + DAY) continue;
    if (rng.chance(TRIP_RATE_PER_DAY)) {
      const leave = Math.max(b.cursor, day + rng.int(7 * 60, 20 * 60) * MINUTE);
      const dest = tripDestination(rng, ctx);
      stayUntil(b, leave, 'home', w.home);
      const leaveAt = b.cursor;
      straightMove(b, w.home, dest, TRIP_KMH / 3.6, 'trip');
      const back =
        getLocalMidnight(b.cursor, offsetMs) + rng.int(1, 6) * DAY + rng.int(8 * 60, 18 * 60) * MINUTE;
      stayUntil(b, back, 'away', dest);
      straightMove(b, dest, w.home, TRIP_KMH / 3.6, 'trip');
      trips.push({ leaveAt, backAt: b.cursor });
      continue;
    }
    if (isWorkday(w, day, offsetMs)) workDay(b, rng, w, day);
    else dayOff(b, rng, ctx, w, day, outings);
  }
  stayUntil(b, Math.max(to, b.cursor), 'home', w.home);
  return { segments: b.segments, trips };
}
