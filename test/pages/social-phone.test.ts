import { expect } from '@open-wc/testing';
import { geometry } from '../support/geometry.ts';
import { mountStudio, type TestStudio } from '../support/studio.ts';
import { Page, startSite, type Pt } from './support.ts';

/**
 * /social.html on a phone-sized screen (issue 13): the post's frame is one
 * screen tall and the studio inside takes its phone layout, so its bottom bar
 * is on screen once the post is. The test cannot read into the cross-site
 * frame; a studio of the frame's size in this page shows where its tools and
 * canvas are, as in social.test.ts.
 */
describe('/social.html on a 360 × 640 screen', () => {
  let social: Page | undefined;
  let twin: TestStudio | undefined;
  let site: Awaited<ReturnType<typeof startSite>> | undefined;

  after(async function () {
    this.timeout(60_000);
    twin?.remove();
    await social?.close();
    await site?.stop();
  });

  it('gives the studio’s frame the whole screen, and a customer paints in it', async function () {
    this.timeout(90_000);
    site = await startSite();
    social = await Page.open(`${site.origin}/social.html`, { width: 360, height: 640 });
    await social.waitFor(`document.getElementById('status').dataset.storage`, 'the studio’s ready over the bridge');
    const frame = await social.eval<{ left: number; top: number; width: number; height: number; viewport: number }>(
      `(() => { const f = document.getElementById('studio'); f.scrollIntoView({ block: 'start' }); const r = f.getBoundingClientRect();
        return { left: r.left, top: r.top, width: f.clientWidth, height: f.clientHeight, viewport: innerHeight }; })()`,
    );
    expect(frame.width, 'the frame the width of the screen').to.equal(360);
    expect(frame.height, 'the frame one screen tall').to.equal(frame.viewport);
    expect(frame.top, 'scrolled to the top of the screen').to.equal(0);

    twin = await mountStudio({ width: frame.width, height: frame.height });
    const origin = twin.el.getBoundingClientRect();
    const toolbar = twin.shadow('.toolbar').getBoundingClientRect();
    expect(toolbar.bottom - origin.top, 'the bottom bar inside the frame').to.be.at.most(frame.height);
    const inFrame = ([x, y]: Pt): Pt => [
      Math.round(frame.left + x - origin.left),
      Math.round(frame.top + y - origin.top),
    ];
    const pencil = twin.shadow('.toolbar [data-tool="pencil"]').getBoundingClientRect();
    await social.click(inFrame([pencil.left + pencil.width / 2, pencil.top + pencil.height / 2]));
    const p = geometry(twin.editor.manifest!.views[0]).centre(20);
    await social.drag([
      inFrame(twin.toPage(p)),
      inFrame(twin.toPage([p[0] + 80, p[1] + 10])),
      inFrame(twin.toPage([p[0] + 160, p[1]])),
    ]);
    await social.waitFor(
      `document.querySelector('#events li[data-type="change"]')`,
      'the stroke reported to the social page',
    );
    expect((await social.log()).errors).to.deep.equal([]);
  });
});
