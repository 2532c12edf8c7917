// The page states its time zone once; every time on screen is Moscow time.
import { Clock } from 'lucide-react';

export function TimeZoneNote({ label }: { label: string }) {
  return (
    <p className="flex shrink-0 items-center gap-1.5 text-xs whitespace-nowrap text-slate-600">
      <Clock aria-hidden="true" className="size-3.5" />
      {label}
    </p>
  );
}
