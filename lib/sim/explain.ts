// The likely-cause explanation of a simulated lapse, from what the server knew when it opened it:
// the device events that had arrived by then and the nearest station to the last fix.
import type { FixSnapshot } from '@/lib/domain/lifecycle';
import { explainLapse } from '@/lib/domain/likely-cause';
import { findNearestStation } from '@/lib/domain/region';
import type { LapseKind, Policy } from '@/lib/domain/types';
import { HOUR } from './clock';
import type { SimEvent } from './phone';
import type { SimContext } from './population';

export function explainSimLapse(
  ctx: SimContext,
  policy: Policy,
  events: readonly SimEvent[],
  kind: LapseKind,
  startedAt: Date,
  lastFix: FixSnapshot | null,
  knownAt: number,
) {
  const near = lastFix ? findNearestStation(ctx.pack, lastFix.lat, lastFix.lon, 300) : null;
  const t0 = startedAt.getTime();
  return explainLapse({
    kind,
    startedAt,
    lastFix,
    events: events
      .filter((e) => e.arrival <= knownAt && (Math.abs(e.time - t0) <= HOUR || e.time >= t0))
      .map((e) => ({ type: e.type, time: new Date(e.time) })),
    nearestStation: near
      ? { nameRu: near.station.nameRu, nameEn: near.station.nameEn, distanceM: near.distanceM }
      : null,
    lowBatteryPercent: policy.lowBatteryPercent,
    timeZone: ctx.pack.timezone,
  });
}
