// Tooltip contents for the canvas marks, built as DOM nodes (textContent only: nothing is parsed as HTML).
import { STATUS_ORDER, STATUS_STYLES } from '@/lib/ui/status';
import type { StatusCounts } from './draw-marks';

export interface TooltipRow {
  label: string;
  value?: string;
  color?: string;
}

export function buildTooltip(title: string, rows: TooltipRow[], hint?: string): HTMLElement {
  const root = document.createElement('div');
  const heading = document.createElement('div');
  heading.textContent = title;
  heading.style.fontWeight = '600';
  root.appendChild(heading);
  if (rows.length > 0) {
    const list = document.createElement('dl');
    list.style.cssText =
      'display:grid;grid-template-columns:auto 1fr auto;gap:2px 6px;margin:4px 0 0;align-items:center';
    for (const row of rows) {
      const swatch = document.createElement('span');
      swatch.setAttribute('aria-hidden', 'true');
      swatch.style.cssText = `width:8px;height:8px;border-radius:2px;background:${row.color ?? 'transparent'}`;
      const label = document.createElement('dt');
      label.textContent = row.label;
      const value = document.createElement('dd');
      value.textContent = row.value ?? '';
      value.style.cssText = 'margin:0;text-align:right;font-variant-numeric:tabular-nums;font-weight:600';
      list.append(swatch, label, value);
    }
    root.appendChild(list);
  }
  if (hint) {
    const note = document.createElement('div');
    note.textContent = hint;
    note.style.cssText = 'margin-top:4px;color:#475569;font-size:11px';
    root.appendChild(note);
  }
  return root;
}

/** Rows "status — count" for the statuses present in a cluster, in lifecycle order. */
export function statusRows(
  counts: StatusCounts,
  labels: Record<string, string>,
  format: (n: number) => string,
): TooltipRow[] {
  return STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => ({
    label: labels[s] ?? s,
    value: format(counts[s]),
    color: STATUS_STYLES[s].color,
  }));
}
