import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { createStore } from 'idb-keyval';
import { connectStudio, type ReadyPayload } from '../../src/parent/index.ts';
import { readKeptDraft } from '../../src/parent/drafts.ts';
import { loadTemplate } from '../../src/template/load.ts';
import type { FrameState } from '../fixtures/bridge/ask.ts';
import { markCount } from '../fixtures/bridge/ask.ts';
import { geometry } from '../support/geometry.ts';
import type { Pt } from '../support/studio.ts';
import { ask, frameUrl, HOST, PORT, STUDIO, waitFor } from './support.ts';

/**
 * A framed studio whose storage worked at `ready` and fails later, for real:
 * another page of its origin in the same partition upgrades its database and
 * deletes the object store (test/fixtures/bridge/wreck.html), so the studio's
 * next save throws in IndexedDB itself (NotFoundError). The quota cannot
 * stand in here: Storage.overrideQuotaForOrigin sets the first-party quota,
 * not that of a cross-site frame's partition.
 */
describe('a framed studio whose storage fails after ready', () => {
  // The studio's drafts database in this partition is left without its store: later frames must find none.
  afterEach(() => wreckDrafts('repair'));

  async function paint(iframe: HTMLIFrameElement, dy: number): Promise<void> {
    const state = await ask(iframe);
    const frame = iframe.getBoundingClientRect();
    const view = (await loadTemplate('/templates/roadster.json')).manifest.views[0];
    const c = geometry(view).centre(20);
    const [z, , , , tx, ty] = state.canvas!.vpt;
    const at = ([x, y]: Pt): [number, number] => [Math.round(frame.left + state.canvas!.left + x * z + tx), Math.round(frame.top + state.canvas!.top + (y + dy) * z + ty)];
    const [a, b, e] = [at(c), at([c[0] + 60, c[1] + 10]), at([c[0] + 140, c[1]])];
    await sendMouse({ type: 'move', position: a });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: b });
    await sendMouse({ type: 'move', position: e });
    await sendMouse({ type: 'up' });
  }

  /** Runs wreck.html in the studio's partition: takes its drafts store away, or (`repair`) deletes the database. */
  async function wreckDrafts(mode: 'wreck' | 'repair' = 'wreck'): Promise<void> {
    const wreck = document.createElement('iframe');
    const wrecked = new Promise<string>((resolve) => {
      const on = (e: MessageEvent) => e.source === wreck.contentWindow && e.data?.kind === 'wreck' && (removeEventListener('message', on), resolve(e.data.what));
      addEventListener('message', on);
    });
    wreck.src = `${STUDIO}/test/fixtures/bridge/wreck.html?parent=${encodeURIComponent(HOST)}&mode=${mode}`;
    document.body.append(wreck);
    expect(await wrecked).to.equal(mode === 'wreck' ? 'wrecked' : 'repaired');
    wreck.remove();
  }

  it('hands its draft to the parent from then on, and says the host page keeps it', async function () {
    this.timeout(90_000);
    const store = createStore(`fails-${Math.random().toString(36).slice(2, 8)}`, 'drafts');
    const key = `fails-${Math.random().toString(36).slice(2, 8)}`;
    const errors: string[] = [];
    const iframe = document.createElement('iframe');
    iframe.style.cssText = 'border:0;display:block;width:780px;height:150px';
    let ready!: (r: ReadyPayload) => void;
    const isReady = new Promise<ReadyPayload>((r) => (ready = r));
    const studio = connectStudio(iframe, { origin: STUDIO, storage: store, onReady: (r) => ready(r), onError: (e) => errors.push(e.code) });
    iframe.src = frameUrl(STUDIO, { key, wiring: 'element', width: '760', height: '460' });
    document.body.prepend(iframe);
    try {
      expect((await isReady).storage).to.equal('available');
      await waitFor(() => ask(iframe).then((s) => s.notice.keeper === 'device' && s.canvas), 'the studio on screen');
      await paint(iframe, 0);
      await waitFor(() => ask(iframe).then((s) => s.notice.status === 'Saved on this device'), 'saved in the frame’s own storage');
      expect(await readKeptDraft(STUDIO, 'roadster', key, store), 'nothing kept by the parent while the frame stores').to.equal(null);

      // The drafts store is taken away under the open studio (see wreck.html).
      await wreckDrafts();

      await paint(iframe, 40);
      const told = await waitFor(() => ask(iframe).then((s) => (s.notice.keeper === 'host' ? s : null)), 'the notice that the host page keeps it').catch(async (e) => {
        const s = await ask(iframe);
        throw new Error(`${e.message}: ${JSON.stringify({ notice: s.notice, marks: markCount(s), errors, storage: s.storage })}`);
      });
      expect(told.notice.status).to.equal(`Your design is kept by localhost:${PORT}.`);
      expect(told.notice.warning).to.equal(null);
      expect(errors.filter((c) => c.startsWith('storage-')), 'the frame’s failure, as the host page heard it').to.not.be.empty;
      const kept = await waitFor(() => readKeptDraft(STUDIO, 'roadster', key, store).then((d) => (d && markCount(d) === 2 ? d : null)), 'both strokes kept by the parent');
      expect(JSON.stringify(kept.design.views)).to.equal(JSON.stringify((told as FrameState).design!.views));

      // From then on every change goes to the parent.
      await paint(iframe, 80);
      await waitFor(() => readKeptDraft(STUDIO, 'roadster', key, store).then((d) => d && markCount(d) === 3), 'the third stroke kept by the parent');
    } finally {
      studio.disconnect();
      iframe.remove();
    }
  });

  it('with no helper on the page, says the design now lives only in this tab, with a backup button', async function () {
    this.timeout(90_000);
    const key = `alone-${Math.random().toString(36).slice(2, 8)}`;
    const iframe = document.createElement('iframe');
    // No helper sizes it: tall enough to show the whole studio.
    iframe.style.cssText = 'border:0;display:block;width:780px;height:700px';
    const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    iframe.src = frameUrl(STUDIO, { key, wiring: 'element', width: '760', height: '460' });
    document.body.prepend(iframe);
    try {
      await loaded;
      await waitFor(() => ask(iframe).then((s) => s.notice.keeper === 'device' && s.canvas), 'the studio on screen (its storage works)');
      await paint(iframe, 0);
      await waitFor(() => ask(iframe).then((s) => s.notice.status === 'Saved on this device'), 'saved in the frame’s own storage');
      await wreckDrafts();
      await paint(iframe, 40);
      // Nobody acknowledges the draft-save: after the bounded wait (the ack timeout), the alert.
      const alone = await waitFor(() => ask(iframe).then((s) => (s.notice.keeper === 'tab' ? s : null)), 'the this-tab-only warning', 20_000);
      expect(alone.notice.warning).to.match(/^Your design lives only in this tab: closing it loses the design\./);
      expect(alone.notice.backup, 'a real button').to.equal('button');
      expect(markCount(alone)).to.equal(2);
    } finally {
      iframe.remove();
    }
  });
});
