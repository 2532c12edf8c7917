// Where a worker is at a given moment of their timeline, for the live simulator.
import type { PlaceKind, Segment, Timeline } from './timeline';

export interface Whereabouts {
  lat: number;
  lon: number;
  /** m/s, 0 when staying. */
  speed: number;
  heading: number | null;
  /** Between stations underground: no GPS. */
  underground: boolean;
  place: PlaceKind | 'moving';
}

const M_PER_DEG = 111_320;

/** Segment index holding `t`; `hint` speeds up lookups that move forward in time. */
export function findSegment(timeline: Timeline, t: number, hint = 0): number {
  const segs = timeline.segments;
  let k = Math.min(Math.max(0, hint), segs.length - 1);
  if ((segs[k]?.from ?? 0) > t) k = 0;
  while (k + 1 < segs.length && (segs[k]?.to ?? 0) <= t) k++;
  return k;
}

export function locateAt(seg: Segment, t: number): Whereabouts {
  if (seg.kind === 'stay')
    return { lat: seg.lat, lon: seg.lon, speed: 0, heading: null, underground: false, place: seg.place };
  const r = seg.route;
  let k = 0;
  while (k + 1 < r.sec.length && seg.from + r.sec[k + 1]! * 1000 <= t) k++;
  const j = Math.min(k + 1, r.sec.length - 1);
  const ta = seg.from + r.sec[k]! * 1000;
  const tb = seg.from + r.sec[j]! * 1000;
  const f = tb > ta ? Math.min(1, (t - ta) / (tb - ta)) : 0;
  const lat = r.lat[k]! + (r.lat[j]! - r.lat[k]!) * f;
  const lon = r.lon[k]! + (r.lon[j]! - r.lon[k]!) * f;
  const dy = (r.lat[j]! - r.lat[k]!) * M_PER_DEG;
  const dx = (r.lon[j]! - r.lon[k]!) * M_PER_DEG * Math.cos((lat * Math.PI) / 180);
  const moving = tb > ta && (dx !== 0 || dy !== 0);
  return {
    lat,
    lon,
    speed: moving ? Math.hypot(dx, dy) / ((tb - ta) / 1000) : 0,
    heading: moving ? ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360 : null,
    underground: r.ug[k] === 1 && !(r.stop[k] === 1 && t === ta),
    place: 'moving',
  };
}
