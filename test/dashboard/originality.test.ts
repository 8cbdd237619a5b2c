import { expect } from '@open-wc/testing';
import { createDocument } from '../../src/document/create.ts';
import { newId } from '../../src/document/ids.ts';
import { encodePoints } from '../../src/document/points.ts';
import type { DesignDocument, Layer, Stroke } from '../../src/document/types.ts';
import { bytesToBase64 } from '../../src/security/data-url.ts';
import type { ApiServer } from '../server/client.ts';
import { expectNoViolationsIn } from '../campaign/support.ts';
import { inShadow, Page, startSite } from '../pages/support.ts';

async function pngBase64(width: number, height: number): Promise<string> {
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')!.fillRect(0, 0, width, height);
  return bytesToBase64(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer()));
}

/** A three-point stroke from (x, y) quanta, in design units. */
const corner = (x: number, y: number) => [[x, y], [x + 5, y + 5], [x + 10, y + 3]].map(([px, py]) => ({ x: px / 4, y: py / 4 }));

function strokes(n: number): Layer {
  const marks: Stroke[] = Array.from({ length: n }, (_, i) => ({
    type: 'stroke',
    tool: 'marker',
    color: '#aa2233',
    size: 8,
    opacity: 1,
    pts: encodePoints(corner(200 + (i % 100) * 12, 300 + Math.floor(i / 100) * 40)),
  }));
  return { id: newId(), name: 'Paint', visible: true, locked: false, kind: 'paint', marks };
}

/** A roadster design: an upload over the whole side view and/or strokes on it. */
async function design(upload: boolean, painted: number): Promise<DesignDocument> {
  const doc = createDocument({ id: 'roadster', version: '1', viewIds: ['side', 'top'] });
  const side = doc.views[0]!.layers;
  if (upload) {
    const src = `data:image/png;base64,${await pngBase64(32, 14)}`;
    const image = {
      type: 'image',
      x: 800,
      y: 350,
      scaleX: 50,
      scaleY: 50,
      angle: 0,
      src,
      width: 32,
      height: 14,
    } as const;
    side.push({ id: newId(), name: 'photo.png', visible: true, locked: false, kind: 'object', object: image });
  }
  side.push(strokes(painted));
  return doc;
}

async function submit(api: ApiServer, author: string, doc: DesignDocument): Promise<string> {
  const png = await pngBase64(64, 28);
  const body = {
    format: 'co-design-submission',
    version: 1,
    draft: newId(),
    design: doc,
    previews: doc.views.map((v) => ({ view: v.view, png })),
    author: { name: author },
    consent: { termsVersion: '1', licence: 'Licence', acceptedAt: new Date().toISOString() },
  };
  const res = await fetch(`${api.endpoint}/designs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `originality-${newId()}` },
    body: JSON.stringify(body),
  });
  expect(res.status).to.equal(201);
  return (await res.json()).id;
}

const board = (selector: string) => inShadow('co-design-dashboard', selector);
const text = (expr: string) => `(${expr})?.textContent?.replace(/\\s+/g, ' ').trim()`;
const inItem = (id: string, selector: string) => board(`.design[data-id="${id}"] ${selector}`);

/**
 * The demo's /dashboard (built into dist/), on the reference server's own origin as the admin token needs,
 * signed in with the real keyboard and mouse.
 */
describe('<co-design-dashboard> originality', () => {
  let page: Page | undefined;
  let site: (ApiServer & { origin: string }) | undefined;
  after(async () => {
    await page?.close();
    await site?.stop();
  });

  it('flags the design made of one big upload, not the one painted by hand, in the page’s language', async function () {
    this.timeout(60_000);
    site = await startSite();
    const uploaded = await submit(site, 'Uma', await design(true, 3));
    const painted = await submit(site, 'Pia', await design(false, 120));

    page = await Page.open(`${site.origin}/dashboard`);
    await page.fill(board('input[name="token"]'), site.adminToken);
    await page.clickOn(board('.sign-in button[type="submit"]'));
    await page.waitFor(inItem(painted, '.originality'), 'the painted design with its figures');

    expect(await page.eval(text(inItem(painted, '.strokes')))).to.equal('120 strokes');
    expect(await page.eval(text(inItem(painted, '.uploads')))).to.equal('No uploads');
    expect(await page.eval(text(inItem(painted, '.time')))).to.equal('No time on task');
    expect(await page.eval(`!!${inItem(painted, '.badge')}`)).to.equal(false);

    expect(await page.eval(text(inItem(uploaded, '.badge')))).to.equal('Mostly one uploaded image');
    expect(await page.eval(text(inItem(uploaded, '.why')))).to.match(
      /^One upload covers 100% of a view with only 3 strokes/,
    );
    expect(await page.eval(text(inItem(uploaded, '.strokes')))).to.equal('3 strokes');
    expect(await page.eval(text(inItem(uploaded, '.uploads')))).to.match(/^1 upload covers \d+% of the areas$/);
    expect(await page.eval(`${board(`.design[data-id="${uploaded}"]`)}.classList.contains('flagged')`)).to.equal(true);
    await expectNoViolationsIn(page, `document.querySelector('co-design-dashboard')`, 'a flagged design in the queue');

    // The same page in German: the dashboard reads the language when it is put on the page (and signs in again
    // with the token this tab kept).
    await page.eval(`(() => {
      const board = document.querySelector('co-design-dashboard');
      document.documentElement.lang = 'de';
      board.remove();
      document.body.append(board);
    })()`);
    await page.waitFor(
      `${text(inItem(uploaded, '.badge'))} === 'Überwiegend ein hochgeladenes Bild'`,
      'the flag in German',
    );
    expect(await page.eval(text(inItem(uploaded, '.strokes')))).to.equal('3 Striche');
    expect(await page.eval(`${inItem(uploaded, '.originality')}.getAttribute('lang')`)).to.equal('de');
  });
});
