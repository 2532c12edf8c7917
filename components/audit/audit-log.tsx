'use client';
// /audit body: filters (officer, worker, action, period) in the URL, the paged log and its CSV export.
import { useRef } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { TableSkeleton } from '@/components/ui/skeleton';
import { DateFilter, FilterBar, SelectFilter, type Option } from '@/components/shared/filter-controls';
import { QueryView } from '@/components/shared/query-view';
import { pageLinks } from '@/lib/ui/url-state';
import { useUrlState } from '@/components/shared/use-url-state';
import { auditCsvUrl, auditQuery } from '@/lib/api/queries';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { AUDIT_FILTER_KEYS, hasAuditFilters, parseAuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { AuditTextFilters } from './audit-text-filters';

export function AuditLog() {
  const { t, lang, fill } = useText();
  const p = t.pages.audit;
  const { params, update, hrefWith } = useUrlState();
  const filters = parseAuditFilters(params);
  const query = useQuery({ ...auditQuery(filters), placeholderData: keepPreviousData });
  const set = (key: string) => (value: string | undefined) => update({ [key]: value }, { push: true });
  const filtered = hasAuditFilters(params);
  const links = pageLinks(params, query.data?.nextCursor);
  const listRef = useRef<HTMLDivElement | null>(null);
  const go = (target: Record<string, string> | null) =>
    target
      ? () => {
          update({ cursor: target.cursor, prev: target.prev }, { push: true });
          listRef.current?.scrollIntoView({ block: 'start' });
        }
      : null;
  const actionOptions: Option[] = [
    ...Object.entries(p.actionGroups).map(([value, label]) => ({ value, label })),
    ...Object.entries(p.actions).map(([value, label]) => ({ value, label })),
  ];
  if (params.action && !actionOptions.some((o) => o.value === params.action)) {
    actionOptions.push({ value: params.action, label: params.action });
  }

  return (
    <div className="flex flex-col gap-3">
      <FilterBar
        label={t.pages.list.filters}
        onClear={
          filtered
            ? () => update(Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, undefined])), { push: true })
            : undefined
        }
      >
        <AuditTextFilters
          actor={params.actor}
          worker={params.worker}
          onApply={(v) => update(v, { push: true })}
        />
        <SelectFilter
          label={p.action}
          value={params.action}
          anyLabel={t.pages.list.any}
          options={actionOptions}
          onChange={set('action')}
        />
        <DateFilter label={t.pages.list.from} value={params.from} max={params.to} onChange={set('from')} />
        <DateFilter label={t.pages.list.to} value={params.to} min={params.from} onChange={set('to')} />
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input
            type="checkbox"
            checked={params.auditReads === 'show'}
            onChange={(e) => update({ auditReads: e.target.checked ? 'show' : undefined }, { push: true })}
          />
          {p.showAuditReads}
        </label>
      </FilterBar>
      <div className="flex justify-end">
        <a
          href={auditCsvUrl(filters)}
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
          skeleton={<TableSkeleton rows={12} columns={6} label={t.pages.list.loading} />}
          errorTitle={p.loadFailed}
        >
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState title={p.empty} description={filtered ? p.emptyHint : undefined} />
            ) : (
              <>
                <AuditTable
                  items={page.items}
                  hrefForWorker={(id) => hrefWith({ worker: id })}
                  onWorker={(id) => update({ worker: id }, { push: true })}
                />
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
