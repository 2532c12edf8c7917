// Whether an uploaded track may rewrite history. Late fixes can void a lapse (an honest phone that
// was offline buffers its fixes and uploads them hours later), so before they do, the track they
// form with the fixes already stored must be one a phone could have recorded. Pure.
import { haversineMeters } from './geo';

/** Faster than this between two fixes is not a person on the ground (250 km/h). */
export const MAX_TRACK_SPEED_MPS = 70;
/** The clock skew allowed between the phone and the server. */
export const MAX_CLOCK_SKEW_MS = 120_000;
/** A fix's accuracy radius counts towards the distance it may have jumped, up to this much. */
const MAX_ACCURACY_ALLOWANCE_M = 500;

export interface TrackPoint {
  time: Date;
  lat: number;
  lon: number;
  accuracy: number;
  /** When the server received the fix. */
  receivedAt: Date;
  /** Part of the upload being judged (the others are fixes stored before it). */
  uploaded: boolean;
}

export type PlausibilityCode =
  'fix_after_receipt' | 'fix_before_enrolment' | 'time_not_advancing' | 'implausible_speed';

export type Plausibility = { ok: true } | { ok: false; code: PlausibilityCode; reason: string };

const iso = (t: Date) => t.toISOString();

/**
 * Checks, in order: every uploaded fix was recorded before the server received it and after the
 * phone was enrolled; fix times strictly advance (no two fixes of the worker at the same instant);
 * and no step between consecutive fixes, one of them uploaded, is faster than MAX_TRACK_SPEED_MPS.
 */
export function judgeTrack(points: TrackPoint[], deviceEnrolledAt: Date | null): Plausibility {
  for (const p of points) {
    if (!p.uploaded) continue;
    if (p.time.getTime() > p.receivedAt.getTime() + MAX_CLOCK_SKEW_MS) {
      return fail('fix_after_receipt', `the fix of ${iso(p.time)} was received before it was recorded`);
    }
    if (deviceEnrolledAt && p.time.getTime() < deviceEnrolledAt.getTime() - MAX_CLOCK_SKEW_MS) {
      return fail(
        'fix_before_enrolment',
        `the fix of ${iso(p.time)} predates the enrolment of the phone that sent it`,
      );
    }
  }
  const track = [...points].sort((a, b) => a.time.getTime() - b.time.getTime());
  for (let i = 1; i < track.length; i++) {
    const a = track[i - 1]!;
    const b = track[i]!;
    if (!a.uploaded && !b.uploaded) continue;
    const seconds = (b.time.getTime() - a.time.getTime()) / 1000;
    if (seconds <= 0) {
      return fail('time_not_advancing', `two fixes share the time ${iso(b.time)}`);
    }
    const allowance =
      Math.min(a.accuracy, MAX_ACCURACY_ALLOWANCE_M) + Math.min(b.accuracy, MAX_ACCURACY_ALLOWANCE_M);
    const metres = Math.max(0, haversineMeters(a.lat, a.lon, b.lat, b.lon) - allowance);
    const speed = metres / seconds;
    if (speed > MAX_TRACK_SPEED_MPS) {
      return fail(
        'implausible_speed',
        `${Math.round(speed)} m/s between the fixes of ${iso(a.time)} and ${iso(b.time)} (at most ${MAX_TRACK_SPEED_MPS} m/s is plausible)`,
      );
    }
  }
  return { ok: true };
}

function fail(code: PlausibilityCode, reason: string): Plausibility {
  return { ok: false, code, reason };
}
