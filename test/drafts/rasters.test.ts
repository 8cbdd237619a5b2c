import { expect } from '@open-wc/testing';
import { get, keys, set } from 'idb-keyval';
import { generateStrokes, toDesignDocument } from '../../bench/strokes.ts';
import type { DesignDocument } from '../../src/document/types.ts';
import { CHECKPOINT_EVERY } from '../../src/editor/render/checkpoints.ts';
import { draftsStore, nextSave, uniqueKey } from '../support/drafts.ts';
import { mountStudio, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

const STROKES = 600;
/** What a draft keeps of a layer of `n` marks: its older checkpoint, at the second-last multiple of 32. */
const keptCount = (n: number) => (Math.floor(n / CHECKPOINT_EVERY) - 1) * CHECKPOINT_EVERY;

function bigDesign(s: TestStudio): DesignDocument {
  const m = s.editor.manifest!;
  return toDesignDocument(generateStrokes(STROKES, 7), { id: m.id, version: m.templateVersion, views: m.views.map((v) => v.id) });
}

/** Waits until the draft's kept bitmap of `layer` holds `baked` marks; returns its key and record. */
function keptRaster(draft: string, baked: number, timeout = 15_000): Promise<{ key: IDBValidKey[]; record: Record<string, unknown> }> {
  const store = draftsStore();
  const find = async () => {
    for (const key of (await keys(store)) as IDBValidKey[][]) {
      if (key[0] !== 'raster' || key[1] !== draft) continue;
      const record = (await get(key, store)) as Record<string, unknown>;
      if (record.baked === baked) return { key, record };
    }
    return undefined;
  };
  return waitFor(find, `a kept bitmap of ${baked} marks for draft ${draft}`, timeout, 200);
}

/** Pixels that differ by more than `tolerance` in any channel. */
function differing(a: ImageData, b: ImageData, tolerance: number): number {
  expect([a.width, a.height]).to.deep.equal([b.width, b.height]);
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a.data[i + c] - b.data[i + c]) > tolerance) {
        n++;
        break;
      }
    }
  }
  return n;
}

/** A PNG of one colour at the bitmap's size: a kept bitmap that lies about its marks. */
async function solidPng(width: number, height: number, color: string): Promise<Blob> {
  const c = new OffscreenCanvas(width, height);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, width, height);
  return c.convertToBlob({ type: 'image/png' });
}

describe('<co-design-studio> drafts: kept layer bitmaps', () => {
  let s: TestStudio | undefined;
  afterEach(() => s?.remove());

  it('keeps a big layer’s bitmap with the draft and reopens to the same pixels', async () => {
    const key = uniqueKey('rasters');
    s = await mountStudio({ draftKey: key });
    const saved = nextSave(s.el);
    await s.el.loadDesign(bigDesign(s));
    const { draft } = await saved;
    const { record } = await keptRaster(draft, keptCount(STROKES));
    expect(record.baked, 'an older checkpoint is kept, so the last steps undo cheaply after a reopen').to.equal(544);
    expect(record.format).to.equal('co-design-draft-raster');
    expect(record.png).to.be.instanceOf(Blob);
    const before = await s.exportPixels({ width: 2048 });
    s.remove();

    s = await mountStudio({ draftKey: key });
    const after = await s.exportPixels({ width: 2048 });
    // PNG keeps straight alpha, the canvas premultiplied: anti-aliased edges may move by a level or two.
    expect(differing(before, after, 3), 'pixels off by more than 3 levels').to.equal(0);
  });

  it('uses a kept bitmap only while it matches the marks: a changed stroke, a wrong size or a broken PNG is ignored', async () => {
    const key = uniqueKey('rasters-lie');
    s = await mountStudio({ draftKey: key });
    const saved = nextSave(s.el);
    await s.el.loadDesign(bigDesign(s));
    const { draft } = await saved;
    const stored = await keptRaster(draft, keptCount(STROKES));
    const truth = await s.exportPixels({ width: 2048 });
    s.remove();
    const store = draftsStore();
    const { width, height } = stored.record as { width: number; height: number };

    // A bitmap that claims these very marks is trusted: this is what proves the cache is used at all.
    await set(stored.key, { ...stored.record, png: await solidPng(width, height, '#0000ff') }, store);
    s = await mountStudio({ draftKey: key });
    expect(differing(truth, await s.exportPixels({ width: 2048 }), 3), 'the kept bitmap was shown').to.be.greaterThan(10_000);
    s.remove();

    const lies: Array<[string, Record<string, unknown>]> = [
      ['another fingerprint', { ...stored.record, fingerprint: `${STROKES}:0`, png: await solidPng(width, height, '#0000ff') }],
      ['more marks than the layer has', { ...stored.record, baked: STROKES + 1, png: await solidPng(width, height, '#0000ff') }],
      ['another size', { ...stored.record, width: width - 1, png: await solidPng(width - 1, height, '#0000ff') }],
      ['not a PNG', { ...stored.record, png: new Blob(['<svg onload=alert(1)>'], { type: 'image/png' }) }],
      ['not a record', { format: 'co-design-draft-raster', version: 1, png: 'AAAA', __proto__: { baked: STROKES } }],
    ];
    for (const [why, record] of lies) {
      await set(stored.key, record, store);
      s = await mountStudio({ draftKey: key });
      expect(differing(truth, await s.exportPixels({ width: 2048 }), 3), why).to.equal(0);
      expect(s.design().views.find((v) => v.view === 'side')!.layers[0]).to.have.nested.property('marks.length', STROKES);
      s.remove();
    }
    s = undefined;
  });

  it('draws the strokes made after the bitmap was kept on top of it', async () => {
    const key = uniqueKey('rasters-prefix');
    s = await mountStudio({ draftKey: key });
    const saved = nextSave(s.el);
    const design = bigDesign(s);
    await s.el.loadDesign(design);
    const { draft } = await saved;
    const stored = await keptRaster(draft, keptCount(STROKES));
    // Ten strokes more, as a later save that the bitmap has not caught up with.
    const more = toDesignDocument(generateStrokes(STROKES + 10, 7), { id: design.template.id, version: design.template.version, views: design.views.map((v) => v.view) });
    await s.el.loadDesign(more);
    await keptRaster(draft, keptCount(STROKES + 10));
    const truth = await s.exportPixels({ width: 2048 });
    s.remove();
    // Back to the bitmap of the first 600 only, as if the studio had closed before keeping the newer one.
    await set(stored.key, stored.record, draftsStore());
    s = await mountStudio({ draftKey: key });
    expect(differing(truth, await s.exportPixels({ width: 2048 }), 3)).to.equal(0);
  });

  it('keeps nothing from a studio taken off the page, and keeps from the one that opens the draft next', async function () {
    this.timeout(40_000);
    const key = uniqueKey('rasters-removed');
    s = await mountStudio({ draftKey: key });
    const first = nextSave(s.el);
    await s.el.loadDesign(bigDesign(s));
    const { draft } = await first;
    await keptRaster(draft, keptCount(STROKES));
    // A change, and the studio leaves the page before its autosave: the last save runs after its editor is gone.
    const more = (n: number) => toDesignDocument(generateStrokes(n, 7), { id: s!.editor.manifest!.id, version: s!.editor.manifest!.templateVersion, views: s!.editor.manifest!.views.map((v) => v.id) });
    const last = nextSave(s.el);
    await s.el.loadDesign(more(STROKES + 10));
    s.remove();
    expect((await last).draft, 'the removed studio saved its last change').to.equal(draft);
    s = await mountStudio({ draftKey: key });
    expect(s.design().views[0].layers[0]).to.have.nested.property('marks.length', STROKES + 10);
    const saved = nextSave(s.el);
    await s.el.loadDesign(more(STROKES + 50));
    await saved;
    // Kept from the studio on the page (the keeper once held on to the removed one and read its disposed canvas).
    await keptRaster(draft, keptCount(STROKES + 50));
  });

  it('keeps the bitmaps of two studios on one page, each for its own draft', async () => {
    s = await mountStudio({ draftKey: uniqueKey('rasters-one') });
    const other = await mountStudio({ draftKey: uniqueKey('rasters-two') });
    try {
      const saves = [nextSave(s.el), nextSave(other.el)];
      await Promise.all([s.el.loadDesign(bigDesign(s)), other.el.loadDesign(bigDesign(other))]);
      const [one, two] = await Promise.all(saves);
      expect(one.draft).to.not.equal(two.draft);
      await Promise.all([keptRaster(one.draft, keptCount(STROKES)), keptRaster(two.draft, keptCount(STROKES))]);
    } finally {
      other.remove();
    }
  });
});
