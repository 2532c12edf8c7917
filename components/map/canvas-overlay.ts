// A Leaflet layer that owns one <canvas> covering the map and redraws it after every pan or zoom.
// Thousands of marks cost one canvas, not thousands of DOM nodes. The canvas is hidden during the
// zoom animation (leaflet-zoom-hide) and redrawn at the new zoom: nothing is drawn while it runs
// (data arriving mid-zoom waits for zoomend), so a draw is always one the officer sees.
import L from 'leaflet';

export interface DrawInfo {
  map: L.Map;
  size: L.Point;
  /** Layer point of the canvas's top-left corner: add it to a container point to get a layer point. */
  origin: L.Point;
}

export type DrawFn = (ctx: CanvasRenderingContext2D, info: DrawInfo) => void;

const REDRAW_EVENTS = 'moveend zoomend resize viewreset';

export class CanvasOverlay extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private host: L.Map | null = null;
  private frame = 0;
  private zooming = false;

  constructor(
    private draw: DrawFn,
    private readonly paneName: string,
  ) {
    super();
  }

  onAdd(map: L.Map): this {
    this.host = map;
    const canvas = L.DomUtil.create('canvas', 'leaflet-zoom-hide');
    canvas.style.position = 'absolute';
    canvas.style.pointerEvents = 'none';
    canvas.setAttribute('aria-hidden', 'true');
    (map.getPane(this.paneName) ?? map.getPanes().overlayPane).appendChild(canvas);
    this.canvas = canvas;
    map.on(REDRAW_EVENTS, this.scheduleRedraw, this);
    map.on('zoomanim', this.zoomStarts, this);
    map.on('zoomend', this.zoomEnds, this);
    this.redraw();
    return this;
  }

  onRemove(map: L.Map): this {
    map.off(REDRAW_EVENTS, this.scheduleRedraw, this);
    map.off('zoomanim', this.zoomStarts, this);
    map.off('zoomend', this.zoomEnds, this);
    this.zooming = false;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.canvas?.remove();
    this.canvas = null;
    this.host = null;
    return this;
  }

  setDraw(draw: DrawFn): void {
    this.draw = draw;
    this.scheduleRedraw();
  }

  scheduleRedraw(): void {
    if (this.frame || !this.host) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.redraw();
    });
  }

  private zoomStarts(): void {
    this.zooming = true;
  }

  private zoomEnds(): void {
    this.zooming = false;
  }

  private redraw(): void {
    const map = this.host;
    const canvas = this.canvas;
    if (!map || !canvas || this.zooming) return;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    const origin = map.containerPointToLayerPoint([0, 0]);
    L.DomUtil.setPosition(canvas, origin);
    const width = Math.round(size.x * ratio);
    const height = Math.round(size.y * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    this.draw(ctx, { map, size, origin });
  }
}

/** Creates a map pane once (panes order the layers: basemap < boundaries < heat < marks, labels drawn with the marks). */
export function ensurePane(map: L.Map, name: string, zIndex: number, interactive = false): string {
  if (!map.getPane(name)) {
    const pane = map.createPane(name);
    pane.style.zIndex = String(zIndex);
    if (!interactive) pane.style.pointerEvents = 'none';
  }
  return name;
}

export const PANES = {
  basemap: { name: 'rw-basemap', z: 150 },
  basemapOkrugs: { name: 'rw-basemap-okrugs', z: 160 },
  boundaries: { name: 'rw-boundaries', z: 380 },
  heat: { name: 'rw-heat', z: 390 },
  // Clusters, lapses and okrug labels: one canvas, laid out together (layers/marks-layer.tsx).
  addresses: { name: 'rw-addresses', z: 410 },
} as const;
