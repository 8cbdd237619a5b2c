import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { encodeQuanta, type Layer, type Mark } from '../../src/document/index.ts';
import { StudioError } from '../../src/errors.ts';
import { PRINT_LIMITS, renderPrintPdf } from '../../src/print/index.ts';
import { design, objectLayer, paint, shippedTemplate, stroke, text } from './designs.ts';

const roadster = shippedTemplate('roadster');

/** Runs a job that must be refused: `print-too-large`, its message naming the measure, quickly. */
async function refused(layers: Layer[], measure: RegExp): Promise<void> {
  const started = performance.now();
  const rss = process.memoryUsage().rss;
  await assert.rejects(renderPrintPdf(design(roadster, 'side', layers), roadster), (e: unknown) => {
    assert.ok(e instanceof StudioError, String(e));
    assert.equal(e.code, 'print-too-large');
    assert.match(e.message, /^design is too large to print: [\d,]+ .+, at most [\d,]+$/);
    assert.match(e.message, measure);
    return true;
  });
  const seconds = (performance.now() - started) / 1000;
  assert.ok(seconds < 3, `refused after ${seconds.toFixed(1)} s`);
  const grown = (process.memoryUsage().rss - rss) / 2 ** 20;
  assert.ok(grown < 300, `the process grew by ${grown.toFixed(0)} MB`);
}

/** A spray stroke of `samples` samples along a row. */
const spray = (y: number, samples: number): Mark => ({
  type: 'stroke',
  tool: 'spray',
  color: '#aa0000',
  size: 20,
  opacity: 1,
  density: 200,
  style: 2,
  seed: 1,
  // Quantised (4 quanta a unit) from a start point, then one unit right per sample.
  pts: encodeQuanta(Array.from({ length: 2 * samples }, (_, i) => (i % 2 ? y * 4 : 1600 + (i / 2) * 4))),
});

/** A PNG's signature and header chunk only, claiming 9,000 × 9,000 pixels: nothing that could be decoded. */
function hugePng(): string {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(9000, 16);
  header.writeUInt32BE(9000, 20);
  header.set([8, 6, 0, 0, 0], 24);
  header.writeUInt32BE(zlib.crc32(header.subarray(12, 29)), 29);
  return `data:image/png;base64,${header.toString('base64')}`;
}

describe('print pre-flight: hostile designs are refused with print-too-large', () => {
  it('refuses tens of thousands of spray strokes', async () => {
    const strokes = Array.from({ length: 20_000 }, (_, i) => spray(400 + (i % 150), 10));
    await refused([paint('spray', strokes)], /spray pixels/);
  });

  it('refuses huge text: the longest text at a huge size', async () => {
    const huge = text('W'.repeat(10_000), 'Arial', 800, 500, { size: 2_000 });
    await refused([objectLayer('huge', huge)], /text ink/);
  });

  it('refuses more text than a job sets', async () => {
    const layers = Array.from({ length: 3 }, (_, i) =>
      objectLayer(`t${i}`, text('a'.repeat(10_000), 'Arial', 800, 500, { size: 4 })),
    );
    await refused(layers, /30,000 text characters/);
  });

  it('refuses vector strokes past the points a job draws', async () => {
    const long = (y: number) =>
      stroke(
        'pencil',
        '#000000',
        4,
        Array.from({ length: 20_000 }, (_, i) => [200 + (i % 1200), y]),
      );
    const layers = Array.from({ length: 6 }, (_, l) =>
      paint(
        `p${l}`,
        Array.from({ length: 10 }, (_, i) => long(400 + i)),
      ),
    );
    await refused(layers, /1,200,000 vector stroke points/);
  });

  it('refuses more image layers than a job rasterises', async () => {
    const layers = Array.from({ length: 9 }, (_, i) =>
      paint(`erased${i}`, [
        stroke('eraser', '#000000', 10, [
          [500, 500],
          [600, 500],
        ]),
      ]),
    );
    await refused(layers, /image-layer pixels/);
  });

  it('refuses uploads whose pixels together are past the limit, reading only their headers', async () => {
    // Its header claims 9,000 × 9,000 pixels: the job refuses before decoding anything.
    const src = hugePng();
    const photo = {
      type: 'image',
      src,
      width: 100,
      height: 100,
      x: 800,
      y: 500,
      scaleX: 1,
      scaleY: 1,
      angle: 0,
    } as const;
    await refused([objectLayer('photo', photo)], /81,000,000 image pixels/);
  });

  it('stops a job between layers and strips when its signal aborts (a timeout)', async () => {
    // Four image layers of the whole side: seconds each.
    const layers = Array.from({ length: 4 }, (_, i) =>
      paint(`erased${i}`, [
        { type: 'fill', area: 'body', color: '#2040c0' },
        stroke('eraser', '#000000', 10, [
          [500, 500],
          [600, 500],
        ]),
      ]),
    );
    const started = performance.now();
    await assert.rejects(
      renderPrintPdf(design(roadster, 'side', layers), roadster, { signal: AbortSignal.timeout(300) }),
      (e: unknown) => (e as Error).name === 'TimeoutError',
    );
    const seconds = (performance.now() - started) / 1000;
    // One strip (a sixteenth of a layer) may still be drawn after the signal; the whole job takes several seconds.
    assert.ok(seconds < 2, `stopped after ${seconds.toFixed(1)} s`);
    const aborted = AbortSignal.abort();
    await assert.rejects(
      renderPrintPdf(design(roadster, 'side', []), roadster, { signal: aborted }),
      (e: unknown) => (e as Error).name === 'AbortError',
    );
  });

  it('neither measures nor decodes what the job does not draw: a hidden layer', async () => {
    const photo = {
      type: 'image',
      src: hugePng(),
      width: 100,
      height: 100,
      x: 800,
      y: 500,
      scaleX: 1,
      scaleY: 1,
      angle: 0,
    } as const;
    const hidden = { ...objectLayer('photo', photo), visible: false };
    const { report } = await renderPrintPdf(design(roadster, 'side', [hidden]), roadster);
    assert.deepEqual(report.views[0].rasterLayers, []);
  });

  it('states its limits', () => {
    assert.deepEqual(Object.keys(PRINT_LIMITS).sort(), [
      'imagePixels',
      'rasterPixels',
      'sprayPixels',
      'textChars',
      'textCover',
      'vectorPoints',
    ]);
  });
});
