// One tooltip per thing under the pointer. A cluster with merged lapses tells both: workers by
// status, then the open lapses (by kind) that its badge counts.
import { LAPSE_KINDS, type LapseKind } from '@/lib/domain/types';
import { formatNumber } from '@/lib/format/number';
import type { useText } from '@/lib/i18n/client';
import { OPEN_LAPSE_COLOR, STATUS_STYLES } from '@/lib/ui/status';
import type { MapHit } from '../hit-registry';
import type { BBox } from '../layer-state';
import { buildTooltip, statusRows, type TooltipRow } from '../tooltips';
import type { Projected } from './marks-data';
import type { Scene, SceneHit } from './marks-scene';

type Text = ReturnType<typeof useText>;

interface Actions {
  onZoomTo: (bbox: BBox, lat: number, lon: number) => void;
  onSelectWorker: (id: string) => void;
}

function addKinds(into: Partial<Record<LapseKind, number>>, lapse: Projected): number {
  const p = lapse.feature.properties;
  if ('heat' in p) return 0;
  if (p.cluster) {
    for (const kind of LAPSE_KINDS) into[kind] = (into[kind] ?? 0) + (p.kinds?.[kind] ?? 0);
    return p.count;
  }
  if (p.openLapseKind) into[p.openLapseKind] = (into[p.openLapseKind] ?? 0) + 1;
  return 1;
}

function lapseRows(text: Text, lapses: readonly Projected[]): { total: number; rows: TooltipRow[] } {
  const kinds: Partial<Record<LapseKind, number>> = {};
  const total = lapses.reduce((sum, l) => sum + addKinds(kinds, l), 0);
  const rows = LAPSE_KINDS.filter((k) => (kinds[k] ?? 0) > 0).map((k) => ({
    label: text.t.lapseKind[k],
    value: formatNumber(text.lang, kinds[k] ?? 0),
    color: OPEN_LAPSE_COLOR,
  }));
  return { total, rows };
}

export function buildMarkTooltip(hit: SceneHit, scene: Scene, text: Text, actions: Actions): MapHit | null {
  const { t, plural } = text;
  const fmt = (n: number) => formatNumber(text.lang, n);
  if (hit.kind === 'okrug') {
    const okrug = scene.okrugs[hit.index];
    const box = scene.layout.okrugs[hit.index];
    if (!okrug || !box) return null;
    return {
      key: `o:${okrug.abbr}`,
      latlng: [okrug.lat, okrug.lon],
      tooltip: () => buildTooltip(okrug.name, []),
    };
  }
  const mark = hit.kind === 'anchor' ? scene.anchors[hit.index] : scene.lapses[hit.index];
  if (!mark) return null;
  const p = mark.feature.properties;
  const [lon, lat] = mark.feature.geometry.coordinates;
  if ('heat' in p) return null;

  if (hit.kind === 'lapse') {
    if (p.cluster) {
      const { rows } = lapseRows(text, [mark]);
      return {
        key: `lc:${lon}:${lat}:${p.count}`,
        latlng: [lat, lon],
        tooltip: () => buildTooltip(plural(t.map.tooltip.lapses, p.count), rows, t.map.tooltip.zoomHint),
        onClick: () => actions.onZoomTo(p.bbox, lat, lon),
      };
    }
    return {
      key: `l:${p.lapseId ?? p.workerId}`,
      latlng: [lat, lon],
      tooltip: () =>
        buildTooltip(
          p.openLapseKind ? t.lapseKind[p.openLapseKind] : t.map.layers.openLapses,
          [{ label: t.status[p.status], color: STATUS_STYLES[p.status].color }],
          t.map.tooltip.openHint,
        ),
      onClick: () => actions.onSelectWorker(p.workerId),
    };
  }

  if (p.cluster) {
    const merged = scene.lapses.filter((_, i) => scene.layout.attachedTo[i] === hit.index);
    const lapses = lapseRows(text, merged);
    const rows = statusRows(p.counts, t.status, fmt);
    if (lapses.total > 0) {
      rows.push({ label: plural(t.map.tooltip.lapses, lapses.total), color: OPEN_LAPSE_COLOR });
      rows.push(...lapses.rows.map((r) => ({ ...r, label: `· ${r.label}` })));
    }
    return {
      key: `c:${lon}:${lat}:${p.count}:${lapses.total}`,
      latlng: [lat, lon],
      tooltip: () => buildTooltip(plural(t.map.tooltip.workers, p.count), rows, t.map.tooltip.zoomHint),
      onClick: () => actions.onZoomTo(p.bbox, lat, lon),
    };
  }
  return {
    key: `w:${p.workerId}`,
    latlng: [lat, lon],
    tooltip: () =>
      buildTooltip(
        t.status[p.status],
        p.openLapseKind ? [{ label: t.lapseKind[p.openLapseKind], color: OPEN_LAPSE_COLOR }] : [],
        t.map.tooltip.openHint,
      ),
    onClick: () => actions.onSelectWorker(p.workerId),
  };
}
