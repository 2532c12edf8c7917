// Runs one worker's phone output through the registration lifecycle in the order the server would
// have received it (late uploads late, the sweep every few seconds), declaring again after a
// cancellation or a return to the region the way people do: a while later, when they notice.
import { explainLapse } from '@/lib/domain/likely-cause';
import {
  applyDeviceEvent,
  applyFix,
  applySweep,
  type Effect,
  isLive,
  type FixSnapshot,
  type WorkerState,
} from '@/lib/domain/lifecycle';
import { findNearestStation, hasClearlyLeftRegion } from '@/lib/domain/region';
import { haversineMeters } from '@/lib/domain/geo';
import type { Policy } from '@/lib/domain/types';
import { getLocalMinuteOfDay, DAY, HOUR, MINUTE } from './clock';
import { FixBuffer, FLAG_CHARGING, FLAG_CHECK_REGION, FLAG_MOCK } from './fix-buffer';
import { HistoryRecorder, type WorkerStatusRow } from './history';
import type { SimEvent } from './phone';
import type { SimContext, SimWorker } from './population';
import { createRng, generateUuid, type Rng } from './rng';
import type { Timeline } from './timeline';

const SWEEP_EVERY_MS = 10_000;
const NEVER_REDECLARE = 0.08;

export interface ReplayResult {
  recorder: HistoryRecorder;
  status: WorkerStatusRow;
  /** Fixes before this time did not exist: the app was not installed yet. */
  enrolledAt: number;
  lastSeenAt: number | null;
}

// Far outside the region's bounding box a fix has clearly left; only near it is the exact
// (and much slower) border test needed.
function createOutsideTest(ctx: SimContext): (lat: number, lon: number, accuracy: number) => boolean {
  const [w, s, e, n] = ctx.pack.oblast.bbox;
  const margin = 0.05;
  return (lat, lon, accuracy) =>
    lat < s - margin || lat > n + margin || lon < w - margin || lon > e + margin || hasClearlyLeftRegion(ctx.pack, lat, lon, accuracy);
}

function snapshot(buf: FixBuffer, i: number): FixSnapshot {
  return {
    time: new Date(buf.time[i]!),
    lat: buf.lat[i]!,
    lon: buf.lon[i]!,
    accuracy: buf.accuracy[i]!,
    battery: buf.battery[i]!,
    charging: (buf.flags[i]! & FLAG_CHARGING) !== 0,
  };
}

function redeclareDelay(rng: Rng, at: number, offsetMs: number): number {
  const minute = getLocalMinuteOfDay(at, offsetMs);
  // Cancelled at night: noticed in the morning.
  const wake = minute < 6 * 60 ? (6 * 60 + rng.int(0, 120) - minute) * MINUTE : 0;
  return wake + Math.min(3 * DAY, Math.max(5 * MINUTE, 2.5 * HOUR * Math.exp(rng.normal() * 1.2)));
}

export function replayWorker(
  ctx: SimContext,
  w: SimWorker,
  timeline: Timeline,
  buf: FixBuffer,
  events: SimEvent[],
  policy: Policy,
  from: number,
  to: number,
  offsetMs: number,
): ReplayResult {
  const rng = createRng(ctx.seed, 'replay', w.index, from);
  const newId = () => generateUuid(rng);
  const explain = (kind: Parameters<typeof explainLapse>[0]['kind'], startedAt: Date, lastFix: FixSnapshot | null, knownAt: number) => {
    const near = lastFix ? findNearestStation(ctx.pack, lastFix.lat, lastFix.lon, 300) : null;
    const t0 = startedAt.getTime();
    return explainLapse({
      kind,
      startedAt,
      lastFix,
      events: events
        .filter((e) => e.arrival <= knownAt && (Math.abs(e.time - t0) <= HOUR || e.time >= t0))
        .map((e) => ({ type: e.type, time: new Date(e.time) })),
      nearestStation: near ? { nameRu: near.station.nameRu, nameEn: near.station.nameEn, distanceM: near.distanceM } : null,
      lowBatteryPercent: policy.lowBatteryPercent,
      timeZone: ctx.pack.timezone,
    });
  };
  const rec = new HistoryRecorder(w.workerId, w.citizenship, explain);
  let state: WorkerState = { status: 'none', registrationId: null, statusSince: new Date(from), lastFix: null, openLapse: null };
  let wantDeclareAt: number | null = null;

  const declare = (at: number) => {
    const reg = {
      id: newId(),
      workerId: w.workerId,
      addressText: w.home.addressText,
      lat: w.home.lat,
      lon: w.home.lon,
      okrug: w.home.districtId,
      status: 'pending' as const,
      policyVersion: policy.version,
      createdAt: at,
      activatedAt: null,
      closedAt: null,
      cancelLapseId: null,
    };
    rec.addRegistration(reg);
    rec.addEvent({ registrationId: reg.id, at, type: 'declared', fromStatus: null, toStatus: 'pending', cause: 'address declared', actor: 'device', lapseId: null });
    const open = rec.findLapse(state.openLapse?.id);
    if (open && open.endedAt === null) open.endedAt = at;
    state = { ...state, status: 'pending', registrationId: reg.id, statusSince: new Date(at), openLapse: null };
  };

  const h = w.habits;
  let enrolledAt = from;
  if (!h.neverDeclares && h.registeredDaysBefore >= 0) {
    const created = from - h.registeredDaysBefore * DAY;
    declare(created);
    const activated = created + rng.int(1, 6) * MINUTE;
    const reg = rec.current!;
    reg.status = 'active';
    reg.activatedAt = activated;
    rec.addEvent({ registrationId: reg.id, at: activated, type: 'activated', fromStatus: 'pending', toStatus: 'active', cause: 'first valid fix inside the region', actor: 'device', lapseId: null });
    state = { ...state, status: 'active', statusSince: new Date(activated) };
  } else {
    enrolledAt = from - h.registeredDaysBefore * DAY;
    if (!h.neverDeclares) wantDeclareAt = enrolledAt + rng.int(2, 30) * MINUTE;
  }

  // Ordinary fixes only move lastFix; they are materialised lazily to keep a week of fixes cheap.
  let pending = -1;
  let lastTime = -Infinity;
  const materialize = () => {
    if (pending >= 0) {
      state = { ...state, lastFix: snapshot(buf, pending) };
      pending = -1;
    }
  };
  const apply = (step: { state: WorkerState; effects: Effect[] }, at: number, actor: string) => {
    const before = state;
    rec.record(before, step.effects, at, actor);
    state = step.state;
    if (before.status !== state.status && (state.status === 'cancelled' || state.status === 'ended')) {
      if (rng.chance(NEVER_REDECLARE)) wantDeclareAt = null;
      else if (state.status === 'ended') {
        const trip = timeline.trips.find((t) => t.backAt >= at);
        wantDeclareAt = (trip?.backAt ?? at + DAY) + rng.range(0.3, 12) * HOUR;
      } else wantDeclareAt = at + redeclareDelay(rng, at, offsetMs);
    }
  };
  const sweepUntil = (until: number) => {
    const s = state;
    if (s.status === 'active') {
      const last = pending >= 0 ? buf.time[pending]! : (s.lastFix?.time.getTime() ?? null);
      const due = last === null ? Infinity : last + policy.lapseAfterSeconds * 1000;
      if (due <= until) {
        materialize();
        const at = Math.min(until, due + rng.int(0, SWEEP_EVERY_MS));
        apply(applySweep(state, new Date(at), policy, newId), at, 'system');
      }
    } else if (s.status === 'interrupted' && s.openLapse?.deadline && s.openLapse.deadline.getTime() <= until) {
      materialize();
      const at = Math.min(until, s.openLapse.deadline.getTime() + rng.int(0, SWEEP_EVERY_MS));
      apply(applySweep(state, new Date(at), policy, newId), at, 'system');
    }
  };

  // Fixes in arrival order (late uploads move back), merged with events on the fly.
  const order = Int32Array.from({ length: buf.n }, (_, i) => i).filter((i) => buf.time[i]! >= enrolledAt);
  order.sort((a, b) => buf.arrival[a]! - buf.arrival[b]! || a - b);
  const evs = events.filter((e) => e.time >= enrolledAt).sort((a, b) => a.arrival - b.arrival);
  const outside = createOutsideTest(ctx);

  let lastSeenAt: number | null = null;
  let e = 0;
  for (let k = 0; k < order.length || e < evs.length; ) {
    const fi = k < order.length ? order[k]! : -1;
    const ev = evs[e];
    const takeEvent = ev !== undefined && (fi < 0 || ev.arrival < buf.arrival[fi]!);
    const arrival = takeEvent ? ev.arrival : buf.arrival[fi]!;
    if (arrival > to) break;
    if (takeEvent) e++;
    else k++;
    sweepUntil(arrival);
    lastSeenAt = arrival;
    if (takeEvent) {
      if (ev.time < lastTime) continue;
      materialize();
      apply(applyDeviceEvent(state, { time: new Date(ev.time), type: ev.type }, policy, newId), arrival, 'device');
      continue;
    }
    const i = fi;
    const time = buf.time[i]!;
    const inRegion = (buf.flags[i]! & FLAG_CHECK_REGION) === 0 || !outside(buf.lat[i]!, buf.lon[i]!, buf.accuracy[i]!);
    if (isLive(state.status)) wantDeclareAt = null;
    else if (wantDeclareAt !== null && arrival >= wantDeclareAt && inRegion) {
      const nearHome = haversineMeters(buf.lat[i]!, buf.lon[i]!, w.home.lat, w.home.lon) < 3_000;
      if (state.status !== 'ended' || nearHome) {
        materialize();
        declare(Math.max(wantDeclareAt, arrival - rng.int(0, 60) * 1000));
        wantDeclareAt = null;
      }
    }
    if (time <= lastTime) continue;
    const mock = (buf.flags[i]! & FLAG_MOCK) !== 0;
    const gap = time - lastTime;
    lastTime = time;
    // Fixes that change nothing but lastFix skip the state machine.
    const quiet = state.status === 'active' ? !mock && inRegion && gap < policy.lapseAfterSeconds * 1000 : !isLive(state.status);
    if (quiet && !state.openLapse) {
      pending = i;
      continue;
    }
    materialize();
    const fix = { ...snapshot(buf, i), mock, inRegion };
    apply(applyFix(state, fix, policy, newId), arrival, 'device');
  }
  sweepUntil(to);
  materialize();
  const reg = rec.current;
  return {
    recorder: rec,
    enrolledAt,
    lastSeenAt,
    status: {
      workerId: w.workerId,
      registrationId: reg?.id ?? null,
      status: state.status,
      citizenship: w.citizenship,
      okrug: reg?.okrug ?? null,
      declaredLat: reg?.lat ?? null,
      declaredLon: reg?.lon ?? null,
      lastFix: state.lastFix,
      lastSeenAt,
      openLapseId: state.openLapse?.id ?? null,
      openLapseKind: state.openLapse?.kind ?? null,
      openLapseStartedAt: state.openLapse?.startedAt.getTime() ?? null,
      lapseDeadline: state.openLapse?.deadline?.getTime() ?? null,
      openLapseSilence: state.openLapse?.silence ?? false,
      statusSince: state.statusSince.getTime(),
    },
  };
}
