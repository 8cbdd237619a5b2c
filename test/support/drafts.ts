import { createStore, type UseStore } from 'idb-keyval';
import type { CoDesignStudio } from '../../src/element/co-design-studio.component.ts';
import type { CoDesignDraftSavedEvent } from '../../src/element/events/draft-saved.ts';
import { openPage, Page } from './page.ts';
import type { Pt } from './studio.ts';
import { canonical, storedAs } from './stored.ts';
import { nextEvent, waitFor } from './wait.ts';

export { canonical };

/** The studio's own drafts store, opened the way the studio opens it. */
export const draftsStore = (): UseStore => createStore('co-design-studio', 'drafts');

/** Resolves on the next `co-design-draft-saved` of `el`. */
export async function nextSave(el: CoDesignStudio, timeout = 5000): Promise<{ draft: string; rev: number; at: number }> {
  const e = await nextEvent<CoDesignDraftSavedEvent>(el, 'co-design-draft-saved', timeout);
  return { draft: e.draft, rev: e.rev, at: performance.now() };
}

export function uniqueKey(name: string): string {
  return `${name}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Another real tab of this origin showing the studio (test/fixtures/studio-page.html). */
export class StudioPage extends Page {
  static async openStudio(key: string, template = '/templates/roadster.json', origin = location.origin): Promise<StudioPage> {
    const url = `${origin}/test/fixtures/studio-page.html?key=${encodeURIComponent(key)}&template=${encodeURIComponent(template)}`;
    const page = new StudioPage(await openPage(url));
    await page.ready();
    return page;
  }

  ready(): Promise<unknown> {
    return this.eval('window.studioReady.then(() => true)');
  }

  /** The design as JSON text, from `getDesign()`. */
  design(): Promise<string> {
    return this.eval<string>(`JSON.stringify(document.querySelector('co-design-studio').getDesign())`);
  }

  /** A PNG of the view as a data URL: equal strings mean equal pixels. */
  exportUrl(): Promise<string> {
    return this.eval<string>(`document.querySelector('co-design-studio').exportImage({ width: 800 }).then((b) => new Promise((r) => { const f = new FileReader(); f.onload = () => r(f.result); f.readAsDataURL(b); }))`);
  }

  /** How many events of `type` the studio fired (test/fixtures/studio-page.html records them). */
  count(type: string): Promise<number> {
    return this.eval<number>(`window.studioEvents.filter((e) => e.type === ${JSON.stringify(type)}).length`);
  }

  /** Waits until the studio has fired more than `than` events of `type`; their number. */
  countAbove(type: string, than: number, what = `a ${type} event`): Promise<number> {
    return this.waitFor<number>(`(() => { const n = window.studioEvents.filter((e) => e.type === ${JSON.stringify(type)}).length; return n > ${than} ? n : 0; })()`, what);
  }

  /** A point of the first view, as fractions of its size, in design units. */
  at(fx: number, fy: number): Promise<Pt> {
    return this.eval<Pt>(`(() => { const v = document.querySelector('co-design-studio').editor.manifest.views[0]; return [v.width * ${fx}, v.height * ${fy}]; })()`);
  }

  /** Drags with the real mouse through points in design units of the view on screen. */
  async paint(points: Pt[]): Promise<void> {
    const page = await this.eval<Pt[]>(`(() => {
      const editor = document.querySelector('co-design-studio').editor;
      const rect = editor.canvas.upperCanvasEl.getBoundingClientRect();
      const [z, , , , tx, ty] = editor.canvas.viewportTransform;
      return ${JSON.stringify(points)}.map(([x, y]) => [Math.round(rect.left + x * z + tx), Math.round(rect.top + y * z + ty)]);
    })()`);
    await this.drag(page);
  }

  /** Clicks, with the real mouse, the centre of an element of the studio's shadow root (its window stays behind). */
  clickIn(selector: string): Promise<void> {
    return this.clickOn(`document.querySelector('co-design-studio').shadowRoot.querySelector(${JSON.stringify(selector)})`, { front: false });
  }

  /** Waits until the draft on screen is stored exactly as shown (test/fixtures/studio-page.html). */
  storedAsShown(what = 'the draft stored as shown'): Promise<unknown> {
    return this.waitFor('window.storedAsShown()', what);
  }

  override async reload(): Promise<void> {
    await super.reload();
    await this.ready();
  }
}

/** Waits until the draft `id` is stored exactly as `el` shows it (every change saved). */
export function storedAsShown(el: CoDesignStudio, id: string, timeout = 10_000): Promise<unknown> {
  return waitFor(() => storedAs(id, el.getDesign()), `draft ${id} stored as shown`, timeout);
}
