// Screenshots of every page at 1440x900 for people to look at (e2e/screenshots, gitignored).
// The dashboard scrolls inside <main>, not the document, so a "full" shot temporarily makes the
// window as tall as the content instead of relying on Playwright's fullPage.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));
const MAX_HEIGHT = 4000;

export function screenshotPath(name: string): string {
  return `${DIR}${name}.png`;
}

/** Saves `<name>.png` (the 1440x900 window) and, when the content is taller, `<name>-full.png`. */
export async function saveScreenshots(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: screenshotPath(name), animations: 'disabled', caret: 'hide' });
  const viewport = page.viewportSize();
  if (!viewport) return;
  const contentHeight = await page.evaluate(() => {
    const main = document.querySelector('main');
    const inner = main ? main.scrollHeight - main.clientHeight : 0;
    return Math.max(document.documentElement.scrollHeight, window.innerHeight + inner);
  });
  if (contentHeight <= viewport.height + 4) return;
  await page.setViewportSize({ width: viewport.width, height: Math.min(contentHeight, MAX_HEIGHT) });
  try {
    await page.screenshot({ path: screenshotPath(`${name}-full`), animations: 'disabled', caret: 'hide' });
  } finally {
    await page.setViewportSize(viewport);
  }
}
