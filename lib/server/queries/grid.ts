// Grid geometry for server-side clustering. Pure: the cell size follows the zoom so that a cell is
// about 64 screen pixels wide, and cells are anchored to a global grid so they stay put when the
// map pans.
import 'server-only';

export const CELL_PIXELS = 64;
const TILE_PIXELS = 256;
/** From this zoom up, workers are sent one by one when the viewport holds few enough of them. */
export const SINGLES_ZOOM = 16;

export interface Grid {
  cellLon: number;
  cellLat: number;
}

export function gridForZoom(zoom: number, centerLat: number, pixels = CELL_PIXELS): Grid {
  const z = Math.max(0, Math.min(22, Math.floor(zoom)));
  const cellLon = (360 / 2 ** z) * (pixels / TILE_PIXELS);
  // Web Mercator stretches latitude by 1/cos(lat); rounding the reference latitude to 5 degrees keeps
  // the grid the same while the map pans a little north or south.
  const refLat = Math.max(-80, Math.min(80, Math.round(centerLat / 5) * 5));
  return { cellLon, cellLat: cellLon * Math.cos((refLat * Math.PI) / 180) };
}

export function roundCoord(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
