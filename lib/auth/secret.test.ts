import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { resolveAuthSecret } from './secret';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-secret-'));
const file = path.join(dir, 'sub', 'auth-secret');

describe('resolveAuthSecret', () => {
  afterEach(() => {
    delete process.env.AUTH_SECRET_FILE;
    fs.rmSync(path.join(dir, 'sub'), { recursive: true, force: true });
  });

  test('BETTER_AUTH_SECRET wins and must be long enough', () => {
    expect(resolveAuthSecret({ BETTER_AUTH_SECRET: 'x'.repeat(40) })).toBe('x'.repeat(40));
    expect(() => resolveAuthSecret({ BETTER_AUTH_SECRET: 'short' })).toThrow(/at least 32/);
  });

  test('without it, one secret is generated, stored privately and reused', () => {
    process.env.AUTH_SECRET_FILE = file;
    const first = resolveAuthSecret({});
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(file, 'utf8')).toBe(first);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(resolveAuthSecret({})).toBe(first);
  });
});
