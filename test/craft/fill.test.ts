import { expect } from '@open-wc/testing';
import type { Fill, Mark } from '../../src/document/types.ts';
import type { TemplateView } from '../../src/template/types.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, pixel, type Pt, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

const RED: [number, number, number, number] = [0xe4, 0x00, 0x2b, 255];
const BLUE: [number, number, number, number] = [0x00, 0x72, 0xce, 255];

function sideView(s: TestStudio): TemplateView {
  return s.editor.manifest!.views.find((v) => v.id === s.editor.view)!;
}

function marks(s: TestStudio): Mark[] {
  return s.design().views[0].layers.flatMap((l) => (l.kind === 'paint' ? l.marks : []));
}

function differing(a: ImageData, b: ImageData): number {
  let diff = 0;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) diff++;
  return diff;
}

async function fillMode(s: TestStudio, mode: 'cover' | 'under' | 'bucket'): Promise<void> {
  await s.tool('fill');
  // The fill options load with the tool's first use.
  await clickIn(await waitFor(() => s.el.shadowRoot!.querySelector(`[data-fill-mode="${mode}"]`), 'the fill modes'));
  await waitFor(() => s.shadow(`[data-fill-mode="${mode}"]`).getAttribute('aria-checked') === 'true', `${mode} chosen`);
}

/** A closed square ring of red pencil around (x, y), `r` from its centre. */
async function ring(s: TestStudio, [x, y]: Pt, r: number): Promise<void> {
  await s.tool('pencil');
  await s.drag([[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r], [x - r, y - r]], { steps: 8 });
}

describe('<co-design-studio> fill modes', () => {
  let s: TestStudio;
  let t: TestStudio | undefined;
  afterEach(() => {
    s?.remove();
    t?.remove();
    t = undefined;
  });

  it('a base coat goes under the strokes already painted: they keep their colour, the rest of the area takes it', async () => {
    s = await mountStudio();
    const g = geometry(sideView(s));
    const [x, y] = g.centre(80);
    await s.tool('pencil');
    await s.drag([[x - 60, y], [x + 60, y]], { steps: 6 });
    await clickIn(s.shadow('[data-colour="#0072ce"]'));
    await fillMode(s, 'under');
    await s.click([x, y + 40]);
    const fill = marks(s).at(-1) as Fill;
    expect(fill).to.include({ type: 'fill', color: '#0072ce', under: true });

    const img = await s.exportPixels({ withProduct: false, width: 1600 });
    expect(pixel(img, x, y), 'the stroke keeps its colour').to.deep.equal(RED);
    expect(pixel(img, x, y + 40), 'the rest of the area takes the base coat').to.deep.equal(BLUE);
    const outside = g.outsideAbove([x, y]);
    expect(pixel(img, outside[0], outside[1])[3], 'nothing outside the area').to.equal(0);

    // Painted after it, a stroke goes over the coat as usual.
    await s.tool('pencil');
    await clickIn(s.shadow('[data-colour="#111111"]'));
    await s.drag([[x, y - 30], [x, y + 30]], { steps: 4 });
    const after = await s.exportPixels({ withProduct: false, width: 1600 });
    expect(pixel(after, x, y + 20)).to.deep.equal([0x11, 0x11, 0x11, 255]);
    s.el.undo();
    s.el.undo();
    expect(marks(s)).to.have.length(1);
  });

  it('a bucket floods only the region under the tap, as one undo step, and restores and exports the same', async () => {
    s = await mountStudio();
    const g = geometry(sideView(s));
    const [x, y] = g.centre(100);
    await ring(s, [x, y], 50);
    await clickIn(s.shadow('[data-colour="#0072ce"]'));
    await fillMode(s, 'bucket');
    expect(s.shadow('input[name="fill-tolerance"]'), 'the bucket shows its tolerance').to.exist;
    await s.click([x, y]);
    await waitFor(() => marks(s).length === 2, 'the bucket fill committed');
    const fill = marks(s)[1] as Fill;
    expect(fill.region, 'the flooded region is stored as rings').to.be.an('array').that.is.not.empty;

    const img = await s.exportPixels({ withProduct: false, width: 1600 });
    expect(pixel(img, x, y), 'inside the ring').to.deep.equal(BLUE);
    expect(pixel(img, x + 30, y - 30), 'inside the ring, near its corner').to.deep.equal(BLUE);
    expect(pixel(img, x - 50, y), 'the ring keeps its colour').to.deep.equal(RED);
    expect(pixel(img, x - 45, y), 'the flood reaches the ring (pencil 8 wide)').to.deep.equal(BLUE);
    expect(pixel(img, x + 80, y)[3], 'outside the ring stays unpainted').to.equal(0);

    s.el.undo();
    expect(marks(s)).to.have.length(1);
    expect(pixel(await s.exportPixels({ withProduct: false, width: 1600 }), x, y)[3]).to.equal(0);
    s.el.redo();
    expect(marks(s)).to.have.length(2);
    const redone = await s.exportPixels({ withProduct: false, width: 1600 });
    expect(differing(img, redone)).to.equal(0);

    const doc = s.design();
    const small = await s.exportPixels({ width: 800 });
    const large = await s.exportPixels({ width: 1600 });
    expect(pixel(small, x / 2, y / 2), 'a smaller export fills the same region').to.deep.equal(pixel(large, x, y));
    t = await mountStudio();
    await t.el.loadDesign(JSON.parse(JSON.stringify(doc)));
    expect(differing(large, await t.exportPixels({ width: 1600 })), 'restored at 1600').to.equal(0);
    expect(differing(small, await t.exportPixels({ width: 800 })), 'restored at 800').to.equal(0);
  });

  it('a bucket tap on bare area inside no ring floods the area around the paint', async () => {
    s = await mountStudio();
    const g = geometry(sideView(s));
    const [x, y] = g.centre(100);
    await ring(s, [x, y], 40);
    await clickIn(s.shadow('[data-colour="#0072ce"]'));
    await fillMode(s, 'bucket');
    await s.click([x + 80, y]);
    await waitFor(() => marks(s).length === 2, 'the bucket fill committed');
    const img = await s.exportPixels({ withProduct: false, width: 1600 });
    expect(pixel(img, x + 80, y)).to.deep.equal(BLUE);
    expect(pixel(img, x, y)[3], 'the inside of the ring is not reached').to.equal(0);
    expect(pixel(img, x - 40, y)).to.deep.equal(RED);
  });
});
