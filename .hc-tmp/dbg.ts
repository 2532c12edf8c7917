import { loadRegionPack } from '@/lib/region/load-pack';
import { createSimContext } from '@/lib/sim/population';
import { createHistoryWindow, simulateWorkerHistory } from '@/lib/sim/simulate-history';
import { FixBuffer } from '@/lib/sim/fix-buffer';
import { DEFAULT_POLICY } from '@/lib/domain/types';
const ctx = createSimContext(loadRegionPack(), 42, new Date());
const win = createHistoryWindow(ctx, 7);
const buf = new FixBuffer();
const iso = (t: number) => new Date(t + 3 * 3600000).toISOString().slice(5, 19);
let shown = 0;
for (let i = 0; i < 1000 && shown < 3; i++) {
  const h = simulateWorkerHistory(ctx, i, win, DEFAULT_POLICY, buf);
  for (const l of h.recorder.lapses) {
    if (l.likelyCause !== 'signal_lost' || !l.lastFix?.charging) continue;
    const dur = ((l.endedAt ?? win.to) - l.startedAt) / 60000;
    if (dur < 200) continue;
    shown++;
    console.log('worker', i, 'lapse', iso(l.startedAt), '->', l.endedAt ? iso(l.endedAt) : 'open', 'detected', iso(l.detectedAt), 'void', l.voidedAt && iso(l.voidedAt));
    console.log(' events', h.events.filter((e) => Math.abs(e.time - l.startedAt) < 10 * 3600000).map((e) => `${e.type}@${iso(e.time)}/arr ${iso(e.arrival)}`).join(', '));
    const fx: string[] = [];
    for (let k = 0; k < buf.n; k++) if (Math.abs(buf.time[k]! - l.startedAt) < 9 * 3600000) fx.push(`${iso(buf.time[k]!)}/${iso(buf.arrival[k]!)} b${buf.battery[k]}`);
    console.log(' fixes', fx.slice(0, 40).join(' | '));
    console.log(' stretches', h.stretches.filter((s) => Math.abs(s.first - l.startedAt) < 9 * 3600000).map((s) => `${iso(s.first)} x${s.count}`).join(', '));
    console.log(' segs', h.timeline.segments.filter((s) => s.to > l.startedAt - 3600000 && s.from < l.startedAt + 9 * 3600000).map((s) => `${s.kind}${s.kind === 'stay' ? ':' + s.place : ''} ${iso(s.from)}-${iso(s.to)}`).join(', '));
  }
}
