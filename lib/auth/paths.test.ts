import { describe, expect, test } from 'vitest';
import { safeNextPath, signInUrl } from './paths';

describe('safeNextPath keeps only same-site relative paths', () => {
  test.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/lapses?state=open', '/lapses?state=open'],
    ['/workers/abc#trace', '/workers/abc#trace'],
    ['https://evil.example/', '/'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['\\\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['lapses', '/'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/sign-in?next=/x', '/'],
    ['/api/v1/workers', '/'],
    ['/a\nb', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});

describe('signInUrl', () => {
  test.each([
    [null, '/sign-in'],
    ['/', '/sign-in'],
    ['/lapses?state=open', '/sign-in?next=%2Flapses%3Fstate%3Dopen'],
    ['https://evil.example', '/sign-in'],
  ])('%s → %s', (input, expected) => {
    expect(signInUrl(input)).toBe(expected);
  });
});
