// In-page measuring helpers shared by the studio and baseline harnesses.

/** The profile the page runs on, from its URL (bench/profiles.ts, pageQuery). */
export const PROFILE: 'desktop' | 'phone' = new URLSearchParams(location.search).get('profile') === 'phone' ? 'phone' : 'desktop';

/**
 * The events that begin and end a drawn stroke: the mouse's pointer events on
 * the desktop, the touch events themselves on the phone (issue 13 times the
 * frames from touch-start to 500 ms after touch-end).
 */
export const STROKE_EVENTS = PROFILE === 'phone' ? { down: 'touchstart', up: 'touchend' } : { down: 'pointerdown', up: 'pointerup' };

// Passive: the recorder must not change how the page scrolls under a finger.
const LISTEN = { capture: true, passive: true } as const;

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  longest: number;
  /** Stroke start (pointer-down, touch-start) to 500 ms after its end (pointer-up, touch-end), as seen by the page. */
  windowMs: number;
  /** When the longest frame ended and when the stroke ended, in ms after it started. */
  longestEndMs: number;
  upMs: number;
}

/** Resolves after the next frame has run its rAF callbacks and rendering steps. */
export function afterRender(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export async function gzipBytes(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/**
 * rAF timestamps from the stroke's start until 500 ms after its end
 * (STROKE_EVENTS): the frame in which a stroke is committed counts, however
 * long it takes.
 */
export class FrameRecorder {
  private stamps: number[] = [];
  private down = NaN;
  private up = NaN;
  private running = false;
  private done: ((s: FrameStats) => void) | undefined;
  private readonly onDown = (e: Event) => {
    if (Number.isNaN(this.down)) this.down = e.timeStamp;
  };
  private readonly onUp = (e: Event) => {
    if (Number.isNaN(this.up)) this.up = e.timeStamp;
  };

  start(): void {
    this.stamps = [];
    this.down = this.up = NaN;
    this.running = true;
    addEventListener(STROKE_EVENTS.down, this.onDown, LISTEN);
    addEventListener(STROKE_EVENTS.up, this.onUp, LISTEN);
    const tick = (t: number) => {
      if (!this.running) return;
      this.stamps.push(t);
      if (!Number.isNaN(this.up) && t > this.up + 500) return this.finish();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  /** Resolves once the window after the stroke's end has passed. */
  result(): Promise<FrameStats> {
    return new Promise((resolve) => {
      this.done = resolve;
      if (!this.running) this.finish();
    });
  }

  private finish(): void {
    this.running = false;
    removeEventListener(STROKE_EVENTS.down, this.onDown, LISTEN);
    removeEventListener(STROKE_EVENTS.up, this.onUp, LISTEN);
    const end = this.up + 500;
    const intervals: number[] = [];
    let longest = -1;
    let longestEnd = NaN;
    for (let i = 1; i < this.stamps.length; i++) {
      // Every frame that overlaps the window, including the one spanning the stroke's start.
      if (this.stamps[i] < this.down || this.stamps[i - 1] > end) continue;
      const d = this.stamps[i] - this.stamps[i - 1];
      if (d > longest) [longest, longestEnd] = [d, this.stamps[i]];
      intervals.push(d);
    }
    const sorted = [...intervals].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
    this.done?.({ frames: intervals.length, p50: q(0.5), p95: q(0.95), longest: sorted.at(-1) ?? NaN, windowMs: end - this.down, longestEndMs: longestEnd - this.down, upMs: this.up - this.down });
  }
}

/** Long tasks (> 50 ms, the Long Tasks API) since the page opened, to pick windows from. */
export class LongTasks {
  private readonly tasks: { start: number; end: number }[] = [];

  constructor() {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) this.tasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
  }

  /** Long tasks overlapping [from, to]: how many, and the longest. */
  between(from: number, to: number): { count: number; longestMs: number } {
    const hit = this.tasks.filter((t) => t.end >= from && t.start <= to);
    return { count: hit.length, longestMs: Math.max(0, ...hit.map((t) => t.end - t.start)) };
  }
}

/**
 * Both sides save 400 ms after the last change: an autosave's window starts
 * 350 ms after the stroke's end (the commit itself is the longest-frame figure's)
 * and ends when the save is done.
 */
export const AUTOSAVE_WINDOW_START = 350;

/** The autosave after a stroke: the long tasks in its window, and the stroke's end until the save is done. */
export interface AutosaveStats {
  count: number;
  longestMs: number;
  /** The stroke's end until the save finished. */
  upToSavedMs: number;
}

/** The time the last stroke ended (pointer-up, touch-end), so an autosave window can start there. */
export function lastStrokeEnd(): () => number {
  let up = NaN;
  addEventListener(STROKE_EVENTS.up, (e) => (up = e.timeStamp), LISTEN);
  return () => up;
}
