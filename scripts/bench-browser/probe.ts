// What the browser bench measures in one page: navigation to the first "clusters drawn" mark, and
// the redraw after a pan or a zoom (from the key press, and from the clusters request the settled
// map sends, to the first draw after that answer arrived). Times come from the page's own clock
// (Performance API), so Playwright's round trips are not counted.
import type { BrowserContext, Page } from 'playwright';

export const OUR_MARK = 'rw:clusters-drawn';
export const PEER_MARK = 'peer:clusters-drawn';

export interface Load {
  ms: number | null;
  page: Page;
  request: { start: number; end: number } | null;
  /** Why there is no figure: the renderer or the browser crashed, or the mark never came. */
  failure: 'crashed' | 'timeout' | null;
}

/** Loads `url` in a new page and returns ms from navigation start to the first `mark`, or null. */
export async function measureLoad(
  context: BrowserContext,
  url: string,
  mark: string,
  timeoutMs: number,
): Promise<Load> {
  const page = await context.newPage();
  let crashed = false;
  page.once('crash', () => (crashed = true));
  context.browser()?.once('disconnected', () => (crashed = true));
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    const handle = await page.waitForFunction(
      (name) => performance.getEntriesByName(name)[0]?.startTime ?? null,
      mark,
      { timeout: timeoutMs, polling: 50 },
    );
    const ms = await handle.jsonValue();
    // Where the time went: when the page asked for its first clusters and when they arrived.
    const request = await page.evaluate(() => {
      const entry = performance
        .getEntriesByType('resource')
        .find((e) => e.name.includes('/api/v1/map/clusters') && e.name.includes('layer=addresses'));
      return entry instanceof PerformanceResourceTiming
        ? { start: entry.startTime, end: entry.responseEnd }
        : null;
    });
    return { ms: typeof ms === 'number' ? ms : null, page, request, failure: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    crashed ||= /crash|closed|disconnected/i.test(message);
    return { ms: null, page, request: null, failure: crashed ? 'crashed' : 'timeout' };
  }
}

export interface Redraw {
  fromInput: number;
  fromRequest: number;
}

/** Presses `key` on the focused map and times the redraw with fresh clusters for the new view. */
export async function measureRedraw(page: Page, key: string, timeoutMs: number): Promise<Redraw | null> {
  await page.locator('.leaflet-container').focus();
  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.press(key);
  try {
    const handle = await page.waitForFunction(
      ({ since, mark }) => {
        const requests = performance
          .getEntriesByType('resource')
          .filter(
            (e) =>
              e.name.includes('/api/v1/map/clusters') &&
              e.name.includes('layer=addresses') &&
              e.startTime > since,
          )
          .filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming);
        const answered = requests.find((e) => e.responseEnd > 0);
        if (!answered) return null;
        const drawn = performance.getEntriesByName(mark).find((m) => m.startTime >= answered.responseEnd);
        if (!drawn) return null;
        return { fromInput: drawn.startTime - since, fromRequest: drawn.startTime - answered.startTime };
      },
      { since: t0, mark: OUR_MARK },
      { timeout: timeoutMs, polling: 'raf' },
    );
    return await handle.jsonValue();
  } catch {
    return null;
  }
}

/** Closes a page whatever state its renderer is in. */
export async function closeQuietly(page: Page): Promise<void> {
  await page.close().catch(() => {});
}

/** The view our page opened on, read from its first clusters request (for the peer to match). */
export async function readOpeningView(page: Page): Promise<{ lat: number; lon: number; zoom: number }> {
  const url = await page.evaluate(
    () =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((n) => n.includes('/api/v1/map/clusters')) ?? '',
  );
  const params = new URL(url).searchParams;
  const [w = 0, s = 0, e = 0, n = 0] = (params.get('bbox') ?? '').split(',').map(Number);
  return { lat: (s + n) / 2, lon: (w + e) / 2, zoom: Number(params.get('zoom')) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
