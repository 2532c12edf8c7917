'use client';
// Filters of the lapse queue: state, kind, likely cause, okrug, citizenship, period. All in the URL.
import { DateFilter, FilterBar, FilterChip, SelectFilter } from '@/components/shared/filter-controls';
import { citizenshipOptions } from '@/components/shared/labels';
import type { UrlState } from '@/components/shared/use-url-state';
import { LAPSE_KINDS, LIKELY_CAUSES } from '@/lib/domain/types';
import { useText } from '@/lib/i18n/client';
import { okrugName, okrugShort, type OkrugOption } from '@/lib/ui/okrug';
import { LAPSE_STATE_OPTIONS, readLapseState } from './lapse-filters';

const FILTER_KEYS = ['state', 'kind', 'cause', 'okrug', 'citizenship', 'worker', 'from', 'to'] as const;

export function LapseFiltersBar({
  url,
  okrugs,
  workerName,
}: {
  url: UrlState;
  okrugs: OkrugOption[];
  /** Known once the queue has rows; until then the chip shows the start of the id. */
  workerName?: string;
}) {
  const { t, lang, fill } = useText();
  const p = t.pages.lapses;
  const { params, update } = url;
  const set = (key: string) => (value: string | undefined) =>
    update({ [key]: value, lapse: undefined }, { push: true });
  const active = FILTER_KEYS.some((k) => params[k]);
  return (
    <FilterBar
      label={t.pages.list.filters}
      onClear={
        active
          ? () => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])), { push: true })
          : undefined
      }
    >
      {params.worker ? (
        <FilterChip
          label={fill(t.pages.list.workerChip, { name: workerName ?? `${params.worker.slice(0, 8)}…` })}
          removeLabel={fill(t.pages.list.workerChipRemove, { name: workerName ?? params.worker })}
          onRemove={() => set('worker')(undefined)}
        />
      ) : null}
      <SelectFilter
        label={p.stateLabel}
        value={readLapseState(params)}
        options={LAPSE_STATE_OPTIONS.map((s) => ({ value: s, label: p.states[s] }))}
        onChange={set('state')}
      />
      <SelectFilter
        label={p.kind}
        value={params.kind}
        anyLabel={t.pages.list.any}
        options={LAPSE_KINDS.map((k) => ({ value: k, label: t.lapseKind[k] }))}
        onChange={set('kind')}
      />
      <SelectFilter
        label={p.cause}
        value={params.cause}
        anyLabel={t.pages.list.any}
        options={LIKELY_CAUSES.map((c) => ({ value: c, label: t.likelyCause[c] }))}
        onChange={set('cause')}
      />
      <SelectFilter
        label={p.okrug}
        value={params.okrug}
        anyLabel={t.pages.list.any}
        options={okrugs.map((o) => ({
          value: o.id,
          label: `${okrugShort(lang, o)} — ${okrugName(lang, o)}`,
        }))}
        onChange={set('okrug')}
      />
      <SelectFilter
        label={p.citizenship}
        value={params.citizenship}
        anyLabel={t.pages.list.any}
        options={citizenshipOptions(t)}
        onChange={set('citizenship')}
      />
      <DateFilter label={t.pages.list.from} value={params.from} max={params.to} onChange={set('from')} />
      <DateFilter label={t.pages.list.to} value={params.to} min={params.from} onChange={set('to')} />
    </FilterBar>
  );
}
