import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { expectNoViolationsIn } from '../campaign/support.ts';
import { nextEvent } from '../support/wait.ts';
import { approvedFixture as approved } from './replay-support.ts';
import { Page, startSite } from './support.ts';

const lapse = `document.querySelector('[data-timelapse]')`;
const said = `${lapse}.querySelector('[data-video-said]').textContent`;

function base64ToBlob(text: string, type: string): Blob {
  const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

describe('the share page’s time-lapse', function () {
  this.timeout(180_000);
  let site: Awaited<ReturnType<typeof startSite>>;
  let id: string;
  const pages: Page[] = [];
  before(async () => {
    site = await startSite();
    id = await approved(site);
  });
  after(async () => {
    for (const p of pages) await p.close();
    await site.stop();
  });

  async function open(): Promise<Page> {
    const page = await Page.open(`${site.origin}/d/${id}`);
    pages.push(page);
    await page.waitFor(`${lapse} && !${lapse}.hidden`, 'the time-lapse shown', 30_000);
    return page;
  }

  it('shows the replay below the still preview, under the page’s CSP, axe-clean', async () => {
    const page = await open();
    expect(await page.eval(`document.querySelector('[data-preview]').hidden`), 'the still preview').to.equal(false);
    expect(await page.eval(`!!${lapse}.querySelector('co-design-replay')`)).to.equal(true);
    expect(await page.eval(`${lapse}.querySelector('[data-video]').textContent`)).to.equal('Download the time-lapse');
    await expectNoViolationsIn(page, 'document', 'the share page with its time-lapse');
    expect((await page.log()).errors, 'no CSP report or error').to.deep.equal([]);
  });

  it('“Download the time-lapse” saves a video that plays for 15 s', async () => {
    const page = await open();
    const dir = await executeServerCommand<string, unknown>('downloads:allow');
    await page.clickOn(`${lapse}.querySelector('[data-video]')`);
    await page.waitFor(`!${lapse}.querySelector('[data-video-progress]').hidden`, 'the progress shown');
    await page.waitFor(`${said} === 'The time-lapse video is downloaded.'`, 'the video made', 120_000);
    const file = (await executeServerCommand<{ name: string; text: string }, unknown>('downloads:read', {
      dir,
      timeout: 10_000,
      encoding: 'base64',
    }))!;
    expect(file.name).to.match(/^roadster-side-timelapse\.(mp4|webm)$/);
    const type = file.name.endsWith('.mp4') ? 'video/mp4' : 'video/webm';
    const video = document.createElement('video');
    video.muted = true;
    video.src = URL.createObjectURL(base64ToBlob(file.text, type));
    try {
      await nextEvent(video, 'loadedmetadata');
      expect(Math.abs(video.duration - 15), 'its length').to.be.at.most(1 / 30);
      expect(video.videoWidth).to.equal(720);
    } finally {
      URL.revokeObjectURL(video.src);
    }
    expect(await page.eval(`document.activeElement === ${lapse}.querySelector('[data-video]')`), 'focus back').to.equal(
      true,
    );
  });

  it('cancels the video on Cancel', async () => {
    const page = await open();
    await page.clickOn(`${lapse}.querySelector('[data-video]')`);
    await page.waitFor(`${lapse}.querySelector('[data-video-progress]').value > 0`, 'some progress');
    await page.clickOn(`${lapse}.querySelector('[data-video-cancel]')`);
    await page.waitFor(`${said} === 'The video was cancelled.'`, 'the cancel said');
    expect(await page.eval(`${lapse}.querySelector('[data-video-progress]').hidden`)).to.equal(true);
    expect(await page.eval(`${lapse}.querySelector('[data-video]').hidden`)).to.equal(false);
  });

  it('offers the finished picture where the browser cannot make videos', async () => {
    const page = await open();
    await page.eval(`delete window.VideoEncoder; true`);
    await page.clickOn(`${lapse}.querySelector('[data-video]')`);
    await page.waitFor(`!${lapse}.querySelector('[data-still]').hidden`, 'the picture offered');
    expect(await page.eval(`${said}`)).to.equal(
      'This browser cannot make videos: download the finished picture instead.',
    );
    const still = await page.eval<{ href: string; download: string }>(
      `(() => { const a = ${lapse}.querySelector('[data-still]'); return { href: a.href, download: a.download }; })()`,
    );
    expect(still.href).to.match(/^blob:/);
    expect(still.download).to.equal('roadster-design.png');
    await expectNoViolationsIn(page, 'document', 'the share page offering the picture');
  });

  it('hides the time-lapse again when the replay cannot load', async () => {
    const page = await Page.open(`${site.origin}/d/${id}?lang=de`);
    pages.push(page);
    await page.waitFor(`!!document.querySelector('co-design-replay') && !${lapse}.hidden`, 'the time-lapse shown');
    // Then the replay is told a template that does not exist: it reports an error, and the section goes.
    await page.eval(
      `document.querySelector('co-design-replay').setAttribute('template', '/templates/none.json'); true`,
    );
    await page.waitFor(`${lapse}.hidden && !document.querySelector('[data-preview]').hidden`, 'the time-lapse hidden');
  });
});
