// The worker list's URL parameters → API filters; pure, shared by the server prefetch and the client.
import { WORKER_STATUSES } from '@/lib/api/enums';
import type { WorkersFilters } from '@/lib/api/workers';
import { CITIZENSHIPS } from '@/lib/domain/types';
import {
  compact,
  pickCursor,
  pickEnumList,
  pickIdList,
  pickText,
  type ParamRecord,
} from '@/lib/ui/url-state';

export const WORKER_PAGE_SIZE = 50;
export const WORKER_FILTER_KEYS = ['q', 'status', 'citizenship', 'okrug'] as const;

export function parseWorkerFilters(params: ParamRecord): WorkersFilters {
  return compact({
    q: pickText(params.q, 100),
    status: pickEnumList(params.status, WORKER_STATUSES),
    citizenship: pickEnumList(params.citizenship, CITIZENSHIPS),
    okrug: pickIdList(params.okrug),
    cursor: pickCursor(params.cursor),
    limit: WORKER_PAGE_SIZE,
  });
}

export function hasWorkerFilters(params: ParamRecord): boolean {
  return WORKER_FILTER_KEYS.some((k) => Boolean(params[k]));
}
