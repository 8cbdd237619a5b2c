/**
 * Another real top-level page beside the test page: a tab in a window of its
 * own (test/support/pages-plugin.mjs), with real mouse input through the
 * DevTools protocol, reloaded and closed for real. What a page shows is read
 * with `eval` and waited for with `waitFor`, never after a fixed time.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { Pt } from './studio.ts';
import { waitFor } from './wait.ts';

/** What a page heard since it opened (test/support/pages-plugin.mjs records it). */
export interface PageLog {
  responses: { url: string; status: number }[];
  errors: string[];
}

export class Page {
  constructor(readonly id: number) {}

  static async open(url: string, viewport?: { width: number; height: number }): Promise<Page> {
    return new Page(await openPage(url, viewport));
  }

  /** A page in a browser context of its own (its own cookies and storage): another person's browser. */
  static async isolated(url: string, viewport?: { width: number; height: number }): Promise<Page> {
    return new Page(
      (await executeServerCommand<number, { url: string; viewport?: { width: number; height: number }; isolated: true }>('pages:open', {
        url,
        viewport,
        isolated: true,
      }))!,
    );
  }

  /** The value of a JavaScript expression in the page (a promise is awaited there). */
  eval<T = unknown>(expression: string): Promise<T> {
    return executeServerCommand<{ value: T }, { id: number; expression: string }>('pages:eval', { id: this.id, expression }).then((r) => r!.value);
  }

  /** Polls `expression` in the page until it is truthy; resolves with its value. */
  waitFor<T>(expression: string, what: string, timeout = 15_000): Promise<NonNullable<T>> {
    return waitFor(() => this.eval<T>(expression), what, timeout, 100);
  }

  /** Presses at the first point, moves through the others (in `steps` each) and releases: page coordinates. */
  drag(points: Pt[], steps = 4): Promise<unknown> {
    return executeServerCommand('pages:drag', { id: this.id, points, steps });
  }

  /**
   * Clicks at a point of the page with the real mouse; `front` first brings its window to the front (and so
   * may hide the test page's: tests whose own page must stay visible click without it).
   */
  async click([x, y]: Pt, { front = true } = {}): Promise<void> {
    if (front) await this.front();
    await executeServerCommand('pages:click', { id: this.id, x, y });
  }

  /**
   * Clicks the centre of the element `locate` (an expression in the page, e.g. into a shadow root) finds,
   * scrolled into view, once a painted frame shows it where it was measured: a click into a scroll or a
   * layout not yet painted lands where the element used to be.
   */
  async clickOn(locate: string, options: { front?: boolean } = {}): Promise<void> {
    const centre = await this.waitFor<Pt>(
      `(async () => {
        const el = ${locate};
        if (!el) return null;
        el.scrollIntoView({ block: 'center' });
        const at = () => { const r = el.getBoundingClientRect(); return r.width ? [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] : null; };
        const before = at();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const after = at();
        return before && after && before.join() === after.join() ? after : null;
      })()`,
      `something to click, settled on the page: ${locate}`,
    );
    await this.click(centre, options);
  }

  /** Replaces the text of the field `locate` finds by typing `value` with the real keyboard. */
  async fill(locate: string, value: string): Promise<void> {
    await this.waitFor(`(() => { const el = ${locate}; if (!el) return false; el.focus(); el.select(); return true; })()`, `the field ${locate}`);
    await executeServerCommand('pages:type', { id: this.id, text: value });
    await this.waitFor(`(${locate}).value === ${JSON.stringify(value)}`, `the field ${locate} to read ${JSON.stringify(value)}`);
  }

  /** Presses one key (a puppeteer key name: 'ArrowRight', 'Tab', 'Enter') with the real keyboard. */
  press(key: string): Promise<unknown> {
    return executeServerCommand('pages:press', { id: this.id, key });
  }

  /** Types `text` with the real keyboard into whatever has the focus. */
  type(text: string): Promise<unknown> {
    return executeServerCommand('pages:type', { id: this.id, text });
  }

  front(): Promise<unknown> {
    return executeServerCommand('pages:front', { id: this.id });
  }

  async reload(): Promise<void> {
    await executeServerCommand('pages:reload', { id: this.id });
  }

  /** Closes the tab without running beforeunload: what the customer sees when the browser is killed. */
  /** Every response since the page opened (URL and status) and every console error or uncaught exception. */
  log(): Promise<PageLog> {
    return executeServerCommand<PageLog, { id: number }>('pages:log', { id: this.id });
  }

  close(): Promise<unknown> {
    return executeServerCommand('pages:close', { id: this.id });
  }
}

/** Opens `url` in a window of its own; its page id. */
export async function openPage(url: string, viewport?: { width: number; height: number }): Promise<number> {
  return (await executeServerCommand<number, { url: string; viewport?: { width: number; height: number } }>('pages:open', { url, viewport }))!;
}
