import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { createApp } from '../../server/app.ts';
import { decodePoints } from '../../src/document/points.ts';
import type { Stroke } from '../../src/document/types.ts';
import { DEMO_CAMPAIGN, SAMPLES, seedDemo } from '../../server/demo/seed.ts';
import { ADMIN } from './support.ts';

/** RGBA pixels of a PNG, or of the roadster's side art (base, then overlay) drawn at a size. */
async function pixels(png: Buffer | string[], width?: number, height?: number) {
  const images = await Promise.all((Array.isArray(png) ? png.map((f) => readFileSync(f)) : [png]).map((b) => loadImage(b)));
  const w = width ?? images[0].width;
  const h = height ?? images[0].height;
  const ctx = createCanvas(w, h).getContext('2d');
  for (const image of images) ctx.drawImage(image, 0, 0, w, h);
  const data = ctx.getImageData(0, 0, w, h).data;
  return { width: w, height: h, at: (x: number, y: number) => [...data.subarray((y * w + x) * 4, (y * w + x) * 4 + 4)] };
}

const near = (a: number[], b: number[], tolerance: number) => b.every((v, i) => Math.abs(a[i] - v) <= tolerance);
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('the demo seed (npm start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cds-seed-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('makes one campaign open for entries with five approved drawn entries, and only once across restarts', async () => {
    let app = await createApp({ adminToken: ADMIN, dataDir: dir, serveStatic: false, rateLimit: false, demoParticipants: true });
    const id = await seedDemo(app, ADMIN);
    const campaign = (await app.inject({ url: `/api/campaigns/${id}` })).json();
    assert.equal(campaign.name, DEMO_CAMPAIGN);
    assert.equal(campaign.phase, 'entries');
    assert.equal(campaign.template, 'roadster');
    const gallery = (await app.inject({ url: `/api/designs?campaign=${id}&perPage=48` })).json();
    assert.deepEqual(gallery.items.map((d: { author: string }) => d.author).sort(), ['Jonas', 'Lucía R.', 'Mara K.', 'Sanne', 'Tom B.']);
    const design = (await app.inject({ url: `/api/designs/${gallery.items[0].id}` })).json();
    const marks = design.design.views.map((v: { layers: { marks: unknown[] }[] }) => v.layers[0].marks.length);
    assert.deepEqual(marks, [4, 4]);
    // The stored strokes lie where the preview shows them, across the side's body (x 140–1500, y 390–540): the
    // document, not only the picture, is what the studio, the replay and print files open.
    const side = design.design.views[0].layers[0].marks.flatMap((m: Stroke) => [...decodePoints(m.pts)]);
    const xs = side.filter((_: number, i: number) => i % 2 === 0);
    const ys = side.filter((_: number, i: number) => i % 2 === 1);
    assert.deepEqual([Math.min(...xs), Math.max(...xs)], [140, 1500]);
    assert.ok(Math.min(...ys) >= 330 && Math.max(...ys) <= 600, `${Math.min(...ys)}–${Math.max(...ys)}`);
    const png = (await app.inject({ url: `/api/designs/${gallery.items[0].id}/preview/side.png` })).rawPayload;
    const seen = await pixels(png);
    assert.deepEqual([seen.width, seen.height], [800, 350]);
    // The product behind the strokes: where the art is (wheels, glass, body outside the strokes) the preview is the art.
    const art = ['side-base.svg', 'side-overlay.svg'].map((f) => new URL(`../../templates/roadster/${f}`, import.meta.url).pathname);
    const product = await pixels(art, 800, 350);
    let covered = 0;
    let same = 0;
    const found = new Set<string>();
    const colours = SAMPLES.find((s) => s.name === gallery.items[0].author)!.colours;
    for (let y = 0; y < 350; y += 3) {
      for (let x = 0; x < 800; x += 3) {
        const p = seen.at(x, y);
        for (const c of colours) if (p[3] > 200 && near(p, rgb(c), 40)) found.add(c);
        if (product.at(x, y)[3] < 250) continue;
        covered++;
        if (near(p, product.at(x, y), 8)) same++;
      }
    }
    assert.ok(covered > 3000, `the art covers the view (${covered} samples)`);
    assert.ok(same / covered > 0.6, `the preview shows the product where no stroke is (${same} of ${covered})`);
    assert.deepEqual([...found].sort(), [...colours].sort(), 'both of the sample’s colours show');
    await app.close();

    // A restart over the same data: the same campaign, no second batch.
    app = await createApp({ adminToken: ADMIN, dataDir: dir, serveStatic: false, rateLimit: false, demoParticipants: true });
    assert.equal(await seedDemo(app, ADMIN), id);
    assert.equal((await app.inject({ url: '/api/campaigns' })).json().items.length, 1);
    assert.equal((await app.inject({ url: `/api/designs?campaign=${id}` })).json().total, 5);
    await app.close();
  });
});
