// Chromium switches for this machine, shared by the e2e tests (playwright.config.ts) and the browser
// bench: no sandbox (containers run as root), no GPU, and nothing that reaches for the network.
// Playwright adds --headless itself.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
