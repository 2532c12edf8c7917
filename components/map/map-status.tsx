'use client';
// A quiet line over the map: "updating", what is in view, a warning when the server trimmed the
// answer, and any failure with a retry.
import { LoaderCircle } from 'lucide-react';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { ErrorState } from '@/components/ui/error-state';
import type { LayerState } from './layer-state';

export function MapStatus({ states }: { states: Array<LayerState | null> }) {
  const { t, lang, fill } = useText();
  const present = states.filter((s): s is LayerState => s !== null);
  const failed = present.find((s) => s.error);
  const fetching = present.some((s) => s.fetching);
  const truncated = present.some((s) => s.truncated);
  const addresses = states[0];
  const count = addresses?.total ?? null;

  if (failed) {
    return (
      <div className="pointer-events-auto max-w-md">
        <ErrorState
          compact
          title={t.map.loadFailed}
          error={failed.error}
          onRetry={failed.refetch}
          retrying={fetching}
        />
      </div>
    );
  }
  if (!fetching && count === null && !truncated) return null;
  const showPill = fetching || count !== null;
  return (
    <div className="flex flex-col items-start gap-1">
      {showPill ? (
        <p
          aria-live="polite"
          className="flex items-center gap-2 rounded-full border border-slate-300 bg-white/95 px-3 py-1 text-xs text-slate-700 shadow-sm"
        >
          {fetching ? <LoaderCircle aria-hidden="true" className="size-3.5 animate-spin" /> : null}
          {fetching ? t.map.updating : fill(t.map.inView, { count: formatNumber(lang, count ?? 0) })}
        </p>
      ) : null}
      {truncated ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-1 text-xs text-amber-900 shadow-sm">
          {t.map.truncated}
        </p>
      ) : null}
    </div>
  );
}
