// A worker's present without simulating their week: who they are, a registration, the current
// status with its lapse, and a trail of recent fixes. Every state change goes through the real
// lifecycle (lib/domain/lifecycle), so rows read exactly like rows the engine writes; only the
// quiet fixes between changes are left out. About 50x cheaper than simulate-history, which is what
// makes a million-worker seed take minutes instead of hours.
import {
  applyDeviceEvent,
  applyFix,
  applySweep,
  isLive,
  type Step,
  type WorkerState,
} from '@/lib/domain/lifecycle';
import type { DeviceEventType, LapseKind, Policy } from '@/lib/domain/types';
import { DAY, HOUR, MINUTE } from './clock';
import { explainSimLapse } from './explain';
import { FixBuffer, FLAG_CHARGING, FLAG_MOCK, PROVIDER_FUSED } from './fix-buffer';
import { buildStatusRow, HistoryRecorder } from './history';
import type { SimEvent } from './phone';
import { deriveUniqueId, generatePerson, type SimContext, type SimPerson } from './population';
import { placeAt, recentShares, type RecentShares } from './recent-place';
import { createRng, type Rng } from './rng';
import type { SeedHistory } from './simulate-history';

export interface RecentPlan {
  nowMs: number;
  /** Start of the history: older fixes change the state but are not written (no partition). */
  fromMs: number;
  offsetMs: number;
  /** How far back the trail of fixes goes (every heartbeat). */
  trailMs: number;
  policy: Policy;
  shares?: RecentShares;
}

type Scenario = 'active' | 'silent' | 'back' | 'ended';
// A fix arrives up to 3 s after it is taken: the last one must have arrived by now, or the status
// row would show a fix that the positions table (which keeps only what has arrived) does not.
const LAST_FIX_MIN_AGE_MS = 3_000;

class Story {
  readonly rec: HistoryRecorder;
  readonly events: SimEvent[] = [];
  state: WorkerState;
  lastSeenAt: number | null = null;
  private ids = 0;
  // Ids unique by construction (see deriveUniqueId): a million workers' streams would repeat.
  private readonly newId = () => deriveUniqueId(this.ctx.seed, 'recent', this.w.index, this.ids++);

  constructor(
    private readonly ctx: SimContext,
    readonly w: SimPerson,
    private readonly rng: Rng,
    private readonly plan: RecentPlan,
    private readonly buf: FixBuffer,
    start: number,
  ) {
    this.rec = new HistoryRecorder(w.workerId, w.citizenship, (kind, at, fix, knownAt) =>
      explainSimLapse(ctx, plan.policy, this.events, kind, at, fix, knownAt),
    );
    this.state = { status: 'none', registrationId: null, statusSince: new Date(start), lastFix: null, openLapse: null }; // prettier-ignore
  }

  private apply(step: Step, at: number, actor: string): void {
    this.rec.record(this.state, step.effects, at, actor);
    this.state = step.state;
  }

  /** A fix written to positions; it changes the state only through the lifecycle (`judge`). */
  fix(t: number, o: { judge?: boolean; battery?: number; mock?: boolean; outside?: boolean } = {}): void {
    const p = placeAt(this.w, t, this.plan.offsetMs, o.outside === true);
    const rng = this.rng;
    const lat = p.lat + rng.normal() * 0.00012;
    const lon = p.lon + rng.normal() * 0.0002;
    const accuracy = p.poor ? rng.range(60, 180) : rng.range(4, 30);
    const battery = o.battery ?? rng.int(18, 100);
    const charging = o.battery === undefined && p.atHome && rng.chance(0.3);
    const arrival = t + rng.int(300, 3_000);
    this.lastSeenAt = Math.max(this.lastSeenAt ?? 0, arrival);
    const snapshot = { time: new Date(t), lat, lon, accuracy, battery, charging };
    if (o.judge) {
      const fix = { ...snapshot, mock: o.mock === true, inRegion: o.outside !== true };
      this.apply(applyFix(this.state, fix, this.plan.policy, this.newId), arrival, 'device');
    } else this.state = { ...this.state, lastFix: snapshot };
    if (t < this.plan.fromMs) return;
    const i = this.buf.alloc();
    const b = this.buf;
    b.time[i] = t;
    b.arrival[i] = arrival;
    b.lat[i] = lat;
    b.lon[i] = lon;
    b.accuracy[i] = accuracy;
    b.speed[i] = 0;
    b.heading[i] = 0;
    b.altitude[i] = 150;
    b.battery[i] = battery;
    b.flags[i] = (charging ? FLAG_CHARGING : 0) | (o.mock ? FLAG_MOCK : 0);
    b.provider[i] = PROVIDER_FUSED;
  }

  /** Fixes every heartbeat over [from, to], the last one at `to`. */
  trail(from: number, to: number, outside = false): void {
    const step = this.plan.policy.heartbeatSeconds * 1000;
    const times: number[] = [];
    for (let t = to; t > from; t -= step + this.rng.int(-20_000, 20_000)) times.push(Math.round(t));
    for (let k = times.length - 1; k >= 0; k--) this.fix(times[k]!, { outside });
  }

  event(type: DeviceEventType, t: number): void {
    const e = { time: t, arrival: t + this.rng.int(500, 5_000), type };
    this.events.push(e);
    this.lastSeenAt = Math.max(this.lastSeenAt ?? 0, e.arrival);
    this.apply(applyDeviceEvent(this.state, { time: new Date(t), type }, this.plan.policy, this.newId), e.arrival, 'device'); // prettier-ignore
  }

  /** Declares the home address and activates with the first fix a few minutes later. */
  declare(at: number): number {
    const w = this.w;
    const reg = { id: this.newId(), workerId: w.workerId, addressText: w.home.addressText, lat: w.home.lat, lon: w.home.lon, okrug: w.home.districtId, status: 'pending' as const, policyVersion: this.plan.policy.version, createdAt: at, activatedAt: null, closedAt: null, cancelLapseId: null }; // prettier-ignore
    this.rec.addRegistration(reg);
    this.rec.addEvent({ registrationId: reg.id, at, type: 'declared', fromStatus: null, toStatus: 'pending', cause: 'address declared', actor: 'device', lapseId: null }); // prettier-ignore
    const open = this.rec.findLapse(this.state.openLapse?.id);
    if (open && open.endedAt === null) open.endedAt = at;
    this.state = { ...this.state, status: 'pending', registrationId: reg.id, statusSince: new Date(at), openLapse: null }; // prettier-ignore
    const activated = at + this.rng.int(1, 6) * MINUTE;
    this.fix(activated, { judge: true, battery: this.rng.int(30, 100) });
    return activated;
  }

  /** A lapse of `kind` starting at t0, noticed as the engine would; the phone is back at `back`. */
  lapse(kind: LapseKind, t0: number, back: number | null): void {
    const { policy } = this.plan;
    // The fix just before: without it the engine would see the gap since the last written fix as
    // a silence of its own.
    if (kind !== 'signal_lost' && kind !== 'device_off') this.fix(t0 - this.rng.int(10_000, 50_000));
    if (kind === 'left_region') this.fix(t0, { judge: true, outside: true });
    else if (kind === 'mock_location') this.fix(t0, { judge: true, mock: true });
    else if (kind === 'signal_lost' || kind === 'device_off') {
      this.fix(t0, {
        battery: kind === 'device_off' ? this.rng.int(1, policy.lowBatteryPercent) : undefined,
      });
      if (kind === 'device_off' && this.rng.chance(0.5)) this.event('shutdown', t0 + 60_000);
      else {
        const at = t0 + policy.lapseAfterSeconds * 1000 + this.rng.int(1_000, 10_000);
        this.apply(applySweep(this.state, new Date(at), policy, this.newId), at, 'system');
      }
    } else if (kind === 'location_disabled') this.event('location_disabled', t0);
    if (back === null) return;
    if (kind === 'device_off') this.event('boot', back - 30_000);
    if (kind === 'location_disabled') this.event('location_enabled', back - 5_000);
    this.fix(back, { judge: true });
  }
}

function pickKind(rng: Rng, silentOnly: boolean): LapseKind {
  const u = rng.next();
  if (silentOnly) return u < 0.6 ? 'device_off' : 'signal_lost';
  return u < 0.55
    ? 'device_off'
    : u < 0.85
      ? 'signal_lost'
      : u < 0.95
        ? 'location_disabled'
        : 'mock_location';
}

function pickScenario(rng: Rng, s: RecentShares): Scenario {
  const u = rng.next();
  if (u < s.silent) return 'silent';
  if (u < s.silent + s.back) return 'back';
  if (u < s.silent + s.back + s.ended) return 'ended';
  return 'active';
}

export function simulateRecentState(
  ctx: SimContext,
  index: number,
  plan: RecentPlan,
  buf: FixBuffer,
): SeedHistory {
  const w = generatePerson(ctx, index);
  const rng = createRng(ctx.seed, 'recent', index);
  const now = plan.nowMs;
  const shares = plan.shares ?? recentShares;
  const h = w.habits;
  const daysBefore =
    h.registeredDaysBefore >= 0 ? Math.max(0.05, h.registeredDaysBefore) : rng.range(0.05, 7);
  const enrolledAt = Math.round(now - daysBefore * DAY);
  buf.clear();
  const story = new Story(ctx, w, rng, plan, buf, enrolledAt);
  const trailFrom = now - plan.trailMs;
  let since = enrolledAt;
  if (!h.neverDeclares) {
    since = story.declare(enrolledAt);
    // An earlier cancellation, re-declared since: the lapse lists and histories have something.
    const latest = now - 26 * HOUR;
    if (since + HOUR < latest && rng.chance(shares.past)) {
      const t0 = Math.round(rng.range(since + HOUR, latest));
      const back = t0 + Math.round(rng.range(16 * MINUTE, 3 * HOUR));
      story.lapse(pickKind(rng, false), t0, back);
      const redeclareAt = back + Math.round(rng.range(5 * MINUTE, 6 * HOUR));
      // Under a working-day rule (121-FZ) a short lapse only interrupts: the phone coming back
      // resumes the same registration, and there is nothing to declare again.
      since = isLive(story.state.status) ? back : story.declare(redeclareAt);
    }
    const scenario = pickScenario(rng, shares);
    const t0 = Math.round(now - rng.range(30 * MINUTE, 24 * HOUR));
    if (scenario !== 'active' && t0 > since + 20 * MINUTE) {
      const back = scenario === 'back' ? Math.min(now - 5 * MINUTE, t0 + Math.round(rng.range(16 * MINUTE, 3 * HOUR))) : null; // prettier-ignore
      story.trail(Math.max(trailFrom, since), t0 - 60_000);
      story.lapse(scenario === 'ended' ? 'left_region' : pickKind(rng, scenario === 'silent'), t0, back);
      if (scenario === 'silent') return finish(story, enrolledAt, buf);
      since = back ?? t0;
    }
    const outside = story.state.status === 'ended';
    story.trail(Math.max(trailFrom, since + 60_000), now - rng.int(LAST_FIX_MIN_AGE_MS, plan.policy.heartbeatSeconds * 1000), outside); // prettier-ignore
    return finish(story, enrolledAt, buf);
  }
  story.trail(
    Math.max(trailFrom, enrolledAt),
    now - rng.int(LAST_FIX_MIN_AGE_MS, plan.policy.heartbeatSeconds * 1000),
  );
  return finish(story, enrolledAt, buf);
}

function finish(story: Story, enrolledAt: number, buf: FixBuffer): SeedHistory {
  const reg = story.rec.current;
  const st = story.state;
  const w = story.w;
  return {
    worker: w,
    recorder: story.rec,
    enrolledAt,
    lastSeenAt: story.lastSeenAt,
    fixes: buf,
    events: story.events,
    stretches: [],
    status: buildStatusRow(w, reg, st, story.lastSeenAt),
  };
}
