import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * At or under this width the studio takes its phone layout. The same number
 * is the container query in styles.ts: CSS lays the phone out even before
 * this controller has measured; the controller decides what moves in the DOM.
 */
export const PHONE_MAX_WIDTH = 640;
/** At or under this height (a phone on its side), the tools go beside the canvas. */
export const SHORT_MAX_HEIGHT = 480;

/**
 * `wide`: tools, canvas and side panel in columns. `phone`: the canvas the
 * whole width, a style row and the tools in a bottom bar, the panel a sheet.
 * `short`: wider than a phone but too low for columns (landscape), the tools
 * in a double column, the style row under the canvas, the panel a sheet.
 */
export type Layout = 'wide' | 'phone' | 'short';

export function layoutFor(width: number, height: number): Layout {
  if (width <= PHONE_MAX_WIDTH) return 'phone';
  if (height <= SHORT_MAX_HEIGHT) return 'short';
  return 'wide';
}

/**
 * Follows the element's own box (not the window's), so a narrow iframe or column gets the phone layout too.
 * In a top-level page the element is never taller than the viewport (`:host(:state(top-level))` in
 * compact.styles.ts). Not in a frame: a parent that sizes the frame from the studio's height
 * (co-design-studio/parent) would then be held at whatever height the frame had first.
 */
export class LayoutController implements ReactiveController {
  layout: Layout = 'wide';
  private observer: ResizeObserver | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly states: CustomStateSet,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (window.self === window.top) this.states.add('top-level');
    else this.states.delete('top-level');
    this.observer = new ResizeObserver(([entry]) => {
      const box = entry.contentBoxSize[0];
      const next = layoutFor(box.inlineSize, box.blockSize);
      if (next === this.layout) return;
      this.layout = next;
      this.host.requestUpdate();
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
