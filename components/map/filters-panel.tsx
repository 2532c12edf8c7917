'use client';
// Filters on the left of the map: status, citizenship, okrug (an officer sees only their own),
// lapse kind and period. Every change goes straight into the URL; the panel folds to a narrow rail.
import { useId, type ReactNode } from 'react';
import { PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import {
  CITIZENSHIPS,
  LAPSE_KINDS,
  type Citizenship,
  type LapseKind,
  type RegistrationStatus,
} from '@/lib/domain/types';
import { useText } from '@/lib/i18n/client';
import { cn } from '@/lib/ui/cn';
import { okrugName, okrugShort, type OkrugOption } from '@/lib/ui/okrug';
import { LAPSE_KIND_STYLES, STATUS_ORDER } from '@/lib/ui/status';
import { Button, IconButton } from '@/components/ui/button';
import { countActiveFilters, MAP_PERIODS, type MapFilters, type MapPeriod } from '@/lib/ui/map-url';
import { StatusSwatch } from './shape-swatch';

export interface FiltersPanelProps {
  filters: MapFilters;
  okrugs: OkrugOption[];
  /** True for officers: the okrug list is their assignment, not the whole city. */
  scoped: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onChange: (filters: MapFilters) => void;
}

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function Group({ legend, hint, children }: { legend: string; hint?: string; children: ReactNode }) {
  const hintId = useId();
  return (
    <fieldset
      className="min-w-0 border-b border-slate-200 px-4 py-3"
      aria-describedby={hint ? hintId : undefined}
    >
      <legend className="float-left w-full text-xs font-semibold tracking-wide text-slate-700 uppercase">
        {legend}
      </legend>
      {hint ? (
        <p id={hintId} className="clear-both pt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="clear-both flex flex-col gap-1 pt-2">{children}</div>
    </fieldset>
  );
}

function Option({
  checked,
  onChange,
  type = 'checkbox',
  name,
  children,
  title,
}: {
  checked: boolean;
  onChange: () => void;
  type?: 'checkbox' | 'radio';
  name?: string;
  children: ReactNode;
  title?: string;
}) {
  return (
    <label
      className="flex min-w-0 cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm text-slate-800 hover:bg-slate-50"
      title={title}
    >
      <input
        type={type}
        name={name}
        checked={checked}
        onChange={onChange}
        className="size-4 shrink-0 accent-blue-700"
      />
      {children}
    </label>
  );
}

export function FiltersPanel({ filters, okrugs, scoped, open, onOpenChange, onChange }: FiltersPanelProps) {
  const { t, lang, fill } = useText();
  const active = countActiveFilters(filters);
  const periodName = useId();
  const periodLabel: Record<MapPeriod, string> = {
    today: t.period.today,
    '7d': t.period.last7d,
    '30d': t.period.last30d,
  };

  if (!open) {
    return (
      <div className="flex w-12 shrink-0 flex-col items-center gap-2 border-r border-slate-200 bg-white py-2">
        <IconButton label={t.map.filters.show} onClick={() => onOpenChange(true)} aria-expanded={false}>
          <PanelLeftOpen aria-hidden="true" className="size-5" />
        </IconButton>
        {active > 0 ? (
          <span
            className="rounded-full bg-blue-700 px-1.5 text-xs font-semibold text-white"
            title={fill(t.map.filters.active, { count: active })}
          >
            {active}
          </span>
        ) : null}
      </div>
    );
  }

  const set = (patch: Partial<MapFilters>) => onChange({ ...filters, ...patch });

  return (
    <section
      aria-labelledby="map-filters-title"
      className="flex w-72 shrink-0 flex-col border-r border-slate-200 bg-white"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-2">
        <h2 id="map-filters-title" className="flex-1 text-sm font-semibold text-slate-900">
          {t.map.filters.title}
        </h2>
        <IconButton
          label={t.map.filters.hide}
          size="sm"
          onClick={() => onOpenChange(false)}
          aria-expanded={true}
        >
          <PanelLeftClose aria-hidden="true" className="size-5" />
        </IconButton>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <Group legend={t.map.filters.status}>
          {STATUS_ORDER.map((status: RegistrationStatus) => (
            <Option
              key={status}
              checked={filters.status.includes(status)}
              onChange={() => set({ status: toggle(filters.status, status) })}
              title={t.statusHint[status]}
            >
              <StatusSwatch status={status} />
              <span className="min-w-0">{t.status[status]}</span>
            </Option>
          ))}
        </Group>
        <Group legend={t.map.filters.okrug} hint={scoped ? t.map.filters.ownOkrugs : undefined}>
          <div className="grid grid-cols-2 gap-x-2 gap-y-1">
            {okrugs.map((okrug) => (
              <Option
                key={okrug.id}
                checked={filters.okrug.includes(okrug.id)}
                onChange={() => set({ okrug: toggle(filters.okrug, okrug.id) })}
                title={okrugName(lang, okrug)}
              >
                <span className="min-w-0 truncate">{okrugShort(lang, okrug)}</span>
              </Option>
            ))}
          </div>
        </Group>
        <Group legend={t.map.filters.citizenship}>
          {CITIZENSHIPS.map((code: Citizenship) => (
            <Option
              key={code}
              checked={filters.citizenship.includes(code)}
              onChange={() => set({ citizenship: toggle(filters.citizenship, code) })}
            >
              <span className="min-w-0 flex-1">{t.citizenship[code]}</span>
              <span className="text-xs text-slate-500">{code}</span>
            </Option>
          ))}
        </Group>
        <Group legend={t.map.filters.lapseKind} hint={t.map.filters.lapseKindHint}>
          {LAPSE_KINDS.map((kind: LapseKind) => {
            const Icon = LAPSE_KIND_STYLES[kind].icon;
            return (
              <Option
                key={kind}
                checked={filters.kind.includes(kind)}
                onChange={() => set({ kind: toggle(filters.kind, kind) })}
                title={t.lapseKindHint[kind]}
              >
                <Icon aria-hidden="true" className="size-4 shrink-0 text-fuchsia-900" />
                <span className="min-w-0">{t.lapseKind[kind]}</span>
              </Option>
            );
          })}
        </Group>
        <Group legend={t.map.filters.period} hint={t.map.filters.periodHint}>
          {MAP_PERIODS.map((period) => (
            <Option
              key={period}
              type="radio"
              name={periodName}
              checked={filters.period === period}
              onChange={() => set({ period })}
            >
              {periodLabel[period]}
            </Option>
          ))}
        </Group>
      </div>
      <div className={cn('border-t border-slate-200 px-4 py-2', active === 0 && 'hidden')}>
        <Button
          size="sm"
          className="w-full"
          onClick={() => onChange({ status: [], citizenship: [], okrug: [], kind: [], period: '7d' })}
        >
          {t.map.filters.reset}
        </Button>
      </div>
    </section>
  );
}
