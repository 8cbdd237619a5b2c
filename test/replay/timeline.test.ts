import { expect } from '@open-wc/testing';
import { createDocument } from '../../src/document/create.ts';
import type { DesignDocument, Layer, Stroke } from '../../src/document/types.ts';
import { buildTimeline, EVEN_STEP_MS, MAX_PAUSE_MS } from '../../src/replay/timeline.ts';

const stroke = (): Stroke => ({ type: 'stroke', tool: 'pencil', color: '#000000', size: 4, opacity: 1, pts: [0, 0, 4, 4] });
const text = { type: 'text', x: 1, y: 1, scaleX: 1, scaleY: 1, angle: 0, text: 'a', font: 'Inter', size: 20, color: '#000000', bold: false, italic: false } as const;

function design(layers: Layer[]): DesignDocument {
  const doc = createDocument({ id: 't', version: '1', viewIds: ['side'] });
  doc.views[0].layers = layers;
  return doc;
}

describe('replay timeline', () => {
  it('keeps each stroke’s pace and shortens every pause to a second', () => {
    // Ticks of 50 ms: a stroke at 2 s for 1 s, one 20 s later for 0.5 s, one right after it for 0.25 s.
    const doc = design([{ id: 'p', name: '', visible: true, locked: false, kind: 'paint', marks: [stroke(), stroke(), stroke()], times: [40, 20, 400, 10, 2, 5] }]);
    const { events, total, timed } = buildTimeline(doc, doc.views[0]);
    expect(timed).to.equal(true);
    expect(events.map((e) => [e.start, e.duration])).to.deep.equal([
      [0, 1000],
      [1000 + MAX_PAUSE_MS, 500],
      [2500 + 100, 250],
    ]);
    expect(total).to.equal(2850);
  });

  it('shows objects when they were placed, among the strokes', () => {
    const doc = design([
      { id: 'p', name: '', visible: true, locked: false, kind: 'paint', marks: [stroke(), stroke()], times: [0, 10, 10, 10] },
      { id: 'o', name: '', visible: true, locked: false, kind: 'object', object: { ...text }, at: 700 },
    ]);
    const { events } = buildTimeline(doc, doc.views[0]);
    expect(events.map((e) => [e.layer, e.mark, e.start])).to.deep.equal([
      [0, 0, 0],
      [1, -1, 700],
      [0, 1, 1000],
    ]);
  });

  it('leaves hidden layers out: they would only be time with nothing to see', () => {
    const doc = design([
      { id: 'h', name: '', visible: false, locked: false, kind: 'paint', marks: [stroke()], times: [0, 100] },
      { id: 'p', name: '', visible: true, locked: false, kind: 'paint', marks: [stroke()], times: [200, 10] },
    ]);
    const { events, total } = buildTimeline(doc, doc.views[0]);
    expect(events.map((e) => [e.layer, e.start])).to.deep.equal([[1, 0]]);
    expect(total).to.equal(500);
  });

  it('paces a design without times evenly, layer by layer', () => {
    const doc = design([
      { id: 'p', name: '', visible: true, locked: false, kind: 'paint', marks: [stroke(), { type: 'fill', area: 'body', color: '#ffffff' }] },
      { id: 'o', name: '', visible: true, locked: false, kind: 'object', object: { ...text } },
    ]);
    const { events, total, timed } = buildTimeline(doc, doc.views[0]);
    expect(timed).to.equal(false);
    expect(events.map((e) => e.start)).to.deep.equal([0, EVEN_STEP_MS, 2 * EVEN_STEP_MS]);
    expect(events.map((e) => e.duration)).to.deep.equal([300, 0, 0]);
    expect(total).to.equal(2 * EVEN_STEP_MS);
  });
});
