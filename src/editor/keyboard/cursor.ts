import type { StudioCanvas } from '../render/studio-canvas.ts';
import type { KeyAct, Tool, ToolContext } from '../tools/types.ts';

export interface CursorHost {
  readonly canvas: StudioCanvas;
  readonly ready: boolean;
  activeTool(): Tool | undefined;
  toolContext(): ToolContext;
}

/** Screen pixels per arrow press; Shift moves ten times as far. */
export const CURSOR_STEP = 8;
export const CURSOR_STEP_LARGE = 80;

/**
 * A crosshair the keyboard moves over the canvas while it has focus; Enter
 * makes the current tool act there (src/editor/tools: `act`). Its position
 * is in design units, so zooming and panning keep it on the same spot.
 */
export class KeyboardCursor {
  private at: { x: number; y: number } | undefined;
  private view = '';
  /** Text placed from the keyboard: focus comes back to the canvas when typing ends. */
  private editing = false;
  private readonly mark: HTMLElement;
  private readonly anchorMark: HTMLElement;

  constructor(
    private readonly host: CursorHost,
    private readonly stage: HTMLElement,
  ) {
    this.mark = marker('kbd-cursor');
    this.anchorMark = marker('kbd-anchor');
    stage.append(this.mark, this.anchorMark);
    adoptCursorStyles(stage);
    host.canvas.on('after:render', this.show);
    host.canvas.on('text:editing:exited', () => {
      if (!this.editing) return;
      this.editing = false;
      this.stage.focus({ preventScroll: true });
    });
  }

  /** True when a key event's target is the canvas itself (not a field or a button). */
  owns(target: EventTarget | undefined): boolean {
    return target === this.stage;
  }

  /** Where the cursor is, in design units; it starts at the centre of the screen in each view. */
  get position(): { x: number; y: number } {
    const view = this.host.ready ? this.host.toolContext().viewId : '';
    if (!this.at || view !== this.view) {
      this.view = view;
      this.at = this.toScene(this.host.canvas.getWidth() / 2, this.host.canvas.getHeight() / 2);
    }
    return this.at;
  }

  /** Moves by screen pixels, kept on screen. */
  move(dx: number, dy: number): void {
    const { x, y } = this.position;
    const [z, , , , tx, ty] = this.host.canvas.viewportTransform;
    const sx = clamp(x * z + tx + dx, 0, this.host.canvas.getWidth() - 1);
    const sy = clamp(y * z + ty + dy, 0, this.host.canvas.getHeight() - 1);
    this.at = this.toScene(sx, sy);
    this.show();
  }

  /** The current tool acts at the cursor; placing text opens it for typing. */
  act(): KeyAct {
    const tool = this.host.activeTool();
    if (!tool?.act || !this.host.ready) return 'nothing';
    if (tool.id === 'text') this.editing = true;
    const done = tool.act(this.host.toolContext(), this.position);
    this.show();
    return done;
  }

  /** Drops a straight stroke's first end; false when there was none. */
  cancel(): boolean {
    const tool = this.host.activeTool();
    if (!tool || !anchorOf(tool)) return false;
    tool.cancel?.(this.host.toolContext());
    this.show();
    return true;
  }

  dispose(): void {
    this.host.canvas.off('after:render', this.show);
    this.mark.remove();
    this.anchorMark.remove();
  }

  private toScene(sx: number, sy: number): { x: number; y: number } {
    const [z, , , , tx, ty] = this.host.canvas.viewportTransform;
    return { x: Math.round(((sx - tx) / z) * 100) / 100, y: Math.round(((sy - ty) / z) * 100) / 100 };
  }

  private show = (): void => {
    const [z, , , , tx, ty] = this.host.canvas.viewportTransform;
    const p = this.at ?? this.position;
    this.mark.style.transform = `translate(${p.x * z + tx}px, ${p.y * z + ty}px)`;
    const tool = this.host.activeTool();
    const a = tool && anchorOf(tool);
    this.anchorMark.hidden = !a;
    if (a) this.anchorMark.style.transform = `translate(${a.x * z + tx}px, ${a.y * z + ty}px)`;
  };
}

// Travels with the keyboard's lazy chunk and is adopted into the studio's
// shadow root: shown only while the canvas has keyboard focus.
const CURSOR_CSS = `
.kbd-cursor,
.kbd-anchor {
  display: none;
  position: absolute;
  top: 0;
  left: 0;
  width: 0;
  height: 0;
  pointer-events: none;
  z-index: 1;
}
.stage:focus-visible:not([data-pointer-focus]) > .kbd-cursor,
.stage:focus-visible:not([data-pointer-focus]) > .kbd-anchor:not([hidden]) {
  display: block;
}
.kbd-cursor::before,
.kbd-cursor::after {
  content: '';
  position: absolute;
  background: #111111;
  box-shadow: 0 0 0 1px #ffffff;
}
.kbd-cursor::before {
  left: -14px;
  top: -1px;
  width: 28px;
  height: 2px;
}
.kbd-cursor::after {
  left: -1px;
  top: -14px;
  width: 2px;
  height: 28px;
}
.kbd-anchor::before {
  content: '';
  position: absolute;
  left: -6px;
  top: -6px;
  width: 12px;
  height: 12px;
  border: 2px solid #111111;
  border-radius: 50%;
  box-shadow: 0 0 0 1px #ffffff;
}
`;
let sheet: CSSStyleSheet | undefined;

function adoptCursorStyles(stage: HTMLElement): void {
  const root = stage.getRootNode();
  if (!(root instanceof ShadowRoot || root instanceof Document)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CURSOR_CSS);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

function anchorOf(tool: Tool): { x: number; y: number } | undefined {
  return (tool as { anchored?: { x: number; y: number } }).anchored;
}

function marker(name: string): HTMLElement {
  const el = document.createElement('div');
  el.className = name;
  el.setAttribute('aria-hidden', 'true');
  return el;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
