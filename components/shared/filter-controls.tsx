'use client';
// Filter controls above a list: each a labelled native control that writes to the URL on change.
import { useState, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { formatDayInput, maskDayInput, parseDayInput } from '@/lib/format/day-input';
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
  const t = useT();
  // Typed text lives here until it is a whole valid day; the URL (value) only ever holds yyyy-mm-dd.
  const [text, setText] = useState(() => formatDayInput(value));
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (shown !== value) {
    setShown(value);
    setText(formatDayInput(value));
    setError(null);
  }
  const commit = (raw: string) => {
    if (raw.trim() === '') {
      setError(null);
      if (value) onChange(undefined);
      return;
    }
    const day = parseDayInput(raw);
    if (!day) return setError(t.pages.list.dateInvalid);
    if ((min && day < min) || (max && day > max)) return setError(t.pages.list.dateOutOfRange);
    setError(null);
    if (day !== value) onChange(day);
  };
  return (
    <Field label={label} error={error ?? undefined} className="w-40">
      {(control) => (
        <Input
          {...control}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t.pages.list.datePlaceholder}
          className="tabular-nums"
          value={text}
          onChange={(e) => {
            const next = maskDayInput(e.target.value);
            setText(next);
            if (next.length === 10 || next === '') commit(next);
          }}
          onBlur={() => commit(text)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(text);
          }}
        />
      )}
    </Field>
  );
}

/** A removable chip for a filter that has no control of its own (e.g. one worker from a link). */
export function FilterChip({
  label,
  onRemove,
  removeLabel,
}: {
  label: string;
  onRemove: () => void;
  removeLabel: string;
}) {
  return (
    <span className="inline-flex h-9 items-center gap-1 self-end rounded-full border border-blue-300 bg-blue-50 pr-1 pl-3 text-sm text-blue-900">
      {label}
      <button
        type="button"
        onClick={onRemove}
        aria-label={removeLabel}
        title={removeLabel}
        className="rounded-full p-1 hover:bg-blue-100 focus-visible:outline-2 focus-visible:outline-blue-700"
      >
        <X aria-hidden="true" className="size-4" />
      </button>
    </span>
  );
}
