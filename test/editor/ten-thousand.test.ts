import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { generateStrokes, toDesignDocument } from '../../bench/strokes.ts';
import type { PaintLayer } from '../../src/document/types.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, type TestStudio } from '../support/studio.ts';

// Issue 6: undo, the eraser, layers and view switching keep working with
// 10,000 strokes in the design. Speed is the benchmark's business (npm run
// bench); this test proves the behaviour at that size, with real input.

const STROKES = 10_000;

function paintLayers(s: TestStudio, view = 'side'): PaintLayer[] {
  return s.design().views.find((v) => v.view === view)!.layers.filter((l): l is PaintLayer => l.kind === 'paint');
}

/** Keys held down around one press, through the browser's own keyboard input. */
async function chord(held: string[], key: string): Promise<void> {
  for (const k of held) await sendKeys({ down: k });
  await sendKeys({ press: key });
  for (const k of [...held].reverse()) await sendKeys({ up: k });
}

const marks = (s: TestStudio) => paintLayers(s).reduce((n, l) => n + l.marks.length, 0);

function same(a: ImageData, b: ImageData): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

describe('<co-design-studio> at 10,000 strokes', function () {
  this.timeout(180_000);
  let s: TestStudio | undefined;
  afterEach(() => s?.remove());

  it('draws, undoes, redoes, erases, adds and hides layers and switches views', async () => {
    s = await mountStudio();
    const m = s.editor.manifest!;
    await s.el.loadDesign(toDesignDocument(generateStrokes(STROKES, 3), { id: m.id, version: m.templateVersion, views: m.views.map((v) => v.id) }));
    expect(marks(s)).to.equal(STROKES);
    const seeded = await s.exportPixels({ width: 1024 });

    // One more stroke with the mouse, then Ctrl+Z and Ctrl+Shift+Z from the keyboard.
    const g = geometry(m.views[0]);
    const [a, b] = [g.interior(30)[10], g.interior(30).at(-10)!];
    await s.tool('pencil');
    await s.drag([a, [(a[0] + b[0]) / 2, a[1] - 20], b], { steps: 12 });
    expect(marks(s), 'the stroke is one mark more').to.equal(STROKES + 1);
    const drawn = await s.exportPixels({ width: 1024 });
    expect(same(drawn, seeded), 'the stroke shows').to.equal(false);
    await chord(['Control'], 'z');
    expect(marks(s), 'undo takes it back').to.equal(STROKES);
    expect(same(await s.exportPixels({ width: 1024 }), seeded), 'undo gives the same pixels').to.equal(true);
    await chord(['Control', 'Shift'], 'Z');
    expect(marks(s), 'redo puts it back').to.equal(STROKES + 1);
    expect(same(await s.exportPixels({ width: 1024 }), drawn), 'redo gives the same pixels').to.equal(true);

    // The eraser rubs out across the seeded strokes; undo brings them back.
    await s.tool('eraser');
    await s.drag([[a[0], a[1] + 10], [b[0], b[1] + 10]], { steps: 12 });
    expect(marks(s), 'the eraser is one more mark on the paint layer').to.equal(STROKES + 2);
    expect(same(await s.exportPixels({ width: 1024 }), drawn), 'the eraser rubbed something out').to.equal(false);
    s.el.undo();
    expect(same(await s.exportPixels({ width: 1024 }), drawn), 'undo of the eraser').to.equal(true);

    // Layers: add one, hide the big one (its paint leaves the export), undo.
    const big = paintLayers(s)[0].id;
    await clickIn(s.shadow('[data-action="add-layer"]'));
    expect(paintLayers(s).length, 'a layer was added').to.equal(2);
    await clickIn(s.shadow(`[data-layer="${big}"] [data-action="visible"]`));
    expect(paintLayers(s).find((l) => l.id === big)!.visible).to.equal(false);
    const hidden = await s.exportPixels({ width: 1024 });
    expect(same(hidden, drawn), 'hiding the layer hides its 10,000 strokes').to.equal(false);
    s.el.undo();
    s.el.undo();
    expect(paintLayers(s).length).to.equal(1);
    expect(same(await s.exportPixels({ width: 1024 }), drawn), 'both undone').to.equal(true);

    // Views: to the top view and back; the side view keeps every stroke and its pixels.
    await clickIn(s.shadow('[data-view="top"]'));
    expect(s.editor.view).to.equal('top');
    await clickIn(s.shadow('[data-view="side"]'));
    expect(s.editor.view).to.equal('side');
    expect(marks(s)).to.equal(STROKES + 1);
    expect(same(await s.exportPixels({ width: 1024 }), drawn), 'the side view as it was').to.equal(true);
  });
});
