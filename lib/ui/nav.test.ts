import { describe, expect, it } from 'vitest';
import { homeFor, isActivePath, navItemsFor } from './nav';

describe('navigation by role', () => {
  it.each([
    ['officer', ['map', 'lapses', 'workers', 'reports'], '/'],
    ['supervisor', ['map', 'lapses', 'workers', 'reports'], '/'],
    ['auditor', ['reports', 'audit'], '/audit'],
    ['admin', ['audit', 'admin', 'apiDocs'], '/admin'],
  ] as const)('%s sees %j and starts at %s', (role, keys, home) => {
    expect(navItemsFor(role).map((i) => i.key)).toEqual(keys);
    expect(homeFor(role)).toBe(home);
  });

  it.each([
    ['/', '/', true],
    ['/workers', '/', false],
    ['/workers/123', '/workers', true],
    ['/workersx', '/workers', false],
  ])('%s inside %s: %s', (pathname, href, expected) => {
    expect(isActivePath(pathname, href)).toBe(expected);
  });
});
