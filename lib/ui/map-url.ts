// The map page's state as it lives in the URL: filters, visible layers and the selected worker.
// Pure functions so a shared link reopens exactly the same view of the data.
import {
  CITIZENSHIPS,
  LAPSE_KINDS,
  type Citizenship,
  type LapseKind,
  type RegistrationStatus,
} from '@/lib/domain/types';
import type { ClustersFilters } from '@/lib/api/map';
import { toMoscowDay } from '@/lib/format/date';
import { STATUS_ORDER } from '@/lib/ui/status';
import { pickIds, pickList, pickUuid } from './url-state';

export const MAP_PERIODS = ['today', '7d', '30d'] as const;
export type MapPeriod = (typeof MAP_PERIODS)[number];

export const LAYER_KEYS = ['addresses', 'lapses', 'heat', 'okrugs', 'geofence'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];
const DEFAULT_LAYERS: readonly LayerKey[] = ['addresses', 'lapses', 'okrugs', 'geofence'];

export interface MapFilters {
  status: RegistrationStatus[];
  citizenship: Citizenship[];
  okrug: string[];
  kind: LapseKind[];
  period: MapPeriod;
}

export interface MapUrlState {
  filters: MapFilters;
  layers: LayerKey[];
  worker: string | null;
}

/** Reads the URL; anything unknown is dropped rather than sent to the API. */
export function parseMapUrl(search: URLSearchParams, allowedOkrugs: readonly string[]): MapUrlState {
  const okrugs = pickIds(search.get('okrug')).filter((id) => allowedOkrugs.includes(id));
  const period = MAP_PERIODS.find((p) => p === search.get('period')) ?? '7d';
  const layersRaw = search.get('layers');
  return {
    filters: {
      status: pickList(search.get('status'), STATUS_ORDER),
      citizenship: pickList(search.get('citizenship'), CITIZENSHIPS),
      okrug: okrugs,
      kind: pickList(search.get('kind'), LAPSE_KINDS),
      period,
    },
    layers: layersRaw === null ? [...DEFAULT_LAYERS] : pickList(layersRaw, LAYER_KEYS),
    worker: pickUuid(search.get('worker')) ?? null,
  };
}

/** Writes the state over `base` (other parameters survive); defaults are left out to keep links short. */
export function writeMapUrl(
  state: MapUrlState,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const out = new URLSearchParams(base);
  const setList = (key: string, values: readonly string[]) => {
    if (values.length > 0) out.set(key, values.join(','));
    else out.delete(key);
  };
  setList('status', state.filters.status);
  setList('citizenship', state.filters.citizenship);
  setList('okrug', state.filters.okrug);
  setList('kind', state.filters.kind);
  if (state.filters.period === '7d') out.delete('period');
  else out.set('period', state.filters.period);
  const isDefaultLayers =
    state.layers.length === DEFAULT_LAYERS.length && DEFAULT_LAYERS.every((l) => state.layers.includes(l));
  if (isDefaultLayers) out.delete('layers');
  else out.set('layers', state.layers.join(',') || 'none');
  if (state.worker) out.set('worker', state.worker);
  else out.delete('worker');
  return out;
}

export function countActiveFilters(filters: MapFilters): number {
  return (
    filters.status.length +
    filters.citizenship.length +
    filters.okrug.length +
    filters.kind.length +
    (filters.period === '7d' ? 0 : 1)
  );
}

const PERIOD_DAYS: Record<MapPeriod, number> = { today: 0, '7d': 6, '30d': 29 };

/** First Moscow day of the period ('yyyy-MM-dd'): stable within a day, so query keys stay stable. */
export function periodStart(period: MapPeriod, now: Date = new Date()): string {
  return toMoscowDay(new Date(now.getTime() - PERIOD_DAYS[period] * 86_400_000));
}

export interface Viewport {
  /** 'west,south,east,north', rounded so tiny jitters reuse the cache. */
  bbox: string;
  zoom: number;
}

/** Parameters for GET /api/v1/map/clusters for one layer. */
export function clusterParams(
  layer: 'addresses' | 'lapses' | 'heat',
  viewport: Viewport,
  filters: MapFilters,
  now: Date = new Date(),
): ClustersFilters {
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(',') : undefined);
  return {
    bbox: viewport.bbox,
    zoom: viewport.zoom,
    layer,
    status: layer === 'addresses' ? list(filters.status) : undefined,
    citizenship: list(filters.citizenship),
    okrug: list(filters.okrug),
    kind: layer === 'addresses' ? undefined : list(filters.kind),
    from: layer === 'heat' ? periodStart(filters.period, now) : undefined,
  };
}

/** Rounds a viewport outwards to 3 decimals (~100 m) and clamps it to valid coordinates. */
export function formatBbox(west: number, south: number, east: number, north: number): string {
  const down = (v: number) => Math.floor(v * 1000) / 1000;
  const up = (v: number) => Math.ceil(v * 1000) / 1000;
  const w = Math.max(-180, down(west));
  const s = Math.max(-90, down(south));
  const e = Math.min(180, up(east));
  const n = Math.min(90, up(north));
  return [w, s, e, n].join(',');
}
