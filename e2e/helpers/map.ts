// Finding things on the canvas map. Marks are drawn on a <canvas>, so a test turns the coordinates
// from the clusters API into a screen point: Leaflet's zoom-animation proxy element carries the
// projected map centre and the zoom in its transform (translate3d(centre) scale(2^(zoom-1))), which
// with the container's box gives the exact Web Mercator mapping Leaflet itself uses.
import { expect, type Page, type Response } from '@playwright/test';
import { clustersResponseSchema, type ClusterFeature, type ClustersResponse } from '../../lib/api/map';

export interface MapView {
  zoom: number;
  centerX: number;
  centerY: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ScreenPoint {
  x: number;
  y: number;
}

export async function readMapView(page: Page): Promise<MapView> {
  const view = await page.evaluate(() => {
    const proxy = document.querySelector<HTMLElement>('.leaflet-proxy');
    const container = document.querySelector<HTMLElement>('.leaflet-container');
    if (!proxy || !container) return null;
    const m = new DOMMatrixReadOnly(getComputedStyle(proxy).transform);
    const box = container.getBoundingClientRect();
    return {
      scale: m.a,
      centerX: m.e,
      centerY: m.f,
      left: box.left,
      top: box.top,
      width: container.clientWidth,
      height: container.clientHeight,
    };
  });
  expect(view, 'the Leaflet map (and its .leaflet-proxy) is on the page').not.toBeNull();
  if (!view) throw new Error('unreachable');
  const { scale, ...rest } = view;
  return { zoom: Math.round(Math.log2(scale) + 1), ...rest };
}

/**
 * The view once the map has stopped moving: no zoom animation running and two reads 150 ms apart
 * agree. The deeper clusters are asked for as a zoom animation starts, so their answer can arrive
 * while the proxy still moves, and screen points read then would miss the marks.
 */
export async function readSettledMapView(page: Page): Promise<MapView> {
  let settled: MapView | null = null;
  await expect
    .poll(
      async () => {
        const first = await readMapView(page);
        await page.waitForTimeout(150);
        const animating = await page.locator('.leaflet-container.leaflet-zoom-anim').count();
        const second = await readMapView(page);
        settled = animating === 0 && JSON.stringify(first) === JSON.stringify(second) ? second : null;
        return settled !== null;
      },
      { message: 'the map stops moving', timeout: 15_000 },
    )
    .toBe(true);
  if (!settled) throw new Error('unreachable');
  return settled;
}

function project(lon: number, lat: number, zoom: number): { x: number; y: number } {
  const size = 256 * 2 ** zoom;
  const sin = Math.sin((lat * Math.PI) / 180);
  return {
    x: (size * (lon + 180)) / 360,
    y: size * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)),
  };
}

/** Page coordinates of a feature on the map as it is shown now. */
export function toScreen(view: MapView, feature: ClusterFeature): ScreenPoint {
  const [lon, lat] = feature.geometry.coordinates;
  const p = project(lon, lat, view.zoom);
  return {
    x: view.left + view.width / 2 + (p.x - view.centerX),
    y: view.top + view.height / 2 + (p.y - view.centerY),
  };
}

/** True when a click at the point lands on the map itself, not on a control or an overlay panel. */
export async function isClickableMapPoint(page: Page, point: ScreenPoint): Promise<boolean> {
  return page.evaluate(({ x, y }) => {
    const el = document.elementFromPoint(x, y);
    return Boolean(el?.closest('.leaflet-container') && !el.closest('.leaflet-control'));
  }, point);
}

export function isAddressClusters(response: Response): boolean {
  const url = new URL(response.url());
  return url.pathname === '/api/v1/map/clusters' && url.searchParams.get('layer') === 'addresses';
}

export async function parseClusters(response: Response): Promise<ClustersResponse> {
  expect(response.status(), `clusters answered ${response.status()}`).toBe(200);
  return clustersResponseSchema.parse(await response.json());
}

/** Features whose marks are on screen and clear of the map's controls, nearest the centre first. */
export async function visibleFeatures(
  page: Page,
  data: ClustersResponse,
  keep: (f: ClusterFeature) => boolean,
): Promise<Array<{ feature: ClusterFeature; point: ScreenPoint }>> {
  const view = await readSettledMapView(page);
  const margin = 24;
  const candidates = data.features
    .filter(keep)
    .map((feature) => ({ feature, point: toScreen(view, feature) }))
    .filter(
      ({ point }) =>
        point.x > view.left + margin &&
        point.x < view.left + view.width - margin &&
        point.y > view.top + margin &&
        point.y < view.top + view.height - margin,
    )
    .sort(
      (a, b) =>
        Math.hypot(a.point.x - view.left - view.width / 2, a.point.y - view.top - view.height / 2) -
        Math.hypot(b.point.x - view.left - view.width / 2, b.point.y - view.top - view.height / 2),
    );
  const clickable = [];
  for (const c of candidates) if (await isClickableMapPoint(page, c.point)) clickable.push(c);
  return clickable;
}
