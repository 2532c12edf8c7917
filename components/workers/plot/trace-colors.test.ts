import { describe, expect, it } from 'vitest';
import { colourRuns, hourTicks, timeColor, timeShare } from './trace-colors';

const at = (iso: string, lat = 55.7, lon = 37.6) => ({ lat, lon, time: iso });

describe('time along a trace', () => {
  const trace = [
    at('2026-12-01T10:00:00Z'),
    at('2026-12-01T10:40:00Z', 55.71),
    at('2026-12-01T11:05:00Z', 55.72),
    at('2026-12-01T12:10:00Z', 55.73),
    at('2026-12-01T12:20:00Z', 55.74),
  ];

  it('colours earlier light and later dark, continuous across runs', () => {
    expect(timeColor(0)).toBe('rgb(103, 232, 249)');
    expect(timeColor(1)).toBe('rgb(88, 28, 135)');
    const runs = colourRuns(trace, 4);
    expect(runs.length).toBeGreaterThan(1);
    // Each run starts where the previous one ended, so the line has no gaps.
    for (let i = 1; i < runs.length; i++) expect(runs[i]?.line[0]).toBe(runs[i - 1]?.line.at(-1));
    expect(runs.flatMap((r) => r.line).at(-1)).toBe(trace.at(-1));
  });

  it('ticks the first fix of each new hour', () => {
    expect(hourTicks(trace).map((p) => p.time)).toEqual(['2026-12-01T11:05:00Z', '2026-12-01T12:10:00Z']);
    expect(timeShare(trace, '2026-12-01T11:10:00Z')).toBeCloseTo(70 / 140);
  });

  it('draws nothing for a single fix', () => {
    expect(colourRuns([at('2026-12-01T10:00:00Z')])).toEqual([]);
  });
});
