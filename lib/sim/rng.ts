// Seeded pseudo-random numbers for the synthetic population. Every stream is derived from
// (seed, label, index) by hashing, so worker 7 is the same person whichever workers are generated
// before it, and the live simulator can rebuild the first N seeded workers on its own.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** An independent stream for a sub-task, stable for the same label. */
  fork(label: string | number): Rng;
}

/** 32-bit FNV-1a over a string, then mixed; used only to derive seeds. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// sfc32: small, fast and passes PractRand far beyond what a simulation needs.
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export function createRng(seed: number | string, ...path: (string | number)[]): Rng {
  const key = [String(seed), ...path.map(String)].join('\u0000');
  const h = hashString(key);
  const raw = sfc32(h, mix32(h ^ 0x9e3779b9), mix32(h + 0x6a09e667), mix32(h ^ 0xbb67ae85));
  for (let i = 0; i < 12; i++) raw();
  let spare = NaN;
  const rng: Rng = {
    next: raw,
    int: (min, max) => min + Math.floor(raw() * (max - min + 1)),
    range: (min, max) => min + raw() * (max - min),
    chance: (p) => raw() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(raw() * items.length)] as T;
    },
    normal: () => {
      if (!Number.isNaN(spare)) {
        const z = spare;
        spare = NaN;
        return z;
      }
      const r = Math.sqrt(-2 * Math.log(Math.max(raw(), 1e-12)));
      const a = 2 * Math.PI * raw();
      spare = r * Math.sin(a);
      return r * Math.cos(a);
    },
    fork: (label) => createRng(key, label),
  };
  return rng;
}

/** Cumulative table for repeated weighted picks. */
export interface WeightedTable<T> {
  items: T[];
  cumulative: number[];
}

export function buildWeightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const usable = entries.filter(([, w]) => w > 0);
  if (usable.length === 0) throw new Error('weighted table needs at least one positive weight');
  const total = usable.reduce((sum, [, w]) => sum + w, 0);
  let acc = 0;
  return {
    items: usable.map(([item]) => item),
    cumulative: usable.map(([, w]) => (acc += w / total)),
  };
}

export function pickWeighted<T>(rng: Rng, table: WeightedTable<T>): T {
  const u = rng.next();
  let lo = 0;
  let hi = table.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((table.cumulative[mid] ?? 1) > u) hi = mid;
    else lo = mid + 1;
  }
  return table.items[lo] as T;
}

/** A version-4-shaped UUID drawn from the stream, so ids are reproducible from the seed. */
export function generateUuid(rng: Rng): string {
  const hex: string[] = [];
  for (let i = 0; i < 4; i++) hex.push(((rng.next() * 4294967296) >>> 0).toString(16).padStart(8, '0'));
  const s = hex.join('');
  const variant = ((parseInt(s[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
}
