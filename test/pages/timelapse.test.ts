import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { bytesToBase64 } from '../../src/security/data-url.ts';
import { expectNoViolationsIn } from '../campaign/support.ts';
import { nextEvent } from '../support/wait.ts';
import { Page, startSite } from './support.ts';

const lapse = `document.querySelector('[data-timelapse]')`;
const said = `${lapse}.querySelector('[data-video-said]').textContent`;

/** An approved design: the version 1 fixture (nine strokes and a text on the roadster's side), as the studio sends one. */
async function approved(site: Awaited<ReturnType<typeof startSite>>): Promise<string> {
  const design = await (await fetch(new URL('../fixtures/designs/roadster-v1.json', import.meta.url))).json();
  const canvas = new OffscreenCanvas(64, 28);
  canvas.getContext('2d')!.fillRect(0, 0, 64, 28);
  const png = bytesToBase64(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer()));
  const draft = `timelapse-${Date.now()}`;
  const body = {
    format: 'co-design-submission',
    version: 1,
    draft,
    design,
    previews: [{ view: 'side', png }],
    author: { name: 'Ada' },
    consent: { termsVersion: '2026-11', licence: 'Licence', acceptedAt: new Date().toISOString() },
  };
  const res = await fetch(`${site.endpoint}/designs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': draft },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).to.be.oneOf([200, 201]);
  const { id } = await res.json();
  expect((await site.admin('POST', `/designs/${id}/approve`)).status).to.equal(200);
  return id;
}

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

  it('shows the replay in place of the still preview, under the page’s CSP, axe-clean', async () => {
    const page = await open();
    expect(await page.eval(`document.querySelector('[data-preview]').hidden`), 'the still preview').to.equal(true);
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

  it('keeps the still preview when the replay cannot load', async () => {
    const page = await Page.open(`${site.origin}/d/${id}?lang=de`);
    pages.push(page);
    await page.waitFor(`!!document.querySelector('co-design-replay')`, 'the replay element');
    // The design is there but the page was told a template that does not exist: the replay reports an error.
    await page.eval(
      `document.querySelector('co-design-replay').setAttribute('template', '/templates/none.json'); true`,
    );
    await page.waitFor(`${lapse}.hidden && !document.querySelector('[data-preview]').hidden`, 'the preview back');
  });
});
