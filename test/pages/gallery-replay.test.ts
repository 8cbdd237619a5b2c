import { expect } from '@open-wc/testing';
import { expectNoViolationsIn } from '../campaign/support.ts';
import { approvedFixture } from './replay-support.ts';
import { inShadow, Page, startSite } from './support.ts';

const gallery = (selector: string) => inShadow('co-design-gallery', selector);
const replay = gallery('dialog.replay co-design-replay');
/** The focused element, through open shadow roots. */
const focused = `(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; })()`;

describe('/gallery: “Watch it painted”', function () {
  this.timeout(90_000);
  let site: Awaited<ReturnType<typeof startSite>>;
  let page: Page | undefined;
  after(async () => {
    await page?.close();
    await site?.stop();
  });

  it('opens a design’s replay in a dialog and plays it, all by keyboard; axe-clean; Escape returns', async () => {
    site = await startSite();
    const id = await approvedFixture(site);
    page = await Page.open(`${site.origin}/gallery`);
    const watch = gallery(`li[data-id="${id}"] button.watch`);
    await page.waitFor(`!!${watch}`, 'the card’s button');
    expect(await page.eval(`${watch}.textContent.trim()`)).to.equal('Watch it painted');
    // No replay code before it is asked for.
    expect(await page.eval(`!!customElements.get('co-design-replay')`), 'replay loaded early').to.equal(false);

    for (let i = 0; i < 40 && !(await page.eval(`${focused} === ${watch}`)); i++) await page.press('Tab');
    expect(await page.eval(`${focused} === ${watch}`), 'Tab reaches the button').to.equal(true);
    await page.press('Enter');
    await page.waitFor(
      `${gallery('dialog.replay')}?.open && ${replay}?.duration > 0`,
      'the replay ready in its dialog',
    );
    expect(await page.eval(`${focused} === ${gallery('dialog.replay button.close')}`), 'focus on Close').to.equal(true);
    await expectNoViolationsIn(page, gallery('dialog.replay'), 'the replay dialog');

    // Tab into the replay's controls: its play button. Once the (short) replay has ended, Enter plays it again.
    await page.press('Tab');
    const play = `${replay}.shadowRoot.querySelector('button')`;
    expect(await page.eval(`${focused} === ${play}`), 'focus on the replay’s play button').to.equal(true);
    await page.waitFor(`${replay}.currentTime >= ${replay}.duration`, 'the replay at its end');
    // Every frame's time from now on, to see it run from the start to the end again.
    await page.eval(`(() => {
      const seen = (window.__times = []);
      const r = ${replay};
      const look = () => { seen.push(r.currentTime); if (seen.length < 600) requestAnimationFrame(look); };
      requestAnimationFrame(look);
      return true;
    })()`);
    await page.press('Enter');
    await page.waitFor(
      `(() => { const t = window.__times, d = ${replay}.duration; const i = t.findIndex((x) => x > 0 && x < d);
        return i >= 0 && t.slice(i).some((x) => x >= d); })()`,
      'the replay playing from the start to the end again',
    );

    await page.press('Escape');
    await page.waitFor(`!${gallery('dialog.replay')}`, 'the dialog gone');
    expect(await page.eval(`${focused} === ${watch}`), 'focus back on the button').to.equal(true);
    expect((await page.log()).errors, 'no console or CSP error').to.deep.equal([]);
  });
});
