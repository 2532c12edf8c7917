// Table primitives with the dashboard's density. Wrap wide tables in <TableContainer> so they scroll
// sideways instead of squeezing long Cyrillic names.
import type { ComponentProps } from 'react';
import { cn } from '@/lib/ui/cn';

export function TableContainer({ className, ...rest }: ComponentProps<'div'>) {
  return (
    <div className={cn('overflow-x-auto rounded-lg border border-slate-200 bg-white', className)} {...rest} />
  );
}

export function Table({ className, ...rest }: ComponentProps<'table'>) {
  return <table className={cn('w-full border-collapse text-left text-sm', className)} {...rest} />;
}

export function TableCaption({ className, ...rest }: ComponentProps<'caption'>) {
  return <caption className={cn('px-3 py-2 text-left text-sm text-slate-600', className)} {...rest} />;
}

export function THead({ className, ...rest }: ComponentProps<'thead'>) {
  return <thead className={cn('sticky top-0 z-[1] bg-slate-50', className)} {...rest} />;
}

export function TBody({ className, ...rest }: ComponentProps<'tbody'>) {
  return <tbody className={cn('divide-y divide-slate-100', className)} {...rest} />;
}

export function Tr({ className, selected, ...rest }: ComponentProps<'tr'> & { selected?: boolean }) {
  return (
    <tr
      aria-selected={selected}
      className={cn('hover:bg-slate-50', selected && 'bg-blue-50 hover:bg-blue-50', className)}
      {...rest}
    />
  );
}

export function Th({ className, scope = 'col', ...rest }: ComponentProps<'th'>) {
  return (
    <th
      scope={scope}
      className={cn(
        'border-b border-slate-200 px-3 py-2 text-xs font-semibold tracking-wide text-slate-600 whitespace-nowrap',
        className,
      )}
      {...rest}
    />
  );
}

export function Td({ className, numeric, ...rest }: ComponentProps<'td'> & { numeric?: boolean }) {
  return (
    <td
      className={cn('px-3 py-2 align-top text-slate-800', numeric && 'text-right tabular-nums', className)}
      {...rest}
    />
  );
}
