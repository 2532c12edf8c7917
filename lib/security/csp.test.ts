import { describe, expect, test } from 'vitest';
import { buildPageCsp, createNonce, tileOriginOf } from './csp';

function directive(csp: string, name: string): string {
  return csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';
}

describe('page CSP', () => {
  test('scripts need the nonce; no inline or eval in production', () => {
    const csp = buildPageCsp({ nonce: 'abc123', dev: false, tileOrigin: '' });
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'nonce-abc123'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(directive(csp, 'img-src')).toBe("img-src 'self' data: blob:");
  });

  test('dev allows eval; a tile server is allowed for images', () => {
    const csp = buildPageCsp({ nonce: 'n', dev: true, tileOrigin: 'https://tiles.example' });
    expect(directive(csp, 'script-src')).toContain("'unsafe-eval'");
    expect(directive(csp, 'img-src')).toContain('https://tiles.example');
  });

  test('nonces are fresh and base64', () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(createNonce()).not.toBe(a);
  });

  test('tile origin from a template', () => {
    expect(tileOriginOf('https://{s}.tile.example/{z}/{x}/{y}.png')).toBe('https://a.tile.example');
    expect(tileOriginOf(undefined)).toBe('');
    expect(tileOriginOf('not a url')).toBe('');
  });
});
