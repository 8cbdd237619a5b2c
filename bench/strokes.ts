// One seeded generator for both sides of the benchmark: the same free-hand
// strokes become the studio's design document (as the studio itself would
// store them: simplified at commit, quantised, delta-encoded) and the
// baseline's raw points (which its page turns into fabric Paths with
// PencilBrush's own path conversion).
import { encodePoints, simplify, type Point } from '../src/document/points.ts';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type DesignDocument, type Stroke } from '../src/document/types.ts';
import { SIMPLIFY_TOLERANCE } from '../src/editor/tools/freehand.ts';
import { mulberry32 } from '../src/editor/render/strokes.ts';

export interface RawStroke {
  color: string;
  width: number;
  /** View units, x/y interleaved, about 100 points. */
  xy: number[];
}

/** The roadster's side view (templates/roadster.json) and the box around its body area. */
export const VIEW = { id: 'side', width: 1600, height: 700 };
const BODY = { left: 110, top: 330, right: 1520, bottom: 560 };
const COLORS = ['#e4002b', '#1d1d1b', '#ffffff', '#ffcc00', '#0057b8', '#00a651', '#ff6f00', '#7b2cbf'];

/** The studio's own seeded PRNG (mulberry32), so bench and spray agree on what a seed means. */
export const random = mulberry32;

/**
 * Strokes like a hand with a mouse leaves them: a point every 3–9 units (one
 * pointer event per frame at a calm pace), a heading that bends smoothly, a
 * few sharp turns; all starting inside the body's box.
 */
export function generateStrokes(count: number, seed = 1, points = 100): RawStroke[] {
  const rnd = random(seed);
  const strokes: RawStroke[] = [];
  for (let s = 0; s < count; s++) {
    let x = BODY.left + rnd() * (BODY.right - BODY.left);
    let y = BODY.top + rnd() * (BODY.bottom - BODY.top);
    let heading = rnd() * Math.PI * 2;
    let turn = (rnd() - 0.5) * 0.2;
    const speed = 3 + rnd() * 6;
    const xy = [round2(x), round2(y)];
    for (let p = 1; p < points; p++) {
      turn += (rnd() - 0.5) * 0.06;
      turn = Math.max(-0.25, Math.min(0.25, turn));
      if (rnd() < 0.02) heading += (rnd() - 0.5) * 2.5;
      heading += turn;
      x += Math.cos(heading) * speed * (0.8 + rnd() * 0.4);
      y += Math.sin(heading) * speed * (0.8 + rnd() * 0.4);
      xy.push(round2(x), round2(y));
    }
    strokes.push({ color: COLORS[Math.floor(rnd() * COLORS.length)], width: 2 + Math.round(rnd() * 10), xy });
  }
  return strokes;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** A design document holding the strokes as pencil marks in one paint layer of the side view, simplified within `tolerance`. */
export function toDesignDocument(strokes: RawStroke[], template: { id: string; version: string; views: string[] }, tolerance = SIMPLIFY_TOLERANCE): DesignDocument {
  const marks: Stroke[] = strokes.map((s) => {
    const pts: Point[] = [];
    for (let i = 0; i < s.xy.length; i += 2) pts.push({ x: s.xy[i], y: s.xy[i + 1] });
    // What FreehandTool.toStroke stores for a mouse stroke (tolerance 0: every point, only quantised).
    return { type: 'stroke', tool: 'pencil', color: s.color, size: s.width, opacity: 1, pts: encodePoints(tolerance > 0 ? simplify(pts, tolerance) : pts) };
  });
  const stamp = '2026-01-01T00:00:00.000Z';
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    template: { id: template.id, version: template.version },
    meta: { created: stamp, updated: stamp },
    views: template.views.map((view) => ({
      view,
      layers: [{ id: `paint-${view}`, name: 'Paint', visible: true, locked: false, kind: 'paint' as const, marks: view === VIEW.id ? marks : [] }],
    })),
  };
}

/** The stroke drawn for real over the seeded ones: a wave across the body, ~100 pointer moves. */
export function liveStroke(points = 100): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < points; i++) {
    const t = i / (points - 1);
    out.push({ x: 300 + t * 1000, y: 470 + Math.sin(t * Math.PI * 4) * 40 });
  }
  return out;
}
