import { expect } from '@open-wc/testing';
import { expectNoViolationsIn } from '../campaign/support.ts';
import { sentFixture } from './replay-support.ts';
import { inShadow, Page, startSite } from './support.ts';

const board = (selector: string) => inShadow('co-design-dashboard', selector);

describe('/dashboard: a queued design’s replay', function () {
  this.timeout(90_000);
  let site: Awaited<ReturnType<typeof startSite>>;
  let page: Page | undefined;
  after(async () => {
    await page?.close();
    await site?.stop();
  });

  it('plays a pending design, fetched with the token, when its “Watch it painted” opens', async () => {
    site = await startSite();
    const id = await sentFixture(site);
    // Pending: not public, so the replay could not fetch it on its own.
    expect((await fetch(`${site.endpoint}/designs/${id}`)).status).to.equal(404);

    page = await Page.open(`${site.origin}/dashboard`);
    await page.fill(board('input[name="token"]'), site.adminToken);
    await page.clickOn(board('.sign-in button[type="submit"]'));
    const item = board(`li[data-id="${id}"]`);
    await page.waitFor(`!!${item}`, 'the design in the queue');
    expect(await page.eval(`!!customElements.get('co-design-replay')`), 'replay loaded early').to.equal(false);
    await page.clickOn(`${item}.querySelector('details.replay summary')`);
    const replay = `${item}.querySelector('details.replay co-design-replay')`;
    await page.waitFor(`${replay}?.duration > 0`, 'the replay ready');
    // Nine marks and one text, a step each (docs/replay.md, pacing of designs without times).
    expect(await page.eval(`${replay}.duration`)).to.be.within(3600, 4000);
    await expectNoViolationsIn(page, item, 'a queued design with its replay open');
    expect((await page.log()).errors, 'no console or CSP error').to.deep.equal([]);
  });
});
