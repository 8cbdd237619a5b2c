import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Canvas, Image } from '@napi-rs/canvas';
import { useSkia } from '../../src/print/skia.ts';
import { drawVectorSvg, parseVectorSvg } from '../../src/print/svg-vector.ts';

const templates = new URL('../../templates/', import.meta.url);
/** Every sticker and locked element the shipped templates have. */
const art = ['roadster', 'skate-deck', 'sneaker'].flatMap((id) => {
  const manifest = JSON.parse(readFileSync(new URL(`${id}.json`, templates), 'utf8')) as {
    stickers?: { src: string }[];
    views: { locked?: { src: string }[] }[];
  };
  return [...(manifest.stickers ?? []), ...manifest.views.flatMap((v) => v.locked ?? [])].map((a) => a.src);
});

/** Pixels of the art drawn into 3 × its size: by our paths, or by Skia's own SVG renderer (as the browser would). */
function drawn(src: string, how: 'paths' | 'skia'): { data: Uint8ClampedArray; width: number } {
  const text = readFileSync(new URL(src, templates), 'utf8');
  const image = new Image();
  image.src = Buffer.from(text);
  const [w, h] = [image.width * 3, image.height * 3];
  const canvas = new Canvas(w, h);
  const ctx = canvas.getContext('2d') as unknown as CanvasRenderingContext2D;
  if (how === 'skia') ctx.drawImage(image as unknown as HTMLImageElement, 0, 0, w, h);
  else drawVectorSvg(ctx, parseVectorSvg(text)!, { x: 0, y: 0, width: w, height: h });
  return { data: ctx.getImageData(0, 0, w, h).data, width: w };
}

describe('SVG art as paths', () => {
  it('draws every sticker and badge the templates ship as paths, as Skia’s SVG renderer draws them', () => {
    useSkia();
    assert.ok(art.length >= 15, `${art.length} pieces of art`);
    for (const src of new Set(art)) {
      assert.ok(parseVectorSvg(readFileSync(new URL(src, templates), 'utf8')), `${src} is in the subset`);
      const [a, b] = [drawn(src, 'paths'), drawn(src, 'skia')];
      let [sum, far] = [0, 0];
      for (let i = 0; i < a.data.length; i += 4) {
        const d = Math.max(...[0, 1, 2, 3].map((c) => Math.abs(a.data[i + c] - b.data[i + c])));
        sum += d;
        if (d > 64) far++;
      }
      const pixels = a.data.length / 4;
      // Antialiased edges differ a little between the two renderers; a wrong transform or a lost shape by far.
      assert.ok(
        sum / pixels < 3 && far / pixels < 0.01,
        `${src}: mean ${(sum / pixels).toFixed(2)}, far ${((far / pixels) * 100).toFixed(2)} %`,
      );
    }
  });

  it('leaves what is outside the subset to be drawn as an image', () => {
    const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${body}</svg>`;
    assert.ok(parseVectorSvg(svg('<rect width="5" height="5" fill="#f00"/>')));
    for (const outside of [
      '<text x="1" y="5">Hi</text>',
      '<rect width="5" height="5" style="fill:red"/>',
      '<defs><linearGradient id="g"/></defs><rect width="5" height="5" fill="url(#g)"/>',
      '<use href="#a"/>',
      '<g opacity="0.5"><rect width="5" height="5"/></g>',
      '<rect width="5" height="5" clip-path="url(#missing)"/>',
      '<image href="data:image/png;base64,AAAA" width="5" height="5"/>',
    ])
      assert.equal(parseVectorSvg(svg(outside)), undefined, outside);
    assert.equal(parseVectorSvg('<svg xmlns="http://www.w3.org/2000/svg" width="50%" height="10"/>'), undefined);
  });
});
