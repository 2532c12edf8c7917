// Canvas drawing of the map's marks. Shapes mirror the badge icons so the status never depends on
// colour alone: pending ring, active disc, interrupted triangle, cancelled square, ended diamond.
import type { RegistrationStatus } from '@/lib/domain/types';
import { OPEN_LAPSE_COLOR, STATUS_ORDER, STATUS_STYLES, type MarkShape } from '@/lib/ui/status';

const OUTLINE = '#1e293b';
const HALO = '#ffffff';

export function traceShape(
  ctx: CanvasRenderingContext2D,
  shape: MarkShape,
  x: number,
  y: number,
  r: number,
): void {
  ctx.beginPath();
  switch (shape) {
    case 'triangle': {
      const h = r * 1.25;
      ctx.moveTo(x, y - h);
      ctx.lineTo(x + h * 0.95, y + h * 0.7);
      ctx.lineTo(x - h * 0.95, y + h * 0.7);
      ctx.closePath();
      break;
    }
    case 'square':
      ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r * 1.2, y);
      ctx.lineTo(x, y + r * 1.2);
      ctx.lineTo(x - r * 1.2, y);
      ctx.closePath();
      break;
    case 'dot':
      ctx.arc(x, y, r * 0.7, 0, Math.PI * 2);
      break;
    default:
      ctx.arc(x, y, r, 0, Math.PI * 2);
  }
}

/** One worker at their declared address. */
export function drawWorkerMark(
  ctx: CanvasRenderingContext2D,
  status: RegistrationStatus | 'none',
  x: number,
  y: number,
  r: number,
  selected = false,
): void {
  const style = STATUS_STYLES[status];
  if (selected) {
    ctx.beginPath();
    ctx.arc(x, y, r + 6, 0, Math.PI * 2);
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#1d4ed8';
    ctx.stroke();
  }
  traceShape(ctx, style.shape, x, y, r);
  if (style.shape === 'ring') {
    ctx.fillStyle = HALO;
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = style.color;
    ctx.stroke();
    traceShape(ctx, 'circle', x, y, r + 1.5);
    ctx.lineWidth = 1;
    ctx.strokeStyle = HALO;
    ctx.stroke();
    return;
  }
  ctx.fillStyle = style.color;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = HALO;
  ctx.stroke();
}

export type StatusCounts = Record<RegistrationStatus, number>;

/** Radius of a cluster bubble: grows with the logarithm of the count so big cities stay readable. */
export function clusterRadius(count: number): number {
  return Math.min(34, 13 + 4.2 * Math.log10(Math.max(1, count)));
}

/** A cluster: white disc with the count, ring split by the share of each status (lifecycle order). */
export function drawClusterBubble(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  counts: StatusCounts,
  label: string,
): void {
  const total = STATUS_ORDER.reduce((sum, s) => sum + counts[s], 0);
  const ring = Math.max(4, r * 0.28);
  ctx.beginPath();
  ctx.arc(x, y, r + 1, 0, Math.PI * 2);
  ctx.fillStyle = HALO;
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = 'rgba(15, 23, 42, 0.35)';
  ctx.stroke();

  let angle = -Math.PI / 2;
  for (const status of STATUS_ORDER) {
    const share = total > 0 ? counts[status] / total : 0;
    if (share <= 0) continue;
    const end = angle + share * Math.PI * 2;
    ctx.beginPath();
    ctx.arc(x, y, r - ring / 2, angle, end);
    ctx.lineWidth = ring;
    ctx.strokeStyle = STATUS_STYLES[status].color;
    ctx.stroke();
    // A thin white gap between segments keeps adjacent colours apart.
    if (share < 1) {
      ctx.beginPath();
      ctx.moveTo(x + Math.cos(end) * (r - ring), y + Math.sin(end) * (r - ring));
      ctx.lineTo(x + Math.cos(end) * r, y + Math.sin(end) * r);
      ctx.lineWidth = 1;
      ctx.strokeStyle = HALO;
      ctx.stroke();
    }
    angle = end;
  }

  ctx.fillStyle = OUTLINE;
  ctx.font = `600 ${r >= 22 ? 13 : 11}px Inter, system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, x, y + 0.5);
}

/** An open lapse at the last known fix: a magenta map pin, unlike any status shape. */
export function drawLapsePin(ctx: CanvasRenderingContext2D, x: number, y: number, selected = false): void {
  const r = 7;
  const cy = y - 10;
  if (selected) {
    ctx.beginPath();
    ctx.arc(x, cy, r + 5, 0, Math.PI * 2);
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#1d4ed8';
    ctx.stroke();
  }
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.arc(x, cy, r, Math.PI * 0.75, Math.PI * 0.25);
  ctx.closePath();
  ctx.fillStyle = OPEN_LAPSE_COLOR;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = OUTLINE;
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(x, cy, 2.5, 0, Math.PI * 2);
  ctx.fillStyle = HALO;
  ctx.fill();
}

/** Several open lapses: a magenta rounded square with the count (status clusters are round). */
export function drawLapseCluster(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  label: string,
): void {
  const side = r * 1.7;
  ctx.beginPath();
  ctx.roundRect(x - side / 2, y - side / 2, side, side, 5);
  ctx.fillStyle = OPEN_LAPSE_COLOR;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = OUTLINE;
  ctx.stroke();
  ctx.fillStyle = '#111827';
  ctx.font = `700 ${r >= 18 ? 12 : 11}px Inter, system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, x, y + 0.5);
}

/** Open lapses merged into a cluster: a pill on the cluster's rim, outlined so it reads on any ring. */
export function drawLapseBadge(
  ctx: CanvasRenderingContext2D,
  box: { x: number; y: number; w: number; h: number },
  label: string,
): void {
  ctx.beginPath();
  ctx.roundRect(box.x, box.y, box.w, box.h, box.h / 2);
  ctx.fillStyle = OPEN_LAPSE_COLOR;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = OUTLINE;
  ctx.stroke();
  ctx.fillStyle = '#111827';
  ctx.font = BADGE_FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, box.x + box.w / 2, box.y + box.h / 2 + 0.5);
}

/** Lapses merged into a crowded cluster with no room for a badge: a ring outside the bubble. */
export function drawLapseRing(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r + 2.5, 0, Math.PI * 2);
  ctx.lineWidth = 3;
  ctx.strokeStyle = OPEN_LAPSE_COLOR;
  ctx.stroke();
}

export const BADGE_FONT = '700 10px Inter, system-ui, sans-serif';
export const OKRUG_FONT = '600 11px Inter, system-ui, sans-serif';

/** An okrug abbreviation, drawn last with a white halo so it stays above every mark. */
export function drawOkrugLabel(
  ctx: CanvasRenderingContext2D,
  box: { x: number; y: number; w: number; h: number },
  text: string,
): void {
  ctx.font = OKRUG_FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const x = box.x + box.w / 2;
  const y = box.y + box.h / 2;
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3.5;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.95)';
  ctx.strokeText(text, x, y);
  ctx.fillStyle = '#334155';
  ctx.fillText(text, x, y);
}

/** Heat colour ramp (light yellow → orange → deep red-purple), 256 RGBA entries. */
export function buildHeatRamp(): Uint8ClampedArray {
  const stops: Array<[number, [number, number, number]]> = [
    [0, [255, 245, 180]],
    [0.35, [254, 178, 76]],
    [0.65, [240, 59, 32]],
    [1, [128, 0, 60]],
  ];
  const ramp = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    const upper = stops.findIndex(([at]) => at >= t);
    const [a, ca] = stops[Math.max(0, upper - 1)] ?? stops[0]!;
    const [b, cb] = stops[Math.max(0, upper)] ?? stops[stops.length - 1]!;
    const f = b === a ? 0 : (t - a) / (b - a);
    for (let c = 0; c < 3; c++) ramp[i * 4 + c] = Math.round(ca[c]! + (cb[c]! - ca[c]!) * f);
    ramp[i * 4 + 3] = 255;
  }
  return ramp;
}
