import { expect } from '@open-wc/testing';
import { startApiServer, type ApiServer } from '../server/client.ts';
import { Page, waitFor } from '../bridge/support.ts';
import { cdp } from '../support/cdp.ts';
import { uniqueKey } from '../support/drafts.ts';

const SHADOW = `document.querySelector('co-design-studio').shadowRoot`;

/**
 * DevTools-protocol calls to another real page (opened with pages:open)
 * through this page's own session: attached without flattening, so the
 * calls travel as Target.sendMessageToTarget. The attachment lives as long
 * as the page, across its reloads.
 */
async function controlPage(urlPart: string): Promise<(method: string, params?: Record<string, unknown>) => Promise<unknown>> {
  const { targetInfos } = await cdp<{ targetInfos: Array<{ targetId: string; type: string; url: string }> }>({ method: 'Target.getTargets' });
  const target = targetInfos.find((t) => t.type === 'page' && t.url.includes(urlPart));
  if (!target) throw new Error(`no page with ${urlPart}`);
  const { sessionId } = await cdp<{ sessionId: string }>({ method: 'Target.attachToTarget', params: { targetId: target.targetId, flatten: false } });
  let id = 1;
  return (method, params = {}) => cdp({ method: 'Target.sendMessageToTarget', params: { sessionId, message: JSON.stringify({ id: id++, method, params }) } });
}

/** Clicks the centre of an element of the studio's shadow root with the real mouse (scrolled into view first, as a person would). */
function click(page: Page, selector: string): Promise<void> {
  return page.clickOn(`${SHADOW}.querySelector(${JSON.stringify(selector)})`, { front: false });
}

describe('<co-design-studio> submitting while offline', () => {
  let api: ApiServer | undefined;
  let page: Page | undefined;
  afterEach(async () => {
    await page?.close();
    page = undefined;
    await api?.stop();
    api = undefined;
  });

  it('says queued, survives a reload, and is delivered once when back online, then says sent', async function () {
    this.timeout(120_000);
    api = await startApiServer();
    const key = uniqueKey('offline-submit');
    page = await Page.open(`${location.origin}/test/fixtures/bridge/outbox-studio.html?${new URLSearchParams({ key, endpoint: api.endpoint })}`);
    await page.eval('window.studioReady');
    const send = await controlPage(key);

    // Offline for real: the API's requests fail and navigator.onLine follows (offline/online events fire).
    const { port } = new URL(api.endpoint);
    const open = { latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
    const offline = async (yes: boolean) => {
      await send('Network.enable');
      await send('Network.emulateNetworkConditionsByRule', { offline: yes, matchedNetworkConditions: yes ? [{ urlPattern: `http://127.0.0.1:${port}/*`, ...open }] : [] });
      await send('Network.overrideNetworkState', { offline: yes, ...open });
      await waitFor(() => page!.eval<boolean>(`navigator.onLine === ${!yes}`), yes ? 'offline' : 'online');
    };
    await offline(true);

    // The customer submits through the dialog, with real clicks.
    await click(page, '[data-action="submit"]');
    // Every preview shown: the dialog's fields are enabled and its layout has settled, so the clicks land.
    const shown = `[...${SHADOW}.querySelectorAll('dialog.submit[open] .previews img')].filter((i) => i.complete && i.naturalWidth > 0).length`;
    const views = `document.querySelector('co-design-studio').editor.manifest.views.length`;
    await waitFor(() => page!.eval<boolean>(`${shown} === ${views}`), 'the submit dialog with every preview shown', 20_000);
    await click(page, 'dialog.submit input[name="consent"]');
    await waitFor(() => page!.eval<boolean>(`${SHADOW}.querySelector('dialog.submit input[name="consent"]').checked`), 'the consent box ticked');
    await click(page, 'dialog.submit [data-action="send"]');
    const queued = await waitFor(() => page!.eval<string>(`${SHADOW}.querySelector('dialog.submit .submit-status')?.textContent.trim() ?? ''`).then((t) => (/queued/.test(t) ? t : null)), 'the queued state').catch(async (e) => {
      throw new Error(`${e.message}: ${await page!.eval<string>(`JSON.stringify({ status: ${SHADOW}.querySelector('dialog.submit .submit-status')?.textContent, consent: ${SHADOW}.querySelector('dialog.submit input[name="consent"]')?.checked, author: ${SHADOW}.querySelector('dialog.submit input[name="author"]')?.value, events: window.studioEvents, online: navigator.onLine })`)}`);
    });
    expect(queued).to.equal('No connection right now. Your design is queued and will be sent when you are back online.');
    expect((await api.state()).designs).to.have.length(0);

    // The page reloads for real, still offline: nothing goes out.
    await page.reload();
    await page.eval('window.studioReady');
    expect(await page.eval<boolean>('navigator.onLine')).to.equal(false);
    expect((await api.state()).designs).to.have.length(0);

    // Back online: the outbox the reloaded page opened sends it, once.
    await offline(false);
    await waitFor(() => page!.eval<number>(`window.studioEvents.filter((e) => e.type === 'co-design-submitted').length`), 'co-design-submitted');
    const said = await waitFor(() => page!.eval<string | null>(`${SHADOW}.querySelector('.outbox-state')?.textContent.trim() ?? null`), 'the sent notice');
    expect(said).to.equal('Sent! Thank you for your design.');
    const state = await api.state();
    expect(state.designs).to.have.length(1);

    // Once: another visit finds it sent and sends nothing (the server would replay a repeat of the key anyway).
    await page.reload();
    await page.eval('window.studioReady');
    expect(await page.eval<number>(`window.studioEvents.filter((e) => e.type === 'co-design-submitted').length`)).to.equal(0);
    expect((await api.state()).designs).to.have.length(1);
  });
});
