import { expect } from '@open-wc/testing';
import { decodeMarkTimes } from '../../src/document/timing.ts';
import type { DesignDocument, PaintLayer } from '../../src/document/types.ts';
import type { CoDesignReplay } from '../../src/replay/co-design-replay.component.ts';
import { storedAsShown, nextSave, uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { mountStudio, type TestStudio } from '../support/studio.ts';
import { nextEvent } from '../support/wait.ts';
import { differing, frame, mountReplay } from './support.ts';

const WIDTH = 800;

/** Two strokes with real mouse input, each in a band of its own so every one paints new pixels. */
async function paintTwo(s: TestStudio, band: number): Promise<void> {
  const view = s.editor.manifest!.views.find((v) => v.id === s.editor.view)!;
  const [x, y] = geometry(view).centre(20);
  await s.tool(band === 0 ? 'pencil' : 'marker');
  for (const dy of [-60 + band * 60, -30 + band * 60]) {
    await s.drag([[x - 200, y + dy], [x, y + dy + 10], [x + 200, y + dy]], { steps: 8 });
  }
}

function paintLayer(doc: DesignDocument): PaintLayer {
  const layer = doc.views[0].layers.find((l): l is PaintLayer => l.kind === 'paint' && l.marks.length > 0);
  if (!layer) throw new Error('no painted layer');
  return layer;
}

function same(a: ImageData, b: ImageData): boolean {
  return a.width === b.width && a.height === b.height && a.data.every((v, i) => v === b.data[i]);
}

describe('<co-design-replay>', () => {
  let s: TestStudio | undefined;
  let r: CoDesignReplay | undefined;
  afterEach(() => {
    s?.remove();
    r?.remove();
    s = r = undefined;
  });

  it('replays a design painted over two sessions in order, ending on its export pixel for pixel', async () => {
    const key = uniqueKey('replay');
    s = await mountStudio({ draftKey: key });
    let saved = nextSave(s.el);
    await paintTwo(s, 0);
    await storedAsShown(s.el, (await saved).draft);
    s.remove();

    // The second session: a reload of the same draft continues its clock.
    s = await mountStudio({ draftKey: key });
    saved = nextSave(s.el);
    await paintTwo(s, 1);
    await storedAsShown(s.el, (await saved).draft);
    const design = s.design();
    const times = decodeMarkTimes(paintLayer(design))!;
    expect(times.length).to.equal(4);
    for (const [i, t] of times.entries()) {
      if (i > 0) expect(t.start, `mark ${i} starts after mark ${i - 1} ends`).to.be.at.least(times[i - 1].start + times[i - 1].duration);
      expect(t.duration, `mark ${i} took time`).to.be.above(0);
    }
    // `times` rounds starts and ends to 50 ms; the clock's total is exact.
    expect(design.meta.elapsed! + 25).to.be.at.least(times[3].start + times[3].duration);
    const exported = await s.exportPixels({ width: WIDTH });

    r = await mountReplay(design);
    r.pause();
    const total = r.duration;
    expect(total).to.be.above(0);
    const empty = frame(r, 0, exported.width, exported.height);
    const painted = [0.25, 0.5, 0.75].map((f) => differing(frame(r!, f * total, exported.width, exported.height), empty));
    expect(painted[0], 'something is painted at 25 %').to.be.above(0);
    expect(painted[1], 'more at 50 % than at 25 %').to.be.above(painted[0]);
    expect(painted[2], 'more at 75 % than at 50 %').to.be.above(painted[1]);
    expect(same(frame(r, total, exported.width, exported.height), exported), 'the last frame is the export').to.equal(true);
  });

  it('replays a version 1 design, which has no times, evenly paced', async () => {
    const v1 = await (await fetch(new URL('../fixtures/designs/roadster-v1.json', import.meta.url))).json();
    r = await mountReplay(v1);
    r.pause();
    // Nine marks and one text, a step each.
    expect(r.duration).to.be.within(3600, 4000);
    const empty = frame(r, 0, WIDTH, 350);
    const quarter = differing(frame(r, r.duration * 0.25, WIDTH, 350), empty);
    const threeQuarters = differing(frame(r, r.duration * 0.75, WIDTH, 350), empty);
    expect(threeQuarters).to.be.above(quarter);
    s = await mountStudio();
    await s.el.loadDesign(v1);
    const exported = await s.exportPixels({ width: WIDTH });
    expect(same(frame(r, r.duration, exported.width, exported.height), exported), 'the last frame is the export').to.equal(true);
  });

  it('reports a bad design as an error event, throwing nothing at the host', async () => {
    const el = document.createElement('co-design-replay');
    el.setAttribute('template', '/templates/roadster.json');
    el.design = { format: 'co-design-document', version: 2, views: 'no' } as unknown as DesignDocument;
    const failed = nextEvent<Event & { code: string; message: string }>(el, 'co-design-error');
    document.body.append(el);
    const error = await failed;
    expect(error.code).to.equal('design-invalid');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('could not be shown');
    el.remove();
  });
});
