import { describe, expect, it } from 'vitest';
import { simulateFormDefaults, simulateFormSchema } from './simulate-form';

const base = { lapseAfterSeconds: '900', graceSeconds: '0', from: '25.11.2026', to: '01.12.2026' };

describe('simulateFormSchema', () => {
  it.each([
    ['a week typed as dd.mm.yyyy', base, { from: '2026-11-25', to: '2026-12-01' }],
    ['one day', { ...base, from: '01.12.2026' }, { from: '2026-12-01', to: '2026-12-01' }],
  ])('accepts %s', (_, input, days) => {
    const out = simulateFormSchema.parse(input);
    expect(out).toMatchObject({ lapseAfterSeconds: 900, graceSeconds: 0, ...days });
  });

  it.each([
    ['lapse below a minute', { ...base, lapseAfterSeconds: '59' }, 'lapseAfterSeconds'],
    ['grace not a number', { ...base, graceSeconds: 'abc' }, 'graceSeconds'],
    ['empty lapse', { ...base, lapseAfterSeconds: ' ' }, 'lapseAfterSeconds'],
    ['an impossible day', { ...base, from: '31.02.2026' }, 'from'],
    ['a US-style day', { ...base, to: '12/31/2026' }, 'to'],
    ['to before from', { ...base, from: '02.12.2026' }, 'to'],
    ['more than 14 days', { ...base, from: '01.11.2026' }, 'to'],
  ])('refuses %s on its field', (_, input, field) => {
    const result = simulateFormSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });

  it('defaults to the last seven Moscow days, written the Russian way', () => {
    const d = simulateFormDefaults(
      { lapseAfterSeconds: 900, graceSeconds: 60 },
      Date.parse('2026-12-01T10:00:00Z'),
    );
    expect(d).toEqual({ lapseAfterSeconds: '900', graceSeconds: '60', from: '25.11.2026', to: '01.12.2026' });
    expect(simulateFormSchema.safeParse(d).success).toBe(true);
  });
});
