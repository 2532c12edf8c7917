// Proof that the background jobs ran once per interval across all instances: every instance runs
// the timers and logs `[jobs] ran <name> at <iso>` (JOBS_LOG=1) when it actually did the work.
export function checkJobs(logs, intervals, since) {
  const runs = {};
  const perInstance = {};
  logs.forEach((text, instance) => {
    for (const m of text.matchAll(/\[jobs\] ran (.+?) at (\S+) in/g)) {
      const t = Date.parse(m[2]);
      if (t < since) continue;
      (runs[m[1]] ??= []).push(t);
      perInstance[m[1]] ??= logs.map(() => 0);
      perInstance[m[1]][instance]++;
    }
  });
  const lines = [];
  let ok = true;
  for (const [name, interval] of Object.entries(intervals)) {
    const times = (runs[name] ?? []).sort((a, b) => a - b);
    if (times.length < 2) {
      lines.push(`job ${name}: only ${times.length} run(s) logged`);
      ok = false;
      continue;
    }
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    const minGap = Math.min(...gaps);
    const span = times.at(-1) - times[0];
    // Two instances running the job each on its own timer would log about twice as many runs.
    const expected = Math.floor(span / interval) + 1;
    const once = minGap >= interval * 0.75 && times.length <= expected + 1;
    ok &&= once;
    lines.push(
      `job ${name} (every ${interval / 1000} s): ${times.length} runs in ${(span / 1000).toFixed(0)} s across instances ` +
        `(${perInstance[name].join(' + ')}), at most ${expected} intervals, closest two runs ${minGap} ms apart: ${once ? 'once per interval' : 'MORE THAN ONCE PER INTERVAL'}`,
    );
  }
  return { ok, lines };
}
