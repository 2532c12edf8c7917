'use client';
// Filter controls above a list: each a labelled native control that writes to the URL on change.
import type { ReactNode } from 'react';
import { X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { useT } from '@/lib/i18n/client';

export interface Option {
  value: string;
  label: string;
}

export function FilterBar({
  label,
  children,
  onClear,
}: {
  label: string;
  children: ReactNode;
  onClear?: () => void;
}) {
  const t = useT();
  return (
    <section
      aria-label={label}
      className="flex flex-wrap items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white p-3"
    >
      {children}
      {onClear ? (
        <Button variant="ghost" size="md" onClick={onClear}>
          <X aria-hidden="true" className="size-4" />
          {t.pages.list.clearFilters}
        </Button>
      ) : null}
    </section>
  );
}

export function SelectFilter({
  label,
  value,
  options,
  onChange,
  anyLabel,
}: {
  label: string;
  value: string | undefined;
  options: readonly Option[];
  onChange: (value: string | undefined) => void;
  /** Label of the empty choice; omit when a value is always set. */
  anyLabel?: string;
}) {
  return (
    <Field label={label} className="min-w-40">
      {(control) => (
        <Select {...control} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
          {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

export function DateFilter({
  label,
  value,
  onChange,
  min,
  max,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  min?: string;
  max?: string;
}) {
  return (
    <Field label={label}>
      {(control) => (
        <Input
          {...control}
          type="date"
          className="w-auto"
          value={value ?? ''}
          min={min}
          max={max}
          onChange={(e) => onChange(e.target.value || undefined)}
        />
      )}
    </Field>
  );
}
