import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { DesignDocument, Layer, Mark, PlacedObject, TextObject } from '../../src/document/index.ts';
import { encodePoints } from '../../src/document/index.ts';
import type { TemplateManifest } from '../../src/template/types.ts';

/** A shipped template as the print renderer gets it: the manifest's JSON. */
export function shippedTemplate(id: 'roadster' | 'skate-deck' | 'sneaker'): TemplateManifest {
  return JSON.parse(readFileSync(new URL(`../../templates/${id}.json`, import.meta.url), 'utf8')) as TemplateManifest;
}

/** A stroke through the given points (design units). */
export function stroke(tool: 'pencil' | 'marker' | 'eraser', color: string, size: number, points: number[][]): Mark {
  return {
    type: 'stroke',
    tool,
    color,
    size,
    opacity: tool === 'marker' ? 0.5 : 1,
    pts: encodePoints(points.map(([x, y]) => ({ x, y }))),
  };
}

export function paint(id: string, marks: Mark[]): Layer {
  return { id, name: id, visible: true, locked: false, kind: 'paint', marks };
}

/** A design of one view's layers on a template. */
export function design(template: TemplateManifest, view: string, layers: Layer[]): DesignDocument {
  return {
    format: 'co-design-document',
    version: 2,
    template: { id: template.id, version: template.templateVersion },
    meta: { created: '2026-12-01T10:00:00.000Z', updated: '2026-12-01T10:00:00.000Z' },
    views: [{ view, layers }],
  };
}

/** Reads a shipped template's file by its manifest path, as a backend's `readAsset` would. */
export const readTemplateAsset = (path: string): Promise<Uint8Array> =>
  readFile(new URL(`../../templates/${path}`, import.meta.url));

/** A layer holding one placed object. */
export function objectLayer(id: string, object: PlacedObject): Layer {
  return { id, name: id, visible: true, locked: false, kind: 'object', object };
}

/** A text object at (x, y) in design units. */
export function text(value: string, font: string, x: number, y: number, more: Partial<TextObject> = {}): TextObject {
  const base = { type: 'text', text: value, font, size: 60, color: '#cc0000', bold: false, italic: false } as const;
  return { ...base, x, y, scaleX: 1, scaleY: 1, angle: 0, ...more };
}

/**
 * A design of `count` pencil strokes of 20 points, seeded, over the view's middle band (the bench's and the memory
 * test's load: a busy customer's design).
 */
export function strokesDesign(template: TemplateManifest, view: string, count: number): DesignDocument {
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const marks = Array.from({ length: count }, () => {
    const [x, y] = [200 + random() * 1200, 400 + random() * 150];
    const colour = `#${Math.floor(random() * 0xffffff)
      .toString(16)
      .padStart(6, '0')}`;
    return stroke(
      'pencil',
      colour,
      2 + random() * 10,
      Array.from({ length: 20 }, (_, i) => [x + i * 3, y + Math.sin(i) * 5]),
    );
  });
  return design(template, view, [paint('strokes', marks)]);
}
