import { expect } from '@open-wc/testing';
import { expectNoViolations } from '../a11y/axe.ts';
import { cdp } from '../support/cdp.ts';
import { geometry } from '../support/geometry.ts';
import { leavePhone, PHONE, pinch, swipe, tap, touch, usePhone } from '../support/phone.ts';
import { mountStudio, type Pt, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

const marks = (s: TestStudio) =>
  s
    .design()
    .views.flatMap((v) => v.layers)
    .reduce((n, l) => n + (l.kind === 'paint' ? l.marks.length : 0), 0);

/** Inside the screen, whole: what a thumb can reach without scrolling. */
function onScreen(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5;
}

/**
 * The studio on a phone (issue 13): 360 × 640 CSS px at device pixel ratio 3,
 * a page with the phone's viewport meta, and only touch input through the
 * browser's own pipeline. The page under the studio is taller than the
 * screen, so a swipe that reached the page would scroll it.
 */
describe('<co-design-studio> on a phone, 360 × 640', () => {
  let s: TestStudio;
  let spacer: HTMLElement;

  beforeEach(async () => {
    await usePhone();
    spacer = Object.assign(document.createElement('div'), { className: 'spacer' });
    spacer.style.height = '1500px';
    s = await mountStudio({ viewport: false, width: PHONE.width, height: PHONE.height });
    s.el.style.width = '100%';
    document.body.append(spacer);
    scrollTo(0, 0);
  });
  afterEach(async () => {
    s?.remove();
    spacer?.remove();
    await leavePhone();
  });

  it('gives the canvas the whole width, fits the product to it, and keeps every tool on screen in a bottom bar', async () => {
    expect(document.documentElement.scrollWidth, 'nothing wider than the screen').to.equal(innerWidth);
    const host = s.el.getBoundingClientRect();
    expect(host.height, 'never taller than the screen').to.be.at.most(innerHeight);
    const stage = s.shadow('.stage').getBoundingClientRect();
    expect(stage.width).to.equal(innerWidth);
    const view = s.editor.manifest!.views[0];
    const [x0] = s.toPage([0, 0]);
    const [x1] = s.toPage([view.width, view.height]);
    expect(x1 - x0, 'the product as wide as the canvas allows').to.be.at.least(0.9 * stage.width);
    const bar = s.shadow('.toolbar').getBoundingClientRect();
    expect(bar.top, 'tools under the canvas').to.be.at.least(stage.bottom);
    const tools = [...s.el.shadowRoot!.querySelectorAll('.toolbar .tool')];
    expect(tools.length).to.be.at.least(10);
    for (const b of tools) {
      expect(onScreen(b), `${b.getAttribute('data-tool')} on screen`).to.equal(true);
      expect(b.getBoundingClientRect().height, 'a fingertip’s height').to.be.at.least(44);
    }
    expect(getComputedStyle(s.shadow('.side')).display, 'no side panel taking width').to.equal('none');
    expect(s.shadow('.toolbar').getAttribute('aria-orientation')).to.equal('horizontal');
  });

  it('chooses tools from the bottom bar and colour and size from the row above it, with taps', async () => {
    await tap(s.shadow('.toolbar [data-tool="marker"]'));
    await waitFor(() => s.editor.tool === 'marker', 'the marker chosen by a tap');
    const row = s.shadow('.strip');
    expect(onScreen(row)).to.equal(true);
    const size = row.querySelector<HTMLInputElement>('input[type=range]')!;
    expect(onScreen(size), 'the size slider in view').to.equal(true);
    const swatch = [...row.querySelectorAll<HTMLElement>('.swatch')].find(
      (b) => b.getAttribute('aria-checked') !== 'true' && onScreen(b),
    )!;
    await tap(swatch);
    await waitFor(() => s.editor.style.color === swatch.dataset.colour, 'the colour chosen by a tap');
    // The slider's track: a tap near its right end sets a large size.
    const r = size.getBoundingClientRect();
    const before = s.editor.style.size;
    await cdp([
      touch('touchStart', [[Math.round(r.right - 3), Math.round(r.top + r.height / 2)]]),
      touch('touchEnd', []),
    ]);
    await waitFor(() => s.editor.style.size > Math.max(before, 60), 'a larger size from a tap on the slider');
  });

  it('paints with one finger, pinches with two without painting, and fits again from the button on the canvas', async () => {
    await tap(s.shadow('.toolbar [data-tool="pencil"]'));
    await waitFor(() => s.editor.tool === 'pencil', 'the pencil chosen');
    const c = geometry(s.editor.manifest!.views[0]).centre(20);
    const [x, y] = s.toPage(c);
    await swipe([
      [x - 30, y],
      [x - 10, y + 2],
      [x + 10, y + 4],
      [x + 30, y + 6],
    ]);
    await waitFor(() => marks(s) === 1, 'the stroke of one finger');

    const z0 = s.editor.viewport.zoom;
    await pinch([x, y], 60);
    expect(s.editor.viewport.zoom, 'zoomed in by the pinch').to.be.greaterThan(z0 * 2);
    expect(marks(s), 'the pinch painted nothing').to.equal(1);

    const fit = s.shadow('.stage-tools [data-action="fit"]');
    expect(onScreen(fit)).to.equal(true);
    await tap(fit);
    await waitFor(() => Math.abs(s.editor.viewport.zoom - 1) < 1e-6, 'the product fitted again');
  });

  it('opens the layers sheet over the canvas with one tap, and closes it when painting starts', async () => {
    const toggle = s.shadow('[data-action="panel"]');
    expect(onScreen(toggle)).to.equal(true);
    await tap(toggle);
    await waitFor(() => getComputedStyle(s.shadow('.side')).display !== 'none', 'the sheet open');
    const sheet = s.shadow('.side').getBoundingClientRect();
    const stage = s.shadow('.stage').getBoundingClientRect();
    expect(sheet.bottom, 'over the canvas, above the tools').to.be.at.most(stage.bottom + 0.5);
    expect(onScreen(s.shadow('.layers-panel'))).to.equal(true);
    await expectNoViolations(s.el, 'the phone layout with the sheet open');
    // Painting above the sheet closes it.
    await tap(s.shadow('.toolbar [data-tool="pencil"]'));
    const [x, y] = [Math.round(stage.left + stage.width / 2), Math.round(stage.top + 40)];
    await swipe([
      [x - 20, y],
      [x, y + 3],
      [x + 20, y + 6],
    ]);
    await waitFor(() => getComputedStyle(s.shadow('.side')).display === 'none', 'the sheet closed by painting');
  });

  it('has drafts and submit one tap away, and axe finds nothing in the phone layout', async () => {
    for (const action of ['drafts', 'submit', 'undo', 'redo', 'panel'])
      expect(onScreen(s.shadow(`.bar [data-action="${action}"]`)), action).to.equal(true);
    await expectNoViolations(s.el, 'the phone layout');
    await tap(s.shadow('.toolbar [data-tool="sticker"]'));
    await waitFor(() => s.el.shadowRoot!.querySelector('.strip .sticker'), 'the stickers in the row');
    await expectNoViolations(s.el, 'the phone layout with the sticker tool');
  });

  it('does not scroll or zoom the page while painting, though the same swipe off the canvas scrolls it', async () => {
    await tap(s.shadow('.toolbar [data-tool="pencil"]'));
    await waitFor(() => s.editor.tool === 'pencil', 'the pencil chosen');
    const [x, y] = s.toPage(geometry(s.editor.manifest!.views[0]).centre(10));
    // Upwards, as a thumb reaching for the bottom bar swipes.
    await swipe([
      [x, y + 60],
      [x + 2, y + 20],
      [x + 4, y - 20],
      [x + 6, y - 60],
    ]);
    await waitFor(() => marks(s) === 1, 'the stroke');
    expect(scrollY, 'the page did not scroll').to.equal(0);
    expect(visualViewport!.scale, 'the page did not zoom').to.equal(1);
    await pinch([x, y], 40);
    expect(visualViewport!.scale, 'a pinch on the canvas zooms the canvas, not the page').to.equal(1);

    // The trigger works: the page does scroll under a finger that swipes beside the studio.
    const below = s.el.getBoundingClientRect().bottom;
    s.el.style.height = '400px';
    s.el.style.setProperty('--co-design-height', '400px');
    await waitFor(() => s.el.getBoundingClientRect().bottom < below, 'room beside the studio');
    const [fx, fy]: Pt = [180, Math.round(s.el.getBoundingClientRect().bottom + 150)];
    await swipe([
      [fx, fy + 60],
      [fx + 2, fy + 20],
      [fx + 4, fy - 20],
      [fx + 6, fy - 60],
    ]);
    await waitFor(() => scrollY > 0, 'the page scrolled by a swipe off the canvas');
  });
});
