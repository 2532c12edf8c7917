import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/dictionaries/en';
import { ru } from '@/lib/i18n/dictionaries/ru';
import { SECTORS } from '@/lib/sim/employers';
import { sectorLabel, systemValueLabel } from '@/components/shared/labels';
import { describeAuditDetail } from './audit-detail';

describe('audit detail in words', () => {
  it('names keys and codes in Russian, counts id lists, drops empty values', () => {
    const text = describeAuditDetail(ru, {
      filters: { status: 'active', okrug: undefined },
      count: 100,
      page: 'first',
      lapseIds: ['0b6d9164-1111-4222-8333-444455556666', '0b6d9164-1111-4222-8333-444455556667'],
    });
    expect(text).toBe(
      `Фильтры: (Статус: ${ru.status.active}); Показано: 100; Страница: первая; Перерывов: 2`,
    );
    expect(text).not.toMatch(/[A-Za-z]/);
  });

  it('says "none" for an empty filter set and shortens ids', () => {
    expect(describeAuditDetail(ru, { filters: {}, lapseId: '0b6d9164-1111-4222-8333-444455556666' })).toBe(
      'Фильтры: нет; Перерыв: 0b6d9164…',
    );
    expect(describeAuditDetail(en, { decision: 'technical', page: 'next' })).toBe(
      'Decision: Technical cause; Page: next',
    );
    expect(describeAuditDetail(ru, null)).toBe('');
    expect(describeAuditDetail(ru, { filters: { sort: '-startedAt' } })).toBe(
      'Фильтры: (Сортировка: сначала новые)',
    );
  });

  it('reads lapse kinds and likely causes as words under any key', () => {
    const text = describeAuditDetail(ru, { filters: { kind: 'mock_location', cause: 'battery_depleted' } });
    expect(text).not.toMatch(/[A-Za-z]/);
    expect(text).toContain(ru.lapseKind.mock_location);
  });
});

describe('codes that arrive in English', () => {
  it('every sector of the population has a label in both languages', () => {
    for (const s of SECTORS) {
      expect(sectorLabel(ru, s)).not.toBe(s);
      expect(sectorLabel(en, s)).toBeTruthy();
    }
    expect(sectorLabel(ru, 'unknown-sector')).toBe('unknown-sector');
  });

  it("the migration's default policy row reads in Russian", () => {
    expect(systemValueLabel(ru, 'system')).toBe('система');
    expect(systemValueLabel(ru, 'Published rule: the first lapse cancels the registration.')).toMatch(
      /^Опубликованное/,
    );
    expect(systemValueLabel(ru, 'Введено вручную')).toBe('Введено вручную');
  });
});
