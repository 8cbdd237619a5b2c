import type { FabricObject, TPointerEventInfo } from 'fabric/es';
import type { StudioCanvas } from './render/studio-canvas.ts';
import type { Tool, ToolContext } from './tools/types.ts';
import type { Viewport } from './viewport.ts';
import type { CommandRegistry } from './commands/registry.ts';
import type { CanvasKeyboard } from './keyboard/canvas.ts';
import { isTyping } from './typing.ts';

/** Set on the stage while its focus came from a pointer; a key or a blur takes it away. */
export const POINTER_FOCUS = 'data-pointer-focus';

/** After start-up, like the lazy tool code (tools/create.ts). */
const KEYBOARD_PRELOAD_DELAY = 2500;

export interface InputHost {
  readonly canvas: StudioCanvas;
  readonly viewport: Viewport;
  readonly commands: CommandRegistry;
  readonly ready: boolean;
  activeTool(): Tool | undefined;
  toolContext(): ToolContext;
  objectModified(target: FabricObject | undefined): void;
  selectionChanged(): void;
  /** A tool's pointer gesture began (the paint clock times the stroke from here). */
  gestureStarted(): void;
}

/**
 * Routes pointer input: viewport gestures (pinch, space-drag, wheel) first,
 * then the active tool, one gesture at a time. fabric's own object picking
 * handles the select tool.
 */
export class InputRouter {
  private gestureTool: Tool | undefined;
  private disposed = false;
  /** The canvas keyboard, once its chunk has loaded. */
  keyboard: CanvasKeyboard | undefined;
  private readonly cleanup: (() => void)[] = [];

  constructor(
    private readonly host: InputHost,
    stage: HTMLElement,
  ) {
    const c = host.canvas;
    // The canvas keyboard (src/editor/keyboard/) loads on the canvas's first keyboard focus or key,
    // or when the page is idle; never on a pointer's focus, which would load it in the middle of a stroke.
    let keyboard: Promise<void> | undefined;
    const loadKeyboard = () => {
      if (this.disposed) return;
      keyboard ??= import('./keyboard/canvas.ts')
        .then((m) => void (this.disposed || (this.keyboard = m.attachKeyboard(host, stage))))
        .catch(() => void (keyboard = undefined));
    };
    // A focus that a pointer gave is no keyboard focus: no frame, no crosshair (`data-pointer-focus`),
    // whatever the browser's :focus-visible guesses for the programmatic focus() the element makes.
    const pointerFocus = () => stage.setAttribute(POINTER_FOCUS, '');
    const keyboardFocus = () => stage.removeAttribute(POINTER_FOCUS);
    const focused = () => stage.matches(`:focus-visible:not([${POINTER_FOCUS}])`) && loadKeyboard();
    stage.addEventListener('pointerdown', pointerFocus, true);
    stage.addEventListener('keydown', keyboardFocus, true);
    stage.addEventListener('blur', keyboardFocus);
    stage.addEventListener('focus', focused);
    stage.addEventListener('keydown', loadKeyboard);
    let idleCallback: number | undefined;
    const idle = setTimeout(() => {
      if ('requestIdleCallback' in window) idleCallback = requestIdleCallback(loadKeyboard, { timeout: 5000 });
      else loadKeyboard();
    }, KEYBOARD_PRELOAD_DELAY);
    c.on('mouse:down', (o) => this.pointer('down', o));
    c.on('mouse:move', (o) => this.pointer('move', o));
    c.on('mouse:up', (o) => this.pointer('up', o));
    c.on('object:modified', ({ target }) => host.objectModified(target));
    c.on('text:editing:exited', ({ target }) => host.objectModified(target));
    c.on('selection:created', () => host.selectionChanged());
    c.on('selection:updated', () => host.selectionChanged());
    c.on('selection:cleared', () => host.selectionChanged());
    const v = host.viewport;
    // Capture phase: a viewport gesture is taken before fabric or a tool sees it.
    const down = (e: PointerEvent) => v.handlePointerDown(e) && stop(e);
    const move = (e: PointerEvent) => v.handlePointerMove(e) && stop(e);
    const up = (e: PointerEvent) => v.handlePointerUp(e) && stop(e);
    stage.addEventListener('pointerdown', down, true);
    window.addEventListener('pointermove', move, true);
    window.addEventListener('pointerup', up, true);
    window.addEventListener('pointercancel', up, true);
    stage.addEventListener('wheel', v.handleWheel, { passive: false });
    this.cleanup.push(() => {
      clearTimeout(idle);
      stage.removeEventListener('pointerdown', pointerFocus, true);
      stage.removeEventListener('keydown', keyboardFocus, true);
      stage.removeEventListener('blur', keyboardFocus);
      if (idleCallback !== undefined) cancelIdleCallback(idleCallback);
      stage.removeEventListener('focus', focused);
      stage.removeEventListener('keydown', loadKeyboard);
      stage.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointermove', move, true);
      window.removeEventListener('pointerup', up, true);
      window.removeEventListener('pointercancel', up, true);
      stage.removeEventListener('wheel', v.handleWheel);
    });
  }

  /** A pointer gesture of a tool is in progress. */
  get gestureActive(): boolean {
    return !!this.gestureTool;
  }

  /**
   * A key the element received: runs the first command it belongs to. True
   * when it was used, so the element can stop it reaching the page. Keys
   * typed into text, a field or a dialog are not shortcuts.
   */
  handleKey(e: KeyboardEvent): boolean {
    if (!this.host.ready || isTyping(this.host.canvas, e)) return false;
    return this.host.commands.handleKey(e);
  }

  handleKeyUp(e: KeyboardEvent): void {
    if (e.key === ' ') this.host.viewport.spaceHeld = false;
  }

  /** Abandons the gesture in progress; nothing of it is recorded. */
  cancel(): void {
    const tool = this.gestureTool;
    this.gestureTool = undefined;
    if (tool && this.host.ready) tool.cancel?.(this.host.toolContext());
  }

  dispose(): void {
    this.disposed = true;
    this.keyboard?.dispose();
    this.keyboard = undefined;
    for (const f of this.cleanup) f();
  }

  private pointer(phase: 'down' | 'move' | 'up', o: TPointerEventInfo): void {
    if (!this.host.ready || this.host.viewport.gestureActive) return;
    const e = o.e as PointerEvent;
    if (phase === 'down') {
      const tool = this.host.activeTool();
      if (!tool || tool.picksObjects || ('button' in e && e.button !== 0)) return;
      this.gestureTool = tool;
      this.host.gestureStarted();
      tool.down?.(this.host.toolContext(), o.scenePoint, e);
      return;
    }
    const tool = this.gestureTool;
    if (!tool) return;
    if (phase === 'move') tool.move?.(this.host.toolContext(), o.scenePoint, e);
    else {
      this.gestureTool = undefined;
      tool.up?.(this.host.toolContext(), o.scenePoint, e);
    }
  }
}

function stop(e: Event): void {
  e.stopPropagation();
  e.preventDefault();
}
