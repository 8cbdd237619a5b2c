/**
 * Real top-level pages (test/support/page.ts) of a real reference server for
 * the pages' tests, on the server's own origin.
 */
import { startApiServer, type ApiServer } from '../server/client.ts';
import type { Pt } from '../support/studio.ts';

export type { Pt };
export { Page, type PageLog } from '../support/page.ts';
export { waitFor } from '../support/wait.ts';

/** A reference server on 127.0.0.1:<port> that also serves the demo's pages (from the build in dist/). */
export async function startSite(): Promise<ApiServer & { origin: string }> {
  const api = await startApiServer({ pages: true });
  return Object.assign(api, { origin: new URL(api.endpoint).origin });
}

/** `<selector>` inside the shadow root of the page's first `host` element, as an expression for `Page.eval`. */
export const inShadow = (host: string, selector: string) => `document.querySelector(${JSON.stringify(host)})?.shadowRoot?.querySelector(${JSON.stringify(selector)})`;

