import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { MetricsController, type MetricsFlush } from '../../src/metrics/controller.ts';
import { emptyMetrics } from '../../src/metrics/time-on-task.ts';
import type { Metrics } from '../../src/protocol/metrics.ts';
import { bareHost } from './host.ts';
import { waitFor } from '../support/wait.ts';
import { elapse, Timeline, within } from './timeline.ts';

const IDLE = 1000;
const ctx = { draft: 'draft-1', template: { id: 'roadster', version: '1' }, submitted: false };

function setup(opts: { connect?: boolean; flushInterval?: number } = {}) {
  let t = 0;
  const clock = { at: (ms: number) => (t = ms) };
  const flushes: MetricsFlush[] = [];
  const bare = bareHost();
  const ctrl = new MetricsController(bare.host, { idleTimeout: IDLE, now: () => t, flushInterval: opts.flushInterval ?? 0, onFlush: (f) => flushes.push(f) });
  if (opts.connect !== false) bare.connect();
  return { ...bare, ctrl, clock, flushes };
}

describe('MetricsController', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    cleanup = undefined;
  });

  it('adds this session to the draft total restored from earlier sessions', () => {
    const { ctrl, clock, disconnect } = setup();
    cleanup = disconnect;
    const before: Metrics = { ...emptyMetrics(), engagedMs: 4000, visibleMs: 9000, wallMs: 10_000, sessions: 2, tools: [{ tool: 'pencil', engagedMs: 4000, visibleMs: 9000, wallMs: 10_000 }] };
    expect(ctrl.restore(before)).to.equal(true);
    ctrl.setTool('spray');
    clock.at(3000);
    ctrl.recordChange({ source: 'spray', kind: 'edit' });
    clock.at(5000);
    const total = ctrl.total()!;
    expect([total.wallMs, total.sessions, total.strokes, total.firstStrokeMs]).to.deep.equal([15_000, 3, 1, 13_000]);
    expect(total.tools.map((x) => [x.tool, x.wallMs])).to.deep.equal([['pencil', 10_000], ['spray', 5000]]);
    expect(ctrl.current().sessions).to.equal(1);

    const r1 = ctrl.report(ctx);
    const r2 = ctrl.report({ ...ctx, submitted: true });
    expect([r1.seq, r2.seq, r2.submitted]).to.deep.equal([1, 2, true]);
    expect(r1.session).to.equal(r2.session);
    expect(r1.session.length).to.be.greaterThan(8);
    expect(r2.total).to.deep.equal(total);
    expect(r2.format).to.equal('co-design-metrics-report');
  });

  it('refuses a corrupt stored total and counts from zero', () => {
    const { ctrl, disconnect } = setup();
    cleanup = disconnect;
    expect(ctrl.restore({ ...emptyMetrics(), engagedMs: Number.NaN })).to.equal(false);
    expect(ctrl.total()!.sessions).to.equal(1);
    expect(ctrl.restore(undefined)).to.equal(true);
  });

  it('flushes final figures on disconnect, and a re-connection is a new session', () => {
    const { ctrl, clock, flushes, connect, disconnect } = setup();
    clock.at(4000);
    disconnect();
    expect(flushes.map((f) => [f.reason, f.current.wallMs])).to.deep.equal([['disconnect', 4000]]);
    const first = ctrl.report(ctx);
    clock.at(9000);
    expect(ctrl.current().wallMs, 'the clock stopped at disconnection').to.equal(4000);
    connect();
    cleanup = disconnect;
    clock.at(10_000);
    const second = ctrl.report(ctx);
    expect(second.session).not.to.equal(first.session);
    expect(second.seq).to.equal(1);
    expect([second.total.sessions, second.total.wallMs, second.current.wallMs]).to.deep.equal([2, 5000, 1000]);
  });

  it('ends the session on pagehide and starts another on a return from the back/forward cache', () => {
    const { ctrl, clock, flushes, disconnect } = setup();
    cleanup = disconnect;
    clock.at(2000);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    clock.at(7000);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    clock.at(8000);
    expect(flushes.map((f) => f.reason)).to.deep.equal(['pagehide']);
    expect([ctrl.total()!.sessions, ctrl.total()!.wallMs]).to.deep.equal([2, 3000]);
  });

  it('reads idle-timeout like the attribute: ms, bad values mean 5000', () => {
    const { ctrl, disconnect } = setup();
    cleanup = disconnect;
    expect(ctrl.idleTimeout).to.equal(IDLE);
    ctrl.idleTimeout = '2500';
    expect(ctrl.idleTimeout).to.equal(2500);
    for (const bad of ['', 'soon', '-1', null]) {
      ctrl.idleTimeout = bad;
      expect(ctrl.idleTimeout).to.equal(5000);
    }
  });

  it('flushes periodically while visible', async () => {
    const started = performance.now();
    const { flushes, disconnect } = setup({ flushInterval: 100 });
    cleanup = disconnect;
    await waitFor(() => flushes.filter((f) => f.reason === 'interval').length >= 3, 'three interval flushes');
    expect(performance.now() - started, 'no faster than every 100 ms').to.be.at.least(299);
  });

  it('hears input from inside its shadow root only, and a drag released outside ends there', async () => {
    await resetMouse();
    const { ctrl, clock, host, disconnect } = setup();
    cleanup = disconnect;
    const button = host.shadowRoot!.querySelector('button')!;
    clock.at(0);
    await sendMouse({ type: 'move', position: [100, 100] });
    await sendMouse({ type: 'down' });
    clock.at(500);
    await sendMouse({ type: 'move', position: [600, 400] });
    clock.at(3000);
    await sendMouse({ type: 'up' });
    clock.at(5000);
    await sendMouse({ type: 'move', position: [650, 420] });
    clock.at(10_000);
    // The drag 0–3000 s counts; a release and moves outside earn nothing.
    expect(ctrl.current().engagedMs).to.equal(3000);
    button.focus();
    clock.at(20_000);
    await sendKeys({ press: 'a' });
    clock.at(30_000);
    expect(ctrl.current().engagedMs).to.equal(3000 + IDLE);
  });
});

describe('MetricsController in a frame without focus', () => {
  it('stops engaged time while the focus is in the parent page, though the frame stays visible', async function () {
    this.timeout(30_000);
    await resetMouse();
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:absolute;left:0;top:0;width:400px;height:300px;border:0';
    frame.srcdoc = '<!doctype html><body style="margin:0"></body>';
    const outside = document.createElement('input');
    outside.style.cssText = 'position:absolute;left:500px;top:40px;width:100px;height:30px';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame, outside);
    await loaded;
    const win = frame.contentWindow!;
    const { host, connect, disconnect } = bareHost(win.document);
    try {
      const tl = new Timeline(win);
      const ctrl = new MetricsController(host, { idleTimeout: IDLE, flushInterval: 0 });
      connect();
      await tl.move([100, 100]);
      await tl.down();
      await tl.up();
      for (let i = 1; i <= 5; i++) await elapse(0.3 * IDLE), await tl.move([100 + i * 10, 100]);
      // Focus goes to the parent page: the frame's document.hasFocus() turns false.
      await sendMouse({ type: 'click', position: [550, 55] });
      await waitFor(() => !win.document.hasFocus(), 'the frame without focus');
      expect(document.hasFocus()).to.equal(true);
      for (let i = 0; i < 3; i++) await elapse(0.5 * IDLE), await tl.move([200, 150 + i * 5]);
      await tl.move([120, 120]);
      await tl.down();
      await tl.up();
      await elapse(0.6 * IDLE);
      const end = win.performance.now();
      const m = ctrl.current();
      const truth = tl.truth(IDLE, end, 'pencil');
      tl.dispose();
      within(m.engagedMs, truth.engagedMs, 1, 'engaged');
      within(m.visibleMs, truth.wallMs, 1, 'visible');
      // Moves over the unfocused frame are input, but not engagement.
      expect(m.engagedMs).to.be.lessThan(m.wallMs - 1.2 * IDLE);
    } finally {
      disconnect();
      frame.remove();
      outside.remove();
    }
  });
});
