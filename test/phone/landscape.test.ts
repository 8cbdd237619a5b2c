import { expect } from '@open-wc/testing';
import { expectNoViolations } from '../a11y/axe.ts';
import { leavePhone, swipe, tap, usePhone } from '../support/phone.ts';
import { geometry } from '../support/geometry.ts';
import { mountStudio, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

const marks = (s: TestStudio) =>
  s
    .design()
    .views.flatMap((v) => v.layers)
    .reduce((n, l) => n + (l.kind === 'paint' ? l.marks.length : 0), 0);

function inside(el: Element, box: DOMRect): boolean {
  const r = el.getBoundingClientRect();
  return (
    r.width > 0 &&
    r.left >= box.left - 0.5 &&
    r.top >= box.top - 0.5 &&
    r.right <= box.right + 0.5 &&
    r.bottom <= box.bottom + 0.5
  );
}

/** How wide the product's view is drawn, in CSS px. */
function productWidth(s: TestStudio): number {
  const view = s.editor.manifest!.views[0];
  return s.toPage([view.width, 0])[0] - s.toPage([0, 0])[0];
}

describe('<co-design-studio> on a phone on its side, 844 × 390', () => {
  let s: TestStudio | undefined;
  afterEach(async () => {
    s?.remove();
    await leavePhone();
  });

  it('keeps every tool on screen beside the canvas, draws the product larger than upright, and paints with a finger', async () => {
    await usePhone({ width: 390, height: 844 });
    s = await mountStudio({ viewport: false, width: 390, height: 844 });
    const upright = productWidth(s);
    s.remove();
    await usePhone({ width: 844, height: 390 });
    s = await mountStudio({ viewport: false, width: 844, height: 390 });
    const host = s.el.getBoundingClientRect();
    for (const b of s.el.shadowRoot!.querySelectorAll('.toolbar .tool'))
      expect(inside(b, host), b.getAttribute('data-tool')!).to.equal(true);
    expect(inside(s.shadow('.bar [data-action="submit"]'), host)).to.equal(true);
    expect(inside(s.shadow('.strip input[type=range]'), host), 'the size in view').to.equal(true);
    expect(getComputedStyle(s.shadow('.side')).display, 'the panel a sheet, closed').to.equal('none');
    expect(productWidth(s), 'the product larger than upright').to.be.greaterThan(1.5 * upright);
    await tap(s.shadow('.toolbar [data-tool="pencil"]'));
    await waitFor(() => s!.editor.tool === 'pencil', 'the pencil chosen');
    const [x, y] = s.toPage(geometry(s.editor.manifest!.views[0]).centre(20));
    await swipe([
      [x - 20, y],
      [x, y + 3],
      [x + 20, y + 6],
    ]);
    await waitFor(() => marks(s!) === 1, 'the stroke');
    await expectNoViolations(s.el, 'the landscape phone layout');
  });
});

describe('<co-design-studio> in a narrow column of a desktop page', () => {
  let s: TestStudio | undefined;
  afterEach(() => s?.remove());

  it('takes the phone layout from its own width, not the window’s: no side column, tools in a bottom bar', async () => {
    s = await mountStudio({ viewport: { width: 1280, height: 800 }, width: 360, height: 640 });
    expect(innerWidth).to.equal(1280);
    const stage = s.shadow('.stage').getBoundingClientRect();
    expect(stage.width, 'the canvas the whole width').to.equal(360);
    expect(getComputedStyle(s.shadow('.side')).display).to.equal('none');
    expect(s.shadow('.toolbar').getBoundingClientRect().top).to.be.at.least(stage.bottom);
    // And back to columns when the page gives it room.
    s.el.style.width = '1200px';
    await waitFor(() => getComputedStyle(s!.shadow('.side')).display !== 'none', 'the side panel back as a column');
    expect(s.el.shadowRoot!.querySelector('.strip'), 'no style row').to.equal(null);
    expect(s.shadow('.side .style-panel'), 'the style controls back in the side panel').to.exist;
  });
});
