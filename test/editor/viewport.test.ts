import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cdp } from '../support/cdp.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, type Pt, type TestStudio } from '../support/studio.ts';

const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: Pt[]) => ({
  method: 'Input.dispatchTouchEvent',
  params: { type, touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 2, radiusY: 2, force: 1 })) },
});

const marks = (s: TestStudio) => s.design().views.flatMap((v) => v.layers).reduce((n, l) => n + (l.kind === 'paint' ? l.marks.length : 0), 0);

describe('<co-design-studio> zoom, pan and touch', () => {
  let s: TestStudio;
  afterEach(() => s?.remove());

  it('zooms with the buttons and the wheel around the pointer, and fits again', async () => {
    s = await mountStudio();
    const z0 = s.editor.viewport.zoom;
    await clickIn(s.shadow('[data-action="zoom-in"]'));
    expect(s.editor.viewport.zoom).to.be.closeTo(z0 * 1.25, 0.01);
    await clickIn(s.shadow('[data-action="fit"]'));
    expect(s.editor.viewport.zoom).to.be.closeTo(1, 0.001);

    const at = geometry(s.editor.manifest!.views[0]).centre(20);
    const page = s.toPage(at);
    await cdp({ method: 'Input.dispatchMouseEvent', params: { type: 'mouseWheel', x: page[0], y: page[1], deltaX: 0, deltaY: -300 } });
    expect(s.editor.viewport.zoom).to.be.greaterThan(1.3);
    // The design point under the pointer stays under the pointer.
    const after = s.toPage(at);
    expect(Math.abs(after[0] - page[0]) + Math.abs(after[1] - page[1])).to.be.lessThan(3);
  });

  it('pans with space-drag without drawing, and draws again after', async () => {
    s = await mountStudio();
    await s.tool('pencil');
    const c = geometry(s.editor.manifest!.views[0]).centre(40);
    const before = s.toPage(c);
    s.shadow('.stage').focus();
    await sendKeys({ down: 'Space' });
    await s.drag([c, [c[0] + 50, c[1] + 20]], { steps: 4 });
    await sendKeys({ up: 'Space' });
    expect(marks(s)).to.equal(0);
    const moved = s.toPage(c);
    expect(moved[0] - before[0]).to.be.greaterThan(20);
    await s.drag([c, [c[0] + 30, c[1]]], { steps: 3 });
    expect(marks(s)).to.equal(1);
  });

  it('one finger draws; a second finger turns the gesture into a pinch that draws nothing', async () => {
    s = await mountStudio();
    await s.tool('pencil');
    const c = geometry(s.editor.manifest!.views[0]).centre(40);
    const [x, y] = s.toPage(c);
    await cdp([touch('touchStart', [[x, y]]), touch('touchMove', [[x + 20, y]]), touch('touchMove', [[x + 40, y + 5]]), touch('touchEnd', [])]);
    expect(marks(s), 'one-finger stroke').to.equal(1);

    const z0 = s.editor.viewport.zoom;
    await cdp([
      touch('touchStart', [[x, y]]),
      touch('touchStart', [[x, y], [x + 40, y]]),
      touch('touchMove', [[x - 30, y], [x + 70, y]]),
      touch('touchMove', [[x - 60, y], [x + 100, y]]),
      touch('touchEnd', []),
    ]);
    expect(marks(s), 'the pinch drew nothing').to.equal(1);
    expect(s.editor.viewport.zoom).to.be.greaterThan(z0 * 2);
  });

  it('works at 360 × 640: the toolbar collapses to a row and a finger paints with every free-hand tool', async () => {
    s = await mountStudio({ viewport: { width: 360, height: 640 }, width: 360, height: 600 });
    const bar = s.shadow('.toolbar').getBoundingClientRect();
    const stage = s.shadow('.stage').getBoundingClientRect();
    expect(bar.top, 'toolbar below the canvas').to.be.greaterThan(stage.top);
    expect(stage.width).to.be.greaterThan(300);
    expect(getComputedStyle(s.shadow('.side')).display).to.equal('none');
    const c = geometry(s.editor.manifest!.views[0]).centre(30);
    let n = 0;
    for (const tool of ['pencil', 'marker', 'spray'] as const) {
      const button = s.shadow(`[data-tool="${tool}"]`);
      button.scrollIntoView({ inline: 'center' });
      await clickIn(button);
      await s.el.updateComplete;
      expect(s.editor.tool).to.equal(tool);
      const [x, y] = s.toPage(c);
      await cdp([touch('touchStart', [[x, y]]), touch('touchMove', [[x + 10, y + n * 3]]), touch('touchMove', [[x + 25, y]]), touch('touchEnd', [])]);
      expect(marks(s)).to.equal(++n);
    }
    await clickIn(s.shadow('[data-action="panel"]'));
    await s.el.updateComplete;
    expect(getComputedStyle(s.shadow('.side')).display).to.not.equal('none');
  });
});
