import { executeServerCommand } from '@web/test-runner-commands';
import { createStore, type UseStore } from 'idb-keyval';
import type { CoDesignStudio } from '../../src/element/co-design-studio.component.ts';
import type { Pt } from './studio.ts';

/** The studio's own drafts store, opened the way the studio opens it. */
export const draftsStore = (): UseStore => createStore('co-design-studio', 'drafts');

/** Resolves on the next `co-design-draft-saved` of `el`. */
export function nextSave(el: CoDesignStudio, timeout = 5000): Promise<{ draft: string; rev: number; at: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no co-design-draft-saved within ${timeout} ms`)), timeout);
    el.addEventListener(
      'co-design-draft-saved',
      (e) => {
        clearTimeout(timer);
        resolve({ draft: e.draft, rev: e.rev, at: performance.now() });
      },
      { once: true },
    );
  });
}

export function uniqueKey(name: string): string {
  return `${name}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Another real tab of this origin, showing the studio (test/fixtures/studio-page.html). */
export class OtherPage {
  private constructor(readonly id: number) {}

  static async open(key: string, template = '/templates/roadster.json', origin = location.origin): Promise<OtherPage> {
    const url = `${origin}/test/fixtures/studio-page.html?key=${encodeURIComponent(key)}&template=${encodeURIComponent(template)}`;
    const page = new OtherPage(await executeServerCommand<number, { url: string }>('pages:open', { url }));
    await page.ready();
    return page;
  }

  ready(): Promise<unknown> {
    return this.eval('window.studioReady.then(() => true)');
  }

  eval<T = unknown>(expression: string): Promise<T> {
    return executeServerCommand<{ value: T }, { id: number; expression: string }>('pages:eval', { id: this.id, expression }).then((r) => r.value);
  }

  /** The design as JSON text, from `getDesign()`. */
  design(): Promise<string> {
    return this.eval<string>(`JSON.stringify(document.querySelector('co-design-studio').getDesign())`);
  }

  /** A PNG of the view as a data URL: equal strings mean equal pixels. */
  exportUrl(): Promise<string> {
    return this.eval<string>(`document.querySelector('co-design-studio').exportImage({ width: 800 }).then((b) => new Promise((r) => { const f = new FileReader(); f.onload = () => r(f.result); f.readAsDataURL(b); }))`);
  }

  count(type: string): Promise<number> {
    return this.eval<number>(`window.studioEvents.filter((e) => e.type === ${JSON.stringify(type)}).length`);
  }

  /** Drags with the real mouse through points in design units of the view on screen. */
  async drag(points: Pt[]): Promise<void> {
    const page = await this.eval<Pt[]>(`(() => {
      const editor = document.querySelector('co-design-studio').editor;
      const rect = editor.canvas.upperCanvasEl.getBoundingClientRect();
      const [z, , , , tx, ty] = editor.canvas.viewportTransform;
      return ${JSON.stringify(points)}.map(([x, y]) => [Math.round(rect.left + x * z + tx), Math.round(rect.top + y * z + ty)]);
    })()`);
    await executeServerCommand('pages:drag', { id: this.id, points: page });
  }

  /** Clicks, with the real mouse, the centre of an element of the studio's shadow root. */
  async click(selector: string): Promise<void> {
    const [x, y] = await this.eval<Pt>(`(() => { const r = document.querySelector('co-design-studio').shadowRoot.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)]; })()`);
    await executeServerCommand('pages:click', { id: this.id, x, y });
  }

  front(): Promise<unknown> {
    return executeServerCommand('pages:front', { id: this.id });
  }

  async reload(): Promise<void> {
    await executeServerCommand('pages:reload', { id: this.id });
    await this.ready();
  }

  /** Closes the tab without running beforeunload: what the customer sees when the browser is killed. */
  close(): Promise<unknown> {
    return executeServerCommand('pages:close', { id: this.id });
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** JSON with keys sorted: two designs with the same data compare equal whatever order their keys were made in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}
