import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { DOCUMENT_LIMITS } from '../../src/document/limits.ts';
import type { DesignDocument, Stroke } from '../../src/document/types.ts';
import { SPRAY_MAX_SAMPLES } from '../../src/editor/tools/spray/spray-can.ts';
import type { TemplateView } from '../../src/template/types.ts';
import { cdp } from '../support/cdp.ts';
import { canonical, nextSave, storedAsShown, uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { mountStudio, type Pt, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

// Issue 14, part 7: the spray can. Its input is timed (the tool samples the
// nozzle every 20 ms while the button is down), so these tests move the real
// mouse at a set pace: `holdFor` is part of the input, not a wait for a result.

/** The export of the old-style fixture on the studio before style 2 existed (SHA-256 of its RGBA pixels). */
const OLD_SPRAY_EXPORT = '077e1507bdbcfab121eed66505b80e27e36402e5ee7ffd7437c5d0a2c5f6ac5e';

const view = (s: TestStudio): TemplateView => s.editor.manifest!.views.find((v) => v.id === s.editor.view)!;

async function holdFor(ms: number): Promise<void> {
  const end = performance.now() + ms;
  await waitFor(() => performance.now() >= end, `${ms} ms of input`, ms + 5000, 5);
}

/** Presses at the first point and moves through the others, `pause` ms at each; returns how long it took. */
async function spray(s: TestStudio, points: Pt[], pause: number): Promise<number> {
  const start = performance.now();
  await sendMouse({ type: 'move', position: s.toPage(points[0]) });
  await sendMouse({ type: 'down' });
  for (const p of points.slice(1)) {
    await sendMouse({ type: 'move', position: s.toPage(p) });
    if (pause) await holdFor(pause);
  }
  await sendMouse({ type: 'up' });
  await s.el.updateComplete;
  return performance.now() - start;
}

/** Shift+D, the drips command's key. */
async function toggleDrips(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'D' });
  await sendKeys({ up: 'Shift' });
}

function line(from: Pt, length: number, steps: number): Pt[] {
  return Array.from({ length: steps + 1 }, (_, i): Pt => [from[0] + (length * i) / steps, from[1]]);
}

/** Sum of alpha of an export (1 px per design unit) in a box of design units. */
function alphaIn(img: ImageData, s: TestStudio, [x0, y0]: Pt, [x1, y1]: Pt): number {
  const k = img.width / view(s).width;
  let sum = 0;
  for (let y = Math.round(y0 * k); y < Math.round(y1 * k); y++) {
    for (let x = Math.round(x0 * k); x < Math.round(x1 * k); x++) sum += img.data[(y * img.width + x) * 4 + 3];
  }
  return sum;
}

/** Sum of alpha on the live preview (fabric's top canvas) in a box of design units. */
function previewAlphaIn(s: TestStudio, [x0, y0]: Pt, [x1, y1]: Pt): number {
  const [z, , , , tx, ty] = s.editor.canvas.viewportTransform;
  const r = s.editor.canvas.getRetinaScaling();
  const left = Math.round((x0 * z + tx) * r);
  const top = Math.round((y0 * z + ty) * r);
  const w = Math.max(1, Math.round((x1 - x0) * z * r));
  const h = Math.max(1, Math.round((y1 - y0) * z * r));
  const data = s.editor.canvas.contextTop.getImageData(left, top, w, h).data;
  let sum = 0;
  for (let i = 3; i < data.length; i += 4) sum += data[i];
  return sum;
}

function strokes(design: DesignDocument): Stroke[] {
  return design.views.flatMap((v) => v.layers.flatMap((l) => (l.kind === 'paint' ? l.marks : []))).filter((m) => m.type === 'stroke');
}

function samePixels(a: ImageData, b: ImageData): boolean {
  return a.width === b.width && a.height === b.height && a.data.every((v, i) => v === b.data[i]);
}

async function sha256(img: ImageData): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', img.data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('<co-design-studio> spray can', () => {
  let s: TestStudio | undefined;
  afterEach(() => s?.remove());

  it('lays more paint on a slow pass than on a fast one over the same path', async () => {
    s = await mountStudio();
    await s.tool('spray');
    const from = geometry(view(s!)).interior(60).find(([x, y]) => geometry(view(s!)).inArea(x + 260, y))!;
    const band: [Pt, Pt] = [
      [from[0], from[1] - 40],
      [from[0] + 240, from[1] + 40],
    ];

    const slowMs = await spray(s, line(from, 240, 24), 60);
    const slowStroke = strokes(s.design()).at(-1)!;
    const slow = alphaIn(await s.exportPixels({ withProduct: false, width: 1600 }), s, ...band);
    s.el.undo();
    const fastMs = await spray(s, line(from, 240, 3), 0);
    const fastStroke = strokes(s.design()).at(-1)!;
    const fast = alphaIn(await s.exportPixels({ withProduct: false, width: 1600 }), s, ...band);

    console.log(`spray: slow ${slowStroke.pts.length / 2} samples in ${Math.round(slowMs)} ms, alpha ${slow}; fast ${fastStroke.pts.length / 2} in ${Math.round(fastMs)} ms, alpha ${fast}`);
    expect(slowStroke.style).to.equal(2);
    expect(fastMs, 'the fast pass was faster').to.be.below(slowMs / 3);
    expect(slowStroke.pts.length, 'the slow pass has more samples').to.be.greaterThan(fastStroke.pts.length * 2);
    expect(fast, 'the fast pass painted').to.be.greaterThan(0);
    expect(slow, 'paint of the slow pass against the fast one').to.be.greaterThan(fast * 1.5);
  });

  it('drips below a held nozzle with drips on, and not with them off', async () => {
    s = await mountStudio();
    await s.tool('spray');
    const hold = geometry(view(s!)).interior(30).find(([x, y]) => geometry(view(s!)).inArea(x, y + 90))!;
    const radius = s.editor.style.size * 3;
    // Below the reach of any particle (1.2 × the radius), where only a drip can put paint.
    const below: [Pt, Pt] = [
      [hold[0] - radius * 0.5, hold[1] + radius * 1.4],
      [hold[0] + radius * 0.5, hold[1] + radius * 3],
    ];
    await toggleDrips();
    expect(s.editor.style.sprayDrips, 'Shift+D turned drips on').to.equal(true);
    const toggle = s.shadow('[data-action="spray.drips"]');
    await s.el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');

    await sendMouse({ type: 'move', position: s.toPage(hold) });
    await sendMouse({ type: 'down' });
    const started = performance.now();
    // What the customer sees: the paint running down in the live preview, held until it has run past the top of
    // the region the export is checked in (a stray droplet at the region's top edge is not yet a drip).
    const deep: [Pt, Pt] = [[below[0][0], hold[1] + radius * 1.8], below[1]];
    await waitFor(() => previewAlphaIn(s!, ...deep) > 0, 'a drip in the live preview', 8000);
    const held = performance.now() - started;
    await sendMouse({ type: 'up' });
    const dripped = strokes(s.design()).at(-1)!;
    expect(dripped.drips).to.equal(true);
    const withDrips = alphaIn(await s.exportPixels({ withProduct: false, width: 1600 }), s, ...below);
    expect(withDrips, 'paint below the hold point in the export').to.be.greaterThan(0);

    s.el.undo();
    await toggleDrips();
    expect(s.editor.style.sprayDrips).to.equal(false);
    await sendMouse({ type: 'down' });
    await holdFor(held + 100);
    await sendMouse({ type: 'up' });
    const still = strokes(s.design()).at(-1)!;
    expect(still.drips).to.equal(undefined);
    expect(still.pts.length, 'held at least as long').to.be.at.least(dripped.pts.length);
    expect(alphaIn(await s.exportPixels({ withProduct: false, width: 1600 }), s, ...below), 'no drips when off').to.equal(0);
  });

  it('stops sampling at the document\'s limit on points', () => {
    expect(SPRAY_MAX_SAMPLES).to.equal(DOCUMENT_LIMITS.ptsEntries / 2);
  });

  it('lets out more paint the harder a pen presses', async () => {
    s = await mountStudio();
    await s.tool('spray');
    const g = geometry(view(s));
    const [light, hard] = g.interior(40).filter(([x, y]) => g.inArea(x + 200, y)).map((p): [Pt, Pt] => [p, [p[0] + 200, p[1]]])[0];
    const pen = (type: string, p: Pt, force: number) => ({
      method: 'Input.dispatchMouseEvent',
      params: { type, x: s!.toPage(p)[0], y: s!.toPage(p)[1], button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1, pointerType: 'pen', force },
    });
    // The light press is held twice as long as the hard one, and still lays less paint.
    for (const [at, force, ms] of [[light, 0.15, 300], [hard, 1, 150]] as const) {
      await cdp([pen('mouseMoved', at, 0), pen('mousePressed', at, force), pen('mouseMoved', at, force)]);
      await holdFor(ms);
      await cdp(pen('mouseReleased', at, 0));
    }
    const [a, b] = strokes(s.design());
    expect(a.pressure?.every((p) => p < 60), 'light pressure stored').to.equal(true);
    expect(b.pressure?.every((p) => p > 200), 'hard pressure stored').to.equal(true);
    expect(a.pts.length, 'the light press was held longer').to.be.greaterThan(b.pts.length);
    const img = await s.exportPixels({ withProduct: false, width: 1600 });
    const around = ([x, y]: Pt): [Pt, Pt] => [[x - 30, y - 30], [x + 30, y + 30]];
    expect(alphaIn(img, s, ...around(hard)), 'hard against light').to.be.greaterThan(alphaIn(img, s, ...around(light)) * 1.2);
  });

  it('reopens a design with the new spray as the same pixels, from its draft and through loadDesign', async () => {
    const key = uniqueKey('spray');
    s = await mountStudio({ draftKey: key });
    await s.tool('spray');
    await toggleDrips();
    const g = geometry(view(s!));
    const from = g.interior(60).find(([x, y]) => g.inArea(x + 200, y))!;
    await spray(s, line(from, 200, 10), 40);
    const saved = nextSave(s.el);
    await spray(s, [from, from, [from[0] + 100, from[1] + 10]], 500);
    await storedAsShown(s.el, (await saved).draft);
    const design = canonical(s.design());
    const before = await s.exportPixels({ width: 1600 });
    expect(strokes(s.design()).filter((m) => m.drips).length).to.equal(2);
    s.remove();

    s = await mountStudio({ draftKey: key });
    expect(canonical(s.design()), 'the draft').to.equal(design);
    expect(samePixels(await s.exportPixels({ width: 1600 }), before), 'same pixels after the draft restore').to.equal(true);
    s.remove();

    s = await mountStudio();
    await s.el.loadDesign(JSON.parse(design));
    expect(samePixels(await s.exportPixels({ width: 1600 }), before), 'same pixels through loadDesign').to.equal(true);
  });

  it('exports a design made with the old spray exactly as before', async () => {
    s = await mountStudio();
    const old = await (await fetch(new URL('../fixtures/designs/roadster-old-spray.json', import.meta.url))).json();
    await s.el.loadDesign(old);
    expect(strokes(s.design()).every((m) => m.style === undefined), 'no style added').to.equal(true);
    expect(await sha256(await s.exportPixels({ withProduct: false, width: 1600 }))).to.equal(OLD_SPRAY_EXPORT);
  });
});
