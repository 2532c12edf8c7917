// Turning clusters answers into screen positions for the marks canvas.
import type L from 'leaflet';
import type { ClusterFeature, ClustersResponse } from '@/lib/api/map';
import { formatCompact, formatNumber } from '@/lib/format/number';
import type { Lang } from '@/lib/i18n/config';
import type { Box } from '../mark-layout';

/** A feature at its container point, with the disc it covers and the box of its count (if any). */
export interface Projected {
  feature: ClusterFeature;
  x: number;
  y: number;
  r: number;
  label: string;
  box: Box | null;
}

const MARGIN = 40;

export function projectFeatures(
  map: L.Map,
  size: L.Point,
  features: readonly ClusterFeature[],
): Array<Omit<Projected, 'r' | 'label' | 'box'>> {
  const out: Array<Omit<Projected, 'r' | 'label' | 'box'>> = [];
  for (const feature of features) {
    const [lon, lat] = feature.geometry.coordinates;
    const p = map.latLngToContainerPoint([lat, lon]);
    if (p.x < -MARGIN || p.y < -MARGIN || p.x > size.x + MARGIN || p.y > size.y + MARGIN) continue;
    out.push({ feature, x: p.x, y: p.y });
  }
  return out;
}

/** Clusters first, singles on top, the selected worker last. */
export function orderAddresses(
  data: ClustersResponse | undefined,
  selected: string | null,
): ClusterFeature[] {
  return [...(data?.features ?? [])].sort((a, b) => rank(a, selected) - rank(b, selected));
}

function rank(feature: ClusterFeature, selected: string | null): number {
  const props = feature.properties;
  if ('heat' in props || props.cluster) return 0;
  return props.workerId === selected ? 2 : 1;
}

/** Badges are small: thousands read as "1,2 тыс." rather than a wide number. */
export function formatBadge(lang: Lang, count: number): string {
  return count >= 1000 ? formatCompact(lang, count).replace(/\.$/, '') : formatNumber(lang, count);
}
