import type { ViewDesign } from '../document/types.ts';
import type { ObjectAssets } from '../editor/render/objects.ts';
import type { ViewPainter } from '../editor/render/view-painter.ts';
import { ReplayFrames } from './frames.ts';
import type { Timeline } from './timeline.ts';

export const SPEEDS = [1, 2, 4, 8, 16, 32, 64] as const;

/**
 * Plays a timeline onto a canvas: the clock (play, pause, seek, speed) and a frame per animation frame.
 * No lit: the element wires it to its controls.
 */
export class ReplayPlayer {
  time = 0;
  speed = 8;
  private frames: ReplayFrames;
  private readonly ctx: CanvasRenderingContext2D;
  private raf = 0;
  private signal: AbortSignal | undefined;
  private last = 0;
  // Other sizes asked for by frameAt (a video): one renderer each, the last one kept.
  private other: { key: string; frames: ReplayFrames } | undefined;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly view: ViewDesign,
    private readonly painter: ViewPainter,
    private readonly assets: ObjectAssets,
    readonly timeline: Timeline,
    width: number,
    private readonly onTick: (time: number, playing: boolean) => void,
  ) {
    this.frames = this.framesFor({ width });
    this.ctx = canvas.getContext('2d')!;
    this.resizeCanvas();
  }

  get duration(): number {
    return this.timeline.total;
  }

  get playing(): boolean {
    return this.raf !== 0;
  }

  /** Bakes each layer's checkpoints ahead, so that seeks are quick (again after each resize). */
  prepare(signal?: AbortSignal): Promise<void> {
    this.signal = signal;
    this.prepared = this.frames.prepare(signal);
    return this.prepared;
  }

  /** Resolves once `prepare` has baked every layer's checkpoints. */
  prepared: Promise<void> = Promise.resolve();

  play(): void {
    if (this.playing) return;
    if (this.time >= this.duration) this.time = 0;
    this.last = performance.now();
    this.raf = requestAnimationFrame((now) => this.tick(now));
    this.onTick(this.time, true);
  }

  pause(): void {
    if (!this.playing) return;
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.onTick(this.time, false);
  }

  seek(ms: number): void {
    this.time = Math.max(0, Math.min(this.duration, ms));
    this.draw();
    this.onTick(this.time, this.playing);
  }

  /** Redraws at a new display width (the element was resized). */
  resize(width: number): void {
    if (Math.round(width) === this.frames.width) return;
    this.frames = this.framesFor({ width });
    this.resizeCanvas();
    this.draw();
    if (this.signal) void this.prepare(this.signal);
  }

  draw(): void {
    this.frames.paint(this.ctx, this.time);
  }

  /** Paints the replay at `ms` onto any 2D context, at its canvas's size (the seam for a video encoder). */
  frameAt(ms: number, ctx: CanvasRenderingContext2D): void {
    const { width, height } = ctx.canvas;
    const key = `${width}x${height}`;
    let frames = width === this.frames.width && height === this.frames.height ? this.frames : undefined;
    if (!frames) {
      if (this.other?.key !== key) this.other = { key, frames: this.framesFor({ width, height }) };
      frames = this.other.frames;
    }
    frames.paint(ctx, Math.max(0, Math.min(this.duration, ms)));
  }

  dispose(): void {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  private tick(now: number): void {
    // A tab in the background sends no frames: the replay resumes where it was, not minutes later.
    const elapsed = Math.min(now - this.last, 100);
    this.last = now;
    this.time = Math.min(this.duration, this.time + elapsed * this.speed);
    this.draw();
    const ended = this.time >= this.duration;
    this.raf = ended ? 0 : requestAnimationFrame((t) => this.tick(t));
    this.onTick(this.time, !ended);
  }

  private framesFor(bounds: { width: number; height?: number }): ReplayFrames {
    return new ReplayFrames(this.view, this.painter, this.assets, this.timeline, bounds);
  }

  private resizeCanvas(): void {
    this.canvas.width = this.frames.width;
    this.canvas.height = this.frames.height;
  }
}
