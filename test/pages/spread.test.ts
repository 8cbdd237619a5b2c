import { expect } from '@open-wc/testing';
import { createDocument } from '../../src/document/create.ts';
import { bytesToBase64 } from '../../src/security/data-url.ts';
import { paramNames, parse } from '../../src/i18n/format.ts';
import { GALLERY_TABLES } from '../../src/gallery/i18n/index.ts';
import { controlsOffScreen, expectNoViolationsIn, overflowX, overlappingControls } from '../campaign/support.ts';
import { inShadow, Page, startSite, waitFor } from './support.ts';

const gallery = (selector: string) => inShadow('co-design-gallery', selector);
const PHONE = { width: 390, height: 844 };

async function png(colour: string): Promise<string> {
  const canvas = new OffscreenCanvas(64, 32);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 64, 32);
  return bytesToBase64(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer()));
}

/** An approved design by `author`, sent as the studio sends one; its id. */
async function approved(site: Awaited<ReturnType<typeof startSite>>, author: string): Promise<string> {
  const preview = await png('#c33');
  const draft = `spread-${author}-${Date.now()}`;
  const body = {
    format: 'co-design-submission',
    version: 1,
    draft,
    design: createDocument({ id: 'roadster', version: '1', viewIds: ['side', 'top'] }, new Date()),
    previews: [
      { view: 'side', png: preview },
      { view: 'top', png: preview },
    ],
    author: { name: author },
    consent: { termsVersion: '2026-11', licence: 'Licence', acceptedAt: new Date().toISOString() },
  };
  const res = await fetch(`${site.endpoint}/designs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': draft },
    body: JSON.stringify(body),
  });
  const { id } = await res.json();
  expect((await site.admin('POST', `/designs/${id}/approve`)).status).to.equal(200);
  return id;
}

describe('designs that spread', () => {
  const pages: Page[] = [];
  const sites: Awaited<ReturnType<typeof startSite>>[] = [];
  const track = (p: Page) => (pages.push(p), p);
  after(async () => {
    for (const p of pages) await p.close();
    for (const s of sites) await s.stop();
  });

  it('an empty gallery invites the visitor to the studio with a real link', async function () {
    this.timeout(60_000);
    const site = await startSite();
    sites.push(site);
    const page = track(await Page.isolated(`${site.origin}/gallery`, PHONE));
    await page.waitFor(`${gallery('.empty a.invite')}`, 'the invitation');
    expect(await page.eval(`${gallery('.empty')}.textContent.replace(/\\s+/g, ' ').trim()`)).to.equal(
      'No approved designs yet. Be the first: design yours in the studio.',
    );
    await expectNoViolationsIn(page, `document.querySelector('co-design-gallery')`, 'the empty gallery');
    await page.clickOn(gallery('.empty a.invite'));
    const now = (expression: string) => () => page.eval<boolean>(expression).catch(() => false);
    await waitFor(
      now(`location.pathname === '/' && !!document.querySelector('co-design-studio')`),
      'the studio page',
    ).catch(async (e) => {
      throw new Error(
        `${e.message}: at ${await page.eval('location.href + " " + document.body?.innerHTML.slice(0, 300)')}`,
      );
    });
  });

  it('shows the visitor’s votes as given after a reload, shares a card by plain links, and holds at 390 px', async function () {
    this.timeout(90_000);
    const site = await startSite();
    sites.push(site);
    const ann = await approved(site, 'Ann');
    const bo = await approved(site, 'Bo');
    const page = track(await Page.isolated(`${site.origin}/gallery`, PHONE));
    const card = (id: string, s: string) => gallery(`.card[data-id="${id}"] ${s}`);
    await page.waitFor(card(ann, 'button.vote'), 'Ann’s card');
    expect(await page.eval(`${card(ann, 'button.vote')}.textContent.trim()`)).to.equal('Vote');

    await page.clickOn(card(ann, 'button.vote'));
    await page.waitFor(`${gallery('.status')}.textContent.includes('counted')`, 'the vote counted');
    await page.reload();
    await page.waitFor(
      `${card(ann, 'button.vote')}?.getAttribute('aria-pressed') === 'true'`,
      'Ann’s vote shown as given after the reload',
    );
    expect(await page.eval(`${card(ann, 'button.vote')}.textContent.trim()`)).to.equal('Voted ✓');
    expect(await page.eval(`${card(ann, 'button.vote')}.getAttribute('aria-label')`)).to.equal(
      "Voted for Ann's design",
    );
    expect(await page.eval(`${card(bo, 'button.vote')}.textContent.trim()`)).to.equal('Vote');

    // Headless Chromium on Linux has no system share sheet: the card falls back to plain links (checked, not assumed).
    const webShare = await page.eval<boolean>(`typeof navigator.share === 'function'`);
    expect(webShare, 'navigator.share in headless Chromium on Linux').to.equal(false);
    await page.clickOn(card(bo, 'details.share summary'));
    await page.waitFor(`${card(bo, 'details.share')}.open`, 'the share links open');
    const shareUrl = `${site.origin}/d/${bo}`;
    const links = await page.eval<Record<string, string>>(
      `Object.fromEntries([...${card(bo, 'details.share')}.querySelectorAll('a')].map((a) => [a.textContent.trim(), a.getAttribute('href')]))`,
    );
    expect(links['Its page']).to.equal(shareUrl);
    expect(links.Facebook).to.equal(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(shareUrl)}`);
    expect(links.WhatsApp).to.equal(`https://wa.me/?text=${encodeURIComponent(`Bo's design ${shareUrl}`)}`);
    expect(links.Email).to.match(/^mailto:\?subject=Bo's%20design&body=/);
    // Copy link: the page says what happened either way (a headless window may refuse the clipboard).
    await page.clickOn(card(bo, 'button.copy'));
    await page.waitFor(`/copied|could not be copied/.test(${gallery('.status')}.textContent)`, 'the copy said');

    expect(await overflowX(page)).to.be.at.most(0);
    expect(await overlappingControls(page)).to.deep.equal([]);
    expect(await controlsOffScreen(page)).to.deep.equal([]);
    await expectNoViolationsIn(
      page,
      `document.querySelector('co-design-gallery')`,
      'a vote given and the share links open',
    );

    // "Its page" opens the share page, which knows this visitor's vote for Ann too (the same cookie).
    await page.clickOn(card(bo, 'details.share a[href$="/d/' + bo + '"]'));
    const now = (expression: string) => () => page.eval<boolean>(expression).catch(() => false);
    await waitFor(now(`location.pathname === '/d/${bo}' && document.readyState === 'complete'`), 'Bo’s share page');
    await page.clickOn(`document.querySelector('#vote button[type="submit"]')`);
    await waitFor(
      now(`document.querySelector('#vote .said')?.textContent === 'Thank you: your vote counted.'`),
      'the vote from the share page',
    );
    expect(await page.eval(`document.querySelector('#vote button').textContent`)).to.equal('Voted ✓');
    expect(await page.eval(`document.querySelector('.meta').textContent`)).to.include('1 vote');
    await page.reload();
    await page.waitFor(
      `document.querySelector('#vote button')?.disabled && !document.querySelector('#vote form')`,
      'voted after a reload',
    );
    // Without the system share sheet the page keeps its plain links, and "Share…" stays hidden.
    expect(await page.eval(`document.querySelector('[data-share]').hidden`)).to.equal(true);
    expect(await page.eval(`[...document.querySelectorAll('.share-links a')].map((a) => a.textContent)`)).to.deep.equal(
      ['Email', 'X', 'Facebook', 'WhatsApp'],
    );
    expect(await overflowX(page)).to.be.at.most(0);
    expect(await overlappingControls(page)).to.deep.equal([]);
    expect(await controlsOffScreen(page)).to.deep.equal([]);
    await expectNoViolationsIn(page, 'document', 'the share page after a vote');
    expect((await page.log()).errors).to.deep.equal([]);

    const votes = await site.admin('GET', `/designs/${bo}`);
    expect(votes.body.votes).to.equal(1);
  });

  it('the gallery speaks five languages: its tables agree with English, and ?lang= picks one', async function () {
    this.timeout(60_000);
    const en = GALLERY_TABLES.en;
    const names = (m: string) => [...paramNames(parse(m))].sort().join(',');
    for (const [lang, table] of Object.entries(GALLERY_TABLES)) {
      expect(Object.keys(table).sort(), lang).to.deep.equal(Object.keys(en).sort());
      const wrong = Object.entries(table).filter(([k, m]) => !m.trim() || names(m) !== names(en[k as keyof typeof en]));
      expect(wrong, lang).to.deep.equal([]);
    }
    const site = sites[sites.length - 1];
    const page = track(await Page.isolated(`${site.origin}/gallery?lang=de`, PHONE));
    await page.waitFor(gallery('.card button.vote'), 'the German gallery');
    const said = await page.eval<string[]>(
      `[${[
        `${gallery('.gallery')}.lang`,
        `${gallery('button.sort')}.textContent.trim()`,
        `${gallery('.count')}.textContent`,
        `${gallery('.card button.vote')}.textContent.trim()`,
        `${gallery('.card details.share summary')}.textContent.trim()`,
      ].join(', ')}]`,
    );
    expect(said).to.deep.equal(['de', 'Neueste', '2 Designs', 'Abstimmen', 'Teilen']);
    // Each language's names still hold the words on the buttons (axe: label-content-name-mismatch), a vote given too.
    await page.clickOn(gallery('.card button.vote'));
    await page.waitFor(`${gallery('.card button.vote')}.getAttribute('aria-pressed') === 'true'`, 'a vote given');
    await expectNoViolationsIn(page, `document.querySelector('co-design-gallery')`, 'the gallery in German');
    for (const lang of ['es', 'it', 'nl']) {
      const other = track(await Page.isolated(`${site.origin}/gallery?lang=${lang}`, PHONE));
      await other.waitFor(
        `${gallery('.gallery')}?.lang === '${lang}' && ${gallery('.card button.vote')}`,
        `the gallery in ${lang}`,
      );
      await other.clickOn(gallery('.card button.vote'));
      await other.waitFor(`${gallery('.card button.vote')}.getAttribute('aria-pressed') === 'true'`, 'a vote given');
      await expectNoViolationsIn(other, `document.querySelector('co-design-gallery')`, `the gallery in ${lang}`);
    }
  });

  it('keeps offering "Vote" when the network cap refused the vote, and says why', async function () {
    this.timeout(60_000);
    const site = sites[sites.length - 1];
    const capped = await approved(site, 'Cy');
    // Five voters from this machine's one address (this page's requests are cross-site: no cookie, a new voter each).
    for (let i = 0; i < 5; i++)
      expect((await fetch(`${site.endpoint}/designs/${capped}/votes`, { method: 'POST' })).status).to.equal(201);
    const page = track(await Page.isolated(`${site.origin}/gallery`, PHONE));
    const card = (s: string) => gallery(`.card[data-id="${capped}"] ${s}`);
    // From the keyboard, as the whole loop's visitors vote: a click on a page just brought to the front is, now
    // and then, not taken at all.
    await page.waitFor(
      `(() => { const b = ${card('button.vote')}; if (!b) return false; b.focus(); return true; })()`,
      'the vote button',
    );
    await page.press('Enter');
    await page
      .waitFor(`${gallery('.status')}.textContent.includes('from your network')`, 'the cap said')
      .catch(async (error) => {
        throw new Error(
          `${error.message}; the gallery said ${JSON.stringify(await page.eval(`${gallery('.status')}.textContent`))}`,
        );
      });
    expect(await page.eval(`${card('button.vote')}.getAttribute('aria-pressed')`)).to.equal('false');
    expect(await page.eval(`${card('button.vote')}.textContent.trim()`)).to.equal('Vote');
  });
});
