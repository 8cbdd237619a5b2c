/**
 * Helpers for the transport tests: submissions the reference backend
 * accepts (a fixture, or one made from a real painted studio), a real
 * "offline" for the API only, a clean outbox, and a second real tab.
 */
import { promisifyRequest } from 'idb-keyval';
import type { Submission } from '../../src/protocol/submission.ts';
import { openDraftsStore } from '../../src/drafts/store.ts';
import { bytesToBase64 } from '../../src/security/data-url.ts';
import { cdp } from '../support/cdp.ts';
import { Page } from '../support/page.ts';
import type { TestStudio } from '../support/studio.ts';

export const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
export const METRICS = {
  format: 'co-design-metrics',
  version: 1,
  engagedMs: 1500,
  visibleMs: 2000,
  wallMs: 3000,
  tools: [],
  strokes: 1,
  undos: 0,
  redos: 0,
  sessions: 1,
  firstStrokeMs: 700,
} as const;

const CONSENT = { termsVersion: '2026-11', licence: 'By submitting you confirm the design is your own work …', acceptedAt: '2026-01-01T00:00:00Z' };

/** The smallest submission the server accepts: one view, no layers, a 1×1 PNG. */
export function fixtureSubmission(draft = 'draftA', png = PNG_1X1): Submission {
  return {
    format: 'co-design-submission',
    version: 1,
    draft,
    design: {
      format: 'co-design-document',
      version: 1,
      template: { id: 'roadster', version: '1' },
      meta: { created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z' },
      views: [{ view: 'side', layers: [] }],
    } as unknown as Submission['design'],
    previews: [{ view: 'side', png }],
    author: { name: 'Ada' },
    consent: CONSENT,
    metrics: { ...METRICS, tools: [] },
  };
}

export async function blobToBase64(blob: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}

/** What the submit flow will send: the painted design and a preview of each of its views. */
export async function studioSubmission(studio: TestStudio, draft = 'draftStudio'): Promise<Submission> {
  const design = studio.el.getDesign();
  const previews = [];
  for (const { view } of design.views) previews.push({ view, png: await blobToBase64(await studio.el.exportImage({ view, width: 512, height: 512 })) });
  return { format: 'co-design-submission', version: 1, draft, design, previews, author: { name: 'Ada' }, consent: CONSENT, metrics: { ...METRICS, tools: [] } };
}

/**
 * Takes the API (another site: 127.0.0.1) off the network for this page,
 * and navigator.onLine with it, firing `offline`/`online` as a real loss
 * would. Per URL pattern rather than Network.emulateNetworkConditions,
 * which also cuts the test runner's own WebSocket to the page.
 */
export async function setApiOffline(endpoint: string, offline: boolean): Promise<void> {
  const { port } = new URL(endpoint);
  const open = { latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
  await cdp([
    { method: 'Network.enable' },
    {
      method: 'Network.emulateNetworkConditionsByRule',
      params: { offline, matchedNetworkConditions: offline ? [{ urlPattern: `http://127.0.0.1:${port}/*`, ...open }] : [] },
    },
    { method: 'Network.overrideNetworkState', params: { offline, ...open } },
  ]);
}

/** Empties the outbox and its set-aside records in the studio's store (drafts stay). */
export async function clearOutbox(): Promise<void> {
  await openDraftsStore()('readwrite', (s) => {
    s.delete(IDBKeyRange.bound(['outbox'], ['outbox', []]));
    s.delete(IDBKeyRange.bound(['outbox-aside'], ['outbox-aside', []]));
    return promisifyRequest(s.transaction);
  });
}

/** Another real tab of this origin running an outbox (test/transport/outbox-page.html). */
export async function openOutboxTab(): Promise<Page> {
  const page = await Page.open(`${location.origin}/test/transport/outbox-page.html`);
  await page.eval('window.outboxReady');
  return page;
}
