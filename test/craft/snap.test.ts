import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { FabricObject } from 'fabric/es';
import type { ObjectLayer } from '../../src/document/types.ts';
import type { TemplateView } from '../../src/template/types.ts';
import { geometry } from '../support/geometry.ts';
import { leavePhone, swipe, tap, usePhone } from '../support/phone.ts';
import { clickIn, mountStudio, type Pt, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

const view = (s: TestStudio): TemplateView => s.editor.manifest!.views.find((v) => v.id === s.editor.view)!;
const objects = (s: TestStudio): ObjectLayer[] =>
  s.design().views.find((v) => v.view === s.editor.view)!.layers.filter((l): l is ObjectLayer => l.kind === 'object');

/** The area's bounding box, measured apart from the studio: by the browser's own SVG geometry. */
function areaBox(v: TemplateView): { cx: number; cy: number } {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', v.areas[0].path);
  svg.append(path);
  document.body.append(svg);
  const b = path.getBBox();
  svg.remove();
  return { cx: b.x + b.width / 2, cy: b.y + b.height / 2 };
}

/** Guide-coloured pixels (magenta) on fabric's top canvas: what the customer sees while dragging. */
function guidePixels(s: TestStudio): number {
  const top = s.editor.canvas.upperCanvasEl;
  const data = top.getContext('2d')!.getImageData(0, 0, top.width, top.height).data;
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] > 200 && data[i + 1] < 90 && data[i + 2] > 150 && data[i + 3] > 100) n++;
  return n;
}

/** A shape placed with the shape tool, selected, the snapping code loaded. */
async function placeShape(s: TestStudio, at: Pt): Promise<ObjectLayer> {
  await s.tool('shape');
  await s.click(at);
  const [shape] = await waitFor(() => (objects(s).length ? objects(s) : null), 'the shape placed');
  await waitFor(() => s.editor.snapper, 'the snapping code loaded with the select tool');
  return shape;
}

/** Drags the selected object from `from` to `to` (design units) with the button held, runs `held`, releases. */
async function dragHeld(s: TestStudio, from: Pt, to: Pt, held: () => Promise<void> = async () => {}): Promise<void> {
  const [a, b] = [s.toPage(from), s.toPage(to)];
  await sendMouse({ type: 'move', position: a });
  await sendMouse({ type: 'down' });
  for (let i = 1; i <= 6; i++)
    await sendMouse({ type: 'move', position: [Math.round(a[0] + ((b[0] - a[0]) * i) / 6), Math.round(a[1] + ((b[1] - a[1]) * i) / 6)] });
  await held();
  await sendMouse({ type: 'up' });
  await s.el.updateComplete;
}

describe('<co-design-studio> snapping and guides', () => {
  let s: TestStudio;
  afterEach(() => s?.remove());

  it('a dragged object snaps to the area centre with a guide shown; with Ctrl held it does not; one undo step each', async () => {
    s = await mountStudio();
    const v = view(s);
    const { cx } = areaBox(v);
    const start: Pt = [Math.round(cx - 200), Math.round(geometry(v).centre(90)[1])];
    const placed = await placeShape(s, start);
    const z = s.editor.canvas.getZoom();
    // Half the snapping distance (8 screen pixels) right of the centre.
    const near: Pt = [cx + 4 / z, start[1]];
    let shown = 0;
    await dragHeld(s, start, near, async () => {
      shown = await waitFor(() => guidePixels(s), 'a guide on the top canvas while the button is down');
    });
    expect(shown).to.be.greaterThan(20);
    const snapped = objects(s)[0].object;
    expect(Math.abs(snapped.x - cx), `snapped to the centre ${cx}, at ${snapped.x}`).to.be.at.most(1);
    await waitFor(() => guidePixels(s) === 0, 'the guide gone after the button is up');
    s.el.undo();
    expect(objects(s)[0].object.x, 'one undo step takes the whole move back').to.equal(placed.object.x);

    // The same drag with Ctrl held: no snap, and no guide while the button is down.
    s.shadow('.stage').focus();
    await sendKeys({ down: 'Control' });
    let guideWithCtrl = -1;
    try {
      await dragHeld(s, start, near, async () => {
        s.editor.canvas.renderAll();
        guideWithCtrl = guidePixels(s);
      });
    } finally {
      await sendKeys({ up: 'Control' });
    }
    expect(guideWithCtrl).to.equal(0);
    const free = objects(s)[0].object;
    expect(free.x - placed.object.x, 'the drag moved it').to.be.greaterThan(100);
    expect(Math.abs(free.x - cx), `not snapped: ${free.x} vs ${cx}`).to.be.at.least(2 / z);
    s.el.undo();
    expect(objects(s)[0].object.x).to.equal(placed.object.x);
  });

  it('rotation snaps to 15° steps (and turns freely with Ctrl held)', async () => {
    s = await mountStudio();
    const v = view(s);
    const centre = geometry(v).centre(90);
    await placeShape(s, centre);
    const rotate = async (degrees: number) => {
      // Undo rebuilds a shape: select the one on screen now.
      s.editor.setActiveLayer(objects(s)[0].id);
      const fo = s.editor.canvas.getActiveObject() as FabricObject;
      fo.setCoords();
      const rect = s.editor.canvas.upperCanvasEl.getBoundingClientRect();
      const handle = fo.oCoords.mtr;
      const [px, py] = s.toPage([fo.left, fo.top]);
      const r = Math.hypot(rect.left + handle.x - px, rect.top + handle.y - py);
      const rad = (degrees * Math.PI) / 180;
      await sendMouse({ type: 'move', position: [Math.round(rect.left + handle.x), Math.round(rect.top + handle.y)] });
      await sendMouse({ type: 'down' });
      for (let i = 1; i <= 5; i++) {
        const a = (rad * i) / 5;
        await sendMouse({ type: 'move', position: [Math.round(px + Math.sin(a) * r), Math.round(py - Math.cos(a) * r)] });
      }
      await sendMouse({ type: 'up' });
      await s.el.updateComplete;
      return objects(s)[0].object.angle;
    };
    expect(await rotate(40)).to.equal(45);
    s.el.undo();
    expect(objects(s)[0].object.angle).to.equal(0);
    s.shadow('.stage').focus();
    await sendKeys({ down: 'Control' });
    let free = 0;
    try {
      free = await rotate(40);
    } finally {
      await sendKeys({ up: 'Control' });
    }
    expect(free).to.be.closeTo(40, 2);
    expect(free % 15).to.not.equal(0);
  });

  it('scaling snaps the moving edge to a line and keeps the opposite edge where it was', async () => {
    s = await mountStudio();
    const v = view(s);
    const { cx } = areaBox(v);
    const start: Pt = [Math.round(cx - 200), Math.round(geometry(v).centre(90)[1])];
    const placed = (await placeShape(s, start)).object;
    const fo = s.editor.canvas.getActiveObject() as FabricObject;
    fo.setCoords();
    const rect = s.editor.canvas.upperCanvasEl.getBoundingClientRect();
    const handle = fo.oCoords.mr;
    const half = placed.type === 'shape' ? placed.width / 2 : 0;
    const from: Pt = [Math.round(rect.left + handle.x), Math.round(rect.top + handle.y)];
    // The right edge dragged to 4 screen pixels short of the area's centre line (the handle sits beside the edge).
    const beside = from[0] - s.toPage([placed.x + half, start[1]])[0];
    const to = [s.toPage([cx, start[1]])[0] - 4 + beside, from[1]];
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    for (let i = 1; i <= 5; i++) await sendMouse({ type: 'move', position: [Math.round(from[0] + ((to[0] - from[0]) * i) / 5), from[1]] });
    await sendMouse({ type: 'up' });
    const scaled = objects(s)[0].object;
    const left = scaled.x - half * scaled.scaleX;
    const right = scaled.x + half * scaled.scaleX;
    expect(Math.abs(right - cx), `right edge ${right} on the centre line ${cx}`).to.be.at.most(1);
    expect(left).to.be.closeTo(placed.x - half, 1);
    s.el.undo();
    expect(objects(s)[0].object.scaleX).to.equal(1);
  });

  it('the snap switch turns snapping off, and back on', async () => {
    s = await mountStudio();
    const v = view(s);
    const { cx } = areaBox(v);
    const start: Pt = [Math.round(cx - 200), Math.round(geometry(v).centre(90)[1])];
    await placeShape(s, start);
    const z = s.editor.canvas.getZoom();
    const near: Pt = [cx + 4 / z, start[1]];
    const toggle = s.shadow<HTMLButtonElement>('[data-action="snap"]');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await clickIn(toggle);
    await s.el.updateComplete;
    expect(s.shadow('[data-action="snap"]').getAttribute('aria-pressed')).to.equal('false');
    await dragHeld(s, start, near);
    expect(Math.abs(objects(s)[0].object.x - cx), 'not snapped with the switch off').to.be.at.least(2 / z);
    s.el.undo();
    await clickIn(s.shadow('[data-action="snap"]'));
    await dragHeld(s, start, near);
    expect(Math.abs(objects(s)[0].object.x - cx), 'snapped again').to.be.at.most(1);
  });

  it('on a phone a finger drag snaps, and the switch in the style row turns it off with a tap', async () => {
    await usePhone();
    try {
      s = await mountStudio({ viewport: false, width: 360, height: 640 });
      const v = view(s);
      const { cx } = areaBox(v);
      const start: Pt = [Math.round(cx - 200), Math.round(geometry(v).centre(90)[1])];
      const placed = (await placeShape(s, start)).object;
      const z = s.editor.canvas.getZoom();
      const near: Pt = [cx + 4 / z, start[1]];
      const fingerDrag = async () => {
        const [a, b] = [s.toPage(start), s.toPage(near)];
        await swipe([0, 1, 2, 3, 4, 5].map((i) => [Math.round(a[0] + ((b[0] - a[0]) * i) / 5), a[1]] as Pt));
        await waitFor(() => objects(s)[0].object.x !== placed.x, 'the shape moved by the finger');
        return objects(s)[0].object.x;
      };
      expect(Math.abs((await fingerDrag()) - cx), 'snapped to the centre').to.be.at.most(1);
      s.el.undo();

      const toggle = s.shadow<HTMLButtonElement>('.strip [data-action="snap"]');
      toggle.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = toggle.getBoundingClientRect();
      expect(r.right, `inside the page: ${JSON.stringify(r)}`).to.be.at.most(innerWidth + 1);
      expect(r.bottom, `inside the page: ${JSON.stringify(r)}`).to.be.at.most(innerHeight + 1);
      expect(toggle.textContent?.trim()).to.equal('Snap to guides');
      await tap(toggle);
      await waitFor(() => s.shadow('.strip [data-action="snap"]').getAttribute('aria-pressed') === 'false', 'the switch off');
      s.editor.setActiveLayer(objects(s)[0].id);
      expect(Math.abs((await fingerDrag()) - cx), 'not snapped with the switch off').to.be.at.least(2 / z);
    } finally {
      await leavePhone();
    }
  });
});
