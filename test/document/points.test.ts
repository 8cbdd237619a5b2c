import { expect } from '@open-wc/testing';
import {
  decodePoints,
  decodeQuanta,
  encodePoints,
  encodeQuanta,
  firstPointBeyond,
  segmentDistance,
  simplify,
  type Point,
} from '../../src/document/points.ts';
import { parseDesign } from '../../src/document/validate.ts';
import { POINT_QUANTUM } from '../../src/document/types.ts';
import { fullDocument, random } from './fixtures.ts';

const HALF_QUANTUM = 1 / (2 * POINT_QUANTUM);

/** A random walk, the way a hand moves: `n` points starting somewhere in ±range. */
function walk(rnd: () => number, n: number, range = 5000, step = 6): Point[] {
  let x = (rnd() * 2 - 1) * range;
  let y = (rnd() * 2 - 1) * range;
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    points.push({ x, y });
    x += (rnd() * 2 - 1) * step;
    y += (rnd() * 2 - 1) * step;
  }
  return points;
}

describe('stroke points', () => {
  describe('encodePoints / decodePoints', () => {
    it('decodes what it encoded to within half a quantum, over 500 random strokes', () => {
      const rnd = random(42);
      for (let trial = 0; trial < 500; trial++) {
        const points = walk(rnd, 1 + Math.floor(rnd() * 300), trial % 2 ? 100_000 : 50, 1 + rnd() * 40);
        const decoded = decodePoints(encodePoints(points));
        expect(decoded.length).to.equal(points.length * 2);
        for (let i = 0; i < points.length; i++) {
          const dx = Math.abs(decoded[2 * i] - points[i].x);
          const dy = Math.abs(decoded[2 * i + 1] - points[i].y);
          if (dx > HALF_QUANTUM + 1e-9 || dy > HALF_QUANTUM + 1e-9) {
            throw new Error(`trial ${trial}, point ${i}: off by ${Math.max(dx, dy)}`);
          }
        }
      }
    });

    it('stores the first point, the first delta, then how each delta changes, as integers and never -0', () => {
      const pts = encodePoints([
        { x: 10, y: 20 },
        { x: 10.25, y: 19.5 },
        { x: -0.01, y: 19.5 },
      ]);
      // Quanta (40, 80), (41, 78), (0, 78): deltas (1, -2) then (-41, 0), which changed by (-42, 2).
      expect(pts).to.deep.equal([40, 80, 1, -2, -42, 2]);
      expect(pts.every((v) => Number.isInteger(v) && !Object.is(v, -0))).to.equal(true);
      expect(JSON.stringify(encodePoints([{ x: -0.1, y: -0.01 }]))).to.equal('[0,0]');
    });

    it('does not let rounding drift along a long stroke', () => {
      const points = Array.from({ length: 10_000 }, (_, i) => ({ x: i * 0.13, y: -i * 0.37 }));
      const decoded = decodePoints(encodePoints(points));
      expect(Math.abs(decoded[2 * 9999] - 9999 * 0.13)).to.be.at.most(HALF_QUANTUM);
      expect(Math.abs(decoded[2 * 9999 + 1] + 9999 * 0.37)).to.be.at.most(HALF_QUANTUM);
    });

    it('handles empty input and ignores a dangling odd entry', () => {
      expect(encodePoints([])).to.deep.equal([]);
      expect(decodePoints([]).length).to.equal(0);
      expect(Array.from(decodePoints([4, 8, 1]))).to.deep.equal([1, 2]);
    });

    it('decodes exactly at the far edge of the valid range', () => {
      expect(Array.from(decodePoints([4_000_000, -4_000_000, -1, 1]))).to.deep.equal([1_000_000, -1_000_000, 999_999.75, -999_999.75]);
      const corners = [4_000_000, -4_000_000, -4_000_000, 4_000_000, 4_000_000, -4_000_000];
      expect(encodeQuanta(corners)).to.deep.equal([4_000_000, -4_000_000, -8_000_000, 8_000_000, 16_000_000, -16_000_000]);
      expect(Array.from(decodeQuanta(encodeQuanta(corners)))).to.deep.equal(corners);
    });

    it('gives a steady hand small numbers: a straight line at even pace is its first delta, then zeros', () => {
      const line = Array.from({ length: 6 }, (_, i) => ({ x: 10 + i * 2, y: 5 - i }));
      expect(encodePoints(line)).to.deep.equal([40, 20, 8, -4, 0, 0, 0, 0, 0, 0, 0, 0]);
    });

    it('decodes into a scratch buffer when it is long enough, and a new array when not', () => {
      const scratch = new Float64Array(8);
      expect(decodeQuanta([4, 8, 1, 1, 1, 1], scratch)).to.equal(scratch);
      expect(Array.from(scratch.subarray(0, 6))).to.deep.equal([4, 8, 5, 9, 7, 11]);
      const longer = decodeQuanta(new Array(10).fill(0), scratch);
      expect(longer).not.to.equal(scratch);
      expect(longer.length).to.equal(10);
    });

    it('finds the first point beyond a range, stopping before huge second-order values overflow', () => {
      expect(firstPointBeyond([0, 0, 1, 1, 1, 1], 2)).to.equal(2);
      expect(firstPointBeyond([0, 0, 1, 1, 1, 1], 3)).to.equal(-1);
      // With no bound at all, the first point whose running sums leave the safe integers is named.
      const huge = [0, 0, 2 ** 52, 0, 2 ** 52, 0, 2 ** 52, 0];
      expect(firstPointBeyond(huge, Infinity)).to.equal(2);
      expect(firstPointBeyond([0, 0, 16_000_000, 0, ...new Array(199_996).fill(16_000_000)], 4_000_000)).to.equal(1);
    });

    it('produces pts a document accepts', () => {
      const doc = fullDocument();
      const layer = doc.views[0].layers[0];
      if (layer.kind !== 'paint' || layer.marks[2].type !== 'stroke') throw new Error('fixture changed');
      layer.marks[2].pts = encodePoints(simplify(walk(random(7), 2000), 0.5));
      expect(() => parseDesign(doc)).not.to.throw();
    });
  });

  describe('simplify', () => {
    /** Each dropped point lies within `tolerance` of the segment between its kept neighbours. */
    function expectWithinTolerance(points: Point[], kept: Point[], tolerance: number): void {
      let k = 0;
      for (let i = 0; i < points.length; i++) {
        if (points[i] === kept[k]) {
          k++;
          continue;
        }
        const d = segmentDistance(points[i], kept[k - 1], kept[k]);
        if (d > tolerance + 1e-9) throw new Error(`point ${i} is ${d} from the simplified line (tolerance ${tolerance})`);
      }
      expect(k, 'kept points are not an ordered subset').to.equal(kept.length);
    }

    it('keeps the endpoints and stays within tolerance, over 300 random strokes', () => {
      const rnd = random(1234);
      for (let trial = 0; trial < 300; trial++) {
        const points = walk(rnd, 2 + Math.floor(rnd() * 500));
        const tolerance = [0, 0.25, 1, 5, 50][trial % 5];
        const kept = simplify(points, tolerance);
        expect(kept[0]).to.equal(points[0]);
        expect(kept[kept.length - 1]).to.equal(points[points.length - 1]);
        expectWithinTolerance(points, kept, tolerance);
      }
    });

    it('drops collinear points and keeps corners', () => {
      const line = Array.from({ length: 11 }, (_, i) => ({ x: i, y: 2 * i }));
      expect(simplify(line, 0.01)).to.deep.equal([line[0], line[10]]);
      const corner = [{ x: 0, y: 0 }, { x: 5, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 5 }, { x: 10, y: 10 }];
      expect(simplify(corner, 0.5)).to.deep.equal([corner[0], corner[2], corner[4]]);
    });

    it('keeps everything off the line at tolerance 0, and treats a bad tolerance as 0', () => {
      const zigzag = Array.from({ length: 20 }, (_, i) => ({ x: i, y: i % 2 }));
      expect(simplify(zigzag, 0)).to.have.length(20);
      expect(simplify(zigzag, NaN)).to.have.length(20);
      expect(simplify(zigzag, -1)).to.have.length(20);
    });

    it('handles 0, 1 and 2 points, repeated points and closed loops', () => {
      expect(simplify([], 1)).to.deep.equal([]);
      const one = [{ x: 1, y: 1 }];
      expect(simplify(one, 1)).to.deep.equal(one);
      expect(simplify(one, 1)).not.to.equal(one);
      const same = Array.from({ length: 50 }, () => ({ x: 3, y: 3 }));
      expect(simplify(same, 0)).to.have.length(2);
      const loop = Array.from({ length: 101 }, (_, i) => ({ x: Math.cos((i / 100) * 2 * Math.PI) * 100, y: Math.sin((i / 100) * 2 * Math.PI) * 100 }));
      const kept = simplify(loop, 1);
      expect(kept.length).to.be.within(10, 60);
      expectWithinTolerance(loop, kept, 1);
    });

    // Speed is the benchmark's business (npm run bench); this proves the loop holds at this size.
    it('simplifies 100,000 points without recursion', () => {
      const rnd = random(99);
      const worstCase = Array.from({ length: 100_000 }, (_, i) => ({ x: i, y: i % 2 ? rnd() : -rnd() }));
      const spiral = Array.from({ length: 100_000 }, (_, i) => ({ x: Math.cos(i / 1000) * i, y: Math.sin(i / 1000) * i }));
      for (const points of [worstCase, spiral, walk(rnd, 100_000)]) {
        const kept = simplify(points, 0.5);
        expect(kept[0]).to.equal(points[0]);
        expect(kept[kept.length - 1]).to.equal(points[points.length - 1]);
        expectWithinTolerance(points, kept, 0.5);
      }
    });
  });
});
