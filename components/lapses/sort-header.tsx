'use client';
// A sortable column header: a button that flips the order, with aria-sort on the <th>.
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { Th } from '@/components/ui/table';
import { useText } from '@/lib/i18n/client';

export type SortDirection = 'asc' | 'desc' | null;

export function SortHeader({
  label,
  direction,
  onSort,
  className,
}: {
  label: string;
  direction: SortDirection;
  onSort: () => void;
  className?: string;
}) {
  const { t, fill } = useText();
  const Icon = direction === 'asc' ? ArrowUp : direction === 'desc' ? ArrowDown : ArrowUpDown;
  const state =
    direction === 'asc' ? t.pages.lapses.sortAsc : direction === 'desc' ? t.pages.lapses.sortDesc : null;
  return (
    <Th
      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
      className={className}
    >
      <button
        type="button"
        onClick={onSort}
        className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 text-xs font-semibold text-slate-700 hover:bg-slate-200/60"
        title={fill(t.pages.lapses.sortBy, { column: label })}
      >
        {label}
        <Icon aria-hidden="true" className="size-3.5" />
        {state ? <span className="sr-only">({state})</span> : null}
      </button>
    </Th>
  );
}
