// Resident memory of a process and everything it started (npx -> next start -> next-server), read
// from /proc, so the bench reports what the server really holds.
import fs from 'node:fs';

function readChildren(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

function readRssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** RSS in bytes of `pid` and all its descendants. */
export function readTreeRss(pid: number): number {
  const children = readChildren();
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += readRssBytes(p);
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Samples the tree's RSS every second until stopped; returns the peak. */
export function watchPeakRss(pid: number): { stop: () => number } {
  let peak = readTreeRss(pid);
  const timer = setInterval(() => (peak = Math.max(peak, readTreeRss(pid))), 1_000);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, readTreeRss(pid));
    },
  };
}
