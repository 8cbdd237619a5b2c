import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ObjectLayer } from '../../src/document/types.ts';
import type { TemplateView } from '../../src/template/types.ts';
import { geometry } from '../support/geometry.ts';
import { customerPaint, paintCounts } from '../support/mask.ts';
import { clickIn, mountStudio, pixel, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

const view = (s: TestStudio): TemplateView => s.editor.manifest!.views.find((v) => v.id === s.editor.view)!;
const objects = (s: TestStudio): ObjectLayer[] => s.design().views.find((v) => v.view === s.editor.view)!.layers.filter((l): l is ObjectLayer => l.kind === 'object');

describe('<co-design-studio> placed objects', () => {
  let s: TestStudio;
  afterEach(() => s?.remove());

  it('text: placed where tapped, typed, clipped to the area; placing and typing are one step each', async () => {
    s = await mountStudio();
    const v = view(s);
    const g = geometry(v);
    const at = g.interior(10)[0];
    await s.tool('text');
    await s.click(at);
    // The text tool's code loads on first use: like a person, type once the text box is on screen.
    const editing = () => objects(s).some((l) => l.object.type === 'text') && (s.editor.canvas.getActiveObject() as { isEditing?: boolean } | undefined)?.isEditing;
    await waitFor(editing, 'the text box on screen, ready for typing');
    await sendKeys({ type: 'Graffiti 42' });
    await sendKeys({ press: 'Escape' });
    await s.el.updateComplete;
    const texts = objects(s).filter((l) => l.object.type === 'text');
    expect(texts.length).to.equal(1);
    expect(texts[0].object.type === 'text' && texts[0].object.text).to.equal('Graffiti 42');
    // Tapped near the left edge of the area: part of the text falls outside and must not show.
    const counts = paintCounts(await s.exportPixels({ withProduct: false, width: 1600 }), v);
    expect(counts.outside).to.equal(0);
    expect(counts.inside).to.be.greaterThan(100);
    s.el.undo();
    expect(objects(s)[0].object.type === 'text' && (objects(s)[0].object as { text: string }).text).to.equal('Your text');
    s.el.undo();
    expect(objects(s).length).to.equal(0);
  });

  it('shape: a drag sizes it, it is clipped, and it undoes in one step', async () => {
    s = await mountStudio();
    const v = view(s);
    const g = geometry(v);
    const a = g.centre(30);
    const b = g.outsideAbove(a);
    await s.tool('shape');
    await clickIn(s.shadow('[data-shape="ellipse"]'));
    await s.drag([[a[0] - 100, a[1]], [a[0] + 100, b[1]]], { steps: 5 });
    // A drag that ends before the shape code has loaded is placed when it arrives.
    const shapes = await waitFor(() => (objects(s).length ? objects(s) : null), 'the shape placed');
    expect(shapes.length).to.equal(1);
    const shape = shapes[0].object;
    expect(shape.type === 'shape' && shape.shape).to.equal('ellipse');
    expect(shape.type === 'shape' && shape.width).to.be.closeTo(200, 4);
    const counts = paintCounts(await s.exportPixels({ withProduct: false, width: 1600 }), v);
    expect(counts.outside).to.equal(0);
    expect(counts.inside).to.be.greaterThan(1000);
    s.el.undo();
    expect(objects(s).length).to.equal(0);
  });

  it('sticker: stamps the chosen template sticker, clipped to the area', async () => {
    s = await mountStudio();
    const v = view(s);
    const g = geometry(v);
    // The tool starts with the first sticker chosen (test/craft/selection-options.test.ts); this one picks another.
    const second = s.editor.manifest!.stickers![1];
    await s.tool('sticker');
    await clickIn(s.shadow(`[data-sticker="${second.id}"]`));
    await s.click(g.interior(5)[0]);
    const placed = await waitFor(() => (objects(s).length ? objects(s) : null), 'the sticker placed');
    expect(placed.length).to.equal(1);
    expect(placed[0].object.type === 'sticker' && placed[0].object.sticker).to.equal(second.id);
    expect(paintCounts(await s.exportPixels({ withProduct: false, width: 1600 }), v).outside).to.equal(0);
  });

  it('select: a drag moves an object, Delete removes it, Ctrl+D duplicates; each is one undo step', async () => {
    s = await mountStudio();
    const g = geometry(view(s));
    const [x, y] = g.centre(60);
    await s.tool('shape');
    await s.click([x, y]);
    expect(s.editor.tool).to.equal('select');
    const before = objects(s)[0].object;
    // An exact move: snapping (test/craft/snap.test.ts) would pull the shape onto a line near it.
    s.editor.commands.run('snap');
    await s.drag([[x, y], [x + 40, y + 10]], { steps: 5 });
    const moved = objects(s)[0].object;
    expect(moved.x - before.x).to.be.closeTo(40, 2);
    expect(moved.y - before.y).to.be.closeTo(10, 2);
    s.el.undo();
    expect(objects(s)[0].object.x).to.equal(before.x);
    s.el.redo();

    s.editor.setActiveLayer(objects(s)[0].id);
    s.shadow('.stage').focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'd' });
    await sendKeys({ up: 'Control' });
    expect(objects(s).length).to.equal(2);
    await sendKeys({ press: 'Delete' });
    expect(objects(s).length).to.equal(1);
    s.el.undo();
    expect(objects(s).length).to.equal(2);
  });

  it('locked brand elements cannot be selected, moved or deleted, and always export', async () => {
    s = await mountStudio();
    const v = view(s);
    const badge = v.locked![0];
    const centre: [number, number] = [badge.x + badge.width / 2, badge.y + badge.height / 2];
    const before = JSON.stringify(s.design().views);
    await s.tool('select');
    await s.click(centre);
    expect(s.editor.canvas.getActiveObject()).to.equal(undefined);
    await s.drag([centre, [centre[0] + 100, centre[1] - 50]], { steps: 4 });
    s.shadow('.stage').focus();
    await sendKeys({ press: 'Delete' });
    expect(JSON.stringify(s.design().views)).to.equal(before);
    const img = await s.exportPixels({ withProduct: false, width: 1600 });
    expect(pixel(img, centre[0], centre[1])[3]).to.be.greaterThan(200);
  });

  it('exports have the asked size, bounded by the long side, up to 4096', async () => {
    s = await mountStudio();
    const v = view(s);
    const size = async (o: { width?: number; height?: number; view?: string }) => {
      const b = await createImageBitmap(await s.el.exportImage(o));
      return [b.width, b.height];
    };
    expect(await size({ width: 800 })).to.deep.equal([800, Math.round((800 * v.height) / v.width)]);
    expect(await size({ width: 4000, height: 500 })).to.deep.equal([Math.round((500 * v.width) / v.height), 500]);
    expect((await size({ width: 100000 }))[0]).to.equal(4096);
    const top = s.editor.manifest!.views[1];
    expect(await size({ view: top.id, height: 1000 })).to.deep.equal([Math.round((1000 * top.width) / top.height), 1000]);
    let code = '';
    s.el.addEventListener('co-design-error', (e) => (code = e.code));
    await s.el.exportImage({ view: 'nope' }).catch(() => undefined);
    expect(code).to.equal('view-unknown');
  });
});

describe('<co-design-studio> layers and views', () => {
  let s: TestStudio;
  afterEach(() => s?.remove());

  it('layers reorder, hide and lock from the panel, each undoable', async () => {
    s = await mountStudio();
    const v = view(s);
    const g = geometry(v);
    const [x, y] = g.centre(60);
    await s.tool('fill');
    await clickIn(s.shadow('.swatch[data-colour="#0072ce"]'));
    await s.click([x, y]);
    await s.tool('shape');
    await clickIn(s.shadow('.swatch[data-colour="#ffd400"]'));
    await s.click([x, y]);
    const shapeLayer = objects(s)[0].id;
    const colourAt = async () => pixel(await s.exportPixels({ withProduct: false, width: 1600 }), x, y);
    expect((await colourAt()).slice(0, 3)).to.deep.equal([255, 212, 0]);

    await clickIn(s.shadow(`[data-layer="${shapeLayer}"] [data-action="down"]`));
    expect((await colourAt()).slice(0, 3)).to.deep.equal([0, 114, 206]);
    s.el.undo();
    expect((await colourAt()).slice(0, 3)).to.deep.equal([255, 212, 0]);

    await clickIn(s.shadow(`[data-layer="${shapeLayer}"] [data-action="visible"]`));
    expect((await colourAt()).slice(0, 3)).to.deep.equal([0, 114, 206]);
    s.el.undo();

    const paintLayer = s.design().views[0].layers.find((l) => l.kind === 'paint')!.id;
    await clickIn(s.shadow(`[data-layer="${paintLayer}"] [data-action="lock"]`));
    await clickIn(s.shadow(`[data-layer="${paintLayer}"] .layer-pick`));
    await s.tool('pencil');
    const marks = () => s.design().views[0].layers.reduce((n, l) => n + (l.kind === 'paint' ? l.marks.length : 0), 0);
    await s.drag([[x - 30, y], [x + 30, y]], { steps: 3 });
    expect(marks(), 'no paint on a locked layer').to.equal(1);
    expect(s.shadow('.notice').textContent).to.match(/locked/i);
  });

  it('each view keeps its own layers and paint', async () => {
    s = await mountStudio();
    const [side, top] = s.editor.manifest!.views;
    await s.tool('fill');
    await s.click(geometry(side).centre(20));
    await clickIn(s.shadow(`[data-view="${top.id}"]`));
    expect(s.editor.view).to.equal(top.id);
    expect(s.editor.layers.every((l) => l.kind === 'paint' && l.marks.length === 0)).to.equal(true);
    await s.tool('pencil');
    const c = geometry(top).centre(20);
    await s.drag([c, [c[0] + 60, c[1]]], { steps: 4 });
    const doc = s.design();
    const marksOf = (id: string) => doc.views.find((v) => v.view === id)!.layers.flatMap((l) => (l.kind === 'paint' ? l.marks : []));
    expect(marksOf(side.id).map((m) => m.type)).to.deep.equal(['fill']);
    expect(marksOf(top.id).map((m) => m.type)).to.deep.equal(['stroke']);
    expect(customerPaint(await s.exportPixels({ view: top.id, withProduct: false, width: 800 }), top)).to.be.greaterThan(50);
    // Undo of the side's fill from the top view goes back to the side view.
    s.el.undo();
    s.el.undo();
    expect(s.editor.view).to.equal(side.id);
  });

  it('the palette is enforced where the template has one', async () => {
    s = await mountStudio({ template: '/templates/sneaker.json' });
    const palette = s.editor.manifest!.palette!;
    expect(palette.length).to.be.greaterThan(0);
    await s.tool('pencil');
    const swatches = [...s.el.shadowRoot!.querySelectorAll('.swatch')].map((b) => b.getAttribute('data-colour'));
    expect(swatches).to.deep.equal(palette);
    expect(s.el.shadowRoot!.querySelector('input[type=color]')).to.equal(null);
    s.editor.setStyle({ color: '#123456' });
    expect(palette).to.include(s.editor.style.color);
    const doc = s.design();
    const paint = doc.views[0].layers.find((l) => l.kind === 'paint')!;
    if (paint.kind === 'paint') paint.marks.push({ type: 'fill', area: s.editor.manifest!.views[0].areas[0].id, color: '#123456' });
    let error = '';
    s.el.addEventListener('co-design-error', (e) => (error = e.code));
    await s.el.loadDesign(doc).catch(() => undefined);
    expect(error).to.equal('design-invalid');
  });
});
