import { expect } from '@open-wc/testing';
import { parseDesign } from '../../src/document/validate.js';
import { strokeDocument } from './fixtures.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('parseDesign speed', () => {
  it('validates 10,000 strokes of 30 points well under 200 ms', () => {
    const doc = strokeDocument(10_000, 30);
    const text = JSON.stringify(doc);
    const objectRuns: number[] = [];
    const textRuns: number[] = [];
    for (let run = 0; run < 7; run++) {
      let start = performance.now();
      parseDesign(doc);
      objectRuns.push(performance.now() - start);
      start = performance.now();
      parseDesign(text);
      textRuns.push(performance.now() - start);
    }
    const report = {
      strokes: 10_000,
      pointsPerStroke: 30,
      jsonBytes: text.length,
      objectFirstMs: +objectRuns[0].toFixed(1),
      objectMedianMs: +median(objectRuns).toFixed(1),
      textFirstMs: +textRuns[0].toFixed(1),
      textMedianMs: +median(textRuns).toFixed(1),
    };
    console.log(`parseDesign timing ${JSON.stringify(report)}`);
    expect(median(objectRuns)).to.be.below(200);
    expect(objectRuns[0]).to.be.below(200);
    expect(median(textRuns)).to.be.below(200);
  });
});
