import { CHROMIUM_ARGS } from './e2e/helpers/chromium-args';
import { defineConfig } from '@playwright/test';

// Real Chromium against the production build on a fresh, seeded database (E2E_DB=pglite|postgres).
// CHROMIUM_PATH points at a system Chromium (Debian: /usr/bin/chromium); without it Playwright's
// own browser is used. Build first (`npx next build`); the server script refuses to start without one.
// The `setup` project signs in once per demo account (e2e/.auth); the journeys reuse those sessions.
const port = Number(process.env.E2E_PORT ?? 3210);
const executablePath = process.env.CHROMIUM_PATH || undefined;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    // Traces cost a screenshot per action; record them only when a retry runs (CI) or on request.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    { name: 'chromium', testMatch: /\.spec\.ts$/, dependencies: ['setup'] },
  ],
  webServer: {
    command: `node scripts/e2e-server.mjs ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
