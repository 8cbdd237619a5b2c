import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { MetricsController, type MetricsControllerOptions, type MetricsFlush } from '../../src/metrics/controller.ts';
import type { CoDesignStudio } from '../../src/element/co-design-studio.component.ts';
import type { StudioEditor } from '../../src/editor/editor.ts';
import { cdp, type CdpCall } from '../support/cdp.ts';
import type { Pt } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

/**
 * The script's own account of a session, from which the truth is computed
 * without the controller. The script knows when it sent an input only to a
 * round trip, and the reply waits for fabric's handlers (20–300 ms on a busy
 * machine): so each step is stamped with the browser's own timestamp of the
 * first input event it caused (at or after the step began). Visibility
 * and focus changes are stamped the same way, from the browser's events.
 */
export type Mark = { t: number; what: 'input' | 'press' | 'release' | 'tool' | 'hide' | 'show' | 'blur' | 'focus'; tool?: string };

const INPUT_TYPES = ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'keydown', 'touchstart', 'wheel'];

export class Timeline {
  readonly marks: Mark[] = [];
  readonly start: number;
  private readonly initially: { visible: boolean; focused: boolean };
  private readonly seen: number[] = [];
  /** For a failing run's message: every input event, and each step's send–reply window. */
  readonly events: [string, number, number, number][] = [];
  readonly steps: [string, number, number][] = [];
  private readonly cleanup: (() => void)[] = [];

  constructor(readonly win: Window = window) {
    this.start = win.performance.now();
    const doc = win.document;
    this.initially = { visible: doc.visibilityState === 'visible', focused: doc.hasFocus() };
    const listen = (target: EventTarget, type: string, fn: (e: Event) => void) => {
      target.addEventListener(type, fn, true);
      this.cleanup.push(() => target.removeEventListener(type, fn, true));
    };
    for (const type of INPUT_TYPES) {
      listen(win, type, (e) => {
        this.seen.push(e.timeStamp);
        this.events.push([type, Math.round(e.timeStamp - this.start), (e as PointerEvent).pointerId ?? -1, (e as PointerEvent).buttons ?? -1]);
      });
    }
    listen(doc, 'visibilitychange', (e) => this.marks.push({ t: e.timeStamp, what: doc.visibilityState === 'hidden' ? 'hide' : 'show' }));
    listen(win, 'blur', (e) => doc.hasFocus() || this.marks.push({ t: e.timeStamp, what: 'blur' }));
    listen(win, 'focus', (e) => this.marks.push({ t: e.timeStamp, what: 'focus' }));
  }

  dispose(): void {
    for (const f of this.cleanup.splice(0)) f();
  }

  /** Returns false when an `optional` step's input never reached the page (then it is not in the truth either). */
  async step(what: Mark['what'], action: () => Promise<unknown>, tool?: string, optional = false): Promise<boolean> {
    const n = this.seen.length;
    const before = this.win.performance.now();
    await action();
    const after = this.win.performance.now();
    this.steps.push([what, Math.round(before - this.start), Math.round(after - this.start)]);
    // A non-blocking touch is acknowledged before the page handles it: wait for it (on a busy machine, a while).
    const caused = () => this.seen.slice(n).find((x) => x >= before - 1);
    const t = await waitFor(caused, `the input event of the ${what} step`, optional ? 3000 : 10_000).catch(() => undefined);
    if (t === undefined && optional) return false;
    if (t === undefined) throw new Error(`The ${what} step at ${Math.round(before - this.start)} ms caused no input event`);
    this.marks.push({ t, what, tool });
    return true;
  }

  move = (p: Pt) => this.step('input', () => sendMouse({ type: 'move', position: p }));
  down = () => this.step('press', () => sendMouse({ type: 'down' }));
  up = () => this.step('release', () => sendMouse({ type: 'up' }));
  /** Keys as one step: `{ down: 'Control' }, { press: 'z' }, { up: 'Control' }` (0.9 has no "Control+z"). */
  keys = (...steps: Parameters<typeof sendKeys>[0][]) => this.step('input', async () => { for (const k of steps) await sendKeys(k); });
  /** Clicks a tool button as three stamped steps; the tool changes on the release, as a click does. */
  async clickTool(p: Pt, tool: string): Promise<void> {
    await this.move(p);
    await this.down();
    await this.up();
    this.marks.push({ t: this.marks.at(-1)!.t, what: 'tool', tool });
  }
  /** One DevTools call (wheel, a touch tap) that the studio hears as input. */
  cdp = (calls: CdpCall | CdpCall[], opts: { optional?: boolean } = {}) => this.step('input', () => cdp(calls), undefined, opts.optional);

  /** Engaged, visible and wall ms (in total and for one tool) from the marks, up to `end`. */
  truth(idle: number, end: number, firstTool: string): { engagedMs: number; visibleMs: number; wallMs: number; tools: Map<string, number> } {
    let { visible, focused } = this.initially;
    let down = false, tool = firstTool, lastInput = -Infinity, at = this.start;
    let engagedMs = 0, visibleMs = 0;
    const tools = new Map<string, number>();
    const book = (to: number) => {
      const e = !visible || !focused ? 0 : down ? to - at : Math.max(0, Math.min(to, lastInput + idle) - at);
      engagedMs += e;
      visibleMs += visible ? to - at : 0;
      tools.set(tool, (tools.get(tool) ?? 0) + e);
      at = to;
    };
    for (const m of [...this.marks].sort((a, b) => a.t - b.t)) {
      book(m.t);
      if (m.what === 'input' || m.what === 'press' || m.what === 'release') lastInput = m.t;
      if (m.what === 'press') down = true;
      if (m.what === 'release' || m.what === 'hide' || m.what === 'blur') down = false;
      if (m.what === 'hide' || m.what === 'show') visible = m.what === 'show';
      if (m.what === 'blur' || m.what === 'focus') focused = m.what === 'focus';
      if (m.what === 'tool') tool = m.tool!;
    }
    book(end);
    return { engagedMs, visibleMs, wallMs: end - this.start, tools };
  }
}

/**
 * Lets real time pass inside a measured session: the scenario itself (an idle
 * gap, a stroke held still, a customer's pace), which the controller's figures
 * are checked against. Never a wait for something to happen: that is `waitFor`.
 */
export const elapse = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Attaches a controller to a mounted studio and wires it the way the element
 * will (tool from the editor's `state`, strokes from `co-design-change`).
 */
export function attachMetrics(el: CoDesignStudio, editor: StudioEditor, opts: MetricsControllerOptions = {}) {
  const flushes: MetricsFlush[] = [];
  const ctrl = new MetricsController(el, { flushInterval: 0, onFlush: (f) => flushes.push(f), ...opts });
  ctrl.setTool(editor.tool);
  editor.addEventListener('state', () => ctrl.setTool(editor.tool));
  el.addEventListener('co-design-change', (e) => ctrl.recordChange({ source: e.source, kind: e.kind }));
  return { ctrl, flushes };
}

/** Within `pct` % of `truth`; says both numbers when it is not. */
export function within(actual: number, truth: number, pct: number, label: string): void {
  if (!(Math.abs(actual - truth) <= (Math.abs(truth) * pct) / 100)) throw new Error(`${label}: ${actual.toFixed(1)} is not within ${pct}% of ${truth.toFixed(1)}`);
}
