import { expect } from '@open-wc/testing';
import { createDocument } from '../../src/document/create.ts';
import { inShadow, Page, startSite } from './support.ts';
import { bytesToBase64 } from '../../src/security/data-url.ts';

const gallery = (selector: string) => inShadow('co-design-gallery', selector);
const all = (selector: string, map: string) => `[...document.querySelector('co-design-gallery').shadowRoot.querySelectorAll(${JSON.stringify(selector)})].map(${map})`;

async function png(): Promise<string> {
  const canvas = new OffscreenCanvas(40, 20);
  canvas.getContext('2d')!.fillRect(0, 0, 40, 20);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  return bytesToBase64(bytes);
}

describe('/gallery', () => {
  let page: Page | undefined;
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  after(async () => {
    await page?.close();
    await site?.stop();
  });

  it('lists approved designs newest or most voted first, a page at a time, with named buttons and a live region', async function () {
    this.timeout(60_000);
    site = await startSite();
    const preview = await png();
    const ids: string[] = [];
    for (let i = 0; i < 14; i++) {
      const body = {
        format: 'co-design-submission',
        version: 1,
        draft: `gallerydraft${i}`,
        design: createDocument({ id: 'roadster', version: '1', viewIds: ['side', 'top'] }, new Date()),
        previews: [
          { view: 'side', png: preview },
          { view: 'top', png: preview },
        ],
        author: { name: `Painter ${i}` },
        consent: { termsVersion: '2026-11', licence: 'Licence', acceptedAt: new Date().toISOString() },
        metrics: { format: 'co-design-metrics', version: 1, engagedMs: 1000, visibleMs: 1000, wallMs: 1000, tools: [], strokes: 1, undos: 0, redos: 0, sessions: 1, firstStrokeMs: 10 },
      };
      const res = await fetch(`${site.endpoint}/designs`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `gallery-test-${i}` }, body: JSON.stringify(body) });
      expect(res.status).to.equal(201);
      ids.push((await res.json()).id);
    }
    // Approve all but the last (moderation needs the token: from a page of the site itself).
    page = await Page.open(`${site.origin}/gallery`);
    await page.eval(`Promise.all(${JSON.stringify(ids.slice(0, 13))}.map((id) => fetch('/api/designs/' + id + '/approve', { method: 'POST', headers: { Authorization: 'Bearer ${site.adminToken}' } })))`);
    // Votes from this test page: a cross-site request carries no cookie, so each one is a new voter.
    for (const [id, votes] of [
      [ids[2], 3],
      [ids[7], 1],
    ] as const) {
      for (let v = 0; v < votes; v++) expect((await fetch(`${site.endpoint}/designs/${id}/votes`, { method: 'POST' })).status).to.equal(201);
    }
    await page.reload();

    const cards = () => page!.eval<string[]>(all('.card', '(c) => c.dataset.id'));
    await page.waitFor(`${all('.card', '(c) => c')}.length === 12`, 'the first page of twelve');
    expect(await page.eval(`${gallery('.count')}.textContent`)).to.equal('13 designs');
    expect(await page.eval(`${gallery('.pager span')}.textContent`)).to.equal('Page 1 of 2');
    expect(await cards()).to.not.include(ids[13]);
    // Buttons say whose design they vote for; the live region is there before anything is announced.
    expect(await page.eval(all('button.vote', '(b) => b.getAttribute("aria-label")'))).to.include('Vote for Painter 2\'s design');
    expect(await page.eval(`${gallery('[role="status"]')}.getAttribute('aria-live')`)).to.equal('polite');
    expect(await page.eval(all('.card img', '(i) => i.alt'))).to.include('Painter 2\'s roadster');

    await page.clickOn(gallery('button.next'));
    await page.waitFor(`${gallery('.pager span')}.textContent === 'Page 2 of 2'`, 'page two');
    expect(await cards()).to.have.length(1);

    await page.clickOn(gallery('button.sort[aria-pressed="false"]'));
    await page.waitFor(`${gallery('.pager span')}.textContent === 'Page 1 of 2' && ${gallery('button.sort[aria-pressed="true"]')}.textContent === 'Most votes'`, 'the most voted first');
    const top = await cards();
    expect(top.slice(0, 2)).to.deep.equal([ids[2], ids[7]]);
    expect(await page.eval(all('.card .votes', '(v) => v.textContent'))).to.include.members(['3 votes', '1 vote']);
  });
});
