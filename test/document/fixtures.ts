import { encodeQuanta } from '../../src/document/points.ts';
import type { DesignDocument, Layer, Stroke } from '../../src/document/types.ts';
import { mulberry32 } from '../../src/editor/render/strokes.ts';

export const PNG_1PX =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const placement = { x: 120.5, y: -40, scaleX: 1, scaleY: 1.5, angle: -12.25 };

/** A document with every layer kind, mark type, object type and optional field. */
export function fullDocument(): DesignDocument {
  return {
    format: 'co-design-document',
    version: 2,
    template: { id: 'roadster', version: '2024.1' },
    meta: { created: '2025-03-01T10:00:00.000Z', updated: '2025-03-01T12:34:56.789Z', author: 'Kim', elapsed: 96_000 },
    views: [
      {
        view: 'left',
        layers: [
          {
            id: 'paint-1',
            name: 'Base coat',
            visible: true,
            locked: false,
            kind: 'paint',
            marks: [
              { type: 'fill', area: 'body', color: '#112233' },
              { type: 'stroke', tool: 'pencil', color: '#ff0000', size: 4, opacity: 1, pts: encodeQuanta([400, 400, 404, 398, 412, 398]), pressure: [10, 128, 255] },
              { type: 'stroke', tool: 'marker', color: '#00ff00', size: 24, opacity: 0.5, pts: [0, 0, 40, 40] },
              { type: 'stroke', tool: 'spray', color: '#0000FF', size: 30, opacity: 0.8, pts: [100, 100], seed: 4294967295, density: 20 },
              { type: 'stroke', tool: 'eraser', color: '#000000', size: 10, opacity: 1, pts: [-400, -400, 1, 1] },
            ],
            times: [24, 0, 16, 9, 30, 21, -21, 12, 140, 3],
          },
          {
            id: 'text-1',
            name: 'Slogan',
            visible: true,
            locked: true,
            kind: 'object',
            object: { type: 'text', ...placement, text: 'Go fast 🚀', font: 'Inter', size: 48, color: '#ffffff', bold: true, italic: false },
            at: 30_000,
          },
          {
            id: 'shape-1',
            name: '',
            visible: false,
            locked: false,
            kind: 'object',
            object: { type: 'shape', ...placement, shape: 'star', width: 80, height: 80, fill: '#ffcc00', stroke: null, strokeWidth: 0, sides: 5 },
          },
          {
            id: 'line-1',
            name: 'Stripe',
            visible: true,
            locked: false,
            kind: 'object',
            object: { type: 'shape', ...placement, shape: 'line', width: 300, height: 0, fill: null, stroke: '#000000', strokeWidth: 3 },
          },
        ],
      },
      {
        view: 'right',
        layers: [
          {
            id: 'image-1',
            name: 'Logo',
            visible: true,
            locked: false,
            kind: 'object',
            object: { type: 'image', ...placement, src: PNG_1PX, width: 64, height: 64, name: 'logo.png' },
          },
          {
            id: 'sticker-1',
            name: 'Flame',
            visible: true,
            locked: false,
            kind: 'object',
            object: { type: 'sticker', ...placement, sticker: 'flame_02', width: 100, height: 50 },
          },
        ],
      },
    ],
  };
}

/** A fresh, independent copy to break in one place. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A deterministic PRNG (the studio's mulberry32), so property tests repeat exactly. */
export const random = mulberry32;

/** One view with `strokes` pencil strokes of `points` points each, as a heavy user would leave it. */
export function strokeDocument(strokes: number, points: number, seed = 1): DesignDocument {
  const rnd = random(seed);
  const marks: Stroke[] = [];
  for (let s = 0; s < strokes; s++) {
    const quanta = [Math.round(rnd() * 8000), Math.round(rnd() * 8000)];
    for (let p = 1; p < points; p++) {
      quanta.push(quanta[2 * p - 2] + Math.round(rnd() * 40 - 20), quanta[2 * p - 1] + Math.round(rnd() * 40 - 20));
    }
    marks.push({ type: 'stroke', tool: 'pencil', color: '#336699', size: 6, opacity: 1, pts: encodeQuanta(quanta) });
  }
  const layer: Layer = { id: 'paint', name: 'Paint', visible: true, locked: false, kind: 'paint', marks };
  const doc = fullDocument();
  doc.views = [{ view: 'left', layers: [layer] }];
  return doc;
}
