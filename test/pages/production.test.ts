import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { strFromU8, unzipSync } from 'fflate';
import { createDocument } from '../../src/document/create.ts';
import { bytesToBase64, base64ToBytes } from '../../src/security/data-url.ts';
import { inShadow, Page, startSite } from './support.ts';

const board = (selector: string) => inShadow('co-design-dashboard', selector);

async function pngBase64(): Promise<string> {
  const canvas = new OffscreenCanvas(64, 32);
  canvas.getContext('2d')!.fillRect(0, 0, 64, 32);
  return bytesToBase64(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer()));
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('/dashboard: print files', () => {
  let page: Page | undefined;
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  after(async () => {
    await page?.close();
    await site?.stop();
  });

  it('shows an approved design’s print files become ready, and its production pack downloads as a zip', async function () {
    this.timeout(90_000);
    site = await startSite();
    const png = await pngBase64();
    const submission = {
      format: 'co-design-submission',
      version: 1,
      draft: 'productiondraft1',
      design: createDocument({ id: 'roadster', version: '1', viewIds: ['side', 'top'] }, new Date()),
      previews: [
        { view: 'side', png },
        { view: 'top', png },
      ],
      author: { name: 'Grace' },
      consent: { termsVersion: '2026-11', licence: 'Licence', acceptedAt: new Date().toISOString() },
    };
    const sent = await fetch(`${site.endpoint}/designs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'production-test-1' },
      body: JSON.stringify(submission),
    });
    expect(sent.status).to.equal(201);
    const { id } = (await sent.json()) as { id: string };
    const design = (selector: string) => board(`.design[data-id="${id}"] ${selector}`);
    // A second design, on a template this server does not have, approved by the team's script: its job fails.
    const broken = {
      ...submission,
      draft: 'productiondraft2',
      design: { ...submission.design, template: { id: 'no-such-template', version: '1' } },
    };
    const sentBroken = await fetch(`${site.endpoint}/designs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'production-test-2' },
      body: JSON.stringify(broken),
    });
    const brokenId = ((await sentBroken.json()) as { id: string }).id;
    expect((await site.admin('POST', `/designs/${brokenId}/approve`)).status).to.equal(200);

    page = await Page.open(`${site.origin}/dashboard`);
    await page.fill(board('input[name="token"]'), site.adminToken);
    await page.clickOn(board('.sign-in button[type="submit"]'));
    await page.waitFor(design('button.approve'), 'the design in the pending list');
    // A pending design has no print files to show.
    expect(await page.eval(`!!${design('.production')}`)).to.equal(false);
    await page.clickOn(design('button.approve'));
    await page.waitFor(`!${board(`.design[data-id="${id}"]`)}`, 'the design gone from the pending list');

    // The list of approved designs, chosen with the keyboard as a person would.
    await page.eval(`${board('select')}.focus()`);
    await page.press('ArrowDown');
    await page.waitFor(`${design('.production')}?.dataset.state === 'ready'`, 'the print files ready', 60_000);
    expect(await page.eval(`${design('.production-state')}.textContent`)).to.equal('Print files: ready');
    const failed = board(`.design[data-id="${brokenId}"] .production[data-state="failed"] .production-state`);
    expect(await page.waitFor<string>(`${failed}?.textContent`, 'the broken design’s job failed', 30_000)).to.equal(
      'Print files failed after 3 attempts: template "no-such-template": no such file in the templates folder',
    );
    expect(await page.eval(`!!${board(`.design[data-id="${brokenId}"] button.pack`)}`)).to.equal(false);
    // "Try again" queues the job afresh (the template is still missing, so it fails again, three more attempts).
    const brokenState = `${board(`.design[data-id="${brokenId}"] .production`)}?.dataset.state`;
    await page.clickOn(board(`.design[data-id="${brokenId}"] button.retry`));
    await page.waitFor(`['queued', 'making'].includes(${brokenState})`, 'the failed job queued again');
    await page.waitFor(`${brokenState} === 'failed'`, 'the job failed again', 30_000);
    expect(await page.eval(`${design('button.pack')}.getAttribute('aria-label')`)).to.equal(
      'Download the production pack of Grace’s design',
    );

    // Saved for real: the browser's download lands in a folder the test reads back.
    const dir = await executeServerCommand<string, unknown>('downloads:allow');
    await page.clickOn(design('button.pack'));
    const href = await page.waitFor<string>(`${design('a.pack-file')}?.href`, 'the saved production pack');
    expect(href).to.match(/^blob:/);
    const saved = await executeServerCommand<
      { name: string; text: string },
      { dir: string; timeout: number; encoding: string }
    >('downloads:read', { dir: dir!, timeout: 10_000, encoding: 'base64' });
    expect(saved!.name).to.equal(`production-${id}.zip`);
    const base64 = saved!.text;
    const files = unzipSync(base64ToBytes(base64));
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as {
      files: { path: string; sha256: string; size: number }[];
    };
    expect(manifest.files.map((f) => f.path)).to.include(`print/${id}.pdf`);
    for (const file of manifest.files) {
      expect(files[file.path].byteLength, file.path).to.equal(file.size);
      expect(await sha256(files[file.path]), file.path).to.equal(file.sha256);
    }
    expect(strFromU8(files[`print/${id}.pdf`].subarray(0, 5))).to.equal('%PDF-');
    expect((await page.log()).errors).to.deep.equal([]);
  });
});
