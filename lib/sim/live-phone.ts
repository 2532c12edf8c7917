// One phone in the live simulator. Its owner's day runs `speed` times faster than the clock (a
// commute in a minute at speed 60), but everything it sends carries the real time, and silences
// meant to become lapses last as long in real time as the rule requires. Pure: the caller sends
// what `step` returns and reports the registration status it learns.
import type { DeviceEventType } from '@/lib/domain/types';
import { getZoneOffsetMs } from './clock';
import type { SimContext, SimWorker } from './population';
import { createRng, type Rng } from './rng';
import { buildTimeline, type Timeline } from './timeline';
import { findSegment, locateAt } from './whereabouts';

const MINUTE = 60_000;
const SIM_HORIZON_MS = 7 * 86_400_000;
const STATION_FIX = 0.85;

export type IncidentKind = 'battery' | 'basement' | 'location_off' | 'shutdown' | 'offline' | 'mock';

/** Relative weights of incidents; the overall rate is set per worker and real hour. */
const INCIDENT_MIX: [IncidentKind, number][] = [
  ['battery', 0.2],
  ['basement', 0.15],
  ['location_off', 0.22],
  ['shutdown', 0.15],
  ['offline', 0.23],
  ['mock', 0.05],
];

export interface LiveFix {
  time: string;
  lat: number;
  lon: number;
  accuracy: number;
  speed: number;
  heading: number | null;
  altitude: number;
  battery: number;
  charging: boolean;
  provider: string;
  mock: boolean;
}

export type LiveAction =
  | { kind: 'positions'; fixes: LiveFix[] }
  | { kind: 'events'; events: { time: string; type: DeviceEventType }[] }
  | { kind: 'declare'; address: { text: string; lat: number; lon: number } }
  | { kind: 'status' }
  /** Fetch the messages to the worker and acknowledge them (after every status read). */
  | { kind: 'notifications' };

export interface LiveOptions {
  speed: number;
  realStart: number;
  simStart: number;
  /** Incidents per worker and real hour. */
  incidentsPerHour: number;
  /** Real time between fixes; by default the 5-minute heartbeat divided by the speed. */
  heartbeatMs?: number;
  /** Real time between uploads: fixes taken in between go up together, as phones batch them. */
  uploadEveryMs?: number;
  /** Real time between status reads (the app checks whether it must declare again). */
  statusEveryMs?: [number, number];
  /** Real minutes before the owner declares again after a cancellation or a return. */
  redeclareMinutes?: [number, number];
}

interface Incident {
  kind: IncidentKind;
  until: number;
  held: LiveFix[];
}

export class LivePhone {
  private readonly rng: Rng;
  private timeline: Timeline;
  private timelineTo: number;
  private seg = 0;
  private nextFixAt: number;
  private nextUploadAt: number;
  private outbox: LiveFix[] = [];
  private nextStatusAt: number;
  private incident: Incident | null = null;
  private status = 'unknown';
  private declareAt: number | null = null;
  private battery: number;
  private readonly offsetMs: number;

  constructor(
    private readonly ctx: SimContext,
    readonly worker: SimWorker,
    private readonly opts: LiveOptions,
  ) {
    this.rng = createRng(ctx.seed, 'live', worker.index, opts.realStart);
    this.offsetMs = getZoneOffsetMs(ctx.pack.timezone, new Date(opts.simStart));
    this.timelineTo = opts.simStart + SIM_HORIZON_MS;
    this.timeline = buildTimeline(ctx, worker, opts.simStart, this.timelineTo, this.offsetMs);
    this.nextFixAt = opts.realStart + this.rng.int(0, this.heartbeatMs());
    this.nextUploadAt = this.nextFixAt;
    // The first status read is spread over the usual interval, so a city of phones does not ask at once.
    this.nextStatusAt = opts.realStart + this.rng.range(0, opts.statusEveryMs?.[1] ?? 30_000);
    this.battery = this.rng.int(40, 100);
  }

  private heartbeatMs(): number {
    return this.opts.heartbeatMs ?? Math.max(2_000, 300_000 / this.opts.speed);
  }

  private simTime(real: number): number {
    return this.opts.simStart + (real - this.opts.realStart) * this.opts.speed;
  }

  /** What the registration looks like to the phone, from a status read or a declaration answer. */
  setStatus(status: string, real: number): void {
    this.status = status;
    const live = status === 'pending' || status === 'active' || status === 'interrupted';
    if (live) this.declareAt = null;
    else if (this.declareAt === null) {
      const [lo, hi] = this.opts.redeclareMinutes ?? [0.5, 4];
      this.declareAt = real + this.rng.range(lo, hi) * MINUTE;
    }
  }

  private startIncident(real: number): LiveAction[] {
    let r = this.rng.next();
    let kind: IncidentKind = 'offline';
    for (const [k, w] of INCIDENT_MIX) {
      r -= w;
      if (r < 0) {
        kind = k;
        break;
      }
    }
    const time = new Date(real).toISOString();
    // Silences meant to become lapses outlast the 15-minute rule in real time.
    const minutes: Record<IncidentKind, [number, number]> = {
      battery: [16, 35],
      basement: [16, 25],
      location_off: [2, 20],
      shutdown: [3, 25],
      offline: [5, 25],
      mock: [1, 3],
    };
    const [lo, hi] = minutes[kind];
    this.incident = { kind, until: real + this.rng.range(lo, hi) * MINUTE, held: [] };
    if (kind === 'battery') this.battery = 3;
    const events: Record<IncidentKind, DeviceEventType | null> = {
      battery: 'low_battery',
      basement: null,
      location_off: 'location_disabled',
      shutdown: 'shutdown',
      offline: null,
      mock: null,
    };
    const type = events[kind];
    const actions: LiveAction[] = [];
    // A dying phone manages one last fix at 3 %.
    if (kind === 'battery') this.outbox.push(this.makeFix(real, false));
    // Whatever was waiting goes up before the phone falls silent.
    if (this.outbox.length) actions.push({ kind: 'positions', fixes: this.outbox.splice(0) });
    if (type) actions.push({ kind: 'events', events: [{ time, type }] });
    return actions;
  }

  private endIncident(real: number): LiveAction[] {
    const incident = this.incident;
    this.incident = null;
    if (!incident) return [];
    const time = new Date(real).toISOString();
    const after: Partial<Record<IncidentKind, DeviceEventType>> = {
      battery: 'boot',
      location_off: 'location_enabled',
      shutdown: 'boot',
    };
    const actions: LiveAction[] = [];
    const type = after[incident.kind];
    if (type) actions.push({ kind: 'events', events: [{ time, type }] });
    if (incident.kind === 'battery') this.battery = 8;
    if (incident.held.length) actions.push({ kind: 'positions', fixes: incident.held.slice(-500) });
    actions.push({ kind: 'status' }, { kind: 'notifications' });
    return actions;
  }

  private makeFix(real: number, mock: boolean, network = false): LiveFix {
    const sim = this.simTime(real);
    this.seg = findSegment(this.timeline, sim, this.seg);
    const seg = this.timeline.segments[this.seg]!;
    const where = mock
      ? { ...this.worker.home, speed: 0, heading: null, underground: false, place: 'home' as const }
      : locateAt(seg, sim);
    const indoor = where.place !== 'moving';
    const accuracy = mock
      ? 4
      : network
        ? 40 + 110 * this.rng.next()
        : indoor
          ? 6 + 12 * this.rng.next()
          : 4 + 8 * this.rng.next();
    const spread = accuracy * 0.4;
    const charging = where.place === 'home' && this.battery < 100;
    this.battery = Math.max(1, Math.min(100, this.battery + (charging ? 2 : -0.3)));
    return {
      time: new Date(real).toISOString(),
      lat: where.lat + (this.rng.normal() * spread) / 111_320,
      lon: where.lon + (this.rng.normal() * spread) / (111_320 * Math.cos((where.lat * Math.PI) / 180)),
      accuracy: Math.round(accuracy * 10) / 10,
      speed: Math.round(where.speed * 100) / 100,
      heading: where.heading === null ? null : Math.round(where.heading),
      altitude: Math.round(150 + this.rng.normal() * 10),
      battery: Math.round(this.battery),
      charging,
      provider: network ? 'network' : indoor ? 'fused' : 'gps',
      mock,
    };
  }

  /** Actions due at real time `real`, given `dtMs` since the previous step. */
  step(real: number, dtMs: number): LiveAction[] {
    const actions: LiveAction[] = [];
    if (this.simTime(real) > this.timelineTo - 86_400_000) {
      const from = this.simTime(real);
      this.timelineTo = from + SIM_HORIZON_MS;
      this.timeline = buildTimeline(this.ctx, this.worker, from, this.timelineTo, this.offsetMs);
      this.seg = 0;
    }
    if (this.incident && real >= this.incident.until) actions.push(...this.endIncident(real));
    else if (!this.incident && this.rng.chance((this.opts.incidentsPerHour * dtMs) / 3_600_000))
      actions.push(...this.startIncident(real));
    if (real >= this.nextStatusAt) {
      actions.push({ kind: 'status' }, { kind: 'notifications' });
      const [lo, hi] = this.opts.statusEveryMs ?? [60_000, 180_000];
      this.nextStatusAt = real + this.rng.range(lo, hi);
    }
    if (real >= this.nextFixAt) {
      this.nextFixAt = real + this.heartbeatMs() * this.rng.range(0.9, 1.1);
      const kind = this.incident?.kind;
      const sim = this.simTime(real);
      this.seg = findSegment(this.timeline, sim, this.seg);
      // Underground, a fix comes only from a station's network, and not always.
      const underground = locateAt(this.timeline.segments[this.seg]!, sim).underground;
      const blind = underground && !this.rng.chance(STATION_FIX);
      if (kind === 'offline') this.incident?.held.push(this.makeFix(real, false));
      else if (kind === 'mock') this.outbox.push(this.makeFix(real, true));
      else if (!kind && !blind) this.outbox.push(this.makeFix(real, false, underground));
    }
    if (real >= this.nextUploadAt) {
      this.nextUploadAt = real + (this.opts.uploadEveryMs ?? this.heartbeatMs());
      if (this.outbox.length) actions.push({ kind: 'positions', fixes: this.outbox.splice(0, 500) });
    }
    if (this.declareAt !== null && real >= this.declareAt && !this.incident && this.isHome(real)) {
      this.declareAt = null;
      const h = this.worker.home;
      actions.push({ kind: 'declare', address: { text: h.addressText, lat: h.lat, lon: h.lon } });
    }
    return actions;
  }

  // People declare from the region; after a trip, once back home.
  private isHome(real: number): boolean {
    if (this.status !== 'ended') return true;
    const seg = this.timeline.segments[findSegment(this.timeline, this.simTime(real), this.seg)];
    return seg?.kind === 'stay' && seg.place === 'home';
  }
}
