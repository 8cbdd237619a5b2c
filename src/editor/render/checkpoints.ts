/** Layers with fewer marks rebake fast enough that an undo needs no checkpoint. */
export const CHECKPOINT_MIN_MARKS = 300;
/** A checkpoint is kept every this many marks; the last two are kept. */
export const CHECKPOINT_EVERY = 32;

interface Checkpoint {
  baked: number;
  canvas: HTMLCanvasElement;
}

/**
 * Copies of a big paint layer's bitmap at recent mark counts, so undoing a
 * stroke at 10,000 strokes redraws at most a few dozen strokes on top of a
 * copy instead of rebaking the whole layer (seconds in software). Marks are
 * only ever pushed and popped at the end (history ops), so the bitmap of the
 * first `baked` marks stays right for as long as the layer has that many.
 * Two copies, at the last two multiples of CHECKPOINT_EVERY: an undo of up to
 * CHECKPOINT_EVERY steps, or more after a few redraws, never rebakes all.
 */
export class Checkpoints {
  private kept: Checkpoint[] = [];

  /**
   * The studio's defaults keep the last two; a replay, which seeks anywhere, keeps one every `every` marks
   * from the first (`keep: Infinity`, `minMarks: 0`).
   */
  constructor(
    private readonly every = CHECKPOINT_EVERY,
    private readonly keep = 2,
    private readonly minMarks = CHECKPOINT_MIN_MARKS,
  ) {}

  /** Where baking should pause to offer a checkpoint: the next multiple of the step, once the layer is big. */
  nextStop(from: number, to: number): number {
    const every = this.every;
    if (to < this.minMarks) return to;
    const next = (Math.floor(from / every) + 1) * every;
    if (this.keep === Infinity) return Math.min(next, to);
    // Only the last ones kept matter: a long bake (a restore) skips straight to them.
    const last = Math.floor(to / every) * every - (this.keep - 1) * every;
    return Math.max(next, Math.min(last, to));
  }

  /** Called as baking passes `baked` marks; keeps a copy at each multiple of the step. */
  offer(raster: HTMLCanvasElement, baked: number): void {
    if (baked < this.minMarks || baked === 0 || baked % this.every !== 0 || this.kept.some((k) => k.baked === baked))
      return;
    const reuse = this.kept.length >= this.keep ? this.kept.shift()!.canvas : undefined;
    const canvas = reuse ?? document.createElement('canvas');
    canvas.width = raster.width;
    canvas.height = raster.height;
    const ctx = canvas.getContext('2d')!;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(raster, 0, 0);
    this.kept.push({ baked, canvas });
  }

  /** The older checkpoint: what a draft keeps, so that after a reopen the last steps still undo cheaply. */
  oldest(): Checkpoint | undefined {
    return this.kept[0];
  }

  /** The latest checkpoint of at most `marks` marks, keeping every later one too (a replay seeks both ways). */
  nearest(marks: number): Checkpoint | undefined {
    let best: Checkpoint | undefined;
    for (const k of this.kept) if (k.baked <= marks && (!best || k.baked > best.baked)) best = k;
    return best;
  }

  /** Puts the layer back to the newest checkpoint it still has all the marks of; false when there is none. */
  rewind(target: { copyFrom(from: CanvasImageSource, baked: number): void }, marks: number): boolean {
    this.kept = this.kept.filter((k) => k.baked <= marks);
    const best = this.kept.at(-1);
    if (!best) return false;
    target.copyFrom(best.canvas, best.baked);
    return true;
  }
}
