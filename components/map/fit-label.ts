// Cluster counts must fit inside their bubble: the full number when it fits, a compact form otherwise.
import { formatCompact } from '@/lib/format/number';
import type { Lang } from '@/lib/i18n/config';

export function fitLabel(
  ctx: CanvasRenderingContext2D,
  full: string,
  radius: number,
  count: number,
  lang: Lang,
): string {
  ctx.font = `600 ${radius >= 22 ? 13 : 11}px Inter, system-ui, sans-serif`;
  const room = radius * 2 - Math.max(8, radius * 0.56) - 4;
  if (ctx.measureText(full).width <= room) return full;
  const compact = formatCompact(lang, count).replace(/\.$/, '');
  return compact;
}
