import type { UseStore } from 'idb-keyval';
import type { RasterKeeper } from './rasters.ts';
import { onPage, RASTER_KEEP_MIN_MARKS, type DraftEditor } from './types.ts';

// One keeper per draft: two studios on one page (or a draft switch) must not reset each other's schedule.
const keepers = new Map<string, Promise<RasterKeeper>>();

/**
 * After a draft is saved: keep its big layers' bitmaps too (rasters.ts,
 * loaded only once a design has a layer that big).
 */
export function keepRasters(draft: string, editor: DraftEditor, store: UseStore): void {
  // The last save of a studio taken off the page runs after its editor was disposed: nothing more to keep.
  if (!onPage(editor)) return;
  const big = editor.design.views.some((v) =>
    v.layers.some((l) => l.kind === 'paint' && l.marks.length >= RASTER_KEEP_MIN_MARKS),
  );
  if (!big && !keepers.has(draft)) return;
  let keeper = keepers.get(draft);
  if (!keeper) keepers.set(draft, (keeper = import('./rasters.ts').then((m) => new m.RasterKeeper(draft))));
  void keeper.then((k) => k.saved(editor, store));
}
