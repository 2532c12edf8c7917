// The okrug outlines for sketches, projected once per process on the server and passed to the
// client as small path strings (no map library and no request from the browser).
import 'server-only';
import type { Position } from '@/lib/domain/geo';
import { listPolygons } from '@/lib/domain/geo';
import { simplifyGeometry } from '@/lib/domain/geo-simplify';
import { getDistrictGeoJson } from '@/lib/region/load-pack';
import { projectPoint, type PlotBase, type PlotBox } from './projection';

let cached: PlotBase | null = null;

function ringPath(ring: Position[]): string {
  return (
    ring
      .map(([lon = 0, lat = 0], i) => {
        const [x, y] = projectPoint(lon, lat);
        return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
      })
      .join('') + 'Z'
  );
}

export function getPlotBase(): PlotBase {
  if (cached) return cached;
  const geo = getDistrictGeoJson();
  const box: PlotBox = [Infinity, Infinity, -Infinity, -Infinity];
  const districts = geo.features.map((f) => {
    const simple = simplifyGeometry(f.geometry, 150);
    const dBox: PlotBox = [Infinity, Infinity, -Infinity, -Infinity];
    const parts = listPolygons(simple).flatMap((rings) => rings.map(ringPath));
    for (const rings of listPolygons(simple)) {
      for (const [lon = 0, lat = 0] of rings[0] ?? []) {
        const [x, y] = projectPoint(lon, lat);
        dBox[0] = Math.min(dBox[0], x);
        dBox[1] = Math.min(dBox[1], y);
        dBox[2] = Math.max(dBox[2], x);
        dBox[3] = Math.max(dBox[3], y);
      }
    }
    for (let i = 0; i < 2; i += 1) box[i] = Math.min(box[i] ?? Infinity, dBox[i] ?? Infinity);
    for (let i = 2; i < 4; i += 1) box[i] = Math.max(box[i] ?? -Infinity, dBox[i] ?? -Infinity);
    return {
      id: f.properties.id,
      labelRu: f.properties.abbrRu,
      labelEn: f.properties.id,
      d: parts.join(''),
      labelAt: [(dBox[0] + dBox[2]) / 2, (dBox[1] + dBox[3]) / 2] as [number, number],
    };
  });
  cached = { districts, box, attribution: geo.attribution };
  return cached;
}
