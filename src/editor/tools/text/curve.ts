import { Path, type IText, type TSimplePathData } from 'fabric/es';
import type { TextCurve } from '../../../document/types.ts';

// Text on a curve with fabric's own text-on-a-path: the glyphs are set along
// a Path built here from the stored curve and the text's straight width, so
// the same document always builds the same path (exports and restores match).
// Part of the lazy text chunk. docs/craft/curved-text.md explains the choices.

/** The template's path data by path id (ObjectAssets.path). */
export type PathLookup = ((id: string) => string | undefined) | undefined;

/** What a studio text object carries beside fabric's own state. */
interface CurvedText extends IText {
  studioCurve?: TextCurve;
  studioPaths?: PathLookup;
}

/** Ems of arc past the text: fabric measures a curve's length approximately, and wraps what overflows. */
const SLACK_EM = 0.25;

/** The curve a text object shows (or would show, while it is straightened for typing). */
export function curveOf(fo: IText): TextCurve | undefined {
  return (fo as CurvedText).studioCurve;
}

/** Sets `fo` along its curve, or straight when there is none (exactly the straight text of before). */
export function applyCurve(fo: IText, curve: TextCurve | undefined, paths: PathLookup): void {
  const t = fo as CurvedText;
  t.studioCurve = curve;
  t.studioPaths = paths;
  fo.set({ path: undefined, textAlign: 'left' });
  const path = curve ? curvePath(fo, curve, paths) : undefined;
  const onPath = !!curve && 'path' in curve;
  // A text on a template path stays on its line: the line places it.
  fo.set({ lockMovementX: onPath, lockMovementY: onPath, lockScalingX: onPath, lockScalingY: onPath });
  fo.set({ lockRotation: onPath, hasControls: true });
  fo.setControlsVisibility({ tl: !onPath, tr: !onPath, bl: !onPath, br: !onPath, mtr: !onPath, bend: !onPath });
  // Curved text is one line: Enter ends the typing instead of starting a line fabric would set on the same curve.
  const keys = { ...fo.keysMap };
  if (curve) keys[13] = 'exitEditing';
  else delete keys[13];
  fo.keysMap = keys;
  if (!path) return fo.setCoords();
  fo.set({ path, textAlign: 'center', pathAlign: 'center', pathSide: 'left', pathStartOffset: 0 });
  if (onPath) fo.set({ left: path.pathOffset.x, top: path.pathOffset.y, scaleX: 1, scaleY: 1, angle: 0 });
  fo.setCoords();
}

/** Bends a text on screen only (a handle's drag, a slider's preview): one line, its centre kept. */
export function bendTo(fo: IText, bend: number): void {
  if (bend !== 0 && fo.text.includes('\n')) fo.set({ text: fo.text.replace(/\r?\n/g, ' ') });
  applyCurve(fo, bend === 0 ? undefined : { bend }, (fo as CurvedText).studioPaths);
}

/**
 * Keeps a curved text's path fitted to its text while it is typed into (the
 * arc grows with the text, nothing wraps round), and one line when typing ends.
 */
export function followEditing(fo: IText): void {
  const t = fo as CurvedText;
  fo.on('changed', () => t.studioCurve && applyCurve(fo, t.studioCurve, t.studioPaths));
  fo.on('editing:exited', () => {
    if (!t.studioCurve) return;
    if (fo.text.includes('\n')) fo.set({ text: fo.text.replace(/\r?\n/g, ' ') });
    applyCurve(fo, t.studioCurve, t.studioPaths);
  });
}

function curvePath(fo: IText, curve: TextCurve, paths: PathLookup): Path | undefined {
  const width = fo.calcTextWidth();
  const length = width + fo.fontSize * SLACK_EM;
  let line: TSimplePathData | undefined;
  if ('bend' in curve) line = curve.bend === 0 ? undefined : arc(curve.bend, length);
  else {
    const d = paths?.(curve.path);
    // fabric's Path parses the data into absolute M, L, C, Q and Z commands.
    line = d ? fitted(new Path(d).path, length) : undefined;
  }
  if (!line) return undefined;
  // fabric sizes a text on a path to the path's box: widen it by the glyphs' band so the frame, the handles and
  // picking cover the letters. Zero-length lines add to the box, not to the length the glyphs are set along.
  const [min, max] = bandBox(line, fo.height / 2);
  const box: TSimplePathData = [
    ['M', min.x, min.y],
    ['L', min.x, min.y],
    ['M', max.x, max.y],
    ['L', max.x, max.y],
  ];
  return new Path([...line, ...box], { visible: false });
}

/**
 * An arc `length` long, apex at (0, 0), read left to right. Its sweep is the
 * bend's share of a full turn, so a longer text bends just as much.
 */
export function arc(bend: number, length: number): TSimplePathData {
  const sweep = (Math.min(Math.abs(bend), 100) / 100) * 2 * Math.PI;
  const r = length / sweep;
  const up = bend > 0 ? 1 : -1;
  // The circle's centre lies under the apex for a bend up, above it for a bend down.
  const point = (phi: number) => ({ x: r * Math.sin(phi), y: up * (r - r * Math.cos(phi)) });
  const tangent = (phi: number) => ({ x: r * Math.cos(phi), y: up * r * Math.sin(phi) });
  const pieces = Math.ceil(sweep / (Math.PI / 2));
  const step = sweep / pieces;
  const k = (4 / 3) * Math.tan(step / 4);
  const start = point(-sweep / 2);
  const out: TSimplePathData = [['M', start.x, start.y]];
  for (let i = 0; i < pieces; i++) {
    const a = -sweep / 2 + i * step;
    const b = a + step;
    const [p0, p1, t0, t1] = [point(a), point(b), tangent(a), tangent(b)];
    out.push(['C', p0.x + k * t0.x, p0.y + k * t0.y, p1.x - k * t1.x, p1.y - k * t1.y, p1.x, p1.y]);
  }
  return out;
}

/** A template's line, continued straight past both ends when the text is longer than it. */
function fitted(line: TSimplePathData, length: number): TSimplePathData {
  const points = polyline(line);
  const total = points.reduce(
    (sum, p, i) => (i ? sum + Math.hypot(p.x - points[i - 1].x, p.y - points[i - 1].y) : 0),
    0,
  );
  if (length <= total || points.length < 2) return line;
  const extra = (length - total) / 2;
  const [a, b] = [points[0], points[1]];
  const [y, z] = [points[points.length - 2], points[points.length - 1]];
  const from = direction(b, a);
  const to = direction(y, z);
  return [
    ['M', a.x + extra * from.x, a.y + extra * from.y],
    ['L', a.x, a.y],
    ...line.slice(1),
    ['L', z.x + extra * to.x, z.y + extra * to.y],
  ];
}

/** The unit vector from `p` towards `q`. */
function direction(p: XY, q: XY): XY {
  const d = Math.hypot(q.x - p.x, q.y - p.y) || 1;
  return { x: (q.x - p.x) / d, y: (q.y - p.y) / d };
}

interface XY {
  x: number;
  y: number;
}

/**
 * The line as points, its curves cut into short chords (fabric's own path
 * helpers come only with its whole `util` namespace, which splits the bundle).
 */
function polyline(line: TSimplePathData): XY[] {
  const out: XY[] = [];
  let at: XY = { x: 0, y: 0 };
  let start = at;
  for (const c of line) {
    if (c[0] === 'M') out.push((at = start = { x: c[1], y: c[2] }));
    else if (c[0] === 'L') out.push((at = { x: c[1], y: c[2] }));
    else if (c[0] === 'Z') out.push((at = start));
    else {
      const from = at;
      const ctrl =
        c[0] === 'C' ? [from, { x: c[1], y: c[2] }, { x: c[3], y: c[4] }, { x: c[5], y: c[6] }] : quadratic(from, c);
      for (let i = 1; i <= CURVE_STEPS; i++) out.push(cubicAt(ctrl, i / CURVE_STEPS));
      at = ctrl[3];
    }
  }
  return out;
}

const CURVE_STEPS = 16;

function quadratic(from: XY, c: TSimplePathData[number]): XY[] {
  const [q, to] = [
    { x: c[1] as number, y: c[2] as number },
    { x: c[3] as number, y: c[4] as number },
  ];
  // The same curve as a cubic: control points two thirds of the way to the quadratic's one.
  const lerp = (p: XY, k: number) => ({ x: p.x + (q.x - p.x) * k, y: p.y + (q.y - p.y) * k });
  return [from, lerp(from, 2 / 3), lerp(to, 2 / 3), to];
}

function cubicAt([p0, p1, p2, p3]: XY[], t: number): XY {
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

/** The box of the band `half` wide on either side of a line. */
function bandBox(line: TSimplePathData, half: number): [XY, XY] {
  const points = polyline(line);
  const min = { x: Infinity, y: Infinity };
  const max = { x: -Infinity, y: -Infinity };
  points.forEach((p, i) => {
    const d = direction(points[Math.max(0, i - 1)], points[Math.min(points.length - 1, i + 1)]);
    for (const side of [1, -1]) {
      const x = p.x - d.y * half * side;
      const y = p.y + d.x * half * side;
      min.x = Math.min(min.x, x);
      min.y = Math.min(min.y, y);
      max.x = Math.max(max.x, x);
      max.y = Math.max(max.y, y);
    }
  });
  return [min, max];
}
