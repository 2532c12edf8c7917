'use client';
// A small static sketch: okrug outlines, the declared address, lapse places and optionally a trace.
// Not a map (no tiles, no pan): a figure with a caption, a legend and the data also given as text.
import { useId, type ReactNode } from 'react';
import { useLang, useT } from '@/lib/i18n/client';
import { OPEN_LAPSE_COLOR, STATUS_STYLES } from '@/lib/ui/status';
import { projectPoint, viewBoxFor, type PlotBase, type XY } from './projection';

export interface SketchPoint {
  lat: number;
  lon: number;
  kind: 'address' | 'lapse' | 'fix';
  label: string;
}

export function DistrictSketch({
  base,
  points,
  trace,
  caption,
  legend,
  focus = true,
  minSpan,
  className,
}: {
  base: PlotBase;
  points: SketchPoint[];
  /** Consecutive positions drawn as a line, in time order. */
  trace?: Array<{ lat: number; lon: number }>;
  caption: ReactNode;
  legend?: ReactNode;
  focus?: boolean;
  /** Smallest view across, in plot units (about 111 m each). */
  minSpan?: number;
  className?: string;
}) {
  const lang = useLang();
  const t = useT();
  // The region pack credits OpenStreetMap in English; that credit is worded in the interface language.
  const attribution = /OpenStreetMap contributors/.test(base.attribution)
    ? t.shell.osmAttribution
    : base.attribution;
  const captionId = useId();
  const projected = points.map((p) => ({ ...p, xy: projectPoint(p.lon, p.lat) }));
  const line: XY[] = (trace ?? []).map((p) => projectPoint(p.lon, p.lat));
  const [minX, minY, maxX, maxY] = viewBoxFor(
    base.box,
    [...projected.map((p) => p.xy), ...line],
    focus,
    minSpan,
  );
  const span = Math.max(maxX - minX, maxY - minY);
  const unit = span / 300; // one "pixel" at a 300 px wide figure
  return (
    <figure className={className} aria-labelledby={captionId}>
      <svg
        viewBox={`${minX} ${minY} ${maxX - minX} ${maxY - minY}`}
        className="h-auto max-h-[28rem] w-full rounded-md border border-slate-200 bg-slate-50"
        role="img"
        aria-labelledby={captionId}
        preserveAspectRatio="xMidYMid meet"
      >
        {base.districts.map((d) => (
          <path
            key={d.id}
            d={d.d}
            fill="#ffffff"
            stroke="#94a3b8"
            strokeWidth={unit * 0.8}
            strokeLinejoin="round"
          />
        ))}
        {base.districts.map((d) => (
          <text
            key={`${d.id}-label`}
            x={d.labelAt[0]}
            y={d.labelAt[1]}
            fontSize={unit * 7}
            textAnchor="middle"
            fill="#64748b"
            aria-hidden="true"
          >
            {lang === 'ru' ? d.labelRu : d.labelEn}
          </text>
        ))}
        {line.length > 1 ? (
          <polyline
            points={line.map(([x, y]) => `${x},${y}`).join(' ')}
            fill="none"
            stroke="#1d4ed8"
            strokeOpacity={0.7}
            strokeWidth={unit * 1.5}
            strokeLinejoin="round"
          />
        ) : null}
        {projected.map((p, i) => (
          <Mark key={i} kind={p.kind} xy={p.xy} unit={unit} label={p.label} />
        ))}
      </svg>
      <figcaption id={captionId} className="mt-1.5 text-xs text-slate-600">
        {caption} <span className="whitespace-nowrap">{attribution}</span>
      </figcaption>
      {legend}
    </figure>
  );
}

function Mark({
  kind,
  xy: [x, y],
  unit,
  label,
}: {
  kind: SketchPoint['kind'];
  xy: XY;
  unit: number;
  label: string;
}) {
  if (kind === 'address') {
    return (
      <circle
        cx={x}
        cy={y}
        r={unit * 6}
        fill={STATUS_STYLES.pending.color}
        stroke="#fff"
        strokeWidth={unit * 1.5}
      >
        <title>{label}</title>
      </circle>
    );
  }
  if (kind === 'lapse') {
    const s = unit * 7;
    return (
      <polygon
        points={`${x},${y - s} ${x + s},${y + s * 0.8} ${x - s},${y + s * 0.8}`}
        fill={OPEN_LAPSE_COLOR}
        stroke="#5b1a3f"
        strokeWidth={unit}
      >
        <title>{label}</title>
      </polygon>
    );
  }
  return (
    <circle cx={x} cy={y} r={unit * 2} fill="#1d4ed8">
      <title>{label}</title>
    </circle>
  );
}

/** Legend swatches matching the marks. */
export function SketchLegend({ items }: { items: Array<{ kind: SketchPoint['kind']; label: string }> }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      {items.map((item) => (
        <li key={item.kind} className="inline-flex items-center gap-1.5">
          <svg viewBox="-8 -8 16 16" className="size-3.5" aria-hidden="true">
            {item.kind === 'address' ? (
              <circle r={6} fill={STATUS_STYLES.pending.color} />
            ) : item.kind === 'lapse' ? (
              <polygon points="0,-7 7,5.6 -7,5.6" fill={OPEN_LAPSE_COLOR} stroke="#5b1a3f" />
            ) : (
              <circle r={3} fill="#1d4ed8" />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
