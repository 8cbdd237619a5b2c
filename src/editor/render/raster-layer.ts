import { FabricObject } from 'fabric/es';
import type { Mark, PaintLayer } from '../../document/types.ts';
import { Checkpoints } from './checkpoints.ts';
import { bakedByMarks, LONG_RUN, occlusionModule } from './paint-support.ts';
import type { CoverGrid } from './cover-grid.ts';
import { seenArea, type SeenArea } from './seen-area.ts';
import { drawMark } from './strokes.ts';

/** Long side of a paint layer's raster, in pixels. */
export const RASTER_LONG_SIDE = 2048;

export interface RasterContext {
  width: number;
  height: number;
  /** The design areas: what of the raster is ever shown (it is always drawn inside this clip). */
  clip: Path2D;
  areaPath(id: string): Path2D | undefined;
}

// Per view (its areas' clip; its layers' rasters share one size): the cells of a raster that never show.
const unseenByAreas = new WeakMap<Path2D, CoverGrid>();

/**
 * A paint layer's strokes baked into one bitmap: fabric sees one object per
 * layer, never one per stroke, so 10,000 strokes cost the same to render as
 * ten. The layer's vectors stay in the design document.
 *
 * The bitmap is not clipped to the design areas: whatever shows it (the
 * studio canvas, the export, the thumbnail) draws it inside their clip. So
 * only what lies inside the areas is the design's, and a long bake may leave
 * out the strokes that later ones paint over completely there (occlusion.ts).
 * Strokes are drawn inside the areas widened by 32 px (seen-area.ts).
 */
export class RasterLayer extends FabricObject {
  readonly raster: HTMLCanvasElement;
  readonly rasterScale: number;
  /** How many of the layer's marks are baked in, in order. */
  baked = 0;
  /** A live preview (the eraser's) is drawn into the bitmap: it is not the document's. */
  live = false;
  private readonly rctx: CanvasRenderingContext2D;
  private readonly checkpoints = new Checkpoints();

  constructor(private readonly area: RasterContext) {
    super({
      left: area.width / 2,
      top: area.height / 2,
      width: area.width,
      height: area.height,
      selectable: false,
      evented: false,
      objectCaching: false,
      hasControls: false,
      hoverCursor: null,
    });
    this.rasterScale = RASTER_LONG_SIDE / Math.max(area.width, area.height);
    this.raster = document.createElement('canvas');
    this.raster.width = Math.round(area.width * this.rasterScale);
    this.raster.height = Math.round(area.height * this.rasterScale);
    this.rctx = this.raster.getContext('2d')!;
  }

  /**
   * Brings the bitmap up to date: appends new marks, or goes back to a checkpoint (or blank) when marks were
   * removed.
   */
  sync(layer: PaintLayer): void {
    if (layer.marks.length < this.baked && !this.checkpoints.rewind(this, layer.marks.length)) this.clear();
    if (layer.marks.length > this.baked) this.bake(layer.marks, this.baked);
    this.baked = layer.marks.length;
    bakedByMarks.set(layer.marks, this);
  }

  /** Starts from a kept bitmap of the first `baked` marks (checked by the caller); `sync` draws the rest. */
  seed(bitmap: ImageBitmap, baked: number): void {
    this.copyFrom(bitmap, baked);
    this.checkpoints.offer(this.raster, baked);
  }

  /** The bitmap to keep with a draft: the older checkpoint (see Checkpoints), for big layers only. */
  keepable(): { canvas: HTMLCanvasElement; baked: number } | undefined {
    return this.live ? undefined : this.checkpoints.oldest();
  }

  clear(): void {
    this.rctx.setTransform(1, 0, 0, 1, 0, 0);
    this.rctx.clearRect(0, 0, this.raster.width, this.raster.height);
    this.baked = 0;
  }

  /** Replaces the bitmap with a copy of `from` holding `baked` marks (a checkpoint). */
  copyFrom(from: CanvasImageSource, baked: number): void {
    this.clear();
    this.rctx.drawImage(from, 0, 0);
    this.baked = baked;
  }

  // Each run ends where a checkpoint may be taken, so that what is left out of a run is painted over within it.
  private bake(marks: readonly Mark[], from: number): void {
    const ctx = this.rctx;
    const areaPath = (id: string) => this.area.areaPath(id);
    let i = from;
    while (i < marks.length) {
      const start = i;
      const stop = Math.min(marks.length, this.checkpoints.nextStop(i, marks.length));
      const shown = this.shownMarks(marks, start, stop);
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clip(this.seenArea().clip);
      ctx.setTransform(this.rasterScale, 0, 0, this.rasterScale, 0, 0);
      for (; i < stop; i++) if (!shown || shown[i - start]) drawMark(ctx, marks[i], areaPath);
      ctx.restore();
      this.checkpoints.offer(this.raster, i);
    }
  }

  /**
   * Of a long run, the marks that still show once it is drawn (at 10,000 strokes about 3,000: drawing all took
   * 0.75 s of the software rasteriser); undefined when the run is too short for that to pay.
   */
  private shownMarks(marks: readonly Mark[], from: number, to: number): Uint8Array | undefined {
    const occlusion = occlusionModule();
    if (to - from < LONG_RUN || !occlusion) return undefined;
    let unseen = unseenByAreas.get(this.area.clip);
    if (!unseen) {
      const { width, height } = this.raster;
      unseenByAreas.set(this.area.clip, (unseen = occlusion.CoverGrid.unseen(width, height, this.seenArea())));
    }
    return occlusion.marksToDraw(marks, from, to, this.rasterScale, unseen);
  }

  private seenArea(): SeenArea {
    return seenArea(this.raster.width, this.raster.height, this.rasterScale, this.area.clip);
  }

  /** Copy of the bitmap, to restore after a live preview drawn straight into it. */
  snapshot(): ImageData {
    return this.rctx.getImageData(0, 0, this.raster.width, this.raster.height);
  }

  restore(data: ImageData): void {
    this.rctx.putImageData(data, 0, 0);
    this.live = false;
  }

  /** Draws on the bitmap in design units (for the eraser's live preview). */
  drawLive(paint: (ctx: CanvasRenderingContext2D) => void): void {
    this.live = true;
    const ctx = this.rctx;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clip(this.seenArea().clip);
    ctx.setTransform(this.rasterScale, 0, 0, this.rasterScale, 0, 0);
    paint(ctx);
    ctx.restore();
  }

  override _render(ctx: CanvasRenderingContext2D): void {
    ctx.drawImage(this.raster, -this.width / 2, -this.height / 2, this.width, this.height);
  }
}
