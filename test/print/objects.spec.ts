import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Canvas } from '@napi-rs/canvas';
import { StudioError } from '../../src/errors.ts';
import { renderPrintPdf } from '../../src/print/index.ts';
import { design, objectLayer, paint, readTemplateAsset, shippedTemplate, stroke, text } from './designs.ts';
import { listFonts, listImages, renderPage, type Raster } from './poppler.ts';

const deck = shippedTemplate('skate-deck');
const roadster = shippedTemplate('roadster');
const readAsset = readTemplateAsset;

/** Page pixels of a point in design units, for a view `widthMm` wide over `units`, with `bleedMm`, at `dpi`. */
const toPixel = (widthMm: number, units: number, bleedMm: number, dpi: number) => (x: number, y: number) =>
  [x, y].map((u) => ((bleedMm + (u * widthMm) / units) / 25.4) * dpi) as [number, number];
const deckPixel = toPixel(864.7, 1600, 3.2, 30);
const DPI = 30;

/** Where a page holds a colour near `rgb` (each channel within 60): the pixels' mean position and x range. */
function ink(page: Raster, match: (r: number, g: number, b: number) => boolean, within?: [number, number]) {
  let [n, sx, sy, minX, maxX] = [0, 0, 0, Infinity, -Infinity];
  for (let y = 0; y < page.height; y++)
    for (let x = within?.[0] ?? 0; x < (within?.[1] ?? page.width); x++) {
      const c = page.at(x, y);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
      if (!match(r, g, b)) continue;
      [n, sx, sy, minX, maxX] = [n + 1, sx + x, sy + y, Math.min(minX, x), Math.max(maxX, x)];
    }
  return { n, x: sx / n, y: sy / n, minX, maxX };
}
const red = (r: number, g: number, b: number) => r > 150 && g < 90 && b < 90;

describe('print PDF: text, images, stickers, locked elements', () => {
  it('sets text in the template fonts, embedded and subset: with strokes and shapes, no image at all', async () => {
    const star = {
      type: 'shape',
      shape: 'star',
      x: 1300,
      y: 240,
      scaleX: 1,
      scaleY: 1,
      angle: 0,
      width: 120,
      height: 120,
      fill: '#ffcc00',
      stroke: '#000000',
      strokeWidth: 4,
      sides: 5,
    } as const;
    const layers = [
      paint('pencil', [
        stroke('pencil', '#000000', 8, [
          [200, 100],
          [1400, 120],
        ]),
      ]),
      objectLayer('star', star),
      objectLayer('loud', text('KERB', 'Anton', 800, 200, { size: 120 })),
      objectLayer('mono', text('Łódź 700', 'Roboto Mono', 800, 360, { size: 40, bold: true, color: '#2040c0' })),
    ];
    const { pdf, report } = await renderPrintPdf(design(deck, 'top', layers), deck, { readAsset });
    assert.deepEqual(report.views[0].skippedLayers, []);
    assert.deepEqual(report.views[0].rasterLayers, []);
    assert.deepEqual(
      listImages(pdf).filter((i) => i.page === 1),
      [],
      'no stroke, shape or text became an image',
    );
    const fonts = listFonts(pdf);
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    assert.ok(names.includes('Anton-Regular'), names.join());
    // Ł is in the font's latin-ext file, ó and d in its latin one: both are embedded, subset.
    assert.equal(names.filter((n) => n === 'RobotoMono-Bold').length, 2, names.join());
    assert.ok(
      fonts.every((f) => f.embedded && f.subset),
      JSON.stringify(fonts),
    );
    const page = renderPage(pdf, 1, DPI);
    const loud = ink(page, red);
    const [cx, cy] = deckPixel(800, 200);
    assert.ok(loud.n > 100, 'the red text is drawn');
    // Capitals sit a little above the centre of fabric's line box, which keeps room below for descenders.
    assert.ok(Math.abs(loud.x - cx) < 5 && loud.y < cy && loud.y > cy - 15, `at ${loud.x}, ${loud.y}: ${cx}, ${cy}`);
  });

  it('bends text along an arc as the studio does: up arches, down sags', async () => {
    const middleMinusEnds = async (bend: number) => {
      const arched = objectLayer('arc', text('ARCHED OVER THE DECK', 'Anton', 800, 240, { curve: { bend } }));
      const { pdf } = await renderPrintPdf(design(deck, 'top', [arched]), deck, { readAsset });
      const page = renderPage(pdf, 1, DPI);
      const all = ink(page, red);
      const third = (all.maxX - all.minX) / 3;
      const left = ink(page, red, [all.minX, Math.round(all.minX + third)]);
      const middle = ink(page, red, [Math.round(all.minX + third), Math.round(all.maxX - third)]);
      return left.y - middle.y;
    };
    assert.ok((await middleMinusEnds(60)) > 5, 'a bend up puts the middle above the ends');
    assert.ok((await middleMinusEnds(-60)) < -5, 'a bend down puts the middle below the ends');
  });

  it("sets text along the template's path (the roadster's sill)", async () => {
    const onSill = objectLayer('sill', text('ALONG THE SILL', 'Inter', 0, 0, { size: 30, curve: { path: 'sill' } }));
    const { pdf } = await renderPrintPdf(design(roadster, 'side', [onSill]), roadster, { readAsset });
    const page = renderPage(pdf, 1, 10);
    const pixel = toPixel(4890, 1600, 25, 10);
    const found = ink(page, red);
    // The sill runs from (515, 522) to (1092, 520), about 530 in its middle: the text is centred on it.
    const [mx, my] = pixel(803, 527);
    assert.ok(found.n > 50, 'the text is drawn');
    assert.ok(Math.abs(found.x - mx) < 15 && Math.abs(found.y - my) < 10, `at ${found.x}, ${found.y}: ${mx}, ${my}`);
  });

  it('embeds an uploaded image at its stored pixels, a sticker and the locked badge from readAsset', async () => {
    // 40 × 20 px: its top-left quarter blue, the rest green.
    const canvas = new Canvas(40, 20);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#00aa00';
    ctx.fillRect(0, 0, 40, 20);
    ctx.fillStyle = '#0000ff';
    ctx.fillRect(0, 0, 20, 10);
    const src = `data:image/png;base64,${canvas.toBuffer('image/png').toString('base64')}`;
    const photo = {
      type: 'image',
      src,
      width: 200,
      height: 100,
      x: 500,
      y: 240,
      scaleX: 1,
      scaleY: 1,
      angle: 0,
    } as const;
    const sticker = {
      type: 'sticker',
      sticker: 'star',
      width: 200,
      height: 200,
      x: 1100,
      y: 240,
      scaleX: 1,
      scaleY: 1,
      angle: 0,
    } as const;
    const layers = [objectLayer('photo', photo), objectLayer('star', sticker)];
    const { pdf, report } = await renderPrintPdf(design(deck, 'top', layers), deck, { readAsset });

    // The photo is the only image: the sticker and the badge are paths.
    const images = listImages(pdf).filter((i) => i.type === 'image');
    assert.deepEqual(
      images.map((i) => [i.page, i.width]),
      [[1, 40]],
      `the photo at its 40 px, nothing else: ${JSON.stringify(images)}`,
    );
    const page = renderPage(pdf, 1, DPI);
    assert.equal(page.at(...deckPixel(450, 215)), '#0000ff', 'the photo’s top-left quarter');
    assert.equal(page.at(...deckPixel(550, 265)), '#00aa00', 'the rest of the photo');
    assert.notEqual(page.at(...deckPixel(1100, 240)), '#ffffff', 'the sticker');
    assert.deepEqual(report.views[0].rasterLayers, []);

    // The bottom view's brand badge (at 1310, 196, 104 × 44 units), drawn from its art; without readAsset it is listed as left out.
    assert.deepEqual(report.views[1].rasterLocked, []);
    const bottom = renderPage(pdf, 2, DPI);
    assert.notEqual(bottom.at(...deckPixel(1362, 218)), '#ffffff', 'the badge');
    const bare = await renderPrintPdf(design(deck, 'top', []), deck);
    assert.deepEqual(bare.report.views[1].skippedLocked, [
      { id: 'badge', name: 'Kerb Skate Co. badge', reason: 'no readAsset to read its art' },
    ]);
  });

  it('draws an SVG outside the vector subset as an image at the raster dpi, and says so', async () => {
    // A `style` attribute is outside what svg-vector.ts draws as paths.
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" style="fill:#ff00ff"/></svg>';
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const art = {
      type: 'image',
      src,
      width: 100,
      height: 100,
      x: 800,
      y: 240,
      scaleX: 2,
      scaleY: 1,
      angle: 0,
    } as const;
    const { pdf, report } = await renderPrintPdf(design(deck, 'top', [objectLayer('art', art)]), deck);
    const [entry] = report.views[0].rasterLayers;
    assert.equal(entry.layer, 'art');
    assert.equal(entry.dpi, 150);
    // 200 × 100 units of 864.7 / 1600 mm, at 150 dpi.
    assert.equal(entry.widthPx, Math.ceil(((200 * 864.7) / 1600 / 25.4) * 150));
    // An image reaches the page through Skia's sRGB profile: a level off here and there.
    const [r, g, b] = [1, 3, 5].map((i) =>
      parseInt(
        renderPage(pdf, 1, DPI)
          .at(...deckPixel(800, 240))
          .slice(i, i + 2),
        16,
      ),
    );
    assert.ok(r >= 250 && g <= 5 && b >= 250, `magenta: ${r}, ${g}, ${b}`);
  });

  it('refuses art that is not an image, naming the file', async () => {
    const sticker = {
      type: 'sticker',
      sticker: 'star',
      width: 200,
      height: 200,
      x: 1100,
      y: 240,
      scaleX: 1,
      scaleY: 1,
      angle: 0,
    } as const;
    const garbage = async () => new TextEncoder().encode('not a picture');
    await assert.rejects(
      renderPrintPdf(design(deck, 'top', [objectLayer('star', sticker)]), deck, { readAsset: garbage }),
      /sticker "star" \(skate-deck\/stickers\/star\.svg\) could not be decoded/,
    );
  });

  it('draws jobs that run at once in one process as it draws them alone (they interleave between layers)', async () => {
    const sprayed = design(deck, 'top', [
      paint('p', [
        { type: 'fill', area: 'deck', color: '#2040c0' },
        {
          type: 'stroke',
          tool: 'spray',
          color: '#00aa00',
          size: 40,
          opacity: 1,
          pts: [1600, 960, 40, 0],
          seed: 5,
          density: 20,
          style: 2,
        },
        stroke('eraser', '#000000', 60, [
          [1000, 240],
          [1200, 240],
        ]),
      ]),
    ]);
    const lettered = design(deck, 'top', [
      objectLayer('t', text('KERB', 'Anton', 800, 240, { size: 120, curve: { bend: 30 } })),
    ]);
    const pixels = (pdf: Uint8Array) => {
      const page = renderPage(pdf, 1, 20);
      const out: string[] = [];
      for (let y = 0; y < page.height; y += 2) for (let x = 0; x < page.width; x += 2) out.push(page.at(x, y));
      return out.join('');
    };
    const alone = [
      pixels((await renderPrintPdf(sprayed, deck, { readAsset })).pdf),
      pixels((await renderPrintPdf(lettered, deck, { readAsset })).pdf),
    ];
    const together = await Promise.all([sprayed, lettered, sprayed].map((d) => renderPrintPdf(d, deck, { readAsset })));
    assert.deepEqual(
      together.map((r) => pixels(r.pdf) === alone[r === together[1] ? 1 : 0]),
      [true, true, true],
    );
  });

  it('refuses text whose font cannot be read and a sticker without readAsset, naming what is missing', async () => {
    const loud = objectLayer('loud', text('KERB', 'Anton', 800, 200));
    const missing = async () => {
      throw new Error('ENOENT');
    };
    await assert.rejects(renderPrintPdf(design(deck, 'top', [loud]), deck, { readAsset: missing }), (e: unknown) => {
      assert.ok(e instanceof StudioError);
      assert.equal(e.code, 'font-unavailable');
      assert.match(e.message, /Loud|Anton/);
      assert.match(e.message, /anton-latin-400-normal\.woff2/);
      return true;
    });
    const sticker = {
      type: 'sticker',
      sticker: 'star',
      width: 200,
      height: 200,
      x: 1100,
      y: 240,
      scaleX: 1,
      scaleY: 1,
      angle: 0,
    } as const;
    await assert.rejects(
      renderPrintPdf(design(deck, 'top', [objectLayer('star', sticker)]), deck),
      /sticker "star" needs the template's files: pass readAsset/,
    );
  });
});
