// Label/value pairs: a <dl> whose rows wrap long Cyrillic values instead of overflowing.
import type { ReactNode } from 'react';
import { cn } from '@/lib/ui/cn';

export function DescriptionList({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <dl className={cn('grid grid-cols-[minmax(7rem,auto)_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm', className)}>
      {children}
    </dl>
  );
}

export function Item({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </>
  );
}
