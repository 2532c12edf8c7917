import { afterEach, describe, expect, test } from 'vitest';
import { checkCrossSite } from './csrf';

const own = 'http://127.0.0.1:3000';

function headers(values: Record<string, string>): Headers {
  return new Headers({ host: '127.0.0.1:3000', ...values });
}

describe('checkCrossSite', () => {
  afterEach(() => {
    delete process.env.TRUSTED_ORIGINS;
  });

  test.each<{ name: string; method: string; h: Record<string, string>; ok: boolean }>([
    {
      name: 'GET is never checked',
      method: 'GET',
      h: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      ok: true,
    },
    { name: 'POST without Origin or Sec-Fetch-Site (not a browser)', method: 'POST', h: {}, ok: true },
    {
      name: 'POST from the same origin',
      method: 'POST',
      h: { origin: own, 'sec-fetch-site': 'same-origin' },
      ok: true,
    },
    {
      name: 'POST with Origin of the Host header',
      method: 'PUT',
      h: { origin: 'http://127.0.0.1:3000' },
      ok: true,
    },
    { name: 'POST from another site', method: 'POST', h: { origin: 'https://evil.example' }, ok: false },
    {
      name: 'DELETE marked cross-site by the browser',
      method: 'DELETE',
      h: { 'sec-fetch-site': 'cross-site' },
      ok: false,
    },
    {
      name: 'same-site (sibling subdomain) is refused',
      method: 'POST',
      h: { 'sec-fetch-site': 'same-site' },
      ok: false,
    },
    { name: 'opaque origin "null" is refused', method: 'PATCH', h: { origin: 'null' }, ok: false },
    {
      name: 'other port on the same host is refused',
      method: 'POST',
      h: { origin: 'http://127.0.0.1:4000' },
      ok: false,
    },
    {
      name: 'forwarded host and proto behind a proxy',
      method: 'POST',
      h: {
        origin: 'https://regwatch.example',
        'x-forwarded-host': 'regwatch.example',
        'x-forwarded-proto': 'https',
      },
      ok: true,
    },
  ])('$name', ({ method, h, ok }) => {
    const reason = checkCrossSite(method, headers(h), own);
    if (ok) expect(reason).toBeNull();
    else expect(reason).toMatch(/Cross-site request refused/);
  });

  test('origins listed in TRUSTED_ORIGINS are accepted', () => {
    process.env.TRUSTED_ORIGINS = 'https://ops.example, https://other.example/';
    expect(checkCrossSite('POST', headers({ origin: 'https://other.example' }), own)).toBeNull();
  });
});
