// A quiet stretch: the phone lies at home or at work, online, with nothing happening, and reports
// every heartbeat. Most of a week is such stretches, so they are kept as one record and expanded
// into fixes only where fixes are written. Expansion draws from a hash of (key, k), so any part of
// a stretch expands to the same fixes whenever it is asked for.
import type { FixSnapshot } from '@/lib/domain/lifecycle';
import { FixBuffer, FLAG_CHARGING, PROVIDER_FUSED } from './fix-buffer';

export const STRETCH_STEP_MS = 300_000;
/** Fixes at home too coarse to count, for workers living where GPS barely reaches (basements). */
export const POOR_GPS_SHARE = 0.97;
const M_PER_DEG = 111_320;

export interface Stretch {
  first: number;
  count: number;
  key: number;
  lat: number;
  lon: number;
  /** Coarse indoor GPS: half the fixes are too inaccurate to count. */
  poor: boolean;
  battery0: number;
  /** Battery change in percent per ms (positive while charging), capped to 0..100. */
  batteryRate: number;
  charging: boolean;
}

function mix(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The j-th uniform in [0, 1) of fix k of the stretch. */
function uniform(key: number, k: number, j: number): number {
  return mix(key ^ Math.imul(k + 1, 0x9e3779b1) ^ Math.imul(j + 1, 0x7f4a7c15)) / 4294967296;
}

function gauss(key: number, k: number, j: number): number {
  const r = Math.sqrt(-2 * Math.log(Math.max(uniform(key, k, j), 1e-12)));
  return r * Math.cos(2 * Math.PI * uniform(key, k, j + 1));
}

export function getStretchFixTime(s: Stretch, k: number): number {
  if (k === 0) return s.first;
  return s.first + k * STRETCH_STEP_MS + Math.round((uniform(s.key, k, 0) - 0.5) * 16_000);
}

export function getStretchLast(s: Stretch): number {
  return getStretchFixTime(s, s.count - 1);
}

function accuracyOf(s: Stretch, k: number): number {
  const r = uniform(s.key, k, 1);
  if (s.poor) return r < POOR_GPS_SHARE ? 220 + 1280 * uniform(s.key, k, 2) : 20 + 30 * uniform(s.key, k, 2);
  if (r < 0.007) return 220 + 980 * uniform(s.key, k, 2);
  if (r < 0.04) return 50 + 130 * uniform(s.key, k, 2);
  return 5 + 10 * Math.exp(gauss(s.key, k, 3) * 0.5);
}

function batteryAt(s: Stretch, t: number): number {
  return Math.round(Math.min(100, Math.max(1, s.battery0 + s.batteryRate * (t - s.first))));
}

export function getStretchSnapshot(s: Stretch, k: number): FixSnapshot {
  const time = getStretchFixTime(s, k);
  const accuracy = accuracyOf(s, k);
  const spread = Math.min(accuracy, 300) * 0.4;
  return {
    time: new Date(time),
    lat: s.lat + (gauss(s.key, k, 5) * spread) / M_PER_DEG,
    lon: s.lon + (gauss(s.key, k, 7) * spread) / (M_PER_DEG * Math.cos((s.lat * Math.PI) / 180)),
    accuracy,
    battery: batteryAt(s, time),
    charging: s.charging,
  };
}

/** Appends the stretch's fixes with times in [from, to) to the buffer. */
export function expandStretch(s: Stretch, from: number, to: number, buf: FixBuffer): void {
  const k0 = Math.max(0, Math.floor((from - s.first) / STRETCH_STEP_MS) - 1);
  const lonScale = M_PER_DEG * Math.cos((s.lat * Math.PI) / 180);
  for (let k = k0; k < s.count; k++) {
    const time = getStretchFixTime(s, k);
    if (time < from) continue;
    if (time >= to) break;
    // Same draws as getStretchSnapshot, without allocating a snapshot per fix.
    const accuracy = accuracyOf(s, k);
    const spread = Math.min(accuracy, 300) * 0.4;
    const i = buf.alloc();
    buf.time[i] = time;
    buf.arrival[i] = time + 1000 + Math.floor(uniform(s.key, k, 9) * 5000);
    buf.lat[i] = s.lat + (gauss(s.key, k, 5) * spread) / M_PER_DEG;
    buf.lon[i] = s.lon + (gauss(s.key, k, 7) * spread) / lonScale;
    buf.accuracy[i] = accuracy;
    buf.speed[i] = uniform(s.key, k, 10) * 0.4;
    buf.heading[i] = NaN;
    buf.altitude[i] = 150 + gauss(s.key, k, 11) * 12;
    buf.battery[i] = batteryAt(s, time);
    buf.flags[i] = s.charging ? FLAG_CHARGING : 0;
    buf.provider[i] = PROVIDER_FUSED;
  }
}
