'use client';
// The map legend: for each status its colour, shape and words; then groups, lapses, density, lines.
import { useEffect, useState } from 'react';
import { ChevronDown } from 'lucide-react';
import { useT } from '@/lib/i18n/client';
import { cn } from '@/lib/ui/cn';
import { STATUS_ORDER, STATUS_STYLES } from '@/lib/ui/status';
import type { LayerKey } from '@/lib/ui/map-url';
import { ClusterSwatch, LapseBadgeSwatch, LapsePinSwatch, StatusSwatch } from './shape-swatch';

const HEAT_GRADIENT = 'linear-gradient(90deg, #fff5b4, #feb24c, #f03b20, #80003c)';

// Open on the first visit, so a new officer learns the symbols; collapsed after that unless the
// officer opened it again, so it does not cover a quarter of the map every day.
const LEGEND_KEY = 'regwatch.map-legend';

function readLegendOpen(): boolean {
  try {
    const stored = window.localStorage.getItem(LEGEND_KEY);
    if (stored === null) window.localStorage.setItem(LEGEND_KEY, 'closed');
    return stored === null || stored === 'open';
  } catch {
    return true; // storage blocked: behave like a first visit
  }
}

function storeLegendOpen(open: boolean): void {
  try {
    window.localStorage.setItem(LEGEND_KEY, open ? 'open' : 'closed');
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

export function Legend({ layers }: { layers: LayerKey[] }) {
  const t = useT();
  const [open, setOpen] = useState(true);
  // localStorage exists only in the browser; the server render always shows the legend open.
  useEffect(() => {
    const stored = readLegendOpen();
    if (!stored) setOpen(false); // eslint-disable-line react-hooks/set-state-in-effect
  }, []);
  const toggle = () =>
    setOpen((v) => {
      storeLegendOpen(!v);
      return !v;
    });
  return (
    <section
      aria-labelledby="map-legend-title"
      className="pointer-events-auto max-w-72 rounded-lg border border-slate-300 bg-white shadow-md"
    >
      <h2 id="map-legend-title">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="map-legend-body"
          onClick={toggle}
          className="flex w-full items-center gap-2 rounded-lg px-3 py-2 text-left text-sm font-semibold text-slate-900"
        >
          <span className="flex-1">{t.map.legend.title}</span>
          <ChevronDown
            aria-hidden="true"
            className={cn('size-4 transition-transform', !open && '-rotate-90')}
          />
        </button>
      </h2>
      <div
        id="map-legend-body"
        className={cn(
          'space-y-2 border-t border-slate-200 px-3 py-2 text-xs text-slate-800',
          !open && 'hidden',
        )}
      >
        <p className="font-semibold text-slate-700">{t.map.legend.statuses}</p>
        <ul className="space-y-1">
          {STATUS_ORDER.map((status) => {
            const Icon = STATUS_STYLES[status].icon;
            return (
              <li key={status} className="flex items-center gap-2">
                <StatusSwatch status={status} />
                <Icon
                  aria-hidden="true"
                  className="size-3.5 shrink-0"
                  style={{ color: STATUS_STYLES[status].fg }}
                />
                <span>{t.status[status]}</span>
              </li>
            );
          })}
        </ul>
        {layers.includes('addresses') ? (
          <p className="flex items-center gap-2">
            <ClusterSwatch />
            <span>{t.map.legend.cluster}</span>
          </p>
        ) : null}
        {layers.includes('lapses') ? (
          <p className="flex items-center gap-2">
            <LapsePinSwatch />
            <span>{t.map.legend.openLapse}</span>
          </p>
        ) : null}
        {layers.includes('lapses') && layers.includes('addresses') ? (
          <p className="flex items-center gap-2">
            <LapseBadgeSwatch />
            <span>{t.officerView.map.badge}</span>
          </p>
        ) : null}
        {layers.includes('heat') ? (
          <div>
            <p>{t.map.legend.heat}</p>
            <div
              aria-hidden="true"
              className="mt-1 h-2 w-full rounded"
              style={{ background: HEAT_GRADIENT }}
            />
          </div>
        ) : null}
        {layers.includes('okrugs') ? (
          <p className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-0 w-5 border-t-2 border-slate-600" />
            <span>{t.map.legend.okrug}</span>
          </p>
        ) : null}
        {layers.includes('geofence') ? (
          <p className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="inline-block h-0 w-5 border-t-2 border-dashed border-blue-900"
            />
            <span>{t.map.legend.geofence}</span>
          </p>
        ) : null}
      </div>
    </section>
  );
}
