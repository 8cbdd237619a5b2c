import type { Mark } from '../document/types.ts';
import { Checkpoints } from '../editor/render/checkpoints.ts';
import { drawMark } from '../editor/render/strokes.ts';

/** A replay keeps about this many checkpoints per paint layer, so a seek redraws at most 1/40 of it. */
const CHECKPOINTS_PER_LAYER = 40;
/** ...and never one every fewer marks than this. */
const MIN_CHECKPOINT_STEP = 16;

/**
 * One paint layer's bitmap at the replay's frame size, holding its first `baked` marks exactly as the
 * exporter draws them (each paint layer its own bitmap, inside the seen area), with checkpoints from the
 * first mark on (the studio's Checkpoints), so seeking back redraws from the nearest one, not from zero.
 */
export class LayerRaster {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly checkpoints: Checkpoints;
  private baked = 0;

  constructor(
    width: number,
    height: number,
    private readonly clip: Path2D,
    private readonly transform: DOMMatrix,
    private readonly marks: readonly Mark[],
    private readonly areaPath: (id: string) => Path2D | undefined,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = width;
    this.canvas.height = height;
    this.ctx = this.canvas.getContext('2d')!;
    const step = Math.max(MIN_CHECKPOINT_STEP, Math.ceil(marks.length / CHECKPOINTS_PER_LAYER));
    this.checkpoints = new Checkpoints(step, Infinity, 0);
  }

  /** Holds exactly the first `count` marks afterwards. */
  bakeTo(count: number): void {
    // Back, or far ahead (a seek): start from the nearest checkpoint rather than from here or from zero.
    const from = this.checkpoints.nearest(count);
    if (count < this.baked || (from && from.baked > this.baked)) {
      if (from) this.copyFrom(from.canvas, from.baked);
      else this.clear();
    }
    while (this.baked < count) {
      const stop = this.checkpoints.nextStop(this.baked, count);
      this.draw(this.baked, stop);
      this.baked = stop;
      this.checkpoints.offer(this.canvas, stop);
    }
  }

  /** Draws marks [from, to) of the layer (or given marks) into `ctx`, as the exporter would. */
  drawInto(ctx: CanvasRenderingContext2D, marks: readonly Mark[]): void {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clip(this.clip);
    ctx.setTransform(this.transform);
    for (const mark of marks) drawMark(ctx, mark, this.areaPath);
    ctx.restore();
  }

  private draw(from: number, to: number): void {
    this.drawInto(this.ctx, this.marks.slice(from, to));
  }

  private clear(): void {
    this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.baked = 0;
  }

  private copyFrom(source: CanvasImageSource, baked: number): void {
    this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.ctx.drawImage(source, 0, 0);
    this.baked = baked;
  }
}
