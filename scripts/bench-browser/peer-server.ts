// The peer for the browser bench: a static page on 127.0.0.1 that draws the same points with
// client-side Leaflet.markercluster, served from node_modules (it is never shipped in public/).
// The page fetches every point as one JSON array, adds them all to one MarkerClusterGroup and
// marks `peer:clusters-drawn` when the group's first draw is in the DOM.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export interface PeerView {
  lat: number;
  lon: number;
  zoom: number;
}

const root = path.resolve(import.meta.dirname, '..', '..', 'node_modules');
const FILES: Record<string, { file: string; type: string }> = {
  '/leaflet.js': { file: 'leaflet/dist/leaflet.js', type: 'text/javascript' },
  '/leaflet.css': { file: 'leaflet/dist/leaflet.css', type: 'text/css' },
  '/markercluster.js': {
    file: 'leaflet.markercluster/dist/leaflet.markercluster.js',
    type: 'text/javascript',
  },
  '/MarkerCluster.css': { file: 'leaflet.markercluster/dist/MarkerCluster.css', type: 'text/css' },
  '/MarkerCluster.Default.css': {
    file: 'leaflet.markercluster/dist/MarkerCluster.Default.css',
    type: 'text/css',
  },
};

function renderPage(view: PeerView): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>peer</title>
<link rel="stylesheet" href="/leaflet.css"><link rel="stylesheet" href="/MarkerCluster.css">
<link rel="stylesheet" href="/MarkerCluster.Default.css">
<style>html,body,#map{margin:0;height:100%}</style></head><body><div id="map"></div>
<script src="/leaflet.js"></script><script src="/markercluster.js"></script><script>
const map = L.map('map', { preferCanvas: true, minZoom: 7, maxZoom: 18 }).setView([${view.lat}, ${view.lon}], ${view.zoom});
fetch('/points.json').then((r) => r.json()).then((flat) => {
  const group = L.markerClusterGroup();
  const markers = [];
  for (let i = 0; i < flat.length; i += 2) markers.push(L.marker([flat[i], flat[i + 1]]));
  group.addLayers(markers);
  map.addLayer(group);
  performance.mark('peer:clusters-drawn', { detail: { markers: markers.length } });
});
</script></body></html>`;
}

/** Serves the peer page for `points` (flat lat,lon pairs); returns its origin and a stop function. */
export async function startPeerServer(
  points: Float64Array,
  view: PeerView,
  listenPort: number,
): Promise<{ origin: string; stop: () => Promise<void> }> {
  // One JSON body, built once: the page's download is part of what the peer costs.
  const body = Buffer.from(JSON.stringify(Array.from(points, (v) => Math.round(v * 1e6) / 1e6)));
  const page = Buffer.from(renderPage(view));
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    if (url === '/' || url === '/peer.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (url === '/points.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } else if (/^\/images\/[\w.-]+\.png$/.test(url)) {
      // Leaflet's own marker images (single markers beyond the cluster radius).
      const file = path.join(root, 'leaflet/dist', url);
      if (fs.existsSync(file)) res.writeHead(200, { 'content-type': 'image/png' }).end(fs.readFileSync(file));
      else res.writeHead(404).end();
    } else if (FILES[url]) {
      const { file, type } = FILES[url];
      res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(path.join(root, file)));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
