import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ObjectLayer, PlacedObject } from '../../src/document/types.ts';
import type { TemplateView } from '../../src/template/types.ts';
import { expectNoViolations } from '../a11y/axe.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, pixel, type Pt, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

const view = (s: TestStudio): TemplateView => s.editor.manifest!.views.find((v) => v.id === s.editor.view)!;
const objects = (s: TestStudio): ObjectLayer[] =>
  s.design().views.find((v) => v.view === s.editor.view)!.layers.filter((l): l is ObjectLayer => l.kind === 'object');
const last = (s: TestStudio): PlacedObject => objects(s).at(-1)!.object;

/** Places an object with a tool by a tap, and waits until it is in the design. */
async function placeWith(s: TestStudio, tool: 'text' | 'shape' | 'sticker', at: Pt): Promise<PlacedObject> {
  const before = objects(s).length;
  await s.tool(tool);
  await s.click(at);
  await waitFor(() => objects(s).length > before, `the ${tool} placed`);
  if (tool === 'text') await sendKeys({ press: 'Escape' });
  await s.el.updateComplete;
  return last(s);
}

/** The selected object's own options in the panel (a lazy part of it). */
const options = (s: TestStudio, type: string) =>
  waitFor(() => s.el.shadowRoot!.querySelector<HTMLElement>(`.selection-options[data-object="${type}"]`), `the ${type}'s options`);

async function swatch(s: TestStudio, colour: string): Promise<void> {
  await clickIn(s.shadow(`.swatch[data-colour="${colour}"]`));
  await s.el.updateComplete;
}

describe('<co-design-studio> options that follow the selection', () => {
  let s: TestStudio;
  afterEach(() => s?.remove());

  it('a selected text shows its own colour, font and size; each change is one undo step', async () => {
    s = await mountStudio();
    const g = geometry(view(s));
    await s.tool('text');
    await swatch(s, '#0072ce');
    const at = g.centre(60);
    const text = await placeWith(s, 'text', at);
    // The brush moves on to another colour: the panel must show the text's, not the brush's.
    await s.tool('pencil');
    await swatch(s, '#1fa84f');
    await s.tool('select');
    await s.click(at);
    const panel = await options(s, 'text');
    expect(panel.querySelector('[data-option="color"] [aria-checked="true"]')?.getAttribute('data-colour')).to.equal('#0072ce');
    expect(panel.querySelector<HTMLSelectElement>('select[data-option="font"]')!.value).to.equal(text.type === 'text' && text.font);
    expect(panel.querySelector<HTMLInputElement>('input[data-option="size"]')!.value).to.equal(String(text.type === 'text' && text.size));
    expect(panel.querySelector('[data-option="fill"]'), 'a text has no fill').to.equal(null);
    await expectNoViolations(s.el, 'a text selected, its options showing');

    await clickIn(panel.querySelector('[data-option="color"] [data-colour="#6a2c91"]')!);
    await waitFor(() => last(s).type === 'text' && (last(s) as { color: string }).color === '#6a2c91', 'the text purple');
    expect(s.editor.style.color, 'the brush is left alone').to.equal('#1fa84f');

    const size = (await options(s, 'text')).querySelector<HTMLInputElement>('input[data-option="size"]')!;
    size.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => (last(s) as { size: number }).size === (text as { size: number }).size + 2, 'the text 2 larger');
    s.el.undo();
    expect((last(s) as { size: number }).size).to.equal((text as { size: number }).size);
    expect((last(s) as { color: string }).color).to.equal('#6a2c91');
    s.el.undo();
    expect((last(s) as { color: string }).color).to.equal('#0072ce');
  });

  it('a selected sticker offers no font and no colour; a shape offers its fill and outline', async () => {
    s = await mountStudio();
    const [a, b] = [geometry(view(s)).centre(90), geometry(view(s)).interior(60)[0]];
    const sticker = await placeWith(s, 'sticker', a);
    expect(sticker.type).to.equal('sticker');
    const panel = await options(s, 'sticker');
    expect(panel.querySelector('select'), 'no font').to.equal(null);
    expect(panel.querySelectorAll('.swatch').length, 'no colour').to.equal(0);
    expect(s.el.shadowRoot!.querySelectorAll('select').length, 'no brush font either').to.equal(0);
    await expectNoViolations(s.el, 'a sticker selected');

    await s.tool('shape');
    await swatch(s, '#ffd400');
    const shape = await placeWith(s, 'shape', b);
    expect(shape.type === 'shape' && shape.fill).to.equal('#ffd400');
    const shapePanel = await options(s, 'shape');
    expect(shapePanel.querySelector('[data-option="fill"] [aria-checked="true"]')?.getAttribute('data-colour')).to.equal('#ffd400');
    expect(shapePanel.querySelector('[data-option="stroke"] [aria-checked="true"]')?.getAttribute('data-colour')).to.equal('none');
    expect(shapePanel.querySelector('select'), 'a shape has no font').to.equal(null);
    const steps = () => s.editor.historyEntries().done.length;
    const before = steps();
    await clickIn(shapePanel.querySelector('[data-option="stroke"] [data-colour="#111111"]')!);
    await waitFor(() => (last(s) as { stroke: string | null }).stroke === '#111111', 'an outline on the shape');
    // The shape is rebuilt with its outline and stays selected: its panel is still there.
    await clickIn((await options(s, 'shape')).querySelector('[data-option="fill"] [data-colour="none"]')!);
    await waitFor(() => (last(s) as { fill: string | null }).fill === null, 'the fill taken away');
    expect(steps() - before, 'one undo step per change').to.equal(2);
    await options(s, 'shape');
    await expectNoViolations(s.el, 'a shape selected, its fill and outline showing');
    s.el.undo();
    expect((last(s) as { fill: string | null }).fill).to.equal('#ffd400');
  });

  it('new text and shapes never come out in the colour they sit on', async () => {
    s = await mountStudio();
    const v = view(s);
    const g = geometry(v);
    await s.tool('fill');
    await swatch(s, '#ff7a00');
    await s.click(g.centre(20));
    // First proof that a colour that shows is kept: a blue shape on the orange coat stays blue.
    await s.tool('shape');
    await swatch(s, '#0072ce');
    const blue = await placeWith(s, 'shape', g.interior(60)[0]);
    expect(blue.type === 'shape' && blue.fill).to.equal('#0072ce');
    expect(s.shadow('.notice').textContent).to.equal('');
    // Orange text on the orange coat comes out black (the colour that contrasts most), and the studio says so.
    await s.tool('text');
    await swatch(s, '#ff7a00');
    const text = await placeWith(s, 'text', g.centre(60));
    expect(text.type === 'text' && text.color).to.equal('#111111');
    expect(s.shadow('.notice').textContent).to.match(/colour changed/i);
    expect(s.editor.style.color, 'the brush shows the colour used').to.equal('#111111');
    // An orange shape too.
    await s.tool('shape');
    await swatch(s, '#ff7a00');
    // Away from the text, on the orange coat.
    const shape = await placeWith(s, 'shape', g.interior(60).at(-1)!);
    expect(shape.type === 'shape' && shape.fill).to.equal('#111111');
  });

  it('on a template with a palette the contrasting colour is one of the palette', async () => {
    s = await mountStudio({ template: '/templates/sneaker.json' });
    const v = view(s);
    const g = geometry(v);
    const palette = s.editor.manifest!.palette!;
    await s.tool('fill');
    await swatch(s, '#1b264f');
    await s.click(g.centre(20));
    // A point where the navy coat shows (the shoe's laces and seams are drawn over the paint).
    const img = await s.exportPixels({ width: v.width });
    const navy = g.interior(20).find(([x, y]) => {
      const [r, gr, b] = pixel(img, x, y);
      return Math.abs(r - 0x1b) + Math.abs(gr - 0x26) + Math.abs(b - 0x4f) < 30;
    });
    expect(navy, 'navy shows somewhere').to.not.equal(undefined);
    await s.tool('text');
    await swatch(s, '#1b264f');
    const text = await placeWith(s, 'text', navy!);
    expect(text.type === 'text' && text.color).to.not.equal('#1b264f');
    expect(palette).to.include(text.type === 'text' && text.color);
  });

  it('the sticker tool starts with the first sticker chosen', async () => {
    s = await mountStudio();
    const first = s.editor.manifest!.stickers![0];
    await s.tool('sticker');
    expect(s.shadow(`[data-sticker="${first.id}"]`).getAttribute('aria-checked')).to.equal('true');
    const placed = await placeWith(s, 'sticker', geometry(view(s)).centre(60));
    expect(placed.type === 'sticker' && placed.sticker).to.equal(first.id);
  });

  it('a long layer name is truncated with an ellipsis, the whole name in its title and accessible name', async () => {
    s = await mountStudio();
    const long = 'Flames along the whole driver side, from the front wheel arch to the rear lights';
    const layer = s.editor.layers[0];
    const input = s.shadow<HTMLInputElement>(`[data-layer="${layer.id}"] .layer-name`);
    await clickIn(input);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ type: long });
    await sendKeys({ press: 'Enter' });
    input.blur();
    await waitFor(() => s.editor.layers[0].name === long, 'the layer renamed');
    await s.el.updateComplete;
    const shown = s.shadow<HTMLInputElement>(`[data-layer="${layer.id}"] .layer-name`);
    expect(shown.value).to.equal(long);
    expect(shown.title).to.equal(long);
    expect(shown.getAttribute('aria-label')).to.contain(long);
    expect(getComputedStyle(shown).textOverflow).to.equal('ellipsis');
    expect(shown.scrollWidth, 'the name is longer than its box').to.be.greaterThan(shown.clientWidth);
  });
});
