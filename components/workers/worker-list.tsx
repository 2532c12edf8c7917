'use client';
// /workers body: search, filters (status, citizenship, okrug), cursor paging and the CSV export of
// the same filtered list. Everything lives in the URL.
import { useRef } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { TableSkeleton } from '@/components/ui/skeleton';
import { WORKER_STATUSES } from '@/lib/api/enums';
import { workersCsvUrl, workersQuery } from '@/lib/api/queries';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { okrugName, okrugShort, type OkrugOption } from '@/lib/ui/okrug';
import { FilterBar, SelectFilter } from '@/components/shared/filter-controls';
import { citizenshipOptions } from '@/components/shared/labels';
import { QueryView } from '@/components/shared/query-view';
import { pageLinks } from '@/lib/ui/url-state';
import { useUrlState } from '@/components/shared/use-url-state';
import { hasWorkerFilters, parseWorkerFilters, WORKER_FILTER_KEYS } from './worker-filters';
import { WorkerSearchForm } from './worker-search-form';
import { WorkerTable } from './worker-table';

export function WorkerList({ okrugs, filterOkrugs }: { okrugs: OkrugOption[]; filterOkrugs: OkrugOption[] }) {
  const { t, lang, fill, plural } = useText();
  const p = t.pages.workers;
  const { params, update } = useUrlState();
  const filters = parseWorkerFilters(params);
  const query = useQuery({ ...workersQuery(filters), placeholderData: keepPreviousData });
  const set = (key: string) => (value: string | undefined) => update({ [key]: value }, { push: true });
  const filtered = hasWorkerFilters(params);
  const links = pageLinks(params, query.data?.nextCursor);
  const listRef = useRef<HTMLDivElement | null>(null);
  const go = (target: Record<string, string> | null) =>
    target
      ? () => {
          update({ cursor: target.cursor, prev: target.prev }, { push: true });
          listRef.current?.scrollIntoView({ block: 'start' });
        }
      : null;

  return (
    <div className="flex flex-col gap-3">
      <FilterBar
        label={t.pages.list.filters}
        onClear={
          filtered
            ? () => update(Object.fromEntries(WORKER_FILTER_KEYS.map((k) => [k, undefined])), { push: true })
            : undefined
        }
      >
        <WorkerSearchForm value={params.q} onSearch={set('q')} />
        <SelectFilter
          label={p.status}
          value={params.status}
          anyLabel={t.pages.list.any}
          options={WORKER_STATUSES.map((s) => ({ value: s, label: t.status[s] }))}
          onChange={set('status')}
        />
        <SelectFilter
          label={p.citizenship}
          value={params.citizenship}
          anyLabel={t.pages.list.any}
          options={citizenshipOptions(t)}
          onChange={set('citizenship')}
        />
        <SelectFilter
          label={p.okrug}
          value={params.okrug}
          anyLabel={t.pages.list.any}
          options={filterOkrugs.map((o) => ({
            value: o.id,
            label: `${okrugShort(lang, o)} — ${okrugName(lang, o)}`,
          }))}
          onChange={set('okrug')}
        />
      </FilterBar>
      <div className="flex justify-end">
        <a
          href={workersCsvUrl(filters)}
          className={buttonClass('secondary', 'sm')}
          title={t.pages.list.exportHint}
          download
        >
          <Download aria-hidden="true" className="size-4" />
          {t.pages.list.exportCsv}
        </a>
      </div>
      <div ref={listRef} className="scroll-mt-4" aria-busy={query.isFetching}>
        <QueryView
          query={query}
          skeleton={<TableSkeleton rows={10} columns={8} label={t.pages.list.loading} />}
          errorTitle={p.loadFailed}
        >
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState
                title={filtered ? p.emptyFiltered : p.empty}
                description={filtered ? p.emptyFilteredHint : p.emptyHint}
              />
            ) : (
              <>
                {page.total !== undefined && (
                  <p className="text-sm text-slate-700" role="status" data-testid="workers-total">
                    {plural(page.totalIsLowerBound ? p.foundMore : p.found, page.total)}
                  </p>
                )}
                <WorkerTable items={page.items} okrugs={okrugs} />
                <Pagination
                  page={links.page}
                  onPrevious={go(links.previous)}
                  onNext={go(links.next)}
                  busy={query.isFetching}
                  summary={fill(t.pages.list.shown, { count: formatNumber(lang, page.items.length) })}
                />
              </>
            )
          }
        </QueryView>
      </div>
    </div>
  );
}
