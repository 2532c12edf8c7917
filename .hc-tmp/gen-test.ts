import { loadRegionPack } from '@/lib/region/load-pack';
import { createSimContext } from '@/lib/sim/population';
import { createHistoryWindow, simulateWorkerHistory } from '@/lib/sim/simulate-history';
import { FixBuffer } from '@/lib/sim/fix-buffer';
import { DEFAULT_POLICY } from '@/lib/domain/types';

const N = Number(process.argv[2] ?? 1000);
let t0 = performance.now();
const pack = loadRegionPack();
const ctx = createSimContext(pack, 42, new Date());
console.log('ctx', (performance.now() - t0).toFixed(0), 'ms');
const win = createHistoryWindow(ctx, 7);
const buf = new FixBuffer();
t0 = performance.now();
let fixes = 0, events = 0, lapses = 0, regs = 0;
const kinds: Record<string, number> = {}, causes: Record<string, number> = {}, status: Record<string, number> = {}, evTypes: Record<string, number> = {};
let cancelled = 0, voided = 0, open = 0;
for (let i = 0; i < N; i++) {
  const h = simulateWorkerHistory(ctx, i, win, DEFAULT_POLICY, buf);
  fixes += h.fixes.n; events += h.events.length; regs += h.recorder.registrations.length;
  for (const e of h.events) evTypes[e.type] = (evTypes[e.type] ?? 0) + 1;
  for (const l of h.recorder.lapses) { lapses++; kinds[l.kind] = (kinds[l.kind] ?? 0) + 1; causes[l.likelyCause] = (causes[l.likelyCause] ?? 0) + 1; if (l.causedCancellation) cancelled++; if (l.voidedAt) voided++; if (l.endedAt === null) open++; }
  status[h.status.status] = (status[h.status.status] ?? 0) + 1;
  if (i === 0) { console.log(h.worker.nameLatin, h.worker.nameCyrillic, h.worker.home.addressText, h.worker.employer, h.worker.sector, h.worker.documentNumber, h.worker.phone, h.worker.birthDate, h.worker.toWork.modes, Math.round(h.worker.toWork.totalSec/60)+'min'); }
}
const ms = performance.now() - t0;
console.log({ N, ms: Math.round(ms), perWorkerMs: (ms / N).toFixed(2), fixes, perWorkerFixes: Math.round(fixes / N), events, lapses, regs, cancelled, voided, open });
console.log(kinds, causes, status, evTypes);
// lapse context analysis
const ctxCount: Record<string, number> = {};
for (let i = 0; i < 300; i++) {
  const h = simulateWorkerHistory(ctx, i, win, DEFAULT_POLICY, buf);
  for (const l of h.recorder.lapses) {
    if (l.kind !== 'signal_lost') continue;
    const t = l.startedAt + 60000;
    const seg = h.timeline.segments.find((s) => s.from <= t && s.to > t);
    const key = l.likelyCause + ':' + (seg ? (seg.kind === 'move' ? 'move-' + seg.purpose : 'stay-' + seg.place) : 'none') + ':' + Math.round(((l.endedAt ?? win.to) - l.startedAt) / 60000 / 10) * 10 + 'min';
    ctxCount[key] = (ctxCount[key] ?? 0) + 1;
  }
}
console.log(Object.entries(ctxCount).sort((a, b) => b[1] - a[1]).slice(0, 30));
