// Tells a watcher (the browser bench, a profiler) when the clusters are on screen: a performance
// mark after every draw of the addresses layer and a draw counter on the map container.
// `?bench=floor` keeps the page as it is but asks for no cluster data, which gives the floor the
// bench compares the map against (the same page without its data layer).
export const CLUSTERS_DRAWN_MARK = 'rw:clusters-drawn';

export function isFloorView(): boolean {
  if (typeof window === 'undefined') return false;
  return new URLSearchParams(window.location.search).get('bench') === 'floor';
}

export function announceClustersDrawn(container: HTMLElement, marks: number): void {
  performance.mark(CLUSTERS_DRAWN_MARK, { detail: { marks } });
  container.dataset.clustersDrawn = String(Number(container.dataset.clustersDrawn ?? 0) + 1);
}
