'use client';
// The chart legend: a colour square and the series name. Recharts' own legend labels each icon
// "<name> legend icon" in English for screen readers; here the square is decorative.
import type { LegendPayload } from 'recharts';

export function ChartLegend({ payload }: { payload?: readonly LegendPayload[] }) {
  if (!payload?.length) return null;
  return (
    <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 pt-1 text-xs text-slate-700">
      {payload.map((entry, i) => (
        <li key={`${String(entry.value)}-${i}`} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ backgroundColor: entry.color }} />
          {String(entry.value ?? '')}
        </li>
      ))}
    </ul>
  );
}
