import { readFileSync } from 'node:fs';
import type { DesignDocument, Layer, Mark } from '../../src/document/index.ts';
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
