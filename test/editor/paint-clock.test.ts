import { expect } from '@open-wc/testing';
import { createDocument } from '../../src/document/create.ts';
import { decodeMarkTimes, latestTime } from '../../src/document/timing.ts';
import type { PaintLayer, Stroke } from '../../src/document/types.ts';
import { apply, invert, type Op } from '../../src/editor/history/ops.ts';
import { IDLE_CAP_MS, PaintClock } from '../../src/editor/paint-clock.ts';

const stroke = (): Stroke => ({ type: 'stroke', tool: 'pencil', color: '#000000', size: 4, opacity: 1, pts: [0, 0, 4, 4] });

describe('PaintClock', () => {
  let now = 0;
  const clock = () => new PaintClock(() => now);

  function setup() {
    now = 1000;
    const doc = createDocument({ id: 't', version: '1', viewIds: ['side'] });
    const layer = doc.views[0].layers[0] as PaintLayer;
    const c = clock();
    c.resume(doc);
    const draw = (down: number, up: number): Op[] => {
      now = down;
      c.startGesture();
      now = up;
      const ops: Op[] = [{ op: 'push-mark', view: 'side', layer: layer.id, mark: stroke() }];
      c.stamp(doc, ops);
      for (const op of ops) apply(doc, op);
      return ops;
    };
    return { doc, layer, c, draw };
  }

  it('times strokes from pointer down to up, counting at most 30 s of a pause', () => {
    const { doc, layer, draw } = setup();
    draw(2000, 3500);
    draw(4000, 4600);
    // An hour away from the tab counts as IDLE_CAP_MS.
    draw(4600 + 3_600_000, 4600 + 3_600_000 + 800);
    expect(decodeMarkTimes(layer)).to.deep.equal([
      { start: 1000, duration: 1500 },
      { start: 3000, duration: 600 },
      { start: 3600 + IDLE_CAP_MS, duration: 800 },
    ]);
    expect(doc.meta.elapsed).to.equal(3600 + IDLE_CAP_MS + 800);
  });

  it('continues from the stored total in a later session, and undo and redo keep the times', () => {
    const first = setup();
    first.draw(2000, 3000);
    const later = structuredClone(first.doc);
    const layer = later.views[0].layers[0] as PaintLayer;
    now = 50_000_000; // another day
    const c = clock();
    c.resume(later);
    expect(latestTime(later)).to.equal(2000);
    now += 500;
    c.startGesture();
    now += 700;
    const ops: Op[] = [{ op: 'push-mark', view: 'side', layer: layer.id, mark: stroke() }];
    c.stamp(later, ops);
    apply(later, ops[0]);
    expect(decodeMarkTimes(layer)!.at(-1)).to.deep.equal({ start: 2500, duration: 700 });
    apply(later, invert(ops[0]));
    expect(layer.times).to.deep.equal([20, 20]);
    apply(later, ops[0]);
    expect(decodeMarkTimes(layer)!.at(-1)).to.deep.equal({ start: 2500, duration: 700 });
  });

  it('gives the earlier marks of a layer from before version 2 a time of 0', () => {
    const { doc, layer, draw } = setup();
    layer.marks.push(stroke(), stroke());
    draw(3000, 3200);
    expect(layer.times).to.deep.equal([0, 0, 0, 0, 40, 4]);
    expect(doc.meta.elapsed).to.equal(2200);
  });
});
