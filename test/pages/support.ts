/**
 * Real top-level pages of a real reference server for the pages' tests:
 * `pages:open` windows (test/support/pages-plugin.mjs) on the server's own
 * origin, real mouse input through the DevTools protocol, and waits that
 * poll a condition, never a fixed sleep.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { startApiServer, type ApiServer } from '../server/client.ts';
import type { Pt } from '../support/studio.ts';
import { waitFor as waitForShared } from '../support/wait.ts';

export type { Pt };

export interface PageLog {
  responses: { url: string; status: number }[];
  errors: string[];
}

export class Page {
  private constructor(readonly id: number) {}

  static async open(url: string, viewport?: { width: number; height: number }): Promise<Page> {
    return new Page(await executeServerCommand<number, { url: string; viewport?: { width: number; height: number } }>('pages:open', { url, viewport }));
  }

  eval<T = unknown>(expression: string): Promise<T> {
    return executeServerCommand<{ value: T }, { id: number; expression: string }>('pages:eval', { id: this.id, expression }).then((r) => r.value);
  }

  drag(points: Pt[], steps = 4): Promise<unknown> {
    return executeServerCommand('pages:drag', { id: this.id, points, steps });
  }

  async click([x, y]: Pt): Promise<void> {
    await executeServerCommand('pages:front', { id: this.id });
    await executeServerCommand('pages:click', { id: this.id, x, y });
  }

  /**
   * Clicks, with the real mouse, the centre of the element `locate` (a JS
   * expression in the page, e.g. reaching into a shadow root) evaluates to.
   */
  async clickOn(locate: string): Promise<void> {
    const centre = await this.waitFor<Pt>(
      `(() => { const el = ${locate}; if (!el) return null; el.scrollIntoView({ block: 'center' }); const r = el.getBoundingClientRect(); return r.width ? [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] : null; })()`,
      `something to click: ${locate}`,
    );
    await this.click(centre);
  }

  /** Waits for the field `locate` finds, then sets its value as typing would end (`fill`). */
  async fill(locate: string, value: string): Promise<void> {
    await this.waitFor(`!!(${locate})`, `the field ${locate}`);
    await this.eval(fill(locate, value));
  }

  /** Polls `expression` in the page until it is truthy; its value. */
  waitFor<T>(expression: string, what: string, timeout = 15_000): Promise<NonNullable<T>> {
    return waitFor(() => this.eval<T>(expression), what, timeout);
  }

  /** Every response since the page opened (URL and status) and every console error or uncaught exception. */
  log(): Promise<PageLog> {
    return executeServerCommand<PageLog, { id: number }>('pages:log', { id: this.id });
  }

  reload(): Promise<unknown> {
    return executeServerCommand('pages:reload', { id: this.id });
  }

  close(): Promise<unknown> {
    return executeServerCommand('pages:close', { id: this.id });
  }
}

/** Polls until `fn()` is truthy (test/support/wait.ts), 15_000 ms by default here. */
export const waitFor = <T,>(fn: () => T | Promise<T>, what: string, timeout = 15_000) => waitForShared(fn, what, timeout, 100);

/** A reference server on 127.0.0.1:<port> that also serves the demo's pages (from the build in dist/). */
export async function startSite(): Promise<ApiServer & { origin: string }> {
  const api = await startApiServer({ pages: true });
  return Object.assign(api, { origin: new URL(api.endpoint).origin });
}

/** `<selector>` inside the shadow root of the page's first `host` element, as an expression for `Page.eval`. */
export const inShadow = (host: string, selector: string) => `document.querySelector(${JSON.stringify(host)})?.shadowRoot?.querySelector(${JSON.stringify(selector)})`;

/** Sets a text field's value the way typing ends (value + input event): the pages plugin has no keyboard. */
export const fill = (locate: string, value: string) =>
  `(() => { const el = ${locate}; el.focus(); el.value = ${JSON.stringify(value)}; el.dispatchEvent(new Event('input', { bubbles: true, composed: true })); return true; })()`;
