import type { UseStore } from 'idb-keyval';
import type { StudioEditor } from '../editor/editor.ts';
import type { RasterKeeper } from './rasters.ts';

/** Below this many marks a layer rebakes fast enough that keeping its bitmap is not worth the bytes. */
export const RASTER_KEEP_MIN_MARKS = 300;

let keeper: Promise<RasterKeeper> | undefined;

/**
 * After a draft is saved: keep its big layers' bitmaps too (rasters.ts,
 * loaded only once a design has a layer that big).
 */
export function keepRasters(draft: string, editor: StudioEditor, store: UseStore): void {
  const big = editor.design.views.some((v) => v.layers.some((l) => l.kind === 'paint' && l.marks.length >= RASTER_KEEP_MIN_MARKS));
  if (!big && !keeper) return;
  keeper ??= import('./rasters.ts').then((m) => new m.RasterKeeper());
  void keeper.then((k) => k.saved(draft, editor, store));
}
