// The browser bench's closing table: one row per size, the figures beside their same-run floor and
// peer, and the machine's load average (the figures are only comparable within one run).
import os from 'node:os';
import { median } from './probe';

export interface SizeResult {
  workers: number;
  ours: number | null;
  floor: number | null;
  peer: number | null;
  /** Why the peer has no figure ("crashed", "did not finish in 60 s"). */
  peerNote: string;
  /** Why the size has no figures at all (seeding or the server failed). */
  error: string;
  pan: number[];
  panFromRequest: number[];
  zoom: number[];
  zoomFromRequest: number[];
  seedS: number | null;
  /** Our page: when its first clusters request started and when the answer was in. */
  requestStart: number | null;
  requestEnd: number | null;
  /** The load average when this size's loads ran. */
  load: number;
}

export function emptyResult(workers: number): SizeResult {
  return {
    workers,
    ours: null,
    floor: null,
    peer: null,
    peerNote: '',
    error: '',
    pan: [],
    panFromRequest: [],
    zoom: [],
    zoomFromRequest: [],
    seedS: null,
    requestStart: null,
    requestEnd: null,
    load: os.loadavg()[0] ?? 0,
  };
}

const ms = (n: number | null) => (n === null ? '-' : `${Math.round(n)} ms`);
const med = (list: number[]) => (list.length ? ms(median(list)) : '-');

export function printTable(results: SizeResult[], loads: number, chromium: string): void {
  const load = os.loadavg().map((n) => n.toFixed(2));
  console.log(
    `\nbench:browser on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GB, Chromium ${chromium}, load average at the end ${load.join(' ')}; ` +
      `medians of ${loads} loads each`,
  );
  const head = [
    'workers',
    'ours: clusters drawn',
    'first clusters request (start / end)',
    'floor',
    'ours - floor',
    'peer (markercluster)',
    'peer / ours',
    'pan redraw (input / request)',
    'zoom redraw (input / request)',
    'load avg',
  ];
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const r of results) {
    const row = r.error
      ? [
          r.workers.toLocaleString('en-US'),
          `failed: ${r.error}`,
          ...head.slice(3).map(() => '-'),
          r.load.toFixed(2),
        ]
      : [
          r.workers.toLocaleString('en-US'),
          ms(r.ours),
          `${ms(r.requestStart)} / ${ms(r.requestEnd)}`,
          ms(r.floor),
          r.ours !== null && r.floor !== null ? ms(r.ours - r.floor) : '-',
          r.peerNote || ms(r.peer),
          r.peer !== null && r.ours ? `${(r.peer / r.ours).toFixed(1)}x` : r.peerNote ? 'n/a' : '-',
          `${med(r.pan)} / ${med(r.panFromRequest)}`,
          `${med(r.zoom)} / ${med(r.zoomFromRequest)}`,
          r.load.toFixed(2),
        ];
    console.log(`| ${row.join(' | ')} |`);
  }
  console.log(
    'targets: ours within 300 ms of the floor; redraw under 250 ms; at 100,000 at least 5x faster than the peer',
  );
}
