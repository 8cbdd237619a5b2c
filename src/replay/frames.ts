import type { FabricObject } from 'fabric/es';
import type { Mark, ObjectLayer, PaintLayer, ViewDesign } from '../document/types.ts';
import { exportSize } from '../editor/export.ts';
import { createFabricObject, type ObjectAssets } from '../editor/render/objects.ts';
import { seenArea } from '../editor/render/seen-area.ts';
import type { ViewPainter } from '../editor/render/view-painter.ts';
import { LayerRaster } from './layer-raster.ts';
import type { Timeline } from './timeline.ts';

/** Marks baked per task while a replay prepares its checkpoints (about 20 ms of a 2-core machine). */
const PREPARE_SLICE = 64;

/** Per paint layer, by mark: when it starts and ends in the replay, each the running maximum so far. */
interface LayerTimes {
  starts: Float64Array;
  ends: Float64Array;
}

/**
 * Paints a view of the design as it stood at a replay time, at one pixel size, with the studio's renderer:
 * the painter (product, areas' clip, overlay), `drawMark` for the paint and fabric objects for placed
 * objects, composed as the exporter composes them, so the last frame is `exportImage` pixel for pixel.
 * Strokes in progress are drawn along their first points; finished marks come from each layer's raster.
 */
export class ReplayFrames {
  readonly width: number;
  readonly height: number;
  private readonly scale: number;
  private readonly rasters = new Map<number, LayerRaster>();
  private readonly times = new Map<number, LayerTimes>();
  private readonly objectAt = new Map<number, number>();
  // Built once: a placed object does not change during a replay, and building a text is not free.
  private readonly objects = new Map<number, FabricObject>();
  private scratch: HTMLCanvasElement | undefined;

  constructor(
    private readonly view: ViewDesign,
    private readonly painter: ViewPainter,
    private readonly assets: ObjectAssets,
    timeline: Timeline,
    bounds: { width: number; height?: number },
  ) {
    const size = exportSize(painter.view, bounds);
    this.width = size.width;
    this.height = size.height;
    this.scale = size.scale;
    this.index(timeline);
  }

  private index(timeline: Timeline): void {
    for (const [l, layer] of this.view.layers.entries()) {
      if (layer.kind === 'paint') {
        const n = layer.marks.length;
        this.times.set(l, { starts: new Float64Array(n), ends: new Float64Array(n) });
      }
    }
    for (const e of timeline.events) {
      if (e.mark < 0) this.objectAt.set(e.layer, e.start);
      else {
        const t = this.times.get(e.layer)!;
        t.starts[e.mark] = e.start;
        t.ends[e.mark] = e.start + e.duration;
      }
    }
    // A layer draws its marks in order: mark i shows once it and every mark before it have started.
    for (const t of this.times.values()) {
      for (let i = 1; i < t.starts.length; i++) {
        t.starts[i] = Math.max(t.starts[i], t.starts[i - 1]);
        t.ends[i] = Math.max(t.ends[i], t.ends[i - 1]);
      }
    }
  }

  /** Paints the frame at replay time `t` (ms) into `ctx`, whose canvas is this renderer's size. */
  paint(ctx: CanvasRenderingContext2D, t: number): void {
    const v = this.painter.view;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    ctx.scale(this.width / v.width, this.height / v.height);
    this.painter.paint(ctx, (inner) => this.drawLayers(inner, t));
    ctx.restore();
  }

  /**
   * Bakes every paint layer to its end once, a slice per task, so that each seek afterwards starts from a
   * checkpoint near it; a replay that plays first bakes as it goes anyway.
   */
  async prepare(signal?: AbortSignal): Promise<void> {
    for (const [l, layer] of this.view.layers.entries()) {
      if (layer.kind !== 'paint' || !layer.visible) continue;
      const raster = this.raster(l, layer);
      for (let count = 0; count < layer.marks.length;) {
        if (signal?.aborted) return;
        count = Math.min(layer.marks.length, count + PREPARE_SLICE);
        raster.bakeTo(count);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
  }

  private drawLayers(ctx: CanvasRenderingContext2D, t: number): void {
    this.view.layers.forEach((layer, l) => {
      if (!layer.visible) return;
      if (layer.kind === 'object') {
        if ((this.objectAt.get(l) ?? 0) <= t) this.object(l, layer).render(ctx);
        return;
      }
      this.drawPaint(ctx, l, layer, t);
    });
  }

  private drawPaint(ctx: CanvasRenderingContext2D, l: number, layer: PaintLayer, t: number): void {
    const times = this.times.get(l)!;
    const started = countAtMost(times.starts, t);
    if (started === 0) return;
    const finished = Math.min(countAtMost(times.ends, t), started);
    const raster = this.raster(l, layer);
    raster.bakeTo(finished);
    let shown: HTMLCanvasElement = raster.canvas;
    if (finished < started) {
      // Strokes in progress go onto a copy: the eraser must erase only this layer, and the raster stays whole.
      const scratch = this.scratchCanvas();
      const sctx = scratch.getContext('2d')!;
      sctx.clearRect(0, 0, scratch.width, scratch.height);
      sctx.drawImage(raster.canvas, 0, 0);
      const partial: Mark[] = [];
      for (let m = finished; m < started; m++) partial.push(partOf(layer.marks[m], times, m, t));
      raster.drawInto(sctx, partial);
      shown = scratch;
    }
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(shown, 0, 0);
    ctx.restore();
  }

  private raster(l: number, layer: PaintLayer): LayerRaster {
    let raster = this.rasters.get(l);
    if (!raster) {
      // Read back from a context, as the exporter does, so it carries the canvas's own (single) precision.
      const probe = document.createElement('canvas').getContext('2d')!;
      probe.scale(this.width / this.painter.view.width, this.height / this.painter.view.height);
      const transform = probe.getTransform();
      const clip = seenArea(this.width, this.height, this.scale, this.painter.areas.union).clip;
      const areaPath = (id: string) => this.painter.areas.path(id);
      raster = new LayerRaster(this.width, this.height, clip, transform, layer.marks, areaPath);
      this.rasters.set(l, raster);
    }
    return raster;
  }

  private object(l: number, layer: ObjectLayer): FabricObject {
    let object = this.objects.get(l);
    if (!object) this.objects.set(l, (object = createFabricObject(layer.object, this.assets)));
    return object;
  }

  private scratchCanvas(): HTMLCanvasElement {
    if (!this.scratch) {
      this.scratch = document.createElement('canvas');
      this.scratch.width = this.width;
      this.scratch.height = this.height;
    }
    return this.scratch;
  }
}

/** How many of the non-decreasing `values` are ≤ t. */
function countAtMost(values: Float64Array, t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A stroke drawn up to where the pen was at `t`: its first points (the delta code decodes any prefix). */
function partOf(mark: Mark, times: LayerTimes, m: number, t: number): Mark {
  if (mark.type !== 'stroke') return mark;
  const points = mark.pts.length / 2;
  const duration = times.ends[m] - times.starts[m];
  const done = duration > 0 ? Math.max(0, Math.min(1, (t - times.starts[m]) / duration)) : 1;
  const shown = Math.max(1, Math.ceil(done * points));
  if (shown >= points) return mark;
  const part = { ...mark, pts: mark.pts.slice(0, shown * 2) };
  if (mark.pressure) part.pressure = mark.pressure.slice(0, shown);
  return part;
}
