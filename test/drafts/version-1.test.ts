import { expect } from '@open-wc/testing';
import { newId } from '../../src/document/ids.ts';
import { encodeFirstOrder } from '../../src/document/migrations/v1.ts';
import { decodeQuanta } from '../../src/document/points.ts';
import { canonical, draftsStore, nextSave, storedAsShown, uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { mountStudio, type TestStudio } from '../support/studio.ts';
import { readStored, writeStored, type StoredDraft } from './records.ts';

type Op = { op: string; mark?: { type: string; pts?: ArrayLike<number> } };
type Body = { design: { version: number }; history: { done: Array<{ ops: Op[] }>; undone: Array<{ ops: Op[] }> } };

/** Points in version 1's coding (first-order deltas), as a studio of version 1 stored them; typed arrays stay typed. */
function firstOrder(pts: ArrayLike<number>): ArrayLike<number> {
  const coded = encodeFirstOrder(Array.from(decodeQuanta(pts).subarray(0, pts.length)));
  return pts instanceof Int32Array ? Int32Array.from(coded) : coded;
}

/** The draft as a version-1 studio would have stored it: the design's version, its chunks' and undo steps' points. */
function asVersion1(draft: StoredDraft): StoredDraft {
  const old = structuredClone(draft);
  const body = old.body as unknown as Body;
  body.design.version = 1;
  for (const [, chunk] of old.chunks) {
    for (const mark of chunk.marks as Array<{ type: string; pts?: ArrayLike<number> }>) {
      if (mark.type === 'stroke' && mark.pts) mark.pts = firstOrder(mark.pts);
    }
  }
  for (const entry of [...body.history.done, ...body.history.undone]) {
    for (const op of entry.ops) if (op.mark?.type === 'stroke' && op.mark.pts) op.mark.pts = firstOrder(op.mark.pts);
  }
  return old;
}

describe('<co-design-studio> drafts saved by a studio of document version 1', () => {
  let s: TestStudio | undefined;
  afterEach(() => s?.remove());

  it('open with the same strokes, and undo and redo step through the same points', async () => {
    const store = draftsStore();
    s = await mountStudio({ draftKey: uniqueKey('v1-source') });
    const p = geometry(s.editor.manifest!.views[0]).centre(20);
    await s.tool('pencil');
    // Curves, so that simplifying keeps several points and second-order deltas differ from first-order ones.
    await s.drag([p, [p[0] + 40, p[1] + 30], [p[0] + 80, p[1] - 20], [p[0] + 120, p[1] + 25]], { steps: 4 });
    const saved = nextSave(s.el);
    await s.drag([[p[0], p[1] + 60], [p[0] + 50, p[1] + 20], [p[0] + 90, p[1] + 90], [p[0] + 140, p[1] + 40]], { steps: 4 });
    const { draft } = await saved;
    await storedAsShown(s.el, draft);
    // Views only: an undo or redo also dates the design (meta.updated).
    const both = canonical(s.design().views);
    const stored = await readStored(draft, store);
    s.el.undo();
    const one = canonical(s.design().views);
    s.remove();

    const old = asVersion1(stored);
    const strokes = (old.chunks[0][1].marks as Array<{ pts: ArrayLike<number> }>).map((m) => Array.from(m.pts));
    expect(strokes.some((pts) => pts.length >= 6), 'a stroke of three points or more').to.equal(true);
    const key = uniqueKey('v1');
    await writeStored(old, newId(), key, store, { current: true });

    s = await mountStudio({ draftKey: key });
    expect(canonical(s.design().views), 'the same design as saved').to.equal(both);
    expect(s.editor.canUndo, 'its undo steps came back').to.equal(true);
    s.el.undo();
    expect(canonical(s.design().views), 'undo takes the last stroke back').to.equal(one);
    s.el.redo();
    expect(canonical(s.design().views), 'redo puts the same stroke back').to.equal(both);
  });
});
