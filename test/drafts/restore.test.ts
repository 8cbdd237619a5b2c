import { expect } from '@open-wc/testing';
import type { TemplateView } from '../../src/template/types.ts';
import { canonical, nextSave, StudioPage, storedAsShown, uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { DOCUMENT_VERSION } from '../../src/document/types.ts';
import { mountStudio, type TestStudio } from '../support/studio.ts';

function view(s: TestStudio): TemplateView {
  return s.editor.manifest!.views.find((v) => v.id === s.editor.view)!;
}

function same(a: ImageData, b: ImageData): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

/** Paints with several tools: strokes, a spray, a fill and a shape. */
async function paintSomething(s: TestStudio): Promise<void> {
  const g = geometry(view(s));
  const [a, b, c] = [g.centre(20), g.interior(20)[5], g.interior(20).at(-5)!];
  await s.tool('pencil');
  await s.drag([a, [a[0] + 80, a[1] + 10], [a[0] + 160, a[1] - 10]], { steps: 6 });
  await s.tool('spray');
  await s.drag([b, [b[0] + 60, b[1]]], { steps: 6 });
  await s.tool('marker');
  await s.drag([c, [c[0] - 90, c[1] + 5]], { steps: 6 });
  await s.tool('shape');
  await s.drag([a, [a[0] + 60, a[1] + 40]], { steps: 4 });
}

describe('<co-design-studio> drafts: restore', () => {
  let s: TestStudio | undefined;
  afterEach(() => s?.remove());

  it('restores the draft after a remount with the same pixels, its undo steps and no change event', async () => {
    const key = uniqueKey('restore');
    s = await mountStudio({ draftKey: key });
    const saved = nextSave(s.el);
    await paintSomething(s);
    // The debounced save of the last gesture: the stored draft is the design on screen.
    await storedAsShown(s.el, (await saved).draft);
    const design = canonical(s.design());
    const before = await s.exportPixels({ width: 1200 });
    s.remove();

    let changes = 0;
    document.addEventListener('co-design-change', () => changes++);
    s = await mountStudio({ draftKey: key });
    expect(canonical(s.design())).to.equal(design);
    expect(same(await s.exportPixels({ width: 1200 }), before), 'same pixels').to.equal(true);
    expect(changes, 'a restore is not a change').to.equal(0);
    expect(s.editor.canUndo, 'undo steps came back').to.equal(true);
    s.el.undo();
    expect(s.design().views[0].layers.some((l) => l.kind === 'object'), 'undo took the shape back').to.equal(false);
  });

  it('saves within 1 s of the last change', async () => {
    s = await mountStudio();
    const g = geometry(view(s));
    const p = g.centre(20);
    await s.tool('pencil');
    const saved = nextSave(s.el, 3000);
    await s.drag([p, [p[0] + 100, p[1]]], { steps: 4 });
    const upAt = performance.now();
    const { at, rev } = await saved;
    expect(rev).to.equal(1);
    expect(at - upAt).to.be.below(1000);
  });

  it('keeps at least the last 50 undo steps across a remount', async () => {
    const key = uniqueKey('history');
    s = await mountStudio({ draftKey: key });
    const pts = geometry(view(s)).interior(12);
    await s.tool('pencil');
    const saved = nextSave(s.el);
    for (let i = 0; i < 55; i++) {
      const p = pts[(i * 37) % pts.length];
      await s.drag([p, [p[0] + 12, p[1] + 4]]);
    }
    const marks = () => s!.design().views[0].layers.reduce((n, l) => n + (l.kind === 'paint' ? l.marks.length : 0), 0);
    expect(marks()).to.equal(55);
    await storedAsShown(s.el, (await saved).draft);
    s.remove();
    s = await mountStudio({ draftKey: key });
    expect(marks()).to.equal(55);
    for (let i = 0; i < 50; i++) expect(s.editor.undo(), `undo ${i + 1}`).to.equal(true);
    expect(marks()).to.equal(5);
    for (let i = 0; i < 50; i++) s.editor.redo();
    expect(marks()).to.equal(55);
  });

  it('opens the same pixels after a real page reload', async () => {
    const key = uniqueKey('reload');
    const page = await StudioPage.openStudio(key);
    try {
      const g = await page.at(0.5, 0.55);
      await page.eval(`document.querySelector('co-design-studio').editor.setTool('pencil')`);
      await page.paint([g, [g[0] + 120, g[1] + 10], [g[0] + 200, g[1] - 20]]);
      await page.storedAsShown();
      const design = await page.design();
      const pixels = await page.exportUrl();
      await page.reload();
      expect(canonical(JSON.parse(await page.design()))).to.equal(canonical(JSON.parse(design)));
      expect(await page.exportUrl()).to.equal(pixels);
    } finally {
      await page.close();
    }
  });

  it('loses nothing when the tab is closed abruptly, without unload handlers, once the autosave landed', async () => {
    const key = uniqueKey('abrupt');
    const page = await StudioPage.openStudio(key);
    const g = await page.at(0.45, 0.55);
    await page.eval(`document.querySelector('co-design-studio').editor.setTool('pencil')`);
    await page.paint([g, [g[0] + 150, g[1]]]);
    await page.paint([g, [g[0], g[1] + 60]]);
    const design = await page.design();
    // The autosave lands within 1 s of the last stroke ('saves within 1 s of the last change'); the tab closes then.
    await page.storedAsShown('the last stroke saved');
    await page.close();

    s = await mountStudio({ draftKey: key });
    expect(canonical(s.design())).to.equal(canonical(JSON.parse(design)));
    const restored = await s.exportPixels({ width: 900 });
    const reference = await mountStudio({ draftKey: uniqueKey('reference') });
    try {
      await reference.el.loadDesign(JSON.parse(design));
      expect(same(await reference.exportPixels({ width: 900 }), restored)).to.equal(true);
    } finally {
      reference.remove();
    }
  });
});

describe('<co-design-studio> older designs', () => {
  it('opens the version 0 fixture through loadDesign and keeps it as a draft', async () => {
    const v0 = await (await fetch(new URL('../fixtures/designs/roadster-v0.json', import.meta.url))).json();
    const key = uniqueKey('v0');
    let s = await mountStudio({ draftKey: key });
    try {
      const saved = nextSave(s.el);
      await s.el.loadDesign(v0);
      await saved;
      const design = s.design();
      expect(design.version).to.equal(DOCUMENT_VERSION);
      expect(design.views[0].layers.map((l) => l.name)).to.deep.equal(['Paint 1', 'Text 1', 'Hidden sketch']);
      const img = await s.exportPixels({ width: 800 });
      // The fill is yellow where nothing else was painted: the migrated marks draw.
      const yellow = Array.from({ length: img.width * img.height }, (_, i) => i * 4).filter((i) => img.data[i] > 240 && img.data[i + 1] > 200 && img.data[i + 2] < 40).length;
      expect(yellow).to.be.greaterThan(1000);
      s.remove();
      s = await mountStudio({ draftKey: key });
      expect(canonical(s.design())).to.equal(canonical(design));
    } finally {
      s.remove();
    }
  });
});
