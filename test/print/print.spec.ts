import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeQuanta, type Layer } from '../../src/document/index.ts';
import { StudioError } from '../../src/errors.ts';
import { PT_PER_MM, renderPrintPdf } from '../../src/print/index.ts';
import { design, paint, shippedTemplate, stroke } from './designs.ts';
import { listImages, pageBoxes, renderPage } from './poppler.ts';

const deck = shippedTemplate('skate-deck');
const roadster = shippedTemplate('roadster');
const sneaker = shippedTemplate('sneaker');

// The deck's top view: 1600 design units are 864.7 mm, with 3.2 mm of bleed.
const MM_PER_UNIT = 864.7 / 1600;
const BLEED_MM = 3.2;

const near = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= 0.01, `${what}: ${actual}, expected ${expected.toFixed(2)}`);

/** A page pixel at `dpi` of a point in the deck's design units. */
const pixel = (dpi: number, x: number, y: number) =>
  [x, y].map((u) => ((BLEED_MM + u * MM_PER_UNIT) / 25.4) * dpi) as [number, number];

/**
 * A colour within `tolerance` per channel: an image layer reaches the page through Skia's embedded sRGB profile and
 * poppler's resampling, which move a channel by a few levels (#ffff00 reads #fdfd00).
 */
function assertColour(actual: string, expected: string, what: string, tolerance = 6): void {
  assert.ok(sameColour(actual, expected, tolerance), `${what}: ${actual}, expected ${expected} ± ${tolerance}`);
}

/** Darkness (765 − r − g − b) summed over horizontal bands of 20 rows of a rendered page. */
function inkByBand(page: ReturnType<typeof renderPage>): number[] {
  const bands: number[] = [];
  for (let y = 0; y < page.height; y++)
    for (let x = 0; x < page.width; x++) {
      const c = page.at(x, y);
      const dark = 765 - [1, 3, 5].reduce((n, i) => n + parseInt(c.slice(i, i + 2), 16), 0);
      bands[Math.floor(y / 20)] = (bands[Math.floor(y / 20)] ?? 0) + dark;
    }
  return bands;
}

function sameColour(a: string, b: string, tolerance: number): boolean {
  const channels = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const [ca, cb] = [channels(a), channels(b)];
  return ca.every((v, i) => Math.abs(v - cb[i]) <= tolerance);
}

const star: Layer = {
  id: 'star',
  name: 'Star',
  visible: true,
  locked: false,
  kind: 'object',
  object: {
    type: 'shape',
    shape: 'star',
    x: 1100,
    y: 240,
    scaleX: 1,
    scaleY: 1,
    angle: 0,
    width: 160,
    height: 160,
    fill: '#ffff00',
    stroke: '#000000',
    strokeWidth: 4,
    sides: 5,
    fillGradient: {
      type: 'linear',
      angle: 0,
      stops: [
        { at: 0, color: '#ffff00' },
        { at: 1, color: '#ff8800' },
      ],
    },
  },
};

describe('print PDF', () => {
  it('makes one page per printed view at the template millimetres plus bleed, with TrimBox and BleedBox', async () => {
    const { pdf, report } = await renderPrintPdf(design(deck, 'top', []), deck);
    assert.deepEqual(
      report.views.map((v) => v.view),
      ['top', 'bottom'],
    );
    const width = (864.7 + 2 * BLEED_MM) * PT_PER_MM;
    const height = (480 * MM_PER_UNIT + 2 * BLEED_MM) * PT_PER_MM;
    const bleed = BLEED_MM * PT_PER_MM;
    for (const page of [1, 2]) {
      const boxes = pageBoxes(pdf, page);
      for (const [i, value] of [0, 0, width, height].entries()) {
        near(boxes.MediaBox[i], value, `page ${page} MediaBox[${i}]`);
        near(boxes.BleedBox[i], value, `page ${page} BleedBox[${i}]`);
      }
      for (const [i, value] of [bleed, bleed, width - bleed, height - bleed].entries())
        near(boxes.TrimBox[i], value, `page ${page} TrimBox[${i}]`);
    }
  });

  it('prints the roadster side at 4,890 mm (its body 4,400 mm) plus 25 mm of bleed each side', async () => {
    const { pdf } = await renderPrintPdf(design(roadster, 'side', []), roadster);
    const boxes = pageBoxes(pdf, 1);
    near(boxes.MediaBox[2], (4890 + 50) * PT_PER_MM, 'MediaBox width');
    near(boxes.TrimBox[2] - boxes.TrimBox[0], 4890 * PT_PER_MM, 'TrimBox width');
  });

  it('keeps strokes, fills (a base coat too), gradients and shapes as vectors: no image in the PDF', async () => {
    const layers = [
      paint('paint', [
        stroke('pencil', '#ff0000', 30, [
          [300, 300],
          [1300, 300],
        ]),
        stroke('marker', '#000000', 20, [
          [300, 150],
          [600, 180],
          [900, 150],
        ]),
        { type: 'fill', area: 'deck', color: '#2040c0', under: true },
      ]),
      star,
    ];
    const { pdf, report } = await renderPrintPdf(design(deck, 'top', layers), deck);
    assert.deepEqual(listImages(pdf), []);
    assert.deepEqual(report.views[0].rasterLayers, []);

    const page = renderPage(pdf, 1, 30);
    assert.equal(page.at(...pixel(30, 800, 300)), '#ff0000', 'the pencil stroke keeps its colour over the base coat');
    assert.equal(page.at(...pixel(30, 800, 400)), '#2040c0', 'the base coat fills the rest of the deck');
    assert.equal(page.at(...pixel(30, 1100, 240)).slice(0, 3), '#ff', 'the star is filled with its gradient');
  });

  it('clips to the printed panels grown by the bleed, and prints no product art', async () => {
    const across = stroke('pencil', '#ff0000', 60, [
      [800, 20],
      [800, 460],
    ]);
    const { pdf } = await renderPrintPdf(design(deck, 'top', [paint('paint', [across])]), deck);
    const page = renderPage(pdf, 1, 30);
    assert.equal(page.at(...pixel(30, 800, 240)), '#ff0000', 'inside the deck');
    assert.equal(page.at(...pixel(30, 800, 5)), '#ffffff', 'beyond the deck and its bleed');
    assert.equal(page.at(...pixel(30, 400, 240)), '#ffffff', 'the deck where nothing is painted: no mock-up art');
  });

  it('prints only the panels: the sneaker midsole is not printed', async () => {
    const layers = [paint('paint', [{ type: 'fill', area: 'midsole', color: '#00ff00' }])];
    const { pdf, report } = await renderPrintPdf(design(sneaker, 'side', layers), sneaker);
    assert.deepEqual(report.views[0].panels, ['upper']);
    const page = renderPage(pdf, 1, 30);
    const mm = 333 / 1600;
    const at = (x: number, y: number) => page.at(((3 + x * mm) / 25.4) * 30, ((3 + y * mm) / 25.4) * 30);
    assert.equal(at(800, 660), '#ffffff');
  });

  it('turns a layer with spray and eraser strokes into one image at 150 dpi and says why', async () => {
    const layers = [
      paint('base', [{ type: 'fill', area: 'deck', color: '#2040c0' }]),
      paint('sprayed', [
        { type: 'fill', area: 'deck', color: '#ffff00' },
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
    ];
    const { pdf, report } = await renderPrintPdf(design(deck, 'top', layers), deck);
    const [raster] = report.views[0].rasterLayers;
    assert.equal(report.views[0].rasterLayers.length, 1);
    assert.equal(raster.layer, 'sprayed');
    assert.match(raster.reason, /1 spray stroke/);
    assert.match(raster.reason, /1 eraser stroke/);
    assert.ok(raster.dpi >= 150);
    const images = listImages(pdf).filter((i) => i.type === 'image');
    assert.equal(images.length, raster.strips);
    assert.ok(
      images.every((i) => i.xppi >= 150),
      `images at ${images.map((i) => i.xppi)} ppi`,
    );

    const page = renderPage(pdf, 1, 30);
    assertColour(page.at(...pixel(30, 600, 240)), '#ffff00', 'the raster layer');
    assertColour(page.at(...pixel(30, 1100, 240)), '#2040c0', 'the eraser shows the layer below');
  });

  it('draws an image layer in strips with the same pixels as in one, a spray reaching across strips', async () => {
    // A nozzle held still for 80 samples at (800, 200) runs drips down across several strips, then moves on.
    const still = Array.from({ length: 81 }, () => [3200, 800]).flat();
    const held = encodeQuanta([...still, 3600, 840, 4000, 800]);
    const spray = {
      type: 'stroke',
      tool: 'spray',
      color: '#aa0000',
      size: 50,
      opacity: 1,
      pts: held,
      seed: 9,
      density: 30,
      style: 2,
      drips: true,
    } as const;
    const layers = [paint('sprayed', [spray])];
    const whole = await renderPrintPdf(design(deck, 'top', layers), deck);
    const strips = await renderPrintPdf(design(deck, 'top', layers), deck, { stripPixels: 200_000 });
    assert.equal(whole.report.views[0].rasterLayers[0].strips, 1);
    const many = strips.report.views[0].rasterLayers[0].strips;
    assert.ok(many >= 20, `${many} strips`);
    assert.equal(listImages(strips.pdf).filter((i) => i.type === 'image').length, 1, 'one image, so no seams');
    const [a, b] = [renderPage(whole.pdf, 1, 50), renderPage(strips.pdf, 1, 50)];
    // A stroke a strip left out would take whole dots and drips with it: the two hold the same ink, band by band
    // (Skia antialiases the clip's edge a little differently per strip; nothing else differs).
    const [inkA, inkB] = [inkByBand(a), inkByBand(b)];
    assert.ok(inkA.reduce((n, v) => n + v, 0) > 100_000, 'the spray painted');
    inkA.forEach((v, band) =>
      assert.ok(Math.abs(v - inkB[band]) <= 0.02 * v + 500, `band ${band}: ${inkB[band]}, ${v} in one strip`),
    );
  });

  it('refuses a design made on another template, an invalid design and a dpi out of range, naming the problem', async () => {
    await assert.rejects(renderPrintPdf(design(roadster, 'side', []), deck), (e: unknown) => {
      assert.ok(e instanceof StudioError);
      assert.equal(e.code, 'design-template-mismatch');
      assert.match(e.message, /roadster/);
      return true;
    });
    await assert.rejects(
      renderPrintPdf(design(deck, 'top', []), deck, { rasterDpi: 5000 }),
      /rasterDpi: must be 150 to 600, got 5000/,
    );
    const broken = { ...design(deck, 'top', []), version: 'one' };
    await assert.rejects(
      renderPrintPdf(broken, deck),
      (e: unknown) => e instanceof StudioError && e.code === 'design-invalid',
    );
  });
});
