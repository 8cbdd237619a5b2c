import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadImage, Canvas } from '@napi-rs/canvas';
import { StudioError } from '../../src/errors.ts';
import { renderPrintPdf, renderPrintRaster } from '../../src/print/index.ts';
import { design, objectLayer, paint, readTemplateAsset, shippedTemplate, stroke, text } from './designs.ts';

const deck = shippedTemplate('skate-deck');
const MM_PER_UNIT = 864.7 / 1600;

/** The whole PNG, read back, and its RGBA pixels. */
async function collect(png: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; pixels: ImageData }> {
  const parts: Uint8Array[] = [];
  for await (const part of png) parts.push(part);
  const bytes = Buffer.concat(parts);
  const image = await loadImage(bytes);
  const canvas = new Canvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { bytes, pixels: ctx.getImageData(0, 0, image.width, image.height) as unknown as ImageData };
}

const hex = (p: ImageData, x: number, y: number) => {
  const i = (Math.round(y) * p.width + Math.round(x)) * 4;
  return `#${[0, 1, 2].map((c) => p.data[i + c].toString(16).padStart(2, '0')).join('')}`;
};

const layers = [
  paint('base', [
    { type: 'fill', area: 'deck', color: '#2040c0' },
    stroke('pencil', '#ff0000', 30, [
      [300, 240],
      [1300, 240],
    ]),
  ]),
  paint('sprayed', [
    stroke('pencil', '#ffff00', 40, [
      [300, 380],
      [1300, 380],
    ]),
    {
      type: 'stroke',
      tool: 'spray',
      color: '#00aa00',
      size: 40,
      opacity: 1,
      pts: [1600, 600, 40, 0],
      seed: 5,
      density: 20,
      style: 2,
      drips: true,
    },
    stroke('eraser', '#000000', 60, [
      [1000, 380],
      [1200, 380],
    ]),
  ]),
];

describe('print raster', () => {
  it('writes a PNG of the printed panels at the dpi, strip by strip, the same as in one piece', async () => {
    const doc = design(deck, 'top', layers);
    const one = await renderPrintRaster(doc, deck, { view: 'top', dpi: 150, format: 'png', stripPixels: 100_000_000 });
    const many = await renderPrintRaster(doc, deck, { view: 'top', dpi: 150, format: 'png', stripPixels: 300_000 });
    // The deck (1600 × 480 units, 864.7 mm wide) is drawn from (48, 54) to (1552, 426), grown by the 3.2 mm bleed.
    const grown = 3.2 / MM_PER_UNIT;
    const px = (units: number) => Math.ceil(((units * MM_PER_UNIT) / 25.4) * 150);
    assert.equal(one.width, px(1504 + 2 * grown));
    assert.equal(one.height, px(372 + 2 * grown));
    assert.deepEqual([many.width, many.height], [one.width, one.height]);

    const [a, b] = [await collect(one.png), await collect(many.png)];
    assert.equal(a.bytes.readUInt32BE(16), one.width, 'IHDR width');
    assert.equal(a.bytes.readUInt32BE(20), one.height, 'IHDR height');
    // Skia antialiases the panels' curved edge a little differently when the clip is cut into other strips (a
    // pixel here and there along the deck's rounded ends, 0.1 % of the image); a stroke or drip a strip left out
    // would differ over thousands of pixels together.
    let differ = 0;
    for (let i = 0; i < a.pixels.data.length; i += 4)
      if ([0, 1, 2].some((c) => a.pixels.data[i + c] !== b.pixels.data[i + c])) differ++;
    assert.ok(differ <= 0.002 * one.width * one.height, `${differ} pixels differ between strips and one piece`);

    // Design units to the image's pixels: the image starts at the grown deck's top-left corner.
    const at = (x: number, y: number) =>
      [(x - 48 + grown) * MM_PER_UNIT, (y - 54 + grown) * MM_PER_UNIT].map((mm) => (mm / 25.4) * 150) as [
        number,
        number,
      ];
    assert.equal(hex(a.pixels, ...at(800, 240)), '#ff0000', 'the pencil stroke');
    assert.equal(hex(a.pixels, ...at(800, 380)), '#ffff00', 'the upper layer’s stroke');
    assert.equal(hex(a.pixels, ...at(1100, 380)), '#2040c0', 'the eraser shows the layer below');
    assert.notEqual(hex(a.pixels, ...at(400, 150)), '#2040c0', 'the spray');
    assert.equal(hex(a.pixels, 2, 2), '#ffffff', 'past the deck’s rounded corner: white');
  });

  it('holds what the PDF page prints: text, a sticker, the locked badge, paint (poppler reads the PDF)', async () => {
    const star = {
      type: 'sticker',
      sticker: 'star',
      width: 160,
      height: 160,
      x: 1000,
      y: 240,
      scaleX: 1,
      scaleY: 1,
      angle: 20,
    } as const;
    const doc = design(deck, 'bottom', [
      ...layers,
      objectLayer('name', text('KERB', 'Anton', 600, 240, { size: 110, color: '#ffffff', curve: { bend: 25 } })),
      objectLayer('star', star),
    ]);
    const dpi = 50;
    const raster = await renderPrintRaster(doc, deck, {
      view: 'bottom',
      dpi,
      format: 'png',
      readAsset: readTemplateAsset,
    });
    const { pixels } = await collect(raster.png);
    const { pdf } = await renderPrintPdf(doc, deck, { readAsset: readTemplateAsset, cutContour: false });
    const dir = mkdtempSync(join(tmpdir(), 'print-raster-'));
    let page: ImageData;
    try {
      writeFileSync(join(dir, 'print.pdf'), pdf);
      const [x, y] = [raster.offsetMm.x, raster.offsetMm.y].map((mm) => String(Math.round((mm / 25.4) * dpi)));
      const crop = ['-x', x, '-y', y, '-W', String(raster.width), '-H', String(raster.height)];
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        String(dpi),
        '-f',
        '2',
        '-l',
        '2',
        ...crop,
        '-singlefile',
        join(dir, 'print.pdf'),
        join(dir, 'p'),
      ]);
      const image = await loadImage(readFileSync(join(dir, 'p.png')));
      const canvas = new Canvas(raster.width, raster.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(image, 0, 0);
      page = ctx.getImageData(0, 0, raster.width, raster.height) as unknown as ImageData;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Two rasterisers (Skia for the PNG, poppler for the PDF) and a crop up to half a pixel off: edges differ. Here
    // 2.0 levels and 1.6 %; the PDF drawn 3 units to the right (printTestHooks) measured 4.0 levels and 3.1 %.
    let [sum, far, painted] = [0, 0, 0];
    for (let i = 0; i < pixels.data.length; i += 4) {
      const d = [0, 1, 2].map((c) => Math.abs(pixels.data[i + c] - page.data[i + c]));
      if ([0, 1, 2].every((c) => pixels.data[i + c] === 255 && page.data[i + c] === 255)) continue;
      painted++;
      sum += d[0] + d[1] + d[2];
      if (Math.max(...d) > 64) far++;
    }
    const [mean, share] = [sum / (painted * 3), far / painted];
    assert.ok(painted > 0.5 * raster.width * raster.height, 'the deck is painted');
    assert.ok(mean <= 3 && share <= 0.025, `mean ${mean.toFixed(2)} levels, ${(share * 100).toFixed(2)} % far apart`);
  });

  it('refuses an unknown view, a dpi out of range and a format it does not make', async () => {
    const doc = design(deck, 'top', []);
    await assert.rejects(
      renderPrintRaster(doc, deck, { view: 'side', dpi: 150, format: 'png' }),
      (e: unknown) => e instanceof StudioError && e.code === 'view-unknown',
    );
    await assert.rejects(
      renderPrintRaster(doc, deck, { view: 'top', dpi: 5000, format: 'png' }),
      /dpi: must be 50 to 600, got 5000/,
    );
    await assert.rejects(
      renderPrintRaster(doc, deck, { view: 'top', dpi: 150, format: 'tiff' as 'png' }),
      /format: only "png"/,
    );
  });

  it('makes the roadster side at 150 dpi, 26,368 px wide, within 600 MB at its peak', () => {
    const child = new URL('./job-child.ts', import.meta.url).pathname;
    const out = execFileSync(process.execPath, ['--import', 'tsx', child, 'raster-side-150'], { encoding: 'utf8' });
    const result = JSON.parse(out) as {
      seconds: number;
      maxRssMb: number;
      width: number;
      height: number;
      bytes: number;
    };
    console.log(
      `roadster side at 150 dpi: ${result.width} × ${result.height} px, ${result.seconds.toFixed(1)} s, peak ${result.maxRssMb.toFixed(0)} MB`,
    );
    assert.deepEqual([result.width, result.height], [26368, 4740]);
    assert.ok(result.maxRssMb <= 600, `peak ${result.maxRssMb} MB`);
    assert.ok(result.bytes > 1000);
  });
});
