import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/domain/types';
import { loadRegionPack } from '@/lib/region/load-pack';
import { COPY_ORDER, COPY_TABLES } from './copy-rows';
import { buildSeedBatch, createSeedGenerator, type SeedPlan } from './seed-batch';

const NOW = Date.parse('2026-11-24T21:00:00Z');
const plan: SeedPlan = {
  seed: 11,
  nowMs: NOW,
  days: 3,
  fullFromMs: NOW - 2 * 3_600_000,
  contextMs: 3_600_000,
  nearMissGapMs: 600_000,
  policy: DEFAULT_POLICY,
  officers: [{ id: 'o1', username: 'supervisor', name: 'Старший инспектор', role: 'supervisor', okrugs: [] }],
  // Half the batch simulated over the whole window, half from the recent-state story.
  fullWorkers: 60,
  trailMs: 2 * 3_600_000,
};
const generator = createSeedGenerator(loadRegionPack('moscow'), plan);
const batch = buildSeedBatch(generator, 0, 120);
const decode = (v: string | Uint8Array) => (typeof v === 'string' ? v : new TextDecoder().decode(v));

describe('seed batch COPY text', () => {
  it.each(COPY_ORDER)('gives every %s row one field per column', (table) => {
    const lines = decode(batch.texts[table]).split('\n').filter(Boolean);
    expect(lines.length).toBe(batch.counts[table]);
    for (const line of lines) expect(line.split('\t')).toHaveLength(COPY_TABLES[table].length);
  });

  it('writes one worker, device and status row per worker', () => {
    expect(batch.counts.workers).toBe(120);
    expect(batch.counts.devices).toBe(120);
    expect(batch.counts.worker_status).toBe(120);
    expect(batch.counts.registrations).toBeGreaterThanOrEqual(115);
  });

  it('writes every fix of the full-density window and none from the future', () => {
    const times = decode(batch.texts.positions)
      .split('\n')
      .filter(Boolean)
      .map((l) => Date.parse(l.split('\t')[2] ?? ''));
    expect(times.every((t) => t <= NOW)).toBe(true);
    const recent = times.filter((t) => t >= plan.fullFromMs).length;
    // Two hours at a fix per five minutes or more often, for most of 120 phones.
    expect(recent).toBeGreaterThan(120 * 20);
    expect(times.length).toBeGreaterThan(recent);
  });

  it('never writes the same device and fix time twice', () => {
    const keys = decode(batch.texts.positions)
      .split('\n')
      .filter(Boolean)
      .map((l) =>
        l
          .split('\t')
          .slice(0, 3)
          .join('|')
          .replace(/\|[^|]*\|/, '|'),
      );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('records seeded reviews in the audit log with the reviewing officer', () => {
    const audit = decode(batch.texts.audit_log).split('\n').filter(Boolean);
    expect(audit.length).toBe(batch.counts.audit_log);
    for (const line of audit) {
      const [, actorId, , role, action, , targetType] = line.split('\t');
      expect([actorId, role, action, targetType]).toEqual(['o1', 'supervisor', 'lapse.review', 'lapse']);
    }
  });

  it('is the same batch for the same plan', () => {
    const again = buildSeedBatch(createSeedGenerator(loadRegionPack('moscow'), plan), 0, 120);
    for (const table of COPY_ORDER) expect(decode(again.texts[table])).toBe(decode(batch.texts[table]));
  });
});
