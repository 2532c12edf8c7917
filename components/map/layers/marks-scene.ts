// What the marks canvas drew last, kept for hover and click: the pointer is tested against the
// same layout that was painted, topmost first (labels, badges, lapses, workers, clusters).
import type L from 'leaflet';
import type { Layout, Box } from '../mark-layout';
import type { OkrugAnchor } from '../okrug-anchors';
import type { Projected } from './marks-data';

export interface Scene {
  /** Layer point of the canvas's top-left corner when it was drawn. */
  origin: L.Point;
  /** Clusters first, then singles (the order mark-layout indexes them in). */
  anchors: Projected[];
  lapses: Projected[];
  layout: Layout;
  okrugs: OkrugAnchor[];
  zoom: number;
}

export type SceneHit =
  { kind: 'anchor'; index: number } | { kind: 'lapse'; index: number } | { kind: 'okrug'; index: number };

const SLOP = 3;

function inBox(b: Box, x: number, y: number): boolean {
  return x >= b.x - SLOP && x <= b.x + b.w + SLOP && y >= b.y - SLOP && y <= b.y + b.h + SLOP;
}

function inDisc(m: { x: number; y: number; r: number }, x: number, y: number): boolean {
  return (m.x - x) ** 2 + (m.y - y) ** 2 <= (m.r + SLOP) ** 2;
}

export function hitTestScene(scene: Scene, layerPoint: L.Point): SceneHit | null {
  const x = layerPoint.x - scene.origin.x;
  const y = layerPoint.y - scene.origin.y;
  const { layout } = scene;
  for (let i = layout.badges.length - 1; i >= 0; i--) {
    const badge = layout.badges[i];
    if (badge && inBox(badge.box, x, y)) return { kind: 'anchor', index: i };
  }
  for (let i = scene.lapses.length - 1; i >= 0; i--) {
    const lapse = scene.lapses[i];
    if (lapse && layout.attachedTo[i] === -1 && inDisc(lapse, x, y)) return { kind: 'lapse', index: i };
  }
  for (let i = scene.anchors.length - 1; i >= 0; i--) {
    const anchor = scene.anchors[i];
    if (anchor && inDisc({ ...anchor, r: anchor.r + 1 }, x, y)) return { kind: 'anchor', index: i };
  }
  for (let i = layout.okrugs.length - 1; i >= 0; i--) {
    const box = layout.okrugs[i];
    if (box && inBox(box, x, y)) return { kind: 'okrug', index: i };
  }
  return null;
}

/**
 * Under automation only (navigator.webdriver), the boxes just painted are written onto the canvas
 * so an end-to-end test can prove that no badge or label covers a count. Costs nothing for people.
 */
export function recordSceneForTests(canvas: HTMLCanvasElement, scene: Scene): void {
  if (!navigator.webdriver) return;
  const round = (b: Box) => [b.x, b.y, b.w, b.h].map((v) => Math.round(v * 10) / 10);
  canvas.dataset.marksLayout = JSON.stringify({
    counts: [...scene.anchors, ...scene.lapses.filter((_, i) => scene.layout.attachedTo[i] === -1)].flatMap(
      (m) => (m.box ? [round(m.box)] : []),
    ),
    badges: scene.layout.badges.flatMap((b) => (b ? [round(b.box)] : [])),
    okrugs: scene.layout.okrugs.map(round),
    merged: scene.layout.attachedTo.filter((i) => i >= 0).length,
    zoom: scene.zoom,
    // Paint order, bottom to top: labels are painted last of all.
    order: ['clusters', 'workers', 'lapses', 'badges', 'okrugs'],
  });
}
