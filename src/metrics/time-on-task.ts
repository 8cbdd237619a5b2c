import type { Metrics, TimeFigures, ToolFigures } from '../protocol/metrics.ts';
import type { ToolId } from '../editor/tools/types.ts';
import { emptyMetrics, isToolId } from './figures.ts';

export { emptyMetrics, readMetrics, sum } from './figures.ts';

export const DEFAULT_IDLE_TIMEOUT = 5000;

/** What the editor says about a change (see `EditorChange` in the editor). */
export interface ChangeDetail {
  source: string;
  kind: 'edit' | 'undo' | 'redo';
}

export interface TimeOnTaskOptions {
  /** ms of engagement one input event earns; default 5000. */
  idleTimeout?: number;
  /** A monotonic clock in ms; `performance.now` unless a test brings its own. */
  now?: () => number;
  visible?: boolean;
  focused?: boolean;
  tool?: ToolId;
}

/**
 * One session's time on task, exactly the rule of docs/design.md, with no DOM: the
 * caller reports what happened and when (through the clock); this keeps the
 * arithmetic. Time between two calls is booked with the state that held
 * during it, so every method first brings the books up to "now".
 *
 * Engaged at time t ⇔ visible ∧ focused ∧ (a drag is in progress ∨
 * t < last input + idleTimeout). The next input restarts the window, which is
 * how "up to the next input event or idleTimeout, whichever comes first"
 * adds up without counting any moment twice.
 */
export class TimeOnTask {
  private readonly now: () => number;
  private readonly start: number;
  private last: number;
  private ended = false;
  private visible: boolean;
  private focused: boolean;
  private tool: ToolId | undefined;
  private idle: number;
  private lastInput = Number.NEGATIVE_INFINITY;
  private readonly pressed = new Set<number>();
  private readonly total: TimeFigures = { engagedMs: 0, visibleMs: 0, wallMs: 0 };
  private readonly tools = new Map<ToolId, TimeFigures>();
  private strokes = 0;
  private undos = 0;
  private redos = 0;
  private firstStroke: number | null = null;

  constructor(opts: TimeOnTaskOptions = {}) {
    this.now = opts.now ?? (() => performance.now());
    this.idle = idleTimeoutOf(opts.idleTimeout);
    this.visible = opts.visible ?? true;
    this.focused = opts.focused ?? true;
    this.tool = opts.tool;
    this.start = this.last = this.now();
  }

  get idleTimeout(): number {
    return this.idle;
  }

  /** Applies from now on; a window already earned keeps its old length up to now. */
  set idleTimeout(ms: number) {
    this.advance();
    this.idle = idleTimeoutOf(ms);
  }

  get dragging(): boolean {
    return this.pressed.size > 0;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /*
   * Input methods take the event's own time when the caller has it (on the
   * clock's time base): a customer acts when the event is made, not when a
   * handler gets the main thread after a half-second stroke commit. It is
   * clamped between the last booked moment and now, so books never rewind.
   */

  /** A key, wheel, touch or pointer move inside the studio. */
  input(at?: number): void {
    this.advance(at);
    this.lastInput = this.last;
  }

  /** Pointer down: an input, and a drag that stays engaged until its release. */
  press(pointerId: number, at?: number): void {
    this.input(at);
    this.pressed.add(pointerId);
  }

  /** Pointer up or cancel inside the studio: an input that ends that pointer's drag. */
  release(pointerId: number, at?: number): void {
    this.input(at);
    this.pressed.delete(pointerId);
  }

  /** Ends a drag whose release happened elsewhere (outside the studio, or lost); not an input. */
  drop(pointerId?: number, at?: number): void {
    this.advance(at);
    if (pointerId === undefined) this.pressed.clear();
    else this.pressed.delete(pointerId);
  }

  setVisible(visible: boolean, at?: number): void {
    // Unchanged state books nothing, so an event's own time is not overtaken by a no-op.
    if (visible === this.visible) return;
    this.advance(at);
    this.visible = visible;
    // A hidden page gets no pointer stream and browsers do not always send
    // the up or cancel: a drag cannot outlive hiding, or it would never end.
    if (!visible) this.pressed.clear();
  }

  setFocused(focused: boolean, at?: number): void {
    if (focused === this.focused) return;
    this.advance(at);
    this.focused = focused;
    if (!focused) this.pressed.clear();
  }

  setTool(tool: ToolId | undefined): void {
    this.advance();
    this.tool = tool;
  }

  /** An editor change: a tool's edit is a stroke; undo and redo are counted. */
  change({ source, kind }: ChangeDetail): void {
    this.advance();
    if (this.ended) return;
    if (kind === 'undo') this.undos++;
    else if (kind === 'redo') this.redos++;
    else if (isToolId(source)) {
      this.strokes++;
      this.firstStroke ??= this.last - this.start;
    }
  }

  /** The session is over (pagehide, disconnection): the clock stops here for good. */
  end(): void {
    this.advance();
    this.ended = true;
  }

  /** This session's figures up to now (or up to its end). */
  snapshot(): Metrics {
    this.advance();
    const tools: ToolFigures[] = [];
    for (const [tool, t] of this.tools) if (t.wallMs >= 0.5) tools.push({ tool, ...rounded(t) });
    return {
      ...emptyMetrics(),
      ...rounded(this.total),
      tools,
      strokes: this.strokes,
      undos: this.undos,
      redos: this.redos,
      sessions: 1,
      firstStrokeMs: this.firstStroke === null ? null : Math.round(this.firstStroke),
    };
  }

  /** Books the time since the last call with the state that held during it. */
  private advance(at?: number): void {
    const now = this.now();
    const t = at === undefined || !(at < now) ? now : at;
    if (this.ended || !(t > this.last)) return;
    const from = this.last;
    const dt = t - from;
    let engaged = 0;
    if (this.visible && this.focused)
      engaged = this.pressed.size > 0 ? dt : Math.max(0, Math.min(t, this.lastInput + this.idle) - from);
    const visible = this.visible ? dt : 0;
    add(this.total, engaged, visible, dt);
    if (this.tool) {
      let figures = this.tools.get(this.tool);
      if (!figures) this.tools.set(this.tool, (figures = { engagedMs: 0, visibleMs: 0, wallMs: 0 }));
      add(figures, engaged, visible, dt);
    }
    this.last = t;
  }
}

function add(f: TimeFigures, engaged: number, visible: number, wall: number): void {
  f.engagedMs += engaged;
  f.visibleMs += visible;
  f.wallMs += wall;
}

function rounded(f: TimeFigures): TimeFigures {
  return { engagedMs: Math.round(f.engagedMs), visibleMs: Math.round(f.visibleMs), wallMs: Math.round(f.wallMs) };
}

/**
 * The `idle-timeout` attribute: ms, default 5000. Anything that is not a
 * positive finite number (empty, "abc", "-1", "Infinity") falls back to the
 * default rather than silently turning the measure off or making it endless.
 */
export function idleTimeoutOf(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_IDLE_TIMEOUT;
}
