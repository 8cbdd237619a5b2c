/**
 * Helpers for the transport tests: submissions the reference backend
 * accepts (a fixture, or one made from a real painted studio), a real
 * "offline" for the API only, a clean outbox, and a second real tab.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { promisifyRequest } from 'idb-keyval';
import type { Submission } from '../../src/protocol/submission.ts';
import { openDraftsStore } from '../../src/drafts/store.ts';
import { cdp } from '../support/cdp.ts';
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
  const data = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
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

/** Another real tab of this origin running an outbox (test/transport/outbox-page.html); returns its page id. */
export async function openOutboxTab(): Promise<number> {
  const id = await executeServerCommand<number, { url: string }>('pages:open', { url: `${location.origin}/test/transport/outbox-page.html` });
  await evalIn(id!, 'window.outboxReady');
  return id!;
}

export async function evalIn<T>(page: number, expression: string): Promise<T> {
  const answer = await executeServerCommand<{ value: T }, { id: number; expression: string }>('pages:eval', { id: page, expression });
  return answer!.value;
}

export function closeTab(page: number): Promise<unknown> {
  return executeServerCommand('pages:close', { id: page });
}

/** Resolves with the first event of `type`. */
export function nextEvent<E extends Event>(target: EventTarget, type: string): Promise<E> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as E), { once: true }));
}
