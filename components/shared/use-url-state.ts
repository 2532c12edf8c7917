'use client';
// The browser side of lib/ui/url-state.ts: filters, sort, cursor and selection live in the URL and
// change through writeHistory (links such as pagination still navigate normally).
import { useCallback, useMemo } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { PREV_KEY, toParamRecord, toQueryString, writeHistory, type ParamRecord } from '@/lib/ui/url-state';

export interface UpdateOptions {
  /** Keep cursor and page stack (selection changes); filter changes go back to the first page. */
  keepPage?: boolean;
  /** Add a history entry (filters) instead of replacing the current one (selection). */
  push?: boolean;
}

export interface UrlState {
  params: ParamRecord;
  /** Sets keys; undefined or '' removes them. */
  update: (changes: Record<string, string | undefined>, options?: UpdateOptions) => void;
  hrefWith: (params: ParamRecord) => string;
}

export function useUrlState(): UrlState {
  const pathname = usePathname();
  const search = useSearchParams();
  const params = useMemo(() => toParamRecord(new URLSearchParams(search.toString())), [search]);

  const hrefWith = useCallback((next: ParamRecord) => `${pathname}${toQueryString(next)}`, [pathname]);

  const update = useCallback<UrlState['update']>(
    (changes, options = {}) => {
      const next: ParamRecord = { ...params };
      if (!options.keepPage) {
        delete next.cursor;
        delete next[PREV_KEY];
      }
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') delete next[key];
        else next[key] = value;
      }
      const href = hrefWith(next);
      writeHistory(href, options.push ? 'push' : 'replace');
    },
    [params, hrefWith],
  );

  return { params, update, hrefWith };
}
