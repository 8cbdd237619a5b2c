// Where a page's pixel memory goes: every canvas, OffscreenCanvas and
// ImageBitmap it made (recorded from before its first script runs), sized
// and named after the studio part that holds it; and the renderer's own
// memory by allocator (a memory-infra dump of the DevTools protocol's Tracing).
import type { Browser, Page } from 'puppeteer-core';

/** Installed with evaluateOnNewDocument: records each canvas and bitmap made, and where. */
export const RECORD_CANVASES = `(() => {
  const made = [];
  const where = () => (new Error().stack || '').split('\\n').slice(3, 5).map((s) => s.trim().replace(/^at /, '').replace(location.origin, '')).join(' < ');
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (name, ...rest) {
    const el = create.call(this, name, ...rest);
    if (String(name).toLowerCase() === 'canvas') made.push({ ref: new WeakRef(el), kind: 'canvas', where: where() });
    return el;
  };
  const Offscreen = OffscreenCanvas;
  globalThis.OffscreenCanvas = class extends Offscreen {
    constructor(w, h) { super(w, h); made.push({ ref: new WeakRef(this), kind: 'offscreen', where: where() }); }
  };
  const bitmap = createImageBitmap;
  globalThis.createImageBitmap = function (...args) {
    const at = where();
    return bitmap.apply(this, args).then((b) => (made.push({ ref: new WeakRef(b), kind: 'bitmap', where: at }), b));
  };
  globalThis.__madeCanvases = made;
})();`;

export interface SurveyRow {
  name: string;
  count: number;
  /** Pixels × 4 bytes, what a 2D backing store or a decoded bitmap holds. */
  mb: number;
  sizes: string;
}

/** Runs in the page after a forced GC: the live canvases and bitmaps, named after the studio's parts that hold them. */
function surveyInPage(): SurveyRow[] {
  type Made = { ref: WeakRef<{ width: number; height: number }>; kind: string; where: string };
  const made = (window as unknown as { __madeCanvases: Made[] }).__madeCanvases ?? [];
  const names = new Map<object, string>();
  const el = document.querySelector('co-design-studio') as unknown as Record<string, any> | null;
  const editor = el?.editor;
  if (editor) {
    const c = editor.canvas;
    names.set(c.lowerCanvasEl, 'fabric lower canvas (what is shown)');
    names.set(c.upperCanvasEl, 'fabric top canvas (live stroke)');
    if (c.pixelFindCanvasEl) names.set(c.pixelFindCanvasEl, 'fabric hit-test canvas');
    for (const [id, r] of editor.scene?.rasterLayers?.() ?? []) {
      names.set(r.raster, `paint layer raster (${id.replace(/-.*/, '')})`);
      for (const k of r.checkpoints?.kept ?? []) names.set(k.canvas, 'paint layer checkpoint copies');
    }
    for (const o of c.getObjects?.() ?? []) if (o._cacheCanvas) names.set(o._cacheCanvas, `fabric object cache (${o.type})`);
  }
  const rows = new Map<string, SurveyRow>();
  for (const m of made) {
    const t = m.ref.deref();
    if (!t || !t.width || !t.height) continue;
    const name = names.get(t) ?? `${m.kind}, unnamed, made at ${m.where.slice(0, 90)}`;
    const row = rows.get(name) ?? { name, count: 0, mb: 0, sizes: '' };
    row.count++;
    row.mb += (t.width * t.height * 4) / 1e6;
    if (!row.sizes.includes(`${t.width}×${t.height}`)) row.sizes += `${row.sizes ? ', ' : ''}${t.width}×${t.height}`;
    rows.set(name, row);
  }
  return [...rows.values()].sort((a, b) => b.mb - a.mb);
}

export async function surveyCanvases(page: Page): Promise<SurveyRow[]> {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate(surveyInPage);
}

interface DumpEvent {
  ph: string;
  pid: number;
  name: string;
  args?: { dumps?: { allocators?: Record<string, { attrs?: { size?: { value: string } } }> } };
}

/**
 * A detailed memory-infra dump of every process; returns the renderer's
 * top-level allocators (v8, blink_gc, partition_alloc, malloc, skia, cc,
 * canvas, …) in MB, biggest first. The renderer is the process with the
 * largest dump, as in measureMemory.
 */
export async function allocatorDump(browser: Browser): Promise<{ name: string; mb: number }[]> {
  const cdp = await browser.target().createCDPSession();
  const events: DumpEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: DumpEvent[] }) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  // No periodic dumps: only the one asked for below (the protocol's types do not describe the dump config).
  const memoryDumpConfig = { triggers: [] } as unknown as Record<string, string>;
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig } });
  await cdp.send('Tracing.requestMemoryDump', { deterministic: true, levelOfDetail: 'detailed' });
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const perPid = new Map<number, Map<string, number>>();
  for (const e of events) {
    const allocators = e.ph === 'v' ? e.args?.dumps?.allocators : undefined;
    if (!allocators) continue;
    // Only top-level entries: a child's size is already inside its parent's. The last dump of a process wins.
    const top = new Map<string, number>();
    for (const [path, a] of Object.entries(allocators)) if (!path.includes('/') && a.attrs?.size) top.set(path, parseInt(a.attrs.size.value, 16) / 1e6);
    perPid.set(e.pid, top);
  }
  const total = (m: Map<string, number>) => [...m.values()].reduce((n, v) => n + v, 0);
  const renderer = [...perPid.values()].filter((m) => m.has('v8') || m.has('blink_gc')).sort((a, b) => total(b) - total(a))[0];
  return renderer ? [...renderer].map(([name, mb]) => ({ name, mb })).sort((a, b) => b.mb - a.mb) : [];
}
