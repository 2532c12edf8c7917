// The policy simulator: replays recorded history (fixes, device events, declarations in the order
// they arrived) through the engine's lifecycle under several rule sets at once — the strict preset,
// the 121-FZ preset, the custom thresholds asked for, the current policy and the versions that were
// in force — and counts lapses and cancellations per Moscow day beside the recorded ones.
// Bounded: workers are read a page at a time under a time budget, so one request cannot occupy the
// database; over budget it stops with a 503 that says how to narrow the question.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { replayWorkerHistory, sortReplayInputs } from '@/lib/domain/history-replay';
import { PRESETS } from '@/lib/domain/policy-presets';
import type { Policy } from '@/lib/domain/types';
import type { SimulateResult } from '@/lib/api/policy';
import type { OfficerContext } from '../officer-context';
import { inScope } from '../scope';
import { loadWorkerHistories } from './policy-replay-load';
import { createTally, isFullDensity, tallyWorker, type RuleKey } from './policy-simulate-tally';
import { listReportDays } from './stats';
import { readPolicyTimeline } from './policy-timeline';
import { overBudget, withTimeLimit } from './time-limit';
import { findDenseSpan, readFullDensityFrom } from './policy-density';

const DAY_MS = 86_400_000;
/** History before the window the replay reads so that each worker's state at `from` is settled. */
const LOOKBACK_DAYS = 3;
const PAGE_SIZE = 400;
export const SIMULATE_BUDGET_MS = Number(process.env.SIMULATE_BUDGET_MS ?? 30_000);

export interface Thresholds {
  lapseAfterSeconds: number;
  graceSeconds: number;
}

export interface SimulationInput {
  given: Thresholds;
  current: Policy;
  from: Date;
  to: Date;
  retentionDays: number;
  now?: Date;
  budgetMs?: number;
}

/** The window actually replayed: not before the retention cut-off, not after now. Pure. */
export function clampSimulationWindow(from: Date, to: Date, retentionDays: number, now: Date) {
  const earliest = new Date(now.getTime() - retentionDays * DAY_MS);
  const start = from < earliest ? earliest : from;
  const end = to > now ? now : to;
  return { from: start, to: end < start ? start : end, retentionLimited: from < earliest, earliest };
}

function ruleSets(input: SimulationInput): Record<Exclude<RuleKey, 'inForce'>, Policy> {
  const base = input.current;
  return {
    strict: { ...base, ...PRESETS.strict, preset: 'strict' },
    '121-FZ': { ...base, ...PRESETS['121-FZ'], preset: '121-FZ' },
    custom: { ...base, ...input.given, cancelUnit: 'calendar', reminderAfterSeconds: null, preset: 'custom' },
    current: base,
  };
}

export async function simulatePolicy(
  db: Db,
  officer: OfficerContext,
  input: SimulationInput,
): Promise<SimulateResult> {
  const started = Date.now();
  const budget = input.budgetMs ?? SIMULATE_BUDGET_MS;
  const now = input.now ?? new Date();
  const window = clampSimulationWindow(input.from, input.to, input.retentionDays, now);
  const denseFrom = await readFullDensityFrom(db);
  const span = findDenseSpan(window.from, window.to, denseFrom);
  const lookback = new Date(
    Math.max(
      span.from.getTime() - LOOKBACK_DAYS * DAY_MS,
      window.earliest.getTime(),
      denseFrom?.getTime() ?? -Infinity,
    ),
  );
  const replayFrom = lookback < span.from ? lookback : span.from;
  const rules = ruleSets(input);
  const policyAt = await readPolicyTimeline(db, input.current);
  const tally = createTally(listReportDays(window.from, window.to), span, window);
  let after = '00000000-0000-0000-0000-000000000000';
  const hint = 'Choose a shorter period (a day or two) and run it again.';
  for (;;) {
    const remaining = budget - (Date.now() - started);
    if (remaining <= 0) throw overBudget(budget, hint);
    const { page, histories } = await withTimeLimit(db, remaining, hint, async (tx) => {
      const ids = await queryRows<{ worker_id: string }>(
        tx,
        sql`SELECT worker_id FROM worker_status WHERE ${inScope(officer, sql`okrug`)} AND worker_id > ${after}::uuid
            ORDER BY worker_id LIMIT ${PAGE_SIZE}`,
      );
      const list = ids.map((r) => String(r.worker_id));
      const loaded = list.length
        ? await loadWorkerHistories(tx, list, replayFrom, span.from, span.to)
        : new Map();
      return { page: list, histories: loaded };
    });
    if (page.length === 0) break;
    after = page.at(-1)!;
    for (const h of histories.values()) {
      tally.workersInScope++;
      if (span.from >= span.to || !isFullDensity(h, span.from)) continue;
      const inputs = sortReplayInputs(h.inputs);
      const replayed = {
        strict: replayWorkerHistory(h.start, inputs, window.to, () => rules.strict),
        '121-FZ': replayWorkerHistory(h.start, inputs, window.to, () => rules['121-FZ']),
        custom: replayWorkerHistory(h.start, inputs, window.to, () => rules.custom),
        current: replayWorkerHistory(h.start, inputs, window.to, () => rules.current),
        inForce: replayWorkerHistory(h.start, inputs, window.to, policyAt),
      };
      tallyWorker(tally, h, replayed, span.from, span.to);
    }
    if (page.length < PAGE_SIZE) break;
  }
  const outcome = (key: RuleKey) => tally.totals[key];
  return {
    given: { ...input.given, ...outcome('custom') },
    current: {
      lapseAfterSeconds: input.current.lapseAfterSeconds,
      graceSeconds: input.current.graceSeconds,
      ...outcome('current'),
    },
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    workersConsidered: tally.workersReplayed,
    retentionLimited: window.retentionLimited,
    method: 'lifecycle-replay',
    presets: {
      strict: { ...PRESETS.strict, ...outcome('strict') },
      '121-FZ': { ...PRESETS['121-FZ'], ...outcome('121-FZ') },
    },
    inForce: outcome('inForce'),
    recorded: tally.recorded,
    coverage: {
      workersInScope: tally.workersInScope,
      workersReplayed: tally.workersReplayed,
      fullDensityShare: tally.workersInScope === 0 ? 1 : tally.workersReplayed / tally.workersInScope,
      replayedFrom: span.from.toISOString(),
      replayedTo: span.to.toISOString(),
      fullDensityFrom: denseFrom ? denseFrom.toISOString() : null,
    },
    days: tally.dayRows(),
    elapsedMs: Date.now() - started,
  };
}
