import type { DesignDocument } from '../../../document/types.ts';

// The spray's renderers (paint.ts: paint from a can, and the first spray's dots) are a chunk of their own: a
// first paint needs them only for a design that holds spray strokes, and such a design loads them before it
// is shown (loadPaintSupport); the spray tool loads them when chosen.
type SprayPaint = typeof import('./paint.ts');

let loaded: SprayPaint | undefined;
let loading: Promise<SprayPaint> | undefined;

/** The renderer, once loaded. */
export function sprayPaint(): SprayPaint | undefined {
  return loaded;
}

/** Loads the renderer; a failed load rejects (a design is never shown without its spray) and is tried again. */
export function loadSprayPaint(): Promise<SprayPaint> {
  loading ??= import('./paint.ts').then(
    (m) => (loaded = m),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether `doc` holds a spray stroke (of either style: both renderers are in the chunk). */
export function needsSprayPaint(doc: Pick<DesignDocument, 'views'>): boolean {
  return doc.views.some((v) =>
    v.layers.some((l) => l.kind === 'paint' && l.marks.some((m) => m.type === 'stroke' && m.tool === 'spray')),
  );
}
