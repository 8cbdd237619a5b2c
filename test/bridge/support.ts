import { askFrame, type FrameState } from '../fixtures/bridge/ask.ts';
import type { Pt } from '../support/studio.ts';
import { geometry } from '../support/geometry.ts';
import { loadTemplate } from '../../src/template/load.ts';
import type { Page } from '../support/page.ts';

export { Page } from '../support/page.ts';
export { waitFor } from '../support/wait.ts';

/**
 * Two sites of one dev server: the test page is `localhost:<port>` (the host
 * page, as a social app), the studio is served from `127.0.0.1:<port>` —
 * another site, since two ports of one host would be the same site.
 * `127.0.0.2` is a third site on the same loopback (all of 127/8 answers).
 */
export const PORT = location.port;
export const HOST = `http://localhost:${PORT}`;
export const STUDIO = `http://127.0.0.1:${PORT}`;
export const OTHER = `http://127.0.0.2:${PORT}`;

export function frameUrl(origin: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({ 'host-origin': HOST, template: '/templates/roadster.json', ...params });
  return `${origin}/test/fixtures/bridge/frame.html?${query}`;
}

/** An iframe of `src` in the test page, resolved once it has loaded. */
export async function embed(src: string, style = 'border:0;display:block;width:920px;height:150px'): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = style;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = src;
  document.body.append(iframe);
  await loaded;
  return iframe;
}

export function ask(iframe: HTMLIFrameElement, origin = STUDIO, what = 'state'): Promise<FrameState> {
  return askFrame(iframe, origin, what);
}

/** A posted bridge message, as a host page or another frame would write it by hand. */
export function envelope(type: string, payload: unknown, id: string) {
  return { source: 'co-design-studio', v: 1, type, id, payload };
}

/**
 * Paints one stroke with the real mouse in the studio inside `host`'s
 * iframe (parent.html), at the canvas's place in the page; `dy` moves it
 * down so that strokes do not land on one another.
 */
export async function paintInFrame(host: Page, dy = 0): Promise<void> {
  const state = await host.eval<FrameState>('window.ask()');
  const [frameLeft, frameTop] = await host.eval<[number, number]>('window.iframeRect()');
  const view = (await loadTemplate('/templates/roadster.json')).manifest.views[0];
  const c = geometry(view).centre(20);
  const p: Pt = [c[0], c[1] + dy];
  const [z, , , , tx, ty] = state.canvas!.vpt;
  const onPage = ([x, y]: Pt): Pt => [Math.round(frameLeft + state.canvas!.left + x * z + tx), Math.round(frameTop + state.canvas!.top + y * z + ty)];
  await host.drag([onPage(p), onPage([p[0] + 60, p[1] + 10]), onPage([p[0] + 140, p[1]])]);
}
