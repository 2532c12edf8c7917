'use client';
// A worker's name in both forms: the form of the interface language first, the other beneath it.
import { useLang } from '@/lib/i18n/client';
import { cn } from '@/lib/ui/cn';

export function PersonName({
  latin,
  cyrillic,
  className,
  primaryClassName,
}: {
  latin: string;
  cyrillic: string | null;
  className?: string;
  primaryClassName?: string;
}) {
  const lang = useLang();
  const [first, second] = lang === 'ru' && cyrillic ? [cyrillic, latin] : [latin, cyrillic];
  return (
    <span className={cn('flex min-w-0 flex-col', className)}>
      {/* translate="no": a name is a name in every language (the Russian-page scan skips it too). */}
      <span
        translate="no"
        lang={first === cyrillic ? 'ru' : undefined}
        className={cn('font-medium break-words text-slate-900', primaryClassName)}
      >
        {first}
      </span>
      {second && second !== first ? (
        <span
          translate="no"
          lang={second === cyrillic ? 'ru' : undefined}
          className="text-xs break-words text-slate-600"
        >
          {second}
        </span>
      ) : null}
    </span>
  );
}
