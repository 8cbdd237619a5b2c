import { expect } from '@open-wc/testing';
import { loadTemplate } from '../../src/template/load.ts';
import { geometry } from '../support/geometry.ts';
import { inShadow, Page, startSite, type Pt } from './support.ts';

// The customer's name is theirs to write: it travels the whole loop as hostile text.
const AUTHOR = `<img src=x onerror="window.pwned=1"> "Ann" & O'Neil`;

const studio = (selector: string) => inShadow('co-design-studio', selector);
const dashboard = (selector: string) => inShadow('co-design-dashboard', selector);
const gallery = (selector: string) => inShadow('co-design-gallery', selector);

describe('a campaign on one machine: studio → dashboard → gallery', () => {
  const opened: Page[] = [];
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  after(async () => {
    for (const page of opened) await page.close();
    await site?.stop();
  });
  const open = async (url: string) => {
    const page = await Page.open(url);
    opened.push(page);
    return page;
  };

  it('paints and submits in /, approves in /dashboard, shows and takes one vote per voter in /gallery', async function () {
    this.timeout(120_000);
    site = await startSite();

    // 1. The customer paints one stroke with the real mouse on the demo page.
    const home = await open(`${site.origin}/`);
    await home.waitFor(`document.getElementById('studio').editor?.manifest`, 'the studio with its template');
    await home.clickOn(studio('.toolbar [data-tool="pencil"]'));
    const canvas = await home.eval<{ left: number; top: number; vpt: number[] }>(
      `(() => { const c = document.getElementById('studio').editor.canvas; const r = c.upperCanvasEl.getBoundingClientRect(); return { left: r.left, top: r.top, vpt: [...c.viewportTransform] }; })()`,
    );
    const view = (await loadTemplate('/templates/roadster.json')).manifest.views[0];
    const [z, , , , tx, ty] = canvas.vpt;
    const onPage = ([x, y]: Pt): Pt => [Math.round(canvas.left + x * z + tx), Math.round(canvas.top + y * z + ty)];
    const p = geometry(view).centre(20);
    await home.drag([onPage(p), onPage([p[0] + 80, p[1] + 10]), onPage([p[0] + 160, p[1]])]);
    await home.waitFor(`document.getElementById('studio').getDesign().views.some((v) => v.layers.some((l) => l.marks?.length))`, 'the stroke in the design');

    // 2. Submit through the studio's own dialog: author, consent, send.
    await home.clickOn(studio('[data-action="submit"]'));
    // Every preview shown: the dialog's fields are enabled and its layout has settled, so the clicks land.
    const previews = `[...${studio('dialog.submit[open]')}?.querySelectorAll('.previews img') ?? []]`;
    await home.waitFor(`${previews}.length > 0 && ${previews}.every((i) => i.complete && i.naturalWidth > 0)`, 'the submit dialog with every preview shown');
    await home.fill(studio('dialog.submit input[name="author"]'), AUTHOR);
    await home.clickOn(studio('dialog.submit input[name="consent"]'));
    await home.waitFor(`${studio('dialog.submit input[name="consent"]')}.checked`, 'the consent box ticked');
    await home.clickOn(studio('dialog.submit [data-action="send"]'));
    await home.waitFor(`/Sent!/.test(document.getElementById('log').textContent)`, 'the demo page saying it was sent').catch(async (error) => {
      const seen = await home.eval(`[document.getElementById('log').textContent, ${studio('dialog.submit')}?.textContent]`);
      throw new Error(`${error.message}; the page showed ${JSON.stringify(seen)}`);
    });
    const [stored] = (await site.state()).designs;
    expect(stored.author).to.equal(AUTHOR);
    expect(stored.status).to.equal('pending');

    // 3. The campaign team signs in with the token and approves it, seeing its preview fetched with the token.
    const team = await open(`${site.origin}/dashboard`);
    await team.fill(dashboard('input[name="token"]'), site.adminToken);
    await team.clickOn(dashboard('.sign-in button[type="submit"]'));
    const previewSrc = await team.waitFor<string>(`${dashboard(`.design[data-id="${stored.id}"] .previews img`)}?.src`, 'the pending design’s preview');
    expect(previewSrc).to.match(/^blob:/);
    expect(await team.eval(`${dashboard(`.design[data-id="${stored.id}"] .author`)}.textContent`)).to.equal(AUTHOR);
    expect(await team.eval(`sessionStorage.getItem('co-design-dashboard-token')`)).to.equal(site.adminToken);
    await team.clickOn(dashboard(`.design[data-id="${stored.id}"] button[data-action="approve"]`));
    await team.waitFor(`${dashboard('.status')}.textContent.includes('approved')`, 'the approval announced');
    expect((await site.state()).designs[0].status).to.equal('approved');

    // 4. In the gallery: the preview, the author as text, one vote that counts and one that does not.
    const visitor = await open(`${site.origin}/gallery`);
    const card = (s: string) => gallery(`.card[data-id="${stored.id}"] ${s}`);
    await visitor.waitFor(`${card('img')}?.complete && ${card('img')}.naturalWidth > 0`, 'the design’s preview in the gallery');
    expect(await visitor.eval(`${card('.author')}.textContent`)).to.equal(AUTHOR);
    expect(await visitor.eval(`${card('.votes')}.textContent`)).to.equal('0 votes');
    await visitor.clickOn(card('button.vote'));
    await visitor.waitFor(`${gallery('.status')}.textContent.includes('counted')`, 'the first vote counted');
    expect(await visitor.eval(`${card('.votes')}.textContent`)).to.equal('1 vote');
    expect(await visitor.eval(`${card('button.vote')}.getAttribute('aria-pressed')`)).to.equal('true');

    await visitor.clickOn(card('button.vote'));
    await visitor.waitFor(`${gallery('.status')}.textContent.includes('did not count')`, 'the second vote refused');
    expect(await visitor.eval(`${card('.votes')}.textContent`)).to.equal('1 vote');
    // After a reload the voter is still known (its cookie): the vote is shown as given, and a press stays one vote.
    await visitor.reload();
    await visitor.waitFor(`${card('button.vote')}?.getAttribute('aria-pressed') === 'true'`, 'the vote shown as given after a reload');
    expect(await visitor.eval(`${card('button.vote')}.textContent.trim()`)).to.equal('Voted ✓');
    await visitor.clickOn(card('button.vote'));
    await visitor.waitFor(`${gallery('.status')}.textContent.includes('did not count')`, 'the vote after a reload refused');
    const detail = await visitor.eval<{ votes: number }>(`fetch('/api/designs/${stored.id}').then((r) => r.json())`);
    expect(detail.votes).to.equal(1);

    // Nothing the author wrote ran anywhere.
    for (const page of [home, team, visitor]) expect(await page.eval('window.pwned ?? null')).to.equal(null);

    // 5. Its share page shows the preview under the page's CSP.
    const share = await open(`${site.origin}/d/${stored.id}`);
    await share.waitFor(`document.querySelector('main img')?.complete && document.querySelector('main img').naturalWidth > 0`, 'the share page’s image');
    expect(await share.eval(`document.querySelector('meta[property="og:title"]').content`)).to.equal(`${AUTHOR}'s design — co-design-studio`);
  });
});
