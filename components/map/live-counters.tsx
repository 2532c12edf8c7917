'use client';
// Counters along the top of the map: registered, active, interrupted, cancelled today, open lapses.
// Loaded once, then kept current by `summary` events from the stream (see use-live-stream.ts).
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Users } from 'lucide-react';
import { summaryQuery } from '@/lib/api/queries';
import { formatNumber } from '@/lib/format/number';
import { formatTime } from '@/lib/format/date';
import { useText } from '@/lib/i18n/client';
import { cn } from '@/lib/ui/cn';
import { OPEN_LAPSE_FG, STATUS_STYLES } from '@/lib/ui/status';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { LapsePinSwatch } from './shape-swatch';
import type { StreamState } from './use-live-stream';

interface CounterProps {
  label: string;
  value: string;
  icon: ReactNode;
  color?: string;
}

function Counter({ label, value, icon, color }: CounterProps) {
  return (
    <li className="flex min-w-0 items-center gap-2.5 px-4 py-2">
      <span aria-hidden="true" className="shrink-0" style={{ color }}>
        {icon}
      </span>
      <span className="flex min-w-0 flex-col">
        <span className="text-xs leading-tight text-slate-600">{label}</span>
        <span className="text-lg leading-tight font-semibold tabular-nums text-slate-900">{value}</span>
      </span>
    </li>
  );
}

export function CountersSkeleton() {
  return (
    <div
      aria-hidden="true"
      className="flex h-[58px] items-center divide-x divide-slate-200 border-b border-slate-200 bg-white"
    >
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="flex items-center gap-2.5 px-4 py-2">
          <Skeleton className="size-5 rounded-full" />
          <div className="space-y-1.5">
            <Skeleton className="h-3 w-24" />
            <Skeleton className="h-4 w-16" />
          </div>
        </div>
      ))}
    </div>
  );
}

export function LiveCounters({ stream }: { stream: StreamState }) {
  const { t, lang, fill } = useText();
  const { data, error, refetch, isFetching } = useQuery(summaryQuery());

  if (!data) {
    if (error) {
      return (
        <div className="border-b border-slate-200 bg-white p-2">
          <ErrorState compact error={error} onRetry={() => void refetch()} retrying={isFetching} />
        </div>
      );
    }
    return (
      <div role="status" aria-busy="true">
        <span className="sr-only">{t.common.loading}</span>
        <CountersSkeleton />
      </div>
    );
  }

  const n = (v: number) => formatNumber(lang, v);
  const live = stream === 'live';
  const StatusIcon = (status: 'active' | 'interrupted' | 'cancelled') => {
    const Icon = STATUS_STYLES[status].icon;
    return <Icon className="size-5" />;
  };

  return (
    <section
      aria-label={t.map.counters.label}
      className="flex flex-wrap items-center border-b border-slate-200 bg-white"
    >
      <ul className="flex min-w-0 flex-1 flex-wrap items-center divide-x divide-slate-200">
        <Counter
          label={t.map.counters.registered}
          value={n(data.registered)}
          icon={<Users className="size-5" />}
          color="#334155"
        />
        <Counter
          label={t.map.counters.active}
          value={n(data.active)}
          icon={StatusIcon('active')}
          color={STATUS_STYLES.active.fg}
        />
        <Counter
          label={t.map.counters.interrupted}
          value={n(data.interrupted)}
          icon={StatusIcon('interrupted')}
          color={STATUS_STYLES.interrupted.fg}
        />
        <Counter
          label={t.map.counters.cancelledToday}
          value={n(data.cancelledToday)}
          icon={StatusIcon('cancelled')}
          color={STATUS_STYLES.cancelled.fg}
        />
        <Counter
          label={t.map.counters.openLapses}
          value={n(data.openLapses)}
          icon={<LapsePinSwatch size={18} />}
          color={OPEN_LAPSE_FG}
        />
      </ul>
      <p
        className="flex items-center gap-2 px-4 py-2 text-xs text-slate-600"
        title={live ? t.map.counters.live : t.map.counters.offline}
      >
        <span
          aria-hidden="true"
          className={cn('inline-block size-2 rounded-full', live ? 'bg-emerald-600' : 'bg-slate-400')}
        />
        <span className="sr-only">{live ? t.map.counters.live : t.map.counters.offline}. </span>
        {fill(t.map.counters.asOf, { time: formatTime(data.asOf) })}
      </p>
    </section>
  );
}
