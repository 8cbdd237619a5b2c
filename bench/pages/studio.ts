// The studio side: the dist build, seeded through el.loadDesign. Its drafts
// autosave on their own (watched here); "save" is getDesign + idb-keyval, to
// compare with the baseline's toJSON; "restore" reopens the studio's own
// saved draft, as the baseline's loadFromJSON reopens its own.
import { createStore, get, set } from 'idb-keyval';
import { afterRender, AUTOSAVE_WINDOW_START, PROFILE, FrameRecorder, gzipBytes, lastStrokeEnd, LongTasks, utf8Bytes, type AutosaveStats } from './measure.ts';

interface Studio extends HTMLElement {
  loadDesign(doc: unknown): Promise<void>;
  getDesign(): unknown;
  exportImage(o: { width: number; height: number }): Promise<Blob>;
  // Private, read only to turn design units into page coordinates for the mouse (and `drafts` to reopen one).
  editor: { canvas: { viewportTransform: number[]; upperCanvasEl: HTMLCanvasElement } };
}

const store = createStore('bench', 'designs');
const frames = new FrameRecorder();
const longTasks = new LongTasks();
const upAt = lastStrokeEnd();
let el: Studio;
/** When the studio's drafts last finished a save (co-design-draft-saved). */
let savedAt = NaN;

/** Resolves at the next draft save, or after `boundMs` with NaN. */
function nextDraftSave(boundMs: number): Promise<number> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(NaN), boundMs);
    el.addEventListener('co-design-draft-saved', () => (clearTimeout(timer), resolve(performance.now())), { once: true });
  });
}

/**
 * Desktop: the wide element issue 6 measured. Phone: what a page made for the
 * phone does, the element as wide as the page and as tall as the viewport.
 */
function layOut(studio: HTMLElement): void {
  studio.style.display = 'block';
  if (PROFILE === 'phone') {
    studio.style.width = '100%';
    studio.style.setProperty('--co-design-height', '100dvh');
  } else {
    studio.style.width = '1900px';
    studio.style.setProperty('--co-design-height', '900px');
  }
}

const bench = {
  /** Connect → co-design-ready (drafts restore the last draft first), and → its first frame rendered. */
  async mount(template: string): Promise<{ readyMs: number; renderedMs: number }> {
    await customElements.whenDefined('co-design-studio');
    el = document.createElement('co-design-studio') as unknown as Studio;
    layOut(el);
    const ready = new Promise<number>((resolve, reject) => {
      el.addEventListener('co-design-ready', () => resolve(performance.now()), { once: true });
      el.addEventListener('co-design-error', (e) => reject(new Error(String((e as unknown as { code: string }).code))), { once: true });
    });
    el.setAttribute('template', template);
    const connected = performance.now();
    document.body.append(el);
    const readyAt = await ready;
    el.addEventListener('co-design-draft-saved', () => (savedAt = performance.now()));
    await afterRender();
    return { readyMs: readyAt - connected, renderedMs: performance.now() - connected };
  },

  /** Waits for the drafts' autosave of a change (a seeded design is saved too) before anything is timed. */
  async settle(): Promise<void> {
    await nextDraftSave(20_000);
  },

  /** After a stroke: waits for the drafts' autosave it causes, and reports the long tasks from pointer-up until it is done. */
  async autosave(): Promise<AutosaveStats> {
    const up = upAt();
    const saved = savedAt > up ? savedAt : await nextDraftSave(20_000);
    if (Number.isNaN(saved)) throw new Error('no draft save within 20 s of the stroke');
    return { ...longTasks.between(up + AUTOSAVE_WINDOW_START, saved), upToSavedMs: saved - up };
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

  /** Design units to page coordinates, through the whole viewport transform (a phone layout may turn the view). */
  toPage(x: number, y: number): [number, number] {
    const { viewportTransform: [a, b, c, d, e, f], upperCanvasEl } = el.editor.canvas;
    const r = upperCanvasEl.getBoundingClientRect();
    return [r.left + a * x + c * y + e, r.top + b * x + d * y + f];
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

  /**
   * Restore: reopen the saved draft the way a customer does from the drafts
   * list (read from IndexedDB, every record validated, kept layer bitmaps
   * decoded, shown), until the canvas has rendered.
   */
  async restore(): Promise<{ ms: number }> {
    type Drafts = { meta?: { id: string }; library(): Promise<{ open(id: string): Promise<void> }> };
    const drafts = (el as unknown as { parts: { drafts: Drafts } }).parts.drafts;
    const id = drafts.meta?.id;
    if (!id) throw new Error('no draft was saved');
    // The list's actions are a lazy chunk a customer has loaded by the time they pick a draft from it.
    const library = await drafts.library();
    const t0 = performance.now();
    await library.open(id);
    await afterRender();
    return { ms: performance.now() - t0 };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
export type StudioBench = typeof bench;
