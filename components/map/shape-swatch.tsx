// The same shapes as the canvas marks, as small SVGs for the legend and filters.
import type { WorkerStatusValue } from '@/lib/domain/types';
import { OPEN_LAPSE_COLOR, STATUS_STYLES } from '@/lib/ui/status';

export function StatusSwatch({ status, size = 14 }: { status: WorkerStatusValue; size?: number }) {
  const { color, shape } = STATUS_STYLES[status];
  const common = { fill: color, stroke: '#ffffff', strokeWidth: 1.5 };
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      className="shrink-0 overflow-visible"
    >
      {shape === 'ring' ? (
        <circle cx="8" cy="8" r="5.5" fill="#ffffff" stroke={color} strokeWidth="3" />
      ) : null}
      {shape === 'circle' ? <circle cx="8" cy="8" r="6" {...common} /> : null}
      {shape === 'triangle' ? <polygon points="8,1.5 15,14 1,14" {...common} /> : null}
      {shape === 'square' ? <rect x="2" y="2" width="12" height="12" {...common} /> : null}
      {shape === 'diamond' ? <polygon points="8,0.8 15.2,8 8,15.2 0.8,8" {...common} /> : null}
      {shape === 'dot' ? <circle cx="8" cy="8" r="4" {...common} /> : null}
    </svg>
  );
}

export function LapsePinSwatch({ size = 16 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 20" aria-hidden="true" className="shrink-0">
      <path
        d="M8 19 L3.2 11.6 A6 6 0 1 1 12.8 11.6 Z"
        fill={OPEN_LAPSE_COLOR}
        stroke="#1e293b"
        strokeWidth="1.4"
      />
      <circle cx="8" cy="7" r="2.2" fill="#ffffff" />
    </svg>
  );
}

/** A cluster bubble with a ring split in the five status colours. */
export function ClusterSwatch({ size = 22 }: { size?: number }) {
  const order = ['pending', 'active', 'interrupted', 'cancelled', 'ended'] as const;
  const shares = [0.15, 0.55, 0.12, 0.1, 0.08];
  const r = 8;
  const c = 2 * Math.PI * r;
  let offset = 0;
  return (
    <svg width={size} height={size} viewBox="0 0 22 22" aria-hidden="true" className="shrink-0 -rotate-90">
      <circle cx="11" cy="11" r="10.5" fill="#ffffff" stroke="#94a3b8" strokeWidth="0.8" />
      {order.map((status, i) => {
        const length = (shares[i] ?? 0) * c;
        const dash = `${length} ${c - length}`;
        const el = (
          <circle
            key={status}
            cx="11"
            cy="11"
            r={r}
            fill="none"
            stroke={STATUS_STYLES[status].color}
            strokeWidth="4"
            strokeDasharray={dash}
            strokeDashoffset={-offset}
          />
        );
        offset += length;
        return el;
      })}
    </svg>
  );
}

/** A cluster with the open-lapse badge on its rim, as the map draws it. */
export function LapseBadgeSwatch({ size = 26 }: { size?: number }) {
  return (
    <svg width={size} height={size * 0.85} viewBox="0 0 26 22" aria-hidden="true" className="shrink-0">
      <circle cx="10" cy="12" r="9" fill="#ffffff" stroke="#94a3b8" strokeWidth="0.8" />
      <circle cx="10" cy="12" r="6.5" fill="none" stroke={STATUS_STYLES.active.color} strokeWidth="3.5" />
      <rect
        x="13"
        y="1"
        width="12"
        height="10"
        rx="5"
        fill={OPEN_LAPSE_COLOR}
        stroke="#1e293b"
        strokeWidth="1"
      />
    </svg>
  );
}
