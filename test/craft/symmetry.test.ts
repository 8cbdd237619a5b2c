import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Stroke } from '../../src/document/types.ts';
import type { TemplateView } from '../../src/template/types.ts';
import { canonical, nextSave, storedAsShown, uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, type Pt, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

// Issue 14, part 4: with the mirror on, a stroke is painted also mirrored across the view's axis (the
// roadster's top view names its long centreline, y = 350; other views default to a vertical axis through
// their centre), both halves in one undo step.

const view = (s: TestStudio): TemplateView => s.editor.manifest!.views.find((v) => v.id === s.editor.view)!;

function strokes(s: TestStudio, viewId: string): Stroke[] {
  const layers = s.design().views.find((v) => v.view === viewId)!.layers;
  return layers.flatMap((l) => (l.kind === 'paint' ? l.marks : [])).filter((m): m is Stroke => m.type === 'stroke');
}

/** Opaque export pixels (1 px per design unit) within `r` of a point of design units. */
function paintNear(img: ImageData, [x, y]: Pt, r = 6): number {
  let n = 0;
  for (let yy = Math.round(y - r); yy <= y + r; yy++) {
    for (let xx = Math.round(x - r); xx <= x + r; xx++) if (img.data[(yy * img.width + xx) * 4 + 3] > 48) n++;
  }
  return n;
}

/** Alpha on the live preview (fabric's top canvas) within `r` of a point of design units. */
function previewNear(s: TestStudio, [x, y]: Pt, r = 6): number {
  const [z, , , , tx, ty] = s.editor.canvas.viewportTransform;
  const k = s.editor.canvas.getRetinaScaling();
  const side = Math.max(1, Math.round(2 * r * z * k));
  const data = s.editor.canvas.contextTop.getImageData(Math.round(((x - r) * z + tx) * k), Math.round(((y - r) * z + ty) * k), side, side).data;
  let sum = 0;
  for (let i = 3; i < data.length; i += 4) sum += data[i];
  return sum;
}

async function toTop(s: TestStudio): Promise<void> {
  await clickIn(s.shadow('[data-view="top"]'));
  await waitFor(() => s.editor.view === 'top', 'the top view');
}

/** A stroke on the top half of the roadster's top view whose mirror image (y → 700 − y) is inside the body too. */
function topHalfStroke(s: TestStudio): [Pt, Pt] {
  const g = geometry(view(s));
  const a = g.interior(16).find(([x, y]) => y < 300 && y > 150 && g.inArea(x + 120, y) && g.inArea(x, 700 - y) && g.inArea(x + 120, 700 - y))!;
  return [a, [a[0] + 120, a[1]]];
}

describe('<co-design-studio> symmetry painting', () => {
  let s: TestStudio | undefined;
  afterEach(() => s?.remove());

  it('paints a stroke on both halves of the top view, live and in the export, as one undo step', async () => {
    s = await mountStudio();
    await toTop(s);
    await s.tool('pencil');
    const toggle = s.shadow<HTMLButtonElement>('[data-action="mirror"]');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    await clickIn(toggle);
    await s.el.updateComplete;
    expect(s.shadow('[data-action="mirror"]').getAttribute('aria-pressed'), 'the toggle is pressed').to.equal('true');

    const [a, b] = topHalfStroke(s);
    const mid: Pt = [(a[0] + b[0]) / 2, a[1]];
    const mirrorMid: Pt = [mid[0], 700 - mid[1]];
    let changes = 0;
    s.el.addEventListener('co-design-change', () => changes++);
    await sendMouse({ type: 'move', position: s.toPage(a) });
    await sendMouse({ type: 'down' });
    for (let i = 1; i <= 6; i++) await sendMouse({ type: 'move', position: s.toPage([a[0] + ((b[0] - a[0]) * i) / 6, a[1]]) });
    // While the button is still down, the mirrored half shows too.
    expect(previewNear(s, mid), 'the stroke in the live preview').to.be.greaterThan(0);
    expect(previewNear(s, mirrorMid), 'its mirror image in the live preview').to.be.greaterThan(0);
    await sendMouse({ type: 'up' });
    await s.el.updateComplete;

    const marks = strokes(s, 'top');
    expect(marks.length, 'two strokes').to.equal(2);
    expect(changes, 'one change').to.equal(1);
    const img = await s.exportPixels({ view: 'top', withProduct: false, width: 1600 });
    expect(paintNear(img, mid), 'paint where it was drawn').to.be.greaterThan(20);
    expect(paintNear(img, mirrorMid), 'paint across the long centreline').to.be.greaterThan(20);
    expect(paintNear(img, [a[0] - 40, a[1]]), 'no paint beside it (the check can fail)').to.equal(0);
    const g = geometry(view(s));
    expect(g.inArea(...mid) && g.inArea(...mirrorMid), 'both halves inside the body').to.equal(true);

    s.el.undo();
    expect(strokes(s, 'top').length, 'one undo takes both').to.equal(0);
    const undone = await s.exportPixels({ view: 'top', withProduct: false, width: 1600 });
    expect(paintNear(undone, mid) + paintNear(undone, mirrorMid)).to.equal(0);
    s.el.redo();
    expect(strokes(s, 'top').length, 'one redo brings both back').to.equal(2);
  });

  it('mirrors across the vertical centre where the view names no axis, with Shift+M, and turns off again', async () => {
    s = await mountStudio();
    await s.tool('marker');
    const g = geometry(view(s));
    const a = g.interior(16).find(([x, y]) => x < 700 && g.inArea(x + 40, y) && g.inArea(1600 - x, y) && g.inArea(1560 - x, y))!;
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'M' });
    await sendKeys({ up: 'Shift' });
    expect(s.editor.style.mirror, 'Shift+M turned the mirror on').to.equal(true);
    expect(s.editor.tool, 'Shift+M is not the marker key').to.equal('marker');
    await s.drag([a, [a[0] + 40, a[1]]], { steps: 4 });
    const [first, second] = strokes(s, 'side');
    expect(second.pts[0], 'mirrored x').to.equal(1600 * 4 - first.pts[0]);
    expect(second.pts[1], 'same y').to.equal(first.pts[1]);
    const img = await s.exportPixels({ withProduct: false, width: 1600 });
    expect(paintNear(img, [1600 - a[0] - 20, a[1]])).to.be.greaterThan(10);

    await clickIn(s.shadow('[data-action="mirror"]'));
    expect(s.editor.style.mirror).to.equal(false);
    await s.drag([[a[0], a[1] + 20], [a[0] + 40, a[1] + 20]], { steps: 4 });
    expect(strokes(s, 'side').length, 'mirror off: one stroke').to.equal(3);
  });

  it('keeps both halves after a reload', async () => {
    const key = uniqueKey('symmetry');
    s = await mountStudio({ draftKey: key });
    await toTop(s);
    await s.tool('spray');
    await clickIn(s.shadow('[data-action="mirror"]'));
    const [a, b] = topHalfStroke(s);
    const saved = nextSave(s.el);
    await s.drag([a, b], { steps: 6 });
    await storedAsShown(s.el, (await saved).draft);
    const design = canonical(s.design());
    const before = await s.exportPixels({ view: 'top', withProduct: false, width: 1600 });
    const mirrorMid: Pt = [(a[0] + b[0]) / 2, 700 - a[1]];
    expect(paintNear(before, mirrorMid, 12), 'sprayed across the axis').to.be.greaterThan(0);
    s.remove();

    s = await mountStudio({ draftKey: key });
    expect(canonical(s.design())).to.equal(design);
    expect(strokes(s, 'top').length).to.equal(2);
    const after = await s.exportPixels({ view: 'top', withProduct: false, width: 1600 });
    expect(after.data.every((v, i) => v === before.data[i]), 'same pixels').to.equal(true);
  });
});
