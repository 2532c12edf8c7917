// Chromium for the browser bench, one process per role and size, that can always be stopped: a page
// clustering a million markers keeps its renderer busy, and then even closing the page or the
// browser over the protocol can wait for ever. So each browser is launched as a server whose
// process the bench holds, every load has a hard deadline, and a stuck browser is killed.
import { chromium, type Browser, type BrowserContext, type BrowserServer } from 'playwright';
import { CHROMIUM_ARGS } from '../../e2e/helpers/chromium-args';
import { cleanups } from './app-server';
import { closeQuietly, measureLoad, type Load } from './probe';

/** Resolves with `work`, or with `fallback` once `ms` have passed. */
export function withDeadline<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

export interface BenchBrowser {
  browser: Browser;
  context: BrowserContext;
  /** Navigation to `mark` on a new page (closed afterwards); a stuck page kills the browser. */
  load: (url: string, mark: string, timeoutMs: number) => Promise<Omit<Load, 'page'>>;
  /** Stops the browser however it is doing; safe to call twice. */
  kill: () => Promise<void>;
  alive: () => boolean;
}

export async function launchBrowser(
  executablePath: string,
  viewport: { width: number; height: number },
  locale?: string,
): Promise<BenchBrowser> {
  const server: BrowserServer = await chromium.launchServer({ executablePath, args: CHROMIUM_ARGS });
  let dead = false;
  const hardKill = () => {
    dead = true;
    server.process().kill('SIGKILL');
  };
  const stop = () => {
    cleanups.delete(stop);
    hardKill();
  };
  cleanups.add(stop);
  server.process().once('exit', () => (dead = true));
  const browser = await chromium.connect(server.wsEndpoint());
  const context = await browser.newContext({ viewport, locale });
  const kill = async () => {
    cleanups.delete(stop);
    if (dead) return;
    // A polite close first (it flushes nothing we need), then the process, whatever state it is in.
    await withDeadline(server.close(), 5000, undefined);
    if (!dead) hardKill();
  };
  const load = async (url: string, mark: string, timeoutMs: number) => {
    const failed: Omit<Load, 'page'> = { ms: null, request: null, failure: 'timeout' };
    // measureLoad has its own timeouts; this one catches a renderer too busy to honour them.
    const run = await withDeadline(measureLoad(context, url, mark, timeoutMs), timeoutMs + 15_000, null);
    if (!run) {
      await kill();
      return failed;
    }
    const closed = await withDeadline(
      closeQuietly(run.page).then(() => true),
      10_000,
      false,
    );
    if (!closed) await kill();
    return { ms: run.ms, request: run.request, failure: run.ms !== null ? null : run.failure };
  };
  return { browser, context, load, kill, alive: () => !dead };
}
