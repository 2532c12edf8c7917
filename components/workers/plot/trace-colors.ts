// Time along a trace as colour: a ramp from light (earlier) to dark (later) and the hour ticks.
// Pure, so the legend and the map line use the same mapping.
export interface TimedPoint {
  lat: number;
  lon: number;
  time: string;
}

const RAMP: Array<[number, number, number]> = [
  [103, 232, 249], // cyan-300
  [37, 99, 235], // blue-600
  [88, 28, 135], // purple-900
];

/** The ramp colour at 0 (earliest) .. 1 (latest). */
export function timeColor(share: number): string {
  const x = Math.min(1, Math.max(0, share)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const a = RAMP[i] ?? [0, 0, 0];
  const b = RAMP[i + 1] ?? a;
  const mix = (k: 0 | 1 | 2) => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/** CSS gradient of the same ramp, for the legend bar. */
export const TIME_GRADIENT = `linear-gradient(to right, ${[0, 0.5, 1].map(timeColor).join(', ')})`;

/** Splits the trace into at most `buckets` runs of one colour each (adjacent runs share a point). */
export function colourRuns(points: TimedPoint[], buckets = 32): Array<{ color: string; line: TimedPoint[] }> {
  if (points.length < 2) return [];
  const start = Date.parse(points[0]?.time ?? '');
  const span = Math.max(1, Date.parse(points[points.length - 1]?.time ?? '') - start);
  const runs: Array<{ color: string; line: TimedPoint[] }> = [];
  let bucketOf = -1;
  let line: TimedPoint[] = [];
  const close = () => {
    if (line.length > 1) runs.push({ color: timeColor((bucketOf + 0.5) / buckets), line });
  };
  for (const p of points) {
    const bucket = Math.min(buckets - 1, Math.floor(((Date.parse(p.time) - start) / span) * buckets));
    if (bucket !== bucketOf) {
      const prev: TimedPoint | undefined = line[line.length - 1];
      close();
      bucketOf = bucket;
      line = prev ? [prev, p] : [p];
    } else {
      line.push(p);
    }
  }
  close();
  return runs;
}

/** The first fix of each new clock hour (Moscow time is UTC+3 all year, so UTC hours align). */
export function hourTicks(points: TimedPoint[], maxTicks = 48): TimedPoint[] {
  const ticks: TimedPoint[] = [];
  let lastHour = Math.floor(Date.parse(points[0]?.time ?? '') / 3_600_000);
  for (const p of points.slice(1)) {
    const hour = Math.floor(Date.parse(p.time) / 3_600_000);
    if (hour !== lastHour) ticks.push(p);
    lastHour = hour;
  }
  if (ticks.length <= maxTicks) return ticks;
  const step = Math.ceil(ticks.length / maxTicks);
  return ticks.filter((_, i) => i % step === 0);
}

/** Share of the trace's time span at `time`, for colouring a tick like the line under it. */
export function timeShare(points: TimedPoint[], time: string): number {
  const start = Date.parse(points[0]?.time ?? '');
  const end = Date.parse(points[points.length - 1]?.time ?? '');
  return end > start ? (Date.parse(time) - start) / (end - start) : 1;
}
