import { expect } from '@open-wc/testing';
import { generateStrokes, toDesignDocument } from '../../bench/strokes.ts';
import type { DesignDocument } from '../../src/document/types.ts';
import { SIMPLIFY_TOLERANCE } from '../../src/editor/tools/freehand.ts';
import { mountStudio, type TestStudio } from '../support/studio.ts';

// Issue 6: the optimisations may not change how a design looks. The same
// seeded free-hand strokes are exported at 2048 px as drawn (every point,
// only quantised to 1/4 unit) and as the studio stores them (simplified
// within SIMPLIFY_TOLERANCE), then compared pixel by pixel. The bitmaps kept
// with drafts are held to the same pixels in test/drafts/rasters.test.ts.

/**
 * The stated tolerance. Differences sit on anti-aliased stroke edges only: at
 * most 0.25 % of pixels may differ by more than half the range (an edge moved
 * by about a pixel), and the mean difference per channel stays within one
 * level. Measured: 0.10 % and 0.63 at 0.6 units; 0.39 % and 1.10 at 1 unit,
 * which fails, as a 4-unit simplification does in the second test.
 */
const TOLERANCE = { share: 0.0025, levels: 128, mean: 1 };

function design(s: TestStudio, tolerance: number): DesignDocument {
  const m = s.editor.manifest!;
  return toDesignDocument(generateStrokes(400, 11), { id: m.id, version: m.templateVersion, views: m.views.map((v) => v.id) }, tolerance);
}

function compare(a: ImageData, b: ImageData, levels: number): { share: number; mean: number } {
  let over = 0;
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    let worst = 0;
    for (let c = 0; c < 4; c++) {
      const d = Math.abs(a.data[i + c] - b.data[i + c]);
      sum += d;
      worst = Math.max(worst, d);
    }
    if (worst > levels) over++;
  }
  return { share: over / (a.data.length / 4), mean: sum / a.data.length };
}

describe('<co-design-studio> pixel equivalence of the stroke optimisations', () => {
  let s: TestStudio | undefined;
  afterEach(() => s?.remove());

  it(`exports simplified strokes (tolerance ${SIMPLIFY_TOLERANCE}) within the stated tolerance of every drawn point`, async () => {
    s = await mountStudio();
    await s.el.loadDesign(design(s, 0));
    const drawn = await s.exportPixels({ width: 2048 });
    await s.el.loadDesign(design(s, SIMPLIFY_TOLERANCE));
    const stored = await s.exportPixels({ width: 2048 });
    const diff = compare(drawn, stored, TOLERANCE.levels);
    console.log(`pixel equivalence at ${SIMPLIFY_TOLERANCE}: ${(diff.share * 100).toFixed(3)} % of pixels over ${TOLERANCE.levels} levels, mean ${diff.mean.toFixed(3)} levels`);
    expect(diff.share, 'share of pixels that differ visibly').to.be.at.most(TOLERANCE.share);
    expect(diff.mean, 'mean difference').to.be.at.most(TOLERANCE.mean);
  });

  it('would notice a coarser simplification (the comparison can fail)', async () => {
    s = await mountStudio();
    await s.el.loadDesign(design(s, 0));
    const drawn = await s.exportPixels({ width: 2048 });
    await s.el.loadDesign(design(s, 4));
    const diff = compare(drawn, await s.exportPixels({ width: 2048 }), TOLERANCE.levels);
    expect(diff.share, 'a 4-unit simplification is over the tolerance').to.be.greaterThan(TOLERANCE.share);
  });
});
