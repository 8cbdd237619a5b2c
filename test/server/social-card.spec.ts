import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { admin, json, startServer, submission, uniqueId, type TestServer } from './support.ts';

const BACKGROUND = [0xf6, 0xf7, 0xf9];
const MAGENTA = [255, 0, 255];

/** A side-view preview (1600 × 700 → 1024 × 448): transparent but for a magenta stroke across its middle. */
async function designPreview(): Promise<string> {
  const canvas = createCanvas(1024, 448);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ff00ff';
  ctx.fillRect(412, 100, 200, 60);
  return (await canvas.encode('png')).toString('base64');
}

/** RGBA pixels of a PNG. */
async function pixels(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

const near = (a: ArrayLike<number>, b: number[], tolerance = 6) => b.every((v, i) => Math.abs(a[i] - v) <= tolerance);

describe('social cards (/d/:id/card.png)', () => {
  let server: TestServer;
  let id: string;
  before(async () => {
    server = await startServer();
    const png = await designPreview();
    const sent = submission({ previews: [{ view: 'side', png }, { view: 'top', png }], author: { name: 'Ann' } });
    const made = await server.call('/designs', json(sent, { 'idempotency-key': uniqueId('card-') }));
    assert.equal(made.status, 201);
    id = made.body.id;
  });
  after(() => server.close());

  it('is not there before the design is approved', async () => {
    assert.equal((await fetch(`${server.url}/d/${id}/card.png`)).status, 404);
  });

  it('is a 1200 × 630 PNG of the design over the product art, named by absolute og:image and twitter:image', async () => {
    assert.equal((await server.call(`/designs/${id}/approve`, admin({ method: 'POST' }))).status, 200);
    const page = await (await fetch(`${server.url}/d/${id}`)).text();
    const meta = (key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(page)?.[1];
    const card = `${server.url}/d/${id}/card.png`;
    assert.equal(meta('og:image'), card);
    assert.equal(meta('twitter:image'), card);
    assert.equal(meta('twitter:card'), 'summary_large_image');
    assert.equal(meta('og:image:width'), '1200');
    assert.equal(meta('og:image:height'), '630');

    const response = await fetch(card);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { width, height, data } = await pixels(bytes);
    assert.deepEqual([width, height], [1200, 630]);
    const at = (x: number, y: number) => data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4);

    // Where the preview went: the largest 1024:448 box inside the card's picture area (48 px margins, the 84 px footer below).
    const box = { width: 1104, height: 498 };
    const scale = Math.min(box.width / 1024, box.height / 448);
    const w = 1024 * scale;
    const h = 448 * scale;
    const x0 = 48 + (box.width - w) / 2;
    const y0 = 48 + (box.height - h) / 2;
    // The design's pixels: the magenta stroke, where the preview put it.
    assert.ok(near(at(Math.round(x0 + 512 * scale), Math.round(y0 + 130 * scale)), MAGENTA), 'the design over the product');

    // The product's pixels: the roadster's art, drawn into the same box, shows wherever the preview is clear.
    const art = await loadImage(readFileSync(new URL('../../templates/roadster/side-base.svg', import.meta.url)));
    const expected = createCanvas(1200, 630);
    const ectx = expected.getContext('2d');
    ectx.fillStyle = '#f6f7f9';
    ectx.fillRect(0, 0, 1200, 630);
    ectx.drawImage(art, x0, y0, w, h);
    const want = ectx.getImageData(0, 0, 1200, 630).data;
    let product = 0;
    let matching = 0;
    for (let y = Math.ceil(y0); y < y0 + h; y += 3) {
      for (let x = Math.ceil(x0); x < x0 + w; x += 3) {
        const i = (y * 1200 + x) * 4;
        const expectedPixel = [want[i], want[i + 1], want[i + 2]];
        if (near(expectedPixel, BACKGROUND, 10) || near(at(x, y), MAGENTA)) continue;
        product++;
        if (near(at(x, y), expectedPixel, 12)) matching++;
      }
    }
    assert.ok(product > 5000, `the art covers part of the card (${product} samples)`);
    assert.ok(matching / product > 0.95, `the card shows the product's art (${matching} of ${product} samples match)`);
  });

  it('stops with its design: a hidden design has no card any more', async () => {
    assert.equal((await fetch(`${server.url}/d/${id}/card.png`)).status, 200);
    assert.equal((await server.call(`/designs/${id}/hide`, admin({ method: 'POST' }))).status, 200);
    assert.equal((await fetch(`${server.url}/d/${id}/card.png`)).status, 404);
  });
});
