import { expect } from '@open-wc/testing';
import type { TemplateView } from '../../src/template/types.ts';
import { geometry } from '../support/geometry.ts';
import { customerPaint, paintCounts } from '../support/mask.ts';
import { mountStudio, pixel, type Pt, type TestStudio } from '../support/studio.ts';

function sideView(s: TestStudio): TemplateView {
  return s.editor.manifest!.views.find((v) => v.id === s.editor.view)!;
}

function markCount(s: TestStudio): number {
  return s.design().views.flatMap((v) => v.layers).reduce((n, l) => n + (l.kind === 'paint' ? l.marks.length : 0), 0);
}

describe('<co-design-studio> free-hand tools', () => {
  let s: TestStudio;
  afterEach(() => s?.remove());

  for (const tool of ['pencil', 'marker', 'spray'] as const) {
    it(`${tool}: paint lands inside the design area, never outside, and undoes as one step`, async () => {
      s = await mountStudio();
      const view = sideView(s);
      const g = geometry(view);
      const start = g.centre(30);
      const end = g.outsideAbove(start);
      let changes = 0;
      s.el.addEventListener('co-design-change', () => changes++);
      await s.tool(tool);
      await s.drag([start, [start[0] + 120, start[1]], end], { steps: 8 });

      expect(markCount(s)).to.equal(1);
      expect(changes).to.equal(1);
      const img = await s.exportPixels({ withProduct: false, width: 1600 });
      const counts = paintCounts(img, view);
      expect(counts.outside, 'paint outside the design areas').to.equal(0);
      expect(customerPaint(img, view), 'paint inside').to.be.greaterThan(200);

      s.el.undo();
      expect(markCount(s)).to.equal(0);
      expect(customerPaint(await s.exportPixels({ withProduct: false, width: 1600 }), view)).to.equal(0);
      s.el.redo();
      expect(markCount(s)).to.equal(1);
      expect(changes).to.equal(3);
    });
  }

  it('marker: a stroke that crosses itself does not darken at the crossing', async () => {
    s = await mountStudio();
    const g = geometry(sideView(s));
    const [x, y] = g.centre(60);
    await s.tool('marker');
    // A loop: right, down-left, up through the first segment.
    await s.drag([[x - 50, y - 20], [x + 50, y - 20], [x + 20, y + 30], [x, y - 50]], { steps: 10 });
    const img = await s.exportPixels({ withProduct: false, width: 1600 });
    const scale = img.width / 1600;
    const plain = pixel(img, (x - 40) * scale, (y - 20) * scale)[3];
    // Where the last segment crosses the first one.
    const crossX = x + 50 - ((50 - 0) * (y - 20 - (y - 50))) / 80 - 16;
    const cross = pixel(img, crossX * scale, (y - 20) * scale)[3];
    expect(plain).to.be.greaterThan(60).and.lessThan(200);
    expect(Math.abs(cross - plain)).to.be.lessThan(6);
  });

  it('eraser: removes only the customer paint, on screen and in exports, as one undo step', async () => {
    s = await mountStudio();
    const view = sideView(s);
    const g = geometry(view);
    const [x, y] = g.centre(40);
    const before = await s.exportPixels({ width: 1600 });
    await s.tool('pencil');
    await s.drag([[x - 80, y], [x + 80, y]], { steps: 8 });
    const painted = await s.exportPixels({ width: 1600 });
    expect(pixel(painted, x, y)).to.not.deep.equal(pixel(before, x, y));

    await s.tool('eraser');
    await s.drag([[x, y - 30], [x, y + 30]], { steps: 6 });
    const erased = await s.exportPixels({ width: 1600 });
    // The product shows through again where the paint was rubbed out; the rest of the stroke stays.
    expect(pixel(erased, x, y)).to.deep.equal(pixel(before, x, y));
    expect(pixel(erased, x - 60, y)).to.deep.equal(pixel(painted, x - 60, y));
    expect(markCount(s)).to.equal(2);

    s.el.undo();
    expect(pixel(await s.exportPixels({ width: 1600 }), x, y)).to.deep.equal(pixel(painted, x, y));
  });

  it('fill: fills the area under the pointer, and a tap outside changes nothing', async () => {
    s = await mountStudio();
    const view = sideView(s);
    const g = geometry(view);
    await s.tool('fill');
    await s.click(g.outsideAbove(g.centre(20)));
    expect(markCount(s)).to.equal(0);
    expect(s.shadow('.notice').textContent).to.match(/inside the area/i);

    await s.click(g.centre(20));
    expect(markCount(s)).to.equal(1);
    const img = await s.exportPixels({ withProduct: false, width: 800 });
    const counts = paintCounts(img, view);
    expect(counts.outside).to.equal(0);
    expect(counts.inside).to.be.greaterThan(20000);
    s.el.undo();
    expect(markCount(s)).to.equal(0);
  });

  it('pen pressure varies the pencil width and is stored with the stroke', async () => {
    s = await mountStudio();
    const g = geometry(sideView(s));
    const [x, y] = g.centre(30);
    await s.tool('pencil');
    const { cdp } = await import('../support/cdp.ts');
    const page = (p: Pt) => s.toPage(p);
    const pen = (type: string, p: Pt, pressure: number) => ({
      method: 'Input.dispatchMouseEvent',
      params: { type, x: page(p)[0], y: page(p)[1], button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1, pointerType: 'pen', force: pressure },
    });
    await cdp([pen('mouseMoved', [x - 60, y], 0), pen('mousePressed', [x - 60, y], 0.1), pen('mouseMoved', [x, y], 0.5), pen('mouseMoved', [x + 60, y], 1), pen('mouseReleased', [x + 60, y], 0)]);
    const layer = s.design().views[0].layers.find((l) => l.kind === 'paint' && l.marks.length)!;
    const stroke = layer.kind === 'paint' ? layer.marks[0] : undefined;
    expect(stroke?.type).to.equal('stroke');
    const pressure = stroke?.type === 'stroke' ? stroke.pressure : undefined;
    expect(pressure, 'pressure stored').to.be.an('array');
    expect(Math.max(...pressure!)).to.be.greaterThan(Math.min(...pressure!));
  });
});
