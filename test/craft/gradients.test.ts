import { expect } from '@open-wc/testing';
import type { Fill, ShapeObject } from '../../src/document/types.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, pixel, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

const BLUE = [0x00, 0x72, 0xce];
// The swatch after blue in the studio's own (the roadster has no palette): a new gradient runs to it.
const PURPLE = [0x6a, 0x2c, 0x91];

function near(px: number[], want: number[], by = 10): boolean {
  return want.every((c, i) => Math.abs(px[i] - c) <= by) && px[3] === 255;
}

function differing(a: ImageData, b: ImageData): number {
  let diff = 0;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) diff++;
  return diff;
}

/** The opaque pixel furthest left (`side` -1) or right (+1) on the painted rows of an export. */
function extreme(img: ImageData, side: -1 | 1): number[] {
  let best: [number, number] | undefined;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[(y * img.width + x) * 4 + 3] !== 255) continue;
      if (!best || (side < 0 ? x < best[0] : x > best[0])) best = [x, y];
    }
  }
  // One pixel in from the very edge, on the same row: the edge pixel itself may be blended by the clip.
  return pixel(img, best![0] - side * 2, best![1]);
}

async function chooseGradient(s: TestStudio, kind: 'none' | 'linear' | 'radial'): Promise<void> {
  const chip = () => s.el.shadowRoot!.querySelector(`[data-gradient="${kind}"]`);
  await clickIn(await waitFor(chip, 'the gradient controls'));
  await waitFor(() => chip()?.getAttribute('aria-checked') === 'true', () => `${kind} chosen; chip ${chip()?.outerHTML.slice(0, 80)}, selected ${JSON.stringify(s.editor.selectedLayer())}`);
}

describe('<co-design-studio> gradients', () => {
  let s: TestStudio;
  let t: TestStudio | undefined;
  afterEach(() => {
    s?.remove();
    t?.remove();
    t = undefined;
  });

  it('an area fill with a linear gradient exports its end colours at the area’s ends', async () => {
    s = await mountStudio();
    const [x, y] = geometry(s.editor.manifest!.views[0]).centre(40);
    await s.tool('fill');
    await clickIn(s.shadow('[data-colour="#0072ce"]'));
    await chooseGradient(s, 'linear');
    await s.click([x, y]);
    const marks = () => s.design().views[0].layers.flatMap((l) => (l.kind === 'paint' ? l.marks : []));
    await waitFor(() => marks().length === 1, 'the gradient fill committed');
    const fill = marks()[0] as Fill;
    expect(fill.gradient).to.deep.equal({ type: 'linear', angle: 0, stops: [{ at: 0, color: '#0072ce' }, { at: 1, color: '#6a2c91' }] });
    const img = await s.exportPixels({ withProduct: false, width: 1600 });
    expect(near(extreme(img, -1), BLUE), `left end ${extreme(img, -1)}`).to.equal(true);
    expect(near(extreme(img, 1), PURPLE), `right end ${extreme(img, 1)}`).to.equal(true);

    // Reopened, the same pixels.
    t = await mountStudio();
    await t.el.loadDesign(JSON.parse(JSON.stringify(s.design())));
    expect(differing(img, await t.exportPixels({ withProduct: false, width: 1600 }))).to.equal(0);
  });

  it('a shape with a gradient restores and exports the same, and its gradient is edited once selected', async () => {
    s = await mountStudio();
    const [x, y] = geometry(s.editor.manifest!.views[0]).centre(80);
    await s.tool('shape');
    await clickIn(s.shadow('[data-shape="rect"]'));
    await clickIn(s.shadow('[data-colour="#0072ce"]'));
    await chooseGradient(s, 'linear');
    await s.drag([[x - 60, y - 30], [x + 60, y + 30]], { steps: 4 });
    const shape = () => s.design().views[0].layers.flatMap((l) => (l.kind === 'object' ? [l.object] : []))[0] as ShapeObject;
    await waitFor(shape, 'the rectangle placed');
    expect(shape().fillGradient?.stops.map((st) => st.color)).to.deep.equal(['#0072ce', '#6a2c91']);
    const img = await s.exportPixels({ withProduct: false, width: 1600 });
    expect(near(pixel(img, x - 58, y), BLUE), `left ${pixel(img, x - 58, y)}`).to.equal(true);
    expect(near(pixel(img, x + 57, y), PURPLE), `right ${pixel(img, x + 57, y)}`).to.equal(true);

    const doc = JSON.parse(JSON.stringify(s.design()));
    t = await mountStudio();
    await t.el.loadDesign(doc);
    expect(differing(img, await t.exportPixels({ withProduct: false, width: 1600 })), 'restored').to.equal(0);
    t.remove();
    t = undefined;

    // Selected, the shape shows its own gradient; making it radial is one undo step.
    await s.tool('select');
    await s.click([x, y]);
    await waitFor(() => s.editor.selectedLayer(), 'the rectangle selected');
    await chooseGradient(s, 'radial');
    await waitFor(() => shape().fillGradient?.type === 'radial', 'the gradient made radial');
    const radial = await s.exportPixels({ withProduct: false, width: 1600 });
    expect(near(pixel(radial, x, y), BLUE), 'the centre takes the first stop').to.equal(true);
    s.el.undo();
    expect(shape().fillGradient?.type).to.equal('linear');
  });
});
