import 'server-only';
// The evidence behind a lapse's likely cause, stored as jsonb when the lapse opens and turned back
// into words whenever it is read (lib/server/queries/lapse-words.ts), so the words follow the
// language and what happened after (fixes coming back).
import { z } from 'zod';
import { DEVICE_EVENT_TYPES, type DeviceEventType } from '@/lib/domain/types';

export const causeFactsSchema = z.object({
  events: z.array(z.object({ type: z.enum(DEVICE_EVENT_TYPES), time: z.iso.datetime({ offset: true }) })),
  nearestStation: z.object({ nameRu: z.string(), nameEn: z.string(), distanceM: z.number() }).nullable(),
  lowBatteryPercent: z.number(),
});
export type CauseFacts = z.infer<typeof causeFactsSchema>;

export function toCauseFacts(
  events: { type: DeviceEventType; time: Date }[],
  nearestStation: CauseFacts['nearestStation'],
  lowBatteryPercent: number,
): Record<string, unknown> {
  return {
    events: events.map((e) => ({ type: e.type, time: e.time.toISOString() })),
    nearestStation,
    lowBatteryPercent,
  };
}
