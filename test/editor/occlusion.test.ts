import { expect } from '@open-wc/testing';
import { generateStrokes, random, toDesignDocument, VIEW } from '../../bench/strokes.ts';
import { encodePoints, type Point } from '../../src/document/points.ts';
import type { Mark, PaintLayer, Stroke } from '../../src/document/types.ts';
import { ViewAreas } from '../../src/editor/areas.ts';
import { CoverGrid } from '../../src/editor/render/cover-grid.ts';
import { marksToDraw } from '../../src/editor/render/occlusion.ts';
import { loadPaintSupport } from '../../src/editor/render/paint-support.ts';
import { RasterLayer } from '../../src/editor/render/raster-layer.ts';
import { SEEN_CELL, seenArea, type SeenArea } from '../../src/editor/render/seen-area.ts';
import { drawMark } from '../../src/editor/render/strokes.ts';
import type { TemplateManifest } from '../../src/template/types.ts';

// Issue 13: loading 10,000 strokes handed in by the host rasterised every one
// of them (0.75 s of the software rasteriser), though about 3,000 still show.
// A long bake leaves out the strokes that later ones paint over; what shows
// must be exactly what drawing every mark gives, on screen, in the 2048 px
// export (a copy of the raster) and in the drafts' thumbnail.

const pts = (points: Point[]) => encodePoints(points);
const stroke = (tool: Stroke['tool'], color: string, size: number, points: Point[], extra: Partial<Stroke> = {}): Stroke => ({
  type: 'stroke',
  tool,
  color,
  size,
  opacity: tool === 'marker' ? 0.5 : tool === 'spray' ? 0.8 : 1,
  pts: pts(points),
  ...extra,
});

/** Every kind of mark, and the shapes a rasteriser may get wrong: hairpins, zigzags tighter than the line, dots, a line that never moves. */
function oddMarks(seed: number): Mark[] {
  const rnd = random(seed);
  const at = () => ({ x: 150 + rnd() * 1300, y: 340 + rnd() * 200 });
  const out: Mark[] = [];
  for (let i = 0; i < 12; i++) {
    const p = at();
    const size = 4 + Math.round(rnd() * 40);
    out.push(stroke('pencil', '#1d1d1b', size, [p, { x: p.x + 80, y: p.y + 3 }, { x: p.x + 1, y: p.y + 6 }]));
    out.push(stroke('pencil', '#ffcc00', size, Array.from({ length: 30 }, (_, j) => ({ x: p.x + j * 3, y: p.y + (j % 2) * size }))));
    out.push(stroke('pencil', '#e4002b', size, [p]));
    out.push(stroke('eraser', '#000000', size, [p, p, p]));
    out.push(stroke('eraser', '#000000', size, [p, { x: p.x + 40, y: p.y - 30 }, { x: p.x + 90, y: p.y }]));
    out.push(stroke('marker', '#0057b8', size, [p, { x: p.x + 120, y: p.y + 20 }]));
    out.push(stroke('spray', '#00a651', size, [p, { x: p.x + 60, y: p.y }], { seed: i + 1, density: 20 }));
    const line = [p, { x: p.x + 50, y: p.y + 10 }, { x: p.x + 100, y: p.y }];
    out.push(stroke('pencil', '#7b2cbf', size, line, { pressure: [40, 200, 90] }));
    if (i % 4 === 0) out.push({ type: 'fill', area: 'body', color: '#ff6f00' });
  }
  // Far outside the body, where no one sees the raster.
  out.push(stroke('pencil', '#1d1d1b', 30, [{ x: 10, y: 20 }, { x: 300, y: 40 }]));
  return out;
}

/** Bench strokes with odd marks spread among them, at the start, the middle and the end. */
function mixedMarks(count: number): Mark[] {
  const base = (toDesignDocument(generateStrokes(count, 7), { id: 'roadster', version: '1', views: [VIEW.id] }).views[0].layers[0] as PaintLayer).marks;
  const out: Mark[] = [];
  base.forEach((mark, i) => {
    if (i % 1000 === 0) out.push(...oddMarks(i + 1));
    out.push(mark);
  });
  out.push(...oddMarks(count + 1));
  return out;
}

/** What a consumer shows of a raster: drawn inside the areas' clip, at `side` pixels on the view's long side. */
function shown(raster: HTMLCanvasElement, areas: ViewAreas, side: number): Uint8ClampedArray {
  const { width, height } = areas.view;
  const scale = side / Math.max(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.clip(areas.union);
  ctx.drawImage(raster, 0, 0, width, height);
  return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
}

/** Pixels with paint in cells outside the seen area. */
function paintedUnseen(canvas: HTMLCanvasElement, area: SeenArea): number {
  const { width, height } = canvas;
  const pixels = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
  let n = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const cell = Math.floor(y / SEEN_CELL) * area.cols + Math.floor(x / SEEN_CELL);
      if (pixels[(y * width + x) * 4 + 3] !== 0 && !area.seen[cell]) n++;
    }
  }
  return n;
}

/** Every mark drawn at the raster's scale, inside `clip` (device pixels) if given. */
function drawEvery(marks: readonly Mark[], layer: RasterLayer, areas: ViewAreas, clip?: Path2D): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = layer.raster.width;
  canvas.height = layer.raster.height;
  const ctx = canvas.getContext('2d')!;
  if (clip) ctx.clip(clip);
  ctx.setTransform(layer.rasterScale, 0, 0, layer.rasterScale, 0, 0);
  for (const mark of marks) drawMark(ctx, mark, (id) => areas.path(id));
  return canvas;
}

function differing(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

describe('paint layer rasters: strokes painted over are left out of a long bake', function () {
  this.timeout(120_000);

  it('shows exactly the pixels of drawing every mark, at the raster’s size and as a thumbnail, with most of 10,000 left out', async () => {
    const manifest = (await (await fetch('/templates/roadster.json')).json()) as TemplateManifest;
    const areas = new ViewAreas(manifest.views.find((v) => v.id === VIEW.id)!);
    const marks = mixedMarks(10_000);
    const paint: PaintLayer = { id: 'paint', name: 'Paint', visible: true, locked: false, kind: 'paint', marks };
    await loadPaintSupport({ views: [{ view: VIEW.id, layers: [paint] }] });
    const layer = new RasterLayer({ width: VIEW.width, height: VIEW.height, clip: areas.union, areaPath: (id) => areas.path(id) });
    // Counts the curves the bake draws: leaving strokes out draws fewer.
    let curves = 0;
    const curveTo = CanvasRenderingContext2D.prototype.quadraticCurveTo;
    CanvasRenderingContext2D.prototype.quadraticCurveTo = function (...args) {
      curves++;
      return curveTo.apply(this, args);
    };
    try {
      layer.sync(paint);
    } finally {
      CanvasRenderingContext2D.prototype.quadraticCurveTo = curveTo;
    }
    const allCurves = marks.reduce((n, m) => n + (m.type === 'stroke' && m.tool !== 'spray' && !m.pressure ? Math.max(0, m.pts.length / 2 - 2) : 0), 0);
    expect(curves, 'the bake drew fewer than half the curves').to.be.lessThan(allCurves / 2);

    // What a bake that leaves nothing out gives: every mark, inside the seen area.
    const seen = seenArea(layer.raster.width, layer.raster.height, layer.rasterScale, areas.union);
    const every = drawEvery(marks, layer, areas, seen.clip);

    const draw = marksToDraw(marks, 0, marks.length, layer.rasterScale, CoverGrid.unseen(layer.raster.width, layer.raster.height, seen));
    expect(draw, 'the bake left marks out').to.not.equal(undefined);
    const left = draw!.length - draw!.reduce((n, d) => n + d, 0);
    console.log(`occlusion: ${left} of ${marks.length} marks left out`);
    expect(left, 'most strokes are painted over').to.be.greaterThan(marks.length / 2);

    const truth = [2048, 160, 4096].map((side) => shown(every, areas, side));
    expect(differing(shown(layer.raster, areas, 2048), truth[0]), 'at 2048 px').to.equal(0);
    expect(differing(shown(layer.raster, areas, 160), truth[1]), 'as a 160 px thumbnail').to.equal(0);
    expect(differing(shown(layer.raster, areas, 4096), truth[2]), 'zoomed in 2×').to.equal(0);

    // Nothing is drawn where it never shows (the strokes do reach there), so a draft keeps less.
    expect(paintedUnseen(drawEvery(marks, layer, areas), seen), 'strokes reach beyond what shows').to.be.greaterThan(10_000);
    expect(paintedUnseen(layer.raster, seen), 'the raster holds none of that').to.equal(0);

    // The bitmap a draft keeps (an older checkpoint) gives the same pixels once the rest is drawn on it.
    const kept = layer.keepable()!;
    layer.copyFrom(kept.canvas, kept.baked);
    layer.sync(paint);
    expect(differing(shown(layer.raster, areas, 2048), truth[0]), 'from the kept bitmap').to.equal(0);
  });

  it('draws every mark of a design too thin to paint much over', async () => {
    const manifest = (await (await fetch('/templates/roadster.json')).json()) as TemplateManifest;
    const areas = new ViewAreas(manifest.views.find((v) => v.id === VIEW.id)!);
    const marks = mixedMarks(1_500);
    const scale = 2048 / VIEW.width;
    const [width, height] = [2048, Math.round(VIEW.height * scale)];
    const grid = CoverGrid.unseen(width, height, seenArea(width, height, scale, areas.union));
    expect(marksToDraw(marks, 0, marks.length, scale, grid)).to.equal(undefined);
    // The same marks over and over paint the areas over many times: then they are left out.
    const dense = Array.from({ length: 8 }, () => marks).flat();
    expect(marksToDraw(dense, 0, dense.length, scale, grid)).to.not.equal(undefined);
  });
});
