import { expect } from '@open-wc/testing';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

function samePixels(a: ImageData, b: ImageData): number {
  let diff = 0;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) diff++;
  return diff;
}

describe('<co-design-studio> getDesign / loadDesign', () => {
  let s: TestStudio;
  let t: TestStudio | undefined;
  afterEach(() => {
    s?.remove();
    t?.remove();
    t = undefined;
  });

  it('round-trips a design with every kind of object to the same pixels, without an undo step or a change event', async () => {
    s = await mountStudio();
    const g = geometry(s.editor.manifest!.views[0]);
    const [x, y] = g.centre(60);
    await s.tool('fill');
    await s.click([x, y]);
    for (const tool of ['pencil', 'marker', 'spray'] as const) {
      await s.tool(tool);
      await s.drag([[x - 80, y - 20], [x, y + 10], [x + 80, y - 10]], { steps: 6 });
    }
    await s.tool('eraser');
    await s.drag([[x, y - 40], [x, y + 40]], { steps: 4 });
    await s.tool('shape');
    await clickIn(s.shadow('[data-shape="star"]'));
    await s.click([x + 40, y]);
    await s.tool('sticker');
    await clickIn(s.shadow('.sticker'));
    await s.tool('sticker');
    await s.click([x - 40, y]);
    await s.tool('text');
    await s.click([x, y + 20]);
    // The text tool's code loads on first use: the text is placed when it arrives.
    const hasText = () => s.design().views[0].layers.some((l) => l.kind === 'object' && l.object.type === 'text');
    await waitFor(hasText, 'the text placed');
    await s.el.updateComplete;
    s.shadow('.stage').focus();
    const doc = s.design();
    const before = await s.exportPixels({ width: 1600 });

    t = await mountStudio();
    let changes = 0;
    t.el.addEventListener('co-design-change', () => changes++);
    await t.el.loadDesign(JSON.parse(JSON.stringify(doc)));
    expect(t.editor.canUndo).to.equal(false);
    expect(changes).to.equal(0);
    const after = await t.exportPixels({ width: 1600 });
    expect(samePixels(before, after)).to.equal(0);
    expect(t.design().views).to.deep.equal(doc.views);
  });

  const hostile: [string, (d: Record<string, unknown>) => unknown, string][] = [
    ['an unknown object type', (d) => ((d.views as { layers: unknown[] }[])[0].layers.push({ id: 'x1', name: 'x', kind: 'object', visible: true, locked: false, object: { type: 'iframe', src: 'x' } }), d), 'design-invalid'],
    ['an external image URL', (d) => ((d.views as { layers: unknown[] }[])[0].layers.push({ id: 'x2', name: 'x', kind: 'object', visible: true, locked: false, object: { type: 'image', src: 'http://127.0.0.1:9/x.png', width: 10, height: 10, x: 1, y: 1, scaleX: 1, scaleY: 1, angle: 0 } }), d), 'design-invalid'],
    ['a __proto__ key', (d) => JSON.parse(JSON.stringify(d).replace('"meta":{', '"meta":{"__proto__":{"polluted":1},')), 'design-invalid'],
    ['another template', (d) => ({ ...d, template: { id: 'sneaker', version: '1' } }), 'design-template-mismatch'],
    ['not a design at all', () => '<svg onload=alert(1)>', 'design-invalid'],
  ];

  for (const [what, mutate, code] of hostile) {
    it(`refuses ${what} with ${code}, and keeps the design in progress`, async () => {
      s = await mountStudio();
      await s.tool('fill');
      await s.click(geometry(s.editor.manifest!.views[0]).centre(20));
      const before = JSON.stringify(s.design());
      let event = '';
      s.el.addEventListener('co-design-error', (e) => (event = e.code));
      const error = await s.el.loadDesign(mutate(JSON.parse(before))).then(
        () => undefined,
        (e: { code: string; message: string }) => e,
      );
      expect(error?.code).to.equal(code);
      expect(error?.message.length).to.be.greaterThan(5);
      expect(event).to.equal(code);
      expect(JSON.stringify(s.design())).to.equal(before);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(s.shadow('[role=alert]').textContent).to.match(/\w/);
    });
  }
});
