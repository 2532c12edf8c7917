import { describe, expect, it } from 'vitest';
import { ByteWriter } from './byte-writer';

const written = (write: (w: ByteWriter) => void) => {
  // A tiny start so every write also exercises growing the buffer.
  const w = new ByteWriter(1);
  write(w);
  return new TextDecoder().decode(w.view());
};

describe('ByteWriter (COPY text)', () => {
  it.each([
    [0, 6, '0.000000'],
    [55.7512345, 6, '55.751235'],
    [-37.5, 1, '-37.5'],
    [12.04, 1, '12.0'],
    [359.6, 0, '360'],
    [-0.0000001, 3, '0.000'],
    [Number.NaN, 2, '\\N'],
  ])('writes %d with %d decimals as %s', (value, decimals, text) => {
    expect(written((w) => w.fixed(value, decimals))).toBe(text);
  });

  it.each([0, 1_000, 1_790_000_000_123, 1_795_046_399_999])('writes %d as toISOString does', (ms) => {
    expect(written((w) => w.time(ms))).toBe(new Date(ms).toISOString());
  });

  it('escapes backslash, tab, newline and carriage return inside text, and keeps UTF-8', () => {
    expect(written((w) => w.text('a\\b\tc\nd\re'))).toBe('a\\\\b\\tc\\nd\\re');
    expect(written((w) => w.text('Иванов Пётр\t№5 — ok'))).toBe('Иванов Пётр\\t№5 — ok');
    expect(written((w) => w.text('plain ascii'))).toBe('plain ascii');
    expect(written((w) => w.text('emoji 😀'))).toBe('emoji 😀');
  });

  it('writes NULL as \\N for every nullable kind, and a row with tabs and a newline', () => {
    const row = written(
      (w) =>
      w.text(null).tab().code(undefined).tab().timeOrNull(null).tab().fixedOrNull(undefined, 2).tab().int(null).tab().boolOrNull(null).newline(), // prettier-ignore
    );
    expect(row).toBe(['\\N', '\\N', '\\N', '\\N', '\\N', '\\N'].join('\t') + '\n');
  });

  it('writes whole numbers with their sign, booleans as t/f, codes as given', () => {
    expect(written((w) => w.int(-42).tab().int(7.6).tab().uint(1234567890))).toBe('-42\t8\t1234567890');
    expect(written((w) => w.bool(true).boolOrNull(false))).toBe('tf');
    expect(written((w) => w.code('0b5f6f0e-1c2d-4e3f-8a9b-0c1d2e3f4a5b'))).toBe(
      '0b5f6f0e-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
    );
  });

  it('clears and reuses its memory', () => {
    const w = new ByteWriter(4);
    w.text('hello world, longer than four bytes');
    w.clear();
    w.text('hi');
    expect(new TextDecoder().decode(w.view())).toBe('hi');
  });
});
