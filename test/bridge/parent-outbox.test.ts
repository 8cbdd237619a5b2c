import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { createStore, entries } from 'idb-keyval';
import { connectStudio, type Submission } from '../../src/parent/index.ts';
import { cdp } from '../support/cdp.ts';
import { ask, frameUrl, HOST, Page, STUDIO, waitFor } from './support.ts';

interface Call {
  id: string;
  draft: string;
  mode: string | null;
}
interface Kept {
  id: string;
  state: string;
  attempts: number;
  body: boolean;
}

/**
 * The host page's own outbox, across the two real sites (the host page on
 * localhost, the studio from 127.0.0.1) in a real top-level page that is
 * reloaded for real: the host's handler fails, the page reloads, the
 * submission is handed over again, and once it is acknowledged it is never
 * handed over again.
 */
describe('co-design-studio/parent keeps submissions in its own outbox', () => {
  let host: Page | undefined;
  afterEach(async () => {
    await host?.eval(`localStorage.removeItem('handler-calls'); localStorage.removeItem('handler-mode')`).catch(() => undefined);
    await host?.close();
    host = undefined;
  });

  it('the handler rejects, the page reloads, the submission is handed over again and acknowledged once', async function () {
    this.timeout(90_000);
    const key = `outbox-${Math.random().toString(36).slice(2, 8)}`;
    const url = `${HOST}/test/fixtures/bridge/parent.html?${new URLSearchParams({ frame: frameUrl(STUDIO, { key }), origin: STUDIO, handler: '1' })}`;
    host = await Page.open(url);
    await host.eval(`localStorage.setItem('handler-calls', '[]'); localStorage.setItem('handler-mode', 'reject')`);
    await host.eval('window.studioReady');

    // The host page asks the studio to submit; the studio's submission reaches the handler, which fails.
    const answer = await host.eval<string>(`window.studio.submit().then(() => 'ok', (e) => e.code)`);
    expect(answer, 'the studio is told the host page keeps it').to.equal('host-queued');
    const [first] = await host.eval<Call[]>(`JSON.parse(localStorage.getItem('handler-calls'))`);
    expect(first.mode).to.equal('reject');
    // Other tests' host pages share this origin's store: only this submission's record is looked at.
    const mine = (id: string) => `window.outbox().then((r) => r.filter((x) => x.id === ${JSON.stringify(id)}))`;
    const queued = await host.eval<Kept[]>(mine(first.id));
    expect(queued).to.deep.equal([{ id: first.id, state: 'queued', attempts: 1, body: true }]);

    // The backend is back; the customer comes back later: the page reloads and the helper offers it again.
    await host.eval(`localStorage.setItem('handler-mode', 'accept')`);
    await host.reload();
    const callsOf = (id: string) => host!.eval<Call[]>(`JSON.parse(localStorage.getItem('handler-calls'))`).then((c) => c.filter((x) => x.id === id));
    const calls = await waitFor(() => callsOf(first.id).then((c) => (c.length >= 2 ? c : null)), 'the handover after the reload');
    expect(calls.map((c) => [c.id, c.draft, c.mode])).to.deep.equal([
      [first.id, first.draft, 'reject'],
      [first.id, first.draft, 'accept'],
    ]);
    const delivered = await waitFor(() => host!.eval<Kept[]>(mine(first.id)).then((r) => (r[0]?.state === 'delivered' ? r : null)), 'the record marked delivered');
    expect(delivered).to.deep.equal([{ id: first.id, state: 'delivered', attempts: 2, body: false }]);

    // Acknowledged once: neither another reload nor coming back online hands it over again.
    await host.reload();
    await host.eval('window.studioReady');
    await host.eval('window.studio.flushOutbox()');
    await host.eval(`(window.dispatchEvent(new Event('online')), window.studio.flushOutbox())`);
    expect(await callsOf(first.id)).to.have.length(2);
  });

  it('hands a kept submission over again when the page comes back online', async function () {
    this.timeout(60_000);
    const store = createStore(`parent-outbox-${Math.random().toString(36).slice(2, 8)}`, 'drafts');
    const calls: Array<{ id: string; draft: string }> = [];
    let backendUp = true;
    const iframe = document.createElement('iframe');
    iframe.style.cssText = 'border:0;display:block;width:920px;height:150px';
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    const studio = connectStudio(iframe, {
      origin: STUDIO,
      storage: store,
      onReady: () => ready(),
      onSubmission: async (submission: Submission, { id }) => {
        calls.push({ id, draft: submission.draft });
        // As a host's fetch to its backend fails while the network is down.
        if (!backendUp || !navigator.onLine) throw new Error('offline');
      },
    });
    iframe.src = frameUrl(STUDIO, { key: `online-${Math.random().toString(36).slice(2, 8)}` });
    document.body.append(iframe);
    const open = { latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
    try {
      await isReady;
      // Offline for real (navigator.onLine and the `offline`/`online` events follow; the runner's socket stays up).
      backendUp = false;
      await cdp([{ method: 'Network.enable' }, { method: 'Network.overrideNetworkState', params: { offline: true, ...open } }]);
      await waitFor(() => !navigator.onLine, 'offline');
      expect(await studio.submit().then(() => 'ok', (e: { code: string }) => e.code)).to.equal('host-queued');
      expect(calls).to.have.length(1);

      backendUp = true;
      await cdp({ method: 'Network.overrideNetworkState', params: { offline: false, ...open } });
      await waitFor(() => calls.length === 2, 'the handover on online');
      expect(calls[1]).to.deep.equal(calls[0]);
      const records = await waitFor(() => entries(store).then((e) => (e.some(([, r]) => (r as { state: string }).state === 'delivered') ? e : null)), 'delivered');
      expect(records.map(([, r]) => (r as { state: string }).state)).to.deep.equal(['delivered']);
      await studio.flushOutbox();
      expect(calls).to.have.length(2);
    } finally {
      await cdp({ method: 'Network.overrideNetworkState', params: { offline: false, ...open } });
      studio.disconnect();
      iframe.remove();
    }
  });

  it('the studio’s own dialog says queued when the host page keeps a submission its handler refused', async function () {
    this.timeout(60_000);
    const store = createStore(`parent-outbox-${Math.random().toString(36).slice(2, 8)}`, 'drafts');
    const calls: string[] = [];
    const iframe = document.createElement('iframe');
    iframe.style.cssText = 'border:0;display:block;width:780px;height:600px';
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    const studio = connectStudio(iframe, {
      origin: STUDIO,
      storage: store,
      autoHeight: false,
      onReady: () => ready(),
      onSubmission: async (_s, { id }) => {
        calls.push(id);
        throw new Error('the backend is down');
      },
    });
    iframe.src = frameUrl(STUDIO, { key: `dialog-${Math.random().toString(36).slice(2, 8)}`, wiring: 'element', width: '760', height: '460' });
    document.body.prepend(iframe);
    // Real clicks on an element of the studio inside the cross-site frame, at its place in this page. Finding it
    // scrolls it into view, this page too: the click waits until a painted frame shows it where it was found
    // (a click into a scroll not yet painted lands where the element used to be).
    const painted = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const onPage = async (selector: string) => {
      const { found } = await ask(iframe, STUDIO, `find ${selector}`);
      const frame = iframe.getBoundingClientRect();
      return found?.width ? [Math.round(frame.left + found.x), Math.round(frame.top + found.y)] : null;
    };
    const click = async (selector: string) => {
      let last: number[] | null = null;
      const position = await waitFor(async () => {
        const before = last;
        await painted();
        last = await onPage(selector);
        return last && before && last.join() === before.join() ? last : null;
      }, `${selector} settled on the page`);
      await sendMouse({ type: 'click', position: position as [number, number] });
    };
    try {
      await isReady;
      await studio.setAuthor('Ada');
      const opened = studio.submit();
      opened.catch(() => undefined); // awaited below; a failed run must not leave it unhandled
      // Every view's preview shown: the dialog's fields are enabled and its layout has settled, so clicks land.
      const views = (await ask(iframe)).design!.views.length;
      await waitFor(() => ask(iframe).then((s) => s.previews === views), 'the submit dialog with every preview shown', 20_000);
      await click('dialog.submit input[name="consent"]');
      await waitFor(() => ask(iframe, STUDIO, 'find dialog.submit input[name="consent"]:checked').then((s) => s.found), 'the consent box ticked');
      await click('dialog.submit [data-action="send"]');
      const status = await waitFor(() => ask(iframe, STUDIO, 'find dialog.submit .submit-status').then((s) => (s.found?.text && s.found.text !== 'Sending…' ? s.found.text : null)), 'the dialog’s outcome', 20_000).catch(async (e) => {
        const [text, consent] = await Promise.all([ask(iframe, STUDIO, 'find dialog.submit .submit-status'), ask(iframe, STUDIO, 'find dialog.submit input[name="consent"]:checked')]);
        throw new Error(`${e.message}: status ${JSON.stringify(text.found?.text)}, consent ${consent.found ? 'checked' : 'not checked'}, handler calls ${calls.length}`);
      });
      expect(status, 'queued, not failed: the host page keeps it').to.match(/queued/);
      await opened;
      expect(calls).to.have.length(1);
      const kept = await entries(store);
      expect(kept.map(([k, r]) => [(k as string[])[0], (r as { state: string }).state])).to.deep.equal([['outbox', 'queued']]);
    } finally {
      studio.disconnect();
      iframe.remove();
    }
  });
});
