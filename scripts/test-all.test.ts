// scripts/test-all.sh with stand-ins for npx and pg-private.sh: under CI a PostgreSQL server that
// cannot start fails the run instead of ending in "All suites passed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regwatch-test-all-'));
fs.mkdirSync(path.join(dir, 'scripts'));
fs.mkdirSync(path.join(dir, 'bin'));
fs.copyFileSync(path.join(import.meta.dirname, 'test-all.sh'), path.join(dir, 'scripts/test-all.sh'));
fs.writeFileSync(path.join(dir, 'scripts/pg-private.sh'), '#!/bin/bash\necho "no server" >&2\nexit 1\n', {
  mode: 0o755,
});
fs.writeFileSync(path.join(dir, 'bin/npx'), '#!/bin/bash\necho "npx $*"\n', { mode: 0o755 });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(ci: boolean) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.join(dir, 'bin')}:${process.env.PATH}` };
  delete env.TEST_DATABASE_URL;
  delete env.CI;
  if (ci) env.CI = 'true';
  return spawnSync('bash', ['scripts/test-all.sh'], { cwd: dir, env, encoding: 'utf8' });
}

describe('scripts/test-all.sh without PostgreSQL', () => {
  it('fails under CI', () => {
    const result = run(true);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PostgreSQL could not be started/);
    expect(result.stdout).not.toMatch(/All suites passed/);
  });

  it('says the PostgreSQL runs were skipped outside CI', () => {
    const result = run(false);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/PostgreSQL runs were SKIPPED/);
    expect(result.stdout).not.toMatch(/All suites passed/);
    expect(result.stdout).not.toMatch(/project fault/);
  });
});
