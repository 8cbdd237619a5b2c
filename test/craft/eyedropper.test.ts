import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { nearestColour } from '../../src/editor/tools/eyedropper/oklab.ts';
import { cdp } from '../support/cdp.ts';
import { geometry } from '../support/geometry.ts';
import { leavePhone, tap, touch, usePhone } from '../support/phone.ts';
import { clickIn, mountStudio, pixel, type Pt, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

const hex = ([r, g, b]: number[]) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

async function swatch(s: TestStudio, colour: string): Promise<void> {
  await clickIn(s.shadow(`[data-colour="${colour}"]`));
  await waitFor(() => s.editor.style.color === colour, `${colour} chosen`);
}

/** Moves the keyboard cursor with arrow presses to a design point. */
async function cursorTo(s: TestStudio, [x, y]: Pt): Promise<void> {
  const cursor = s.editor.input.keyboard!.cursor;
  for (let i = 0; i < 200; i++) {
    const z = s.editor.canvas.getZoom();
    const dx = (x - cursor.position.x) * z;
    const dy = (y - cursor.position.y) * z;
    if (Math.abs(dx) >= 6) await sendKeys({ press: dx > 0 ? 'ArrowRight' : 'ArrowLeft' });
    else if (Math.abs(dy) >= 6) await sendKeys({ press: dy > 0 ? 'ArrowDown' : 'ArrowUp' });
    else return;
  }
  throw new Error('the cursor did not get there');
}

describe('<co-design-studio> eyedropper', () => {
  let s: TestStudio | undefined;
  afterEach(() => s?.remove());

  it('picks a painted colour with the mouse and makes it the brush colour', async () => {
    s = await mountStudio();
    const [x, y] = geometry(s.editor.manifest!.views[0]).centre(60);
    await s.tool('pencil');
    await swatch(s, '#1fa84f');
    await s.drag([[x - 40, y], [x + 40, y]], { steps: 4 });
    await swatch(s, '#e4002b');
    await s.tool('eyedropper');
    await s.click([x, y]);
    await waitFor(() => s!.editor.style.color === '#1fa84f', 'the painted green picked');
    expect(s.shadow('.notice').textContent).to.match(/colour picked/i);
    expect(s.shadow('[data-colour="#1fa84f"]').getAttribute('aria-checked')).to.equal('true');

    // Bare design area: the product art is not the design's, so nothing is picked there.
    await s.click([x, y + 40]);
    await waitFor(() => /nothing is painted/i.test(s!.shadow('.notice').textContent ?? ''), 'the nothing-to-pick notice');
    expect(s.editor.style.color).to.equal('#1fa84f');

    // A pen picks as the mouse does.
    await s.tool('pencil');
    await swatch(s, '#0072ce');
    await s.drag([[x - 40, y + 20], [x + 40, y + 20]], { steps: 4 });
    await s.tool('eyedropper');
    const [px, py] = s.toPage([x, y + 20]);
    const pen = (type: string) => ({
      method: 'Input.dispatchMouseEvent',
      params: { type, x: px, y: py, button: 'left', buttons: type === 'mousePressed' ? 1 : 0, clickCount: 1, pointerType: 'pen', force: 0.5 },
    });
    await swatch(s, '#e4002b');
    await cdp([pen('mouseMoved'), pen('mousePressed'), pen('mouseReleased')]);
    await waitFor(() => s!.editor.style.color === '#0072ce', 'the blue picked with a pen');
  });

  it('picks at the keyboard cursor with Enter', async () => {
    s = await mountStudio();
    const [x, y] = geometry(s.editor.manifest!.views[0]).centre(60);
    await s.tool('pencil');
    await swatch(s, '#ff7a00');
    // A band wider than the cursor's last step, so that wherever it stops near (x, y) it is on the paint.
    for (const dy of [-12, -6, 0, 6, 12]) await s.drag([[x - 60, y + dy], [x + 60, y + dy]], { steps: 4 });
    await swatch(s, '#111111');
    s.shadow('.stage').focus();
    await sendKeys({ press: 'o' });
    await waitFor(() => s!.editor.tool === 'eyedropper', 'the eyedropper chosen by its key');
    await waitFor(() => s!.editor.input.keyboard, 'the canvas keyboard');
    await cursorTo(s, [x, y]);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => s!.editor.style.color === '#ff7a00', () => `the orange picked at the cursor, got ${s!.editor.style.color}, notice "${s!.shadow('.notice').textContent}", cursor ${JSON.stringify(s!.editor.input.keyboard!.cursor.position)} vs ${x},${y}`);
  });

  it('on the sneaker, a blended colour snaps to the nearest brand colour (OKLab) and says so', async () => {
    s = await mountStudio({ template: '/templates/sneaker.json' });
    const palette = s.editor.manifest!.palette!;
    const [x, y] = geometry(s.editor.manifest!.views[0]).centre(40);
    await s.tool('marker');
    await swatch(s, '#f6c90e');
    await s.drag([[x - 40, y], [x + 40, y]], { steps: 4 });
    await swatch(s, '#2d7dd2');
    await s.drag([[x, y - 30], [x, y + 30]], { steps: 4 });
    // Two translucent marker strokes crossing: a colour that is in no palette.
    const blend = hex(pixel(await s.exportPixels({ withProduct: false, width: 1600 }), x, y));
    expect(palette).to.not.include(blend);
    await swatch(s, '#1d1d1f');
    await s.tool('eyedropper');
    await s.click([x, y]);
    const expected = nearestColour(blend, palette);
    await waitFor(() => s!.editor.style.color === expected, `the nearest brand colour ${expected}`);
    expect(s.shadow('.notice').textContent).to.match(/not one of the brand colours/i);
  });

  it('picks with a finger on a phone', async () => {
    await usePhone();
    try {
      s = await mountStudio({ viewport: false, width: 360, height: 640 });
      const [x, y] = geometry(s.editor.manifest!.views[0]).centre(60);
      s.editor.setTool('pencil');
      s.editor.setStyle({ color: '#6a2c91', size: 30 });
      await s.drag([[x - 60, y], [x + 60, y]], { steps: 4 });
      s.editor.setStyle({ color: '#e4002b' });
      await tap(s.shadow('.toolbar [data-tool="eyedropper"]'));
      await waitFor(() => s!.editor.tool === 'eyedropper', 'the eyedropper chosen');
      const at: Pt = s.toPage([x, y]);
      await cdp([touch('touchStart', [at]), touch('touchEnd', [])]);
      await waitFor(() => s!.editor.style.color === '#6a2c91', 'the purple picked by touch');
    } finally {
      await leavePhone();
    }
  });
});
