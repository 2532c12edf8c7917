// Runs one worker's phone output through the registration lifecycle in the order the server would
// have received it (late uploads late, the sweep every few seconds), declaring again after a
// cancellation or a return to the region the way people do: a while later, when they notice.
import {
  applyDeviceEvent,
  applyFix,
  applySweep,
  type Effect,
  isLive,
  type FixSnapshot,
  type WorkerState,
} from '@/lib/domain/lifecycle';
import { haversineMeters } from '@/lib/domain/geo';
import type { LapseKind, Policy } from '@/lib/domain/types';
import { getLocalMinuteOfDay, DAY, HOUR, MINUTE } from './clock';
import { explainSimLapse } from './explain';
import { FixBuffer, getBufferSnapshot } from './fix-buffer';
import { createOutsideTest } from './outside';
import { buildStatusRow, HistoryRecorder, type WorkerStatusRow } from './history';
import type { PhoneOutput, SimEvent } from './phone';
import { getStretchFixTime, getStretchSnapshot, type Stretch } from './stretch';
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

function redeclareDelay(rng: Rng, at: number, offsetMs: number): number {
  const minute = getLocalMinuteOfDay(at, offsetMs);
  // Cancelled at night: noticed in the morning.
  const wake = minute < 6 * 60 ? (6 * 60 + rng.int(0, 120) - minute) * MINUTE : 0;
  return wake + Math.min(3 * DAY, Math.max(5 * MINUTE, 2.5 * HOUR * Math.exp(rng.normal() * 1.2)));
}

export interface ReplayInput {
  ctx: SimContext;
  worker: SimWorker;
  timeline: Timeline;
  fixes: FixBuffer;
  phone: PhoneOutput;
  policy: Policy;
  from: number;
  to: number;
  offsetMs: number;
}

// A fix is named by where it lives: a buffer row, or fix k of a stretch.
export interface FixRef {
  stretch: Stretch | null;
  index: number;
}

export class WorkerReplay {
  readonly rec: HistoryRecorder;
  private readonly rng: Rng;
  private readonly outside: (lat: number, lon: number, accuracy: number) => boolean;
  state: WorkerState;
  enrolledAt: number;
  lastSeenAt: number | null = null;
  private lastArrival = -Infinity;
  private wantDeclareAt: number | null = null;
  private pending: FixRef | null = null;
  private lastTime = -Infinity;
  private readonly newId = () => generateUuid(this.rng);

  constructor(private readonly input: ReplayInput) {
    const { ctx, worker: w, from } = input;
    this.rng = createRng(ctx.seed, 'replay', w.index, from);
    this.outside = createOutsideTest(ctx);
    this.rec = new HistoryRecorder(w.workerId, w.citizenship, (kind, startedAt, lastFix, knownAt) =>
      this.explain(kind, startedAt, lastFix, knownAt),
    );
    this.state = {
      status: 'none',
      registrationId: null,
      statusSince: new Date(from),
      lastFix: null,
      openLapse: null,
    };
    const h = w.habits;
    this.enrolledAt = from;
    if (!h.neverDeclares && h.registeredDaysBefore >= 0) {
      const created = from - h.registeredDaysBefore * DAY;
      this.declare(created);
      const activated = created + this.rng.int(1, 6) * MINUTE;
      const reg = this.rec.current!;
      reg.status = 'active';
      reg.activatedAt = activated;
      this.rec.addEvent({
        registrationId: reg.id,
        at: activated,
        type: 'activated',
        fromStatus: 'pending',
        toStatus: 'active',
        cause: 'first valid fix inside the region',
        actor: 'device',
        lapseId: null,
      });
      this.state = { ...this.state, status: 'active', statusSince: new Date(activated) };
    } else {
      this.enrolledAt = from - h.registeredDaysBefore * DAY;
      if (!h.neverDeclares) this.wantDeclareAt = this.enrolledAt + this.rng.int(2, 30) * MINUTE;
    }
  }

  private explain(kind: LapseKind, startedAt: Date, lastFix: FixSnapshot | null, knownAt: number) {
    const { ctx, phone, policy } = this.input;
    return explainSimLapse(ctx, policy, phone.events, kind, startedAt, lastFix, knownAt);
  }

  private declare(at: number): void {
    const { worker: w, policy } = this.input;
    const reg = {
      id: this.newId(),
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
    this.rec.addRegistration(reg);
    this.rec.addEvent({
      registrationId: reg.id,
      at,
      type: 'declared',
      fromStatus: null,
      toStatus: 'pending',
      cause: 'address declared',
      actor: 'device',
      lapseId: null,
    });
    const open = this.rec.findLapse(this.state.openLapse?.id);
    if (open && open.endedAt === null) open.endedAt = at;
    this.state = {
      ...this.state,
      status: 'pending',
      registrationId: reg.id,
      statusSince: new Date(at),
      openLapse: null,
    };
  }

  private snapshotOf(ref: FixRef): FixSnapshot {
    return ref.stretch
      ? getStretchSnapshot(ref.stretch, ref.index)
      : getBufferSnapshot(this.input.fixes, ref.index);
  }

  // Ordinary fixes only move lastFix; they are materialised lazily to keep a week of fixes cheap.
  private materialize(): void {
    if (this.pending) {
      this.state = { ...this.state, lastFix: this.snapshotOf(this.pending) };
      this.pending = null;
    }
  }

  private apply(step: { state: WorkerState; effects: Effect[] }, at: number, actor: string): void {
    const before = this.state;
    this.rec.record(before, step.effects, at, actor);
    this.state = step.state;
    if (
      before.status === this.state.status ||
      (this.state.status !== 'cancelled' && this.state.status !== 'ended')
    )
      return;
    if (this.rng.chance(NEVER_REDECLARE)) this.wantDeclareAt = null;
    else if (this.state.status === 'ended') {
      const trip = this.input.timeline.trips.find((t) => t.backAt >= at);
      this.wantDeclareAt = (trip?.backAt ?? at + DAY) + this.rng.range(0.3, 12) * HOUR;
    } else this.wantDeclareAt = at + redeclareDelay(this.rng, at, this.input.offsetMs);
  }

  // The sweep runs every few seconds and sees only what has arrived: a silence is noticed at the
  // first tick after it reaches lapseAfter and after the last upload, if that is before `until`.
  sweepUntil(until: number): void {
    const { policy } = this.input;
    const s = this.state;
    let due = Infinity;
    if (s.status === 'active') {
      const last = this.pending ? this.lastTime : (s.lastFix?.time.getTime() ?? null);
      if (last !== null) due = last + policy.lapseAfterSeconds * 1000;
    } else if (s.status === 'interrupted' && s.openLapse?.deadline) due = s.openLapse.deadline.getTime();
    if (due > until) return;
    const at = Math.max(due, this.lastArrival) + this.rng.int(1_000, SWEEP_EVERY_MS);
    if (at >= until) return;
    this.materialize();
    this.apply(applySweep(this.state, new Date(at), policy, this.newId), at, 'system');
  }

  /** The worker declares again once they meant to and the phone shows them back in the region. */
  private maybeDeclare(arrival: number, lat: number, lon: number, inRegion: boolean): void {
    if (isLive(this.state.status)) {
      this.wantDeclareAt = null;
      return;
    }
    if (this.wantDeclareAt === null || arrival < this.wantDeclareAt || !inRegion) return;
    const home = this.input.worker.home;
    if (this.state.status === 'ended' && haversineMeters(lat, lon, home.lat, home.lon) >= 3_000) return;
    this.materialize();
    this.declare(Math.max(this.wantDeclareAt, arrival + this.rng.int(1, 60) * 1000));
    this.wantDeclareAt = null;
  }

  onEvent(ev: SimEvent): void {
    this.sweepUntil(ev.arrival);
    this.lastSeenAt = ev.arrival;
    this.lastArrival = ev.arrival;
    if (ev.time < this.lastTime) return;
    this.materialize();
    this.apply(
      applyDeviceEvent(this.state, { time: new Date(ev.time), type: ev.type }, this.input.policy, this.newId),
      ev.arrival,
      'device',
    );
  }

  private isQuiet(mock: boolean, inRegion: boolean, gap: number): boolean {
    if (this.state.openLapse) return false;
    if (this.state.status === 'active')
      return !mock && inRegion && gap < this.input.policy.lapseAfterSeconds * 1000;
    return !isLive(this.state.status);
  }

  /** One fix, given where it lives and what is known of it without materialising it. */
  onFix(
    ref: FixRef,
    time: number,
    arrival: number,
    lat: number,
    lon: number,
    accuracy: number,
    mock: boolean,
    check: boolean,
  ): void {
    this.sweepUntil(arrival);
    this.lastSeenAt = arrival;
    this.lastArrival = arrival;
    const inRegion = !check || !this.outside(lat, lon, accuracy);
    if (time > this.lastTime) {
      const gap = time - this.lastTime;
      this.lastTime = time;
      if (this.isQuiet(mock, inRegion, gap)) this.pending = ref;
      else {
        this.materialize();
        const fix = { ...this.snapshotOf(ref), mock, inRegion };
        this.apply(applyFix(this.state, fix, this.input.policy, this.newId), arrival, 'device');
      }
    }
    // After the upload, so fixes held offline can undo a cancellation before anyone re-declares.
    this.maybeDeclare(arrival, lat, lon, inRegion);
  }

  onStretch(s: Stretch): void {
    const outside = this.outside(s.lat, s.lon, 0);
    const home = this.input.worker.home;
    const nearHome = haversineMeters(s.lat, s.lon, home.lat, home.lon) < 3_000;
    for (let k = 0; k < s.count; k++) {
      const time = getStretchFixTime(s, k);
      if (time > this.input.to) break;
      // After the first fix a quiet stretch changes nothing, unless a declaration falls inside it.
      const want = this.wantDeclareAt;
      const canDeclare =
        want !== null &&
        !outside &&
        !isLive(this.state.status) &&
        (this.state.status !== 'ended' || nearHome);
      if (k > 0 && !(canDeclare && want <= time) && this.isQuiet(false, !outside, 0)) {
        const lastK = this.lastIndexBefore(s, k, canDeclare ? want : null);
        this.pending = { stretch: s, index: lastK };
        this.lastTime = getStretchFixTime(s, lastK);
        this.lastSeenAt = this.lastTime + 1000;
        this.lastArrival = this.lastSeenAt;
        k = lastK;
        continue;
      }
      this.onFix({ stretch: s, index: k }, time, time + 1000, s.lat, s.lon, 0, false, outside);
    }
  }

  // Last fix of the stretch inside the window and before the worker means to declare.
  private lastIndexBefore(s: Stretch, k: number, declareAt: number | null): number {
    let last = s.count - 1;
    while (last > k && getStretchFixTime(s, last) > this.input.to) last--;
    if (declareAt === null) return last;
    for (let j = k; j <= last; j++) if (getStretchFixTime(s, j) >= declareAt) return Math.max(k, j - 1);
    return last;
  }

  finish(): ReplayResult {
    this.sweepUntil(this.input.to);
    this.materialize();
    const reg = this.rec.current;
    const st = this.state;
    const w = this.input.worker;
    return {
      recorder: this.rec,
      enrolledAt: this.enrolledAt,
      lastSeenAt: this.lastSeenAt,
      status: buildStatusRow(w, reg, st, this.lastSeenAt),
    };
  }
}
