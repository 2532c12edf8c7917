import { loadRegionPack } from '@/lib/region/load-pack';
import { createSimContext, generateWorker } from '@/lib/sim/population';
import { createHistoryWindow } from '@/lib/sim/simulate-history';
import { FixBuffer } from '@/lib/sim/fix-buffer';
import { DEFAULT_POLICY } from '@/lib/domain/types';
import { buildTimeline } from '@/lib/sim/timeline';
import { planIncidents } from '@/lib/sim/incidents';
import { samplePhone } from '@/lib/sim/phone';
import { replayWorker } from '@/lib/sim/replay';
const N = Number(process.argv[2] ?? 500);
const pack = loadRegionPack();
const ctx = createSimContext(pack, 42, new Date());
const win = createHistoryWindow(ctx, 7);
const buf = new FixBuffer();
const T: Record<string, number> = { gen: 0, timeline: 0, incidents: 0, phone: 0, replay: 0 };
for (let rep = 0; rep < 2; rep++) for (const k in T) T[k] = 0;
for (let i = 0; i < N; i++) {
  let t = performance.now();
  const w = generateWorker(ctx, i); T.gen += performance.now() - t; t = performance.now();
  const tl = buildTimeline(ctx, w, win.from, win.to, win.offsetMs); T.timeline += performance.now() - t; t = performance.now();
  const inc = planIncidents(w, tl, win.from, win.to, win.offsetMs, 42); T.incidents += performance.now() - t; t = performance.now();
  const phone = samplePhone(w, tl, inc, win.from, win.to, win.offsetMs, 42, buf); T.phone += performance.now() - t; t = performance.now();
  replayWorker({ctx, worker: w, timeline: tl, fixes: buf, phone, policy: DEFAULT_POLICY, from: win.from, to: win.to, offsetMs: win.offsetMs}); T.replay += performance.now() - t;
}
for (const k in T) console.log(k, (T[k]! / N).toFixed(3), 'ms/worker');
