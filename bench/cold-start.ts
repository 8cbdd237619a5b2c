// Cold start over an emulated mobile network (issue 13, point 3): the demo's
// `/` as a customer opens it, from the REFERENCE server (server/app.ts, so
// its compression and caching headers count), in a fresh browser with the
// cache off, at Lighthouse's slow 4G, on the phone profile.
//
// Which page: `/` is what a customer opens (the brand's page with the studio
// in it); a minimal page would hide the page's own bytes and requests, which a
// customer pays for just the same. Its HTML, CSS and scripts are listed as
// "other", so the studio's own share (bundle, template, art, fonts) reads apart.
//
// Which start: navigation start → co-design-ready is the headline figure: on a
// cold start the bundle's download comes before the element can even connect,
// so connect → ready would leave the slowest part out. Connect → ready is shown
// beside it (the element is in the HTML, so it connects when its module
// defines it: customElements.whenDefined marks that moment).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { createApp } from '../server/app.ts';
import { launch } from './browser.ts';
import { applyProfile, type BenchProfile } from './profiles.ts';
import { bytes, ms } from './table.ts';
import { byKind, KINDS, trackRequests, type WireRequest } from './wire.ts';

/** Lighthouse's slow 4G: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (bytes per second here). */
export const SLOW_4G = { latency: 150, download: 1_600_000 / 8, upload: 750_000 / 8 };

export interface ColdStart {
  page: string;
  /** Navigation start (the page's time origin) → co-design-ready. */
  navigationToReadyMs: number;
  /** The element connecting (its module defined it) → co-design-ready. */
  connectToReadyMs: number;
  /** Every request until the network was quiet after ready; `beforeReady` marks those that ready waited for. */
  requests: WireRequest[];
}

interface PageTimes {
  connected: number;
  ready: number;
}

// Runs in the page before any of its scripts: when the element is defined (and so connected) and when it is ready.
const WATCH = `window.__coldStart = new Promise((resolve, reject) => {
  let connected = NaN;
  customElements.whenDefined('co-design-studio').then(() => (connected = performance.now()));
  addEventListener('co-design-ready', () => resolve({ connected, ready: performance.now() }), { capture: true, once: true });
  addEventListener('co-design-error', (e) => reject(new Error('co-design-error ' + e.code)), { capture: true, once: true });
});`;

/** One cold start in a browser of its own (a fresh profile: no HTTP cache, no draft, no service worker). */
async function once(url: string, profile: BenchProfile): Promise<ColdStart> {
  const browser = await launch(profile);
  try {
    const page: Page = await browser.newPage();
    await applyProfile(page, profile);
    // Network.setCacheDisabled and Network.emulateNetworkConditions, through puppeteer.
    await page.setCacheEnabled(false);
    await page.emulateNetworkConditions(SLOW_4G);
    const cdp = await page.createCDPSession();
    const wire = await trackRequests(cdp);
    await page.evaluateOnNewDocument(WATCH);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const times = await page.evaluate(() => (window as unknown as { __coldStart: Promise<PageTimes> }).__coldStart);
    const requests = await wire.settled(times.ready);
    await cdp.detach();
    return { page: new URL(url).pathname, navigationToReadyMs: times.ready, connectToReadyMs: times.ready - times.connected, requests };
  } finally {
    await browser.close();
  }
}

/** `runs` cold starts against one reference server on loopback (port 0) over a temporary data directory. */
export async function coldStarts(profile: BenchProfile, runs: number): Promise<ColdStart[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'co-design-cold-'));
  const app = await createApp({ adminToken: randomBytes(24).toString('base64url'), dataDir, serveStatic: true, rateLimit: false });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
    const results: ColdStart[] = [];
    for (let i = 0; i < runs; i++) results.push(await once(url, profile));
    return results;
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The run in the middle by navigation → ready. */
export function medianRun(runs: ColdStart[]): ColdStart {
  return [...runs].sort((a, b) => a.navigationToReadyMs - b.navigationToReadyMs)[Math.floor(runs.length / 2)];
}

export function coldStartTable(runs: ColdStart[]): string {
  const lines = ['', `── cold start over slow 4G: ${runs[0].page} from the reference server, cache off ${'─'.repeat(100)}`.slice(0, 118)];
  const row = (...cells: string[]) => lines.push(cells.map((c, i) => c.padEnd(i ? 26 : 16)).join(' │ ').trimEnd());
  row('run', 'navigation → ready', 'connect → ready');
  runs.forEach((r, i) => row(String(i + 1), ms(r.navigationToReadyMs), ms(r.connectToReadyMs)));
  const mid = medianRun(runs);
  lines.push('', `bytes over the wire (encodedDataLength), median run:`);
  row('kind', 'until ready', 'after ready, to quiet');
  const before = byKind(mid.requests, (r) => r.beforeReady);
  const after = byKind(mid.requests, (r) => !r.beforeReady);
  const show = (k: { count: number; bytes: number }) => (k.count ? `${bytes(k.bytes)} in ${k.count}` : '—');
  for (const kind of KINDS) row(kind, show(before[kind]), show(after[kind]));
  const sum = (x: typeof before) => Object.values(x).reduce((n, k) => ({ count: n.count + k.count, bytes: n.bytes + k.bytes }), { count: 0, bytes: 0 });
  row('total', show(sum(before)), show(sum(after)));
  const compressed = mid.requests.filter((r) => r.encoding);
  lines.push(`compressed responses: ${compressed.length} of ${mid.requests.length}${compressed.length ? ` (${[...new Set(compressed.map((r) => r.encoding))].join(', ')})` : ''}`);
  const largest = [...mid.requests].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  lines.push(`largest: ${largest.map((r) => `${r.path} ${bytes(r.bytes)}${r.encoding ? ` ${r.encoding}` : ''}`).join(', ')}`);
  return lines.join('\n');
}
