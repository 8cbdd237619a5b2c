import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Metrics, MetricsReport } from '../protocol/metrics.ts';
import { emptyMetrics, isToolId, readMetrics, sum } from './figures.ts';
import { MetricsMode, metricsModeOf } from './mode.ts';
import { idleTimeoutOf, TimeOnTask, type ChangeDetail } from './time-on-task.ts';

/** Why metrics were flushed; the element passes it on with `co-design-metrics`. */
export const FlushReason = {
  Hidden: 'hidden',
  PageHide: 'pagehide',
  Interval: 'interval',
  Disconnect: 'disconnect',
} as const;
export type FlushReason = (typeof FlushReason)[keyof typeof FlushReason];

export interface MetricsFlush {
  reason: FlushReason;
  /** This session so far (final for `pagehide` and `disconnect`). */
  current: Metrics;
  /** The draft's stored total plus this session: what to save with the draft. */
  total: Metrics;
}

export interface MetricsControllerOptions {
  /** The `idle-timeout` attribute's value; bad values mean the default 5000 ms. */
  idleTimeout?: unknown;
  /**
   * The host's switch, read on connection and on every host update: the
   * element's `metrics` property (`on` by default, `off`; see `metricsModeOf`).
   */
  mode?: () => unknown;
  /** A monotonic clock in ms (tests); `performance.now` by default. */
  now?: () => number;
  /** Periodic flush while the page is visible, in ms; 0 turns it off. Default 30 s. */
  flushInterval?: number;
  onFlush?: (flush: MetricsFlush) => void;
}

export interface ReportContext {
  draft: string;
  template: { id: string; version: string };
  submitted: boolean;
}

export const DEFAULT_FLUSH_INTERVAL = 30_000;

// Input inside the studio earns engagement (docs/design.md: pointer, key, touch, wheel).
const INPUTS = ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'keydown', 'touchstart', 'wheel'] as const;

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Time on task for one `<co-design-studio>`: turns page events into calls on
 * the pure `TimeOnTask` engine, one engine per session (connection or
 * bfcache restore until pagehide or disconnection), and keeps the draft's
 * total from earlier sessions beside it.
 *
 * Input is heard on the window in the capture phase and kept when its
 * composed path includes the host: the editor stops pointer events of a pan
 * or pinch at the window, so a listener on the host would miss their
 * pointerup and leave a drag open for ever.
 *
 * While the host's switch is `off` there are no listeners, no engine and no
 * timer, and `total()` is null: nothing is measured, kept or sent. Turning
 * it on starts a fresh session; turning it off drops what was not flushed
 * yet (what was flushed had been kept and sent under the switch's `on`).
 */
export class MetricsController implements ReactiveController {
  private engine: TimeOnTask | undefined;
  private restored: Metrics = emptyMetrics();
  /** Sessions of this element that already ended (a bfcache return or a re-connection starts another). */
  private earlier: Metrics = emptyMetrics();
  private idle: number;
  private tool: string | undefined;
  private sessionId = '';
  private seq = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** This session's figures as last flushed: what a switch to `off` keeps of it. */
  private flushed: Metrics | undefined;
  private mode: MetricsMode = MetricsMode.On;
  private connected = false;
  /** The switch value already warned about, so a host that keeps setting it is told once. */
  private warned: unknown;
  private readonly cleanup: (() => void)[] = [];
  private readonly now: (() => number) | undefined;
  private readonly flushInterval: number;
  private readonly onFlush: ((flush: MetricsFlush) => void) | undefined;
  private readonly readMode: (() => unknown) | undefined;

  constructor(
    private readonly host: Host,
    opts: MetricsControllerOptions = {},
  ) {
    this.idle = idleTimeoutOf(opts.idleTimeout);
    this.now = opts.now;
    this.flushInterval = opts.flushInterval ?? DEFAULT_FLUSH_INTERVAL;
    this.onFlush = opts.onFlush;
    this.readMode = opts.mode;
    host.addController(this);
  }

  /** False while the host's switch is `off`. */
  get enabled(): boolean {
    return this.mode === MetricsMode.On;
  }

  get idleTimeout(): number {
    return this.idle;
  }

  /** Takes the attribute's raw value; see `idleTimeoutOf`. */
  set idleTimeout(value: unknown) {
    this.idle = idleTimeoutOf(value);
    if (this.engine) this.engine.idleTimeout = this.idle;
  }

  /** The session's id in reports; a new one per session. */
  get session(): string {
    return this.sessionId;
  }

  hostConnected(): void {
    this.connected = true;
    this.mode = this.modeNow();
    if (this.enabled) this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
    this.endSession(FlushReason.Disconnect);
  }

  /** The host may have flipped its switch (lit calls this before each render). */
  hostUpdate(): void {
    const mode = this.modeNow();
    if (mode === this.mode) return;
    this.mode = mode;
    if (!this.connected) return;
    if (this.enabled) this.start();
    else this.drop();
  }

  /** The tool now active (a tool id); time from now on is booked to it. */
  setTool(id: string | undefined): void {
    this.tool = id;
    this.engine?.setTool(isToolId(id) ? id : undefined);
  }

  /** An editor `change` event's detail. */
  recordChange(detail: ChangeDetail): void {
    this.engine?.change(detail);
  }

  /**
   * The draft's stored total from earlier sessions (undefined for a new
   * draft). Replaces any earlier restore; a record that fails the check is
   * refused (false) and the draft starts counting from zero.
   */
  restore(total: Metrics | undefined): boolean {
    const clean = total === undefined ? emptyMetrics() : readMetrics(total);
    this.restored = clean ?? emptyMetrics();
    return clean !== undefined;
  }

  /**
   * Another draft is now on screen (opened from the drafts list, a new
   * design, an imported backup). What was measured until now belongs to the
   * draft before it, which kept it when it was saved on the way out; the new
   * draft counts on from its own stored total, in a session of its own.
   */
  switchDraft(total: Metrics | undefined): void {
    this.restore(total);
    this.earlier = emptyMetrics();
    this.flushed = undefined;
    if (!this.engine) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.engine = undefined;
    this.startSession();
  }

  /** This session's figures so far. */
  current(): Metrics {
    return this.engine?.snapshot() ?? emptyMetrics();
  }

  /**
   * Stored total plus every session of this element: what the draft keeps
   * and a submission carries. Null while the switch is `off`: then nothing
   * is kept or sent, and a stored total stays as it was.
   */
  total(): Metrics | null {
    return this.enabled ? this.sumAll() : null;
  }

  private sumAll(): Metrics {
    return sum(sum(this.restored, this.earlier), this.current());
  }

  /** A `POST {endpoint}/metrics` body; each call takes the next `seq`. */
  report(ctx: ReportContext): MetricsReport {
    return {
      format: 'co-design-metrics-report',
      version: 1,
      draft: ctx.draft,
      session: this.sessionId,
      seq: ++this.seq,
      template: { id: ctx.template.id, version: ctx.template.version },
      sent: new Date().toISOString(),
      current: this.current(),
      total: this.sumAll(),
      submitted: ctx.submitted,
    };
  }

  /** Hands the figures to `onFlush` now (the element may also flush on submit); nothing while off. */
  flush(reason: FlushReason): void {
    if (!this.engine) return;
    const current = this.current();
    this.flushed = current;
    this.onFlush?.({ reason, current, total: this.sumAll() });
  }

  // ---- the switch ------------------------------------------------------------

  private modeNow(): MetricsMode {
    const value = this.readMode?.();
    const { mode, known } = metricsModeOf(value);
    if (!known && value !== this.warned) {
      this.warned = value;
      const shown = JSON.stringify(value);
      console.warn(
        `<co-design-studio>: metrics=${shown} is neither "on" nor "off"; time on task stays off (docs/privacy.md)`,
      );
    }
    return mode;
  }

  /** Listens and measures: a fresh session, with nothing from before the switch. */
  private start(): void {
    const win = this.host.ownerDocument.defaultView;
    if (!win || this.cleanup.length > 0) return;
    const doc = this.host.ownerDocument;
    const on = (target: Window | Document, type: string, fn: (e: never) => void, capture = false) => {
      target.addEventListener(type, fn as EventListener, { capture, passive: true });
      this.cleanup.push(() => target.removeEventListener(type, fn as EventListener, { capture }));
    };
    for (const type of INPUTS) on(win, type, this.handleInput, true);
    on(doc, 'visibilitychange', this.handleVisibility);
    on(win, 'focus', this.handleFocus);
    on(win, 'blur', this.handleFocus);
    on(win, 'pagehide', this.handlePageHide);
    on(win, 'pageshow', this.handlePageShow);
    this.startSession();
  }

  private stop(): void {
    for (const f of this.cleanup.splice(0)) f();
  }

  /**
   * Switched off: no listeners, no timer, no engine. The session's figures as
   * last flushed were kept and sent while on, so the draft's total keeps them;
   * the time since that flush was never counted anywhere and goes.
   */
  private drop(): void {
    this.stop();
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.flushed) this.earlier = sum(this.earlier, this.flushed);
    this.flushed = undefined;
    this.engine = undefined;
  }

  // ---- sessions ------------------------------------------------------------

  private startSession(): void {
    if (this.engine && !this.engine.isEnded) return;
    if (this.engine) this.earlier = sum(this.earlier, this.engine.snapshot());
    this.flushed = undefined;
    const doc = this.host.ownerDocument;
    const perf = doc.defaultView?.performance ?? performance;
    this.engine = new TimeOnTask({
      idleTimeout: this.idle,
      now: this.now ?? (() => perf.now()),
      visible: doc.visibilityState === 'visible',
      focused: doc.hasFocus(),
      tool: isToolId(this.tool) ? this.tool : undefined,
    });
    this.sessionId = newId();
    this.seq = 0;
    this.schedule();
  }

  private endSession(reason: FlushReason): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (!this.engine || this.engine.isEnded) return;
    this.engine.end();
    this.flush(reason);
  }

  private schedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.flushInterval > 0) this.timer = setInterval(this.handleInterval, this.flushInterval);
  }

  // ---- events ----------------------------------------------------------------

  private readonly handleInput = (e: Event): void => {
    const engine = this.engine;
    if (!engine) return;
    const inside = e.composedPath().includes(this.host);
    const at = this.eventTime(e);
    if (e.type === 'pointerup' || e.type === 'pointercancel') {
      // A release anywhere ends the drag; only one inside the studio is an input.
      const id = (e as PointerEvent).pointerId;
      if (inside) engine.release(id, at);
      else engine.drop(id, at);
      return;
    }
    if (!inside) return;
    // An input event is fresh evidence of the page's state; events can outrun focus/blur.
    this.sync(at);
    if (e.type === 'pointerdown') engine.press((e as PointerEvent).pointerId, at);
    else if (e.type === 'pointermove' && (e as PointerEvent).buttons === 0) {
      // No button down: any drag of this pointer ended where we could not hear it.
      engine.drop((e as PointerEvent).pointerId, at);
      engine.input(at);
    } else engine.input(at);
  };

  private readonly handleVisibility = (e: Event): void => {
    this.sync(this.eventTime(e));
    if (this.host.ownerDocument.visibilityState === 'hidden' && this.engine && !this.engine.isEnded)
      this.flush(FlushReason.Hidden);
  };

  private readonly handleFocus = (e: Event): void => this.sync(this.eventTime(e));

  private readonly handlePageHide = (): void => this.endSession(FlushReason.PageHide);

  private readonly handlePageShow = (e: PageTransitionEvent): void => {
    // Back from the bfcache: the customer is here again, which is a new session.
    if (e.persisted) this.startSession();
  };

  private readonly handleInterval = (): void => {
    if (this.host.ownerDocument.visibilityState === 'visible' && this.engine && !this.engine.isEnded)
      this.flush(FlushReason.Interval);
  };

  private sync(at?: number): void {
    const doc = this.host.ownerDocument;
    this.engine?.setVisible(doc.visibilityState === 'visible', at);
    this.engine?.setFocused(doc.hasFocus(), at);
  }

  /** The event's own time shares performance.now's origin; a test's clock does not. */
  private eventTime(e: Event): number | undefined {
    return this.now ? undefined : e.timeStamp;
  }
}

/** crypto.randomUUID needs a secure context; a brand's plain-http test page is not one. */
function newId(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
