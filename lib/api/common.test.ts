import { describe, expect, it } from 'vitest';
import { instant, isPlainText, plainText } from './common';

describe('instant', () => {
  it.each([
    '2025-02-30',
    '2025-02-30T10:00:00Z',
    '0000-01-01',
    '2025-11-24T24:00:00Z',
    '9999-01-01',
    '2025-13-01',
  ])('refuses %s, which is not a real date PostgreSQL would accept', (value) => {
    expect(instant().safeParse(value).success).toBe(false);
  });

  it.each(['2025-11-24', '2024-02-29', '2025-11-24T09:30:00+03:00', '2025-11-24T06:30:00.123Z'])(
    'accepts %s',
    (value) => {
      expect(instant().safeParse(value).success).toBe(true);
    },
  );
});

describe('plainText', () => {
  it('refuses NUL, other control characters and lone surrogates; keeps line breaks', () => {
    expect(isPlainText('a\u0000b')).toBe(false);
    expect(isPlainText('bell\u0007')).toBe(false);
    expect(isPlainText('\ud800')).toBe(false);
    expect(isPlainText('line one\nline two\tand 😀')).toBe(true);
    expect(plainText(5).safeParse('  abc  ').data).toBe('abc');
    expect(plainText(5).safeParse('abcdef').success).toBe(false);
  });
});

describe('a bad date inside an object with range checks', () => {
  it('is a validation issue, not a TypeError from the range refinement', async () => {
    const { simulateBodySchema } = await import('./policy');
    for (const to of ['yesterday', '2025-02-30', '275760-09-13', '[]']) {
      const result = simulateBodySchema.safeParse({
        lapseAfterSeconds: 600,
        graceSeconds: 3600,
        from: '2026-11-20',
        to,
      });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['to']);
    }
  });
});
