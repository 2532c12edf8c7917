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
  const known = events
    .filter((e) => e.arrival <= knownAt && (Math.abs(e.time - t0) <= HOUR || e.time >= t0))
    .map((e) => ({ type: e.type, time: new Date(e.time) }));
  const nearestStation = near
    ? { nameRu: near.station.nameRu, nameEn: near.station.nameEn, distanceM: near.distanceM }
    : null;
  const why = explainLapse({
    kind,
    startedAt,
    lastFix,
    events: known,
    nearestStation,
    lowBatteryPercent: policy.lowBatteryPercent,
    timeZone: ctx.pack.timezone,
  });
  // The evidence as the engine stores it (lib/server/cause-facts.ts), so seeded lapses are worded
  // again at read time in the reader's language, like the engine's own.
  const facts = {
    events: known.map((e) => ({ type: e.type, time: e.time.toISOString() })),
    nearestStation,
    lowBatteryPercent: policy.lowBatteryPercent,
  };
  return { ...why, facts };
}
