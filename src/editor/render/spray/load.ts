import type { DesignDocument } from '../../../document/types.ts';

// The spray's renderer (paint.ts) is a chunk of its own: a first paint needs it only for a design that holds
// style-2 spray strokes, and such a design loads it before it is shown (loadPaintSupport); the spray tool
// loads it when chosen.
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

/** Whether `doc` holds a stroke the renderer draws. */
export function needsSprayPaint(doc: Pick<DesignDocument, 'views'>): boolean {
  return doc.views.some((v) =>
    v.layers.some((l) => l.kind === 'paint' && l.marks.some((m) => m.type === 'stroke' && m.style !== undefined)),
  );
}
