'use client';
// Mounts one CanvasOverlay in a pane for the lifetime of a layer component and swaps its draw
// function whenever the data it draws changes.
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { CanvasOverlay, ensurePane, PANES, type DrawFn } from '../canvas-overlay';

export function useCanvasOverlay(pane: keyof typeof PANES, draw: DrawFn): void {
  const map = useMap();
  const overlay = useRef<CanvasOverlay | null>(null);

  useEffect(() => {
    const name = ensurePane(map, PANES[pane].name, PANES[pane].z);
    const layer = new CanvasOverlay(() => undefined, name).addTo(map);
    overlay.current = layer;
    return () => {
      layer.remove();
      overlay.current = null;
    };
  }, [map, pane]);

  useEffect(() => {
    overlay.current?.setDraw(draw);
  }, [draw]);
}
