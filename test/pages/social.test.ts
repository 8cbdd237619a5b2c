import { expect } from '@open-wc/testing';
import { geometry } from '../support/geometry.ts';
import { setViewport } from '@web/test-runner-commands';
import { mountStudio, submitDialog, type TestStudio } from '../support/studio.ts';
import { Page, startSite, waitFor, type Pt } from './support.ts';

/**
 * /social.html opened on 127.0.0.1 frames the studio from localhost (another
 * site) and talks to it only through co-design-studio/parent. The frame's
 * storage is denied for real with Chromium's own site setting ("not allowed
 * to save data" for localhost inside 127.0.0.1, as test/bridge/ does), so the
 * social page's helper keeps the draft in its own IndexedDB.
 *
 * The test cannot read into the cross-site frame, so it finds the canvas
 * there from a studio of the same size in the test page: same template,
 * same width, the frame's 780 px height, hence the same layout and zoom.
 */
describe('/social.html: the studio in another site’s iframe', () => {
  let settings: Page | undefined;
  let social: Page | undefined;
  let twin: TestStudio | undefined;
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  let pattern = '';

  after(async function () {
    this.timeout(60_000);
    twin?.remove();
    await social?.close();
    if (pattern) await settings?.eval(`chrome.send('resetCategoryPermissionForPattern', [...${pattern}, 'cookies', false])`);
    await settings?.close();
    await site?.stop();
  });

  it('frames localhost from 127.0.0.1; the customer paints in the frame, the page sees the edit, keeps the draft and forwards the submission', async function () {
    this.timeout(90_000);
    site = await startSite();
    const port = new URL(site.origin).port;
    const studioOrigin = `http://localhost:${port}`;
    pattern = JSON.stringify([studioOrigin, site.origin]);
    settings = await Page.open('chrome://settings/content/cookies');
    await settings.eval(`chrome.send('setCategoryPermissionForPattern', [...${pattern}, 'cookies', 'block', false])`);

    social = await Page.open(`${site.origin}/social.html`, { width: 1100, height: 900 });
    const src = new URL(await social.eval<string>(`document.getElementById('studio').src`));
    expect(src.origin).to.equal(studioOrigin);
    expect(src.pathname).to.equal('/frame.html');
    expect(src.searchParams.get('host-origin')).to.equal(site.origin);
    expect(await social.waitFor<string>(`document.getElementById('status').dataset.storage`, 'the studio’s ready over the bridge')).to.equal('denied');

    // Where the frame's pencil button and canvas are, from the same-sized twin in this page.
    const frame = await social.eval<{ left: number; top: number; width: number }>(
      `(() => { const f = document.getElementById('studio'); f.scrollIntoView({ block: 'start' }); const r = f.getBoundingClientRect(); return { left: r.left, top: r.top, width: f.clientWidth }; })()`,
    );
    twin = await mountStudio({ width: frame.width, height: 780 });
    const origin = twin.el.getBoundingClientRect();
    const inFrame = ([x, y]: Pt): Pt => [Math.round(frame.left + x - origin.left), Math.round(frame.top + y - origin.top)];
    const pencil = twin.shadow('.toolbar [data-tool="pencil"]').getBoundingClientRect();
    await social.click(inFrame([pencil.left + pencil.width / 2, pencil.top + pencil.height / 2]));
    const p = geometry(twin.editor.manifest!.views[0]).centre(20);
    await social.drag([inFrame(twin.toPage(p)), inFrame(twin.toPage([p[0] + 80, p[1] + 10])), inFrame(twin.toPage([p[0] + 160, p[1]]))]);

    await social.waitFor(`document.querySelector('#events li[data-type="change"]')`, 'the edit reported to the social page');
    // The helper kept the frame's draft in this page's own IndexedDB, and the page shows it.
    expect(await social.waitFor<string>(`document.getElementById('draft').dataset.marks`, 'the draft kept by the social page')).to.equal('1');
    const kept = await social.eval<Array<{ key: unknown; template: string; marks: number }>>(`new Promise((resolve) => {
      const open = indexedDB.open('co-design-studio-parent');
      open.onsuccess = () => {
        const store = open.result.transaction('drafts').objectStore('drafts');
        const keys = store.getAllKeys();
        const values = store.getAll();
        values.onsuccess = () => resolve(values.result.map((d, i) => ({ key: keys.result[i], template: d.template.id, marks: d.design.views.reduce((n, v) => n + v.layers.reduce((m, l) => m + (l.marks?.length ?? 0), 0), 0) })));
      };
    })`);
    expect(kept).to.have.length(1);
    expect((kept[0].key as string[]).slice(0, 3)).to.deep.equal(['draft', studioOrigin, 'roadster']);
    expect(kept[0].marks).to.equal(1);

    // Posting: the page asks the studio to submit; the customer accepts the terms and sends in the frame's dialog.
    // The modal dialog is centred in the frame's viewport: the twin, in a viewport of the frame's size, shows where.
    const frameSize = await social.eval<{ width: number; height: number }>(`(() => { const f = document.getElementById('studio'); return { width: f.clientWidth, height: f.clientHeight }; })()`);
    await setViewport(frameSize);
    void twin.el.submit().catch(() => undefined);
    const dialog = await submitDialog(twin.el);
    const centre = (selector: string): Pt => {
      const r = dialog.querySelector(selector)!.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    };
    const [consent, send] = [centre('input[name="consent"]'), centre('[data-action="send"]')];
    expect(send[1], 'the send button within the frame').to.be.lessThan(frameSize.height);

    await social.clickOn(`document.getElementById('post')`);
    // Clicking the page's button scrolled it: where the frame is now.
    const now = await social.eval<{ left: number; top: number }>(
      `(() => { const f = document.getElementById('studio'); f.scrollIntoView({ block: 'start' }); const r = f.getBoundingClientRect(); return { left: r.left, top: r.top }; })()`,
    );
    const atFrame = ([x, y]: Pt): Pt => [Math.round(now.left + x), Math.round(now.top + y)];
    // The frame cannot be asked whether its dialog is ready yet: tick the box and send until the page hears the
    // submission. An early click finds no dialog; a tick that lands unchecks on the next round, so the send after
    // it is stopped by the form's own validation, and the round after that goes through.
    await waitFor(async () => {
      await social!.click(atFrame(consent));
      await social!.click(atFrame(send));
      return waitFor(() => social!.eval(`document.querySelector('#events li[data-type="submission"]')`), 'a submission', 2_000).catch(() => null);
    }, 'the submission from the frame', 30_000);
    await social.waitFor(`document.querySelector('#events li[data-type="stored"]')`, 'the submission forwarded to the backend and stored').catch(async (error) => {
      throw new Error(`${error.message}: the page heard ${await social!.eval(`document.getElementById('events').textContent`)}`);
    });
    const stored = (await site.state()).designs;
    expect(stored).to.have.length(1);
    expect(stored[0].author).to.equal('@roadster_fan');
    expect(await social.eval(`document.querySelector('#events li[data-type="submission"]').textContent`)).to.include('@roadster_fan');
  });
});
