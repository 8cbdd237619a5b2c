import { expect } from '@open-wc/testing';
import type { Mark, PaintLayer } from '../../src/document/types.ts';
import { encodePoints } from '../../src/document/points.ts';
import { bakedRaster } from '../../src/editor/render/paint-support.ts';
import { mountStudio, type TestStudio } from '../support/studio.ts';

function marks(cx: number, cy: number): Mark[] {
  const line = (dx: number, dy: number) => encodePoints(Array.from({ length: 40 }, (_, i) => ({ x: cx + dx + i * 9, y: cy + dy + Math.sin(i / 4) * 30 })));
  return [
    { type: 'fill', area: 'body', color: '#ffcc00' },
    { type: 'stroke', tool: 'pencil', color: '#e4002b', size: 6, opacity: 1, pts: line(-200, -20) },
    { type: 'stroke', tool: 'marker', color: '#0057b8', size: 24, opacity: 0.5, pts: line(-180, 10) },
    { type: 'stroke', tool: 'spray', color: '#00a651', size: 20, opacity: 0.8, pts: line(-160, 30), seed: 7, density: 24 },
    { type: 'stroke', tool: 'pencil', color: '#1d1d1b', size: 3, opacity: 1, pts: line(-220, 40), pressure: Array.from({ length: 40 }, (_, i) => 40 + i * 5) },
    { type: 'stroke', tool: 'eraser', color: '#000000', size: 16, opacity: 1, pts: line(-190, 0) },
  ];
}

// A 2048 px export copies the layer rasters the editor has baked instead of
// drawing every stroke again; it must give the same pixels as drawing them.
describe('<co-design-studio> export from baked layers', () => {
  let s: TestStudio;
  afterEach(() => s?.remove());

  it('gives the same pixels as drawing the strokes, and is only used when the raster holds them all', async () => {
    s = await mountStudio();
    const views = s.editor.manifest!.views;
    const top = views.find((v) => v.id !== s.editor.view)!;
    const doc = s.design();
    const layerOf = (id: string) => doc.views.find((v) => v.view === id)!.layers.find((l): l is PaintLayer => l.kind === 'paint')!;
    layerOf(top.id).marks = marks(top.width / 2, top.height / 2);
    await s.el.loadDesign(doc);
    const scale = 2048 / Math.max(top.width, top.height);
    const topMarks = () => (s.editor.viewDesign(top.id).layers.find((l) => l.kind === 'paint') as PaintLayer).marks;

    // Counts the curves drawn: the copy draws none.
    let curves = 0;
    const curveTo = CanvasRenderingContext2D.prototype.quadraticCurveTo;
    CanvasRenderingContext2D.prototype.quadraticCurveTo = function (...args) {
      curves++;
      return curveTo.apply(this, args);
    };
    const exportTop = async () => {
      curves = 0;
      const img = await s.exportPixels({ view: top.id, width: 2048, height: 2048 });
      return { img, curves };
    };
    let drawn: Awaited<ReturnType<typeof exportTop>>;
    let copied: Awaited<ReturnType<typeof exportTop>>;
    try {
      // The other view is not shown yet: nothing is baked, the exporter draws the strokes.
      expect(bakedRaster(topMarks(), scale)).to.equal(undefined);
      drawn = await exportTop();
      s.editor.setView(top.id);
      expect(bakedRaster(topMarks(), scale)).to.be.instanceOf(HTMLCanvasElement);
      expect(bakedRaster(topMarks(), scale * 0.5)).to.equal(undefined);
      copied = await exportTop();
    } finally {
      CanvasRenderingContext2D.prototype.quadraticCurveTo = curveTo;
    }
    expect(drawn.curves).to.be.greaterThan(0);
    expect(copied.curves).to.equal(0);

    expect([copied.img.width, copied.img.height]).to.deep.equal([drawn.img.width, drawn.img.height]);
    let differing = 0;
    for (let i = 0; i < drawn.img.data.length; i++) if (drawn.img.data[i] !== copied.img.data[i]) differing++;
    expect(differing).to.equal(0);
  });
});
