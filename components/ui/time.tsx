'use client';
// Times on screen: <DateTime> prints 'dd.MM.yyyy HH:mm' (Moscow); <RelativeTime> prints
// '12 минут назад' and keeps the absolute Moscow time in the tooltip, refreshing every half minute.
import { useEffect, useState } from 'react';
import { formatDateTime, toDate, type DateInput } from '@/lib/format/date';
import { formatRelative } from '@/lib/format/relative';
import { useLang, useT } from '@/lib/i18n/client';

interface TimeProps {
  value: DateInput | null | undefined;
  className?: string;
  withSeconds?: boolean;
}

export function DateTime({ value, className, withSeconds }: TimeProps) {
  const t = useT();
  const date = toDate(value);
  if (!date) return <span className={className}>{t.common.dash}</span>;
  return (
    <time dateTime={date.toISOString()} className={className}>
      {formatDateTime(date, withSeconds)}
    </time>
  );
}

function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function RelativeTime({ value, className }: TimeProps) {
  const lang = useLang();
  const t = useT();
  const now = useNow(30_000);
  const date = toDate(value);
  if (!date) return <span className={className}>{t.common.dash}</span>;
  const absolute = `${formatDateTime(date)} ${t.time.zoneShort}`;
  return (
    // The server and the browser may disagree by a minute about "now".
    <time dateTime={date.toISOString()} title={absolute} className={className} suppressHydrationWarning>
      {formatRelative(lang, date, now)}
    </time>
  );
}
