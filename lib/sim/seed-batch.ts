// One batch of the seed: workers [first, last) simulated and turned into COPY text per table. Pure
// (no database), so it runs in the seeding process or in a worker thread alike.
import type { RegionPack } from '@/lib/domain/region';
import type { Policy } from '@/lib/domain/types';
import { ByteWriter } from './byte-writer';
import { COPY_ORDER, CopyChunk, type CopyTable } from './copy-rows';
import { FixBuffer } from './fix-buffer';
import { createSimContext, type SimContext } from './population';
import { reviewLapse, type Reviewer } from './reviews';
import { simulateRecentState } from './recent-state';
import { createHistoryWindow, type HistoryWindow, simulateWorkerHistory } from './simulate-history';

export interface SeedOfficer extends Reviewer {
  id: string;
  name: string;
}

/** Everything a batch needs; plain data so it can be posted to a worker thread. */
export interface SeedPlan {
  seed: number;
  nowMs: number;
  days: number;
  fullFromMs: number;
  contextMs: number;
  nearMissGapMs: number;
  policy: Policy;
  officers: SeedOfficer[];
  /** Workers [0, fullWorkers) get the simulated week; the rest only their present (recent-state). */
  fullWorkers: number;
  /** How far back the recent-state workers' trail of fixes goes. */
  trailMs: number;
}

export interface SeedBatch {
  first: number;
  last: number;
  texts: Record<CopyTable | 'audit_log', Uint8Array>;
  counts: Record<CopyTable | 'audit_log', number>;
  generateMs: number;
  formatMs: number;
}

export const AUDIT_COLUMNS = ['at', 'actor_id', 'actor_name', 'actor_role', 'action', 'worker_id', 'target_type', 'target_id', 'reason', 'detail'] as const; // prettier-ignore

export interface SeedGenerator {
  ctx: SimContext;
  window: HistoryWindow;
  buf: FixBuffer;
  plan: SeedPlan;
}

export function createSeedGenerator(pack: RegionPack, plan: SeedPlan): SeedGenerator {
  const ctx = createSimContext(pack, plan.seed, new Date(plan.nowMs));
  return { ctx, window: createHistoryWindow(ctx, plan.days), buf: new FixBuffer(), plan };
}

function formatAudit(
  chunk: CopyChunk,
  officers: Map<string, SeedOfficer>,
): { bytes: Uint8Array; count: number } {
  const out = new ByteWriter(1 << 12);
  let count = 0;
  for (const { lapse, workerId } of chunk.reviews) {
    const review = lapse.review;
    const officer = review ? officers.get(review.by) : undefined;
    if (!review || !officer) continue;
    out
      .time(review.at)
      .tab()
      .code(officer.id)
      .tab()
      .text(officer.name || officer.username)
      .tab();
    out.code(officer.role).tab().ascii('lapse.review').tab().code(workerId).tab().ascii('lapse').tab();
    out.code(lapse.id).tab().text(review.note).tab();
    out.text(JSON.stringify({ decision: review.decision, previous: null })).newline();
    count++;
  }
  return { bytes: out.view().slice(), count };
}

export function buildSeedBatch(gen: SeedGenerator, first: number, last: number): SeedBatch {
  const { plan } = gen;
  const chunk = new CopyChunk({
    now: plan.nowMs,
    fullFrom: plan.fullFromMs,
    contextMs: plan.contextMs,
    nearMissGapMs: plan.nearMissGapMs,
    review: (lapse) => reviewLapse(plan.seed, lapse, plan.nowMs, plan.officers),
  });
  const recent = {
    nowMs: plan.nowMs,
    fromMs: gen.window.from,
    offsetMs: gen.window.offsetMs,
    trailMs: plan.trailMs,
    policy: plan.policy,
  };
  let generateMs = 0;
  let formatMs = 0;
  for (let i = first; i < last; i++) {
    const t0 = performance.now();
    const history =
      i < plan.fullWorkers
        ? simulateWorkerHistory(gen.ctx, i, gen.window, plan.policy, gen.buf)
        : simulateRecentState(gen.ctx, i, recent, gen.buf);
    const t1 = performance.now();
    chunk.add(history);
    generateMs += t1 - t0;
    formatMs += performance.now() - t1;
  }
  const t2 = performance.now();
  const audit = formatAudit(chunk, new Map(plan.officers.map((o) => [o.username, o])));
  const texts = Object.fromEntries(COPY_ORDER.map((t) => [t, chunk.toBytes(t)])) as Record<
    CopyTable,
    Uint8Array
  >;
  const counts = Object.fromEntries(COPY_ORDER.map((t) => [t, chunk.count(t)])) as Record<CopyTable, number>;
  formatMs += performance.now() - t2;
  return {
    first,
    last,
    texts: { ...texts, audit_log: audit.bytes },
    counts: { ...counts, audit_log: audit.count },
    generateMs,
    formatMs,
  };
}
