// Sums the simulator's per-worker replays into per-day and whole-period figures beside the lapses
// the engine recorded for the same workers. Pure apart from the types.
import 'server-only';
import type { ReplayedLapse } from '@/lib/domain/history-replay';
import { REPORT_TIME_ZONE } from '@/lib/api/common';
import type { WorkerHistory } from './policy-replay-load';

export const RULE_KEYS = ['strict', '121-FZ', 'custom', 'current', 'inForce'] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

interface Counts {
  lapses: number;
  cancellations: number;
}
interface Outcome extends Counts {
  workersAffected: number;
}
interface DayTally {
  day: string;
  /** Hours of the day inside the window that the replay covers, and the day's hours in the window. */
  replayedHours: number;
  hours: number;
  workersWithFixes: number;
  recorded: Counts;
  rules: Record<RuleKey, Counts>;
}

const DAY = 86_400_000;
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: REPORT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const dayOf = (t: Date) => dayFormat.format(t);

const zero = (): Counts => ({ lapses: 0, cancellations: 0 });
const zeroRules = () => Object.fromEntries(RULE_KEYS.map((k) => [k, zero()])) as Record<RuleKey, Counts>;

/**
 * Whether the stored fixes can account for this worker's recorded history in the window: the data
 * starts within a day of the window (or of their declaration in it) and no recorded lapse predates
 * it. The seeder gives only its first N workers a full week; the rest have a short recent trail.
 */
export function isFullDensity(h: WorkerHistory, from: Date): boolean {
  if (!h.firstFix) return h.recorded.length === 0 && h.inputs.length === 0;
  const base = Math.max(from.getTime(), h.firstDeclared?.getTime() ?? 0);
  if (h.firstFix.getTime() > base + DAY) return false;
  return h.recorded.every((l) => l.startedAt >= h.firstFix!);
}

export function createTally(days: string[], span: { from: Date; to: Date }, window = span) {
  const byDay = new Map<string, DayTally>(
    days.map((day) => [
      day,
      { day, replayedHours: 0, hours: 0, workersWithFixes: 0, recorded: zero(), rules: zeroRules() },
    ]),
  );
  // Hours per day, a quarter hour at a time (days are Moscow days; DST-proof enough for a share).
  const step = DAY / 96;
  for (let t = window.from.getTime(); t < window.to.getTime(); t += step) {
    const row = byDay.get(dayOf(new Date(t)));
    if (!row) continue;
    const q = Math.min(step, window.to.getTime() - t) / 3_600_000;
    row.hours += q;
    if (t >= span.from.getTime()) row.replayedHours += q;
  }
  const totals = Object.fromEntries(
    RULE_KEYS.map((k) => [k, { lapses: 0, cancellations: 0, workersAffected: 0 }]),
  ) as Record<RuleKey, Outcome>;
  const recorded: Outcome = { lapses: 0, cancellations: 0, workersAffected: 0 };
  return {
    byDay,
    totals,
    recorded,
    workersInScope: 0,
    workersReplayed: 0,
    dayRows: () =>
      [...byDay.values()].map((d) => ({
        ...d,
        hours: Math.round(d.hours * 100) / 100,
        replayedHours: Math.round(d.replayedHours * 100) / 100,
      })),
  };
}
export type Tally = ReturnType<typeof createTally>;

function add(target: Counts, cancelled: boolean) {
  target.lapses++;
  if (cancelled) target.cancellations++;
}

export function tallyWorker(
  tally: Tally,
  h: WorkerHistory,
  replayed: Record<RuleKey, ReplayedLapse[]>,
  from: Date,
  to: Date,
): void {
  tally.workersReplayed++;
  const inWindow = (t: Date) => t >= from && t < to;
  const fixDays = new Set<string>();
  for (const i of h.inputs) if (i.kind === 'fix' && inWindow(i.time)) fixDays.add(dayOf(i.time));
  for (const d of fixDays) {
    const row = tally.byDay.get(d);
    if (row) row.workersWithFixes++;
  }
  let recordedCancel = false;
  for (const l of h.recorded) {
    add(tally.recorded, l.cancelled);
    const row = tally.byDay.get(dayOf(l.startedAt));
    if (row) add(row.recorded, l.cancelled);
    recordedCancel ||= l.cancelled;
  }
  if (recordedCancel) tally.recorded.workersAffected++;
  for (const key of RULE_KEYS) {
    let cancelled = false;
    for (const l of replayed[key]) {
      if (l.voided || !inWindow(l.startedAt)) continue;
      add(tally.totals[key], l.cancelled);
      const row = tally.byDay.get(dayOf(l.startedAt));
      if (row) add(row.rules[key], l.cancelled);
      cancelled ||= l.cancelled;
    }
    if (cancelled) tally.totals[key].workersAffected++;
  }
}
