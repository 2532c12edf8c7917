// The lapse queue's URL parameters → API filters. Pure and shared by the server page (prefetch) and
// the client table, so both build the same query key.
import { LAPSE_SORTS, LAPSE_STATES, type LapsesFilters } from '@/lib/api/lapses';
import { CITIZENSHIPS, LAPSE_KINDS, LIKELY_CAUSES } from '@/lib/domain/types';
import {
  compact,
  pickCursor,
  pickDay,
  pickEnum,
  pickEnumList,
  pickIdList,
  pickUuid,
  type ParamRecord,
} from '@/lib/ui/url-state';

/** The queue opens on what still needs a decision; `state=all` shows every lapse. */
export const DEFAULT_LAPSE_STATE = 'unreviewed';
export const LAPSE_STATE_OPTIONS = ['unreviewed', 'open', 'reviewed', 'voided', 'all'] as const;
export type LapseStateOption = (typeof LAPSE_STATE_OPTIONS)[number];
export const LAPSE_PAGE_SIZE = 50;

export type LapseSort = (typeof LAPSE_SORTS)[number];

export function readLapseState(params: ParamRecord): LapseStateOption {
  return pickEnum(params.state, LAPSE_STATE_OPTIONS) ?? DEFAULT_LAPSE_STATE;
}

export function readLapseSort(params: ParamRecord): LapseSort {
  return pickEnum(params.sort, LAPSE_SORTS) ?? '-startedAt';
}

export function parseLapseFilters(params: ParamRecord): LapsesFilters {
  const state = readLapseState(params);
  const sort = readLapseSort(params);
  return compact({
    state: state === 'all' ? undefined : pickEnum(state, LAPSE_STATES),
    kind: pickEnumList(params.kind, LAPSE_KINDS),
    cause: pickEnumList(params.cause, LIKELY_CAUSES),
    citizenship: pickEnumList(params.citizenship, CITIZENSHIPS),
    okrug: pickIdList(params.okrug),
    worker: pickUuid(params.worker),
    from: pickDay(params.from),
    to: pickDay(params.to),
    sort: sort === '-startedAt' ? undefined : sort,
    cursor: pickCursor(params.cursor),
    limit: LAPSE_PAGE_SIZE,
  });
}

/** Filters a person set (not paging, sorting or selection): drives "empty" vs "empty under filters". */
export function hasLapseFilters(params: ParamRecord): boolean {
  return (
    ['kind', 'cause', 'citizenship', 'okrug', 'worker', 'from', 'to'].some((k) => Boolean(params[k])) ||
    readLapseState(params) !== 'all'
  );
}
