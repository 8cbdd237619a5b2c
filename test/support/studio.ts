import { sendMouse, resetMouse, setViewport } from '@web/test-runner-commands';
import '../../src/co-design-studio.ts';
import type { CoDesignStudio } from '../../src/element/co-design-studio.component.ts';
import type { StudioEditor } from '../../src/editor/editor.ts';
import type { ToolId } from '../../src/editor/tools/types.ts';
import type { DesignDocument } from '../../src/document/types.ts';
import type { TemplateManifest } from '../../src/template/types.ts';
import { bytesToBase64 } from '../../src/security/data-url.ts';
import { waitFor } from './wait.ts';

export type Pt = [number, number];

export interface TestStudio {
  el: CoDesignStudio;
  editor: StudioEditor;
  /** Page coordinates of a point in design units of the current view. */
  toPage(p: Pt): Pt;
  /** Presses, moves through every point and releases, with real mouse input. */
  drag(points: Pt[], opts?: { steps?: number }): Promise<void>;
  click(p: Pt): Promise<void>;
  tool(id: ToolId): Promise<void>;
  shadow<T extends Element = HTMLElement>(selector: string): T;
  exportPixels(opts?: { view?: string; width?: number; height?: number; withProduct?: boolean }): Promise<ImageData>;
  design(): DesignDocument;
  remove(): void;
}

/** Mounts `<co-design-studio>` on a template and waits for `co-design-ready`. */
export async function mountStudio(
  opts: {
    /** A manifest URL, or the manifest object (given as the `template` property). */
    template?: string | TemplateManifest;
    width?: number;
    height?: number;
    /** The page's size; `false` keeps what the test set itself (a phone's, test/support/phone.ts). */
    viewport?: { width: number; height: number } | false;
    draftKey?: string;
    allowErrors?: boolean;
    /** Set before the element is connected, as a page's markup would have them. */
    attributes?: Record<string, string>;
  } = {},
): Promise<TestStudio> {
  if (opts.viewport !== false) {
    await setViewport(opts.viewport ?? { width: 1280, height: 800 });
    await resetMouse();
  }
  document.body.style.margin = '0';
  const el = document.createElement('co-design-studio');
  el.style.setProperty('--co-design-height', `${opts.height ?? 640}px`);
  el.style.width = `${opts.width ?? 1200}px`;
  el.style.display = 'block';
  const ready = new Promise<void>((resolve, reject) => {
    el.addEventListener('co-design-ready', () => resolve(), { once: true });
    if (!opts.allowErrors) el.addEventListener('co-design-error', (e) => reject(new Error(`${e.code}: ${e.message}`)), { once: true });
  });
  // Each mount gets a draft-key of its own unless it asks for one: no test opens another test's draft.
  el.setAttribute('draft-key', opts.draftKey ?? `test-${Math.random().toString(36).slice(2)}`);
  if (typeof opts.template === 'object') el.template = opts.template;
  else el.setAttribute('template', opts.template ?? '/templates/roadster.json');
  for (const [name, value] of Object.entries(opts.attributes ?? {})) el.setAttribute(name, value);
  document.body.append(el);
  await ready;
  await el.updateComplete;
  const editor = (el as unknown as { editor: StudioEditor }).editor;
  // Laid out at its size: a resize still to come would fit the view again, undoing a zoom the test just made.
  const stage = el.shadowRoot!.querySelector<HTMLElement>('.stage')!;
  await waitFor(() => editor.canvas.getWidth() === Math.max(1, stage.clientWidth) && editor.canvas.getHeight() === Math.max(1, stage.clientHeight), 'the canvas filling its stage');
  return helpers(el, editor);
}

function helpers(el: CoDesignStudio, editor: StudioEditor): TestStudio {
  const toPage = ([x, y]: Pt): Pt => {
    const rect = editor.canvas.upperCanvasEl.getBoundingClientRect();
    const [z, , , , tx, ty] = editor.canvas.viewportTransform;
    return [Math.round(rect.left + x * z + tx), Math.round(rect.top + y * z + ty)];
  };
  const shadow = <T extends Element>(selector: string): T => {
    const found = el.shadowRoot!.querySelector<T>(selector);
    if (!found) throw new Error(`No ${selector} in the studio`);
    return found;
  };
  return {
    el,
    editor,
    toPage,
    shadow,
    async drag(points, { steps = 1 } = {}) {
      const page = points.map(toPage);
      await sendMouse({ type: 'move', position: page[0] });
      await sendMouse({ type: 'down' });
      for (let i = 1; i < page.length; i++) {
        const [ax, ay] = page[i - 1];
        const [bx, by] = page[i];
        for (let s = 1; s <= steps; s++) {
          await sendMouse({ type: 'move', position: [Math.round(ax + ((bx - ax) * s) / steps), Math.round(ay + ((by - ay) * s) / steps)] });
        }
      }
      await sendMouse({ type: 'up' });
      await el.updateComplete;
    },
    async click(p) {
      await sendMouse({ type: 'click', position: toPage(p) });
      await el.updateComplete;
    },
    async tool(id) {
      const button = shadow<HTMLButtonElement>(`.toolbar [data-tool="${id}"]`);
      button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = button.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
      await el.updateComplete;
    },
    async exportPixels(o = {}) {
      const blob = await el.exportImage(o);
      return pixelsOf(blob);
    },
    design: () => el.getDesign(),
    remove: () => el.remove(),
  };
}

export async function pixelsOf(blob: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(blob);
  const c = document.createElement('canvas');
  c.width = bitmap.width;
  c.height = bitmap.height;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, c.width, c.height);
}

export function pixel(img: ImageData, x: number, y: number): [number, number, number, number] {
  const i = (Math.round(y) * img.width + Math.round(x)) * 4;
  return [img.data[i], img.data[i + 1], img.data[i + 2], img.data[i + 3]];
}

/**
 * The open submit dialog once every view's preview is drawn and shown: only
 * then are its fields enabled and its layout settled, so that clicks land.
 */
export function submitDialog(el: CoDesignStudio, timeout = 20_000): Promise<HTMLDialogElement> {
  return waitFor(() => {
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.submit[open]');
    const previews = [...(dialog?.querySelectorAll<HTMLImageElement>('.previews img') ?? [])];
    const shown = previews.length > 0 && previews.every((img) => img.complete && img.naturalWidth > 0);
    return shown && !dialog!.querySelector<HTMLButtonElement>('[data-action="send"]')?.disabled ? dialog : null;
  }, 'the submit dialog with every preview shown', timeout);
}

/**
 * Click a button inside the studio's shadow root with the real mouse, as a
 * person would: scrolled into view, and once it has stopped moving (a dialog
 * still laying out its previews moves its buttons under the pointer).
 */
export async function clickIn(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const r = await settledRect(el);
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

/** The element's box once it is the same on two painted frames in a row. */
async function settledRect(el: Element): Promise<DOMRect> {
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  let last = el.getBoundingClientRect();
  return waitFor(async () => {
    await frame();
    const now = el.getBoundingClientRect();
    const still = now.width > 0 && now.x === last.x && now.y === last.y && now.width === last.width && now.height === last.height;
    last = now;
    return still ? now : null;
  }, `${el.tagName.toLowerCase()}${el.getAttribute('data-action') ? `[data-action=${el.getAttribute('data-action')}]` : ''} to stop moving`, 5_000, 0);
}

/** Debug aid: saves a screenshot of the page to .screens/<name>.png (gitignored). */
export async function screenshot(name: string): Promise<void> {
  const { cdp } = await import('./cdp.ts');
  const { writeFile } = await import('@web/test-runner-commands');
  const { data } = await cdp<{ data: string }>({ method: 'Page.captureScreenshot', params: { format: 'png' } });
  await writeFile({ path: `../../.screens/${name}.png`, content: data, encoding: 'base64' });
}

/** Chooses a file in the studio's file input `selector` (once it is there) through the DevTools protocol. */
export async function chooseFile(name: string, bytes: Uint8Array | Blob, selector = 'input.image-file'): Promise<void> {
  const { executeServerCommand } = await import('@web/test-runner-commands');
  const data = bytes instanceof Blob ? new Uint8Array(await bytes.arrayBuffer()) : bytes;
  await waitFor(() => document.querySelector('co-design-studio')?.shadowRoot?.querySelector(selector), `the file input ${selector}`);
  await executeServerCommand('choose-file', { name, base64: bytesToBase64(data), selector });
}
