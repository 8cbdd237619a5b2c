import { expect } from '@open-wc/testing';
import '../../src/co-design-studio.ts';
import { loadTemplate } from '../../src/template/load.ts';
import type { FrameState } from '../fixtures/bridge/ask.ts';
import { markCount } from '../fixtures/bridge/ask.ts';
import { geometry } from '../support/geometry.ts';
import type { Pt } from '../support/studio.ts';
import { frameUrl, HOST, Page, PORT, STUDIO, waitFor } from './support.ts';

/**
 * "Storage denied", for real: Chromium's own site setting "not allowed to
 * save data" (the cookies content setting, which governs localStorage and
 * IndexedDB too) for the studio's site *embedded in* the host's site, set on
 * chrome://settings the way the settings page itself does (`chrome.send`).
 * The frame then gets SecurityError from localStorage and UnknownError from
 * indexedDB.open — what a browser that blocks third-party storage gives a
 * frame — while its origin stays real, so the exact-origin rules hold as
 * in production. (A sandboxed frame would deny storage too, but its origin
 * is `null`: the parent could then only post to it with '*'.) The setting
 * only matches 127.0.0.1 inside localhost, and is reset afterwards.
 */
const pattern = JSON.stringify([STUDIO, HOST]);

describe('co-design-studio/parent keeps the drafts of a studio whose storage is denied', () => {
  let settings: Page | undefined;
  let host: Page | undefined;

  before(async () => {
    settings = await Page.open('chrome://settings/content/cookies');
    await settings.eval(`chrome.send('setCategoryPermissionForPattern', [...${pattern}, 'cookies', 'block', false])`);
  });

  after(async () => {
    await host?.close();
    await settings?.eval(`chrome.send('resetCategoryPermissionForPattern', [...${pattern}, 'cookies', false])`);
    await settings?.close();
  });

  async function paintAndReload(wiring: 'outside' | 'element'): Promise<void> {
    const key = `denied-${Math.random().toString(36).slice(2, 8)}`;
    const url = `${HOST}/test/fixtures/bridge/parent.html?${new URLSearchParams({ frame: frameUrl(STUDIO, { key, wiring }), origin: STUDIO })}`;
    host = await Page.open(url);
    const ready = await host.eval<{ storage: string; key: string }>('window.studioReady');
    expect(ready.storage).to.equal('denied');
    expect(ready.key).to.equal(key);
    // The studio itself found no storage (its drafts went to memory) and said so over the bridge.
    await waitFor(() => host!.eval<Array<{ type: string; code?: string }>>('window.log').then((log) => log.some((m) => m.type === 'error' && m.code === 'storage-unavailable')), 'the studio’s storage-unavailable');

    // The studio says who keeps the design, in plain words, and raises no alarm.
    const told = await waitFor(() => host!.eval<FrameState>('window.ask()').then((s) => (s.notice.keeper === 'host' ? s : null)), 'the notice that the host page keeps it');
    expect(told.notice.status).to.equal(`Your design is kept by localhost:${PORT}.`);
    expect(told.notice.warning).to.equal(null);

    // Paint one stroke with the real mouse, at the canvas's place inside the iframe inside the page.
    const state = await host.eval<FrameState>('window.ask()');
    expect(state.storage).to.equal('denied');
    expect(markCount(state)).to.equal(0);
    const [frameLeft, frameTop] = await host.eval<[number, number]>('window.iframeRect()');
    const view = (await loadTemplate('/templates/roadster.json')).manifest.views[0];
    const p = geometry(view).centre(20);
    const [z, , , , tx, ty] = state.canvas!.vpt;
    const onPage = ([x, y]: Pt): Pt => [Math.round(frameLeft + state.canvas!.left + x * z + tx), Math.round(frameTop + state.canvas!.top + y * z + ty)];
    await host.drag([onPage(p), onPage([p[0] + 60, p[1] + 10]), onPage([p[0] + 140, p[1]])]);

    const painted = await waitFor(() => host!.eval<FrameState>('window.ask()').then((s) => (markCount(s) === 1 ? s : null)), 'the stroke in the studio');
    // Kept by the host page, in its own IndexedDB, within the autosave delay.
    const kept = await waitFor(() => host!.eval<FrameState | null>(`window.kept('roadster', ${JSON.stringify(key)})`).then((d) => (d && markCount(d) === 1 ? d : null)), 'the draft kept by the parent');
    expect(JSON.stringify(kept.design)).to.equal(JSON.stringify(painted.design));

    // The customer comes back: the host page (and with it the frame) reloads; the frame still cannot store.
    await host.reload();
    const again = await host.eval<{ storage: string }>('window.studioReady');
    expect(again.storage).to.equal('denied');
    const restored = await waitFor(() => host!.eval<FrameState>('window.ask()').then((s) => (markCount(s) === 1 ? s : null)), 'the design back in the studio');
    expect(JSON.stringify(restored.design!.views)).to.equal(JSON.stringify(painted.design!.views));
    await host.close();
    host = undefined;
  }

  it('starts, the customer paints, and the design comes back after the parent page reloads', async function () {
    this.timeout(60_000);
    await paintAndReload('outside');
  });

  // The element's own wiring: transport="postmessage" and host-origin on the studio in the frame.
  it('the same with the element’s own transport="postmessage" wiring', async function () {
    this.timeout(60_000);
    await paintAndReload('element');
  });

  it('with no helper on the page, says within a bounded wait that the design lives only in this tab, with a backup button', async function () {
    this.timeout(60_000);
    const url = `${HOST}/test/fixtures/bridge/parent.html?${new URLSearchParams({ frame: frameUrl(STUDIO, { key: 'alone', wiring: 'element' }), origin: STUDIO, nohelper: '1' })}`;
    host = await Page.open(url);
    const alone = await waitFor(() => host!.eval<FrameState>('window.ask()').then((s) => (s.notice.keeper === 'tab' ? s : null)), 'the this-tab-only warning', 15_000);
    expect(alone.storage).to.equal('denied');
    expect(alone.notice.warning).to.match(/^Your design lives only in this tab: closing it loses the design\./);
    expect(alone.notice.problem).to.equal('unavailable');
    expect(alone.notice.backup, 'a real button').to.equal('button');
    expect(alone.notice.status).to.equal('Not saved on this device');
    await host.close();
    host = undefined;
  });
});
