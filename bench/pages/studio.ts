// The studio side: the dist build, seeded through el.loadDesign, saved with
// getDesign + idb-keyval (what drafts will do; they have not landed yet).
import { createStore, get, set } from 'idb-keyval';
import { afterRender, FrameRecorder, gzipBytes, utf8Bytes } from './measure.ts';

interface Studio extends HTMLElement {
  loadDesign(doc: unknown): Promise<void>;
  getDesign(): unknown;
  exportImage(o: { width: number; height: number }): Promise<Blob>;
  // Private, read only to turn design units into page coordinates for the mouse.
  editor: { canvas: { viewportTransform: number[]; upperCanvasEl: HTMLCanvasElement } };
}

const store = createStore('bench', 'designs');
const frames = new FrameRecorder();
let el: Studio;

const bench = {
  async mount(template: string): Promise<{ readyMs: number }> {
    await customElements.whenDefined('co-design-studio');
    el = document.createElement('co-design-studio') as unknown as Studio;
    el.style.setProperty('--co-design-height', '900px');
    el.style.cssText += ';display:block;width:1900px';
    const ready = new Promise<number>((resolve, reject) => {
      el.addEventListener('co-design-ready', () => resolve(performance.now()), { once: true });
      el.addEventListener('co-design-error', (e) => reject(new Error(String((e as unknown as { code: string }).code))), { once: true });
    });
    el.setAttribute('template', template);
    const connected = performance.now();
    document.body.append(el);
    const readyAt = await ready;
    return { readyMs: readyAt - connected };
  },

  async fetchData(url: string): Promise<void> {
    (window as unknown as { seed: unknown }).seed = await (await fetch(url)).json();
  },

  /** Load and first render: loadDesign of the generated document until the canvas has rendered. */
  async seed(): Promise<{ ms: number }> {
    const doc = (window as unknown as { seed: unknown }).seed;
    const t0 = performance.now();
    await el.loadDesign(doc);
    await afterRender();
    return { ms: performance.now() - t0 };
  },

  toPage(x: number, y: number): [number, number] {
    const { viewportTransform: [z, , , , tx, ty], upperCanvasEl } = el.editor.canvas;
    const r = upperCanvasEl.getBoundingClientRect();
    return [r.left + x * z + tx, r.top + y * z + ty];
  },

  startFrames: () => frames.start(),
  frames: () => frames.result(),

  async save(): Promise<{ ms: number; rawBytes: number; gzipBytes: number; items: number }> {
    const t0 = performance.now();
    const doc = el.getDesign();
    await set('design', doc, store);
    const ms = performance.now() - t0;
    const json = JSON.stringify(doc);
    // Strokes saved: the seeded ones plus the one drawn for real, if it took.
    const items = (doc as { views: { layers: { marks?: unknown[] }[] }[] }).views.reduce((n, v) => n + v.layers.reduce((m, l) => m + (l.marks?.length ?? 0), 0), 0);
    return { ms, rawBytes: utf8Bytes(json), gzipBytes: await gzipBytes(json), items };
  },

  async exportImage(): Promise<{ ms: number; bytes: number }> {
    const t0 = performance.now();
    const blob = await el.exportImage({ width: 2048, height: 2048 });
    return { ms: performance.now() - t0, bytes: blob.size };
  },

  /** Restore: read the saved design back and show it, until the canvas has rendered. */
  async restore(): Promise<{ ms: number }> {
    const t0 = performance.now();
    const doc = await get('design', store);
    if (!doc) throw new Error('nothing saved');
    await el.loadDesign(doc);
    await afterRender();
    return { ms: performance.now() - t0 };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
export type StudioBench = typeof bench;
