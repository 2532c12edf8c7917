// The report period: the last N Moscow days up to today, as API date parameters. Pure.
import { toMoscowDay } from '@/lib/format/date';
import { pickEnum, type ParamRecord } from '@/lib/ui/url-state';

export const REPORT_PERIODS = ['7', '14', '30', '90'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
// Two weeks: positions are kept 14 days by default, so the simulator and the charts cover the same span.
export const DEFAULT_REPORT_PERIOD: ReportPeriod = '14';

export function readReportPeriod(params: ParamRecord): ReportPeriod {
  return pickEnum(params.days, REPORT_PERIODS) ?? DEFAULT_REPORT_PERIOD;
}

/** `from` and `to` (inclusive Moscow dates) of the last `days` days ending today. */
export function reportRange(days: ReportPeriod, now: Date = new Date()): { from: string; to: string } {
  const n = Number(days);
  return { from: toMoscowDay(new Date(now.getTime() - (n - 1) * 86_400_000)), to: toMoscowDay(now) };
}

export const REPORT_GROUPS = ['day', 'citizenship', 'okrug', 'kind'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];
