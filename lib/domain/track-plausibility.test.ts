import { describe, expect, it } from 'vitest';
import { judgeTrack, type TrackPoint } from './track-plausibility';

const T0 = new Date('2026-11-24T07:00:00Z');
const RECEIVED = new Date('2026-11-24T13:00:00Z');
const HOME = { lat: 55.7606, lon: 37.6093 };

function point(seconds: number, extra: Partial<TrackPoint> = {}): TrackPoint {
  return {
    time: new Date(T0.getTime() + seconds * 1000),
    ...HOME,
    accuracy: 15,
    receivedAt: RECEIVED,
    uploaded: true,
    ...extra,
  };
}

describe('judgeTrack', () => {
  it('accepts an honest six-hour offline buffer walked at home', () => {
    const track = Array.from({ length: 72 }, (_, i) => point(i * 300, { lat: HOME.lat + (i % 5) * 0.001 }));
    expect(judgeTrack([point(-300, { uploaded: false }), ...track], T0)).toEqual({ ok: true });
  });

  it('accepts a commute by metro (15 m/s) and allows for the accuracy radius', () => {
    // 1.2 km in 60 s is 20 m/s; with a 300 m radius on both fixes it is 10 m/s of real movement.
    const track = [point(0, { accuracy: 300 }), point(60, { lat: HOME.lat + 0.0108, accuracy: 300 })];
    expect(judgeTrack(track, null).ok).toBe(true);
  });

  it('refuses a jump faster than 70 m/s between consecutive fixes', () => {
    const verdict = judgeTrack([point(0), point(20, { lat: 55.99, lon: 37.19 })], null);
    expect(verdict).toMatchObject({ ok: false, code: 'implausible_speed' });
  });

  it('judges the jump from a stored fix into the upload', () => {
    const stored = point(0, { uploaded: false });
    const far = point(30, { lat: 56.3, lon: 38.1 });
    expect(judgeTrack([stored, far], null)).toMatchObject({ ok: false, code: 'implausible_speed' });
    // Two stored fixes alone are history, not the upload being judged.
    expect(judgeTrack([stored, { ...far, uploaded: false }], null).ok).toBe(true);
  });

  it('refuses two fixes at one instant', () => {
    const verdict = judgeTrack([point(0, { uploaded: false }), point(0)], null);
    expect(verdict).toMatchObject({ ok: false, code: 'time_not_advancing' });
  });

  it('refuses a fix recorded after the server received it', () => {
    const verdict = judgeTrack([point(600, { receivedAt: T0 })], null);
    expect(verdict).toMatchObject({ ok: false, code: 'fix_after_receipt' });
  });

  it('refuses a fix older than the enrolment of the phone that sent it', () => {
    const enrolled = new Date(T0.getTime() + 3_600_000);
    expect(judgeTrack([point(0)], enrolled)).toMatchObject({ ok: false, code: 'fix_before_enrolment' });
    expect(judgeTrack([point(3_600)], enrolled).ok).toBe(true);
  });
});
