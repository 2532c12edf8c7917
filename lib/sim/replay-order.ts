// Feeds one worker's phone output to the replay in arrival order: fixes (late uploads late),
// quiet stretches and device events merged by when the server would have received them.
import { FixBuffer, FLAG_CHECK_REGION, FLAG_MOCK } from './fix-buffer';
import { type ReplayInput, type ReplayResult, WorkerReplay } from './replay';

// Items sorted by arrival, nearly in order already: insertion sort is linear here.
function sortByArrival(buf: FixBuffer, from: number): Int32Array {
  const order = new Int32Array(buf.n);
  let n = 0;
  for (let i = 0; i < buf.n; i++) {
    if (buf.time[i]! < from) continue;
    const a = buf.arrival[i]!;
    let j = n++;
    while (j > 0 && buf.arrival[order[j - 1]!]! > a) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  return order.subarray(0, n);
}

export function replayWorker(input: ReplayInput): ReplayResult {
  const r = new WorkerReplay(input);
  const { fixes: buf, phone, to } = input;
  const order = sortByArrival(buf, r.enrolledAt);
  const events = phone.events.filter((e) => e.time >= r.enrolledAt).sort((a, b) => a.arrival - b.arrival);
  const stretches = phone.stretches.filter((s) => s.first >= r.enrolledAt);
  let f = 0;
  let e = 0;
  let s = 0;
  for (;;) {
    const fa = f < order.length ? buf.arrival[order[f]!]! : Infinity;
    const ea = e < events.length ? events[e]!.arrival : Infinity;
    const sa = s < stretches.length ? stretches[s]!.first + 1000 : Infinity;
    const next = Math.min(fa, ea, sa);
    if (next > to) break;
    if (next === ea) r.onEvent(events[e++]!);
    else if (next === sa) r.onStretch(stretches[s++]!);
    else {
      const i = order[f++]!;
      const flags = buf.flags[i]!;
      r.onFix(
        { stretch: null, index: i },
        buf.time[i]!,
        fa,
        buf.lat[i]!,
        buf.lon[i]!,
        buf.accuracy[i]!,
        (flags & FLAG_MOCK) !== 0,
        (flags & FLAG_CHECK_REGION) !== 0,
      );
    }
  }
  return r.finish();
}
