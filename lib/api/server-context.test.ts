// The server prefetch must not call its own API over HTTP (a forged Host header would send the
// session cookie elsewhere): no fetch, no request headers, no URLs in the server prefetch modules.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const SERVER_PREFETCH = [
  'lib/api/server-context.ts',
  'lib/ui/server-query-client.ts',
  'components/shared/prefetch-boundary.tsx',
];

function code(file: string): string {
  // Comments may name what is avoided; only code counts.
  return fs
    .readFileSync(path.join(root, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
}

describe('server prefetch stays in-process', () => {
  it.each(SERVER_PREFETCH)('%s has no fetch, no request headers and no URL', (file) => {
    const text = code(file);
    expect(text).not.toMatch(/\bfetch\s*\(/);
    expect(text).not.toMatch(/apiFetch|next\/headers|\bhost\b|cookie|https?:\/\//i);
  });

  it('every dashboard page prefetches through getServerQueries, not an API context', () => {
    const dir = path.join(root, 'app/(dashboard)');
    const pages = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('page.tsx'))
      .map((f) => code(path.join('app/(dashboard)', f)));
    expect(pages.length).toBeGreaterThan(5);
    for (const text of pages) expect(text).not.toMatch(/getServerApiContext|ApiContext|\bfetch\s*\(/);
  });
});
