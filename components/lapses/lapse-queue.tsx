'use client';
// The lapse queue page body: filters, the table with server paging and sorting, and the detail panel
// of the lapse selected in the URL (?lapse=id).
import { useEffect, useRef } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Download, Keyboard } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { TableSkeleton } from '@/components/ui/skeleton';
import { QueryView } from '@/components/shared/query-view';
import { pageLinks, pickUuid } from '@/lib/ui/url-state';
import { useUrlState } from '@/components/shared/use-url-state';
import { buttonClass } from '@/components/ui/button';
import { lapsesCsvUrl, lapsesQuery } from '@/lib/api/queries';
import type { LapseItem } from '@/lib/api/lapses';
import type { OfficerRole } from '@/lib/domain/types';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { cn } from '@/lib/ui/cn';
import type { OkrugOption } from '@/lib/ui/okrug';
import { LapseDetailPanel } from './lapse-detail-panel';
import { hasLapseFilters, parseLapseFilters, readLapseSort } from './lapse-filters';
import { LapseFiltersBar } from './lapse-filters-bar';
import { LapseTable } from './lapse-table';
import { useQueueKeys } from './use-queue-keys';

/** The name of the worker the queue is narrowed to, read from the rows it shows (no extra request). */
function filteredWorkerName(items: LapseItem[], worker: string | undefined): string | undefined {
  if (!worker) return undefined;
  const row = items.find((i) => i.workerId === worker);
  return row ? (row.workerNameCyrillic ?? row.workerName) : undefined;
}

export function LapseQueue({
  okrugs,
  filterOkrugs,
  role,
}: {
  okrugs: OkrugOption[];
  filterOkrugs: OkrugOption[];
  role: OfficerRole;
}) {
  const { t, lang, fill } = useText();
  const p = t.pages.lapses;
  const url = useUrlState();
  const { params, update, hrefWith } = url;
  const filters = parseLapseFilters(params);
  const query = useQuery({ ...lapsesQuery(filters), placeholderData: keepPreviousData });
  const selectedId = pickUuid(params.lapse);
  const linkRefs = useRef(new Map<string, HTMLAnchorElement>());
  const reviewFocusRef = useRef<HTMLElement | null>(null);
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  const items = query.data?.items ?? [];

  // The panel mounts only after the URL has changed, so its heading is focused once it is there.
  const focusPanelFor = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedId || focusPanelFor.current !== selectedId) return;
    focusPanelFor.current = null;
    headingRef.current?.focus();
  }, [selectedId]);
  const select = (id: string, { focusPanel }: { focusPanel: boolean }) => {
    if (focusPanel) focusPanelFor.current = id;
    update({ lapse: id }, { keepPage: true });
    if (focusPanel && id === selectedId) headingRef.current?.focus();
  };
  const close = () => {
    const id = selectedId;
    update({ lapse: undefined }, { keepPage: true });
    if (id) requestAnimationFrame(() => linkRefs.current.get(id)?.focus());
  };
  useQueueKeys({ ids: items.map((i) => i.id), selectedId, linkRefs, reviewFocusRef, select, close });

  const links = pageLinks(params, query.data?.nextCursor);
  const listRef = useRef<HTMLDivElement | null>(null);
  const go = (target: Record<string, string> | null) =>
    target
      ? () => {
          update({ cursor: target.cursor, prev: target.prev }, { keepPage: false, push: true });
          listRef.current?.scrollIntoView({ block: 'start' });
        }
      : null;

  return (
    <div className="flex flex-col gap-3">
      <LapseFiltersBar
        url={url}
        okrugs={filterOkrugs}
        workerName={filteredWorkerName(items, params.worker)}
      />
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <p className="inline-flex items-center gap-1.5">
          <Keyboard aria-hidden="true" className="size-4" />
          {p.keysHint}
        </p>
        <a
          href={lapsesCsvUrl(filters)}
          className={buttonClass('secondary', 'sm')}
          title={t.pages.list.exportHint}
          download
        >
          <Download aria-hidden="true" className="size-4" />
          {t.pages.list.exportCsv}
        </a>
      </div>
      <div
        className={cn(
          'grid items-start gap-4',
          selectedId && 'xl:grid-cols-[minmax(0,1fr)_minmax(22rem,26rem)]',
        )}
      >
        <div ref={listRef} className="min-w-0 scroll-mt-4" aria-busy={query.isFetching}>
          <QueryView
            query={query}
            skeleton={<TableSkeleton rows={10} columns={6} label={t.pages.list.loading} />}
            errorTitle={p.loadFailed}
          >
            {(page) =>
              page.items.length === 0 ? (
                <EmptyState
                  title={hasLapseFilters(params) ? p.emptyFiltered : p.empty}
                  description={p.emptyHint}
                />
              ) : (
                <>
                  <LapseTable
                    items={page.items}
                    okrugs={okrugs}
                    sort={readLapseSort(params)}
                    onSort={(sort) =>
                      update({ sort: sort === '-startedAt' ? undefined : sort }, { push: true })
                    }
                    selectedId={selectedId}
                    hrefFor={(id) => hrefWith({ ...params, lapse: id })}
                    onOpen={(id) => select(id, { focusPanel: true })}
                    linkRefs={linkRefs}
                    compact={Boolean(selectedId)}
                  />
                  <Pagination
                    page={links.page}
                    onPrevious={go(links.previous)}
                    onNext={go(links.next)}
                    busy={query.isFetching}
                    summary={[
                      fill(t.pages.list.shown, { count: formatNumber(lang, page.items.length) }),
                      page.total !== undefined
                        ? fill(t.pages.list.total, { count: formatNumber(lang, page.total) })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </>
              )
            }
          </QueryView>
        </div>
        {selectedId ? (
          <LapseDetailPanel
            id={selectedId}
            role={role}
            onClose={close}
            reviewFocusRef={reviewFocusRef}
            headingRef={headingRef}
          />
        ) : null}
      </div>
    </div>
  );
}
