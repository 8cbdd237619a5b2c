import { expect } from '@open-wc/testing';
import { decodeMarkTimes } from '../../src/document/timing.ts';
import type { DesignDocument, PaintLayer } from '../../src/document/types.ts';
import type { CoDesignReplay } from '../../src/replay/co-design-replay.component.ts';
import { StudioPage, uniqueKey } from '../support/drafts.ts';
import { mountStudio, pixelsOf, type TestStudio } from '../support/studio.ts';
import { nextEvent } from '../support/wait.ts';
import { differing, frame, mountReplay } from './support.ts';

const WIDTH = 800;

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

  it('replays a design painted over two sessions in order, ending on its export pixel for pixel', async function () {
    this.timeout(60_000);
    // A real page of its own, reloaded for real between the sessions; painted with the real mouse.
    const page = await StudioPage.openStudio(uniqueKey('replay'));
    try {
      const strokes = async (fy: number) => {
        for (const dy of [0, 0.05]) {
          const [a, b, c] = await Promise.all([page.at(0.25, fy + dy), page.at(0.45, fy + dy + 0.02), page.at(0.7, fy + dy)]);
          await page.paint([a, b, c]);
        }
        await page.storedAsShown();
      };
      await strokes(0.5);
      await page.reload();
      await strokes(0.62);
      const design = JSON.parse(await page.design()) as DesignDocument;
      const times = decodeMarkTimes(paintLayer(design))!;
      expect(times.length).to.equal(4);
      for (const [i, t] of times.entries()) {
        if (i > 0) expect(t.start, `mark ${i} starts after mark ${i - 1} ends`).to.be.at.least(times[i - 1].start + times[i - 1].duration);
        expect(t.duration, `mark ${i} took time`).to.be.above(0);
      }
      // `times` rounds starts and ends to 50 ms; the clock's total is exact.
      expect(design.meta.elapsed! + 25).to.be.at.least(times[3].start + times[3].duration);
      const exported = await pixelsOf(await (await fetch(await page.exportUrl())).blob());

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
    } finally {
      await page.close();
    }
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
    // Drawn again from the objects the replay keeps (the text is built once): still the export.
    expect(same(frame(r, r.duration, exported.width, exported.height), exported), 'and again').to.equal(true);
    // At the default export size the studio copies its baked layer instead of drawing the marks: the same pixels.
    const full = await s.exportPixels();
    expect(same(frame(r, r.duration, full.width, full.height), full), 'the last frame is the 2048 px export').to.equal(true);
  });

  for (const fixture of ['roadster-v0.json', 'roadster-old-spray.json']) {
    it(`ends on the export of ${fixture} (fills, sprays, a hidden layer, text), pixel for pixel`, async () => {
      const doc = await (await fetch(new URL(`../fixtures/designs/${fixture}`, import.meta.url))).json();
      r = await mountReplay(doc);
      r.pause();
      s = await mountStudio();
      await s.el.loadDesign(doc);
      const exported = await s.exportPixels({ width: WIDTH });
      const empty = frame(r, 0, exported.width, exported.height);
      expect(differing(frame(r, r.duration / 2, exported.width, exported.height), empty), 'half-way shows paint').to.be.above(0);
      expect(same(frame(r, r.duration, exported.width, exported.height), exported), 'the last frame is the export').to.equal(true);
    });
  }

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
