import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { MetricsController, type MetricsFlush } from '../../src/metrics/controller.ts';
import { metricsModeOf } from '../../src/metrics/mode.ts';
import { emptyMetrics } from '../../src/metrics/time-on-task.ts';
import { waitFor } from '../support/wait.ts';
import { bareHost } from './host.ts';

const IDLE = 1000;
const ctx = { draft: 'draft-1', template: { id: 'roadster', version: '1' }, submitted: false };

/** A controller on a bare host with a hand-moved clock and a switch the test flips (as the element's property). */
function setup(mode: unknown, flushInterval = 0) {
  let t = 0;
  const clock = { at: (ms: number) => (t = ms) };
  const flushes: MetricsFlush[] = [];
  const bare = bareHost();
  const state = { mode };
  const ctrl = new MetricsController(bare.host, { idleTimeout: IDLE, now: () => t, flushInterval, mode: () => state.mode, onFlush: (f) => flushes.push(f) });
  bare.connect();
  // What lit does when the host's property changes: an update, which calls hostUpdate.
  const flip = (value: unknown) => ((state.mode = value), ctrl.hostUpdate());
  return { ...bare, ctrl, clock, flushes, flip };
}

/** Presses and releases the real mouse on the host's shadow button: input inside the studio. */
async function press(host: HTMLElement): Promise<void> {
  const r = host.shadowRoot!.querySelector('button')!.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

describe('the metrics switch (MetricsController)', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    cleanup = undefined;
  });

  it('reads the attribute: absent or "on" measures, "off" and anything else does not', () => {
    expect([undefined, null, 'on'].map((v) => metricsModeOf(v).mode)).to.deep.equal(['on', 'on', 'on']);
    expect(metricsModeOf('off')).to.deep.equal({ mode: 'off', known: true });
    for (const odd of ['', 'false', 'no', 'OFF', 'true', 0]) expect(metricsModeOf(odd), String(odd)).to.deep.equal({ mode: 'off', known: false });
  });

  it('while off hears no input, counts nothing, flushes nothing and has no total', async () => {
    await resetMouse();
    const { ctrl, clock, flushes, host, disconnect } = setup('off');
    cleanup = disconnect;
    let heard = 0;
    const count = () => heard++;
    // The proof that the input reached the studio: a listener of the test's own, beside the controller's.
    window.addEventListener('pointerdown', count, true);
    try {
      clock.at(1000);
      await press(host);
      await waitFor(() => heard > 0, 'the click inside the studio');
      ctrl.recordChange({ source: 'pencil', kind: 'edit' });
      clock.at(4000);
      ctrl.flush('hidden');
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    } finally {
      window.removeEventListener('pointerdown', count, true);
    }
    expect(ctrl.enabled).to.equal(false);
    expect(ctrl.current()).to.deep.equal(emptyMetrics());
    expect(ctrl.total()).to.equal(null);
    expect(flushes).to.deep.equal([]);
    disconnect();
    cleanup = undefined;
    expect(flushes, 'not on disconnection either').to.deep.equal([]);
  });

  it('turned on, starts a fresh session: nothing from before the switch, the stored total kept', async () => {
    await resetMouse();
    const { ctrl, clock, flip, host, disconnect } = setup('off');
    cleanup = disconnect;
    const stored = { ...emptyMetrics(), engagedMs: 2000, visibleMs: 3000, wallMs: 4000, strokes: 2, sessions: 1 };
    ctrl.restore(stored);
    clock.at(5000);
    await press(host);
    ctrl.recordChange({ source: 'pencil', kind: 'edit' });
    clock.at(10_000);
    flip('on');
    const session = ctrl.session;
    clock.at(10_500);
    await press(host);
    ctrl.recordChange({ source: 'pencil', kind: 'edit' });
    clock.at(12_000);
    const report = ctrl.report(ctx);
    expect(report.session).to.equal(session);
    expect(report.current.wallMs, 'counted from the switch').to.equal(2000);
    expect(report.current.engagedMs).to.equal(IDLE);
    expect([report.current.strokes, report.current.sessions]).to.deep.equal([1, 1]);
    expect([report.total.strokes, report.total.sessions, report.total.wallMs]).to.deep.equal([3, 2, 6000]);
    expect(ctrl.total()).to.deep.equal(report.total);
  });

  it('turned off mid-session, drops the time since the last flush and keeps what was flushed', () => {
    const { ctrl, clock, flip, flushes, disconnect } = setup('on');
    cleanup = disconnect;
    clock.at(3000);
    ctrl.recordChange({ source: 'pencil', kind: 'edit' });
    ctrl.flush('interval');
    expect(flushes.at(-1)!.current.wallMs).to.equal(3000);
    clock.at(8000);
    ctrl.recordChange({ source: 'pencil', kind: 'edit' });
    flip('off');
    expect(ctrl.total()).to.equal(null);
    clock.at(20_000);
    flip('on');
    clock.at(21_000);
    const total = ctrl.total()!;
    // 3000 ms and one stroke were flushed (kept and sent) before the switch; 5000 ms and a stroke after it went.
    expect([total.wallMs, total.strokes, total.sessions]).to.deep.equal([3000 + 1000, 1, 2]);
    expect(ctrl.current().wallMs).to.equal(1000);
  });

  it('stops its timer when turned off: a controller left on keeps flushing meanwhile', async () => {
    const off = setup('on', 40);
    const on = setup('on', 40);
    cleanup = () => (off.disconnect(), on.disconnect());
    await waitFor(() => off.flushes.length >= 1, 'a first periodic flush');
    off.flip('off');
    const before = off.flushes.length;
    const seen = on.flushes.length;
    await waitFor(() => on.flushes.length >= seen + 4, 'four more periodic flushes of the controller left on');
    expect(off.flushes.length).to.equal(before);
  });

  it('tells the developer once about a value that is neither "on" nor "off", and measures nothing', () => {
    const warned: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args);
    try {
      const { ctrl, flip, disconnect } = setup('yes');
      cleanup = disconnect;
      flip('yes');
      flip('yes');
      expect(ctrl.enabled).to.equal(false);
      expect(warned).to.have.length(1);
      expect(String(warned[0][0])).to.match(/metrics="yes" is neither "on" nor "off"/);
      flip('on');
      expect(ctrl.enabled).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });
});
