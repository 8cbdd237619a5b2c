/**
 * Real pages in headless Chromium for the packaging specs: each fixture page
 * is opened as a top-level document from the page server, and driven through
 * the DevTools protocol (puppeteer's mouse and keyboard, the real file
 * chooser) as a customer would, not through dispatchEvent.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME_ARGS, CHROME_PATH } from '../../scripts/chrome.mjs';
import { waitFor } from '../support/wait.ts';

export type Pt = [number, number];

export function launch(): Promise<Browser> {
  return puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_ARGS, defaultViewport: { width: 1200, height: 800 } });
}

/** Waits for a condition evaluated in the page (test/support/wait.ts), never a fixed time. */
export function until<T, A = undefined>(page: Page, fn: (arg: A) => T | Promise<T>, what: string, arg?: A, timeout = 20_000): Promise<NonNullable<T>> {
  return waitFor(() => page.evaluate(fn as (arg: unknown) => T, arg), what, timeout);
}

/** The studio's controls, for a page that holds one `<co-design-studio>`. */
export function studioOn(page: Page) {
  /** Centre of a control in the shadow root, in page coordinates. */
  const centreOf = (selector: string) =>
    page.evaluate((sel) => {
      const el = document.querySelector('co-design-studio')!.shadowRoot!.querySelector(sel);
      if (!el) throw new Error(`No ${sel} in the studio`);
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] as Pt;
    }, selector);
  /** Design units of the current view → page coordinates, through fabric's viewport transform. */
  const toPage = (points: Pt[]) =>
    page.evaluate((pts) => {
      const editor = (document.querySelector('co-design-studio') as unknown as { editor: { canvas: { upperCanvasEl: HTMLCanvasElement; viewportTransform: number[] } } }).editor;
      const rect = editor.canvas.upperCanvasEl.getBoundingClientRect();
      const [z, , , , tx, ty] = editor.canvas.viewportTransform;
      return pts.map(([x, y]) => [Math.round(rect.left + x * z + tx), Math.round(rect.top + y * z + ty)] as Pt);
    }, points);

  return {
    centreOf,
    async click(selector: string) {
      const [x, y] = await centreOf(selector);
      await page.mouse.click(x, y);
    },
    async tool(id: string) {
      const [x, y] = await centreOf(`.toolbar [data-tool="${id}"]`);
      await page.mouse.click(x, y);
      await until(page, (tid) => document.querySelector('co-design-studio')!.shadowRoot!.querySelector(`[data-tool="${tid}"]`)?.getAttribute('aria-pressed') === 'true', `tool ${id}`, id).catch(() => undefined);
    },
    /** A click on the canvas at a design-unit point. */
    async clickAt(point: Pt) {
      const [[x, y]] = await toPage([point]);
      await page.mouse.click(x, y);
    },
    /** One stroke with the mouse, through design-unit points. */
    async drag(points: Pt[]) {
      const [first, ...rest] = await toPage(points);
      await page.mouse.move(first[0], first[1]);
      await page.mouse.down();
      for (const [x, y] of rest) await page.mouse.move(x, y, { steps: 6 });
      await page.mouse.up();
    },
    /** Opaque pixels of the customer's paint alone (no product art), in a small export of the current view. */
    paintedPixels: () =>
      page.evaluate(async () => {
        const el = document.querySelector('co-design-studio')!;
        const bitmap = await createImageBitmap(await el.exportImage({ withProduct: false, width: 800 }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
        return n;
      }),
    layers: () => page.evaluate(() => document.querySelector('co-design-studio')!.getDesign().views.flatMap((v) => v.layers.map((l) => (l.kind === 'object' ? l.object.type : l.kind)))),
  };
}
