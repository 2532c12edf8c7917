// A flat projection for small sketches (not a map): equirectangular around Moscow's latitude, in SVG
// units of about 111 m. Linear, so points outside the base box just widen the view.
export const PLOT_LAT0 = 55.75;
export const PLOT_LON0 = 37.6;
const SCALE = 1000;
const COS_LAT0 = Math.cos((PLOT_LAT0 * Math.PI) / 180);

export type XY = [number, number];
/** [minX, minY, maxX, maxY] in plot units. */
export type PlotBox = [number, number, number, number];

export function projectPoint(lon: number, lat: number): XY {
  return [(lon - PLOT_LON0) * COS_LAT0 * SCALE, (PLOT_LAT0 - lat) * SCALE];
}

export interface PlotDistrict {
  id: string;
  labelRu: string;
  labelEn: string;
  /** SVG path data in plot units. */
  d: string;
  /** Where the label goes (centre of the district's box). */
  labelAt: XY;
}

export interface PlotBase {
  districts: PlotDistrict[];
  box: PlotBox;
  attribution: string;
}

/** The smallest box holding the base box's centre area and every point, with a margin. */
export function viewBoxFor(base: PlotBox, points: XY[], focus: boolean, minSpan = 75): PlotBox {
  if (points.length === 0) return base;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  let [minX, minY, maxX, maxY] = focus
    ? [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
    : [
        Math.min(base[0], ...xs),
        Math.min(base[1], ...ys),
        Math.max(base[2], ...xs),
        Math.max(base[3], ...ys),
      ];
  // Keep at least `minSpan` units (75 ≈ 8 km) across so a single point shows its surroundings.
  if (maxX - minX < minSpan)
    [minX, maxX] = [(minX + maxX) / 2 - minSpan / 2, (minX + maxX) / 2 + minSpan / 2];
  if (maxY - minY < minSpan)
    [minY, maxY] = [(minY + maxY) / 2 - minSpan / 2, (minY + maxY) / 2 + minSpan / 2];
  const pad = Math.max(maxX - minX, maxY - minY) * 0.08;
  return [minX - pad, minY - pad, maxX + pad, maxY + pad];
}
