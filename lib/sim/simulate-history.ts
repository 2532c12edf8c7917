// One worker's whole history over [from, to]: whereabouts, phone output and the registrations,
// lapses and status the rules give. Pure; the seeder turns the result into rows.
import type { Policy } from '@/lib/domain/types';
import { getZoneOffsetMs } from './clock';
import { FixBuffer } from './fix-buffer';
import { planIncidents } from './incidents';
import { samplePhone, type SimEvent } from './phone';
import type { Stretch } from './stretch';
import { generateWorker, type SimContext, type SimPerson, type SimWorker } from './population';
import type { ReplayResult } from './replay';
import { replayWorker } from './replay-order';
import { buildTimeline, type Timeline } from './timeline';

export interface WorkerHistory extends ReplayResult {
  worker: SimWorker;
  timeline: Timeline;
  /** Shared buffer: valid until the next call that reuses it. */
  fixes: FixBuffer;
  events: SimEvent[];
  stretches: Stretch[];
}

/** What the seeder writes of a worker: the full simulation or the recent-state story. */
export type SeedHistory = Omit<WorkerHistory, 'worker' | 'timeline'> & { worker: SimPerson };

export interface HistoryWindow {
  from: number;
  to: number;
  offsetMs: number;
}

export function createHistoryWindow(ctx: SimContext, days: number): HistoryWindow {
  const to = ctx.now.getTime();
  return { from: to - days * 86_400_000, to, offsetMs: getZoneOffsetMs(ctx.pack.timezone, ctx.now) };
}

export function simulateWorkerHistory(
  ctx: SimContext,
  index: number,
  window: HistoryWindow,
  policy: Policy,
  buf: FixBuffer,
): WorkerHistory {
  const worker = generateWorker(ctx, index);
  const { from, to, offsetMs } = window;
  const timeline = buildTimeline(ctx, worker, from, to, offsetMs);
  const incidents = planIncidents(worker, timeline, from, to, offsetMs, ctx.seed);
  const phone = samplePhone(worker, timeline, incidents, from, to, offsetMs, ctx.seed, buf);
  const replay = replayWorker({ ctx, worker, timeline, fixes: buf, phone, policy, from, to, offsetMs });
  return { ...replay, worker, timeline, fixes: buf, events: phone.events, stretches: phone.stretches };
}
