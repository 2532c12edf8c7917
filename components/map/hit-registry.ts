// The canvas layers cannot receive DOM events per mark, so each registers a hit test and one
// interaction handler asks them, topmost first, what is under the pointer.
import { createContext, useContext } from 'react';
import type L from 'leaflet';

export interface MapHit {
  /** Stable identity of the thing under the pointer (tooltip is rebuilt only when it changes). */
  key: string;
  latlng: L.LatLngExpression;
  tooltip: () => HTMLElement;
  onClick?: () => void;
}

export type HitTester = (layerPoint: L.Point) => MapHit | null;

export class HitRegistry {
  private testers = new Map<string, { z: number; test: HitTester }>();

  register(id: string, z: number, test: HitTester): () => void {
    this.testers.set(id, { z, test });
    return () => {
      if (this.testers.get(id)?.test === test) this.testers.delete(id);
    };
  }

  hitTest(point: L.Point): MapHit | null {
    const ordered = [...this.testers.values()].sort((a, b) => b.z - a.z);
    for (const { test } of ordered) {
      const hit = test(point);
      if (hit) return hit;
    }
    return null;
  }
}

export const HitRegistryContext = createContext<HitRegistry | null>(null);

export function useHitRegistry(): HitRegistry {
  const registry = useContext(HitRegistryContext);
  if (!registry) throw new Error('Map layers must render inside <LeafletMap>.');
  return registry;
}

/** Marks drawn on a canvas, kept in layer points for hit testing (stable while the map pans). */
export interface DrawnMark<T> {
  x: number;
  y: number;
  r: number;
  item: T;
}

/** The topmost mark whose circle contains the point (drawn last = on top). */
export function findMark<T>(marks: readonly DrawnMark<T>[], point: L.Point, slop = 3): DrawnMark<T> | null {
  for (let i = marks.length - 1; i >= 0; i--) {
    const m = marks[i];
    if (!m) continue;
    const dx = m.x - point.x;
    const dy = m.y - point.y;
    if (dx * dx + dy * dy <= (m.r + slop) * (m.r + slop)) return m;
  }
  return null;
}
