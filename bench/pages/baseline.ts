// The baseline: fabric.js as a developer would wire it by hand. One Canvas
// with PencilBrush and fabric's defaults (object caching on, retina scaling
// on: device pixel ratio 1 on the desktop profile, 3 on the phone), one Path
// per stroke, toJSON + idb-keyval to save, loadFromJSON to restore,
// toDataURL to export.
import { Canvas, PencilBrush, Point } from 'fabric';
import { get, set } from 'idb-keyval';
import { afterRender, AUTOSAVE_WINDOW_START, PROFILE, FrameRecorder, gzipBytes, lastStrokeEnd, LongTasks, utf8Bytes, type AutosaveStats } from './measure.ts';

interface RawStroke {
  color: string;
  width: number;
  xy: number[];
}

const VIEW = { width: 1600, height: 700 };
const frames = new FrameRecorder();
const longTasks = new LongTasks();
const upAt = lastStrokeEnd();
let canvas: Canvas;
let autosaved: Promise<number> = Promise.resolve(NaN);
let seedJson: Record<string, unknown> | undefined;

const bench = {
  async mount(): Promise<{ readyMs: number; renderedMs: number }> {
    const t0 = performance.now();
    const el = document.createElement('canvas');
    document.body.append(el);
    if (PROFILE === 'phone') {
      // A page made for the phone: the canvas fills the screen and the design is zoomed to fit its width.
      canvas = new Canvas(el, { width: innerWidth, height: innerHeight, isDrawingMode: true });
      const zoom = Math.min(innerWidth / VIEW.width, innerHeight / VIEW.height);
      canvas.setViewportTransform([zoom, 0, 0, zoom, (innerWidth - VIEW.width * zoom) / 2, (innerHeight - VIEW.height * zoom) / 2]);
    } else {
      canvas = new Canvas(el, { width: VIEW.width, height: VIEW.height, isDrawingMode: true });
    }
    const brush = new PencilBrush(canvas);
    brush.color = '#e4002b';
    brush.width = 8;
    canvas.freeDrawingBrush = brush;
    // The autosave a developer would write: toJSON + idb-keyval 400 ms after each stroke, as the studio's drafts do.
    canvas.on('path:created', () => {
      autosaved = new Promise((resolve) =>
        setTimeout(() => {
          void set('design', canvas.toJSON()).then(() => resolve(performance.now()));
        }, 400),
      );
    });
    canvas.renderAll();
    await afterRender();
    const ms = performance.now() - t0;
    return { readyMs: ms, renderedMs: ms };
  },

  async settle(): Promise<void> {
    await new Promise((r) => setTimeout(r, 500));
  },

  async autosave(): Promise<AutosaveStats> {
    const up = upAt();
    const saved = await autosaved;
    return { ...longTasks.between(up + AUTOSAVE_WINDOW_START, saved), upToSavedMs: saved - up };
  },

  /** Turns the generated points into what toJSON would save, with PencilBrush's own path conversion (untimed). */
  async fetchData(url: string): Promise<void> {
    const strokes = (await (await fetch(url)).json()) as RawStroke[];
    const brush = new PencilBrush(canvas);
    const objects = strokes.map((s) => {
      brush.color = s.color;
      brush.width = s.width;
      const pts: Point[] = [];
      for (let i = 0; i < s.xy.length; i += 2) pts.push(new Point(s.xy[i], s.xy[i + 1]));
      return brush.createPath(brush.convertPointsToSVGPath(brush.decimatePoints(pts, brush.decimate))).toObject();
    });
    seedJson = { version: '7.4.0', objects };
  },

  /** Load and first render: loadFromJSON of the generated design, then render. */
  async seed(): Promise<{ ms: number }> {
    const t0 = performance.now();
    await canvas.loadFromJSON(seedJson!);
    canvas.renderAll();
    await afterRender();
    seedJson = undefined;
    return { ms: performance.now() - t0 };
  },

  toPage(x: number, y: number): [number, number] {
    const [a, b, c, d, e, f] = canvas.viewportTransform;
    const r = canvas.upperCanvasEl.getBoundingClientRect();
    return [r.left + a * x + c * y + e, r.top + b * x + d * y + f];
  },

  startFrames: () => frames.start(),
  frames: () => frames.result(),

  async save(): Promise<{ ms: number; rawBytes: number; gzipBytes: number; items: number }> {
    const t0 = performance.now();
    const json = canvas.toJSON();
    await set('design', json);
    const ms = performance.now() - t0;
    const text = JSON.stringify(json);
    return { ms, rawBytes: utf8Bytes(text), gzipBytes: await gzipBytes(text), items: canvas.getObjects().length };
  },

  async exportImage(): Promise<{ ms: number; bytes: number }> {
    const t0 = performance.now();
    // The design's box on the canvas (all of it at zoom 1 on the desktop), at 2048 px on its long side.
    const [zoom, , , , left, top] = canvas.viewportTransform;
    const box = { left, top, width: VIEW.width * zoom, height: VIEW.height * zoom };
    const url = canvas.toDataURL({ format: 'png', multiplier: 2048 / Math.max(box.width, box.height), ...box });
    return { ms: performance.now() - t0, bytes: Math.round((url.length * 3) / 4) };
  },

  async restore(): Promise<{ ms: number }> {
    const t0 = performance.now();
    const json = await get<Record<string, unknown>>('design');
    if (!json) throw new Error('nothing saved');
    await canvas.loadFromJSON(json);
    canvas.renderAll();
    await afterRender();
    return { ms: performance.now() - t0 };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
export type BaselineBench = typeof bench;
