'use client';
// Filters, sort, cursor and selection live in the URL. Changes go through the History API, which
// Next keeps in sync with useSearchParams: the client components refetch on their own without a
// server round trip for the page (links such as pagination still navigate normally).
import { useCallback, useMemo } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { PREV_KEY, toParamRecord, toQueryString, type ParamRecord } from './search-params';

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
      if (options.push) window.history.pushState(null, '', href);
      else window.history.replaceState(null, '', href);
    },
    [params, hrefWith],
  );

  return { params, update, hrefWith };
}
