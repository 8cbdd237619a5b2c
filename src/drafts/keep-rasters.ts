import type { UseStore } from 'idb-keyval';
import type { StudioEditor } from '../editor/editor.ts';
import type { RasterKeeper } from './rasters.ts';

/** Below this many marks a layer rebakes fast enough that keeping its bitmap is not worth the bytes. */
export const RASTER_KEEP_MIN_MARKS = 300;

// One keeper per draft: two studios on one page (or a draft switch) must not reset each other's schedule.
const keepers = new Map<string, Promise<RasterKeeper>>();

/**
 * After a draft is saved: keep its big layers' bitmaps too (rasters.ts,
 * loaded only once a design has a layer that big).
 */
export function keepRasters(draft: string, editor: StudioEditor, store: UseStore): void {
  // The last save of a studio taken off the page runs after its editor was disposed: nothing more to keep.
  if (!onPage(editor)) return;
  const big = editor.design.views.some((v) => v.layers.some((l) => l.kind === 'paint' && l.marks.length >= RASTER_KEEP_MIN_MARKS));
  if (!big && !keepers.has(draft)) return;
  let keeper = keepers.get(draft);
  if (!keeper) keepers.set(draft, (keeper = import('./rasters.ts').then((m) => new m.RasterKeeper(draft))));
  void keeper.then((k) => k.saved(editor, store));
}

/** Whether the editor's canvas is still on the page (a disposed fabric canvas has no elements at all). */
export function onPage(editor: StudioEditor): boolean {
  return editor.ready && editor.canvas.lowerCanvasEl?.isConnected === true;
}
