/**
 * Baked paint-layer bitmaps kept beside a draft, as PNG blobs under
 * ['raster', id, view, layer]: reopening a draft of 10,000 strokes then
 * shows one image per layer instead of rasterising every stroke again. A
 * cache, never the truth: the marks stay in the chunk records, and a bitmap
 * is used only when its size and the fingerprint of the marks it holds
 * match the reopened design (src/editor/render/raster-seed.ts). A record
 * that fails any check is skipped, so it costs a slower open, nothing more.
 */
import { promisifyRequest, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import type { DesignDocument } from '../document/types.ts';
import type { DraftEditor } from './types.ts';
import type { RasterSeed, RasterSnapshot } from '../editor/render/raster-seed.ts';
import { onPage, RASTER_KEEP_MIN_MARKS } from './types.ts';
import { rasterRange, withTimeout } from './store.ts';

export const RASTER_FORMAT = 'co-design-draft-raster';
/** Bitmaps are written at most this often, in idle time after a save. */
export const RASTER_KEEP_INTERVAL_MS = 5000;
const MAX_SIDE = 4096;
const MAX_BLOB_BYTES = 32 * 1024 * 1024;

const name = v.pipe(v.string(), v.maxLength(200));
const rasterRecord = v.strictObject({
  format: v.literal(RASTER_FORMAT),
  version: v.literal(1),
  view: name,
  layer: name,
  baked: v.pipe(v.number(), v.integer(), v.minValue(1)),
  fingerprint: v.pipe(v.string(), v.maxLength(64)),
  width: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_SIDE)),
  height: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_SIDE)),
  png: v.pipe(
    v.instance(Blob),
    v.check((b) => b.size <= MAX_BLOB_BYTES && b.type === 'image/png', 'a PNG blob'),
  ),
});
type RasterRecord = v.InferOutput<typeof rasterRecord>;

/**
 * The kept bitmaps of a draft that fit `design` (known view and paint layer,
 * no more marks than the layer has, the stated size), decoded off the main
 * thread. Never throws: anything unreadable is left out.
 */
export async function readSeeds(id: string, design: DesignDocument, store: UseStore): Promise<RasterSeed[]> {
  let values: unknown[];
  try {
    values = await withTimeout(store('readonly', (s) => promisifyRequest(s.getAll(rasterRange(id)))));
  } catch {
    return [];
  }
  const seeds = await Promise.all(
    values.map(async (value): Promise<RasterSeed | undefined> => {
      const parsed = v.safeParse(rasterRecord, value);
      if (!parsed.success) return undefined;
      const r = parsed.output;
      const layer = design.views.find((view) => view.view === r.view)?.layers.find((l) => l.id === r.layer);
      if (layer?.kind !== 'paint' || r.baked > layer.marks.length) return undefined;
      try {
        const bitmap = await createImageBitmap(r.png, { premultiplyAlpha: 'default', colorSpaceConversion: 'none' });
        if (bitmap.width === r.width && bitmap.height === r.height)
          return { layer: r.layer, baked: r.baked, fingerprint: r.fingerprint, bitmap };
        bitmap.close();
      } catch {
        // Not a decodable PNG: rebaked from the marks instead.
      }
      return undefined;
    }),
  );
  return seeds.filter((s): s is RasterSeed => !!s);
}

/**
 * Writes the editor's baked bitmaps for a draft after its saves: in idle
 * time, at most every RASTER_KEEP_INTERVAL_MS, only layers whose marks
 * changed since the last write. PNG encoding (`toBlob`) runs off the main
 * thread, so no autosave grows a long task.
 */
export class RasterKeeper {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastWrite = 0;
  private readonly written = new Map<string, string>();
  /** The studio that saved last: a draft reopened in a new studio during the wait is kept from that one. */
  private latest: { editor: DraftEditor; store: UseStore } | undefined;

  constructor(private readonly draft: string) {}

  /** Call after each successful save of the draft. */
  saved(editor: DraftEditor, store: UseStore): void {
    this.latest = { editor, store };
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastWrite + RASTER_KEEP_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      const run = () => {
        const { editor, store } = this.latest!;
        this.latest = undefined;
        void this.write(editor, store).finally(() => (this.timer = undefined));
      };
      if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 2000 });
      else run();
    }, wait);
  }

  private async write(editor: DraftEditor, store: UseStore): Promise<void> {
    const draft = this.draft;
    // A studio taken off the page during the wait has nothing more to keep (its draft may be open elsewhere by now).
    if (!onPage(editor)) return;
    this.lastWrite = Date.now();
    const due = editor
      .keptRasters()
      .filter((s) => s.baked >= RASTER_KEEP_MIN_MARKS && this.written.get(`${s.view}/${s.layer}`) !== s.fingerprint);
    if (!due.length) return;
    const records = await Promise.all(due.map((s) => toRecord(s)));
    const kept = records.filter((r): r is RasterRecord => !!r);
    if (!kept.length) return;
    try {
      await withTimeout(
        store('readwrite', (s) => {
          for (const r of kept) s.put(r, ['raster', draft, r.view, r.layer]);
          return promisifyRequest(s.transaction);
        }),
      );
      for (const r of kept) this.written.set(`${r.view}/${r.layer}`, r.fingerprint);
    } catch {
      // A full or failing store: the bitmaps are a cache, the draft itself was saved.
    }
  }
}

function toRecord(s: RasterSnapshot): Promise<RasterRecord | undefined> {
  // toBlob copies the pixels now, so the blob holds exactly the `baked` marks of the snapshot.
  return new Promise((resolve) =>
    s.canvas.toBlob((png) => {
      resolve(
        png
          ? {
              format: RASTER_FORMAT,
              version: 1,
              view: s.view,
              layer: s.layer,
              baked: s.baked,
              fingerprint: s.fingerprint,
              width: s.width,
              height: s.height,
              png,
            }
          : undefined,
      );
    }, 'image/png'),
  );
}
