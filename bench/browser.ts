// Headless Chromium for the benchmark: the launch flags of
// web-test-runner.config.mjs, a time bound and crash detection on every
// step, and memory figures from the DevTools protocol and /proc.
import { readFile } from 'node:fs/promises';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME_ARGS, CHROME_PATH } from '../scripts/chrome.mjs';
import { PROFILES, type BenchProfile } from './profiles.ts';

export { CHROME_ARGS };

/** A browser whose every page has the profile's viewport (size, device pixel ratio, touch, mobile). */
export function launch(profile: BenchProfile = PROFILES.desktop): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: CHROME_ARGS,
    defaultViewport: profile.viewport,
    protocolTimeout: 15 * 60_000,
  });
}

/** How a step ended; a crash or a timeout is a result, reported in the table. */
export type Outcome<T> =
  | { status: 'ok'; value: T }
  | { status: 'timeout'; boundMs: number }
  | { status: 'crashed'; message: string }
  | { status: 'error'; message: string }
  | { status: 'skipped'; reason: string };

/** Watches one page; `step` races each step against its bound and a renderer crash. */
export class PageRun {
  private broken: string | undefined;
  private readonly crashed: Promise<string>;

  constructor(readonly page: Page) {
    this.crashed = new Promise((resolve) => {
      // puppeteer reports a renderer crash (e.g. out of memory) as the page's `error` event.
      page.on('error', (e) => resolve(e.message));
    });
  }

  async step<T>(name: string, boundMs: number, fn: () => Promise<T>): Promise<Outcome<T>> {
    if (this.broken) return { status: 'skipped', reason: this.broken };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), boundMs)));
    const crash = this.crashed.then((message) => ({ crash: message }));
    try {
      const result = await Promise.race([fn().then((value) => ({ value })), timeout, crash]);
      if (result === 'timeout') {
        this.broken = `${name} ran past ${Math.round(boundMs / 1000)} s`;
        return { status: 'timeout', boundMs };
      }
      if ('crash' in result) {
        this.broken = `the page crashed during ${name}`;
        return { status: 'crashed', message: result.crash };
      }
      return { status: 'ok', value: result.value };
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      if (/crash|Target closed|Session closed/i.test(message)) {
        this.broken = `the page crashed during ${name}`;
        return { status: 'crashed', message };
      }
      return { status: 'error', message };
    } finally {
      clearTimeout(timer);
    }
  }
}

export interface Memory {
  jsHeapMB: number;
  rendererMB: number;
  /** Every process of this browser together (browser, GPU, utility, renderers). */
  browserTreeMB: number;
}

/** After a forced GC: the page's JS heap, and the resident memory of its renderer process. */
export async function measureMemory(browser: Browser, page: Page): Promise<Memory> {
  const session = await page.createCDPSession();
  await session.send('HeapProfiler.collectGarbage');
  const heap = await session.send('Runtime.getHeapUsage');
  await session.detach();
  const sys = await browser.target().createCDPSession();
  const info = (await sys.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await sys.detach();
  const rss = await Promise.all(info.processInfo.map(async (p) => ({ type: p.type, mb: await rssMB(p.id) })));
  // The measured page is the only real page left open: its renderer is by far the largest.
  const renderers = rss.filter((p) => p.type === 'renderer').map((p) => p.mb);
  return {
    jsHeapMB: heap.usedSize / 1e6,
    rendererMB: renderers.length ? Math.max(...renderers) : NaN,
    browserTreeMB: rss.reduce((n, p) => n + (Number.isNaN(p.mb) ? 0 : p.mb), 0),
  };
}

async function rssMB(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1000;
  } catch {
    return NaN;
  }
}
